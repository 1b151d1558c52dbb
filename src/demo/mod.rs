//! Demo data: a deterministic, realistic fiscal year of the desk at any scale.
//!
//! [`generate`] writes everything in one bulk transaction through the store's repository functions (no SQL
//! here). The same seed and scale give the same database contents (apart from the `created_at`/`updated_at`
//! and override `at` stamps, which the store takes from the clock). The demo's "today" is 4 November of the
//! fiscal year's first calendar year (clamped into the program period), as `madoguchi --demo` assumes: nothing
//! is received after it, events before it are held, events after it are still being prepared.
//!
//! What is generated at scale 1 (×`scale` except the organisations and the desk's staff):
//! - a demo 商工会 for every town and village, and for the cities without a 商工会議所 in the reference data
//!   (skipping a name the reference data already has), each with guidance and support officers; 6 desk staff;
//! - 1,500 businesses, 120 experts with 15 relations to businesses, 300 dispatch applications with about 1,000
//!   visits, 400 desk consultations, 60 seminars (one startup series among them) and 30 consultation days,
//!   with their participants, bookings, Form 4 claims and honorarium payments.
//!
//! Businesses in a municipality without a demo 商工会 (the cities whose chamber is a 商工会議所 of the
//! reference data, which the generator cannot read) have no chamber in 30% of cases and otherwise a demo
//! 商工会 of another municipality of the same area (none when the area has no demo 商工会, e.g. 熊本市).

mod businesses;
mod dispatches;
mod events;
mod experts;
mod orgs;
mod pools;
mod text;

use std::collections::{HashMap, HashSet};

use anyhow::Result;
use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::Connection;

use crate::domain::calendar;
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::model::{LegalForm, RelationKind};
use crate::store::Store;
use pools::{LocalPool, Person, Pools};

/// The random number generator of the demo (deterministic for a seed on every platform).
pub(crate) type DemoRng = ChaCha8Rng;

/// What the generator wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoSummary {
    /// Demo organisations (商工会) written.
    pub organisations: usize,
    /// Their guidance and support officers.
    pub organisation_staff: usize,
    /// The desk's staff.
    pub desk_staff: usize,
    /// Businesses written.
    pub businesses: usize,
    /// Experts.
    pub experts: usize,
    /// Expert relations (R-D5 grounds 1, 2).
    pub expert_relations: usize,
    /// Dispatch applications (Form 1).
    pub dispatches: usize,
    /// Visits.
    pub visits: usize,
    /// Rejection grounds.
    pub rejection_grounds: usize,
    /// R-D1 overrides.
    pub overrides: usize,
    /// Desk consultations.
    pub consultations: usize,
    /// Consultations linked to the dispatch they became.
    pub linked_consultations: usize,
    /// Seminars (Form 2).
    pub seminars: usize,
    /// Consultation days (Form 3).
    pub consultation_days: usize,
    /// Startup-support series (R-S10).
    pub series: usize,
    /// Instructors and consulting experts of events.
    pub event_experts: usize,
    /// Seminar participants.
    pub participants: usize,
    /// Consultation-day bookings.
    pub bookings: usize,
    /// Form 4 claims.
    pub claims: usize,
    /// Honorarium/travel payments.
    pub payments: usize,
}

impl std::fmt::Display for DemoSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let rows: [(&str, &str, usize); 20] = [
            ("団体", "organisations", self.organisations),
            ("団体職員", "organisation staff", self.organisation_staff),
            ("窓口職員", "desk staff", self.desk_staff),
            ("事業者", "businesses", self.businesses),
            ("専門家", "experts", self.experts),
            ("専門家の関係", "expert relations", self.expert_relations),
            ("派遣申請", "dispatch applications", self.dispatches),
            ("派遣", "visits", self.visits),
            ("否決理由", "rejection grounds", self.rejection_grounds),
            ("例外承認", "overrides", self.overrides),
            ("窓口相談", "desk consultations", self.consultations),
            ("うち派遣申請へ", "linked to a dispatch", self.linked_consultations),
            ("講習会", "seminars", self.seminars),
            ("個別相談会", "consultation days", self.consultation_days),
            ("創業支援シリーズ", "startup series", self.series),
            ("講師・相談員", "event experts", self.event_experts),
            ("参加者", "participants", self.participants),
            ("予約", "bookings", self.bookings),
            ("立替金精算", "claims", self.claims),
            ("謝金・旅費", "payments", self.payments),
        ];
        for (i, (ja, en, n)) in rows.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{ja} {en} {n}")?;
        }
        Ok(())
    }
}

/// Fills `store` with demo data for `fy` at `scale` (deterministic for `seed`).
pub fn generate(store: &mut Store, fy: &FiscalYear, scale: u32, seed: u64) -> Result<DemoSummary> {
    let scale = scale.max(1) as usize;
    store.bulk(|tx| {
        let mut g = Gen::new(tx, fy, scale, seed)?;
        g.run()?;
        Ok(g.summary)
    })
}

/// The demo's today: 4 November of the fiscal year's first calendar year, inside the program period.
pub fn demo_today(fy: &FiscalYear) -> NaiveDate {
    NaiveDate::from_ymd_opt(fy.year, 11, 4).unwrap_or(fy.period.start).clamp(fy.period.start, fy.period.end)
}

/// A municipality with what the generator needs about it.
struct Muni {
    id: i64,
    code: String,
    name: String,
    reading: String,
    kind: String,
    area: usize,
    district: &'static str,
    local: LocalPool,
    /// A 商工会議所 of the reference data is seated here.
    has_cci: bool,
    /// The reference data has a 商工会 named like the demo one would be.
    has_reference_shokokai: bool,
    /// The demo organisation seated here.
    org: Option<usize>,
    /// Share of the businesses.
    weight: u32,
}

/// A demo organisation.
struct Org {
    id: i64,
    muni: usize,
    name: String,
    officers: Vec<i64>,
    support: Vec<i64>,
}

/// The desk's staff.
#[derive(Default)]
struct Desk {
    coordinators: Vec<i64>,
    supporters: Vec<i64>,
    /// Who records overrides (the head coordinator).
    head: String,
}

const NONE16: u16 = u16::MAX;

/// A business, small enough to hold 150,000 of.
#[derive(Clone, Copy)]
struct Biz {
    id: i64,
    muni: u16,
    chamber: u16,
    trade: u16,
    employees: u16,
    rep: Person,
    form: Option<LegalForm>,
    /// R-E1 and R-E3 hold.
    eligible: bool,
    /// Over the R-E4 limits.
    over: bool,
}

/// An expert.
#[derive(Clone, Copy)]
struct Expert {
    id: i64,
    themes: u128,
    is_corp: bool,
    active: bool,
}

/// The generator's state.
struct Gen<'a> {
    conn: &'a Connection,
    fy: &'a FiscalYear,
    scale: usize,
    rng: DemoRng,
    pools: Pools,
    today: NaiveDate,
    federation: i64,
    munis: Vec<Muni>,
    areas: Vec<String>,
    /// Demo organisations per area.
    area_orgs: Vec<Vec<usize>>,
    orgs: Vec<Org>,
    desk: Desk,
    biz: Vec<Biz>,
    /// Eligible businesses per area (participants, bookings).
    biz_by_area: Vec<Vec<u32>>,
    /// Eligible businesses with a chamber (applications through a chamber).
    biz_with_chamber: Vec<u32>,
    /// Eligible businesses.
    biz_eligible: Vec<u32>,
    /// Businesses outside the prefecture or of an ineligible legal form.
    biz_ineligible: Vec<u32>,
    experts: Vec<Expert>,
    /// Active experts per theme number.
    experts_by_theme: Vec<Vec<u32>>,
    /// Expert relations (expert, business, kind).
    relations: Vec<(u32, u32, RelationKind)>,
    related: HashSet<(u32, u32)>,
    /// Half-days an expert is busy: key (expert, day) → bit 1 morning, bit 2 afternoon.
    busy: HashMap<(u32, i32), u8>,
    summary: DemoSummary,
}

impl<'a> Gen<'a> {
    fn new(conn: &'a Connection, fy: &'a FiscalYear, scale: usize, seed: u64) -> Result<Gen<'a>> {
        Ok(Gen {
            conn,
            fy,
            scale,
            rng: ChaCha8Rng::seed_from_u64(seed),
            pools: Pools::load(),
            today: demo_today(fy),
            federation: crate::store::organisations::federation_id(conn)?,
            munis: Vec::new(),
            areas: Vec::new(),
            area_orgs: Vec::new(),
            orgs: Vec::new(),
            desk: Desk::default(),
            biz: Vec::new(),
            biz_by_area: Vec::new(),
            biz_with_chamber: Vec::new(),
            biz_eligible: Vec::new(),
            biz_ineligible: Vec::new(),
            experts: Vec::new(),
            experts_by_theme: Vec::new(),
            relations: Vec::new(),
            related: HashSet::new(),
            busy: HashMap::new(),
            summary: DemoSummary::default(),
        })
    }

    fn run(&mut self) -> Result<()> {
        self.load_municipalities()?;
        self.organisations()?;
        self.businesses()?;
        self.experts()?;
        self.events()?;
        self.dispatches()?;
        self.consultations()?;
        Ok(())
    }

    // ---- dates -------------------------------------------------------------------------------------------

    /// `d` plus `days`.
    fn add(d: NaiveDate, days: i64) -> NaiveDate {
        d.checked_add_signed(TimeDelta::days(days)).unwrap_or(d)
    }

    /// A random day in `lo..=hi` (lo when the range is empty).
    fn day_between(&mut self, lo: NaiveDate, hi: NaiveDate) -> NaiveDate {
        let span = (hi - lo).num_days();
        if span <= 0 { lo } else { Self::add(lo, self.rng.random_range(0..=span)) }
    }

    /// The first weekday that is not a national holiday, on or after `d`.
    fn business_day(d: NaiveDate) -> NaiveDate {
        let mut d = d;
        while matches!(d.weekday(), Weekday::Sat | Weekday::Sun) || calendar::holiday(d).is_some() {
            d = Self::add(d, 1);
        }
        d
    }

    /// A random business day `min..=max` days after `d`.
    fn later(&mut self, d: NaiveDate, min: i64, max: i64) -> NaiveDate {
        let n = self.rng.random_range(min..=max);
        Self::business_day(Self::add(d, n))
    }

    // ---- experts' calendar -------------------------------------------------------------------------------

    fn day_key(d: NaiveDate) -> i32 {
        d.num_days_from_ce()
    }

    /// Whether `expert` is free in the half-days `mask` of `d`.
    fn expert_free(&self, expert: u32, d: NaiveDate, mask: u8) -> bool {
        self.busy.get(&(expert, Self::day_key(d))).is_none_or(|b| b & mask == 0)
    }

    /// Books `expert` for the half-days `mask` of `d`.
    fn book_expert(&mut self, expert: u32, d: NaiveDate, mask: u8) {
        *self.busy.entry((expert, Self::day_key(d))).or_insert(0) |= mask;
    }

    /// An active expert for `theme` (any active expert when nobody covers it), free all day on `d` if possible.
    fn expert_for(&mut self, theme: u8, d: Option<NaiveDate>, avoid: &[u32]) -> Option<u32> {
        let list = self.experts_by_theme.get(theme as usize).filter(|l| !l.is_empty());
        let n = list.map_or(self.experts.len(), Vec::len);
        if n == 0 {
            return None;
        }
        for _ in 0..24 {
            let i = self.rng.random_range(0..n);
            let e = match list {
                Some(l) => l[i],
                None => i as u32,
            };
            if !self.experts[e as usize].active || avoid.contains(&e) {
                continue;
            }
            if d.is_none_or(|d| self.expert_free(e, d, 3)) {
                return Some(e);
            }
        }
        None
    }

    /// Area index of a municipality index (`NONE16` → none).
    fn area_of(&self, muni: u16) -> Option<usize> {
        (muni != NONE16).then(|| self.munis[muni as usize].area)
    }

    /// A local word of a municipality (or a general word).
    fn local_word(&mut self, muni: Option<usize>) -> &'static str {
        match muni {
            Some(m) if !self.munis[m].local.words.is_empty() => {
                let words = &self.munis[m].local.words;
                words[self.rng.random_range(0..words.len())].text
            }
            _ => pools::pick(&mut self.rng, &self.pools.words).text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_prints_one_line_per_table() {
        let s = DemoSummary { businesses: 1500, ..Default::default() };
        let text = s.to_string();
        assert!(text.lines().any(|l| l == "事業者 businesses 1500"), "{text}");
        assert_eq!(text.lines().count(), 20);
    }

    #[test]
    fn business_days_skip_weekends_and_holidays() {
        let d = |m, dd| NaiveDate::from_ymd_opt(2025, m, dd).unwrap();
        assert_eq!(Gen::business_day(d(11, 1)), d(11, 4), "Sat 1, Sun 2, 文化の日 Mon 3 November");
        assert_eq!(Gen::business_day(d(11, 4)), d(11, 4));
    }
}
