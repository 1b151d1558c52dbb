//! Reducer tests of the roster: pure state and effects, no database.

use chrono::NaiveDate;

use super::*;
use crate::app::Purpose as AppPurpose;
use crate::domain::model::{DispatchNumber, DispatchStatus, RejectionGround, RelationKind};
use crate::domain::rules::Finding;

fn session() -> Session {
    Session::for_tests()
}

fn expert(id: i64, name: &str) -> ExpertRow {
    ExpertRow {
        id,
        name: name.into(),
        reading: String::new(),
        themes: vec![1, 3],
        keywords: "freee".into(),
        qualifications: "中小企業診断士".into(),
        affiliation: String::new(),
        region: "熊本市".into(),
        area: None,
        retired_on: None,
        visits: 0,
        minutes: 0,
        honoraria_yen: 0,
        conflicts: Vec::new(),
    }
}

fn case() -> Case {
    Case {
        dispatch_id: 12,
        number: DispatchNumber { fiscal_year: 2025, seq: 12 },
        status: DispatchStatus::UnderReview,
        theme: 3,
        business_id: 40,
        business: "阿蘇の里ファーム".into(),
        area: Some((2, "阿蘇".into())),
        received_on: NaiveDate::from_ymd_opt(2025, 10, 1).unwrap(),
        expert_id: None,
    }
}

fn page_request(fx: &[Effect]) -> (u64, ExpertFilter, Option<i64>, usize, usize) {
    match fx {
        [Effect::Roster(Load::Page { generation, filter, case, offset, limit, .. }), ..] => {
            (*generation, filter.clone(), *case, *offset, *limit)
        }
        other => panic!("{other:?}"),
    }
}

fn loaded(n: usize) -> State {
    let mut st = State::default();
    let fx = st.set_viewport(5);
    let (generation, ..) = page_request(&fx);
    let rows: Vec<ExpertRow> = (0..5).map(|i| expert(i as i64 + 1, &format!("専門家{i}"))).collect();
    st.reply(Reply::Experts { generation, total: n, offset: 0, rows }, &session());
    st
}

#[test]
fn the_viewport_asks_for_exactly_the_visible_rows() {
    let mut st = State::default();
    let (_, filter, case, offset, limit) = page_request(&st.set_viewport(17));
    assert_eq!((offset, limit, case), (0, 17, None));
    assert!(!filter.active_only);
}

#[test]
fn moving_past_the_page_requests_the_next_rows_only() {
    let mut st = loaded(100);
    let s = session();
    for _ in 0..4 {
        assert!(st.command(Command::Down, &s).effects.is_empty());
    }
    let (_, _, _, offset, limit) = page_request(&st.command(Command::Down, &s).effects);
    assert_eq!((offset, limit), (1, 5));
}

#[test]
fn stale_pages_are_dropped() {
    let mut st = loaded(100);
    let s = session();
    st.command(Command::CycleTheme, &s);
    st.reply(Reply::Experts { generation: 1, total: 3, offset: 0, rows: vec![expert(9, "古い")] }, &s);
    assert_eq!(st.pager.total, 100, "an answer to an older request changes nothing");
}

#[test]
fn theme_and_sort_filters_cycle_and_requery_from_the_top() {
    let mut st = loaded(100);
    let s = session();
    st.pager.selected = 3;
    let (_, f, ..) = page_request(&st.command(Command::CycleTheme, &s).effects);
    assert_eq!(f.theme, Some(1));
    assert_eq!(st.pager.selected, 0);
    let (_, f, ..) = page_request(&st.command(Command::CycleSort, &s).effects);
    assert_eq!(f.sort, ExpertSort::Affiliation);
    let (_, f, ..) = page_request(&st.command(Command::ReverseSort, &s).effects);
    assert!(f.descending);
}

#[test]
fn v_cycles_the_three_lists() {
    let mut st = loaded(10);
    let s = session();
    st.command(Command::RosterList, &s);
    assert_eq!(st.list, List::Businesses);
    st.command(Command::RosterList, &s);
    assert_eq!(st.list, List::Organisations);
    st.command(Command::RosterList, &s);
    assert_eq!(st.list, List::Experts);
}

#[test]
fn enter_opens_the_card_and_esc_closes_it() {
    let mut st = loaded(10);
    let s = session();
    st.command(Command::Down, &s);
    let fx = st.command(Command::Open, &s).effects;
    assert_eq!(fx, vec![Effect::Roster(Load::Card { kind: HitKind::Expert, id: 2 })]);
    assert!(st.card_pending);
    st.command(Command::Back, &s);
    assert!(!st.card_pending && st.card.is_none());
    st.reply(Reply::Card(None), &s);
    assert!(st.card.is_none(), "a card arriving after Esc is not shown");
}

#[test]
fn typing_a_filter_requeries_from_the_top() {
    let mut st = loaded(10);
    let s = session();
    st.command(Command::Filter, &s);
    let (_, f, ..) = page_request(&st.filter_key(None, Key::Char('高')));
    assert_eq!(f.text, "高");
    st.filter_key(Some(Command::ApplyFilter), Key::Enter);
    assert!(st.filter_input.is_none());
    let (_, f, ..) = page_request(&st.command(Command::Back, &s).effects);
    assert_eq!(f.text, "", "Esc in the list clears the filter");
}

#[test]
fn the_lookup_opens_a_business_card_on_the_business_list() {
    let mut st = State::default();
    let fx = st.show(HitKind::Business, 40);
    assert_eq!(st.list, List::Businesses);
    assert!(fx.contains(&Effect::Roster(Load::Card { kind: HitKind::Business, id: 40 })), "{fx:?}");
}

#[test]
fn find_starts_with_the_case_theme_area_and_fewest_hours_and_esc_returns_to_tab_1() {
    let mut st = loaded(10);
    let s = session();
    st.filter.text = "freee".into();
    assert_eq!(st.find_for(12)[0], Effect::Roster(Load::Case { dispatch_id: 12 }));
    let step = st.reply(Reply::Case(Some(case())), &s);
    let (_, f, case_id, offset, _) = page_request(&step.effects);
    assert_eq!(
        (f.theme, f.area_id, f.sort, f.active_only, case_id, offset),
        (Some(3), Some(2), ExpertSort::Hours, true, Some(12), 0)
    );
    let (_, f, ..) = page_request(&st.command(Command::CycleTheme, &s).effects);
    assert_eq!(f.theme, None, "t widens to every theme");
    let step = st.command(Command::Back, &s);
    assert_eq!(step.tab, Some(Tab::Applications));
    assert!(st.case.is_none());
    assert_eq!(st.filter.text, "freee", "the list's own filter comes back");
}

#[test]
fn choosing_a_related_candidate_asks_for_a_reason_with_the_r_d5_ground() {
    let mut st = State::default();
    let s = session();
    st.set_viewport(5);
    let step = st.reply(Reply::Case(Some(case())), &s);
    let (generation, ..) = page_request(&step.effects);
    let mut related = expert(7, "高橋一郎");
    related.conflicts = vec![Finding::ExpertRelated {
        ground: RejectionGround::new(2).unwrap(),
        relation: RelationKind::AdvisoryContract,
    }];
    st.reply(Reply::Experts { generation, total: 1, offset: 0, rows: vec![related] }, &s);
    let step = st.command(Command::Open, &s);
    let Some((AppPurpose::Roster(Purpose::Assign { dispatch_id: 12, expert_id: 7 }), form)) = step.form else {
        panic!("{:?}", step.form)
    };
    let reason = form.field("reason").unwrap();
    assert!(!reason.hidden);
    assert!(reason.error.as_deref().unwrap().starts_with("R-D5:"), "{:?}", reason.error);
}

#[test]
fn an_assignment_returns_to_tab_1_with_a_notice_and_closes_the_form() {
    let mut st = State::default();
    let s = session();
    st.reply(Reply::Case(Some(case())), &s);
    let step = st.reply(Reply::Assigned { number: "R7-0012".into(), expert: "高橋一郎".into() }, &s);
    assert_eq!(step.tab, Some(Tab::Applications));
    assert!(step.close_form);
    assert_eq!(step.notice.as_deref(), Some("高橋一郎 を R7-0012 に割り当てました"));
    assert!(st.case.is_none());
}

#[test]
fn a_refused_delete_says_why_and_suggests_retiring() {
    let mut st = State::default();
    let s = session();
    let h = History { applications: 2, visits: 5, events: 1, payments: 6 };
    let step = st.reply(Reply::Deleted(Err(h)), &s);
    let e = step.error.unwrap();
    assert!(e.contains("派遣5回") && e.contains("退任"), "{e}");
}

#[test]
fn areas_are_read_on_the_first_a_and_then_cycled() {
    let mut st = loaded(10);
    let s = session();
    assert_eq!(st.command(Command::CycleArea, &s).effects, vec![Effect::Roster(Load::Areas)]);
    let step = st.reply(Reply::Areas(vec![(1, "熊本".into()), (2, "阿蘇".into())]), &s);
    let (_, f, ..) = page_request(&step.effects);
    assert_eq!(f.area_id, Some(1));
    let (_, f, ..) = page_request(&st.command(Command::CycleArea, &s).effects);
    assert_eq!(f.area_id, Some(2));
    let (_, f, ..) = page_request(&st.command(Command::CycleArea, &s).effects);
    assert_eq!(f.area_id, None, "after the last area: anywhere");
}

fn card_with_relations() -> ExpertCard {
    use crate::store::roster::experts::RelationLine;
    let line = |id, until| RelationLine {
        id,
        business_id: 40,
        business: "阿蘇の里ファーム".into(),
        kind: RelationKind::BelongsTo,
        from: None,
        until,
        note: String::new(),
    };
    ExpertCard {
        row: expert(7, "高橋一郎"),
        phone: String::new(),
        email: String::new(),
        address: String::new(),
        municipality_id: None,
        is_corporation: false,
        note: String::new(),
        row_version: 1,
        relations: vec![line(1, None), line(2, NaiveDate::from_ymd_opt(2024, 3, 31))],
        upcoming: Vec::new(),
        history: Vec::new(),
        history_total: 0,
    }
}

#[test]
fn on_an_expert_card_j_k_pick_a_relation_that_x_edits_and_delete_removes() {
    let mut st = loaded(10);
    let s = session();
    st.command(Command::Open, &s);
    st.reply(Reply::Card(Some(Card::Expert(Box::new(card_with_relations())))), &s);
    st.command(Command::Down, &s);
    assert_eq!(st.relation, 1);
    st.command(Command::Down, &s);
    assert_eq!(st.relation, 1, "stays on the last relation");
    let step = st.command(Command::EditRelation, &s);
    let Some((AppPurpose::Roster(Purpose::EditRelation { id: 2 }), form)) = step.form else {
        panic!("{:?}", step.form)
    };
    assert_eq!(form.text("until"), "2024-03-31", "an ended relation keeps its end date");
    st.command(Command::Up, &s);
    let step = st.command(Command::EditRelation, &s);
    let Some((_, form)) = step.form else { panic!() };
    assert_eq!(form.text("until"), "2025-11-04", "an open relation is offered today as its end");
    let step = st.command(Command::DeleteRelation, &s);
    assert!(matches!(step.form, Some((AppPurpose::Roster(Purpose::DeleteRelation { id: 1 }), _))));
    let step = st.command(Command::New, &s);
    assert!(step.error.is_some(), "n does nothing on a card but say so");
}

#[test]
fn pgdn_scrolls_a_card_and_g_returns_to_its_top() {
    let mut st = loaded(10);
    let s = session();
    st.command(Command::Open, &s);
    st.reply(Reply::Card(Some(Card::Expert(Box::new(card_with_relations())))), &s);
    st.command(Command::PageDown, &s);
    assert_eq!(st.card_scroll, 10);
    st.command(Command::Top, &s);
    assert_eq!(st.card_scroll, 0);
}

fn organisation_card() -> OrganisationCard {
    use crate::domain::model::OrganisationKind;
    use crate::store::roster::cards::StaffLine;
    let staff = |id, name: &str, retired_on| StaffLine {
        id,
        name: name.into(),
        role: StaffRole::GuidanceOfficer,
        phone: String::new(),
        retired_on,
    };
    OrganisationCard {
        id: 30,
        kind: OrganisationKind::Shokokai,
        name: "阿蘇市商工会".into(),
        reading: "あそししょうこうかい".into(),
        municipality: Some("阿蘇市".into()),
        address: String::new(),
        phone: String::new(),
        email: String::new(),
        retired_on: None,
        merged_into: None,
        row_version: 3,
        staff: vec![staff(5, "中村 健", None), staff(6, "井上 誠", NaiveDate::from_ymd_opt(2025, 3, 31))],
        covers: vec!["阿蘇市".into(), "南小国町".into()],
        desk_staff: Vec::new(),
    }
}

#[test]
fn on_an_organisation_card_x_retires_the_selected_staff_member_or_puts_them_back() {
    let mut st = loaded(10);
    let s = session();
    st.command(Command::RetireStaff, &s);
    assert!(st.card_pending, "on the list, x opens the card first");
    st.reply(Reply::Card(Some(Card::Organisation(Box::new(organisation_card())))), &s);
    let step = st.command(Command::RetireStaff, &s);
    let Some((AppPurpose::Roster(Purpose::RetireStaff { id: 5 }), form)) = step.form else { panic!("{:?}", step.form) };
    assert_eq!(form.text("on"), "2025-11-04", "today unless changed");
    st.command(Command::Down, &s);
    assert_eq!(st.relation, 1);
    let step = st.command(Command::RetireStaff, &s);
    let save = Save::RetireStaff { id: 6, on: None };
    assert_eq!(step.effects, vec![Effect::Save(Box::new(crate::app::SaveRequest::Roster(save)))], "back at work");
}

#[test]
fn c_edits_the_municipalities_an_organisation_covers() {
    let mut st = loaded(10);
    let s = session();
    st.command(Command::Open, &s);
    st.reply(Reply::Card(Some(Card::Organisation(Box::new(organisation_card())))), &s);
    let step = st.command(Command::EditCovers, &s);
    let Some((AppPurpose::Roster(purpose @ Purpose::EditCovers { organisation_id: 30 }), mut form)) = step.form else {
        panic!("{:?}", step.form)
    };
    assert_eq!(form.text("covers"), "阿蘇市、南小国町", "the current ones, to edit");
    form.field_mut("covers").unwrap().input = crate::app::input::LineInput::new("阿蘇市、小国町 産山村");
    let Ok(crate::app::SaveRequest::Roster(save)) = to_request(purpose, &form, &s) else { panic!() };
    let municipalities = vec!["阿蘇市".to_string(), "小国町".into(), "産山村".into()];
    assert_eq!(save, Save::SetCovers { organisation_id: 30, municipalities });
}
