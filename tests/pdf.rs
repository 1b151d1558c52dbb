//! Documents as PDF with an embedded Japanese font, from the real binary on a demo database: the page count
//! (pdfinfo) and the Japanese text extracted back (pdftotext, from poppler-utils, installed by `.ci/run`).

#[path = "support/reports.rs"]
mod support;

use std::path::Path;
use std::process::Command;

use support::{demo_db, on_demo, sql, text};

const TODAY: &str = "2026-03-31";

fn db() -> &'static Path {
    demo_db("pdf-demo")
}

fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed for this test (Debian: apt-get install poppler-utils): {e}"));
    assert!(out.status.success(), "{tool}: {}", text(&out.stderr));
    text(&out.stdout)
}

fn pages(pdf: &Path) -> usize {
    let info = poppler("pdfinfo", &[pdf.to_str().unwrap()]);
    let line = info.lines().find(|l| l.starts_with("Pages:")).expect("a page count");
    line["Pages:".len()..].trim().parse().unwrap()
}

/// The text of a PDF, with the spaces pdftotext puts between glyphs laid out apart removed.
fn pdf_text(pdf: &Path) -> String {
    poppler("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"])
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn export_document(home: &Path, kind: &str, id: &str, out: &Path) {
    let o = on_demo(home, db(), TODAY, &["export", "document", kind, id, "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{kind} {id}: {}{}", text(&o.stdout), text(&o.stderr));
}

#[test]
fn a_rejection_notice_is_one_page_of_extractable_japanese() {
    let home = tempfile::tempdir().unwrap();
    let conn = rusqlite::Connection::open(db()).unwrap();
    let (seq, business, grounds): (i64, String, i64) = conn
        .query_row(
            "SELECT d.seq, b.name, (SELECT COUNT(*) FROM rejection_ground g WHERE g.dispatch_id = d.id)
             FROM dispatch d JOIN business b ON b.id = d.business_id
             WHERE d.fiscal_year = 2025 AND d.status = 'rejected' AND d.chamber_id IS NOT NULL ORDER BY d.seq LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    let pdf = home.path().join("notice.pdf");
    export_document(home.path(), "notice", &format!("R7-{seq:04}"), &pdf);
    assert_eq!(pages(&pdf), 1);
    let all = squeeze(&pdf_text(&pdf));
    for expected in [
        "専門家派遣決定通知書",
        "御中",
        "否決",
        "否決理由(R-D5)",
        "くまもと中小企業デジタル相談窓口",
        "令和8年3月31日",
        "1/1ページ",
    ] {
        assert!(all.contains(expected), "{expected:?} not in {all}");
    }
    assert!(all.contains(&squeeze(&business)), "{business} not in {all}");
    assert!(grounds >= 1);
}

#[test]
fn the_payment_list_numbers_its_pages() {
    let home = tempfile::tempdir().unwrap();
    let pdf = home.path().join("payments.pdf");
    export_document(home.path(), "payments", "2025", &pdf);
    let n = pages(&pdf);
    let lines =
        sql(db(), "SELECT COUNT(*) FROM payment WHERE fiscal_year = 2025 AND status IN ('approved', 'paid')", []);
    assert!(n > 1 && (n as i64) < lines, "{n} pages for {lines} payments");
    let all = squeeze(&pdf_text(&pdf));
    assert!(all.contains("令和7年度謝金・旅費支払一覧"), "{all}");
    assert!(all.contains(&format!("{n}/{n}ページ")), "the last page says {n}/{n}");
    assert!(all.contains("合計"));
}

#[test]
fn documents_as_xlsx_and_the_other_pdfs() {
    let home = tempfile::tempdir().unwrap();
    let seq = sql(
        db(),
        "SELECT MIN(d.seq) FROM dispatch d JOIN visit v ON v.dispatch_id = d.id WHERE d.fiscal_year = 2025",
        [],
    );
    let request = home.path().join("request.pdf");
    export_document(home.path(), "request", &format!("R7-{seq:04}"), &request);
    let all = squeeze(&pdf_text(&request));
    assert!(all.contains("専門家派遣依頼書") && all.contains("派遣日程"), "{all}");

    let claim = sql(db(), "SELECT MIN(id) FROM claim", []);
    let form4 = home.path().join("form4.pdf");
    export_document(home.path(), "form4", &claim.to_string(), &form4);
    let all = squeeze(&pdf_text(&form4));
    assert!(all.contains("様式4立替金精算書") && all.contains("熊本県商工会連合会御中"), "{all}");

    let xlsx = home.path().join("request.xlsx");
    export_document(home.path(), "request", &format!("R7-{seq:04}"), &xlsx);
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"), "an xlsx (zip) file");

    let o = on_demo(home.path(), db(), TODAY, &["export", "document", "notice", "R7-9999", "--out", "x.pdf"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("申請 R7-9999 が見つかりません"), "{}", text(&o.stderr));
    let o = on_demo(home.path(), db(), TODAY, &["export", "document", "notice", "R7-0001", "--out", "x.docx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains(".xlsx / .pdf"), "{}", text(&o.stderr));
}

#[test]
fn a_configured_font_that_is_missing_is_named() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config.toml");
    std::fs::write(&config, "[export]\npdf_font = \"/nonexistent/font.ttf\"\n").unwrap();
    let seq = sql(db(), "SELECT MIN(seq) FROM dispatch WHERE fiscal_year = 2025", []);
    let out = home.path().join("request.pdf");
    let o = on_demo(
        home.path(),
        db(),
        TODAY,
        &[
            "--config",
            config.to_str().unwrap(),
            "export",
            "document",
            "request",
            &format!("R7-{seq:04}"),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("フォント /nonexistent/font.ttf を PDF に使えません"), "{}", text(&o.stderr));
    assert!(!out.exists(), "no half-written file");
}
