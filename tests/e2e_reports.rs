//! End to end, the reports from the console in a pseudo-terminal on a database made by `demo --out`: `X` opens
//! the export popup, the report is written (mode 0600) on the worker and its path shown; a file with a bad row
//! is checked first (R-E3 shown, nothing imported), a good one is imported after Enter confirms it; `F` shows
//! the applications counted by theme × chamber with the year's total, and a cell's records open on tab 1.

mod common;

use calamine::Reader;
use common::{Console, run_ok};

const ENTER: &str = "\r";
const CTRL_S: &str = "\x13";
const CTRL_U: &str = "\x15";
const RIGHT: &str = "\x1b[C";

fn count(conn: &rusqlite::Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Opens the popup, chooses the n-th kind (0: the report), types `path` into the file field and runs it.
fn run_popup(c: &mut Console, kind: usize, path: &str) {
    c.send("X");
    c.wait_for("書き出し・取り込み");
    c.send(&RIGHT.repeat(kind));
    // The file field is the last one shown: from the first field, Shift-Tab wraps to it.
    c.send("\x1b[Z");
    c.send(CTRL_U);
    c.send(path);
    c.send(CTRL_S);
}

#[test]
fn the_popup_exports_the_report_and_imports_after_a_dry_run_and_f_counts_the_applications() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("desk.db");
    let dbs = db.to_str().unwrap();
    run_ok(home.path(), &["demo", "--scale", "1", "--out", dbs]);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let mut c = Console::start(home.path(), &["--db", dbs, "--today", "2025-11-04"], 120, 40);
    c.wait_for("申請");

    // The report, written by the worker; the popup ends with the absolute path.
    let out = home.path().join("report.xlsx");
    run_popup(&mut c, 0, out.to_str().unwrap());
    let screen = c.wait_for("書き出しました");
    assert!(screen.contains("report.xlsx"), "{screen}");
    let book = calamine::open_workbook_auto(&out).unwrap();
    assert_eq!(book.sheet_names().len(), 10, "a cover and nine tables");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o600);
    }
    c.send(ENTER);
    c.wait_until("the popup closed", |s| !s.contains("書き出しました"));

    // An import with an ineligible row: the dry run names R-E3, Enter does not import, the database is unchanged.
    let businesses = count(&conn, "SELECT COUNT(*) FROM business");
    let bad = home.path().join("bad.csv");
    std::fs::write(
        &bad,
        "事業者名,フリガナ,法人格,電話番号,市町村\n一般社団法人くまもと観光,クマモトカンコウ,一般社団法人,096-111-3333,熊本市\n",
    )
    .unwrap();
    run_popup(&mut c, 5, bad.to_str().unwrap());
    let screen = c.wait_for("R-E3");
    assert!(screen.contains("2行目 [法人格]"), "{screen}");
    c.send(ENTER);
    c.wait_for("書き出し・取り込み");
    assert_eq!(count(&conn, "SELECT COUNT(*) FROM business"), businesses, "nothing imported");
    // Something was typed: the first Esc asks, the second closes.
    c.send("\x1b");
    c.wait_for("入力を破棄しますか");
    c.send("\x1b");
    c.wait_until("the form closed", |s| !s.contains("書き出し・取り込み"));

    // A good file: checked, then imported on Enter, as one action.
    let good = home.path().join("good.csv");
    std::fs::write(
        &good,
        "事業者名,フリガナ,法人格,電話番号,市町村\n株式会社ひのくに試験,ヒノクニシケン,株式会社,096-999-0001,熊本市\n",
    )
    .unwrap();
    run_popup(&mut c, 5, good.to_str().unwrap());
    c.wait_for("Enter で取り込む");
    c.send(ENTER);
    c.wait_for("を取り込みました");
    assert_eq!(count(&conn, "SELECT COUNT(*) FROM business"), businesses + 1);
    c.send(ENTER);

    // F: applications by theme × chamber; the totals row ends with the year's applications.
    c.send("F");
    let screen = c.wait_until("the counts", |s| s.contains("集計表: 申請 (テーマ × 申請元)") && s.contains("合計"));
    let total = count(&conn, "SELECT COUNT(*) FROM dispatch WHERE fiscal_year = 2025");
    let last = screen.lines().rfind(|l| l.trim_start_matches('│').trim_start().starts_with("合計")).unwrap();
    let figures: Vec<&str> = last.split(|ch: char| !ch.is_ascii_digit()).filter(|s| !s.is_empty()).collect();
    assert_eq!(figures.last().copied(), Some(total.to_string().as_str()), "{screen}");
    // The first non-empty cell's records, then the first of them on tab 1.
    c.send("c");
    c.wait_for("集計表: 申請 (テーマ × 状態)");
    // Month, municipality, expert, then none: one field only.
    c.send("cccc");
    c.wait_until("one field", |s| s.contains("集計表: 申請 (テーマ × 件数)") && s.contains("合計"));
    c.send(ENTER);
    let screen = c.wait_until("the records", |s| s.contains("の記録 (") && s.contains("R7-"));
    let number: String = screen.lines().find_map(|l| l.find("R7-").map(|i| l[i..i + 7].to_string())).unwrap();
    c.send(ENTER);
    c.wait_until("the application shown on tab 1", |s| !s.contains("集計表") && s.contains(&number));
}
