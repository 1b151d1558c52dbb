//! Experts on the roster: one page of the list (filtered, sorted), one expert's card, and the candidates for a
//! case (an application under review) with their R-D5 conflicts with the applicant.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};

use super::{Conditions, TEXT_FILTER_LIMIT, id_list};
use crate::domain::fiscal_year::fiscal_year_bounds;
use crate::domain::model::{DispatchNumber, DispatchStatus, RelationKind};
use crate::domain::rules::Finding;
use crate::domain::rules::dispatch::{Relation, relation_conflicts};
use crate::store::search::{self, Kind};

/// The columns the expert list sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExpertSort {
    /// Reading (あいうえお順).
    #[default]
    Reading,
    /// Affiliation.
    Affiliation,
    /// Region (municipality code).
    Region,
    /// Visits this fiscal year.
    Visits,
    /// Hours this fiscal year (fewest first: "find" spreads the work).
    Hours,
    /// Honoraria paid this fiscal year.
    Honoraria,
}

impl ExpertSort {
    /// Every sort, in the order `o` cycles through them.
    pub const ALL: &'static [ExpertSort] = &[
        ExpertSort::Reading,
        ExpertSort::Affiliation,
        ExpertSort::Region,
        ExpertSort::Visits,
        ExpertSort::Hours,
        ExpertSort::Honoraria,
    ];

    fn order_by(self) -> &'static str {
        match self {
            ExpertSort::Reading => "e.reading, e.id",
            ExpertSort::Affiliation => "e.affiliation, e.reading, e.id",
            ExpertSort::Region => "m.code IS NULL, m.code, e.reading, e.id",
            ExpertSort::Visits => "visits, e.reading, e.id",
            ExpertSort::Hours => "minutes, e.reading, e.id",
            ExpertSort::Honoraria => "honoraria, e.reading, e.id",
        }
    }
}

/// Which experts the list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExpertFilter {
    /// Text matched against name, reading, phone, keywords, qualifications, affiliation (folded as the lookup).
    pub text: String,
    /// Only experts covering this theme.
    pub theme: Option<u8>,
    /// Only experts whose municipality lies in this area.
    pub area_id: Option<i64>,
    /// Only experts with no visit, event or consultation-day booking on this date.
    pub free_on: Option<NaiveDate>,
    /// Leave retired experts out (always so when finding an expert for a case).
    pub active_only: bool,
    /// Sort column.
    pub sort: ExpertSort,
    /// Largest first.
    pub descending: bool,
}

/// One row of the expert list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpertRow {
    /// Row id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Reading.
    pub reading: String,
    /// Themes covered.
    pub themes: Vec<u8>,
    /// Free keywords (EC-CUBE, freee, ...).
    pub keywords: String,
    /// Qualifications.
    pub qualifications: String,
    /// Affiliation.
    pub affiliation: String,
    /// Municipality name (region).
    pub region: String,
    /// Area of the municipality.
    pub area: Option<String>,
    /// Retired on.
    pub retired_on: Option<NaiveDate>,
    /// Visits this fiscal year.
    pub visits: u32,
    /// Visit minutes this fiscal year.
    pub minutes: u32,
    /// Honoraria paid this fiscal year.
    pub honoraria_yen: i64,
    /// R-D5 conflicts with the case's applicant (only when finding for a case).
    pub conflicts: Vec<Finding>,
}

fn conditions(conn: &Connection, f: &ExpertFilter) -> Result<Conditions> {
    let mut c = Conditions::default();
    if f.active_only {
        // Unary + keeps SQLite (no statistics here) from walking the retired_on index for the active: nearly every
        // expert is, and an area's, a theme's or the reading order's index narrows far more.
        c.push("+e.retired_on IS NULL", vec![]);
    }
    if let Some(t) = f.theme {
        c.push(
            "EXISTS (SELECT 1 FROM expert_theme t WHERE t.expert_id = e.id AND t.theme = ?)",
            vec![Value::from(i64::from(t))],
        );
    }
    if let Some(a) = f.area_id {
        c.push("m.area_id = ?", vec![Value::from(a)]);
    }
    if let Some(d) = f.free_on {
        let d = d.to_string();
        c.push(
            "NOT EXISTS (SELECT 1 FROM visit v WHERE v.expert_id = e.id AND v.visit_date = ?)
             AND NOT EXISTS (SELECT 1 FROM event_expert x JOIN event ev ON ev.id = x.event_id
                 WHERE x.expert_id = e.id AND ev.event_date = ? AND ev.status <> 'cancelled')
             AND NOT EXISTS (SELECT 1 FROM booking b JOIN event ev ON ev.id = b.event_id
                 WHERE b.expert_id = e.id AND ev.event_date = ? AND ev.status <> 'cancelled')",
            vec![Value::from(d.clone()), Value::from(d.clone()), Value::from(d)],
        );
    }
    let text = f.text.trim();
    if !text.is_empty() {
        let ids = search::find(conn, Kind::Expert, text, TEXT_FILTER_LIMIT)?;
        c.push(&format!("e.id IN ({})", id_list(&ids)), vec![]);
    }
    Ok(c)
}

/// How many experts match the filter.
pub fn count(conn: &Connection, f: &ExpertFilter) -> Result<usize> {
    let c = conditions(conn, f)?;
    let sql =
        format!("SELECT COUNT(*) FROM expert e LEFT JOIN municipality m ON m.id = e.municipality_id {}", c.clause());
    let n: i64 = conn.prepare_cached(&sql)?.query_row(params_from_iter(c.params.iter()), |r| r.get(0))?;
    Ok(n as usize)
}

/// One page of experts: `limit` rows from `offset`, with this fiscal year's visits, hours and honoraria.
pub fn page(
    conn: &Connection,
    fiscal_year: i32,
    f: &ExpertFilter,
    offset: usize,
    limit: usize,
) -> Result<Vec<ExpertRow>> {
    let mut c = conditions(conn, f)?;
    let (start, end) = fiscal_year_bounds(fiscal_year);
    let n = c.next();
    c.params.extend([
        Value::from(start.to_string()),
        Value::from(end.to_string()),
        Value::from(i64::from(fiscal_year)),
        Value::from(limit as i64),
        Value::from(offset as i64),
    ]);
    let order = f.sort.order_by();
    let order = if f.descending { order.replacen(',', " DESC,", 1) } else { order.to_string() };
    let sql = format!("{} {} ORDER BY {order} LIMIT ?{} OFFSET ?{}", select(n), c.clause(), n + 3, n + 4);
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params_from_iter(c.params.iter()), expert_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The list's SELECT ... FROM, with the fiscal year's first and last day and the year as parameters `?n`,
/// `?n+1` and `?n+2`.
fn select(n: usize) -> String {
    format!(
        "SELECT e.id, e.name, e.reading, e.keywords, e.qualifications, e.affiliation, COALESCE(m.name, ''), a.name,
             e.retired_on,
             (SELECT COUNT(*) FROM visit v WHERE v.expert_id = e.id AND v.visit_date BETWEEN ?{n} AND ?{n1}) AS visits,
             (SELECT COALESCE(SUM(v.end_min - v.start_min), 0) FROM visit v
                 WHERE v.expert_id = e.id AND v.visit_date BETWEEN ?{n} AND ?{n1}) AS minutes,
             (SELECT COALESCE(SUM(p.honorarium_yen), 0) FROM payment p
                 WHERE p.expert_id = e.id AND p.fiscal_year = ?{n2} AND p.status = 'paid') AS honoraria,
             (SELECT group_concat(theme) FROM (SELECT theme FROM expert_theme t WHERE t.expert_id = e.id ORDER BY theme))
         FROM expert e LEFT JOIN municipality m ON m.id = e.municipality_id LEFT JOIN area a ON a.id = m.area_id",
        n1 = n + 1,
        n2 = n + 2,
    )
}

fn expert_row(r: &rusqlite::Row) -> rusqlite::Result<ExpertRow> {
    let themes: Option<String> = r.get(12)?;
    Ok(ExpertRow {
        id: r.get(0)?,
        name: r.get(1)?,
        reading: r.get(2)?,
        keywords: r.get(3)?,
        qualifications: r.get(4)?,
        affiliation: r.get(5)?,
        region: r.get(6)?,
        area: r.get(7)?,
        retired_on: r.get(8)?,
        visits: r.get(9)?,
        minutes: r.get(10)?,
        honoraria_yen: r.get(11)?,
        themes: themes.unwrap_or_default().split(',').filter_map(|t| t.parse().ok()).collect(),
        conflicts: Vec::new(),
    })
}

/// The list row of one expert (with this year's figures), whatever the list's filter.
pub fn row(conn: &Connection, fiscal_year: i32, id: i64) -> Result<Option<ExpertRow>> {
    let (start, end) = fiscal_year_bounds(fiscal_year);
    let sql = format!("{} WHERE e.id = ?4", select(1));
    Ok(conn.prepare_cached(&sql)?.query_row(params![start, end, fiscal_year, id], expert_row).optional()?)
}

/// An expert's recorded relations to one business, as the rule reads them.
pub fn relations_with(conn: &Connection, expert_id: i64, business_id: i64) -> Result<Vec<Relation>> {
    let mut st = conn.prepare_cached(
        "SELECT kind, from_date, until_date FROM expert_relation WHERE expert_id = ?1 AND business_id = ?2",
    )?;
    let rows = st.query_map(params![expert_id, business_id], |r| {
        Ok(Relation { kind: r.get(0)?, from: r.get(1)?, until: r.get(2)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// An application for which an expert is being found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// The application.
    pub dispatch_id: i64,
    /// Its number.
    pub number: DispatchNumber,
    /// Its status.
    pub status: DispatchStatus,
    /// Its theme.
    pub theme: u8,
    /// The applicant.
    pub business_id: i64,
    /// The applicant's name.
    pub business: String,
    /// The area of the applicant's municipality.
    pub area: Option<(i64, String)>,
    /// Date received (relations are judged on this date).
    pub received_on: NaiveDate,
    /// The expert assigned so far.
    pub expert_id: Option<i64>,
}

/// The case of an application.
pub fn case(conn: &Connection, dispatch_id: i64) -> Result<Option<Case>> {
    Ok(conn
        .prepare_cached(
            "SELECT d.id, d.fiscal_year, d.seq, d.status, d.theme, b.id, b.name, a.id, a.name, d.received_on,
                 d.expert_id
             FROM dispatch d JOIN business b ON b.id = d.business_id
             LEFT JOIN municipality m ON m.id = b.municipality_id LEFT JOIN area a ON a.id = m.area_id
             WHERE d.id = ?1",
        )?
        .query_row([dispatch_id], |r| {
            let area_id: Option<i64> = r.get(7)?;
            let area_name: Option<String> = r.get(8)?;
            Ok(Case {
                dispatch_id: r.get(0)?,
                number: DispatchNumber { fiscal_year: r.get(1)?, seq: r.get(2)? },
                status: r.get(3)?,
                theme: r.get(4)?,
                business_id: r.get(5)?,
                business: r.get(6)?,
                area: area_id.zip(area_name),
                received_on: r.get(9)?,
                expert_id: r.get(10)?,
            })
        })
        .optional()?)
}

/// One page of candidates for a case, each with its R-D5 conflicts (grounds 1, 2) with the applicant.
pub fn candidates(
    conn: &Connection,
    fiscal_year: i32,
    case: &Case,
    f: &ExpertFilter,
    offset: usize,
    limit: usize,
) -> Result<Vec<ExpertRow>> {
    let mut rows = page(conn, fiscal_year, f, offset, limit)?;
    for row in &mut rows {
        row.conflicts = relation_conflicts(&relations_with(conn, row.id, case.business_id)?, case.received_on);
    }
    Ok(rows)
}

/// A relation of an expert to a business, as the card lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelationLine {
    /// Row id.
    pub id: i64,
    /// The business.
    pub business_id: i64,
    /// Its name.
    pub business: String,
    /// Belongs to (ground 1) or advisory contract (ground 2).
    pub kind: RelationKind,
    /// From.
    pub from: Option<NaiveDate>,
    /// Until.
    pub until: Option<NaiveDate>,
    /// Note.
    pub note: String,
}

/// Something an expert served or will serve: a visit of an application, or an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Engagement {
    /// Date.
    pub date: NaiveDate,
    /// Start, minutes after midnight.
    pub start_min: u16,
    /// Minutes.
    pub minutes: u32,
    /// Application number (visits) or the event's title.
    pub what: String,
    /// The business visited (visits) or the organiser (events).
    pub whom: String,
    /// An event rather than a visit.
    pub event: bool,
}

/// An expert's card: contact details, themes, relations, what they served and what is scheduled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpertCard {
    /// The list row (with this year's figures).
    pub row: ExpertRow,
    /// Phone.
    pub phone: String,
    /// E-mail.
    pub email: String,
    /// Address.
    pub address: String,
    /// Municipality id.
    pub municipality_id: Option<i64>,
    /// Paid as a corporation.
    pub is_corporation: bool,
    /// Note.
    pub note: String,
    /// Row version (stale edits are refused).
    pub row_version: i64,
    /// Relations to businesses (R-D5 grounds 1, 2).
    pub relations: Vec<RelationLine>,
    /// Visits and events from today on, soonest first.
    pub upcoming: Vec<Engagement>,
    /// Visits and events before today, newest first (at most [`HISTORY_LIMIT`]).
    pub history: Vec<Engagement>,
    /// Visits and events before today in all.
    pub history_total: usize,
}

/// Most past engagements a card holds.
pub const HISTORY_LIMIT: usize = 50;

/// Most upcoming engagements a card holds.
const UPCOMING_LIMIT: usize = 10;

/// The card of one expert, with figures for `fiscal_year` and the schedule around `today`.
pub fn card(conn: &Connection, fiscal_year: i32, id: i64, today: NaiveDate) -> Result<Option<ExpertCard>> {
    let Some(row) = row(conn, fiscal_year, id)? else { return Ok(None) };
    let (phone, email, address, municipality_id, is_corporation, note, row_version) = conn.query_row(
        "SELECT phone, email, address, municipality_id, is_corporation, note, row_version FROM expert WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)),
    )?;
    let mut st = conn.prepare_cached(
        "SELECT r.id, r.business_id, b.name, r.kind, r.from_date, r.until_date, r.note FROM expert_relation r
         JOIN business b ON b.id = r.business_id WHERE r.expert_id = ?1 ORDER BY r.until_date IS NOT NULL, r.id",
    )?;
    let relations = st
        .query_map([id], |r| {
            Ok(RelationLine {
                id: r.get(0)?,
                business_id: r.get(1)?,
                business: r.get(2)?,
                kind: r.get(3)?,
                from: r.get(4)?,
                until: r.get(5)?,
                note: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let upcoming = engagements(conn, id, today, true, UPCOMING_LIMIT)?;
    let history = engagements(conn, id, today, false, HISTORY_LIMIT)?;
    let history_total: i64 = conn.query_row(
        "SELECT (SELECT COUNT(*) FROM visit WHERE expert_id = ?1 AND visit_date < ?2)
              + (SELECT COUNT(*) FROM event_expert x JOIN event ev ON ev.id = x.event_id
                 WHERE x.expert_id = ?1 AND ev.event_date < ?2 AND ev.status <> 'cancelled')",
        params![id, today],
        |r| r.get(0),
    )?;
    Ok(Some(ExpertCard {
        row,
        phone,
        email,
        address,
        municipality_id,
        is_corporation,
        note,
        row_version,
        relations,
        upcoming,
        history,
        history_total: history_total as usize,
    }))
}

/// An expert's visits and events before `today` (newest first) or from `today` on (soonest first).
fn engagements(conn: &Connection, id: i64, today: NaiveDate, ahead: bool, limit: usize) -> Result<Vec<Engagement>> {
    let (cmp, order) = if ahead { (">=", "ASC") } else { ("<", "DESC") };
    let sql = format!(
        "SELECT * FROM (
             SELECT v.visit_date AS day, v.start_min AS start, v.end_min - v.start_min, d.fiscal_year, d.seq, b.name, 0
             FROM visit v JOIN dispatch d ON d.id = v.dispatch_id JOIN business b ON b.id = d.business_id
             WHERE v.expert_id = ?1 AND v.visit_date {cmp} ?2
             UNION ALL
             SELECT ev.event_date, ev.start_min, ev.end_min - ev.start_min, NULL, NULL, ev.title || '\u{1f}' || o.name, 1
             FROM event_expert x JOIN event ev ON ev.id = x.event_id JOIN organisation o ON o.id = ev.organiser_id
             WHERE x.expert_id = ?1 AND ev.event_date {cmp} ?2 AND ev.status <> 'cancelled')
         ORDER BY day {order}, start {order} LIMIT ?3"
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params![id, today, limit as i64], |r| {
        let event: bool = r.get(6)?;
        let text: String = r.get(5)?;
        let (what, whom) = if event {
            let (title, org) = text.split_once('\u{1f}').unwrap_or((&text, ""));
            (title.to_string(), org.to_string())
        } else {
            (DispatchNumber { fiscal_year: r.get(3)?, seq: r.get(4)? }.to_string(), text)
        };
        Ok(Engagement { date: r.get(0)?, start_min: r.get(1)?, minutes: r.get(2)?, what, whom, event })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
