//! End to end, the console's import popup (`X`) in a pseudo-terminal: the sample events sheet is told from its
//! headers, checked, imported on Enter as one action, and `u` takes the whole import back.

mod common;

use common::{Console, run_ok};

const ENTER: &str = "\r";
const CTRL_S: &str = "\x13";
const CTRL_U: &str = "\x15";
const RIGHT: &str = "\x1b[C";

fn count(conn: &rusqlite::Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn the_popup_imports_the_sample_events_and_u_takes_them_back() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("desk.db");
    let dbs = db.to_str().unwrap();
    madoguchi::store::Store::open(&db, "test").unwrap();
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    run_ok(home.path(), &["--db", dbs, "import", samples.join("experts.xlsx").to_str().unwrap()]);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let mut c = Console::start(home.path(), &["--db", dbs, "--today", "2025-08-01"], 120, 40);
    c.wait_for("申請");

    // The sixth kind of the popup is the import; the file field is reached with Shift-Tab.
    c.send("X");
    c.wait_for("書き出し・取り込み");
    c.send(&RIGHT.repeat(5));
    c.send("\x1b[Z");
    c.send(CTRL_U);
    c.send(samples.join("events.xlsx").to_str().unwrap());
    c.send(CTRL_S);
    let screen = c.wait_for("Enter で取り込む");
    assert!(screen.contains("(講習会・相談会)") && screen.contains("追加される行 6 件"), "{screen}");
    assert_eq!(count(&conn, "SELECT COUNT(*) FROM event"), 0, "checked, not yet imported");
    c.send(ENTER);
    c.wait_for("を取り込みました");
    assert_eq!(count(&conn, "SELECT COUNT(*) FROM event"), 6);
    c.send(ENTER);
    c.wait_until("the popup closed", |s| !s.contains("を取り込みました"));

    c.send("u");
    let screen = c.wait_for("取り消しました");
    assert!(screen.contains("講習会・相談会の取り込み"), "{screen}");
    assert_eq!((count(&conn, "SELECT COUNT(*) FROM event"), count(&conn, "SELECT COUNT(*) FROM event_expert")), (0, 0));
}
