//! 入力の解釈エラーの文言。

use crate::domain::parse::{DateError, TimeError};
use crate::domain::wareki::format_long;

/// 日付の誤り (どの部分が誤りかを示す)。
pub fn date_error(e: &DateError) -> String {
    match e {
        DateError::Empty => "日付を入力してください".into(),
        DateError::Unrecognised { input } => {
            format!("「{input}」は日付として読めません (例: 2025-04-01, R7.4.1, 令和7年4月1日)")
        }
        DateError::UnknownEra { era } => format!("元号「{era}」は使えません (令和・平成・昭和・大正・明治)"),
        DateError::EraYearOutOfRange { era, year, last } => match last {
            Some(l) => format!("{era}{year}年はありません ({era}は{l}年まで)"),
            None => format!("{era}{year}年はありません"),
        },
        DateError::YearOutOfRange { year } => format!("{year}年は範囲外です"),
        DateError::MonthOutOfRange { month } => format!("{month}月はありません (月は1〜12)"),
        DateError::DayOutOfRange { year, month, day, max } => {
            format!("{year}年{month}月{day}日はありません ({month}月は{max}日まで)")
        }
        DateError::BeforeEraStart { era, first_day } => {
            format!("{era}は{}から始まります", format_long(*first_day))
        }
        DateError::AfterEraEnd { era, last_day } => format!("{era}は{}までです", format_long(*last_day)),
        DateError::WeekdayMismatch { date, .. } => format!("{}の曜日が違います", format_long(*date)),
    }
}

/// 時刻の誤り。
pub fn time_error(e: &TimeError) -> String {
    match e {
        TimeError::Empty => "時刻を入力してください".into(),
        TimeError::Unrecognised { input } => format!("「{input}」は時刻として読めません (例: 10:00, 13時30分)"),
        TimeError::HourOutOfRange { hour } => format!("{hour}時はありません"),
        TimeError::MinuteOutOfRange { minute } => format!("{minute}分はありません"),
    }
}

/// 電話番号の誤り。
pub fn phone_error(e: &crate::domain::parse::PhoneError) -> String {
    use crate::domain::parse::PhoneError;
    match e {
        PhoneError::Empty => "電話番号を入力してください".into(),
        PhoneError::TooShort { digits } => format!("電話番号の桁数が足りません ({digits}桁、10〜11桁)"),
        PhoneError::TooLong { digits } => format!("電話番号の桁数が多すぎます ({digits}桁、10〜11桁)"),
        PhoneError::NotStartingWithZero => "電話番号は0から始まります (例: 096-223-5568)".into(),
        PhoneError::InvalidCharacter { ch } => format!("電話番号に「{ch}」は使えません"),
    }
}
