//! Desk consultations (窓口相談).

use anyhow::Result;
use rusqlite::{Connection, params, params_from_iter};

use crate::domain::parse::phone_digits;
use crate::domain::records::NewConsultation;

/// Inserts a desk consultation; returns its id.
pub fn insert(conn: &Connection, c: &NewConsultation) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO desk_consultation (fiscal_year, received_on, received_min, channel, caller_name, caller_phone,
             caller_phone_digits, business_id, chamber_id, theme, content, handled_by_id, outcome)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        c.fiscal_year,
        c.received_on,
        c.received_min,
        c.channel,
        c.caller_name,
        c.caller_phone,
        phone_digits(&c.caller_phone),
        c.business_id,
        c.chamber_id,
        c.theme,
        c.content,
        c.handled_by_id,
        c.outcome
    ])?;
    let id = conn.last_insert_rowid();
    crate::store::search::reindex_record(conn, crate::store::search::Kind::Consultation, id)?;
    Ok(id)
}

/// The application a consultation already became, if any (a consultation becomes at most one application).
pub fn linked_dispatch(conn: &Connection, id: i64) -> Result<Option<crate::domain::model::DispatchNumber>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .prepare_cached(
            "SELECT d.fiscal_year, d.seq FROM desk_consultation c JOIN dispatch d ON d.id = c.dispatch_id WHERE c.id = ?1",
        )?
        .query_row([id], |r| Ok(crate::domain::model::DispatchNumber { fiscal_year: r.get(0)?, seq: r.get(1)? }))
        .optional()?)
}

/// Links a consultation to the dispatch application it became.
pub fn link_dispatch(conn: &Connection, id: i64, dispatch_id: i64) -> Result<()> {
    conn.prepare_cached("UPDATE desk_consultation SET dispatch_id = ?2, outcome = 'dispatch', row_version = row_version + 1 WHERE id = ?1 AND dispatch_id IS NULL")?.execute(params![id, dispatch_id])?;
    Ok(())
}

/// One row of the desk consultations list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsultationRow {
    /// Row id.
    pub id: i64,
    /// Date.
    pub received_on: chrono::NaiveDate,
    /// Channel.
    pub channel: crate::domain::model::ConsultationChannel,
    /// Caller.
    pub caller_name: String,
    /// The business, if known.
    pub business: Option<String>,
    /// What was asked (first line).
    pub content: String,
    /// Outcome.
    pub outcome: crate::domain::model::ConsultationOutcome,
    /// The application it became.
    pub dispatch: Option<crate::domain::model::DispatchNumber>,
}

/// The rows a typed filter reads: its matches in the lookup index (the caller's name and phone, the content, and
/// the linked business's name, reading, phone and representative) joined to the consultations; all of them
/// when nothing is typed. Returns the FROM clause and its parameters.
fn source(text: &str) -> (String, Vec<String>) {
    let text = text.trim();
    if text.is_empty() {
        return ("desk_consultation c".into(), Vec::new());
    }
    let m = crate::store::search::matching(crate::store::search::Kind::Consultation, text);
    // The narrow index by id answers the count and the page order without reading the wide rows.
    let from = format!(
        "({}) m CROSS JOIN desk_consultation c INDEXED BY desk_consultation_by_id ON c.id = m.record_id",
        m.sql
    );
    (from, m.params)
}

/// The ids of the consultations of a fiscal year matching the filter text, as a query and its parameters (the
/// frequency tables count the list as filtered).
pub fn ids(fiscal_year: i32, text: &str) -> (String, Vec<String>) {
    let (from, params) = source(text);
    (format!("SELECT c.id FROM {from} WHERE c.fiscal_year = {fiscal_year}"), params)
}

/// Number of consultations of a fiscal year matching the filter text (all when empty).
pub fn count(conn: &Connection, fiscal_year: i32, text: &str) -> Result<usize> {
    let (from, params) = source(text);
    let sql = format!("SELECT COUNT(*) FROM {from} WHERE c.fiscal_year = {fiscal_year}");
    let n: i64 = conn.prepare_cached(&sql)?.query_row(params_from_iter(&params), |r| r.get(0))?;
    Ok(n as usize)
}

/// One page of the consultations matching the filter text, newest first.
pub fn page(
    conn: &Connection,
    fiscal_year: i32,
    text: &str,
    offset: usize,
    limit: usize,
) -> Result<Vec<ConsultationRow>> {
    let (from, params) = source(text);
    let sql = format!(
        "SELECT c.id, c.received_on, c.channel, c.caller_name, b.name, c.content, c.outcome, d.fiscal_year, d.seq
         FROM desk_consultation c LEFT JOIN business b ON b.id = c.business_id
         LEFT JOIN dispatch d ON d.id = c.dispatch_id
         JOIN (SELECT c.id AS pid FROM {from} WHERE c.fiscal_year = {fiscal_year}
               ORDER BY c.received_on DESC, c.id DESC LIMIT {limit} OFFSET {offset}) p ON p.pid = c.id
         ORDER BY c.received_on DESC, c.id DESC"
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params_from_iter(&params), |r| {
        let content: String = r.get(5)?;
        let fy: Option<i32> = r.get(7)?;
        let seq: Option<u32> = r.get(8)?;
        Ok(ConsultationRow {
            id: r.get(0)?,
            received_on: r.get(1)?,
            channel: r.get(2)?,
            caller_name: r.get(3)?,
            business: r.get(4)?,
            content: content.lines().next().unwrap_or_default().to_string(),
            outcome: r.get(6)?,
            dispatch: fy.zip(seq).map(|(fiscal_year, seq)| crate::domain::model::DispatchNumber { fiscal_year, seq }),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A stored consultation with what its edit form needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsultationRecord {
    /// Row id.
    pub id: i64,
    /// The fields as stored.
    pub fields: NewConsultation,
    /// The business's name, if one is linked.
    pub business_name: Option<String>,
    /// Row version (stale saves are refused).
    pub row_version: i64,
}

/// One consultation.
pub fn get(conn: &Connection, id: i64) -> Result<Option<ConsultationRecord>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .prepare_cached(
            "SELECT c.fiscal_year, c.received_on, c.received_min, c.channel, c.caller_name, c.caller_phone, c.business_id,
                    c.chamber_id, c.theme, c.content, c.handled_by_id, c.outcome, b.name, c.row_version
             FROM desk_consultation c LEFT JOIN business b ON b.id = c.business_id WHERE c.id = ?1",
        )?
        .query_row([id], |r| {
            Ok(ConsultationRecord {
                id,
                fields: NewConsultation {
                    fiscal_year: r.get(0)?,
                    received_on: r.get(1)?,
                    received_min: r.get(2)?,
                    channel: r.get(3)?,
                    caller_name: r.get(4)?,
                    caller_phone: r.get(5)?,
                    business_id: r.get(6)?,
                    chamber_id: r.get(7)?,
                    theme: r.get(8)?,
                    content: r.get(9)?,
                    handled_by_id: r.get(10)?,
                    outcome: r.get(11)?,
                },
                business_name: r.get(12)?,
                row_version: r.get(13)?,
            })
        })
        .optional()?)
}

/// Saves an edited consultation unless it changed since `row_version` was read; returns whether it was saved.
pub fn update(conn: &Connection, id: i64, row_version: i64, c: &NewConsultation) -> Result<bool> {
    let n = conn
        .prepare_cached(
            "UPDATE desk_consultation SET received_on = ?3, channel = ?4, caller_name = ?5, caller_phone = ?6,
                 caller_phone_digits = ?7, business_id = ?8, content = ?9, outcome = ?10,
                 row_version = row_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')
             WHERE id = ?1 AND row_version = ?2",
        )?
        .execute(params![
            id,
            row_version,
            c.received_on,
            c.channel,
            c.caller_name,
            c.caller_phone,
            phone_digits(&c.caller_phone),
            c.business_id,
            c.content,
            c.outcome
        ])?;
    if n == 1 {
        crate::store::search::reindex_record(conn, crate::store::search::Kind::Consultation, id)?;
    }
    Ok(n == 1)
}
