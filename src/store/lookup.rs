//! The global lookup: any record from what a caller says — names, readings, romaji, phone digits,
//! application numbers, dates — grouped by kind with the key facts, best match first.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::fiscal_year::FiscalYear;
use crate::domain::model::{DispatchNumber, DispatchStatus, OrganisationKind};
use crate::domain::parse::parse_date;
use crate::domain::rules::dispatch::{VisitUsage, remaining};
use crate::store::search::{self, Kind};

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
            organisation_kind: None,
        }
    }
}

/// Hits per kind, best first; kinds without hits are left out.
pub type Groups = Vec<(HitKind, Vec<Hit>)>;

/// Finds records for `query` (at most `per_kind` of each kind); `today` reads dates such as `11/4` or `R7.11.4`.
pub fn lookup(conn: &Connection, fy: &FiscalYear, today: NaiveDate, query: &str, per_kind: usize) -> Result<Groups> {
    let mut groups = Groups::new();
    let businesses = search::find(conn, Kind::Business, query, per_kind)?;
    let mut hits: Vec<Hit> =
        businesses.iter().filter_map(|id| business(conn, fy, *id).transpose()).collect::<Result<_>>()?;
    push(&mut groups, HitKind::Business, &mut hits);
    let experts = search::find(conn, Kind::Expert, query, per_kind)?;
    let mut hits: Vec<Hit> =
        experts.iter().filter_map(|id| expert(conn, today, *id).transpose()).collect::<Result<_>>()?;
    push(&mut groups, HitKind::Expert, &mut hits);
    let mut ids: Vec<i64> = Vec::new();
    let number = DispatchNumber::parse(query, fy.year);
    if let Some(n) = number {
        ids.extend(
            conn.query_row(
                "SELECT id FROM dispatch WHERE fiscal_year = ?1 AND seq = ?2",
                params![n.fiscal_year, n.seq],
                |r| r.get::<_, i64>(0),
            )
            .optional()?,
        );
    }
    if let Ok(date) = parse_date(query, today)
        && query.chars().any(|c| !c.is_ascii_digit())
    {
        let mut st = conn.prepare_cached(
            "SELECT id FROM dispatch WHERE received_on = ?1
             UNION SELECT dispatch_id FROM visit WHERE visit_date = ?1 LIMIT ?2",
        )?;
        for id in st.query_map(params![date, per_kind as i64], |r| r.get::<_, i64>(0))? {
            ids.push(id?);
        }
    }
    if !businesses.is_empty() {
        let list: Vec<String> = businesses.iter().map(i64::to_string).collect();
        let sql = format!(
            "SELECT id FROM dispatch WHERE business_id IN ({}) ORDER BY fiscal_year DESC, seq DESC LIMIT {per_kind}",
            list.join(",")
        );
        let mut st = conn.prepare(&sql)?;
        for id in st.query_map([], |r| r.get::<_, i64>(0))? {
            ids.push(id?);
        }
    }
    ids.dedup();
    ids.truncate(per_kind);
    let mut hits: Vec<Hit> =
        ids.iter().filter_map(|id| application(conn, fy, today, *id).transpose()).collect::<Result<_>>()?;
    let exact_number = number.is_some() && !hits.is_empty();
    push(&mut groups, HitKind::Application, &mut hits);
    if exact_number {
        // An application number typed in full is the best match: its group comes first.
        let i = groups.len() - 1;
        groups[..=i].rotate_right(1);
    }
    let orgs = search::find(conn, Kind::Organisation, query, per_kind)?;
    let mut hits: Vec<Hit> = orgs.iter().filter_map(|id| organisation(conn, *id).transpose()).collect::<Result<_>>()?;
    push(&mut groups, HitKind::Organisation, &mut hits);
    let mut hits: Vec<Hit> = events(conn, fy, today, query, per_kind)?
        .iter()
        .filter_map(|id| event(conn, *id).transpose())
        .collect::<Result<_>>()?;
    push(&mut groups, HitKind::Event, &mut hits);
    let mut hits: Vec<Hit> = claim_ids(conn, fy.year, query, &orgs, per_kind)?
        .iter()
        .filter_map(|id| claim(conn, *id).transpose())
        .collect::<Result<_>>()?;
    push(&mut groups, HitKind::Claim, &mut hits);
    Ok(groups)
}

/// This year's events whose title or venue contains `query` (or held on the date it reads as), nearest to today
/// first. Titles are few per year (a LIKE over one year's events), so they have no index of their own.
fn events(conn: &Connection, fy: &FiscalYear, today: NaiveDate, query: &str, per_kind: usize) -> Result<Vec<i64>> {
    let q = query.trim();
    if q.is_empty() {
        return Ok(Vec::new());
    }
    let date = parse_date(q, today).ok().filter(|_| q.chars().any(|c| !c.is_ascii_digit()));
    let mut st = conn.prepare_cached(
        "SELECT id FROM event WHERE fiscal_year = ?1 AND (title LIKE ?2 OR venue_name LIKE ?2 OR event_date = ?3)
         ORDER BY abs(julianday(event_date) - julianday(?4)), id LIMIT ?5",
    )?;
    let ids = st.query_map(params![fy.year, format!("%{q}%"), date, today, per_kind as i64], |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

fn event(conn: &Connection, id: i64) -> Result<Option<Hit>> {
    Ok(conn
        .prepare_cached(
            "SELECT e.title, e.venue_name, o.name, e.event_date FROM event e
             JOIN organisation o ON o.id = e.organiser_id WHERE e.id = ?1",
        )?
        .query_row([id], |r| {
            let mut h = Hit::new(HitKind::Event, id, r.get(0)?);
            h.place = Some(r.get::<_, String>(1)?).filter(|v| !v.is_empty());
            h.affiliation = r.get(2)?;
            h.next_date = r.get(3)?;
            Ok(h)
        })
        .optional()?)
}

/// Form 4 claims of the year: those of the organisations found, and those whose event title or receipt
/// reference contains the query (2+ characters); newest first.
fn claim_ids(conn: &Connection, fiscal_year: i32, query: &str, orgs: &[i64], per_kind: usize) -> Result<Vec<i64>> {
    let mut ids = Vec::new();
    let mut by_org = conn.prepare_cached(
        "SELECT id FROM claim WHERE organisation_id = ?1 AND fiscal_year = ?2 ORDER BY claimed_on DESC, id DESC LIMIT ?3",
    )?;
    for org in orgs {
        for id in by_org.query_map(params![org, fiscal_year, per_kind as i64], |r| r.get::<_, i64>(0))? {
            ids.push(id?);
        }
    }
    let query = query.trim();
    if query.chars().count() >= 2 {
        let like = format!("%{}%", query.replace('%', ""));
        let mut st = conn.prepare_cached(
            "SELECT c.id FROM claim c JOIN event ev ON ev.id = c.event_id
             WHERE c.fiscal_year = ?1 AND (ev.title LIKE ?2 OR c.receipt_ref LIKE ?2)
             ORDER BY c.claimed_on DESC, c.id DESC LIMIT ?3",
        )?;
        for id in st.query_map(params![fiscal_year, like, per_kind as i64], |r| r.get::<_, i64>(0))? {
            ids.push(id?);
        }
    }
    ids.truncate(per_kind);
    Ok(ids)
}

/// A claim: the event as title, the amount as its place, the organising body as affiliation.
fn claim(conn: &Connection, id: i64) -> Result<Option<Hit>> {
    Ok(conn
        .prepare_cached(
            "SELECT ev.title, c.amount_yen, o.name, ev.event_date FROM claim c JOIN event ev ON ev.id = c.event_id
             JOIN organisation o ON o.id = c.organisation_id WHERE c.id = ?1",
        )?
        .query_row([id], |r| {
            let date: NaiveDate = r.get(3)?;
            let mut h = Hit::new(HitKind::Claim, id, format!("{date} {}", r.get::<_, String>(0)?));
            h.place = Some(crate::domain::parse::format_yen(r.get(1)?));
            h.affiliation = r.get(2)?;
            Ok(h)
        })
        .optional()?)
}

fn push(groups: &mut Groups, kind: HitKind, hits: &mut Vec<Hit>) {
    let mut seen = std::collections::HashSet::new();
    hits.retain(|h| seen.insert(h.id));
    if !hits.is_empty() {
        groups.push((kind, std::mem::take(hits)));
    }
}

/// The last `limit` records opened from the lookup, newest first.
pub fn recent(conn: &Connection, fy: &FiscalYear, today: NaiveDate, limit: usize) -> Result<Groups> {
    let mut st = conn.prepare_cached("SELECT kind, record_id FROM recent ORDER BY opened_at DESC, id DESC LIMIT ?1")?;
    let rows: Vec<(String, i64)> =
        st.query_map([limit as i64], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    let mut all = Vec::new();
    for (kind, id) in rows {
        let hit = match HitKind::from_code(&kind) {
            Some(HitKind::Business) => business(conn, fy, id)?,
            Some(HitKind::Expert) => expert(conn, today, id)?,
            Some(HitKind::Application) => application(conn, fy, today, id)?,
            Some(HitKind::Organisation) => organisation(conn, id)?,
            Some(HitKind::Event) => event(conn, id)?,
            Some(HitKind::Claim) => claim(conn, id)?,
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

fn business(conn: &Connection, fy: &FiscalYear, id: i64) -> Result<Option<Hit>> {
    let row = conn
        .prepare_cached(
            "SELECT b.name, m.name, b.phone, o.name,
                    (SELECT d.seq FROM dispatch d WHERE d.business_id = b.id AND d.fiscal_year = ?2 ORDER BY d.seq DESC LIMIT 1),
                    (SELECT d.status FROM dispatch d WHERE d.business_id = b.id AND d.fiscal_year = ?2 ORDER BY d.seq DESC LIMIT 1)
             FROM business b LEFT JOIN municipality m ON m.id = b.municipality_id
             LEFT JOIN organisation o ON o.id = b.chamber_id WHERE b.id = ?1",
        )?
        .query_row(params![id, fy.year], |r| {
            let mut h = Hit::new(HitKind::Business, id, r.get(0)?);
            h.place = r.get(1)?;
            h.phone = r.get(2)?;
            h.affiliation = r.get(3)?;
            h.number = r.get::<_, Option<u32>>(4)?.map(|seq| DispatchNumber { fiscal_year: fy.year, seq });
            h.status = r.get(5)?;
            Ok(h)
        })
        .optional()?;
    Ok(row)
}

fn expert(conn: &Connection, today: NaiveDate, id: i64) -> Result<Option<Hit>> {
    Ok(conn
        .prepare_cached(
            "SELECT e.name, m.name, e.phone, e.affiliation,
                    (SELECT MIN(v.visit_date) FROM visit v WHERE v.expert_id = e.id AND v.visit_date >= ?2)
             FROM expert e LEFT JOIN municipality m ON m.id = e.municipality_id WHERE e.id = ?1",
        )?
        .query_row(params![id, today], |r| {
            let mut h = Hit::new(HitKind::Expert, id, r.get(0)?);
            h.place = r.get(1)?;
            h.phone = r.get(2)?;
            h.affiliation = Some(r.get::<_, String>(3)?).filter(|a| !a.is_empty());
            h.next_date = r.get(4)?;
            Ok(h)
        })
        .optional()?)
}

fn application(conn: &Connection, fy: &FiscalYear, today: NaiveDate, id: i64) -> Result<Option<Hit>> {
    Ok(conn
        .prepare_cached(
            "SELECT d.fiscal_year, d.seq, b.name, o.name, d.status,
                    (SELECT COALESCE(SUM(v.end_min - v.start_min), 0) FROM visit v WHERE v.dispatch_id = d.id),
                    (SELECT COUNT(*) FROM visit v WHERE v.dispatch_id = d.id),
                    (SELECT MIN(v.visit_date) FROM visit v WHERE v.dispatch_id = d.id AND v.visit_date >= ?2)
             FROM dispatch d JOIN business b ON b.id = d.business_id
             LEFT JOIN organisation o ON o.id = d.chamber_id WHERE d.id = ?1",
        )?
        .query_row(params![id, today], |r| {
            let number = DispatchNumber { fiscal_year: r.get(0)?, seq: r.get(1)? };
            let mut h = Hit::new(HitKind::Application, id, r.get(2)?);
            h.number = Some(number);
            h.affiliation = r.get(3)?;
            h.status = r.get(4)?;
            // R-D1's "what is left" comes from the rule (the year's own limits would need its own file).
            h.minutes_left = Some(remaining(&fy.visits, VisitUsage { minutes: r.get(5)?, visits: r.get(6)? }).minutes);
            h.next_date = r.get(7)?;
            Ok(h)
        })
        .optional()?)
}

fn organisation(conn: &Connection, id: i64) -> Result<Option<Hit>> {
    Ok(conn
        .prepare_cached(
            "SELECT o.name, m.name, o.phone, o.kind FROM organisation o
             LEFT JOIN municipality m ON m.id = o.municipality_id WHERE o.id = ?1",
        )?
        .query_row([id], |r| {
            let mut h = Hit::new(HitKind::Organisation, id, r.get(0)?);
            h.place = r.get(1)?;
            h.phone = r.get(2)?;
            h.organisation_kind = r.get(3)?;
            Ok(h)
        })
        .optional()?)
}
