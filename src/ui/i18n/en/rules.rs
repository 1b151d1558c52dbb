//! Wording of rule findings (R-xx).

use crate::domain::parse::{format_hours, format_time, format_yen};
use crate::domain::rules::Finding;

use super::labels;

/// The text of a finding (the caller puts the rule id in front).
pub fn finding(f: &Finding) -> String {
    match f {
        Finding::OutsidePeriod { date, start, end } => {
            format!("{date} is outside the program period ({start} to {end})")
        }
        Finding::OutsidePrefecture => {
            "the business is not confirmed as located in Kumamoto (municipality outside or missing)".into()
        }
        Finding::IneligibleLegalForm { form } => format!("{} is not eligible", labels::legal_form(*form)),
        Finding::OverSmeLimits { category, capital_yen, employees, limit } => format!(
            "may be over the SME limits ({}: capital {}, {} employees; limit {} or {} employees)",
            labels::industry(*category),
            capital_yen.map(format_yen).unwrap_or_else(|| "unknown".into()),
            employees.map(|e| e.to_string()).unwrap_or_else(|| "unknown".into()),
            format_yen(limit.capital_yen),
            limit.employees
        ),
        Finding::TooManyVisits { visits, limit } => {
            format!("this application already has {visits} visits (limit {limit})")
        }
        Finding::VisitTooLong { minutes, limit } => format!(
            "a visit may last at most {} hours (this one: {} hours)",
            format_hours(*limit),
            format_hours(*minutes)
        ),
        Finding::TotalHoursExceeded { used_minutes, adding_minutes, limit } => format!(
            "this application already has {} hours of visits (limit {} hours, this visit {} hours)",
            format_hours(*used_minutes),
            format_hours(*limit),
            format_hours(*adding_minutes)
        ),
        Finding::VisitEndsBeforeStart => "the end time must be after the start time".into(),
        Finding::PlaceNeedsNote => "for \"another place\" say where".into(),
        Finding::AccompanimentNeedsReason { kind } => format!(
            "accompaniment by someone other than the assigned guidance officer ({}) needs a recorded reason",
            labels::accompaniment(*kind)
        ),
        Finding::FeedbackBeforeReport => "feedback follows the expert's support report".into(),
        Finding::RejectionNeedsGround => "choose at least one rejection ground".into(),
        Finding::OtherGroundNeedsText => "ground 8 (other) needs a written reason".into(),
        Finding::ExpertRelated { ground, relation } => format!(
            "rejection ground {} may apply (expert's relation to the applicant: {})",
            ground.number(),
            labels::relation(*relation)
        ),
        Finding::AttendanceFee { fee_yen } => {
            format!("attendance is free of charge ({} cannot be entered)", format_yen(*fee_yen))
        }
        Finding::NoFeeForOfficeVenue { venue } => {
            format!("no venue fee is paid when the venue is {}", labels::venue(*venue))
        }
        Finding::PayeeNotOnRecord => "this expert did not do this visit or event (honoraria and travel go only to the expert or instructor who did)".into(),
        Finding::AlreadyProposed { payment_id } => format!("this work already has a payment (No. {})", payment_id),
        Finding::NothingToPay => "enter an honorarium or travel (nothing else is paid)".into(),
        Finding::BookingFeedbackBeforeReport => {
            "record the feedback only once the expert's support report is in (on or after its date)".into()
        }
        Finding::IndividualOnlyAtStartupSeminar { theme } => {
            format!("individuals (prospective founders) take part only in startup seminars (theme 7; this is theme {theme})")
        }
        Finding::SeriesOnlyForStartup { theme } => {
            format!("only startup seminars (theme 7) form a startup-support series (this is theme {theme})")
        }
        Finding::ExpertBusy { date, elsewhere } => format!(
            "the expert is already busy on {} {}-{} ({}: {})",
            date,
            format_time(elsewhere.start_min),
            format_time(elsewhere.end_min),
            labels::engagement(elsewhere.kind),
            elsewhere.what
        ),
    }
}
