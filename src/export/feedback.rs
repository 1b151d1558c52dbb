//! The feedback to a chamber (R-D4): each of its dispatches with the support report's summary and the date
//! the feedback was given, as a document (xlsx or PDF).

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::Connection;

use super::document::{Block, Document};
use super::table::{Table, Value};
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::wareki::format_fiscal_year;
use crate::store::reports::lists;
use crate::ui::i18n::Lang;
use crate::ui::i18n::reports::text;

/// The feedback document of the chamber `chamber_id` (named `chamber`) for a fiscal year.
pub fn build(
    conn: &Connection,
    lang: Lang,
    fy: &FiscalYear,
    chamber_id: i64,
    chamber: &str,
    today: NaiveDate,
) -> Result<Document> {
    let t = text(lang);
    let title = t.feedback_title.replace("{chamber}", chamber).replace("{year}", &format_fiscal_year(fy.year));
    let mut table = Table::new(title.clone(), &t.feedback_headers);
    for r in lists::feedback(conn, chamber_id, fy.year)? {
        let number = u8::try_from(r.theme).unwrap_or(0);
        table.rows.push(vec![
            Value::Text(r.number.to_string()),
            Value::Text(r.business),
            Value::Text((t.theme_number)(number)),
            Value::Text(r.expert.unwrap_or_default()),
            Value::Int(r.visits),
            Value::date(r.last_visit),
            Value::date(r.report_received_on),
            Value::Text(r.report_summary),
            Value::date(r.feedback_sent_on),
        ]);
    }
    Ok(Document {
        title,
        date: (t.date)(today),
        addressee: Some(if t.doc.to_body.is_empty() {
            chamber.to_string()
        } else {
            format!("{chamber} {}", t.doc.to_body)
        }),
        sender: vec![t.federation.to_string(), t.desk.to_string()],
        blocks: vec![Block::Table(table)],
    })
}
