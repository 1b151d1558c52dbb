//! The writes of the applications queue, each run inside one action: the facts are read in the same
//! transaction, the domain rules judge them, and a refusal rolls everything back.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use crate::domain::fiscal_year::FiscalYear;
use crate::domain::model::{DispatchNumber, DispatchStatus, RejectionGround};
use crate::domain::records::{NewConsultation, NewDispatch, NewVisit};
use crate::domain::rules::dispatch::{self, VisitPlan};
use crate::domain::rules::{Finding, RuleId, Severity};
use crate::store::audit::{self, Change};
use crate::store::{consultations, dispatches, visits};

/// Why a write was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Rules that do not hold (with their ids).
    Findings(Vec<Finding>),
    /// The application is not in a status that allows this (someone may have changed it).
    WrongStatus(DispatchStatus),
    /// The record no longer exists.
    Missing,
    /// A new business looks like existing ones (id, name and phone); saving again registers it anyway.
    PossibleDuplicates(Vec<(i64, String)>),
    /// The municipality typed for a new business is not one of the prefecture's.
    UnknownMunicipality(String),
    /// The visit has an honorarium in the ledger: it is not removed (the ledger keeps what was paid for).
    VisitHasPayment,
    /// The desk consultation already became an application (its number): it is not linked to another one.
    AlreadyLinked(DispatchNumber),
    /// Another console changed the record since it was opened (row version): nothing was overwritten. Carries
    /// the record's latest change (who, when, which fields), to show what changed.
    Changed(Option<Box<Change>>),
}

/// The editable fields of an application (Form 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DispatchEdit {
    /// Applying chamber (None: direct).
    pub chamber_id: Option<i64>,
    /// The chamber's assigned guidance officer (R-D3).
    pub guidance_officer_id: Option<i64>,
    /// Date received.
    pub received_on: NaiveDate,
    /// Theme.
    pub theme: u8,
    /// Form 1 sections (key, text).
    pub sections: Vec<(String, String)>,
}

/// Saves an edited application, unless it changed since `row_version` was read (then nothing is written).
pub fn update_dispatch(conn: &Connection, id: i64, row_version: i64, e: &DispatchEdit) -> Result<Outcome<()>> {
    let n = conn
        .prepare_cached(
            "UPDATE dispatch SET chamber_id = ?3, received_on = ?4, theme = ?5, sections = ?6, guidance_officer_id = ?7,
                 row_version = row_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')
             WHERE id = ?1 AND row_version = ?2",
        )?
        .execute(rusqlite::params![
            id,
            row_version,
            e.chamber_id,
            e.received_on,
            e.theme,
            dispatches::sections_json(&e.sections),
            e.guidance_officer_id
        ])?;
    if n == 1 {
        return Ok(Ok(()));
    }
    Ok(Err(missing_or_changed(conn, "dispatch", id)?))
}

/// Why an update checked against a row version wrote nothing: the record is gone, or another console changed it
/// (then with its latest change from the audit trail).
pub fn missing_or_changed(conn: &Connection, table: &str, id: i64) -> Result<Refusal> {
    let exists =
        conn.query_row(&format!("SELECT 1 FROM \"{table}\" WHERE id = ?1"), [id], |_| Ok(())).optional()?.is_some();
    if !exists {
        return Ok(Refusal::Missing);
    }
    Ok(Refusal::Changed(audit::changes(conn, table, id, 1)?.into_iter().next().map(Box::new)))
}

/// A business registered inline from Form 1, with the municipality as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineBusiness {
    /// The business (its municipality is resolved from `municipality`).
    pub business: crate::domain::records::NewBusiness,
    /// Municipality name as typed (empty: outside the prefecture or unknown).
    pub municipality: String,
}

/// The outcome of a write: done, or refused without any change.
pub type Outcome<T> = std::result::Result<T, Refusal>;

fn status_of(conn: &Connection, id: i64) -> Result<Option<DispatchStatus>> {
    Ok(conn.query_row("SELECT status FROM dispatch WHERE id = ?1", [id], |r| r.get(0)).optional()?)
}

/// Creates a received application (and the business registered inline with it, after checking for possible
/// duplicates unless `allow_duplicate`), linked to the desk consultation it came from, if any.
pub fn create_dispatch(
    conn: &Connection,
    d: &NewDispatch,
    consultation: Option<i64>,
    new_business: Option<&InlineBusiness>,
    allow_duplicate: bool,
) -> Result<Outcome<(i64, DispatchNumber)>> {
    let mut d = d.clone();
    // A consultation becomes at most one application: never overwrite the link to the first one.
    if let Some(number) = consultation.map(|c| consultations::linked_dispatch(conn, c)).transpose()?.flatten() {
        return Ok(Err(Refusal::AlreadyLinked(number)));
    }
    if let Some(nb) = new_business {
        let municipality_id = match nb.municipality.trim() {
            "" => None,
            name => match crate::store::organisations::municipality_by_name(conn, name)? {
                Some(id) => Some(id),
                None => return Ok(Err(Refusal::UnknownMunicipality(name.to_string()))),
            },
        };
        if !allow_duplicate {
            let dups = crate::store::businesses::possible_duplicates(conn, &nb.business.name, &nb.business.phone, 5)?;
            if !dups.is_empty() {
                return Ok(Err(Refusal::PossibleDuplicates(dups)));
            }
        }
        let b = crate::domain::records::NewBusiness { municipality_id, ..nb.business.clone() };
        d.business_id = crate::store::businesses::insert(conn, &b)?;
    }
    let (id, number) = dispatches::insert(conn, &d)?;
    if let Some(c) = consultation {
        consultations::link_dispatch(conn, c, id)?;
    }
    Ok(Ok((id, number)))
}

/// Adds a visit. R-P1, R-D1, R-D2 and R-D3 are checked against the application's visits as stored now (R-D1
/// counted in date order); R-D1's limits are "in principle": with an override reason the visit is recorded with
/// the override. The visit's expert is the application's assigned expert.
pub fn add_visit(
    conn: &Connection,
    fy: &FiscalYear,
    v: &NewVisit,
    override_reason: &str,
    staff: &str,
) -> Result<Outcome<i64>> {
    let Some(status) = status_of(conn, v.dispatch_id)? else { return Ok(Err(Refusal::Missing)) };
    if !status.accepts_visits() {
        return Ok(Err(Refusal::WrongStatus(status)));
    }
    let others = visits::counted(conn, v.dispatch_id, None)?;
    let check = dispatch::check_new_visit(&fy.period, &fy.visits, &others.counted, i64::MAX, &plan(v));
    if let Some(refusal) = blocking(&check, override_reason) {
        return Ok(Err(refusal));
    }
    let expert_id: Option<i64> =
        conn.query_row("SELECT expert_id FROM dispatch WHERE id = ?1", [v.dispatch_id], |r| r.get(0))?;
    let id = dispatches::insert_visit(conn, &NewVisit { expert_id: v.expert_id.or(expert_id), ..v.clone() })?;
    record_overrides(conn, &check, id, &others.ids, override_reason, staff)?;
    if status == DispatchStatus::Approved {
        dispatches::set_status(conn, v.dispatch_id, DispatchStatus::Visiting, v.date)?;
    }
    Ok(Ok(id))
}

/// Saves an edited visit, unless it changed since `row_version` was read. The rules run again as for a new
/// visit, counting the application's other visits only (R-D1 in date order); the visit's own R-D1 override is
/// replaced by the one given now (or dropped when it no longer goes beyond).
pub fn update_visit(
    conn: &Connection,
    fy: &FiscalYear,
    visit_id: i64,
    row_version: i64,
    v: &NewVisit,
    override_reason: &str,
    staff: &str,
) -> Result<Outcome<()>> {
    let Some(status) = status_of(conn, v.dispatch_id)? else { return Ok(Err(Refusal::Missing)) };
    if !status.accepts_visits() {
        return Ok(Err(Refusal::WrongStatus(status)));
    }
    let others = visits::counted(conn, v.dispatch_id, Some(visit_id))?;
    let check = dispatch::check_new_visit(&fy.period, &fy.visits, &others.counted, visit_id, &plan(v));
    if let Some(refusal) = blocking(&check, override_reason) {
        return Ok(Err(refusal));
    }
    if !visits::update(conn, visit_id, row_version, v)? {
        return Ok(Err(missing_or_changed(conn, "visit", visit_id)?));
    }
    visits::drop_overrides(conn, visit_id)?;
    record_overrides(conn, &check, visit_id, &others.ids, override_reason, staff)?;
    Ok(Ok(()))
}

/// Removes a visit recorded by mistake (with its overrides), unless it changed since `row_version` was read or
/// an honorarium was already proposed for it (the ledger keeps what was paid for). An application left without
/// visits is "approved" again, as before its first visit.
pub fn remove_visit(conn: &Connection, visit_id: i64, row_version: i64) -> Result<Outcome<()>> {
    if visits::has_payment(conn, visit_id)? {
        return Ok(Err(Refusal::VisitHasPayment));
    }
    let Some(dispatch_id) = visits::dispatch_of(conn, visit_id)? else { return Ok(Err(Refusal::Missing)) };
    visits::drop_overrides(conn, visit_id)?;
    if !visits::delete(conn, visit_id, row_version)? {
        return Ok(Err(missing_or_changed(conn, "visit", visit_id)?));
    }
    visits::approved_again_without_visits(conn, dispatch_id)?;
    Ok(Ok(()))
}

fn plan(v: &NewVisit) -> VisitPlan<'_> {
    VisitPlan {
        date: v.date,
        start_min: v.start_min,
        end_min: v.end_min,
        place: v.place,
        place_note: &v.place_note,
        accompanied_by: v.accompanied_by,
        accompaniment_reason: &v.accompaniment_reason,
    }
}

/// The findings that stop a visit from being saved: all of them, but R-D1's "in principle" limits when an
/// override reason is given.
fn blocking(check: &dispatch::VisitCheck, override_reason: &str) -> Option<Refusal> {
    let overridden = !override_reason.trim().is_empty();
    let blocking: Vec<Finding> = check
        .findings
        .iter()
        .filter(|f| !(overridden && f.rule() == RuleId::D1 && f.severity() == Severity::NeedsOverride))
        .cloned()
        .collect();
    (!blocking.is_empty()).then_some(Refusal::Findings(blocking))
}

/// Records the R-D1 override for the visit saved and for every other visit it pushed beyond.
fn record_overrides(
    conn: &Connection,
    check: &dispatch::VisitCheck,
    visit_id: i64,
    other_ids: &[i64],
    reason: &str,
    staff: &str,
) -> Result<()> {
    let ids = check.beyond.then_some(visit_id).into_iter().chain(check.also_beyond.iter().map(|&i| other_ids[i]));
    for id in ids {
        dispatches::insert_override(conn, RuleId::D1, "visit", id, reason.trim(), staff)?;
    }
    Ok(())
}

/// What a status change records besides the status.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TransitionDetails {
    /// The expert assigned on approval.
    pub expert_id: Option<i64>,
    /// The support report's summary (R-D4).
    pub report_summary: String,
    /// Why the expert is assigned although related to the applicant (R-D5 grounds 1, 2; empty: none given).
    pub override_reason: String,
}

/// Moves an application from `from` to `to` on `on` (only legal transitions; refused if someone changed it).
pub fn transition(
    conn: &Connection,
    id: i64,
    from: DispatchStatus,
    to: DispatchStatus,
    on: NaiveDate,
    details: &TransitionDetails,
    staff: &str,
) -> Result<Outcome<()>> {
    let Some(status) = status_of(conn, id)? else { return Ok(Err(Refusal::Missing)) };
    if status != from || !from.next().contains(&to) || to == DispatchStatus::Rejected {
        return Ok(Err(Refusal::WrongStatus(status)));
    }
    match to {
        // The same assignment as "find an expert": R-D5 conflicts need a recorded reason.
        DispatchStatus::Approved => match details.expert_id {
            Some(e) => {
                if let Err(r) = crate::store::roster::writes::assign(conn, id, e, &details.override_reason, staff)? {
                    return Ok(Err(r));
                }
            }
            None => return Ok(Err(Refusal::WrongStatus(status))),
        },
        DispatchStatus::ReportReceived => dispatches::set_report_summary(conn, id, &details.report_summary)?,
        DispatchStatus::FeedbackSent => {
            let report: Option<NaiveDate> =
                conn.query_row("SELECT report_received_on FROM dispatch WHERE id = ?1", [id], |r| r.get(0))?;
            if let Some(f) = dispatch::check_feedback(report, on) {
                return Ok(Err(Refusal::Findings(vec![f])));
            }
        }
        _ => {}
    }
    dispatches::set_status(conn, id, to, on)?;
    Ok(Ok(()))
}

/// Rejects an application under review with its R-D5 grounds (ground 8 with its text).
pub fn reject(
    conn: &Connection,
    id: i64,
    grounds: &[RejectionGround],
    note: &str,
    on: NaiveDate,
) -> Result<Outcome<()>> {
    let Some(status) = status_of(conn, id)? else { return Ok(Err(Refusal::Missing)) };
    if !status.next().contains(&DispatchStatus::Rejected) {
        return Ok(Err(Refusal::WrongStatus(status)));
    }
    let findings = dispatch::check_rejection(grounds, note);
    if !findings.is_empty() {
        return Ok(Err(Refusal::Findings(findings)));
    }
    dispatches::insert_rejection(conn, id, grounds, note.trim())?;
    dispatches::set_status(conn, id, DispatchStatus::Rejected, on)?;
    Ok(Ok(()))
}

/// Saves an edited desk consultation, refused if another console changed it since it was read.
pub fn update_consultation(conn: &Connection, id: i64, row_version: i64, c: &NewConsultation) -> Result<Outcome<()>> {
    if consultations::update(conn, id, row_version, c)? {
        return Ok(Ok(()));
    }
    Ok(Err(missing_or_changed(conn, "desk_consultation", id)?))
}

/// Records a desk consultation; returns its id.
pub fn create_consultation(conn: &Connection, c: &NewConsultation) -> Result<i64> {
    consultations::insert(conn, c)
}
