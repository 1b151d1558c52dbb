//! What an import needs from the database: finding the records a row may already be (so a file imported
//! twice adds its rows once) and inserting an application under the number the desk's sheet gives it.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::fold::fold;
use crate::domain::model::{DispatchNumber, DispatchStatus, VenueKind};
use crate::domain::parse::phone_digits;
use crate::domain::records::NewDispatch;

/// A business already registered as this row: the same corporate number, or the same folded name and the same
/// phone digits.
pub fn find_business(
    conn: &Connection,
    name: &str,
    phone: &str,
    corporate_number: Option<&str>,
) -> Result<Option<i64>> {
    if let Some(number) = corporate_number {
        let found = conn
            .prepare_cached("SELECT id FROM business WHERE corporate_number = ?1 AND merged_into_id IS NULL LIMIT 1")?
            .query_row([number], |r| r.get(0))
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    find_by_name_and_phone(conn, "business", name, phone)
}

/// The only business of this folded name (None when there is none, or several: then the phone tells them apart).
pub fn only_business_named(conn: &Connection, name: &str) -> Result<Option<i64>> {
    let mut st = conn.prepare_cached(
        "SELECT t.id FROM business t JOIN search_entry s ON s.kind = 'business' AND s.record_id = t.id
             AND s.field = 'name'
         WHERE s.folded = ?1 AND t.merged_into_id IS NULL LIMIT 2",
    )?;
    let ids: Vec<i64> = st.query_map([fold(name)], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(if ids.len() == 1 { ids.first().copied() } else { None })
}

/// An expert already on the roster as this row: the same folded name and the same phone digits.
pub fn find_expert(conn: &Connection, name: &str, phone: &str) -> Result<Option<i64>> {
    find_by_name_and_phone(conn, "expert", name, phone)
}

fn find_by_name_and_phone(conn: &Connection, table: &str, name: &str, phone: &str) -> Result<Option<i64>> {
    let merged = if table == "business" { "AND t.merged_into_id IS NULL" } else { "" };
    let sql = format!(
        "SELECT t.id FROM {table} t JOIN search_entry s ON s.kind = ?1 AND s.record_id = t.id AND s.field = 'name'
         WHERE s.folded = ?2 AND t.phone_digits = ?3 {merged} ORDER BY t.id LIMIT 1"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row(params![table, fold(name), phone_digits(phone)], |r| r.get(0))
        .optional()?)
}

/// Whether an application of this number exists.
pub fn dispatch_exists(conn: &Connection, number: DispatchNumber) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM dispatch WHERE fiscal_year = ?1 AND seq = ?2")?
        .query_row(params![number.fiscal_year, number.seq], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Whether the business already has an application received that day on that theme (a sheet without numbers).
pub fn same_application_exists(conn: &Connection, business_id: i64, received_on: NaiveDate, theme: u8) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM dispatch WHERE business_id = ?1 AND received_on = ?2 AND theme = ?3 LIMIT 1")?
        .query_row(params![business_id, received_on, theme], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Inserts a received application under the number the sheet gives it, keeping the year's counter above it.
pub fn insert_numbered_dispatch(conn: &Connection, d: &NewDispatch, seq: u32) -> Result<i64> {
    let id = crate::store::dispatches::insert_row(conn, d, seq)?;
    conn.prepare_cached(
        "INSERT INTO dispatch_counter (fiscal_year, last_seq) VALUES (?1, ?2)
         ON CONFLICT (fiscal_year) DO UPDATE SET last_seq = MAX(last_seq, ?2)",
    )?
    .execute(params![d.fiscal_year, seq])?;
    Ok(id)
}

/// An application visits are imported into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VisitTarget {
    /// Its id.
    pub id: i64,
    /// Its status.
    pub status: DispatchStatus,
    /// Its assigned expert.
    pub expert_id: Option<i64>,
}

/// The application of this number, for importing its visits.
pub fn visit_target(conn: &Connection, number: DispatchNumber) -> Result<Option<VisitTarget>> {
    Ok(conn
        .prepare_cached("SELECT d.id, d.status, d.expert_id FROM dispatch d WHERE d.fiscal_year = ?1 AND d.seq = ?2")?
        .query_row(params![number.fiscal_year, number.seq], |r| {
            let status: String = r.get(1)?;
            Ok((r.get(0)?, status, r.get(2)?))
        })
        .optional()?
        .and_then(|(id, status, expert_id)| {
            DispatchStatus::from_code(&status).map(|status| VisitTarget { id, status, expert_id })
        }))
}

/// Whether the application already has a visit on this day starting at this minute.
pub fn visit_exists(conn: &Connection, dispatch_id: i64, date: NaiveDate, start_min: u16) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM visit WHERE dispatch_id = ?1 AND visit_date = ?2 AND start_min = ?3")?
        .exists(params![dispatch_id, date.to_string(), start_min])?)
}

/// The one expert of this folded name, if only one has it.
pub fn only_expert_named(conn: &Connection, name: &str) -> Result<Option<i64>> {
    let mut st = conn.prepare_cached(
        "SELECT s.record_id FROM search_entry s WHERE s.kind = 'expert' AND s.field = 'name' AND s.folded = ?1",
    )?;
    let ids: Vec<i64> = st.query_map([fold(name)], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(if ids.len() == 1 { ids.first().copied() } else { None })
}

/// The events held on a day that a Form 4 claim may be for: (id, title, venue kind).
pub fn events_on(conn: &Connection, date: NaiveDate) -> Result<Vec<(i64, String, VenueKind)>> {
    let mut st = conn.prepare_cached(
        "SELECT id, title, venue_kind FROM event WHERE event_date = ?1 AND status <> 'cancelled' ORDER BY id",
    )?;
    let rows = st.query_map([date.to_string()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether the event already has a claim of this amount made on this day.
pub fn claim_exists(conn: &Connection, event_id: i64, amount_yen: i64, claimed_on: NaiveDate) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM claim WHERE event_id = ?1 AND amount_yen = ?2 AND claimed_on = ?3")?
        .exists(params![event_id, amount_yen, claimed_on.to_string()])?)
}
