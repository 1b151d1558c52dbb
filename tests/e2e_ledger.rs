//! End to end, the ledger (tab 4) in a pseudo-terminal on a database made by `demo --out`: a Form 4 claim for a
//! public-facility seminar goes submitted → checked → approved → paid and the month's paid total grows by its
//! amount; a claim for an organisation's office is refused with R-S5; an honorarium for a visit is proposed from
//! the fee schedule with the income tax withheld.

mod common;

use common::{Console, run_ok};

const ESC: &str = "\x1b";
const ENTER: &str = "\r";
const TAB: &str = "\t";
const CTRL_S: &str = "\x13";

/// The ISO date of an event of FY2025 with the given venue kind, no claim yet, alone on its day.
fn event_date(conn: &rusqlite::Connection, venue_kind: &str) -> String {
    conn.query_row(
        "SELECT e.event_date FROM event e WHERE e.fiscal_year = 2025 AND e.venue_kind = ?1 AND e.status <> 'cancelled'
         AND NOT EXISTS (SELECT 1 FROM claim c WHERE c.event_id = e.id)
         AND (SELECT COUNT(*) FROM event x WHERE x.event_date = e.event_date) = 1
         ORDER BY e.event_date LIMIT 1",
        [venue_kind],
        |r| r.get(0),
    )
    .unwrap()
}

/// A visit of an individual (not a corporation) expert with no payment, done by 2025-11-04, whose business is
/// the only one with that name among the unpaid visits: (business, expert).
fn unpaid_visit(conn: &rusqlite::Connection) -> (String, String) {
    conn.query_row(
        "SELECT b.name, e.name FROM visit v JOIN expert e ON e.id = v.expert_id
         JOIN dispatch d ON d.id = v.dispatch_id JOIN business b ON b.id = d.business_id
         WHERE e.is_corporation = 0 AND v.visit_date BETWEEN '2025-04-01' AND '2025-11-04'
         AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.visit_id = v.id)
         AND (SELECT COUNT(*) FROM visit v2 JOIN dispatch d2 ON d2.id = v2.dispatch_id
              WHERE d2.business_id = d.business_id AND v2.visit_date <= '2025-11-04'
              AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.visit_id = v2.id)) = 1
         ORDER BY v.visit_date DESC LIMIT 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap()
}

/// The paid total of November 2025 on the totals-by-month view.
fn november_paid(screen: &str) -> Option<i64> {
    let line = screen.lines().find(|l| l.trim_start().starts_with("2025-11 "))?;
    let cells: Vec<&str> = line.split_whitespace().collect();
    cells.get(2)?.replace(',', "").parse().ok()
}

#[test]
fn a_claim_goes_to_paid_an_office_claim_is_refused_and_a_visit_fee_is_proposed() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("desk.db");
    let dbs = db.to_str().unwrap();
    run_ok(home.path(), &["demo", "--scale", "1", "--out", dbs]);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let public = event_date(&conn, "public_facility");
    let office = event_date(&conn, "organisation_office");
    let (business, expert) = unpaid_visit(&conn);
    drop(conn);

    let args = ["--db", dbs, "--today", "2025-11-04"];
    let mut c = Console::start(home.path(), &args, 160, 48);
    c.wait_for("R7-0300");
    c.send("4");
    c.wait_for("[立替金 (様式4)]");
    c.wait_for("予算¥60,000,000");

    // The month's paid total before: v three times gives the totals, by month.
    c.send("vvv");
    c.wait_for("[集計]");
    let before = november_paid(&c.wait_until("November's row", |s| november_paid(s).is_some())).unwrap();
    c.send("v");
    c.wait_for("[立替金 (様式4)]");

    // A claim for the public-facility seminar, picked by its date; the amount typed with ¥ and commas.
    c.send("n");
    c.wait_for("立替金精算書 (様式4) の登録");
    c.send(&public);
    c.wait_until("the event among the candidates", |s| s.lines().any(|l| l.contains(&public) && l.contains('(')));
    c.send(ENTER);
    c.send("¥12,345");
    c.send(TAB);
    c.send("領収書 E2E-1");
    c.send(CTRL_S);
    c.wait_for("保存しました");
    c.wait_until("the claim on top, submitted", |s| s.lines().any(|l| l.contains("12,345") && l.contains("提出")));

    // t three times: checked, approved, paid, each with the date and the staff member.
    for status in ["確認済", "承認", "支払済"] {
        c.send("t");
        c.wait_for(&format!("{status}にする:"));
        c.send(CTRL_S);
        c.wait_until("the step saved and shown", |s| {
            !s.contains(&format!("{status}にする:")) && s.lines().any(|l| l.contains("12,345") && l.contains(status))
        });
    }

    // The month's paid total grew by the amount.
    c.send("vvv");
    c.wait_for("[集計]");
    c.wait_until("November's paid total grown by ¥12,345", |s| november_paid(s) == Some(before + 12_345));

    // A claim for an organisation's office is refused with R-S5, next to the event; the form stays open.
    c.send("v");
    c.wait_for("[立替金 (様式4)]");
    c.send("n");
    c.wait_for("立替金精算書 (様式4) の登録");
    c.send(&office);
    c.wait_until("the office event among the candidates", |s| {
        s.lines().any(|l| l.contains(&office) && l.contains('('))
    });
    c.send(ENTER);
    c.send("8000");
    c.send(CTRL_S);
    c.wait_for("R-S5:");
    assert!(c.screen().contains("立替金精算書 (様式4) の登録"), "the form stays open");
    // Two escapes sent at once read as one key: wait for the question in between.
    c.send(ESC);
    c.wait_for("もう一度 Esc で破棄");
    c.send(ESC);
    c.wait_until("the form closed", |s| !s.contains("立替金精算書 (様式4) の登録"));

    // The visit not paid yet: its honorarium proposed from the fee schedule, 10.21% withheld.
    c.send("vv");
    c.wait_for("[未払の実績]");
    c.send(&format!("/{business}"));
    // Each keystroke reloads the list: wait for the whole name in the filter and the row it lists (a row seen
    // earlier may belong to a shorter prefix, its list about to be replaced), then apply and propose.
    c.wait_until("the visit listed for the whole name", |s| {
        s.lines().next().is_some_and(|l| l.contains(&format!("/{business}")))
            && s.lines().any(|l| l.contains(&business) && l.contains("派遣"))
    });
    c.send(ENTER);
    c.send(ENTER);
    c.wait_for("謝金・旅費の起案:");
    let form = c.wait_for("源泉徴収 ¥3,063 (10.21%)");
    assert!(form.contains("30000"), "¥30,000 per visit from the fiscal-year file:\n{form}");
    c.send(CTRL_S);
    c.wait_for("保存しました");
    // The filter stays: the payments of that business.
    c.send("vvv");
    c.wait_for("[謝金・旅費]");
    c.wait_until("the payment proposed with the tax withheld", |s| {
        s.lines().any(|l| l.contains(&expert) && l.contains("3,063") && l.contains("26,937") && l.contains("起案"))
    });
    c.send("q");
    assert!(c.wait_exit());
}
