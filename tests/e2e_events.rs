//! End to end, the seminar calendar in a pseudo-terminal on a database made by `demo --out`: jump to a date in
//! 和暦, create a seminar at a public facility (an attendance fee is refused first with R-S3), create a
//! consultation day, book two businesses to two experts, try to double-book an expert (refused with DESK-1), quit,
//! reopen and find it all on the calendar; on a session of the demo's startup series, register a business
//! (picked by typing) and a prospective founder (R-S2), mark attendance, and see the series view (R-S10).

mod common;

use common::{Console, run_ok};

const ESC: &str = "\x1b";
const TAB: &str = "\t";
const ENTER: &str = "\r";
const RIGHT: &str = "\x1b[C";
const CTRL_S: &str = "\x13";
const CTRL_U: &str = "\x15";

/// The day the test works on (a Wednesday in the program period, after "today").
const DAY: &str = "2025-12-10";

/// Two active experts with nothing else on `DAY`, and two eligible businesses (R-E1, R-E3).
fn arrange(db: &std::path::Path) -> ([String; 2], [String; 2]) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let names = |sql: &str| -> Vec<String> {
        let mut st = conn.prepare(sql).unwrap();
        st.query_map([DAY], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    let experts = names(
        "SELECT e.name FROM expert e WHERE e.retired_on IS NULL
         AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.expert_id = e.id AND v.visit_date = ?1)
         AND NOT EXISTS (SELECT 1 FROM event_expert x JOIN event ev ON ev.id = x.event_id
                         WHERE x.expert_id = e.id AND ev.event_date = ?1)
         AND NOT EXISTS (SELECT 1 FROM booking b JOIN event ev ON ev.id = b.event_id
                         WHERE b.expert_id = e.id AND ev.event_date = ?1)
         AND (SELECT COUNT(*) FROM expert o WHERE o.name = e.name) = 1
         ORDER BY e.id LIMIT 2",
    );
    let businesses = names(
        "SELECT b.name FROM business b WHERE b.municipality_id IS NOT NULL AND b.legal_form IN ('kk', 'yk')
         AND length(b.name) BETWEEN 4 AND 12 AND ?1 <> ''
         AND (SELECT COUNT(*) FROM business o WHERE o.name LIKE b.name || '%') = 1
         ORDER BY b.id LIMIT 2",
    );
    ([experts[0].clone(), experts[1].clone()], [businesses[0].clone(), businesses[1].clone()])
}

/// Types `query` into the focused record field, waits for `query` among the candidates and picks the first.
fn pick(c: &mut Console, query: &str) {
    c.send(query);
    let candidate = format!("{}{query}", " ".repeat(24));
    c.wait_until(&format!("candidate {query}"), |s| {
        s.lines().any(|l| l.contains("│>") && l.contains(query)) && s.lines().any(|l| l.contains(&candidate))
    });
    c.send(ENTER);
    c.wait_for("✓");
}

/// Books a business to an expert at a time on the consultation day shown (`b`, each field cleared first), and
/// saves.
fn book(c: &mut Console, expert: &str, business: &str, at: &str) {
    c.send("b");
    c.wait_for("予約: E2E EC個別相談会");
    c.send(CTRL_U);
    pick(c, expert);
    pick(c, business);
    c.send(CTRL_U);
    c.send(at);
    c.send(CTRL_S);
}

/// The first characters of a name, as a cut column still shows them.
fn head(name: &str) -> String {
    name.chars().take(4).collect()
}

#[test]
fn seminar_consultation_day_bookings_and_a_refused_double_booking_survive_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("desk.db");
    let dbs = db.to_str().unwrap();
    run_ok(home.path(), &["demo", "--scale", "1", "--out", dbs]);
    let (experts, businesses) = arrange(&db);
    let args = ["--db", dbs, "--today", "2025-11-04"];
    let mut c = Console::start(home.path(), &args, 160, 48);
    c.wait_for("令和7年度");

    // Tab 3 opens on today's month; `:` jumps to a date typed in 和暦.
    c.send("3");
    c.wait_for("2025年11月");
    c.send(":");
    c.wait_for("日付へ移動");
    c.send("R7.12.10");
    c.send(ENTER);
    c.wait_until("December 10", |s| s.contains("2025年12月") && s.contains("2025-12-10 (R7.12.10) 水"));

    // A seminar at a public facility: an attendance fee is refused with R-S3, then it is saved for free.
    c.send("n");
    c.wait_for("講習会・相談会の登録");
    c.send(TAB);
    c.send("E2E SNS活用セミナー");
    c.send(TAB);
    pick(&mut c, "熊本県商工会連合会");
    c.send(&TAB.repeat(4));
    c.send("阿蘇市民会館");
    c.send(&TAB.repeat(3));
    c.send(CTRL_U);
    c.send("500");
    c.send(CTRL_S);
    c.wait_for("R-S3: 参加受講料は無料です");
    c.send(CTRL_U);
    c.send("0");
    c.send(CTRL_S);
    c.wait_until("the seminar's detail", |s| {
        s.contains("講習会 (様式2)  E2E SNS活用セミナー") && s.contains("公共施設")
    });
    c.send(ESC);
    c.wait_until("back on the calendar", |s| s.contains("2025年12月") && !s.contains("講習会 (様式2)"));

    // A consultation day the same afternoon (60-minute slots from 13:30).
    c.send("n");
    c.wait_for("講習会・相談会の登録");
    c.send(RIGHT);
    c.send(TAB);
    c.send("E2E EC個別相談会");
    c.send(TAB);
    pick(&mut c, "熊本県商工会連合会");
    c.send(CTRL_S);
    c.wait_until("the day's detail", |s| {
        s.contains("個別相談会 (様式3)  E2E EC個別相談会") && s.contains("予約はまだありません")
    });

    // Two businesses booked to two experts at 13:30.
    book(&mut c, &experts[0], &businesses[0], "13:30");
    c.wait_until("the first booking", |s| s.contains(&head(&businesses[0])) && !s.contains("予約: E2E"));
    book(&mut c, &experts[1], &businesses[1], "13:30");
    c.wait_until("the second booking", |s| s.contains(&head(&businesses[1])) && !s.contains("予約: E2E"));

    // The first expert again at 13:30: refused, nothing written.
    book(&mut c, &experts[0], &businesses[1], "13:30");
    c.wait_for("DESK-1: この専門家は令和7年12月10日 13:30〜14:30 に別の予定があります");
    c.send(ESC);
    c.wait_for("入力を破棄しますか");
    c.send(ESC);
    c.wait_until("the form closed", |s| !s.contains("予約: E2E"));
    c.send("q");
    assert!(c.wait_exit(), "the console ends");

    // Reopened: both events on the calendar's day, and the bookings on the consultation day.
    let mut c = Console::start(home.path(), &args, 160, 48);
    c.wait_for("令和7年度");
    c.send("3");
    c.wait_for("2025年11月");
    c.send(":");
    c.send(DAY);
    c.send(ENTER);
    c.wait_until("both events", |s| s.contains("E2E SNS活用セミナー") && s.contains("E2E EC個別相談会"));
    // The demo has events that day too: `/` narrows the day to ours, Tab goes to the list, Enter opens it.
    c.send("/");
    c.send("E2E EC");
    c.wait_until("filtered", |s| s.contains("1件") && s.contains("絞り込み: E2E EC"));
    c.send(ENTER);
    c.send(TAB);
    c.send(ENTER);
    let screen = c.wait_until("the bookings", |s| {
        s.contains("個別相談会 (様式3)  E2E EC個別相談会") && s.contains(&head(&businesses[1]))
    });
    assert!(screen.contains(&head(&businesses[0])), "{screen}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let booked: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM booking b JOIN event e ON e.id = b.event_id WHERE e.title = 'E2E EC個別相談会'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(booked, 2, "the refused booking was not written");
}

/// The demo's first startup-series session (date, title), its registrations and attendance, and an eligible
/// business not yet registered for it.
fn series_session(db: &std::path::Path) -> (String, String, i64, i64, String) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let (id, date, title, registered, attended): (i64, String, String, i64, i64) = conn
        .query_row(
            "SELECT e.id, e.event_date, e.title,
                    (SELECT COUNT(*) FROM participant p WHERE p.event_id = e.id),
                    (SELECT COUNT(*) FROM participant p WHERE p.event_id = e.id AND p.attended = 1)
             FROM event e WHERE e.series_id IS NOT NULL AND e.status <> 'cancelled'
             AND (SELECT COUNT(*) FROM event o WHERE o.title = e.title) = 1
             ORDER BY e.event_date LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    let business: String = conn
        .query_row(
            "SELECT b.name FROM business b WHERE b.municipality_id IS NOT NULL AND b.legal_form IN ('kk', 'yk')
             AND length(b.name) BETWEEN 4 AND 12
             AND (SELECT COUNT(*) FROM business o WHERE o.name LIKE b.name || '%') = 1
             AND NOT EXISTS (SELECT 1 FROM participant p WHERE p.event_id = ?1 AND p.business_id = b.id)
             ORDER BY b.id LIMIT 1",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    (date, title, registered, attended, business)
}

#[test]
fn a_startup_session_registers_a_business_and_a_founder_records_attendance_and_shows_its_series() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("desk.db");
    let dbs = db.to_str().unwrap();
    run_ok(home.path(), &["demo", "--scale", "1", "--out", dbs]);
    let (date, title, registered, attended, business) = series_session(&db);
    let args = ["--db", dbs, "--today", "2025-11-04"];
    let mut c = Console::start(home.path(), &args, 160, 48);
    c.wait_for("令和7年度");
    c.send("3");
    c.wait_for("2025年11月");
    c.send(":");
    c.send(&date);
    c.send(ENTER);
    c.send("/");
    c.send(&title);
    c.wait_until("filtered", |s| s.contains("1件"));
    c.send(ENTER);
    c.send(TAB);
    c.send(ENTER);
    let head = |n: i64, m: i64| format!("参加者 (申込 {n}・出席 {m})");
    c.wait_until("the session", |s| s.contains(&title) && s.contains(&head(registered, attended)));

    // A business from the roster, picked by typing its name.
    c.send("a");
    c.wait_for("参加申込:");
    pick(&mut c, &business);
    c.send(CTRL_S);
    c.wait_until("the business registered", |s| s.contains(&head(registered + 1, attended)));

    // A prospective founder, recorded as an individual (R-S2), then marked attended (the last row).
    c.send("a");
    c.wait_for("参加申込:");
    c.send(TAB);
    c.send("E2E 創業 太郎");
    c.send(CTRL_S);
    c.wait_until("the founder registered", |s| {
        s.contains(&head(registered + 2, attended)) && s.contains("E2E 創業 太郎  [創業予定]")
    });
    c.send("G");
    c.send("o");
    c.wait_until("attended", |s| s.contains(&head(registered + 2, attended + 1)));

    // The series view: the thresholds and the founder among its participants (one session, short).
    c.send("c");
    let screen = c.wait_until("the series", |s| {
        s.contains("創業支援シリーズ (R-S10)") && s.contains("要件: 4回以上・30日以上") && s.contains("E2E 創業 太郎")
    });
    assert!(screen.contains("判定"), "{screen}");
    c.send(ESC);
    c.wait_until("back on the session", |s| s.contains(&head(registered + 2, attended + 1)));
    c.send("q");
    assert!(c.wait_exit(), "the console ends");

    let conn = rusqlite::Connection::open(&db).unwrap();
    let (registrations, attendance): (i64, i64) = conn
        .query_row("SELECT registrations, attendance FROM event WHERE title = ?1", [&title], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((registrations, attendance), (registered + 2, attended + 1), "the counts follow the list");
    let founder: (bool, bool) = conn
        .query_row(
            "SELECT is_prospective_founder, attended FROM participant WHERE person_name = 'E2E 創業 太郎'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(founder, (true, true));
}
