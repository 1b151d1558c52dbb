//! Store tests of the seminar calendar on real SQLite files in a temporary directory: creating and editing events
//! (R-P1, R-S3, R-S5, DESK-1), bookings (R-E1/R-E3, DESK-1 across bookings, visits and other events), the publicity
//! checklist, cancellation, R-S11 reports, the month grid and the day's agenda; every write audited.

use chrono::NaiveDate;
use madoguchi::domain::fiscal_year::FiscalYear;
use madoguchi::domain::model::{
    AccompanimentKind, EventKind, EventStatus, LegalForm, PlaceKind, StartupArea, VenueKind,
};
use madoguchi::domain::records::{NewBusiness, NewDispatch, NewEvent, NewExpert, NewVisit};
use madoguchi::domain::rules::startup::SeriesOutcome;
use madoguchi::domain::rules::{EngagementKind, Finding, RuleId};
use madoguchi::store::calendar::{self, CalendarFilter, ItemKind};
use madoguchi::store::events::{self, EventEdit, NewBooking};
use madoguchi::store::participants::{self, NewParticipant};
use madoguchi::store::workflow::Refusal;
use madoguchi::store::{Store, businesses, dispatches, experts, organisations};

fn d(m: u32, dd: u32) -> NaiveDate {
    let y = if m < 4 { 2026 } else { 2025 };
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

fn fy() -> FiscalYear {
    FiscalYear::from_toml(include_str!("../assets/fiscal-years/2025.toml")).unwrap()
}

struct Desk {
    _dir: tempfile::TempDir,
    store: Store,
    fy: FiscalYear,
    federation: i64,
    experts: [i64; 2],
    businesses: [i64; 3],
}

/// A desk with two experts, two eligible businesses in 阿蘇市 and one 一般社団法人 (R-E3).
fn desk() -> Desk {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("desk.db"), "山田").unwrap();
    let (federation, experts, businesses) = store
        .act("test.arrange", |tx| {
            let aso = organisations::municipality_by_name(tx, "阿蘇市")?;
            let expert = |name: &str| experts::insert(tx, &NewExpert { name: name.into(), ..Default::default() });
            let business = |name: &str, form: LegalForm| {
                businesses::insert(
                    tx,
                    &NewBusiness {
                        name: name.into(),
                        legal_form: Some(form),
                        municipality_id: aso,
                        ..Default::default()
                    },
                )
            };
            Ok((
                organisations::federation_id(tx)?,
                [expert("髙橋 誠")?, expert("佐藤 由美")?],
                [
                    business("有限会社阿蘇の里ファーム", LegalForm::YugenKaisha)?,
                    business("株式会社くまもと物産", LegalForm::KabushikiKaisha)?,
                    business("一般社団法人阿蘇観光協会", LegalForm::GeneralAssociation)?,
                ],
            ))
        })
        .unwrap();
    Desk { _dir: dir, store, fy: fy(), federation, experts, businesses }
}

fn event(desk: &Desk, kind: EventKind, date: NaiveDate, title: &str) -> EventEdit {
    EventEdit {
        event: NewEvent {
            fiscal_year: 2025,
            kind,
            organiser_id: desk.federation,
            title: title.into(),
            theme: 3,
            date,
            start_min: 600,
            end_min: 900,
            venue_name: "阿蘇市民会館".into(),
            venue_kind: VenueKind::PublicFacility,
            venue_fee_yen: 5000,
            municipality_id: None,
            capacity: Some(30),
            registrations: 0,
            attendance: None,
            slot_minutes: (kind == EventKind::ConsultationDay).then_some(60),
            series_id: None,
            status: EventStatus::Applied,
            cancel_reason: String::new(),
            applied_on: Some(d(10, 1)),
            press_release_on: None,
            web_page_on: None,
            partner_notice_on: None,
        },
        attendance_fee_yen: 0,
        experts: Vec::new(),
        series: String::new(),
        areas: Vec::new(),
    }
}

fn create_new(desk: &mut Desk, kind: EventKind, date: NaiveDate, title: &str) -> Result<i64, Refusal> {
    let e = event(desk, kind, date, title);
    create(desk, &e)
}

fn create(desk: &mut Desk, edit: &EventEdit) -> Result<i64, Refusal> {
    let fy = desk.fy.clone();
    desk.store.act_if("events.event.create", |tx| events::create_event(tx, &fy, edit)).unwrap()
}

fn book(desk: &mut Desk, event_id: i64, expert: usize, business: usize, start_min: u16) -> Result<i64, Refusal> {
    let fy = desk.fy.clone();
    let b = NewBooking { event_id, expert_id: desk.experts[expert], business_id: desk.businesses[business], start_min };
    desk.store.act_if("events.booking.add", |tx| events::add_booking(tx, &fy, &b)).unwrap()
}

fn rules(r: Result<impl std::fmt::Debug, Refusal>) -> Vec<RuleId> {
    match r {
        Err(Refusal::Findings(f)) => f.iter().map(Finding::rule).collect(),
        other => panic!("expected findings, got {other:?}"),
    }
}

#[test]
fn a_seminar_at_a_public_facility_is_on_the_month_and_its_day() {
    let mut desk = desk();
    let id = create_new(&mut desk, EventKind::Seminar, d(11, 20), "SNS活用セミナー").unwrap();
    let conn = desk.store.conn();
    let cells = calendar::month(conn, d(10, 26), d(12, 6), &CalendarFilter::default(), 6).unwrap();
    assert_eq!(cells.len(), 1);
    assert_eq!((cells[0].date, cells[0].count), (d(11, 20), 1));
    assert_eq!(cells[0].items[0].kind, ItemKind::Event(EventKind::Seminar));
    let rows = calendar::day(conn, d(11, 20), &CalendarFilter::default(), 0, 10).unwrap();
    assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), vec![id]);
    let detail = calendar::detail(conn, id).unwrap().unwrap();
    assert_eq!(
        (detail.venue_kind, detail.venue_fee_yen, detail.status),
        (VenueKind::PublicFacility, 5000, EventStatus::Applied)
    );
    let audited: i64 = conn
        .query_row("SELECT COUNT(*) FROM audit WHERE tbl = 'event' AND record_id = ?1", [id], |r| r.get(0))
        .unwrap();
    assert_eq!(audited, 1, "the insert is audited");
}

#[test]
fn r_s3_r_s5_r_p1_refuse_an_event_and_write_nothing() {
    let mut desk = desk();
    let mut e = event(&desk, EventKind::Seminar, d(3, 10), "期間外セミナー");
    e.attendance_fee_yen = 1000;
    e.event.venue_kind = VenueKind::OrganisationOffice;
    assert_eq!(rules(create(&mut desk, &e)), vec![RuleId::P1, RuleId::S3, RuleId::S5]);
    let n: i64 = desk.store.conn().query_row("SELECT COUNT(*) FROM event", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 0);
}

#[test]
fn desk_1_bookings_refuse_a_double_booked_expert() {
    let mut desk = desk();
    let day = create_new(&mut desk, EventKind::ConsultationDay, d(11, 7), "EC相談会").unwrap();
    book(&mut desk, day, 0, 0, 600).unwrap();
    book(&mut desk, day, 1, 1, 600).unwrap();
    assert_eq!(rules(book(&mut desk, day, 0, 1, 600)), vec![RuleId::Desk1], "the same expert, the same slot");
    book(&mut desk, day, 0, 1, 660).unwrap();
    let detail = calendar::detail(desk.store.conn(), day).unwrap().unwrap();
    assert_eq!(detail.bookings.len(), 3);
    assert_eq!(detail.experts.len(), 2, "booked experts join the day");
}

#[test]
fn desk_1_across_visits_and_other_events() {
    let mut desk = desk();
    let day = create_new(&mut desk, EventKind::ConsultationDay, d(11, 7), "EC相談会").unwrap();
    let mut seminar = event(&desk, EventKind::Seminar, d(11, 7), "午後のセミナー");
    (seminar.event.start_min, seminar.event.end_min) = (780, 900);
    seminar.experts = vec![desk.experts[1]];
    create(&mut desk, &seminar).unwrap();
    let (expert, business) = (desk.experts[0], desk.businesses[0]);
    desk.store
        .act("test.visit", |tx| {
            let (id, _) = dispatches::insert(
                tx,
                &NewDispatch {
                    fiscal_year: 2025,
                    business_id: business,
                    chamber_id: None,
                    guidance_officer_id: None,
                    received_on: d(10, 1),
                    theme: 1,
                    sections: Vec::new(),
                    recommended_expert_id: None,
                },
            )?;
            dispatches::insert_visit(
                tx,
                &NewVisit {
                    dispatch_id: id,
                    date: d(11, 7),
                    start_min: 690,
                    end_min: 750,
                    place: PlaceKind::Premises,
                    place_note: String::new(),
                    expert_id: Some(expert),
                    accompanied_by: AccompanimentKind::Nobody,
                    accompanying_staff_id: None,
                    accompanying_desk_staff_id: None,
                    accompanying_name: String::new(),
                    accompaniment_reason: String::new(),
                },
            )
        })
        .unwrap();
    let Err(Refusal::Findings(f)) = book(&mut desk, day, 0, 1, 720) else { panic!("a visit at 11:30") };
    assert!(matches!(&f[0], Finding::ExpertBusy { elsewhere, .. } if elsewhere.kind == EngagementKind::Visit));
    let Err(Refusal::Findings(f)) = book(&mut desk, day, 1, 1, 840) else { panic!("teaching at 13:00") };
    assert!(matches!(&f[0], Finding::ExpertBusy { elsewhere, .. } if elsewhere.kind == EngagementKind::Event));
    book(&mut desk, day, 1, 1, 600).unwrap();
    let visits = CalendarFilter { visits: true, ..Default::default() };
    assert_eq!(calendar::count_day(desk.store.conn(), d(11, 7), &visits).unwrap(), 3);
    assert_eq!(calendar::count_day(desk.store.conn(), d(11, 7), &CalendarFilter::default()).unwrap(), 2);
}

#[test]
fn r_e3_an_association_cannot_be_booked() {
    let mut desk = desk();
    let day = create_new(&mut desk, EventKind::ConsultationDay, d(11, 7), "EC相談会").unwrap();
    assert_eq!(rules(book(&mut desk, day, 0, 2, 600)), vec![RuleId::E3]);
}

#[test]
fn status_publicity_and_reports_refuse_stale_or_out_of_order_writes() {
    let mut desk = desk();
    let day = create_new(&mut desk, EventKind::ConsultationDay, d(11, 7), "EC相談会").unwrap();
    let booking = book(&mut desk, day, 0, 0, 600).unwrap();
    let dates = [Some(d(10, 20)), Some(d(10, 21)), None];
    desk.store.act_if("p", |tx| events::set_publicity(tx, day, 1, dates)).unwrap().unwrap();
    let stale = desk.store.act_if("s", |tx| events::set_status(tx, day, 1, EventStatus::Approved, "")).unwrap();
    assert!(matches!(stale, Err(Refusal::Changed(Some(_)))), "the publicity write bumped the row version: {stale:?}");
    desk.store.act_if("s", |tx| events::set_status(tx, day, 2, EventStatus::Cancelled, "講師の都合")).unwrap().unwrap();
    let detail = calendar::detail(desk.store.conn(), day).unwrap().unwrap();
    assert_eq!((detail.status, detail.cancel_reason.as_str()), (EventStatus::Cancelled, "講師の都合"));
    assert_eq!(detail.web_page_on, Some(d(10, 21)));
    let early = desk.store.act_if("r", |tx| events::record_report(tx, booking, None, "", Some(d(11, 10)))).unwrap();
    assert_eq!(rules(early), vec![RuleId::S11]);
    desk.store
        .act_if("r", |tx| events::record_report(tx, booking, Some(d(11, 8)), "EC導入", Some(d(11, 10))))
        .unwrap()
        .unwrap();
    assert_eq!(book(&mut desk, day, 1, 1, 660), Err(Refusal::Missing), "a cancelled day takes no bookings");
}

#[test]
fn the_month_grid_reads_a_few_items_per_day_and_filters() {
    let mut desk = desk();
    for i in 0..5u16 {
        let mut e = event(&desk, EventKind::Seminar, d(11, 12), &format!("セミナー{i}"));
        e.event.start_min = 540 + i * 60;
        e.event.end_min = 590 + i * 60;
        create(&mut desk, &e).unwrap();
    }
    let conn = desk.store.conn();
    let cells = calendar::month(conn, d(11, 1), d(11, 30), &CalendarFilter::default(), 2).unwrap();
    assert_eq!((cells[0].count, cells[0].items.len()), (5, 2));
    assert_eq!(cells[0].items[0].title, "セミナー0", "by start time");
    let page = calendar::day(conn, d(11, 12), &CalendarFilter::default(), 2, 2).unwrap();
    assert_eq!(page.iter().map(|r| r.title.as_str()).collect::<Vec<_>>(), vec!["セミナー2", "セミナー3"]);
    let only = CalendarFilter { text: "ナー4".into(), visits: false };
    assert_eq!(calendar::count_day(conn, d(11, 12), &only).unwrap(), 1);
    let plan: String = conn
        .query_row(
            "EXPLAIN QUERY PLAN SELECT * FROM event e WHERE e.event_date BETWEEN '2025-11-01' AND '2025-11-30'",
            [],
            |r| r.get(3),
        )
        .unwrap();
    assert!(plan.contains("event_by_date"), "{plan}");
}

#[test]
fn needs_action_lists_unannounced_events_and_missing_consultation_reports() {
    use madoguchi::store::needs_action::{Reason, Settings, items};
    let mut desk = desk();
    let soon = create_new(&mut desk, EventKind::Seminar, d(11, 14), "来週のセミナー").unwrap();
    create_new(&mut desk, EventKind::Seminar, d(12, 20), "来月のセミナー").unwrap();
    let announced = create_new(&mut desk, EventKind::Seminar, d(11, 12), "周知済みセミナー").unwrap();
    desk.store
        .act_if("p", |tx| events::set_publicity(tx, announced, 1, [None, Some(d(10, 30)), None]))
        .unwrap()
        .unwrap();
    let held = create_new(&mut desk, EventKind::ConsultationDay, d(10, 20), "先月の相談会").unwrap();
    let booking = book(&mut desk, held, 0, 0, 600).unwrap();
    let s = Settings { today: d(11, 4), report_overdue_days: 30, period_end_warning_days: 30 };
    let conn = desk.store.conn();
    let (n, list) = items(conn, &desk.fy, &s, Reason::EventNotAnnounced, 20).unwrap();
    assert_eq!((n, list[0].event_id, list[0].since), (1, Some(soon), d(11, 14)), "R-S9: two weeks ahead only");
    let (n, list) = items(conn, &desk.fy, &s, Reason::ConsultationReportsPending, 20).unwrap();
    assert_eq!((n, list[0].event_id, list[0].business.as_str()), (1, Some(held), "先月の相談会"));
    desk.store
        .act_if("r", |tx| events::record_report(tx, booking, Some(d(10, 25)), "", Some(d(10, 28))))
        .unwrap()
        .unwrap();
    assert_eq!(items(desk.store.conn(), &desk.fy, &s, Reason::ConsultationReportsPending, 20).unwrap().0, 0);
}

#[test]
fn the_lookup_finds_events_by_title_and_by_date() {
    use madoguchi::store::lookup::{HitKind, lookup, recent, remember};
    let mut desk = desk();
    let id = create_new(&mut desk, EventKind::Seminar, d(11, 20), "SNS活用セミナー").unwrap();
    let conn = desk.store.conn();
    let groups = lookup(conn, &desk.fy, d(11, 4), "SNS活用", 5).unwrap();
    let events = groups.iter().find(|g| g.0 == HitKind::Event).expect("an event group");
    assert_eq!((events.1[0].id, events.1[0].held_on), (id, Some(d(11, 20))));
    let by_date = lookup(conn, &desk.fy, d(11, 4), "R7.11.20", 5).unwrap();
    assert!(by_date.iter().any(|g| g.0 == HitKind::Event && g.1[0].id == id));
    remember(conn, HitKind::Event, id).unwrap();
    assert_eq!(recent(conn, &desk.fy, d(11, 4), 5).unwrap()[0].1[0].title, "SNS活用セミナー");
}

/// A startup seminar (theme 7) of a series, with `areas`, taught by expert 0.
fn session(desk: &mut Desk, date: NaiveDate, title: &str, areas: &[StartupArea]) -> i64 {
    let mut e = event(desk, EventKind::Seminar, date, title);
    e.event.theme = 7;
    e.series = "熊本創業塾".into();
    e.areas = areas.to_vec();
    e.experts = vec![desk.experts[0]];
    e.event.start_min = 1110;
    e.event.end_min = 1230;
    create(desk, &e).unwrap()
}

fn register(desk: &mut Desk, event_id: i64, business: Option<usize>, person: Option<&str>) -> Result<i64, Refusal> {
    let fy = desk.fy.clone();
    let p = NewParticipant {
        event_id,
        business_id: business.map(|b| desk.businesses[b]),
        person: person.map(|n| (n.to_string(), String::new())),
        registered_on: d(8, 20),
    };
    desk.store.act_if("events.participant.add", |tx| participants::register(tx, &fy, &p)).unwrap()
}

fn attend(desk: &mut Desk, participant: i64) {
    let o = desk.store.act_if("events.participant.attend", |tx| participants::set_attended(tx, participant, true));
    o.unwrap().unwrap();
}

#[test]
fn r_s2_participants_count_and_individuals_only_at_startup_seminars() {
    let mut desk = desk();
    let sns = create_new(&mut desk, EventKind::Seminar, d(11, 20), "SNS活用セミナー").unwrap();
    assert_eq!(rules(register(&mut desk, sns, None, Some("田中 一郎"))), vec![RuleId::S2]);
    assert_eq!(rules(register(&mut desk, sns, Some(2), None)), vec![RuleId::E3], "an association (R-E3)");
    let a = register(&mut desk, sns, Some(0), None).unwrap();
    register(&mut desk, sns, Some(1), None).unwrap();
    attend(&mut desk, a);
    let detail = calendar::detail(desk.store.conn(), sns).unwrap().unwrap();
    assert_eq!((detail.registrations, detail.attendance), (2, Some(1)), "the counts follow the list");
    assert_eq!(detail.participants.iter().filter(|p| p.attended).count(), 1);
    desk.store.act_if("events.participant.delete", |tx| participants::remove(tx, a)).unwrap().unwrap();
    let detail = calendar::detail(desk.store.conn(), sns).unwrap().unwrap();
    assert_eq!((detail.registrations, detail.attendance), (1, None));
    let startup = session(&mut desk, d(9, 6), "創業塾 第1回", &[StartupArea::Management]);
    assert!(register(&mut desk, startup, None, Some("田中 一郎")).is_ok(), "a prospective founder (R-S2)");
}

/// Saving an event with a participant list writes one audited change of it (its counts come from the list, not
/// from the form): nothing else changes, and the counts stay those of the list.
#[test]
fn an_event_edit_writes_one_change_and_keeps_the_lists_counts() {
    let mut desk = desk();
    let sns = create_new(&mut desk, EventKind::Seminar, d(11, 20), "SNS活用セミナー").unwrap();
    let a = register(&mut desk, sns, Some(0), None).unwrap();
    register(&mut desk, sns, Some(1), None).unwrap();
    attend(&mut desk, a);
    let before = calendar::detail(desk.store.conn(), sns).unwrap().unwrap();
    let mut edit = event(&desk, EventKind::Seminar, d(11, 20), "SNS活用セミナー (改)");
    edit.event.registrations = 40;
    let fy = desk.fy.clone();
    let row_version = before.row_version;
    desk.store
        .act_if("events.edit", |tx| madoguchi::store::events::update_event(tx, &fy, sns, row_version, &edit))
        .unwrap()
        .unwrap();
    let after = calendar::detail(desk.store.conn(), sns).unwrap().unwrap();
    assert_eq!((after.registrations, after.attendance), (2, Some(1)), "the list's counts, not the form's 40");
    assert_eq!(after.row_version, before.row_version + 1);
    let changes: i64 = desk
        .store
        .conn()
        .query_row(
            "SELECT COUNT(*) FROM audit WHERE tbl = 'event' AND record_id = ?1
               AND action_id = (SELECT MAX(id) FROM action WHERE label = 'events.edit')",
            [sns],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(changes, 1, "one audited change of the event");
}

#[test]
fn r_s10_a_series_is_for_startup_seminars_and_lists_who_meets_it() {
    let mut desk = desk();
    let mut e = event(&desk, EventKind::Seminar, d(9, 6), "SNS活用セミナー");
    e.series = "熊本創業塾".into();
    assert_eq!(rules(create(&mut desk, &e)), vec![RuleId::S10], "theme 3 forms no series");
    use StartupArea::*;
    let s = [
        session(&mut desk, d(9, 6), "第1回", &[Management]),
        session(&mut desk, d(9, 13), "第2回", &[Finance]),
        session(&mut desk, d(9, 20), "第3回", &[HumanResources]),
        session(&mut desk, d(9, 27), "第4回", &[SalesChannels]),
        session(&mut desk, d(10, 11), "第5回", &[Management, Finance, HumanResources, SalesChannels]),
    ];
    let plan = [("山本 花子", [0, 1, 2, 4].as_slice()), ("中村 健", &[0, 1, 2, 3]), ("小林 守", &[1])];
    for (name, attended) in plan {
        for (i, id) in s.iter().enumerate() {
            let p = register(&mut desk, *id, None, Some(name)).unwrap();
            if attended.contains(&i) {
                attend(&mut desk, p);
            }
        }
    }
    let detail = calendar::detail(desk.store.conn(), s[0]).unwrap().unwrap();
    let series_id = detail.series.as_ref().map(|x| x.0).expect("in the series");
    assert_eq!(detail.areas, vec![Management]);
    let fy = desk.fy.clone();
    let view = participants::series(desk.store.conn(), &fy, series_id).unwrap().unwrap();
    assert_eq!(view.sessions.len(), 5, "one series by title");
    let standings: Vec<(&str, SeriesOutcome)> =
        view.people.iter().map(|p| (p.name.as_str(), p.standing.outcome)).collect();
    assert_eq!(
        standings,
        vec![
            ("山本 花子", SeriesOutcome::Meets),
            ("中村 健", SeriesOutcome::OneShort { session: s[4] }),
            ("小林 守", SeriesOutcome::Short)
        ]
    );
}

#[test]
fn r_s6_honoraria_of_a_held_seminar_are_proposed_once() {
    let mut desk = desk();
    let id = session(&mut desk, d(9, 6), "創業塾 第1回", &[StartupArea::Management]);
    let fy = desk.fy.clone();
    let propose = |desk: &mut Desk| {
        desk.store.act_if("events.honoraria", |tx| events::propose_honoraria(tx, &fy, id, d(9, 8))).unwrap()
    };
    assert_eq!(propose(&mut desk).unwrap(), 1);
    assert_eq!(rules(propose(&mut desk)), vec![RuleId::S6], "already proposed");
    let (expert, honorarium): (i64, i64) = desk
        .store
        .conn()
        .query_row("SELECT expert_id, honorarium_yen FROM payment WHERE event_id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((expert, honorarium), (desk.experts[0], desk.fy.fees.instructor_honorarium_per_event_yen));
    assert_eq!(calendar::detail(desk.store.conn(), id).unwrap().unwrap().paid_experts, vec![desk.experts[0]]);
}

#[test]
fn a_booking_becomes_one_dispatch_application_and_keeps_the_link() {
    let mut desk = desk();
    let day = create_new(&mut desk, EventKind::ConsultationDay, d(11, 20), "EC個別相談会").unwrap();
    let booking = book(&mut desk, day, 0, 1, 600).unwrap();
    let dispatch = NewDispatch {
        fiscal_year: 2025,
        business_id: desk.businesses[1],
        chamber_id: None,
        guidance_officer_id: None,
        received_on: d(11, 21),
        theme: 2,
        sections: Vec::new(),
        recommended_expert_id: None,
    };
    let to_dispatch =
        |desk: &mut Desk| desk.store.act_if("t", |tx| events::booking_to_dispatch(tx, booking, &dispatch)).unwrap();
    let (id, number) = to_dispatch(&mut desk).unwrap();
    assert!(matches!(to_dispatch(&mut desk), Err(Refusal::Changed(_))), "not twice");
    let detail = calendar::detail(desk.store.conn(), day).unwrap().unwrap();
    assert_eq!((detail.bookings[0].dispatch_id, detail.bookings[0].dispatch_number), (Some(id), Some(number)));
    let n: i64 = desk.store.conn().query_row("SELECT COUNT(*) FROM dispatch", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 1);
}

#[test]
fn the_filter_is_folded_like_the_lookup() {
    let mut desk = desk();
    create_new(&mut desk, EventKind::Seminar, d(11, 20), "SNS活用セミナー").unwrap();
    let conn = desk.store.conn();
    for typed in ["ｾﾐﾅｰ", "せみなー", "ＳＮＳ", "sns", "阿蘇市民"] {
        let f = CalendarFilter { text: typed.into(), visits: false };
        assert_eq!(calendar::count_day(conn, d(11, 20), &f).unwrap(), 1, "{typed}");
        assert_eq!(calendar::month(conn, d(10, 26), d(12, 6), &f, 6).unwrap().len(), 1, "{typed}");
    }
    let f = CalendarFilter { text: "ぱそこん".into(), visits: false };
    assert_eq!(calendar::count_day(conn, d(11, 20), &f).unwrap(), 0);
}
