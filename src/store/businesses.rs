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
