//! The forms of this tab: how each is built, how a filled one becomes a save request, and which field a rule
//! finding belongs to.

use super::{Purpose, Save};
use crate::app::Session;
use crate::app::form::{Errors, Field, Form, RecordKind};
use crate::domain::model::{ClaimStatus, PaymentStatus};
use crate::domain::parse::{format_yen, parse_date, parse_yen};
use crate::domain::rules::Finding;
use crate::domain::rules::money::{net_yen, propose_for_event, propose_for_visit, withholding_yen};
use crate::store::ledger::lists::{ClaimRow, PaymentRow, WorkRow};
use crate::store::ledger::writes::{ClaimEdit, PaymentInput};
use crate::ui::i18n::{self, ledger};

/// The field a finding is shown next to.
pub fn field_for(f: &Finding) -> &'static str {
    match f {
        Finding::NoFeeForOfficeVenue { .. } => "event",
        Finding::PayeeNotOnRecord | Finding::AlreadyProposed { .. } | Finding::NothingToPay => "honorarium",
        _ => "",
    }
}

fn claim_fields(s: &Session, c: Option<&ClaimRow>) -> Vec<Field> {
    let t = ledger::text(s.lang);
    let amount = c.map(|c| c.amount_yen.to_string()).unwrap_or_default();
    let claimed = c.map_or(s.today, |c| c.claimed_on).to_string();
    vec![
        Field::text("amount", t.f_amount, &amount),
        Field::text("receipt", t.f_receipt, c.map_or("", |c| c.receipt_ref.as_str())),
        Field::text("claimed_on", t.f_claimed_on, &claimed),
        Field::text("note", t.f_note, c.map_or("", |c| c.note.as_str())),
    ]
}

/// Record a Form 4 claim: the event (its organising body and venue come with it), amount, receipt, date.
pub fn new_claim(s: &Session) -> Form {
    let t = ledger::text(s.lang);
    let mut fields = vec![Field::record("event", t.f_event, RecordKind::Event, None)];
    fields.extend(claim_fields(s, None));
    Form::new(t.new_claim, fields)
}

/// Edit a claim not paid yet.
pub fn edit_claim(s: &Session, c: &ClaimRow) -> Form {
    let t = ledger::text(s.lang);
    Form::new(&t.edit_claim.replace("{event}", &c.event), claim_fields(s, Some(c)))
}

/// Move a claim to `to`: the date (today unless changed); the staff member is recorded with it.
pub fn advance_claim(s: &Session, c: &ClaimRow, to: ClaimStatus) -> Form {
    let t = ledger::text(s.lang);
    let title = t
        .advance_title
        .replace("{status}", ledger::claim_status(s.lang, to))
        .replace("{what}", &format!("{} {}", c.event, format_yen(c.amount_yen)))
        .replace("{staff}", &s.staff);
    Form::new(&title, vec![Field::text("on", t.f_on, &s.today.to_string())])
}

/// Return a claim to the organising body: the reason is required (the claim is kept).
pub fn return_claim(s: &Session, c: &ClaimRow) -> Form {
    let t = ledger::text(s.lang);
    let title = t.return_title.replace("{what}", &format!("{} {}", c.event, format_yen(c.amount_yen)));
    Form::new(&title, vec![Field::multiline("reason", t.f_reason, "")])
}

/// Propose a payment for work not paid yet, pre-filled from the fee schedule, with the withholding it gives.
pub fn new_payment(s: &Session, w: &WorkRow) -> Form {
    let t = ledger::text(s.lang);
    let proposal = if w.visit_id.is_some() {
        propose_for_visit(&s.fy.fees, w.minutes, w.online)
    } else {
        propose_for_event(&s.fy.fees)
    };
    let title = t.new_payment.replace("{expert}", &w.expert).replace("{work}", &format!("{} {}", w.date, w.title));
    let mut form = Form::new(
        &title,
        vec![
            Field::text("honorarium", t.f_honorarium, &proposal.honorarium_yen.to_string()),
            Field::text("travel", t.f_travel, &proposal.travel_yen.to_string()),
            Field::text("proposed_on", t.f_proposed_on, &s.today.to_string()),
            Field::text("note", t.f_note, ""),
        ],
    );
    form.message = Some(withholding_note(s, proposal.honorarium_yen, proposal.travel_yen, w.is_corporation));
    form
}

/// Edit a payment not paid yet (withholding recomputed on save).
pub fn edit_payment(s: &Session, p: &PaymentRow) -> Form {
    let t = ledger::text(s.lang);
    let title = t.edit_payment.replace("{expert}", &p.expert).replace("{work}", &p.work);
    let mut form = Form::new(
        &title,
        vec![
            Field::text("honorarium", t.f_honorarium, &p.honorarium_yen.to_string()),
            Field::text("travel", t.f_travel, &p.travel_yen.to_string()),
            Field::text("note", t.f_note, &p.note),
        ],
    );
    form.message = Some(withholding_note(s, p.honorarium_yen, p.travel_yen, p.payee_is_corporation));
    form
}

/// Move a payment to `to` (approved, paid) with the date.
pub fn advance_payment(s: &Session, p: &PaymentRow, to: PaymentStatus) -> Form {
    let t = ledger::text(s.lang);
    let title = t
        .advance_title
        .replace("{status}", ledger::payment_status(s.lang, to))
        .replace("{what}", &format!("{} {}", p.expert, format_yen(p.net_yen)))
        .replace("{staff}", &s.staff);
    Form::new(&title, vec![Field::text("on", t.f_on, &s.today.to_string())])
}

/// "源泉徴収 ¥3,063 (10.21%)・差引支給 ¥26,937", or that a corporation is not withheld.
fn withholding_note(s: &Session, honorarium: i64, travel: i64, corporation: bool) -> String {
    let t = ledger::text(s.lang);
    let w = &s.fy.withholding;
    let withheld = withholding_yen(w, honorarium, travel, corporation);
    let template = if corporation { t.not_withheld } else { t.withholding_note };
    template
        .replace("{withheld}", &format_yen(withheld))
        .replace("{rate}", &format!("{}.{:02}", w.rate_bp / 100, w.rate_bp % 100))
        .replace("{net}", &format_yen(net_yen(honorarium, travel, withheld)))
}

/// Reads a filled form into a save request, or messages next to its fields.
pub fn to_request(purpose: Purpose, form: &Form, s: &Session) -> Result<Save, Errors> {
    let mut errors = Errors::new();
    let save = match purpose {
        Purpose::NewClaim => {
            let event_id = form.record("event");
            if event_id.is_none() {
                errors.push(("event".into(), ledger::text(s.lang).pick_event.into()));
            }
            Save::CreateClaim { event_id: event_id.unwrap_or_default(), claim: read_claim(form, s, &mut errors) }
        }
        Purpose::EditClaim { id, row_version } => {
            Save::UpdateClaim { id, row_version, claim: read_claim(form, s, &mut errors) }
        }
        Purpose::AdvanceClaim { id, from } => Save::AdvanceClaim { id, from, on: date(form, s, "on", &mut errors) },
        Purpose::ReturnClaim { id, from } => {
            let reason = form.text("reason");
            if reason.is_empty() {
                errors.push(("reason".into(), ledger::text(s.lang).reason_needed.into()));
            }
            Save::ReturnClaim { id, from, reason }
        }
        Purpose::NewPayment { expert_id, visit_id, event_id } => Save::CreatePayment(PaymentInput {
            expert_id,
            visit_id,
            event_id,
            honorarium_yen: yen(form, s, "honorarium", true, &mut errors),
            travel_yen: yen(form, s, "travel", true, &mut errors),
            proposed_on: date(form, s, "proposed_on", &mut errors),
            note: form.text("note"),
        }),
        Purpose::EditPayment { id, row_version } => Save::UpdatePayment {
            id,
            row_version,
            honorarium_yen: yen(form, s, "honorarium", true, &mut errors),
            travel_yen: yen(form, s, "travel", true, &mut errors),
            note: form.text("note"),
        },
        Purpose::AdvancePayment { id, from } => Save::AdvancePayment { id, from, on: date(form, s, "on", &mut errors) },
    };
    if errors.is_empty() { Ok(save) } else { Err(errors) }
}

fn read_claim(form: &Form, s: &Session, errors: &mut Errors) -> ClaimEdit {
    ClaimEdit {
        amount_yen: yen(form, s, "amount", false, errors),
        receipt_ref: form.text("receipt"),
        claimed_on: date(form, s, "claimed_on", errors),
        note: form.text("note"),
    }
}

fn date(form: &Form, s: &Session, key: &str, errors: &mut Errors) -> chrono::NaiveDate {
    parse_date(&form.text(key), s.today)
        .map_err(|e| errors.push((key.into(), i18n::date_error(s.lang, &e))))
        .unwrap_or(s.today)
}

/// A whole-yen amount (commas, ¥, 円, full-width digits accepted); empty is zero where `zero_ok`, else an
/// error. An amount above the year's whole budget is taken as a typing mistake.
fn yen(form: &Form, s: &Session, key: &str, zero_ok: bool, errors: &mut Errors) -> i64 {
    let t = ledger::text(s.lang);
    let text = form.text(key);
    if text.is_empty() && zero_ok {
        return 0;
    }
    let message = match parse_yen(&text) {
        Ok(0) if !zero_ok => t.yen_zero.to_string(),
        Ok(n) if n > s.fy.budget.total_yen => t.yen_over_budget.replace("{budget}", &format_yen(s.fy.budget.total_yen)),
        Ok(n) => return n,
        Err(e) => ledger::yen_error(s.lang, &e),
    };
    errors.push((key.into(), message));
    0
}
