//! R-D1..R-D5: the visits of a dispatch application, where they happen, who goes, and rejection.

use chrono::NaiveDate;

use super::Finding;
use crate::domain::fiscal_year::VisitLimits;
use crate::domain::model::{AccompanimentKind, PlaceKind, RejectionGround, RelationKind};

/// Visits and minutes an application has used so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct VisitUsage {
    /// Number of visits.
    pub visits: u32,
    /// Total minutes.
    pub minutes: u32,
}

impl VisitUsage {
    /// Usage of a list of visit lengths in minutes.
    pub fn of(minutes: impl IntoIterator<Item = u32>) -> VisitUsage {
        minutes
            .into_iter()
            .fold(VisitUsage::default(), |u, m| VisitUsage { visits: u.visits + 1, minutes: u.minutes + m })
    }
}

/// R-D1: what is left of an application's visits ("残り 6.0時間・2回"); negative once an override went beyond.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Remaining {
    /// Visits left.
    pub visits: i64,
    /// Minutes left.
    pub minutes: i64,
}

/// R-D1: visits and minutes left under the limits.
pub fn remaining(limits: &VisitLimits, used: VisitUsage) -> Remaining {
    Remaining {
        visits: i64::from(limits.max_visits) - i64::from(used.visits),
        minutes: i64::from(limits.max_total_minutes) - i64::from(used.minutes),
    }
}

/// R-D1: checks one more visit of `minutes` on an application that has used `before` (without this visit).
///
/// In principle (原則) at most `max_visits` visits, each at most `max_minutes_per_visit`, and
/// `max_total_minutes` in all; going beyond needs a recorded override.
pub fn check_visit(limits: &VisitLimits, before: VisitUsage, minutes: u32) -> Vec<Finding> {
    let mut out = Vec::new();
    if minutes == 0 {
        out.push(Finding::VisitEndsBeforeStart);
        return out;
    }
    if before.visits >= limits.max_visits {
        out.push(Finding::TooManyVisits { visits: before.visits, limit: limits.max_visits });
    }
    if minutes > limits.max_minutes_per_visit {
        out.push(Finding::VisitTooLong { minutes, limit: limits.max_minutes_per_visit });
    }
    if before.minutes + minutes > limits.max_total_minutes {
        out.push(Finding::TotalHoursExceeded {
            used_minutes: before.minutes,
            adding_minutes: minutes,
            limit: limits.max_total_minutes,
        });
    }
    out
}

/// R-D1: the length of a visit from its start and end (minutes after midnight); `None` when it ends before it starts.
pub fn visit_minutes(start: u16, end: u16) -> Option<u32> {
    (end > start).then(|| u32::from(end - start))
}

/// R-D1 over a whole application: for visits in date order, the findings of each visit against those before it.
pub fn audit_visits(limits: &VisitLimits, minutes_in_order: &[u32]) -> Vec<(usize, Vec<Finding>)> {
    let mut used = VisitUsage::default();
    let mut out = Vec::new();
    for (i, &m) in minutes_in_order.iter().enumerate() {
        let f = check_visit(limits, used, m);
        if !f.is_empty() {
            out.push((i, f));
        }
        used.visits += 1;
        used.minutes += m;
    }
    out
}

/// R-D2: a visit takes place at the desk, a chamber, the business's premises or online; "another place"
/// (事業所「等」) needs a note saying where.
pub fn check_place(kind: PlaceKind, note: &str) -> Option<Finding> {
    (kind == PlaceKind::Other && note.trim().is_empty()).then_some(Finding::PlaceNeedsNote)
}

/// R-D3: the assigned guidance officer accompanies in principle; anyone else (or nobody) needs a recorded reason.
pub fn check_accompaniment(kind: AccompanimentKind, reason: &str) -> Option<Finding> {
    (kind != AccompanimentKind::AssignedOfficer && reason.trim().is_empty())
        .then_some(Finding::AccompanimentNeedsReason { kind })
}

/// R-D4: feedback to the chamber follows the support report.
pub fn check_feedback(report_received: Option<NaiveDate>, feedback_sent: NaiveDate) -> Option<Finding> {
    match report_received {
        Some(r) if r <= feedback_sent => None,
        _ => Some(Finding::FeedbackBeforeReport),
    }
}

/// R-D5: a rejection records every ground that applies (at least one); ground 8 needs a free-text reason.
pub fn check_rejection(grounds: &[RejectionGround], other_reason: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    if grounds.is_empty() {
        out.push(Finding::RejectionNeedsGround);
    }
    if grounds.contains(&RejectionGround::OTHER) && other_reason.trim().is_empty() {
        out.push(Finding::OtherGroundNeedsText);
    }
    out
}

/// An expert's recorded relation to a business, valid between two optional dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Relation {
    /// Belongs to (ground 1) or advisory contract (ground 2).
    pub kind: RelationKind,
    /// From this date (inclusive), if known.
    pub from: Option<NaiveDate>,
    /// Until this date (inclusive), if it ended.
    pub until: Option<NaiveDate>,
}

/// R-D5 grounds 1 and 2: the conflicts of an expert with an applicant on a date, from the recorded relations.
pub fn relation_conflicts(relations: &[Relation], on: NaiveDate) -> Vec<Finding> {
    let mut out: Vec<Finding> = relations
        .iter()
        .filter(|r| r.from.is_none_or(|f| f <= on) && r.until.is_none_or(|u| u >= on))
        .map(|r| {
            let ground = match r.kind {
                RelationKind::BelongsTo => 1,
                RelationKind::AdvisoryContract => 2,
            };
            Finding::ExpertRelated {
                ground: RejectionGround::new(ground).unwrap_or(RejectionGround::OTHER),
                relation: r.kind,
            }
        })
        .collect();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::{RuleId, Severity};

    const LIMITS: VisitLimits = VisitLimits { max_visits: 5, max_minutes_per_visit: 180, max_total_minutes: 900 };

    fn used(visits: u32, minutes: u32) -> VisitUsage {
        VisitUsage { visits, minutes }
    }

    #[test]
    fn r_d1_fifth_visit_allowed_sixth_refused() {
        assert!(check_visit(&LIMITS, used(4, 480), 120).is_empty());
        let f = check_visit(&LIMITS, used(5, 600), 60);
        assert_eq!(f, vec![Finding::TooManyVisits { visits: 5, limit: 5 }]);
        assert_eq!(f[0].rule(), RuleId::D1);
        assert_eq!(f[0].severity(), Severity::NeedsOverride);
    }

    #[test]
    fn r_d1_three_hours_allowed_more_refused() {
        assert!(check_visit(&LIMITS, used(0, 0), 180).is_empty());
        assert_eq!(check_visit(&LIMITS, used(0, 0), 181), vec![Finding::VisitTooLong { minutes: 181, limit: 180 }]);
        assert_eq!(check_visit(&LIMITS, used(0, 0), 240)[0].rule(), RuleId::D1);
    }

    #[test]
    fn r_d1_fifteen_hours_total() {
        assert!(check_visit(&LIMITS, used(4, 720), 180).is_empty(), "exactly 15 h");
        assert_eq!(
            check_visit(&LIMITS, used(4, 780), 180),
            vec![Finding::TotalHoursExceeded { used_minutes: 780, adding_minutes: 180, limit: 900 }]
        );
        assert_eq!(check_visit(&LIMITS, used(4, 900), 30).len(), 1);
    }

    #[test]
    fn r_d1_zero_length_visit_refused() {
        assert_eq!(check_visit(&LIMITS, used(0, 0), 0), vec![Finding::VisitEndsBeforeStart]);
        assert_eq!(visit_minutes(600, 540), None);
        assert_eq!(visit_minutes(540, 720), Some(180));
    }

    #[test]
    fn r_d1_remaining_gauge() {
        let r = remaining(&LIMITS, used(3, 540));
        assert_eq!(r, Remaining { visits: 2, minutes: 360 });
        assert_eq!(remaining(&LIMITS, used(6, 960)), Remaining { visits: -1, minutes: -60 });
    }

    #[test]
    fn r_d1_audit_names_the_visit_that_goes_beyond() {
        assert!(audit_visits(&LIMITS, &[180, 180, 180, 180, 180]).is_empty());
        let a = audit_visits(&LIMITS, &[120, 120, 120, 120, 120, 60]);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].0, 5);
        let a = audit_visits(&LIMITS, &[240]);
        assert_eq!(a[0].1, vec![Finding::VisitTooLong { minutes: 240, limit: 180 }]);
    }

    #[test]
    fn r_d2_other_place_needs_note() {
        assert!(check_place(PlaceKind::Premises, "").is_none());
        assert!(check_place(PlaceKind::Online, "").is_none());
        assert!(check_place(PlaceKind::Other, "道の駅の会議室").is_none());
        assert_eq!(check_place(PlaceKind::Other, "  ").unwrap().rule(), RuleId::D2);
    }

    #[test]
    fn r_d3_anyone_but_assigned_officer_needs_reason() {
        assert!(check_accompaniment(AccompanimentKind::AssignedOfficer, "").is_none());
        let f = check_accompaniment(AccompanimentKind::Coordinator, "").unwrap();
        assert_eq!(f.rule(), RuleId::D3);
        assert!(check_accompaniment(AccompanimentKind::Coordinator, "担当指導員が決算期の巡回で不在").is_none());
        assert!(check_accompaniment(AccompanimentKind::Nobody, "").is_some());
    }

    #[test]
    fn r_d4_feedback_after_report() {
        let d = |m, dd| NaiveDate::from_ymd_opt(2025, m, dd).unwrap();
        assert!(check_feedback(Some(d(6, 1)), d(6, 1)).is_none());
        assert_eq!(check_feedback(Some(d(6, 2)), d(6, 1)).unwrap().rule(), RuleId::D4);
        assert!(check_feedback(None, d(6, 1)).is_some());
    }

    #[test]
    fn r_d5_rejection_grounds() {
        let g = |n| RejectionGround::new(n).unwrap();
        assert_eq!(check_rejection(&[], ""), vec![Finding::RejectionNeedsGround]);
        assert!(check_rejection(&[g(1), g(7)], "").is_empty());
        assert_eq!(check_rejection(&[g(8)], " "), vec![Finding::OtherGroundNeedsText]);
        assert!(check_rejection(&[g(8)], "反社会的勢力との関係が疑われる").is_empty());
        assert_eq!(check_rejection(&[g(8)], "")[0].rule(), RuleId::D5);
    }

    #[test]
    fn r_d5_grounds_1_and_2_from_relations() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        let rels = [
            Relation { kind: RelationKind::BelongsTo, from: d(2020, 1, 1), until: d(2024, 12, 31) },
            Relation { kind: RelationKind::AdvisoryContract, from: d(2025, 1, 1), until: None },
        ];
        let on = d(2025, 6, 1).unwrap();
        let f = relation_conflicts(&rels, on);
        assert_eq!(
            f,
            vec![Finding::ExpertRelated {
                ground: RejectionGround::new(2).unwrap(),
                relation: RelationKind::AdvisoryContract
            }]
        );
        let f = relation_conflicts(&rels, d(2024, 6, 1).unwrap());
        assert_eq!(
            f[0],
            Finding::ExpertRelated { ground: RejectionGround::new(1).unwrap(), relation: RelationKind::BelongsTo }
        );
        assert_eq!(f[0].rule(), RuleId::D5);
    }
}

/// A visit about to be recorded, as the rules see it.
#[derive(Debug, Clone)]
pub struct VisitPlan<'a> {
    /// Date.
    pub date: NaiveDate,
    /// Start, minutes after midnight.
    pub start_min: u16,
    /// End, minutes after midnight.
    pub end_min: u16,
    /// Place (R-D2).
    pub place: PlaceKind,
    /// Note for another place.
    pub place_note: &'a str,
    /// Who accompanied (R-D3).
    pub accompanied_by: AccompanimentKind,
    /// Reason when not the assigned officer.
    pub accompaniment_reason: &'a str,
}

/// Every rule a new visit must meet: R-P1 (period), R-D1 (limits, given the usage before it), R-D2, R-D3.
pub fn check_new_visit(
    period: &crate::domain::fiscal_year::Period,
    limits: &VisitLimits,
    before: VisitUsage,
    v: &VisitPlan,
) -> Vec<Finding> {
    let mut out: Vec<Finding> = crate::domain::rules::period::check_period(period, v.date).into_iter().collect();
    match visit_minutes(v.start_min, v.end_min) {
        Some(m) => out.extend(check_visit(limits, before, m)),
        None => out.push(Finding::VisitEndsBeforeStart),
    }
    out.extend(check_place(v.place, v.place_note));
    out.extend(check_accompaniment(v.accompanied_by, v.accompaniment_reason));
    out
}

#[cfg(test)]
mod plan_tests {
    use super::*;
    use crate::domain::fiscal_year::Period;
    use crate::domain::rules::RuleId;

    #[test]
    fn a_new_visit_is_checked_against_every_rule() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        let period = Period { start: d(2025, 4, 1), end: d(2026, 2, 27) };
        let limits = VisitLimits { max_visits: 5, max_minutes_per_visit: 180, max_total_minutes: 900 };
        let mut v = VisitPlan {
            date: d(2025, 7, 1),
            start_min: 600,
            end_min: 720,
            place: PlaceKind::Premises,
            place_note: "",
            accompanied_by: AccompanimentKind::AssignedOfficer,
            accompaniment_reason: "",
        };
        assert!(check_new_visit(&period, &limits, VisitUsage::default(), &v).is_empty());
        v.date = d(2026, 3, 2);
        v.end_min = 900;
        v.place = PlaceKind::Other;
        v.accompanied_by = AccompanimentKind::Nobody;
        let rules: Vec<RuleId> = check_new_visit(&period, &limits, VisitUsage { visits: 5, minutes: 800 }, &v)
            .iter()
            .map(|f| f.rule())
            .collect();
        assert_eq!(rules, vec![RuleId::P1, RuleId::D1, RuleId::D1, RuleId::D1, RuleId::D2, RuleId::D3]);
    }
}
