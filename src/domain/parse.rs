//! Parsing what desk staff type: dates (Gregorian and 和暦), times, yen amounts, phone numbers,
//! 法人番号 and counts.
//!
//! Every parser applies NFKC first, so full-width digits and punctuation (`２０２５／４／１`,
//! `１２：３０`, `１２，０００円`) are accepted. Errors are structured and carry the figures
//! involved; the UI's text catalogue turns them into Japanese or English messages. Pure: "today"
//! is always a parameter.

use chrono::{Datelike, NaiveDate, Weekday};
use thiserror::Error;
use unicode_normalization::UnicodeNormalization;

use crate::domain::wareki::{self, Era};

/// Earliest Gregorian year `parse_date` accepts.
pub const MIN_YEAR: i32 = 1900;
/// Latest Gregorian year `parse_date` accepts.
pub const MAX_YEAR: i32 = 2100;
/// Largest amount `parse_yen` accepts: a desk never pays more than ¥100M in one line.
pub const MAX_YEN: i64 = 100_000_000;

/// Hyphen and dash look-alikes that IMEs produce; treated as `-` in dates and dropped in numbers.
const DASHES: &[char] = &[
    '-', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2212}', '\u{30FC}', '\u{FF70}',
    '\u{FE63}', '\u{FF0D}',
];

/// Why a date could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DateError {
    /// Nothing was typed.
    #[error("no date given")]
    Empty,
    /// The input has none of the accepted date shapes.
    #[error("not a date: {input:?}")]
    Unrecognised {
        /// The input, trimmed.
        input: String,
    },
    /// The era prefix is not a known era.
    #[error("unknown era {era:?}")]
    UnknownEra {
        /// The prefix as typed (NFKC-normalised).
        era: String,
    },
    /// The era-year is below 1 or past the era's last year (平成32年).
    #[error("{era} has no year {year}{}", last.map(|l| format!(" (it ended in its year {l})")).unwrap_or_default())]
    EraYearOutOfRange {
        /// The era's kanji name.
        era: String,
        /// The era-year typed.
        year: i32,
        /// The era's last year, if it has ended.
        last: Option<i32>,
    },
    /// The Gregorian year is outside `MIN_YEAR..=MAX_YEAR`.
    #[error("year {year} is outside {MIN_YEAR}..={MAX_YEAR}")]
    YearOutOfRange {
        /// The Gregorian year.
        year: i32,
    },
    /// The month is not 1..=12.
    #[error("month {month} does not exist")]
    MonthOutOfRange {
        /// The month typed.
        month: u32,
    },
    /// The day is not 1..=max for that month.
    #[error("{year}-{month:02} has no day {day} (last day {max})")]
    DayOutOfRange {
        /// Gregorian year.
        year: i32,
        /// Month.
        month: u32,
        /// The day typed.
        day: u32,
        /// The month's last day.
        max: u32,
    },
    /// An era date before the era's first day (令和元年4月1日).
    #[error("{era} began on {first_day}")]
    BeforeEraStart {
        /// The era's kanji name.
        era: String,
        /// The era's first day.
        first_day: NaiveDate,
    },
    /// An era date after the era's last day (平成31年5月1日).
    #[error("{era} ended on {last_day}")]
    AfterEraEnd {
        /// The era's kanji name.
        era: String,
        /// The era's last day.
        last_day: NaiveDate,
    },
    /// A weekday in parentheses (`2025/4/1(水)`) that does not match the date.
    #[error("{date} is a {actual:?}, not a {typed:?}")]
    WeekdayMismatch {
        /// The date parsed.
        date: NaiveDate,
        /// The weekday typed.
        typed: Weekday,
        /// The date's real weekday.
        actual: Weekday,
    },
}

/// Why a time of day could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TimeError {
    /// Nothing was typed.
    #[error("no time given")]
    Empty,
    /// The input has none of the accepted time shapes.
    #[error("not a time: {input:?}")]
    Unrecognised {
        /// The input, trimmed.
        input: String,
    },
    /// The hour is not 0..=23 (or not valid after 午前/午後).
    #[error("hour {hour} does not exist")]
    HourOutOfRange {
        /// The hour typed.
        hour: u32,
    },
    /// The minute is not 0..=59.
    #[error("minute {minute} does not exist")]
    MinuteOutOfRange {
        /// The minute typed.
        minute: u32,
    },
}

/// Why a yen amount could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum YenError {
    /// Nothing was typed.
    #[error("no amount given")]
    Empty,
    /// The input is not an amount.
    #[error("not an amount: {input:?}")]
    Unrecognised {
        /// The input, trimmed.
        input: String,
    },
    /// A minus sign, `△` or `▲`.
    #[error("amount must not be negative")]
    Negative,
    /// A decimal fraction: amounts are whole yen.
    #[error("amount must be whole yen")]
    Fractional,
    /// More than the maximum.
    #[error("amount exceeds {max} yen")]
    TooLarge {
        /// The maximum accepted (`MAX_YEN`).
        max: i64,
    },
}

/// Why a phone number was rejected.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PhoneError {
    /// Nothing was typed.
    #[error("no phone number given")]
    Empty,
    /// Fewer than 10 digits.
    #[error("phone number has only {digits} digits (10 or 11 expected)")]
    TooShort {
        /// Digits found (after `+81` → `0`).
        digits: usize,
    },
    /// More than 11 digits.
    #[error("phone number has {digits} digits (10 or 11 expected)")]
    TooLong {
        /// Digits found (after `+81` → `0`).
        digits: usize,
    },
    /// A domestic number must start with 0 (or `+81`).
    #[error("phone number must start with 0 or +81")]
    NotStartingWithZero,
    /// A character other than digits, spaces, hyphens and parentheses.
    #[error("phone number contains {ch:?}")]
    InvalidCharacter {
        /// The offending character (NFKC-normalised).
        ch: char,
    },
}

/// Why a 法人番号 (corporate number) was rejected.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CorporateNumberError {
    /// Nothing was typed.
    #[error("no corporate number given")]
    Empty,
    /// Not 13 digits.
    #[error("corporate number has {digits} digits (13 expected)")]
    WrongLength {
        /// Digits found.
        digits: usize,
    },
    /// A character other than digits, spaces and hyphens.
    #[error("corporate number contains {ch:?}")]
    InvalidCharacter {
        /// The offending character (NFKC-normalised).
        ch: char,
    },
    /// The first digit is not the check digit of the other twelve.
    #[error("check digit is {found}, expected {expected}")]
    CheckDigitMismatch {
        /// The check digit computed from the other twelve digits.
        expected: u8,
        /// The first digit as typed.
        found: u8,
    },
}

/// Why a count could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum IntError {
    /// Nothing was typed.
    #[error("no number given")]
    Empty,
    /// The input is not a whole number.
    #[error("not a whole number: {input:?}")]
    Unrecognised {
        /// The input, trimmed.
        input: String,
    },
    /// A minus sign, `△` or `▲`.
    #[error("number must not be negative")]
    Negative,
    /// Does not fit in an i64.
    #[error("number exceeds {max}")]
    TooLarge {
        /// The maximum accepted (`i64::MAX`).
        max: i64,
    },
}

/// NFKC-normalises `s`.
fn nfkc(s: &str) -> String {
    s.nfkc().collect()
}

/// NFKC-normalises `s` and removes all whitespace.
fn compact(s: &str) -> String {
    s.nfkc().filter(|c| !c.is_whitespace()).collect()
}

/// A lexical token of a date or time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    /// A run of ASCII digits (value saturating at `u32::MAX`).
    Num { value: u32, digits: usize },
    /// `元` (era-year 1).
    Gan,
    /// Any other character.
    Sym(char),
}

/// Splits `s` into digit runs, `元` and single other characters.
fn lex(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    for c in s.chars() {
        if let Some(d) = c.to_digit(10).filter(|_| c.is_ascii_digit()) {
            if let Some(Tok::Num { value, digits }) = out.last_mut() {
                *value = value.saturating_mul(10).saturating_add(d);
                *digits += 1;
                continue;
            }
            out.push(Tok::Num { value: d, digits: 1 });
        } else if c == '元' {
            out.push(Tok::Gan);
        } else {
            out.push(Tok::Sym(c));
        }
    }
    out
}

/// The year part of a year-month-day date.
#[derive(Debug, Clone, Copy)]
enum YearPart {
    /// `元`.
    Gan,
    /// Digits.
    Num { value: u32, digits: usize },
}

/// The recognised shapes of a date.
#[derive(Debug, Clone, Copy)]
enum Shape {
    /// Year (Gregorian or era), month, day.
    Ymd(YearPart, u32, u32),
    /// Month and day in today's year.
    Md(u32, u32),
    /// `YYYYMMDD`.
    Compact(u32, u32, u32),
}

/// Whether `c` separates the parts of a numeric date.
fn is_date_sep(c: char) -> bool {
    matches!(c, '-' | '/' | '.')
}

/// Recognises the shape of a date's tokens (after any era prefix).
fn date_shape(toks: &[Tok]) -> Option<Shape> {
    use Tok::{Num, Sym};
    let year_part = |t: Tok| match t {
        Tok::Gan => Some(YearPart::Gan),
        Num { value, digits } => Some(YearPart::Num { value, digits }),
        Sym(_) => None,
    };
    match *toks {
        [y, Sym(a), Num { value: m, .. }, Sym(b), Num { value: d, .. }] if a == b && is_date_sep(a) => {
            Some(Shape::Ymd(year_part(y)?, m, d))
        }
        [y, Sym('年'), Num { value: m, .. }, Sym('月'), Num { value: d, .. }]
        | [y, Sym('年'), Num { value: m, .. }, Sym('月'), Num { value: d, .. }, Sym('日')] => {
            Some(Shape::Ymd(year_part(y)?, m, d))
        }
        [Num { value, digits: 8 }] => Some(Shape::Compact(value / 10_000, value / 100 % 100, value % 100)),
        [Num { value: m, digits: 1..=2 }, Sym(a), Num { value: d, digits: 1..=2 }] if is_date_sep(a) => {
            Some(Shape::Md(m, d))
        }
        [Num { value: m, digits: 1..=2 }, Sym('月'), Num { value: d, digits: 1..=2 }]
        | [Num { value: m, digits: 1..=2 }, Sym('月'), Num { value: d, digits: 1..=2 }, Sym('日')] => {
            Some(Shape::Md(m, d))
        }
        _ => None,
    }
}

/// Strips a trailing weekday in parentheses (`(火)`, `(火曜)`, `(火曜日)`), returning it.
fn strip_weekday(s: &str) -> (&str, Option<Weekday>) {
    let Some(inner_end) = s.strip_suffix(')') else {
        return (s, None);
    };
    let Some(open) = inner_end.rfind('(') else {
        return (s, None);
    };
    let inner = &inner_end[open + 1..];
    let core = inner.strip_suffix("曜日").or_else(|| inner.strip_suffix('曜')).unwrap_or(inner);
    let weekday = match core {
        "月" => Weekday::Mon,
        "火" => Weekday::Tue,
        "水" => Weekday::Wed,
        "木" => Weekday::Thu,
        "金" => Weekday::Fri,
        "土" => Weekday::Sat,
        "日" => Weekday::Sun,
        _ => return (s, None),
    };
    (&inner_end[..open], Some(weekday))
}

/// The number of days in a month (28..=31); 0 for an invalid month.
fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31).rev().find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some()).unwrap_or(0)
}

/// Converts a saturated `u32` to `i32`, saturating.
fn to_i32(v: u32) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

/// Parses a date as desk staff type it: Gregorian (`2025-04-01`, `2025/4/1`, `2025.4.1`,
/// `20250401`, `2025年4月1日`), 和暦 (`R7.4.1`, `r7-4-1`, `令和7年4月1日`, `令和元年5月1日`, `㋿7.4.1`),
/// an era-year of the era in force `today` (`7/4/1`), or month and day in `today`'s year (`4/1`,
/// `4月1日`). Full-width forms and spaces anywhere are accepted; a trailing `(火)` is checked.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let s: String = compact(input).chars().map(|c| if DASHES.contains(&c) { '-' } else { c }).collect();
    if s.is_empty() {
        return Err(DateError::Empty);
    }
    let unrecognised = || DateError::Unrecognised { input: input.trim().to_string() };
    let (s, weekday) = strip_weekday(&s);
    let split = s.find(|c: char| c.is_ascii_digit() || c == '元').unwrap_or(s.len());
    let (prefix, rest) = s.split_at(split);
    let shape = date_shape(&lex(rest)).ok_or_else(unrecognised)?;

    // Resolve the era (explicit prefix, or today's for a one- or two-digit year) and the numbers.
    let (era, year, month, day): (Option<&Era>, i32, u32, u32) = match shape {
        Shape::Ymd(year_part, month, day) => {
            let era = if prefix.is_empty() {
                None
            } else {
                Some(wareki::find_era(prefix).ok_or_else(|| DateError::UnknownEra { era: prefix.to_string() })?)
            };
            match (era, year_part) {
                (Some(era), YearPart::Gan) => (Some(era), 1, month, day),
                (Some(era), YearPart::Num { value, .. }) => (Some(era), to_i32(value), month, day),
                (None, YearPart::Num { value, digits }) if digits > 2 => (None, to_i32(value), month, day),
                (None, year_part) => {
                    let (era, _) = wareki::era_of(today).ok_or_else(unrecognised)?;
                    let year = match year_part {
                        YearPart::Gan => 1,
                        YearPart::Num { value, .. } => to_i32(value),
                    };
                    (Some(era), year, month, day)
                }
            }
        }
        _ if !prefix.is_empty() => return Err(unrecognised()),
        Shape::Md(month, day) => (None, today.year(), month, day),
        Shape::Compact(year, month, day) => (None, to_i32(year), month, day),
    };

    // Check left to right: year, month, day, then the era's bounds.
    let gregorian_year = match era {
        Some(era) => {
            let last = era.last_year();
            if year < 1 || last.is_some_and(|l| year > l) {
                return Err(DateError::EraYearOutOfRange { era: era.name.clone(), year, last });
            }
            wareki::to_gregorian_year(era, year)
        }
        None => year,
    };
    if !(MIN_YEAR..=MAX_YEAR).contains(&gregorian_year) {
        return Err(DateError::YearOutOfRange { year: gregorian_year });
    }
    if !(1..=12).contains(&month) {
        return Err(DateError::MonthOutOfRange { month });
    }
    let max = days_in_month(gregorian_year, month);
    if !(1..=max).contains(&day) {
        return Err(DateError::DayOutOfRange { year: gregorian_year, month, day, max });
    }
    let date = NaiveDate::from_ymd_opt(gregorian_year, month, day).ok_or_else(unrecognised)?;
    if let Some(era) = era {
        if date < era.first_day {
            return Err(DateError::BeforeEraStart { era: era.name.clone(), first_day: era.first_day });
        }
        if let Some(last_day) = era.last_day().filter(|&l| date > l) {
            return Err(DateError::AfterEraEnd { era: era.name.clone(), last_day });
        }
    }
    if let Some(typed) = weekday
        && typed != date.weekday()
    {
        return Err(DateError::WeekdayMismatch { date, typed, actual: date.weekday() });
    }
    Ok(date)
}

/// 午前 (a.m.) or 午後 (p.m.).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meridiem {
    /// 午前 / AM.
    Am,
    /// 午後 / PM.
    Pm,
}

/// Splits a 午前/午後 (or AM/PM, either end) marker off `s`.
fn split_meridiem(s: &str) -> (Option<Meridiem>, &str) {
    if let Some(r) = s.strip_prefix("午前") {
        return (Some(Meridiem::Am), r);
    }
    if let Some(r) = s.strip_prefix("午後") {
        return (Some(Meridiem::Pm), r);
    }
    for (marker, m) in [("am", Meridiem::Am), ("pm", Meridiem::Pm)] {
        if s.get(..2).is_some_and(|p| p.eq_ignore_ascii_case(marker)) {
            return (Some(m), &s[2..]);
        }
        if let Some(cut) = s.len().checked_sub(2)
            && s.get(cut..).is_some_and(|p| p.eq_ignore_ascii_case(marker))
        {
            return (Some(m), &s[..cut]);
        }
    }
    (None, s)
}

/// Recognises hour and minute in `9:30`, `930`, `0930`, `9`, `9時`, `9時30分`, `9時半`.
fn hour_minute(s: &str) -> Option<(u32, u32)> {
    use Tok::{Num, Sym};
    match *lex(s).as_slice() {
        [Num { value: h, digits: 1..=2 }, Sym(':'), Num { value: m, digits: 2 }] => Some((h, m)),
        [Num { value, digits: 1..=2 }] => Some((value, 0)),
        [Num { value, digits: 3..=4 }] => Some((value / 100, value % 100)),
        [Num { value: h, digits: 1..=2 }, Sym('時')] => Some((h, 0)),
        [Num { value: h, digits: 1..=2 }, Sym('時'), Sym('半')] => Some((h, 30)),
        [Num { value: h, digits: 1..=2 }, Sym('時'), Num { value: m, digits: 1..=2 }]
        | [Num { value: h, digits: 1..=2 }, Sym('時'), Num { value: m, digits: 1..=2 }, Sym('分')] => Some((h, m)),
        _ => None,
    }
}

/// Parses a time of day into minutes after midnight: `9:00`, `09:30`, `０９：３０`, `930`, `0930`,
/// `9時`, `9時30分`, `13時半`, `午後1時` (13:00), `午前9時半`, `正午`. With 午前 the hour is 0..=11;
/// with 午後 it is 0..=12 (午後0時 and 午後12時 are both noon).
pub fn parse_time(input: &str) -> Result<u16, TimeError> {
    let s = compact(input);
    if s.is_empty() {
        return Err(TimeError::Empty);
    }
    if s == "正午" {
        return Ok(12 * 60);
    }
    let (meridiem, body) = split_meridiem(&s);
    let (hour, minute) =
        hour_minute(body).ok_or_else(|| TimeError::Unrecognised { input: input.trim().to_string() })?;
    let hour = match meridiem {
        None if hour <= 23 => hour,
        Some(Meridiem::Am) if hour <= 11 => hour,
        Some(Meridiem::Pm) if hour <= 12 => hour % 12 + 12,
        _ => return Err(TimeError::HourOutOfRange { hour }),
    };
    if minute > 59 {
        return Err(TimeError::MinuteOutOfRange { minute });
    }
    u16::try_from(hour * 60 + minute).map_err(|_| TimeError::HourOutOfRange { hour })
}

/// Formats minutes after midnight as `HH:MM`: 570 → `09:30`.
pub fn format_time(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Formats a duration in minutes as hours with one decimal, rounded half up: 90 → `1.5`, 180 → `3.0`.
pub fn format_hours(minutes: u32) -> String {
    let tenths = (u64::from(minutes) * 10 + 30) / 60;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// Parses ASCII digits with optional correctly placed thousands commas (`12,000`); saturates.
fn parse_grouped(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        return None;
    }
    if s.contains(',') {
        let mut groups = s.split(',');
        let first = groups.next()?;
        if !(1..=3).contains(&first.len()) || groups.any(|g| g.len() != 3) {
            return None;
        }
    }
    Some(
        s.bytes()
            .filter(u8::is_ascii_digit)
            .fold(0u64, |acc, b| acc.saturating_mul(10).saturating_add(u64::from(b - b'0'))),
    )
}

/// Parses an amount with optional 億/万/千 units (`1万2000`, `3万`, `1億`) or plain digits; saturates.
fn parse_amount(body: &str) -> Option<u64> {
    if !body.contains(['億', '万', '千']) {
        return parse_grouped(body);
    }
    let mut total: u64 = 0;
    let mut rest = body;
    let mut smallest_unit = u64::MAX;
    for (unit, value, max_coefficient) in [('億', 100_000_000u64, u64::MAX), ('万', 10_000, 9_999), ('千', 1_000, 9)]
    {
        if let Some(pos) = rest.find(unit) {
            let coefficient = parse_grouped(&rest[..pos])?;
            if coefficient > max_coefficient {
                return None;
            }
            total = total.saturating_add(coefficient.saturating_mul(value));
            rest = &rest[pos + unit.len_utf8()..];
            smallest_unit = value;
        }
    }
    if !rest.is_empty() {
        let remainder = parse_grouped(rest)?;
        if remainder >= smallest_unit {
            return None;
        }
        total = total.saturating_add(remainder);
    }
    Some(total)
}

/// Splits leading minus signs (`-`, `−`, `△`, `▲`) and, if `currency`, one yen sign off `s`.
fn split_sign(s: &str, currency: bool) -> (bool, &str) {
    let mut rest = s;
    let mut negative = false;
    let mut yen = !currency;
    loop {
        let mut chars = rest.chars();
        match chars.next() {
            Some('-' | '\u{2212}' | '△' | '▲') if !negative => negative = true,
            Some('¥' | '\\' | '￥') if !yen => yen = true,
            _ => return (negative, rest),
        }
        rest = chars.as_str();
    }
}

/// Parses whole yen: `12000`, `12,000`, `¥12,000`, `￥12,000`, `12,000円`, `１２，０００円`,
/// `1万2000円`, `3万円`, ` 12 000 `. At most `MAX_YEN`.
pub fn parse_yen(input: &str) -> Result<i64, YenError> {
    let s = compact(input);
    if s.is_empty() {
        return Err(YenError::Empty);
    }
    let unrecognised = || YenError::Unrecognised { input: input.trim().to_string() };
    let (negative, body) = split_sign(&s, true);
    let body = body.strip_suffix('円').unwrap_or(body);
    let (whole, fraction) = match body.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (body, None),
    };
    let amount = parse_amount(whole).ok_or_else(unrecognised)?;
    if fraction.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return Err(unrecognised());
    }
    if negative {
        return Err(YenError::Negative);
    }
    if fraction.is_some() {
        return Err(YenError::Fractional);
    }
    match i64::try_from(amount) {
        Ok(n) if n <= MAX_YEN => Ok(n),
        _ => Err(YenError::TooLarge { max: MAX_YEN }),
    }
}

/// Formats a whole number with thousands commas: 12000 → `12,000`, -1234 → `-1,234`.
pub fn format_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Formats yen: 12000 → `¥12,000`, -500 → `-¥500`.
pub fn format_yen(amount: i64) -> String {
    let body = format_thousands(amount);
    match body.strip_prefix('-') {
        Some(abs) => format!("-¥{abs}"),
        None => format!("¥{body}"),
    }
}

/// Whether `c` may separate the digits of a phone number.
fn is_phone_separator(c: char) -> bool {
    c == ' ' || c == '(' || c == ')' || c == '.' || DASHES.contains(&c)
}

/// The national digits of an NFKC-normalised, trimmed number: `+81` (and a trunk `(0)`) → `0`.
fn national_digits(s: &str) -> String {
    match s.strip_prefix("+81") {
        Some(rest) => {
            let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
            format!("0{}", digits.strip_prefix('0').unwrap_or(&digits))
        }
        None => s.chars().filter(char::is_ascii_digit).collect(),
    }
}

/// The digits of a phone number for matching: NFKC, ASCII digits only, a leading `+81` read as `0`.
pub fn phone_digits(input: &str) -> String {
    national_digits(nfkc(input).trim())
}

/// Validates a Japanese phone number (10 or 11 digits starting with 0, or `+81`) and returns it
/// as typed, NFKC-normalised and trimmed.
pub fn parse_phone(input: &str) -> Result<String, PhoneError> {
    let display = nfkc(input).trim().to_string();
    if display.is_empty() {
        return Err(PhoneError::Empty);
    }
    let body = match display.strip_prefix('+') {
        Some(rest) if rest.starts_with("81") => &rest[2..],
        Some(_) => return Err(PhoneError::NotStartingWithZero),
        None => display.as_str(),
    };
    if let Some(ch) = body.chars().find(|&c| !c.is_ascii_digit() && !c.is_whitespace() && !is_phone_separator(c)) {
        return Err(PhoneError::InvalidCharacter { ch });
    }
    let digits = national_digits(&display);
    match digits.len() {
        n if n < 10 => Err(PhoneError::TooShort { digits: n }),
        n if n > 11 => Err(PhoneError::TooLong { digits: n }),
        _ if !digits.starts_with('0') => Err(PhoneError::NotStartingWithZero),
        _ => Ok(display),
    }
}

/// The check digit of a 法人番号's 12-digit base: 9 − (Σ Pₙ×Qₙ mod 9), n counted from the right,
/// Qₙ = 1 for odd n and 2 for even n; `None` unless `base12` is exactly 12 ASCII digits.
pub fn corporate_check_digit(base12: &str) -> Option<u8> {
    if base12.len() != 12 || !base12.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = base12
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let p = u32::from(b - b'0');
            if i % 2 == 0 { p } else { 2 * p }
        })
        .sum();
    u8::try_from(9 - sum % 9).ok()
}

/// Validates a 法人番号 (13 digits, first one the check digit; spaces and hyphens allowed) and
/// returns its 13 digits.
pub fn parse_corporate_number(input: &str) -> Result<String, CorporateNumberError> {
    let s = nfkc(input);
    let s = s.trim();
    if s.is_empty() {
        return Err(CorporateNumberError::Empty);
    }
    let mut digits = String::with_capacity(13);
    for c in s.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if !(c.is_whitespace() || DASHES.contains(&c)) {
            return Err(CorporateNumberError::InvalidCharacter { ch: c });
        }
    }
    if digits.len() != 13 {
        return Err(CorporateNumberError::WrongLength { digits: digits.len() });
    }
    let found = digits.as_bytes()[0] - b'0';
    let expected =
        corporate_check_digit(&digits[1..]).ok_or(CorporateNumberError::WrongLength { digits: digits.len() })?;
    if found != expected {
        return Err(CorporateNumberError::CheckDigitMismatch { expected, found });
    }
    Ok(digits)
}

/// Parses a count (employees, capacity): `12`, `１２`, `1,200`, `30名`, `5人`.
pub fn parse_int(input: &str) -> Result<i64, IntError> {
    let s = compact(input);
    if s.is_empty() {
        return Err(IntError::Empty);
    }
    let (negative, body) = split_sign(&s, false);
    let body = body.strip_suffix(['人', '名', '社', '件', '回']).unwrap_or(body);
    let value = parse_grouped(body).ok_or_else(|| IntError::Unrecognised { input: input.trim().to_string() })?;
    if negative {
        return Err(IntError::Negative);
    }
    i64::try_from(value).map_err(|_| IntError::TooLarge { max: i64::MAX })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// A day in 令和7年.
    fn today() -> NaiveDate {
        d(2025, 6, 15)
    }

    #[test]
    fn parse_date_valid_table() {
        let cases = [
            ("2025-04-01", d(2025, 4, 1)),
            ("2025-4-1", d(2025, 4, 1)),
            ("2025/4/1", d(2025, 4, 1)),
            ("2025.4.1", d(2025, 4, 1)),
            ("20250401", d(2025, 4, 1)),
            ("2025年4月1日", d(2025, 4, 1)),
            ("2025年4月1", d(2025, 4, 1)),
            ("２０２５／４／１", d(2025, 4, 1)),
            ("２０２５年４月１日", d(2025, 4, 1)),
            ("２０２５－０４－０１", d(2025, 4, 1)),
            ("2025ー04ー01", d(2025, 4, 1)),
            ("2025−04−01", d(2025, 4, 1)),
            ("  2025-04-01  ", d(2025, 4, 1)),
            ("R7.4.1", d(2025, 4, 1)),
            ("R7/4/1", d(2025, 4, 1)),
            ("R07.04.01", d(2025, 4, 1)),
            ("r7-4-1", d(2025, 4, 1)),
            ("Ｒ７．４．１", d(2025, 4, 1)),
            ("Reiwa7.4.1", d(2025, 4, 1)),
            ("令和7年4月1日", d(2025, 4, 1)),
            ("令和元年5月1日", d(2019, 5, 1)),
            ("令和 7年 4月 1日", d(2025, 4, 1)),
            ("令和　７年　４月　１日", d(2025, 4, 1)),
            ("㋿7.4.1", d(2025, 4, 1)),
            ("R元.5.1", d(2019, 5, 1)),
            ("H31.4.30", d(2019, 4, 30)),
            ("平成31年4月30日", d(2019, 4, 30)),
            ("㍻31年4月30日", d(2019, 4, 30)),
            ("平成元年1月8日", d(1989, 1, 8)),
            ("S64.1.7", d(1989, 1, 7)),
            ("昭和50年10月10日", d(1975, 10, 10)),
            ("T1.7.30", d(1912, 7, 30)),
            ("大正15年12月24日", d(1926, 12, 24)),
            ("M33.1.1", d(1900, 1, 1)),
            ("7/4/1", d(2025, 4, 1)),
            ("7.4.1", d(2025, 4, 1)),
            ("07/04/01", d(2025, 4, 1)),
            ("7年4月1日", d(2025, 4, 1)),
            ("4/1", d(2025, 4, 1)),
            ("4月1日", d(2025, 4, 1)),
            ("４月１日", d(2025, 4, 1)),
            ("12-31", d(2025, 12, 31)),
            ("2024/2/29", d(2024, 2, 29)),
            ("2025/4/1(火)", d(2025, 4, 1)),
            ("2025/4/1（火曜日）", d(2025, 4, 1)),
            ("R7.4.1 (火曜)", d(2025, 4, 1)),
            ("1900-01-01", d(1900, 1, 1)),
            ("2100-12-31", d(2100, 12, 31)),
        ];
        for (input, want) in cases {
            assert_eq!(parse_date(input, today()), Ok(want), "{input:?}");
        }
        // Era-year without prefix is the era in force on `today`.
        assert_eq!(parse_date("31/4/30", d(2019, 4, 1)), Ok(d(2019, 4, 30)));
        assert_eq!(parse_date("2/29", d(2024, 1, 10)), Ok(d(2024, 2, 29)));
    }

    #[test]
    fn parse_date_invalid_table() {
        use DateError::*;
        let s = |x: &str| x.to_string();
        let cases = [
            ("", Empty),
            ("   ", Empty),
            ("　", Empty),
            ("hello", Unrecognised { input: s("hello") }),
            ("2025", Unrecognised { input: s("2025") }),
            ("2025/4", Unrecognised { input: s("2025/4") }),
            ("2025/4/1/2", Unrecognised { input: s("2025/4/1/2") }),
            ("2025-4/1", Unrecognised { input: s("2025-4/1") }),
            ("2025年4月", Unrecognised { input: s("2025年4月") }),
            ("R7.4", Unrecognised { input: s("R7.4") }),
            ("R4/1", Unrecognised { input: s("R4/1") }),
            ("R20250401", Unrecognised { input: s("R20250401") }),
            ("2025/4/1(祝)", Unrecognised { input: s("2025/4/1(祝)") }),
            (" 4月1日頃 ", Unrecognised { input: s("4月1日頃") }),
            ("X7.4.1", UnknownEra { era: s("X") }),
            ("令7.4.1", UnknownEra { era: s("令") }),
            ("慶応4年1月1日", UnknownEra { era: s("慶応") }),
            ("令和8年13月1日", MonthOutOfRange { month: 13 }),
            ("2025/0/1", MonthOutOfRange { month: 0 }),
            ("１３月１日", MonthOutOfRange { month: 13 }),
            ("2025/2/29", DayOutOfRange { year: 2025, month: 2, day: 29, max: 28 }),
            ("R7.4.31", DayOutOfRange { year: 2025, month: 4, day: 31, max: 30 }),
            ("2025/1/0", DayOutOfRange { year: 2025, month: 1, day: 0, max: 31 }),
            ("平成32年1月1日", EraYearOutOfRange { era: s("平成"), year: 32, last: Some(31) }),
            ("S65.1.1", EraYearOutOfRange { era: s("昭和"), year: 65, last: Some(64) }),
            ("R0.5.1", EraYearOutOfRange { era: s("令和"), year: 0, last: None }),
            ("令和元年4月1日", BeforeEraStart { era: s("令和"), first_day: d(2019, 5, 1) }),
            ("平成元年1月7日", BeforeEraStart { era: s("平成"), first_day: d(1989, 1, 8) }),
            ("平成31年5月1日", AfterEraEnd { era: s("平成"), last_day: d(2019, 4, 30) }),
            ("S64.1.8", AfterEraEnd { era: s("昭和"), last_day: d(1989, 1, 7) }),
            ("1899-12-31", YearOutOfRange { year: 1899 }),
            ("2101/1/1", YearOutOfRange { year: 2101 }),
            ("0025/4/1", YearOutOfRange { year: 25 }),
            ("M1.10.23", YearOutOfRange { year: 1868 }),
            ("R99.1.1", YearOutOfRange { year: 2117 }),
            ("99999999999/1/1", YearOutOfRange { year: i32::MAX }),
            ("2025/4/1(水)", WeekdayMismatch { date: d(2025, 4, 1), typed: Weekday::Wed, actual: Weekday::Tue }),
        ];
        for (input, want) in cases {
            assert_eq!(parse_date(input, today()), Err(want), "{input:?}");
        }
        // Month/day only: errors name today's year.
        assert_eq!(parse_date("2/29", today()), Err(DayOutOfRange { year: 2025, month: 2, day: 29, max: 28 }));
        // Implicit era: 1/4/1 in 令和 is before the era began.
        assert_eq!(parse_date("1/4/1", today()), Err(BeforeEraStart { era: s("令和"), first_day: d(2019, 5, 1) }));
        // Before 明治 there is no era for a bare era-year.
        assert_eq!(parse_date("7/4/1", d(1800, 1, 1)), Err(Unrecognised { input: s("7/4/1") }));
    }

    #[test]
    fn date_errors_display_in_english() {
        let e = parse_date("平成32年1月1日", today()).unwrap_err();
        assert_eq!(e.to_string(), "平成 has no year 32 (it ended in its year 31)");
        let e = parse_date("令和8年13月1日", today()).unwrap_err();
        assert_eq!(e.to_string(), "month 13 does not exist");
        let any: anyhow::Error = e.into();
        assert!(any.downcast_ref::<DateError>().is_some());
    }

    #[test]
    fn parse_time_table() {
        let valid = [
            ("9:00", 540),
            ("09:30", 570),
            ("０９：３０", 570),
            (" 9 : 30 ", 570),
            ("930", 570),
            ("0930", 570),
            ("9", 540),
            ("0:00", 0),
            ("23:59", 1439),
            ("2359", 1439),
            ("9時", 540),
            ("９時", 540),
            ("9時30分", 570),
            ("9時5分", 545),
            ("9時30", 570),
            ("13時半", 810),
            ("午後1時", 780),
            ("午後１時半", 810),
            ("午前9時半", 570),
            ("午前0時", 0),
            ("午後0時", 720),
            ("午後12時", 720),
            ("午後11時59分", 1439),
            ("正午", 720),
            ("9:30am", 570),
            ("1:30 PM", 810),
            ("PM1:30", 810),
        ];
        for (input, want) in valid {
            assert_eq!(parse_time(input), Ok(want), "{input:?}");
        }
        use TimeError::*;
        let un = |x: &str| Unrecognised { input: x.to_string() };
        let invalid = [
            ("", Empty),
            ("  ", Empty),
            ("abc", un("abc")),
            ("9:5", un("9:5")),
            ("9:300", un("9:300")),
            ("12345", un("12345")),
            ("9時半分", un("9時半分")),
            ("9.30", un("9.30")),
            ("午後", un("午後")),
            ("-9:00", un("-9:00")),
            ("24:00", HourOutOfRange { hour: 24 }),
            ("25時", HourOutOfRange { hour: 25 }),
            ("2460", HourOutOfRange { hour: 24 }),
            ("午後13時", HourOutOfRange { hour: 13 }),
            ("午前12時", HourOutOfRange { hour: 12 }),
            ("9:60", MinuteOutOfRange { minute: 60 }),
            ("0975", MinuteOutOfRange { minute: 75 }),
            ("9時99分", MinuteOutOfRange { minute: 99 }),
        ];
        for (input, want) in invalid {
            assert_eq!(parse_time(input), Err(want), "{input:?}");
        }
    }

    #[test]
    fn format_time_and_hours_table() {
        for (m, want) in [(0, "00:00"), (570, "09:30"), (780, "13:00"), (1439, "23:59")] {
            assert_eq!(format_time(m), want);
        }
        let hours = [
            (0, "0.0"),
            (30, "0.5"),
            (60, "1.0"),
            (90, "1.5"),
            (100, "1.7"),
            (180, "3.0"),
            (200, "3.3"),
            (3, "0.1"),
            (2, "0.0"),
            (u32::MAX, "71582788.3"),
        ];
        for (m, want) in hours {
            assert_eq!(format_hours(m), want, "{m}");
        }
    }

    #[test]
    fn parse_yen_table() {
        let valid = [
            ("12000", 12_000),
            ("12,000", 12_000),
            ("¥12,000", 12_000),
            ("￥12,000", 12_000),
            ("\\12,000", 12_000),
            ("12,000円", 12_000),
            ("１２，０００円", 12_000),
            ("１２０００", 12_000),
            ("1万2000円", 12_000),
            ("1万2,000円", 12_000),
            ("1万2千円", 12_000),
            ("１万２０００円", 12_000),
            ("3万円", 30_000),
            ("5千円", 5_000),
            ("1億円", 100_000_000),
            ("9999万9999円", 99_999_999),
            (" 12 000 ", 12_000),
            ("0", 0),
            ("0円", 0),
            ("1,234,567", 1_234_567),
            ("100,000,000", 100_000_000),
        ];
        for (input, want) in valid {
            assert_eq!(parse_yen(input), Ok(want), "{input:?}");
        }
        use YenError::*;
        let un = |x: &str| Unrecognised { input: x.to_string() };
        let invalid = [
            ("", Empty),
            (" ", Empty),
            ("abc", un("abc")),
            ("円", un("円")),
            ("¥", un("¥")),
            ("12,00", un("12,00")),
            ("1,2000", un("1,2000")),
            ("12円円", un("12円円")),
            ("1万20000", un("1万20000")),
            ("2千1万", un("2千1万")),
            ("万円", un("万円")),
            ("12.", un("12.")),
            ("12.5x", un("12.5x")),
            ("¥¥12", un("¥¥12")),
            ("-500", Negative),
            ("－５００", Negative),
            ("△500", Negative),
            ("▲500", Negative),
            ("¥-500", Negative),
            ("-¥500", Negative),
            ("12.5", Fractional),
            ("１２．５円", Fractional),
            ("100,000,001", TooLarge { max: MAX_YEN }),
            ("2億円", TooLarge { max: MAX_YEN }),
            ("99999999999999999999999", TooLarge { max: MAX_YEN }),
        ];
        for (input, want) in invalid {
            assert_eq!(parse_yen(input), Err(want), "{input:?}");
        }
    }

    #[test]
    fn format_yen_table() {
        let cases = [
            (0, "0", "¥0"),
            (7, "7", "¥7"),
            (999, "999", "¥999"),
            (1_000, "1,000", "¥1,000"),
            (12_000, "12,000", "¥12,000"),
            (123_456, "123,456", "¥123,456"),
            (1_234_567, "1,234,567", "¥1,234,567"),
            (100_000_000, "100,000,000", "¥100,000,000"),
            (-500, "-500", "-¥500"),
            (-1_234, "-1,234", "-¥1,234"),
            (i64::MIN, "-9,223,372,036,854,775,808", "-¥9,223,372,036,854,775,808"),
        ];
        for (n, thousands, yen) in cases {
            assert_eq!(format_thousands(n), thousands);
            assert_eq!(format_yen(n), yen);
        }
    }

    #[test]
    fn phone_digits_table() {
        let cases = [
            ("096-123-4567", "0961234567"),
            ("０９６－１２３－４５６７", "0961234567"),
            ("096ー123ー4567", "0961234567"),
            ("096−123−4567", "0961234567"),
            ("096‐123―4567", "0961234567"),
            ("(096) 123 4567", "0961234567"),
            ("+81 96-123-4567", "0961234567"),
            ("+81 (0)96-123-4567", "0961234567"),
            ("abc", ""),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(phone_digits(input), want, "{input:?}");
        }
    }

    #[test]
    fn parse_phone_table() {
        let valid = [
            ("096-123-4567", "096-123-4567"),
            ("0961234567", "0961234567"),
            ("090-1234-5678", "090-1234-5678"),
            ("09012345678", "09012345678"),
            ("０９６－１２３－４５６７", "096-123-4567"),
            ("  096-123-4567  ", "096-123-4567"),
            ("(096) 123-4567", "(096) 123-4567"),
            ("096ー123ー4567", "096ー123ー4567"),
            ("096−123−4567", "096−123−4567"),
            ("+81 96-123-4567", "+81 96-123-4567"),
            ("+81-90-1234-5678", "+81-90-1234-5678"),
            ("＋８１ ９６ １２３ ４５６７", "+81 96 123 4567"),
            ("0120-123-456", "0120-123-456"),
        ];
        for (input, want) in valid {
            assert_eq!(parse_phone(input), Ok(want.to_string()), "{input:?}");
        }
        use PhoneError::*;
        let invalid = [
            ("", Empty),
            ("   ", Empty),
            ("096-123-456", TooShort { digits: 9 }),
            ("110", TooShort { digits: 3 }),
            ("---", TooShort { digits: 0 }),
            ("090-1234-56789", TooLong { digits: 12 }),
            ("9612345678", NotStartingWithZero),
            ("+1 212 555 0100", NotStartingWithZero),
            ("096-123-4567 内線12", InvalidCharacter { ch: '内' }),
            ("096-123-456a", InvalidCharacter { ch: 'a' }),
            ("096+123+4567", InvalidCharacter { ch: '+' }),
            ("096/123/4567", InvalidCharacter { ch: '/' }),
        ];
        for (input, want) in invalid {
            assert_eq!(parse_phone(input), Err(want), "{input:?}");
        }
    }

    #[test]
    fn corporate_check_digit_of_published_numbers() {
        // 国税庁 and トヨタ自動車, as published on the 国税庁法人番号公表サイト.
        assert_eq!(corporate_check_digit("000012050002"), Some(7));
        assert_eq!(corporate_check_digit("180301018771"), Some(1));
        assert_eq!(parse_corporate_number("7000012050002"), Ok("7000012050002".to_string()));
        assert_eq!(parse_corporate_number("1180301018771"), Ok("1180301018771".to_string()));
        // The check digit is 9 when the weighted sum is a multiple of 9.
        assert_eq!(corporate_check_digit("000000000000"), Some(9));
        assert_eq!(corporate_check_digit("000000000009"), Some(9));
        assert_eq!(corporate_check_digit("000000000001"), Some(8));
        assert_eq!(corporate_check_digit("000000000010"), Some(7));
        for bad in ["", "12345678901", "1234567890123", "12345678901a", "１２３４５６７８９０１２"] {
            assert_eq!(corporate_check_digit(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn parse_corporate_number_table() {
        let valid = [
            ("7000012050002", "7000012050002"),
            ("1180301018771", "1180301018771"),
            ("７００００１２０５０００２", "7000012050002"),
            ("7-0000-1205-0002", "7000012050002"),
            ("7 0000 1205 0002", "7000012050002"),
            ("７０００－０１２０－５０００２", "7000012050002"),
            ("  1180301018771  ", "1180301018771"),
            ("1180ー3010ー18771", "1180301018771"),
            ("１１８０　３０１０　１８７７１", "1180301018771"),
            ("9000000000000", "9000000000000"),
            ("8000000000001", "8000000000001"),
        ];
        for (input, want) in valid {
            assert_eq!(parse_corporate_number(input), Ok(want.to_string()), "{input:?}");
        }
        use CorporateNumberError::*;
        let invalid = [
            ("", Empty),
            ("  ", Empty),
            ("700001205000", WrongLength { digits: 12 }),
            ("70000120500021", WrongLength { digits: 14 }),
            ("---", WrongLength { digits: 0 }),
            ("T7000012050002", InvalidCharacter { ch: 'T' }),
            ("7000012050002.", InvalidCharacter { ch: '.' }),
            ("7000/012050002", InvalidCharacter { ch: '/' }),
            ("1000012050002", CheckDigitMismatch { expected: 7, found: 1 }),
            ("7180301018771", CheckDigitMismatch { expected: 1, found: 7 }),
            ("7000012050003", CheckDigitMismatch { expected: 6, found: 7 }),
        ];
        for (input, want) in invalid {
            assert_eq!(parse_corporate_number(input), Err(want), "{input:?}");
        }
    }

    #[test]
    fn parse_int_table() {
        let valid = [
            ("0", 0),
            ("12", 12),
            ("１２", 12),
            (" 12 ", 12),
            ("1,200", 1_200),
            ("１，２００", 1_200),
            ("30名", 30),
            ("5人", 5),
            ("3社", 3),
            ("1 000", 1_000),
            ("9223372036854775807", i64::MAX),
        ];
        for (input, want) in valid {
            assert_eq!(parse_int(input), Ok(want), "{input:?}");
        }
        use IntError::*;
        let un = |x: &str| Unrecognised { input: x.to_string() };
        let invalid = [
            ("", Empty),
            ("　", Empty),
            ("abc", un("abc")),
            ("1.5", un("1.5")),
            ("12,00", un("12,00")),
            ("名", un("名")),
            ("1万", un("1万")),
            ("12人人", un("12人人")),
            ("-3", Negative),
            ("△3", Negative),
            ("▲3", Negative),
            ("9223372036854775808", TooLarge { max: i64::MAX }),
        ];
        for (input, want) in invalid {
            assert_eq!(parse_int(input), Err(want), "{input:?}");
        }
    }

    proptest! {
        #[test]
        fn date_round_trips(days in 0i64..36_524, today_days in 0i64..36_524) {
            let date = d(1990, 1, 1) + chrono::Duration::days(days);
            let today = d(1990, 1, 1) + chrono::Duration::days(today_days);
            prop_assert_eq!(parse_date(&wareki::format_long(date), today), Ok(date));
            prop_assert_eq!(parse_date(&wareki::format_short(date), today), Ok(date));
            prop_assert_eq!(parse_date(&date.to_string(), today), Ok(date));
            prop_assert_eq!(parse_date(&date.format("%Y%m%d").to_string(), today), Ok(date));
            prop_assert_eq!(parse_date(&date.format("%Y年%-m月%-d日").to_string(), today), Ok(date));
        }

        #[test]
        fn full_width_dates_round_trip(days in 0i64..36_524) {
            let date = d(1990, 1, 1) + chrono::Duration::days(days);
            let wide: String = wareki::format_short(date)
                .chars()
                .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap())
                .collect();
            prop_assert_eq!(parse_date(&wide, today()), Ok(date));
        }

        #[test]
        fn yen_round_trips(n in 0i64..=100_000_000) {
            prop_assert_eq!(parse_yen(&format_yen(n)), Ok(n));
            prop_assert_eq!(parse_yen(&format_thousands(n)), Ok(n));
            prop_assert_eq!(parse_yen(&n.to_string()), Ok(n));
            prop_assert_eq!(parse_int(&format_thousands(n)), Ok(n));
        }

        #[test]
        fn yen_above_max_is_too_large(n in 100_000_001i64..=i64::MAX) {
            prop_assert_eq!(parse_yen(&format_yen(n)), Err(YenError::TooLarge { max: MAX_YEN }));
        }

        #[test]
        fn time_round_trips(m in 0u16..1440) {
            prop_assert_eq!(parse_time(&format_time(m)), Ok(m));
            prop_assert_eq!(parse_time(&format_time(m).replace(':', "")), Ok(m));
            prop_assert_eq!(parse_time(&format!("{}時{}分", m / 60, m % 60)), Ok(m));
        }

        #[test]
        fn corporate_check_digit_round_trips(base in "[0-9]{12}") {
            let check = corporate_check_digit(&base).unwrap();
            prop_assert!((1..=9).contains(&check));
            let number = format!("{check}{base}");
            prop_assert_eq!(parse_corporate_number(&number), Ok(number.clone()));
            let wrong = format!("{}{base}", check % 9 + 1);
            let is_mismatch = matches!(
                parse_corporate_number(&wrong),
                Err(CorporateNumberError::CheckDigitMismatch { .. })
            );
            prop_assert!(is_mismatch);
        }

        #[test]
        fn phone_digits_are_ascii_digits(s in ".*") {
            prop_assert!(phone_digits(&s).bytes().all(|b| b.is_ascii_digit()));
            if let Ok(display) = parse_phone(&s) {
                let digits = phone_digits(&display);
                prop_assert!((10..=11).contains(&digits.len()) && digits.starts_with('0'));
            }
        }

        #[test]
        fn parsers_never_panic(s in ".*") {
            let _ = parse_date(&s, today());
            let _ = parse_time(&s);
            let _ = parse_yen(&s);
            let _ = parse_phone(&s);
            let _ = parse_corporate_number(&s);
            let _ = corporate_check_digit(&s);
            let _ = parse_int(&s);
        }

        #[test]
        fn date_like_inputs_never_panic(s in "[0-9０-９RrHh令和平成元年月日/.\\-: ()火]{0,16}") {
            let _ = parse_date(&s, today());
            let _ = parse_time(&s);
            let _ = parse_yen(&s);
        }
    }
}
