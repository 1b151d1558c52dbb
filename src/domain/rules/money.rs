//! Money the federation pays (R-S6): the fee schedule, withholding income tax on honoraria to individuals, who
//! may be paid for what, and the steps a claim or a payment goes through.

use super::Finding;
use crate::domain::fiscal_year::{Fees, Withholding};
use crate::domain::model::{ClaimStatus, PaymentStatus};

/// 源泉徴収: income tax withheld from a payment of an honorarium (and travel, when the setting includes it).
///
/// Rates come from the fiscal-year file (10.21% up to ¥1,000,000 per payment, 20.42% on the excess).
/// Rounding rule: fractions of a yen are truncated (1円未満切捨て), as the National Tax Agency prescribes for
/// withholding amounts. Payments to a corporation are not withheld.
pub fn withholding_yen(w: &Withholding, honorarium_yen: i64, travel_yen: i64, payee_is_corporation: bool) -> i64 {
    if payee_is_corporation {
        return 0;
    }
    let taxable = honorarium_yen + if w.include_travel { travel_yen } else { 0 };
    if taxable <= 0 {
        return 0;
    }
    let base = taxable.min(w.threshold_yen);
    let over = (taxable - w.threshold_yen).max(0);
    // Integer arithmetic in basis points, then truncation: no floating point for money.
    (base * w.rate_bp + over * w.rate_over_bp) / 10_000
}

/// The amount paid to the payee after withholding.
pub fn net_yen(honorarium_yen: i64, travel_yen: i64, withheld_yen: i64) -> i64 {
    honorarium_yen + travel_yen - withheld_yen
}

/// An honorarium and travel proposed from the fee schedule of the fiscal-year file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Proposal {
    /// 謝金.
    pub honorarium_yen: i64,
    /// 旅費.
    pub travel_yen: i64,
}

/// The fee schedule applied to a dispatch visit of `minutes`: the fixed fee plus the hourly fee for the time
/// spent (fractions of a yen truncated, 1円未満切捨て); no travel for an online visit.
pub fn propose_for_visit(fees: &Fees, minutes: i64, online: bool) -> Proposal {
    Proposal {
        honorarium_yen: fees.honorarium_per_visit_yen + fees.honorarium_per_hour_yen * minutes.max(0) / 60,
        travel_yen: if online { 0 } else { fees.travel_default_yen },
    }
}

/// The fee schedule applied to an instructor's seminar or an expert's consultation day.
pub fn propose_for_event(fees: &Fees) -> Proposal {
    Proposal { honorarium_yen: fees.instructor_honorarium_per_event_yen, travel_yen: fees.travel_default_yen }
}

/// R-S6: honoraria and travel go only to the expert who did the visit or an expert/instructor of the event.
pub fn check_payee(on_record: bool) -> Option<Finding> {
    (!on_record).then_some(Finding::PayeeNotOnRecord)
}

/// R-S6: one payment per piece of work (a visit, or an expert's part in an event).
pub fn check_not_yet_paid(existing_payment: Option<i64>) -> Option<Finding> {
    existing_payment.map(|payment_id| Finding::AlreadyProposed { payment_id })
}

/// R-S6: a payment holds an honorarium and/or travel and nothing else; an empty one is refused.
pub fn check_something_to_pay(honorarium_yen: i64, travel_yen: i64) -> Option<Finding> {
    (honorarium_yen <= 0 && travel_yen <= 0).then_some(Finding::NothingToPay)
}

/// The next step of a Form 4 claim: submitted → checked → approved → paid; a returned claim is resubmitted.
pub fn next_claim_status(status: ClaimStatus) -> Option<ClaimStatus> {
    match status {
        ClaimStatus::Submitted => Some(ClaimStatus::Checked),
        ClaimStatus::Checked => Some(ClaimStatus::Approved),
        ClaimStatus::Approved => Some(ClaimStatus::Paid),
        ClaimStatus::Returned => Some(ClaimStatus::Submitted),
        ClaimStatus::Paid => None,
    }
}

/// Whether a claim can still be returned to the organising body (not once paid, not twice).
pub fn claim_returnable(status: ClaimStatus) -> bool {
    matches!(status, ClaimStatus::Submitted | ClaimStatus::Checked | ClaimStatus::Approved)
}

/// The next step of an honorarium/travel payment: proposed → approved → paid.
pub fn next_payment_status(status: PaymentStatus) -> Option<PaymentStatus> {
    match status {
        PaymentStatus::Proposed => Some(PaymentStatus::Approved),
        PaymentStatus::Approved => Some(PaymentStatus::Paid),
        PaymentStatus::Paid => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::RuleId;

    const W: Withholding =
        Withholding { rate_bp: 1021, threshold_yen: 1_000_000, rate_over_bp: 2042, include_travel: true };

    #[test]
    fn withholding_below_and_at_one_million() {
        assert_eq!(withholding_yen(&W, 30_000, 0, false), 3_063);
        assert_eq!(withholding_yen(&W, 999_999, 0, false), 102_099); // 102,099.8979 truncated
        assert_eq!(withholding_yen(&W, 1_000_000, 0, false), 102_100);
    }

    #[test]
    fn withholding_above_one_million() {
        // (1,000,001 − 1,000,000) × 20.42% + 102,100 = 102,100.2042 → 102,100
        assert_eq!(withholding_yen(&W, 1_000_001, 0, false), 102_100);
        assert_eq!(withholding_yen(&W, 1_000_005, 0, false), 102_101);
        assert_eq!(withholding_yen(&W, 1_500_000, 0, false), 102_100 + 102_100);
    }

    #[test]
    fn yen_rounding_truncates_fractions() {
        // 10,001 × 10.21% = 1,021.1021 → 1,021; 10,009 × 10.21% = 1,021.9189 → 1,021 (never rounded up)
        assert_eq!(withholding_yen(&W, 10_001, 0, false), 1_021);
        assert_eq!(withholding_yen(&W, 10_009, 0, false), 1_021);
    }

    #[test]
    fn travel_included_by_setting() {
        assert_eq!(withholding_yen(&W, 30_000, 2_000, false), 3_267); // 32,000 × 10.21% = 3,267.2
        let without = Withholding { include_travel: false, ..W };
        assert_eq!(withholding_yen(&without, 30_000, 2_000, false), 3_063);
    }

    #[test]
    fn corporations_are_not_withheld() {
        assert_eq!(withholding_yen(&W, 30_000, 2_000, true), 0);
        assert_eq!(net_yen(30_000, 2_000, 0), 32_000);
        assert_eq!(net_yen(30_000, 2_000, 3_267), 28_733);
    }

    #[test]
    fn withholding_rates_and_threshold_come_from_the_fiscal_year_file() {
        let fy =
            crate::domain::fiscal_year::FiscalYear::from_toml(include_str!("../../../assets/fiscal-years/2025.toml"))
                .unwrap();
        assert_eq!(withholding_yen(&fy.withholding, 1_000_000, 0, false), 102_100);
        let text = include_str!("../../../assets/fiscal-years/2025.toml")
            .replace("threshold_yen = 1_000_000", "threshold_yen = 500_000");
        let other = crate::domain::fiscal_year::FiscalYear::from_toml(&text).unwrap();
        // 500,000 × 10.21% + 500,000 × 20.42% = 51,050 + 102,100
        assert_eq!(withholding_yen(&other.withholding, 1_000_000, 0, false), 153_150);
    }

    const FEES: Fees = Fees {
        honorarium_per_visit_yen: 30_000,
        honorarium_per_hour_yen: 5_000,
        instructor_honorarium_per_event_yen: 50_000,
        travel_default_yen: 1_000,
    };

    #[test]
    fn fee_schedule_proposes_visit_and_event_payments() {
        assert_eq!(propose_for_visit(&FEES, 120, false), Proposal { honorarium_yen: 40_000, travel_yen: 1_000 });
        // 90 minutes × ¥5,000/h = ¥7,500; 100 minutes = ¥8,333.3 → ¥8,333 (truncated)
        assert_eq!(propose_for_visit(&FEES, 90, true), Proposal { honorarium_yen: 37_500, travel_yen: 0 });
        assert_eq!(propose_for_visit(&FEES, 100, true).honorarium_yen, 38_333);
        assert_eq!(propose_for_event(&FEES), Proposal { honorarium_yen: 50_000, travel_yen: 1_000 });
    }

    #[test]
    fn r_s6_only_the_expert_who_did_the_work() {
        assert_eq!(check_payee(false).unwrap().rule(), RuleId::S6);
        assert!(check_payee(true).is_none());
    }

    #[test]
    fn r_s6_one_payment_per_work() {
        assert_eq!(check_not_yet_paid(Some(7)), Some(Finding::AlreadyProposed { payment_id: 7 }));
        assert_eq!(check_not_yet_paid(Some(7)).unwrap().rule(), RuleId::S6);
        assert!(check_not_yet_paid(None).is_none());
    }

    #[test]
    fn r_s6_nothing_else_and_not_nothing_is_paid() {
        assert_eq!(check_something_to_pay(0, 0).unwrap().rule(), RuleId::S6);
        assert!(check_something_to_pay(0, 1_200).is_none());
        assert!(check_something_to_pay(30_000, 0).is_none());
    }

    #[test]
    fn claim_steps_go_submitted_to_paid_and_returned_claims_are_resubmitted() {
        let mut s = ClaimStatus::Submitted;
        let mut seen = vec![s];
        while let Some(n) = next_claim_status(s) {
            s = n;
            seen.push(s);
        }
        assert_eq!(seen, [ClaimStatus::Submitted, ClaimStatus::Checked, ClaimStatus::Approved, ClaimStatus::Paid]);
        assert_eq!(next_claim_status(ClaimStatus::Returned), Some(ClaimStatus::Submitted));
        assert!(claim_returnable(ClaimStatus::Approved) && !claim_returnable(ClaimStatus::Paid));
        assert_eq!(next_payment_status(PaymentStatus::Approved), Some(PaymentStatus::Paid));
        assert_eq!(next_payment_status(PaymentStatus::Paid), None);
    }
}
