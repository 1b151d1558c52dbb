//! R-P1: visits, seminars and consultation days take place within the program period.

use chrono::NaiveDate;

use super::Finding;
use crate::domain::fiscal_year::Period;

/// R-P1: a finding when `date` lies outside the program period (both ends inclusive).
pub fn check_period(period: &Period, date: NaiveDate) -> Option<Finding> {
    (date < period.start || date > period.end).then_some(Finding::OutsidePeriod {
        date,
        start: period.start,
        end: period.end,
    })
}

/// R-P1: days left from `today` to the end of the period (0 once it has ended, the full span before it starts).
pub fn days_left(period: &Period, today: NaiveDate) -> i64 {
    let from = today.max(period.start);
    if from > period.end { 0 } else { (period.end - from).num_days() + 1 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::RuleId;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }
    fn period() -> Period {
        Period { start: d(2025, 4, 1), end: d(2026, 2, 27) }
    }

    #[test]
    fn r_p1_both_ends_inclusive() {
        assert!(check_period(&period(), d(2025, 4, 1)).is_none());
        assert!(check_period(&period(), d(2026, 2, 27)).is_none());
        assert_eq!(check_period(&period(), d(2025, 3, 31)).unwrap().rule(), RuleId::P1);
        assert_eq!(check_period(&period(), d(2026, 2, 28)).unwrap().rule(), RuleId::P1);
    }

    #[test]
    fn r_p1_days_left() {
        assert_eq!(days_left(&period(), d(2026, 2, 27)), 1);
        assert_eq!(days_left(&period(), d(2026, 2, 28)), 0);
        assert_eq!(days_left(&period(), d(2026, 2, 1)), 27);
        assert_eq!(days_left(&period(), d(2025, 1, 1)), 333);
    }
}
