//! Tab 3 (講習会・相談会): the seminar calendar (Form 2 seminars, Form 3 consultation days).
//!
//! A month grid with the selected day's agenda beside it; Enter opens an event's detail (publicity checklist,
//! experts, and a consultation day's slot grid with its bookings).
//!
//! The screen contract (the same for every tab, see `screens/mod.rs`): the state holds only what is shown;
//! reads are asked for with [`Load`] effects answered by [`Reply`] actions; writes are [`Save`] requests.

pub mod calendar;
pub mod forms;
pub mod view;

mod detail_view;
mod month_view;
mod series_view;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use crate::app::input::LineInput;
use crate::app::keymap::{Command, Key};
use crate::app::pager::{Moved, Pager};
use crate::app::{Effect, Session, Step, Tab};
use crate::config::WeekStart;
use crate::domain::model::{EventKind, EventStatus};
use crate::domain::parse::parse_date;
use crate::domain::records::NewDispatch;
use crate::store::calendar::{AgendaRow, CalendarFilter, DayCell, EventDetail, ItemKind};
use crate::store::events::{EventEdit, NewBooking};
use crate::store::lookup::HitKind;
use crate::store::participants::{NewParticipant, SeriesView};
use crate::ui::i18n::events::text;

pub use forms::to_request;

/// The rows the open event's selection moves over: a consultation day's bookings, a seminar's participants.
fn rows(d: &EventDetail) -> usize {
    match d.kind {
        EventKind::ConsultationDay => d.bookings.len(),
        EventKind::Seminar => d.participants.len(),
    }
}

/// Items read per day of the month grid (the most a cell shows at 160x48).
pub const PER_DAY: usize = 6;

/// Reads this tab asks the runner for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Load {
    /// What the days of a month grid hold.
    Month {
        /// Generation, to drop stale replies.
        generation: u64,
        /// First day of the grid.
        from: NaiveDate,
        /// Last day of the grid.
        to: NaiveDate,
        /// Filter and visits toggle.
        filter: CalendarFilter,
    },
    /// One page of a day's agenda.
    Day {
        /// Generation, to drop stale replies.
        generation: u64,
        /// The day.
        date: NaiveDate,
        /// Filter and visits toggle.
        filter: CalendarFilter,
        /// First row.
        offset: usize,
        /// Rows.
        limit: usize,
    },
    /// An event's detail.
    Detail {
        /// The event.
        id: i64,
    },
    /// A startup-support series with its participants' standing (R-S10).
    Series {
        /// The series.
        id: i64,
    },
}

/// Answers to [`Load`]s and to the writes that move the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// The month grid's days arrived.
    Month {
        /// The request's generation.
        generation: u64,
        /// Days that hold something.
        cells: Vec<DayCell>,
    },
    /// A page of the day's agenda arrived.
    Day {
        /// The request's generation.
        generation: u64,
        /// Rows in all.
        total: usize,
        /// Index of the first row.
        offset: usize,
        /// The rows.
        rows: Vec<AgendaRow>,
    },
    /// An event's detail arrived (None: it is gone).
    Detail(Option<Box<EventDetail>>),
    /// A series arrived (None: it is gone).
    Series(Option<Box<SeriesView>>),
    /// An event was created: the calendar moves to its date and opens it.
    Created {
        /// The event.
        id: i64,
        /// Its date.
        date: NaiveDate,
    },
}

/// What a form of this tab is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A new seminar or consultation day.
    NewEvent,
    /// Edit an event.
    EditEvent {
        /// The event.
        id: i64,
        /// Row version when the form opened.
        row_version: i64,
    },
    /// Change an event's status (cancelling asks for a reason).
    Status {
        /// The event.
        id: i64,
        /// Row version when the form opened.
        row_version: i64,
    },
    /// The publicity checklist (R-S9).
    Publicity {
        /// The event.
        id: i64,
        /// Row version when the form opened.
        row_version: i64,
    },
    /// Book a business to an expert on a consultation day.
    Book {
        /// The consultation day.
        event_id: i64,
        /// Its start.
        start_min: u16,
        /// Its end.
        end_min: u16,
        /// Its slot length.
        slot_minutes: u16,
    },
    /// A booking's support report and feedback (R-S11).
    Report {
        /// The booking.
        booking_id: i64,
    },
    /// Confirm removing a booking made by mistake.
    CancelBooking {
        /// The booking.
        booking_id: i64,
    },
    /// Register a participant of a seminar (a business, or a prospective founder, R-S2).
    Register {
        /// The seminar.
        event_id: i64,
    },
    /// Confirm removing a registration.
    RemoveParticipant {
        /// The participant.
        participant_id: i64,
    },
    /// Confirm proposing the instructors' honoraria and travel in the ledger (R-S6).
    Honoraria {
        /// The event.
        event_id: i64,
    },
    /// Form 1 from a consultation-day booking (the link is kept on the booking).
    BookingDispatch {
        /// The booking.
        booking_id: i64,
    },
}

/// Writes of this tab (each one audited action).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Save {
    /// Create an event.
    CreateEvent(EventEdit),
    /// Save an edited event.
    UpdateEvent {
        /// The event.
        id: i64,
        /// Row version when the form opened.
        row_version: i64,
        /// The fields.
        edit: EventEdit,
    },
    /// Change the status.
    Status {
        /// The event.
        id: i64,
        /// Row version when the form opened.
        row_version: i64,
        /// The new status.
        to: EventStatus,
        /// Reason (cancellations).
        reason: String,
    },
    /// Record the publicity checklist: press release, web page, partner notice.
    Publicity {
        /// The event.
        id: i64,
        /// Row version when the form opened.
        row_version: i64,
        /// The three dates.
        dates: [Option<NaiveDate>; 3],
    },
    /// Book a business.
    Book(NewBooking),
    /// Record a booking's report and feedback.
    Report {
        /// The booking.
        booking_id: i64,
        /// Report received on.
        report_on: Option<NaiveDate>,
        /// Report summary.
        summary: String,
        /// Feedback sent on.
        feedback_on: Option<NaiveDate>,
    },
    /// Remove a booking made by mistake.
    CancelBooking {
        /// The booking.
        booking_id: i64,
    },
    /// Register a participant.
    Register(NewParticipant),
    /// Record whether a participant attended.
    Attend {
        /// The participant.
        participant_id: i64,
        /// Attended.
        attended: bool,
    },
    /// Remove a registration.
    RemoveParticipant {
        /// The participant.
        participant_id: i64,
    },
    /// Propose the honoraria and travel of the event's instructors and experts (R-S6).
    Honoraria {
        /// The event.
        event_id: i64,
    },
    /// Create a dispatch application from a booking and link them.
    BookingDispatch {
        /// The booking.
        booking_id: i64,
        /// Form 1's fields.
        dispatch: NewDispatch,
    },
}

/// Which part of the calendar the movement keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    /// The month grid (h/l days, j/k weeks).
    #[default]
    Month,
    /// The selected day's agenda (j/k rows).
    Agenda,
}

/// What the prompt on the tab bar is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Prompt {
    /// `/`: filter events by title or venue.
    #[default]
    Filter,
    /// `:`: jump to a date typed in ISO or 和暦.
    Jump,
}

/// The tab's view state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// First day of the week (from the configuration).
    pub week_start: WeekStart,
    /// The selected day (set to today when the tab is first shown).
    pub cursor: Option<NaiveDate>,
    /// Today, as the session gives it.
    pub today: Option<NaiveDate>,
    /// What the grid's days hold.
    pub cells: Vec<DayCell>,
    /// Generation of the last month request.
    month_generation: u64,
    /// Filter and visits toggle.
    pub filter: CalendarFilter,
    /// The prompt being typed, if open.
    pub filter_input: Option<LineInput>,
    /// What the prompt is for.
    pub prompt: Prompt,
    /// The jump prompt's text is not a date.
    pub prompt_error: bool,
    /// Which part has the movement keys.
    pub focus: Focus,
    /// Positions in the selected day's agenda.
    pub pager: Pager,
    /// The loaded page of the agenda.
    pub agenda: Vec<AgendaRow>,
    /// The open event.
    pub detail: Option<EventDetail>,
    /// An event was asked for and has not arrived yet.
    pub detail_pending: bool,
    /// Open the edit form once the asked-for event arrives.
    edit_on_arrival: bool,
    /// The selected booking of the open consultation day, or participant of the open seminar.
    pub row: usize,
    /// The open startup-support series (R-S10), over the event it was opened from.
    pub series: Option<SeriesView>,
    /// A series was asked for and has not arrived yet.
    pub series_pending: bool,
    /// The first participant row shown in the series view.
    pub series_top: usize,
}

impl State {
    /// Sets the number of visible rows (the agenda's page); returns the requests it needs when the tab is shown.
    pub fn set_viewport(&mut self, rows: usize) -> Vec<Effect> {
        // The agenda's first two lines are its date and the day's holiday.
        let moved = self.pager.set_viewport(rows.saturating_sub(1));
        self.pager.trim(&mut self.agenda, moved);
        if self.cursor.is_some() { self.reload() } else { Vec::new() }
    }

    /// The tab was switched to (or a save went through): reload the month, the day and the open event.
    pub fn activate(&mut self, s: &Session) -> Vec<Effect> {
        self.today = Some(s.today);
        if self.cursor.is_none() {
            self.cursor = Some(s.today);
        }
        let mut fx = self.reload();
        if let Some(d) = &self.detail {
            fx.push(Effect::Events(Load::Detail { id: d.id }));
        }
        if let Some(v) = &self.series {
            fx.push(Effect::Events(Load::Series { id: v.id }));
        }
        fx
    }

    /// The selected day (today until the tab is shown).
    pub fn day(&self) -> NaiveDate {
        self.cursor.or(self.today).unwrap_or_default()
    }

    fn reload(&mut self) -> Vec<Effect> {
        vec![self.month_request(), self.day_request()]
    }

    fn month_request(&mut self) -> Effect {
        self.month_generation += 1;
        let day = self.day();
        Effect::Events(Load::Month {
            generation: self.month_generation,
            from: calendar::grid_start(day, self.week_start),
            to: calendar::grid_end(day, self.week_start),
            filter: self.filter.clone(),
        })
    }

    fn day_request(&mut self) -> Effect {
        Effect::Events(Load::Day {
            generation: self.pager.request(),
            date: self.day(),
            filter: self.filter.clone(),
            offset: self.pager.top,
            limit: self.pager.viewport.max(1),
        })
    }

    /// Moves the selected day; a new month reloads the grid, any new day its agenda.
    fn go_to(&mut self, date: NaiveDate) -> Step {
        let before = self.day();
        if date == before {
            return Step::default();
        }
        self.cursor = Some(date);
        self.pager.reset();
        self.agenda.clear();
        self.focus = Focus::Month;
        let mut fx = Vec::new();
        if calendar::month_of(date) != calendar::month_of(before) {
            self.cells.clear();
            fx.push(self.month_request());
        }
        fx.push(self.day_request());
        Step::effects(fx)
    }

    /// The agenda row selected (the first when the grid has the focus).
    pub fn selected_row(&self) -> Option<&AgendaRow> {
        let i = if self.focus == Focus::Agenda { self.pager.selected_in_page()? } else { 0 };
        self.agenda.get(i)
    }

    /// The table and id of the open event, else of the selected agenda row (for its history).
    pub fn selected_record(&self) -> Option<(&'static str, i64)> {
        if let Some(d) = &self.detail {
            return Some(("event", d.id));
        }
        self.selected_row().map(|r| match r.kind {
            ItemKind::Event(_) => ("event", r.id),
            ItemKind::Visit => ("visit", r.id),
        })
    }

    /// Handles a list command of this tab.
    pub fn command(&mut self, cmd: Command, s: &Session) -> Step {
        if self.series.is_some() || self.series_pending {
            return self.series_command(cmd);
        }
        if self.detail.is_some() || self.detail_pending {
            return self.detail_command(cmd, s);
        }
        let day = self.day();
        match cmd {
            Command::Refresh => Step::effects(self.reload()),
            Command::Up | Command::Down | Command::Top | Command::Bottom if self.focus == Focus::Agenda => {
                match self.pager.apply(cmd) {
                    Moved::NewPage => Step::effects(vec![self.day_request()]),
                    _ => Step::default(),
                }
            }
            Command::PrevDay => self.go_to(calendar::add_days(day, -1)),
            Command::NextDay => self.go_to(calendar::add_days(day, 1)),
            Command::Up => self.go_to(calendar::add_days(day, -7)),
            Command::Down => self.go_to(calendar::add_days(day, 7)),
            Command::Top => self.go_to(calendar::month_of(day)),
            Command::Bottom => self.go_to(calendar::month_end(day)),
            Command::PageUp | Command::PrevMonth => self.go_to(calendar::add_months(day, -1)),
            Command::PageDown | Command::NextMonth => self.go_to(calendar::add_months(day, 1)),
            Command::Today => self.go_to(s.today),
            Command::SwitchPane => {
                self.focus = match self.focus {
                    Focus::Month if self.pager.total > 0 => Focus::Agenda,
                    _ => Focus::Month,
                };
                Step::default()
            }
            Command::Back if self.focus == Focus::Agenda => {
                self.focus = Focus::Month;
                Step::default()
            }
            Command::Back if !self.filter.text.is_empty() => {
                self.filter.text.clear();
                Step::effects(self.reload())
            }
            Command::Filter => self.open_prompt(Prompt::Filter),
            Command::JumpToDate => self.open_prompt(Prompt::Jump),
            Command::ToggleVisits => {
                self.filter.visits = !self.filter.visits;
                self.pager.reset();
                let mut step = Step::effects(self.reload());
                let t = text(s.lang);
                step.notice = Some(if self.filter.visits { t.visits_on } else { t.visits_off }.to_string());
                step
            }
            Command::New => {
                Step::form(crate::app::Purpose::Events(Purpose::NewEvent), forms::new_event(s, day, &self.filter))
            }
            Command::Open | Command::Edit => self.open_selected(cmd == Command::Edit, s),
            Command::EventStatus
            | Command::Publicity
            | Command::Book
            | Command::AddParticipant
            | Command::ProposeHonoraria
            | Command::SeriesView => match self.selected_row() {
                Some(row) if matches!(row.kind, ItemKind::Event(_)) => {
                    let id = row.id;
                    let mut step = self.open_event(id, false);
                    step.notice = Some(text(s.lang).open_event_first.to_string());
                    step
                }
                _ => Step::error(text(s.lang).select_event_first),
            },
            _ => Step::default(),
        }
    }

    fn open_prompt(&mut self, prompt: Prompt) -> Step {
        self.prompt = prompt;
        self.prompt_error = false;
        let text = if prompt == Prompt::Filter { self.filter.text.as_str() } else { "" };
        self.filter_input = Some(LineInput::new(text));
        Step::default()
    }

    /// Enter (or `e`) in the calendar: the selected agenda row's event (a visit opens its application on tab 1).
    fn open_selected(&mut self, edit: bool, s: &Session) -> Step {
        match self.selected_row() {
            Some(AgendaRow { kind: ItemKind::Visit, id, .. }) => {
                let dispatch_id = *id;
                Step { effects: vec![Effect::Locate { dispatch_id }], tab: Some(Tab::Applications), ..Step::default() }
            }
            Some(row) => {
                let id = row.id;
                self.open_event(id, edit)
            }
            None if edit => Step::error(text(s.lang).select_event_first),
            None => Step::default(),
        }
    }

    fn open_event(&mut self, id: i64, edit: bool) -> Step {
        self.detail_pending = true;
        self.edit_on_arrival = edit;
        self.row = 0;
        self.series = None;
        self.series_pending = false;
        Step::effects(vec![Effect::Events(Load::Detail { id })])
    }

    /// A command while an event is open.
    fn detail_command(&mut self, cmd: Command, s: &Session) -> Step {
        let t = text(s.lang);
        let Some(d) = &self.detail else {
            // Still loading: only going back does anything.
            if cmd == Command::Back {
                self.detail_pending = false;
            }
            return Step::default();
        };
        let purpose = crate::app::Purpose::Events;
        match cmd {
            Command::Back => {
                self.detail = None;
                self.detail_pending = false;
                Step::default()
            }
            Command::Refresh => Step::effects(vec![Effect::Events(Load::Detail { id: d.id })]),
            Command::Up => {
                self.row = self.row.saturating_sub(1);
                Step::default()
            }
            Command::Down => {
                self.row = (self.row + 1).min(rows(d).saturating_sub(1));
                Step::default()
            }
            Command::Top => {
                self.row = 0;
                Step::default()
            }
            Command::Bottom => {
                self.row = rows(d).saturating_sub(1);
                Step::default()
            }
            Command::Edit => Step::form(
                purpose(Purpose::EditEvent { id: d.id, row_version: d.row_version }),
                forms::edit_event(s, d),
            ),
            Command::EventStatus => match forms::status(s, d) {
                Some(form) => Step::form(purpose(Purpose::Status { id: d.id, row_version: d.row_version }), form),
                None => Step::error(t.no_next_status),
            },
            Command::Publicity => {
                Step::form(purpose(Purpose::Publicity { id: d.id, row_version: d.row_version }), forms::publicity(s, d))
            }
            Command::Book if d.kind != EventKind::ConsultationDay => Step::error(t.book_only_days),
            Command::Book if d.status == EventStatus::Cancelled => Step::error(t.cancelled_event),
            Command::Book => Step::form(
                purpose(Purpose::Book {
                    event_id: d.id,
                    start_min: d.start_min,
                    end_min: d.end_min,
                    slot_minutes: d.slot_minutes.unwrap_or(60),
                }),
                forms::book(s, d, self.row),
            ),
            Command::AddParticipant if d.kind != EventKind::Seminar => Step::error(t.participants_only_seminars),
            Command::AddParticipant if d.status == EventStatus::Cancelled => Step::error(t.cancelled_event),
            Command::AddParticipant => Step::form(purpose(Purpose::Register { event_id: d.id }), forms::register(s, d)),
            Command::ToggleAttended | Command::CancelBooking if d.kind == EventKind::Seminar => {
                let Some(p) = d.participants.get(self.row) else { return Step::error(t.select_participant_first) };
                if cmd == Command::CancelBooking {
                    let form = forms::remove_participant(s, p);
                    return Step::form(purpose(Purpose::RemoveParticipant { participant_id: p.id }), form);
                }
                let save = Save::Attend { participant_id: p.id, attended: !p.attended };
                Step::effects(vec![Effect::Save(Box::new(crate::app::SaveRequest::Events(save)))])
            }
            Command::ProposeHonoraria if !matches!(d.status, EventStatus::Held | EventStatus::Closed) => {
                Step::error(t.honoraria_after_held)
            }
            Command::ProposeHonoraria => {
                Step::form(purpose(Purpose::Honoraria { event_id: d.id }), forms::honoraria(s, d))
            }
            Command::SeriesView => match &d.series {
                Some((id, _)) => {
                    self.series_pending = true;
                    self.series_top = 0;
                    Step::effects(vec![Effect::Events(Load::Series { id: *id })])
                }
                None => Step::error(t.not_in_series),
            },
            Command::BookingReport | Command::CancelBooking | Command::BookingToDispatch => {
                let Some(b) = d.bookings.get(self.row) else { return Step::error(t.select_booking_first) };
                match cmd {
                    Command::BookingReport => {
                        Step::form(purpose(Purpose::Report { booking_id: b.id }), forms::report(s, b))
                    }
                    Command::CancelBooking => {
                        Step::form(purpose(Purpose::CancelBooking { booking_id: b.id }), forms::cancel_booking(s, b))
                    }
                    _ if b.dispatch_id.is_some() => Step::error(t.already_dispatched),
                    _ => match forms::dispatch_prefill(d, b) {
                        Some(prefill) => Step::form(
                            purpose(Purpose::BookingDispatch { booking_id: b.id }),
                            crate::screens::queue::forms::new_dispatch(s, Some(&prefill)),
                        ),
                        None => Step::error(t.select_booking_first),
                    },
                }
            }
            _ => Step::default(),
        }
    }

    /// A command while a series is open: scroll its participants, or go back to the event.
    fn series_command(&mut self, cmd: Command) -> Step {
        let n = self.series.as_ref().map_or(0, |v| v.people.len());
        match cmd {
            Command::Back => {
                self.series = None;
                self.series_pending = false;
            }
            Command::Up => self.series_top = self.series_top.saturating_sub(1),
            Command::Down => self.series_top = (self.series_top + 1).min(n.saturating_sub(1)),
            Command::Top => self.series_top = 0,
            Command::Bottom => self.series_top = n.saturating_sub(1),
            Command::Refresh => {
                if let Some(v) = &self.series {
                    return Step::effects(vec![Effect::Events(Load::Series { id: v.id })]);
                }
            }
            _ => {}
        }
        Step::default()
    }

    /// Takes an answer to one of this tab's loads.
    pub fn reply(&mut self, reply: Reply, s: &Session) -> Step {
        match reply {
            Reply::Month { generation, cells } => {
                if generation == self.month_generation {
                    self.cells = cells;
                }
                Step::default()
            }
            Reply::Day { generation, total, offset, rows } => {
                if self.pager.accept(generation, total, offset) {
                    self.agenda = rows;
                    if total == 0 {
                        self.focus = Focus::Month;
                    }
                }
                Step::default()
            }
            Reply::Detail(detail) => {
                if !self.detail_pending && self.detail.is_none() {
                    return Step::default();
                }
                self.detail_pending = false;
                let Some(d) = detail else {
                    self.detail = None;
                    return Step::error(text(s.lang).gone);
                };
                self.row = self.row.min(rows(&d).saturating_sub(1));
                let edit = std::mem::take(&mut self.edit_on_arrival);
                let step = if edit {
                    Step::form(
                        crate::app::Purpose::Events(Purpose::EditEvent { id: d.id, row_version: d.row_version }),
                        forms::edit_event(s, &d),
                    )
                } else {
                    Step::default()
                };
                self.detail = Some(*d);
                step
            }
            Reply::Series(view) => {
                if !self.series_pending && self.series.is_none() {
                    return Step::default();
                }
                self.series_pending = false;
                self.series = view.map(|v| *v);
                if self.series.is_none() {
                    return Step::error(text(s.lang).gone);
                }
                let n = self.series.as_ref().map_or(0, |v| v.people.len());
                self.series_top = self.series_top.min(n.saturating_sub(1));
                Step::default()
            }
            Reply::Created { id, date } => {
                self.cursor = Some(date);
                self.pager.reset();
                self.focus = Focus::Month;
                let mut fx = self.reload();
                fx.extend(self.open_event(id, false).effects);
                Step {
                    effects: fx,
                    close_form: true,
                    notice: Some(crate::ui::i18n::forms(s.lang).saved.to_string()),
                    ..Step::default()
                }
            }
        }
    }

    /// A key while the prompt is open: the filter narrows as it is typed; the jump goes on Enter.
    pub fn filter_key(&mut self, cmd: Option<Command>, key: Key) -> Vec<Effect> {
        if self.prompt == Prompt::Filter {
            if !crate::app::input::filter_key(&mut self.filter_input, &mut self.filter.text, cmd, key) {
                return Vec::new();
            }
            self.pager.reset();
            return self.reload();
        }
        let Some(input) = &mut self.filter_input else { return Vec::new() };
        match cmd {
            Some(Command::ApplyFilter) => match parse_date(input.text(), self.today.unwrap_or_default()) {
                Ok(date) => {
                    self.filter_input = None;
                    self.go_to(date).effects
                }
                Err(_) => {
                    self.prompt_error = true;
                    Vec::new()
                }
            },
            Some(Command::ClearFilter) => {
                self.filter_input = None;
                Vec::new()
            }
            _ => {
                if input.edit(key) {
                    self.prompt_error = false;
                }
                Vec::new()
            }
        }
    }

    /// Selects the n-th visible row below the tab's first line (a mouse click): the agenda's rows start below
    /// its date and holiday lines.
    pub fn select_visible(&mut self, n: usize) -> Vec<Effect> {
        let Some(row) = n.checked_sub(1) else { return Vec::new() };
        let target = self.pager.top + row;
        if self.detail.is_none() && target < self.pager.total {
            self.pager.selected = target;
            self.focus = Focus::Agenda;
        }
        Vec::new()
    }

    /// Shows a record opened from the lookup, if it belongs to this tab.
    pub fn show(&mut self, _kind: HitKind, id: i64) -> Vec<Effect> {
        self.open(id)
    }

    /// Opens an event from another tab (the needs-action view).
    pub fn open(&mut self, id: i64) -> Vec<Effect> {
        self.open_event(id, false).effects
    }
}
