//! The texts of tab events (講習会・相談会): the struct both catalogues fill in, and the code-set labels it uses.

use super::{Lang, en, ja};
use crate::domain::model::{EventKind, EventStatus, VenueKind};

/// Tab events's texts in one language; a struct, so a text missing in one language does not compile.
#[derive(Debug)]
pub struct EventsText {
    /// The tab's title.
    pub title: &'static str,
    /// The weekday names, Sunday first.
    pub weekdays: [&'static str; 7],
    /// The month grid's title: `{month}` (2025年11月) and `{era}` (令和7年).
    pub month_title: &'static str,
    /// How a month is written (chrono format).
    pub month_format: &'static str,
    /// The agenda's title: `{date}`.
    pub agenda_title: &'static str,
    /// No event that day.
    pub no_events: &'static str,
    /// Short marks for a seminar, a consultation day and a dispatch visit.
    pub marks: [&'static str; 3],
    /// More items in a cell: `+{n}`.
    pub more: &'static str,
    /// Items on the tab bar: `{n}`.
    pub count: &'static str,
    /// The filter prompt's label.
    pub filter_label: &'static str,
    /// The jump prompt's label.
    pub jump_label: &'static str,
    /// The jump prompt's text is not a date.
    pub not_a_date: &'static str,
    /// The tab bar's mark when visits are shown.
    pub visits_shown: &'static str,
    /// The legend of dimmed days (R-P1).
    pub outside_period: &'static str,
    /// Notice: visits are shown.
    pub visits_on: &'static str,
    /// Notice: visits are hidden.
    pub visits_off: &'static str,
    /// Notice: the key works on an open event.
    pub open_event_first: &'static str,
    /// Error: no event selected.
    pub select_event_first: &'static str,
    /// Error: no status follows.
    pub no_next_status: &'static str,
    /// Error: booking on a seminar.
    pub book_only_days: &'static str,
    /// Error: the event was cancelled.
    pub cancelled_event: &'static str,
    /// Error: no booking selected.
    pub select_booking_first: &'static str,
    /// Error: the event no longer exists.
    pub gone: &'static str,
    /// Title of the new-event form.
    pub new_event: &'static str,
    /// Title of the edit form: `{title}`.
    pub edit_event: &'static str,
    /// Title of the status form: `{title}`.
    pub status_title: &'static str,
    /// Title of the publicity checklist: `{title}`.
    pub publicity_title: &'static str,
    /// Publicity channels: press release, the desk's web page, partner bodies.
    pub publicity: [&'static str; 3],
    /// Title of the booking form: `{title}`.
    pub book_title: &'static str,
    /// Title of the report form: `{business}`, `{expert}`.
    pub report_title: &'static str,
    /// Title of the booking-removal confirmation: `{time}`, `{business}`, `{expert}`.
    pub cancel_booking_title: &'static str,
    /// Field: kind (Form 2 / Form 3).
    pub f_kind: &'static str,
    /// Field: title.
    pub f_title: &'static str,
    /// Field: organising body.
    pub f_organiser: &'static str,
    /// Field: theme (R-S4).
    pub f_theme: &'static str,
    /// Field: date.
    pub f_date: &'static str,
    /// Field: start time.
    pub f_start: &'static str,
    /// Field: end time.
    pub f_end: &'static str,
    /// Field: venue.
    pub f_venue: &'static str,
    /// Field: venue kind (R-S5, R-S8).
    pub f_venue_kind: &'static str,
    /// Field: venue fee.
    pub f_venue_fee: &'static str,
    /// Field: attendance fee (R-S3).
    pub f_attendance_fee: &'static str,
    /// Field: capacity.
    pub f_capacity: &'static str,
    /// Field: registrations.
    pub f_registrations: &'static str,
    /// Field: attendance.
    pub f_attendance: &'static str,
    /// Field: slot length (consultation days).
    pub f_slot: &'static str,
    /// Field: expert or instructor.
    pub f_expert: &'static str,
    /// Field: a second expert or instructor.
    pub f_expert2: &'static str,
    /// Field: new status.
    pub f_status: &'static str,
    /// Field: reason for cancelling.
    pub f_cancel_reason: &'static str,
    /// Field: business booked.
    pub f_business: &'static str,
    /// Field: slot start.
    pub f_slot_start: &'static str,
    /// Field: report received on.
    pub f_report_on: &'static str,
    /// Field: report summary.
    pub f_summary: &'static str,
    /// Field: feedback sent on.
    pub f_feedback_on: &'static str,
    /// Error: not an amount.
    pub bad_amount: &'static str,
    /// Error: not a count.
    pub bad_count: &'static str,
    /// Error: a record typed but not picked.
    pub pick_from_list: &'static str,
    /// Error: end before start.
    pub end_before_start: &'static str,
    /// Error: cancelling without a reason.
    pub reason_required: &'static str,
    /// Error: a slot outside the day: `{start}`, `{end}`.
    pub slot_outside: &'static str,
    /// Detail labels: organiser, theme, time, venue, venue fee, capacity, status, publicity, experts, bookings, form.
    pub labels: [&'static str; 11],
    /// Venue fee note: reimbursed against Form 4 (R-S8).
    pub reimbursable: &'static str,
    /// Publicity not yet done.
    pub not_done: &'static str,
    /// Warning: not announced two weeks ahead.
    pub announce_due: &'static str,
    /// The slot grid's time column.
    pub slot_head: &'static str,
    /// A free slot.
    pub free: &'static str,
    /// No bookings yet.
    pub no_bookings: &'static str,
    /// Booking marks: report received, feedback sent, became an application.
    pub report_marks: [&'static str; 3],
    /// No expert listed.
    pub no_experts: &'static str,
    /// The detail's key hint line.
    pub hint: &'static str,
    /// Error: participants are registered on seminars.
    pub participants_only_seminars: &'static str,
    /// Error: no participant selected.
    pub select_participant_first: &'static str,
    /// Error: honoraria are proposed once the event was held.
    pub honoraria_after_held: &'static str,
    /// Error: the event is not a session of a series.
    pub not_in_series: &'static str,
    /// Error: the booking already became an application.
    pub already_dispatched: &'static str,
    /// Field: the series' title (R-S10).
    pub f_series: &'static str,
    /// Field: the areas a session covers (R-S10).
    pub f_areas: &'static str,
    /// Error: not areas.
    pub bad_areas: &'static str,
    /// Title of the registration form: `{title}`.
    pub register_title: &'static str,
    /// Field: an individual's name (prospective founder, R-S2).
    pub f_person: &'static str,
    /// Field: the individual's reading.
    pub f_person_reading: &'static str,
    /// Field: registered on.
    pub f_registered_on: &'static str,
    /// Error: a business or a person, one of them.
    pub business_or_person: &'static str,
    /// Title of the registration-removal confirmation: `{name}`.
    pub remove_participant_title: &'static str,
    /// Title of the honoraria confirmation: `{names}`.
    pub honoraria_title: &'static str,
    /// The participant list's heading: `{n}` registered, `{m}` attended.
    pub participants_head: &'static str,
    /// No participant yet.
    pub no_participants: &'static str,
    /// Mark of a prospective founder.
    pub founder: &'static str,
    /// Mark of an attended participant.
    pub attended: &'static str,
    /// Detail label: the series and the session's areas.
    pub series_label: &'static str,
    /// Detail label: honoraria proposed.
    pub honoraria_label: &'static str,
    /// Honoraria proposed: `{n}` of `{m}`.
    pub honoraria_state: &'static str,
    /// Title of the series view: `{title}`.
    pub series_title: &'static str,
    /// The guideline's thresholds: `{sessions}`, `{days}`, `{areas}`.
    pub series_rule: &'static str,
    /// Columns of the series view: name, sessions, span, missing areas, standing.
    pub series_head: &'static str,
    /// The sessions line's label.
    pub series_sessions: &'static str,
    /// No participant in the series.
    pub series_empty: &'static str,
    /// The series view's key hint line.
    pub series_hint: &'static str,
    /// The standing: meets, one session short (`{title}` completes it), short.
    pub outcomes: [&'static str; 3],
}

/// Tab events's texts in a language.
pub fn text(lang: Lang) -> &'static EventsText {
    match lang {
        Lang::Ja => &ja::events::TEXT,
        Lang::En => &en::events::TEXT,
    }
}

/// Seminar or consultation day.
pub fn kind(lang: Lang, k: EventKind) -> &'static str {
    match lang {
        Lang::Ja => ja::labels::event_kind(k),
        Lang::En => en::labels::event_kind(k),
    }
}

/// An event's status.
pub fn status(lang: Lang, s: EventStatus) -> &'static str {
    match lang {
        Lang::Ja => ja::labels::event_status(s),
        Lang::En => en::labels::event_status(s),
    }
}

/// A venue kind (R-S5, R-S8).
pub fn venue(lang: Lang, v: VenueKind) -> &'static str {
    match lang {
        Lang::Ja => ja::labels::venue(v),
        Lang::En => en::labels::venue(v),
    }
}

/// An area of a startup-support series (R-S10).
pub fn area(lang: Lang, a: crate::domain::model::StartupArea) -> &'static str {
    match lang {
        Lang::Ja => ja::labels::startup_area(a),
        Lang::En => en::labels::startup_area(a),
    }
}

/// The name of an audited action of this tab (`events.booking.add`) in both languages.
pub fn action(label: &str) -> (&str, &str) {
    match label {
        "events.event.create" => ("講習会・相談会の登録", "event created"),
        "events.event.edit" => ("講習会・相談会の編集", "event edited"),
        "events.event.status" => ("講習会・相談会の状態変更", "event status"),
        "events.event.publicity" => ("広報チェックリスト", "publicity checklist"),
        "events.booking.add" => ("相談会の予約", "booking"),
        "events.booking.report" => ("相談会の支援報告", "booking report"),
        "events.booking.delete" => ("予約の取消", "booking removed"),
        "events.booking.dispatch" => ("予約から派遣申請", "booking to a dispatch application"),
        "events.participant.add" => ("講習会の参加申込", "participant registered"),
        "events.participant.attend" => ("講習会の出席", "attendance"),
        "events.participant.delete" => ("参加申込の取消", "registration removed"),
        "events.honoraria" => ("講師謝金・旅費の提案", "honoraria proposed"),
        _ => (label, label),
    }
}
