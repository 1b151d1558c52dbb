//! Reducer tests of the ledger: no terminal, no database.

use chrono::NaiveDate;

use super::*;
use crate::app::Purpose as P;
use crate::domain::model::VenueKind;

fn session() -> Session {
    Session::for_tests()
}

fn claim(status: ClaimStatus) -> ClaimRow {
    let d = NaiveDate::from_ymd_opt(2025, 10, 20).unwrap();
    ClaimRow {
        id: 9,
        event: "DX入門".into(),
        event_date: d,
        venue: "公民館".into(),
        venue_kind: VenueKind::PublicFacility,
        organisation: "多良木町商工会".into(),
        amount_yen: 12_000,
        receipt_ref: String::new(),
        claimed_on: d,
        status,
        checked: None,
        approved: None,
        paid: None,
        return_reason: String::new(),
        note: String::new(),
        row_version: 3,
    }
}

/// A state showing `rows` as its first page.
fn loaded(view: View, rows: Rows) -> State {
    let mut st = State { view, ..State::default() };
    st.set_viewport(10);
    let generation = st.pager.generation;
    st.reply(Reply::Page { generation, total: 1, offset: 0, rows }, &session());
    st
}

fn page(fx: &[Effect]) -> Option<(View, TotalsBy, bool)> {
    fx.iter().find_map(|e| match e {
        Effect::Ledger(Load::Page { view, by, filter, .. }) => Some((*view, *by, filter.unpaid_only)),
        _ => None,
    })
}

#[test]
fn v_cycles_the_views_and_o_the_totals_grouping() {
    let s = session();
    let mut st = State::default();
    st.set_viewport(10);
    let mut seen = Vec::new();
    for _ in 0..4 {
        let step = st.command(Command::LedgerView, &s);
        seen.push(page(&step.effects).unwrap().0);
    }
    assert_eq!(seen, [View::Payments, View::Work, View::Totals, View::Claims]);
    assert!(st.command(Command::TotalsBy, &s).effects.is_empty(), "o only groups the totals");
    st.view = View::Totals;
    let step = st.command(Command::TotalsBy, &s);
    assert_eq!(page(&step.effects), Some((View::Totals, TotalsBy::Organisation, false)));
}

#[test]
fn s_toggles_unpaid_only_and_the_page_reloads() {
    let s = session();
    let mut st = State::default();
    st.set_viewport(10);
    let step = st.command(Command::CycleStatusFilter, &s);
    assert_eq!(page(&step.effects), Some((View::Claims, TotalsBy::Month, true)));
}

#[test]
fn stale_pages_are_dropped() {
    let mut st = State::default();
    st.set_viewport(10);
    let old = st.pager.generation;
    st.command(Command::Refresh, &session());
    st.reply(Reply::Page { generation: old, total: 1, offset: 0, rows: Rows::Claims(vec![]) }, &session());
    assert!(st.rows.is_none());
}

#[test]
fn t_on_a_claim_opens_the_next_step_with_today_and_x_returns_it() {
    let s = session();
    let mut st = loaded(View::Claims, Rows::Claims(vec![claim(ClaimStatus::Checked)]));
    let step = st.command(Command::Transition, &s);
    let (purpose, form) = step.form.expect("a form");
    assert_eq!(purpose, P::Ledger(Purpose::AdvanceClaim { id: 9, from: ClaimStatus::Checked }));
    assert!(form.title.contains("承認にする") && form.title.contains("山田"), "{}", form.title);
    assert_eq!(form.text("on"), "2025-11-04");
    let step = st.command(Command::Reject, &s);
    assert_eq!(step.form.unwrap().0, P::Ledger(Purpose::ReturnClaim { id: 9, from: ClaimStatus::Checked }));
}

#[test]
fn a_paid_claim_is_neither_stepped_edited_nor_returned() {
    let s = session();
    let mut st = loaded(View::Claims, Rows::Claims(vec![claim(ClaimStatus::Paid)]));
    for cmd in [Command::Transition, Command::Edit, Command::Reject] {
        let step = st.command(cmd, &s);
        assert!(step.form.is_none() && step.error.is_some(), "{cmd:?}");
    }
}

#[test]
fn enter_on_work_proposes_a_payment_from_the_fee_schedule() {
    let s = session();
    let work = WorkRow {
        visit_id: Some(4),
        event_id: None,
        expert_id: 2,
        expert: "髙橋 誠".into(),
        is_corporation: false,
        date: NaiveDate::from_ymd_opt(2025, 11, 1).unwrap(),
        title: "阿蘇の里ファーム".into(),
        minutes: 120,
        online: false,
    };
    let mut st = loaded(View::Work, Rows::Work(vec![work]));
    let (purpose, form) = st.command(Command::Open, &s).form.expect("a form");
    assert_eq!(purpose, P::Ledger(Purpose::NewPayment { expert_id: 2, visit_id: Some(4), event_id: None }));
    assert_eq!(form.text("honorarium"), "30000");
    assert!(form.message.as_deref().unwrap().contains("¥3,063"), "{:?}", form.message);
    let request = to_request(Purpose::NewPayment { expert_id: 2, visit_id: Some(4), event_id: None }, &form, &s);
    match request {
        Ok(crate::app::SaveRequest::Ledger(Save::CreatePayment(p))) => {
            assert_eq!((p.honorarium_yen, p.travel_yen, p.visit_id), (30_000, 0, Some(4)));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn amounts_are_read_as_yen_and_bad_ones_stay_next_to_the_field() {
    let s = session();
    let mut form = forms::new_claim(&s);
    let set = |form: &mut Form, key: &str, text: &str| {
        form.field_mut(key).unwrap().input = LineInput::new(text);
    };
    set(&mut form, "amount", "１２，０００円");
    let errors = to_request(Purpose::NewClaim, &form, &s).unwrap_err();
    assert_eq!(errors.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(), ["event"], "{errors:?}");
    for (typed, expect) in
        [("-500", "マイナス"), ("12.5", "円未満"), ("0", "0円"), ("70,000,000", "予算総額"), ("abc", "読めません")]
    {
        set(&mut form, "amount", typed);
        let errors = to_request(Purpose::NewClaim, &form, &s).unwrap_err();
        let amount = errors.iter().find(|e| e.0 == "amount").map(|e| e.1.clone()).unwrap_or_default();
        assert!(amount.contains(expect), "{typed}: {amount}");
    }
}

#[test]
fn an_r_s5_refusal_belongs_next_to_the_event() {
    assert_eq!(
        forms::field_for(&crate::domain::rules::Finding::NoFeeForOfficeVenue { venue: VenueKind::BusinessOffice }),
        "event"
    );
    assert_eq!(forms::field_for(&crate::domain::rules::Finding::NothingToPay), "honorarium");
}

#[test]
fn a_claim_from_the_lookup_is_located_and_its_card_opened() {
    let s = session();
    let mut st = State::default();
    st.set_viewport(10);
    st.filter.text = "天草".into();
    let fx = st.show(HitKind::Claim, 9);
    assert_eq!(fx, vec![Effect::Ledger(Load::Locate { claim_id: 9 })]);
    assert!(st.filter.text.is_empty(), "the unfiltered list");
    let step = st.reply(Reply::Located(Some(14)), &s);
    assert_eq!((st.pager.selected, st.card), (14, true));
    assert!(matches!(step.effects.as_slice(), [Effect::Ledger(Load::Page { offset: 10, .. })]), "{:?}", step.effects);
}
