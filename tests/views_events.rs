//! Snapshots of the seminar calendar (TestBackend + insta) with Japanese text at 80x24 and 160x48: November 2025
//! (文化の日 11-03, 勤労感謝の日 11-23 and its substitute holiday 11-24), a day's agenda, a consultation day's
//! slot grid, a startup seminar's participant list, its series view (R-S10), and the event form with a refused
//! attendance fee (R-S3).

#[path = "support/screen.rs"]
mod screen;

use chrono::NaiveDate;
use madoguchi::app::keymap::Key;
use madoguchi::app::{Action, App, Effect, Tab, reduce};
use madoguchi::domain::model::{EventKind, EventStatus, VenueKind};
use madoguchi::domain::rules::Finding;
use madoguchi::screens::events::{Load, Reply};
use madoguchi::store::calendar::{AgendaRow, BookingLine, CellItem, DayCell, EventDetail, EventExpert, ItemKind};
use madoguchi::store::workflow::Refusal;
use madoguchi::ui::i18n::Lang;
use screen::{render, session};

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

fn item(kind: EventKind, title: &str) -> CellItem {
    CellItem { kind: ItemKind::Event(kind), title: title.into(), cancelled: false }
}

fn november() -> Vec<DayCell> {
    let seminar = EventKind::Seminar;
    let day = EventKind::ConsultationDay;
    vec![
        DayCell { date: d(2025, 11, 4), count: 1, items: vec![item(seminar, "SNS活用セミナー（阿蘇）")] },
        DayCell { date: d(2025, 11, 7), count: 1, items: vec![item(day, "ｸﾗｳﾄﾞ会計 個別相談会")] },
        DayCell {
            date: d(2025, 11, 12),
            count: 4,
            items: vec![
                item(seminar, "インボイス対応POSレジ入門"),
                item(day, "EC・ネットショップ相談会"),
                CellItem {
                    kind: ItemKind::Event(seminar), title: "キャッシュレス決済".into(), cancelled: true
                },
                item(seminar, "創業塾 第2回 財務"),
            ],
        },
        DayCell { date: d(2025, 11, 25), count: 1, items: vec![item(seminar, "DX推進セミナー 髙橋講師")] },
    ]
}

fn agenda() -> Vec<AgendaRow> {
    vec![AgendaRow {
        kind: ItemKind::Event(EventKind::Seminar),
        id: 7,
        start_min: 810,
        end_min: 990,
        title: "SNS活用セミナー（阿蘇）".into(),
        place: "阿蘇市商工会館".into(),
        status: Some(EventStatus::Announced),
    }]
}

/// The console on tab 3 with November 2025 loaded, 2025-11-04 selected.
fn calendar_app(rows: usize) -> App {
    let mut app = App::new(session(Lang::Ja));
    reduce(&mut app, Action::Resize { list_rows: rows });
    let fx = reduce(&mut app, Action::Key(Key::Char('3')));
    assert_eq!(app.tab, Tab::Events);
    assert!(
        fx.iter().any(|e| matches!(e, Effect::Events(Load::Month { from, .. }) if *from == d(2025, 10, 26))),
        "{fx:?}"
    );
    reduce(&mut app, Action::Events(Reply::Month { generation: 1, cells: november() }));
    reduce(&mut app, Action::Events(Reply::Day { generation: 1, total: 1, offset: 0, rows: agenda() }));
    app
}

#[test]
fn november_2025_at_80x24() {
    let app = calendar_app(21);
    insta::assert_snapshot!("month_november_2025_80x24", render(&app, 80, 24));
}

#[test]
fn november_2025_at_160x48() {
    let app = calendar_app(45);
    insta::assert_snapshot!("month_november_2025_160x48", render(&app, 160, 48));
}

#[test]
fn the_substitute_holiday_selected_with_monday_first() {
    let mut app = App::new(session(Lang::Ja));
    app.events.week_start = madoguchi::config::WeekStart::Monday;
    reduce(&mut app, Action::Resize { list_rows: 21 });
    reduce(&mut app, Action::Key(Key::Char('3')));
    reduce(&mut app, Action::Events(Reply::Month { generation: 1, cells: november() }));
    for _ in 0..20 {
        reduce(&mut app, Action::Key(Key::Char('l')));
    }
    assert_eq!(app.events.day(), d(2025, 11, 24));
    let screen = render(&app, 80, 24);
    assert!(screen.contains("振替休日"), "the agenda names the substitute holiday:\n{screen}");
    insta::assert_snapshot!("month_monday_first_substitute_holiday_80x24", screen);
}

fn consultation_day() -> EventDetail {
    let booking = |id, expert_id: i64, expert: &str, start_min, business: &str| BookingLine {
        id,
        expert_id,
        expert: expert.into(),
        start_min,
        end_min: start_min + 60,
        business_id: Some(id + 100),
        business: business.into(),
        report_on: (id == 1).then(|| d(2025, 11, 10)),
        report_summary: String::new(),
        feedback_on: None,
        dispatch_id: (id == 3).then_some(5),
        dispatch_number: (id == 3).then_some(madoguchi::domain::model::DispatchNumber { fiscal_year: 2025, seq: 12 }),
    };
    EventDetail {
        id: 9,
        kind: EventKind::ConsultationDay,
        organiser: (2, "阿蘇市商工会".into()),
        title: "クラウド会計 個別相談会".into(),
        theme: 1,
        date: d(2025, 11, 7),
        start_min: 600,
        end_min: 900,
        venue_name: "阿蘇市商工会館 2階会議室".into(),
        venue_kind: VenueKind::OrganisationOffice,
        venue_fee_yen: 0,
        capacity: Some(8),
        registrations: 3,
        attendance: None,
        slot_minutes: Some(60),
        status: EventStatus::Approved,
        cancel_reason: String::new(),
        applied_on: Some(d(2025, 10, 1)),
        press_release_on: None,
        web_page_on: Some(d(2025, 10, 20)),
        partner_notice_on: None,
        note: String::new(),
        row_version: 1,
        experts: vec![EventExpert { id: 1, name: "髙橋 誠".into() }, EventExpert { id: 2, name: "佐藤 由美".into() }],
        bookings: vec![
            booking(1, 1, "髙橋 誠", 600, "有限会社阿蘇の里ファーム"),
            booking(2, 2, "佐藤 由美", 600, "ｶﾌｪ ﾀﾞｲﾆﾝｸﾞ 草千里"),
            booking(3, 1, "髙橋 誠", 660, "株式会社くまもと物産"),
        ],
        participants: Vec::new(),
        series: None,
        areas: Vec::new(),
        paid_experts: vec![1],
    }
}

fn detail_app(rows: usize) -> App {
    let mut app = calendar_app(rows);
    let fx = reduce(&mut app, Action::Key(Key::Enter));
    assert!(matches!(fx.as_slice(), [Effect::Events(Load::Detail { id: 7 })]), "{fx:?}");
    reduce(&mut app, Action::Events(Reply::Detail(Some(Box::new(consultation_day())))));
    reduce(&mut app, Action::Key(Key::Char('j')));
    app
}

#[test]
fn consultation_day_slot_grid_at_80x24() {
    let app = detail_app(21);
    insta::assert_snapshot!("consultation_day_80x24", render(&app, 80, 24));
}

#[test]
fn consultation_day_slot_grid_at_160x48() {
    let app = detail_app(45);
    insta::assert_snapshot!("consultation_day_160x48", render(&app, 160, 48));
}

#[test]
fn a_refused_attendance_fee_stands_next_to_its_field() {
    let mut app = calendar_app(21);
    reduce(&mut app, Action::Key(Key::Char('n')));
    reduce(&mut app, Action::Refused(Refusal::Findings(vec![Finding::AttendanceFee { fee_yen: 500 }])));
    let screen = render(&app, 80, 24);
    assert!(screen.contains("R-S3"), "{screen}");
    insta::assert_snapshot!("event_form_attendance_fee_refused_80x24", screen);
}

/// A session of a startup series, held, with its participant list (a founder and a business, one attended).
fn startup_session() -> EventDetail {
    use madoguchi::domain::model::StartupArea;
    use madoguchi::store::participants::ParticipantLine;
    let p = |id: i64, name: &str, founder: bool, attended: bool| ParticipantLine {
        id,
        business_id: (!founder).then_some(id + 100),
        name: name.into(),
        founder,
        registered_on: Some(d(2025, 10, 1)),
        attended,
    };
    EventDetail {
        kind: EventKind::Seminar,
        title: "くまもと創業塾 第2回「財務・資金計画と創業融資」".into(),
        theme: 7,
        status: EventStatus::Held,
        slot_minutes: None,
        bookings: Vec::new(),
        registrations: 3,
        attendance: Some(2),
        series: Some((3, "令和7年度 くまもと創業塾 (特定創業支援等事業)".into())),
        areas: vec![StartupArea::Finance],
        participants: vec![
            p(1, "山本 花子", true, true),
            p(2, "ｶﾌｪ ﾀﾞｲﾆﾝｸﾞ 草千里", false, true),
            p(3, "中村 健太郎", true, false),
        ],
        paid_experts: Vec::new(),
        ..consultation_day()
    }
}

fn seminar_app(rows: usize) -> App {
    let mut app = calendar_app(rows);
    reduce(&mut app, Action::Key(Key::Enter));
    reduce(&mut app, Action::Events(Reply::Detail(Some(Box::new(startup_session())))));
    reduce(&mut app, Action::Key(Key::Char('j')));
    app
}

#[test]
fn seminar_participant_list_at_80x24() {
    let screen = render(&seminar_app(21), 80, 24);
    assert!(screen.contains("参加者 (申込 3・出席 2)") && screen.contains("創業予定"), "{screen}");
    insta::assert_snapshot!("seminar_participants_80x24", screen);
}

#[test]
fn seminar_participant_list_at_160x48() {
    insta::assert_snapshot!("seminar_participants_160x48", render(&seminar_app(45), 160, 48));
}

/// The series of [`startup_session`]: five sessions, one who meets the guideline, one a session short, one short.
fn series_app(rows: usize) -> App {
    use madoguchi::domain::model::StartupArea::*;
    use madoguchi::domain::rules::startup::{SeriesSession, startup_standing};
    use madoguchi::store::participants::{SeriesPerson, SeriesView, SessionLine};
    let mut app = seminar_app(rows);
    let fy = session(Lang::Ja).fy;
    let topics = ["事業計画", "財務・資金計画", "人材育成", "販路開拓", "総まとめ"];
    let dates = [d(2025, 9, 6), d(2025, 9, 13), d(2025, 9, 20), d(2025, 9, 27), d(2025, 10, 11)];
    let areas = [vec![Management], vec![Finance], vec![HumanResources], vec![SalesChannels], StartupArea::ALL.to_vec()];
    let sessions: Vec<SessionLine> = (0..5)
        .map(|i| SessionLine {
            session: SeriesSession { event_id: i as i64 + 1, date: dates[i], areas: areas[i].clone() },
            title: format!("くまもと創業塾 第{}回「{}」", i + 1, topics[i]),
        })
        .collect();
    let all: Vec<SeriesSession> = sessions.iter().map(|s| s.session.clone()).collect();
    let person = |name: &str, founder: bool, attended: Vec<i64>| SeriesPerson {
        name: name.into(),
        founder,
        standing: startup_standing(&fy.startup_series, &all, &attended),
        attended,
    };
    let people = vec![
        person("山本 花子", true, vec![1, 2, 3, 5]),
        person("ｶﾌｪ ﾀﾞｲﾆﾝｸﾞ 草千里", false, vec![1, 2, 3, 4]),
        person("中村 健太郎", true, vec![2]),
    ];
    let fx = reduce(&mut app, Action::Key(Key::Char('c')));
    assert!(matches!(fx.as_slice(), [Effect::Events(Load::Series { id: 3 })]), "{fx:?}");
    let view = SeriesView {
        id: 3, title: "令和7年度 くまもと創業塾 (特定創業支援等事業)".into(), sessions, people
    };
    reduce(&mut app, Action::Events(Reply::Series(Some(Box::new(view)))));
    app
}

use madoguchi::domain::model::StartupArea;

#[test]
fn startup_series_view_at_80x24() {
    let screen = render(&series_app(21), 80, 24);
    assert!(screen.contains("達成") && screen.contains("あと1回 (2025-10-11)") && screen.contains("未達"), "{screen}");
    insta::assert_snapshot!("startup_series_80x24", screen);
}

#[test]
fn startup_series_view_at_160x48() {
    insta::assert_snapshot!("startup_series_160x48", render(&series_app(45), 160, 48));
}
