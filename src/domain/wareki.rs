//! Japanese era (和暦) dates, from the bundled era table (`assets/reference/eras.tsv`).
//!
//! Pure functions: no clock, no I/O. Dates before the first era in the table (明治) fall back to
//! ISO 8601.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use unicode_normalization::UnicodeNormalization;

/// A Japanese era: its name, romanisation, one-letter abbreviation and first day.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Era {
    /// Kanji name, e.g. `令和`.
    pub name: String,
    /// Hepburn romanisation, e.g. `Reiwa`.
    pub romaji: String,
    /// One-letter abbreviation used in short dates, e.g. `R`.
    pub letter: char,
    /// The era's first day (its 元年's first day), e.g. 2019-05-01.
    pub first_day: NaiveDate,
}

impl Era {
    /// The era that follows this one in the table, if any.
    pub fn next(&self) -> Option<&'static Era> {
        eras().iter().find(|e| e.first_day > self.first_day)
    }

    /// The era's last day (the day before the next era began); `None` for the current era.
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.next().and_then(|n| n.first_day.pred_opt())
    }

    /// The era's last era-year (平成 → 31); `None` for the current era.
    pub fn last_year(&self) -> Option<i32> {
        self.last_day().map(|d| d.year() - self.first_day.year() + 1)
    }
}

static ERAS: LazyLock<Vec<Era>> = LazyLock::new(|| {
    parse_eras(include_str!("../../assets/reference/eras.tsv"))
        .unwrap_or_else(|e| panic!("bundled assets/reference/eras.tsv is malformed: {e}"))
});

/// Parses an era table: a header row, then `era<TAB>romaji<TAB>first_day<TAB>abbr` rows in date order.
fn parse_eras(text: &str) -> Result<Vec<Era>, String> {
    let mut out: Vec<Era> = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let line_no = i + 1;
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let [name, romaji, first_day, abbr] = cols[..] else {
            return Err(format!("line {line_no}: expected 4 tab-separated columns"));
        };
        if name.is_empty() || romaji.is_empty() {
            return Err(format!("line {line_no}: empty era name or romaji"));
        }
        let first_day = NaiveDate::parse_from_str(first_day, "%Y-%m-%d")
            .map_err(|e| format!("line {line_no}: first_day {first_day:?}: {e}"))?;
        let mut letters = abbr.chars();
        let letter = match (letters.next(), letters.next()) {
            (Some(c), None) if c.is_ascii_uppercase() => c,
            _ => {
                return Err(format!("line {line_no}: abbr {abbr:?} must be one upper-case ASCII letter"));
            }
        };
        if out.last().is_some_and(|e| e.first_day >= first_day) {
            return Err(format!("line {line_no}: eras must be in ascending date order"));
        }
        if out.iter().any(|e| e.letter == letter || e.name == name || e.romaji.eq_ignore_ascii_case(romaji)) {
            return Err(format!("line {line_no}: duplicate era {name} / {romaji} / {letter}"));
        }
        out.push(Era { name: name.to_string(), romaji: romaji.to_string(), letter, first_day });
    }
    if out.is_empty() {
        return Err("no eras".to_string());
    }
    Ok(out)
}

/// All eras of the bundled table, oldest first.
pub fn eras() -> &'static [Era] {
    &ERAS
}

/// The era and era-year (1-based) of a date; `None` before the first era (明治).
pub fn era_of(date: NaiveDate) -> Option<(&'static Era, i32)> {
    let era = eras().iter().rev().find(|e| e.first_day <= date)?;
    Some((era, date.year() - era.first_day.year() + 1))
}

/// The era year as written in long form: `元` for the first year, the number otherwise.
fn long_year(year: i32) -> String {
    if year == 1 { "元".to_string() } else { year.to_string() }
}

/// Long form, `令和7年4月1日` (first year `元年`); ISO 8601 before 明治.
pub fn format_long(date: NaiveDate) -> String {
    match era_of(date) {
        Some((era, year)) => format!("{}{}年{}月{}日", era.name, long_year(year), date.month(), date.day()),
        None => date.to_string(),
    }
}

/// Short form, `R7.4.1` (first year is `1`); ISO 8601 before 明治.
pub fn format_short(date: NaiveDate) -> String {
    match era_of(date) {
        Some((era, year)) => format!("{}{}.{}.{}", era.letter, year, date.month(), date.day()),
        None => date.to_string(),
    }
}

/// ISO date followed by the short form, `2025-04-01 (R7.4.1)`, for list columns; ISO only before 明治.
pub fn format_iso_wareki(date: NaiveDate) -> String {
    if era_of(date).is_some() { format!("{date} ({})", format_short(date)) } else { date.to_string() }
}

/// The era naming a fiscal year (April..March) and its era-year.
///
/// The era is the one in force on the fiscal year's last day (March 31 of `fiscal_year + 1`),
/// counted from the Gregorian year in which the fiscal year starts: 2019 → 令和元年度,
/// 2018 → 平成30年度. An era that began in January..March (平成, 1989-01-08) does not name the
/// fiscal year that was already running (1988 → 昭和63年度, not 平成0年度). Before 明治 the
/// first era is extrapolated (year 0 or below).
fn fiscal_era(fiscal_year: i32) -> (&'static Era, i32) {
    let last_day = fiscal_year.checked_add(1).and_then(|y| NaiveDate::from_ymd_opt(y, 3, 31));
    let all = eras();
    let era = all
        .iter()
        .rev()
        .find(|e| last_day.is_none_or(|d| e.first_day <= d) && e.first_day.year() <= fiscal_year)
        .or_else(|| all.first())
        .unwrap_or_else(|| panic!("bundled era table is empty"));
    let year = fiscal_year.saturating_sub(era.first_day.year()).saturating_add(1);
    (era, year)
}

/// Letter and era-year of a fiscal year, using the era in force on its last day: 2025 → ('R', 7).
pub fn era_letter_year(fiscal_year: i32) -> (char, i32) {
    let (era, year) = fiscal_era(fiscal_year);
    (era.letter, year)
}

/// A fiscal year in long form: 2025 → `令和7年度`, 2019 → `令和元年度`; `1867年度` before 明治.
pub fn format_fiscal_year(fiscal_year: i32) -> String {
    let (era, year) = fiscal_era(fiscal_year);
    if year >= 1 { format!("{}{}年度", era.name, long_year(year)) } else { format!("{fiscal_year}年度") }
}

/// The Gregorian year of an era-year: (令和, 7) → 2025.
pub fn to_gregorian_year(era: &Era, era_year: i32) -> i32 {
    era.first_day.year().saturating_add(era_year).saturating_sub(1)
}

/// Finds an era by kanji name (`令和`), letter (`R`, `r`, `Ｒ`), romaji (`Reiwa`, any case) or
/// one-character ligature (`㋿`, `㍻`, `㍼`, `㍽`, `㍾`).
pub fn find_era(name_or_letter: &str) -> Option<&'static Era> {
    let trimmed = name_or_letter.trim();
    let ligature = match trimmed {
        "㋿" => Some("令和"),
        "㍻" => Some("平成"),
        "㍼" => Some("昭和"),
        "㍽" => Some("大正"),
        "㍾" => Some("明治"),
        _ => None,
    };
    let key: String = match ligature {
        Some(name) => name.to_string(),
        None => trimmed.nfkc().collect::<String>().trim().to_string(),
    };
    if key.is_empty() {
        return None;
    }
    let mut chars = key.chars();
    let single = match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => Some(c.to_ascii_uppercase()),
        _ => None,
    };
    eras().iter().find(|e| match single {
        Some(letter) => e.letter == letter,
        None => e.name == key || e.romaji.eq_ignore_ascii_case(&key),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn bundled_table_parses() {
        let text = include_str!("../../assets/reference/eras.tsv");
        let parsed = parse_eras(text).unwrap();
        assert_eq!(parsed.len(), 5);
        assert_eq!(eras(), &parsed[..]);
        let summary: Vec<(&str, &str, char, NaiveDate)> =
            eras().iter().map(|e| (e.name.as_str(), e.romaji.as_str(), e.letter, e.first_day)).collect();
        assert_eq!(
            summary,
            vec![
                ("明治", "Meiji", 'M', d(1868, 10, 23)),
                ("大正", "Taisho", 'T', d(1912, 7, 30)),
                ("昭和", "Showa", 'S', d(1926, 12, 25)),
                ("平成", "Heisei", 'H', d(1989, 1, 8)),
                ("令和", "Reiwa", 'R', d(2019, 5, 1)),
            ]
        );
    }

    #[test]
    fn malformed_tables_are_rejected() {
        let header = "era\tromaji\tfirst_day\tabbr\n";
        let cases = [
            ("", "no eras"),
            (header, "no eras"),
            ("h\n令和\tReiwa\t2019-05-01\n", "4 tab-separated"),
            ("h\n令和\tReiwa\t2019-13-01\tR\n", "first_day"),
            ("h\n令和\tReiwa\t2019-05-01\tRR\n", "abbr"),
            ("h\n令和\tReiwa\t2019-05-01\tr\n", "abbr"),
            ("h\n\tReiwa\t2019-05-01\tR\n", "empty"),
            ("h\n令和\tReiwa\t2019-05-01\tR\n平成\tHeisei\t1989-01-08\tH\n", "ascending"),
            ("h\n平成\tHeisei\t1989-01-08\tR\n令和\tReiwa\t2019-05-01\tR\n", "duplicate"),
        ];
        for (text, needle) in cases {
            let err = parse_eras(text).unwrap_err();
            assert!(err.contains(needle), "{text:?}: {err}");
        }
        // Blank lines and CRLF are tolerated.
        let ok = parse_eras("h\r\n\r\n令和\tReiwa\t2019-05-01\tR\r\n").unwrap();
        assert_eq!(ok[0].letter, 'R');
    }

    #[test]
    fn era_of_table() {
        let cases: &[(NaiveDate, Option<(&str, i32)>)] = &[
            (d(1868, 10, 22), None),
            (d(1, 1, 1), None),
            (d(1868, 10, 23), Some(("明治", 1))),
            (d(1912, 7, 29), Some(("明治", 45))),
            (d(1912, 7, 30), Some(("大正", 1))),
            (d(1926, 12, 24), Some(("大正", 15))),
            (d(1926, 12, 25), Some(("昭和", 1))),
            (d(1989, 1, 7), Some(("昭和", 64))),
            (d(1989, 1, 8), Some(("平成", 1))),
            (d(2019, 4, 30), Some(("平成", 31))),
            (d(2019, 5, 1), Some(("令和", 1))),
            (d(2025, 4, 1), Some(("令和", 7))),
            (d(2100, 12, 31), Some(("令和", 82))),
        ];
        for (date, want) in cases {
            let got = era_of(*date).map(|(e, y)| (e.name.as_str(), y));
            assert_eq!(got, *want, "{date}");
        }
    }

    #[test]
    fn format_table() {
        let cases = [
            (d(2025, 4, 1), "令和7年4月1日", "R7.4.1", "2025-04-01 (R7.4.1)"),
            (d(2019, 5, 1), "令和元年5月1日", "R1.5.1", "2019-05-01 (R1.5.1)"),
            (d(2019, 4, 30), "平成31年4月30日", "H31.4.30", "2019-04-30 (H31.4.30)"),
            (d(1989, 1, 8), "平成元年1月8日", "H1.1.8", "1989-01-08 (H1.1.8)"),
            (d(1989, 1, 7), "昭和64年1月7日", "S64.1.7", "1989-01-07 (S64.1.7)"),
            (d(1926, 12, 25), "昭和元年12月25日", "S1.12.25", "1926-12-25 (S1.12.25)"),
            (d(1912, 7, 30), "大正元年7月30日", "T1.7.30", "1912-07-30 (T1.7.30)"),
            (d(1868, 10, 23), "明治元年10月23日", "M1.10.23", "1868-10-23 (M1.10.23)"),
            (d(2026, 12, 31), "令和8年12月31日", "R8.12.31", "2026-12-31 (R8.12.31)"),
            (d(1868, 10, 22), "1868-10-22", "1868-10-22", "1868-10-22"),
            (d(1700, 1, 1), "1700-01-01", "1700-01-01", "1700-01-01"),
        ];
        for (date, long, short, iso) in cases {
            assert_eq!(format_long(date), long, "{date}");
            assert_eq!(format_short(date), short, "{date}");
            assert_eq!(format_iso_wareki(date), iso, "{date}");
        }
    }

    #[test]
    fn fiscal_year_table() {
        let cases = [
            (2025, ('R', 7), "令和7年度"),
            (2019, ('R', 1), "令和元年度"),
            (2018, ('H', 30), "平成30年度"),
            (2020, ('R', 2), "令和2年度"),
            (1989, ('H', 1), "平成元年度"),
            (1988, ('S', 63), "昭和63年度"),
            (1926, ('S', 1), "昭和元年度"),
            (1925, ('T', 14), "大正14年度"),
            (1912, ('T', 1), "大正元年度"),
            (1868, ('M', 1), "明治元年度"),
            (1867, ('M', 0), "1867年度"),
            (2100, ('R', 82), "令和82年度"),
        ];
        for (fy, letter_year, long) in cases {
            assert_eq!(era_letter_year(fy), letter_year, "{fy}");
            assert_eq!(format_fiscal_year(fy), long, "{fy}");
        }
        // Extremes do not panic.
        let _ = era_letter_year(i32::MAX);
        let _ = era_letter_year(i32::MIN);
        let _ = format_fiscal_year(i32::MAX);
        let _ = format_fiscal_year(i32::MIN);
    }

    #[test]
    fn era_bounds() {
        let heisei = find_era("平成").unwrap();
        assert_eq!(heisei.last_day(), Some(d(2019, 4, 30)));
        assert_eq!(heisei.last_year(), Some(31));
        assert_eq!(heisei.next().map(|e| e.letter), Some('R'));
        assert_eq!(find_era("昭和").unwrap().last_year(), Some(64));
        assert_eq!(find_era("大正").unwrap().last_year(), Some(15));
        assert_eq!(find_era("明治").unwrap().last_year(), Some(45));
        let reiwa = find_era("令和").unwrap();
        assert_eq!(reiwa.last_day(), None);
        assert_eq!(reiwa.last_year(), None);
    }

    #[test]
    fn to_gregorian_year_table() {
        let cases = [
            ("令和", 1, 2019),
            ("令和", 7, 2025),
            ("平成", 1, 1989),
            ("平成", 31, 2019),
            ("昭和", 64, 1989),
            ("大正", 15, 1926),
            ("明治", 45, 1912),
        ];
        for (name, year, want) in cases {
            assert_eq!(to_gregorian_year(find_era(name).unwrap(), year), want);
        }
        let _ = to_gregorian_year(find_era("令和").unwrap(), i32::MAX);
        let _ = to_gregorian_year(find_era("令和").unwrap(), i32::MIN);
    }

    #[test]
    fn find_era_table() {
        let cases: &[(&str, Option<char>)] = &[
            ("令和", Some('R')),
            ("R", Some('R')),
            ("r", Some('R')),
            ("Ｒ", Some('R')),
            ("ｒ", Some('R')),
            ("Reiwa", Some('R')),
            ("reiwa", Some('R')),
            ("REIWA", Some('R')),
            (" 令和 ", Some('R')),
            ("㋿", Some('R')),
            ("㍻", Some('H')),
            ("㍼", Some('S')),
            ("㍽", Some('T')),
            ("㍾", Some('M')),
            ("平成", Some('H')),
            ("h", Some('H')),
            ("Showa", Some('S')),
            ("大正", Some('T')),
            ("明治", Some('M')),
            ("meiji", Some('M')),
            ("令", None),
            ("平", None),
            ("", None),
            ("   ", None),
            ("X", None),
            ("RR", None),
            ("令和7", None),
            ("Rei", None),
            ("慶応", None),
        ];
        for (input, want) in cases {
            assert_eq!(find_era(input).map(|e| e.letter), *want, "{input:?}");
        }
    }

    proptest! {
        #[test]
        fn era_of_is_consistent(days in 0i64..100_000) {
            let date = d(1868, 10, 23) + chrono::Duration::days(days);
            let (era, year) = era_of(date).unwrap();
            prop_assert!(year >= 1);
            prop_assert!(era.first_day <= date);
            prop_assert!(era.last_day().is_none_or(|last| date <= last));
            prop_assert_eq!(to_gregorian_year(era, year), date.year());
        }

        #[test]
        fn fiscal_year_letter_matches_long_form(fy in 1868i32..2200) {
            let (letter, year) = era_letter_year(fy);
            let era = eras().iter().find(|e| e.letter == letter).unwrap();
            prop_assert!(year >= 1);
            prop_assert_eq!(to_gregorian_year(era, year), fy);
            prop_assert!(format_fiscal_year(fy).starts_with(era.name.as_str()));
        }

        #[test]
        fn formats_never_panic(days in -1_000_000i64..1_000_000) {
            let date = d(2000, 1, 1) + chrono::Duration::days(days);
            prop_assert!(!format_long(date).is_empty());
            prop_assert!(!format_short(date).is_empty());
            prop_assert!(format_iso_wareki(date).starts_with(&date.to_string()));
        }

        #[test]
        fn find_era_never_panics(s in ".*") {
            let _ = find_era(&s);
        }
    }
}
