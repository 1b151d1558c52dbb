//! Tab 4 (精算): the reimbursement ledger. Four views cycled with `v`: Form 4 claims, honorarium/travel
//! payments, work not paid yet (a payment is proposed from it with the fee schedule), and totals (by month,
//! organisation, expert or kind, `o`) with the year against its budget on top of every view.
//!
//! The screen contract (the same for every tab, see `screens/mod.rs`): the state holds only what is shown;
//! reads are asked for with [`Load`] effects answered by [`Reply`] actions; writes are [`Save`] requests.

pub mod forms;
pub mod view;

mod cards_view;

use chrono::{Datelike, NaiveDate};

use crate::app::form::Form;
use crate::app::input::LineInput;
use crate::app::keymap::{Command, Key};
use crate::app::pager::{Moved, Pager};
use crate::app::{Effect, Purpose as AppPurpose, Session, Step};
use crate::domain::model::{ClaimStatus, PaymentStatus};
use crate::domain::rules::money::{claim_returnable, next_claim_status, next_payment_status};
use crate::store::ledger::lists::{ClaimRow, LedgerFilter, PaymentRow, WorkRow};
use crate::store::ledger::totals::{Statement, TotalRow, TotalsBy, YearTotals};
use crate::store::ledger::writes::{ClaimEdit, PaymentInput};
use crate::store::lookup::HitKind;
use crate::ui::i18n;

/// The views of the tab, in the order `v` cycles through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// 立替金 (Form 4 claims).
    #[default]
    Claims,
    /// 謝金・旅費.
    Payments,
    /// 未払の実績: visits and event parts with no payment yet.
    Work,
    /// 集計.
    Totals,
}

impl View {
    /// Every view, in key order.
    pub const ALL: [View; 4] = [View::Claims, View::Payments, View::Work, View::Totals];

    fn next(self) -> View {
        let i = View::ALL.iter().position(|v| *v == self).unwrap_or(0);
        View::ALL[(i + 1) % View::ALL.len()]
    }
}

/// The rows of one page, of whichever view asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rows {
    /// Claims.
    Claims(Vec<ClaimRow>),
    /// Payments.
    Payments(Vec<PaymentRow>),
    /// Work not paid yet.
    Work(Vec<WorkRow>),
    /// Totals.
    Totals(Vec<TotalRow>),
}

/// Reads this tab asks the runner for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Load {
    /// One page of a view.
    Page {
        /// Generation, to drop stale replies.
        generation: u64,
        /// Which view.
        view: View,
        /// Grouping of the totals.
        by: TotalsBy,
        /// Filter of the lists.
        filter: LedgerFilter,
        /// First row.
        offset: usize,
        /// Rows.
        limit: usize,
    },
    /// The year against its budget (an aggregate of the whole year: loaded when the tab is shown or data
    /// changed, not on every page).
    Year,
    /// Where a claim stands in the unfiltered claim list (opened from the lookup).
    Locate {
        /// The claim.
        claim_id: i64,
    },
    /// An expert's 支払調書 figures for a calendar year.
    Statement {
        /// The expert.
        expert_id: i64,
        /// Calendar year.
        year: i32,
    },
}

/// Answers to [`Load`]s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// A page arrived.
    Page {
        /// The request's generation.
        generation: u64,
        /// Rows in all.
        total: usize,
        /// Index of the first row.
        offset: usize,
        /// The rows.
        rows: Rows,
    },
    /// The year against its budget arrived.
    Year(YearTotals),
    /// A claim's position (None: not a claim of this year).
    Located(Option<usize>),
    /// A statement arrived (None: the expert is gone).
    Statement(Option<Statement>),
}

/// What a form of this tab is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Record a Form 4 claim.
    NewClaim,
    /// Edit a claim not paid yet.
    EditClaim {
        /// The claim.
        id: i64,
        /// Row version when the form opened.
        row_version: i64,
    },
    /// Move a claim one step on (date; the staff member is recorded).
    AdvanceClaim {
        /// The claim.
        id: i64,
        /// Its status when the form opened.
        from: ClaimStatus,
    },
    /// Return a claim with a reason.
    ReturnClaim {
        /// The claim.
        id: i64,
        /// Its status when the form opened.
        from: ClaimStatus,
    },
    /// Propose a payment for a visit or an event.
    NewPayment {
        /// The payee.
        expert_id: i64,
        /// The visit.
        visit_id: Option<i64>,
        /// The event.
        event_id: Option<i64>,
    },
    /// Edit a payment not paid yet.
    EditPayment {
        /// The payment.
        id: i64,
        /// Row version when the form opened.
        row_version: i64,
    },
    /// Move a payment one step on (approved, paid) with the date.
    AdvancePayment {
        /// The payment.
        id: i64,
        /// Its status when the form opened.
        from: PaymentStatus,
    },
}

/// Writes of this tab (each one audited action).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Save {
    /// Record a claim (refused with R-S5 for an office venue).
    CreateClaim {
        /// The event.
        event_id: i64,
        /// What was typed.
        claim: ClaimEdit,
    },
    /// Save an edited claim.
    UpdateClaim {
        /// The claim.
        id: i64,
        /// Row version when the form opened.
        row_version: i64,
        /// What was typed.
        claim: ClaimEdit,
    },
    /// Move a claim one step on.
    AdvanceClaim {
        /// The claim.
        id: i64,
        /// Status when the form opened.
        from: ClaimStatus,
        /// Date of the step.
        on: NaiveDate,
    },
    /// Return a claim with a reason.
    ReturnClaim {
        /// The claim.
        id: i64,
        /// Status when the form opened.
        from: ClaimStatus,
        /// Why.
        reason: String,
    },
    /// Propose a payment (withholding by the fiscal year's rates).
    CreatePayment(PaymentInput),
    /// Save an edited payment.
    UpdatePayment {
        /// The payment.
        id: i64,
        /// Row version when the form opened.
        row_version: i64,
        /// 謝金.
        honorarium_yen: i64,
        /// 旅費.
        travel_yen: i64,
        /// Note.
        note: String,
    },
    /// Move a payment one step on.
    AdvancePayment {
        /// The payment.
        id: i64,
        /// Status when the form opened.
        from: PaymentStatus,
        /// Date of the step.
        on: NaiveDate,
    },
}

/// The tab's view state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// The view shown.
    pub view: View,
    /// Positions in the list.
    pub pager: Pager,
    /// The loaded rows.
    pub rows: Option<Rows>,
    /// The year against its budget.
    pub year: YearTotals,
    /// Grouping of the totals.
    pub by: TotalsBy,
    /// Filter of the lists.
    pub filter: LedgerFilter,
    /// The filter text being typed, if the input is open.
    pub filter_input: Option<LineInput>,
    /// The selected claim's or payment's card is shown instead of the list (Enter; Esc closes).
    pub card: bool,
    /// An expert's 支払調書 figures, shown instead of the totals.
    pub statement: Option<Statement>,
    /// A claim opened from the lookup, selected once its position arrives.
    locating: bool,
}

impl State {
    /// Sets the number of visible rows; returns the page requests it needs when the tab is shown.
    pub fn set_viewport(&mut self, rows: usize) -> Vec<Effect> {
        // The first line of every view holds the year against its budget.
        let moved = self.pager.set_viewport(rows.saturating_sub(1).max(1));
        match &mut self.rows {
            Some(Rows::Claims(r)) => self.pager.trim(r, moved),
            Some(Rows::Payments(r)) => self.pager.trim(r, moved),
            Some(Rows::Work(r)) => self.pager.trim(r, moved),
            Some(Rows::Totals(r)) => self.pager.trim(r, moved),
            None => {}
        }
        vec![self.request()]
    }

    /// The tab was switched to (or a save went through): reload what it shows.
    pub fn activate(&mut self) -> Vec<Effect> {
        let mut fx = vec![self.request(), Effect::Ledger(Load::Year)];
        if let Some(st) = &self.statement {
            fx.push(Effect::Ledger(Load::Statement { expert_id: st.expert_id, year: st.year }));
        }
        fx
    }

    /// Handles a list command of this tab.
    pub fn command(&mut self, cmd: Command, s: &Session) -> Step {
        let t = i18n::ledger::text(s.lang);
        match cmd {
            Command::Refresh => Step::effects(self.activate()),
            Command::Back if self.statement.is_some() => {
                self.statement = None;
                Step::default()
            }
            Command::Back if self.card => {
                self.card = false;
                Step::default()
            }
            Command::Back if !self.filter.text.is_empty() => {
                self.filter.text.clear();
                self.reset()
            }
            Command::Up | Command::Down | Command::Top | Command::Bottom | Command::PageUp | Command::PageDown => {
                match self.pager.apply(cmd) {
                    Moved::NewPage => Step::effects(vec![self.request()]),
                    _ => Step::default(),
                }
            }
            Command::LedgerView => {
                self.view = self.view.next();
                self.card = false;
                self.statement = None;
                self.reset()
            }
            Command::TotalsBy if self.view == View::Totals => {
                self.by = self.by.next();
                self.statement = None;
                self.reset()
            }
            Command::CycleStatusFilter if matches!(self.view, View::Claims | View::Payments) => {
                self.filter.unpaid_only = !self.filter.unpaid_only;
                self.reset()
            }
            Command::Filter if self.view != View::Totals => {
                self.filter_input = Some(LineInput::new(&self.filter.text));
                Step::default()
            }
            Command::Open => self.open(s),
            Command::New => match self.view {
                View::Claims => Step::form(AppPurpose::Ledger(Purpose::NewClaim), forms::new_claim(s)),
                View::Work => self.propose(s),
                _ => {
                    self.view = View::Work;
                    let mut step = self.reset();
                    step.notice = Some(t.new_from_work.to_string());
                    step
                }
            },
            Command::Edit => self.edit(s),
            Command::Transition => self.advance(s),
            Command::Reject => match self.selected_claim() {
                Some(c) if claim_returnable(c.status) => Step::form(
                    AppPurpose::Ledger(Purpose::ReturnClaim { id: c.id, from: c.status }),
                    forms::return_claim(s, c),
                ),
                Some(_) => Step::error(t.not_returnable),
                None => Step::error(t.select_claim),
            },
            _ => Step::default(),
        }
    }

    /// Enter: a claim's or payment's card, a payment proposed for work, or an expert's 支払調書 figures.
    fn open(&mut self, s: &Session) -> Step {
        match self.view {
            View::Claims | View::Payments if self.selected_in_page().is_some() => {
                self.card = !self.card;
                Step::default()
            }
            View::Work => self.propose(s),
            View::Totals => match self.selected_total().and_then(|r| r.expert_id) {
                Some(expert_id) => {
                    // The 支払調書 counts a calendar year: the one of today.
                    Step::effects(vec![Effect::Ledger(Load::Statement { expert_id, year: s.today.year() })])
                }
                None => Step::error(i18n::ledger::text(s.lang).statement_by_expert),
            },
            _ => Step::default(),
        }
    }

    /// The payment form for the selected work, pre-filled from the fee schedule.
    fn propose(&self, s: &Session) -> Step {
        match self.selected_work() {
            Some(w) => Step::form(
                AppPurpose::Ledger(Purpose::NewPayment {
                    expert_id: w.expert_id,
                    visit_id: w.visit_id,
                    event_id: w.event_id,
                }),
                forms::new_payment(s, w),
            ),
            None => Step::error(i18n::ledger::text(s.lang).select_work),
        }
    }

    fn edit(&self, s: &Session) -> Step {
        let t = i18n::ledger::text(s.lang);
        if let Some(c) = self.selected_claim() {
            return if c.status == ClaimStatus::Paid {
                Step::error(t.already_paid)
            } else {
                Step::form(
                    AppPurpose::Ledger(Purpose::EditClaim { id: c.id, row_version: c.row_version }),
                    forms::edit_claim(s, c),
                )
            };
        }
        if let Some(p) = self.selected_payment() {
            return if p.status == PaymentStatus::Paid {
                Step::error(t.already_paid)
            } else {
                Step::form(
                    AppPurpose::Ledger(Purpose::EditPayment { id: p.id, row_version: p.row_version }),
                    forms::edit_payment(s, p),
                )
            };
        }
        Step::error(t.select_row)
    }

    fn advance(&self, s: &Session) -> Step {
        let t = i18n::ledger::text(s.lang);
        if let Some(c) = self.selected_claim() {
            return match next_claim_status(c.status) {
                Some(to) => Step::form(
                    AppPurpose::Ledger(Purpose::AdvanceClaim { id: c.id, from: c.status }),
                    forms::advance_claim(s, c, to),
                ),
                None => Step::error(t.already_paid),
            };
        }
        if let Some(p) = self.selected_payment() {
            return match next_payment_status(p.status) {
                Some(to) => Step::form(
                    AppPurpose::Ledger(Purpose::AdvancePayment { id: p.id, from: p.status }),
                    forms::advance_payment(s, p, to),
                ),
                None => Step::error(t.already_paid),
            };
        }
        Step::error(t.select_row)
    }

    /// Takes an answer to one of this tab's loads.
    pub fn reply(&mut self, reply: Reply, s: &Session) -> Step {
        match reply {
            Reply::Page { generation, total, offset, rows } => {
                if self.pager.accept(generation, total, offset) {
                    self.rows = Some(rows);
                }
                Step::default()
            }
            Reply::Year(year) => {
                self.year = year;
                Step::default()
            }
            Reply::Located(position) => {
                if !self.locating {
                    return Step::default();
                }
                self.locating = false;
                match position {
                    Some(p) => {
                        self.pager.selected = p;
                        self.pager.top = p.saturating_sub(self.pager.viewport / 2);
                        self.card = true;
                        Step::effects(vec![self.request()])
                    }
                    None => Step::error(i18n::forms(s.lang).not_this_year),
                }
            }
            Reply::Statement(st) => match st {
                Some(st) => {
                    self.statement = Some(st);
                    Step::default()
                }
                None => {
                    self.statement = None;
                    Step::error(i18n::forms(s.lang).missing)
                }
            },
        }
    }

    /// A key while the filter input is open: edits re-run the list query on every keystroke.
    pub fn filter_key(&mut self, cmd: Option<Command>, key: Key) -> Vec<Effect> {
        if !crate::app::input::filter_key(&mut self.filter_input, &mut self.filter.text, cmd, key) {
            return Vec::new();
        }
        self.reset().effects
    }

    /// Selects the n-th visible row (a mouse click).
    pub fn select_visible(&mut self, n: usize) -> Vec<Effect> {
        // The first line is the budget.
        let target = self.pager.top + n.saturating_sub(1);
        if !self.card && self.statement.is_none() && n > 0 && target < self.pager.total {
            self.pager.selected = target;
        }
        Vec::new()
    }

    /// Shows a claim opened from the lookup: the unfiltered claim list at its row, with its card.
    pub fn show(&mut self, kind: HitKind, id: i64) -> Vec<Effect> {
        if kind != HitKind::Claim {
            return vec![self.request()];
        }
        self.view = View::Claims;
        self.filter = LedgerFilter::default();
        self.filter_input = None;
        self.statement = None;
        self.card = false;
        self.locating = true;
        vec![Effect::Ledger(Load::Locate { claim_id: id })]
    }

    /// Index of the selected row within the loaded page, if there is one.
    fn selected_in_page(&self) -> Option<usize> {
        let i = self.pager.selected_in_page()?;
        let len = match self.rows.as_ref()? {
            Rows::Claims(r) => r.len(),
            Rows::Payments(r) => r.len(),
            Rows::Work(r) => r.len(),
            Rows::Totals(r) => r.len(),
        };
        (i < len).then_some(i)
    }

    /// The selected claim (claims view).
    pub fn selected_claim(&self) -> Option<&ClaimRow> {
        match (&self.rows, self.view) {
            (Some(Rows::Claims(r)), View::Claims) => r.get(self.pager.selected_in_page()?),
            _ => None,
        }
    }

    /// The selected payment (payments view).
    pub fn selected_payment(&self) -> Option<&PaymentRow> {
        match (&self.rows, self.view) {
            (Some(Rows::Payments(r)), View::Payments) => r.get(self.pager.selected_in_page()?),
            _ => None,
        }
    }

    /// The table and id of the selected claim or payment (for its history).
    pub fn selected_record(&self) -> Option<(&'static str, i64)> {
        self.selected_claim().map(|c| ("claim", c.id)).or_else(|| self.selected_payment().map(|p| ("payment", p.id)))
    }

    /// The selected work (work view).
    pub fn selected_work(&self) -> Option<&WorkRow> {
        match (&self.rows, self.view) {
            (Some(Rows::Work(r)), View::Work) => r.get(self.pager.selected_in_page()?),
            _ => None,
        }
    }

    /// The selected group (totals view).
    pub fn selected_total(&self) -> Option<&TotalRow> {
        match (&self.rows, self.view) {
            (Some(Rows::Totals(r)), View::Totals) => r.get(self.pager.selected_in_page()?),
            _ => None,
        }
    }

    /// Back to the first row with the current filter.
    fn reset(&mut self) -> Step {
        self.pager.reset();
        self.rows = None;
        Step::effects(vec![self.request()])
    }

    fn request(&mut self) -> Effect {
        let generation = self.pager.request();
        Effect::Ledger(Load::Page {
            generation,
            view: self.view,
            by: self.by,
            filter: self.filter.clone(),
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
    forms::to_request(purpose, form, s).map(crate::app::SaveRequest::Ledger)
}

#[cfg(test)]
mod tests;
