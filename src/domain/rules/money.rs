//! Money the federation pays (R-S6): withholding income tax on honoraria to individuals.

use crate::domain::fiscal_year::Withholding;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
