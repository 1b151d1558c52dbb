//! `madoguchi export` from the real binary on a demo database: the report's workbook is read back with
//! calamine and every figure compared with a SQL count; CSV, feedback and announcements alike.

#[path = "support/reports.rs"]
mod support;

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use rusqlite::params;
use support::{demo_db, on_demo, sql, text};

const TODAY: &str = "2026-03-31";

fn db() -> &'static Path {
    demo_db("export-demo")
}

/// The rows of one sheet of a workbook.
fn sheet(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let mut wb: Xlsx<_> = open_workbook(path).expect("open the workbook");
    let range = wb.worksheet_range(name).unwrap_or_else(|e| panic!("sheet {name}: {e}"));
    range.rows().map(<[Data]>::to_vec).collect()
}

/// A table's data rows (below its title, blank row and header), the totals row last.
fn body(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let rows = sheet(path, name);
    assert!(rows.len() > 3, "{name} has rows");
    rows[3..].to_vec()
}

fn num(d: &Data) -> f64 {
    match d {
        Data::Float(f) => *f,
        Data::Int(n) => *n as f64,
        other => panic!("not a number: {other:?}"),
    }
}

fn int(d: &Data) -> i64 {
    num(d) as i64
}

fn label(d: &Data) -> String {
    d.to_string()
}

fn report(home: &Path) -> std::path::PathBuf {
    let out = home.join("report.xlsx");
    let o = on_demo(home, db(), TODAY, &["export", "report", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("作成しました"), "{}", text(&o.stdout));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o600);
    }
    out
}

#[test]
fn report_figures_equal_sql_counts() {
    let home = tempfile::tempdir().unwrap();
    let xlsx = report(home.path());
    let db = db();
    let y = 2025;

    let cover = sheet(&xlsx, "表紙");
    let cover_text: Vec<String> = cover.iter().flatten().map(label).collect();
    assert!(cover_text.iter().any(|c| c.contains("令和7年度")), "{cover_text:?}");
    assert!(cover_text.iter().any(|c| c == "くまもと中小企業デジタル相談窓口"));
    assert!(cover_text.iter().any(|c| c.contains("2026-03-31 (令和8年3月31日)")), "{cover_text:?}");

    let all = sql(db, "SELECT COUNT(*) FROM dispatch WHERE fiscal_year = ?1", [y]);
    let rejected = sql(db, "SELECT COUNT(*) FROM dispatch WHERE fiscal_year = ?1 AND status = 'rejected'", [y]);
    assert!(all > 100 && rejected > 0, "a realistic demo year");

    let rows = body(&xlsx, "テーマ別派遣申請");
    let (total, data) = rows.split_last().unwrap();
    for r in data {
        let theme = label(&r[0]).chars().next().map(|c| c as i64 - 0x2460 + 1).unwrap();
        let q = "SELECT COUNT(*) FROM dispatch WHERE fiscal_year = ?1 AND theme = ?2";
        assert_eq!(int(&r[1]), sql(db, q, params![y, theme]), "theme {theme}");
        let q = "SELECT COUNT(*) FROM dispatch WHERE fiscal_year = ?1 AND theme = ?2 AND status = 'rejected'";
        assert_eq!(int(&r[2]), sql(db, q, params![y, theme]), "theme {theme} rejected");
    }
    assert_eq!((label(&total[0]).as_str(), int(&total[1]), int(&total[2])), ("合計", all, rejected));

    let rows = body(&xlsx, "商工会等別派遣申請");
    let (total, data) = rows.split_last().unwrap();
    for r in data {
        let name = label(&r[0]);
        let n = if name == "窓口で直接受付" {
            sql(db, "SELECT COUNT(*) FROM dispatch WHERE fiscal_year = ?1 AND chamber_id IS NULL", [y])
        } else {
            let q = "SELECT COUNT(*) FROM dispatch d JOIN organisation o ON o.id = d.chamber_id
                     WHERE d.fiscal_year = ?1 AND o.name = ?2";
            sql(db, q, params![y, name])
        };
        assert_eq!(int(&r[1]), n, "{name}");
    }
    assert_eq!(int(&total[1]), all);

    let rows = body(&xlsx, "市町村別派遣申請");
    let (total, data) = rows.split_last().unwrap();
    for r in data {
        let name = label(&r[0]);
        let q = "SELECT COUNT(*) FROM dispatch d JOIN business b ON b.id = d.business_id
                 LEFT JOIN municipality m ON m.id = b.municipality_id
                 WHERE d.fiscal_year = ?1 AND COALESCE(m.name, '未登録') = ?2";
        assert_eq!(int(&r[1]), sql(db, q, params![y, name]), "{name}");
    }
    assert_eq!(int(&total[1]), all);

    let rows = body(&xlsx, "月別派遣申請");
    assert_eq!(rows.len(), 13, "twelve months and the total");
    assert_eq!(label(&rows[0][0]), "令和7年4月");
    assert_eq!(label(&rows[11][0]), "令和8年3月");
    for (i, r) in rows[..12].iter().enumerate() {
        let month = if i < 9 { format!("2025-{:02}", i + 4) } else { format!("2026-{:02}", i - 8) };
        let q = "SELECT COUNT(*) FROM dispatch WHERE fiscal_year = ?1 AND substr(received_on, 1, 7) = ?2";
        assert_eq!(int(&r[1]), sql(db, q, params![y, month]), "{month}");
    }
    assert_eq!(int(&rows[12][1]), all);

    let rows = body(&xlsx, "派遣回数と時間");
    let total = rows.last().unwrap();
    let visits = "FROM visit v JOIN dispatch d ON d.id = v.dispatch_id WHERE d.fiscal_year = ?1";
    assert_eq!(int(&total[1]), sql(db, &format!("SELECT COUNT(*) {visits}"), [y]));
    assert_eq!(int(&total[2]), sql(db, &format!("SELECT COUNT(*) {visits} AND v.place = 'online'"), [y]));
    let minutes = sql(db, &format!("SELECT SUM(v.end_min - v.start_min) {visits}"), [y]);
    assert!((num(&total[3]) - minutes as f64 / 60.0).abs() < 0.05 * 13.0, "hours {} vs {minutes} min", num(&total[3]));
    assert!(int(&total[1]) > 0);

    let rows = body(&xlsx, "否決理由別件数");
    assert_eq!(rows.len(), 9, "eight grounds and the total");
    for (i, r) in rows[..8].iter().enumerate() {
        let q = "SELECT COUNT(*) FROM rejection_ground g JOIN dispatch d ON d.id = g.dispatch_id
                 WHERE d.fiscal_year = ?1 AND g.ground = ?2";
        assert_eq!(int(&r[1]), sql(db, q, params![y, i as i64 + 1]), "ground {}", i + 1);
    }

    let rows = body(&xlsx, "窓口相談");
    let channels = ["phone", "visit", "mail", "online"];
    let outcomes = ["open", "on_the_spot", "dispatch"];
    for (r, channel) in rows.iter().zip(channels) {
        for (c, outcome) in outcomes.iter().enumerate() {
            let q = "SELECT COUNT(*) FROM desk_consultation WHERE fiscal_year = ?1 AND channel = ?2 AND outcome = ?3";
            assert_eq!(int(&r[c + 1]), sql(db, q, params![y, channel, outcome]), "{channel} {outcome}");
        }
    }
    let consultations = sql(db, "SELECT COUNT(*) FROM desk_consultation WHERE fiscal_year = ?1", [y]);
    assert_eq!(int(&rows.last().unwrap()[4]), consultations);

    let rows = body(&xlsx, "講習会・個別相談会");
    let total = rows.last().unwrap();
    let held = "FROM event WHERE fiscal_year = ?1 AND status IN ('held', 'closed')";
    assert_eq!(int(&total[3]), sql(db, &format!("SELECT COUNT(*) {held}"), [y]));
    assert_eq!(int(&total[4]), sql(db, &format!("SELECT SUM(attendance) {held}"), [y]));
    for r in &rows[..rows.len() - 1] {
        assert!(["講習会", "個別相談会"].contains(&label(&r[0]).as_str()));
    }

    let rows = body(&xlsx, "謝金・旅費・立替金");
    let total = rows.last().unwrap();
    let paid = "FROM payment WHERE fiscal_year = ?1 AND status = 'paid'";
    assert_eq!(int(&total[1]), sql(db, &format!("SELECT SUM(honorarium_yen) {paid}"), [y]));
    assert_eq!(int(&total[2]), sql(db, &format!("SELECT SUM(travel_yen) {paid}"), [y]));
    assert_eq!(int(&total[3]), sql(db, &format!("SELECT SUM(withholding_yen) {paid}"), [y]));
    assert_eq!(int(&total[4]), sql(db, &format!("SELECT SUM(net_yen) {paid}"), [y]));
    let claims = "SELECT SUM(amount_yen) FROM claim WHERE fiscal_year = ?1 AND status = 'paid'";
    assert_eq!(int(&total[5]), sql(db, claims, [y]));
    assert!(int(&total[1]) > 0, "the demo year pays honoraria");
}

#[test]
fn csv_tables_have_a_bom_and_the_same_figures() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("rejections.csv");
    let o =
        on_demo(home.path(), db(), TODAY, &["export", "csv", "--table", "rejections", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 with BOM");
    let csv = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "否決理由 (R-D5),件数");
    assert_eq!(lines.len(), 10);
    let total = sql(
        db(),
        "SELECT COUNT(*) FROM rejection_ground g JOIN dispatch d ON d.id = g.dispatch_id WHERE d.fiscal_year = 2025",
        [],
    );
    assert_eq!(lines[9], format!("合計,{total}"));
    assert!(csv.contains("\r\n"), "CRLF for Excel");
}

#[test]
fn an_unknown_table_lists_the_valid_names() {
    let home = tempfile::tempdir().unwrap();
    let o = on_demo(home.path(), db(), TODAY, &["export", "csv", "--table", "nope", "--out", "x.csv"]);
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    for name in
        ["dispatches-by-theme", "dispatches-by-chamber", "visits", "rejections", "consultations", "events", "payments"]
    {
        assert!(err.contains(name), "{err}");
    }
}

#[test]
fn feedback_lists_each_dispatch_of_the_chamber_with_its_report() {
    let home = tempfile::tempdir().unwrap();
    let conn = rusqlite::Connection::open(db()).unwrap();
    let (chamber, id): (String, i64) = conn
        .query_row(
            "SELECT o.name, o.id FROM dispatch d JOIN organisation o ON o.id = d.chamber_id
             WHERE d.fiscal_year = 2025 AND d.feedback_sent_on IS NOT NULL GROUP BY o.id ORDER BY COUNT(*) DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let out = home.path().join("feedback.xlsx");
    let o = on_demo(
        home.path(),
        db(),
        TODAY,
        &["export", "feedback", "--chamber", &chamber, "--out", out.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let rows = sheet(
        &out,
        &format!("令和7年度 専門家派遣 フィードバック ({chamber} 御中)").chars().take(31).collect::<String>(),
    );
    let header = rows.iter().position(|r| r.first().map(label).as_deref() == Some("申請番号")).expect("header row");
    let data = &rows[header + 1..];
    let expected = sql(
        db(),
        "SELECT COUNT(*) FROM dispatch WHERE chamber_id = ?1 AND fiscal_year = 2025 AND status <> 'rejected'",
        [id],
    );
    assert_eq!(data.len() as i64, expected);
    let with_summary: i64 = data.iter().filter(|r| !label(&r[7]).is_empty()).count() as i64;
    let q = "SELECT COUNT(*) FROM dispatch WHERE chamber_id = ?1 AND fiscal_year = 2025 AND status <> 'rejected' AND report_summary <> ''";
    assert_eq!(with_summary, sql(db(), q, [id]));
    assert!(data.iter().any(|r| label(&r[8]).starts_with("令和")), "feedback dates in 和暦");

    let o = on_demo(
        home.path(),
        db(),
        TODAY,
        &["export", "feedback", "--chamber", "存在しない商工会", "--out", out.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("「存在しない商工会」が見つかりません"), "{}", text(&o.stderr));
}

#[test]
fn announcements_are_an_escaped_html_fragment_of_upcoming_events() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("events.html");
    let o = on_demo(home.path(), db(), "2025-10-01", &["export", "announcements", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<section") && !html.contains("<html"), "a fragment");
    let upcoming = sql(
        db(),
        "SELECT COUNT(*) FROM event WHERE event_date >= '2025-10-01' AND status IN ('approved', 'announced')",
        [],
    );
    assert!(upcoming > 0);
    assert_eq!(html.matches("<tr><td>").count() as i64, upcoming);
    assert!(html.contains("(令和7年"), "dates in ISO and 和暦");

    let csv = home.path().join("events.csv");
    let o = on_demo(home.path(), db(), "2025-10-01", &["export", "announcements", "--out", csv.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let lines = std::fs::read_to_string(&csv).unwrap().lines().count() as i64;
    assert_eq!(lines, upcoming + 1);
}
