//! The texts of tab 4 (精算): the struct both catalogues fill in, and the labels of the ledger's codes.

use super::{Lang, en, ja};
use crate::domain::model::{ClaimStatus, PaymentStatus, VenueKind};
use crate::domain::parse::YenError;

/// Tab 4's texts in one language; a struct, so a text missing in one language does not compile.
#[derive(Debug)]
pub struct LedgerText {
    /// The tab's title.
    pub title: &'static str,
    /// The views: claims, payments, work not paid, totals.
    pub views: [&'static str; 4],
    /// Totals groupings (month, organisation, expert, kind), shown in the tab bar.
    pub totals_by: [&'static str; 4],
    /// Kinds: claim, honorarium, travel, event, visit.
    pub kinds: [&'static str; 5],
    /// Organisation of a dispatch received directly by the desk.
    pub direct: &'static str,
    /// "未払のみ" in the tab bar.
    pub unpaid_only: &'static str,
    /// The first line: {year} {budget} {paid} {unpaid} {left} {percent}.
    pub budget_line: &'static str,
    /// Claim columns: claimed, event, organisation, amount, status, venue.
    pub claim_columns: [&'static str; 6],
    /// Payment columns: proposed, expert, work, honorarium, travel, withheld, net, status.
    pub payment_columns: [&'static str; 8],
    /// Work columns: date, kind, expert, business or event, hours.
    pub work_columns: [&'static str; 5],
    /// Totals columns: month, organisation, expert, kind, count, paid, unpaid, withheld.
    pub total_columns: [&'static str; 8],
    /// Claim statuses in `ClaimStatus::ALL` order.
    pub claim_statuses: [&'static str; 5],
    /// Payment statuses in `PaymentStatus::ALL` order.
    pub payment_statuses: [&'static str; 3],
    /// `n` outside the claims and work views.
    pub new_from_work: &'static str,
    /// `x` on a claim that cannot be returned.
    pub not_returnable: &'static str,
    /// `x` without a claim selected.
    pub select_claim: &'static str,
    /// Enter on totals not grouped by expert.
    pub statement_by_expert: &'static str,
    /// Enter/`n` in the work view without a row.
    pub select_work: &'static str,
    /// Edit or step on something paid.
    pub already_paid: &'static str,
    /// A key that needs a claim or payment selected.
    pub select_row: &'static str,
    /// Form: event.
    pub f_event: &'static str,
    /// Form: amount advanced.
    pub f_amount: &'static str,
    /// Form: receipt reference.
    pub f_receipt: &'static str,
    /// Form: date claimed.
    pub f_claimed_on: &'static str,
    /// Form: note.
    pub f_note: &'static str,
    /// Form: date of the step.
    pub f_on: &'static str,
    /// Form: reason for returning.
    pub f_reason: &'static str,
    /// Form: honorarium.
    pub f_honorarium: &'static str,
    /// Form: travel.
    pub f_travel: &'static str,
    /// Form: date proposed.
    pub f_proposed_on: &'static str,
    /// Title: new claim.
    pub new_claim: &'static str,
    /// Title: edit claim ({event}).
    pub edit_claim: &'static str,
    /// Title: a step ({status}, {what}, {staff}).
    pub advance_title: &'static str,
    /// Title: return a claim ({what}).
    pub return_title: &'static str,
    /// Title: propose a payment ({expert}, {work}).
    pub new_payment: &'static str,
    /// Title: edit a payment ({expert}, {work}).
    pub edit_payment: &'static str,
    /// Form message: {withheld} {rate} {net}.
    pub withholding_note: &'static str,
    /// Form message for a corporation: {net}.
    pub not_withheld: &'static str,
    /// No event picked.
    pub pick_event: &'static str,
    /// No reason given.
    pub reason_needed: &'static str,
    /// A claim of ¥0.
    pub yen_zero: &'static str,
    /// More than the year's budget ({budget}).
    pub yen_over_budget: &'static str,
    /// Amount errors: empty, unrecognised ({input}), negative, fractional, too large ({max}).
    pub yen_errors: [&'static str; 5],
    /// Card title: claim ({id}, {event}).
    pub claim_card: &'static str,
    /// Card title: payment ({id}, {expert}).
    pub payment_card: &'static str,
    /// Card: event.
    pub c_event: &'static str,
    /// Card: venue.
    pub c_venue: &'static str,
    /// Card: organising body.
    pub c_organisation: &'static str,
    /// Card: amount.
    pub c_amount: &'static str,
    /// Card: receipt.
    pub c_receipt: &'static str,
    /// Card: status.
    pub c_status: &'static str,
    /// Card: claimed.
    pub c_claimed: &'static str,
    /// Card: checked.
    pub c_checked: &'static str,
    /// Card: approved.
    pub c_approved: &'static str,
    /// Card: paid.
    pub c_paid: &'static str,
    /// Card: why it was returned.
    pub c_return_reason: &'static str,
    /// Card: withheld.
    pub c_withheld: &'static str,
    /// Card: net paid.
    pub c_net: &'static str,
    /// A corporate payee (not withheld).
    pub corporation: &'static str,
    /// The keys of a claim's card.
    pub card_keys: &'static str,
    /// The keys of a payment's card.
    pub payment_card_keys: &'static str,
    /// The keys of an expert's 支払調書 figures.
    pub statement_keys: &'static str,
    /// Statement title ({year}, {expert}).
    pub statement_title: &'static str,
    /// Statement: payee.
    pub s_payee: &'static str,
    /// Statement: address.
    pub s_address: &'static str,
    /// Statement: payments made.
    pub s_count: &'static str,
    /// Statement: amount paid (支払金額).
    pub s_paid: &'static str,
}

/// Tab 4's texts in a language.
pub fn text(lang: Lang) -> &'static LedgerText {
    match lang {
        Lang::Ja => &ja::ledger::TEXT,
        Lang::En => &en::ledger::TEXT,
    }
}

/// A claim status's label.
pub fn claim_status(lang: Lang, s: ClaimStatus) -> &'static str {
    let i = ClaimStatus::ALL.iter().position(|x| *x == s).unwrap_or(0);
    text(lang).claim_statuses[i]
}

/// A payment status's label.
pub fn payment_status(lang: Lang, s: PaymentStatus) -> &'static str {
    let i = PaymentStatus::ALL.iter().position(|x| *x == s).unwrap_or(0);
    text(lang).payment_statuses[i]
}

/// A venue kind's label.
pub fn venue(lang: Lang, v: VenueKind) -> &'static str {
    match lang {
        Lang::Ja => ja::labels::venue(v),
        Lang::En => en::labels::venue(v),
    }
}

/// An amount that could not be read, worded for the field.
pub fn yen_error(lang: Lang, e: &YenError) -> String {
    let t = &text(lang).yen_errors;
    match e {
        YenError::Empty => t[0].to_string(),
        YenError::Unrecognised { input } => t[1].replace("{input}", input),
        YenError::Negative => t[2].to_string(),
        YenError::Fractional => t[3].to_string(),
        YenError::TooLarge { max } => t[4].replace("{max}", &crate::domain::parse::format_yen(*max)),
    }
}

/// The (ja, en) label of a ledger action in the audit trail and the undo message.
pub fn action(label: &str) -> (&str, &str) {
    match label {
        "ledger.claim.create" => ("立替金精算書の登録", "Form 4 claim recorded"),
        "ledger.claim.edit" => ("立替金精算書の編集", "Form 4 claim edited"),
        "ledger.claim.step" => ("立替金の段階の更新", "Form 4 claim step"),
        "ledger.claim.return" => ("立替金の差戻し", "Form 4 claim returned"),
        "ledger.payment.create" => ("謝金・旅費の起案", "payment proposed"),
        "ledger.payment.edit" => ("謝金・旅費の編集", "payment edited"),
        "ledger.payment.step" => ("謝金・旅費の段階の更新", "payment step"),
        other => (other, other),
    }
}
