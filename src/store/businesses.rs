//! Businesses (事業者).

use anyhow::Result;
use rusqlite::{Connection, params};

use crate::domain::parse::phone_digits;
use crate::domain::records::NewBusiness;

/// Inserts a business; returns its id.
pub fn insert(conn: &Connection, b: &NewBusiness) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO business (name, reading, legal_form, corporate_number, industry, capital_yen, employees,
             municipality_id, address, phone, phone_digits, representative, chamber_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        b.name,
        b.reading,
        b.legal_form,
        b.corporate_number,
        b.industry,
        b.capital_yen,
        b.employees,
        b.municipality_id,
        b.address,
        b.phone,
        phone_digits(&b.phone),
        b.representative,
        b.chamber_id
    ])?;
    let id = conn.last_insert_rowid();
    crate::store::search::index_business(conn, id, &b.name, &b.reading, &b.phone, &b.representative)?;
    Ok(id)
}

/// Businesses that may be the same as a new one: the same folded name (㈱/株式会社, kana, variant kanji
/// folded) or the same phone digits. At most `limit`, as (id, name and phone).
pub fn possible_duplicates(conn: &Connection, name: &str, phone: &str, limit: usize) -> Result<Vec<(i64, String)>> {
    let folded = crate::domain::fold::fold(name);
    let digits = phone_digits(phone);
    let mut st = conn.prepare_cached(
        "SELECT b.id, b.name || CASE WHEN b.phone <> '' THEN '  ' || b.phone ELSE '' END FROM business b
         WHERE b.merged_into_id IS NULL AND (
             b.id IN (SELECT record_id FROM search_entry WHERE kind = 'business' AND field = 'name' AND folded = ?1)
             OR (length(?2) >= 6 AND b.phone_digits = ?2))
         ORDER BY b.id LIMIT ?3",
    )?;
    let rows = st.query_map(params![folded, digits, limit as i64], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
