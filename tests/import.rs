//! `madoguchi import` from the real binary: the sample files import once (a second import adds nothing), bad
//! rows are listed with their row, column and reason and leave the database unchanged.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

fn madoguchi(home: &Path, args: &[&str]) -> Output {
    common::command(home).args(args).stdin(Stdio::null()).output().expect("run madoguchi")
}

fn text(o: &[u8]) -> String {
    String::from_utf8_lossy(o).into_owned()
}

fn sample(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples").join(name).display().to_string()
}

/// A new database with the reference data only (organisations, municipalities).
fn fresh_db(home: &Path) -> PathBuf {
    let db = home.join("desk.db");
    madoguchi::store::Store::open(&db, "test").expect("create a database");
    db
}

fn count(db: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(db).unwrap().query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Every table an import may write, and the audit trail.
fn snapshot(db: &Path) -> Vec<i64> {
    ["business", "expert", "expert_theme", "dispatch", "event", "event_expert", "action", "audit", "search_entry"]
        .iter()
        .map(|t| count(db, &format!("SELECT COUNT(*) FROM {t}")))
        .collect()
}

fn import(home: &Path, db: &Path, file: &str, extra: &[&str]) -> Output {
    let mut args = vec!["--db", db.to_str().unwrap(), "--lang", "ja", "--today", "2025-08-01", "import", file];
    args.extend_from_slice(extra);
    madoguchi(home, &args)
}

#[test]
fn sample_files_import_once_even_when_imported_twice() {
    let home = tempfile::tempdir().unwrap();
    let db = fresh_db(home.path());
    for (file, table, n) in
        [("businesses.csv", "business", 4), ("experts.xlsx", "expert", 3), ("applications.csv", "dispatch", 3)]
    {
        let dry = import(home.path(), &db, &sample(file), &["--dry-run"]);
        assert!(dry.status.success(), "{file}: {}{}", text(&dry.stdout), text(&dry.stderr));
        assert!(text(&dry.stdout).contains(&format!("追加される行 {n} 件")), "{}", text(&dry.stdout));
        assert_eq!(count(&db, &format!("SELECT COUNT(*) FROM {table}")), 0, "a dry run changes nothing");

        let first = import(home.path(), &db, &sample(file), &[]);
        assert!(first.status.success(), "{file}: {}{}", text(&first.stdout), text(&first.stderr));
        assert!(text(&first.stdout).contains(&format!("追加 {n} 件")), "{}", text(&first.stdout));
        let before = snapshot(&db);
        let second = import(home.path(), &db, &sample(file), &[]);
        assert!(second.status.success(), "{}", text(&second.stderr));
        assert!(
            text(&second.stdout).contains(&format!("追加 0 件、登録済みのため省略 {n} 件")),
            "{}",
            text(&second.stdout)
        );
        assert_eq!(snapshot(&db), before, "{file} imported twice adds its rows once");
        assert_eq!(count(&db, &format!("SELECT COUNT(*) FROM {table}")), n);
    }
    // Full-width digits, 和暦 dates and Shift_JIS text came through as the desk meant them.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (phone, employees): (String, i64) = conn
        .query_row("SELECT phone, employees FROM business WHERE name = '有限会社ましき工房'", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((phone.as_str(), employees), ("096-286-0002", 12));
    let (received, seq, chamber): (String, i64, String) = conn
        .query_row(
            "SELECT d.received_on, d.seq, o.name FROM dispatch d JOIN organisation o ON o.id = d.chamber_id
             JOIN business b ON b.id = d.business_id WHERE b.name = '株式会社やまと茶房'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((received.as_str(), seq, chamber.as_str()), ("2025-05-12", 501, "山都町商工会"));
    let actions = count(&db, "SELECT COUNT(*) FROM action WHERE label LIKE 'import.%'");
    assert_eq!(actions, 3, "one audited action per import that added rows");
}

const BAD_BUSINESSES: &str = "\u{feff}事業者名,フリガナ,法人格,法人番号,電話番号,市町村,商工会
株式会社ひのくに商店,ヒノクニショウテン,株式会社,,０９６－３５５－１２３４,熊本市,熊本商工会議所
有限会社みどり農園,ミドリノウエン,有限会社,,0968-11-2222,山鹿市,山鹿町商工会
一般社団法人くまもと観光推進機構,クマモトカンコウ,一般社団法人,,096-111-3333,熊本市,
株式会社ひのくに商店,ヒノクニショウテン,株式会社,,096-355-1234,熊本市,熊本商工会議所
合同会社あまくさ,アマクサ,合同会社,1234567890123,0969-22-4444,天草町,
";

#[test]
fn bad_business_rows_are_listed_and_nothing_is_imported() {
    let home = tempfile::tempdir().unwrap();
    let db = fresh_db(home.path());
    let file = home.path().join("bad.csv");
    std::fs::write(&file, BAD_BUSINESSES).unwrap();
    let before = snapshot(&db);
    for extra in [&["--dry-run"][..], &[][..]] {
        let out = import(home.path(), &db, file.to_str().unwrap(), extra);
        assert_eq!(out.status.code(), Some(1), "{}{}", text(&out.stdout), text(&out.stderr));
        let stdout = text(&out.stdout);
        let expected = "取り込めない行が 4 件あります:
  3行目 [商工会] 商工会・商工会議所「山鹿町商工会」は登録されていません
  4行目 [法人格] R-E3: 一般社団法人は支援対象外です
  5行目 [事業者名] 2行目と同じ記録です (同じ番号、または同じ名前と電話番号)
  6行目 [法人番号] 法人番号のチェックデジットが違います (1、正しくは 9)
  6行目 [市町村] 「天草町」は熊本県の市町村ではありません
";
        assert!(stdout.ends_with(expected), "{stdout}");
        assert_eq!(snapshot(&db), before, "nothing changed ({extra:?})");
    }
}

#[test]
fn bad_application_rows_show_date_and_reference_errors() {
    let home = tempfile::tempdir().unwrap();
    let db = fresh_db(home.path());
    assert!(import(home.path(), &db, &sample("businesses.csv"), &[]).status.success());
    let file = home.path().join("applications.csv");
    let rows = "申請番号,受付日,事業者名,電話番号,商工会,テーマ
R7-0600,R7.2.30,株式会社やまと茶房,0967-72-0001,山都町商工会,2
R7-0601,令和7年6月3日,存在しない商店,096-000-0000,山都町商工会,1
R7-0602,２０２５年７月１日,阿蘇カフェ,0967-34-0003,,⑨
R7-0603,R7.9.1,阿蘇カフェ,0967-34-0003,,3
R7-0603,R7.9.1,阿蘇カフェ,０９６７－３４－０００３,,③
R7-06X,R7.9.2,阿蘇カフェ,0967-34-0003,,3
R6-0001,R7.9.3,阿蘇カフェ,0967-34-0003,,3
R7-0604,R7.9.4,阿蘇カフェ,0967-34-0003,熊本市商工会,3
R7-0605,R7.9.5,阿蘇カフェ,,,3
R7-0606,R7.9.6,存在しない商店,,,3
";
    let encoded = encoding_rs::SHIFT_JIS.encode(rows).0;
    std::fs::write(&file, &encoded).unwrap();
    let before = snapshot(&db);
    let out = import(home.path(), &db, file.to_str().unwrap(), &["--dry-run"]);
    assert_eq!(out.status.code(), Some(1), "{}{}", text(&out.stdout), text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("追加される行 2 件"), "a unique name needs no phone: {stdout}");
    for line in [
        "取り込めない行が 8 件あります:",
        "  2行目 [受付日] 2025年2月30日はありません (2月は28日まで)",
        "  3行目 [事業者名] 事業者「存在しない商店」(電話 096-000-0000) が登録されていません。先に事業者を取り込んでください",
        "  4行目 [テーマ] テーマ「⑨」はありません (1〜8 または ①〜)",
        "  6行目 [申請番号] 5行目と同じ記録です (同じ番号、または同じ名前と電話番号)",
        "  7行目 [申請番号] 申請番号「R7-06X」が読めません (例: R7-0012)",
        "  8行目 [受付日] 受付日 2025-09-03 は申請番号の年度 (2024) の日付ではありません",
        "  9行目 [商工会] 商工会・商工会議所「熊本市商工会」は登録されていません",
        "  11行目 [事業者名] 事業者「存在しない商店」が登録されていないか、同じ名前が複数あります (電話番号で区別してください)。先に事業者を取り込んでください",
    ] {
        assert!(stdout.contains(line), "missing {line:?} in:\n{stdout}");
    }
    assert_eq!(snapshot(&db), before);
}

#[test]
fn a_file_of_unknown_shape_is_refused_with_the_kinds() {
    let home = tempfile::tempdir().unwrap();
    let db = fresh_db(home.path());
    let file = home.path().join("other.csv");
    std::fs::write(&file, "列1,列2\na,b\n").unwrap();
    let out = import(home.path(), &db, file.to_str().unwrap(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--kind businesses|experts|applications"), "{}", text(&out.stderr));
    let out = import(home.path(), &db, file.to_str().unwrap(), &["--kind", "experts"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("必須の列「氏名」がありません"), "{}", text(&out.stderr));
}

#[test]
fn sample_visits_import_once_into_approved_applications() {
    let home = tempfile::tempdir().unwrap();
    let db = fresh_db(home.path());
    for file in ["businesses.csv", "applications.csv"] {
        assert!(import(home.path(), &db, &sample(file), &[]).status.success());
    }
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE dispatch SET status = 'approved' WHERE seq IN (501, 502)", []).unwrap();
    let dry = import(home.path(), &db, &sample("visits.csv"), &["--dry-run"]);
    assert!(dry.status.success(), "{}{}", text(&dry.stdout), text(&dry.stderr));
    assert!(text(&dry.stdout).contains("追加される行 3 件"), "{}", text(&dry.stdout));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM visit"), 0, "a dry run changes nothing");
    let first = import(home.path(), &db, &sample("visits.csv"), &[]);
    assert!(first.status.success(), "{}{}", text(&first.stdout), text(&first.stderr));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM visit"), 3);
    // Full-width times and 和暦 dates as the desk typed them; the first visit moves the application on.
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM visit WHERE visit_date = '2025-07-08' AND start_min = 810 AND end_min = 960"),
        1
    );
    assert_eq!(count(&db, "SELECT COUNT(*) FROM dispatch WHERE status = 'visiting'"), 2);
    let before = count(&db, "SELECT COUNT(*) FROM audit");
    let second = import(home.path(), &db, &sample("visits.csv"), &[]);
    assert!(text(&second.stdout).contains("追加 0 件、登録済みのため省略 3 件"), "{}", text(&second.stdout));
    assert_eq!((count(&db, "SELECT COUNT(*) FROM visit"), count(&db, "SELECT COUNT(*) FROM audit")), (3, before));
}

#[test]
fn bad_visit_rows_name_r_d1_r_p1_r_d3_and_nothing_is_imported() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("demo.db");
    let out = madoguchi(home.path(), &["demo", "--scale", "1", "--out", db.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let seq = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    let full = seq("SELECT d.seq FROM dispatch d WHERE d.fiscal_year = 2025 AND d.status IN ('approved', 'visiting')
         AND (SELECT COUNT(*) FROM visit v WHERE v.dispatch_id = d.id) = 5 LIMIT 1");
    let fresh = seq("SELECT d.seq FROM dispatch d WHERE d.fiscal_year = 2025 AND d.status = 'approved'
         AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.dispatch_id = d.id) LIMIT 1");
    let received = seq("SELECT seq FROM dispatch WHERE fiscal_year = 2025 AND status = 'received' LIMIT 1");
    let n = |s: i64| format!("R7-{s:04}");
    // Row 7: after the period and unaccompanied without a reason. Rows 8-12: five 3-hour visits of one
    // application (15 hours, within R-D1); row 13 is its sixth.
    let mut csv = format!(
        "申請番号,派遣日,開始,終了,場所,同行,同行の理由
R7-9999,2025-09-01,10:00,12:00,事業所,,
{r},2025-09-01,10:00,12:00,事業所,,
{f},2025-09-02,09:00,13:00,事業所,,
{f},2025-09-03,10:00,12:00,喫茶店,,
{full},R7.9.4,１０:００,１１:００,オンライン,,
{f},2026-03-10,10:00,11:00,事業所,同行なし,
",
        r = n(received),
        f = n(fresh),
        full = n(full)
    );
    for day in 10..15 {
        csv.push_str(&format!("{},2025-10-{day},09:00,12:00,商工会議所,,\n", n(fresh)));
    }
    csv.push_str(&format!("{},2025-10-20,09:00,10:00,事業所,,\n", n(fresh)));
    let file = home.path().join("visits.csv");
    std::fs::write(&file, csv).unwrap();
    let visits = count(&db, "SELECT COUNT(*) FROM visit");
    let actions = count(&db, "SELECT COUNT(*) FROM action");
    for extra in [&["--dry-run"][..], &[][..]] {
        let out = import(home.path(), &db, file.to_str().unwrap(), extra);
        assert_eq!(out.status.code(), Some(1), "{}{}", text(&out.stdout), text(&out.stderr));
        let stdout = text(&out.stdout);
        for expected in [
            "  2行目 [申請番号] 申請番号「R7-9999」の申請はありません".to_string(),
            format!("  3行目 [申請番号] 申請 {} は「受付」のため派遣を記録できません", n(received)),
            "  4行目 [終了] R-D1: 1回の派遣は3.0時間以内です (この派遣は4.0時間)".to_string(),
            "  5行目 [場所] 派遣場所「喫茶店」が分かりません".to_string(),
            "  6行目 [終了] R-D1: この申請の派遣は既に5回です (上限5回)".to_string(),
            "  7行目 [派遣日] R-P1:".to_string(),
            "  7行目 [同行の理由] R-D3:".to_string(),
            "  13行目 [終了] R-D1: この申請の派遣は既に5回です (上限5回)".to_string(),
        ] {
            assert!(stdout.contains(&expected), "{expected}\n{stdout}");
        }
        for ok in 8..=12 {
            assert!(!stdout.contains(&format!("  {ok}行目")), "the five visits of 15 hours pass R-D1:\n{stdout}");
        }
        assert_eq!(
            (count(&db, "SELECT COUNT(*) FROM visit"), count(&db, "SELECT COUNT(*) FROM action")),
            (visits, actions),
            "nothing changed ({extra:?})"
        );
    }
}

/// Three events of FY2025 on a fresh database: two at venues whose fee is reimbursed, one at a chamber's office.
fn with_events(db: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let org: i64 = conn.query_row("SELECT id FROM organisation WHERE name = '山都町商工会'", [], |r| r.get(0)).unwrap();
    for (title, date, venue) in [
        ("SNS活用セミナー", "2025-09-12", "public_facility"),
        ("キャッシュレス導入講座", "2025-10-03", "rented_venue"),
        ("事務所での個別相談会", "2025-11-05", "organisation_office"),
    ] {
        conn.execute(
            "INSERT INTO event (fiscal_year, kind, organiser_id, title, theme, event_date, start_min, end_min,
                 venue_kind, status) VALUES (2025, 'seminar', ?1, ?2, 3, ?3, 600, 720, ?4, 'held')",
            rusqlite::params![org, title, date, venue],
        )
        .unwrap();
    }
}

#[test]
fn sample_claims_import_once_for_their_events() {
    let home = tempfile::tempdir().unwrap();
    let db = fresh_db(home.path());
    with_events(&db);
    let dry = import(home.path(), &db, &sample("claims.csv"), &["--dry-run"]);
    assert!(dry.status.success(), "{}{}", text(&dry.stdout), text(&dry.stderr));
    assert!(
        text(&dry.stdout).contains("(様式4の請求)") && text(&dry.stdout).contains("追加される行 2 件"),
        "{}",
        text(&dry.stdout)
    );
    assert!(import(home.path(), &db, &sample("claims.csv"), &[]).status.success());
    assert_eq!(count(&db, "SELECT COUNT(*) FROM claim WHERE status = 'submitted'"), 2);
    assert_eq!(count(&db, "SELECT amount_yen FROM claim WHERE claimed_on = '2025-10-10'"), 8800, "full-width digits");
    let before = snapshot(&db);
    let again = import(home.path(), &db, &sample("claims.csv"), &[]);
    assert!(text(&again.stdout).contains("追加 0 件、登録済みのため省略 2 件"), "{}", text(&again.stdout));
    assert_eq!(snapshot(&db), before);
}

#[test]
fn bad_claim_rows_name_r_s5_and_nothing_is_imported() {
    let home = tempfile::tempdir().unwrap();
    let db = fresh_db(home.path());
    with_events(&db);
    let file = home.path().join("claims.csv");
    std::fs::write(
        &file,
        "開催日,講習会名,金額,請求日
2025-11-05,,5000,2025-11-10
2025-08-01,,5000,2025-08-10
2025-09-12,,五千円,2025-09-20
2025-09-12,,12000,R7.9.20
2025-09-12,,12000,2025-09-20
",
    )
    .unwrap();
    let before = (snapshot(&db), count(&db, "SELECT COUNT(*) FROM claim"));
    for extra in [&["--dry-run"][..], &[][..]] {
        let out = import(home.path(), &db, file.to_str().unwrap(), extra);
        assert_eq!(out.status.code(), Some(1), "{}{}", text(&out.stdout), text(&out.stderr));
        let stdout = text(&out.stdout);
        for expected in [
            "  2行目 [開催日] R-S5:",
            "  3行目 [開催日] 2025-08-01 に開催された講習会・相談会はありません",
            "  4行目 [金額] 「五千円」は金額として読めません",
            "  6行目 [金額] 5行目と同じ記録です",
        ] {
            assert!(stdout.contains(expected), "{expected}\n{stdout}");
        }
        assert_eq!((snapshot(&db), count(&db, "SELECT COUNT(*) FROM claim")), before, "nothing changed ({extra:?})");
    }
}

/// A fresh database with the sample experts (the sample events name them as instructors).
fn with_sample_experts(home: &Path) -> PathBuf {
    let db = fresh_db(home);
    let out = import(home, &db, &sample("experts.xlsx"), &[]);
    assert!(out.status.success(), "{}{}", text(&out.stdout), text(&out.stderr));
    db
}

#[test]
fn sample_events_import_once_with_their_instructors() {
    let home = tempfile::tempdir().unwrap();
    let db = with_sample_experts(home.path());
    // The kind is told from the headers, as the console's import popup does.
    let dry = import(home.path(), &db, &sample("events.xlsx"), &["--dry-run"]);
    let stdout = text(&dry.stdout);
    assert!(dry.status.success(), "{stdout}{}", text(&dry.stderr));
    assert!(stdout.contains("(講習会・相談会)") && stdout.contains("追加される行 6 件"), "{stdout}");
    assert_eq!(count(&db, "SELECT COUNT(*) FROM event"), 0, "a dry run changes nothing");

    let first = import(home.path(), &db, &sample("events.xlsx"), &[]);
    assert!(first.status.success(), "{}{}", text(&first.stdout), text(&first.stderr));
    assert!(text(&first.stdout).contains("追加 6 件"), "{}", text(&first.stdout));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let event = |title: &str| -> (String, String, i64, i64, String, i64, String, Option<String>) {
        conn.query_row(
            "SELECT e.kind, e.event_date, e.start_min, e.end_min, e.venue_kind, e.venue_fee_yen, e.status, m.name
             FROM event e LEFT JOIN municipality m ON m.id = e.municipality_id WHERE e.title = ?1",
            [title],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?)),
        )
        .unwrap_or_else(|e| panic!("{title}: {e}"))
    };
    // Excel date and time cells.
    assert_eq!(
        event("はじめてのクラウド会計 freee活用講座"),
        (
            "seminar".into(),
            "2025-06-18".into(),
            810,
            930,
            "public_facility".into(),
            3300,
            "held".into(),
            Some("山都町".into())
        )
    );
    // 和暦, a consultation day's slot of 60分, an amount with a thousands separator.
    assert_eq!(event("キャッシュレス決済 個別相談会").1, "2025-09-10");
    assert_eq!(event("キャッシュレス決済 個別相談会").5, 2200);
    assert_eq!(count(&db, "SELECT slot_minutes FROM event WHERE kind = 'consultation_day'"), 60);
    // Full-width digits: date, times and capacity.
    assert_eq!(event("ネットショップ開設セミナー").1, "2025-10-22");
    assert_eq!((event("ネットショップ開設セミナー").2, event("ネットショップ開設セミナー").3), (810, 960));
    assert_eq!(count(&db, "SELECT capacity FROM event WHERE title = 'ネットショップ開設セミナー'"), 25);
    // No venue kind or status: a public facility, applied, as on tab 3.
    let (.., venue, _, status, _) = event("補助金・支援制度の活用説明会");
    assert_eq!((venue.as_str(), status.as_str()), ("public_facility", "applied"));
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM event_expert ee JOIN expert x ON x.id = ee.expert_id JOIN event e ON e.id = ee.event_id
             WHERE x.name = '上村 健一' AND ee.role = 'instructor'"
        ),
        2
    );
    assert_eq!(count(&db, "SELECT COUNT(*) FROM action WHERE label = 'import.events'"), 1);

    let before = snapshot(&db);
    let again = import(home.path(), &db, &sample("events.xlsx"), &[]);
    assert!(text(&again.stdout).contains("追加 0 件、登録済みのため省略 6 件"), "{}", text(&again.stdout));
    assert_eq!(snapshot(&db), before, "imported twice, its rows added once");
}

#[test]
fn an_events_import_is_one_action_that_undo_takes_back() {
    let home = tempfile::tempdir().unwrap();
    let db = with_sample_experts(home.path());
    let fy = madoguchi::domain::fiscal_year::FiscalYear::from_toml(include_str!("../assets/fiscal-years/2025.toml"))
        .unwrap();
    let mut store = madoguchi::store::Store::open(&db, "test").unwrap();
    let path = PathBuf::from(sample("events.xlsx"));
    let plan = madoguchi::import::summary::check_file(store.conn(), &fy, &path, None, madoguchi::ui::i18n::Lang::Ja)
        .unwrap()
        .unwrap();
    assert_eq!((plan.new.len(), plan.issues.len()), (6, 0));
    // As in the console: imported on the reader thread's connection, undone with `u` on the main one.
    let mut reader = store.sibling().unwrap();
    assert_eq!(madoguchi::import::apply(&mut reader, &fy, &plan).unwrap(), 6);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM event"), 6);
    assert_eq!(store.undo().unwrap(), Ok("import.events".to_string()));
    assert_eq!((count(&db, "SELECT COUNT(*) FROM event"), count(&db, "SELECT COUNT(*) FROM event_expert")), (0, 0));
}

/// Row 3 is good (和暦, full-width digits and times); every other row has one thing wrong.
const BAD_EVENTS: &str = "種別,名称,テーマ,主催団体,開催日,開始,終了,会場,会場区分,会場使用料,参加費,講師,定員,状態,中止理由
講習会,DX入門講座,5,熊本市商工会,2025-08-20,13:30,15:30,熊本市国際交流会館,公共施設,,,,20,,
講習会,ＳＮＳ活用講座,③,山都町商工会,令和7年8月20日,１３：３０,１５：３０,山都町中央公民館,公共施設,\"３,３００\",無料,上村 健一,２０名,,
講習会,年度末のEC講座,2,山都町商工会,R8.3.10,13:30,15:30,山都町中央公民館,公共施設,,,,,,
講習会,SNS活用講座,3,山都町商工会,2025-08-20,10:00,12:00,山都町中央公民館,公共施設,,,,,,
講習会,キャッシュレス講座,4,益城町商工会,2025-09-03,15:00,13:00,益城町交流情報センター,公共施設,,,,,,
講習会,EC講座,2,益城町商工会,R7.2.30,13:30,15:30,益城町交流情報センター,公共施設,,,,,,
個別相談会,IT個別相談会,1,八代商工会議所,2025-09-05,10:00,16:00,八代商工会議所 会議室,団体の事務所・会館,5000,,,,,
講習会,会計ソフト講座,1,八代商工会議所,2025-09-06,13:30,15:30,八代市厚生会館,公共施設,,1000,,,,
講習会,AI講座,5,玉名商工会議所,2025-09-08,13:30,15:30,玉名市民会館,公共施設,,,山田 太郎,,,
講習会,クラウド会計講座,1,人吉商工会議所,2025-08-20,15:00,17:00,人吉市カルチャーパレス,公共施設,,,上村 健一,,,
勉強会,IT勉強会,1,人吉商工会議所,2025-09-10,13:30,15:30,人吉市カルチャーパレス,公共施設,,,,,,
講習会,中止した講座,1,人吉商工会議所,2025-09-11,13:30,15:30,人吉市カルチャーパレス,公共施設,,,,,中止,
";

#[test]
fn bad_event_rows_show_the_exact_errors_and_nothing_is_imported() {
    let home = tempfile::tempdir().unwrap();
    let db = with_sample_experts(home.path());
    let file = home.path().join("events.csv");
    std::fs::write(&file, BAD_EVENTS).unwrap();
    let before = snapshot(&db);
    for extra in [&["--dry-run"][..], &[][..]] {
        let out = import(home.path(), &db, file.to_str().unwrap(), extra);
        assert_eq!(out.status.code(), Some(1), "{}{}", text(&out.stdout), text(&out.stderr));
        let stdout = text(&out.stdout);
        let expected = "取り込めない行が 11 件あります:
  2行目 [主催団体] 主催団体「熊本市商工会」は登録されていません (団体はタブ2「名簿」に登録します)
  4行目 [開催日] R-P1: 令和8年3月10日 は事業の実施期間外です (実施期間 令和7年4月1日〜令和8年2月27日)
  5行目 [名称] 3行目と同じ講習会・相談会です (同じ主催団体・開催日・名称)
  6行目 [終了] 終了は開始より後にしてください
  7行目 [開催日] 2025年2月30日はありません (2月は28日まで)
  8行目 [会場使用料] R-S5: 会場が団体の事務所・会館の場合、会場使用料は支払いません
  9行目 [参加費] R-S3: 参加受講料は無料です (¥1,000 は入力できません)
  10行目 [講師] 専門家「山田 太郎」は名簿にいないか、同じ名前が複数います
  11行目 [講師] DESK-1: この専門家は令和7年8月20日 13:30〜15:30 に別の予定があります (講習会・相談会: SNS活用講座)
  12行目 [種別] 種別「勉強会」が分かりません (講習会・個別相談会)
  13行目 [中止理由] 値がありません (必須)
";
        assert!(stdout.ends_with(expected), "{stdout}");
        if extra.is_empty() {
            assert!(text(&out.stderr).contains("何も取り込んでいません"), "{}", text(&out.stderr));
        } else {
            assert!(stdout.contains("追加される行 1 件"), "row 3 is fine: {stdout}");
        }
        assert_eq!(snapshot(&db), before, "nothing changed ({extra:?})");
    }
    // Row 3 alone imports as the desk meant it.
    let lines: Vec<&str> = BAD_EVENTS.lines().collect();
    std::fs::write(&file, format!("{}\n{}\n", lines[0], lines[2])).unwrap();
    let out = import(home.path(), &db, file.to_str().unwrap(), &[]);
    assert!(out.status.success(), "{}{}", text(&out.stdout), text(&out.stderr));
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM event WHERE title = 'SNS活用講座' AND event_date = '2025-08-20' AND start_min = 810
               AND end_min = 930 AND venue_fee_yen = 3300 AND capacity = 20 AND theme = 3 AND status = 'applied'"
        ),
        1
    );
}
