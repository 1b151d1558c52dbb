//! Seminar participants: registrations of businesses, or of prospective founders as individuals (R-S2), their
//! attendance (the event's registration and attendance counts follow from them), and the startup-support
//! series (R-S10): membership, the areas a session covers, and who meets the guideline.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::fiscal_year::FiscalYear;
use crate::domain::model::{EventKind, EventStatus, StartupArea};
use crate::domain::rules::Finding;
use crate::domain::rules::startup::{SeriesOutcome, SeriesSession, Standing, startup_standing};
use crate::store::workflow::{Outcome, Refusal};

/// The theme of startup seminars (R-S4 ⑦), the only ones individuals attend (R-S2) and series are made of (R-S10).
pub const STARTUP_THEME: u8 = 7;

/// One registration of a seminar, as its participant list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipantLine {
    /// The participant row.
    pub id: i64,
    /// The business, when one registered.
    pub business_id: Option<i64>,
    /// The business's or the person's name.
    pub name: String,
    /// A prospective founder recorded as an individual (R-S2).
    pub founder: bool,
    /// Registered on.
    pub registered_on: Option<NaiveDate>,
    /// Attended.
    pub attended: bool,
}

/// A registration as the form gives it: a business from the roster, or a person about to start one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewParticipant {
    /// The seminar.
    pub event_id: i64,
    /// The business (None: an individual).
    pub business_id: Option<i64>,
    /// The individual's name and reading (prospective founders, R-S2).
    pub person: Option<(String, String)>,
    /// Registered on.
    pub registered_on: NaiveDate,
}

/// A seminar's registrations, businesses and individuals by name order of registration.
pub fn list(conn: &Connection, event_id: i64) -> Result<Vec<ParticipantLine>> {
    let mut st = conn.prepare_cached(
        "SELECT p.id, p.business_id, COALESCE(b.name, p.person_name), p.is_prospective_founder, p.registered_on,
                p.attended
         FROM participant p LEFT JOIN business b ON b.id = p.business_id WHERE p.event_id = ?1 ORDER BY p.id",
    )?;
    let rows = st.query_map([event_id], |r| {
        Ok(ParticipantLine {
            id: r.get(0)?,
            business_id: r.get(1)?,
            name: r.get(2)?,
            founder: r.get(3)?,
            registered_on: r.get(4)?,
            attended: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Registers a participant, unless the event is not an open seminar, the business is not eligible (R-E1, R-E3
/// via R-S2) or an individual registers for a seminar other than a startup seminar (R-S2).
pub fn register(conn: &Connection, fy: &FiscalYear, p: &NewParticipant) -> Result<Outcome<i64>> {
    let event = conn
        .query_row("SELECT kind, theme, status FROM event WHERE id = ?1", [p.event_id], |r| {
            Ok((r.get::<_, EventKind>(0)?, r.get::<_, u8>(1)?, r.get::<_, EventStatus>(2)?))
        })
        .optional()?;
    let Some((EventKind::Seminar, theme, status)) = event else { return Ok(Err(Refusal::Missing)) };
    if status == EventStatus::Cancelled {
        return Ok(Err(Refusal::Missing));
    }
    let findings = match (p.business_id, &p.person) {
        (Some(business), _) => crate::store::events::business_findings(conn, fy, business)?,
        (None, _) if theme != STARTUP_THEME => vec![Finding::IndividualOnlyAtStartupSeminar { theme }],
        (None, _) => Vec::new(),
    };
    if !findings.is_empty() {
        return Ok(Err(Refusal::Findings(findings)));
    }
    let person = p.person.as_ref().map(|(n, r)| (n.as_str(), r.as_str())).filter(|_| p.business_id.is_none());
    let id = crate::store::events::insert_participant(conn, p.event_id, p.business_id, person, false)?;
    conn.prepare_cached("UPDATE participant SET registered_on = ?2 WHERE id = ?1")?
        .execute(params![id, p.registered_on])?;
    recount(conn, p.event_id)?;
    Ok(Ok(id))
}

/// Records whether a participant attended; the event's attendance follows.
pub fn set_attended(conn: &Connection, participant_id: i64, attended: bool) -> Result<Outcome<()>> {
    let Some(event_id) = event_of(conn, participant_id)? else { return Ok(Err(Refusal::Missing)) };
    conn.prepare_cached("UPDATE participant SET attended = ?2, row_version = row_version + 1 WHERE id = ?1")?
        .execute(params![participant_id, attended])?;
    recount(conn, event_id)?;
    Ok(Ok(()))
}

/// Removes a registration made by mistake (or withdrawn); the event's counts follow.
pub fn remove(conn: &Connection, participant_id: i64) -> Result<Outcome<()>> {
    let Some(event_id) = event_of(conn, participant_id)? else { return Ok(Err(Refusal::Missing)) };
    conn.prepare_cached("DELETE FROM participant WHERE id = ?1")?.execute([participant_id])?;
    recount(conn, event_id)?;
    Ok(Ok(()))
}

fn event_of(conn: &Connection, participant_id: i64) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT event_id FROM participant WHERE id = ?1")?
        .query_row([participant_id], |r| r.get(0))
        .optional()?)
}

/// Sets an event's registrations and attendance from its participant list (an event without one keeps the
/// counts typed into its form): attendance once someone attended or the event was held.
pub fn recount(conn: &Connection, event_id: i64) -> Result<()> {
    // Written only when a count differs: an edit that changes nothing leaves no second audit row.
    conn.prepare_cached(
        "UPDATE event SET
             registrations = c.registered,
             attendance = CASE WHEN c.present > 0 OR status IN ('held', 'closed') THEN c.present ELSE NULL END,
             row_version = row_version + 1,
             updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')
         FROM (SELECT COUNT(*) AS registered, COUNT(*) FILTER (WHERE attended = 1) AS present
               FROM participant WHERE event_id = ?1) c
         WHERE id = ?1 AND c.registered > 0
           AND (registrations IS NOT c.registered
                OR attendance IS NOT CASE WHEN c.present > 0 OR status IN ('held', 'closed') THEN c.present END)",
    )?
    .execute([event_id])?;
    Ok(())
}

/// The id of this year's series titled `title`, created when there is none (the form names a series by title).
pub fn series_by_title(conn: &Connection, fiscal_year: i32, title: &str) -> Result<i64> {
    let found = conn
        .prepare_cached("SELECT id FROM event_series WHERE fiscal_year = ?1 AND title = ?2 ORDER BY id LIMIT 1")?
        .query_row(params![fiscal_year, title], |r| r.get(0))
        .optional()?;
    match found {
        Some(id) => Ok(id),
        None => crate::store::events::insert_series(conn, fiscal_year, title),
    }
}

/// Replaces the areas a session covers (R-S10).
pub fn set_areas(conn: &Connection, event_id: i64, areas: &[StartupArea]) -> Result<()> {
    conn.prepare_cached("DELETE FROM event_startup_area WHERE event_id = ?1")?.execute([event_id])?;
    for a in areas {
        crate::store::events::insert_startup_area(conn, event_id, *a)?;
    }
    Ok(())
}

/// The areas a session covers, in their fixed order.
pub fn areas(conn: &Connection, event_id: i64) -> Result<Vec<StartupArea>> {
    let mut st = conn.prepare_cached("SELECT area FROM event_startup_area WHERE event_id = ?1")?;
    let found: Vec<StartupArea> = st.query_map([event_id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(StartupArea::ALL.iter().copied().filter(|a| found.contains(a)).collect())
}

/// A session of a series with its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionLine {
    /// Date, areas and id.
    pub session: SeriesSession,
    /// Title.
    pub title: String,
}

/// One participant of a series and where they stand against R-S10.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesPerson {
    /// The business's or the person's name.
    pub name: String,
    /// A prospective founder recorded as an individual.
    pub founder: bool,
    /// The sessions attended.
    pub attended: Vec<i64>,
    /// Measured against R-S10.
    pub standing: Standing,
}

/// A startup-support series: its sessions and its participants, those who meet the guideline first, then those
/// one session short, then the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesView {
    /// The series.
    pub id: i64,
    /// Its title.
    pub title: String,
    /// Sessions by date (cancelled ones left out).
    pub sessions: Vec<SessionLine>,
    /// Participants.
    pub people: Vec<SeriesPerson>,
}

/// A series as its view shows it (None: it no longer exists). People are told apart by their business, or
/// by name and reading for individuals.
pub fn series(conn: &Connection, fy: &FiscalYear, series_id: i64) -> Result<Option<SeriesView>> {
    let title: Option<String> = conn
        .prepare_cached("SELECT title FROM event_series WHERE id = ?1")?
        .query_row([series_id], |r| r.get(0))
        .optional()?;
    let Some(title) = title else { return Ok(None) };
    let mut st = conn.prepare_cached(
        "SELECT id, event_date, title FROM event WHERE series_id = ?1 AND status <> 'cancelled'
         ORDER BY event_date, start_min, id",
    )?;
    let rows: Vec<(i64, NaiveDate, String)> =
        st.query_map([series_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<rusqlite::Result<_>>()?;
    let mut sessions = Vec::with_capacity(rows.len());
    for (event_id, date, title) in rows {
        sessions.push(SessionLine { session: SeriesSession { event_id, date, areas: areas(conn, event_id)? }, title });
    }
    let mut st = conn.prepare_cached(
        "SELECT p.business_id, COALESCE(b.name, p.person_name), p.person_reading, p.is_prospective_founder,
                p.event_id, p.attended
         FROM event e JOIN participant p ON p.event_id = e.id LEFT JOIN business b ON b.id = p.business_id
         WHERE e.series_id = ?1 AND e.status <> 'cancelled' ORDER BY p.id",
    )?;
    type Row = (Option<i64>, String, String, bool, i64, bool);
    let rows: Vec<Row> = st
        .query_map([series_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?
        .collect::<rusqlite::Result<_>>()?;
    type Key = (Option<i64>, String, String);
    let mut keyed: Vec<(Key, String, bool, Vec<i64>)> = Vec::new();
    for (business, name, reading, founder, event_id, attended) in rows {
        let key = match business {
            Some(_) => (business, String::new(), String::new()),
            None => (None, name.clone(), reading),
        };
        let i = match keyed.iter().position(|k| k.0 == key) {
            Some(i) => i,
            None => {
                keyed.push((key, name, founder, Vec::new()));
                keyed.len() - 1
            }
        };
        if attended {
            keyed[i].3.push(event_id);
        }
    }
    let all: Vec<SeriesSession> = sessions.iter().map(|s| s.session.clone()).collect();
    let mut people: Vec<SeriesPerson> = keyed
        .into_iter()
        .map(|(_, name, founder, attended)| {
            let standing = startup_standing(&fy.startup_series, &all, &attended);
            SeriesPerson { name, founder, attended, standing }
        })
        .collect();
    let rank = |o: SeriesOutcome| match o {
        SeriesOutcome::Meets => 0,
        SeriesOutcome::OneShort { .. } => 1,
        SeriesOutcome::Short => 2,
    };
    people.sort_by_key(|p| (rank(p.standing.outcome), std::cmp::Reverse(p.standing.sessions)));
    Ok(Some(SeriesView { id: series_id, title, sessions, people }))
}
