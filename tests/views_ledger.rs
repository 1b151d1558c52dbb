//! Snapshots of the ledger (TestBackend + insta) with Japanese text at 80x24 and 160x48: the claims list with the
//! budget line, a claim's card, the payments, the totals by month, the payment form proposed from the fee
//! schedule, and an office claim refused with R-S5 next to its field.

#[path = "support/screen.rs"]
mod screen;

use chrono::NaiveDate;
use madoguchi::app::keymap::Key;
use madoguchi::app::{Action, App, Effect, reduce};
use madoguchi::domain::model::{ClaimStatus, PaymentStatus, VenueKind};
use madoguchi::domain::rules::Finding;
use madoguchi::screens::ledger::{Load, Reply, Rows};
use madoguchi::store::ledger::lists::{ClaimRow, PaymentRow, WorkRow};
use madoguchi::store::ledger::totals::{TotalRow, YearTotals};
use madoguchi::store::workflow::Refusal;
use madoguchi::ui::frame;
use madoguchi::ui::i18n::Lang;
use screen::{render, session};

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

const YEAR: YearTotals = YearTotals { budget_yen: 60_000_000, paid_yen: 18_234_500, unpaid_yen: 2_310_700 };

fn claims(n: usize) -> Vec<ClaimRow> {
    let statuses = [ClaimStatus::Submitted, ClaimStatus::Checked, ClaimStatus::Approved, ClaimStatus::Returned];
    (0..n)
        .map(|i| {
            let status = if i >= 6 { ClaimStatus::Paid } else { statuses[i % 4] };
            ClaimRow {
                id: i as i64 + 1,
                event: ["中小企業のためのDX入門 (多良木町)", "ＳＮＳ集客セミナー", "ｷｬｯｼｭﾚｽ決済 個別相談会"][i % 3]
                    .into(),
                event_date: d(2025, 10, 20 - (i % 15) as u32),
                venue: ["多良木町中央公民館 大会議室", "天草市民センター", "ホテル御輿来"][i % 3].into(),
                venue_kind: if i % 3 == 2 { VenueKind::RentedVenue } else { VenueKind::PublicFacility },
                organisation: ["多良木町商工会", "天草商工会議所", "熊本県商工会連合会"][i % 3].into(),
                amount_yen: 8_500 + 1_250 * i as i64,
                receipt_ref: format!("領収書 No.{:05}", 100 + i),
                claimed_on: d(2025, 11, 4 - (i % 3) as u32),
                status,
                checked: (status != ClaimStatus::Submitted).then(|| (d(2025, 10, 28), "山田".into())),
                approved: matches!(status, ClaimStatus::Approved | ClaimStatus::Paid)
                    .then(|| (d(2025, 10, 30), "佐藤".into())),
                paid: (status == ClaimStatus::Paid).then(|| (d(2025, 11, 1), "山田".into())),
                return_reason: if status == ClaimStatus::Returned {
                    "領収書の宛名が団体名と異なる".into()
                } else {
                    String::new()
                },
                note: String::new(),
                row_version: 1,
            }
        })
        .collect()
}

fn payments(n: usize) -> Vec<PaymentRow> {
    (0..n)
        .map(|i| {
            let corp = i % 5 == 4;
            let (h, t) = (30_000, [0, 1_800, 5_800][i % 3]);
            let w = if corp { 0 } else { (h + t) * 1021 / 10_000 };
            PaymentRow {
                id: i as i64 + 1,
                expert: ["髙橋 誠", "佐藤 由美", "ｶﾜﾑﾗ ﾀﾛｳ", "渡邊 さくら", "くまもとIT支援合同会社"][i % 5].into(),
                work: ["阿蘇の里ファーム", "ＳＮＳ集客セミナー", "有限会社ｶﾜﾑﾗ商店"][i % 3].into(),
                work_date: Some(d(2025, 10, 30 - i as u32 % 20)),
                for_event: i % 3 == 1,
                honorarium_yen: h,
                travel_yen: t,
                withholding_yen: w,
                net_yen: h + t - w,
                payee_is_corporation: corp,
                status: [PaymentStatus::Proposed, PaymentStatus::Approved, PaymentStatus::Paid][(i / 4).min(2)],
                proposed_on: d(2025, 11, 4 - (i % 4) as u32),
                approved_on: None,
                paid_on: None,
                note: String::new(),
                row_version: 1,
            }
        })
        .collect()
}

/// The ledger tab with `presses` of `v` (0 claims, 1 payments, 2 work, 3 totals) and `rows` answering the page.
fn ledger_app(w: u16, h: u16, presses: usize, rows: impl Fn(usize) -> Rows) -> App {
    let mut app = App::new(session(Lang::Ja));
    let list_rows = frame::list_rows(ratatui::layout::Rect::new(0, 0, w, h));
    reduce(&mut app, Action::Resize { list_rows });
    let mut fx = reduce(&mut app, Action::Key(Key::Char('4')));
    for _ in 0..presses {
        fx = reduce(&mut app, Action::Key(Key::Char('v')));
    }
    let generation = fx
        .iter()
        .find_map(|e| match e {
            Effect::Ledger(Load::Page { generation, .. }) => Some(*generation),
            _ => None,
        })
        .unwrap();
    let rows = rows(list_rows.saturating_sub(1).min(20));
    reduce(&mut app, Action::Ledger(Reply::Page { generation, total: 42, offset: 0, rows }));
    reduce(&mut app, Action::Ledger(Reply::Year(YEAR)));
    app
}

#[test]
fn claims_80x24() {
    insta::assert_snapshot!(render(&ledger_app(80, 24, 0, |n| Rows::Claims(claims(n))), 80, 24));
}

#[test]
fn claims_160x48() {
    insta::assert_snapshot!(render(&ledger_app(160, 48, 0, |n| Rows::Claims(claims(n))), 160, 48));
}

#[test]
fn claim_card_with_its_steps_80x24() {
    let mut app = ledger_app(80, 24, 0, |n| Rows::Claims(claims(n)));
    reduce(&mut app, Action::Key(Key::Char('j')));
    reduce(&mut app, Action::Key(Key::Enter));
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn payments_80x24() {
    insta::assert_snapshot!(render(&ledger_app(80, 24, 1, |n| Rows::Payments(payments(n))), 80, 24));
}

#[test]
fn payments_160x48() {
    insta::assert_snapshot!(render(&ledger_app(160, 48, 1, |n| Rows::Payments(payments(n))), 160, 48));
}

fn totals(_: usize) -> Rows {
    let months = ["2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11"];
    Rows::Totals(
        months
            .iter()
            .enumerate()
            .map(|(i, m)| TotalRow {
                key: Some(m.to_string()),
                expert_id: None,
                count: 20 + i as i64 * 7,
                paid_yen: if i < 6 { 1_200_000 + 345_600 * i as i64 } else { 120_000 },
                unpaid_yen: if i >= 6 { 980_000 } else { 0 },
                withheld_yen: 98_000 + 1_021 * i as i64,
            })
            .collect(),
    )
}

#[test]
fn totals_by_month_80x24() {
    insta::assert_snapshot!(render(&ledger_app(80, 24, 3, totals), 80, 24));
}

#[test]
fn totals_by_month_160x48() {
    insta::assert_snapshot!(render(&ledger_app(160, 48, 3, totals), 160, 48));
}

fn work(_: usize) -> Rows {
    Rows::Work(vec![WorkRow {
        visit_id: Some(7),
        event_id: None,
        expert_id: 3,
        expert: "髙橋 誠".into(),
        is_corporation: false,
        date: d(2025, 11, 1),
        title: "阿蘇の里ファーム".into(),
        minutes: 120,
        online: false,
    }])
}

#[test]
fn payment_proposed_from_the_fee_schedule_80x24() {
    let mut app = ledger_app(80, 24, 2, work);
    reduce(&mut app, Action::Key(Key::Enter));
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn office_claim_refused_with_r_s5_160x48() {
    let mut app = ledger_app(160, 48, 0, |n| Rows::Claims(claims(n)));
    reduce(&mut app, Action::Key(Key::Char('n')));
    for c in "中小企業".chars() {
        reduce(&mut app, Action::Key(Key::Char(c)));
    }
    reduce(
        &mut app,
        Action::Candidates {
            field: 0,
            query: "中小企業".into(),
            found: vec![(5, "2025-10-20 中小企業のためのDX入門 (多良木町商工会館)".into())],
        },
    );
    reduce(&mut app, Action::Key(Key::Enter));
    for c in "１２，０００円".chars() {
        reduce(&mut app, Action::Key(Key::Char(c)));
    }
    let fx = reduce(&mut app, Action::Key(Key::Ctrl('s')));
    assert!(matches!(fx.as_slice(), [Effect::Save(_)]), "{fx:?}");
    reduce(
        &mut app,
        Action::Refused(Refusal::Findings(vec![Finding::NoFeeForOfficeVenue { venue: VenueKind::OrganisationOffice }])),
    );
    let screen = render(&app, 160, 48);
    assert!(screen.contains("R-S5:"), "{screen}");
    insta::assert_snapshot!(screen);
}
