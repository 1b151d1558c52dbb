//! Tab 1 (申請): the applications queue — a paged list of the fiscal year's Form 1 applications and the detail
//! of the selected one.

pub mod view;

use crate::app::Effect;
use crate::app::keymap::Command;
use crate::domain::model::DispatchStatus;
use crate::store::queue::{DispatchDetail, QueueFilter, QueueRow};

/// The queue's view state: only the visible page of rows is held.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueState {
    /// The status filter.
    pub filter: QueueFilter,
    /// Rows matching the filter.
    pub total: usize,
    /// Index of the selected row among all matching rows.
    pub selected: usize,
    /// Index of the first visible row.
    pub top: usize,
    /// Rows that fit on screen.
    pub viewport: usize,
    /// The loaded page (rows `top..top + rows.len()`).
    pub rows: Vec<QueueRow>,
    /// Generation of the latest page request; older replies are dropped.
    pub generation: u64,
    /// The detail of the selected application, once loaded.
    pub detail: Option<DispatchDetail>,
    /// Whether the detail is open full-screen (narrow terminals).
    pub detail_open: bool,
}

impl QueueState {
    /// The selected row, if loaded.
    pub fn selected_row(&self) -> Option<&QueueRow> {
        self.selected.checked_sub(self.top).and_then(|i| self.rows.get(i))
    }

    /// Sets the number of visible rows (on start and resize); returns the page request it needs.
    pub fn set_viewport(&mut self, rows: usize) -> Vec<Effect> {
        self.viewport = rows.max(1);
        self.scroll_into_view();
        vec![self.request_page()]
    }

    /// Handles a command of the list scope.
    pub fn command(&mut self, cmd: Command) -> Vec<Effect> {
        let last = self.total.saturating_sub(1);
        let before = self.selected;
        match cmd {
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::Down => self.selected = (self.selected + 1).min(last),
            Command::Top => self.selected = 0,
            Command::Bottom => self.selected = last,
            Command::PageUp => self.selected = self.selected.saturating_sub(self.viewport),
            Command::PageDown => self.selected = (self.selected + self.viewport).min(last),
            Command::Open => {
                self.detail_open = self.selected_row().is_some();
                return Vec::new();
            }
            Command::Back if self.detail_open => {
                self.detail_open = false;
                return Vec::new();
            }
            Command::CycleStatusFilter => {
                self.filter.status = next_filter(self.filter.status);
                self.selected = 0;
                self.top = 0;
                self.detail = None;
                return vec![self.request_page()];
            }
            Command::Refresh => return vec![self.request_page()],
            _ => return Vec::new(),
        }
        if self.selected == before {
            return Vec::new();
        }
        self.detail = None;
        let old_top = self.top;
        self.scroll_into_view();
        if self.top != old_top || self.selected_row().is_none() {
            vec![self.request_page()]
        } else {
            self.selected_row().map(|r| vec![Effect::LoadDetail { id: r.id }]).unwrap_or_default()
        }
    }

    /// Takes a loaded page (dropping replies to superseded requests); returns the detail request.
    pub fn page_loaded(&mut self, generation: u64, total: usize, top: usize, rows: Vec<QueueRow>) -> Vec<Effect> {
        if generation != self.generation {
            return Vec::new();
        }
        self.total = total;
        self.top = top;
        self.rows = rows;
        self.selected = self.selected.min(total.saturating_sub(1));
        match self.selected_row() {
            Some(r) if self.detail.as_ref().is_none_or(|d| d.row.id != r.id) => vec![Effect::LoadDetail { id: r.id }],
            Some(_) => Vec::new(),
            None => {
                self.detail = None;
                Vec::new()
            }
        }
    }

    /// Takes a loaded detail if it is still the selected application's.
    pub fn detail_loaded(&mut self, detail: Option<DispatchDetail>) {
        let selected = self.selected_row().map(|r| r.id);
        if detail.as_ref().map(|d| d.row.id) == selected {
            self.detail = detail;
        }
    }

    fn scroll_into_view(&mut self) {
        if self.selected < self.top {
            self.top = self.selected;
        } else if self.selected >= self.top + self.viewport {
            self.top = self.selected + 1 - self.viewport;
        }
    }

    fn request_page(&mut self) -> Effect {
        self.generation += 1;
        Effect::LoadQueuePage {
            generation: self.generation,
            filter: self.filter.clone(),
            offset: self.top,
            limit: self.viewport,
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
        assert_eq!(s.selected, 1);
        assert_eq!(fx, vec![Effect::LoadDetail { id: 2 }]);
    }

    #[test]
    fn moving_past_the_page_requests_the_next_rows_only() {
        let mut s = loaded(10);
        for _ in 0..9 {
            s.command(Command::Down);
        }
        let fx = s.command(Command::Down);
        assert_eq!(s.selected, 10);
        assert_eq!(s.top, 1);
        assert!(matches!(fx[0], Effect::LoadQueuePage { offset: 1, limit: 10, .. }), "{fx:?}");
    }

    #[test]
    fn bottom_and_top() {
        let mut s = loaded(10);
        let fx = s.command(Command::Bottom);
        assert_eq!(s.selected, 299);
        assert!(matches!(fx[0], Effect::LoadQueuePage { offset: 290, .. }));
        s.command(Command::Top);
        assert_eq!((s.selected, s.top), (0, 0));
    }

    #[test]
    fn stale_page_replies_are_dropped() {
        let mut s = loaded(10);
        s.command(Command::Bottom);
        let stale = s.generation - 1;
        assert!(s.page_loaded(stale, 300, 0, rows(0, 10)).is_empty());
        assert_eq!(s.top, 290);
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
}
