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

/// A stored visit as R-D1 counts it.
///
/// R-D1 counts an application's visits **in date order** (date, start time, then entry order for two visits at
/// the same moment), never in the order they were entered: a visit recorded late for an earlier date counts
/// before the later ones. Adding, editing, the detail's gauge (which only sums) and `check` (`audit_visits` over
/// visits sorted the same way) therefore agree on which visit goes beyond and needs the override.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountedVisit {
    /// Date.
    pub date: NaiveDate,
    /// Start, minutes after midnight.
    pub start_min: u16,
    /// Entry order (the row id); a visit not stored yet comes after every stored one.
    pub entry: i64,
    /// Length in minutes.
    pub minutes: u32,
    /// An R-D1 override is recorded for it.
    pub overridden: bool,
}

/// What the rules say about a new or changed visit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VisitCheck {
    /// Every finding (R-P1, R-D1, R-D2, R-D3), each once.
    pub findings: Vec<Finding>,
    /// The visit itself goes beyond R-D1 (its override is recorded on it).
    pub beyond: bool,
    /// Other visits (indexes into the `others` given) that go beyond R-D1 in date order because of this one and
    /// have no override yet: an override given for this visit is recorded for them too.
    pub also_beyond: Vec<usize>,
}

/// Every rule a new or changed visit must meet: R-P1 (period), R-D1 (limits, counted in date order among the
/// application's `others` — the visit being edited is not among them, so its own old override never counts),
/// R-D2, R-D3. `entry` places the visit among others on the same date and time (its id, or `i64::MAX` when new).
pub fn check_new_visit(
    period: &crate::domain::fiscal_year::Period,
    limits: &VisitLimits,
    others: &[CountedVisit],
    entry: i64,
    v: &VisitPlan,
) -> VisitCheck {
    let mut out = VisitCheck {
        findings: crate::domain::rules::period::check_period(period, v.date).into_iter().collect(),
        ..VisitCheck::default()
    };
    match visit_minutes(v.start_min, v.end_min) {
        Some(minutes) => {
            let this = CountedVisit { date: v.date, start_min: v.start_min, entry, minutes, overridden: false };
            let mut all: Vec<(Option<usize>, CountedVisit)> =
                others.iter().enumerate().map(|(i, c)| (Some(i), *c)).collect();
            all.push((None, this));
            all.sort_by_key(|(_, c)| (c.date, c.start_min, c.entry));
            let minutes: Vec<u32> = all.iter().map(|(_, c)| c.minutes).collect();
            for (i, findings) in audit_visits(limits, &minutes) {
                match all[i] {
                    (None, _) => {
                        out.findings.extend(findings);
                        out.beyond = true;
                    }
                    (Some(o), c) if !c.overridden => {
                        out.findings.extend(findings);
                        out.also_beyond.push(o);
                    }
                    _ => {}
                }
            }
        }
        None => out.findings.push(Finding::VisitEndsBeforeStart),
    }
    out.findings.extend(check_place(v.place, v.place_note));
    out.findings.extend(check_accompaniment(v.accompanied_by, v.accompaniment_reason));
    let mut seen = Vec::new();
    out.findings.retain(|f| {
        let new = !seen.contains(f);
        seen.push(f.clone());
        new
    });
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
        assert!(check_new_visit(&period, &limits, &[], i64::MAX, &v).findings.is_empty());
        let day = |dd, minutes| CountedVisit {
            date: d(2025, 6, dd),
            start_min: 600,
            entry: i64::from(dd),
            minutes,
            overridden: false,
        };
        let five: Vec<CountedVisit> = (1..=5).map(|dd| day(dd, 160)).collect();
        v.date = d(2026, 3, 2);
        v.end_min = 900;
        v.place = PlaceKind::Other;
        v.accompanied_by = AccompanimentKind::Nobody;
        let rules: Vec<RuleId> =
            check_new_visit(&period, &limits, &five, i64::MAX, &v).findings.iter().map(|f| f.rule()).collect();
        assert_eq!(rules, vec![RuleId::P1, RuleId::D1, RuleId::D1, RuleId::D1, RuleId::D2, RuleId::D3]);
    }
}

#[cfg(test)]
mod date_order_tests {
    use super::*;
    use crate::domain::fiscal_year::Period;

    const LIMITS: VisitLimits = VisitLimits { max_visits: 5, max_minutes_per_visit: 180, max_total_minutes: 900 };

    fn d(m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, dd).unwrap()
    }

    fn period() -> Period {
        Period { start: d(4, 1), end: NaiveDate::from_ymd_opt(2026, 2, 27).unwrap() }
    }

    fn plan(date: NaiveDate, minutes: u16) -> VisitPlan<'static> {
        VisitPlan {
            date,
            start_min: 600,
            end_min: 600 + minutes,
            place: PlaceKind::Premises,
            place_note: "",
            accompanied_by: AccompanimentKind::AssignedOfficer,
            accompaniment_reason: "",
        }
    }

    fn stored(id: i64, date: NaiveDate, minutes: u32, overridden: bool) -> CountedVisit {
        CountedVisit { date, start_min: 600, entry: id, minutes, overridden }
    }

    #[test]
    fn r_d1_an_earlier_sixth_visit_pushes_the_last_by_date_beyond() {
        let five: Vec<CountedVisit> = (1..=5).map(|i| stored(i, d(7, i as u32), 120, false)).collect();
        let c = check_new_visit(&period(), &LIMITS, &five, i64::MAX, &plan(d(6, 1), 60));
        assert_eq!(c.findings, vec![Finding::TooManyVisits { visits: 5, limit: 5 }]);
        assert!(!c.beyond, "by date the new visit is the first");
        assert_eq!(c.also_beyond, vec![4], "the visit of 7/5 is the sixth by date and needs the override");
    }

    #[test]
    fn r_d1_a_visit_with_an_override_already_is_not_asked_again() {
        let mut six: Vec<CountedVisit> = (1..=6).map(|i| stored(i, d(7, i as u32), 60, false)).collect();
        six[5].overridden = true;
        let c = check_new_visit(&period(), &LIMITS, &six, i64::MAX, &plan(d(8, 1), 60));
        assert_eq!(c.findings, vec![Finding::TooManyVisits { visits: 6, limit: 5 }]);
        assert!(c.beyond && c.also_beyond.is_empty());
    }

    #[test]
    fn r_d1_editing_counts_without_the_visit_edited() {
        // Four stored visits of 3 h (the fifth, being edited, is left out): 12 h used, 3 h left.
        let four: Vec<CountedVisit> = (1..=4).map(|i| stored(i, d(7, i as u32), 180, false)).collect();
        assert!(check_new_visit(&period(), &LIMITS, &four, 5, &plan(d(7, 5), 180)).findings.is_empty());
        let c = check_new_visit(&period(), &LIMITS, &four, 5, &plan(d(7, 5), 181));
        assert_eq!(c.findings.iter().map(|f| f.rule()).collect::<Vec<_>>(), vec![super::super::RuleId::D1; 2]);
        assert!(c.beyond);
    }
}
