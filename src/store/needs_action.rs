//! 要対応 (needs action): what is waiting or overdue, from every area of the desk. Each area contributes its
//! items through [`items`]; later tabs add their sources here (events not yet announced, unpaid claims...).

use anyhow::Result;
use chrono::{Days, NaiveDate};
use rusqlite::{Connection, params};

use crate::domain::fiscal_year::FiscalYear;
use crate::domain::model::DispatchNumber;
use crate::domain::rules::dispatch::{VisitUsage, remaining};

/// Why an item needs action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    /// Received or under review: waiting for the desk's decision (R-A2).
    AwaitingReview,
    /// Approved, no visit yet.
    NoVisitYet,
    /// Visits done, no support report after the configured days (R-D4).
    ReportOverdue,
    /// Report received, no feedback to the chamber yet (R-D4).
    FeedbackPending,
    /// Hours left while the program period ends soon (R-P1, R-D1).
    HoursLeftNearPeriodEnd,
    /// A seminar or consultation day within two weeks, not yet announced (R-S9).
    EventNotAnnounced,
    /// A consultation day held whose support reports or feedback are not all in (R-S11).
    ConsultationReportsPending,
}

impl Reason {
    /// Every reason, in the order the view lists them.
    pub const ALL: &'static [Reason] = &[
        Reason::AwaitingReview,
        Reason::NoVisitYet,
        Reason::ReportOverdue,
        Reason::FeedbackPending,
        Reason::HoursLeftNearPeriodEnd,
        Reason::EventNotAnnounced,
        Reason::ConsultationReportsPending,
    ];
}

/// One thing to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Why.
    pub reason: Reason,
    /// The application.
    pub dispatch_id: i64,
    /// Its number.
    pub number: DispatchNumber,
    /// The business.
    pub business: String,
    /// The date the wait started (received, decided, last visit, report).
    pub since: NaiveDate,
    /// Minutes of visits left under R-D1 (for the period-end reason).
    pub minutes_left: Option<i64>,
    /// For an event's item (R-S9, R-S11): the event, opened on tab 3; `dispatch_id` is then 0, `number` unused
    /// and `business` holds the event's title.
    pub event_id: Option<i64>,
}

/// Settings of the needs-action view.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Today.
    pub today: NaiveDate,
    /// Days after the last visit before a missing report is overdue.
    pub report_overdue_days: u32,
    /// Days before the period ends from which hours left are listed.
    pub period_end_warning_days: u32,
}

/// Items of one reason, oldest first, at most `limit` (and how many there are in all).
pub fn items(
    conn: &Connection,
    fy: &FiscalYear,
    s: &Settings,
    reason: Reason,
    limit: usize,
) -> Result<(usize, Vec<Item>)> {
    let select = "SELECT d.id, d.fiscal_year, d.seq, b.name, {since},
            (SELECT COUNT(*) FROM visit v WHERE v.dispatch_id = d.id),
            (SELECT COALESCE(SUM(v.end_min - v.start_min), 0) FROM visit v WHERE v.dispatch_id = d.id)
        FROM dispatch d JOIN business b ON b.id = d.business_id
        WHERE d.fiscal_year = ?1 AND {cond} AND coalesce(?2, ?3, ?4, 1) IS NOT NULL";
    // (Every statement names all four parameters, so one binding serves each reason.)
    let overdue_before = s.today.checked_sub_days(Days::new(u64::from(s.report_overdue_days))).unwrap_or(s.today);
    let warn_from =
        fy.period.end.checked_sub_days(Days::new(u64::from(s.period_end_warning_days))).unwrap_or(fy.period.end);
    let last_visit = "(SELECT MAX(v.visit_date) FROM visit v WHERE v.dispatch_id = d.id)";
    let (since, cond) = match reason {
        Reason::AwaitingReview => ("d.received_on", "d.status IN ('received', 'under_review')".to_string()),
        Reason::NoVisitYet => (
            "COALESCE(d.decided_on, d.status_on)",
            "d.status = 'approved' AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.dispatch_id = d.id)".to_string(),
        ),
        Reason::ReportOverdue => (last_visit, format!("d.status = 'visiting' AND {last_visit} < ?2")),
        Reason::FeedbackPending => ("d.report_received_on", "d.status = 'report_received'".to_string()),
        Reason::HoursLeftNearPeriodEnd => {
            ("d.status_on", "d.status IN ('approved', 'visiting') AND ?3 >= ?4".to_string())
        }
        Reason::EventNotAnnounced | Reason::ConsultationReportsPending => {
            return event_items(conn, fy, s, reason, limit);
        }
    };
    let sql = select.replace("{since}", since).replace("{cond}", &cond);
    let bind = params![fy.year, overdue_before, s.today, warn_from];
    let item = |r: &rusqlite::Row| -> rusqlite::Result<Item> {
        // R-D1: what is left comes from the rule, with both limits (visits and hours).
        let left = remaining(&fy.visits, VisitUsage { visits: r.get(5)?, minutes: r.get(6)? });
        Ok(Item {
            reason,
            dispatch_id: r.get(0)?,
            number: DispatchNumber { fiscal_year: r.get(1)?, seq: r.get(2)? },
            business: r.get(3)?,
            since: r.get(4)?,
            minutes_left: (left.visits > 0 && left.minutes > 0).then_some(left.minutes),
            event_id: None,
        })
    };
    if reason == Reason::HoursLeftNearPeriodEnd {
        // Only in the last weeks of the period (the condition above), and judged by the rule: few rows.
        let mut st = conn.prepare_cached(&format!("{sql} ORDER BY 5, d.seq"))?;
        let all: Vec<Item> = st.query_map(bind, item)?.collect::<rusqlite::Result<_>>()?;
        let with_time_left: Vec<Item> = all.into_iter().filter(|i| i.minutes_left.is_some()).collect();
        let total = with_time_left.len();
        return Ok((total, with_time_left.into_iter().take(limit).collect()));
    }
    let total: usize = conn.query_row(&format!("SELECT COUNT(*) FROM ({sql})"), bind, |r| r.get::<_, i64>(0))? as usize;
    let mut st = conn.prepare_cached(&format!("{sql} ORDER BY 5, d.seq LIMIT {limit}"))?;
    let mut rows: Vec<Item> = st.query_map(bind, item)?.collect::<rusqlite::Result<_>>()?;
    rows.iter_mut().for_each(|i| i.minutes_left = None);
    Ok((total, rows))
}

/// Days before an event by which it is to be announced (R-S9).
pub const ANNOUNCE_DAYS: u64 = 14;

/// The events' items: not announced two weeks ahead (R-S9), or held with reports or feedback missing (R-S11);
/// soonest (or oldest) first.
fn event_items(
    conn: &Connection,
    fy: &FiscalYear,
    s: &Settings,
    reason: Reason,
    limit: usize,
) -> Result<(usize, Vec<Item>)> {
    let cond = match reason {
        Reason::EventNotAnnounced => {
            "e.status IN ('applied', 'approved') AND e.event_date BETWEEN ?2 AND ?3
             AND e.press_release_on IS NULL AND e.web_page_on IS NULL AND e.partner_notice_on IS NULL"
        }
        _ => {
            "e.kind = 'consultation_day' AND e.status <> 'cancelled' AND e.event_date < ?2 AND ?3 IS NOT NULL
             AND EXISTS (SELECT 1 FROM booking b WHERE b.event_id = e.id
                         AND (b.report_received_on IS NULL OR b.feedback_sent_on IS NULL))"
        }
    };
    let sql = format!("SELECT e.id, e.title, e.event_date FROM event e WHERE e.fiscal_year = ?1 AND {cond}");
    let until = s.today.checked_add_days(Days::new(ANNOUNCE_DAYS)).unwrap_or(s.today);
    let bind = params![fy.year, s.today, until];
    let total: usize = conn.query_row(&format!("SELECT COUNT(*) FROM ({sql})"), bind, |r| r.get::<_, i64>(0))? as usize;
    let mut st = conn.prepare_cached(&format!("{sql} ORDER BY e.event_date, e.id LIMIT {limit}"))?;
    let rows = st.query_map(bind, |r| {
        Ok(Item {
            reason,
            dispatch_id: 0,
            number: DispatchNumber { fiscal_year: fy.year, seq: 0 },
            business: r.get(1)?,
            since: r.get(2)?,
            minutes_left: None,
            event_id: Some(r.get(0)?),
        })
    })?;
    Ok((total, rows.collect::<rusqlite::Result<_>>()?))
}

/// The position of an application in this fiscal year's unfiltered queue (newest number first), to jump to it;
/// None when it is not an application of this year (or no longer exists).
pub fn queue_position(conn: &Connection, fiscal_year: i32, dispatch_id: i64) -> Result<Option<usize>> {
    use rusqlite::OptionalExtension;
    let seq: Option<i64> = conn
        .query_row(
            "SELECT seq FROM dispatch WHERE id = ?1 AND fiscal_year = ?2",
            params![dispatch_id, fiscal_year],
            |r| r.get(0),
        )
        .optional()?;
    let Some(seq) = seq else { return Ok(None) };
    Ok(Some(conn.query_row(
        "SELECT COUNT(*) FROM dispatch WHERE fiscal_year = ?1 AND seq > ?2",
        params![fiscal_year, seq],
        |r| r.get::<_, i64>(0),
    )? as usize))
}
