//! Seminars (Form 2), consultation days (Form 3), their experts, participants and bookings: inserts (also used by
//! the demo) and the desk's writes, each judged by the rules inside the caller's transaction.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::fiscal_year::FiscalYear;
use crate::domain::fold::fold;
use crate::domain::model::{DispatchNumber, EventKind, EventStatus, LegalForm, StartupArea};
use crate::domain::records::{NewDispatch, NewEvent};
use crate::domain::rules::Finding;
use crate::domain::rules::eligibility::{BusinessFacts, check_eligibility};
use crate::domain::rules::events::{check_attendance_fee, check_booking_feedback, check_expert_free, check_venue_fee};
use crate::domain::rules::money::propose_for_event;
use crate::domain::rules::period::check_period;
use crate::store::ledger::writes::{PaymentInput, create_payment};
use crate::store::participants::STARTUP_THEME;
use crate::store::workflow::{Outcome, Refusal};
use crate::store::{calendar, participants};

/// Inserts an event; returns its id.
pub fn insert(conn: &Connection, e: &NewEvent) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO event (fiscal_year, kind, organiser_id, title, theme, event_date, start_min, end_min, venue_name,
             venue_kind, venue_fee_yen, municipality_id, capacity, registrations, attendance, slot_minutes, series_id,
             status, cancel_reason, applied_on, press_release_on, web_page_on, partner_notice_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
    )?
    .execute(params![
        e.fiscal_year,
        e.kind,
        e.organiser_id,
        e.title,
        e.theme,
        e.date,
        e.start_min,
        e.end_min,
        e.venue_name,
        e.venue_kind,
        e.venue_fee_yen,
        e.municipality_id,
        e.capacity,
        e.registrations,
        e.attendance,
        e.slot_minutes,
        e.series_id,
        e.status,
        e.cancel_reason,
        e.applied_on,
        e.press_release_on,
        e.web_page_on,
        e.partner_notice_on
    ])?;
    let id = conn.last_insert_rowid();
    crate::store::search::reindex_record(conn, crate::store::search::Kind::Event, id)?;
    Ok(id)
}

/// Inserts a startup-seminar series; returns its id.
pub fn insert_series(conn: &Connection, fiscal_year: i32, title: &str) -> Result<i64> {
    conn.prepare_cached("INSERT INTO event_series (fiscal_year, title) VALUES (?1, ?2)")?
        .execute(params![fiscal_year, title])?;
    Ok(conn.last_insert_rowid())
}

/// Tags a session of a startup series with an area it covers (R-S10).
pub fn insert_startup_area(conn: &Connection, event_id: i64, area: StartupArea) -> Result<()> {
    conn.prepare_cached("INSERT OR IGNORE INTO event_startup_area (event_id, area) VALUES (?1, ?2)")?
        .execute(params![event_id, area])?;
    Ok(())
}

/// Adds an instructor (`instructor`) or consulting expert (`expert`) to an event.
pub fn insert_event_expert(conn: &Connection, event_id: i64, expert_id: i64, role: &str) -> Result<i64> {
    conn.prepare_cached("INSERT INTO event_expert (event_id, expert_id, role) VALUES (?1, ?2, ?3)")?
        .execute(params![event_id, expert_id, role])?;
    Ok(conn.last_insert_rowid())
}

/// Adds a participant: a business, or a prospective founder recorded as an individual (R-S2).
pub fn insert_participant(
    conn: &Connection,
    event_id: i64,
    business_id: Option<i64>,
    person: Option<(&str, &str)>,
    attended: bool,
) -> Result<i64> {
    let (name, reading) = person.unwrap_or(("", ""));
    conn.prepare_cached(
        "INSERT INTO participant (event_id, business_id, person_name, person_reading, is_prospective_founder, attended)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![event_id, business_id, name, reading, person.is_some(), attended])?;
    Ok(conn.last_insert_rowid())
}

/// Books a business to an expert in a consultation-day slot.
pub fn insert_booking(
    conn: &Connection,
    event_id: i64,
    expert_id: i64,
    start_min: u16,
    end_min: u16,
    business_id: Option<i64>,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO booking (event_id, expert_id, start_min, end_min, business_id) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![event_id, expert_id, start_min, end_min, business_id])?;
    Ok(conn.last_insert_rowid())
}

/// A seminar or consultation day as the event form gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventEdit {
    /// The event's fields.
    pub event: NewEvent,
    /// The attendance fee typed (R-S3: anything but 0 is refused).
    pub attendance_fee_yen: i64,
    /// Instructors (seminars) or consulting experts (consultation days).
    pub experts: Vec<i64>,
    /// The startup-support series it is a session of, by title (empty: none; a new title starts a series).
    pub series: String,
    /// The areas the session covers (R-S10).
    pub areas: Vec<StartupArea>,
}

/// The role an expert has at an event of `kind`.
fn role(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Seminar => "instructor",
        EventKind::ConsultationDay => "expert",
    }
}

/// The rules an event's fields must meet: R-P1 (in the period), R-S3 (free), R-S5 (no fee for an office venue),
/// DESK-1 (its experts are free then).
fn event_findings(conn: &Connection, fy: &FiscalYear, edit: &EventEdit, id: i64) -> Result<Vec<Finding>> {
    let e = &edit.event;
    let mut out: Vec<Finding> = [
        check_period(&fy.period, e.date),
        check_attendance_fee(edit.attendance_fee_yen),
        check_venue_fee(e.venue_kind, e.venue_fee_yen),
    ]
    .into_iter()
    .flatten()
    .collect();
    let startup = e.kind == EventKind::Seminar && e.theme == STARTUP_THEME;
    if !startup && (!edit.series.trim().is_empty() || !edit.areas.is_empty()) {
        out.push(Finding::SeriesOnlyForStartup { theme: e.theme });
    }
    if e.status != EventStatus::Cancelled {
        for expert in &edit.experts {
            let day = calendar::engagements(conn, *expert, e.date, 0, id)?;
            out.extend(check_expert_free(e.date, e.start_min, e.end_min, &day));
        }
    }
    Ok(out)
}

/// The rules a new event must meet, as [`create_event`] checks them (an import checks its rows with this).
pub fn new_event_findings(conn: &Connection, fy: &FiscalYear, edit: &EventEdit) -> Result<Vec<Finding>> {
    event_findings(conn, fy, edit, 0)
}

/// The current organisation of this name (compared folded: widths, kana, ㈱), as an event's organising body.
pub fn organiser_named(conn: &Connection, name: &str) -> Result<Option<i64>> {
    let wanted = fold(name);
    if wanted.is_empty() {
        return Ok(None);
    }
    let mut st = conn.prepare_cached(
        "SELECT id, name FROM organisation WHERE merged_into_id IS NULL ORDER BY retired_on IS NOT NULL, id",
    )?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        if fold(&r.get::<_, String>(1)?) == wanted {
            return Ok(Some(r.get(0)?));
        }
    }
    Ok(None)
}

/// An event already recorded as this one: the same organiser and date and the same title folded (any status).
pub fn same_event(conn: &Connection, organiser_id: i64, date: NaiveDate, title: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM event WHERE organiser_id = ?1 AND event_date = ?2 AND fold(title) = ?3 ORDER BY id LIMIT 1",
        )?
        .query_row(params![organiser_id, date, fold(title)], |r| r.get(0))
        .optional()?)
}

/// Creates an event with its experts, unless a rule refuses it; returns its id.
pub fn create_event(conn: &Connection, fy: &FiscalYear, edit: &EventEdit) -> Result<Outcome<i64>> {
    let findings = event_findings(conn, fy, edit, 0)?;
    if !findings.is_empty() {
        return Ok(Err(Refusal::Findings(findings)));
    }
    let id = insert(conn, &edit.event)?;
    for expert in &edit.experts {
        conn.prepare_cached("INSERT OR IGNORE INTO event_expert (event_id, expert_id, role) VALUES (?1, ?2, ?3)")?
            .execute(params![id, expert, role(edit.event.kind)])?;
    }
    set_series(conn, id, edit)?;
    Ok(Ok(id))
}

/// Saves an edited event (its status, publicity and participants stay), unless a rule refuses it or it changed
/// since `row_version` was read. Experts no longer listed leave the event unless they have bookings there.
pub fn update_event(
    conn: &Connection,
    fy: &FiscalYear,
    id: i64,
    row_version: i64,
    edit: &EventEdit,
) -> Result<Outcome<()>> {
    let Some(current) = conn
        .query_row("SELECT row_version, status FROM event WHERE id = ?1", [id], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, EventStatus>(1)?))
        })
        .optional()?
    else {
        return Ok(Err(Refusal::Missing));
    };
    if current.0 != row_version {
        return Ok(Err(crate::store::workflow::missing_or_changed(conn, "event", id)?));
    }
    let edit = EventEdit { event: NewEvent { status: current.1, ..edit.event.clone() }, ..edit.clone() };
    let findings = event_findings(conn, fy, &edit, id)?;
    if !findings.is_empty() {
        return Ok(Err(Refusal::Findings(findings)));
    }
    let e = &edit.event;
    conn.prepare_cached(
        "UPDATE event SET kind = ?2, organiser_id = ?3, title = ?4, theme = ?5, event_date = ?6, start_min = ?7,
             end_min = ?8, venue_name = ?9, venue_kind = ?10, venue_fee_yen = ?11, capacity = ?12,
             registrations = CASE WHEN EXISTS (SELECT 1 FROM participant p WHERE p.event_id = ?1)
                                  THEN registrations ELSE ?13 END,
             attendance = CASE WHEN EXISTS (SELECT 1 FROM participant p WHERE p.event_id = ?1)
                               THEN attendance ELSE ?14 END,
             slot_minutes = ?15, row_version = row_version + 1,
             updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        e.kind,
        e.organiser_id,
        e.title,
        e.theme,
        e.date,
        e.start_min,
        e.end_min,
        e.venue_name,
        e.venue_kind,
        e.venue_fee_yen,
        e.capacity,
        e.registrations,
        e.attendance,
        e.slot_minutes
    ])?;
    let listed: Vec<String> = edit.experts.iter().map(i64::to_string).collect();
    conn.execute(
        &format!(
            "DELETE FROM event_expert WHERE event_id = ?1 AND expert_id NOT IN ({})
             AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.event_id = ?1 AND b.expert_id = event_expert.expert_id)",
            if listed.is_empty() { "0".to_string() } else { listed.join(",") }
        ),
        [id],
    )?;
    for expert in &edit.experts {
        conn.prepare_cached("INSERT OR IGNORE INTO event_expert (event_id, expert_id, role) VALUES (?1, ?2, ?3)")?
            .execute(params![id, expert, role(e.kind)])?;
    }
    set_series(conn, id, &edit)?;
    // An event with a participant list counts from it, whatever the form said (the update kept its counts).
    participants::recount(conn, id)?;
    crate::store::search::reindex_record(conn, crate::store::search::Kind::Event, id)?;
    Ok(Ok(()))
}

/// Puts a session into its series (by title, within its fiscal year) and records the areas it covers (R-S10).
fn set_series(conn: &Connection, id: i64, edit: &EventEdit) -> Result<()> {
    let title = edit.series.trim();
    let series =
        if title.is_empty() { None } else { Some(participants::series_by_title(conn, edit.event.fiscal_year, title)?) };
    conn.prepare_cached("UPDATE event SET series_id = ?2 WHERE id = ?1 AND series_id IS NOT ?2")?
        .execute(params![id, series])?;
    participants::set_areas(conn, id, &edit.areas)
}

/// Moves an event to `to` (a cancellation keeps its reason), unless it changed since `row_version` was read.
pub fn set_status(conn: &Connection, id: i64, row_version: i64, to: EventStatus, reason: &str) -> Result<Outcome<()>> {
    let n = conn
        .prepare_cached(
            "UPDATE event SET status = ?3, cancel_reason = ?4, row_version = row_version + 1,
                 updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')
             WHERE id = ?1 AND row_version = ?2",
        )?
        .execute(params![id, row_version, to, reason])?;
    changed_or_missing(conn, id, n)
}

/// Records the publicity checklist (R-S9): press release, the desk's web page, notice to partner bodies.
pub fn set_publicity(
    conn: &Connection,
    id: i64,
    row_version: i64,
    dates: [Option<NaiveDate>; 3],
) -> Result<Outcome<()>> {
    let n = conn
        .prepare_cached(
            "UPDATE event SET press_release_on = ?3, web_page_on = ?4, partner_notice_on = ?5,
                 row_version = row_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')
             WHERE id = ?1 AND row_version = ?2",
        )?
        .execute(params![id, row_version, dates[0], dates[1], dates[2]])?;
    changed_or_missing(conn, id, n)
}

fn changed_or_missing(conn: &Connection, id: i64, updated: usize) -> Result<Outcome<()>> {
    if updated == 1 {
        return Ok(Ok(()));
    }
    Ok(Err(crate::store::workflow::missing_or_changed(conn, "event", id)?))
}

/// A booking as the booking form gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewBooking {
    /// The consultation day.
    pub event_id: i64,
    /// The expert.
    pub expert_id: i64,
    /// The business.
    pub business_id: i64,
    /// Start of the slot (its length is the event's slot length).
    pub start_min: u16,
}

/// Books a business to an expert in a slot of a consultation day, unless the business is not eligible
/// (R-E1, R-E3) or the expert is elsewhere then (DESK-1); the expert joins the day's experts.
pub fn add_booking(conn: &Connection, fy: &FiscalYear, b: &NewBooking) -> Result<Outcome<i64>> {
    let Some((date, slot, status)) = conn
        .query_row(
            "SELECT event_date, COALESCE(slot_minutes, 60), status FROM event WHERE id = ?1",
            [b.event_id],
            |r| Ok((r.get::<_, NaiveDate>(0)?, r.get::<_, u16>(1)?, r.get::<_, EventStatus>(2)?)),
        )
        .optional()?
    else {
        return Ok(Err(Refusal::Missing));
    };
    if status == EventStatus::Cancelled {
        return Ok(Err(Refusal::Missing));
    }
    let end_min = b.start_min.saturating_add(slot).min(1440);
    let mut findings = business_findings(conn, fy, b.business_id)?;
    let day = calendar::engagements(conn, b.expert_id, date, 0, b.event_id)?;
    findings.extend(check_expert_free(date, b.start_min, end_min, &day));
    if !findings.is_empty() {
        return Ok(Err(Refusal::Findings(findings)));
    }
    conn.prepare_cached("INSERT OR IGNORE INTO event_expert (event_id, expert_id, role) VALUES (?1, ?2, 'expert')")?
        .execute(params![b.event_id, b.expert_id])?;
    Ok(Ok(insert_booking(conn, b.event_id, b.expert_id, b.start_min, end_min, Some(b.business_id))?))
}

/// R-E1, R-E3 (R-S2: participants as for a dispatch): why a business may not take part.
pub(crate) fn business_findings(conn: &Connection, fy: &FiscalYear, business_id: i64) -> Result<Vec<Finding>> {
    let facts = conn
        .query_row(
            "SELECT b.legal_form, m.code FROM business b LEFT JOIN municipality m ON m.id = b.municipality_id
             WHERE b.id = ?1",
            [business_id],
            |r| Ok((r.get::<_, Option<LegalForm>>(0)?, r.get::<_, Option<String>>(1)?)),
        )
        .optional()?;
    let Some((legal_form, code)) = facts else { return Ok(vec![Finding::OutsidePrefecture]) };
    let facts = BusinessFacts { legal_form, municipality_code: code.as_deref(), ..Default::default() };
    Ok(check_eligibility(&fy.eligibility, &facts))
}

/// Records a booking's support report and feedback to the chamber (R-S11: feedback only after the report).
pub fn record_report(
    conn: &Connection,
    booking_id: i64,
    report_on: Option<NaiveDate>,
    summary: &str,
    feedback_on: Option<NaiveDate>,
) -> Result<Outcome<()>> {
    if let Some(f) = check_booking_feedback(report_on, feedback_on) {
        return Ok(Err(Refusal::Findings(vec![f])));
    }
    let n = conn
        .prepare_cached(
            "UPDATE booking SET report_received_on = ?2, report_summary = ?3, feedback_sent_on = ?4,
                 row_version = row_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')
             WHERE id = ?1",
        )?
        .execute(params![booking_id, report_on, summary, feedback_on])?;
    Ok(if n == 1 { Ok(()) } else { Err(Refusal::Missing) })
}

/// Cancels a booking made by mistake (the slot becomes free again).
pub fn delete_booking(conn: &Connection, booking_id: i64) -> Result<Outcome<()>> {
    let n = conn.prepare_cached("DELETE FROM booking WHERE id = ?1")?.execute([booking_id])?;
    Ok(if n == 1 { Ok(()) } else { Err(Refusal::Missing) })
}

/// R-S6: proposes in the ledger the honorarium and travel of each instructor or expert of the event who has no
/// payment for it yet (the fee schedule of the fiscal-year file, withholding by its rates); returns how many.
/// Refused with the ledger's R-S6 findings when nobody is left to propose for.
pub fn propose_honoraria(conn: &Connection, fy: &FiscalYear, event_id: i64, on: NaiveDate) -> Result<Outcome<usize>> {
    let experts: Vec<i64> = {
        let mut st = conn.prepare_cached("SELECT expert_id FROM event_expert WHERE event_id = ?1 ORDER BY id")?;
        st.query_map([event_id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
    };
    if experts.is_empty() {
        return Ok(Err(Refusal::Findings(vec![Finding::PayeeNotOnRecord])));
    }
    let proposal = propose_for_event(&fy.fees);
    let mut proposed = 0;
    let mut refused = Vec::new();
    for expert_id in experts {
        let input = PaymentInput {
            expert_id,
            visit_id: None,
            event_id: Some(event_id),
            honorarium_yen: proposal.honorarium_yen,
            travel_yen: proposal.travel_yen,
            proposed_on: on,
            note: String::new(),
        };
        match create_payment(conn, fy.year, &fy.withholding, &input)? {
            Ok(_) => proposed += 1,
            Err(Refusal::Findings(f)) => refused.extend(f),
            Err(r) => return Ok(Err(r)),
        }
    }
    if proposed == 0 {
        refused.dedup();
        return Ok(Err(Refusal::Findings(refused)));
    }
    Ok(Ok(proposed))
}

/// Turns a consultation-day booking into a dispatch application (Form 1) and keeps the link; refused when the
/// booking is gone or already became one (another console did it first).
pub fn booking_to_dispatch(
    conn: &Connection,
    booking_id: i64,
    d: &NewDispatch,
) -> Result<Outcome<(i64, DispatchNumber)>> {
    let linked: Option<Option<i64>> = conn
        .prepare_cached("SELECT dispatch_id FROM booking WHERE id = ?1")?
        .query_row([booking_id], |r| r.get(0))
        .optional()?;
    match linked {
        None => return Ok(Err(Refusal::Missing)),
        Some(Some(_)) => return Ok(Err(Refusal::Changed(None))),
        Some(None) => {}
    }
    let created = match crate::store::workflow::create_dispatch(conn, d, None, None, false)? {
        Ok(created) => created,
        Err(r) => return Ok(Err(r)),
    };
    conn.prepare_cached(
        "UPDATE booking SET dispatch_id = ?2, row_version = row_version + 1,
             updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')
         WHERE id = ?1",
    )?
    .execute(params![booking_id, created.0])?;
    Ok(Ok(created))
}
