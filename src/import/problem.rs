//! Why a row cannot be imported: a parse error, an unknown reference, a duplicate, or a rule of PROGRAM.md
//! (carrying its id), worded in either language.

use chrono::NaiveDate;

use crate::domain::model::DispatchStatus;
use crate::domain::parse::{CorporateNumberError, DateError, IntError, PhoneError, TimeError, YenError};
use crate::domain::rules::Finding;
use crate::ui::i18n::{self, Lang};

/// One rejected cell of one row.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// The row as numbered in Excel (the header is row 1).
    pub row: usize,
    /// The column's header as written in the file.
    pub column: String,
    /// What is wrong.
    pub problem: Problem,
}

/// What is wrong with a cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A required value is empty.
    Required,
    /// A date that does not parse.
    Date(DateError),
    /// A phone number that does not parse.
    Phone(PhoneError),
    /// A corporate number that does not parse or fails its check digit.
    CorporateNumber(CorporateNumberError),
    /// A count that does not parse.
    Int(IntError),
    /// An amount that does not parse.
    Yen(YenError),
    /// A yes/no value that does not parse.
    Flag(String),
    /// No such chamber.
    UnknownChamber(String),
    /// No such municipality in the prefecture.
    UnknownMunicipality(String),
    /// No such legal form.
    UnknownLegalForm(String),
    /// No such industry.
    UnknownIndustry(String),
    /// No such theme.
    UnknownTheme {
        /// The cell.
        value: String,
        /// The highest theme number.
        max: u8,
    },
    /// The application's business is not registered.
    UnknownBusiness {
        /// Its name.
        name: String,
        /// Its phone.
        phone: String,
    },
    /// The same record as an earlier row of the file.
    DuplicateRow(usize),
    /// An application number that cannot be read.
    BadNumber(String),
    /// A received date outside the fiscal year of the application number.
    WrongYear {
        /// The date.
        date: NaiveDate,
        /// The number's fiscal year.
        year: i32,
    },
    /// A time that does not parse.
    Time(TimeError),
    /// No application of this number.
    UnknownApplication(String),
    /// The application takes no visits in its status (not yet approved, rejected or closed).
    NoVisits {
        /// Its number.
        number: String,
        /// Its status.
        status: DispatchStatus,
    },
    /// No such visit place (R-D2).
    UnknownPlace(String),
    /// No such accompaniment (R-D3).
    UnknownAccompaniment(String),
    /// No expert of this name on the roster (or several).
    UnknownExpert(String),
    /// No event (or several) held on that day with that title.
    UnknownEvent {
        /// The day and title as given.
        what: String,
        /// How many matched.
        found: usize,
    },
    /// No organisation of this name is registered (an event's organising body).
    UnknownOrganiser(String),
    /// Neither a seminar nor a consultation day.
    UnknownEventKind(String),
    /// No such venue kind (R-S5).
    UnknownVenueKind(String),
    /// No such event status.
    UnknownEventStatus(String),
    /// An end at or before the start.
    EndBeforeStart,
    /// A consultation day's slot length outside 1..=480 minutes.
    SlotLength(i64),
    /// The same event (organiser, day and title) as an earlier row of the file.
    SameEvent(usize),
    /// A rule of the program (R-E1, R-E3, R-D1, ...).
    Rule(Finding),
}

impl Problem {
    /// The problem in words; rule findings start with their rule id.
    pub fn describe(&self, lang: Lang) -> String {
        let t = i18n::reports::import(lang);
        match self {
            Problem::Required => t.required.to_string(),
            Problem::Date(e) => i18n::date_error(lang, e),
            Problem::Phone(e) => i18n::phone_error(lang, e),
            Problem::CorporateNumber(e) => match e {
                CorporateNumberError::Empty => t.corporate_number[0].to_string(),
                CorporateNumberError::WrongLength { digits } => {
                    t.corporate_number[1].replace("{digits}", &digits.to_string())
                }
                CorporateNumberError::InvalidCharacter { ch } => t.corporate_number[2].replace("{ch}", &ch.to_string()),
                CorporateNumberError::CheckDigitMismatch { expected, found } => t.corporate_number[3]
                    .replace("{expected}", &expected.to_string())
                    .replace("{found}", &found.to_string()),
            },
            Problem::Int(e) => match e {
                IntError::Empty => t.number[0].to_string(),
                IntError::Unrecognised { input } => t.number[1].replace("{input}", input),
                IntError::Negative => t.number[2].to_string(),
                IntError::TooLarge { max } => t.number[3].replace("{max}", &max.to_string()),
            },
            Problem::Yen(e) => match e {
                YenError::Empty => t.yen[0].to_string(),
                YenError::Unrecognised { input } => t.yen[1].replace("{input}", input),
                YenError::Negative => t.yen[2].to_string(),
                YenError::Fractional => t.yen[3].to_string(),
                YenError::TooLarge { max } => t.yen[4].replace("{max}", &max.to_string()),
            },
            Problem::Flag(v) => t.bad_flag.replace("{value}", v),
            Problem::UnknownChamber(n) => t.unknown_chamber.replace("{name}", n),
            Problem::UnknownMunicipality(n) => t.unknown_municipality.replace("{name}", n),
            Problem::UnknownLegalForm(n) => t.unknown_legal_form.replace("{name}", n),
            Problem::UnknownIndustry(n) => t.unknown_industry.replace("{name}", n),
            Problem::UnknownTheme { value, max } => {
                t.unknown_theme.replace("{value}", value).replace("{max}", &max.to_string())
            }
            Problem::UnknownBusiness { name, phone } if phone.is_empty() => {
                t.unknown_business_named.replace("{name}", name)
            }
            Problem::UnknownBusiness { name, phone } => {
                t.unknown_business.replace("{name}", name).replace("{phone}", phone)
            }
            Problem::DuplicateRow(row) => t.duplicate_row.replace("{row}", &row.to_string()),
            Problem::BadNumber(v) => t.bad_number.replace("{value}", v),
            Problem::WrongYear { date, year } => {
                t.wrong_year.replace("{date}", &date.to_string()).replace("{year}", &year.to_string())
            }
            Problem::Time(e) => i18n::time_error(lang, e),
            Problem::UnknownApplication(n) => t.unknown_application.replace("{number}", n),
            Problem::NoVisits { number, status } => {
                t.no_visits.replace("{number}", number).replace("{status}", i18n::label::dispatch_status(lang, *status))
            }
            Problem::UnknownPlace(v) => t.unknown_place.replace("{value}", v),
            Problem::UnknownAccompaniment(v) => t.unknown_accompaniment.replace("{value}", v),
            Problem::UnknownExpert(n) => t.unknown_expert.replace("{name}", n),
            Problem::UnknownEvent { what, found: 0 } => t.unknown_event[0].replace("{what}", what),
            Problem::UnknownEvent { what, found } => {
                t.unknown_event[1].replace("{what}", what).replace("{n}", &found.to_string())
            }
            Problem::UnknownOrganiser(n) => t.unknown_organiser.replace("{name}", n),
            Problem::UnknownEventKind(v) => t.unknown_event_kind.replace("{value}", v),
            Problem::UnknownVenueKind(v) => t.unknown_venue_kind.replace("{value}", v),
            Problem::UnknownEventStatus(v) => t.unknown_event_status.replace("{value}", v),
            // The console's own message for the event form.
            Problem::EndBeforeStart => i18n::events::text(lang).end_before_start.to_string(),
            Problem::SlotLength(n) => t.slot_length.replace("{value}", &n.to_string()),
            Problem::SameEvent(row) => t.same_event.replace("{row}", &row.to_string()),
            Problem::Rule(f) => i18n::finding(lang, f),
        }
    }
}
