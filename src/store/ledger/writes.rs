//! The ledger's writes, each inside the caller's audited action: claims (create, edit, step, return) and
//! payments (propose, edit, step). Nothing is deleted: a claim is returned with a reason; the rules refuse what
//! the program does not pay (R-S5, R-S6, R-S8).

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use super::{insert_claim, insert_payment};
use crate::domain::fiscal_year::Withholding;
use crate::domain::model::{ClaimStatus, PaymentStatus, VenueKind};
use crate::domain::records::{NewClaim, NewPayment};
use crate::domain::rules::events::check_claim_venue;
use crate::domain::rules::money::{
    check_not_yet_paid, check_payee, check_something_to_pay, claim_returnable, next_claim_status, next_payment_status,
    withholding_yen,
};
use crate::store::workflow::Refusal;

/// What the desk types for a Form 4 claim (the organising body and the venue come from the event).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimEdit {
    /// Amount advanced.
    pub amount_yen: i64,
    /// Receipt reference.
    pub receipt_ref: String,
    /// Date claimed.
    pub claimed_on: NaiveDate,
    /// Note.
    pub note: String,
}

/// Records a Form 4 claim (submitted) for the event's organising body; refused with R-S5 when the venue is an
/// organisation's or a participating business's office (only a public facility's or rented venue's fee, R-S8).
pub fn create_claim(conn: &Connection, fiscal_year: i32, event_id: i64, c: &ClaimEdit) -> Result<Result<i64, Refusal>> {
    let event = conn
        .query_row("SELECT organiser_id, venue_kind FROM event WHERE id = ?1", [event_id], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, VenueKind>(1)?))
        })
        .optional()?;
    let Some((organisation_id, venue)) = event else { return Ok(Err(Refusal::Missing)) };
    if let Some(f) = check_claim_venue(venue) {
        return Ok(Err(Refusal::Findings(vec![f])));
    }
    let id = insert_claim(
        conn,
        &NewClaim {
            fiscal_year,
            event_id,
            organisation_id,
            amount_yen: c.amount_yen,
            receipt_ref: c.receipt_ref.clone(),
            claimed_on: c.claimed_on,
            status: ClaimStatus::Submitted,
        },
    )?;
    conn.execute("UPDATE claim SET note = ?2 WHERE id = ?1", params![id, c.note])?;
    Ok(Ok(id))
}

/// Saves a claim's amount, receipt, date and note, unless it changed since it was read or is paid.
pub fn update_claim(conn: &Connection, id: i64, row_version: i64, c: &ClaimEdit) -> Result<Result<(), Refusal>> {
    let n = conn.execute(
        "UPDATE claim SET amount_yen = ?3, receipt_ref = ?4, claimed_on = ?5, note = ?6,
             row_version = row_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')
         WHERE id = ?1 AND row_version = ?2 AND status <> 'paid'",
        params![id, row_version, c.amount_yen, c.receipt_ref, c.claimed_on, c.note],
    )?;
    if n == 1 {
        crate::store::search::reindex_record(conn, crate::store::search::Kind::Claim, id)?;
    }
    Ok(if n == 1 { Ok(()) } else { Err(crate::store::workflow::missing_or_changed(conn, "claim", id)?) })
}

/// Moves a claim one step on (checked, approved, paid; a returned claim is resubmitted) with the date and the
/// staff member; refused when it is no longer in `from` (another console moved it).
pub fn advance_claim(
    conn: &Connection,
    id: i64,
    from: ClaimStatus,
    on: NaiveDate,
    staff: &str,
) -> Result<Result<ClaimStatus, Refusal>> {
    let Some(to) = next_claim_status(from) else { return Ok(Err(Refusal::Changed(None))) };
    let set = match to {
        ClaimStatus::Checked => "checked_on = ?3, checked_by = ?4",
        ClaimStatus::Approved => "approved_on = ?3, approved_by = ?4",
        ClaimStatus::Paid => "paid_on = ?3, paid_by = ?4",
        // Resubmitted: the new date claimed; the earlier reason stays in the audit trail.
        _ => {
            "claimed_on = ?3, return_reason = '', checked_on = NULL, checked_by = '', approved_on = NULL,
              approved_by = ''"
        }
    };
    let sql = format!(
        "UPDATE claim SET status = ?5, {set}, row_version = row_version + 1,
             updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')
         WHERE id = ?1 AND status = ?2"
    );
    let n = conn.execute(&sql, params![id, from, on, staff, to])?;
    Ok(if n == 1 { Ok(to) } else { Err(crate::store::workflow::missing_or_changed(conn, "claim", id)?) })
}

/// Returns a claim to the organising body with a reason (never deleted; it can be resubmitted).
pub fn return_claim(conn: &Connection, id: i64, from: ClaimStatus, reason: &str) -> Result<Result<(), Refusal>> {
    if !claim_returnable(from) {
        return Ok(Err(Refusal::Changed(None)));
    }
    let n = conn.execute(
        "UPDATE claim SET status = 'returned', return_reason = ?3, row_version = row_version + 1,
             updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')
         WHERE id = ?1 AND status = ?2",
        params![id, from, reason],
    )?;
    Ok(if n == 1 { Ok(()) } else { Err(crate::store::workflow::missing_or_changed(conn, "claim", id)?) })
}

/// The work a payment is for and what is paid for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentInput {
    /// The payee.
    pub expert_id: i64,
    /// The visit paid for.
    pub visit_id: Option<i64>,
    /// The event paid for.
    pub event_id: Option<i64>,
    /// 謝金.
    pub honorarium_yen: i64,
    /// 旅費.
    pub travel_yen: i64,
    /// Proposed on.
    pub proposed_on: NaiveDate,
    /// Note.
    pub note: String,
}

/// Proposes an honorarium/travel payment for a visit or an event, with the income tax withheld by the
/// fiscal year's rates (none for a corporation); refused under R-S6 unless the expert did that work, it has no
/// payment yet, and there is something to pay.
pub fn create_payment(
    conn: &Connection,
    fiscal_year: i32,
    w: &Withholding,
    p: &PaymentInput,
) -> Result<Result<i64, Refusal>> {
    let corporation: Option<bool> =
        conn.query_row("SELECT is_corporation FROM expert WHERE id = ?1", [p.expert_id], |r| r.get(0)).optional()?;
    let Some(corporation) = corporation else { return Ok(Err(Refusal::Missing)) };
    let (on_record, existing) = match (p.visit_id, p.event_id) {
        (Some(visit), _) => (
            conn.query_row(
                "SELECT COUNT(*) FROM visit WHERE id = ?1 AND expert_id = ?2",
                params![visit, p.expert_id],
                |r| r.get::<_, i64>(0),
            )? > 0,
            conn.query_row("SELECT MIN(id) FROM payment WHERE visit_id = ?1", [visit], |r| r.get::<_, Option<i64>>(0))?,
        ),
        (None, Some(event)) => (
            conn.query_row(
                "SELECT COUNT(*) FROM event_expert WHERE event_id = ?1 AND expert_id = ?2",
                params![event, p.expert_id],
                |r| r.get::<_, i64>(0),
            )? > 0,
            conn.query_row(
                "SELECT MIN(id) FROM payment WHERE event_id = ?1 AND expert_id = ?2",
                params![event, p.expert_id],
                |r| r.get::<_, Option<i64>>(0),
            )?,
        ),
        (None, None) => (false, None),
    };
    let findings: Vec<_> =
        [check_payee(on_record), check_not_yet_paid(existing), check_something_to_pay(p.honorarium_yen, p.travel_yen)]
            .into_iter()
            .flatten()
            .collect();
    if !findings.is_empty() {
        return Ok(Err(Refusal::Findings(findings)));
    }
    let id = insert_payment(
        conn,
        &NewPayment {
            fiscal_year,
            expert_id: p.expert_id,
            visit_id: p.visit_id,
            event_id: p.event_id,
            honorarium_yen: p.honorarium_yen,
            travel_yen: p.travel_yen,
            withholding_yen: withholding_yen(w, p.honorarium_yen, p.travel_yen, corporation),
            payee_is_corporation: corporation,
            status: PaymentStatus::Proposed,
            proposed_on: p.proposed_on,
            approved_on: None,
            paid_on: None,
        },
    )?;
    conn.execute("UPDATE payment SET note = ?2 WHERE id = ?1", params![id, p.note])?;
    Ok(Ok(id))
}

/// Saves a payment's amounts and note (withholding and net recomputed), unless changed since read or paid.
pub fn update_payment(
    conn: &Connection,
    w: &Withholding,
    id: i64,
    row_version: i64,
    honorarium_yen: i64,
    travel_yen: i64,
    note: &str,
) -> Result<Result<(), Refusal>> {
    if let Some(f) = check_something_to_pay(honorarium_yen, travel_yen) {
        return Ok(Err(Refusal::Findings(vec![f])));
    }
    let corporation: Option<bool> =
        conn.query_row("SELECT payee_is_corporation FROM payment WHERE id = ?1", [id], |r| r.get(0)).optional()?;
    let Some(corporation) = corporation else { return Ok(Err(Refusal::Missing)) };
    let withheld = withholding_yen(w, honorarium_yen, travel_yen, corporation);
    let n = conn.execute(
        "UPDATE payment SET honorarium_yen = ?3, travel_yen = ?4, withholding_yen = ?5, net_yen = ?3 + ?4 - ?5,
             note = ?6, row_version = row_version + 1,
             updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')
         WHERE id = ?1 AND row_version = ?2 AND status <> 'paid'",
        params![id, row_version, honorarium_yen, travel_yen, withheld, note],
    )?;
    Ok(if n == 1 { Ok(()) } else { Err(crate::store::workflow::missing_or_changed(conn, "payment", id)?) })
}

/// Moves a payment one step on (approved, paid) with the date.
pub fn advance_payment(
    conn: &Connection,
    id: i64,
    from: PaymentStatus,
    on: NaiveDate,
) -> Result<Result<PaymentStatus, Refusal>> {
    let Some(to) = next_payment_status(from) else { return Ok(Err(Refusal::Changed(None))) };
    let set = if to == PaymentStatus::Paid { "paid_on = ?3" } else { "approved_on = ?3" };
    let sql = format!(
        "UPDATE payment SET status = ?4, {set}, row_version = row_version + 1,
             updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')
         WHERE id = ?1 AND status = ?2"
    );
    let n = conn.execute(&sql, params![id, from, on, to])?;
    Ok(if n == 1 { Ok(to) } else { Err(crate::store::workflow::missing_or_changed(conn, "payment", id)?) })
}
