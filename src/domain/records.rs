//! Plain data of the records as forms, imports and the demo generator build them (no ids assigned yet).

use chrono::NaiveDate;

use crate::domain::model::*;

/// A new organisation (商工会, 商工会議所, other body).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrganisation {
    /// Kind.
    pub kind: OrganisationKind,
    /// Name.
    pub name: String,
    /// Reading (kana).
    pub reading: String,
    /// Seat municipality id.
    pub municipality_id: Option<i64>,
    /// Municipalities covered.
    pub covers: Vec<i64>,
    /// Address.
    pub address: String,
    /// Phone.
    pub phone: String,
    /// Where the record comes from: `desk`, `demo`, `import`.
    pub source: &'static str,
}

/// A new member of a chamber's staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrganisationStaff {
    /// The organisation.
    pub organisation_id: i64,
    /// Name.
    pub name: String,
    /// Reading.
    pub reading: String,
    /// Guidance officer or support officer.
    pub role: StaffRole,
}

/// A new member of the desk's staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDeskStaff {
    /// Name.
    pub name: String,
    /// Reading.
    pub reading: String,
    /// Coordinator, support supporter or clerk.
    pub role: DeskRole,
}

/// A new business (事業者).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewBusiness {
    /// Name as written (may contain ㈱ etc.).
    pub name: String,
    /// Reading (kana).
    pub reading: String,
    /// 法人格.
    pub legal_form: Option<LegalForm>,
    /// 法人番号 (13 digits, check digit verified).
    pub corporate_number: Option<String>,
    /// Industry category (R-E4).
    pub industry: Option<IndustryCategory>,
    /// Capital in yen.
    pub capital_yen: Option<i64>,
    /// Employees.
    pub employees: Option<i64>,
    /// Municipality (None: outside the prefecture or unknown).
    pub municipality_id: Option<i64>,
    /// Address.
    pub address: String,
    /// Phone as typed.
    pub phone: String,
    /// Representative.
    pub representative: String,
    /// Local chamber.
    pub chamber_id: Option<i64>,
}

/// A new expert on the roster.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewExpert {
    /// Name.
    pub name: String,
    /// Reading.
    pub reading: String,
    /// Affiliation (firm, office).
    pub affiliation: String,
    /// Qualifications, separated by `、`.
    pub qualifications: String,
    /// Free keywords (EC-CUBE, freee, ...), separated by `、`.
    pub keywords: String,
    /// Themes covered (numbers).
    pub themes: Vec<u8>,
    /// Phone.
    pub phone: String,
    /// E-mail.
    pub email: String,
    /// Municipality (region).
    pub municipality_id: Option<i64>,
    /// Paid as a corporation (no withholding).
    pub is_corporation: bool,
    /// Retired on.
    pub retired_on: Option<NaiveDate>,
}

/// A new relation of an expert to a business (R-D5 grounds 1, 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRelation {
    /// The expert.
    pub expert_id: i64,
    /// The business.
    pub business_id: i64,
    /// Belongs to or advisory contract.
    pub kind: RelationKind,
    /// From.
    pub from: Option<NaiveDate>,
    /// Until.
    pub until: Option<NaiveDate>,
    /// Note.
    pub note: String,
}

/// A new dispatch application (Form 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDispatch {
    /// Fiscal year.
    pub fiscal_year: i32,
    /// The business.
    pub business_id: i64,
    /// Applying chamber (None: received directly by the desk, R-A1).
    pub chamber_id: Option<i64>,
    /// The chamber's assigned guidance officer (R-D3).
    pub guidance_officer_id: Option<i64>,
    /// Date received.
    pub received_on: NaiveDate,
    /// Theme number.
    pub theme: u8,
    /// Form 1 free-text sections: (key from the fiscal-year file, text).
    pub sections: Vec<(String, String)>,
    /// Recommended expert.
    pub recommended_expert_id: Option<i64>,
}

/// A new visit of a dispatch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewVisit {
    /// The dispatch.
    pub dispatch_id: i64,
    /// Date.
    pub date: NaiveDate,
    /// Start, minutes after midnight.
    pub start_min: u16,
    /// End, minutes after midnight.
    pub end_min: u16,
    /// Place (R-D2).
    pub place: PlaceKind,
    /// Where, for "another place".
    pub place_note: String,
    /// The expert who visited.
    pub expert_id: Option<i64>,
    /// Who accompanied (R-D3).
    pub accompanied_by: AccompanimentKind,
    /// The chamber staff member who accompanied.
    pub accompanying_staff_id: Option<i64>,
    /// The desk staff member who accompanied.
    pub accompanying_desk_staff_id: Option<i64>,
    /// The accompanying person's name as typed (when not picked from staff).
    pub accompanying_name: String,
    /// Reason when not the assigned officer (R-D3).
    pub accompaniment_reason: String,
}

/// A new desk consultation (窓口相談).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewConsultation {
    /// Fiscal year.
    pub fiscal_year: i32,
    /// Date.
    pub received_on: NaiveDate,
    /// Time, minutes after midnight.
    pub received_min: Option<u16>,
    /// Channel.
    pub channel: ConsultationChannel,
    /// Caller.
    pub caller_name: String,
    /// Caller's phone.
    pub caller_phone: String,
    /// The business, if known.
    pub business_id: Option<i64>,
    /// The chamber, if the caller came through one.
    pub chamber_id: Option<i64>,
    /// Theme, if clear.
    pub theme: Option<u8>,
    /// What was asked.
    pub content: String,
    /// Desk staff member who handled it.
    pub handled_by_id: Option<i64>,
    /// Outcome.
    pub outcome: ConsultationOutcome,
}

/// A new seminar or consultation day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvent {
    /// Fiscal year.
    pub fiscal_year: i32,
    /// Seminar or consultation day.
    pub kind: EventKind,
    /// Organising body.
    pub organiser_id: i64,
    /// Title.
    pub title: String,
    /// Theme number (R-S4).
    pub theme: u8,
    /// Date.
    pub date: NaiveDate,
    /// Start.
    pub start_min: u16,
    /// End.
    pub end_min: u16,
    /// Venue name.
    pub venue_name: String,
    /// Venue kind (R-S5, R-S8).
    pub venue_kind: VenueKind,
    /// Venue fee advanced (reimbursable only for rented venues).
    pub venue_fee_yen: i64,
    /// Municipality where held.
    pub municipality_id: Option<i64>,
    /// Capacity.
    pub capacity: Option<i64>,
    /// Registrations.
    pub registrations: i64,
    /// Attendance count once held.
    pub attendance: Option<i64>,
    /// Slot length for consultation days.
    pub slot_minutes: Option<u16>,
    /// Startup series (R-S10).
    pub series_id: Option<i64>,
    /// Status.
    pub status: EventStatus,
    /// Reason when cancelled.
    pub cancel_reason: String,
    /// Date the Form 2/3 was received.
    pub applied_on: Option<NaiveDate>,
    /// Publicity: press release date.
    pub press_release_on: Option<NaiveDate>,
    /// Publicity: web page date.
    pub web_page_on: Option<NaiveDate>,
    /// Publicity: notice to partner bodies date.
    pub partner_notice_on: Option<NaiveDate>,
}

/// A new Form 4 claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewClaim {
    /// Fiscal year.
    pub fiscal_year: i32,
    /// The event.
    pub event_id: i64,
    /// The organising body that advanced the fee.
    pub organisation_id: i64,
    /// Amount advanced.
    pub amount_yen: i64,
    /// Receipt reference.
    pub receipt_ref: String,
    /// Date claimed.
    pub claimed_on: NaiveDate,
    /// Status.
    pub status: ClaimStatus,
}

/// A new honorarium/travel payment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPayment {
    /// Fiscal year.
    pub fiscal_year: i32,
    /// Payee.
    pub expert_id: i64,
    /// For a visit.
    pub visit_id: Option<i64>,
    /// For an event.
    pub event_id: Option<i64>,
    /// Honorarium.
    pub honorarium_yen: i64,
    /// Travel.
    pub travel_yen: i64,
    /// Income tax withheld.
    pub withholding_yen: i64,
    /// Payee is a corporation.
    pub payee_is_corporation: bool,
    /// Status.
    pub status: PaymentStatus,
    /// Date proposed.
    pub proposed_on: NaiveDate,
    /// Date approved.
    pub approved_on: Option<NaiveDate>,
    /// Date paid.
    pub paid_on: Option<NaiveDate>,
}
