//! Display names of the code sets.

use crate::domain::model::*;

/// Industry category (R-E4).
pub fn industry(c: IndustryCategory) -> &'static str {
    match c {
        IndustryCategory::Manufacturing => "manufacturing and others",
        IndustryCategory::Wholesale => "wholesale",
        IndustryCategory::Retail => "retail",
        IndustryCategory::Services => "services",
    }
}

/// Legal form.
pub fn legal_form(f: LegalForm) -> &'static str {
    match f {
        LegalForm::KabushikiKaisha => "stock company (KK)",
        LegalForm::YugenKaisha => "limited company (YK)",
        LegalForm::GodoKaisha => "LLC (godo kaisha)",
        LegalForm::GomeiKaisha => "general partnership company",
        LegalForm::GoshiKaisha => "limited partnership company",
        LegalForm::SoleProprietor => "sole proprietor",
        LegalForm::EnterpriseAssociation => "enterprise association",
        LegalForm::Cooperative => "cooperative",
        LegalForm::GeneralAssociation => "general incorporated association",
        LegalForm::PublicInterestAssociation => "public interest incorporated association",
        LegalForm::GeneralFoundation => "general incorporated foundation",
        LegalForm::PublicInterestFoundation => "public interest incorporated foundation",
        LegalForm::MedicalCorporation => "medical corporation",
        LegalForm::SocialWelfareCorporation => "social welfare corporation",
        LegalForm::Npo => "NPO",
        LegalForm::SchoolCorporation => "school corporation",
        LegalForm::ReligiousCorporation => "religious corporation",
    }
}

/// Who accompanied (R-D3).
pub fn accompaniment(k: AccompanimentKind) -> &'static str {
    match k {
        AccompanimentKind::AssignedOfficer => "assigned guidance officer",
        AccompanimentKind::OtherGuidanceOfficer => "another guidance officer",
        AccompanimentKind::SupportOfficer => "support officer",
        AccompanimentKind::Coordinator => "desk coordinator",
        AccompanimentKind::Nobody => "nobody",
    }
}

/// Expert's relation to a business (R-D5).
pub fn relation(r: RelationKind) -> &'static str {
    match r {
        RelationKind::BelongsTo => "belongs to",
        RelationKind::AdvisoryContract => "advisory contract",
    }
}

/// Venue kind (R-S5, R-S8).
pub fn venue(v: VenueKind) -> &'static str {
    match v {
        VenueKind::OrganisationOffice => "an organisation's office",
        VenueKind::BusinessOffice => "a participating business's office",
        VenueKind::PublicFacility => "a public facility",
        VenueKind::RentedVenue => "another rented venue",
    }
}

/// Application status.
pub fn dispatch_status(s: DispatchStatus) -> &'static str {
    match s {
        DispatchStatus::Received => "received",
        DispatchStatus::UnderReview => "review",
        DispatchStatus::Approved => "approved",
        DispatchStatus::Rejected => "rejected",
        DispatchStatus::Visiting => "visiting",
        DispatchStatus::ReportReceived => "report in",
        DispatchStatus::FeedbackSent => "feedback",
        DispatchStatus::Closed => "closed",
    }
}

/// Visit place (R-D2).
pub fn place(p: PlaceKind) -> &'static str {
    match p {
        PlaceKind::Desk => "desk",
        PlaceKind::Shokokai => "shokokai",
        PlaceKind::ChamberOfCommerce => "chamber of commerce",
        PlaceKind::Premises => "premises",
        PlaceKind::Online => "online",
        PlaceKind::Other => "other",
    }
}

/// Organisation kind.
pub fn organisation_kind(k: OrganisationKind) -> &'static str {
    match k {
        OrganisationKind::Federation => "federation",
        OrganisationKind::Shokokai => "shokokai",
        OrganisationKind::ChamberOfCommerce => "chamber of commerce",
        OrganisationKind::Other => "other body",
    }
}

/// Consultation channel.
pub fn channel(c: ConsultationChannel) -> &'static str {
    match c {
        ConsultationChannel::Phone => "phone",
        ConsultationChannel::Visit => "visit",
        ConsultationChannel::Mail => "mail",
        ConsultationChannel::Online => "online",
    }
}

/// Consultation outcome.
pub fn outcome(o: ConsultationOutcome) -> &'static str {
    match o {
        ConsultationOutcome::Open => "open",
        ConsultationOutcome::OnTheSpot => "handled on the spot",
        ConsultationOutcome::Dispatch => "became a dispatch",
    }
}

/// Event kind.
pub fn event_kind(k: EventKind) -> &'static str {
    match k {
        EventKind::Seminar => "seminar",
        EventKind::ConsultationDay => "consultation day",
    }
}

/// Event status.
pub fn event_status(s: EventStatus) -> &'static str {
    match s {
        EventStatus::Applied => "applied",
        EventStatus::Approved => "approved",
        EventStatus::Announced => "announced",
        EventStatus::Held => "held",
        EventStatus::Closed => "closed",
        EventStatus::Cancelled => "cancelled",
    }
}

/// Claim status.
pub fn claim_status(s: ClaimStatus) -> &'static str {
    match s {
        ClaimStatus::Submitted => "submitted",
        ClaimStatus::Checked => "checked",
        ClaimStatus::Approved => "approved",
        ClaimStatus::Paid => "paid",
        ClaimStatus::Returned => "returned",
    }
}

/// Payment status.
pub fn payment_status(s: PaymentStatus) -> &'static str {
    match s {
        PaymentStatus::Proposed => "proposed",
        PaymentStatus::Approved => "approved",
        PaymentStatus::Paid => "paid",
    }
}

/// Short name of a rejection ground (R-D5).
pub fn rejection_ground(n: u8) -> &'static str {
    match n {
        1 => "expert belongs to the applicant or a related company",
        2 => "part of an advisory contract",
        3 => "expert solicited the dispatch",
        4 => "dates or plan arranged without the desk",
        5 => "general knowledge or staff training",
        6 => "doing the business's work / brokering",
        7 => "producing material (plans, web, logos...)",
        _ => "otherwise inappropriate (write the reason)",
    }
}

/// What an expert is busy with (DESK-1).
pub fn engagement(k: crate::domain::rules::EngagementKind) -> &'static str {
    use crate::domain::rules::EngagementKind;
    match k {
        EngagementKind::Booking => "consultation booking",
        EngagementKind::Visit => "dispatch visit",
        EngagementKind::Event => "event",
    }
}

/// An area of a startup-support series (R-S10).
pub fn startup_area(a: StartupArea) -> &'static str {
    match a {
        StartupArea::Management => "management",
        StartupArea::Finance => "finance",
        StartupArea::HumanResources => "human resources",
        StartupArea::SalesChannels => "sales channels",
    }
}
