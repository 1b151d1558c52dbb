//! Reads of the seminar calendar (tab 3): what a month's days hold, one day's agenda page by page, an event's
//! detail with its experts and bookings, and an expert's engagements of a day (DESK-1).
//!
//! Every query walks an index on the date (`event_by_date`, `visit_by_date`, `booking_by_event`) and returns only
//! what is drawn: a few items per day of the month grid, one page of a day's agenda.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::model::{DispatchNumber, EventKind, EventStatus, StartupArea, VenueKind};
use crate::domain::rules::{Engagement, EngagementKind};
use crate::store::participants::{self, ParticipantLine};

/// What an item of the calendar is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// A seminar or consultation day.
    Event(EventKind),
    /// A dispatch visit (shown when the visits toggle is on).
    Visit,
}

/// One item drawn in a day's cell of the month grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellItem {
    /// Event or visit.
    pub kind: ItemKind,
    /// Title (events) or business visited (visits).
    pub title: String,
    /// The event was cancelled.
    pub cancelled: bool,
}

/// What one day of the month grid holds: the first items and how many there are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayCell {
    /// The date.
    pub date: NaiveDate,
    /// Events (and visits) in all.
    pub count: usize,
    /// The first few, by start time.
    pub items: Vec<CellItem>,
}

/// What the month grid and the agenda show: a text filter and whether dispatch visits are included.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CalendarFilter {
    /// Words of the title or venue (empty: all).
    pub text: String,
    /// Show dispatch visits too.
    pub visits: bool,
}

impl CalendarFilter {
    /// The filter's words folded like the lookup's (hiragana/katakana, full/half width), matched with SQL's
    /// `fold()` against titles, venues and names: ｾﾐﾅｰ finds セミナー, あそ finds アソ.
    pub fn folded(&self) -> String {
        crate::domain::fold::fold(self.text.trim())
    }
}

/// The condition on an event `e` that the filter matches, its folded words bound at `param` (e.g. `?3`): every event
/// when they are empty, else those whose title or venue holds them. The month grid, the agenda and the frequency
/// tables all narrow events by it.
pub fn event_matches(param: &str) -> String {
    format!("({param} = '' OR instr(fold(e.title), {param}) > 0 OR instr(fold(e.venue_name), {param}) > 0)")
}

/// The days from `from` to `to` (inclusive) that hold something, with at most `per_day` items each.
pub fn month(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    filter: &CalendarFilter,
    per_day: usize,
) -> Result<Vec<DayCell>> {
    let sql = format!(
        "SELECT day, kind, title, status, n FROM (
             SELECT day, kind, title, status, start_min, id,
                    ROW_NUMBER() OVER (PARTITION BY day ORDER BY start_min, id) AS rn,
                    COUNT(*) OVER (PARTITION BY day) AS n
             FROM (
                 SELECT e.event_date AS day, e.kind, e.title, e.status, e.start_min, e.id FROM event e
                 WHERE e.event_date BETWEEN ?1 AND ?2 AND {}
                 UNION ALL
                 SELECT v.visit_date, 'visit', b.name, '', v.start_min, v.id FROM visit v
                 JOIN dispatch d ON d.id = v.dispatch_id JOIN business b ON b.id = d.business_id
                 WHERE ?4 AND v.visit_date BETWEEN ?1 AND ?2 AND (?3 = '' OR instr(fold(b.name), ?3) > 0)
             )
         ) WHERE rn <= ?5 ORDER BY day, rn",
        event_matches("?3")
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params![from, to, filter.folded(), filter.visits, per_day as i64], |r| {
        let kind: String = r.get(1)?;
        let status: String = r.get(3)?;
        Ok((
            r.get::<_, NaiveDate>(0)?,
            CellItem { kind: item_kind(&kind), title: r.get(2)?, cancelled: status == EventStatus::Cancelled.code() },
            r.get::<_, i64>(4)? as usize,
        ))
    })?;
    let mut out: Vec<DayCell> = Vec::new();
    for row in rows {
        let (date, item, count) = row?;
        match out.last_mut() {
            Some(cell) if cell.date == date => cell.items.push(item),
            _ => out.push(DayCell { date, count, items: vec![item] }),
        }
    }
    Ok(out)
}

fn item_kind(code: &str) -> ItemKind {
    EventKind::from_code(code).map(ItemKind::Event).unwrap_or(ItemKind::Visit)
}

/// One row of a day's agenda: an event, or a dispatch visit when visits are shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaRow {
    /// Event or visit.
    pub kind: ItemKind,
    /// The event's id, or the visited application's id.
    pub id: i64,
    /// Start.
    pub start_min: u16,
    /// End.
    pub end_min: u16,
    /// Title, or the business visited.
    pub title: String,
    /// Venue, or the expert visiting.
    pub place: String,
    /// Event status (None for visits).
    pub status: Option<EventStatus>,
}

/// A day's agenda: ?1 the date, ?2 the filter's folded words, ?3 whether visits are shown.
fn agenda() -> String {
    format!(
        "SELECT kind, id, start_min, end_min, title, place, status FROM (
        SELECT e.kind, e.id, e.start_min, e.end_min, e.title, e.venue_name AS place, e.status FROM event e
        WHERE e.event_date = ?1 AND {}
        UNION ALL
        SELECT 'visit', v.dispatch_id, v.start_min, v.end_min, b.name, COALESCE(x.name, ''), NULL FROM visit v
        JOIN dispatch d ON d.id = v.dispatch_id JOIN business b ON b.id = d.business_id
        LEFT JOIN expert x ON x.id = v.expert_id
        WHERE ?3 AND v.visit_date = ?1 AND (?2 = '' OR instr(fold(b.name), ?2) > 0))",
        event_matches("?2")
    )
}

/// How many agenda rows a day has.
pub fn count_day(conn: &Connection, date: NaiveDate, filter: &CalendarFilter) -> Result<usize> {
    let sql = format!("SELECT COUNT(*) FROM ({})", agenda());
    Ok(conn.prepare_cached(&sql)?.query_row(params![date, filter.folded(), filter.visits], |r| r.get::<_, i64>(0))?
        as usize)
}

/// One page of a day's agenda, by start time.
pub fn day(
    conn: &Connection,
    date: NaiveDate,
    filter: &CalendarFilter,
    offset: usize,
    limit: usize,
) -> Result<Vec<AgendaRow>> {
    let sql = format!("{} ORDER BY start_min, kind, id LIMIT ?4 OFFSET ?5", agenda());
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params![date, filter.folded(), filter.visits, limit as i64, offset as i64], |r| {
        let kind: String = r.get(0)?;
        Ok(AgendaRow {
            kind: item_kind(&kind),
            id: r.get(1)?,
            start_min: r.get(2)?,
            end_min: r.get(3)?,
            title: r.get(4)?,
            place: r.get(5)?,
            status: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// An expert (instructor or consulting expert) of an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventExpert {
    /// The expert.
    pub id: i64,
    /// Name.
    pub name: String,
}

/// A consultation-day booking with its report and feedback (R-S11).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookingLine {
    /// The booking.
    pub id: i64,
    /// The expert.
    pub expert_id: i64,
    /// The expert's name.
    pub expert: String,
    /// Start.
    pub start_min: u16,
    /// End.
    pub end_min: u16,
    /// The business booked.
    pub business_id: Option<i64>,
    /// Its name.
    pub business: String,
    /// Support report received on.
    pub report_on: Option<NaiveDate>,
    /// Report summary.
    pub report_summary: String,
    /// Feedback to the chamber sent on.
    pub feedback_on: Option<NaiveDate>,
    /// The dispatch application it became.
    pub dispatch_id: Option<i64>,
    /// That application's number.
    pub dispatch_number: Option<DispatchNumber>,
}

/// Everything about one event that its detail view and forms need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDetail {
    /// The event.
    pub id: i64,
    /// Seminar or consultation day.
    pub kind: EventKind,
    /// Organising body (id, name).
    pub organiser: (i64, String),
    /// Title.
    pub title: String,
    /// Theme (R-S4).
    pub theme: u8,
    /// Date.
    pub date: NaiveDate,
    /// Start.
    pub start_min: u16,
    /// End.
    pub end_min: u16,
    /// Venue.
    pub venue_name: String,
    /// Venue kind (R-S5, R-S8).
    pub venue_kind: VenueKind,
    /// Venue fee advanced.
    pub venue_fee_yen: i64,
    /// Capacity.
    pub capacity: Option<i64>,
    /// Registrations.
    pub registrations: i64,
    /// Attendance once held.
    pub attendance: Option<i64>,
    /// Slot length (consultation days).
    pub slot_minutes: Option<u16>,
    /// Status.
    pub status: EventStatus,
    /// Why it was cancelled.
    pub cancel_reason: String,
    /// Form 2/3 received on.
    pub applied_on: Option<NaiveDate>,
    /// Publicity: press release (R-S9).
    pub press_release_on: Option<NaiveDate>,
    /// Publicity: the desk's web page (R-S9).
    pub web_page_on: Option<NaiveDate>,
    /// Publicity: notice to partner support bodies.
    pub partner_notice_on: Option<NaiveDate>,
    /// Note.
    pub note: String,
    /// Row version when read.
    pub row_version: i64,
    /// Instructors (seminars) or consulting experts (consultation days).
    pub experts: Vec<EventExpert>,
    /// Bookings by time, then expert (consultation days).
    pub bookings: Vec<BookingLine>,
    /// Registrations and attendance (seminars).
    pub participants: Vec<ParticipantLine>,
    /// The startup-support series it is a session of (id, title; R-S10).
    pub series: Option<(i64, String)>,
    /// The areas the session covers (R-S10).
    pub areas: Vec<StartupArea>,
    /// Its experts with an honorarium/travel payment in the ledger (R-S6).
    pub paid_experts: Vec<i64>,
}

/// An event's detail (None: it no longer exists).
pub fn detail(conn: &Connection, id: i64) -> Result<Option<EventDetail>> {
    let d = conn
        .prepare_cached(
            "SELECT e.id, e.kind, e.organiser_id, o.name, e.title, e.theme, e.event_date, e.start_min, e.end_min,
                    e.venue_name, e.venue_kind, e.venue_fee_yen, e.capacity, e.registrations, e.attendance,
                    e.slot_minutes, e.status, e.cancel_reason, e.applied_on, e.press_release_on, e.web_page_on,
                    e.partner_notice_on, e.note, e.row_version, e.series_id, s.title
             FROM event e JOIN organisation o ON o.id = e.organiser_id
             LEFT JOIN event_series s ON s.id = e.series_id WHERE e.id = ?1",
        )?
        .query_row([id], |r| {
            Ok(EventDetail {
                id: r.get(0)?,
                kind: r.get(1)?,
                organiser: (r.get(2)?, r.get(3)?),
                title: r.get(4)?,
                theme: r.get(5)?,
                date: r.get(6)?,
                start_min: r.get(7)?,
                end_min: r.get(8)?,
                venue_name: r.get(9)?,
                venue_kind: r.get(10)?,
                venue_fee_yen: r.get(11)?,
                capacity: r.get(12)?,
                registrations: r.get(13)?,
                attendance: r.get(14)?,
                slot_minutes: r.get(15)?,
                status: r.get(16)?,
                cancel_reason: r.get(17)?,
                applied_on: r.get(18)?,
                press_release_on: r.get(19)?,
                web_page_on: r.get(20)?,
                partner_notice_on: r.get(21)?,
                note: r.get(22)?,
                row_version: r.get(23)?,
                experts: Vec::new(),
                bookings: Vec::new(),
                participants: Vec::new(),
                series: match (r.get::<_, Option<i64>>(24)?, r.get::<_, Option<String>>(25)?) {
                    (Some(id), Some(title)) => Some((id, title)),
                    _ => None,
                },
                areas: Vec::new(),
                paid_experts: Vec::new(),
            })
        })
        .optional()?;
    let Some(mut d) = d else { return Ok(None) };
    let mut st = conn.prepare_cached(
        "SELECT x.id, x.name FROM event_expert ee JOIN expert x ON x.id = ee.expert_id
         WHERE ee.event_id = ?1 ORDER BY ee.id",
    )?;
    d.experts =
        st.query_map([id], |r| Ok(EventExpert { id: r.get(0)?, name: r.get(1)? }))?.collect::<rusqlite::Result<_>>()?;
    let mut st = conn.prepare_cached(
        "SELECT bk.id, bk.expert_id, x.name, bk.start_min, bk.end_min, bk.business_id, COALESCE(b.name, ''),
                bk.report_received_on, bk.report_summary, bk.feedback_sent_on, bk.dispatch_id, dp.fiscal_year, dp.seq
         FROM booking bk JOIN expert x ON x.id = bk.expert_id LEFT JOIN business b ON b.id = bk.business_id
         LEFT JOIN dispatch dp ON dp.id = bk.dispatch_id
         WHERE bk.event_id = ?1 ORDER BY bk.start_min, bk.expert_id, bk.id",
    )?;
    d.bookings = st
        .query_map([id], |r| {
            Ok(BookingLine {
                id: r.get(0)?,
                expert_id: r.get(1)?,
                expert: r.get(2)?,
                start_min: r.get(3)?,
                end_min: r.get(4)?,
                business_id: r.get(5)?,
                business: r.get(6)?,
                report_on: r.get(7)?,
                report_summary: r.get(8)?,
                feedback_on: r.get(9)?,
                dispatch_id: r.get(10)?,
                dispatch_number: match (r.get::<_, Option<i32>>(11)?, r.get::<_, Option<u32>>(12)?) {
                    (Some(fiscal_year), Some(seq)) => Some(DispatchNumber { fiscal_year, seq }),
                    _ => None,
                },
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    d.participants = participants::list(conn, id)?;
    d.areas = participants::areas(conn, id)?;
    let mut st =
        conn.prepare_cached("SELECT DISTINCT expert_id FROM payment WHERE event_id = ?1 ORDER BY expert_id")?;
    d.paid_experts = st.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(Some(d))
}

/// What an expert is doing on `date` (DESK-1): bookings, dispatch visits and the events they teach at or consult
/// in, leaving out booking `except_booking` and event `except_event` (the one being booked into).
pub fn engagements(
    conn: &Connection,
    expert_id: i64,
    date: NaiveDate,
    except_booking: i64,
    except_event: i64,
) -> Result<Vec<Engagement>> {
    let mut st = conn.prepare_cached(
        "SELECT 'booking', bk.start_min, bk.end_min, e.title FROM booking bk JOIN event e ON e.id = bk.event_id
         WHERE bk.expert_id = ?1 AND e.event_date = ?2 AND e.status <> 'cancelled' AND bk.id <> ?3
         UNION ALL
         SELECT 'visit', v.start_min, v.end_min, b.name FROM visit v
         JOIN dispatch d ON d.id = v.dispatch_id JOIN business b ON b.id = d.business_id
         WHERE v.expert_id = ?1 AND v.visit_date = ?2
         UNION ALL
         SELECT 'event', e.start_min, e.end_min, e.title FROM event_expert ee JOIN event e ON e.id = ee.event_id
         WHERE ee.expert_id = ?1 AND e.event_date = ?2 AND e.status <> 'cancelled' AND e.id <> ?4
         ORDER BY 2",
    )?;
    let rows = st.query_map(params![expert_id, date, except_booking, except_event], |r| {
        let kind: String = r.get(0)?;
        Ok(Engagement {
            kind: match kind.as_str() {
                "booking" => EngagementKind::Booking,
                "visit" => EngagementKind::Visit,
                _ => EngagementKind::Event,
            },
            start_min: r.get(1)?,
            end_min: r.get(2)?,
            what: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
