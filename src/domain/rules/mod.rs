//! The program's rules (PROGRAM.md), one pure function per rule, each result carrying its rule id.
//!
//! A rule never returns display text: it returns a [`Finding`] with the figures involved, and the text
//! catalogue (`ui::i18n`) turns it into "R-D1: この申請の派遣は既に15時間です (上限15時間)" or its English twin.

pub mod dispatch;
pub mod eligibility;
pub mod events;
pub mod money;
pub mod period;
pub mod startup;

use chrono::NaiveDate;

use crate::domain::fiscal_year::SizeLimit;
use crate::domain::model::{AccompanimentKind, IndustryCategory, LegalForm, RejectionGround, RelationKind, VenueKind};
pub use events::{Engagement, EngagementKind};

/// The identifier of a rule of PROGRAM.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RuleId {
    /// Program period.
    P1,
    /// Eligible: SMEs located in the prefecture.
    E1,
    /// Eligible: for-profit joint bodies.
    E2,
    /// Not eligible: associations, foundations, medical and welfare corporations and the like.
    E3,
    /// SME size limits (flag only).
    E4,
    /// Visit limits per application.
    D1,
    /// Places of a visit.
    D2,
    /// Accompaniment.
    D3,
    /// Support report and feedback.
    D4,
    /// Rejection grounds.
    D5,
    /// Participants: businesses, and prospective founders at startup seminars.
    S2,
    /// Attendance free of charge.
    S3,
    /// No venue fee for an office venue.
    S5,
    /// Honoraria and travel of experts and instructors are paid by the federation (and nothing else).
    S6,
    /// Venue fee of a public facility reimbursed against Form 4.
    S8,
    /// Startup-support series (theme 7): sessions, span and the four areas.
    S10,
    /// Support report and feedback after a consultation day.
    S11,
    /// Desk rule, not in the guideline nor the law (docs/desk-rules.md): an expert is in one place at a time.
    Desk1,
}

impl RuleId {
    /// The id as written in PROGRAM.md, e.g. `R-D1`.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleId::P1 => "R-P1",
            RuleId::E1 => "R-E1",
            RuleId::E2 => "R-E2",
            RuleId::E3 => "R-E3",
            RuleId::E4 => "R-E4",
            RuleId::D1 => "R-D1",
            RuleId::D2 => "R-D2",
            RuleId::D3 => "R-D3",
            RuleId::D4 => "R-D4",
            RuleId::D5 => "R-D5",
            RuleId::S2 => "R-S2",
            RuleId::S3 => "R-S3",
            RuleId::S5 => "R-S5",
            RuleId::S6 => "R-S6",
            RuleId::S8 => "R-S8",
            RuleId::S10 => "R-S10",
            RuleId::S11 => "R-S11",
            RuleId::Desk1 => "DESK-1",
        }
    }

    /// The rule for its id string (`R-D1`).
    pub fn parse(s: &str) -> Option<RuleId> {
        ALL_RULES.iter().copied().find(|r| r.as_str() == s)
    }
}

/// Every rule id, in PROGRAM.md's order.
pub const ALL_RULES: &[RuleId] = &[
    RuleId::P1,
    RuleId::E1,
    RuleId::E2,
    RuleId::E3,
    RuleId::E4,
    RuleId::D1,
    RuleId::D2,
    RuleId::D3,
    RuleId::D4,
    RuleId::D5,
    RuleId::S2,
    RuleId::S3,
    RuleId::S5,
    RuleId::S6,
    RuleId::S8,
    RuleId::S10,
    RuleId::S11,
    RuleId::Desk1,
];

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What happens when a finding stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The action is refused.
    Refuse,
    /// "In principle" (原則): refused unless the desk records an override (who, when, why).
    NeedsOverride,
    /// Shown to the reviewer; does not block.
    Flag,
}

/// A rule that does not hold, with the figures involved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// R-P1: a visit or event date outside the program period.
    OutsidePeriod {
        /// The date given.
        date: NaiveDate,
        /// First day of the period.
        start: NaiveDate,
        /// Last day of the period.
        end: NaiveDate,
    },
    /// R-E1: the business is not located in the prefecture (or its municipality is unknown).
    OutsidePrefecture,
    /// R-E3: the legal form is not eligible.
    IneligibleLegalForm {
        /// The legal form.
        form: LegalForm,
    },
    /// R-E4: the business is over the SME limits of its industry.
    OverSmeLimits {
        /// Industry category.
        category: IndustryCategory,
        /// Capital in yen, if known.
        capital_yen: Option<i64>,
        /// Employees, if known.
        employees: Option<i64>,
        /// The limits that apply.
        limit: SizeLimit,
    },
    /// R-D1: the application already has the maximum number of visits.
    TooManyVisits {
        /// Visits already made or planned.
        visits: u32,
        /// The limit.
        limit: u32,
    },
    /// R-D1: one visit is longer than allowed.
    VisitTooLong {
        /// Length of the visit.
        minutes: u32,
        /// The limit.
        limit: u32,
    },
    /// R-D1: the visits would exceed the total hours.
    TotalHoursExceeded {
        /// Minutes already used by other visits.
        used_minutes: u32,
        /// Minutes of this visit.
        adding_minutes: u32,
        /// The limit.
        limit: u32,
    },
    /// R-D1: a visit must end after it starts.
    VisitEndsBeforeStart,
    /// R-D2: a visit at "another place" needs a note saying where.
    PlaceNeedsNote,
    /// R-D3: anyone but the assigned guidance officer accompanying needs a recorded reason.
    AccompanimentNeedsReason {
        /// Who accompanied.
        kind: AccompanimentKind,
    },
    /// R-D4: the support report must be received before feedback is sent.
    FeedbackBeforeReport,
    /// R-D5: a rejection needs at least one ground.
    RejectionNeedsGround,
    /// R-D5: ground 8 needs a free-text reason.
    OtherGroundNeedsText,
    /// R-D5 ground 1 or 2: the expert has a relation to the applicant.
    ExpertRelated {
        /// Ground 1 (belongs to) or 2 (advisory contract).
        ground: RejectionGround,
        /// The relation recorded.
        relation: RelationKind,
    },
    /// R-S3: attendance is free; a fee was entered.
    AttendanceFee {
        /// The fee entered.
        fee_yen: i64,
    },
    /// R-S5: no venue fee is paid for an organisation's or participating business's office.
    NoFeeForOfficeVenue {
        /// The venue kind.
        venue: VenueKind,
    },
    /// R-S6: an honorarium or travel is paid only to the expert of the visit or an expert/instructor of the event.
    PayeeNotOnRecord,
    /// R-S6: the expert's work (the visit, or the event) already has a payment.
    AlreadyProposed {
        /// The payment recorded.
        payment_id: i64,
    },
    /// R-S6: a payment holds an honorarium and/or travel; nothing else is paid, and not nothing.
    NothingToPay,
    /// R-S11: a consultation day's feedback needs the expert's support report first (and not before it).
    BookingFeedbackBeforeReport,
    /// R-S2: an individual (a prospective founder) takes part only in a startup seminar (theme 7).
    IndividualOnlyAtStartupSeminar {
        /// The seminar's theme.
        theme: u8,
    },
    /// R-S10: only startup seminars (theme 7) form a startup-support series.
    SeriesOnlyForStartup {
        /// The event's theme.
        theme: u8,
    },
    /// DESK-1: the expert is already somewhere else at that time (a booking, a visit or another event).
    ExpertBusy {
        /// The date.
        date: NaiveDate,
        /// What the expert is already doing.
        elsewhere: Engagement,
    },
}

impl Finding {
    /// The rule this finding belongs to.
    pub fn rule(&self) -> RuleId {
        match self {
            Finding::OutsidePeriod { .. } => RuleId::P1,
            Finding::OutsidePrefecture => RuleId::E1,
            Finding::IneligibleLegalForm { .. } => RuleId::E3,
            Finding::OverSmeLimits { .. } => RuleId::E4,
            Finding::TooManyVisits { .. }
            | Finding::VisitTooLong { .. }
            | Finding::TotalHoursExceeded { .. }
            | Finding::VisitEndsBeforeStart => RuleId::D1,
            Finding::PlaceNeedsNote => RuleId::D2,
            Finding::AccompanimentNeedsReason { .. } => RuleId::D3,
            Finding::FeedbackBeforeReport => RuleId::D4,
            Finding::RejectionNeedsGround | Finding::OtherGroundNeedsText | Finding::ExpertRelated { .. } => RuleId::D5,
            Finding::IndividualOnlyAtStartupSeminar { .. } => RuleId::S2,
            Finding::AttendanceFee { .. } => RuleId::S3,
            Finding::NoFeeForOfficeVenue { .. } => RuleId::S5,
            Finding::PayeeNotOnRecord | Finding::AlreadyProposed { .. } | Finding::NothingToPay => RuleId::S6,
            Finding::BookingFeedbackBeforeReport => RuleId::S11,
            Finding::SeriesOnlyForStartup { .. } => RuleId::S10,
            Finding::ExpertBusy { .. } => RuleId::Desk1,
        }
    }

    /// Whether the action is refused, needs an override, or is only flagged.
    pub fn severity(&self) -> Severity {
        match self {
            Finding::TooManyVisits { .. } | Finding::VisitTooLong { .. } | Finding::TotalHoursExceeded { .. } => {
                Severity::NeedsOverride
            }
            // R-D3's reason is itself the recorded override of "in principle".
            Finding::AccompanimentNeedsReason { .. } => Severity::NeedsOverride,
            Finding::OverSmeLimits { .. } | Finding::ExpertRelated { .. } => Severity::Flag,
            _ => Severity::Refuse,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_round_trip() {
        for r in ALL_RULES {
            assert_eq!(RuleId::parse(r.as_str()), Some(*r));
        }
        assert_eq!(RuleId::D1.to_string(), "R-D1");
    }

    #[test]
    fn only_in_principle_rules_take_overrides() {
        assert_eq!(Finding::TooManyVisits { visits: 5, limit: 5 }.severity(), Severity::NeedsOverride);
        assert_eq!(Finding::PlaceNeedsNote.severity(), Severity::Refuse);
        assert_eq!(Finding::AttendanceFee { fee_yen: 500 }.severity(), Severity::Refuse);
    }
}
