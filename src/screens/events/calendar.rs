//! Month-grid arithmetic: which days a month's grid shows for a week start, and moving by day, week, month.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::config::WeekStart;

/// The first weekday of a row of the grid.
pub fn first_weekday(start: WeekStart) -> Weekday {
    match start {
        WeekStart::Sunday => Weekday::Sun,
        WeekStart::Monday => Weekday::Mon,
    }
}

/// The first day of `date`'s month.
pub fn month_of(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// The first day the grid of `date`'s month shows (the week start on or before the 1st).
pub fn grid_start(date: NaiveDate, start: WeekStart) -> NaiveDate {
    let first = month_of(date);
    let back = first.weekday().days_since(first_weekday(start));
    first - Days::new(u64::from(back))
}

/// The number of week rows the grid of `date`'s month needs (4 to 6).
pub fn weeks(date: NaiveDate, start: WeekStart) -> usize {
    let first = month_of(date);
    let last = first + Months::new(1) - Days::new(1);
    ((last - grid_start(date, start)).num_days() as usize) / 7 + 1
}

/// The last day the grid shows.
pub fn grid_end(date: NaiveDate, start: WeekStart) -> NaiveDate {
    grid_start(date, start) + Days::new(7 * weeks(date, start) as u64 - 1)
}

/// `date` moved by `days` (negative: back).
pub fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    date.checked_add_signed(chrono::TimeDelta::days(days)).unwrap_or(date)
}

/// `date` moved by `months` (the day is kept where the month has it, else the month's last day).
pub fn add_months(date: NaiveDate, months: i32) -> NaiveDate {
    let m = Months::new(months.unsigned_abs());
    let moved = if months >= 0 { date.checked_add_months(m) } else { date.checked_sub_months(m) };
    moved.unwrap_or(date)
}

/// The last day of `date`'s month.
pub fn month_end(date: NaiveDate) -> NaiveDate {
    month_of(date) + Months::new(1) - Days::new(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn november_2025_grids() {
        // 2025-11-01 is a Saturday.
        assert_eq!(grid_start(d(2025, 11, 17), WeekStart::Sunday), d(2025, 10, 26));
        assert_eq!(weeks(d(2025, 11, 17), WeekStart::Sunday), 6);
        assert_eq!(grid_end(d(2025, 11, 17), WeekStart::Sunday), d(2025, 12, 6));
        assert_eq!(grid_start(d(2025, 11, 17), WeekStart::Monday), d(2025, 10, 27));
        assert_eq!(weeks(d(2025, 11, 17), WeekStart::Monday), 5);
    }

    #[test]
    fn february_2026_starting_on_a_sunday_fits_four_weeks() {
        assert_eq!(weeks(d(2026, 2, 1), WeekStart::Sunday), 4);
        assert_eq!(grid_start(d(2026, 2, 10), WeekStart::Sunday), d(2026, 2, 1));
    }

    #[test]
    fn moving_by_months_keeps_the_day_where_it_can() {
        assert_eq!(add_months(d(2026, 1, 31), 1), d(2026, 2, 28));
        assert_eq!(add_months(d(2025, 11, 4), -1), d(2025, 10, 4));
        assert_eq!(add_days(d(2025, 11, 30), 1), d(2025, 12, 1));
        assert_eq!(month_end(d(2026, 2, 3)), d(2026, 2, 28));
    }
}
