//! Random keystrokes (issue 10): the App of every tab, driven headless on a real demo database for 20,000 steps
//! (more with `MADOGUCHI_KEYSTROKES`), never panics; the pure invariants hold after every step and the database
//! ones (integrity, foreign keys, the rule audit, R-D1 totals, the lookup index, the ledger's running sums) every 1,000 steps.

use std::path::Path;

use clap::Parser;
use madoguchi::app::keymap::{self, Key};
use madoguchi::app::{Action, App, Session};
use madoguchi::cli::Cli;
use madoguchi::commands::check::rule_audit;
use madoguchi::commands::console::{dispatch, session};
use madoguchi::commands::context::Context;
use madoguchi::demo;
use madoguchi::screens::ledger::Rows;
use madoguchi::store::queue::{self, QueueFilter};
use madoguchi::store::{Store, check, search};
use madoguchi::ui::frame;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// A small deterministic generator (xorshift64*): the run is repeatable from its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Every key some binding uses, plus what people type into fields (kana, kanji, half-width katakana, digits).
fn alphabet() -> Vec<Key> {
    let mut keys: Vec<Key> =
        keymap::ALL_SCOPES.iter().flat_map(|s| keymap::bindings(*s)).flat_map(|b| b.keys.iter().copied()).collect();
    keys.extend("aｶあ高1２-/ R7".chars().map(Key::Char));
    keys.extend([Key::Backspace, Key::Delete, Key::Left, Key::Right, Key::Home, Key::End, Key::Tab, Key::BackTab]);
    keys.sort_by_key(|k| format!("{k:?}"));
    keys.dedup();
    keys
}

/// The context `madoguchi --db PATH` runs with on 2025-11-04 (an empty config file).
fn context(dir: &Path, db: &Path) -> Context {
    let config = dir.join("config.toml");
    std::fs::write(&config, "").unwrap();
    let args =
        ["madoguchi", "--config", config.to_str().unwrap(), "--db", db.to_str().unwrap(), "--today", "2025-11-04"];
    Context::resolve(&Cli::try_parse_from(args).unwrap()).unwrap()
}

/// What must hold after any step: the lists hold only their visible rows and the cursor stays inside them.
fn pure_invariants(app: &App, step: usize, key: Key) {
    let at = || format!("step {step} after {key:?}");
    for (p, rows) in [(&app.queue.pager, app.queue.rows.len()), (&app.queue.c_pager, app.queue.c_rows.len())] {
        assert!(rows <= p.viewport.max(1), "{}: {rows} rows held for a viewport of {}", at(), p.viewport);
        assert!(p.total == 0 || p.selected < p.total, "{}: selected {} of {}", at(), p.selected, p.total);
        assert!(p.top <= p.selected || p.total == 0, "{}: top {} after selected {}", at(), p.top, p.selected);
    }
    let ledger_rows = match &app.ledger.rows {
        Some(Rows::Claims(r)) => r.len(),
        Some(Rows::Payments(r)) => r.len(),
        Some(Rows::Work(r)) => r.len(),
        Some(Rows::Totals(r)) => r.len(),
        None => 0,
    };
    let p = &app.ledger.pager;
    assert!(ledger_rows <= p.viewport.max(1), "{}: {ledger_rows} ledger rows for a viewport of {}", at(), p.viewport);
    assert!(p.total == 0 || p.selected < p.total, "{}: ledger selected {} of {}", at(), p.selected, p.total);
    let p = &app.events.pager;
    let agenda = app.events.agenda.len();
    assert!(agenda <= p.viewport.max(1), "{}: {agenda} agenda rows for a viewport of {}", at(), p.viewport);
    let p = &app.roster.pager;
    assert!(p.total == 0 || p.selected < p.total, "{}: roster selected {} of {}", at(), p.selected, p.total);
    if let Some((_, form)) = &app.form {
        // (a confirmation is a form without fields)
        let fits = form.fields.is_empty() || form.focus < form.fields.len();
        assert!(fits, "{}: focus {} of {} fields", at(), form.focus, form.fields.len());
    }
    assert!(!app.scopes().is_empty(), "{}", at());
}

/// What must hold in the database: integrity, foreign keys, no rule broken without an override, the queue's R-D1
/// totals equal to the visits, and a lookup index with no entry for a missing record.
fn database_invariants(ctx: &Context, store: &Store, step: usize) {
    let conn = store.conn();
    assert!(check::integrity(conn).unwrap().is_empty(), "step {step}: integrity");
    assert_eq!(check::foreign_keys(conn).unwrap(), Vec::<String>::new(), "step {step}: foreign keys");
    let problems: Vec<String> = rule_audit(ctx, conn).unwrap().iter().map(|p| format!("{p:?}")).collect();
    assert_eq!(problems, Vec::<String>::new(), "step {step}: a rule broken without an override");
    let rows = queue::Query::new(2025, &QueueFilter::default()).page(conn, 0, 10_000).unwrap();
    for r in rows {
        let (visits, minutes): (u32, u32) = conn
            .query_row(
                "SELECT COUNT(*), COALESCE(SUM(end_min - start_min), 0) FROM visit WHERE dispatch_id = ?1",
                [r.id],
                |x| Ok((x.get(0)?, x.get(1)?)),
            )
            .unwrap();
        assert_eq!((r.visits, r.minutes), (visits, minutes), "step {step}: R-D1 totals of {}", r.number);
    }
    let orphans: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM search_entry s WHERE
                (s.kind = 'business' AND NOT EXISTS (SELECT 1 FROM business b WHERE b.id = s.record_id)) OR
                (s.kind = 'expert' AND NOT EXISTS (SELECT 1 FROM expert e WHERE e.id = s.record_id)) OR
                (s.kind = 'organisation' AND NOT EXISTS (SELECT 1 FROM organisation o WHERE o.id = s.record_id)) OR
                (s.kind = 'event' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.id = s.record_id)) OR
                (s.kind = 'claim' AND NOT EXISTS (SELECT 1 FROM claim c WHERE c.id = s.record_id)) OR
                (s.kind = 'dispatch' AND NOT EXISTS (SELECT 1 FROM dispatch d WHERE d.id = s.record_id)) OR
                (s.kind = 'consultation' AND NOT EXISTS (SELECT 1 FROM desk_consultation c WHERE c.id = s.record_id))",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0, "step {step}: lookup entries of missing records");
    let drift = madoguchi::store::ledger::sums::drift(conn).unwrap();
    assert!(drift.is_empty(), "step {step}: the ledger's running sums differ from the records: {drift:?}");
    let unpaid = madoguchi::store::ledger::unpaid::drift(conn).unwrap();
    assert!(unpaid.is_empty(), "step {step}: the unpaid work differs from the records: {unpaid:?}");
    let paid = madoguchi::store::ledger::dispatch_payments::drift(conn).unwrap();
    assert!(paid.is_empty(), "step {step}: the payments by application differ from the records: {paid:?}");
}

/// The lookup index equals one rebuilt from the records (checked in a transaction that is rolled back).
fn index_matches_a_rebuild(store: &mut Store) {
    let entries = |conn: &rusqlite::Connection| -> Vec<(String, i64, String, String)> {
        let mut st = conn
            .prepare("SELECT kind, record_id, field, folded FROM search_entry ORDER BY kind, record_id, field")
            .unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))).unwrap().map(Result::unwrap).collect()
    };
    let kept = entries(store.conn());
    let conn = store.conn();
    conn.execute_batch("SAVEPOINT rebuild").unwrap();
    search::with_deferred_fts(conn, || search::rebuild(conn)).unwrap();
    let rebuilt = entries(conn);
    conn.execute_batch("ROLLBACK TO rebuild; RELEASE rebuild").unwrap();
    let kinds = ["business", "expert", "organisation", "event", "claim", "dispatch", "consultation"];
    let only = |v: Vec<(String, i64, String, String)>| -> Vec<_> {
        v.into_iter().filter(|e| kinds.contains(&e.0.as_str())).collect()
    };
    assert_eq!(only(kept), only(rebuilt), "the lookup index differs from one rebuilt from the records");
}

#[test]
fn twenty_thousand_random_keys_on_every_tab_keep_every_invariant() {
    let steps: usize = std::env::var("MADOGUCHI_KEYSTROKES").ok().and_then(|s| s.parse().ok()).unwrap_or(20_000);
    let seed: u64 = std::env::var("MADOGUCHI_KEYSTROKES_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(7);
    let dir = tempfile::tempdir().unwrap();
    // The export popup (X) writes where the console runs: in the temporary directory, not the source tree.
    std::env::set_current_dir(dir.path()).unwrap();
    let db = dir.path().join("desk.db");
    let mut store = Store::open(&db, "山田").unwrap();
    let ctx = context(dir.path(), &db);
    demo::generate(&mut store, &ctx.year, 1, 1).unwrap();
    let mut app = App::new(Session { staff: "山田".into(), ..session(&ctx) });
    let keys = alphabet();
    let sizes = [(80, 24), (160, 48), (100, 30), (40, 12)];
    let mut rng = Rng(seed.max(1));
    let mut size = sizes[0];
    dispatch(&mut app, &mut store, Action::Resize { list_rows: frame::list_rows(Rect::new(0, 0, size.0, size.1)) });
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    for step in 1..=steps {
        // Tabs are switched often enough that every screen gets its share; now and then a resize or a paste.
        let key = match rng.below(20) {
            0 => Key::Char(char::from(b'1' + rng.below(4) as u8)),
            1 if rng.below(10) == 0 => {
                size = sizes[rng.below(sizes.len())];
                terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
                let rows = frame::list_rows(Rect::new(0, 0, size.0, size.1));
                dispatch(&mut app, &mut store, Action::Resize { list_rows: rows });
                continue;
            }
            2 if rng.below(10) == 0 => {
                dispatch(&mut app, &mut store, Action::Paste("ﾀﾅｶ 096-123-4567\n髙橋".into()));
                continue;
            }
            // Saving and undoing often, so the walk writes (and unwrites) a good deal.
            3 => Key::Ctrl('s'),
            4 if rng.below(3) == 0 => Key::Char('u'),
            _ => keys[rng.below(keys.len())],
        };
        dispatch(&mut app, &mut store, Action::Key(key));
        // Quitting ends a real session; here the walk goes on.
        app.quit = false;
        pure_invariants(&app, step, key);
        if step % 25 == 0 {
            terminal.draw(|f| frame::draw(f, &app)).unwrap();
        }
        if step % 1000 == 0 {
            database_invariants(&ctx, &store, step);
        }
    }
    index_matches_a_rebuild(&mut store);
    let actions: i64 = store.conn().query_row("SELECT COUNT(*) FROM action", [], |r| r.get(0)).unwrap();
    eprintln!("{steps} keystrokes (seed {seed}); {actions} actions in the database");
}
