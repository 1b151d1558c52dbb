//! The real binary from the command line: help, version, configuration errors, demo and check, and output into a
//! closed pipe.

mod common;

use std::path::Path;
use std::process::{Command, Output};

/// Runs the binary with a private HOME so no test touches the real data or config directories.
fn madoguchi(home: &Path, args: &[&str]) -> Output {
    common::command(home).args(args).output().expect("run madoguchi")
}

fn text(o: &[u8]) -> String {
    String::from_utf8_lossy(o).into_owned()
}

#[test]
fn help_and_version() {
    let home = tempfile::tempdir().unwrap();
    let out = madoguchi(home.path(), &["--help"]);
    assert!(out.status.success());
    let help = text(&out.stdout);
    for word in ["--db", "--config", "--lang", "--demo", "--year", "--today", "demo", "check"] {
        assert!(help.contains(word), "--help mentions {word}:\n{help}");
    }
    let out = madoguchi(home.path(), &["--version"]);
    assert!(out.status.success());
    assert!(text(&out.stdout).starts_with(&format!("madoguchi {}", env!("CARGO_PKG_VERSION"))));
}

#[test]
fn malformed_config_names_file_and_line() {
    let home = tempfile::tempdir().unwrap();
    let bad = home.path().join("bad.toml");
    std::fs::write(&bad, "language = \"ja\"\ncolor = \"maybe\"\n").unwrap();
    let out = madoguchi(home.path(), &["--config", bad.to_str().unwrap(), "check"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("bad.toml"), "{err}");
    assert!(err.contains("line 2"), "{err}");
}

#[test]
fn missing_config_file_is_an_error() {
    let home = tempfile::tempdir().unwrap();
    let out = madoguchi(home.path(), &["--config", "/nonexistent/madoguchi.toml", "check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("/nonexistent/madoguchi.toml"));
}

#[test]
fn check_refuses_a_missing_database_without_creating_it() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("nothing.db");
    let out = madoguchi(home.path(), &["check", "--db", db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!db.exists());
}

#[test]
fn unknown_fiscal_year_is_refused_with_the_configured_ones() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("d.db");
    let out = madoguchi(home.path(), &["--year", "2019", "--db", db.to_str().unwrap(), "check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("2025"), "{}", text(&out.stderr));
}

#[test]
fn demo_then_check_passes_then_fails_on_r_d1() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("d.db");
    let dbs = db.to_str().unwrap();
    let out = madoguchi(home.path(), &["demo", "--scale", "1", "--out", dbs]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // Global options work after the subcommand too.
    let out = madoguchi(home.path(), &["check", "--db", dbs, "--lang", "en"]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "check on fresh demo data:\n{stdout}");
    assert!(stdout.contains("dispatch") && stdout.contains("business"), "{stdout}");
    assert!(stdout.contains("no problems"), "{stdout}");
    // A refusal to overwrite: demo never replaces an existing file.
    let out = madoguchi(home.path(), &["demo", "--out", dbs]);
    assert_eq!(out.status.code(), Some(2));

    // A 6th visit on an application with 5, by direct SQL, without an override.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (dispatch_id, seq): (i64, i64) = conn
        .query_row(
            "SELECT d.id, d.seq FROM dispatch d WHERE (SELECT COUNT(*) FROM visit v WHERE v.dispatch_id = d.id) = 5
               AND NOT EXISTS (SELECT 1 FROM visit v JOIN override o ON o.record_table = 'visit' AND o.record_id = v.id
                               WHERE v.dispatch_id = d.id)
             ORDER BY d.seq LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("the demo has an application with exactly 5 visits");
    conn.execute(
        "INSERT INTO visit (dispatch_id, visit_date, start_min, end_min, place, accompanied_by)
         VALUES (?1, '2025-12-01', 600, 660, 'online', 'assigned_officer')",
        [dispatch_id],
    )
    .unwrap();
    drop(conn);
    let number = format!("R7-{seq:04}");
    let out = madoguchi(home.path(), &["--db", dbs, "check"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let line = stdout.lines().find(|l| l.starts_with("R-D1")).unwrap_or_else(|| panic!("an R-D1 line:\n{stdout}"));
    assert!(line.contains(&number), "names {number}: {line}");
    assert!(line.contains("5回"), "Japanese by default with the figures: {line}");
}

#[test]
fn a_four_hour_visit_fails_check() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("d.db");
    let dbs = db.to_str().unwrap();
    assert!(madoguchi(home.path(), &["demo", "--out", dbs, "--seed", "7"]).status.success());
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (dispatch_id, seq): (i64, i64) = conn
        .query_row(
            "SELECT d.id, d.seq FROM dispatch d WHERE d.status = 'visiting'
               AND (SELECT COUNT(*) FROM visit v WHERE v.dispatch_id = d.id) < 4 ORDER BY d.seq LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    conn.execute(
        "INSERT INTO visit (dispatch_id, visit_date, start_min, end_min, place, accompanied_by)
         VALUES (?1, '2025-10-01', 540, 780, 'premises', 'assigned_officer')",
        [dispatch_id],
    )
    .unwrap();
    drop(conn);
    let out = madoguchi(home.path(), &["--db", dbs, "--lang", "en", "check"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let number = format!("R7-{seq:04}");
    assert!(
        stdout.lines().any(|l| l.starts_with("R-D1") && l.contains(&number) && l.contains("4.0 hours")),
        "{stdout}"
    );
}

#[test]
fn derived_tables_out_of_step_with_their_records_fail_check() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("d.db");
    let dbs = db.to_str().unwrap();
    assert!(madoguchi(home.path(), &["demo", "--out", dbs, "--seed", "7"]).status.success());
    let out = madoguchi(home.path(), &["--db", dbs, "check"]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let paid: i64 = conn.query_row("SELECT payment_id FROM dispatch_payment LIMIT 1", [], |r| r.get(0)).unwrap();
    conn.execute("DELETE FROM dispatch_payment WHERE payment_id = ?1", [paid]).unwrap();
    conn.execute(
        "DELETE FROM unpaid_work WHERE (kind, ref_id, expert_id) IN (SELECT kind, ref_id, expert_id FROM unpaid_work LIMIT 1)",
        [],
    )
    .unwrap();
    drop(conn);
    let out = madoguchi(home.path(), &["--db", dbs, "check"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let drift: Vec<&str> = stdout.lines().filter(|l| l.starts_with("derived_data: ")).collect();
    assert_eq!(drift.len(), 2, "{stdout}");
    assert!(
        drift.iter().any(|l| l.starts_with("derived_data: dispatch_payment: ") && l.contains(&format!("/{paid}/")))
    );
    assert!(drift.iter().any(|l| l.starts_with("derived_data: unpaid_work: ")), "{stdout}");
}

#[test]
fn unknown_config_keys_are_reported_on_stderr() {
    let home = tempfile::tempdir().unwrap();
    let cfg = home.path().join("c.toml");
    std::fs::write(&cfg, "langage = \"en\"\n").unwrap();
    let db = home.path().join("none.db");
    let out = madoguchi(home.path(), &["--config", cfg.to_str().unwrap(), "--db", db.to_str().unwrap(), "check"]);
    assert!(text(&out.stderr).contains("unknown key in the config file: langage"), "{}", text(&out.stderr));
}

#[test]
fn bench_json_has_every_metric() {
    let home = tempfile::tempdir().unwrap();
    let out = madoguchi(home.path(), &["bench", "--scale", "1", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_str(text(&out.stdout).trim()).expect("one JSON object");
    assert_eq!(v["scale"], 1);
    let m = v["metrics"].as_object().unwrap();
    for name in [
        "startup_first_frame_ms",
        "lookup_ms",
        "list_page_ms",
        "keystroke_frame_ms.lookup.typing",
        "keystroke_frame_ms.queue.move_down",
    ] {
        let x = &m[name];
        assert!(
            x["median"].as_f64().unwrap() > 0.0 && x["p99"].as_f64().unwrap() >= x["median"].as_f64().unwrap(),
            "{name}: {x}"
        );
    }
    assert!(home.path().join("cache/madoguchi/bench").is_dir(), "the demo database is kept in the cache directory");
}

#[test]
fn a_reader_that_goes_away_early_ends_the_output_quietly() {
    // `madoguchi demo --scale 1 --out X | head -1`, with the reader gone before the first line: the write fails
    // with a broken pipe, which must end the command quietly (no panic message, exit 0), the database written.
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("demo.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_madoguchi"))
        .args(["demo", "--scale", "1", "--out", db.to_str().unwrap()])
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_STATE_HOME", home.path().join("state"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run madoguchi");
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
    let check = madoguchi(home.path(), &["--db", db.to_str().unwrap(), "check"]);
    assert!(check.status.success(), "the demo database is complete: {}", text(&check.stdout));
}

/// Runs the binary with stdout a pipe whose reader is already gone (`| head -0`, with no race).
fn madoguchi_into_closed_pipe(home: &Path, args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    common::command(home).args(args).stdout(writer).output().expect("run madoguchi")
}

#[test]
fn import_and_export_into_a_closed_pipe_end_quietly_with_their_status() {
    // `madoguchi import FILE --dry-run | head -1` and the like: no panic; the exit status still tells whether
    // rows were rejected, and a real import or export is done.
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("desk.db");
    madoguchi::store::Store::open(&db, "test").unwrap();
    let dbs = db.to_str().unwrap();
    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples/businesses.csv");
    let bad = home.path().join("bad.csv");
    std::fs::write(&bad, "事業者名,法人格\n一般社団法人くまもと観光,一般社団法人\n").unwrap();
    let run = |args: &[&str]| {
        let out = madoguchi_into_closed_pipe(home.path(), args);
        let stderr = text(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        (out.status.code(), stderr)
    };
    assert_eq!(run(&["--db", dbs, "import", bad.to_str().unwrap(), "--dry-run"]).0, Some(1));
    assert_eq!(run(&["--db", dbs, "import", good.to_str().unwrap(), "--dry-run"]).0, Some(0));
    assert_eq!(run(&["--db", dbs, "import", good.to_str().unwrap()]).0, Some(0));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let businesses: i64 = conn.query_row("SELECT COUNT(*) FROM business", [], |r| r.get(0)).unwrap();
    assert_eq!(businesses, 4, "the import was written before its line could not be");
    let csv = home.path().join("events.csv");
    assert_eq!(run(&["--db", dbs, "export", "csv", "--table", "events", "--out", csv.to_str().unwrap()]).0, Some(0));
    assert!(csv.is_file());
}
