//! The global lookup: any record from what a caller says — names, readings, romaji, phone digits,
//! application numbers, dates — grouped by kind with the key facts, best match first.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

mod hits;
pub mod rank;

use crate::domain::fiscal_year::FiscalYear;
use crate::domain::model::{DispatchNumber, DispatchStatus, OrganisationKind};
use crate::domain::parse::parse_date;
use crate::store::search::{self, Kind, MatchClass};
use rank::{Candidate, Recent};

/// What kind of record a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HitKind {
    /// 事業者.
    Business,
    /// 専門家.
    Expert,
    /// 申請.
    Application,
    /// 団体.
    Organisation,
    /// 講習会・相談会.
    Event,
    /// 立替金 (a Form 4 claim, opened on tab 4).
    Claim,
}

impl HitKind {
    /// Every kind in display order.
    pub const ALL: &'static [HitKind] = &[
        HitKind::Business,
        HitKind::Expert,
        HitKind::Application,
        HitKind::Organisation,
        HitKind::Event,
        HitKind::Claim,
    ];

    fn code(self) -> &'static str {
        match self {
            HitKind::Business => "business",
            HitKind::Expert => "expert",
            HitKind::Application => "dispatch",
            HitKind::Organisation => "organisation",
            HitKind::Event => "event",
            HitKind::Claim => "claim",
        }
    }

    fn from_code(s: &str) -> Option<HitKind> {
        HitKind::ALL.iter().copied().find(|k| k.code() == s)
    }
}

/// One record found, with the facts the desk needs on the phone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Kind.
    pub kind: HitKind,
    /// Row id.
    pub id: i64,
    /// Name or number + business.
    pub title: String,
    /// Municipality (businesses, experts, organisations).
    pub place: Option<String>,
    /// Phone as stored.
    pub phone: String,
    /// Chamber (businesses, applications) or affiliation (experts).
    pub affiliation: Option<String>,
    /// Application number (applications; a business's latest application).
    pub number: Option<DispatchNumber>,
    /// Application status.
    pub status: Option<DispatchStatus>,
    /// Minutes of visits left (R-D1), for applications.
    pub minutes_left: Option<i64>,
    /// Next visit date (experts, applications).
    pub next_date: Option<NaiveDate>,
    /// The day it is held (events; past or coming).
    pub held_on: Option<NaiveDate>,
    /// Organisation kind.
    pub organisation_kind: Option<OrganisationKind>,
}

impl Hit {
    /// A hit with its title and no facts yet.
    pub fn new(kind: HitKind, id: i64, title: String) -> Hit {
        Hit {
            kind,
            id,
            title,
            place: None,
            phone: String::new(),
            affiliation: None,
            number: None,
            status: None,
            minutes_left: None,
            next_date: None,
            held_on: None,
            organisation_kind: None,
        }
    }
}

/// Hits per kind, best first; kinds without hits are left out.
pub type Groups = Vec<(HitKind, Vec<Hit>)>;

/// How many candidates of each kind are ranked for each one shown (a bounded pool: the index's best matches,
/// re-ordered by recent use and activity).
const POOL: usize = 3;

/// Finds records for `query` (at most `per_kind` of each kind); `today` reads dates such as `11/4` or `R7.11.4`.
pub fn lookup(conn: &Connection, fy: &FiscalYear, today: NaiveDate, query: &str, per_kind: usize) -> Result<Groups> {
    let pool = per_kind * POOL;
    let recent = recent_ranks(conn)?;
    // One query tells which candidates are active; only the ones kept are read in full.
    let ranked = |kind: HitKind, found: Vec<(i64, MatchClass)>| -> Result<Vec<Hit>> {
        let ids: Vec<i64> = found.iter().map(|f| f.0).collect();
        let active = hits::active(conn, fy, today, kind, &ids)?;
        let candidates =
            found.into_iter().map(|(id, class)| Candidate { id, class, active: active.contains(&id) }).collect();
        let mut out = Vec::new();
        for id in rank::rank(kind, candidates, &recent, per_kind) {
            out.extend(hits::hit(conn, fy, today, kind, id)?);
        }
        Ok(out)
    };
    let pairs = |v: &[search::Match]| -> Vec<(i64, MatchClass)> { v.iter().map(|m| (m.id, m.class)).collect() };
    let mut groups = Groups::new();
    let businesses = search::find_ranked(conn, Kind::Business, query, pool)?;
    push(&mut groups, HitKind::Business, ranked(HitKind::Business, pairs(&businesses))?);
    // The small kinds share their substring probe (one full-text pass for the four).
    let [experts, orgs, events, claims]: [Vec<search::Match>; 4] =
        search::find_ranked_each(conn, &[Kind::Expert, Kind::Organisation, Kind::Event, Kind::Claim], query, pool)?
            .try_into()
            .expect("four kinds");

    push(&mut groups, HitKind::Expert, ranked(HitKind::Expert, pairs(&experts))?);
    let number = DispatchNumber::parse(query, fy.year);
    let apps = applications(conn, today, query, number, &businesses, pool)?;
    let hits = ranked(HitKind::Application, apps)?;
    let exact_number = number.is_some() && hits.first().is_some_and(|h| h.number == number);
    push(&mut groups, HitKind::Application, hits);
    if exact_number {
        // An application number typed in full is the best match: its group comes first.
        let i = groups.len() - 1;
        groups[..=i].rotate_right(1);
    }
    push(&mut groups, HitKind::Organisation, ranked(HitKind::Organisation, pairs(&orgs))?);
    let mut events = pairs(&events);
    if let Some(date) = date_of(query, today) {
        let mut st =
            conn.prepare_cached("SELECT id FROM event WHERE event_date = ?1 ORDER BY start_min, id LIMIT ?2")?;
        for id in st.query_map(params![date, pool as i64], |r| r.get::<_, i64>(0))? {
            events.push((id?, MatchClass::Exact));
        }
    }
    push(&mut groups, HitKind::Event, ranked(HitKind::Event, events)?);
    let mut claims = pairs(&claims);
    // The claims of the organisations found, as well matched as their payee.
    let mut by_org = conn.prepare_cached(
        "SELECT id FROM claim WHERE organisation_id = ?1 AND fiscal_year = ?2 ORDER BY claimed_on DESC, id DESC LIMIT ?3",
    )?;
    for org in orgs.iter().take(per_kind) {
        for id in by_org.query_map(params![org.id, fy.year, per_kind as i64], |r| r.get::<_, i64>(0))? {
            claims.push((id?, org.class));
        }
    }
    claims.truncate(pool);
    push(&mut groups, HitKind::Claim, ranked(HitKind::Claim, claims)?);
    Ok(groups)
}

/// The date a query reads as (`11/4`, `R7.11.4`, `2025-11-04`), unless it is only digits (a phone or number).
fn date_of(query: &str, today: NaiveDate) -> Option<NaiveDate> {
    let q = query.trim();
    parse_date(q, today).ok().filter(|_| q.chars().any(|c| !c.is_ascii_digit()))
}

/// Applications: the one numbered as typed (exact), those received or visited on the date typed, and the latest
/// ones of the businesses found (matched as well as their business).
fn applications(
    conn: &Connection,
    today: NaiveDate,
    query: &str,
    number: Option<DispatchNumber>,
    businesses: &[search::Match],
    pool: usize,
) -> Result<Vec<(i64, MatchClass)>> {
    let mut out: Vec<(i64, MatchClass)> = Vec::new();
    if let Some(n) = number {
        let id = conn
            .prepare_cached("SELECT id FROM dispatch WHERE fiscal_year = ?1 AND seq = ?2")?
            .query_row(params![n.fiscal_year, n.seq], |r| r.get::<_, i64>(0))
            .optional()?;
        out.extend(id.map(|id| (id, MatchClass::Exact)));
    }
    if let Some(date) = date_of(query, today) {
        let mut st = conn.prepare_cached(
            "SELECT id FROM dispatch WHERE received_on = ?1
             UNION SELECT dispatch_id FROM visit WHERE visit_date = ?1 LIMIT ?2",
        )?;
        for id in st.query_map(params![date, pool as i64], |r| r.get::<_, i64>(0))? {
            out.push((id?, MatchClass::Exact));
        }
    }
    let mut st = conn.prepare_cached(
        "SELECT id FROM dispatch WHERE business_id = ?1 ORDER BY fiscal_year DESC, seq DESC LIMIT ?2",
    )?;
    for b in businesses {
        if out.len() >= pool {
            break;
        }
        for id in st.query_map(params![b.id, pool as i64], |r| r.get::<_, i64>(0))? {
            out.push((id?, b.class));
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|(id, _)| seen.insert(*id));
    out.truncate(pool);
    Ok(out)
}

fn push(groups: &mut Groups, kind: HitKind, mut hits: Vec<Hit>) {
    let mut seen = std::collections::HashSet::new();
    hits.retain(|h| seen.insert(h.id));
    if !hits.is_empty() {
        groups.push((kind, hits));
    }
}

/// The records opened from the lookup, latest first (at most the 100 the table keeps).
fn recent_ranks(conn: &Connection) -> Result<Recent> {
    let mut st =
        conn.prepare_cached("SELECT kind, record_id FROM recent ORDER BY opened_at DESC, id DESC LIMIT 100")?;
    let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
    let mut out = Recent::new();
    for row in rows {
        let (kind, id) = row?;
        if let Some(kind) = HitKind::from_code(&kind) {
            let n = out.len();
            out.entry((kind, id)).or_insert(n);
        }
    }
    Ok(out)
}

/// The last `limit` records opened from the lookup, newest first.
pub fn recent(conn: &Connection, fy: &FiscalYear, today: NaiveDate, limit: usize) -> Result<Groups> {
    let mut st = conn.prepare_cached("SELECT kind, record_id FROM recent ORDER BY opened_at DESC, id DESC LIMIT ?1")?;
    let rows: Vec<(String, i64)> =
        st.query_map([limit as i64], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    let mut all = Vec::new();
    for (kind, id) in rows {
        let hit = match HitKind::from_code(&kind) {
            Some(kind) => hits::hit(conn, fy, today, kind, id)?,
            None => None,
        };
        all.extend(hit);
    }
    Ok(if all.is_empty() { Groups::new() } else { vec![(all[0].kind, all)] })
}

/// Remembers that a record was opened from the lookup.
pub fn remember(conn: &Connection, kind: HitKind, id: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO recent (kind, record_id) VALUES (?1, ?2)
         ON CONFLICT (kind, record_id) DO UPDATE SET opened_at = strftime('%Y-%m-%dT%H:%M:%f', 'now', 'localtime')",
        params![kind.code(), id],
    )?;
    conn.execute("DELETE FROM recent WHERE id NOT IN (SELECT id FROM recent ORDER BY opened_at DESC LIMIT 100)", [])?;
    Ok(())
}
