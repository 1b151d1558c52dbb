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

/// Links a consultation to the dispatch application it became.
pub fn link_dispatch(conn: &Connection, id: i64, dispatch_id: i64) -> Result<()> {
    conn.execute(
        "UPDATE desk_consultation SET dispatch_id = ?2, outcome = 'dispatch', row_version = row_version + 1 WHERE id = ?1",
        params![id, dispatch_id],
    )?;
    Ok(())
}
