//! R-S3, R-S5, R-S8: seminars and consultation days are free, and venue fees are paid only for rented venues.

use super::Finding;
use crate::domain::model::VenueKind;

/// R-S3: attendance is free of charge; any fee is refused.
pub fn check_attendance_fee(fee_yen: i64) -> Option<Finding> {
    (fee_yen != 0).then_some(Finding::AttendanceFee { fee_yen })
}

/// R-S5 / R-S8: whether the venue's fee may be reimbursed (a public facility or similar rented venue).
pub fn venue_fee_reimbursable(kind: VenueKind) -> bool {
    matches!(kind, VenueKind::PublicFacility | VenueKind::RentedVenue)
}

/// R-S5: no venue fee is paid when the venue is an organisation's or a participating business's office.
pub fn check_venue_fee(kind: VenueKind, fee_yen: i64) -> Option<Finding> {
    (fee_yen > 0 && !venue_fee_reimbursable(kind)).then_some(Finding::NoFeeForOfficeVenue { venue: kind })
}

/// R-S8 (refused under R-S5): a Form 4 claim is only for the fee of a public facility or rented venue.
pub fn check_claim_venue(kind: VenueKind) -> Option<Finding> {
    (!venue_fee_reimbursable(kind)).then_some(Finding::NoFeeForOfficeVenue { venue: kind })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rules::RuleId;

    #[test]
    fn r_s3_attendance_is_free() {
        assert!(check_attendance_fee(0).is_none());
        assert_eq!(check_attendance_fee(1).unwrap().rule(), RuleId::S3);
        assert_eq!(check_attendance_fee(1000), Some(Finding::AttendanceFee { fee_yen: 1000 }));
    }

    #[test]
    fn r_s5_no_fee_for_office_venues() {
        assert_eq!(check_venue_fee(VenueKind::OrganisationOffice, 5000).unwrap().rule(), RuleId::S5);
        assert_eq!(check_venue_fee(VenueKind::BusinessOffice, 1).unwrap().rule(), RuleId::S5);
        assert!(check_venue_fee(VenueKind::OrganisationOffice, 0).is_none());
        assert!(check_venue_fee(VenueKind::PublicFacility, 5000).is_none());
    }

    #[test]
    fn r_s8_claims_only_for_rented_venues() {
        assert!(check_claim_venue(VenueKind::PublicFacility).is_none());
        assert!(check_claim_venue(VenueKind::RentedVenue).is_none());
        assert_eq!(check_claim_venue(VenueKind::OrganisationOffice).unwrap().rule(), RuleId::S5);
    }
}
