//! Tab 1 (申請): the applications queue — a paged list of the fiscal year's Form 1 applications with the
//! detail of the selected one — and its second view, the desk consultations (窓口相談).

pub mod forms;
pub mod view;

use crate::app::Effect;
use crate::app::input::LineInput;
use crate::app::keymap::Command;
use crate::app::keymap::Key;
use crate::app::pager::{Moved, Pager};
use crate::domain::model::DispatchStatus;
use crate::store::consultations::ConsultationRow;
use crate::store::needs_action::{Item, Reason};
use crate::store::queue::{DispatchDetail, QueueFilter, QueueRow, RecordFilter};

/// The three views of tab 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QueueView {
    /// The applications (Form 1).
    #[default]
    Applications,
    /// The desk consultations.
    Consultations,
    /// 要対応: what is waiting or overdue.
    NeedsAction,
}

/// The needs-action view: for each reason, how many and the oldest few.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NeedsAction {
    /// (reason, total, oldest items) in display order.
    pub groups: Vec<(Reason, usize, Vec<Item>)>,
    /// Index of the selected item across all groups.
    pub selected: usize,
}

impl NeedsAction {
    /// All listed items in display order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.groups.iter().flat_map(|g| g.2.iter())
    }

    /// The event of the selected item, when it is an event's (opened on tab 3).
    pub fn selected_event(&self) -> Option<i64> {
        self.items().nth(self.selected).and_then(|i| i.event_id)
    }
}

/// The queue's view state: only the visible page of rows is held.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueState {
    /// The status filter.
    pub filter: QueueFilter,
    /// Positions in the applications list.
    pub pager: Pager,
    /// The loaded page of applications.
    pub rows: Vec<QueueRow>,
    /// The detail of the selected application, once loaded.
    pub detail: Option<DispatchDetail>,
    /// Whether the detail is open full-screen (narrow terminals).
    pub detail_open: bool,
    /// The filter text being typed (`/`), if the input is open.
    pub filter_input: Option<LineInput>,
    /// Which view of the tab is shown.
    pub view: QueueView,
    /// The needs-action view.
    pub needs_action: NeedsAction,
    /// Positions in the consultations list.
    pub c_pager: Pager,
    /// The loaded page of consultations.
    pub c_rows: Vec<ConsultationRow>,
    /// The consultations' `/` filter text (caller, phone, business, content; folded).
    pub c_filter: String,
    /// The visit selected in the open detail (Enter opens it; j/k choose, `e` edits, `d` removes).
    pub visit_cursor: Option<usize>,
}

impl QueueState {
    /// The selected application, if loaded.
    pub fn selected_row(&self) -> Option<&QueueRow> {
        self.pager.selected_in_page().and_then(|i| self.rows.get(i))
    }

    /// Sets the number of visible rows (on start and resize); returns the page requests it needs.
    pub fn set_viewport(&mut self, rows: usize) -> Vec<Effect> {
        let moved = self.pager.set_viewport(rows);
        self.pager.trim(&mut self.rows, moved);
        let moved = self.c_pager.set_viewport(rows);
        self.c_pager.trim(&mut self.c_rows, moved);
        vec![self.request_page()]
    }

    /// Selects the first row (after creating a record, which sorts first).
    pub fn select_first(&mut self) {
        self.pager.reset();
        self.detail = None;
        self.visit_cursor = None;
        self.filter.status = None;
        self.view = QueueView::Applications;
    }

    /// Selects the n-th visible row (a mouse click).
    pub fn select_visible(&mut self, n: usize) -> Vec<Effect> {
        let pager = match self.view {
            QueueView::Applications => &mut self.pager,
            QueueView::Consultations => &mut self.c_pager,
            QueueView::NeedsAction => return Vec::new(),
        };
        let target = pager.top + n;
        if target >= pager.total || target == pager.selected {
            return Vec::new();
        }
        pager.selected = target;
        self.visit_cursor = None;
        if self.view != QueueView::Applications {
            return Vec::new();
        }
        self.detail = None;
        self.selected_row().map(|r| vec![Effect::LoadDetail { id: r.id }]).unwrap_or_default()
    }

    /// Shows the applications of one business, expert or chamber (from the lookup).
    pub fn show_record(&mut self, record: RecordFilter) -> Vec<Effect> {
        self.view = QueueView::Applications;
        self.filter = QueueFilter { record: Some(record), ..QueueFilter::default() };
        self.filter_input = None;
        self.detail_open = false;
        self.pager.reset();
        self.detail = None;
        vec![self.request_page()]
    }

    /// Shows the application at `position` of the unfiltered list (a jump from 要対応 or the lookup).
    pub fn locate(&mut self, position: usize) -> Vec<Effect> {
        self.locate_in(QueueFilter::default(), position)
    }

    /// Shows the application at `position` of the list narrowed by `filter` (a record chosen in the frequency
    /// tables, which counted that list).
    pub fn locate_in(&mut self, filter: QueueFilter, position: usize) -> Vec<Effect> {
        self.view = QueueView::Applications;
        self.filter = filter;
        self.filter_input = None;
        self.pager.selected = position;
        self.pager.top = position.saturating_sub(self.pager.viewport / 2);
        self.detail = None;
        self.visit_cursor = None;
        vec![self.request_page()]
    }

    /// A key while the filter input is open: edits re-run the list query on every keystroke.
    pub fn filter_key(&mut self, cmd: Option<Command>, key: Key) -> Vec<Effect> {
        if self.consultations() {
            if !crate::app::input::filter_key(&mut self.filter_input, &mut self.c_filter, cmd, key) {
                return Vec::new();
            }
            self.c_pager.reset();
            return vec![self.request_page()];
        }
        if !crate::app::input::filter_key(&mut self.filter_input, &mut self.filter.text, cmd, key) {
            return Vec::new();
        }
        self.pager.reset();
        self.detail = None;
        vec![self.request_page()]
    }

    /// The visit selected in the open detail, if any.
    pub fn selected_visit(&self) -> Option<&crate::store::queue::VisitLine> {
        let d = self.detail.as_ref().filter(|_| self.detail_open)?;
        d.visits.get(self.visit_cursor?)
    }

    /// j/k, g/G in the open detail: choose a visit (none before the first).
    fn move_visit_cursor(&mut self, cmd: Command) {
        let n = self.detail.as_ref().map(|d| d.visits.len()).unwrap_or(0);
        if n == 0 {
            self.visit_cursor = None;
            return;
        }
        self.visit_cursor = match (cmd, self.visit_cursor) {
            (Command::Down, None) | (Command::Top, _) => Some(0),
            (Command::Down, Some(i)) => Some((i + 1).min(n - 1)),
            (Command::Up, Some(0) | None) => None,
            (Command::Up, Some(i)) => Some(i - 1),
            _ => Some(n - 1),
        };
    }

    /// The id of the selected desk consultation, if loaded.
    pub fn selected_consultation(&self) -> Option<i64> {
        self.c_pager.selected_in_page().and_then(|i| self.c_rows.get(i)).map(|r| r.id)
    }

    /// Whether the consultations are shown.
    pub fn consultations(&self) -> bool {
        self.view == QueueView::Consultations
    }

    /// Handles a command of the list scope.
    pub fn command(&mut self, cmd: Command) -> Vec<Effect> {
        match cmd {
            Command::Open if self.view == QueueView::NeedsAction => self
                .needs_action
                .items()
                .nth(self.needs_action.selected)
                .map(|i| vec![Effect::Locate { dispatch_id: i.dispatch_id }])
                .unwrap_or_default(),
            Command::Up | Command::Down | Command::Top | Command::Bottom if self.view == QueueView::NeedsAction => {
                let last = self.needs_action.items().count().saturating_sub(1);
                let n = &mut self.needs_action.selected;
                *n = match cmd {
                    Command::Up => n.saturating_sub(1),
                    Command::Down => (*n + 1).min(last),
                    Command::Top => 0,
                    _ => last,
                };
                Vec::new()
            }
            Command::Open if self.view == QueueView::Applications => {
                self.detail_open = self.selected_row().is_some();
                self.visit_cursor = None;
                Vec::new()
            }
            Command::Up | Command::Down | Command::Top | Command::Bottom
                if self.detail_open && self.view == QueueView::Applications =>
            {
                self.move_visit_cursor(cmd);
                Vec::new()
            }
            Command::Back if self.detail_open => {
                self.detail_open = false;
                self.visit_cursor = None;
                Vec::new()
            }
            Command::Back if self.consultations() && !self.c_filter.is_empty() => {
                self.c_filter.clear();
                self.c_pager.reset();
                vec![self.request_page()]
            }
            Command::Back if self.filter.record.is_some() || !self.filter.text.is_empty() => {
                self.filter.record = None;
                self.filter.text.clear();
                self.pager.reset();
                self.detail = None;
                vec![self.request_page()]
            }
            Command::Filter if self.view == QueueView::Applications => {
                self.filter_input = Some(LineInput::new(&self.filter.text));
                Vec::new()
            }
            Command::Filter if self.consultations() => {
                self.filter_input = Some(LineInput::new(&self.c_filter));
                Vec::new()
            }
            Command::CycleStatusFilter if self.view == QueueView::Applications => {
                self.filter.status = next_filter(self.filter.status);
                self.pager.reset();
                self.detail = None;
                vec![self.request_page()]
            }
            Command::ToggleConsultations => self.switch(QueueView::Consultations),
            Command::NeedsAction => self.switch(QueueView::NeedsAction),
            Command::Refresh => vec![self.request_page()],
            _ if self.view == QueueView::NeedsAction => Vec::new(),
            _ if self.view == QueueView::Consultations => match self.c_pager.apply(cmd) {
                Moved::NewPage => vec![self.request_page()],
                _ => Vec::new(),
            },
            _ => match self.pager.apply(cmd) {
                Moved::No => Vec::new(),
                Moved::NewPage => {
                    self.detail = None;
                    self.visit_cursor = None;
                    vec![self.request_page()]
                }
                Moved::WithinPage => {
                    self.detail = None;
                    self.visit_cursor = None;
                    self.selected_row().map(|r| vec![Effect::LoadDetail { id: r.id }]).unwrap_or_default()
                }
            },
        }
    }

    /// Takes a loaded page of applications; returns the detail request.
    pub fn page_loaded(&mut self, generation: u64, total: usize, top: usize, rows: Vec<QueueRow>) -> Vec<Effect> {
        if !self.pager.accept(generation, total, top) {
            return Vec::new();
        }
        self.rows = rows;
        // Never keep the detail of another application than the selected one: commands act on the detail.
        let selected = self.selected_row().map(|r| r.id);
        if self.detail.as_ref().map(|d| d.row.id) != selected {
            self.detail = None;
            self.visit_cursor = None;
        }
        match self.selected_row() {
            Some(r) => vec![Effect::LoadDetail { id: r.id }],
            None => {
                self.detail = None;
                Vec::new()
            }
        }
    }

    /// Takes a loaded page of consultations.
    pub fn consultations_loaded(&mut self, generation: u64, total: usize, top: usize, rows: Vec<ConsultationRow>) {
        if self.c_pager.accept(generation, total, top) {
            self.c_rows = rows;
        }
    }

    /// Takes a loaded detail if it is still the selected application's.
    pub fn detail_loaded(&mut self, detail: Option<DispatchDetail>) {
        let selected = self.selected_row().map(|r| r.id);
        if detail.as_ref().map(|d| d.row.id) != selected {
            return;
        }
        // The chosen visit stays chosen across a reload of the same application (after an edit), within range.
        let visits = detail.as_ref().map(|d| d.visits.len()).unwrap_or(0);
        if let Some(i) = self.visit_cursor {
            self.visit_cursor = (visits > 0).then(|| i.min(visits - 1));
        }
        self.detail = detail;
    }

    /// Takes the needs-action groups.
    pub fn needs_action_loaded(&mut self, groups: Vec<(Reason, usize, Vec<Item>)>) {
        self.needs_action.groups = groups;
        let last = self.needs_action.items().count().saturating_sub(1);
        self.needs_action.selected = self.needs_action.selected.min(last);
    }

    /// Toggles `view` (back to the applications when it is already shown).
    fn switch(&mut self, view: QueueView) -> Vec<Effect> {
        self.view = if self.view == view { QueueView::Applications } else { view };
        self.detail_open = false;
        self.visit_cursor = None;
        self.filter_input = None;
        vec![self.request_page()]
    }

    fn request_page(&mut self) -> Effect {
        match self.view {
            QueueView::Consultations => {
                let p = &mut self.c_pager;
                Effect::LoadConsultations {
                    generation: p.request(),
                    text: self.c_filter.clone(),
                    offset: p.top,
                    limit: p.viewport,
                }
            }
            QueueView::NeedsAction => Effect::LoadNeedsAction,
            QueueView::Applications => {
                let p = &mut self.pager;
                Effect::LoadQueuePage {
                    generation: p.request(),
                    filter: self.filter.clone(),
                    offset: p.top,
                    limit: p.viewport,
                }
            }
        }
    }
}

/// All → each status in workflow order → all.
fn next_filter(current: Option<DispatchStatus>) -> Option<DispatchStatus> {
    match current {
        None => DispatchStatus::ALL.first().copied(),
        Some(s) => {
            DispatchStatus::ALL.iter().position(|x| *x == s).and_then(|i| DispatchStatus::ALL.get(i + 1)).copied()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::DispatchNumber;
    use chrono::NaiveDate;

    fn rows(from: usize, n: usize) -> Vec<QueueRow> {
        (from..from + n)
            .map(|i| QueueRow {
                id: i as i64 + 1,
                number: DispatchNumber { fiscal_year: 2025, seq: 300 - i as u32 },
                received_on: NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(),
                business: format!("事業者{i}"),
                chamber: None,
                theme: 1,
                expert: None,
                visits: 0,
                minutes: 0,
                status: DispatchStatus::Received,
            })
            .collect()
    }

    use super::tests_support::detail_of;

    fn loaded(viewport: usize) -> QueueState {
        let mut s = QueueState::default();
        let fx = s.set_viewport(viewport);
        let Effect::LoadQueuePage { generation, offset, limit, .. } = fx[0].clone() else { panic!("{fx:?}") };
        assert_eq!((offset, limit), (0, viewport));
        s.page_loaded(generation, 300, 0, rows(0, viewport));
        s
    }

    #[test]
    fn moving_within_the_page_asks_only_for_the_detail() {
        let mut s = loaded(10);
        let fx = s.command(Command::Down);
        assert_eq!(s.pager.selected, 1);
        assert_eq!(fx, vec![Effect::LoadDetail { id: 2 }]);
    }

    #[test]
    fn moving_past_the_page_requests_the_next_rows_only() {
        let mut s = loaded(10);
        for _ in 0..9 {
            s.command(Command::Down);
        }
        let fx = s.command(Command::Down);
        assert_eq!(s.pager.selected, 10);
        assert_eq!(s.pager.top, 1);
        assert!(matches!(fx[0], Effect::LoadQueuePage { offset: 1, limit: 10, .. }), "{fx:?}");
    }

    #[test]
    fn bottom_and_top() {
        let mut s = loaded(10);
        let fx = s.command(Command::Bottom);
        assert_eq!(s.pager.selected, 299);
        assert!(matches!(fx[0], Effect::LoadQueuePage { offset: 290, .. }));
        s.command(Command::Top);
        assert_eq!((s.pager.selected, s.pager.top), (0, 0));
    }

    #[test]
    fn stale_page_replies_are_dropped() {
        let mut s = loaded(10);
        s.command(Command::Bottom);
        let stale = s.pager.generation - 1;
        assert!(s.page_loaded(stale, 300, 0, rows(0, 10)).is_empty());
        assert_eq!(s.pager.top, 290);
    }

    #[test]
    fn status_filter_cycles_through_every_status_and_back() {
        let mut s = loaded(10);
        let mut seen = Vec::new();
        loop {
            s.command(Command::CycleStatusFilter);
            match s.filter.status {
                Some(st) => seen.push(st),
                None => break,
            }
        }
        assert_eq!(seen, DispatchStatus::ALL.to_vec());
    }

    #[test]
    fn open_and_back_toggle_the_detail() {
        let mut s = loaded(10);
        s.command(Command::Open);
        assert!(s.detail_open);
        s.command(Command::Back);
        assert!(!s.detail_open);
    }

    #[test]
    fn needs_action_enter_locates_the_application() {
        use crate::domain::model::DispatchNumber;
        let mut s = loaded(10);
        assert_eq!(s.command(Command::NeedsAction), vec![Effect::LoadNeedsAction]);
        let item = |id| Item {
            reason: Reason::AwaitingReview,
            dispatch_id: id,
            number: DispatchNumber { fiscal_year: 2025, seq: id as u32 },
            business: "阿蘇の里".into(),
            since: NaiveDate::from_ymd_opt(2025, 6, 1).unwrap(),
            minutes_left: None,
            event_id: None,
        };
        s.needs_action_loaded(vec![(Reason::AwaitingReview, 2, vec![item(5), item(9)])]);
        s.command(Command::Down);
        assert_eq!(s.command(Command::Open), vec![Effect::Locate { dispatch_id: 9 }]);
        let fx = s.locate(120);
        assert_eq!(s.view, QueueView::Applications);
        assert_eq!(s.pager.selected, 120);
        assert!(matches!(fx[0], Effect::LoadQueuePage { offset: 115, .. }), "{fx:?}");
    }

    #[test]
    fn typing_a_filter_requeries_from_the_top_and_esc_clears_it() {
        let mut s = loaded(10);
        s.command(Command::Bottom);
        s.command(Command::Filter);
        let fx = s.filter_key(None, Key::Char('田'));
        assert_eq!(s.filter.text, "田");
        assert!(matches!(&fx[0], Effect::LoadQueuePage { offset: 0, filter, .. } if filter.text == "田"), "{fx:?}");
        assert_eq!(s.pager.selected, 0);
        assert!(s.filter_key(Some(Command::ApplyFilter), Key::Enter).is_empty());
        assert!(s.filter_input.is_none());
        assert_eq!(s.filter.text, "田", "the filter stays after Enter");
        s.command(Command::Filter);
        let fx = s.filter_key(Some(Command::ClearFilter), Key::Esc);
        assert!(s.filter.text.is_empty() && !fx.is_empty());
    }

    #[test]
    fn a_detail_never_outlives_its_selection() {
        let mut s = loaded(10);
        s.detail_loaded(Some(detail_of(rows(0, 1)[0].clone())));
        assert!(s.detail.is_some());
        s.select_first();
        assert!(s.detail.is_none(), "after creating a record the old detail is gone at once");
        s.detail_loaded(Some(detail_of(rows(0, 1)[0].clone())));
        let fx = s.command(Command::Refresh);
        let Effect::LoadQueuePage { generation, .. } = fx[0].clone() else { panic!() };
        s.page_loaded(generation, 301, 0, rows(5, 10));
        assert!(s.detail.is_none(), "a page whose selected row is another application drops the detail");
    }

    #[test]
    fn a_click_selects_the_visible_row() {
        let mut s = loaded(10);
        assert_eq!(s.select_visible(3), vec![Effect::LoadDetail { id: 4 }]);
        assert_eq!(s.pager.selected, 3);
        assert!(s.select_visible(3).is_empty());
        assert!(s.select_visible(400).is_empty(), "below the last row");
    }

    #[test]
    fn leaving_a_filter_drops_the_detail_of_the_old_selection() {
        let mut s = loaded(10);
        s.command(Command::Filter);
        s.filter_key(None, Key::Char('田'));
        s.filter_key(Some(Command::ApplyFilter), Key::Enter);
        s.detail_loaded(Some(detail_of(rows(0, 1)[0].clone())));
        assert!(s.detail.is_some());
        let fx = s.command(Command::Back);
        assert!(s.filter.text.is_empty() && !fx.is_empty());
        assert!(s.detail.is_none(), "t, v, x must not act on the application of the filtered list");
    }

    #[test]
    fn enter_then_j_k_choose_a_visit_of_the_open_detail_without_moving_the_list() {
        let mut s = loaded(10);
        s.detail_loaded(Some(crate::store::queue::DispatchDetail {
            row: s.rows[0].clone(),
            ..super::tests_support::detail()
        }));
        assert!(s.command(Command::Down).len() == 1, "closed: j moves the list");
        s.command(Command::Up);
        s.detail_loaded(Some(crate::store::queue::DispatchDetail {
            row: s.rows[0].clone(),
            ..super::tests_support::detail()
        }));
        s.command(Command::Open);
        assert!(s.selected_visit().is_none(), "no visit chosen on opening");
        assert!(s.command(Command::Down).is_empty());
        assert_eq!(s.selected_visit().map(|v| v.id), Some(11));
        s.command(Command::Bottom);
        assert_eq!(s.selected_visit().map(|v| v.id), Some(12));
        s.command(Command::Down);
        assert_eq!(s.pager.selected, 0, "the list stays where it was");
        assert_eq!(s.visit_cursor, Some(1), "stops at the last visit");
        // A reload after removing a visit keeps the cursor in range.
        let mut fewer = s.detail.clone().unwrap();
        fewer.visits.pop();
        s.detail_loaded(Some(fewer));
        assert_eq!(s.selected_visit().map(|v| v.id), Some(11));
        s.command(Command::Back);
        assert!(!s.detail_open && s.selected_visit().is_none());
    }

    #[test]
    fn the_consultations_filter_requeries_its_own_list_and_esc_clears_it() {
        let mut s = loaded(10);
        s.command(Command::ToggleConsultations);
        s.command(Command::Filter);
        let fx = s.filter_key(None, Key::Char('た'));
        assert_eq!(s.c_filter, "た");
        assert!(s.filter.text.is_empty(), "the applications' filter is untouched");
        assert!(matches!(&fx[..], [Effect::LoadConsultations { text, offset: 0, .. }] if text == "た"), "{fx:?}");
        s.filter_key(Some(Command::ApplyFilter), Key::Enter);
        let fx = s.command(Command::Back);
        assert!(s.c_filter.is_empty());
        assert!(matches!(&fx[..], [Effect::LoadConsultations { text, .. }] if text.is_empty()), "{fx:?}");
    }

    #[test]
    fn consultations_view_has_its_own_pages() {
        let mut s = loaded(10);
        let fx = s.command(Command::ToggleConsultations);
        assert!(matches!(fx[0], Effect::LoadConsultations { offset: 0, limit: 10, .. }), "{fx:?}");
        let fx = s.command(Command::ToggleConsultations);
        assert!(matches!(fx[0], Effect::LoadQueuePage { .. }));
    }
}

/// Test data shared by the queue's reducer and form tests.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;
    use crate::domain::model::{AccompanimentKind, DispatchNumber, PlaceKind, StaffRole};
    use crate::store::queue::VisitLine;
    use crate::store::staff::StaffMember;
    use chrono::NaiveDate;

    /// The detail of `row` with nothing else recorded.
    pub(crate) fn detail_of(row: QueueRow) -> DispatchDetail {
        DispatchDetail {
            row,
            legal_form: None,
            municipality: None,
            industry: None,
            capital_yen: None,
            employees: None,
            chamber_id: None,
            guidance_officer: None,
            guidance_officer_id: None,
            staff: Vec::new(),
            sections: Vec::new(),
            visits: Vec::new(),
            grounds: Vec::new(),
            rejection_note: String::new(),
            report_received_on: None,
            feedback_sent_on: None,
            row_version: 1,
            proposed_expert: None,
        }
    }

    /// R7-0005 at 阿蘇商工会 with its guidance officer, two visits and the desk's coordinator.
    pub(crate) fn detail() -> DispatchDetail {
        let row = QueueRow {
            id: 5,
            number: DispatchNumber { fiscal_year: 2025, seq: 5 },
            received_on: NaiveDate::from_ymd_opt(2025, 6, 2).unwrap(),
            business: "阿蘇の里".into(),
            chamber: Some("阿蘇商工会".into()),
            theme: 1,
            expert: Some("熊本 一郎".into()),
            visits: 2,
            minutes: 240,
            status: DispatchStatus::Visiting,
        };
        let visit = |id: i64, day: u32| VisitLine {
            id,
            date: NaiveDate::from_ymd_opt(2025, 7, day).unwrap(),
            start_min: 600,
            end_min: 720,
            place: PlaceKind::Premises,
            place_note: String::new(),
            accompanied_by: AccompanimentKind::AssignedOfficer,
            accompanying_name: Some("阿蘇 花子".into()),
            accompaniment_reason: String::new(),
            override_reason: None,
            staff_id: Some(31),
            desk_staff_id: None,
            typed_name: String::new(),
            row_version: 1,
        };
        DispatchDetail {
            chamber_id: Some(7),
            guidance_officer: Some("阿蘇 花子".into()),
            guidance_officer_id: Some(31),
            staff: vec![
                StaffMember::Chamber { id: 31, name: "阿蘇 花子".into(), role: StaffRole::GuidanceOfficer },
                StaffMember::Chamber { id: 32, name: "小国 次郎".into(), role: StaffRole::SupportOfficer },
                StaffMember::Desk {
                    id: 2,
                    name: "松本 あかり".into(),
                    role: crate::domain::model::DeskRole::Coordinator,
                },
            ],
            visits: vec![visit(11, 1), visit(12, 8)],
            ..detail_of(row)
        }
    }
}
