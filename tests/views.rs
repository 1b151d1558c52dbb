//! Screen snapshots (ratatui TestBackend + insta) with Japanese text at 80x24 and 160x48.

#[path = "support/screen.rs"]
mod screen;

use chrono::NaiveDate;
use madoguchi::app::keymap::Key;
use madoguchi::app::{Action, App, Effect, reduce};
use madoguchi::domain::model::{
    AccompanimentKind, DeskRole, DispatchNumber, DispatchStatus, LegalForm, PlaceKind, StaffRole,
};
use madoguchi::store::queue::{DispatchDetail, QueueRow, VisitLine};
use madoguchi::store::staff::StaffMember;
use madoguchi::ui::frame;
use madoguchi::ui::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use screen::{render, session};

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

const BUSINESSES: &[&str] = &[
    "㈱髙橋菓子舗",
    "ｶﾌｪ ﾀﾅｶ",
    "有限会社阿蘇の里ファーム",
    "天草いちご農園",
    "株式会社くまもと精肉店 本店 (山鹿市鹿央町で三代続く老舗)",
    "渡邊工務店",
    "企業組合ひとよし手しごと",
    "(株)山﨑印刷",
];

fn rows(n: usize) -> Vec<QueueRow> {
    (0..n)
        .map(|i| QueueRow {
            id: i as i64 + 1,
            number: DispatchNumber { fiscal_year: 2025, seq: 300 - i as u32 },
            received_on: d(2025, 10, 30 - (i as u32 % 28)),
            business: BUSINESSES[i % BUSINESSES.len()].to_string(),
            chamber: if i % 4 == 3 {
                None
            } else {
                Some(["南小国町商工会", "熊本商工会議所", "山都町商工会"][i % 3].into())
            },
            theme: (i % 8) as u8 + 1,
            expert: (i % 5 != 0).then(|| ["高橋 誠", "佐藤 由美", "齋藤 健一"][i % 3].to_string()),
            visits: (i % 6) as u32,
            minutes: ((i % 6) * 150) as u32,
            status: DispatchStatus::ALL[i % DispatchStatus::ALL.len()],
        })
        .collect()
}

fn detail(row: QueueRow) -> DispatchDetail {
    DispatchDetail {
        row,
        legal_form: Some(LegalForm::KabushikiKaisha),
        municipality: Some(("434230".into(), "南小国町".into())),
        industry: None,
        capital_yen: None,
        employees: None,
        chamber_id: Some(3),
        guidance_officer: Some("中村 翔".into()),
        guidance_officer_id: Some(21),
        staff: vec![
            StaffMember::Chamber { id: 21, name: "中村 翔".into(), role: StaffRole::GuidanceOfficer },
            StaffMember::Chamber { id: 22, name: "坂本 美咲".into(), role: StaffRole::SupportOfficer },
            StaffMember::Desk { id: 2, name: "松本 あかり".into(), role: DeskRole::Coordinator },
        ],
        sections: vec![
            ("company_overview".into(), "黒川温泉で土産菓子を製造・販売。従業員8名。".into()),
            ("consultation".into(), "ECサイトを立ち上げ、在庫と受注をクラウドで一元管理したい。".into()),
        ],
        visits: vec![
            VisitLine {
                id: 1,
                date: d(2025, 7, 3),
                start_min: 600,
                end_min: 720,
                place: PlaceKind::Premises,
                place_note: String::new(),
                accompanied_by: AccompanimentKind::AssignedOfficer,
                accompanying_name: Some("中村 翔".into()),
                accompaniment_reason: String::new(),
                override_reason: None,
                staff_id: Some(21),
                desk_staff_id: None,
                typed_name: String::new(),
                row_version: 1,
            },
            VisitLine {
                id: 2,
                date: d(2025, 8, 21),
                start_min: 810,
                end_min: 990,
                place: PlaceKind::Online,
                place_note: String::new(),
                accompanied_by: AccompanimentKind::Coordinator,
                accompanying_name: Some("松本 あかり".into()),
                accompaniment_reason: "担当指導員が決算指導で不在のため".into(),
                override_reason: None,
                staff_id: None,
                desk_staff_id: Some(2),
                typed_name: String::new(),
                row_version: 1,
            },
        ],
        grounds: vec![],
        rejection_note: String::new(),
        report_received_on: None,
        feedback_sent_on: None,
        row_version: 3,
        proposed_expert: None,
    }
}

/// An App with the list loaded as the runner would load it, for a terminal of `w`×`h`.
fn loaded_app(lang: Lang, w: u16, h: u16) -> App {
    let mut app = App::new(session(lang));
    let fx = reduce(&mut app, Action::Resize { list_rows: frame::list_rows(ratatui::layout::Rect::new(0, 0, w, h)) });
    let [Effect::LoadQueuePage { generation, offset, limit, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    let page: Vec<QueueRow> = rows(300).into_iter().skip(*offset).take(*limit).collect();
    let first = page[0].clone();
    let fx = reduce(&mut app, Action::QueuePage { generation: *generation, total: 300, offset: *offset, rows: page });
    assert_eq!(fx, vec![Effect::LoadDetail { id: first.id }]);
    reduce(&mut app, Action::Detail(Some(Box::new(detail(first)))));
    app
}

#[test]
fn queue_list_80x24() {
    let app = loaded_app(Lang::Ja, 80, 24);
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn queue_list_and_detail_160x48() {
    let app = loaded_app(Lang::Ja, 160, 48);
    insta::assert_snapshot!(render(&app, 160, 48));
}

#[test]
fn queue_detail_opened_at_80x24() {
    let mut app = loaded_app(Lang::Ja, 80, 24);
    reduce(&mut app, Action::Key(Key::Enter));
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn help_overlay_80x24() {
    let mut app = loaded_app(Lang::Ja, 80, 24);
    reduce(&mut app, Action::Key(Key::Char('?')));
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn queue_in_english_160x48() {
    let app = loaded_app(Lang::En, 160, 48);
    insta::assert_snapshot!(render(&app, 160, 48));
}

#[test]
fn about_160x48() {
    let mut app = loaded_app(Lang::Ja, 160, 48);
    reduce(&mut app, Action::Key(Key::Char('A')));
    insta::assert_snapshot!(render(&app, 160, 48));
}

#[test]
fn tiny_and_odd_sizes_never_panic() {
    for (w, h) in [(1, 1), (2, 3), (20, 5), (79, 23), (81, 25), (119, 30), (120, 30), (300, 100)] {
        let mut app = loaded_app(Lang::Ja, w, h);
        render(&app, w, h);
        reduce(&mut app, Action::Key(Key::Enter));
        reduce(&mut app, Action::Key(Key::Char('?')));
        render(&app, w, h);
    }
}

fn with_detail_status(app: &mut App, status: DispatchStatus) {
    let mut d = app.queue.detail.clone().unwrap();
    d.row.status = status;
    app.queue.detail = Some(d);
}

#[test]
fn new_application_form_80x24() {
    let mut app = loaded_app(Lang::Ja, 80, 24);
    reduce(&mut app, Action::Key(Key::Char('n')));
    for c in "ﾀﾅｶ".chars() {
        reduce(&mut app, Action::Key(Key::Char(c)));
    }
    reduce(
        &mut app,
        Action::Candidates {
            field: 0,
            query: "ﾀﾅｶ".into(),
            found: vec![(1, "田中商店  南小国町  0967-42-1111".into()), (2, "ｶﾌｪ ﾀﾅｶ  阿蘇市".into())],
        },
    );
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn visit_form_refused_with_r_d1_160x48() {
    let mut app = loaded_app(Lang::Ja, 160, 48);
    with_detail_status(&mut app, DispatchStatus::Visiting);
    reduce(&mut app, Action::Key(Key::Char('v')));
    let fx = reduce(&mut app, Action::Key(Key::Ctrl('s')));
    assert!(matches!(fx.as_slice(), [Effect::Save(_)]), "{fx:?}");
    use madoguchi::domain::rules::Finding;
    use madoguchi::store::workflow::Refusal;
    reduce(&mut app, Action::Refused(Refusal::Findings(vec![Finding::TooManyVisits { visits: 5, limit: 5 }])));
    let screen = render(&app, 160, 48);
    assert!(screen.contains("R-D1: この申請の派遣は既に5回です (上限5回)"), "{screen}");
    insta::assert_snapshot!(screen);
}

/// The detail opened with its second visit chosen (Enter, j, j).
fn visit_chosen(w: u16, h: u16) -> App {
    let mut app = loaded_app(Lang::Ja, w, h);
    with_detail_status(&mut app, DispatchStatus::Visiting);
    for key in [Key::Enter, Key::Char('j'), Key::Char('j')] {
        assert!(reduce(&mut app, Action::Key(key)).is_empty(), "choosing a visit loads nothing");
    }
    app
}

#[test]
fn a_visit_chosen_in_the_detail_80x24_and_160x48() {
    for (w, h) in [(80, 24), (160, 48)] {
        let app = visit_chosen(w, h);
        let screen = render(&app, w, h);
        assert!(screen.contains(">2. 2025-08-21"), "{screen}");
        insta::assert_snapshot!(format!("visit_chosen_{w}x{h}"), screen);
    }
}

#[test]
fn edit_visit_form_with_the_staff_picker_160x48_and_80x24() {
    for (w, h) in [(160, 48), (80, 24)] {
        let mut app = visit_chosen(w, h);
        reduce(&mut app, Action::Key(Key::Char('e')));
        let screen = render(&app, w, h);
        assert!(screen.contains("派遣の編集 R7-0300 2025-08-21 13:30-16:30"), "{screen}");
        assert!(screen.contains("松本 あかり (窓口コーディネーター)"), "the desk's coordinator picked: {screen}");
        insta::assert_snapshot!(format!("edit_visit_form_{w}x{h}"), screen);
    }
}

#[test]
fn remove_visit_confirmation_80x24() {
    let mut app = visit_chosen(80, 24);
    reduce(&mut app, Action::Key(Key::Char('d')));
    let screen = render(&app, 80, 24);
    assert!(screen.contains("13:30-16:30 を削除 (Ctrl-S 削除・Esc 戻る)"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn d_and_e_act_on_the_chosen_visit_only() {
    use madoguchi::app::SaveRequest;
    let mut app = loaded_app(Lang::Ja, 160, 48);
    with_detail_status(&mut app, DispatchStatus::Visiting);
    reduce(&mut app, Action::Key(Key::Char('d')));
    assert!(app.form.is_none());
    assert!(app.error.as_deref().is_some_and(|e| e.contains("派遣を選んでください")), "{:?}", app.error);
    let mut app = visit_chosen(160, 48);
    reduce(&mut app, Action::Key(Key::Char('d')));
    let fx = reduce(&mut app, Action::Key(Key::Ctrl('s')));
    assert!(
        matches!(fx.as_slice(), [Effect::Save(r)] if **r == SaveRequest::RemoveVisit { visit_id: 2, row_version: 1 }),
        "{fx:?}"
    );
    // Esc leaves the detail: e edits the application again.
    let mut app = visit_chosen(160, 48);
    reduce(&mut app, Action::Key(Key::Esc));
    reduce(&mut app, Action::Key(Key::Char('e')));
    assert!(app.form.as_ref().is_some_and(|(_, f)| f.title.contains("申請内容の編集")));
}

#[test]
fn consultations_filtered_by_text_160x48_and_80x24() {
    use madoguchi::domain::model::{ConsultationChannel, ConsultationOutcome};
    use madoguchi::store::consultations::ConsultationRow;
    for (w, h) in [(160, 48), (80, 24)] {
        let mut app = loaded_app(Lang::Ja, w, h);
        reduce(&mut app, Action::Key(Key::Char('c')));
        reduce(&mut app, Action::Key(Key::Char('/')));
        let hint = render(&app, w, h);
        assert!(hint.contains("/  絞り込み (相談"), "{hint}");
        let mut fx = Vec::new();
        for c in "たなか".chars() {
            fx = reduce(&mut app, Action::Key(Key::Char(c)));
        }
        let [Effect::LoadConsultations { generation, text, .. }] = fx.as_slice() else { panic!("{fx:?}") };
        assert_eq!(text, "たなか");
        let row = ConsultationRow {
            id: 1,
            received_on: d(2025, 11, 4),
            channel: ConsultationChannel::Phone,
            caller_name: "ﾀﾅｶ様".into(),
            business: Some("㈱髙橋菓子舗".into()),
            content: "ECサイトの立ち上げ相談".into(),
            outcome: ConsultationOutcome::Dispatch,
            dispatch: Some(DispatchNumber { fiscal_year: 2025, seq: 302 }),
        };
        reduce(&mut app, Action::ConsultationPage { generation: *generation, total: 1, offset: 0, rows: vec![row] });
        reduce(&mut app, Action::Key(Key::Enter));
        let screen = render(&app, w, h);
        assert!(screen.contains("[窓口相談] 1件  /たなか"), "{screen}");
        insta::assert_snapshot!(format!("consultations_filtered_{w}x{h}"), screen);
    }
}

#[test]
fn form_1_edit_shows_the_guidance_officer_160x48() {
    let mut app = loaded_app(Lang::Ja, 160, 48);
    reduce(&mut app, Action::Key(Key::Char('e')));
    let screen = render(&app, 160, 48);
    assert!(screen.contains("中村 翔 (経営指導員)"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn reject_form_with_two_grounds_80x24() {
    let mut app = loaded_app(Lang::Ja, 80, 24);
    with_detail_status(&mut app, DispatchStatus::UnderReview);
    reduce(&mut app, Action::Key(Key::Char('x')));
    reduce(&mut app, Action::Key(Key::Char('1')));
    reduce(&mut app, Action::Key(Key::Char('7')));
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn consultation_form_160x48() {
    let mut app = loaded_app(Lang::Ja, 160, 48);
    reduce(&mut app, Action::Key(Key::Char('c')));
    reduce(&mut app, Action::Key(Key::Char('n')));
    reduce(&mut app, Action::Key(Key::Tab));
    for c in "阿蘇のカフェ".chars() {
        reduce(&mut app, Action::Key(Key::Char(c)));
    }
    insta::assert_snapshot!(render(&app, 160, 48));
}

#[test]
fn the_terminal_cursor_sits_at_the_caret_after_kanji() {
    let mut app = loaded_app(Lang::Ja, 80, 24);
    reduce(&mut app, Action::Key(Key::Char('c')));
    reduce(&mut app, Action::Key(Key::Char('n')));
    reduce(&mut app, Action::Key(Key::Tab));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| frame::draw(f, &app)).unwrap();
    let before = terminal.get_cursor_position().unwrap();
    for c in "阿蘇".chars() {
        reduce(&mut app, Action::Key(Key::Char(c)));
    }
    terminal.draw(|f| frame::draw(f, &app)).unwrap();
    let after = terminal.get_cursor_position().unwrap();
    assert_eq!((after.x - before.x, after.y), (4, before.y), "two kanji = four cells");
}

#[test]
fn the_caret_follows_halfwidth_katakana_as_drawn() {
    let mut app = loaded_app(Lang::Ja, 80, 24);
    reduce(&mut app, Action::Key(Key::Char('n')));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| frame::draw(f, &app)).unwrap();
    let before = terminal.get_cursor_position().unwrap();
    for c in "ﾀﾅｶ".chars() {
        reduce(&mut app, Action::Key(Key::Char(c)));
    }
    terminal.draw(|f| frame::draw(f, &app)).unwrap();
    let after = terminal.get_cursor_position().unwrap();
    assert_eq!(after.x - before.x, 6, "ﾀﾅｶ is drawn as タナカ: six cells");
}

#[test]
fn a_long_message_takes_the_status_line_from_the_day_and_backup_at_80_columns() {
    let mut app = loaded_app(Lang::Ja, 80, 24);
    let now = d(2025, 11, 4).and_hms_opt(9, 0, 0).unwrap();
    app.backup = Some(madoguchi::app::backup::BackupStatus { last_good: Some(now), failed: false, now });
    let short = render(&app, 80, 24);
    let status = short.lines().find(|l| l.contains("令和7年度")).unwrap().to_string();
    assert!(status.contains("R7.11.4") && status.contains("バックアップ"), "{status}");
    app.error = Some("R-D1: この申請の派遣は既に15時間です (上限15時間)。訪問は追加できません".into());
    let long = render(&app, 80, 24);
    let status = long.lines().find(|l| l.contains("令和7年度")).unwrap().to_string();
    assert!(status.contains("(上限15時間)。訪問は追加"), "the whole message is shown: {status}");
    assert!(!status.contains("R7.11.4"), "the day gave way: {status}");
}
