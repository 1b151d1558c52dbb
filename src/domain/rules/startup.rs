//! R-S10 (law, not the guideline): a startup-support series (特定創業支援等事業) meets the municipal guideline for
//! a participant who attended at least `min_sessions` sessions over at least `min_span_days`, covering every
//! required area (経営・財務・人材育成・販路開拓) together. The thresholds come from the fiscal-year file.

use chrono::NaiveDate;

use super::RuleId;
use crate::domain::fiscal_year::StartupSeries;
use crate::domain::model::StartupArea;

/// One session of a series: its date and the areas it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesSession {
    /// The seminar.
    pub event_id: i64,
    /// Its date.
    pub date: NaiveDate,
    /// The areas it covers.
    pub areas: Vec<StartupArea>,
}

/// Where a participant stands against R-S10.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesOutcome {
    /// Meets the guideline: the municipality can certify them.
    Meets,
    /// One more session of the series (this one, the earliest that would do) would make them meet it.
    OneShort {
        /// The session that would complete it.
        session: i64,
    },
    /// More than one session short.
    Short,
}

/// A participant's attended sessions measured against R-S10.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// Sessions attended.
    pub sessions: u32,
    /// Days from the first to the last session attended.
    pub span_days: i64,
    /// Required areas none of the attended sessions covered.
    pub missing: Vec<StartupArea>,
    /// The verdict.
    pub outcome: SeriesOutcome,
}

impl Standing {
    /// The rule this standing is measured by.
    pub fn rule(&self) -> RuleId {
        RuleId::S10
    }
}

/// The areas a series must cover (all four when the fiscal-year file lists none).
pub fn required_areas(rules: &StartupSeries) -> Vec<StartupArea> {
    if rules.required_areas.is_empty() { StartupArea::ALL.to_vec() } else { rules.required_areas.clone() }
}

fn measure(rules: &StartupSeries, attended: &[&SeriesSession]) -> (u32, i64, Vec<StartupArea>) {
    let sessions = attended.len() as u32;
    let first = attended.iter().map(|s| s.date).min();
    let last = attended.iter().map(|s| s.date).max();
    let span_days = match (first, last) {
        (Some(a), Some(b)) => (b - a).num_days(),
        _ => 0,
    };
    let missing = required_areas(rules).into_iter().filter(|a| !attended.iter().any(|s| s.areas.contains(a))).collect();
    (sessions, span_days, missing)
}

fn meets(rules: &StartupSeries, sessions: u32, span_days: i64, missing: &[StartupArea]) -> bool {
    sessions >= rules.min_sessions && span_days >= i64::from(rules.min_span_days) && missing.is_empty()
}

/// R-S10: where a participant who attended `attended` stands, given every session of the series
/// (`series`, the attended ones among them): meets the guideline, one session short (naming the earliest
/// session of the series that would complete it), or short.
pub fn startup_standing(rules: &StartupSeries, series: &[SeriesSession], attended: &[i64]) -> Standing {
    let mine: Vec<&SeriesSession> = series.iter().filter(|s| attended.contains(&s.event_id)).collect();
    let (sessions, span_days, missing) = measure(rules, &mine);
    let outcome = if meets(rules, sessions, span_days, &missing) {
        SeriesOutcome::Meets
    } else {
        let mut others: Vec<&SeriesSession> = series.iter().filter(|s| !attended.contains(&s.event_id)).collect();
        others.sort_by_key(|s| (s.date, s.event_id));
        others
            .into_iter()
            .find(|extra| {
                let mut with: Vec<&SeriesSession> = mine.clone();
                with.push(extra);
                let (n, span, missing) = measure(rules, &with);
                meets(rules, n, span, &missing)
            })
            .map(|s| SeriesOutcome::OneShort { session: s.event_id })
            .unwrap_or(SeriesOutcome::Short)
    };
    Standing { sessions, span_days, missing, outcome }
}

#[cfg(test)]
mod tests {
    use super::*;
    use StartupArea::*;

    fn rules() -> StartupSeries {
        let fy =
            crate::domain::fiscal_year::FiscalYear::from_toml(include_str!("../../../assets/fiscal-years/2025.toml"))
                .unwrap();
        fy.startup_series
    }

    fn session(event_id: i64, m: u32, d: u32, areas: &[StartupArea]) -> SeriesSession {
        SeriesSession { event_id, date: NaiveDate::from_ymd_opt(2025, m, d).unwrap(), areas: areas.to_vec() }
    }

    /// Four weekly sessions, one area each, then a wrap-up a month after the first covering all four.
    fn series() -> Vec<SeriesSession> {
        vec![
            session(1, 9, 6, &[Management]),
            session(2, 9, 13, &[Finance]),
            session(3, 9, 20, &[HumanResources]),
            session(4, 9, 27, &[SalesChannels]),
            session(5, 10, 11, &[Management, Finance, HumanResources, SalesChannels]),
        ]
    }

    #[test]
    fn r_s10_thresholds_come_from_the_fiscal_year_file() {
        let r = rules();
        assert_eq!((r.min_sessions, r.min_span_days, required_areas(&r).len()), (4, 30, 4));
    }

    #[test]
    fn r_s10_four_sessions_over_a_month_covering_all_areas_meet_it() {
        let s = startup_standing(&rules(), &series(), &[1, 2, 3, 5]);
        assert_eq!(s.rule(), RuleId::S10);
        assert_eq!((s.sessions, s.span_days, s.outcome), (4, 35, SeriesOutcome::Meets));
        assert!(s.missing.is_empty());
    }

    #[test]
    fn r_s10_four_sessions_within_a_month_are_one_short() {
        // 9-06..9-27 is 21 days: the wrap-up (35 days after the first) completes it.
        let s = startup_standing(&rules(), &series(), &[1, 2, 3, 4]);
        assert_eq!((s.sessions, s.span_days), (4, 21));
        assert_eq!(s.outcome, SeriesOutcome::OneShort { session: 5 });
    }

    #[test]
    fn r_s10_both_sides_of_the_span() {
        let mut r = rules();
        r.min_span_days = 35;
        assert_eq!(startup_standing(&r, &series(), &[1, 2, 3, 5]).outcome, SeriesOutcome::Meets, "exactly 35 days");
        r.min_span_days = 36;
        assert_ne!(startup_standing(&r, &series(), &[1, 2, 3, 5]).outcome, SeriesOutcome::Meets, "one day short");
    }

    #[test]
    fn r_s10_a_missing_area_is_named_and_one_session_closes_it() {
        let sessions = vec![
            session(1, 9, 6, &[Management]),
            session(2, 9, 13, &[Management]),
            session(3, 9, 20, &[Finance]),
            session(4, 10, 11, &[HumanResources]),
            session(6, 10, 18, &[SalesChannels]),
        ];
        let s = startup_standing(&rules(), &sessions, &[1, 2, 3, 4]);
        assert_eq!(s.missing, vec![SalesChannels]);
        assert_eq!(s.outcome, SeriesOutcome::OneShort { session: 6 });
    }

    #[test]
    fn r_s10_two_sessions_are_more_than_one_short() {
        let s = startup_standing(&rules(), &series(), &[1, 2]);
        assert_eq!((s.sessions, s.outcome), (2, SeriesOutcome::Short));
        assert_eq!(s.missing, vec![HumanResources, SalesChannels]);
        let none = startup_standing(&rules(), &series(), &[]);
        assert_eq!((none.sessions, none.span_days, none.outcome), (0, 0, SeriesOutcome::Short));
    }
}
