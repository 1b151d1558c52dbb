//! End to end, the reports from the console in a pseudo-terminal on a database made by `demo --out`: `X` opens
//! the export popup, the report is written (mode 0600) on the worker and its path shown; a file with a bad row
//! is checked first (R-E3 shown, nothing imported), a good one is imported after Enter confirms it; `F` shows
//! the applications counted by theme × chamber with the year's total, and a cell's records open on tab 1; with
//! a status filter the table counts only that status and its record opens in the list filtered alike. A
//! decision notice and the payment list written as PDF from the popup are read back with poppler's `pdfinfo`
//! and `pdftotext` (installed by `.ci/run`; the test fails without them, as `tests/pdf.rs` does).

mod common;

use calamine::Reader;
use common::{Console, run_ok};

const ENTER: &str = "\r";
const CTRL_S: &str = "\x13";
const CTRL_U: &str = "\x15";
const RIGHT: &str = "\x1b[C";
const TAB: &str = "\t";

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
    let total = count(&conn, "SELECT COUNT(*) FROM dispatch WHERE fiscal_year = 2025");
    c.send("F");
    c.wait_until("the year's total", |s| {
        s.contains("集計表 — 申請 (今年度の全件)・テーマ × 申請元") && grand_total(s) == Some(total)
    });
    // The first non-empty cell's records, then the first of them on tab 1.
    c.send("c");
    c.wait_for("集計表 — 申請 (今年度の全件)・テーマ × 状態");
    // Month, municipality, expert, then none: one field only.
    c.send("cccc");
    c.wait_until("one field", |s| s.contains("テーマ × 件数") && s.contains("合計"));
    c.send(ENTER);
    let screen = c.wait_until("the records", |s| s.contains("の記録 (") && first_number(s).is_some());
    let number = first_number(&screen).unwrap();
    c.send(ENTER);
    c.wait_until("the application shown on tab 1", |s| !s.contains("集計表") && s.contains(&number));

    // Filtered by status (受付 → 審査中 → 承認 → 否決): F counts the rejected applications only, and one of them
    // opens in the queue still filtered.
    c.send("ssss");
    c.wait_for("[否決]");
    let rejected = count(&conn, "SELECT COUNT(*) FROM dispatch WHERE fiscal_year = 2025 AND status = 'rejected'");
    assert!(rejected > 0 && rejected < total);
    c.send("F");
    c.wait_until("the rejected applications' total", |s| {
        s.contains("集計表 — 申請 (状態: 否決)・") && grand_total(s) == Some(rejected)
    });
    c.send(ENTER);
    let screen = c.wait_until("the records", |s| s.contains("の記録 (") && first_number(s).is_some());
    let number = first_number(&screen).unwrap();
    let status: String = conn
        .query_row(
            "SELECT status FROM dispatch WHERE fiscal_year = 2025 AND seq = ?1",
            [number[3..].parse::<i64>().unwrap()],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(status, "rejected", "{number}");
    c.send(ENTER);
    let list_head = format!("[否決] {rejected}件");
    c.wait_until("the application in the filtered list", |s| {
        !s.contains("集計表") && s.contains(&number) && s.contains(&list_head)
    });
}

/// The last figure of the totals row, the table's grand total, once the row is drawn.
fn grand_total(screen: &str) -> Option<i64> {
    let last = screen.lines().rfind(|l| l.trim_start_matches('│').trim_start().starts_with("合計"))?;
    let figures: Vec<&str> = last.split(|ch: char| !ch.is_ascii_digit()).filter(|s| !s.is_empty()).collect();
    figures.last()?.parse().ok()
}

/// The first whole application number (R7-0000) on the screen.
fn first_number(screen: &str) -> Option<String> {
    screen.lines().find_map(|l| {
        let i = l.find("R7-")?;
        let digits = l[i + 3..].get(..4).filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?;
        Some(format!("R7-{digits}"))
    })
}

/// A poppler-utils tool's output; the test fails (never skips) without it, as CI installs it.
fn poppler(tool: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed for this test (Debian: apt-get install poppler-utils): {e}"));
    assert!(out.status.success(), "{tool}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn pages(pdf: &std::path::Path) -> usize {
    let info = poppler("pdfinfo", &[pdf.to_str().unwrap()]);
    let line = info.lines().find(|l| l.starts_with("Pages:")).expect("a page count");
    line["Pages:".len()..].trim().parse().unwrap()
}

/// The text of a PDF without the spaces and line breaks pdftotext lays out.
fn pdf_text(pdf: &std::path::Path) -> String {
    poppler("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]).chars().filter(|c| !c.is_whitespace()).collect()
}

/// In the popup on a document: chooses the document `steps` to the right of the one shown, types its number
/// and the output path, and runs it; waits until the path written is shown.
fn write_document(c: &mut Console, steps: usize, id: &str, out: &std::path::Path) -> String {
    c.send("X");
    c.wait_for("書き出し・取り込み");
    // What: the fourth choice, a document; then its kind, its number and the file.
    c.send(&RIGHT.repeat(3));
    c.wait_for("< 送付文書 (通知書");
    c.send(TAB);
    c.send(&RIGHT.repeat(steps));
    c.send(TAB);
    c.send(CTRL_U);
    c.send(id);
    c.send(TAB);
    c.send(CTRL_U);
    c.send(out.to_str().unwrap());
    c.send(CTRL_S);
    let name = out.file_name().unwrap().to_str().unwrap();
    let screen = c.wait_until("the path written", |s| s.contains("書き出しました") && s.contains(name));
    assert!(!screen.contains("できませんでした"), "{screen}");
    c.send(ENTER);
    c.wait_until("the popup closed", |s| !s.contains("書き出しました"));
    screen
}

#[test]
fn the_popup_writes_a_decision_notice_and_the_payment_list_as_pdf_with_extractable_japanese() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("desk.db");
    let dbs = db.to_str().unwrap();
    run_ok(home.path(), &["demo", "--scale", "1", "--out", dbs]);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (seq, business, chamber): (i64, String, String) = conn
        .query_row(
            "SELECT d.seq, b.name, o.name FROM dispatch d JOIN business b ON b.id = d.business_id
             JOIN organisation o ON o.id = d.chamber_id
             WHERE d.fiscal_year = 2025 AND d.status = 'rejected' ORDER BY d.seq LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let number = format!("R7-{seq:04}");
    let mut c = Console::start(home.path(), &["--db", dbs, "--today", "2025-11-04"], 120, 40);
    // The list is loaded: the popup proposes the selected application's decision notice.
    c.wait_for("R7-");

    let notice = home.path().join("notice.pdf");
    write_document(&mut c, 0, &number, &notice);
    assert_eq!(pages(&notice), 1);
    let all = pdf_text(&notice);
    for expected in ["専門家派遣決定通知書", "御中", "否決理由(R-D5)", "令和7年11月4日", "1/1ページ", &number]
    {
        assert!(all.contains(expected), "{expected:?} not in {all}");
    }
    let squeezed = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    assert!(all.contains(&squeezed(&business)) && all.contains(&squeezed(&chamber)), "{business} {chamber}: {all}");

    // The payment list of the year (notice → request → Form 4 → payment list): several numbered pages.
    let payments = home.path().join("payments.pdf");
    write_document(&mut c, 3, "2025", &payments);
    let n = pages(&payments);
    assert!(n > 1, "{n} pages");
    let all = pdf_text(&payments);
    assert!(all.contains("令和7年度謝金・旅費支払一覧"), "{all}");
    assert!(all.contains(&format!("{n}/{n}ページ")) && all.contains("合計"), "the last page says {n}/{n}: {all}");
    let first_payee: String = conn
        .query_row(
            "SELECT x.name FROM payment p JOIN expert x ON x.id = p.expert_id
             WHERE p.fiscal_year = 2025 AND p.status IN ('approved', 'paid') ORDER BY p.id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(all.contains(&squeezed(&first_payee)), "{first_payee} not in the list");
}
