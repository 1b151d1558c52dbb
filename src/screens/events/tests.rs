//! Reducer tests of the seminar calendar: actions in, state and effects out; no terminal, no database.

use chrono::NaiveDate;

use super::*;
use crate::app::form::FieldKind;
use crate::app::{Purpose as AppPurpose, SaveRequest};
use crate::domain::model::VenueKind;
use crate::store::calendar::{BookingLine, EventExpert};

fn d(m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, m, dd).unwrap()
}

fn session() -> Session {
    Session::for_tests()
}

/// The tab shown for the first time, 21 list rows.
fn shown() -> (State, Session) {
    let s = session();
    let mut st = State::default();
    assert!(st.set_viewport(21).is_empty(), "nothing loads before the tab is shown");
    st.activate(&s);
    (st, s)
}

fn month_loads(fx: &[Effect]) -> Vec<(NaiveDate, NaiveDate)> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::Events(Load::Month { from, to, .. }) => Some((*from, *to)),
            _ => None,
        })
        .collect()
}

fn day_loads(fx: &[Effect]) -> Vec<NaiveDate> {
    fx.iter()
        .filter_map(|e| match e {
            Effect::Events(Load::Day { date, .. }) => Some(*date),
            _ => None,
        })
        .collect()
}

#[test]
fn first_shown_on_today_loading_the_grid_and_the_day() {
    let s = session();
    let mut st = State::default();
    let fx = st.activate(&s);
    assert_eq!(st.day(), d(11, 4));
    assert_eq!(month_loads(&fx), vec![(d(10, 26), d(12, 6))]);
    assert_eq!(day_loads(&fx), vec![d(11, 4)]);
}

#[test]
fn days_weeks_and_months_move_the_cursor_and_load_only_what_changed() {
    let (mut st, s) = shown();
    let fx = st.command(Command::NextDay, &s).effects;
    assert_eq!((st.day(), month_loads(&fx).len(), day_loads(&fx)), (d(11, 5), 0, vec![d(11, 5)]));
    st.command(Command::Down, &s);
    assert_eq!(st.day(), d(11, 12), "j is a week down");
    st.command(Command::Up, &s);
    st.command(Command::PrevDay, &s);
    assert_eq!(st.day(), d(11, 4));
    let fx = st.command(Command::NextMonth, &s).effects;
    assert_eq!(st.day(), d(12, 4));
    assert_eq!(month_loads(&fx), vec![(d(11, 30), NaiveDate::from_ymd_opt(2026, 1, 3).unwrap())]);
    st.command(Command::PageUp, &s);
    st.command(Command::PageUp, &s);
    assert_eq!(st.day(), d(10, 4), "PgUp is a month back");
    st.command(Command::Bottom, &s);
    assert_eq!(st.day(), d(10, 31));
    st.command(Command::Top, &s);
    assert_eq!(st.day(), d(10, 1));
    st.command(Command::Today, &s);
    assert_eq!(st.day(), d(11, 4));
    assert!(st.command(Command::Today, &s).effects.is_empty(), "already there: nothing to load");
}

#[test]
fn a_stale_month_reply_is_dropped() {
    let (mut st, s) = shown();
    st.command(Command::NextMonth, &s);
    let cells = vec![DayCell { date: d(11, 3), count: 1, items: Vec::new() }];
    st.reply(Reply::Month { generation: 1, cells: cells.clone() }, &s);
    assert!(st.cells.is_empty(), "November's answer arrived after moving to December");
    st.reply(Reply::Month { generation: 2, cells: cells.clone() }, &s);
    assert_eq!(st.cells, cells);
}

#[test]
fn jump_to_a_date_typed_in_wareki() {
    let (mut st, s) = shown();
    st.command(Command::JumpToDate, &s);
    for c in "R7.11.24".chars() {
        st.filter_key(None, Key::Char(c));
    }
    let fx = st.filter_key(Some(Command::ApplyFilter), Key::Enter);
    assert_eq!(st.day(), d(11, 24));
    assert!(st.filter_input.is_none());
    assert_eq!(day_loads(&fx), vec![d(11, 24)]);
}

#[test]
fn a_jump_that_is_not_a_date_keeps_the_prompt() {
    let (mut st, s) = shown();
    st.command(Command::JumpToDate, &s);
    st.filter_key(None, Key::Char('x'));
    assert!(st.filter_key(Some(Command::ApplyFilter), Key::Enter).is_empty());
    assert!(st.filter_input.is_some() && st.prompt_error);
    st.filter_key(None, Key::Backspace);
    assert!(!st.prompt_error, "editing clears the mark");
    st.filter_key(Some(Command::ClearFilter), Key::Esc);
    assert_eq!((st.filter_input.is_none(), st.day()), (true, d(11, 4)));
}

#[test]
fn the_filter_reloads_as_typed_and_esc_clears_it() {
    let (mut st, s) = shown();
    st.command(Command::Filter, &s);
    let fx = st.filter_key(None, Key::Char('S'));
    assert_eq!(st.filter.text, "S");
    assert_eq!((month_loads(&fx).len(), day_loads(&fx).len()), (1, 1));
    let fx = st.filter_key(Some(Command::ClearFilter), Key::Esc);
    assert!(st.filter.text.is_empty() && !fx.is_empty());
}

fn row(id: i64, kind: ItemKind) -> AgendaRow {
    AgendaRow {
        kind,
        id,
        start_min: 600,
        end_min: 720,
        title: "SNS活用セミナー".into(),
        place: "阿蘇市商工会館".into(),
        status: Some(EventStatus::Approved),
    }
}

#[test]
fn tab_focuses_the_agenda_and_enter_opens_the_selected_event() {
    let (mut st, s) = shown();
    st.reply(
        Reply::Day {
            generation: 1,
            total: 2,
            offset: 0,
            rows: vec![row(5, ItemKind::Event(EventKind::Seminar)), row(6, ItemKind::Event(EventKind::Seminar))],
        },
        &s,
    );
    st.command(Command::SwitchPane, &s);
    assert_eq!(st.focus, Focus::Agenda);
    st.command(Command::Down, &s);
    assert_eq!(st.day(), d(11, 4), "j moves in the agenda, not the month");
    let fx = st.command(Command::Open, &s).effects;
    assert_eq!(fx, vec![Effect::Events(Load::Detail { id: 6 })]);
    assert!(st.detail_pending);
    st.command(Command::Back, &s);
    assert!(!st.detail_pending);
    st.command(Command::Back, &s);
    assert_eq!(st.focus, Focus::Month);
}

#[test]
fn enter_on_a_visit_opens_its_application_on_tab_1() {
    let (mut st, s) = shown();
    st.command(Command::ToggleVisits, &s);
    assert!(st.filter.visits);
    st.reply(Reply::Day { generation: 2, total: 1, offset: 0, rows: vec![row(42, ItemKind::Visit)] }, &s);
    let step = st.command(Command::Open, &s);
    assert_eq!(step.tab, Some(Tab::Applications));
    assert_eq!(step.effects, vec![Effect::Locate { dispatch_id: 42 }]);
}

fn consultation_day() -> EventDetail {
    EventDetail {
        id: 9,
        kind: EventKind::ConsultationDay,
        organiser: (2, "阿蘇市商工会".into()),
        title: "クラウド会計 個別相談会".into(),
        theme: 1,
        date: d(11, 7),
        start_min: 600,
        end_min: 900,
        venue_name: "商工会館".into(),
        venue_kind: VenueKind::OrganisationOffice,
        venue_fee_yen: 0,
        capacity: None,
        registrations: 0,
        attendance: None,
        slot_minutes: Some(60),
        status: EventStatus::Approved,
        cancel_reason: String::new(),
        applied_on: None,
        press_release_on: None,
        web_page_on: None,
        partner_notice_on: None,
        note: String::new(),
        row_version: 3,
        experts: vec![EventExpert { id: 1, name: "髙橋 誠".into() }],
        bookings: vec![BookingLine {
            id: 11,
            expert_id: 1,
            expert: "髙橋 誠".into(),
            start_min: 600,
            end_min: 660,
            business_id: Some(40),
            business: "阿蘇の里ファーム".into(),
            report_on: None,
            report_summary: "EC導入の相談".into(),
            feedback_on: None,
            dispatch_id: None,
            dispatch_number: None,
        }],
        participants: Vec::new(),
        series: None,
        areas: Vec::new(),
        paid_experts: Vec::new(),
    }
}

fn opened() -> (State, Session) {
    let (mut st, s) = shown();
    st.reply(
        Reply::Day {
            generation: 1,
            total: 1,
            offset: 0,
            rows: vec![row(9, ItemKind::Event(EventKind::ConsultationDay))],
        },
        &s,
    );
    st.command(Command::Open, &s);
    st.reply(Reply::Detail(Some(Box::new(consultation_day()))), &s);
    (st, s)
}

#[test]
fn b_books_on_a_consultation_day_offering_the_next_slot() {
    let (mut st, s) = opened();
    let step = st.command(Command::Book, &s);
    let (purpose, form) = step.form.expect("the booking form");
    assert_eq!(
        purpose,
        AppPurpose::Events(Purpose::Book { event_id: 9, start_min: 600, end_min: 900, slot_minutes: 60 })
    );
    assert_eq!(form.text("start"), "11:00");
    assert!(matches!(&form.field("expert").unwrap().kind, FieldKind::Record { chosen: Some((1, _)), .. }));
}

#[test]
fn a_slot_outside_the_day_is_refused_next_to_the_time() {
    let (mut st, s) = opened();
    let (purpose, mut form) = st.command(Command::Book, &s).form.unwrap();
    let AppPurpose::Events(p) = purpose else { panic!() };
    form.field_mut("start").unwrap().input = crate::app::input::LineInput::new("14:30");
    let errors = to_request(p, &form, &s).unwrap_err();
    let keys: Vec<&str> = errors.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(keys, vec!["business", "start"], "{errors:?}");
}

#[test]
fn d_turns_a_booking_into_a_prefilled_form_1_that_links_back_to_it() {
    let (mut st, s) = opened();
    let step = st.command(Command::BookingToDispatch, &s);
    let (purpose, form) = step.form.unwrap();
    assert_eq!(purpose, AppPurpose::Events(Purpose::BookingDispatch { booking_id: 11 }));
    assert_eq!(form.record("business"), Some(40));
    let AppPurpose::Events(p) = purpose else { panic!() };
    match to_request(p, &form, &s) {
        Ok(SaveRequest::Events(Save::BookingDispatch { booking_id: 11, dispatch })) => {
            assert_eq!(dispatch.business_id, 40);
            assert!(dispatch.sections.iter().any(|(_, text)| text.contains("EC導入の相談")), "{dispatch:?}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_booking_that_became_an_application_is_not_offered_twice() {
    let (mut st, s) = opened();
    if let Some(d) = &mut st.detail {
        d.bookings[0].dispatch_id = Some(77);
    }
    let step = st.command(Command::BookingToDispatch, &s);
    assert!(step.form.is_none());
    assert_eq!(step.error.as_deref(), Some(text(s.lang).already_dispatched));
}

#[test]
fn a_seminar_takes_no_bookings() {
    let (mut st, s) = opened();
    if let Some(d) = &mut st.detail {
        d.kind = EventKind::Seminar;
    }
    let step = st.command(Command::Book, &s);
    assert!(step.form.is_none() && step.error.is_some());
}

#[test]
fn cancelling_needs_a_reason() {
    let (mut st, s) = opened();
    let (purpose, mut form) = st.command(Command::EventStatus, &s).form.unwrap();
    let AppPurpose::Events(p) = purpose else { panic!() };
    assert_eq!(forms::next_statuses(EventStatus::Approved), vec![EventStatus::Announced, EventStatus::Cancelled]);
    if let Some(FieldKind::Choice(_, i)) = form.field_mut("status").map(|f| &mut f.kind) {
        *i = 1;
    }
    let errors = to_request(p, &form, &s).unwrap_err();
    assert_eq!(errors[0].0, "reason");
    form.field_mut("reason").unwrap().input = crate::app::input::LineInput::new("講師の体調不良");
    let request = to_request(p, &form, &s).unwrap();
    assert_eq!(
        request,
        SaveRequest::Events(Save::Status {
            id: 9,
            row_version: 3,
            to: EventStatus::Cancelled,
            reason: "講師の体調不良".into()
        })
    );
}

#[test]
fn a_new_event_form_starts_on_the_selected_day_and_reads_wareki_and_fullwidth() {
    let (mut st, s) = shown();
    st.command(Command::NextDay, &s);
    let (_, mut form) = st.command(Command::New, &s).form.unwrap();
    assert_eq!(form.text("date"), "2025-11-05");
    let set = |form: &mut crate::app::form::Form, key: &str, v: &str| {
        form.field_mut(key).unwrap().input = crate::app::input::LineInput::new(v);
    };
    set(&mut form, "title", "SNS活用セミナー");
    set(&mut form, "date", "令和7年11月20日");
    set(&mut form, "capacity", "３０");
    if let Some(FieldKind::Record { chosen, .. }) = form.field_mut("organiser").map(|f| &mut f.kind) {
        *chosen = Some((2, "阿蘇市商工会".into()));
    }
    let SaveRequest::Events(Save::CreateEvent(edit)) = to_request(Purpose::NewEvent, &form, &s).unwrap() else {
        panic!()
    };
    assert_eq!((edit.event.date, edit.event.capacity, edit.event.organiser_id), (d(11, 20), Some(30), 2));
    assert_eq!(edit.event.venue_kind, VenueKind::PublicFacility);
}

#[test]
fn a_created_event_moves_the_calendar_to_its_day_and_opens_it() {
    let (mut st, s) = shown();
    let step = st.reply(Reply::Created { id: 77, date: d(12, 10) }, &s);
    assert!(step.close_form);
    assert_eq!(st.day(), d(12, 10));
    assert!(step.effects.contains(&Effect::Events(Load::Detail { id: 77 })));
    assert_eq!(day_loads(&step.effects), vec![d(12, 10)]);
}

#[test]
fn enter_on_an_event_in_the_needs_action_view_opens_it_on_tab_3() {
    use crate::app::{Action, App, reduce};
    use crate::store::needs_action::{Item, Reason};
    let mut app = App::new(session());
    reduce(&mut app, Action::Resize { list_rows: 20 });
    reduce(&mut app, Action::Key(Key::Char('w')));
    let item = Item {
        reason: Reason::EventNotAnnounced,
        dispatch_id: 0,
        number: crate::domain::model::DispatchNumber { fiscal_year: 2025, seq: 0 },
        business: "SNS活用セミナー".into(),
        since: d(11, 14),
        minutes_left: None,
        event_id: Some(31),
    };
    reduce(&mut app, Action::NeedsAction(vec![(Reason::EventNotAnnounced, 1, vec![item])]));
    let fx = reduce(&mut app, Action::Key(Key::Enter));
    assert_eq!(app.tab, Tab::Events);
    assert!(fx.contains(&Effect::Events(Load::Detail { id: 31 })), "{fx:?}");
    assert!(app.events.detail_pending);
}

#[test]
fn enter_on_an_event_hit_of_the_lookup_opens_it_on_tab_3() {
    use crate::app::{Action, App, reduce};
    use crate::store::lookup::Hit;
    let mut app = App::new(session());
    reduce(&mut app, Action::Resize { list_rows: 20 });
    reduce(&mut app, Action::Key(Key::Ctrl('k')));
    let generation = app.lookup.as_ref().map(|l| l.generation).unwrap_or_default();
    let hit = Hit::new(HitKind::Event, 31, "SNS活用セミナー".into());
    reduce(&mut app, Action::LookupResults { generation, groups: vec![(HitKind::Event, vec![hit])] });
    let fx = reduce(&mut app, Action::Key(Key::Enter));
    assert_eq!(app.tab, Tab::Events);
    assert!(app.lookup.is_none());
    assert!(fx.contains(&Effect::Events(Load::Detail { id: 31 })), "{fx:?}");
    assert!(fx.contains(&Effect::Remember { kind: HitKind::Event, id: 31 }));
}

fn participant(id: i64, name: &str, attended: bool) -> crate::store::participants::ParticipantLine {
    crate::store::participants::ParticipantLine {
        id,
        business_id: None,
        name: name.into(),
        founder: true,
        registered_on: Some(d(10, 1)),
        attended,
    }
}

/// A startup seminar, a session of a series, with two registrations, held.
fn startup_seminar() -> (State, Session) {
    let (mut st, s) = opened();
    let mut d = consultation_day();
    d.kind = EventKind::Seminar;
    d.theme = 7;
    d.status = EventStatus::Held;
    d.bookings.clear();
    d.series = Some((3, "熊本創業塾".into()));
    d.participants = vec![participant(21, "山本 花子", false), participant(22, "中村 健", true)];
    st.reply(Reply::Detail(Some(Box::new(d))), &s);
    (st, s)
}

#[test]
fn a_on_a_seminar_registers_a_business_or_a_founder_but_not_both() {
    let (mut st, s) = startup_seminar();
    let (purpose, mut form) = st.command(Command::AddParticipant, &s).form.expect("the registration form");
    assert_eq!(purpose, AppPurpose::Events(Purpose::Register { event_id: 9 }));
    let AppPurpose::Events(p) = purpose else { panic!() };
    let keys = |e: Vec<(String, String)>| e.into_iter().map(|x| x.0).collect::<Vec<_>>();
    assert_eq!(keys(to_request(p, &form, &s).unwrap_err()), vec!["business"], "nothing typed");
    form.field_mut("person").unwrap().input = crate::app::input::LineInput::new("田中 一郎");
    form.field_mut("person_reading").unwrap().input = crate::app::input::LineInput::new("たなか いちろう");
    match to_request(p, &form, &s) {
        Ok(SaveRequest::Events(Save::Register(n))) => {
            assert_eq!((n.event_id, n.business_id, n.registered_on), (9, None, d(11, 4)));
            assert_eq!(n.person, Some(("田中 一郎".to_string(), "たなか いちろう".to_string())));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_consultation_day_takes_no_participants() {
    let (mut st, s) = opened();
    let step = st.command(Command::AddParticipant, &s);
    assert_eq!(step.error.as_deref(), Some(text(s.lang).participants_only_seminars));
}

#[test]
fn o_toggles_the_selected_participants_attendance() {
    let (mut st, s) = startup_seminar();
    let save = |step: Step| match step.effects.as_slice() {
        [Effect::Save(r)] => (**r).clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        save(st.command(Command::ToggleAttended, &s)),
        SaveRequest::Events(Save::Attend { participant_id: 21, attended: true })
    );
    st.command(Command::Down, &s);
    st.command(Command::Down, &s);
    assert_eq!(st.row, 1, "the selection stops at the last participant");
    assert_eq!(
        save(st.command(Command::ToggleAttended, &s)),
        SaveRequest::Events(Save::Attend { participant_id: 22, attended: false })
    );
    let (purpose, _) = st.command(Command::CancelBooking, &s).form.expect("x asks before removing");
    assert_eq!(purpose, AppPurpose::Events(Purpose::RemoveParticipant { participant_id: 22 }));
}

#[test]
fn m_proposes_honoraria_only_once_the_event_was_held() {
    let (mut st, s) = opened();
    assert_eq!(st.command(Command::ProposeHonoraria, &s).error.as_deref(), Some(text(s.lang).honoraria_after_held));
    let (mut st, s) = startup_seminar();
    let (purpose, form) = st.command(Command::ProposeHonoraria, &s).form.expect("a confirmation");
    assert_eq!(purpose, AppPurpose::Events(Purpose::Honoraria { event_id: 9 }));
    assert!(form.title.contains("髙橋 誠"), "{}", form.title);
}

#[test]
fn c_opens_the_series_and_esc_goes_back_to_the_session() {
    let (mut st, s) = startup_seminar();
    let step = st.command(Command::SeriesView, &s);
    assert_eq!(step.effects, vec![Effect::Events(Load::Series { id: 3 })]);
    let view =
        crate::store::participants::SeriesView {
            id: 3, title: "熊本創業塾".into(), sessions: vec![], people: vec![]
        };
    st.reply(Reply::Series(Some(Box::new(view))), &s);
    assert!(st.series.is_some());
    st.command(Command::Back, &s);
    assert!(st.series.is_none() && st.detail.is_some(), "Esc closes the series, the session stays open");
    let (mut st, s) = opened();
    assert_eq!(st.command(Command::SeriesView, &s).error.as_deref(), Some(text(s.lang).not_in_series));
}

#[test]
fn series_title_and_areas_typed_in_the_event_form() {
    let (mut st, s) = startup_seminar();
    let (purpose, mut form) = st.command(Command::Edit, &s).form.unwrap();
    let AppPurpose::Events(p) = purpose else { panic!() };
    assert_eq!(form.text("series"), "熊本創業塾");
    form.field_mut("areas").unwrap().input = crate::app::input::LineInput::new("１ 財務、4");
    match to_request(p, &form, &s) {
        Ok(SaveRequest::Events(Save::UpdateEvent { edit, .. })) => {
            use crate::domain::model::StartupArea::*;
            assert_eq!(edit.areas, vec![Management, Finance, SalesChannels]);
            assert_eq!(edit.series, "熊本創業塾");
        }
        other => panic!("{other:?}"),
    }
    form.field_mut("areas").unwrap().input = crate::app::input::LineInput::new("5");
    let errors = to_request(p, &form, &s).unwrap_err();
    assert_eq!(errors[0].0, "areas");
    assert_eq!(forms::area_digits(&[crate::domain::model::StartupArea::Finance]), "2");
}
