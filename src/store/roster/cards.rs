//! Businesses and organisations on the roster: one page of each list, a business's card (カルテ) with its whole
//! history with the desk, and an organisation's card with its staff and the municipalities it covers.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};

use super::{Conditions, TEXT_FILTER_LIMIT, id_list};
use crate::domain::model::{DeskRole, DispatchNumber, IndustryCategory, LegalForm, OrganisationKind, StaffRole};
use crate::store::search::{self, Kind};

/// One row of the business or organisation list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordRow {
    /// Row id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Reading.
    pub reading: String,
    /// Municipality.
    pub municipality: String,
    /// Phone.
    pub phone: String,
    /// Business: legal form label code; organisation: kind code.
    pub kind: String,
    /// Business: applications in all; organisation: staff.
    pub count: u32,
    /// Retired (organisation) or merged into another (business).
    pub gone: bool,
}

fn text_condition(conn: &Connection, kind: Kind, alias: &str, text: &str, c: &mut Conditions) -> Result<()> {
    let text = text.trim();
    if !text.is_empty() {
        let ids = search::find(conn, kind, text, TEXT_FILTER_LIMIT)?;
        c.push(&format!("{alias}.id IN ({})", id_list(&ids)), vec![]);
    }
    Ok(())
}

/// The businesses `text` selects (all when empty; merged ones are left out).
fn business_conditions(conn: &Connection, text: &str) -> Result<(&'static str, Conditions)> {
    let mut c = Conditions::default();
    if text.trim().is_empty() {
        // The partial index in reading order answers the whole list, however deep the page.
        c.push("b.merged_into_id IS NULL", vec![]);
        Ok(("business b INDEXED BY business_current", c))
    } else {
        c.push("+b.merged_into_id IS NULL", vec![]); // `+`: the few matches are sorted, not walked in order
        text_condition(conn, Kind::Business, "b", text, &mut c)?;
        Ok(("business b", c))
    }
}

/// How many businesses match `text` (all when empty; merged ones are left out).
pub fn count_businesses(conn: &Connection, text: &str) -> Result<usize> {
    let (from, c) = business_conditions(conn, text)?;
    let sql = format!("SELECT COUNT(*) FROM {from} {}", c.clause());
    let n: i64 = conn.prepare_cached(&sql)?.query_row(params_from_iter(c.params.iter()), |r| r.get(0))?;
    Ok(n as usize)
}

/// One page of businesses in reading order.
pub fn businesses(conn: &Connection, text: &str, offset: usize, limit: usize) -> Result<Vec<RecordRow>> {
    let (from, mut c) = business_conditions(conn, text)?;
    let n = c.next();
    c.params.extend([Value::from(limit as i64), Value::from(offset as i64)]);
    // The page's ids first, then the facts of those rows only (SQLite computes the columns of rows skipped by
    // OFFSET too).
    let sql = format!(
        "SELECT b.id, b.name, b.reading, COALESCE(m.name, ''), b.phone, COALESCE(b.legal_form, ''),
             (SELECT COUNT(*) FROM dispatch d WHERE d.business_id = b.id), b.merged_into_id IS NOT NULL
         FROM (SELECT b.id AS pid FROM {from} {} ORDER BY b.reading, b.id LIMIT ?{n} OFFSET ?{}) p
         JOIN business b ON b.id = p.pid LEFT JOIN municipality m ON m.id = b.municipality_id
         ORDER BY b.reading, b.id",
        c.clause(),
        n + 1
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params_from_iter(c.params.iter()), record_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn record_row(r: &rusqlite::Row) -> rusqlite::Result<RecordRow> {
    Ok(RecordRow {
        id: r.get(0)?,
        name: r.get(1)?,
        reading: r.get(2)?,
        municipality: r.get(3)?,
        phone: r.get(4)?,
        kind: r.get(5)?,
        count: r.get(6)?,
        gone: r.get(7)?,
    })
}

/// How many organisations match `text`.
pub fn count_organisations(conn: &Connection, text: &str) -> Result<usize> {
    let mut c = Conditions::default();
    text_condition(conn, Kind::Organisation, "o", text, &mut c)?;
    let sql = format!("SELECT COUNT(*) FROM organisation o {}", c.clause());
    let n: i64 = conn.prepare_cached(&sql)?.query_row(params_from_iter(c.params.iter()), |r| r.get(0))?;
    Ok(n as usize)
}

/// One page of organisations: current ones first, by kind and reading.
pub fn organisations(conn: &Connection, text: &str, offset: usize, limit: usize) -> Result<Vec<RecordRow>> {
    let mut c = Conditions::default();
    text_condition(conn, Kind::Organisation, "o", text, &mut c)?;
    let n = c.next();
    c.params.extend([Value::from(limit as i64), Value::from(offset as i64)]);
    let sql = format!(
        "SELECT o.id, o.name, o.reading, COALESCE(m.name, ''), o.phone, o.kind,
             (SELECT COUNT(*) FROM organisation_staff s WHERE s.organisation_id = o.id AND s.retired_on IS NULL),
             o.retired_on IS NOT NULL
         FROM organisation o LEFT JOIN municipality m ON m.id = o.municipality_id
         {} ORDER BY o.retired_on IS NOT NULL, o.kind, o.reading, o.id LIMIT ?{n} OFFSET ?{}",
        c.clause(),
        n + 1
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params_from_iter(c.params.iter()), record_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What kind of contact with the desk a history line records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contact {
    /// A desk consultation (窓口相談).
    Consultation,
    /// A dispatch application (Form 1).
    Application,
    /// A visit of an application.
    Visit,
    /// A consultation-day booking.
    Booking,
    /// Seminar attendance.
    Seminar,
}

/// One line of a business's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryLine {
    /// Date.
    pub date: NaiveDate,
    /// Kind of contact.
    pub contact: Contact,
    /// Application number, event title or the consultation's content.
    pub what: String,
    /// Expert, or status code of an application.
    pub detail: String,
}

/// A business's card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusinessCard {
    /// Row id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Reading.
    pub reading: String,
    /// Legal form.
    pub legal_form: Option<LegalForm>,
    /// 法人番号.
    pub corporate_number: Option<String>,
    /// Industry.
    pub industry: Option<IndustryCategory>,
    /// Capital.
    pub capital_yen: Option<i64>,
    /// Employees.
    pub employees: Option<i64>,
    /// Municipality (name).
    pub municipality: Option<String>,
    /// Municipality code (R-E1: in the prefecture).
    pub municipality_code: Option<String>,
    /// Address.
    pub address: String,
    /// Phone.
    pub phone: String,
    /// Representative.
    pub representative: String,
    /// Chamber.
    pub chamber: Option<String>,
    /// Merged into this business (name), if it was a duplicate.
    pub merged_into: Option<String>,
    /// Row version.
    pub row_version: i64,
    /// The history with the desk, newest first (at most [`HISTORY_LIMIT`]).
    pub history: Vec<HistoryLine>,
}

/// Most history lines a business card holds.
pub const HISTORY_LIMIT: usize = 60;

/// The card of one business.
pub fn business_card(conn: &Connection, id: i64) -> Result<Option<BusinessCard>> {
    let card = conn
        .prepare_cached(
            "SELECT b.id, b.name, b.reading, b.legal_form, b.corporate_number, b.industry, b.capital_yen, b.employees,
                 m.name, b.address, b.phone, b.representative, o.name, mb.name, b.row_version, m.code
             FROM business b LEFT JOIN municipality m ON m.id = b.municipality_id
             LEFT JOIN organisation o ON o.id = b.chamber_id LEFT JOIN business mb ON mb.id = b.merged_into_id
             WHERE b.id = ?1",
        )?
        .query_row([id], |r| {
            Ok(BusinessCard {
                id: r.get(0)?,
                name: r.get(1)?,
                reading: r.get(2)?,
                legal_form: r.get(3)?,
                corporate_number: r.get(4)?,
                industry: r.get(5)?,
                capital_yen: r.get(6)?,
                employees: r.get(7)?,
                municipality: r.get(8)?,
                municipality_code: r.get(15)?,
                address: r.get(9)?,
                phone: r.get(10)?,
                representative: r.get(11)?,
                chamber: r.get(12)?,
                merged_into: r.get(13)?,
                row_version: r.get(14)?,
                history: Vec::new(),
            })
        })
        .optional()?;
    let Some(mut card) = card else { return Ok(None) };
    card.history = history(conn, id)?;
    Ok(Some(card))
}

fn history(conn: &Connection, id: i64) -> Result<Vec<HistoryLine>> {
    let mut st = conn.prepare_cached(
        "SELECT * FROM (
             SELECT c.received_on AS day, 0 AS k, NULL AS fy, NULL AS seq, c.content AS what, '' AS detail
             FROM desk_consultation c WHERE c.business_id = ?1
             UNION ALL
             SELECT d.received_on, 1, d.fiscal_year, d.seq, '', d.status FROM dispatch d WHERE d.business_id = ?1
             UNION ALL
             SELECT v.visit_date, 2, d.fiscal_year, d.seq, '', COALESCE(e.name, '')
             FROM dispatch d JOIN visit v ON v.dispatch_id = d.id LEFT JOIN expert e ON e.id = v.expert_id
             WHERE d.business_id = ?1
             UNION ALL
             SELECT ev.event_date, 3, NULL, NULL, ev.title, e.name
             FROM booking bk JOIN event ev ON ev.id = bk.event_id JOIN expert e ON e.id = bk.expert_id
             WHERE bk.business_id = ?1
             UNION ALL
             SELECT ev.event_date, 4, NULL, NULL, ev.title, CASE WHEN p.attended THEN 'attended' ELSE '' END
             FROM participant p JOIN event ev ON ev.id = p.event_id WHERE p.business_id = ?1)
         ORDER BY day DESC, k DESC LIMIT ?2",
    )?;
    let rows = st.query_map(params![id, HISTORY_LIMIT as i64], |r| {
        let contact = match r.get::<_, i64>(1)? {
            0 => Contact::Consultation,
            1 => Contact::Application,
            2 => Contact::Visit,
            3 => Contact::Booking,
            _ => Contact::Seminar,
        };
        let fy: Option<i32> = r.get(2)?;
        let seq: Option<u32> = r.get(3)?;
        let what = match fy.zip(seq) {
            Some((fiscal_year, seq)) => DispatchNumber { fiscal_year, seq }.to_string(),
            None => r.get(4)?,
        };
        Ok(HistoryLine { date: r.get(0)?, contact, what, detail: r.get(5)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A member of an organisation's staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffLine {
    /// Row id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Guidance or support officer.
    pub role: StaffRole,
    /// Phone.
    pub phone: String,
    /// Retired on.
    pub retired_on: Option<NaiveDate>,
}

/// An organisation's card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationCard {
    /// Row id.
    pub id: i64,
    /// Kind.
    pub kind: OrganisationKind,
    /// Name.
    pub name: String,
    /// Reading.
    pub reading: String,
    /// Municipality.
    pub municipality: Option<String>,
    /// Address.
    pub address: String,
    /// Phone.
    pub phone: String,
    /// E-mail.
    pub email: String,
    /// Retired on (a merger is a real event: the history keeps the old name).
    pub retired_on: Option<NaiveDate>,
    /// Merged into (name).
    pub merged_into: Option<String>,
    /// Row version.
    pub row_version: i64,
    /// Staff, current first.
    pub staff: Vec<StaffLine>,
    /// Municipalities covered (names).
    pub covers: Vec<String>,
    /// The desk's own staff (on the federation's card): name and role.
    pub desk_staff: Vec<(String, DeskRole)>,
}

/// The card of one organisation.
pub fn organisation_card(conn: &Connection, id: i64) -> Result<Option<OrganisationCard>> {
    let card = conn
        .prepare_cached(
            "SELECT o.id, o.kind, o.name, o.reading, m.name, o.address, o.phone, o.email, o.retired_on, mo.name,
                 o.row_version
             FROM organisation o LEFT JOIN municipality m ON m.id = o.municipality_id
             LEFT JOIN organisation mo ON mo.id = o.merged_into_id WHERE o.id = ?1",
        )?
        .query_row([id], |r| {
            Ok(OrganisationCard {
                id: r.get(0)?,
                kind: r.get(1)?,
                name: r.get(2)?,
                reading: r.get(3)?,
                municipality: r.get(4)?,
                address: r.get(5)?,
                phone: r.get(6)?,
                email: r.get(7)?,
                retired_on: r.get(8)?,
                merged_into: r.get(9)?,
                row_version: r.get(10)?,
                staff: Vec::new(),
                covers: Vec::new(),
                desk_staff: Vec::new(),
            })
        })
        .optional()?;
    let Some(mut card) = card else { return Ok(None) };
    let mut st = conn.prepare_cached(
        "SELECT id, name, role, phone, retired_on FROM organisation_staff WHERE organisation_id = ?1
         ORDER BY retired_on IS NOT NULL, role, reading LIMIT 100",
    )?;
    card.staff = st
        .query_map([id], |r| {
            Ok(StaffLine { id: r.get(0)?, name: r.get(1)?, role: r.get(2)?, phone: r.get(3)?, retired_on: r.get(4)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut st = conn.prepare_cached(
        "SELECT m.name FROM organisation_municipality om JOIN municipality m ON m.id = om.municipality_id
         WHERE om.organisation_id = ?1 ORDER BY m.code",
    )?;
    card.covers = st.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    if card.kind == OrganisationKind::Federation {
        let mut st = conn.prepare_cached(
            "SELECT name, role FROM desk_staff WHERE retired_on IS NULL ORDER BY role, reading LIMIT 100",
        )?;
        card.desk_staff = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    }
    Ok(Some(card))
}
