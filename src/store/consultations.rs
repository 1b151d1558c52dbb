//! Desk consultations (窓口相談).

use anyhow::Result;
use rusqlite::{Connection, params};

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
    Ok(conn.last_insert_rowid())
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

/// Most businesses a text filter considers (the best matches first), as in the applications list.
const TEXT_FILTER_BUSINESSES: usize = 500;

/// The consultations of a fiscal year matching a typed filter: the business found through the lookup index,
/// or the caller's name, phone or the content containing the text, folded the same way (kana, width, case).
/// None: no filter (all of them).
fn matching(conn: &Connection, fiscal_year: i32, text: &str) -> Result<Option<Vec<i64>>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let businesses =
        crate::store::search::find(conn, crate::store::search::Kind::Business, text, TEXT_FILTER_BUSINESSES)?;
    let queries = crate::domain::fold::fold_query(text);
    let digits = crate::domain::fold::digits_only(text);
    let mut st = conn.prepare_cached(
        "SELECT id, business_id, caller_name, caller_phone_digits, content FROM desk_consultation WHERE fiscal_year = ?1",
    )?;
    let mut rows = st.query([fiscal_year])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let business: Option<i64> = r.get(1)?;
        let phone: String = r.get(3)?;
        let hit =
            business.is_some_and(|b| businesses.contains(&b)) || (digits.len() >= 3 && phone.contains(&digits)) || {
                let folded =
                    crate::domain::fold::fold(&format!("{}\n{}", r.get::<_, String>(2)?, r.get::<_, String>(4)?));
                queries.iter().any(|q| folded.contains(q.as_str()))
            };
        if hit {
            out.push(r.get(0)?);
        }
    }
    Ok(Some(out))
}

/// The WHERE clause of the list (on `desk_consultation c`): the fiscal year, and the matching ids when a filter
/// is typed; the frequency tables count by it too.
pub fn condition(conn: &Connection, fiscal_year: i32, text: &str) -> Result<String> {
    let mut sql = format!("c.fiscal_year = {fiscal_year}");
    if let Some(ids) = matching(conn, fiscal_year, text)? {
        let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
        sql.push_str(&format!(" AND c.id IN ({})", ids.join(",")));
    }
    Ok(sql)
}

/// Number of consultations of a fiscal year matching the filter text (all when empty).
pub fn count(conn: &Connection, fiscal_year: i32, text: &str) -> Result<usize> {
    let sql = format!("SELECT COUNT(*) FROM desk_consultation c WHERE {}", condition(conn, fiscal_year, text)?);
    Ok(conn.prepare_cached(&sql)?.query_row([], |r| r.get::<_, i64>(0))? as usize)
}

/// One page of the consultations matching the filter text, newest first.
pub fn page(
    conn: &Connection,
    fiscal_year: i32,
    text: &str,
    offset: usize,
    limit: usize,
) -> Result<Vec<ConsultationRow>> {
    let sql = format!(
        "SELECT c.id, c.received_on, c.channel, c.caller_name, b.name, c.content, c.outcome, d.fiscal_year, d.seq
         FROM desk_consultation c LEFT JOIN business b ON b.id = c.business_id
         LEFT JOIN dispatch d ON d.id = c.dispatch_id
         WHERE {} ORDER BY c.received_on DESC, c.id DESC LIMIT ?1 OFFSET ?2",
        condition(conn, fiscal_year, text)?
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params![limit as i64, offset as i64], |r| {
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
    Ok(n == 1)
}
