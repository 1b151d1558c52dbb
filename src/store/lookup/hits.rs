//! The facts shown on each lookup row, read per record found (a handful of point queries on indexes), and
//! whether the record is active (the lookup's last ranking key).

use std::collections::HashSet;

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::{Hit, HitKind};
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::model::{ClaimStatus, DispatchNumber, DispatchStatus};
use crate::domain::rules::dispatch::{VisitUsage, remaining};

/// The hit of one record of `kind` (None when it is gone).
pub fn hit(conn: &Connection, fy: &FiscalYear, today: NaiveDate, kind: HitKind, id: i64) -> Result<Option<Hit>> {
    match kind {
        HitKind::Business => business(conn, fy, id),
        HitKind::Expert => expert(conn, today, id),
        HitKind::Application => application(conn, fy, today, id),
        HitKind::Organisation => organisation(conn, id),
        HitKind::Event => event(conn, id),
        HitKind::Claim => claim(conn, id),
    }
}

/// An application is open while its workflow has a next step (not rejected, not closed).
fn open(status: Option<DispatchStatus>) -> bool {
    status.is_some_and(|s| !s.next().is_empty())
}

/// Which of `ids` (records of `kind`) are active, in one query: a business whose latest application of the year
/// is open, an open application, an expert or organisation not retired, an event not cancelled whose day has not
/// passed, a claim not paid yet.
pub fn active(
    conn: &Connection,
    fy: &FiscalYear,
    today: NaiveDate,
    kind: HitKind,
    ids: &[i64],
) -> Result<HashSet<i64>> {
    if ids.is_empty() {
        return Ok(HashSet::new());
    }
    let list: rusqlite::vtab::array::Array =
        std::rc::Rc::new(ids.iter().copied().map(rusqlite::types::Value::from).collect());
    let within = "IN (SELECT value FROM rarray(?1))";
    let (sql, extra): (String, Option<rusqlite::types::Value>) = match kind {
        HitKind::Business => (
            "SELECT j.value, (SELECT d.status FROM dispatch d WHERE d.business_id = j.value AND d.fiscal_year = ?2
                              ORDER BY d.seq DESC LIMIT 1) FROM rarray(?1) j"
                .into(),
            Some(i64::from(fy.year).into()),
        ),
        HitKind::Application => (format!("SELECT id, status FROM dispatch WHERE id {within}"), None),
        HitKind::Expert => (format!("SELECT id, retired_on IS NULL FROM expert WHERE id {within}"), None),
        HitKind::Organisation => (format!("SELECT id, retired_on IS NULL FROM organisation WHERE id {within}"), None),
        HitKind::Event => (
            format!("SELECT id, status <> 'cancelled' AND event_date >= ?2 FROM event WHERE id {within}"),
            Some(today.to_string().into()),
        ),
        HitKind::Claim => (format!("SELECT id, status FROM claim WHERE id {within}"), None),
    };
    let mut st = conn.prepare_cached(&sql)?;
    let mut values: Vec<&dyn rusqlite::ToSql> = vec![&list];
    values.extend(extra.as_ref().map(|v| v as &dyn rusqlite::ToSql));
    let rows = st.query_map(rusqlite::params_from_iter(values), |r| {
        let id: i64 = r.get(0)?;
        let active = match kind {
            HitKind::Business | HitKind::Application => open(r.get(1)?),
            HitKind::Claim => r.get::<_, ClaimStatus>(1)? != ClaimStatus::Paid,
            _ => r.get(1)?,
        };
        Ok((id, active))
    })?;
    let mut out = HashSet::new();
    for row in rows {
        let (id, active) = row?;
        if active {
            out.insert(id);
        }
    }
    Ok(out)
}

fn business(conn: &Connection, fy: &FiscalYear, id: i64) -> Result<Option<Hit>> {
    Ok(conn
        .prepare_cached(
            "SELECT b.name, m.name, b.phone, o.name, d.seq, d.status
             FROM business b LEFT JOIN municipality m ON m.id = b.municipality_id
             LEFT JOIN organisation o ON o.id = b.chamber_id
             LEFT JOIN dispatch d ON d.id = (SELECT d2.id FROM dispatch d2 WHERE d2.business_id = b.id
                                              AND d2.fiscal_year = ?2 ORDER BY d2.seq DESC LIMIT 1)
             WHERE b.id = ?1",
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
        .optional()?)
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
            h.held_on = r.get(3)?;
            Ok(h)
        })
        .optional()?)
}

/// A claim: No. and the event as title, the amount as its place, the organising body (the payee) as affiliation.
fn claim(conn: &Connection, id: i64) -> Result<Option<Hit>> {
    Ok(conn
        .prepare_cached(
            "SELECT ev.title, c.amount_yen, o.name, ev.event_date FROM claim c
             JOIN event ev ON ev.id = c.event_id JOIN organisation o ON o.id = c.organisation_id WHERE c.id = ?1",
        )?
        .query_row([id], |r| {
            let date: NaiveDate = r.get(3)?;
            let mut h = Hit::new(HitKind::Claim, id, format!("No.{id} {date} {}", r.get::<_, String>(0)?));
            h.place = Some(crate::domain::parse::format_yen(r.get(1)?));
            h.affiliation = r.get(2)?;
            Ok(h)
        })
        .optional()?)
}
