//! End to end, two consoles on the same database (WAL): each sees the other's changes when idle, and saving
//! a record the other changed since it was opened is refused, never a silent overwrite.

mod common;

use common::{Console, run_ok};
use madoguchi::domain::model::DispatchStatus;
use madoguchi::ui::i18n::{Lang, label};

const ESC: &str = "\x1b";
const CTRL_S: &str = "\x13";

/// The status of R7-0300 as the list shows it.
fn status_label(db: &std::path::Path) -> &'static str {
    let conn = rusqlite::Connection::open(db).unwrap();
    let code: String =
        conn.query_row("SELECT status FROM dispatch WHERE fiscal_year = 2025 AND seq = 300", [], |r| r.get(0)).unwrap();
    let status = DispatchStatus::ALL.iter().find(|s| s.code() == code).unwrap();
    label::dispatch_status(Lang::Ja, *status)
}

/// An active expert with no relation to R7-0300's business (so R-D5 allows the approval).
fn free_expert(db: &std::path::Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(
        "SELECT name FROM expert WHERE retired_on IS NULL AND id NOT IN (
             SELECT expert_id FROM expert_relation WHERE business_id =
                 (SELECT business_id FROM dispatch WHERE fiscal_year = 2025 AND seq = 300))
         ORDER BY id LIMIT 1",
        [],
        |r| r.get(0),
    )
    .unwrap()
}

/// Moves R7-0300 (selected) to its next status, picking `expert` when the next status is approval.
fn next_status(c: &mut Console, expert: &str) {
    c.send("t");
    let form = c.wait_for("状態の変更");
    if form.contains("< 承認 >") {
        // The recommended expert comes pre-filled: Ctrl-U clears the field for another.
        c.send("\t\t\x15");
        c.send(expert);
        let candidate = format!("{}{expert}", " ".repeat(24));
        // The candidates drawn with the whole name in the focused field are that name's.
        c.wait_until("the expert among the candidates", |s| {
            s.lines().any(|l| l.contains("│>") && l.contains(expert)) && s.lines().any(|l| l.contains(&candidate))
        });
        c.send("\r");
        c.wait_for("✓");
    }
    c.send(CTRL_S);
    c.wait_for("保存しました");
}

/// R7-0300's row on a screen.
fn row(screen: &str) -> String {
    screen.lines().find(|l| l.contains("R7-0300")).unwrap_or_default().to_string()
}

#[test]
fn a_change_in_one_console_shows_in_the_other_and_a_stale_edit_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("desk.db");
    let dbs = db.to_str().unwrap();
    run_ok(home.path(), &["demo", "--scale", "1", "--out", dbs]);
    let args = ["--db", dbs, "--today", "2025-11-04"];
    let mut a = Console::start(home.path(), &args, 160, 48);
    let mut b = Console::start(home.path(), &args, 160, 48);
    // The detail of R7-0300 (selected) is loaded: e and t act on it.
    a.wait_for("│R7-0300  2025-11-04 (R7.11.4)");
    b.wait_for("│R7-0300  2025-11-04 (R7.11.4)");
    let before = status_label(&db);

    // A opens R7-0300's Form 1 to edit it; meanwhile B moves R7-0300 to its next status.
    a.send("e");
    a.wait_for("申請内容の編集");
    let expert = free_expert(&db);
    next_status(&mut b, &expert);
    let after = status_label(&db);
    assert_ne!(before, after, "B changed the status");

    // A's save is refused: the application changed since A opened it; nothing is overwritten.
    a.send(CTRL_S);
    // It says what changed: who, and the fields of the other console's change.
    a.wait_until("the refusal shows what changed", |s| {
        s.contains("開いた後に他の端末で変更されました") && s.contains("状態")
    });
    assert_eq!(status_label(&db), after);

    // A closes the form and, idle, shows B's change without any key.
    a.send(ESC);
    // (the list row and the detail pane, which loads after the list page)
    let detail = |status: &str| format!("│R7-0300  2025-11-04 (R7.11.4)  {status}");
    a.wait_until("A shows the new status", |s| {
        row(s).contains(after) && s.contains(&detail(after)) && !s.contains("申請内容の編集")
    });

    // And the other way round: A moves it on, B (idle) shows it.
    next_status(&mut a, &expert);
    let third = status_label(&db);
    assert_ne!(third, after);
    b.wait_until("B shows A's change", |s| row(s).contains(third) && s.contains(&detail(third)));
    a.send("q");
    b.send("q");
    assert!(a.wait_exit() && b.wait_exit());
}
