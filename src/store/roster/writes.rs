//! The roster's writes, each run inside one action by the caller (`Store::act_if`): create, edit, retire and
//! delete experts, their relations to businesses, assigning an expert to an application (R-D5 grounds 1, 2 need a
//! recorded reason), and editing a business. A refusal writes nothing.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::fold::fold;
use crate::domain::model::{DispatchStatus, LegalForm};
use crate::domain::parse::phone_digits;
use crate::domain::records::{NewExpert, NewRelation};
use crate::domain::rules::RuleId;
use crate::domain::rules::dispatch::relation_conflicts;
use crate::store::organisations::municipality_by_name;
use crate::store::search::{Kind, reindex_record};
use crate::store::workflow::{Outcome, Refusal, missing_or_changed};
use crate::store::{dispatches, experts};

/// Experts that may be the same person as `name` + `phone`: the same folded name (as in the lookup) or the same
/// phone digits; `except` is the expert being edited. At most `limit`, as (id, name and phone).
pub fn possible_duplicate_experts(
    conn: &Connection,
    name: &str,
    phone: &str,
    except: Option<i64>,
    limit: usize,
) -> Result<Vec<(i64, String)>> {
    let digits = phone_digits(phone);
    let mut st = conn.prepare_cached(
        "SELECT e.id, e.name || CASE WHEN e.phone <> '' THEN '  ' || e.phone ELSE '' END FROM expert e
         WHERE e.id IS NOT ?4 AND (
             e.id IN (SELECT record_id FROM search_entry WHERE kind = 'expert' AND field = 'name' AND folded = ?1)
             OR (length(?2) >= 6 AND e.phone_digits = ?2))
         ORDER BY e.id LIMIT ?3",
    )?;
    let rows = st.query_map(params![fold(name), digits, limit as i64, except], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Resolves a typed municipality name (empty: none).
fn municipality(conn: &Connection, name: &str) -> Result<Outcome<Option<i64>>> {
    match name.trim() {
        "" => Ok(Ok(None)),
        name => {
            Ok(municipality_by_name(conn, name)?.map(Some).ok_or_else(|| Refusal::UnknownMunicipality(name.into())))
        }
    }
}

/// Registers an expert (refused as a possible duplicate unless `allow_duplicate`); returns the id.
pub fn create_expert(
    conn: &Connection,
    e: &NewExpert,
    municipality_name: &str,
    allow_duplicate: bool,
) -> Result<Outcome<i64>> {
    let municipality_id = match municipality(conn, municipality_name)? {
        Ok(m) => m,
        Err(r) => return Ok(Err(r)),
    };
    if !allow_duplicate {
        let dups = possible_duplicate_experts(conn, &e.name, &e.phone, None, 5)?;
        if !dups.is_empty() {
            return Ok(Err(Refusal::PossibleDuplicates(dups)));
        }
    }
    Ok(Ok(experts::insert(conn, &NewExpert { municipality_id, ..e.clone() })?))
}

/// Saves an edited expert unless it changed since `row_version` was read; the themes are replaced.
pub fn update_expert(
    conn: &Connection,
    id: i64,
    row_version: i64,
    e: &NewExpert,
    municipality_name: &str,
    allow_duplicate: bool,
) -> Result<Outcome<()>> {
    let municipality_id = match municipality(conn, municipality_name)? {
        Ok(m) => m,
        Err(r) => return Ok(Err(r)),
    };
    if !allow_duplicate {
        let dups = possible_duplicate_experts(conn, &e.name, &e.phone, Some(id), 5)?;
        if !dups.is_empty() {
            return Ok(Err(Refusal::PossibleDuplicates(dups)));
        }
    }
    let n = conn
        .prepare_cached(
            "UPDATE expert SET name = ?3, reading = ?4, affiliation = ?5, qualifications = ?6, keywords = ?7,
                 phone = ?8, phone_digits = ?9, email = ?10, municipality_id = ?11, is_corporation = ?12,
                 row_version = row_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')
             WHERE id = ?1 AND row_version = ?2",
        )?
        .execute(params![
            id,
            row_version,
            e.name,
            e.reading,
            e.affiliation,
            e.qualifications,
            e.keywords,
            e.phone,
            phone_digits(&e.phone),
            e.email,
            municipality_id,
            e.is_corporation
        ])?;
    if n != 1 {
        return Ok(Err(missing_or_changed(conn, "expert", id)?));
    }
    let current: Vec<u8> = conn
        .prepare_cached("SELECT theme FROM expert_theme WHERE expert_id = ?1")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for t in current.iter().filter(|t| !e.themes.contains(t)) {
        conn.prepare_cached("DELETE FROM expert_theme WHERE expert_id = ?1 AND theme = ?2")?.execute(params![id, t])?;
    }
    for t in e.themes.iter().filter(|t| !current.contains(t)) {
        conn.prepare_cached("INSERT INTO expert_theme (expert_id, theme) VALUES (?1, ?2)")?.execute(params![id, t])?;
    }
    reindex_record(conn, Kind::Expert, id)?;
    Ok(Ok(()))
}

/// Retires an expert on `on` (None: back on the roster). Retired experts stay for history and drop out of "find".
pub fn retire_expert(conn: &Connection, id: i64, on: Option<NaiveDate>) -> Result<Outcome<()>> {
    let n = conn
        .prepare_cached(
            "UPDATE expert SET retired_on = ?2, row_version = row_version + 1,
                 updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime') WHERE id = ?1",
        )?
        .execute(params![id, on])?;
    Ok(if n == 1 { Ok(()) } else { Err(Refusal::Missing) })
}

/// What keeps an expert from being deleted: the records that name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct History {
    /// Applications recommending or assigned to the expert.
    pub applications: u32,
    /// Visits.
    pub visits: u32,
    /// Events and consultation-day bookings.
    pub events: u32,
    /// Honoraria and travel payments.
    pub payments: u32,
}

impl History {
    /// Whether anything names the expert.
    pub fn any(&self) -> bool {
        self.applications + self.visits + self.events + self.payments > 0
    }
}

/// Deletes an expert with no history (their themes, relations and index rows go with them); an expert with
/// history is refused with what names them (retire instead). Ok(None): no such expert.
pub fn delete_expert(conn: &Connection, id: i64) -> Result<std::result::Result<Option<()>, History>> {
    let h = conn.query_row(
        "SELECT (SELECT COUNT(*) FROM dispatch WHERE expert_id = ?1 OR recommended_expert_id = ?1),
                (SELECT COUNT(*) FROM visit WHERE expert_id = ?1),
                (SELECT COUNT(*) FROM event_expert WHERE expert_id = ?1) + (SELECT COUNT(*) FROM booking WHERE expert_id = ?1),
                (SELECT COUNT(*) FROM payment WHERE expert_id = ?1)",
        [id],
        |r| Ok(History { applications: r.get(0)?, visits: r.get(1)?, events: r.get(2)?, payments: r.get(3)? }),
    )?;
    if h.any() {
        return Ok(Err(h));
    }
    conn.execute("DELETE FROM expert_theme WHERE expert_id = ?1", [id])?;
    conn.execute("DELETE FROM expert_relation WHERE expert_id = ?1", [id])?;
    let n = conn.execute("DELETE FROM expert WHERE id = ?1", [id])?;
    reindex_record(conn, Kind::Expert, id)?;
    Ok(Ok((n == 1).then_some(())))
}

/// Records a relation of an expert to a business (R-D5 grounds 1, 2); returns its id.
pub fn add_relation(conn: &Connection, r: &NewRelation) -> Result<i64> {
    experts::insert_relation(conn, r)
}

/// Changes a relation's dates and note; giving it an end date ends it (kept for history: a dispatch received
/// before that date still conflicts).
pub fn update_relation(
    conn: &Connection,
    id: i64,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
    note: &str,
) -> Result<Outcome<()>> {
    let n = conn
        .prepare_cached(
            "UPDATE expert_relation SET from_date = ?2, until_date = ?3, note = ?4, row_version = row_version + 1,
                 updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime') WHERE id = ?1",
        )?
        .execute(params![id, from, until, note])?;
    Ok(if n == 1 { Ok(()) } else { Err(Refusal::Missing) })
}

/// Deletes a relation recorded by mistake.
pub fn delete_relation(conn: &Connection, id: i64) -> Result<Outcome<()>> {
    let n = conn.execute("DELETE FROM expert_relation WHERE id = ?1", [id])?;
    Ok(if n == 1 { Ok(()) } else { Err(Refusal::Missing) })
}

/// Statuses in which an application may be given an expert (before any visit).
const ASSIGNABLE: &[DispatchStatus] =
    &[DispatchStatus::Received, DispatchStatus::UnderReview, DispatchStatus::Approved];

/// Assigns an active expert to an application. When the expert is related to the applicant (R-D5 grounds 1, 2)
/// the assignment needs a reason, recorded as an R-D5 override (who, when, why); without one it is refused with
/// the findings.
pub fn assign(conn: &Connection, dispatch_id: i64, expert_id: i64, reason: &str, staff: &str) -> Result<Outcome<()>> {
    let Some(case) = super::experts::case(conn, dispatch_id)? else { return Ok(Err(Refusal::Missing)) };
    if !ASSIGNABLE.contains(&case.status) {
        return Ok(Err(Refusal::WrongStatus(case.status)));
    }
    let active: Option<bool> =
        conn.query_row("SELECT retired_on IS NULL FROM expert WHERE id = ?1", [expert_id], |r| r.get(0)).optional()?;
    if active != Some(true) {
        return Ok(Err(Refusal::Missing));
    }
    let relations = super::experts::relations_with(conn, expert_id, case.business_id)?;
    let conflicts = relation_conflicts(&relations, case.received_on);
    if !conflicts.is_empty() && reason.trim().is_empty() {
        return Ok(Err(Refusal::Findings(conflicts)));
    }
    dispatches::assign_expert(conn, dispatch_id, expert_id)?;
    if !conflicts.is_empty() {
        dispatches::insert_override(conn, RuleId::D5, "dispatch", dispatch_id, reason.trim(), staff)?;
    }
    Ok(Ok(()))
}

/// The editable facts of a business.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BusinessEdit {
    /// Name.
    pub name: String,
    /// Reading.
    pub reading: String,
    /// Legal form.
    pub legal_form: Option<LegalForm>,
    /// 法人番号 (13 digits, checked).
    pub corporate_number: Option<String>,
    /// Municipality as typed.
    pub municipality: String,
    /// Address.
    pub address: String,
    /// Phone.
    pub phone: String,
    /// Representative.
    pub representative: String,
}

/// Businesses other than `id` that may be the same: folded name, phone digits or 法人番号.
pub fn possible_duplicate_businesses(conn: &Connection, id: i64, b: &BusinessEdit) -> Result<Vec<(i64, String)>> {
    let mut out: Vec<(i64, String)> = crate::store::businesses::possible_duplicates(conn, &b.name, &b.phone, 6)?
        .into_iter()
        .filter(|d| d.0 != id)
        .collect();
    if let Some(n) = &b.corporate_number {
        let mut st = conn.prepare_cached(
            "SELECT id, name || '  ' || corporate_number FROM business
             WHERE corporate_number = ?1 AND id <> ?2 AND merged_into_id IS NULL LIMIT 5",
        )?;
        for row in st.query_map(params![n, id], |r| Ok((r.get(0)?, r.get(1)?)))? {
            let row: (i64, String) = row?;
            if !out.iter().any(|d| d.0 == row.0) {
                out.push(row);
            }
        }
    }
    Ok(out)
}

/// Saves an edited business unless it changed since read; warns of possible duplicates unless `allow_duplicate`.
pub fn update_business(
    conn: &Connection,
    id: i64,
    row_version: i64,
    b: &BusinessEdit,
    allow_duplicate: bool,
) -> Result<Outcome<()>> {
    let municipality_id = match municipality(conn, &b.municipality)? {
        Ok(m) => m,
        Err(r) => return Ok(Err(r)),
    };
    if !allow_duplicate {
        let dups = possible_duplicate_businesses(conn, id, b)?;
        if !dups.is_empty() {
            return Ok(Err(Refusal::PossibleDuplicates(dups)));
        }
    }
    let n = conn
        .prepare_cached(
            "UPDATE business SET name = ?3, reading = ?4, legal_form = ?5, corporate_number = ?6,
                 municipality_id = ?7, address = ?8, phone = ?9, phone_digits = ?10, representative = ?11,
                 row_version = row_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')
             WHERE id = ?1 AND row_version = ?2",
        )?
        .execute(params![
            id,
            row_version,
            b.name,
            b.reading,
            b.legal_form,
            b.corporate_number,
            municipality_id,
            b.address,
            b.phone,
            phone_digits(&b.phone),
            b.representative
        ])?;
    if n != 1 {
        return Ok(Err(missing_or_changed(conn, "business", id)?));
    }
    reindex_record(conn, Kind::Business, id)?;
    Ok(Ok(()))
}
