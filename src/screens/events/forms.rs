//! The forms of this tab: how each is built, how a filled one becomes a save request, and which field a rule
//! finding belongs to.

use chrono::NaiveDate;

use super::{Purpose, Save};
use crate::app::form::{Errors, Field, Form, RecordKind};
use crate::app::{SaveRequest, Session};
use crate::domain::model::{EventKind, EventStatus, StartupArea, VenueKind};
use crate::domain::parse::{format_time, parse_date, parse_time, parse_yen};
use crate::domain::records::NewEvent;
use crate::domain::rules::Finding;
use crate::screens::queue::forms::Prefill;
use crate::store::calendar::{BookingLine, CalendarFilter, EventDetail};
use crate::store::events::{EventEdit, NewBooking};
use crate::store::participants::{NewParticipant, ParticipantLine};
use crate::ui::i18n::{self, Lang, events::text};

/// The field a finding is shown next to.
pub fn field_for(f: &Finding) -> &'static str {
    match f {
        Finding::OutsidePeriod { .. } => "date",
        Finding::AttendanceFee { .. } => "attendance_fee",
        Finding::NoFeeForOfficeVenue { .. } => "venue_fee",
        Finding::ExpertBusy { .. } => "expert",
        Finding::OutsidePrefecture | Finding::IneligibleLegalForm { .. } => "business",
        Finding::BookingFeedbackBeforeReport => "feedback_on",
        Finding::SeriesOnlyForStartup { .. } => "series",
        Finding::IndividualOnlyAtStartupSeminar { .. } => "person",
        _ => "",
    }
}

fn themes(s: &Session) -> Vec<(String, String)> {
    s.fy.seminar_themes
        .iter()
        .map(|t| (t.number.to_string(), format!("{} {}", t.number, if s.lang == Lang::Ja { &t.ja } else { &t.en })))
        .collect()
}

fn kinds(lang: Lang) -> Vec<(String, String)> {
    EventKind::ALL.iter().map(|k| (k.code().to_string(), i18n::events::kind(lang, *k).to_string())).collect()
}

fn venues(lang: Lang) -> Vec<(String, String)> {
    VenueKind::ALL.iter().map(|k| (k.code().to_string(), i18n::events::venue(lang, *k).to_string())).collect()
}

fn opt(v: Option<impl ToString>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

/// The fields of an event, filled from `d` when editing; a new event starts on `date`.
fn event_fields(s: &Session, date: NaiveDate, d: Option<&EventDetail>) -> Vec<Field> {
    let t = text(s.lang);
    let kind = d.map(|d| d.kind).unwrap_or(EventKind::Seminar);
    let kind_i = EventKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
    let theme_i = d.and_then(|d| s.fy.seminar_themes.iter().position(|x| x.number == d.theme)).unwrap_or(0);
    let venue = d.map(|d| d.venue_kind).unwrap_or(VenueKind::PublicFacility);
    let venue_i = VenueKind::ALL.iter().position(|k| *k == venue).unwrap_or(0);
    let expert = |i: usize| d.and_then(|d| d.experts.get(i)).map(|x| (x.id, x.name.clone()));
    vec![
        Field::choice("kind", t.f_kind, kinds(s.lang), kind_i),
        Field::text("title", t.f_title, d.map(|d| d.title.as_str()).unwrap_or("")),
        Field::record("organiser", t.f_organiser, RecordKind::Organisation, d.map(|d| d.organiser.clone())),
        Field::choice("theme", t.f_theme, themes(s), theme_i),
        Field::text("date", t.f_date, &d.map(|d| d.date).unwrap_or(date).to_string()),
        Field::text("start", t.f_start, &d.map(|d| format_time(d.start_min)).unwrap_or_else(|| "13:30".into())),
        Field::text("end", t.f_end, &d.map(|d| format_time(d.end_min)).unwrap_or_else(|| "15:30".into())),
        Field::text("venue", t.f_venue, d.map(|d| d.venue_name.as_str()).unwrap_or("")),
        Field::choice("venue_kind", t.f_venue_kind, venues(s.lang), venue_i),
        Field::text("venue_fee", t.f_venue_fee, &d.map(|d| d.venue_fee_yen).unwrap_or(0).to_string()),
        Field::text("attendance_fee", t.f_attendance_fee, "0"),
        Field::text("capacity", t.f_capacity, &opt(d.and_then(|d| d.capacity))),
        Field::text("registrations", t.f_registrations, &d.map(|d| d.registrations).unwrap_or(0).to_string()),
        Field::text("attendance", t.f_attendance, &opt(d.and_then(|d| d.attendance))),
        Field::text("slot", t.f_slot, &d.and_then(|d| d.slot_minutes).unwrap_or(60).to_string()),
        Field::record("expert", t.f_expert, RecordKind::Expert, expert(0)),
        Field::record("expert2", t.f_expert2, RecordKind::Expert, expert(1)),
        Field::text("series", t.f_series, d.and_then(|d| d.series.as_ref()).map(|x| x.1.as_str()).unwrap_or("")),
        Field::text("areas", t.f_areas, &d.map(|d| area_digits(&d.areas)).unwrap_or_default()),
    ]
}

/// The areas of a session as the form shows them: their numbers 1..4 (経営, 財務, 人材育成, 販路開拓).
pub fn area_digits(areas: &[StartupArea]) -> String {
    StartupArea::ALL
        .iter()
        .enumerate()
        .filter(|(_, a)| areas.contains(a))
        .map(|(i, _)| char::from(b'1' + i as u8))
        .collect()
}

/// The areas typed: numbers 1..4 (full width too) or the areas' names in either language, in any order and
/// separated by anything (None: something else was typed).
pub fn parse_areas(text: &str) -> Option<Vec<StartupArea>> {
    use unicode_normalization::UnicodeNormalization;
    let mut rest: String = text.nfkc().collect::<String>().to_lowercase();
    let mut found = Vec::new();
    for (i, a) in StartupArea::ALL.iter().enumerate() {
        let names = [Lang::Ja, Lang::En].map(|l| i18n::events::area(l, *a).to_string());
        let mut hit = false;
        for name in names {
            if rest.contains(&name) {
                rest = rest.replace(&name, " ");
                hit = true;
            }
        }
        let digit = char::from(b'1' + i as u8);
        if rest.contains(digit) {
            rest = rest.replace(digit, " ");
            hit = true;
        }
        if hit {
            found.push(*a);
        }
    }
    let leftover = rest.chars().any(|c| c.is_alphanumeric());
    (!leftover).then_some(found)
}

/// A new event on `date` (the filter's words become its title when it is empty).
pub fn new_event(s: &Session, date: NaiveDate, filter: &CalendarFilter) -> Form {
    let mut form = Form::new(text(s.lang).new_event, event_fields(s, date, None));
    if let Some(f) = form.field_mut("title") {
        f.input = crate::app::input::LineInput::new(filter.text.trim());
    }
    form
}

/// Edit an event.
pub fn edit_event(s: &Session, d: &EventDetail) -> Form {
    let title = text(s.lang).edit_event.replace("{title}", &d.title);
    Form::new(&title, event_fields(s, d.date, Some(d)))
}

/// The statuses an event may move to from `from`: the next one along, or cancelled (with a reason).
pub fn next_statuses(from: EventStatus) -> Vec<EventStatus> {
    let next = match from {
        EventStatus::Applied => Some(EventStatus::Approved),
        EventStatus::Approved => Some(EventStatus::Announced),
        EventStatus::Announced => Some(EventStatus::Held),
        EventStatus::Held => Some(EventStatus::Closed),
        EventStatus::Closed | EventStatus::Cancelled => None,
    };
    let cancel = matches!(from, EventStatus::Applied | EventStatus::Approved | EventStatus::Announced)
        .then_some(EventStatus::Cancelled);
    next.into_iter().chain(cancel).collect()
}

/// Change the status (None: no status follows this one).
pub fn status(s: &Session, d: &EventDetail) -> Option<Form> {
    let t = text(s.lang);
    let options: Vec<(String, String)> = next_statuses(d.status)
        .into_iter()
        .map(|x| (x.code().to_string(), i18n::events::status(s.lang, x).to_string()))
        .collect();
    if options.is_empty() {
        return None;
    }
    Some(Form::new(
        &t.status_title.replace("{title}", &d.title),
        vec![Field::choice("status", t.f_status, options, 0), Field::text("reason", t.f_cancel_reason, "")],
    ))
}

/// The publicity checklist: a date for each channel when done (today offered for the first missing one).
pub fn publicity(s: &Session, d: &EventDetail) -> Form {
    let t = text(s.lang);
    let dates = [d.press_release_on, d.web_page_on, d.partner_notice_on];
    let first_missing = dates.iter().position(Option::is_none);
    let value = |i: usize| match dates[i] {
        Some(x) => x.to_string(),
        None if first_missing == Some(i) => s.today.to_string(),
        None => String::new(),
    };
    Form::new(
        &t.publicity_title.replace("{title}", &d.title),
        vec![
            Field::text("press", t.publicity[0], &value(0)),
            Field::text("web", t.publicity[1], &value(1)),
            Field::text("partner", t.publicity[2], &value(2)),
        ],
    )
}

/// Book a business on a consultation day: the selected booking's expert and the first slot after it offered.
pub fn book(s: &Session, d: &EventDetail, selected: usize) -> Form {
    let t = text(s.lang);
    let near = d.bookings.get(selected);
    let expert =
        near.map(|b| (b.expert_id, b.expert.clone())).or_else(|| d.experts.first().map(|x| (x.id, x.name.clone())));
    let start = near.map(|b| b.end_min).filter(|m| *m < d.end_min).unwrap_or(d.start_min);
    Form::new(
        &t.book_title.replace("{title}", &d.title),
        vec![
            Field::record("expert", t.f_expert, RecordKind::Expert, expert),
            Field::record("business", t.f_business, RecordKind::Business, None),
            Field::text("start", t.f_slot_start, &format_time(start)),
        ],
    )
}

/// A booking's support report and feedback (R-S11).
pub fn report(s: &Session, b: &BookingLine) -> Form {
    let t = text(s.lang);
    let report_on = b.report_on.unwrap_or(s.today).to_string();
    Form::new(
        &t.report_title.replace("{business}", &b.business).replace("{expert}", &b.expert),
        vec![
            Field::text("report_on", t.f_report_on, &report_on),
            Field::multiline("summary", t.f_summary, &b.report_summary),
            Field::text("feedback_on", t.f_feedback_on, &opt(b.feedback_on)),
        ],
    )
}

/// Confirm removing a booking: nothing to fill in, Ctrl-S removes, Esc keeps.
pub fn cancel_booking(s: &Session, b: &BookingLine) -> Form {
    let title = text(s.lang)
        .cancel_booking_title
        .replace("{time}", &format_time(b.start_min))
        .replace("{business}", &b.business)
        .replace("{expert}", &b.expert);
    Form::new(&title, Vec::new())
}

/// Register a participant of a seminar: a business from the roster, or an individual about to start one (R-S2).
pub fn register(s: &Session, d: &EventDetail) -> Form {
    let t = text(s.lang);
    Form::new(
        &t.register_title.replace("{title}", &d.title),
        vec![
            Field::record("business", t.f_business, RecordKind::Business, None),
            Field::text("person", t.f_person, ""),
            Field::text("person_reading", t.f_person_reading, ""),
            Field::text("registered_on", t.f_registered_on, &s.today.to_string()),
        ],
    )
}

/// Confirm removing a registration: Ctrl-S removes, Esc keeps.
pub fn remove_participant(s: &Session, p: &ParticipantLine) -> Form {
    Form::new(&text(s.lang).remove_participant_title.replace("{name}", &p.name), Vec::new())
}

/// Confirm proposing the honoraria and travel of the event's instructors and experts (R-S6).
pub fn honoraria(s: &Session, d: &EventDetail) -> Form {
    let names: Vec<&str> =
        d.experts.iter().filter(|x| !d.paid_experts.contains(&x.id)).map(|x| x.name.as_str()).collect();
    let title = text(s.lang).honoraria_title.replace("{names}", &names.join("、"));
    Form::new(&title, Vec::new())
}

/// Form 1 prefilled from a booking whose business needs more than a consultation (None: no business booked).
pub fn dispatch_prefill(d: &EventDetail, b: &BookingLine) -> Option<Prefill> {
    let business = b.business_id.map(|id| (id, b.business.clone()))?;
    let mut content = format!("{} {} {} ({})", d.date, format_time(b.start_min), d.title, b.expert);
    if !b.report_summary.is_empty() {
        content = format!("{content}\n{}", b.report_summary);
    }
    Some(Prefill { consultation: None, business: Some(business), content })
}

/// Reads a form's fields, collecting a message next to each field that does not parse.
struct Reader<'a> {
    form: &'a Form,
    lang: Lang,
    today: NaiveDate,
    errors: Errors,
}

impl Reader<'_> {
    fn error(&mut self, key: &str, message: impl Into<String>) {
        self.errors.push((key.to_string(), message.into()));
    }

    fn required(&mut self, key: &str) -> String {
        let v = self.form.text(key);
        if v.is_empty() {
            self.error(key, i18n::forms(self.lang).required);
        }
        v
    }

    fn date(&mut self, key: &str) -> Option<NaiveDate> {
        let v = self.form.text(key);
        if v.is_empty() {
            return None;
        }
        match parse_date(&v, self.today) {
            Ok(d) => Some(d),
            Err(e) => {
                self.error(key, i18n::date_error(self.lang, &e));
                None
            }
        }
    }

    fn required_date(&mut self, key: &str) -> NaiveDate {
        if self.form.text(key).is_empty() {
            self.error(key, i18n::forms(self.lang).required);
        }
        self.date(key).unwrap_or(self.today)
    }

    fn time(&mut self, key: &str) -> u16 {
        match parse_time(&self.form.text(key)) {
            Ok(m) => m,
            Err(e) => {
                self.error(key, i18n::time_error(self.lang, &e));
                0
            }
        }
    }

    fn yen(&mut self, key: &str) -> i64 {
        let v = self.form.text(key);
        if v.is_empty() {
            return 0;
        }
        parse_yen(&v).unwrap_or_else(|_| {
            self.error(key, text(self.lang).bad_amount);
            0
        })
    }

    fn count(&mut self, key: &str) -> Option<i64> {
        let v = self.form.text(key);
        if v.is_empty() {
            return None;
        }
        let digits = crate::domain::fold::digits_only(&v);
        match digits.parse::<i64>() {
            Ok(n) if digits.chars().count() == v.chars().count() => Some(n),
            _ => {
                self.error(key, text(self.lang).bad_count);
                None
            }
        }
    }

    fn record(&mut self, key: &str) -> Option<i64> {
        let id = self.form.record(key);
        if id.is_none() && !self.form.text(key).is_empty() {
            self.error(key, text(self.lang).pick_from_list);
        }
        id
    }

    fn required_record(&mut self, key: &str) -> i64 {
        match self.record(key) {
            Some(id) => id,
            None => {
                if self.form.text(key).is_empty() {
                    self.error(key, i18n::forms(self.lang).required);
                }
                0
            }
        }
    }

    fn done<T>(self, value: T) -> Result<T, Errors> {
        if self.errors.is_empty() { Ok(value) } else { Err(self.errors) }
    }
}

fn event_edit(r: &mut Reader, s: &Session) -> EventEdit {
    let f = r.form;
    let kind = f.choice("kind").and_then(EventKind::from_code).unwrap_or(EventKind::Seminar);
    let title = r.required("title");
    let organiser_id = r.required_record("organiser");
    let date = r.required_date("date");
    let (start_min, end_min) = (r.time("start"), r.time("end"));
    if end_min <= start_min && r.errors.iter().all(|e| e.0 != "end" && e.0 != "start") {
        r.error("end", text(r.lang).end_before_start);
    }
    let venue_kind = f.choice("venue_kind").and_then(VenueKind::from_code).unwrap_or(VenueKind::PublicFacility);
    let slot = r.count("slot").filter(|n| *n > 0 && *n <= 480).map(|n| n as u16);
    if kind == EventKind::ConsultationDay && slot.is_none() {
        r.error("slot", text(r.lang).bad_count);
    }
    let experts: Vec<i64> = ["expert", "expert2"].iter().filter_map(|k| r.record(k)).collect();
    let areas = parse_areas(&f.text("areas")).unwrap_or_else(|| {
        r.error("areas", text(r.lang).bad_areas);
        Vec::new()
    });
    EventEdit {
        event: NewEvent {
            fiscal_year: s.fy.year,
            kind,
            organiser_id,
            title,
            theme: f.choice("theme").and_then(|c| c.parse().ok()).unwrap_or(1),
            date,
            start_min,
            end_min,
            venue_name: f.text("venue"),
            venue_kind,
            venue_fee_yen: r.yen("venue_fee"),
            municipality_id: None,
            capacity: r.count("capacity"),
            registrations: r.count("registrations").unwrap_or(0),
            attendance: r.count("attendance"),
            slot_minutes: (kind == EventKind::ConsultationDay).then_some(slot.unwrap_or(60)),
            series_id: None,
            status: EventStatus::Applied,
            cancel_reason: String::new(),
            applied_on: Some(s.today),
            press_release_on: None,
            web_page_on: None,
            partner_notice_on: None,
        },
        attendance_fee_yen: r.yen("attendance_fee"),
        experts,
        series: f.text("series"),
        areas,
    }
}

/// Turns a filled form of this tab into a save request, or messages next to its fields.
pub fn to_request(purpose: Purpose, form: &Form, s: &Session) -> Result<SaveRequest, Errors> {
    let mut r = Reader { form, lang: s.lang, today: s.today, errors: Errors::new() };
    let save = match purpose {
        Purpose::NewEvent => Save::CreateEvent(event_edit(&mut r, s)),
        Purpose::EditEvent { id, row_version } => Save::UpdateEvent { id, row_version, edit: event_edit(&mut r, s) },
        Purpose::Status { id, row_version } => {
            let to = form.choice("status").and_then(EventStatus::from_code).unwrap_or(EventStatus::Cancelled);
            let reason = form.text("reason");
            if to == EventStatus::Cancelled && reason.is_empty() {
                r.error("reason", text(s.lang).reason_required);
            }
            Save::Status { id, row_version, to, reason }
        }
        Purpose::Publicity { id, row_version } => {
            let dates = [r.date("press"), r.date("web"), r.date("partner")];
            Save::Publicity { id, row_version, dates }
        }
        Purpose::Book { event_id, start_min, end_min, slot_minutes } => {
            let expert_id = r.required_record("expert");
            let business_id = r.required_record("business");
            let start = r.time("start");
            let fits = start >= start_min && start + slot_minutes <= end_min;
            if !fits && r.errors.iter().all(|e| e.0 != "start") {
                let message = text(s.lang)
                    .slot_outside
                    .replace("{start}", &format_time(start_min))
                    .replace("{end}", &format_time(end_min));
                r.error("start", message);
            }
            Save::Book(NewBooking { event_id, expert_id, business_id, start_min: start })
        }
        Purpose::Report { booking_id } => Save::Report {
            booking_id,
            report_on: r.date("report_on"),
            summary: form.text("summary"),
            feedback_on: r.date("feedback_on"),
        },
        Purpose::CancelBooking { booking_id } => Save::CancelBooking { booking_id },
        Purpose::Register { event_id } => {
            let business_id = r.record("business");
            let name = form.text("person");
            if business_id.is_none() && name.is_empty() && form.text("business").is_empty() {
                r.error("business", text(s.lang).business_or_person);
            }
            if business_id.is_some() && !name.is_empty() {
                r.error("person", text(s.lang).business_or_person);
            }
            let person = (!name.is_empty()).then(|| (name, form.text("person_reading")));
            let registered_on = r.required_date("registered_on");
            Save::Register(NewParticipant { event_id, business_id, person, registered_on })
        }
        Purpose::RemoveParticipant { participant_id } => Save::RemoveParticipant { participant_id },
        Purpose::Honoraria { event_id } => Save::Honoraria { event_id },
        Purpose::BookingDispatch { booking_id } => {
            let queue =
                crate::screens::queue::forms::Purpose::NewDispatch { consultation: None, duplicates_seen: false };
            match crate::screens::queue::forms::to_request(queue, form, s)? {
                SaveRequest::CreateDispatch { dispatch, new_business: None, .. } => {
                    Save::BookingDispatch { booking_id, dispatch }
                }
                // The booking's business is on the roster: a new one typed instead is not this booking's.
                _ => {
                    r.error("business", text(s.lang).pick_from_list);
                    return Err(r.errors);
                }
            }
        }
    };
    r.done(SaveRequest::Events(save))
}
