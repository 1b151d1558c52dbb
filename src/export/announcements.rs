//! The announcements (R-S9): upcoming seminars and consultation days as a table for the desk's web page.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::Connection;

use super::table::{Table, Value};
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::model::EventKind;
use crate::domain::parse::format_time;
use crate::domain::wareki::format_long;
use crate::store::reports::lists;
use crate::ui::i18n::Lang;
use crate::ui::i18n::reports::{event_kind, text};

/// Approved or announced events from `from` on; dates written ISO and 和暦 (`2025-10-04 (令和7年10月4日)`).
pub fn build(conn: &Connection, lang: Lang, fy: &FiscalYear, from: NaiveDate) -> Result<Table> {
    let t = text(lang);
    let mut table = Table::new(t.announcements_title, &t.announcements_headers);
    for a in lists::announcements(conn, from)? {
        let themes = if a.kind == EventKind::Seminar { &fy.seminar_themes[..] } else { fy.dispatch_themes() };
        let number = u8::try_from(a.theme).unwrap_or(0);
        let theme = match themes.iter().find(|th| th.number == number) {
            Some(th) => format!("{} {}", (t.theme_number)(number), if lang == Lang::Ja { &th.ja } else { &th.en }),
            None => (t.theme_number)(number),
        };
        let venue = match a.municipality {
            Some(m) if !a.venue.is_empty() => format!("{} ({m})", a.venue),
            Some(m) => m,
            None => a.venue,
        };
        table.rows.push(vec![
            Value::Text(format!("{} ({})", a.date, format_long(a.date))),
            Value::Text(format!("{}〜{}", format_time(a.start_min), format_time(a.end_min))),
            Value::text(event_kind(lang, a.kind)),
            Value::Text(a.title),
            Value::Text(theme),
            Value::Text(venue),
            Value::Text(a.organiser),
            a.capacity.map_or(Value::Empty, Value::Int),
        ]);
    }
    Ok(table)
}
