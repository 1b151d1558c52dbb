//! Organisations, their staff, the desk's staff, areas and municipalities.

use anyhow::Result;
use rusqlite::{Connection, params};

use crate::domain::records::{NewDeskStaff, NewOrganisation, NewOrganisationStaff};

/// Inserts an organisation and the municipalities it covers; returns its id.
pub fn insert(conn: &Connection, o: &NewOrganisation) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO organisation (kind, name, reading, municipality_id, address, phone, source)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![o.kind, o.name, o.reading, o.municipality_id, o.address, o.phone, o.source])?;
    let id = conn.last_insert_rowid();
    let fields = [("name", o.name.as_str()), ("reading", o.reading.as_str()), ("phone", o.phone.as_str())];
    crate::store::search::index(conn, crate::store::search::Kind::Organisation, id, &fields)?;
    for m in &o.covers {
        conn.prepare_cached(
            "INSERT OR IGNORE INTO organisation_municipality (organisation_id, municipality_id) VALUES (?1, ?2)",
        )?
        .execute(params![id, m])?;
    }
    Ok(id)
}

/// Inserts a member of a chamber's staff; returns the id.
pub fn insert_staff(conn: &Connection, s: &NewOrganisationStaff) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO organisation_staff (organisation_id, name, reading, role) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![s.organisation_id, s.name, s.reading, s.role])?;
    Ok(conn.last_insert_rowid())
}

/// Inserts a member of the desk's staff; returns the id.
pub fn insert_desk_staff(conn: &Connection, s: &NewDeskStaff) -> Result<i64> {
    conn.prepare_cached("INSERT INTO desk_staff (name, reading, role) VALUES (?1, ?2, ?3)")?
        .execute(params![s.name, s.reading, s.role])?;
    Ok(conn.last_insert_rowid())
}

/// A municipality as the reference data holds it.
#[derive(Debug, Clone)]
pub struct Municipality {
    /// Row id.
    pub id: i64,
    /// Local government code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Reading.
    pub reading: String,
    /// `city`, `town` or `village`.
    pub kind: String,
    /// Area name.
    pub area: Option<String>,
}

/// All municipalities (45 rows: small enough to hold), in code order.
pub fn municipalities(conn: &Connection) -> Result<Vec<Municipality>> {
    let mut st = conn.prepare(
        "SELECT m.id, m.code, m.name, m.reading, m.kind, a.name FROM municipality m
         LEFT JOIN area a ON a.id = m.area_id ORDER BY m.code",
    )?;
    let rows = st.query_map([], |r| {
        Ok(Municipality {
            id: r.get(0)?,
            code: r.get(1)?,
            name: r.get(2)?,
            reading: r.get(3)?,
            kind: r.get(4)?,
            area: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The id of the federation (the desk's parent), which organises the desk's own events.
pub fn federation_id(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT id FROM organisation WHERE kind = 'federation' ORDER BY id LIMIT 1", [], |r| r.get(0))?)
}

/// The municipality a desk worker typed: its exact name, or the name without 市/町/村 (阿蘇 → 阿蘇市).
pub fn municipality_by_name(conn: &Connection, name: &str) -> Result<Option<i64>> {
    use rusqlite::OptionalExtension;
    let name = name.trim();
    Ok(conn
        .prepare_cached(
            "SELECT id FROM municipality WHERE name = ?1 OR name IN (?1 || '市', ?1 || '町', ?1 || '村') ORDER BY length(name) LIMIT 1",
        )?
        .query_row([name], |r| r.get(0))
        .optional()?)
}
