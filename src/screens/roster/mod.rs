//! Tab 2 (名簿): experts (the main list), businesses and organisations; a card per record; and "find an expert"
//! for an application under review, which assigns the chosen expert.
//!
//! The screen contract (the same for every tab, see `screens/mod.rs`): the state holds only what is shown;
//! reads are asked for with [`Load`] effects answered by [`Reply`] actions; writes are [`Save`] requests.

pub mod find;
pub mod forms;
pub mod view;

mod cards_view;

use chrono::NaiveDate;

use crate::app::form::Form;
use crate::app::input::LineInput;
use crate::app::keymap::{Command, Key};
use crate::app::pager::{Moved, Pager};
use crate::app::{Effect, Session, Step, Tab};
use crate::domain::model::StaffRole;
use crate::domain::records::{NewExpert, NewRelation};
use crate::store::lookup::HitKind;
use crate::store::queue::RecordFilter;
use crate::store::roster::bodies::OrganisationEdit;
use crate::store::roster::cards::{BusinessCard, OrganisationCard, RecordRow};
use crate::store::roster::experts::{Case, ExpertCard, ExpertFilter, ExpertRow, ExpertSort};
use crate::store::roster::writes::{BusinessEdit, History};
use crate::ui::i18n;

/// The three lists of the tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum List {
    /// 専門家.
    #[default]
    Experts,
    /// 事業者.
    Businesses,
    /// 団体.
    Organisations,
}

impl List {
    /// The next list (`v`).
    fn next(self) -> List {
        match self {
            List::Experts => List::Businesses,
            List::Businesses => List::Organisations,
            List::Organisations => List::Experts,
        }
    }
}

/// A record's card, once loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Card {
    /// An expert's card.
    Expert(Box<ExpertCard>),
    /// A business's card (カルテ).
    Business(Box<BusinessCard>),
    /// An organisation's card.
    Organisation(Box<OrganisationCard>),
}

/// Reads this tab asks the runner for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Load {
    /// One page of a list (of candidates when `case` is given).
    Page {
        /// Generation, to drop stale replies.
        generation: u64,
        /// Which list.
        list: List,
        /// Filter (the text applies to every list).
        filter: ExpertFilter,
        /// The application an expert is found for.
        case: Option<i64>,
        /// First row.
        offset: usize,
        /// Rows.
        limit: usize,
    },
    /// One record's card.
    Card {
        /// Kind of record.
        kind: HitKind,
        /// Its id.
        id: i64,
    },
    /// The application an expert is to be found for.
    Case {
        /// The application.
        dispatch_id: i64,
    },
    /// The areas (for the region filter).
    Areas,
}

/// Answers to [`Load`]s and to the writes that do not simply close a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// A page of experts arrived.
    Experts {
        /// The request's generation.
        generation: u64,
        /// Rows in all.
        total: usize,
        /// Index of the first row.
        offset: usize,
        /// The rows.
        rows: Vec<ExpertRow>,
    },
    /// A page of businesses or organisations arrived.
    Records {
        /// The request's generation.
        generation: u64,
        /// Rows in all.
        total: usize,
        /// Index of the first row.
        offset: usize,
        /// The rows.
        rows: Vec<RecordRow>,
    },
    /// A card arrived (None: the record is gone).
    Card(Option<Card>),
    /// The case arrived (None: the application is gone).
    Case(Option<Case>),
    /// The areas arrived: (id, name) in display order.
    Areas(Vec<(i64, String)>),
    /// An expert was assigned to an application.
    Assigned {
        /// The application's number.
        number: String,
        /// The expert's name.
        expert: String,
    },
    /// A delete went through, or was refused because the expert has history.
    Deleted(Result<(), History>),
}

/// What a form of this tab is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Register an expert.
    NewExpert,
    /// Edit an expert.
    EditExpert {
        /// The expert.
        id: i64,
        /// Row version when the form opened.
        row_version: i64,
    },
    /// Retire an expert (date).
    Retire {
        /// The expert.
        id: i64,
    },
    /// Confirm deleting an expert.
    Delete {
        /// The expert.
        id: i64,
    },
    /// Record a relation of an expert to a business.
    AddRelation {
        /// The expert.
        expert_id: i64,
    },
    /// Edit a relation (dates, note: an end date ends it).
    EditRelation {
        /// The relation.
        id: i64,
    },
    /// Confirm deleting a relation recorded by mistake.
    DeleteRelation {
        /// The relation.
        id: i64,
    },
    /// Confirm assigning an expert to an application (with a reason when R-D5 grounds 1, 2 apply).
    Assign {
        /// The application.
        dispatch_id: i64,
        /// The expert.
        expert_id: i64,
    },
    /// Edit a business.
    EditBusiness {
        /// The business.
        id: i64,
        /// Row version when the form opened.
        row_version: i64,
    },
    /// Merge a duplicate business into another.
    MergeBusiness {
        /// The duplicate.
        id: i64,
    },
    /// Add an organisation.
    NewOrganisation,
    /// Edit (rename) an organisation.
    EditOrganisation {
        /// The organisation.
        id: i64,
        /// Row version when the form opened.
        row_version: i64,
    },
    /// Retire an organisation (a merger).
    RetireOrganisation {
        /// The organisation.
        id: i64,
    },
    /// Add a member of an organisation's staff.
    AddStaff {
        /// The organisation.
        organisation_id: i64,
    },
    /// Put a municipality into an area.
    SetArea,
    /// Retire a member of an organisation's staff (date).
    RetireStaff {
        /// The staff member.
        id: i64,
    },
    /// Edit the municipalities an organisation covers.
    EditCovers {
        /// The organisation.
        organisation_id: i64,
    },
}

/// Writes of this tab (each one audited action).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Save {
    /// Register an expert.
    CreateExpert {
        /// The expert (municipality resolved from `municipality`).
        expert: NewExpert,
        /// Municipality as typed.
        municipality: String,
        /// Register even though it looks like an existing expert (the desk saw the warning).
        allow_duplicate: bool,
    },
    /// Save an edited expert.
    UpdateExpert {
        /// The expert.
        id: i64,
        /// Row version when the form opened.
        row_version: i64,
        /// The fields.
        expert: NewExpert,
        /// Municipality as typed.
        municipality: String,
        /// Save even though it looks like another expert.
        allow_duplicate: bool,
    },
    /// Retire an expert (None: back on the roster).
    Retire {
        /// The expert.
        id: i64,
        /// Retired on.
        on: Option<NaiveDate>,
    },
    /// Delete an expert with no history.
    Delete {
        /// The expert.
        id: i64,
    },
    /// Record a relation.
    AddRelation(NewRelation),
    /// Save a relation's dates and note.
    EditRelation {
        /// The relation.
        id: i64,
        /// From.
        from: Option<NaiveDate>,
        /// Until (ends it).
        until: Option<NaiveDate>,
        /// Note.
        note: String,
    },
    /// Delete a relation recorded by mistake.
    DeleteRelation {
        /// The relation.
        id: i64,
    },
    /// Assign an expert to an application.
    Assign {
        /// The application.
        dispatch_id: i64,
        /// The expert.
        expert_id: i64,
        /// Why, when R-D5 grounds 1, 2 apply.
        reason: String,
    },
    /// Save an edited business.
    UpdateBusiness {
        /// The business.
        id: i64,
        /// Row version when the form opened.
        row_version: i64,
        /// The fields.
        edit: BusinessEdit,
        /// Save even though it looks like another business.
        allow_duplicate: bool,
    },
    /// Merge a duplicate business into another (all history of both is kept).
    MergeBusiness {
        /// The duplicate.
        from: i64,
        /// The business that stays.
        into: i64,
    },
    /// Add an organisation.
    CreateOrganisation(OrganisationEdit),
    /// Save an edited organisation.
    UpdateOrganisation {
        /// The organisation.
        id: i64,
        /// Row version when the form opened.
        row_version: i64,
        /// The fields.
        edit: OrganisationEdit,
    },
    /// Retire an organisation.
    RetireOrganisation {
        /// The organisation.
        id: i64,
        /// Retired on.
        on: NaiveDate,
        /// Merged into.
        into: Option<i64>,
    },
    /// Add a member of an organisation's staff.
    AddStaff {
        /// The organisation.
        organisation_id: i64,
        /// Name.
        name: String,
        /// Reading.
        reading: String,
        /// Role.
        role: StaffRole,
        /// Phone.
        phone: String,
    },
    /// Put a municipality into an area (created when new).
    SetArea {
        /// Municipality as typed.
        municipality: String,
        /// Area name.
        area: String,
    },
    /// Retire a member of an organisation's staff (None: back at work).
    RetireStaff {
        /// The staff member.
        id: i64,
        /// Retired on.
        on: Option<NaiveDate>,
    },
    /// Set the municipalities an organisation covers.
    SetCovers {
        /// The organisation.
        organisation_id: i64,
        /// Municipalities as typed.
        municipalities: Vec<String>,
    },
}

/// Lines PgUp/PgDn scroll a card by.
const CARD_PAGE: u16 = 10;

/// The tab's view state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// The list shown.
    pub list: List,
    /// Positions in the list.
    pub pager: Pager,
    /// The loaded page of experts (expert list and "find").
    pub experts: Vec<ExpertRow>,
    /// The loaded page of businesses or organisations.
    pub records: Vec<RecordRow>,
    /// The filter (text for every list; theme, area, date and sort for experts).
    pub filter: ExpertFilter,
    /// The filter text being typed, if the input is open.
    pub filter_input: Option<LineInput>,
    /// The application an expert is being found for ("find" mode).
    pub case: Option<Case>,
    /// The filter of the expert list, kept while "find" uses its own.
    saved_filter: Option<ExpertFilter>,
    /// The card open above the list.
    pub card: Option<Card>,
    /// A card was asked for and has not arrived yet.
    pub card_pending: bool,
    /// The selected line of the open card: a relation (expert) or a staff member (organisation).
    pub relation: usize,
    /// Lines the open card is scrolled by (PgUp/PgDn).
    pub card_scroll: u16,
    /// Why the last write on the open card was refused, shown on the card until the next key.
    pub card_message: Option<String>,
    /// The areas for the region filter.
    pub areas: Vec<(i64, String)>,
    /// Rows of the body below the column header ("find" gives one to the case's summary).
    rows: usize,
}

impl State {
    /// Sets the number of visible rows; returns the page requests it needs when the tab is shown.
    pub fn set_viewport(&mut self, rows: usize) -> Vec<Effect> {
        self.rows = rows;
        let moved = self.pager.set_viewport(self.list_rows());
        self.pager.trim(&mut self.experts, moved);
        self.pager.trim(&mut self.records, moved);
        vec![self.request()]
    }

    /// Rows the list shows: one fewer in "find", whose first line sums up the case.
    fn list_rows(&self) -> usize {
        if self.case.is_some() { self.rows.saturating_sub(1).max(1) } else { self.rows }
    }

    /// The tab was switched to (or a save went through): reload the list, the open card and the areas.
    pub fn activate(&mut self) -> Vec<Effect> {
        let mut fx = vec![self.request()];
        fx.extend(self.reload_card());
        fx
    }

    /// Handles a list command of this tab.
    pub fn command(&mut self, cmd: Command, s: &Session) -> Step {
        if self.card.is_some() || self.card_pending {
            return self.card_command(cmd, s);
        }
        match cmd {
            Command::Refresh => Step::effects(vec![self.request()]),
            Command::Up | Command::Down | Command::Top | Command::Bottom | Command::PageUp | Command::PageDown => {
                match self.pager.apply(cmd) {
                    Moved::NewPage => Step::effects(vec![self.request()]),
                    _ => Step::default(),
                }
            }
            Command::Filter => {
                self.filter_input = Some(LineInput::new(&self.filter.text));
                Step::default()
            }
            Command::Back if self.case.is_some() => self.leave_find(),
            Command::Back if !self.filter.text.is_empty() => {
                self.filter.text.clear();
                self.reset()
            }
            Command::Open if self.case.is_some() => self.choose(s),
            Command::Open => match self.selected_id() {
                Some(id) => Step::effects(self.open_card(self.list_kind(), id)),
                None => Step::default(),
            },
            Command::RosterList if self.case.is_none() => {
                self.list = self.list.next();
                self.reset()
            }
            Command::CycleTheme if self.list == List::Experts => {
                self.filter.theme =
                    find::next_theme(self.filter.theme, s.fy.dispatch_themes().len(), self.case.as_ref());
                self.reset()
            }
            // The areas are read the first time they are cycled through; the cycle happens when they arrive.
            Command::CycleArea if self.list == List::Experts && self.case.is_none() && self.areas.is_empty() => {
                Step::effects(vec![Effect::Roster(Load::Areas)])
            }
            Command::CycleArea if self.list == List::Experts => {
                self.filter.area_id = find::next_area(self.filter.area_id, &self.areas, self.case.as_ref());
                self.reset()
            }
            Command::CycleSort if self.list == List::Experts && self.case.is_none() => {
                let i = ExpertSort::ALL.iter().position(|x| *x == self.filter.sort).unwrap_or(0);
                self.filter.sort = ExpertSort::ALL[(i + 1) % ExpertSort::ALL.len()];
                self.reset()
            }
            Command::ReverseSort if self.list == List::Experts && self.case.is_none() => {
                self.filter.descending = !self.filter.descending;
                self.reset()
            }
            Command::New if self.list == List::Experts => {
                Step::form(crate::app::Purpose::Roster(Purpose::NewExpert), forms::new_expert(s))
            }
            Command::New if self.list == List::Organisations => {
                Step::form(crate::app::Purpose::Roster(Purpose::NewOrganisation), forms::new_organisation(s))
            }
            Command::New => Step::error(i18n::roster::text(s.lang).new_from_lookup),
            Command::EditAreas => Step::form(crate::app::Purpose::Roster(Purpose::SetArea), forms::set_area(s)),
            Command::Edit
            | Command::Retire
            | Command::Delete
            | Command::AddRelation
            | Command::MergeBusiness
            | Command::AddStaff
            | Command::RetireStaff
            | Command::EditCovers => match self.selected_id() {
                Some(id) => {
                    // These act on a record's card: open it first, then the key works there.
                    let mut step = Step::effects(self.open_card(self.list_kind(), id));
                    step.notice = Some(i18n::roster::text(s.lang).open_card_first.to_string());
                    step
                }
                None => Step::default(),
            },
            _ => Step::default(),
        }
    }

    /// Takes an answer to one of this tab's loads.
    pub fn reply(&mut self, reply: Reply, s: &Session) -> Step {
        let t = i18n::roster::text(s.lang);
        match reply {
            Reply::Experts { generation, total, offset, rows } => {
                if self.pager.accept(generation, total, offset) {
                    self.experts = rows;
                    self.records.clear();
                }
                Step::default()
            }
            Reply::Records { generation, total, offset, rows } => {
                if self.pager.accept(generation, total, offset) {
                    self.records = rows;
                    self.experts.clear();
                }
                Step::default()
            }
            Reply::Card(card) => {
                if !self.card_pending && self.card.is_none() {
                    return Step::default();
                }
                self.card_pending = false;
                if card.is_none() {
                    self.card = None;
                    return Step::error(t.gone);
                }
                self.card = card;
                self.relation = self.relation.min(self.relation_count().saturating_sub(1));
                Step::default()
            }
            Reply::Case(case) => match case {
                Some(case) => find::start(self, case),
                None => {
                    self.case = None;
                    Step { error: Some(t.gone.to_string()), tab: Some(Tab::Applications), ..Step::default() }
                }
            },
            Reply::Areas(areas) => {
                let first = self.areas.is_empty() && !areas.is_empty();
                self.areas = areas;
                if first && self.case.is_none() && self.list == List::Experts {
                    return self.command(Command::CycleArea, s);
                }
                Step::default()
            }
            Reply::Assigned { number, expert } => {
                self.leave_find();
                Step {
                    notice: Some(t.assigned.replace("{expert}", &expert).replace("{number}", &number)),
                    tab: Some(Tab::Applications),
                    close_form: true,
                    ..Step::default()
                }
            }
            Reply::Deleted(Ok(())) => {
                self.card = None;
                Step {
                    notice: Some(t.deleted.to_string()),
                    close_form: true,
                    effects: vec![self.request()],
                    ..Step::default()
                }
            }
            Reply::Deleted(Err(h)) => {
                let message = t
                    .has_history
                    .replace("{applications}", &h.applications.to_string())
                    .replace("{visits}", &h.visits.to_string())
                    .replace("{events}", &h.events.to_string())
                    .replace("{payments}", &h.payments.to_string());
                // The status line is short at 80 columns: the card shows the whole reason too.
                self.card_message = Some(message.clone());
                Step { error: Some(message), close_form: true, ..Step::default() }
            }
        }
    }

    /// A key while the filter input is open: edits re-run the list query on every keystroke. Words that read
    /// as a date (2025-11-20, R7.11.20) ask for experts free on that date.
    pub fn filter_key(&mut self, cmd: Option<Command>, key: Key) -> Vec<Effect> {
        if !crate::app::input::filter_key(&mut self.filter_input, &mut self.filter.text, cmd, key) {
            return Vec::new();
        }
        self.reset().effects
    }

    /// Selects the n-th visible row (a mouse click).
    pub fn select_visible(&mut self, n: usize) -> Vec<Effect> {
        let n = if self.case.is_some() { n.saturating_sub(1) } else { n };
        let target = self.pager.top + n;
        if self.card.is_none() && target < self.pager.total {
            self.pager.selected = target;
        }
        Vec::new()
    }

    /// Opens a record from the lookup: its list, and its card above it.
    pub fn show(&mut self, kind: HitKind, id: i64) -> Vec<Effect> {
        if self.case.is_some() {
            self.leave_find();
        }
        self.list = match kind {
            HitKind::Business => List::Businesses,
            HitKind::Organisation => List::Organisations,
            _ => List::Experts,
        };
        self.filter_input = None;
        let mut fx = self.reset().effects;
        fx.extend(self.open_card(kind, id));
        fx
    }

    /// Opens "find an expert" for an application (from tab 1): its case is loaded first.
    pub fn find_for(&mut self, dispatch_id: i64) -> Vec<Effect> {
        self.card = None;
        self.card_pending = false;
        self.filter_input = None;
        vec![Effect::Roster(Load::Case { dispatch_id })]
    }

    /// The applications of the open card's record, for tab 1's filter.
    pub fn record_filter(&self) -> Option<RecordFilter> {
        let (kind, id, label) = match self.card.as_ref()? {
            Card::Expert(c) => (HitKind::Expert, c.row.id, c.row.name.clone()),
            Card::Business(c) => (HitKind::Business, c.id, c.name.clone()),
            Card::Organisation(c) => (HitKind::Organisation, c.id, c.name.clone()),
        };
        Some(RecordFilter { kind, id, label })
    }

    /// The table and id of the open card's record, else of the selected row (for its history).
    pub fn selected_record(&self) -> Option<(&'static str, i64)> {
        let table = |list| match list {
            List::Experts => "expert",
            List::Businesses => "business",
            List::Organisations => "organisation",
        };
        match self.card.as_ref() {
            Some(Card::Expert(c)) => Some(("expert", c.row.id)),
            Some(Card::Business(c)) => Some(("business", c.id)),
            Some(Card::Organisation(c)) => Some(("organisation", c.id)),
            None => self.selected_id().map(|id| (table(self.list), id)),
        }
    }

    /// The id of the selected row, if loaded.
    pub fn selected_id(&self) -> Option<i64> {
        let i = self.pager.selected_in_page()?;
        match self.list {
            List::Experts => self.experts.get(i).map(|r| r.id),
            _ => self.records.get(i).map(|r| r.id),
        }
    }

    /// The selected expert row (expert list and "find").
    pub fn selected_expert(&self) -> Option<&ExpertRow> {
        self.pager.selected_in_page().and_then(|i| self.experts.get(i)).filter(|_| self.list == List::Experts)
    }

    fn list_kind(&self) -> HitKind {
        match self.list {
            List::Experts => HitKind::Expert,
            List::Businesses => HitKind::Business,
            List::Organisations => HitKind::Organisation,
        }
    }

    fn open_card(&mut self, kind: HitKind, id: i64) -> Vec<Effect> {
        self.card = None;
        self.card_pending = true;
        self.relation = 0;
        self.card_scroll = 0;
        vec![Effect::Roster(Load::Card { kind, id })]
    }

    fn reload_card(&mut self) -> Vec<Effect> {
        let Some(card) = &self.card else { return Vec::new() };
        let (kind, id) = match card {
            Card::Expert(c) => (HitKind::Expert, c.row.id),
            Card::Business(c) => (HitKind::Business, c.id),
            Card::Organisation(c) => (HitKind::Organisation, c.id),
        };
        vec![Effect::Roster(Load::Card { kind, id })]
    }

    fn relation_count(&self) -> usize {
        match &self.card {
            Some(Card::Expert(c)) => c.relations.len(),
            Some(Card::Organisation(c)) => c.staff.len(),
            _ => 0,
        }
    }

    /// A command while a card is open.
    fn card_command(&mut self, cmd: Command, s: &Session) -> Step {
        use crate::app::Purpose as P;
        let t = i18n::roster::text(s.lang);
        self.card_message = None;
        match (cmd, &self.card) {
            (Command::Back, _) => {
                self.card = None;
                self.card_pending = false;
                Step::default()
            }
            (Command::Refresh, _) => Step::effects(self.reload_card()),
            (Command::PageDown, _) => {
                self.card_scroll = self.card_scroll.saturating_add(CARD_PAGE);
                Step::default()
            }
            (Command::PageUp, _) => {
                self.card_scroll = self.card_scroll.saturating_sub(CARD_PAGE);
                Step::default()
            }
            (Command::Top, _) => {
                self.card_scroll = 0;
                Step::default()
            }
            (Command::Up, Some(Card::Expert(_) | Card::Organisation(_))) => {
                self.relation = self.relation.saturating_sub(1);
                Step::default()
            }
            (Command::Down, Some(Card::Expert(_) | Card::Organisation(_))) => {
                self.relation = (self.relation + 1).min(self.relation_count().saturating_sub(1));
                Step::default()
            }
            (Command::Edit, Some(Card::Expert(c))) => Step::form(
                P::Roster(Purpose::EditExpert { id: c.row.id, row_version: c.row_version }),
                forms::edit_expert(s, c),
            ),
            (Command::Edit, Some(Card::Business(c))) => Step::form(
                P::Roster(Purpose::EditBusiness { id: c.id, row_version: c.row_version }),
                forms::edit_business(s, c),
            ),
            (Command::Retire, Some(Card::Expert(c))) if c.row.retired_on.is_some() => {
                Step::effects(vec![Effect::Save(Box::new(crate::app::SaveRequest::Roster(Save::Retire {
                    id: c.row.id,
                    on: None,
                })))])
            }
            (Command::Retire, Some(Card::Expert(c))) => {
                Step::form(P::Roster(Purpose::Retire { id: c.row.id }), forms::retire(s, &c.row.name))
            }
            (Command::Delete, Some(Card::Expert(c))) => {
                Step::form(P::Roster(Purpose::Delete { id: c.row.id }), forms::delete(s, &c.row.name))
            }
            (Command::AddRelation, Some(Card::Expert(c))) => {
                Step::form(P::Roster(Purpose::AddRelation { expert_id: c.row.id }), forms::add_relation(s, &c.row.name))
            }
            (Command::EditRelation, Some(Card::Expert(c))) => match c.relations.get(self.relation) {
                Some(r) => Step::form(P::Roster(Purpose::EditRelation { id: r.id }), forms::edit_relation(s, r)),
                None => Step::error(t.no_relation),
            },
            (Command::DeleteRelation, Some(Card::Expert(c))) => match c.relations.get(self.relation) {
                Some(r) => {
                    Step::form(P::Roster(Purpose::DeleteRelation { id: r.id }), forms::delete_relation(s, &r.business))
                }
                None => Step::error(t.no_relation),
            },
            (Command::MergeBusiness, Some(Card::Business(c))) => {
                Step::form(P::Roster(Purpose::MergeBusiness { id: c.id }), forms::merge_business(s, &c.name))
            }
            (Command::Edit, Some(Card::Organisation(c))) => Step::form(
                P::Roster(Purpose::EditOrganisation { id: c.id, row_version: c.row_version }),
                forms::edit_organisation(s, c),
            ),
            (Command::Retire, Some(Card::Organisation(c))) if c.retired_on.is_none() => {
                Step::form(P::Roster(Purpose::RetireOrganisation { id: c.id }), forms::retire_organisation(s, &c.name))
            }
            (Command::AddStaff, Some(Card::Organisation(c))) => {
                Step::form(P::Roster(Purpose::AddStaff { organisation_id: c.id }), forms::add_staff(s, &c.name))
            }
            (Command::RetireStaff, Some(Card::Organisation(c))) => match c.staff.get(self.relation) {
                Some(m) if m.retired_on.is_some() => {
                    let save = Save::RetireStaff { id: m.id, on: None };
                    Step::effects(vec![Effect::Save(Box::new(crate::app::SaveRequest::Roster(save)))])
                }
                Some(m) => Step::form(P::Roster(Purpose::RetireStaff { id: m.id }), forms::retire_staff(s, &m.name)),
                None => Step::error(t.no_staff),
            },
            (Command::EditCovers, Some(Card::Organisation(c))) => {
                Step::form(P::Roster(Purpose::EditCovers { organisation_id: c.id }), forms::edit_covers(s, c))
            }
            (
                Command::New
                | Command::Edit
                | Command::Retire
                | Command::Delete
                | Command::AddRelation
                | Command::MergeBusiness
                | Command::AddStaff
                | Command::RetireStaff
                | Command::EditCovers,
                _,
            ) => Step::error(t.not_here),
            _ => Step::default(),
        }
    }

    /// Back to the first row with the current filter.
    fn reset(&mut self) -> Step {
        self.pager.reset();
        Step::effects(vec![self.request()])
    }

    /// Leaves "find": the expert list's own filter comes back.
    fn leave_find(&mut self) -> Step {
        self.case = None;
        if let Some(f) = self.saved_filter.take() {
            self.filter = f;
        }
        self.pager.reset();
        self.pager.set_viewport(self.list_rows());
        Step { tab: Some(Tab::Applications), ..Step::default() }
    }

    /// Enter on a candidate: the assignment form (with the R-D5 findings when the expert is related).
    fn choose(&mut self, s: &Session) -> Step {
        let (Some(case), Some(row)) = (&self.case, self.selected_expert()) else { return Step::default() };
        let purpose = Purpose::Assign { dispatch_id: case.dispatch_id, expert_id: row.id };
        Step::form(crate::app::Purpose::Roster(purpose), forms::assign(s, case, row))
    }

    fn request(&mut self) -> Effect {
        let generation = self.pager.request();
        let mut filter = self.filter.clone();
        if self.case.is_some() {
            filter.active_only = true;
        }
        Effect::Roster(Load::Page {
            generation,
            list: self.list,
            filter,
            case: self.case.as_ref().map(|c| c.dispatch_id),
            offset: self.pager.top,
            limit: self.pager.viewport.max(1),
        })
    }
}

/// Turns a filled form of this tab into a save request, or messages next to its fields.
pub fn to_request(
    purpose: Purpose,
    form: &Form,
    s: &Session,
) -> Result<crate::app::SaveRequest, crate::app::form::Errors> {
    forms::to_request(purpose, form, s).map(crate::app::SaveRequest::Roster)
}

#[cfg(test)]
mod tests;
