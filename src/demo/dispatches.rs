//! Dispatch applications (Form 1) through their whole workflow, their visits (R-D1..R-D3 with overrides),
//! honorarium payments for the visits, and the desk consultations (a third of them became an application).

use anyhow::Result;
use chrono::NaiveDate;
use rand::Rng;

use super::experts::theme_weight;
use super::pools::{self, format_phone, landline, mobile};
use super::text::{self, Form1Facts};
use super::{Gen, NONE16};
use crate::domain::fiscal_year::fiscal_year_of;
use crate::domain::model::{
    AccompanimentKind, ConsultationChannel, ConsultationOutcome, DispatchStatus, PaymentStatus, PlaceKind,
    RejectionGround, RelationKind,
};
use crate::domain::records::{NewConsultation, NewDispatch, NewPayment, NewVisit};
use crate::domain::rules::dispatch::{VisitUsage, check_visit};
use crate::domain::rules::money::withholding_yen;
use crate::domain::rules::{Finding, RuleId};
use crate::store::{consultations, dispatches, ledger};

/// An application to write.
struct Plan {
    received: NaiveDate,
    biz: u32,
    /// Received directly by the desk (no applying chamber).
    direct: bool,
    theme: u8,
    /// The recommended expert has this relation to the business (R-D5 grounds 1, 2).
    relation: Option<(u32, RelationKind)>,
}

/// Visit lengths in minutes (R-D1: at most 180 in principle).
const LENGTHS: [u16; 11] = [60, 90, 90, 120, 120, 120, 120, 150, 150, 180, 180];
const MORNING: [u16; 5] = [540, 570, 600, 600, 630];
const AFTERNOON: [u16; 6] = [780, 810, 810, 840, 870, 900];

/// Who accompanied a visit and why (R-D3).
struct Accompaniment {
    kind: AccompanimentKind,
    staff: Option<i64>,
    desk_staff: Option<i64>,
    reason: String,
}

impl Gen<'_> {
    /// The 300 × scale applications, received in date order between the start of the period and today.
    pub(super) fn dispatches(&mut self) -> Result<()> {
        let n = 300 * self.scale;
        let start = self.fy.period.start;
        let end = self.fy.period.end.min(self.today).max(start);
        let themes: Vec<u8> = self.fy.dispatch_themes().iter().map(|t| t.number).collect();
        let weights: Vec<u32> = themes.iter().map(|&t| theme_weight(t)).collect();
        let mut plans: Vec<Plan> = Vec::with_capacity(n);
        // Most related businesses apply recommending the related expert (rejected on ground 1 or 2).
        for (e, b, kind) in self.relations.clone() {
            if plans.len() < n && self.rng.random_bool(0.7) {
                let covered: Vec<u8> = themes.iter().copied().filter(|&t| self.covers(e, t)).collect();
                let theme =
                    covered.first().copied().unwrap_or_else(|| themes[pools::weighted(&mut self.rng, &weights)]);
                let received = self.received_on(start, Self::add(end, -30).max(start));
                plans.push(Plan { received, biz: b, direct: false, theme, relation: Some((e, kind)) });
            }
        }
        // About 3% come from businesses that are not eligible (R-E1, R-E3): received or rejected only.
        if !self.biz_ineligible.is_empty() {
            for _ in 0..(n * 3 / 100).max(1).min(n - plans.len()) {
                let biz = *pools::pick(&mut self.rng, &self.biz_ineligible);
                let theme = themes[pools::weighted(&mut self.rng, &weights)];
                let received = self.received_on(start, end);
                plans.push(Plan { received, biz, direct: self.rng.random_bool(0.5), theme, relation: None });
            }
        }
        while plans.len() < n {
            let direct = self.biz_with_chamber.is_empty() || self.rng.random_bool(0.15);
            let list = if direct { &self.biz_eligible } else { &self.biz_with_chamber };
            if list.is_empty() {
                break;
            }
            let biz = *pools::pick(&mut self.rng, list);
            let trade = &self.pools.trades[self.biz[biz as usize].trade as usize];
            let liked: Vec<u8> = trade.themes.iter().copied().filter(|t| themes.contains(t)).collect();
            let theme = if !liked.is_empty() && self.rng.random_bool(0.6) {
                *pools::pick(&mut self.rng, &liked)
            } else {
                themes[pools::weighted(&mut self.rng, &weights)]
            };
            let received = self.received_on(start, end);
            plans.push(Plan { received, biz, direct, theme, relation: None });
        }
        plans.sort_by_key(|p| p.received);
        // The desk is live: the latest application arrived today and is still waiting for its review.
        if let Some(last) = plans.last_mut() {
            last.received = end;
        }
        for plan in &plans {
            self.dispatch(plan)?;
        }
        Ok(())
    }

    /// A business day in `lo..=hi` on which an application arrives (a little more often early in the year).
    fn received_on(&mut self, lo: NaiveDate, hi: NaiveDate) -> NaiveDate {
        let span = (hi - lo).num_days().max(0) as f64;
        let x: f64 = self.rng.random();
        let d = Self::add(lo, (x.powf(1.15) * span).round() as i64);
        let b = Self::business_day(d);
        if b > hi { d } else { b }
    }

    fn dispatch(&mut self, plan: &Plan) -> Result<()> {
        let fy = self.fy;
        let b = self.biz[plan.biz as usize];
        let org = (!plan.direct && b.chamber != NONE16).then_some(b.chamber as usize);
        let officer = org.and_then(|o| {
            let officers = &self.orgs[o].officers;
            (!officers.is_empty()).then(|| officers[self.rng.random_range(0..officers.len())])
        });
        let recommended = match plan.relation {
            Some((e, _)) => Some(e),
            None if self.rng.random_bool(0.35) => self.expert_for(plan.theme, None, &[]),
            None => None,
        };
        let tool = text::tool(&mut self.rng, plan.theme);
        let facts = Form1Facts {
            municipality: if b.muni == NONE16 { "" } else { &self.munis[b.muni as usize].name },
            trade: &self.pools.trades[b.trade as usize],
            employees: u32::from(b.employees),
            theme: plan.theme,
            tool,
        };
        let sections: Vec<(String, String)> =
            fy.form1_sections.iter().map(|s| (s.key.clone(), text::section(&mut self.rng, &s.key, &facts))).collect();
        let (id, _number) = dispatches::insert(
            self.conn,
            &NewDispatch {
                fiscal_year: fy.year,
                business_id: b.id,
                chamber_id: org.map(|o| self.orgs[o].id),
                guidance_officer_id: officer,
                received_on: plan.received,
                theme: plan.theme,
                sections,
                recommended_expert_id: recommended.map(|e| self.experts[e as usize].id),
            },
        )?;
        self.summary.dispatches += 1;
        if self.rng.random_bool(0.34) {
            self.linked_consultation(plan, id, org)?;
        }

        // Review and decision (R-A2, R-D5).
        let today = self.today;
        let review = self.later(plan.received, 1, 4);
        let decision = self.later(review, 2, 10);
        if review > today || (!b.eligible && decision > today) {
            return Ok(()); // still 受付 (an ineligible application is never left under review)
        }
        dispatches::set_status(self.conn, id, DispatchStatus::UnderReview, review)?;
        if decision > today {
            return Ok(());
        }
        if let Some((grounds, note)) = self.rejection(plan, b.eligible, b.over, b.muni == NONE16, b.form) {
            dispatches::set_status(self.conn, id, DispatchStatus::Rejected, decision)?;
            let grounds: Vec<RejectionGround> = grounds.into_iter().filter_map(RejectionGround::new).collect();
            dispatches::insert_rejection(self.conn, id, &grounds, &note)?;
            self.summary.rejection_grounds += grounds.len();
            return Ok(());
        }
        dispatches::set_status(self.conn, id, DispatchStatus::Approved, decision)?;
        let expert = match recommended {
            Some(e) if self.experts[e as usize].active && self.rng.random_bool(0.8) => Some(e),
            _ => self.expert_for(plan.theme, None, &[]),
        };
        let Some(expert) = expert.filter(|e| !self.related.contains(&(*e, plan.biz))) else {
            return Ok(()); // approved, the desk is still choosing an expert
        };
        dispatches::assign_expert(self.conn, id, self.experts[expert as usize].id)?;
        self.visits(id, plan, org, officer, expert, decision, tool)
    }

    /// Grounds and note when the application is rejected.
    fn rejection(
        &mut self,
        plan: &Plan,
        eligible: bool,
        over: bool,
        outside: bool,
        form: Option<crate::domain::model::LegalForm>,
    ) -> Option<(Vec<u8>, String)> {
        if let Some((_, kind)) = plan.relation {
            let mut g = vec![if kind == RelationKind::BelongsTo { 1 } else { 2 }];
            if self.rng.random_bool(0.2) {
                g.push(3);
            }
            let note = g.iter().map(|&x| text::ground_note(x)).collect::<Vec<_>>().join("。");
            return Some((g, note));
        }
        if !eligible {
            let reason = if outside {
                "県外の事業者 (R-E1)".to_string()
            } else {
                format!("{}は対象外の法人格 (R-E3)", form.map_or("", |f| f.name_ja()))
            };
            return Some((vec![8], text::ineligible_note(&reason)));
        }
        if over && self.rng.random_bool(0.6) {
            return Some((vec![8], text::ineligible_note("中小企業者の範囲を超える (R-E4)")));
        }
        if !self.rng.random_bool(0.05) {
            return None;
        }
        let mut g: Vec<u8> = Vec::new();
        for _ in 0..1 + pools::weighted(&mut self.rng, &[60, 30, 10]) {
            let x = [3, 4, 5, 5, 6, 7, 7, 8][self.rng.random_range(0..8)];
            if !g.contains(&x) {
                g.push(x);
            }
        }
        g.sort_unstable();
        let note = g.iter().map(|&x| text::ground_note(x)).collect::<Vec<_>>().join("。");
        Some((g, note))
    }

    /// The visits of an approved application, then its report, feedback and closing as far as today allows.
    #[allow(clippy::too_many_arguments)]
    fn visits(
        &mut self,
        id: i64,
        plan: &Plan,
        org: Option<usize>,
        officer: Option<i64>,
        expert: u32,
        decision: NaiveDate,
        tool: &'static str,
    ) -> Result<()> {
        let (today, period) = (self.today, self.fy.period);
        let mut planned = 1 + pools::weighted(&mut self.rng, &[2, 5, 12, 24, 57]);
        let full = planned == 5 && self.rng.random_bool(0.12); // exactly 5 visits and 15 hours
        if planned == 5 && self.rng.random_bool(0.03) {
            planned = 6; // a 6th visit, with an R-D1 override
        }
        let long_at = self.rng.random_bool(0.015).then(|| self.rng.random_range(0..planned));
        let muni = (self.biz[plan.biz as usize].muni != NONE16).then(|| self.biz[plan.biz as usize].muni as usize);
        let area = muni.map(|m| self.munis[m].area);
        let mut used = VisitUsage::default();
        let (mut first, mut last, mut done) = (None, None, 0usize);
        let mut date = decision;
        for k in 0..planned {
            date = if k == 0 { self.later(date, 5, 20) } else { self.later(date, 5, 16) };
            let minutes: u16 = if full {
                180
            } else if long_at == Some(k) {
                240
            } else {
                *pools::pick(&mut self.rng, &LENGTHS)
            };
            let start = if minutes >= 180 || self.rng.random_bool(0.45) {
                *pools::pick(&mut self.rng, &MORNING)
            } else {
                *pools::pick(&mut self.rng, &AFTERNOON)
            };
            let (d, start) = self.free_slot(expert, date, start);
            date = d;
            if date > period.end {
                planned = k; // the period ended: the support ends with the visits made
                break;
            }
            let future = date > today;
            if future && !(k == done && date <= Self::add(today, 30) && self.rng.random_bool(0.6)) {
                break;
            }
            let (place, place_note) = self.place(plan.direct, muni);
            let acc = self.accompaniment(org, officer, place == PlaceKind::Online);
            let visit_id = dispatches::insert_visit(
                self.conn,
                &NewVisit {
                    dispatch_id: id,
                    date,
                    start_min: start,
                    end_min: start + minutes,
                    place,
                    place_note,
                    expert_id: Some(self.experts[expert as usize].id),
                    accompanied_by: acc.kind,
                    accompanying_staff_id: acc.staff,
                    accompanying_desk_staff_id: acc.desk_staff,
                    accompanying_name: String::new(),
                    accompaniment_reason: acc.reason,
                },
            )?;
            self.summary.visits += 1;
            let findings = check_visit(&self.fy.visits, used, u32::from(minutes));
            if !findings.is_empty() {
                let too_many = findings.iter().any(|f| matches!(f, Finding::TooManyVisits { .. }));
                let too_long = findings.iter().any(|f| matches!(f, Finding::VisitTooLong { .. }));
                let reason = text::override_reason(&mut self.rng, too_many, too_long);
                dispatches::insert_override(self.conn, RuleId::D1, "visit", visit_id, reason, &self.desk.head)?;
                self.summary.overrides += 1;
            }
            used.visits += 1;
            used.minutes += u32::from(minutes);
            if future {
                break; // the next visit, already arranged
            }
            self.visit_payment(expert, visit_id, date, minutes, place == PlaceKind::Online, area)?;
            first.get_or_insert(date);
            last = Some(date);
            done += 1;
        }
        let (Some(first), Some(last)) = (first, last) else { return Ok(()) };
        dispatches::set_status(self.conn, id, DispatchStatus::Visiting, first)?;
        if done < planned {
            return Ok(());
        }
        // Most experts report within three weeks; some are late (R-D4: the needs-action view lists them).
        let report = if self.rng.random_bool(0.12) { self.later(last, 35, 80) } else { self.later(last, 4, 20) };
        if report > today {
            return Ok(());
        }
        dispatches::set_status(self.conn, id, DispatchStatus::ReportReceived, report)?;
        let summary = text::report_summary(&mut self.rng, plan.theme, tool);
        dispatches::set_report_summary(self.conn, id, &summary)?;
        let feedback = if self.rng.random_bool(0.15) { self.later(report, 8, 25) } else { self.later(report, 1, 7) };
        if feedback > today {
            return Ok(());
        }
        dispatches::set_status(self.conn, id, DispatchStatus::FeedbackSent, feedback)?;
        let closed = self.later(feedback, 3, 20);
        if closed <= today {
            dispatches::set_status(self.conn, id, DispatchStatus::Closed, closed)?;
        }
        Ok(())
    }

    /// The first half-day from `date` on when the expert is free (never two visits or events at once).
    fn free_slot(&mut self, expert: u32, date: NaiveDate, start: u16) -> (NaiveDate, u16) {
        let mut d = date;
        for _ in 0..20 {
            let mask = if start < 720 { 1 } else { 2 };
            if self.expert_free(expert, d, mask) {
                self.book_expert(expert, d, mask);
                return (d, start);
            }
            let other = if start < 720 { 810 } else { 600 };
            if self.expert_free(expert, d, 3 - mask) {
                self.book_expert(expert, d, 3 - mask);
                return (d, other);
            }
            d = Self::business_day(Self::add(d, 1));
        }
        (d, start)
    }

    /// Where a visit takes place (R-D2): mostly the premises; "another place" always with a note.
    fn place(&mut self, direct: bool, muni: Option<usize>) -> (PlaceKind, String) {
        let cci = muni.is_some_and(|m| self.munis[m].has_cci);
        let weights: [u32; 6] =
            if direct { [10, 0, if cci { 5 } else { 0 }, 62, 18, 5] } else { [5, 12, 0, 62, 15, 6] };
        let kind = [
            PlaceKind::Desk,
            PlaceKind::Shokokai,
            PlaceKind::ChamberOfCommerce,
            PlaceKind::Premises,
            PlaceKind::Online,
            PlaceKind::Other,
        ][pools::weighted(&mut self.rng, &weights)];
        let note = if kind == PlaceKind::Other {
            let word = self.local_word(muni);
            text::place_note(&mut self.rng, word)
        } else {
            String::new()
        };
        (kind, note)
    }

    /// Who accompanies (R-D3): in principle the assigned officer; anyone else with a reason.
    fn accompaniment(&mut self, org: Option<usize>, officer: Option<i64>, online: bool) -> Accompaniment {
        let coordinator = *pools::pick(&mut self.rng, &self.desk.coordinators);
        let with = |kind, staff, desk_staff, reason: &str| Accompaniment {
            kind,
            staff,
            desk_staff,
            reason: reason.to_string(),
        };
        let (Some(o), Some(officer)) = (org, officer) else {
            if online && self.rng.random_bool(0.3) {
                let r = *pools::pick(&mut self.rng, text::NOBODY_REASONS);
                return with(AccompanimentKind::Nobody, None, None, r);
            }
            let r = *pools::pick(&mut self.rng, text::DIRECT_REASONS);
            return with(AccompanimentKind::Coordinator, None, Some(coordinator), r);
        };
        let roll = self.rng.random_range(0..100);
        let others: Vec<i64> = self.orgs[o].officers.iter().copied().filter(|&s| s != officer).collect();
        let support = self.orgs[o].support.first().copied();
        if roll < 82 {
            return with(AccompanimentKind::AssignedOfficer, Some(officer), None, "");
        }
        if roll < 89 && !others.is_empty() {
            let s = *pools::pick(&mut self.rng, &others);
            let r = *pools::pick(&mut self.rng, text::OTHER_OFFICER_REASONS);
            return with(AccompanimentKind::OtherGuidanceOfficer, Some(s), None, r);
        }
        if roll < 95
            && let Some(s) = support
        {
            let r = *pools::pick(&mut self.rng, text::SUPPORT_OFFICER_REASONS);
            return with(AccompanimentKind::SupportOfficer, Some(s), None, r);
        }
        if roll >= 98 && online {
            let r = *pools::pick(&mut self.rng, text::NOBODY_REASONS);
            return with(AccompanimentKind::Nobody, None, None, r);
        }
        let r = *pools::pick(&mut self.rng, text::COORDINATOR_REASONS);
        with(AccompanimentKind::Coordinator, None, Some(coordinator), r)
    }

    /// The honorarium (and travel) of a visit, once proposed.
    fn visit_payment(
        &mut self,
        expert: u32,
        visit: i64,
        date: NaiveDate,
        minutes: u16,
        online: bool,
        area: Option<usize>,
    ) -> Result<()> {
        if !self.rng.random_bool(0.93) {
            return Ok(());
        }
        let proposed = self.later(date, 3, 10);
        if proposed > self.today {
            return Ok(());
        }
        let fees = self.fy.fees;
        let honorarium = fees.honorarium_per_visit_yen + fees.honorarium_per_hour_yen * i64::from(minutes) / 60;
        let travel = if online { 0 } else { fees.travel_default_yen + self.travel(area) };
        self.payment(expert, Some(visit), None, honorarium, travel, proposed)
    }

    /// Travel from Kumamoto city to an area, in yen (public transport or mileage).
    pub(super) fn travel(&self, area: Option<usize>) -> i64 {
        match area.map(|a| self.areas[a].as_str()) {
            Some("熊本") => 600,
            Some("宇城" | "菊池" | "上益城") => 1_800,
            Some("玉名" | "鹿本") => 2_600,
            Some("阿蘇" | "八代") => 3_400,
            Some("芦北" | "球磨" | "天草") => 5_800,
            _ => 2_000,
        }
    }

    /// A payment to an expert with withholding (none for corporations) and a status by its age.
    pub(super) fn payment(
        &mut self,
        expert: u32,
        visit: Option<i64>,
        event: Option<i64>,
        honorarium: i64,
        travel: i64,
        proposed: NaiveDate,
    ) -> Result<()> {
        let e = self.experts[expert as usize];
        let age = (self.today - proposed).num_days();
        let (status, paid_on) = if age >= 35 {
            (PaymentStatus::Paid, Some(self.later(proposed, 20, 30).min(self.today)))
        } else if age >= 10 {
            (PaymentStatus::Approved, None)
        } else {
            (PaymentStatus::Proposed, None)
        };
        // Approved a week after the proposal (no draw from the generator: the rest of the demo stays as it was).
        let approved_on = (status != PaymentStatus::Proposed)
            .then(|| (proposed + chrono::Days::new(7)).min(paid_on.unwrap_or(self.today)).min(self.today));
        ledger::insert_payment(
            self.conn,
            &NewPayment {
                fiscal_year: self.fy.year,
                expert_id: e.id,
                visit_id: visit,
                event_id: event,
                honorarium_yen: honorarium,
                travel_yen: travel,
                withholding_yen: withholding_yen(&self.fy.withholding, honorarium, travel, e.is_corp),
                payee_is_corporation: e.is_corp,
                status,
                proposed_on: proposed,
                approved_on,
                paid_on,
            },
        )?;
        self.summary.payments += 1;
        Ok(())
    }

    /// The desk consultation an application came from, linked to it.
    fn linked_consultation(&mut self, plan: &Plan, dispatch_id: i64, org: Option<usize>) -> Result<()> {
        let earliest = self.fy.bounds().0;
        let mut on = Self::business_day(Self::add(plan.received, -self.rng.random_range(0..15))).max(earliest);
        if on > plan.received {
            on = plan.received;
        }
        // Written as "becoming a dispatch"; linking it records the application it became.
        let id = self.consultation(on, Some(plan.biz), org, Some(plan.theme), ConsultationOutcome::Dispatch)?;
        consultations::link_dispatch(self.conn, id, dispatch_id)?;
        self.summary.linked_consultations += 1;
        Ok(())
    }

    /// The 400 × scale desk consultations (those that became an application were written with it).
    pub(super) fn consultations(&mut self) -> Result<()> {
        let n = (400 * self.scale).saturating_sub(self.summary.consultations);
        let lo = self.fy.period.start.max(self.fy.bounds().0);
        let hi = self.today.max(lo);
        let themes: Vec<u8> = self.fy.dispatch_themes().iter().map(|t| t.number).collect();
        let weights: Vec<u32> = themes.iter().map(|&t| theme_weight(t)).collect();
        for _ in 0..n {
            let d = self.day_between(lo, hi);
            let b = Self::business_day(d);
            let on = if b > hi { d } else { b };
            let biz = (!self.biz.is_empty() && self.rng.random_bool(0.65))
                .then(|| self.rng.random_range(0..self.biz.len()) as u32);
            let org = match biz {
                Some(b) if self.biz[b as usize].chamber != NONE16 && self.rng.random_bool(0.35) => {
                    Some(self.biz[b as usize].chamber as usize)
                }
                None if !self.orgs.is_empty() && self.rng.random_bool(0.2) => {
                    Some(self.rng.random_range(0..self.orgs.len()))
                }
                _ => None,
            };
            let theme = self.rng.random_bool(0.85).then(|| themes[pools::weighted(&mut self.rng, &weights)]);
            let recent = (self.today - on).num_days() <= 14;
            let outcome = if recent && self.rng.random_bool(0.4) {
                ConsultationOutcome::Open
            } else {
                ConsultationOutcome::OnTheSpot
            };
            self.consultation(on, biz, org, theme, outcome)?;
        }
        Ok(())
    }

    fn consultation(
        &mut self,
        on: NaiveDate,
        biz: Option<u32>,
        org: Option<usize>,
        theme: Option<u8>,
        outcome: ConsultationOutcome,
    ) -> Result<i64> {
        let channel = [
            ConsultationChannel::Phone,
            ConsultationChannel::Visit,
            ConsultationChannel::Mail,
            ConsultationChannel::Online,
        ][pools::weighted(&mut self.rng, &[55, 15, 15, 15])];
        let minute = 540 + 5 * self.rng.random_range(0..102u16); // 9:00..17:25
        // A chamber's officer calls about a member, or the business itself (often the representative).
        let person = match biz {
            Some(b) if org.is_none() && self.rng.random_bool(0.7) => self.biz[b as usize].rep,
            _ => self.pools.person(&mut self.rng),
        };
        let parts = match (org, biz) {
            (Some(o), _) => landline(&mut self.rng, self.munis[self.orgs[o].muni].local.tel),
            (None, Some(b)) if self.biz[b as usize].muni != NONE16 && self.rng.random_bool(0.5) => {
                let tel = self.munis[self.biz[b as usize].muni as usize].local.tel;
                landline(&mut self.rng, tel)
            }
            _ => mobile(&mut self.rng),
        };
        let caller_phone = if channel == ConsultationChannel::Mail && self.rng.random_bool(0.6) {
            String::new()
        } else {
            format_phone(&mut self.rng, &parts)
        };
        let content = match (outcome, theme) {
            (ConsultationOutcome::Dispatch, Some(t)) => text::consultation_content_for_dispatch(&mut self.rng, t),
            _ => text::consultation_content(&mut self.rng, theme),
        };
        let handled_by = self.desk_member();
        let id = consultations::insert(
            self.conn,
            &NewConsultation {
                fiscal_year: fiscal_year_of(on),
                received_on: on,
                received_min: Some(minute),
                channel,
                caller_name: self.pools.name(person),
                caller_phone,
                business_id: biz.map(|b| self.biz[b as usize].id),
                chamber_id: org.map(|o| self.orgs[o].id),
                theme,
                content,
                handled_by_id: Some(handled_by),
                outcome,
            },
        )?;
        self.summary.consultations += 1;
        Ok(id)
    }
}
