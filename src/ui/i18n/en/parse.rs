//! Wording of input errors.

use crate::domain::parse::{DateError, TimeError};

/// A date that cannot be read, saying which part is wrong.
pub fn date_error(e: &DateError) -> String {
    match e {
        DateError::Empty => "enter a date".into(),
        DateError::Unrecognised { input } => {
            format!("\"{input}\" is not a date (e.g. 2025-04-01, R7.4.1, 令和7年4月1日)")
        }
        DateError::UnknownEra { era } => format!("unknown era \"{era}\""),
        DateError::EraYearOutOfRange { era, year, last } => match last {
            Some(l) => format!("{era} {year} does not exist ({era} ended in year {l})"),
            None => format!("{era} {year} does not exist"),
        },
        DateError::YearOutOfRange { year } => format!("year {year} is out of range"),
        DateError::MonthOutOfRange { month } => format!("month {month} does not exist (1 to 12)"),
        DateError::DayOutOfRange { year, month, day, max } => {
            format!("{year}-{month:02}-{day:02} does not exist (that month has {max} days)")
        }
        DateError::BeforeEraStart { era, first_day } => format!("{era} starts on {first_day}"),
        DateError::AfterEraEnd { era, last_day } => format!("{era} ended on {last_day}"),
        DateError::WeekdayMismatch { date, .. } => format!("wrong weekday for {date}"),
    }
}

/// A time that cannot be read.
pub fn time_error(e: &TimeError) -> String {
    match e {
        TimeError::Empty => "enter a time".into(),
        TimeError::Unrecognised { input } => format!("\"{input}\" is not a time (e.g. 10:00, 13時30分)"),
        TimeError::HourOutOfRange { hour } => format!("hour {hour} does not exist"),
        TimeError::MinuteOutOfRange { minute } => format!("minute {minute} does not exist"),
    }
}

/// A phone number that cannot be read.
pub fn phone_error(e: &crate::domain::parse::PhoneError) -> String {
    use crate::domain::parse::PhoneError;
    match e {
        PhoneError::Empty => "enter a phone number".into(),
        PhoneError::TooShort { digits } => format!("too few digits ({digits}; 10 or 11)"),
        PhoneError::TooLong { digits } => format!("too many digits ({digits}; 10 or 11)"),
        PhoneError::NotStartingWithZero => "a phone number starts with 0 (e.g. 096-223-5568)".into(),
        PhoneError::InvalidCharacter { ch } => format!("\"{ch}\" cannot be in a phone number"),
    }
}
