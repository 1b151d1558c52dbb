//! What `madoguchi check` reads: SQLite's own checks, row counts, and the facts the rule audit judges.
//!
//! The rules themselves are applied by the caller with `domain::rules`: no rule is re-implemented in SQL.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::Connection;

use crate::domain::model::{AccompanimentKind, DispatchNumber, IndustryCategory, LegalForm, PlaceKind, VenueKind};

/// The record tables counted by `check`, in display order.
pub const RECORD_TABLES: &[&str] = &[
    "area",
    "municipality",
    "organisation",
    "organisation_staff",
    "desk_staff",
    "business",
    "expert",
    "expert_relation",
    "dispatch",
    "visit",
    "rejection_ground",
    "override",
    "desk_consultation",
    "event",
    "event_expert",
    "participant",
    "booking",
    "claim",
    "payment",
    "action",
    "audit",
];

/// `PRAGMA integrity_check`: the problems found (empty when the file is sound).
pub fn integrity(conn: &Connection) -> Result<Vec<String>> {
    let mut st = conn.prepare("PRAGMA integrity_check")?;
    let rows: Vec<String> = st.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(rows.into_iter().filter(|r| r != "ok").collect())
}

/// `PRAGMA foreign_key_check`: rows pointing at missing parents, as "table row id → parent".
pub fn foreign_keys(conn: &Connection) -> Result<Vec<String>> {
    let mut st = conn.prepare("PRAGMA foreign_key_check")?;
    let rows = st.query_map([], |r| {
        Ok(format!(
            "{} id {} → {}",
            r.get::<_, String>(0)?,
            r.get::<_, Option<i64>>(1)?.unwrap_or(0),
            r.get::<_, String>(2)?
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The rows of the derived tables (the ledger's running sums, unpaid work, the payments of each application's
/// visits) that differ from a recomputation from the records, as "table: row".
pub fn derived_drift(conn: &Connection) -> Result<Vec<String>> {
    use super::ledger::{dispatch_payments, sums, unpaid};
    let tables = [
        ("ledger_sum", sums::drift(conn)?),
        ("unpaid_work", unpaid::drift(conn)?),
        ("dispatch_payment", dispatch_payments::drift(conn)?),
    ];
    Ok(tables.into_iter().flat_map(|(table, rows)| rows.into_iter().map(move |r| format!("{table}: {r}"))).collect())
}

/// Row count of each record table.
pub fn counts(conn: &Connection) -> Result<Vec<(&'static str, i64)>> {
    RECORD_TABLES
        .iter()
        .map(|t| Ok((*t, conn.query_row(&format!("SELECT COUNT(*) FROM \"{t}\""), [], |r| r.get(0))?)))
        .collect()
}

/// One visit as the rule audit sees it.
#[derive(Debug, Clone)]
pub struct VisitFacts {
    /// Visit id.
    pub id: i64,
    /// Date.
    pub date: NaiveDate,
    /// Length in minutes.
    pub minutes: u32,
    /// Place (R-D2).
    pub place: PlaceKind,
    /// Note for another place.
    pub place_note: String,
    /// Who accompanied (R-D3).
    pub accompanied_by: AccompanimentKind,
    /// Reason recorded for R-D3.
    pub accompaniment_reason: String,
    /// Whether an R-D1 override is recorded for this visit.
    pub d1_override: bool,
}

/// A dispatch application with what the rule audit needs.
#[derive(Debug, Clone)]
pub struct DispatchFacts {
    /// Row id.
    pub id: i64,
    /// Number (R7-0012).
    pub number: DispatchNumber,
    /// Status code.
    pub status: String,
    /// Visits in date order.
    pub visits: Vec<VisitFacts>,
    /// Rejection grounds.
    pub grounds: Vec<u8>,
    /// Ground 8 text.
    pub rejection_note: String,
    /// Report received on.
    pub report_received_on: Option<NaiveDate>,
    /// Feedback sent on.
    pub feedback_sent_on: Option<NaiveDate>,
    /// The business's legal form.
    pub legal_form: Option<LegalForm>,
    /// The business's municipality code.
    pub municipality_code: Option<String>,
    /// The business's industry.
    pub industry: Option<IndustryCategory>,
    /// Capital.
    pub capital_yen: Option<i64>,
    /// Employees.
    pub employees: Option<i64>,
}

/// Calls `f` for every dispatch application with its visits, in number order (streams: never the whole table).
pub fn for_each_dispatch(conn: &Connection, mut f: impl FnMut(DispatchFacts)) -> Result<()> {
    let mut st = conn.prepare(
        "SELECT d.id, d.fiscal_year, d.seq, d.status, d.rejection_note, d.report_received_on, d.feedback_sent_on,
                b.legal_form, m.code, b.industry, b.capital_yen, b.employees,
                (SELECT group_concat(ground) FROM rejection_ground g WHERE g.dispatch_id = d.id)
         FROM dispatch d JOIN business b ON b.id = d.business_id
         LEFT JOIN municipality m ON m.id = b.municipality_id
         ORDER BY d.fiscal_year, d.seq",
    )?;
    let mut visits = conn.prepare(
        "SELECT v.id, v.visit_date, v.end_min - v.start_min, v.place, v.place_note, v.accompanied_by,
                v.accompaniment_reason,
                EXISTS (SELECT 1 FROM override o WHERE o.record_table = 'visit' AND o.record_id = v.id AND o.rule = 'R-D1')
         FROM visit v WHERE v.dispatch_id = ?1 ORDER BY v.visit_date, v.start_min, v.id",
    )?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let grounds: Option<String> = r.get(12)?;
        let vs = visits
            .query_map([id], |v| {
                Ok(VisitFacts {
                    id: v.get(0)?,
                    date: v.get(1)?,
                    minutes: v.get(2)?,
                    place: v.get(3)?,
                    place_note: v.get(4)?,
                    accompanied_by: v.get(5)?,
                    accompaniment_reason: v.get(6)?,
                    d1_override: v.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        f(DispatchFacts {
            id,
            number: DispatchNumber { fiscal_year: r.get(1)?, seq: r.get(2)? },
            status: r.get(3)?,
            visits: vs,
            grounds: grounds.unwrap_or_default().split(',').filter_map(|g| g.parse().ok()).collect(),
            rejection_note: r.get(4)?,
            report_received_on: r.get(5)?,
            feedback_sent_on: r.get(6)?,
            legal_form: r.get(7)?,
            municipality_code: r.get(8)?,
            industry: r.get(9)?,
            capital_yen: r.get(10)?,
            employees: r.get(11)?,
        });
    }
    Ok(())
}

/// An event as the rule audit sees it.
#[derive(Debug, Clone)]
pub struct EventFacts {
    /// Row id.
    pub id: i64,
    /// Fiscal year.
    pub fiscal_year: i32,
    /// Title.
    pub title: String,
    /// Date.
    pub date: NaiveDate,
    /// Venue kind.
    pub venue_kind: VenueKind,
    /// Venue fee.
    pub venue_fee_yen: i64,
    /// Attendance fee (R-S3: must be zero).
    pub attendance_fee_yen: i64,
    /// Whether it was cancelled.
    pub cancelled: bool,
    /// Sum of its Form 4 claims.
    pub claimed_yen: i64,
}

/// Calls `f` for every event in date order.
pub fn for_each_event(conn: &Connection, mut f: impl FnMut(EventFacts)) -> Result<()> {
    let mut st = conn.prepare(
        "SELECT e.id, e.fiscal_year, e.title, e.event_date, e.venue_kind, e.venue_fee_yen, e.attendance_fee_yen,
                e.status = 'cancelled',
                (SELECT COALESCE(SUM(c.amount_yen), 0) FROM claim c WHERE c.event_id = e.id AND c.status <> 'returned')
         FROM event e ORDER BY e.event_date, e.id",
    )?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        f(EventFacts {
            id: r.get(0)?,
            fiscal_year: r.get(1)?,
            title: r.get(2)?,
            date: r.get(3)?,
            venue_kind: r.get(4)?,
            venue_fee_yen: r.get(5)?,
            attendance_fee_yen: r.get(6)?,
            cancelled: r.get(7)?,
            claimed_yen: r.get(8)?,
        });
    }
    Ok(())
}
