//! R-S3, R-S5, R-S8: seminars and consultation days are free, and venue fees are paid only for rented venues;
//! R-S11: a consultation day's report before its feedback; DESK-1 (a desk rule, docs/desk-rules.md): an expert is
//! in one place at a time.

use chrono::NaiveDate;

use super::Finding;
use crate::domain::model::VenueKind;

/// What an expert is doing at some time of a day (for DESK-1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Engagement {
    /// A booking, a dispatch visit or an event.
    pub kind: EngagementKind,
    /// The event's title or the visited business's name.
    pub what: String,
    /// Start, minutes after midnight.
    pub start_min: u16,
    /// End, minutes after midnight.
    pub end_min: u16,
}

/// The kinds of [`Engagement`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EngagementKind {
    /// A consultation-day booking.
    Booking,
    /// A dispatch visit.
    Visit,
    /// An event the expert teaches at or consults in.
    Event,
}

/// DESK-1: the first engagement of the expert's day that overlaps `start..end`, as a finding.
pub fn check_expert_free(date: NaiveDate, start: u16, end: u16, day: &[Engagement]) -> Option<Finding> {
    day.iter()
        .find(|e| e.start_min < end && start < e.end_min)
        .map(|e| Finding::ExpertBusy { date, elsewhere: e.clone() })
}

/// R-S11: feedback to the chamber follows the expert's support report (never before it, never without it).
pub fn check_booking_feedback(report_on: Option<NaiveDate>, feedback_on: Option<NaiveDate>) -> Option<Finding> {
    match (report_on, feedback_on) {
        (_, None) => None,
        (Some(r), Some(f)) if f >= r => None,
        _ => Some(Finding::BookingFeedbackBeforeReport),
    }
}

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

    fn d(m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, dd).unwrap()
    }

    fn visit(start_min: u16, end_min: u16) -> Engagement {
        Engagement { kind: EngagementKind::Visit, what: "阿蘇の里ファーム".into(), start_min, end_min }
    }

    #[test]
    fn desk_1_an_expert_is_in_one_place_at_a_time() {
        let day = [visit(600, 720)];
        let f = check_expert_free(d(11, 4), 660, 720, &day).unwrap();
        assert_eq!(f.rule(), RuleId::Desk1);
        assert_eq!(f, Finding::ExpertBusy { date: d(11, 4), elsewhere: visit(600, 720) });
        assert!(check_expert_free(d(11, 4), 540, 601, &day).is_some(), "one minute of overlap is a conflict");
    }

    #[test]
    fn desk_1_back_to_back_is_fine() {
        let day = [visit(600, 720)];
        assert!(check_expert_free(d(11, 4), 720, 780, &day).is_none());
        assert!(check_expert_free(d(11, 4), 540, 600, &day).is_none());
        assert!(check_expert_free(d(11, 4), 540, 600, &[]).is_none());
    }

    #[test]
    fn r_s11_feedback_after_the_report() {
        assert!(check_booking_feedback(None, None).is_none());
        assert!(check_booking_feedback(Some(d(11, 4)), None).is_none());
        assert!(check_booking_feedback(Some(d(11, 4)), Some(d(11, 4))).is_none());
        assert_eq!(check_booking_feedback(None, Some(d(11, 4))).unwrap().rule(), RuleId::S11);
        assert_eq!(check_booking_feedback(Some(d(11, 5)), Some(d(11, 4))), Some(Finding::BookingFeedbackBeforeReport));
    }

    #[test]
    fn r_s8_claims_only_for_rented_venues() {
        assert!(check_claim_venue(VenueKind::PublicFacility).is_none());
        assert!(check_claim_venue(VenueKind::RentedVenue).is_none());
        assert_eq!(check_claim_venue(VenueKind::OrganisationOffice).unwrap().rule(), RuleId::S5);
    }
}
