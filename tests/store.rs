//! Store tests on real SQLite files in a temporary directory: migrations, reference data, actions and audit.

use madoguchi::domain::model::LegalForm;
use madoguchi::domain::records::NewBusiness;
use madoguchi::store::{Store, audit, businesses, check, migrations, organisations};

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("sub/desk.db"), "山田").unwrap();
    (dir, store)
}

fn business(name: &str) -> NewBusiness {
    NewBusiness {
        name: name.into(),
        reading: "たなかしょうてん".into(),
        legal_form: Some(LegalForm::KabushikiKaisha),
        phone: "096-123-4567".into(),
        ..Default::default()
    }
}

#[test]
fn migrates_from_empty_with_reference_data() {
    let (_dir, store) = temp_store();
    let conn = store.conn();
    assert_eq!(migrations::version(conn).unwrap() as usize, migrations::latest_version());
    let munis = organisations::municipalities(conn).unwrap();
    assert_eq!(munis.len(), 45);
    assert!(munis.iter().all(|m| m.area.is_some()), "every municipality has a default area");
    let aso = munis.iter().find(|m| m.name == "南阿蘇村").unwrap();
    assert_eq!(aso.area.as_deref(), Some("阿蘇"));
    assert!(organisations::federation_id(conn).is_ok());
    let chambers: i64 = conn
        .query_row("SELECT COUNT(*) FROM organisation WHERE kind IN ('shokokai', 'chamber_of_commerce')", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(chambers, 13);
    assert!(check::integrity(conn).unwrap().is_empty());
    assert!(check::foreign_keys(conn).unwrap().is_empty());
}

#[test]
fn connection_uses_wal_and_foreign_keys() {
    let (_dir, store) = temp_store();
    let mode: String = store.conn().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = store.conn().query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 1);
    let err = store.conn().execute("INSERT INTO business (name, chamber_id) VALUES ('x', 999999)", []);
    assert!(err.is_err(), "a dangling chamber is refused");
}

#[cfg(unix)]
#[test]
fn database_file_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, _store) = temp_store();
    let mode = std::fs::metadata(dir.path().join("sub/desk.db")).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let dmode = std::fs::metadata(dir.path().join("sub")).unwrap().permissions().mode();
    assert_eq!(dmode & 0o777, 0o700);
}

#[test]
fn reopening_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk.db");
    drop(Store::open(&path, "a").unwrap());
    let store = Store::open(&path, "a").unwrap();
    assert_eq!(organisations::municipalities(store.conn()).unwrap().len(), 45);
}

#[test]
fn one_action_is_one_transaction_with_audit_rows() {
    let (_dir, mut store) = temp_store();
    let (a, b) = store
        .act("business.create_two", |tx| {
            Ok((
                businesses::insert(tx, &business("田中商店")).unwrap(),
                businesses::insert(tx, &business("髙橋商店")).unwrap(),
            ))
        })
        .unwrap();
    let history = audit::history(store.conn(), "business", a).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].op, "insert");
    assert_eq!(history[0].staff.as_deref(), Some("山田"));
    let after: serde_json::Value = serde_json::from_str(history[0].after.as_deref().unwrap()).unwrap();
    assert_eq!(after["name"], "田中商店");
    assert_eq!(after["phone_digits"], "0961234567");
    let other = audit::history(store.conn(), "business", b).unwrap();
    assert_eq!(other[0].action_id, history[0].action_id, "both rows belong to one action");
    let (label, staff) = audit::action_label(store.conn(), history[0].action_id.unwrap()).unwrap().unwrap();
    assert_eq!((label.as_str(), staff.as_str()), ("business.create_two", "山田"));
}

#[test]
fn a_failed_action_leaves_nothing_behind() {
    let (_dir, mut store) = temp_store();
    let before: i64 = store.conn().query_row("SELECT COUNT(*) FROM action", [], |r| r.get(0)).unwrap();
    let result: anyhow::Result<()> = store.act("business.create", |tx| {
        businesses::insert(tx, &business("田中商店"))?;
        anyhow::bail!("simulated failure after the first write")
    });
    assert!(result.is_err());
    let conn = store.conn();
    let n: i64 = conn.query_row("SELECT COUNT(*) FROM business", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 0);
    let after: i64 = conn.query_row("SELECT COUNT(*) FROM action", [], |r| r.get(0)).unwrap();
    assert_eq!(after, before);
    let audits: i64 = conn.query_row("SELECT COUNT(*) FROM audit WHERE tbl = 'business'", [], |r| r.get(0)).unwrap();
    assert_eq!(audits, 0);
}

#[test]
fn direct_sql_changes_are_audited_without_an_action() {
    let (_dir, mut store) = temp_store();
    let id = store.act("business.create", |tx| businesses::insert(tx, &business("田中商店"))).unwrap();
    store.conn().execute("UPDATE business SET name = '田中商店本店' WHERE id = ?1", [id]).unwrap();
    let h = audit::history(store.conn(), "business", id).unwrap();
    assert_eq!(h.len(), 2);
    assert_eq!(h[1].op, "update");
    assert_eq!(h[1].action_id, None);
    assert!(h[1].before.as_deref().unwrap().contains("田中商店"));
    assert!(h[1].after.as_deref().unwrap().contains("田中商店本店"));
}

#[test]
fn open_existing_never_creates_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo.db");
    assert!(Store::open_existing(&path, "a").is_err());
    assert!(!path.exists());
}

#[test]
fn lookup_index_is_written_with_the_record_and_folds_queries() {
    use madoguchi::store::search::{Kind, find};
    let (_dir, mut store) = temp_store();
    let id = store
        .act("business.create", |tx| {
            businesses::insert(
                tx,
                &NewBusiness {
                    name: "㈱田中商店".into(),
                    reading: "たなかしょうてん".into(),
                    phone: "096-123-4567".into(),
                    ..Default::default()
                },
            )
        })
        .unwrap();
    let other = store.act("business.create", |tx| businesses::insert(tx, &business("髙橋工務店"))).unwrap();
    let conn = store.conn();
    for q in
        ["ﾀﾅｶｼｮｳﾃﾝ", "タナカ", "田中", "田中商店", "株式会社田中商店", "tanaka", "0961234567", "096-123-4567", "4567"]
    {
        let found = find(conn, Kind::Business, q, 10).unwrap();
        assert!(found.contains(&id), "{q} finds 田中商店: {found:?}");
    }
    assert_eq!(find(conn, Kind::Business, "高橋", 10).unwrap(), vec![other], "variant kanji fold");
    assert!(find(conn, Kind::Business, "鈴木", 10).unwrap().is_empty());
    let chambers = find(conn, Kind::Organisation, "やつしろ", 10).unwrap();
    assert_eq!(
        chambers.len(),
        2,
        "八代商工会議所 and 八代市商工会: reference organisations are indexed by the migration: {chambers:?}"
    );
}

#[test]
fn lookup_matches_every_kind_of_caller_input() {
    use madoguchi::domain::fiscal_year::FiscalYear;
    use madoguchi::domain::records::{NewDispatch, NewExpert};
    use madoguchi::store::lookup::{HitKind, lookup};
    use madoguchi::store::{dispatches, experts};
    let fy = FiscalYear::from_toml(include_str!("../assets/fiscal-years/2025.toml")).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2025, 11, 4).unwrap();
    let (_dir, mut store) = temp_store();
    let (business_id, expert_id) = store
        .act("seed", |tx| {
            let b = businesses::insert(
                tx,
                &NewBusiness {
                    name: "山﨑カフェ".into(),
                    reading: "やまさきかふぇ".into(),
                    phone: "0967-12-3456".into(),
                    ..Default::default()
                },
            )?;
            let e = experts::insert(
                tx,
                &NewExpert {
                    name: "髙橋 誠".into(),
                    reading: "たかはし まこと".into(),
                    keywords: "EC-CUBE、Instagram".into(),
                    qualifications: "中小企業診断士".into(),
                    phone: "090-1111-2222".into(),
                    themes: vec![2, 3],
                    ..Default::default()
                },
            )?;
            for _ in 0..12 {
                dispatches::insert(
                    tx,
                    &NewDispatch {
                        fiscal_year: 2025,
                        business_id: b,
                        chamber_id: None,
                        guidance_officer_id: None,
                        received_on: chrono::NaiveDate::from_ymd_opt(2025, 6, 2).unwrap(),
                        theme: 2,
                        sections: vec![],
                        recommended_expert_id: None,
                    },
                )?;
            }
            Ok((b, e))
        })
        .unwrap();
    let find = |q: &str, kind: HitKind| -> Vec<i64> {
        lookup(store.conn(), &fy, today, q, 8)
            .unwrap()
            .into_iter()
            .filter(|g| g.0 == kind)
            .flat_map(|g| g.1.into_iter().map(|h| h.id))
            .collect()
    };
    // Names (variant kanji), readings (hiragana for a kanji name), romaji, half-width katakana.
    assert!(find("山崎", HitKind::Business).contains(&business_id), "variant kanji 﨑/崎");
    assert!(find("やまさき", HitKind::Business).contains(&business_id), "reading");
    assert!(find("ﾔﾏｻｷｶﾌｪ", HitKind::Business).contains(&business_id), "half-width katakana");
    assert!(find("ｶﾌｪ", HitKind::Business).contains(&business_id), "half-width katakana inside the name");
    assert!(find("yamasaki", HitKind::Business).contains(&business_id), "romaji");
    assert!(find("takahashi", HitKind::Expert).contains(&expert_id), "romaji for an expert");
    assert!(find("高橋", HitKind::Expert).contains(&expert_id), "髙/高");
    // Phone numbers with or without hyphens, and their last digits.
    for q in ["0967123456", "0967-12-3456", "０９６７ １２ ３４５６", "3456"] {
        assert!(find(q, HitKind::Business).contains(&business_id), "phone {q}");
    }
    // Expert specialties and qualifications.
    assert!(find("instagram", HitKind::Expert).contains(&expert_id), "keyword");
    assert!(find("診断士", HitKind::Expert).contains(&expert_id), "qualification");
    // Application numbers in every form, and dates in ISO or 和暦.
    let twelve: i64 = store
        .conn()
        .query_row("SELECT id FROM dispatch WHERE fiscal_year = 2025 AND seq = 12", [], |r| r.get(0))
        .unwrap();
    for q in ["R7-12", "R7-0012", "12", "ｒ７－１２"] {
        assert_eq!(find(q, HitKind::Application).first(), Some(&twelve), "number {q}");
    }
    for q in ["2025-06-02", "R7.6.2", "令和7年6月2日"] {
        assert!(!find(q, HitKind::Application).is_empty(), "date {q}");
    }
    // Organisations by reading.
    assert!(!find("ひとよし", HitKind::Organisation).is_empty());
}

#[test]
fn an_edit_from_a_stale_screen_is_refused_not_overwritten() {
    use madoguchi::store::workflow::{DispatchEdit, Refusal, update_dispatch};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("desk.db");
    let mut a = Store::open(&path, "山田").unwrap();
    let mut b = Store::open(&path, "佐藤").unwrap();
    let date = |d| chrono::NaiveDate::from_ymd_opt(2025, 6, d).unwrap();
    let id = seed_approved_dispatch(&mut a);
    let version_seen_by_a: i64 =
        a.conn().query_row("SELECT row_version FROM dispatch WHERE id = ?1", [id], |r| r.get(0)).unwrap();
    let edit = |theme| DispatchEdit {
        chamber_id: None,
        guidance_officer_id: None,
        received_on: date(3),
        theme,
        sections: vec![],
    };
    // B (the other console) saves first.
    let ok = b.act_if("dispatch.edit", |tx| update_dispatch(tx, id, version_seen_by_a, &edit(2))).unwrap();
    assert_eq!(ok, Ok(()));
    // A saves from what it read before: refused, B's change stays.
    let refused = a.act_if("dispatch.edit", |tx| update_dispatch(tx, id, version_seen_by_a, &edit(5))).unwrap();
    // The refusal says who changed what, from the audit trail.
    let Err(Refusal::Changed(Some(latest))) = refused else { panic!("{refused:?}") };
    assert_eq!((latest.staff.as_deref(), latest.label.as_deref()), (Some("佐藤"), Some("dispatch.edit")));
    assert!(latest.fields.contains(&("theme".to_string(), Some("1".to_string()), Some("2".to_string()))));
    let theme: i64 = a.conn().query_row("SELECT theme FROM dispatch WHERE id = ?1", [id], |r| r.get(0)).unwrap();
    assert_eq!(theme, 2);
    let labels: i64 =
        a.conn().query_row("SELECT COUNT(*) FROM action WHERE label = 'dispatch.edit'", [], |r| r.get(0)).unwrap();
    assert_eq!(labels, 1, "the refused save left no action behind");
}

/// An application of `business_id` received on 2025-06-02 for theme 1.
fn new_dispatch(business_id: i64) -> madoguchi::domain::records::NewDispatch {
    madoguchi::domain::records::NewDispatch {
        fiscal_year: 2025,
        business_id,
        chamber_id: None,
        guidance_officer_id: None,
        received_on: chrono::NaiveDate::from_ymd_opt(2025, 6, 2).unwrap(),
        theme: 1,
        sections: vec![],
        recommended_expert_id: None,
    }
}

fn seed_approved_dispatch(store: &mut Store) -> i64 {
    use madoguchi::domain::model::DispatchStatus;
    use madoguchi::store::dispatches;
    store
        .act("seed", |tx| {
            let business_id = businesses::insert(tx, &business("田中商店"))?;
            let id = dispatches::insert(tx, &new_dispatch(business_id))?.0;
            dispatches::set_status(
                tx,
                id,
                DispatchStatus::Approved,
                chrono::NaiveDate::from_ymd_opt(2025, 6, 3).unwrap(),
            )?;
            Ok(id)
        })
        .unwrap()
}

fn visit_of(dispatch_id: i64) -> madoguchi::domain::records::NewVisit {
    use madoguchi::domain::model::{AccompanimentKind, PlaceKind};
    madoguchi::domain::records::NewVisit {
        dispatch_id,
        date: chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap(),
        start_min: 600,
        end_min: 720,
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

#[test]
fn undo_puts_a_whole_action_back_and_redo_reapplies_it() {
    use madoguchi::store::workflow::add_visit;
    let fy = madoguchi::domain::fiscal_year::FiscalYear::from_toml(include_str!("../assets/fiscal-years/2025.toml"))
        .unwrap();
    let (_dir, mut store) = temp_store();
    let id = seed_approved_dispatch(&mut store);
    let visit =
        store.act_if("dispatch.add_visit", |tx| add_visit(tx, &fy, &visit_of(id), "", "山田")).unwrap().unwrap();
    let status = |s: &Store| -> (String, i64) {
        s.conn()
            .query_row(
                "SELECT status, (SELECT COUNT(*) FROM visit WHERE dispatch_id = d.id) FROM dispatch d WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };
    assert_eq!(status(&store), ("visiting".into(), 1));
    // One action = the visit and the status change: undone together.
    assert_eq!(store.undo().unwrap(), Ok("dispatch.add_visit".to_string()));
    assert_eq!(status(&store), ("approved".into(), 0));
    assert_eq!(store.redo().unwrap(), Ok("dispatch.add_visit".to_string()));
    assert_eq!(status(&store), ("visiting".into(), 1));
    let back: i64 = store.conn().query_row("SELECT id FROM visit WHERE dispatch_id = ?1", [id], |r| r.get(0)).unwrap();
    assert_eq!(back, visit, "the same row comes back");
    let labels: Vec<String> = store
        .conn()
        .prepare("SELECT label FROM action ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        labels[labels.len() - 2..],
        ["undo:dispatch.add_visit".to_string(), "redo:dispatch.add_visit".to_string()]
    );
    assert!(madoguchi::store::check::integrity(store.conn()).unwrap().is_empty());
    assert!(madoguchi::store::check::foreign_keys(store.conn()).unwrap().is_empty());
}

#[test]
fn undo_is_refused_when_a_later_change_depends_on_it() {
    use madoguchi::store::undo::UndoRefusal;
    let (_dir, mut store) = temp_store();
    let id = seed_approved_dispatch(&mut store);
    // Another console (or direct SQL) changes the same application afterwards.
    store.conn().execute("UPDATE dispatch SET note = '電話で確認済み' WHERE id = ?1", [id]).unwrap();
    assert_eq!(store.undo().unwrap(), Err(UndoRefusal::LaterChange { table: "dispatch".into(), record_id: id }));
    let note: String = store.conn().query_row("SELECT note FROM dispatch WHERE id = ?1", [id], |r| r.get(0)).unwrap();
    assert_eq!(note, "電話で確認済み", "nothing was undone");
}

#[test]
fn undo_is_refused_when_records_added_later_link_to_the_record() {
    use madoguchi::store::dispatches;
    use madoguchi::store::undo::UndoRefusal;
    let (_dir, mut store) = temp_store();
    let id = store.act("business.create", |tx| businesses::insert(tx, &business("阿蘇茶房"))).unwrap();
    // Another console records an application of the new business.
    let mut other = Store::open(store.path(), "佐藤").unwrap();
    other.act("dispatch.create", |tx| dispatches::insert(tx, &new_dispatch(id))).unwrap();
    assert_eq!(store.undo().unwrap(), Err(UndoRefusal::Linked { table: "business".into(), record_id: id }));
    let kept: i64 = store.conn().query_row("SELECT COUNT(*) FROM business WHERE id = ?1", [id], |r| r.get(0)).unwrap();
    assert_eq!(kept, 1, "nothing was undone");
    assert!(madoguchi::store::check::foreign_keys(store.conn()).unwrap().is_empty());
    // Once the application is undone, so can the business be.
    other.undo().unwrap().unwrap();
    assert_eq!(store.undo().unwrap(), Ok("business.create".to_string()));
}

#[test]
fn undoing_a_new_business_removes_it_from_the_lookup() {
    use madoguchi::store::search::{Kind, find};
    let (_dir, mut store) = temp_store();
    let id = store.act("business.create", |tx| businesses::insert(tx, &business("髙橋菓子舗"))).unwrap();
    assert_eq!(find(store.conn(), Kind::Business, "高橋", 5).unwrap(), vec![id]);
    store.undo().unwrap().unwrap();
    assert!(find(store.conn(), Kind::Business, "高橋", 5).unwrap().is_empty());
    store.redo().unwrap().unwrap();
    assert_eq!(find(store.conn(), Kind::Business, "高橋", 5).unwrap(), vec![id]);
    assert_eq!(store.redo().unwrap(), Err(madoguchi::store::undo::UndoRefusal::Nothing));
}

#[test]
fn an_application_number_is_never_given_twice_even_after_undo() {
    let (_dir, mut store) = temp_store();
    let first = seed_approved_dispatch(&mut store);
    store.undo().unwrap().unwrap();
    let second = seed_approved_dispatch(&mut store);
    let seq: i64 = store.conn().query_row("SELECT seq FROM dispatch WHERE id = ?1", [second], |r| r.get(0)).unwrap();
    assert_eq!(seq, 2, "R7-0001 went to the undone application (id {first}); the next one is R7-0002");
}

#[test]
fn hours_left_near_the_period_end_counts_visits_too() {
    use madoguchi::store::needs_action::{Reason, Settings, items};
    use madoguchi::store::workflow::add_visit;
    let fy = madoguchi::domain::fiscal_year::FiscalYear::from_toml(include_str!("../assets/fiscal-years/2025.toml"))
        .unwrap();
    let (_dir, mut store) = temp_store();
    let four = seed_approved_dispatch(&mut store);
    let five = seed_approved_dispatch(&mut store);
    for (id, n) in [(four, 4), (five, 5)] {
        for _ in 0..n {
            store.act_if("dispatch.add_visit", |tx| add_visit(tx, &fy, &visit_of(id), "", "山田")).unwrap().unwrap();
        }
    }
    let near_end = Settings {
        today: chrono::NaiveDate::from_ymd_opt(2026, 2, 10).unwrap(),
        report_overdue_days: 30,
        period_end_warning_days: 30,
    };
    let (total, listed) = items(store.conn(), &fy, &near_end, Reason::HoursLeftNearPeriodEnd, 20).unwrap();
    assert_eq!(total, 1, "five visits used = nothing left, however many hours remain");
    assert_eq!((listed[0].dispatch_id, listed[0].minutes_left), (four, Some(900 - 4 * 120)));
    let early = Settings { today: chrono::NaiveDate::from_ymd_opt(2025, 11, 4).unwrap(), ..near_end };
    assert_eq!(
        items(store.conn(), &fy, &early, Reason::HoursLeftNearPeriodEnd, 20).unwrap().0,
        0,
        "not yet near the end"
    );
}

#[test]
fn a_jump_to_an_application_of_another_year_is_refused() {
    use madoguchi::store::needs_action::queue_position;
    let (_dir, mut store) = temp_store();
    let id = seed_approved_dispatch(&mut store);
    assert_eq!(queue_position(store.conn(), 2025, id).unwrap(), Some(0));
    assert_eq!(queue_position(store.conn(), 2026, id).unwrap(), None, "not an application of FY2026");
    assert_eq!(queue_position(store.conn(), 2025, id + 1000).unwrap(), None, "no such application");
}
