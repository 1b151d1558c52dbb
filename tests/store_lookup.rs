//! Store tests of the global lookup (issue 5) on real SQLite files in a temporary directory: events and Form 4
//! claims in the folded index (written with the record, renamed with it, undone with it), and the ranking —
//! exact and prefix matches first, then records opened recently, then active ones.

use chrono::NaiveDate;
use madoguchi::domain::fiscal_year::FiscalYear;
use madoguchi::domain::model::{ClaimStatus, EventKind, EventStatus, VenueKind};
use madoguchi::domain::records::{NewBusiness, NewClaim, NewDispatch, NewEvent, NewExpert};
use madoguchi::store::lookup::{Groups, HitKind, lookup, remember};
use madoguchi::store::{Store, businesses, dispatches, events, experts, ledger, organisations};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(if m < 4 { 2026 } else { 2025 }, m, day).unwrap()
}

fn fy() -> FiscalYear {
    FiscalYear::from_toml(include_str!("../assets/fiscal-years/2025.toml")).unwrap()
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("desk.db"), "山田").unwrap();
    (dir, store)
}

/// The ids of `kind` the lookup shows for `query`, in order (today: 2025-11-04).
fn ids(store: &Store, query: &str, kind: HitKind) -> Vec<i64> {
    let groups: Groups = lookup(store.conn(), &fy(), d(11, 4), query, 8).unwrap();
    groups.into_iter().filter(|g| g.0 == kind).flat_map(|g| g.1.into_iter().map(|h| h.id)).collect()
}

fn event(organiser_id: i64, title: &str, date: NaiveDate) -> NewEvent {
    NewEvent {
        fiscal_year: 2025,
        kind: EventKind::Seminar,
        organiser_id,
        title: title.into(),
        theme: 3,
        date,
        start_min: 13 * 60,
        end_min: 15 * 60,
        venue_name: "阿蘇市民会館".into(),
        venue_kind: VenueKind::PublicFacility,
        venue_fee_yen: 5_000,
        municipality_id: None,
        capacity: Some(30),
        registrations: 0,
        attendance: None,
        slot_minutes: None,
        series_id: None,
        status: EventStatus::Approved,
        cancel_reason: String::new(),
        applied_on: None,
        press_release_on: None,
        web_page_on: None,
        partner_notice_on: None,
    }
}

#[test]
fn an_event_is_found_by_its_title_typed_in_any_kana_and_width() {
    let (_dir, mut store) = store();
    let id = store
        .act("test.event", |tx| {
            let org = organisations::federation_id(tx)?;
            events::insert(tx, &event(org, "SNS集客セミナー", d(11, 20)))
        })
        .unwrap();
    for q in ["ｾﾐﾅｰ", "せみなー", "セミナ", "sns集客", "ＳＮＳ", "阿蘇市民"] {
        assert_eq!(ids(&store, q, HitKind::Event), vec![id], "{q} finds the seminar");
    }
    assert_eq!(ids(&store, "R7.11.20", HitKind::Event), vec![id], "by its date in 和暦");
    // Renamed: the index follows in the same transaction.
    store
        .act("test.rename", |tx| Ok(tx.execute("UPDATE event SET title = 'EC入門講座' WHERE id = ?1", [id])?))
        .unwrap();
    store
        .act("test.reindex", |tx| {
            madoguchi::store::search::reindex_record(tx, madoguchi::store::search::Kind::Event, id)
        })
        .unwrap();
    assert!(ids(&store, "ｾﾐﾅｰ", HitKind::Event).is_empty());
    assert_eq!(ids(&store, "ec入門", HitKind::Event), vec![id]);
}

#[test]
fn a_claim_is_found_by_its_payee_its_number_and_its_receipt() {
    let (_dir, mut store) = store();
    let (claim, org) = store
        .act("test.claim", |tx| {
            let org: i64 =
                tx.query_row("SELECT id FROM organisation WHERE kind = 'shokokai' ORDER BY id LIMIT 1", [], |r| {
                    r.get(0)
                })?;
            let ev = events::insert(tx, &event(org, "キャッシュレス決済講習会", d(9, 10)))?;
            let claim = ledger::insert_claim(
                tx,
                &NewClaim {
                    fiscal_year: 2025,
                    event_id: ev,
                    organisation_id: org,
                    amount_yen: 5_000,
                    receipt_ref: "ASO-2025-0917".into(),
                    claimed_on: d(9, 17),
                    status: ClaimStatus::Submitted,
                },
            )?;
            Ok((claim, org))
        })
        .unwrap();
    let payee: String =
        store.conn().query_row("SELECT reading FROM organisation WHERE id = ?1", [org], |r| r.get(0)).unwrap();
    for q in [payee.as_str(), &claim.to_string(), "aso-2025", "ｷｬｯｼｭﾚｽ"] {
        assert!(ids(&store, q, HitKind::Claim).contains(&claim), "{q} finds claim No.{claim}");
    }
}

#[test]
fn exact_and_prefix_matches_first_then_recent_then_active() {
    let (_dir, mut store) = store();
    let b = |tx: &rusqlite::Transaction, name: &str, reading: &str| {
        businesses::insert(tx, &NewBusiness { name: name.into(), reading: reading.into(), ..Default::default() })
    };
    let [substring_idle, substring_recent, substring_open, prefix, exact] = store
        .act("test.arrange", |tx| {
            let ids = [
                b(tx, "北中商店", "きたなかしょうてん")?,
                b(tx, "南田中青果", "みなみたなかせいか")?,
                b(tx, "東田中工務店", "ひがしたなかこうむてん")?,
                b(tx, "田中商店", "たなかしょうてん")?,
                b(tx, "田中", "たなか")?,
            ];
            let app = NewDispatch {
                fiscal_year: 2025,
                business_id: ids[2],
                chamber_id: None,
                guidance_officer_id: None,
                received_on: d(10, 1),
                theme: 1,
                sections: vec![],
                recommended_expert_id: None,
            };
            dispatches::insert(tx, &app)?;
            Ok(ids)
        })
        .unwrap();
    remember(store.conn(), HitKind::Business, substring_recent).unwrap();
    assert_eq!(
        ids(&store, "たなか", HitKind::Business),
        vec![exact, prefix, substring_recent, substring_open, substring_idle],
        "exact, prefix, then the substring matches: recently opened, with an open application, the rest"
    );
}

#[test]
fn open_applications_active_experts_and_upcoming_events_come_first() {
    let (_dir, mut store) = store();
    let (closed, open, retired, active, past, upcoming) = store
        .act("test.arrange", |tx| {
            let business = businesses::insert(
                tx,
                &NewBusiness {
                    name: "阿蘇の里ファーム".into(),
                    reading: "あそのさとふぁーむ".into(),
                    ..Default::default()
                },
            )?;
            let app = |received_on| NewDispatch {
                fiscal_year: 2025,
                business_id: business,
                chamber_id: None,
                guidance_officer_id: None,
                received_on,
                theme: 1,
                sections: vec![],
                recommended_expert_id: None,
            };
            // The newer application is closed: the older, open one still comes first.
            let (open, _) = dispatches::insert(tx, &app(d(5, 1)))?;
            let (closed, _) = dispatches::insert(tx, &app(d(6, 1)))?;
            tx.execute("UPDATE dispatch SET status = 'closed' WHERE id = ?1", [closed])?;
            let expert = |name: &str| {
                experts::insert(tx, &NewExpert { name: name.into(), reading: "たかはし".into(), ..Default::default() })
            };
            let retired = expert("髙橋 誠")?;
            tx.execute("UPDATE expert SET retired_on = '2025-08-31' WHERE id = ?1", [retired])?;
            let active = expert("高橋 健")?;
            let org = organisations::federation_id(tx)?;
            let past = events::insert(tx, &event(org, "インボイス対応セミナー", d(6, 10)))?;
            let upcoming = events::insert(tx, &event(org, "インボイス対応セミナー", d(12, 10)))?;
            Ok((closed, open, retired, active, past, upcoming))
        })
        .unwrap();
    assert_eq!(ids(&store, "阿蘇の里", HitKind::Application), vec![open, closed], "open before closed");
    assert_eq!(ids(&store, "たかはし", HitKind::Expert), vec![active, retired], "active before retired");
    assert_eq!(ids(&store, "インボイス", HitKind::Event), vec![upcoming, past], "upcoming before past");
    // A record opened recently outranks activity within its match class.
    remember(store.conn(), HitKind::Expert, retired).unwrap();
    assert_eq!(ids(&store, "たかはし", HitKind::Expert), vec![retired, active]);
}

/// The applications queue's and the consultations list's text filters (issue 11): every application of every
/// matching business (not the best few hundred businesses), following a rename, a merge and their undo.
#[test]
fn list_filters_find_every_match_and_follow_renames_merges_and_undo() {
    use madoguchi::domain::model::{ConsultationChannel, ConsultationOutcome};
    use madoguchi::domain::records::NewConsultation;
    use madoguchi::store::queue::{Query, QueueFilter};
    use madoguchi::store::search::{Kind, reindex_record};
    use madoguchi::store::{consultations, roster};
    let (_dir, mut store) = store();
    let (first, last) = store
        .act("test.arrange", |tx| {
            let mut ids = Vec::new();
            // More matching businesses than the lookup ever shows, each with an application.
            for i in 0..620 {
                let name = format!("田中商店{i:03}");
                // The first one's representative matches too: its application still counts once.
                let representative = if i == 0 { "田中 一郎".to_string() } else { String::new() };
                let business = businesses::insert(tx, &NewBusiness { name, representative, ..Default::default() })?;
                let app = NewDispatch {
                    fiscal_year: 2025,
                    business_id: business,
                    chamber_id: None,
                    guidance_officer_id: None,
                    received_on: d(5, 1),
                    theme: 1,
                    sections: vec![],
                    recommended_expert_id: None,
                };
                dispatches::insert(tx, &app)?;
                ids.push(business);
            }
            let consultation = NewConsultation {
                fiscal_year: 2025,
                received_on: d(9, 1),
                received_min: None,
                channel: ConsultationChannel::Phone,
                caller_name: "佐藤".into(),
                caller_phone: "096-123-4567".into(),
                business_id: Some(ids[0]),
                chamber_id: None,
                theme: None,
                content: "ECサイトの相談".into(),
                handled_by_id: None,
                outcome: ConsultationOutcome::Dispatch,
            };
            consultations::insert(tx, &consultation)?;
            Ok((ids[0], ids[619]))
        })
        .unwrap();
    let queue = |store: &Store, text: &str| {
        Query::new(2025, &QueueFilter { text: text.into(), ..QueueFilter::default() }).count(store.conn()).unwrap()
    };
    let consulted = |store: &Store, text: &str| consultations::count(store.conn(), 2025, text).unwrap();
    assert_eq!(queue(&store, "田中"), 620, "every application of the 620 businesses, not the best 500");
    assert_eq!(queue(&store, "ﾀﾅｶ"), 0, "no reading was given");
    assert_eq!(queue(&store, "商店619"), 1, "a substring");
    assert_eq!(queue(&store, "R7-12"), 1, "the application number");
    assert_eq!(queue(&store, "R7-12 "), 1);
    assert_eq!(consulted(&store, "田中商店000"), 1, "through the linked business");
    assert_eq!(consulted(&store, "田中"), 1, "its name and representative both match: counted once");
    assert_eq!(consulted(&store, "佐藤"), 1, "the caller");
    assert_eq!(consulted(&store, "4567"), 1, "the last digits of the caller's phone");
    assert_eq!(consulted(&store, "いーしー"), 0);
    assert_eq!(consulted(&store, "ｅｃｻｲﾄ"), 1, "the content, folded");

    // A rename: the old name no longer finds its application and consultation, the new one does; undo reverts.
    store
        .act("business.update", |tx| {
            tx.execute("UPDATE business SET name = '阿蘇の里ファーム' WHERE id = ?1", [first])?;
            reindex_record(tx, Kind::Business, first)
        })
        .unwrap();
    assert_eq!((queue(&store, "田中商店"), queue(&store, "阿蘇の里")), (619, 1));
    assert_eq!((consulted(&store, "田中商店"), consulted(&store, "阿蘇の里")), (0, 1));
    store.undo().unwrap().unwrap();
    assert_eq!((queue(&store, "田中商店"), queue(&store, "阿蘇の里")), (620, 0));
    assert_eq!(consulted(&store, "田中商店000"), 1);

    // A merge moves the applications and the consultation to the business kept: found by its name only.
    store.act_if("business.merge", |tx| roster::bodies::merge_business(tx, first, last)).unwrap().unwrap();
    assert_eq!((queue(&store, "田中商店000"), queue(&store, "田中商店619")), (0, 2));
    assert_eq!((consulted(&store, "田中商店000"), consulted(&store, "田中商店619")), (0, 1));
    store.undo().unwrap().unwrap();
    assert_eq!((queue(&store, "田中商店000"), queue(&store, "田中商店619")), (1, 1));
    assert_eq!(consulted(&store, "田中商店000"), 1);
}

/// The lookup's small kinds share one full-text pass for their substring probe (issue 11); each kind finds
/// exactly what it finds alone, in the same order.
#[test]
fn the_shared_substring_pass_finds_what_each_kind_finds_alone() {
    use madoguchi::store::search::{Kind, find_ranked, find_ranked_each};
    let (_dir, mut store) = store();
    madoguchi::demo::generate(&mut store, &fy(), 1, 1).unwrap();
    let kinds = [Kind::Expert, Kind::Organisation, Kind::Event, Kind::Claim];
    let mut substring = 0;
    for query in ["たなか", "しようてん", "ﾀﾅｶｼｮｳﾃﾝ", "熊本", "セミナー", "商工会", "kumamoto", "ｄｘ", "096", "会議室"]
    {
        for limit in [1, 3, 15] {
            let each = find_ranked_each(store.conn(), &kinds, query, limit).unwrap();
            for (kind, found) in kinds.iter().zip(&each) {
                let alone = find_ranked(store.conn(), *kind, query, limit).unwrap();
                assert!(found.len() <= limit, "{kind:?} {query} {limit}");
                assert_eq!(*found, alone, "{kind:?} {query} {limit}");
                substring +=
                    found.iter().filter(|m| m.class == madoguchi::store::search::MatchClass::Substring).count();
            }
        }
    }
    assert!(substring >= 20, "the queries find records by substring: {substring}");
}
