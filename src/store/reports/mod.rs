//! The figures of the annual achievement report (実績報告) and the other exports: SQL aggregates (GROUP BY),
//! never whole tables read into memory, each query returning raw keys (codes, names, months) that the export
//! layer labels.

pub mod documents;
pub mod freq;
pub mod lists;

use anyhow::Result;
use rusqlite::{Connection, Row, params};

use crate::domain::model::{ConsultationChannel, ConsultationOutcome, EventKind};

/// Applications counted under one key, with how many of them were rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DispatchCount<K> {
    /// The key (theme, chamber name, municipality name or month `YYYY-MM`); None: not recorded.
    pub key: K,
    /// Applications received.
    pub applications: i64,
    /// Applications rejected (R-D5).
    pub rejected: i64,
}

fn dispatch_counts<K: rusqlite::types::FromSql>(
    conn: &Connection,
    sql: &str,
    year: i32,
) -> Result<Vec<DispatchCount<K>>> {
    let mut st = conn.prepare(sql)?;
    let rows =
        st.query_map([year], |r| Ok(DispatchCount { key: r.get(0)?, applications: r.get(1)?, rejected: r.get(2)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

const REJECTED: &str = "COUNT(*), COALESCE(SUM(d.status = 'rejected'), 0)";

/// Applications of a fiscal year by theme number.
pub fn dispatches_by_theme(conn: &Connection, year: i32) -> Result<Vec<DispatchCount<i64>>> {
    let sql = format!(
        "SELECT d.theme, {REJECTED} FROM dispatch d WHERE d.fiscal_year = ?1 GROUP BY d.theme ORDER BY d.theme"
    );
    dispatch_counts(conn, &sql, year)
}

/// Applications of a fiscal year by applying chamber (None: received directly by the desk).
pub fn dispatches_by_chamber(conn: &Connection, year: i32) -> Result<Vec<DispatchCount<Option<String>>>> {
    let sql = format!(
        "SELECT o.name, {REJECTED} FROM dispatch d LEFT JOIN organisation o ON o.id = d.chamber_id
         WHERE d.fiscal_year = ?1 GROUP BY d.chamber_id ORDER BY o.reading IS NULL, o.reading, o.name"
    );
    dispatch_counts(conn, &sql, year)
}

/// Applications of a fiscal year by the business's municipality, in local-government-code order.
pub fn dispatches_by_municipality(conn: &Connection, year: i32) -> Result<Vec<DispatchCount<Option<String>>>> {
    let sql = format!(
        "SELECT m.name, {REJECTED} FROM dispatch d JOIN business b ON b.id = d.business_id
             LEFT JOIN municipality m ON m.id = b.municipality_id
         WHERE d.fiscal_year = ?1 GROUP BY b.municipality_id ORDER BY m.code IS NULL, m.code"
    );
    dispatch_counts(conn, &sql, year)
}

/// Applications of a fiscal year by the month received (`YYYY-MM`).
pub fn dispatches_by_month(conn: &Connection, year: i32) -> Result<Vec<DispatchCount<String>>> {
    let sql = format!(
        "SELECT substr(d.received_on, 1, 7) AS month, {REJECTED} FROM dispatch d WHERE d.fiscal_year = ?1
         GROUP BY month ORDER BY month"
    );
    dispatch_counts(conn, &sql, year)
}

/// Visits of one month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitMonth {
    /// `YYYY-MM`.
    pub month: String,
    /// Visits made.
    pub visits: i64,
    /// Of which online.
    pub online: i64,
    /// Their total length in minutes.
    pub minutes: i64,
    /// Businesses visited (distinct applications).
    pub dispatches: i64,
}

/// Visits of the fiscal year's applications by month of the visit.
pub fn visits_by_month(conn: &Connection, year: i32) -> Result<Vec<VisitMonth>> {
    let mut st = conn.prepare(
        "SELECT substr(v.visit_date, 1, 7) AS month, COUNT(*), COALESCE(SUM(v.place = 'online'), 0),
                COALESCE(SUM(v.end_min - v.start_min), 0), COUNT(DISTINCT v.dispatch_id)
         FROM visit v JOIN dispatch d ON d.id = v.dispatch_id WHERE d.fiscal_year = ?1
         GROUP BY month ORDER BY month",
    )?;
    let rows = st.query_map([year], |r| {
        Ok(VisitMonth {
            month: r.get(0)?,
            visits: r.get(1)?,
            online: r.get(2)?,
            minutes: r.get(3)?,
            dispatches: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Rejected applications of a fiscal year per R-D5 ground (an application with two grounds counts under both).
pub fn rejections_by_ground(conn: &Connection, year: i32) -> Result<Vec<(u8, i64)>> {
    let mut st = conn.prepare(
        "SELECT g.ground, COUNT(*) FROM rejection_ground g JOIN dispatch d ON d.id = g.dispatch_id
         WHERE d.fiscal_year = ?1 GROUP BY g.ground ORDER BY g.ground",
    )?;
    let rows = st.query_map([year], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Desk consultations of a fiscal year by channel and outcome.
pub fn consultations(conn: &Connection, year: i32) -> Result<Vec<(ConsultationChannel, ConsultationOutcome, i64)>> {
    let mut st = conn.prepare(
        "SELECT channel, outcome, COUNT(*) FROM desk_consultation WHERE fiscal_year = ?1
         GROUP BY channel, outcome",
    )?;
    let rows = st.query_map([year], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Seminars or consultation days held under one theme in one area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventCount {
    /// Seminar or consultation day.
    pub kind: EventKind,
    /// Theme number.
    pub theme: i64,
    /// Area of the venue's municipality (None: not recorded).
    pub area: Option<String>,
    /// Events held.
    pub events: i64,
    /// Participants who attended.
    pub participants: i64,
}

/// Events of a fiscal year that took place (held or closed), by kind, theme and area.
pub fn events_held(conn: &Connection, year: i32) -> Result<Vec<EventCount>> {
    let mut st = conn.prepare(
        "SELECT e.kind, e.theme, a.name, COUNT(*), COALESCE(SUM(e.attendance), 0)
         FROM event e LEFT JOIN municipality m ON m.id = e.municipality_id LEFT JOIN area a ON a.id = m.area_id
         WHERE e.fiscal_year = ?1 AND e.status IN ('held', 'closed')
         GROUP BY e.kind, e.theme, a.id ORDER BY e.kind DESC, e.theme, a.sort IS NULL, a.sort",
    )?;
    let rows = st.query_map([year], |r| {
        Ok(EventCount {
            kind: r.get(0)?,
            theme: r.get(1)?,
            area: r.get(2)?,
            events: r.get(3)?,
            participants: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Money paid by the federation in one month (whole yen).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaymentMonth {
    /// `YYYY-MM` of the payment date.
    pub month: String,
    /// Honoraria (謝金).
    pub honorarium: i64,
    /// Travel (旅費).
    pub travel: i64,
    /// Income tax withheld (源泉徴収).
    pub withholding: i64,
    /// Paid to the payees.
    pub net: i64,
    /// Form 4 reimbursements of venue fees (立替金).
    pub reimbursements: i64,
}

fn payment_month(r: &Row) -> rusqlite::Result<PaymentMonth> {
    Ok(PaymentMonth {
        month: r.get(0)?,
        honorarium: r.get(1)?,
        travel: r.get(2)?,
        withholding: r.get(3)?,
        net: r.get(4)?,
        reimbursements: r.get(5)?,
    })
}

/// Paid honoraria, travel and Form 4 reimbursements of a fiscal year by month paid, from the ledger's entries
/// (the `ledger_entry` view, which also decides the month of a record marked paid without a date; see
/// `docs/reports.md`). Net is what was paid less what was withheld.
pub fn payments_by_month(conn: &Connection, year: i32) -> Result<Vec<PaymentMonth>> {
    let mut st = conn.prepare(
        "SELECT month, COALESCE(SUM(CASE kind WHEN 'honorarium' THEN amount END), 0),
                COALESCE(SUM(CASE kind WHEN 'travel' THEN amount END), 0), SUM(withheld),
                COALESCE(SUM(CASE WHEN kind <> 'claim' THEN amount - withheld END), 0),
                COALESCE(SUM(CASE kind WHEN 'claim' THEN amount END), 0)
         FROM ledger_entry WHERE fiscal_year = ?1 AND paid GROUP BY month ORDER BY month",
    )?;
    let rows = st.query_map(params![year], payment_month)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
