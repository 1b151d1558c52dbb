//! `madoguchi import` from the real binary: the sample files import once (a second import adds nothing), bad
//! rows are listed with their row, column and reason and leave the database unchanged.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn madoguchi(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_madoguchi"))
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .stdin(Stdio::null())
        .output()
        .expect("run madoguchi")
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
    ["business", "expert", "expert_theme", "dispatch", "action", "audit", "search_entry"]
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
    let actions = count(&db, "SELECT COUNT(*) FROM action WHERE label LIKE 'import %'");
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
