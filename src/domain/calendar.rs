//! Japanese national holidays, from the bundled reference table (`assets/reference/holidays.tsv`).

use std::sync::LazyLock;

use chrono::NaiveDate;

/// A national holiday or substitute holiday.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    /// Its date.
    pub date: NaiveDate,
    /// Japanese name (振替休日 for a substitute holiday).
    pub name_ja: String,
    /// English name.
    pub name_en: String,
}

static HOLIDAYS: LazyLock<Vec<Holiday>> = LazyLock::new(|| {
    parse_holidays(include_str!("../../assets/reference/holidays.tsv"))
        .unwrap_or_else(|e| panic!("bundled assets/reference/holidays.tsv is malformed: {e}"))
});

/// Parses a holiday table: a header row, then `date<TAB>name_ja<TAB>name_en` rows in date order.
pub fn parse_holidays(text: &str) -> Result<Vec<Holiday>, String> {
    let mut out: Vec<Holiday> = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [date, ja, en] = cols[..] else {
            return Err(format!("line {}: expected 3 columns", i + 1));
        };
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|e| format!("line {}: {e}", i + 1))?;
        if out.last().is_some_and(|h| h.date >= date) {
            return Err(format!("line {}: dates must be in ascending order", i + 1));
        }
        out.push(Holiday { date, name_ja: ja.to_string(), name_en: en.to_string() });
    }
    Ok(out)
}

/// The holiday on a date, if any.
pub fn holiday(date: NaiveDate) -> Option<&'static Holiday> {
    let all = &*HOLIDAYS;
    all.binary_search_by_key(&date, |h| h.date).ok().map(|i| &all[i])
}

/// The last date the holiday table covers (the README says how to extend it).
pub fn covered_until() -> Option<NaiveDate> {
    HOLIDAYS.last().map(|h| h.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn november_2025_holidays_and_substitute() {
        assert_eq!(holiday(d(2025, 11, 3)).unwrap().name_ja, "文化の日");
        assert_eq!(holiday(d(2025, 11, 23)).unwrap().name_ja, "勤労感謝の日");
        assert_eq!(holiday(d(2025, 11, 24)).unwrap().name_ja, "振替休日");
        assert!(holiday(d(2025, 11, 25)).is_none());
    }

    #[test]
    fn citizens_holiday_2026() {
        assert_eq!(holiday(d(2026, 9, 22)).unwrap().name_en, "Citizen's Holiday");
    }

    #[test]
    fn unsorted_table_is_refused() {
        let t = "date\tname_ja\tname_en\n2025-05-05\ta\tb\n2025-05-03\tc\td\n";
        assert!(parse_holidays(t).unwrap_err().contains("line 3"));
    }
}
