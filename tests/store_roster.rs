//! Store tests of the roster on real SQLite files in a temporary directory: the expert list and its filters,
//! "find" with R-D5 conflicts, assigning (refused without a reason when related, audited with one), duplicate
//! warnings, delete refused with history, retire, business edit and the business card's history.

use chrono::NaiveDate;
use madoguchi::domain::model::{DispatchStatus, LegalForm, RelationKind};
use madoguchi::domain::records::{NewBusiness, NewDispatch, NewExpert, NewRelation};
use madoguchi::domain::rules::{Finding, RuleId};
use madoguchi::store::roster::experts::{self, ExpertFilter, ExpertSort};
use madoguchi::store::roster::{bodies as writes_bodies, cards, writes};
use madoguchi::store::workflow::Refusal;
use madoguchi::store::{Store, businesses, dispatches, organisations, search};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

struct Desk {
    _dir: tempfile::TempDir,
    store: Store,
    business: i64,
    dispatch: i64,
    takahashi: i64,
    sato: i64,
    suzuki: i64,
}

fn expert(name: &str, reading: &str, phone: &str, themes: &[u8], town: &str, conn: &rusqlite::Connection) -> NewExpert {
    NewExpert {
        name: name.into(),
        reading: reading.into(),
        qualifications: "中小企業診断士".into(),
        keywords: "freee、EC-CUBE".into(),
        themes: themes.to_vec(),
        phone: phone.into(),
        municipality_id: organisations::municipality_by_name(conn, town).unwrap(),
        ..Default::default()
    }
}

/// A desk with a business in 阿蘇市, an application under review (theme 3) and three experts: 高橋 (阿蘇, theme 3,
/// advisory contract with the business), 佐藤 (阿蘇, theme 3), 鈴木 (熊本市, theme 1).
fn desk() -> Desk {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("desk.db"), "山田").unwrap();
    let ids = store
        .act("seed", |tx| {
            let business = businesses::insert(
                tx,
                &NewBusiness {
                    name: "阿蘇の里ファーム".into(),
                    reading: "あそのさとふぁーむ".into(),
                    legal_form: Some(LegalForm::KabushikiKaisha),
                    phone: "0967-22-1234".into(),
                    municipality_id: organisations::municipality_by_name(tx, "阿蘇市")?,
                    ..Default::default()
                },
            )?;
            let takahashi = madoguchi::store::experts::insert(
                tx,
                &expert("高橋一郎", "たかはしいちろう", "090-1111-2222", &[3], "阿蘇市", tx),
            )?;
            let sato = madoguchi::store::experts::insert(
                tx,
                &expert("佐藤花子", "さとうはなこ", "090-3333-4444", &[3, 5], "南阿蘇村", tx),
            )?;
            let suzuki =
                madoguchi::store::experts::insert(tx, &expert("鈴木次郎", "すずきじろう", "", &[1], "熊本市", tx))?;
            madoguchi::store::experts::insert_relation(
                tx,
                &NewRelation {
                    expert_id: takahashi,
                    business_id: business,
                    kind: RelationKind::AdvisoryContract,
                    from: Some(d(2024, 4, 1)),
                    until: None,
                    note: "顧問契約".into(),
                },
            )?;
            // An ended relation: no conflict for an application received after it ended.
            madoguchi::store::experts::insert_relation(
                tx,
                &NewRelation {
                    expert_id: sato,
                    business_id: business,
                    kind: RelationKind::BelongsTo,
                    from: None,
                    until: Some(d(2024, 3, 31)),
                    note: String::new(),
                },
            )?;
            let (dispatch, _) = dispatches::insert(
                tx,
                &NewDispatch {
                    fiscal_year: 2025,
                    business_id: business,
                    chamber_id: None,
                    guidance_officer_id: None,
                    received_on: d(2025, 10, 1),
                    theme: 3,
                    sections: Vec::new(),
                    recommended_expert_id: None,
                },
            )?;
            dispatches::set_status(tx, dispatch, DispatchStatus::UnderReview, d(2025, 10, 2))?;
            Ok((business, dispatch, takahashi, sato, suzuki))
        })
        .unwrap();
    let (business, dispatch, takahashi, sato, suzuki) = ids;
    Desk { _dir: dir, store, business, dispatch, takahashi, sato, suzuki }
}

fn names(rows: &[experts::ExpertRow]) -> Vec<&str> {
    rows.iter().map(|r| r.name.as_str()).collect()
}

#[test]
fn the_expert_list_filters_by_text_theme_and_area_and_pages() {
    let desk = desk();
    let conn = desk.store.conn();
    let all = ExpertFilter::default();
    assert_eq!(experts::count(conn, &all).unwrap(), 3);
    let page = experts::page(conn, 2025, &all, 1, 1).unwrap();
    assert_eq!(names(&page), ["鈴木次郎"], "reading order, one row from the second");
    let theme3 = ExpertFilter { theme: Some(3), ..ExpertFilter::default() };
    assert_eq!(names(&experts::page(conn, 2025, &theme3, 0, 10).unwrap()), ["佐藤花子", "高橋一郎"]);
    let aso = experts::case(conn, desk.dispatch).unwrap().unwrap().area.unwrap();
    assert_eq!(aso.1, "阿蘇");
    let near = ExpertFilter { area_id: Some(aso.0), ..ExpertFilter::default() };
    assert_eq!(experts::count(conn, &near).unwrap(), 2, "南阿蘇村 lies in 阿蘇 too");
    let text = ExpertFilter { text: "すずき".into(), ..ExpertFilter::default() };
    assert_eq!(names(&experts::page(conn, 2025, &text, 0, 10).unwrap()), ["鈴木次郎"]);
    let rows = experts::page(conn, 2025, &all, 0, 10).unwrap();
    assert_eq!(rows[0].themes, vec![3, 5]);
}

#[test]
fn find_marks_r_d5_conflicts_with_the_applicant_only_while_the_relation_holds() {
    let desk = desk();
    let conn = desk.store.conn();
    let case = experts::case(conn, desk.dispatch).unwrap().unwrap();
    let f = ExpertFilter { theme: Some(case.theme), active_only: true, sort: ExpertSort::Hours, ..Default::default() };
    let rows = experts::candidates(conn, 2025, &case, &f, 0, 10).unwrap();
    let takahashi = rows.iter().find(|r| r.id == desk.takahashi).unwrap();
    assert_eq!(takahashi.conflicts.len(), 1);
    assert_eq!(takahashi.conflicts[0].rule(), RuleId::D5);
    assert!(matches!(takahashi.conflicts[0], Finding::ExpertRelated { relation: RelationKind::AdvisoryContract, .. }));
    let sato = rows.iter().find(|r| r.id == desk.sato).unwrap();
    assert!(sato.conflicts.is_empty(), "the relation ended before the application was received");
}

#[test]
fn assigning_a_related_expert_needs_a_reason_recorded_as_an_override() {
    let mut desk = desk();
    let (dispatch, takahashi) = (desk.dispatch, desk.takahashi);
    let refused =
        desk.store.act_if("roster.assign", |tx| writes::assign(tx, dispatch, takahashi, "  ", "山田")).unwrap();
    let Err(Refusal::Findings(f)) = refused else { panic!("{refused:?}") };
    assert_eq!(f[0].rule(), RuleId::D5);
    let conn = desk.store.conn();
    let expert: Option<i64> =
        conn.query_row("SELECT expert_id FROM dispatch WHERE id = ?1", [dispatch], |r| r.get(0)).unwrap();
    assert_eq!(expert, None, "nothing written");
    let ok = desk
        .store
        .act_if("roster.assign", |tx| {
            writes::assign(tx, dispatch, takahashi, "他に阿蘇で対応できる専門家がいない", "山田")
        })
        .unwrap();
    assert_eq!(ok, Ok(()));
    let conn = desk.store.conn();
    let expert: Option<i64> =
        conn.query_row("SELECT expert_id FROM dispatch WHERE id = ?1", [dispatch], |r| r.get(0)).unwrap();
    assert_eq!(expert, Some(takahashi));
    let (rule, reason, staff): (String, String, String) = conn
        .query_row(
            "SELECT rule, reason, staff FROM override WHERE record_table = 'dispatch' AND record_id = ?1",
            [dispatch],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (rule.as_str(), reason.as_str(), staff.as_str()),
        ("R-D5", "他に阿蘇で対応できる専門家がいない", "山田")
    );
    let audited: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM audit a JOIN action x ON x.id = a.action_id WHERE x.label = 'roster.assign'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audited, 2, "the dispatch update and the override row, in one action");
}

#[test]
fn assigning_an_unrelated_expert_needs_no_reason_and_a_retired_one_is_refused() {
    let mut desk = desk();
    let (dispatch, sato, suzuki) = (desk.dispatch, desk.sato, desk.suzuki);
    assert_eq!(desk.store.act_if("a", |tx| writes::assign(tx, dispatch, sato, "", "山田")).unwrap(), Ok(()));
    desk.store.act_if("r", |tx| writes::retire_expert(tx, suzuki, Some(d(2025, 11, 1)))).unwrap().unwrap();
    let r = desk.store.act_if("a", |tx| writes::assign(tx, dispatch, suzuki, "", "山田")).unwrap();
    assert_eq!(r, Err(Refusal::Missing));
    let active = ExpertFilter { active_only: true, ..Default::default() };
    assert_eq!(experts::count(desk.store.conn(), &active).unwrap(), 2, "retired experts drop out of find");
}

#[test]
fn a_new_expert_like_an_existing_one_is_a_possible_duplicate_until_confirmed() {
    let mut desk = desk();
    // Variant kanji and full-width digits fold to the same name and phone as the lookup folds them.
    let twin = NewExpert {
        name: "髙橋一郎".into(),
        phone: "０９０-１１１１-２２２２".into(),
        themes: vec![2],
        ..Default::default()
    };
    let r = desk.store.act_if("c", |tx| writes::create_expert(tx, &twin, "", false)).unwrap();
    let Err(Refusal::PossibleDuplicates(list)) = r else { panic!("{r:?}") };
    assert_eq!(list[0].0, desk.takahashi);
    let unknown = desk.store.act_if("c", |tx| writes::create_expert(tx, &twin, "大阪市", true)).unwrap();
    assert_eq!(unknown, Err(Refusal::UnknownMunicipality("大阪市".into())));
    let id = desk.store.act_if("c", |tx| writes::create_expert(tx, &twin, "天草", true)).unwrap().unwrap();
    let found = search::find(desk.store.conn(), search::Kind::Expert, "髙橋", 10).unwrap();
    assert!(found.contains(&id), "the new expert is in the lookup index");
}

#[test]
fn editing_an_expert_replaces_themes_reindexes_and_refuses_a_stale_version() {
    let mut desk = desk();
    let id = desk.suzuki;
    let card = experts::card(desk.store.conn(), 2025, id, d(2025, 11, 4)).unwrap().unwrap();
    let edit = NewExpert {
        name: "鈴木次郎".into(),
        reading: "すずきじろう".into(),
        keywords: "Instagram".into(),
        themes: vec![2, 4],
        ..Default::default()
    };
    let ok =
        desk.store.act_if("e", |tx| writes::update_expert(tx, id, card.row_version, &edit, "熊本市", false)).unwrap();
    assert_eq!(ok, Ok(()));
    let stale = desk.store.act_if("e", |tx| writes::update_expert(tx, id, card.row_version, &edit, "", false)).unwrap();
    assert!(matches!(&stale, Err(Refusal::Changed(Some(c))) if c.op == "update"), "{stale:?}");
    let row = experts::row(desk.store.conn(), 2025, id).unwrap().unwrap();
    assert_eq!(row.themes, vec![2, 4]);
    assert_eq!(search::find(desk.store.conn(), search::Kind::Expert, "instagram", 10).unwrap(), vec![id]);
}

#[test]
fn an_expert_with_history_is_not_deleted_one_without_is() {
    let mut desk = desk();
    let (dispatch, sato, suzuki) = (desk.dispatch, desk.sato, desk.suzuki);
    desk.store.act_if("a", |tx| writes::assign(tx, dispatch, sato, "", "山田")).unwrap().unwrap();
    let refused = desk.store.act_if("d", |tx| writes::delete_expert(tx, sato)).unwrap();
    let Err(h) = refused else { panic!("{refused:?}") };
    assert_eq!(h.applications, 1);
    assert_eq!(desk.store.act_if("d", |tx| writes::delete_expert(tx, suzuki)).unwrap(), Ok(Some(())));
    let conn = desk.store.conn();
    assert_eq!(experts::row(conn, 2025, suzuki).unwrap(), None);
    assert!(search::find(conn, search::Kind::Expert, "鈴木", 10).unwrap().is_empty(), "index rows go too");
}

#[test]
fn relations_end_and_the_expert_card_lists_them() {
    let mut desk = desk();
    let card = experts::card(desk.store.conn(), 2025, desk.takahashi, d(2025, 11, 4)).unwrap().unwrap();
    let rel = card.relations[0].id;
    assert_eq!(card.relations[0].business, "阿蘇の里ファーム");
    desk.store
        .act_if("x", |tx| writes::update_relation(tx, rel, Some(d(2024, 4, 1)), Some(d(2025, 9, 30)), ""))
        .unwrap()
        .unwrap();
    let case = experts::case(desk.store.conn(), desk.dispatch).unwrap().unwrap();
    let f = ExpertFilter { theme: Some(3), ..Default::default() };
    let rows = experts::candidates(desk.store.conn(), 2025, &case, &f, 0, 10).unwrap();
    assert!(rows.iter().all(|r| r.conflicts.is_empty()), "ended before the application was received");
}

#[test]
fn a_business_edit_warns_of_duplicates_by_corporate_number_and_the_card_keeps_the_history() {
    let mut desk = desk();
    let other = desk
        .store
        .act("b", |tx| {
            let id = businesses::insert(tx, &NewBusiness { name: "くまもと商店".into(), ..Default::default() })?;
            tx.execute("UPDATE business SET corporate_number = '1234567890123' WHERE id = ?1", [id])?;
            Ok(id)
        })
        .unwrap();
    let card = cards::business_card(desk.store.conn(), desk.business).unwrap().unwrap();
    let edit = writes::BusinessEdit {
        name: "阿蘇の里ファーム".into(),
        reading: "あそのさとふぁーむ".into(),
        corporate_number: Some("1234567890123".into()),
        municipality: "阿蘇市".into(),
        phone: "0967-22-1234".into(),
        ..Default::default()
    };
    let id = desk.business;
    let r = desk.store.act_if("e", |tx| writes::update_business(tx, id, card.row_version, &edit, false)).unwrap();
    let Err(Refusal::PossibleDuplicates(list)) = r else { panic!("{r:?}") };
    assert_eq!(list.iter().map(|x| x.0).collect::<Vec<_>>(), vec![other], "itself is never its own duplicate");
    let renamed = writes::BusinessEdit { name: "阿蘇の里農園".into(), ..edit };
    desk.store.act_if("e", |tx| writes::update_business(tx, id, card.row_version, &renamed, true)).unwrap().unwrap();
    assert_eq!(search::find(desk.store.conn(), search::Kind::Business, "阿蘇の里農", 5).unwrap(), vec![id]);
    let card = cards::business_card(desk.store.conn(), id).unwrap().unwrap();
    assert_eq!(card.history.len(), 1);
    assert_eq!(card.history[0].what, "R7-0001");
    assert_eq!(cards::count_businesses(desk.store.conn(), "").unwrap(), 2);
    assert!(cards::count_organisations(desk.store.conn(), "").unwrap() > 10);
}

#[test]
fn merging_a_duplicate_business_keeps_all_history_under_the_one_that_stays() {
    let mut desk = desk();
    let (keep, takahashi) = (desk.business, desk.takahashi);
    let dup = desk
        .store
        .act("dup", |tx| {
            let dup =
                businesses::insert(tx, &NewBusiness { name: "阿蘇の里ファーム (旧)".into(), ..Default::default() })?;
            dispatches::insert(
                tx,
                &NewDispatch {
                    fiscal_year: 2025,
                    business_id: dup,
                    chamber_id: None,
                    guidance_officer_id: None,
                    received_on: d(2025, 6, 1),
                    theme: 1,
                    sections: Vec::new(),
                    recommended_expert_id: None,
                },
            )?;
            madoguchi::store::experts::insert_relation(
                tx,
                &NewRelation {
                    expert_id: takahashi,
                    business_id: dup,
                    kind: RelationKind::BelongsTo,
                    from: None,
                    until: None,
                    note: String::new(),
                },
            )?;
            Ok(dup)
        })
        .unwrap();
    desk.store.act_if("m", |tx| writes_bodies::merge_business(tx, dup, keep)).unwrap().unwrap();
    let conn = desk.store.conn();
    let card = cards::business_card(conn, keep).unwrap().unwrap();
    assert_eq!(card.history.iter().filter(|h| h.contact == cards::Contact::Application).count(), 2);
    let gone = cards::business_card(conn, dup).unwrap().unwrap();
    assert_eq!(gone.merged_into.as_deref(), Some("阿蘇の里ファーム"));
    assert_eq!(cards::count_businesses(conn, "").unwrap(), 1, "the merged one leaves the list");
    assert_eq!(experts::relations_with(conn, takahashi, keep).unwrap().len(), 2, "relations follow (R-D5)");
    let again = desk.store.act_if("m", |tx| writes_bodies::merge_business(tx, dup, keep)).unwrap();
    assert_eq!(again, Err(Refusal::Missing), "an already merged business is not merged twice");
}

#[test]
fn organisations_are_added_renamed_and_retired_into_another_and_areas_edited() {
    let mut desk = desk();
    let edit = writes_bodies::OrganisationEdit {
        kind: Some(madoguchi::domain::model::OrganisationKind::Shokokai),
        name: "あさぎり町商工会".into(),
        reading: "あさぎりちょうしょうこうかい".into(),
        municipality: "あさぎり町".into(),
        ..Default::default()
    };
    let id = desk.store.act_if("o", |tx| writes_bodies::create_organisation(tx, &edit)).unwrap().unwrap();
    let card = cards::organisation_card(desk.store.conn(), id).unwrap().unwrap();
    assert_eq!(card.covers, vec!["あさぎり町".to_string()]);
    let renamed = writes_bodies::OrganisationEdit { name: "球磨南部商工会".into(), ..edit };
    desk.store
        .act_if("o", |tx| writes_bodies::update_organisation(tx, id, card.row_version, &renamed))
        .unwrap()
        .unwrap();
    assert_eq!(search::find(desk.store.conn(), search::Kind::Organisation, "球磨南部", 5).unwrap(), vec![id]);
    let fed = organisations::federation_id(desk.store.conn()).unwrap();
    desk.store
        .act_if("o", |tx| writes_bodies::retire_organisation(tx, id, d(2026, 3, 31), Some(fed)))
        .unwrap()
        .unwrap();
    let card = cards::organisation_card(desk.store.conn(), id).unwrap().unwrap();
    assert_eq!(card.retired_on, Some(d(2026, 3, 31)));
    assert!(card.merged_into.is_some());
    desk.store.act_if("a", |tx| writes_bodies::set_area(tx, "阿蘇市", "阿蘇北部")).unwrap().unwrap();
    let case = experts::case(desk.store.conn(), desk.dispatch).unwrap().unwrap();
    assert_eq!(case.area.unwrap().1, "阿蘇北部", "find's area follows the edited grouping");
    let unknown = desk.store.act_if("a", |tx| writes_bodies::set_area(tx, "大阪市", "阿蘇")).unwrap();
    assert_eq!(unknown, Err(Refusal::UnknownMunicipality("大阪市".into())));
}

#[test]
fn approving_on_tab_1_with_a_related_expert_is_refused_with_r_d5_until_a_reason_is_given() {
    use madoguchi::store::workflow::{TransitionDetails, transition};
    let mut desk = desk();
    let (dispatch, takahashi) = (desk.dispatch, desk.takahashi);
    let details = |reason: &str| TransitionDetails {
        expert_id: Some(takahashi),
        report_summary: String::new(),
        override_reason: reason.into(),
    };
    let (from, to, on) = (DispatchStatus::UnderReview, DispatchStatus::Approved, d(2025, 10, 3));
    let refused = desk
        .store
        .act_if("dispatch.status.approved", |tx| transition(tx, dispatch, from, to, on, &details(""), "山田"));
    let refused = refused.unwrap();
    let Err(Refusal::Findings(f)) = &refused else { panic!("{refused:?}") };
    assert_eq!(f[0].rule(), RuleId::D5);
    let status: String =
        desk.store.conn().query_row("SELECT status FROM dispatch WHERE id = ?1", [dispatch], |r| r.get(0)).unwrap();
    assert_eq!(status, "under_review", "nothing written");
    let ok = desk
        .store
        .act_if("dispatch.status.approved", |tx| {
            transition(tx, dispatch, from, to, on, &details("顧問先だが本人の希望が強い"), "山田")
        })
        .unwrap();
    assert_eq!(ok, Ok(()));
    let (status, expert, reason): (String, i64, String) = desk
        .store
        .conn()
        .query_row(
            "SELECT d.status, d.expert_id, o.reason FROM dispatch d
             JOIN override o ON o.record_table = 'dispatch' AND o.record_id = d.id AND o.rule = 'R-D5'
             WHERE d.id = ?1",
            [dispatch],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((status.as_str(), expert, reason.as_str()), ("approved", takahashi, "顧問先だが本人の希望が強い"));
}

#[test]
fn staff_retire_and_come_back_and_the_municipalities_covered_are_edited_each_in_one_audited_action() {
    use madoguchi::domain::model::StaffRole;
    let mut desk = desk();
    let org = desk
        .store
        .act_if("o", |tx| {
            writes_bodies::create_organisation(
                tx,
                &writes_bodies::OrganisationEdit {
                    kind: Some(madoguchi::domain::model::OrganisationKind::Shokokai),
                    name: "阿蘇北部商工会".into(),
                    municipality: "阿蘇市".into(),
                    ..Default::default()
                },
            )
        })
        .unwrap()
        .unwrap();
    let officer = desk
        .store
        .act("roster.staff.add", |tx| {
            writes_bodies::add_staff(tx, org, "中村 健", "なかむら けん", StaffRole::GuidanceOfficer, "")
        })
        .unwrap();
    let count = |store: &Store| cards::organisations(store.conn(), "阿蘇北部", 0, 5).unwrap()[0].count;
    assert_eq!(count(&desk.store), 1);
    let audits = |store: &Store, table: &str| -> i64 {
        store.conn().query_row("SELECT COUNT(*) FROM audit WHERE tbl = ?1", [table], |r| r.get(0)).unwrap()
    };
    let before = audits(&desk.store, "organisation_staff");
    desk.store
        .act_if("roster.staff.retire", |tx| writes_bodies::retire_staff(tx, officer, Some(d(2026, 3, 31))))
        .unwrap()
        .unwrap();
    assert_eq!(audits(&desk.store, "organisation_staff"), before + 1, "one audit row");
    let label: String = desk
        .store
        .conn()
        .query_row(
            "SELECT a.label FROM action a JOIN audit u ON u.action_id = a.id WHERE u.tbl = 'organisation_staff'
             ORDER BY u.seq DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(label, "roster.staff.retire", "under the action's label");
    let card = cards::organisation_card(desk.store.conn(), org).unwrap().unwrap();
    assert_eq!(card.staff[0].retired_on, Some(d(2026, 3, 31)), "kept on the card with the date");
    assert_eq!(count(&desk.store), 0, "no longer among the current staff");
    desk.store.act_if("roster.staff.retire", |tx| writes_bodies::retire_staff(tx, officer, None)).unwrap().unwrap();
    assert_eq!(count(&desk.store), 1, "back at work");
    let gone = desk.store.act_if("r", |tx| writes_bodies::retire_staff(tx, 9_999, None)).unwrap();
    assert_eq!(gone, Err(Refusal::Missing));

    let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    desk.store
        .act_if("roster.organisation.covers", |tx| {
            writes_bodies::set_covers(tx, org, &names(&["阿蘇", "小国町", "産山村"]))
        })
        .unwrap()
        .unwrap();
    let card = cards::organisation_card(desk.store.conn(), org).unwrap().unwrap();
    assert_eq!(card.covers.len(), 3, "阿蘇 reads as 阿蘇市: {:?}", card.covers);
    let before = audits(&desk.store, "organisation_municipality");
    desk.store
        .act_if("roster.organisation.covers", |tx| writes_bodies::set_covers(tx, org, &names(&["小国町", "産山村"])))
        .unwrap()
        .unwrap();
    let card = cards::organisation_card(desk.store.conn(), org).unwrap().unwrap();
    assert!(!card.covers.contains(&"阿蘇市".to_string()), "{:?}", card.covers);
    assert_eq!(audits(&desk.store, "organisation_municipality"), before + 1, "only the removed row changed");
    let unknown =
        desk.store.act_if("c", |tx| writes_bodies::set_covers(tx, org, &names(&["小国町", "大阪市"]))).unwrap();
    assert_eq!(unknown, Err(Refusal::UnknownMunicipality("大阪市".into())));
    let card = cards::organisation_card(desk.store.conn(), org).unwrap().unwrap();
    assert_eq!(card.covers.len(), 2, "a refusal changes nothing");
}

#[test]
fn a_renamed_organisation_keeps_its_old_name_in_its_history() {
    let mut desk = desk();
    let edit = writes_bodies::OrganisationEdit {
        kind: Some(madoguchi::domain::model::OrganisationKind::Shokokai),
        name: "免田町商工会".into(),
        municipality: "あさぎり町".into(),
        ..Default::default()
    };
    let id = desk.store.act_if("o", |tx| writes_bodies::create_organisation(tx, &edit)).unwrap().unwrap();
    let renamed = writes_bodies::OrganisationEdit { name: "あさぎり町商工会".into(), ..edit };
    desk.store
        .act_if("roster.organisation.edit", |tx| writes_bodies::update_organisation(tx, id, 1, &renamed))
        .unwrap()
        .unwrap();
    let (before, after): (String, String) = desk
        .store
        .conn()
        .query_row(
            "SELECT json_extract(before, '$.name'), json_extract(after, '$.name') FROM audit
             WHERE tbl = 'organisation' AND record_id = ?1 AND op = 'update' ORDER BY seq DESC LIMIT 1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((before.as_str(), after.as_str()), ("免田町商工会", "あさぎり町商工会"));
    assert!(search::find(desk.store.conn(), search::Kind::Organisation, "免田町", 5).unwrap().is_empty());
}
