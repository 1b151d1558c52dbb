//! Row lists behind the feedback sheet (R-D4) and the announcements (R-S9), and the chamber lookup by name.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, params};

use crate::domain::fold::fold;
use crate::domain::model::{DispatchNumber, EventKind};

/// Finds a current chamber (商工会 or 商工会議所) by its name, compared folded (widths, kana, variants); returns
/// its id and stored name.
pub fn find_chamber(conn: &Connection, name: &str) -> Result<Option<(i64, String)>> {
    let wanted = fold(name);
    if wanted.is_empty() {
        return Ok(None);
    }
    let mut st = conn.prepare_cached(
        "SELECT id, name FROM organisation WHERE kind IN ('shokokai', 'chamber_of_commerce')
             AND merged_into_id IS NULL ORDER BY retired_on IS NOT NULL, id",
    )?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let stored: String = r.get(1)?;
        if fold(&stored) == wanted {
            return Ok(Some((r.get(0)?, stored)));
        }
    }
    Ok(None)
}

/// One dispatch of a chamber with its support report and the feedback given (R-D4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackRow {
    /// Application number.
    pub number: DispatchNumber,
    /// Business name.
    pub business: String,
    /// Theme number.
    pub theme: i64,
    /// Expert name, once one is assigned.
    pub expert: Option<String>,
    /// Visits made.
    pub visits: i64,
    /// Last visit date.
    pub last_visit: Option<NaiveDate>,
    /// Support report received on.
    pub report_received_on: Option<NaiveDate>,
    /// The report's summary.
    pub report_summary: String,
    /// Feedback sent to the chamber on.
    pub feedback_sent_on: Option<NaiveDate>,
}

/// The dispatches a chamber applied for in a fiscal year (rejected ones left out), in number order.
pub fn feedback(conn: &Connection, chamber_id: i64, year: i32) -> Result<Vec<FeedbackRow>> {
    let mut st = conn.prepare(
        "SELECT d.fiscal_year, d.seq, b.name, d.theme, x.name,
                (SELECT COUNT(*) FROM visit v WHERE v.dispatch_id = d.id),
                (SELECT MAX(v.visit_date) FROM visit v WHERE v.dispatch_id = d.id),
                d.report_received_on, d.report_summary, d.feedback_sent_on
         FROM dispatch d JOIN business b ON b.id = d.business_id LEFT JOIN expert x ON x.id = d.expert_id
         WHERE d.chamber_id = ?1 AND d.fiscal_year = ?2 AND d.status <> 'rejected' ORDER BY d.seq",
    )?;
    let rows = st.query_map(params![chamber_id, year], |r| {
        Ok(FeedbackRow {
            number: DispatchNumber { fiscal_year: r.get(0)?, seq: r.get(1)? },
            business: r.get(2)?,
            theme: r.get(3)?,
            expert: r.get(4)?,
            visits: r.get(5)?,
            last_visit: r.get(6)?,
            report_received_on: r.get(7)?,
            report_summary: r.get(8)?,
            feedback_sent_on: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// An upcoming seminar or consultation day as announced on the desk's web page (R-S9).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Announcement {
    /// Seminar or consultation day.
    pub kind: EventKind,
    /// Title.
    pub title: String,
    /// Theme number.
    pub theme: i64,
    /// Date.
    pub date: NaiveDate,
    /// Start, minutes after midnight.
    pub start_min: u16,
    /// End, minutes after midnight.
    pub end_min: u16,
    /// Venue.
    pub venue: String,
    /// Municipality of the venue.
    pub municipality: Option<String>,
    /// Organising body.
    pub organiser: String,
    /// Capacity, if limited.
    pub capacity: Option<i64>,
}

/// Approved or announced events from `from` on, in date order.
pub fn announcements(conn: &Connection, from: NaiveDate) -> Result<Vec<Announcement>> {
    let mut st = conn.prepare(
        "SELECT e.kind, e.title, e.theme, e.event_date, e.start_min, e.end_min, e.venue_name, m.name, o.name,
                e.capacity
         FROM event e JOIN organisation o ON o.id = e.organiser_id LEFT JOIN municipality m ON m.id = e.municipality_id
         WHERE e.event_date >= ?1 AND e.status IN ('approved', 'announced') ORDER BY e.event_date, e.start_min, e.id",
    )?;
    let rows = st.query_map([from], |r| {
        Ok(Announcement {
            kind: r.get(0)?,
            title: r.get(1)?,
            theme: r.get(2)?,
            date: r.get(3)?,
            start_min: r.get(4)?,
            end_min: r.get(5)?,
            venue: r.get(6)?,
            municipality: r.get(7)?,
            organiser: r.get(8)?,
            capacity: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
