//! `madoguchi check`: SQLite's integrity and foreign-key checks, the derived tables against their records, then
//! the rule audit — every record that breaks a rule of PROGRAM.md without a recorded override, one line each —
//! and a count per table.

use std::process::ExitCode;

use anyhow::Result;
use rusqlite::Connection;

use super::context::Context;
use super::say;
use crate::domain::fiscal_year::{FiscalYear, fiscal_year_of};
use crate::domain::model::{DispatchStatus, RejectionGround};
use crate::domain::rules::eligibility::{BusinessFacts, check_eligibility};
use crate::domain::rules::{Finding, dispatch, events, period};
use crate::store::{Store, check};
use crate::ui::i18n;

/// One rule broken by one record.
#[derive(Debug, Clone)]
pub struct Problem {
    /// What record, e.g. `dispatch R7-0012` or `event 31`.
    pub record: String,
    /// The finding.
    pub finding: Finding,
}

/// Runs the check on `--db` (never creating a database) and prints the report.
pub fn run(ctx: &Context) -> Result<ExitCode> {
    let store = Store::open_existing(&ctx.db_path, &ctx.staff)?;
    let conn = store.conn();
    let mut bad = 0usize;
    for p in check::integrity(conn)? {
        say!("integrity_check: {p}");
        bad += 1;
    }
    for p in check::foreign_keys(conn)? {
        say!("foreign_key_check: {p}");
        bad += 1;
    }
    for p in check::derived_drift(conn)? {
        say!("derived_data: {p}");
        bad += 1;
    }
    let problems = rule_audit(ctx, conn)?;
    for p in &problems {
        say!("{} {}: {}", p.finding.rule(), p.record, i18n::finding(ctx.lang, &p.finding));
    }
    bad += problems.len();
    print_counts(ctx, conn)?;
    let t = i18n::cli(ctx.lang);
    if bad == 0 {
        say!("{}", t.no_problems);
    } else {
        say!("{}", t.problems.replace("{n}", &bad.to_string()));
    }
    Ok(if bad == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// Prints the number of rows of each record table.
pub fn print_counts(ctx: &Context, conn: &Connection) -> Result<()> {
    say!("{}", i18n::cli(ctx.lang).rows);
    for (table, n) in check::counts(conn)? {
        say!("  {table:<20} {n:>9}");
    }
    Ok(())
}

/// Every rule broken without a recorded override, using each record's own fiscal-year configuration.
pub fn rule_audit(ctx: &Context, conn: &Connection) -> Result<Vec<Problem>> {
    let mut out = Vec::new();
    let fy_for = |year: i32| -> &FiscalYear { ctx.fiscal_years.get(year).unwrap_or(&ctx.year) };
    check::for_each_dispatch(conn, |d| {
        let fy = fy_for(d.number.fiscal_year);
        let record = format!("dispatch {}", d.number);
        let mut push = |finding: Finding| out.push(Problem { record: record.clone(), finding });
        let status = DispatchStatus::from_code(&d.status);
        // R-E1, R-E3: an application taken forward must be for an eligible business.
        if status.is_some_and(|s| s != DispatchStatus::Rejected && s != DispatchStatus::Received) {
            let facts = BusinessFacts {
                legal_form: d.legal_form,
                municipality_code: d.municipality_code.as_deref(),
                industry: d.industry,
                capital_yen: d.capital_yen,
                employees: d.employees,
            };
            check_eligibility(&fy.eligibility, &facts).into_iter().for_each(&mut push);
        }
        // R-D1 per visit in date order, unless that visit carries an override.
        let minutes: Vec<u32> = d.visits.iter().map(|v| v.minutes).collect();
        for (i, findings) in dispatch::audit_visits(&fy.visits, &minutes) {
            if !d.visits[i].d1_override {
                findings.into_iter().for_each(&mut push);
            }
        }
        for v in &d.visits {
            // R-P1 uses the period of the visit's own fiscal year.
            let visit_fy = fy_for(fiscal_year_of(v.date));
            if let Some(f) = period::check_period(&visit_fy.period, v.date) {
                push(f);
            }
            dispatch::check_place(v.place, &v.place_note).into_iter().for_each(&mut push);
            dispatch::check_accompaniment(v.accompanied_by, &v.accompaniment_reason).into_iter().for_each(&mut push);
        }
        if status == Some(DispatchStatus::Rejected) {
            let grounds: Vec<RejectionGround> = d.grounds.iter().filter_map(|g| RejectionGround::new(*g)).collect();
            dispatch::check_rejection(&grounds, &d.rejection_note).into_iter().for_each(&mut push);
        }
        if let Some(sent) = d.feedback_sent_on {
            dispatch::check_feedback(d.report_received_on, sent).into_iter().for_each(&mut push);
        }
    })?;
    check::for_each_event(conn, |e| {
        let fy = fy_for(e.fiscal_year);
        let record = format!("event {} ({})", e.id, e.title);
        let mut push = |finding: Finding| out.push(Problem { record: record.clone(), finding });
        if !e.cancelled
            && let Some(f) = period::check_period(&fy.period, e.date)
        {
            push(f);
        }
        events::check_attendance_fee(e.attendance_fee_yen).into_iter().for_each(&mut push);
        events::check_venue_fee(e.venue_kind, e.venue_fee_yen).into_iter().for_each(&mut push);
        if e.claimed_yen > 0 {
            events::check_claim_venue(e.venue_kind).into_iter().for_each(&mut push);
        }
    })?;
    Ok(out)
}
