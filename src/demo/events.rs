//! Seminars (Form 2) and consultation days (Form 3): a startup series (R-S10), venues and fees (R-S5, R-S8),
//! statuses by date, instructors, participants, bookings, Form 4 claims and instructors' honoraria.

use anyhow::Result;
use chrono::NaiveDate;
use rand::Rng;

use super::experts::theme_weight;
use super::pools::{self, Person};
use super::{Gen, text};
use crate::domain::model::{ClaimStatus, EventKind, EventStatus, StartupArea, VenueKind};
use crate::domain::records::{NewClaim, NewEvent};
use crate::domain::wareki;
use crate::store::{events, ledger};

/// A consultation day's 60-minute slots (10:00..16:00 with a lunch break).
const SLOTS: [u16; 5] = [600, 660, 780, 840, 900];
const SEMINAR_TIMES: [(u16, u16); 5] = [(840, 960), (810, 990), (600, 720), (1110, 1230), (780, 960)];

/// A participant of a seminar: a business or a prospective founder (R-S2).
#[derive(Clone, Copy)]
enum Attendee {
    Business(u32),
    Founder(Person),
}

/// An event being written.
struct Spec {
    kind: EventKind,
    organiser: Option<usize>,
    theme: u8,
    date: NaiveDate,
    times: (u16, u16),
    title: String,
    series: Option<i64>,
    /// Never cancelled (sessions of a startup series).
    firm: bool,
}

impl Gen<'_> {
    /// 60 × scale seminars (a startup series per scale among them) and 30 × scale consultation days.
    pub(super) fn events(&mut self) -> Result<()> {
        let seminar_themes: Vec<u8> = self.fy.seminar_themes.iter().map(|t| t.number).collect();
        let day_themes: Vec<u8> = self.fy.dispatch_themes().iter().map(|t| t.number).collect();
        let mut seminars = 60 * self.scale;
        if seminar_themes.contains(&7) {
            for _ in 0..self.scale {
                seminars = seminars.saturating_sub(self.series(7)?);
            }
        }
        // Startup seminars outside a series are rare: the series covers that theme.
        let weights: Vec<u32> = seminar_themes.iter().map(|&t| if t == 7 { 1 } else { theme_weight(t) }).collect();
        for _ in 0..seminars {
            let theme = seminar_themes[pools::weighted(&mut self.rng, &weights)];
            let title = text::seminar_title(&mut self.rng, theme);
            let times = *pools::pick(&mut self.rng, &SEMINAR_TIMES);
            self.event(EventKind::Seminar, theme, title, times)?;
        }
        let weights: Vec<u32> = day_themes.iter().map(|&t| theme_weight(t)).collect();
        for _ in 0..30 * self.scale {
            let theme = day_themes[pools::weighted(&mut self.rng, &weights)];
            self.event(EventKind::ConsultationDay, theme, text::day_title(theme).to_string(), (600, 960))?;
        }
        Ok(())
    }

    /// A date for an event: a business day in the period (from ten days after its start).
    fn event_date(&mut self) -> NaiveDate {
        let (start, end) = (self.fy.period.start, self.fy.period.end);
        let d = self.day_between(Self::add(start, 10).min(end), end);
        let b = Self::business_day(d);
        if b > end { d } else { b }
    }

    fn event(&mut self, kind: EventKind, theme: u8, title: String, times: (u16, u16)) -> Result<()> {
        let organiser =
            (!self.orgs.is_empty() && self.rng.random_bool(0.65)).then(|| self.rng.random_range(0..self.orgs.len()));
        let date = self.event_date();
        let spec = Spec { kind, organiser, theme, date, times, title, series: None, firm: false };
        self.write_event(spec, &[]).map(|_| ())
    }

    /// One startup series (R-S10): sessions over more than the required span, covering the required areas.
    fn series(&mut self, theme: u8) -> Result<usize> {
        let fy = self.fy;
        let rules = &fy.startup_series;
        let areas: Vec<StartupArea> =
            if rules.required_areas.is_empty() { StartupArea::ALL.to_vec() } else { rules.required_areas.clone() };
        let sessions =
            (rules.min_sessions.max(areas.len() as u32) as usize).max(4) + usize::from(self.rng.random_bool(0.3));
        let gap_lo = i64::from(rules.min_span_days) / (sessions as i64 - 1) + 2;
        let gap_hi = gap_lo + 5;
        let (start, end) = (self.fy.period.start, self.fy.period.end);
        let latest = Self::add(end, -(gap_hi + 3) * sessions as i64);
        let first = self.day_between(Self::add(start, 20).min(latest), latest.max(start));
        let organiser =
            (!self.orgs.is_empty() && self.rng.random_bool(0.6)).then(|| self.rng.random_range(0..self.orgs.len()));
        let place = organiser.map_or("くまもと".to_string(), |o| self.munis[self.orgs[o].muni].name.clone());
        let series_title = format!("{} {place}創業塾 (特定創業支援等事業)", wareki::format_fiscal_year(self.fy.year));
        let series_id = events::insert_series(self.conn, self.fy.year, &series_title)?;
        self.summary.series += 1;
        // The cohort: mostly prospective founders, some young businesses.
        let cohort: Vec<Attendee> = (0..self.rng.random_range(10..=18))
            .map(|_| {
                if self.rng.random_bool(0.7) || self.biz_eligible.is_empty() {
                    Attendee::Founder(self.pools.person(&mut self.rng))
                } else {
                    Attendee::Business(*pools::pick(&mut self.rng, &self.biz_eligible))
                }
            })
            .collect();
        let mut date = Self::business_day(first);
        for i in 0..sessions {
            if i > 0 {
                date = self.later(date, gap_lo, gap_hi);
            }
            let topic = text::STARTUP_SESSIONS[i.min(text::STARTUP_SESSIONS.len() - 1)];
            let spec = Spec {
                kind: EventKind::Seminar,
                organiser,
                theme,
                date,
                times: (1110, 1230),
                title: format!("{place}創業塾 第{}回「{topic}」", i + 1),
                series: Some(series_id),
                firm: true,
            };
            let event_id = self.write_event(spec, &cohort)?;
            if i < areas.len() {
                events::insert_startup_area(self.conn, event_id, areas[i])?;
            } else {
                for &a in &areas {
                    events::insert_startup_area(self.conn, event_id, a)?; // the wrap-up session reviews all four
                }
            }
        }
        Ok(sessions)
    }

    /// Status, applied-on and publicity dates of an event by its date relative to the demo's today.
    fn status(&mut self, spec: &Spec) -> (EventStatus, Option<NaiveDate>, [Option<NaiveDate>; 3]) {
        let today = self.today;
        let applied = spec.organiser.map(|_| Self::add(spec.date, -self.rng.random_range(30..76)).min(today));
        let cancelled = !spec.firm && self.rng.random_bool(0.03);
        let status = if cancelled {
            EventStatus::Cancelled
        } else if spec.date < today {
            if (today - spec.date).num_days() > 30 { EventStatus::Closed } else { EventStatus::Held }
        } else {
            let ahead = (spec.date - today).num_days();
            if ahead > 45 {
                if spec.organiser.is_some() && self.rng.random_bool(0.5) {
                    EventStatus::Applied
                } else {
                    EventStatus::Approved
                }
            } else if ahead > 14 && self.rng.random_bool(0.4) {
                EventStatus::Approved
            } else {
                EventStatus::Announced
            }
        };
        let announced = matches!(status, EventStatus::Announced | EventStatus::Held | EventStatus::Closed)
            || (cancelled && self.rng.random_bool(0.5));
        let mut publicity = [None; 3];
        if announced {
            let floor = applied.unwrap_or(NaiveDate::MIN);
            let at = |rng: &mut super::DemoRng, lo: i64, hi: i64| {
                Some(Self::add(spec.date, -rng.random_range(lo..=hi)).max(floor).min(today))
            };
            let web = at(&mut self.rng, 14, 30);
            let press = if self.rng.random_bool(0.5) { at(&mut self.rng, 20, 35) } else { None };
            let partners = if self.rng.random_bool(0.7) { at(&mut self.rng, 10, 25) } else { None };
            publicity = [press, web, partners];
        }
        (status, applied, publicity)
    }

    /// The venue (R-S5, R-S8): an office is free; a public facility or rented venue has a fee.
    fn venue(&mut self, organiser: Option<usize>) -> (VenueKind, String, i64, usize) {
        let capital = self.munis.iter().position(|m| m.weight == 300).unwrap_or(0);
        let muni = match organiser {
            Some(o) => self.orgs[o].muni,
            None if self.rng.random_bool(0.4) => {
                return (VenueKind::OrganisationOffice, "熊本県商工会館 7階 研修室".to_string(), 0, capital);
            }
            None => pools::weighted(&mut self.rng, &self.munis.iter().map(|m| m.weight).collect::<Vec<_>>()),
        };
        let word = self.local_word(Some(muni));
        let m = self.munis[muni].name.clone();
        let roll = self.rng.random_range(0..100);
        let (kind, name, fee) = match organiser {
            Some(o) if roll < 45 => (VenueKind::OrganisationOffice, format!("{} 会議室", self.orgs[o].name), 0),
            _ if roll < 80 => {
                let name = match self.rng.random_range(0..4) {
                    0 => format!("{m}公民館 研修室"),
                    1 => format!("{m}中央公民館 大会議室"),
                    2 => format!("{m}総合センター 会議室"),
                    _ => format!("{word}コミュニティセンター 多目的室"),
                };
                (VenueKind::PublicFacility, name, 100 * self.rng.random_range(10..120))
            }
            Some(_) if roll >= 92 => (VenueKind::BusinessOffice, format!("参加事業者の店舗 2階 ({word})"), 0),
            _ => {
                let name = match self.rng.random_range(0..3) {
                    0 => format!("ホテル{word} 会議室"),
                    1 => format!("道の駅{word} 研修室"),
                    _ => format!("{word}温泉センター 大広間"),
                };
                (VenueKind::RentedVenue, name, 100 * self.rng.random_range(80..350))
            }
        };
        (kind, name, fee, muni)
    }

    /// Writes an event with its experts, participants or bookings, its claim and the honoraria.
    fn write_event(&mut self, mut spec: Spec, cohort: &[Attendee]) -> Result<i64> {
        let (venue_kind, venue_name, venue_fee, muni) = self.venue(spec.organiser);
        let (status, applied_on, [press, web, partners]) = self.status(&spec);
        let held = matches!(status, EventStatus::Held | EventStatus::Closed);
        let cancelled = status == EventStatus::Cancelled;
        if spec.kind == EventKind::ConsultationDay || spec.series.is_none() {
            spec.title = format!("{} ({})", spec.title, self.munis[muni].name);
        }
        // Instructors (seminars) or consulting experts (consultation days), free that day.
        let wanted = match spec.kind {
            EventKind::Seminar => 1 + usize::from(self.rng.random_bool(0.2)),
            EventKind::ConsultationDay => 2 + usize::from(self.rng.random_bool(0.4)),
        };
        let mut experts: Vec<u32> = Vec::new();
        if status != EventStatus::Applied {
            for _ in 0..wanted {
                if let Some(e) = self.expert_for(spec.theme, Some(spec.date), &experts) {
                    self.book_expert(e, spec.date, 3);
                    experts.push(e);
                }
            }
        }
        let area = self.munis[muni].area;
        let (capacity, registrations, attendance, attendees, bookings) = match spec.kind {
            EventKind::Seminar => {
                let capacity = if cohort.is_empty() { [20, 30, 30, 40, 50][self.rng.random_range(0..5)] } else { 20 };
                let share = match status {
                    _ if !cohort.is_empty() => 1.0,
                    EventStatus::Held | EventStatus::Closed => self.rng.random_range(0.5..1.0),
                    EventStatus::Announced => self.rng.random_range(0.2..0.8),
                    EventStatus::Approved => self.rng.random_range(0.0..0.2),
                    EventStatus::Cancelled => self.rng.random_range(0.0..0.3),
                    EventStatus::Applied => 0.0,
                };
                let registrations =
                    if cohort.is_empty() { (f64::from(capacity) * share) as usize } else { cohort.len() };
                let mut attendees: Vec<Attendee> = cohort.to_vec();
                if cohort.is_empty() {
                    // A business registers once per seminar (after a few tries, an individual instead).
                    let mut seen: Vec<u32> = Vec::with_capacity(registrations);
                    while attendees.len() < registrations {
                        let mut a = self.attendee(spec.theme, area);
                        for _ in 0..5 {
                            match a {
                                Attendee::Business(b) if seen.contains(&b) => a = self.attendee(spec.theme, area),
                                _ => break,
                            }
                        }
                        match a {
                            Attendee::Business(b) if seen.contains(&b) => {
                                a = Attendee::Founder(self.pools.person(&mut self.rng));
                            }
                            Attendee::Business(b) => seen.push(b),
                            Attendee::Founder(_) => {}
                        }
                        attendees.push(a);
                    }
                }
                let attendance = held.then(|| {
                    let rate = if cohort.is_empty() { self.rng.random_range(0.75..1.0) } else { 0.88 };
                    ((registrations as f64) * rate).round() as usize
                });
                (capacity as i64, registrations, attendance, attendees, Vec::new())
            }
            EventKind::ConsultationDay => {
                let p = match status {
                    EventStatus::Held | EventStatus::Closed => 0.8,
                    EventStatus::Announced => 0.5,
                    EventStatus::Approved => 0.2,
                    _ => 0.0,
                };
                let mut bookings: Vec<(u32, u16, u32)> = Vec::new();
                for &e in &experts {
                    for &s in &SLOTS {
                        if self.rng.random_bool(p)
                            && let Some(b) = self.area_business(area)
                        {
                            bookings.push((e, s, b));
                        }
                    }
                }
                let n = bookings.len();
                let attendance = held.then(|| ((n as f64) * self.rng.random_range(0.85..=1.0)).round() as usize);
                ((SLOTS.len() * experts.len().max(2)) as i64, n, attendance, Vec::new(), bookings)
            }
        };
        let event_id = events::insert(
            self.conn,
            &NewEvent {
                fiscal_year: self.fy.year,
                kind: spec.kind,
                organiser_id: spec.organiser.map_or(self.federation, |o| self.orgs[o].id),
                title: spec.title.clone(),
                theme: spec.theme,
                date: spec.date,
                start_min: spec.times.0,
                end_min: spec.times.1,
                venue_name,
                venue_kind,
                venue_fee_yen: venue_fee,
                municipality_id: Some(self.munis[muni].id),
                capacity: Some(capacity),
                registrations: registrations as i64,
                attendance: attendance.map(|a| a as i64),
                slot_minutes: (spec.kind == EventKind::ConsultationDay).then_some(60),
                series_id: spec.series,
                status,
                cancel_reason: if cancelled {
                    pools::pick(&mut self.rng, text::CANCEL_REASONS).to_string()
                } else {
                    String::new()
                },
                applied_on,
                press_release_on: press,
                web_page_on: web,
                partner_notice_on: partners,
            },
        )?;
        match spec.kind {
            EventKind::Seminar => self.summary.seminars += 1,
            EventKind::ConsultationDay => self.summary.consultation_days += 1,
        }
        let role = if spec.kind == EventKind::Seminar { "instructor" } else { "expert" };
        for &e in &experts {
            events::insert_event_expert(self.conn, event_id, self.experts[e as usize].id, role)?;
            self.summary.event_experts += 1;
        }
        // Attendance: exactly `attendance` of the registered attended, chosen at random.
        let mut to_attend = attendance.unwrap_or(0);
        let mut left = attendees.len();
        for a in &attendees {
            let attended = to_attend > 0 && self.rng.random_range(0..left) < to_attend;
            left -= 1;
            if attended {
                to_attend -= 1;
            }
            match *a {
                Attendee::Business(b) => {
                    events::insert_participant(self.conn, event_id, Some(self.biz[b as usize].id), None, attended)?
                }
                Attendee::Founder(p) => {
                    let (name, reading) = self.pools.full(p);
                    events::insert_participant(self.conn, event_id, None, Some((&name, &reading)), attended)?
                }
            };
            self.summary.participants += 1;
        }
        for &(e, start, b) in &bookings {
            let (eid, bid) = (self.experts[e as usize].id, self.biz[b as usize].id);
            events::insert_booking(self.conn, event_id, eid, start, start + 60, Some(bid))?;
            self.summary.bookings += 1;
        }
        if held {
            self.event_money(event_id, &spec, &experts, venue_kind, venue_fee, area)?;
        }
        Ok(event_id)
    }

    /// Form 4 claim of the venue fee advanced by the organising body, and the experts' honoraria.
    fn event_money(
        &mut self,
        event_id: i64,
        spec: &Spec,
        experts: &[u32],
        venue_kind: VenueKind,
        fee: i64,
        area: usize,
    ) -> Result<()> {
        let today = self.today;
        let reimbursable = matches!(venue_kind, VenueKind::PublicFacility | VenueKind::RentedVenue);
        if let Some(o) = spec.organiser
            && reimbursable
            && fee > 0
            && self.rng.random_bool(0.9)
        {
            let claimed = self.later(spec.date, 2, 20);
            if claimed <= today {
                let age = (today - claimed).num_days();
                let status = match age {
                    45.. => ClaimStatus::Paid,
                    20.. => ClaimStatus::Approved,
                    7.. => ClaimStatus::Checked,
                    _ => ClaimStatus::Submitted,
                };
                ledger::insert_claim(
                    self.conn,
                    &NewClaim {
                        fiscal_year: self.fy.year,
                        event_id,
                        organisation_id: self.orgs[o].id,
                        amount_yen: fee,
                        receipt_ref: format!("領収書 No.{:05}", self.rng.random_range(1..100_000)),
                        claimed_on: claimed,
                        status,
                    },
                )?;
                self.summary.claims += 1;
            }
        }
        for &e in experts {
            if !self.rng.random_bool(0.92) {
                continue;
            }
            let proposed = self.later(spec.date, 3, 10);
            if proposed > today {
                continue;
            }
            let fees = self.fy.fees;
            let travel = fees.travel_default_yen + self.travel(Some(area));
            self.payment(e, None, Some(event_id), fees.instructor_honorarium_per_event_yen, travel, proposed)?;
        }
        Ok(())
    }

    /// A seminar participant: a business of the area, or for startup seminars often a prospective founder.
    fn attendee(&mut self, theme: u8, area: usize) -> Attendee {
        if theme == 7 && self.rng.random_bool(0.5) {
            return Attendee::Founder(self.pools.person(&mut self.rng));
        }
        match self.area_business(area) {
            Some(b) => Attendee::Business(b),
            None => Attendee::Founder(self.pools.person(&mut self.rng)),
        }
    }

    /// An eligible business of the area (mostly) or of anywhere.
    fn area_business(&mut self, area: usize) -> Option<u32> {
        let list = if !self.biz_by_area[area].is_empty() && self.rng.random_bool(0.85) {
            &self.biz_by_area[area]
        } else {
            &self.biz_eligible
        };
        (!list.is_empty()).then(|| list[self.rng.random_range(0..list.len())])
    }
}
