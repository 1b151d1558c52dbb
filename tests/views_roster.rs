//! Snapshots of the roster (TestBackend + insta) with Japanese text at 80x24 and 160x48: the expert list, "find"
//! with an R-D5 mark, an expert's card, a business's card, an organisation's card and the assignment form.

#[path = "support/screen.rs"]
mod screen;

use chrono::NaiveDate;
use madoguchi::app::keymap::Key;
use madoguchi::app::{Action, App, Effect, reduce};
use madoguchi::domain::model::{DispatchNumber, DispatchStatus, LegalForm, RejectionGround, RelationKind};
use madoguchi::domain::rules::Finding;
use madoguchi::screens::roster::{Card, Load, Reply};
use madoguchi::store::roster::cards::{BusinessCard, Contact, HistoryLine, OrganisationCard, StaffLine};
use madoguchi::store::roster::experts::{Case, Engagement, ExpertCard, ExpertRow, RelationLine};
use madoguchi::ui::frame;
use madoguchi::ui::i18n::Lang;
use screen::{render, session};

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

const NAMES: &[(&str, &str, &str, &str)] = &[
    ("髙橋 誠", "たかはしまこと", "EC-CUBE、Shopify", "中小企業診断士"),
    ("佐藤 由美", "さとうゆみ", "freee、クラウド会計", "税理士"),
    ("齋藤 健一", "さいとうけんいち", "Instagram、SNS広告", "ITコーディネータ"),
    ("渡邊 さくら", "わたなべさくら", "POSレジ、在庫管理", "中小企業診断士、ITコーディネータ"),
    ("ｶﾜﾑﾗ ﾀﾛｳ", "かわむらたろう", "Webサイト制作", ""),
];

fn experts(n: usize) -> Vec<ExpertRow> {
    (0..n)
        .map(|i| {
            let (name, reading, kw, q) = NAMES[i % NAMES.len()];
            ExpertRow {
                id: i as i64 + 1,
                name: name.into(),
                reading: reading.into(),
                themes: vec![(i % 8) as u8 + 1, 3],
                keywords: kw.into(),
                qualifications: q.into(),
                affiliation: ["髙橋経営事務所", "佐藤税理士法人", "", "くまもとIT支援合同会社"][i % 4].into(),
                region: ["熊本市", "阿蘇市", "南小国町", "天草市"][i % 4].into(),
                area: Some("阿蘇".into()),
                retired_on: (i % 7 == 6).then(|| d(2025, 3, 31)),
                visits: (i * 3 % 11) as u32,
                minutes: (i * 150 % 1800) as u32,
                honoraria_yen: (i as i64 * 37_000) % 500_000,
                conflicts: Vec::new(),
            }
        })
        .collect()
}

fn roster_app(w: u16, h: u16) -> App {
    let mut app = App::new(session(Lang::Ja));
    let list_rows = frame::list_rows(ratatui::layout::Rect::new(0, 0, w, h));
    reduce(&mut app, Action::Resize { list_rows });
    let fx = reduce(&mut app, Action::Key(Key::Char('2')));
    let generation = fx
        .iter()
        .find_map(|e| match e {
            Effect::Roster(Load::Page { generation, .. }) => Some(*generation),
            _ => None,
        })
        .unwrap();
    let rows = experts(list_rows.min(40));
    reduce(&mut app, Action::Roster(Reply::Experts { generation, total: 57, offset: 0, rows }));
    app
}

fn case() -> Case {
    Case {
        dispatch_id: 12,
        number: DispatchNumber { fiscal_year: 2025, seq: 12 },
        status: DispatchStatus::UnderReview,
        theme: 3,
        business_id: 40,
        business: "有限会社阿蘇の里ファーム".into(),
        area: Some((2, "阿蘇".into())),
        received_on: d(2025, 10, 1),
        expert_id: None,
    }
}

fn find_app(w: u16, h: u16) -> App {
    let mut app = roster_app(w, h);
    let fx = reduce(&mut app, Action::Roster(Reply::Case(Some(case()))));
    let generation = fx
        .iter()
        .find_map(|e| match e {
            Effect::Roster(Load::Page { generation, .. }) => Some(*generation),
            _ => None,
        })
        .unwrap();
    let mut rows = experts(6);
    rows[1].conflicts =
        vec![Finding::ExpertRelated { ground: RejectionGround::new(1).unwrap(), relation: RelationKind::BelongsTo }];
    reduce(&mut app, Action::Roster(Reply::Experts { generation, total: 6, offset: 0, rows }));
    app
}

fn expert_card() -> ExpertCard {
    ExpertCard {
        row: experts(1).remove(0),
        phone: "090-1234-5678".into(),
        email: "takahashi@example.jp".into(),
        address: "熊本市中央区".into(),
        municipality_id: Some(1),
        is_corporation: false,
        note: String::new(),
        row_version: 3,
        relations: vec![
            RelationLine {
                id: 1,
                business_id: 40,
                business: "有限会社阿蘇の里ファーム".into(),
                kind: RelationKind::AdvisoryContract,
                from: Some(d(2024, 4, 1)),
                until: None,
                note: "顧問契約 (月1回)".into(),
            },
            RelationLine {
                id: 2,
                business_id: 41,
                business: "㈱髙橋菓子舗".into(),
                kind: RelationKind::BelongsTo,
                from: None,
                until: Some(d(2023, 3, 31)),
                note: String::new(),
            },
        ],
        upcoming: vec![Engagement {
            date: d(2025, 11, 20),
            start_min: 600,
            minutes: 120,
            what: "R7-0031".into(),
            whom: "天草いちご農園".into(),
            event: false,
        }],
        history: vec![
            Engagement {
                date: d(2025, 10, 8),
                start_min: 780,
                minutes: 180,
                what: "ECサイト活用セミナー".into(),
                whom: "南小国町商工会".into(),
                event: true,
            },
            Engagement {
                date: d(2025, 9, 2),
                start_min: 600,
                minutes: 150,
                what: "R7-0007".into(),
                whom: "ｶﾌｪ ﾀﾅｶ".into(),
                event: false,
            },
        ],
        history_total: 2,
    }
}

fn business_card() -> BusinessCard {
    BusinessCard {
        id: 40,
        name: "有限会社阿蘇の里ファーム".into(),
        reading: "あそのさとふぁーむ".into(),
        legal_form: Some(LegalForm::YugenKaisha),
        corporate_number: Some("1234567890123".into()),
        industry: None,
        capital_yen: Some(3_000_000),
        employees: Some(8),
        municipality: Some("阿蘇市".into()),
        municipality_code: Some("432148".into()),
        address: "阿蘇市一の宮町宮地1-2-3".into(),
        phone: "0967-22-1234".into(),
        representative: "阿蘇 太郎".into(),
        chamber: Some("阿蘇市商工会".into()),
        merged_into: None,
        row_version: 2,
        history: vec![
            HistoryLine {
                date: d(2025, 10, 20),
                contact: Contact::Visit,
                what: "R7-0012".into(),
                detail: "髙橋 誠".into(),
            },
            HistoryLine {
                date: d(2025, 10, 1),
                contact: Contact::Application,
                what: "R7-0012".into(),
                detail: "under_review".into(),
            },
            HistoryLine {
                date: d(2025, 9, 12),
                contact: Contact::Consultation,
                what: "ネット通販を始めたいが何から手を付ければよいか".into(),
                detail: String::new(),
            },
            HistoryLine {
                date: d(2025, 7, 3),
                contact: Contact::Seminar,
                what: "インボイス対応セミナー".into(),
                detail: "attended".into(),
            },
        ],
    }
}

#[test]
fn roster_experts_80x24() {
    insta::assert_snapshot!(render(&roster_app(80, 24), 80, 24));
}

#[test]
fn roster_experts_160x48() {
    insta::assert_snapshot!(render(&roster_app(160, 48), 160, 48));
}

#[test]
fn roster_find_with_an_r_d5_mark_80x24() {
    insta::assert_snapshot!(render(&find_app(80, 24), 80, 24));
}

#[test]
fn roster_find_with_an_r_d5_mark_160x48() {
    insta::assert_snapshot!(render(&find_app(160, 48), 160, 48));
}

#[test]
fn roster_assign_form_asks_a_reason_80x24() {
    let mut app = find_app(80, 24);
    reduce(&mut app, Action::Key(Key::Down));
    reduce(&mut app, Action::Key(Key::Enter));
    assert!(app.form.is_some());
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn roster_expert_card_80x24() {
    let mut app = roster_app(80, 24);
    reduce(&mut app, Action::Key(Key::Enter));
    reduce(&mut app, Action::Roster(Reply::Card(Some(Card::Expert(Box::new(expert_card()))))));
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn roster_expert_card_160x48() {
    let mut app = roster_app(160, 48);
    reduce(&mut app, Action::Key(Key::Enter));
    reduce(&mut app, Action::Roster(Reply::Card(Some(Card::Expert(Box::new(expert_card()))))));
    insta::assert_snapshot!(render(&app, 160, 48));
}

#[test]
fn roster_business_card_80x24() {
    let mut app = roster_app(80, 24);
    reduce(&mut app, Action::Key(Key::Enter));
    reduce(&mut app, Action::Roster(Reply::Card(Some(Card::Business(Box::new(business_card()))))));
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn roster_business_card_160x48() {
    let mut app = roster_app(160, 48);
    reduce(&mut app, Action::Key(Key::Enter));
    reduce(&mut app, Action::Roster(Reply::Card(Some(Card::Business(Box::new(business_card()))))));
    insta::assert_snapshot!(render(&app, 160, 48));
}

#[test]
fn a_highlighted_japanese_row_up_to_the_last_column_draws() {
    // ratatui#2695: a wide character with a background in the last cell must not panic.
    for w in [79, 80, 81, 120, 159, 160] {
        let app = roster_app(w, 24);
        render(&app, w, 24);
    }
}

/// A 商工会 with a current and a retired guidance officer (the selected line marked), and the towns it covers.
fn organisation_card() -> OrganisationCard {
    use madoguchi::domain::model::{OrganisationKind, StaffRole};
    let staff = |id, name: &str, role, retired_on| StaffLine {
        id,
        name: name.into(),
        role,
        phone: "0967-34-0711".into(),
        retired_on,
    };
    OrganisationCard {
        id: 30,
        kind: OrganisationKind::Shokokai,
        name: "阿蘇市商工会".into(),
        reading: "あそししょうこうかい".into(),
        municipality: Some("阿蘇市".into()),
        address: "阿蘇市一の宮町宮地2318".into(),
        phone: "0967-22-0711".into(),
        email: "info@aso-shokokai.example.jp".into(),
        retired_on: None,
        merged_into: None,
        row_version: 3,
        staff: vec![
            staff(5, "中村 健", StaffRole::GuidanceOfficer, None),
            staff(6, "井上 美香", StaffRole::SupportOfficer, None),
            staff(7, "松本 誠", StaffRole::GuidanceOfficer, Some(d(2025, 3, 31))),
        ],
        covers: vec!["阿蘇市".into(), "南小国町".into(), "小国町".into(), "産山村".into()],
        desk_staff: Vec::new(),
    }
}

fn organisation_card_app(w: u16, h: u16) -> App {
    let mut app = roster_app(w, h);
    reduce(&mut app, Action::Key(Key::Enter));
    reduce(&mut app, Action::Roster(Reply::Card(Some(Card::Organisation(Box::new(organisation_card()))))));
    reduce(&mut app, Action::Key(Key::Down));
    app
}

#[test]
fn roster_organisation_card_80x24() {
    insta::assert_snapshot!(render(&organisation_card_app(80, 24), 80, 24));
}

#[test]
fn roster_organisation_card_160x48() {
    insta::assert_snapshot!(render(&organisation_card_app(160, 48), 160, 48));
}
