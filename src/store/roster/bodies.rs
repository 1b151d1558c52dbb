//! The roster's writes on businesses as a whole and on organisations: merging a duplicate business into another
//! (all history of both is kept under the one that stays), organisations added, edited and retired (a merger of
//! two 商工会 keeps the history under the old names), their staff, and the areas municipalities belong to.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::model::{OrganisationKind, StaffRole};
use crate::domain::records::{NewOrganisation, NewOrganisationStaff};
use crate::store::organisations::{self, municipality_by_name};
use crate::store::search::{self, Kind};
use crate::store::workflow::{Outcome, Refusal};

/// The tables and columns that name a business.
const BUSINESS_REFERENCES: &[(&str, &str)] = &[
    ("desk_consultation", "business_id"),
    ("dispatch", "business_id"),
    ("participant", "business_id"),
    ("booking", "business_id"),
    ("expert_relation", "business_id"),
];

/// Merges business `from` into `into`: every record naming `from` names `into` afterwards, and `from` is kept,
/// marked as merged (it leaves the lists and the lookup). Refused when either is missing or already merged.
pub fn merge_business(conn: &Connection, from: i64, into: i64) -> Result<Outcome<()>> {
    let live = |id: i64| -> Result<bool> {
        Ok(conn
            .query_row("SELECT merged_into_id IS NULL FROM business WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .unwrap_or(false))
    };
    if from == into || !live(from)? || !live(into)? {
        return Ok(Err(Refusal::Missing));
    }
    for (table, column) in BUSINESS_REFERENCES {
        // Row by row, so each changed row gets its audit row (and undo can put it back).
        let ids: Vec<i64> = conn
            .prepare_cached(&format!("SELECT id FROM {table} WHERE {column} = ?1"))?
            .query_map([from], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in ids {
            conn.prepare_cached(&format!(
                "UPDATE {table} SET {column} = ?2, row_version = row_version + 1 WHERE id = ?1"
            ))?
            .execute(params![id, into])?;
        }
    }
    conn.prepare_cached(
        "UPDATE business SET merged_into_id = ?2, row_version = row_version + 1,
             updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime') WHERE id = ?1",
    )?
    .execute(params![from, into])?;
    search::reindex_record(conn, Kind::Business, from)?;
    Ok(Ok(()))
}

/// The editable facts of an organisation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrganisationEdit {
    /// Kind (only for a new organisation).
    pub kind: Option<OrganisationKind>,
    /// Name.
    pub name: String,
    /// Reading.
    pub reading: String,
    /// Seat municipality as typed.
    pub municipality: String,
    /// Address.
    pub address: String,
    /// Phone.
    pub phone: String,
    /// E-mail.
    pub email: String,
}

fn municipality(conn: &Connection, name: &str) -> Result<Outcome<Option<i64>>> {
    match name.trim() {
        "" => Ok(Ok(None)),
        name => {
            Ok(municipality_by_name(conn, name)?.map(Some).ok_or_else(|| Refusal::UnknownMunicipality(name.into())))
        }
    }
}

/// Adds an organisation (covering its seat's municipality); returns its id.
pub fn create_organisation(conn: &Connection, o: &OrganisationEdit) -> Result<Outcome<i64>> {
    let municipality_id = match municipality(conn, &o.municipality)? {
        Ok(m) => m,
        Err(r) => return Ok(Err(r)),
    };
    let id = organisations::insert(
        conn,
        &NewOrganisation {
            kind: o.kind.unwrap_or(OrganisationKind::Other),
            name: o.name.clone(),
            reading: o.reading.clone(),
            municipality_id,
            covers: municipality_id.into_iter().collect(),
            address: o.address.clone(),
            phone: o.phone.clone(),
            source: "desk",
        },
    )?;
    if !o.email.is_empty() {
        conn.execute("UPDATE organisation SET email = ?2 WHERE id = ?1", params![id, o.email])?;
    }
    Ok(Ok(id))
}

/// Saves an edited (renamed) organisation unless it changed since read; the lookup index follows.
pub fn update_organisation(conn: &Connection, id: i64, row_version: i64, o: &OrganisationEdit) -> Result<Outcome<()>> {
    let municipality_id = match municipality(conn, &o.municipality)? {
        Ok(m) => m,
        Err(r) => return Ok(Err(r)),
    };
    let n = conn
        .prepare_cached(
            "UPDATE organisation SET name = ?3, reading = ?4, municipality_id = ?5, address = ?6, phone = ?7,
                 email = ?8, row_version = row_version + 1,
                 updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')
             WHERE id = ?1 AND row_version = ?2",
        )?
        .execute(params![id, row_version, o.name, o.reading, municipality_id, o.address, o.phone, o.email])?;
    if n != 1 {
        return Ok(Err(crate::store::workflow::missing_or_changed(conn, "organisation", id)?));
    }
    search::reindex_record(conn, Kind::Organisation, id)?;
    Ok(Ok(()))
}

/// Retires an organisation on `on`, merged into `into` if given (its history keeps the old name).
pub fn retire_organisation(conn: &Connection, id: i64, on: NaiveDate, into: Option<i64>) -> Result<Outcome<()>> {
    if into == Some(id) {
        return Ok(Err(Refusal::Missing));
    }
    let n = conn
        .prepare_cached(
            "UPDATE organisation SET retired_on = ?2, merged_into_id = ?3, row_version = row_version + 1,
                 updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime') WHERE id = ?1",
        )?
        .execute(params![id, on, into])?;
    Ok(if n == 1 { Ok(()) } else { Err(Refusal::Missing) })
}

/// Adds a member of an organisation's staff; returns the id.
pub fn add_staff(
    conn: &Connection,
    organisation_id: i64,
    name: &str,
    reading: &str,
    role: StaffRole,
    phone: &str,
) -> Result<i64> {
    let id = organisations::insert_staff(
        conn,
        &NewOrganisationStaff { organisation_id, name: name.into(), reading: reading.into(), role },
    )?;
    if !phone.is_empty() {
        conn.execute("UPDATE organisation_staff SET phone = ?2 WHERE id = ?1", params![id, phone])?;
    }
    Ok(id)
}

/// Retires a member of an organisation's staff on `on`, or puts them back (None). Retired staff leave the
/// organisation's current staff (its count on the list, its pickers) and keep their place on every visit and
/// application that names them.
pub fn retire_staff(conn: &Connection, id: i64, on: Option<NaiveDate>) -> Result<Outcome<()>> {
    let n = conn
        .prepare_cached(
            "UPDATE organisation_staff SET retired_on = ?2, row_version = row_version + 1,
                 updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime') WHERE id = ?1",
        )?
        .execute(params![id, on])?;
    Ok(if n == 1 { Ok(()) } else { Err(Refusal::Missing) })
}

/// Sets the municipalities an organisation covers to `names` (as typed: 阿蘇 finds 阿蘇市): those no longer named
/// are removed and new ones added, row by row so each change has its audit row. Refused with the first name that
/// is not a municipality, changing nothing.
pub fn set_covers(conn: &Connection, organisation_id: i64, names: &[String]) -> Result<Outcome<()>> {
    let mut wanted: Vec<i64> = Vec::new();
    for name in names {
        match municipality_by_name(conn, name)? {
            Some(id) => wanted.push(id),
            None => return Ok(Err(Refusal::UnknownMunicipality(name.trim().into()))),
        }
    }
    let exists: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM organisation WHERE id = ?1)", [organisation_id], |r| r.get(0))?;
    if !exists {
        return Ok(Err(Refusal::Missing));
    }
    let current: Vec<(i64, i64)> = conn
        .prepare_cached("SELECT id, municipality_id FROM organisation_municipality WHERE organisation_id = ?1")?
        .query_map([organisation_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (row, municipality) in &current {
        if !wanted.contains(municipality) {
            conn.prepare_cached("DELETE FROM organisation_municipality WHERE id = ?1")?.execute([row])?;
        }
    }
    for m in wanted {
        conn.prepare_cached(
            "INSERT OR IGNORE INTO organisation_municipality (organisation_id, municipality_id) VALUES (?1, ?2)",
        )?
        .execute(params![organisation_id, m])?;
    }
    Ok(Ok(()))
}

/// Puts a municipality into an area (created when the name is new): the areas are the desk's own grouping.
pub fn set_area(conn: &Connection, municipality_name: &str, area: &str) -> Result<Outcome<()>> {
    let Some(m) = municipality_by_name(conn, municipality_name)? else {
        return Ok(Err(Refusal::UnknownMunicipality(municipality_name.trim().into())));
    };
    let area = area.trim();
    let existing: Option<i64> =
        conn.query_row("SELECT id FROM area WHERE name = ?1", [area], |r| r.get(0)).optional()?;
    let area_id = match existing {
        Some(id) => id,
        None => {
            conn.execute(
                "INSERT INTO area (name, sort) VALUES (?1, (SELECT COALESCE(MAX(sort), 0) + 1 FROM area))",
                [area],
            )?;
            conn.last_insert_rowid()
        }
    };
    conn.execute(
        "UPDATE municipality SET area_id = ?2, row_version = row_version + 1 WHERE id = ?1",
        params![m, area_id],
    )?;
    Ok(Ok(()))
}
