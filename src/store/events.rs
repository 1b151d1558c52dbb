//! Seminars (Form 2), consultation days (Form 3), their experts, participants and bookings.

use anyhow::Result;
use rusqlite::{Connection, params};

use crate::domain::model::StartupArea;
use crate::domain::records::NewEvent;

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
    Ok(conn.last_insert_rowid())
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
