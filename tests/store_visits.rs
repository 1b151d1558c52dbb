//! Store tests of tab 1's visit edits on real SQLite files: R-D1 counted in date order when adding and editing,
//! removal as one undoable action, the visit's expert, staff pickers, a consultation applied for once, and the
//! consultations' text filter.

use chrono::NaiveDate;
use madoguchi::domain::fiscal_year::FiscalYear;
use madoguchi::domain::model::{
    AccompanimentKind, ConsultationChannel, ConsultationOutcome, DispatchStatus, LegalForm, PlaceKind,
};
use madoguchi::domain::records::{NewBusiness, NewConsultation, NewDispatch, NewExpert, NewVisit};
use madoguchi::domain::rules::Finding;
use madoguchi::store::workflow::{self, Refusal};
use madoguchi::store::{Store, businesses, consultations, dispatches, experts, staff};

fn fy() -> FiscalYear {
    FiscalYear::from_toml(include_str!("../assets/fiscal-years/2025.toml")).unwrap()
}

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, m, d).unwrap()
}

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("desk.db"), "山田").unwrap();
    (dir, store)
}

/// An approved application with an assigned expert; returns (dispatch id, expert id).
fn approved(store: &mut Store) -> (i64, i64) {
    store
        .act("seed", |tx| {
            let business_id = businesses::insert(
                tx,
                &NewBusiness {
                    name: "田中商店".into(),
                    reading: "たなかしょうてん".into(),
                    legal_form: Some(LegalForm::KabushikiKaisha),
                    ..Default::default()
                },
            )?;
            let expert = experts::insert(tx, &NewExpert { name: "熊本 一郎".into(), ..Default::default() })?;
            let d = NewDispatch {
                fiscal_year: 2025,
                business_id,
                chamber_id: None,
                guidance_officer_id: None,
                received_on: date(6, 2),
                theme: 1,
                sections: vec![],
                recommended_expert_id: None,
            };
            let id = dispatches::insert(tx, &d)?.0;
            dispatches::assign_expert(tx, id, expert)?;
            dispatches::set_status(tx, id, DispatchStatus::Approved, date(6, 3))?;
            Ok((id, expert))
        })
        .unwrap()
}

fn visit(dispatch_id: i64, on: NaiveDate, hours: u16) -> NewVisit {
    NewVisit {
        dispatch_id,
        date: on,
        start_min: 600,
        end_min: 600 + hours * 60,
        place: PlaceKind::Premises,
        place_note: String::new(),
        expert_id: None,
        accompanied_by: AccompanimentKind::AssignedOfficer,
        accompanying_staff_id: None,
        accompanying_desk_staff_id: None,
        accompanying_name: String::new(),
        accompaniment_reason: String::new(),
    }
}

fn add(store: &mut Store, v: &NewVisit, reason: &str) -> Result<i64, Refusal> {
    let fy = fy();
    store.act_if("dispatch.add_visit", |tx| workflow::add_visit(tx, &fy, v, reason, "山田")).unwrap()
}

fn edit(store: &mut Store, id: i64, v: &NewVisit, reason: &str) -> Result<(), Refusal> {
    let fy = fy();
    let rv = row_version(store, id);
    store.act_if("dispatch.edit_visit", |tx| workflow::update_visit(tx, &fy, id, rv, v, reason, "山田")).unwrap()
}

fn row_version(store: &Store, id: i64) -> i64 {
    store.conn().query_row("SELECT row_version FROM visit WHERE id = ?1", [id], |r| r.get(0)).unwrap()
}

/// The visits of R-D1 overrides recorded for an application.
fn overridden(store: &Store) -> Vec<i64> {
    let mut st = store
        .conn()
        .prepare("SELECT record_id FROM override WHERE record_table = 'visit' AND rule = 'R-D1' ORDER BY record_id")
        .unwrap();
    st.query_map([], |r| r.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap()
}

/// R-D1 as `check` sees the database: visits going beyond in date order without an override.
fn check_problems(store: &Store) -> usize {
    let fy = fy();
    let mut n = 0;
    madoguchi::store::check::for_each_dispatch(store.conn(), |d| {
        let minutes: Vec<u32> = d.visits.iter().map(|v| v.minutes).collect();
        for (i, _) in madoguchi::domain::rules::dispatch::audit_visits(&fy.visits, &minutes) {
            if !d.visits[i].d1_override {
                n += 1;
            }
        }
    })
    .unwrap();
    n
}

#[test]
fn r_d1_a_sixth_visit_dated_earlier_puts_the_override_on_the_sixth_by_date() {
    let (_dir, mut store) = temp_store();
    let (id, _) = approved(&mut store);
    let ids: Vec<i64> = (1..=5).map(|d| add(&mut store, &visit(id, date(7, d), 2), "").unwrap()).collect();
    let early = visit(id, date(6, 20), 1);
    assert_eq!(
        add(&mut store, &early, ""),
        Err(Refusal::Findings(vec![Finding::TooManyVisits { visits: 5, limit: 5 }])),
        "refused without a reason, whatever the date"
    );
    let new = add(&mut store, &early, "所長承認").unwrap();
    assert_eq!(overridden(&store), vec![ids[4]], "by date the visit of 7/5 is the sixth: the override is its");
    assert_ne!(ids[4], new);
    assert_eq!(check_problems(&store), 0, "check counts in date order too and finds the override");
}

#[test]
fn r_d1_editing_a_visit_checks_without_it_and_asks_for_its_override_again() {
    let (_dir, mut store) = temp_store();
    let (id, _) = approved(&mut store);
    let ids: Vec<i64> = (1..=5).map(|d| add(&mut store, &visit(id, date(7, d), 3), "").unwrap()).collect();
    // 15 h in five visits: the fifth may stay 3 h (the rules count the other four, 12 h)...
    assert_eq!(edit(&mut store, ids[4], &visit(id, date(7, 10), 3), ""), Ok(()));
    // ...but not 4 h: longer than a visit may be, and beyond 15 h.
    let longer = visit(id, date(7, 10), 4);
    let Err(Refusal::Findings(f)) = edit(&mut store, ids[4], &longer, "") else { panic!("refused") };
    assert!(f.contains(&Finding::VisitTooLong { minutes: 240, limit: 180 }), "{f:?}");
    assert_eq!(edit(&mut store, ids[4], &longer, "工場の全ラインを見るため"), Ok(()));
    assert_eq!(overridden(&store), vec![ids[4]]);
    // Back within the limits: the override no longer applies and goes.
    assert_eq!(edit(&mut store, ids[4], &visit(id, date(7, 10), 2), ""), Ok(()));
    assert!(overridden(&store).is_empty());
    assert_eq!(check_problems(&store), 0);
    // A stale edit (from a form opened before the edits above) writes nothing.
    let fy = fy();
    let stale = store
        .act_if("dispatch.edit_visit", |tx| {
            workflow::update_visit(tx, &fy, ids[4], 1, &visit(id, date(7, 1), 1), "", "山田")
        })
        .unwrap();
    assert!(matches!(stale, Err(Refusal::Changed(_))), "{stale:?}");
}

#[test]
fn removing_a_visit_is_one_action_undone_with_its_override() {
    let (_dir, mut store) = temp_store();
    let (id, expert) = approved(&mut store);
    let ids: Vec<i64> = (1..=6)
        .map(|d| add(&mut store, &visit(id, date(7, d), 1), if d == 6 { "追加支援" } else { "" }).unwrap())
        .collect();
    assert_eq!(overridden(&store), vec![ids[5]]);
    let count = |s: &Store| -> i64 {
        s.conn().query_row("SELECT COUNT(*) FROM visit WHERE dispatch_id = ?1", [id], |r| r.get(0)).unwrap()
    };
    let rv = row_version(&store, ids[5]);
    let removed = store.act_if("dispatch.remove_visit", |tx| workflow::remove_visit(tx, ids[5], rv)).unwrap();
    assert_eq!(removed, Ok(()));
    assert_eq!((count(&store), overridden(&store)), (5, vec![]));
    assert_eq!(store.undo().unwrap(), Ok("dispatch.remove_visit".to_string()));
    assert_eq!((count(&store), overridden(&store)), (6, vec![ids[5]]), "the visit and its override come back");
    assert_eq!(check_problems(&store), 0);

    // A visit with an honorarium in the ledger stays.
    store
        .conn()
        .execute(
            "INSERT INTO payment (fiscal_year, expert_id, visit_id, net_yen, status, proposed_on)
             VALUES (2025, ?1, ?2, 10000, 'proposed', '2025-07-02')",
            [expert, ids[0]],
        )
        .unwrap();
    let rv = row_version(&store, ids[0]);
    let refused = store.act_if("dispatch.remove_visit", |tx| workflow::remove_visit(tx, ids[0], rv)).unwrap();
    assert_eq!(refused, Err(Refusal::VisitHasPayment));
    assert_eq!(count(&store), 6);
}

#[test]
fn a_visit_records_the_applications_expert_and_removing_the_only_one_makes_it_approved_again() {
    let (_dir, mut store) = temp_store();
    let (id, expert) = approved(&mut store);
    let v = add(&mut store, &visit(id, date(7, 1), 2), "").unwrap();
    let recorded: Option<i64> =
        store.conn().query_row("SELECT expert_id FROM visit WHERE id = ?1", [v], |r| r.get(0)).unwrap();
    assert_eq!(recorded, Some(expert));
    let status = |s: &Store| -> (String, String) {
        s.conn()
            .query_row("SELECT status, status_on FROM dispatch WHERE id = ?1", [id], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
    };
    assert_eq!(status(&store), ("visiting".to_string(), "2025-07-01".to_string()));
    let rv = row_version(&store, v);
    store.act_if("dispatch.remove_visit", |tx| workflow::remove_visit(tx, v, rv)).unwrap().unwrap();
    assert_eq!(status(&store), ("approved".to_string(), "2025-06-03".to_string()), "as decided, before any visit");
}

#[test]
fn r_d3_staff_pickers_list_the_chambers_guidance_officers_first_and_the_desks_coordinators() {
    use madoguchi::domain::model::{DeskRole, StaffRole};
    let (_dir, mut store) = temp_store();
    let (chamber, officer) = store
        .act("seed", |tx| {
            let chamber: i64 =
                tx.query_row("SELECT id FROM organisation WHERE kind = 'shokokai' ORDER BY id LIMIT 1", [], |r| {
                    r.get(0)
                })?;
            let add = |name: &str, reading: &str, role: &str| -> anyhow::Result<i64> {
                tx.execute(
                    "INSERT INTO organisation_staff (organisation_id, name, reading, role) VALUES (?1, ?2, ?3, ?4)",
                    rusqlite::params![chamber, name, reading, role],
                )?;
                Ok(tx.last_insert_rowid())
            };
            add("相良 一", "あいら", "support_officer")?;
            let officer = add("中村 翔", "なかむら", "guidance_officer")?;
            tx.execute(
                "INSERT INTO desk_staff (name, reading, role) VALUES ('松本 あかり', 'まつもと', 'coordinator')",
                [],
            )?;
            tx.execute("INSERT INTO desk_staff (name, reading, role) VALUES ('事務 花子', 'じむ', 'clerk')", [])?;
            Ok((chamber, officer))
        })
        .unwrap();
    let people = staff::of_chamber(store.conn(), chamber).unwrap();
    assert!(
        matches!(&people[0], staff::StaffMember::Chamber { id, role: StaffRole::GuidanceOfficer, .. } if *id == officer),
        "{people:?}"
    );
    let desk = staff::of_desk(store.conn()).unwrap();
    assert!(desk.iter().all(|m| !matches!(m, staff::StaffMember::Desk { role: DeskRole::Clerk, .. })), "{desk:?}");
    assert!(desk.iter().any(|m| m.name() == "松本 あかり"));
}

fn consultation(caller: &str, phone: &str, content: &str) -> NewConsultation {
    NewConsultation {
        fiscal_year: 2025,
        received_on: date(9, 1),
        received_min: None,
        channel: ConsultationChannel::Phone,
        caller_name: caller.into(),
        caller_phone: phone.into(),
        business_id: None,
        chamber_id: None,
        theme: None,
        content: content.into(),
        handled_by_id: None,
        outcome: ConsultationOutcome::Dispatch,
    }
}

#[test]
fn a_consultation_becomes_one_application_only() {
    let (_dir, mut store) = temp_store();
    let (first, _) = approved(&mut store);
    let c = store
        .act("consultation.create", |tx| workflow::create_consultation(tx, &consultation("田中", "", "EC")))
        .unwrap();
    let business: i64 =
        store.conn().query_row("SELECT business_id FROM dispatch WHERE id = ?1", [first], |r| r.get(0)).unwrap();
    let d = NewDispatch {
        fiscal_year: 2025,
        business_id: business,
        chamber_id: None,
        guidance_officer_id: None,
        received_on: date(9, 2),
        theme: 2,
        sections: vec![],
        recommended_expert_id: None,
    };
    let made = store.act_if("dispatch.create", |tx| workflow::create_dispatch(tx, &d, Some(c), None, false)).unwrap();
    let (_, number) = made.unwrap();
    let again = store.act_if("dispatch.create", |tx| workflow::create_dispatch(tx, &d, Some(c), None, false)).unwrap();
    assert_eq!(again, Err(Refusal::AlreadyLinked(number)), "the first link is kept, nothing else written");
    let applications: i64 = store.conn().query_row("SELECT COUNT(*) FROM dispatch", [], |r| r.get(0)).unwrap();
    assert_eq!(applications, 2);
    assert_eq!(consultations::linked_dispatch(store.conn(), c).unwrap(), Some(number));
}

#[test]
fn the_consultations_filter_folds_kana_width_and_finds_phone_digits() {
    let (_dir, mut store) = temp_store();
    store
        .act("seed", |tx| {
            workflow::create_consultation(tx, &consultation("ﾀﾅｶ様", "096-123-4567", "ECサイトの立ち上げ"))?;
            workflow::create_consultation(tx, &consultation("髙橋", "0964-22-1111", "インボイス対応のPOSレジ"))?;
            Ok(())
        })
        .unwrap();
    let conn = store.conn();
    let callers = |text: &str| -> Vec<String> {
        consultations::page(conn, 2025, text, 0, 10).unwrap().into_iter().map(|r| r.caller_name).collect()
    };
    assert_eq!(callers("たなか"), ["ﾀﾅｶ様"], "hiragana finds half-width katakana");
    assert_eq!(callers("ｐｏｓ"), ["髙橋"], "full-width Latin finds the content");
    assert_eq!(callers("1234567"), ["ﾀﾅｶ様"], "phone digits");
    assert_eq!(callers("").len(), 2);
    assert_eq!(consultations::count(conn, 2025, "いんぼいす").unwrap(), 1);
    assert!(callers("存在しない").is_empty());
}
