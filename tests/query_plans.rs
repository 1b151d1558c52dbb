//! Every list and filter uses an index (issue 11): the screens are driven headless over a scale-10 demo database
//! with SQLite's statement trace on, and `EXPLAIN QUERY PLAN` of every distinct query they ran must not scan a
//! large table from end to end.

use std::collections::BTreeSet;
use std::sync::Mutex;

use clap::Parser;
use madoguchi::app::keymap::Key;
use madoguchi::app::{Action, App};
use madoguchi::cli::Cli;
use madoguchi::commands::console::{dispatch, session};
use madoguchi::commands::context::Context;
use madoguchi::demo;
use madoguchi::store::Store;
use madoguchi::ui::frame;
use ratatui::layout::Rect;
use rusqlite::trace::{TraceEvent, TraceEventCodes};

/// The statements run while tracing (expanded: bound values written in, so each can be explained alone).
static RAN: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn record(event: TraceEvent<'_>) {
    if let TraceEvent::Stmt(stmt, _) = event
        && let Some(sql) = stmt.expanded_sql()
        && let Ok(mut ran) = RAN.lock()
    {
        ran.push(sql);
    }
}

/// Tables that grow with the desk's years (the reference tables stay small: 45 municipalities, a few dozen bodies).
const LARGE: &[&str] = &[
    "business",
    "dispatch",
    "visit",
    "desk_consultation",
    "event",
    "booking",
    "participant",
    "claim",
    "payment",
    "audit",
    "action",
    "search_entry",
    "expert_relation",
    "override",
    "rejection_ground",
];

/// The keys a desk worker presses on every screen (the benchmark's scenarios, plus filters and the lookup).
fn walks() -> Vec<Vec<Key>> {
    let text = |s: &str| s.chars().map(Key::Char).collect::<Vec<_>>();
    vec![
        [vec![Key::Down; 30], vec![Key::PageDown; 5], vec![Key::End, Key::Home, Key::Enter, Key::Esc]].concat(),
        [vec![Key::Char('/')], text("たなか"), vec![Key::Enter, Key::Esc]].concat(),
        [vec![Key::Char('/')], text("R7-12"), vec![Key::Enter, Key::Esc]].concat(),
        vec![Key::Char('s'), Key::Char('s'), Key::Char('s')],
        vec![Key::Char('w'), Key::Down, Key::Down, Key::Esc, Key::Char('c'), Key::Down, Key::PageDown, Key::Char('c')],
        [vec![Key::Char('c'), Key::Char('/')], text("たなか"), vec![Key::Enter, Key::Down, Key::Esc, Key::Char('c')]]
            .concat(),
        [vec![Key::Char('c'), Key::Char('/')], text("0961"), vec![Key::Enter, Key::Esc, Key::Char('c')]].concat(),
        [vec![Key::Ctrl('k')], text("ﾀﾅｶ"), vec![Key::Esc]].concat(),
        [vec![Key::Ctrl('k')], text("tanaka"), vec![Key::Esc]].concat(),
        [vec![Key::Ctrl('k')], text("0961234567"), vec![Key::Esc]].concat(),
        [vec![Key::Ctrl('k')], text("阿"), vec![Key::Esc]].concat(),
        [vec![Key::Char('n')], text("ｶﾌｪ"), vec![Key::Esc, Key::Esc]].concat(),
        vec![Key::Char('H'), Key::Esc, Key::Char('f'), Key::Down, Key::Esc],
        [vec![Key::Char('2'), Key::Down, Key::PageDown, Key::Enter, Key::Char('H'), Key::Esc, Key::Esc]].concat(),
        [vec![Key::Char('2'), Key::Char('/')], text("kintone"), vec![Key::Enter, Key::Esc]].concat(),
        vec![Key::Char('2'), Key::Char('t'), Key::Char('a'), Key::Char('o'), Key::Char('O')],
        vec![Key::Char('2'), Key::Char('v'), Key::PageDown, Key::Enter, Key::Esc, Key::Char('v'), Key::Enter, Key::Esc],
        [vec![Key::Char('2'), Key::Char('v'), Key::Char('/')], text("ﾀﾅｶ"), vec![Key::Enter, Key::Esc]].concat(),
        [vec![Key::Char('3')], vec![Key::Char('l'); 10], vec![Key::PageDown, Key::PageUp, Key::Enter, Key::Esc]]
            .concat(),
        [vec![Key::Char('4')], vec![Key::Down; 10], vec![Key::Enter, Key::Esc], vec![Key::Char('v'); 4]].concat(),
        [vec![Key::Char('4'), Key::Char('v'), Key::Char('v'), Key::Char('v')], vec![Key::Char('o'); 4]].concat(),
        [vec![Key::Char('4'), Key::Char('s'), Key::Char('/')], text("熊本"), vec![Key::Enter, Key::Esc]].concat(),
        // The payments and the unpaid work filtered as typed: one kana (dense: the page walks the list's order),
        // then three (sparse: the matches are sorted).
        [vec![Key::Char('4'), Key::Char('v'), Key::Char('/')], text("たなか"), vec![Key::Enter, Key::Esc]].concat(),
        [vec![Key::Char('4'), Key::Char('v'), Key::Char('v'), Key::Char('/')], text("たなか"), vec![Key::Enter]]
            .concat(),
    ]
}

/// The steps of a query's plan that read a large table from end to end. "SCAN t" reads the whole table;
/// "SCAN t USING [COVERING] INDEX i" walks an index in order (paged lists stop at their LIMIT).
fn full_scans(conn: &rusqlite::Connection, sql: &str) -> Vec<String> {
    let mut st = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    let details: Vec<String> = st.query_map([], |r| r.get::<_, String>(3)).unwrap().map(Result::unwrap).collect();
    details
        .into_iter()
        .filter(|d| {
            let table = d.strip_prefix("SCAN ").and_then(|t| t.split_whitespace().next()).unwrap_or_default();
            LARGE.contains(&table) && !d.contains("USING")
        })
        .collect()
}

#[test]
fn the_main_queries_at_scale_10_read_through_indexes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let args =
        ["madoguchi", "--config", config.to_str().unwrap(), "--db", db.to_str().unwrap(), "--today", "2025-11-04"];
    let ctx = Context::resolve(&Cli::try_parse_from(args).unwrap()).unwrap();
    let mut store = Store::open(&db, "山田").unwrap();
    demo::generate(&mut store, &ctx.year, 10, 1).unwrap();
    store.conn().execute_batch("ANALYZE").unwrap();
    store.conn().trace_v2(TraceEventCodes::SQLITE_TRACE_STMT, Some(record));
    for walk in walks() {
        let mut app = App::new(session(&ctx));
        dispatch(&mut app, &mut store, Action::Resize { list_rows: frame::list_rows(Rect::new(0, 0, 160, 48)) });
        for key in walk {
            dispatch(&mut app, &mut store, Action::Key(key));
        }
    }
    store.conn().trace_v2(TraceEventCodes::empty(), None);
    let ran: BTreeSet<String> = RAN
        .lock()
        .unwrap()
        .iter()
        .map(|s| s.trim().to_string())
        .filter(|s| {
            let head = s.to_ascii_uppercase();
            head.starts_with("SELECT") || head.starts_with("WITH")
        })
        .collect();
    assert!(ran.len() >= 30, "the walks ran only {} distinct queries", ran.len());
    let conn = store.conn();
    assert!(!full_scans(conn, "SELECT id FROM business WHERE name LIKE '%田%'").is_empty(), "the check sees a scan");
    let scans: Vec<String> = ran
        .iter()
        .flat_map(|sql| full_scans(conn, sql).into_iter().map(move |d| format!("{d}\n    in: {sql}")))
        .collect();
    assert!(scans.is_empty(), "full scans of large tables:\n{}", scans.join("\n"));
    eprintln!("{} distinct queries explained", ran.len());
}
