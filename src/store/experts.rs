//! Experts on the roster and their relations to businesses (R-D5).

use anyhow::Result;
use rusqlite::{Connection, params};

use crate::domain::parse::phone_digits;
use crate::domain::records::{NewExpert, NewRelation};

/// Inserts an expert with their themes; returns the id.
pub fn insert(conn: &Connection, e: &NewExpert) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO expert (name, reading, affiliation, qualifications, keywords, phone, phone_digits, email,
             municipality_id, is_corporation, retired_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        e.name,
        e.reading,
        e.affiliation,
        e.qualifications,
        e.keywords,
        e.phone,
        phone_digits(&e.phone),
        e.email,
        e.municipality_id,
        e.is_corporation,
        e.retired_on
    ])?;
    let id = conn.last_insert_rowid();
    let mut st = conn.prepare_cached("INSERT OR IGNORE INTO expert_theme (expert_id, theme) VALUES (?1, ?2)")?;
    for t in &e.themes {
        st.execute(params![id, t])?;
    }
    let fields = [&*e.name, &*e.reading, &*e.phone, &*e.keywords, &*e.qualifications, &*e.affiliation];
    crate::store::search::index_expert(conn, id, &fields)?;
    Ok(id)
}

/// Inserts a relation of an expert to a business; returns the id.
pub fn insert_relation(conn: &Connection, r: &NewRelation) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO expert_relation (expert_id, business_id, kind, from_date, until_date, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![r.expert_id, r.business_id, r.kind, r.from, r.until, r.note])?;
    Ok(conn.last_insert_rowid())
}
