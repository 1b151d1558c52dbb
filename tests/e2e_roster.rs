//! End to end, the roster in a pseudo-terminal on a database made by `demo --out`: from an application under
//! review, open "find an expert" (f), filter by theme, see an expert related to the applicant marked with R-D5,
//! be asked for a reason when assigning them, assign with one, return to tab 1 with a notice; then the lookup's
//! the roster shows that expert's card with the relation.

mod common;

use common::{Console, run_ok};

const ESC: &str = "\x1b";
const ENTER: &str = "\r";
const CTRL_K: &str = "\x0b";
const CTRL_S: &str = "\x13";

/// An application under review whose business has a municipality, its theme, and an active expert of that
/// theme to whom the test records an advisory contract with the business.
fn arrange(db: &std::path::Path) -> (String, u8, String) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let (id, seq, theme, business): (i64, u32, u8, i64) = conn
        .query_row(
            "SELECT d.id, d.seq, d.theme, d.business_id FROM dispatch d JOIN business b ON b.id = d.business_id
             WHERE d.fiscal_year = 2025 AND d.status = 'under_review' AND b.municipality_id IS NOT NULL
             AND EXISTS (SELECT 1 FROM expert_theme t JOIN expert e ON e.id = t.expert_id
                         WHERE t.theme = d.theme AND e.retired_on IS NULL)
             ORDER BY d.seq LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    let (expert_id, expert): (i64, String) = conn
        .query_row(
            "SELECT e.id, e.name FROM expert e JOIN expert_theme t ON t.expert_id = e.id
             WHERE t.theme = ?1 AND e.retired_on IS NULL ORDER BY e.id LIMIT 1",
            [theme],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    conn.execute(
        "INSERT INTO expert_relation (expert_id, business_id, kind, from_date, note)
         VALUES (?1, ?2, 'advisory_contract', '2024-04-01', '顧問契約')",
        [expert_id, business],
    )
    .unwrap();
    let _ = id;
    (format!("R7-{seq:04}"), theme, expert)
}

#[test]
fn find_an_expert_for_an_application_and_assign_a_related_one_with_a_reason() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("desk.db");
    let dbs = db.to_str().unwrap();
    run_ok(home.path(), &["demo", "--scale", "1", "--out", dbs]);
    let (number, theme, expert) = arrange(&db);
    let args = ["--db", dbs, "--today", "2025-11-04"];
    let mut c = Console::start(home.path(), &args, 160, 48);
    c.wait_for("R7-0300");

    // The application, through the lookup; its detail shows once selected.
    c.send(CTRL_K);
    c.wait_for("検索 (Ctrl-K)");
    c.send(&number);
    c.wait_for("申請 (1)");
    c.send(ENTER);
    c.wait_until("the application's detail", |s| {
        !s.contains("検索 (Ctrl-K)") && s.contains("【") && s.contains(&format!("│{number}  "))
    });

    // f: find an expert, narrowed to the application's theme.
    c.send("f");
    let head = format!("[専門家を探す {number}");
    c.wait_for(&head);
    let theme_on = format!("テーマ{theme}");
    // The tab bar (first line) shows the filters in force.
    let head_has = |what: &str, yes: bool| {
        let (head, what) = (head.clone(), what.to_string());
        move |s: &str| s.lines().next().is_some_and(|l| l.contains(&head) && l.contains(&what) == yes)
    };
    c.wait_until("the case's theme", head_has(&theme_on, true));
    // t widens to every theme and back; a anywhere in the prefecture.
    c.send("t");
    c.wait_until("every theme", head_has(&theme_on, false));
    c.send("t");
    c.wait_until("the case's theme again", head_has(&theme_on, true));
    c.send("a");
    c.wait_until("every area", head_has("地域:", false));
    c.send(&format!("/{expert}"));
    c.send(ENTER);
    let screen = c.wait_until("the related expert marked R-D5:2", |s| {
        s.lines().any(|l| l.contains(&expert) && l.contains("R-D5:2"))
    });
    assert!(screen.contains("注意"), "{screen}");

    // Enter: the assignment asks for a reason next to the R-D5 finding; Ctrl-S without one is refused.
    c.send(ENTER);
    c.wait_for("割当:");
    c.wait_for("R-D5:");
    c.send(CTRL_S);
    c.wait_for("R-D5:");
    assert!(c.screen().contains("割当:"), "still in the form");
    c.send("他に対応できる専門家がいないため");
    c.send(CTRL_S);
    c.wait_for(&format!("{expert} を {number} に割り当てました"));
    c.wait_until("back on tab 1", |s| s.contains(&format!("│{number}  ")) && !s.contains("専門家を探す"));

    // On the roster the expert's card shows the relation (R-D5 ground 2).
    c.send("2");
    c.wait_for("[専門家]");
    c.send(&format!("/{expert}"));
    c.send(ENTER);
    c.wait_until("the expert listed", |s| s.lines().filter(|l| l.contains(&expert)).count() >= 2);
    c.send(ENTER);
    c.wait_for("関係 (R-D5 理由1・2)");
    c.wait_for("(R-D5 2)");
    c.send(ESC);
    c.wait_for("[専門家]");
    c.send("q");
    assert!(c.wait_exit());

    let conn = rusqlite::Connection::open(&db).unwrap();
    let reason: String = conn
        .query_row("SELECT reason FROM override WHERE rule = 'R-D5' AND record_table = 'dispatch'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(reason, "他に対応できる専門家がいないため");
}

/// An active expert with visits and a phone number, and how many experts bear that name.
fn expert_with_history(db: &std::path::Path) -> (String, String, usize) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let (name, phone): (String, String) = conn
        .query_row(
            "SELECT e.name, e.phone FROM expert e WHERE e.retired_on IS NULL AND e.phone <> ''
             AND EXISTS (SELECT 1 FROM visit v WHERE v.expert_id = e.id) ORDER BY e.id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let n: i64 = conn.query_row("SELECT COUNT(*) FROM expert WHERE name = ?1", [&name], |r| r.get(0)).unwrap();
    (name, phone, n as usize)
}

#[test]
fn a_duplicate_expert_is_warned_then_saved_deleted_and_one_with_history_is_retired_not_deleted() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("desk.db");
    let dbs = db.to_str().unwrap();
    run_ok(home.path(), &["demo", "--scale", "1", "--out", dbs]);
    let (name, phone, same_name) = expert_with_history(&db);
    let args = ["--db", dbs, "--today", "2025-11-04"];
    let mut c = Console::start(home.path(), &args, 80, 24);
    c.wait_for("R7-0300");
    c.send("2");
    c.wait_for("[専門家]");

    // A new expert with the same name and phone: warned first, saved on the second Ctrl-S.
    c.send("n");
    c.wait_for("専門家の登録");
    c.send(&name);
    c.send(&"\t".repeat(5));
    c.send("3");
    c.send("\t");
    c.send(&phone);
    c.send(CTRL_S);
    c.wait_for("同じ人かもしれない専門家が登録済みです");
    c.send(CTRL_S);
    c.wait_for("保存しました");

    // Both are listed; the new one (no reading yet) sorts first.
    c.send(&format!("/{name}"));
    c.send(ENTER);
    c.wait_for(&format!("{}件", same_name + 1));
    c.send(ENTER);
    c.wait_for("【関係 (R-D5 理由1・2)】");
    c.send("D");
    c.wait_for("Ctrl-S で削除");
    c.send(CTRL_S);
    c.wait_for("専門家を削除");
    c.wait_for(&format!("{same_name}件"));

    // The one with history: delete is refused with the reason; retire works and the card says so.
    c.send(ENTER);
    c.wait_for("【実績");
    c.send("D");
    c.wait_for("Ctrl-S で削除");
    c.send(CTRL_S);
    c.wait_until("the reason on the card", |s| s.lines().any(|l| l.contains("実績がある専門家は削除できません")));
    c.send("r");
    c.wait_for("退任日");
    c.send(CTRL_S);
    c.wait_until("retired on the card", |s| s.contains("退任 2025-11-04"));
    c.send(ESC);
    c.wait_for("[専門家]");
    c.send("q");
    assert!(c.wait_exit());

    let conn = rusqlite::Connection::open(&db).unwrap();
    let (n, retired): (i64, Option<String>) = conn
        .query_row("SELECT COUNT(*), MAX(retired_on) FROM expert WHERE name = ?1", [&name], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((n as usize, retired.as_deref()), (same_name, Some("2025-11-04")));
}
