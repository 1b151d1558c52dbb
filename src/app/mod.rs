//! The console's state, actions and effects. `reduce` is pure: same state and action, same result; all I/O is
//! asked for through [`Effect`]s that the runner (`commands::console`) executes and answers with [`Action`]s.

pub mod backup;
pub mod form;
pub mod input;
pub mod keymap;
pub mod lookup;
pub mod pager;

use chrono::NaiveDate;

use std::sync::Arc;

use crate::domain::fiscal_year::FiscalYear;
use crate::domain::model::{DispatchNumber, DispatchStatus, RejectionGround};
use crate::domain::records::{NewConsultation, NewDispatch, NewVisit};
use crate::screens::queue::QueueState;
use crate::screens::queue::forms::{self, Prefill, Purpose as QueuePurpose};
use crate::screens::{events, ledger, reports, roster};
use crate::store::audit::Change;
use crate::store::consultations::{ConsultationRecord, ConsultationRow};
use crate::store::lookup::{Groups, Hit, HitKind};
use crate::store::needs_action::{Item, Reason};
use crate::store::queue::{DispatchDetail, QueueFilter, QueueRow};
use crate::store::undo::UndoRefusal;
use crate::store::workflow::{DispatchEdit, InlineBusiness, Refusal, TransitionDetails};
use crate::ui::i18n::{self, Lang};
use form::{Form, FormEvent, RecordKind};
use keymap::{Command, Key, Scope};
use lookup::{LookupEvent, LookupState};

/// The tabs across the top (a tab appears once its issue is built).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// 申請: the applications queue.
    Applications,
    /// 名簿: experts, businesses, organisations.
    Roster,
    /// 講習会・相談会: the seminar calendar.
    Events,
    /// 精算: the reimbursement ledger.
    Ledger,
}

impl Tab {
    /// The tabs shown, in key order (`1`..`4`).
    pub const ALL: &[Tab] = &[Tab::Applications, Tab::Roster, Tab::Events, Tab::Ledger];

    /// The tab of key `n` (1-based).
    pub fn numbered(n: u8) -> Option<Tab> {
        Tab::ALL.get(usize::from(n).checked_sub(1)?).copied()
    }

    /// The key scope of the tab's own commands.
    pub fn scope(self) -> Scope {
        match self {
            Tab::Applications => Scope::Queue,
            Tab::Roster => Scope::Roster,
            Tab::Events => Scope::Events,
            Tab::Ledger => Scope::Ledger,
        }
    }
}

/// What a form is for: one variant per tab, each tab's own purposes inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Tab 1's forms.
    Queue(QueuePurpose),
    /// Tab 2's forms.
    Roster(roster::Purpose),
    /// Tab 3's forms.
    Events(events::Purpose),
    /// Tab 4's forms.
    Ledger(ledger::Purpose),
}

/// What a tab's reducer asks of the shell besides effects: a form to open, a message, another tab.
#[derive(Debug, Default)]
pub struct Step {
    /// Effects to run.
    pub effects: Vec<Effect>,
    /// A form to open.
    pub form: Option<(Purpose, Form)>,
    /// An error for the status line.
    pub error: Option<String>,
    /// A confirmation for the status line.
    pub notice: Option<String>,
    /// A tab to switch to.
    pub tab: Option<Tab>,
    /// The open form is done (a write answered by the tab's own reply): close it.
    pub close_form: bool,
}

impl Step {
    /// Only effects.
    pub fn effects(effects: Vec<Effect>) -> Step {
        Step { effects, ..Step::default() }
    }

    /// Only an error.
    pub fn error(message: impl Into<String>) -> Step {
        Step { error: Some(message.into()), ..Step::default() }
    }

    /// Opens a form.
    pub fn form(purpose: Purpose, form: Form) -> Step {
        Step { form: Some((purpose, form)), ..Step::default() }
    }
}

/// Overlays above the screen, topmost last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    /// The key help.
    Help {
        /// Lines scrolled.
        scroll: u16,
    },
    /// The desk's contact details.
    About,
    /// A record's history, newest change first.
    History {
        /// The record's table and id.
        record: (&'static str, i64),
        /// Its changes, once loaded (None: loading).
        changes: Option<Vec<Change>>,
        /// Lines scrolled.
        scroll: u16,
    },
}

/// Facts shown on the status line, fixed for the session.
#[derive(Debug, Clone)]
pub struct Session {
    /// Interface language.
    pub lang: Lang,
    /// The date treated as today.
    pub today: NaiveDate,
    /// The fiscal year opened, with its configuration (limits, themes, period).
    pub fy: Arc<FiscalYear>,
    /// Set when today's fiscal year has no configuration and this one was opened instead.
    pub fallback_from: Option<i32>,
    /// The staff member recorded with changes.
    pub staff: String,
    /// Days after the last visit before a missing support report needs action.
    pub report_overdue_days: u32,
    /// Colours on.
    pub color: bool,
}

#[cfg(test)]
impl Session {
    /// The session of the reducer tests: 山田 at the desk on 2025-11-04, FY2025, in Japanese.
    pub(crate) fn for_tests() -> Session {
        let fy = FiscalYear::from_toml(include_str!("../../assets/fiscal-years/2025.toml")).unwrap();
        Session {
            lang: Lang::Ja,
            today: NaiveDate::from_ymd_opt(2025, 11, 4).unwrap(),
            fy: Arc::new(fy),
            fallback_from: None,
            staff: "山田".into(),
            report_overdue_days: 30,
            color: true,
        }
    }
}

/// The whole console state.
#[derive(Debug, Clone)]
pub struct App {
    /// Session facts.
    pub session: Session,
    /// The tab shown.
    pub tab: Tab,
    /// Overlays.
    pub popups: Vec<Popup>,
    /// Tab 1.
    pub queue: QueueState,
    /// Tab 2.
    pub roster: roster::State,
    /// Tab 3.
    pub events: events::State,
    /// Tab 4.
    pub ledger: ledger::State,
    /// The open form, if any (above the screen, below the help).
    pub form: Option<(Purpose, Form)>,
    /// A form put aside, with the tab it was on, when a lookup result was opened from inside it; `Esc` returns
    /// to that tab and the form.
    pub draft: Option<(Tab, (Purpose, Form))>,
    /// The global lookup, when open (above everything).
    pub lookup: Option<LookupState>,
    /// The last error to show on the status line.
    pub error: Option<String>,
    /// The last confirmation to show on the status line ("保存しました").
    pub notice: Option<String>,
    /// Set after a first quit key while something is unsaved: the next quit key ends the console.
    pub confirm_quit: bool,
    /// Set when the console should end.
    pub quit: bool,
    /// The backups' state for the status line (None when the console takes no backups, e.g. `--demo`).
    pub backup: Option<backup::BackupStatus>,
    /// The export/import popup and the frequency tables, over any tab.
    pub reports: reports::State,
}

/// Something that happened: a key, a resize, or the answer to an effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A key press.
    Key(Key),
    /// The screen size changed: rows available for the list.
    Resize {
        /// List rows that fit.
        list_rows: usize,
    },
    /// A page of desk consultations arrived.
    ConsultationPage {
        /// The request's generation.
        generation: u64,
        /// Rows in all.
        total: usize,
        /// Index of the first row.
        offset: usize,
        /// The rows.
        rows: Vec<ConsultationRow>,
    },
    /// A queue page arrived.
    QueuePage {
        /// The request's generation.
        generation: u64,
        /// Rows matching the filter.
        total: usize,
        /// Index of the first row.
        offset: usize,
        /// The rows.
        rows: Vec<QueueRow>,
    },
    /// The detail of an application arrived.
    Detail(Option<Box<DispatchDetail>>),
    /// A click on the n-th visible row of the current list.
    SelectRow(usize),
    /// Text pasted into the terminal: goes into the text input in use, never read as commands.
    Paste(String),
    /// Lookup results arrived.
    LookupResults {
        /// The query's generation.
        generation: u64,
        /// Hits by kind.
        groups: Groups,
    },
    /// A chamber's staff arrived (Form 1's guidance officer picker).
    ChamberStaff {
        /// The chamber.
        chamber_id: i64,
        /// Its staff in service.
        staff: Vec<crate::store::staff::StaffMember>,
    },
    /// The needs-action groups arrived.
    NeedsAction(Vec<(Reason, usize, Vec<Item>)>),
    /// An application's position in the unfiltered list arrived (None: not an application of this year).
    Located(Option<usize>),
    /// Candidates for a record field of the open form.
    Candidates {
        /// Field index.
        field: usize,
        /// The text they were found for.
        query: String,
        /// (id, label) pairs, best first.
        found: Vec<(i64, String)>,
    },
    /// A save went through.
    Saved(Saved),
    /// A save was refused (rules, or the record changed); nothing was written.
    Refused(Refusal),
    /// A desk consultation to edit arrived.
    ConsultationLoaded(Option<Box<ConsultationRecord>>),
    /// An undo or redo finished: the label of the action, or why not.
    Undone {
        /// It was a redo.
        redo: bool,
        /// The action's label, or the reason it could not be undone.
        result: Result<String, UndoRefusal>,
    },
    /// An answer to a load of tab 2.
    Roster(roster::Reply),
    /// An answer to a load of tab 3.
    Events(events::Reply),
    /// An answer to a load of tab 4.
    Ledger(ledger::Reply),
    /// Progress or an answer of an export, import or count.
    Reports(reports::Reply),
    /// An effect that answers nothing finished.
    Idle,
    /// An effect failed.
    Failed(String),
    /// The backup thread reported (on start, after each backup, and once a minute for the age shown).
    Backup(backup::BackupStatus),
    /// Another console wrote to the database: reload what the current tab shows (like Ctrl-L).
    DataChanged,
    /// A record's history arrived.
    History {
        /// The record's table and id.
        record: (&'static str, i64),
        /// Its changes, newest first.
        changes: Vec<Change>,
    },
}

/// A write the runner performs as one action (one transaction, audited).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveRequest {
    /// A new application.
    CreateDispatch {
        /// The application.
        dispatch: NewDispatch,
        /// The desk consultation it came from.
        consultation: Option<i64>,
        /// A business registered inline with it.
        new_business: Option<InlineBusiness>,
        /// Register the business even though it looks like an existing one (the desk saw the warning).
        allow_duplicate: bool,
    },
    /// A visit, with an override reason for R-D1 if the desk gives one.
    AddVisit {
        /// The visit.
        visit: NewVisit,
        /// Override reason (empty: none).
        override_reason: String,
    },
    /// An edited visit (R-D1 checked again without it), refused if it changed since it was read.
    UpdateVisit {
        /// The visit.
        visit_id: i64,
        /// Its row version when the form opened.
        row_version: i64,
        /// Its fields.
        visit: NewVisit,
        /// Override reason (empty: none).
        override_reason: String,
    },
    /// A visit removed (recorded by mistake), refused if it changed since it was read.
    RemoveVisit {
        /// The visit.
        visit_id: i64,
        /// Its row version when the form opened.
        row_version: i64,
    },
    /// A status change.
    Transition {
        /// Application.
        id: i64,
        /// Status when the form opened.
        from: DispatchStatus,
        /// New status.
        to: DispatchStatus,
        /// Date.
        on: NaiveDate,
        /// Expert, report summary.
        details: TransitionDetails,
    },
    /// Edited Form 1 fields of an application, refused if it changed since it was read.
    UpdateDispatch {
        /// Application.
        id: i64,
        /// Row version when the form opened.
        row_version: i64,
        /// The fields.
        edit: DispatchEdit,
    },
    /// A rejection.
    Reject {
        /// Application.
        id: i64,
        /// Grounds.
        grounds: Vec<RejectionGround>,
        /// Ground 8 text.
        note: String,
        /// Date.
        on: NaiveDate,
    },
    /// An edited desk consultation, refused if it changed since it was read.
    UpdateConsultation {
        /// The consultation.
        id: i64,
        /// Row version when the form opened.
        row_version: i64,
        /// Its fields.
        consultation: NewConsultation,
    },
    /// A desk consultation (outcome "dispatch" opens a prefilled Form 1 next).
    CreateConsultation {
        /// The consultation.
        consultation: NewConsultation,
        /// The business chosen (id, label), carried to the prefilled Form 1.
        business_label: Option<(i64, String)>,
    },
    /// A write of tab 2.
    Roster(roster::Save),
    /// A write of tab 3.
    Events(events::Save),
    /// A write of tab 4.
    Ledger(ledger::Save),
}

/// What a save produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// An application was created.
    Dispatch {
        /// Its id.
        id: i64,
        /// Its number.
        number: DispatchNumber,
    },
    /// Any other change of an application.
    Changed,
    /// A consultation was recorded; with a prefill when it is to become an application.
    Consultation(Option<Prefill>),
}

/// Work for the runner: queries and writes, never done inside the reducer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Load one page of the queue.
    LoadQueuePage {
        /// Generation, to drop stale replies.
        generation: u64,
        /// Filter.
        filter: QueueFilter,
        /// First row.
        offset: usize,
        /// Rows.
        limit: usize,
    },
    /// Load one application's detail.
    LoadDetail {
        /// Its id.
        id: i64,
    },
    /// Load a chamber's staff for Form 1's guidance officer picker.
    LoadChamberStaff {
        /// The chamber chosen.
        chamber_id: i64,
    },
    /// Load one page of desk consultations.
    LoadConsultations {
        /// Generation, to drop stale replies.
        generation: u64,
        /// The `/` filter text (empty: all).
        text: String,
        /// First row.
        offset: usize,
        /// Rows.
        limit: usize,
    },
    /// Run the global lookup (empty query: the recently opened records).
    Lookup {
        /// Generation, to drop stale replies.
        generation: u64,
        /// What was typed.
        query: String,
    },
    /// Remember a record opened from the lookup.
    Remember {
        /// Kind.
        kind: HitKind,
        /// Id.
        id: i64,
    },
    /// Load one desk consultation to edit it.
    LoadConsultation {
        /// Its id.
        id: i64,
    },
    /// Load the needs-action view.
    LoadNeedsAction,
    /// Find where an application stands in the unfiltered list, to show it.
    Locate {
        /// The application.
        dispatch_id: i64,
    },
    /// Find records for a form's record field.
    Search {
        /// Field index.
        field: usize,
        /// Kind of record.
        kind: RecordKind,
        /// Typed text.
        query: String,
    },
    /// Write, as one audited action.
    Save(Box<SaveRequest>),
    /// Undo the last action of this session (or redo the last undone one).
    Undo {
        /// Redo instead of undo.
        redo: bool,
    },
    /// A read of tab 2.
    Roster(roster::Load),
    /// A read of tab 3.
    Events(events::Load),
    /// A read of tab 4.
    Ledger(ledger::Load),
    /// An export, import or count (on the worker, with progress).
    Reports(reports::Load),
    /// Load a record's history.
    LoadHistory {
        /// The record's table and id.
        record: (&'static str, i64),
    },
}

impl App {
    /// A new console state for a session.
    pub fn new(session: Session) -> App {
        App {
            session,
            tab: Tab::Applications,
            popups: Vec::new(),
            queue: QueueState::default(),
            roster: roster::State::default(),
            events: events::State::default(),
            ledger: ledger::State::default(),
            form: None,
            draft: None,
            lookup: None,
            error: None,
            notice: None,
            confirm_quit: false,
            quit: false,
            backup: None,
            reports: reports::State::default(),
        }
    }

    /// The key scopes in force, topmost first.
    pub fn scopes(&self) -> Vec<Scope> {
        if self.lookup.is_some() {
            return vec![Scope::Lookup, Scope::Global];
        }
        if !self.popups.is_empty() {
            return vec![Scope::Help, Scope::Global];
        }
        self.context_scopes()
    }

    /// The scopes of what is under the popups (what the help overlay explains).
    pub fn context_scopes(&self) -> Vec<Scope> {
        if let Some(t) = &self.reports.transfer {
            vec![if t.choosing() { Scope::Form } else { Scope::Transfer }, Scope::Global]
        } else if self.reports.freq.is_some() {
            vec![Scope::Frequency, Scope::Global]
        } else if self.form.is_some() {
            vec![Scope::Form, Scope::Global]
        } else if self.filtering() {
            vec![Scope::Filter, Scope::Global]
        } else {
            vec![self.tab.scope(), Scope::List, Scope::Global]
        }
    }

    /// The table and id of the record the cursor is on (a card's record when one is open), for its history.
    pub fn selected_record(&self) -> Option<(&'static str, i64)> {
        match self.tab {
            Tab::Applications if self.queue.consultations() => {
                self.queue.selected_consultation().map(|id| ("desk_consultation", id))
            }
            Tab::Applications => self.queue.selected_row().map(|r| ("dispatch", r.id)),
            Tab::Roster => self.roster.selected_record(),
            Tab::Ledger => self.ledger.selected_record(),
            Tab::Events => self.events.selected_record(),
        }
    }

    /// Whether the current tab's filter input is open.
    pub fn filtering(&self) -> bool {
        match self.tab {
            Tab::Applications => self.queue.filter_input.is_some(),
            Tab::Roster => self.roster.filter_input.is_some(),
            Tab::Events => self.events.filter_input.is_some(),
            Tab::Ledger => self.ledger.filter_input.is_some(),
        }
    }

    /// Applies what a tab's reducer asked for; returns its effects.
    fn apply(&mut self, step: Step) -> Vec<Effect> {
        if step.close_form {
            self.form = None;
        }
        if let Some(form) = step.form {
            self.error = None;
            self.form = Some(form);
        }
        if step.error.is_some() {
            self.error = step.error;
        }
        if step.notice.is_some() {
            self.notice = step.notice;
        }
        let mut effects = step.effects;
        if let Some(tab) = step.tab.filter(|t| *t != self.tab) {
            self.tab = tab;
            effects.extend(self.activate());
        }
        effects
    }

    /// Reloads what the current tab shows (on switching to it, after a save or an undo).
    fn activate(&mut self) -> Vec<Effect> {
        match self.tab {
            Tab::Applications => self.queue.command(Command::Refresh),
            Tab::Roster => self.roster.activate(),
            Tab::Events => self.events.activate(&self.session),
            Tab::Ledger => self.ledger.activate(),
        }
    }
}

/// "Another console changed this record (佐藤, 10:12, 状態を進める: 状態, 専門家); nothing was overwritten ...".
fn changed_message(lang: Lang, latest: Option<&Change>) -> String {
    let t = i18n::forms(lang);
    let what = latest.map(|c| {
        let h = i18n::history::text(lang);
        let fields: Vec<&str> = c.fields.iter().map(|(col, _, _)| h.column(col)).collect();
        let at = c.at.get(11..16).unwrap_or(&c.at);
        t.changed_by
            .replace("{who}", c.staff.as_deref().unwrap_or(h.outside))
            .replace("{at}", at)
            .replace("{label}", c.label.as_deref().unwrap_or(""))
            .replace("{fields}", &fields.join(", "))
    });
    t.changed.replace("{what}", &what.unwrap_or_default())
}

/// The pure reducer.
pub fn reduce(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Key(key) => {
            let cmd = keymap::resolve(&app.scopes(), key);
            // Any other key answers the quit warning: it goes with its message.
            if cmd != Some(Command::Quit) && std::mem::take(&mut app.confirm_quit) {
                app.error = None;
            }
            let global = matches!(cmd, Some(Command::Help | Command::Quit | Command::Refresh | Command::Lookup));
            if app.lookup.is_some() && cmd != Some(Command::Quit) {
                return lookup_key(app, cmd, key);
            }
            if app.popups.is_empty() && app.reports.is_open() && !global {
                return reports_key(app, cmd, key);
            }
            if app.popups.is_empty() && app.form.is_some() && !global {
                return form_key(app, cmd, key);
            }
            if app.popups.is_empty() && app.filtering() && !global {
                return match app.tab {
                    Tab::Applications => app.queue.filter_key(cmd, key),
                    Tab::Roster => app.roster.filter_key(cmd, key),
                    Tab::Events => app.events.filter_key(cmd, key),
                    Tab::Ledger => app.ledger.filter_key(cmd, key),
                };
            }
            match cmd {
                Some(cmd) => command(app, cmd),
                None => Vec::new(),
            }
        }
        Action::Candidates { field, query, found } => {
            if let Some((purpose, form)) = &mut app.form {
                // Form 1's business picker also offers to register the typed name as a new business.
                let new = matches!(purpose, Purpose::Queue(QueuePurpose::NewDispatch { .. }))
                    && form.fields.get(field).is_some_and(|f| f.key == "business");
                let label = new.then(|| i18n::forms(app.session.lang).register_new.replace("{name}", &query));
                form.candidates(field, &query, found, label);
            }
            Vec::new()
        }
        Action::Saved(saved) => saved_action(app, saved),
        Action::Refused(refusal) => {
            refused(app, refusal);
            Vec::new()
        }
        Action::Resize { list_rows } => {
            let fx = [
                (Tab::Applications, app.queue.set_viewport(list_rows)),
                (Tab::Roster, app.roster.set_viewport(list_rows)),
                (Tab::Events, app.events.set_viewport(list_rows)),
                (Tab::Ledger, app.ledger.set_viewport(list_rows)),
            ];
            // Only the tab shown loads now; the others load when switched to.
            fx.into_iter().filter(|(t, _)| *t == app.tab).flat_map(|(_, fx)| fx).collect()
        }
        Action::Reports(reports::Reply::Located { filter, dispatch_id, position }) => match position {
            Some(position) => app.queue.locate_in(filter, position),
            // The record left the filter since it was counted: the unfiltered list shows it.
            None => vec![Effect::Locate { dispatch_id }],
        },
        Action::Reports(reply) => {
            // An import changed the data: reload what the tab shows.
            let imported = matches!(reply, reports::Reply::Imported(Ok(_)));
            let mut fx = app.reports.reply(reply);
            if imported {
                fx.extend(app.activate());
            }
            fx
        }
        Action::Roster(reply) => {
            let step = app.roster.reply(reply, &app.session);
            app.apply(step)
        }
        Action::Events(reply) => {
            let step = app.events.reply(reply, &app.session);
            app.apply(step)
        }
        Action::Ledger(reply) => {
            let step = app.ledger.reply(reply, &app.session);
            app.apply(step)
        }
        Action::QueuePage { generation, total, offset, rows } => {
            app.error = None;
            app.queue.page_loaded(generation, total, offset, rows)
        }
        Action::LookupResults { generation, groups } => {
            match app.lookup.as_mut().and_then(|l| l.results(generation, groups)) {
                Some(hit) => open_hit(app, hit),
                None => Vec::new(),
            }
        }
        Action::SelectRow(n) => match app.tab {
            Tab::Applications => app.queue.select_visible(n),
            Tab::Roster => app.roster.select_visible(n),
            Tab::Events => app.events.select_visible(n),
            Tab::Ledger => app.ledger.select_visible(n),
        },
        Action::Paste(text) => {
            let typing = app.lookup.is_some() || app.form.is_some() || app.filtering();
            if !typing {
                return Vec::new();
            }
            let mut fx = Vec::new();
            for c in text.chars().filter(|c| !c.is_control()) {
                fx = reduce(app, Action::Key(Key::Char(c)));
            }
            // Only the last keystroke's query matters.
            fx
        }
        Action::NeedsAction(groups) => {
            app.queue.needs_action_loaded(groups);
            Vec::new()
        }
        Action::ChamberStaff { chamber_id, staff } => {
            if let Some((Purpose::Queue(_), form)) = &mut app.form {
                forms::chamber_staff_loaded(form, app.session.lang, chamber_id, &staff);
            }
            Vec::new()
        }
        Action::Located(Some(position)) => app.queue.locate(position),
        Action::Located(None) => {
            app.error = Some(i18n::forms(app.session.lang).not_this_year.to_string());
            Vec::new()
        }
        Action::ConsultationPage { generation, total, offset, rows } => {
            app.queue.consultations_loaded(generation, total, offset, rows);
            Vec::new()
        }
        Action::Detail(detail) => {
            app.queue.detail_loaded(detail.map(|d| *d));
            Vec::new()
        }
        Action::Idle => Vec::new(),
        Action::DataChanged => app.activate(),
        Action::History { record, changes } => {
            // Only the popup that asked takes the answer (it may have been closed meanwhile).
            let waiting = app.popups.iter_mut().find_map(|p| match p {
                Popup::History { record: r, changes: c @ None, .. } if *r == record => Some(c),
                _ => None,
            });
            if let Some(c) = waiting {
                *c = Some(changes);
            }
            Vec::new()
        }
        Action::ConsultationLoaded(record) => {
            match record {
                Some(c) => {
                    let form = forms::edit_consultation(&app.session, &c);
                    let purpose = QueuePurpose::EditConsultation { id: c.id, row_version: c.row_version };
                    app.form = Some((Purpose::Queue(purpose), form));
                }
                None => app.error = Some(i18n::forms(app.session.lang).missing.to_string()),
            }
            Vec::new()
        }
        Action::Undone { redo, result } => {
            let t = i18n::forms(app.session.lang);
            match result {
                Ok(label) => {
                    app.error = None;
                    let template = if redo { t.redone } else { t.undone };
                    app.notice = Some(template.replace("{action}", &i18n::action_label(app.session.lang, &label)));
                    app.queue.detail = None;
                    app.activate()
                }
                Err(UndoRefusal::Nothing) => {
                    app.error = Some(t.nothing_to_undo.to_string());
                    Vec::new()
                }
                Err(UndoRefusal::LaterChange { table, record_id }) => {
                    let record = format!("{} {record_id}", i18n::table_label(app.session.lang, &table));
                    app.error = Some(t.later_change.replace("{record}", &record));
                    Vec::new()
                }
                Err(UndoRefusal::Linked { table, record_id }) => {
                    let record = format!("{} {record_id}", i18n::table_label(app.session.lang, &table));
                    app.error = Some(t.linked_later.replace("{record}", &record));
                    Vec::new()
                }
            }
        }
        Action::Backup(status) => {
            app.backup = Some(status);
            Vec::new()
        }
        Action::Failed(message) => {
            match &mut app.form {
                Some((_, form)) => form.message = Some(message),
                None => app.error = Some(message),
            }
            Vec::new()
        }
    }
}

/// A key in the lookup: typing queries; Enter opens the hit in its tab (a form in progress is kept as a draft).
fn lookup_key(app: &mut App, cmd: Option<Command>, key: Key) -> Vec<Effect> {
    let Some(l) = &mut app.lookup else { return Vec::new() };
    match l.key(cmd, key) {
        LookupEvent::Effects(fx) => fx,
        LookupEvent::Close => {
            app.lookup = None;
            Vec::new()
        }
        LookupEvent::Open(hit) => open_hit(app, hit),
    }
}

/// Opens a lookup hit in its tab (a form in progress is kept as a draft, with its tab).
fn open_hit(app: &mut App, hit: Hit) -> Vec<Effect> {
    app.lookup = None;
    app.popups.clear();
    app.reports.close();
    if let Some(form) = app.form.take() {
        app.draft = Some((app.tab, form));
    }
    let mut fx = vec![Effect::Remember { kind: hit.kind, id: hit.id }];
    match hit.kind {
        HitKind::Application => {
            app.tab = Tab::Applications;
            fx.push(Effect::Locate { dispatch_id: hit.id });
        }
        HitKind::Event => {
            app.tab = Tab::Events;
            fx.extend(app.events.activate(&app.session));
            fx.extend(app.events.show(hit.kind, hit.id));
        }
        HitKind::Claim => {
            app.tab = Tab::Ledger;
            fx.extend(app.ledger.show(hit.kind, hit.id));
        }
        // Businesses, experts and organisations open their card on the roster (`b` there shows their
        // applications on tab 1).
        kind => {
            app.tab = Tab::Roster;
            fx.extend(app.roster.show(kind, hit.id));
        }
    }
    fx
}

/// What the record under the cursor fills into the export popup: its chamber, its document.
fn transfer_prefill(app: &App) -> reports::transfer::Prefill {
    use crate::export::forms::DocumentKind;
    let row = (app.tab == Tab::Applications && !app.queue.consultations()).then(|| app.queue.selected_row()).flatten();
    let document = match (row, app.selected_record()) {
        (Some(r), _) => Some((DocumentKind::Notice, r.number.to_string())),
        (None, Some(("claim", id))) => Some((DocumentKind::Form4, id.to_string())),
        _ => None,
    };
    reports::transfer::Prefill { chamber: row.and_then(|r| r.chamber.clone()), document }
}

/// The list the frequency tables count: the tab's list with its filter as it stands (on tab 2, the applications
/// of the open card's record, as `a` shows them; with no card, the year's).
fn freq_listing(app: &App) -> crate::store::reports::freq::Listing {
    use crate::store::reports::freq::Listing;
    match app.tab {
        Tab::Applications if app.queue.consultations() => Listing::Consultations(app.queue.c_filter.clone()),
        Tab::Applications => Listing::Applications(app.queue.filter.clone()),
        Tab::Roster => {
            Listing::Applications(QueueFilter { record: app.roster.record_filter(), ..QueueFilter::default() })
        }
        Tab::Events => Listing::Events(app.events.filter.clone()),
        Tab::Ledger => Listing::Claims(app.ledger.filter.clone()),
    }
}

/// A key in the export popup or the frequency tables; a record chosen in the tables opens in its tab, in the
/// list it was counted from where that tab can show it (applications, consultations).
fn reports_key(app: &mut App, cmd: Option<Command>, key: Key) -> Vec<Effect> {
    use crate::store::reports::freq::Listing;
    if let Some(t) = &mut app.reports.transfer {
        let (close, fx) = t.key(cmd, key, &app.session, app.reports.pdf_font.clone());
        if close {
            app.reports.transfer = None;
        }
        return fx;
    }
    match app.reports.freq_key(cmd) {
        reports::freq::Outcome::Effects(fx) => fx,
        reports::freq::Outcome::Close => {
            app.reports.freq = None;
            Vec::new()
        }
        reports::freq::Outcome::Open(listing, id) => {
            app.reports.close();
            app.notice = None;
            match listing {
                Listing::Applications(filter) => {
                    app.tab = Tab::Applications;
                    vec![Effect::Reports(reports::Load::Locate { filter, dispatch_id: id })]
                }
                // Counted from the consultations view, which is still shown: the consultation opens for editing.
                Listing::Consultations(_) => {
                    app.tab = Tab::Applications;
                    vec![Effect::LoadConsultation { id }]
                }
                Listing::Events(_) => {
                    app.tab = Tab::Events;
                    let mut fx = app.events.activate(&app.session);
                    fx.extend(app.events.show(HitKind::Event, id));
                    fx
                }
                Listing::Claims(_) => {
                    app.tab = Tab::Ledger;
                    app.ledger.show(HitKind::Claim, id)
                }
            }
        }
    }
}

/// A key while a form is open: the form edits; Ctrl-S asks the screen to build a save request.
fn form_key(app: &mut App, cmd: Option<Command>, key: Key) -> Vec<Effect> {
    let Some((purpose, form)) = &mut app.form else { return Vec::new() };
    let cmd = cmd.filter(|c| *c != Command::EditField);
    let was_new = form.record("business") == Some(form::NEW_RECORD);
    let chamber_before = form.record("chamber");
    let person_before = form.choice("person").map(str::to_string);
    let event = form.handle(cmd, key);
    // The accompanying person comes from the form's own application (another one may have been opened from the
    // lookup while the form was kept as a draft).
    if let (
        Purpose::Queue(QueuePurpose::AddVisit { dispatch_id } | QueuePurpose::EditVisit { dispatch_id, .. }),
        Some(d),
    ) = (&purpose, &app.queue.detail)
        && d.row.id == *dispatch_id
        && form.choice("person").map(str::to_string) != person_before
    {
        forms::person_picked(form, d);
    }
    let mut effects = Vec::new();
    let chamber = form.record("chamber");
    if matches!(purpose, Purpose::Queue(_)) && chamber != chamber_before {
        // Form 1's guidance officer comes from the chosen chamber's staff (R-D3).
        match chamber {
            Some(chamber_id) => effects.push(Effect::LoadChamberStaff { chamber_id }),
            None => forms::clear_officers(form, app.session.lang),
        }
    }
    if matches!(purpose, Purpose::Queue(QueuePurpose::NewDispatch { .. })) {
        let new_business = form.record("business") == Some(form::NEW_RECORD);
        form.show_fields("newbiz:", new_business);
        if new_business && !was_new {
            // The fields for the new business just appeared: fill them in next.
            form.focus = form.fields.iter().position(|f| f.key.starts_with("newbiz:")).unwrap_or(form.focus);
        }
    }
    match event {
        FormEvent::None => effects,
        FormEvent::Cancel => {
            app.form = None;
            Vec::new()
        }
        FormEvent::Search { field, kind, query } => {
            effects.push(Effect::Search { field, kind, query });
            effects
        }
        FormEvent::Save => {
            form.clear_errors();
            let request = match *purpose {
                Purpose::Queue(p) => forms::to_request(p, form, &app.session),
                Purpose::Roster(p) => roster::to_request(p, form, &app.session),
                Purpose::Events(p) => events::to_request(p, form, &app.session),
                Purpose::Ledger(p) => ledger::to_request(p, form, &app.session),
            };
            match request {
                Ok(request) => {
                    form.message = Some(i18n::forms(app.session.lang).saving.to_string());
                    vec![Effect::Save(Box::new(request))]
                }
                Err(errors) => {
                    for (field, message) in errors {
                        form.set_error(&field, message);
                    }
                    Vec::new()
                }
            }
        }
    }
}

/// After a save: close the form, say so, reload what is shown; a consultation turned into an application
/// opens the prefilled Form 1.
fn saved_action(app: &mut App, saved: Saved) -> Vec<Effect> {
    let t = i18n::forms(app.session.lang);
    app.form = None;
    app.error = None;
    app.notice = Some(match &saved {
        Saved::Dispatch { number, .. } => format!("{number} {}", t.saved),
        _ => t.saved.to_string(),
    });
    if let Saved::Consultation(Some(prefill)) = &saved {
        let form = forms::new_dispatch(&app.session, Some(prefill));
        let purpose = QueuePurpose::NewDispatch { consultation: prefill.consultation, duplicates_seen: false };
        app.form = Some((Purpose::Queue(purpose), form));
    }
    if let Saved::Dispatch { .. } = saved {
        app.queue.select_first();
    }
    app.activate()
}

/// A refused save: messages with rule ids next to their fields; R-D1 shows the override reason field.
fn refused(app: &mut App, refusal: Refusal) {
    let lang = app.session.lang;
    let t = i18n::forms(lang);
    let Some((purpose, form)) = &mut app.form else { return };
    let purpose = *purpose;
    form.message = None;
    match refusal {
        Refusal::Findings(findings) => {
            for f in &findings {
                let key = match purpose {
                    Purpose::Queue(_) => forms::field_for(f),
                    Purpose::Roster(_) => roster::forms::field_for(f),
                    Purpose::Events(_) => events::forms::field_for(f),
                    Purpose::Ledger(_) => ledger::forms::field_for(f),
                };
                let mut message = i18n::finding(lang, f);
                if forms::overridable(f) {
                    message = format!("{message}\n{}", t.override_hint);
                }
                if form.field(key).is_none() {
                    // A finding of no field (a confirmation without fields) is shown for the whole form.
                    form.message = Some(match form.message.take() {
                        Some(prev) => format!("{prev} / {message}"),
                        None => message,
                    });
                    continue;
                }
                match form.field(key).and_then(|x| x.error.clone()) {
                    Some(prev) => form.set_error(key, format!("{prev}\n{message}")),
                    None => form.set_error(key, message),
                }
            }
        }
        Refusal::WrongStatus(status) => {
            form.message = Some(t.wrong_status.replace("{status}", i18n::label::dispatch_status(lang, status)));
        }
        Refusal::Missing => form.message = Some(t.missing.to_string()),
        Refusal::Changed(latest) => form.message = Some(changed_message(lang, latest.as_deref())),
        Refusal::PossibleDuplicates(list) => {
            let names: Vec<String> = list.into_iter().map(|(_, n)| n).collect();
            let key = if matches!(purpose, Purpose::Queue(_)) { "business" } else { "name" };
            let template = match purpose {
                Purpose::Roster(p) => roster::forms::duplicates_text(p, lang),
                _ => t.possible_duplicates,
            };
            form.set_error(key, template.replace("{list}", &names.join(" / ")));
            form.warned = true;
            if let Some((Purpose::Queue(QueuePurpose::NewDispatch { duplicates_seen, .. }), _)) = &mut app.form {
                *duplicates_seen = true;
            }
        }
        Refusal::VisitHasPayment => form.message = Some(i18n::queue::text(lang).visit_has_payment.to_string()),
        Refusal::AlreadyLinked(number) => {
            form.message = Some(i18n::queue::text(lang).already_linked.replace("{number}", &number.to_string()));
        }
        Refusal::UnknownMunicipality(name) => {
            let key = if form.field("newbiz:municipality").is_some() { "newbiz:municipality" } else { "municipality" };
            form.set_error(key, t.unknown_municipality.replace("{name}", &name));
        }
    }
}

/// Opens a form of the queue for the selected application (or asks for the record it needs), or says why not.
fn open_form(app: &mut App, cmd: Command) -> Vec<Effect> {
    let s = &app.session;
    let t = i18n::forms(s.lang);
    let detail = app.queue.detail.clone();
    let visit = app.queue.selected_visit().cloned();
    app.notice = None;
    let opened = match (cmd, &detail) {
        (Command::New, _) if app.queue.consultations() => {
            Ok((QueuePurpose::NewConsultation, forms::new_consultation(s)))
        }
        (Command::New, _) => {
            Ok((QueuePurpose::NewDispatch { consultation: None, duplicates_seen: false }, forms::new_dispatch(s, None)))
        }
        (Command::Edit, _) if app.queue.consultations() => {
            return match app.queue.selected_consultation() {
                Some(id) => vec![Effect::LoadConsultation { id }],
                None => {
                    app.error = Some(t.select_first.to_string());
                    Vec::new()
                }
            };
        }
        (_, None) => Err(t.select_first),
        (Command::Edit, Some(d)) if let Some(v) = &visit => {
            let purpose = QueuePurpose::EditVisit { dispatch_id: d.row.id, visit_id: v.id, row_version: v.row_version };
            Ok((purpose, forms::visit_form(s, d, Some(v))))
        }
        (Command::RemoveVisit, Some(d)) => match &visit {
            Some(v) => Ok((
                QueuePurpose::RemoveVisit { visit_id: v.id, row_version: v.row_version },
                forms::remove_visit(s, d, v),
            )),
            None => Err(i18n::queue::text(s.lang).select_visit),
        },
        (Command::Edit, Some(d)) if !app.queue.consultations() => {
            Ok((QueuePurpose::EditDispatch { id: d.row.id, row_version: d.row_version }, forms::edit_dispatch(s, d)))
        }
        (Command::AddVisit, Some(d)) if d.row.status.accepts_visits() => {
            Ok((QueuePurpose::AddVisit { dispatch_id: d.row.id }, forms::visit_form(s, d, None)))
        }
        (Command::AddVisit, Some(_)) => Err(t.needs_approval),
        (Command::Transition, Some(d)) => forms::transition(s, d)
            .map(|f| (QueuePurpose::Transition { id: d.row.id, from: d.row.status }, f))
            .ok_or(t.no_transition),
        (Command::Reject, Some(d)) if d.row.status.next().contains(&DispatchStatus::Rejected) => {
            Ok((QueuePurpose::Reject { id: d.row.id }, forms::reject(s)))
        }
        _ => Err(t.no_transition),
    };
    match opened {
        Ok((purpose, form)) => {
            app.error = None;
            app.form = Some((Purpose::Queue(purpose), form));
        }
        Err(message) => app.error = Some(message.to_string()),
    }
    Vec::new()
}

/// `f` on an application not yet visited: the roster's "find an expert" for it.
fn find_expert(app: &mut App) -> Vec<Effect> {
    let t = i18n::forms(app.session.lang);
    match &app.queue.detail {
        Some(d)
            if matches!(
                d.row.status,
                DispatchStatus::Received | DispatchStatus::UnderReview | DispatchStatus::Approved
            ) =>
        {
            let id = d.row.id;
            app.error = None;
            app.notice = None;
            app.tab = Tab::Roster;
            app.roster.find_for(id)
        }
        Some(_) => {
            app.error = Some(t.find_not_now.to_string());
            Vec::new()
        }
        None => {
            app.error = Some(t.select_first.to_string());
            Vec::new()
        }
    }
}

fn command(app: &mut App, cmd: Command) -> Vec<Effect> {
    match cmd {
        Command::Quit => {
            let unsaved = app.form.as_ref().is_some_and(|(_, f)| f.dirty) || app.draft.is_some();
            if unsaved && !app.confirm_quit {
                app.confirm_quit = true;
                app.error = Some(i18n::forms(app.session.lang).confirm_quit.to_string());
            } else {
                app.quit = true;
            }
            Vec::new()
        }
        Command::Help => {
            if !matches!(app.popups.last(), Some(Popup::Help { .. })) {
                app.popups.push(Popup::Help { scroll: 0 });
            }
            Vec::new()
        }
        Command::About => {
            app.popups.push(Popup::About);
            Vec::new()
        }
        Command::History => match app.selected_record() {
            Some(record) => {
                app.popups.push(Popup::History { record, changes: None, scroll: 0 });
                vec![Effect::LoadHistory { record }]
            }
            None => {
                app.error = Some(i18n::history::text(app.session.lang).none_selected.to_string());
                Vec::new()
            }
        },
        Command::Back if !app.popups.is_empty() => {
            app.popups.pop();
            Vec::new()
        }
        Command::Lookup => {
            let (l, fx) = LookupState::open();
            app.lookup = Some(l);
            vec![fx]
        }
        // (On tab 1, Esc first closes an open application's detail.)
        Command::Back if app.draft.is_some() && !(app.tab == Tab::Applications && app.queue.detail_open) => {
            let Some((tab, form)) = app.draft.take() else { return Vec::new() };
            app.form = Some(form);
            if tab == app.tab {
                return Vec::new();
            }
            app.tab = tab;
            app.activate()
        }
        Command::Up | Command::Down if !app.popups.is_empty() => {
            if let Some(Popup::Help { scroll } | Popup::History { scroll, .. }) = app.popups.last_mut() {
                *scroll = if cmd == Command::Up { scroll.saturating_sub(1) } else { scroll.saturating_add(1) };
            }
            Vec::new()
        }
        Command::Tab(n) => match Tab::numbered(n) {
            Some(tab) if tab != app.tab => {
                app.tab = tab;
                app.notice = None;
                app.error = None;
                app.activate()
            }
            _ => Vec::new(),
        },
        Command::Undo | Command::Redo => vec![Effect::Undo { redo: cmd == Command::Redo }],
        Command::Transfer => {
            app.reports.transfer = Some(reports::transfer::Transfer::open(&app.session, transfer_prefill(app)));
            Vec::new()
        }
        Command::Frequency => {
            let listing = freq_listing(app);
            app.reports.open_freq(listing)
        }
        // Ctrl-L: reload everything the tab shows (its list, an open card or detail), as an idle console does
        // when another one wrote.
        Command::Refresh => app.activate(),
        Command::FindExpert if app.tab == Tab::Applications => find_expert(app),
        // An event's item of the needs-action view opens the event on tab 3.
        Command::Open if app.tab == Tab::Applications && app.queue.needs_action.selected_event().is_some() => {
            let id = app.queue.needs_action.selected_event().unwrap_or_default();
            app.tab = Tab::Events;
            app.notice = None;
            let mut fx = app.events.activate(&app.session);
            fx.extend(app.events.open(id));
            fx
        }
        Command::ShowApplications if app.tab == Tab::Roster => match app.roster.record_filter() {
            Some(record) => {
                app.tab = Tab::Applications;
                app.notice = None;
                app.queue.show_record(record)
            }
            None => Vec::new(),
        },
        Command::New
        | Command::Edit
        | Command::AddVisit
        | Command::RemoveVisit
        | Command::Transition
        | Command::Reject
            if app.tab == Tab::Applications =>
        {
            open_form(app, cmd)
        }
        other => {
            let s = &app.session;
            let step = match app.tab {
                Tab::Applications => return app.queue.command(other),
                Tab::Roster => app.roster.command(other, s),
                Tab::Events => app.events.command(other, s),
                Tab::Ledger => app.ledger.command(other, s),
            };
            app.apply(step)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A console state for 2025-11-04 in FY2025.
    pub(super) fn app() -> App {
        App::new(Session::for_tests())
    }

    /// The visit form kept as a draft while another application's detail was opened (from the lookup): picking
    /// the accompanying person reads the form's own application's staff, never the one on screen.
    #[test]
    fn a_visit_draft_reads_its_own_applications_staff() {
        use crate::domain::model::StaffRole;
        use crate::screens::queue::tests_support::detail;
        use crate::store::staff::StaffMember;
        let picked = |shown: crate::store::queue::DispatchDetail| {
            let mut a = app();
            let own = detail();
            let mut form = forms::visit_form(&a.session, &own, None);
            form.focus = form.fields.iter().position(|f| f.key == "person").unwrap();
            a.form = Some((Purpose::Queue(QueuePurpose::AddVisit { dispatch_id: own.row.id }), form));
            a.queue.detail = Some(shown);
            reduce(&mut a, Action::Key(Key::Right));
            let form = &a.form.as_ref().unwrap().1;
            (form.choice("person").map(str::to_string), form.choice("accompanied_by").map(str::to_string))
        };
        // Its own detail on screen: the support officer picked, R-D3 follows.
        assert_eq!(picked(detail()), (Some("o:32".into()), Some("support_officer".into())));
        // Another application on screen, where o:32 is a guidance officer: the form is left as it was.
        let mut other = detail();
        other.row.id = 9;
        other.staff[1] =
            StaffMember::Chamber { id: 32, name: "小国 次郎".into(), role: StaffRole::GuidanceOfficer };
        assert_eq!(picked(other), (Some("o:32".into()), Some("assigned_officer".into())));
    }

    /// A form kept as a draft while a lookup result was opened on another tab: Esc brings back the form on the
    /// tab it was on (with that tab's list loaded), not over the record opened.
    #[test]
    fn esc_returns_to_a_draft_on_its_own_tab() {
        use crate::screens::queue::tests_support::detail;
        let mut a = app();
        let form = forms::visit_form(&a.session, &detail(), None);
        a.draft = Some((Tab::Applications, (Purpose::Queue(QueuePurpose::AddVisit { dispatch_id: 5 }), form)));
        // The visit form was opened from the application's detail, which stays open on tab 1.
        a.queue.detail_open = true;
        a.tab = Tab::Roster;
        let fx = reduce(&mut a, Action::Key(Key::Esc));
        assert_eq!(a.tab, Tab::Applications);
        assert!(a.draft.is_none() && a.form.as_ref().is_some_and(|(p, _)| matches!(p, Purpose::Queue(_))));
        assert!(!fx.is_empty(), "the tab's list is loaded again");
    }

    #[test]
    fn help_opens_and_esc_closes_it() {
        let mut a = app();
        reduce(&mut a, Action::Key(Key::Char('?')));
        assert_eq!(a.popups, vec![Popup::Help { scroll: 0 }]);
        reduce(&mut a, Action::Key(Key::Down));
        assert_eq!(a.popups, vec![Popup::Help { scroll: 1 }]);
        reduce(&mut a, Action::Key(Key::Esc));
        assert!(a.popups.is_empty());
    }

    #[test]
    fn q_quits_from_the_list_but_closes_help() {
        let mut a = app();
        reduce(&mut a, Action::Key(Key::F(1)));
        reduce(&mut a, Action::Key(Key::Char('q')));
        assert!(!a.quit && a.popups.is_empty());
        reduce(&mut a, Action::Key(Key::Char('q')));
        assert!(a.quit);
    }

    #[test]
    fn quitting_with_typed_input_asks_first() {
        let mut a = app();
        reduce(&mut a, Action::Key(Key::Char('n')));
        reduce(&mut a, Action::Key(Key::Char('x')));
        reduce(&mut a, Action::Key(Key::Ctrl('c')));
        assert!(!a.quit && a.confirm_quit, "the first Ctrl-C only warns");
        reduce(&mut a, Action::Key(Key::Char('y')));
        assert_eq!(a.error, None, "the warning goes with the key that answered it");
        reduce(&mut a, Action::Key(Key::Ctrl('c')));
        assert!(!a.quit, "another key in between cancels the warning");
        reduce(&mut a, Action::Key(Key::Ctrl('c')));
        assert!(a.quit);
    }

    #[test]
    fn ctrl_c_quits_even_in_help() {
        let mut a = app();
        reduce(&mut a, Action::Key(Key::Char('?')));
        reduce(&mut a, Action::Key(Key::Ctrl('c')));
        assert!(a.quit);
    }

    #[test]
    fn resize_requests_exactly_the_visible_rows() {
        let mut a = app();
        let fx = reduce(&mut a, Action::Resize { list_rows: 17 });
        assert!(matches!(fx.as_slice(), [Effect::LoadQueuePage { offset: 0, limit: 17, .. }]), "{fx:?}");
    }

    #[test]
    fn a_failure_is_shown_until_the_next_page() {
        let mut a = app();
        reduce(&mut a, Action::Failed("database is locked".into()));
        assert_eq!(a.error.as_deref(), Some("database is locked"));
    }
}
#[cfg(test)]
mod filter_flow_tests {
    use super::*;

    #[test]
    fn paste_goes_into_the_input_and_never_runs_commands() {
        let mut a = super::tests::app();
        assert!(reduce(&mut a, Action::Paste("qn".into())).is_empty());
        assert!(!a.quit && a.form.is_none(), "a paste in the list is ignored");
        reduce(&mut a, Action::Key(Key::Ctrl('k')));
        let fx = reduce(&mut a, Action::Paste("096-123\n4567".into()));
        assert_eq!(a.lookup.as_ref().unwrap().input.text(), "096-1234567");
        assert_eq!(fx.len(), 1, "one query for the whole paste: {fx:?}");
    }

    #[test]
    fn a_refused_undo_says_why_with_the_record() {
        let mut a = super::tests::app();
        let linked = UndoRefusal::Linked { table: "business".into(), record_id: 7 };
        assert!(reduce(&mut a, Action::Undone { redo: false, result: Err(linked) }).is_empty());
        let error = a.error.clone().unwrap();
        assert!(error.contains("事業者 7") && error.contains("後から追加・削除された記録"), "{error}");
        let later = UndoRefusal::LaterChange { table: "dispatch".into(), record_id: 3 };
        reduce(&mut a, Action::Undone { redo: false, result: Err(later) });
        assert!(a.error.as_deref().unwrap().contains("申請 3"), "{:?}", a.error);
    }

    #[test]
    fn slash_then_text_goes_into_the_filter() {
        let mut a = super::tests::app();
        reduce(&mut a, Action::Resize { list_rows: 10 });
        reduce(&mut a, Action::Key(Key::Char('/')));
        assert!(a.queue.filter_input.is_some());
        let fx = reduce(&mut a, Action::Key(Key::Char('R')));
        assert_eq!(a.queue.filter.text, "R", "{fx:?}");
    }
}
#[cfg(test)]
mod tab_tests {
    use super::*;

    #[test]
    fn digits_switch_tabs_and_load_the_tab_shown() {
        let mut a = super::tests::app();
        reduce(&mut a, Action::Resize { list_rows: 10 });
        let fx = reduce(&mut a, Action::Key(Key::Char('2')));
        assert_eq!(a.tab, Tab::Roster);
        assert!(matches!(fx.as_slice(), [Effect::Roster(_)]), "{fx:?}");
        assert!(reduce(&mut a, Action::Key(Key::Char('2'))).is_empty(), "the same tab again loads nothing");
        reduce(&mut a, Action::Key(Key::Char('4')));
        assert_eq!(a.tab, Tab::Ledger);
        let fx = reduce(&mut a, Action::Key(Key::Char('1')));
        assert_eq!(a.tab, Tab::Applications);
        assert!(matches!(fx.as_slice(), [Effect::LoadQueuePage { .. }]), "{fx:?}");
    }

    #[test]
    fn a_tabs_own_keys_work_only_on_that_tab() {
        let mut a = super::tests::app();
        reduce(&mut a, Action::Key(Key::Char('2')));
        reduce(&mut a, Action::Key(Key::Char('c')));
        assert_eq!(a.queue.view, crate::screens::queue::QueueView::Applications, "c is tab 1's key");
        assert!(a.scopes().contains(&Scope::Roster) && !a.scopes().contains(&Scope::Queue));
    }
}
