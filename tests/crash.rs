//! Crash safety: the real binary is killed with SIGKILL in the middle of a stream of audited writes, again and
//! again (50 times, `MADOGUCHI_CRASH_KILLS` for more; `MADOGUCHI_CRASH_SEED` replays a run). After each kill
//! the database opens, `integrity_check` is ok, and every acknowledged write is there with its audit rows.
#![cfg(unix)]

mod common;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use rand::{Rng, SeedableRng};

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

/// Parses `ack ID NAME`.
fn ack(line: &str) -> (i64, String) {
    let mut parts = line.splitn(3, ' ');
    assert_eq!(parts.next(), Some("ack"), "{line}");
    let id = parts.next().and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("an id: {line}"));
    (id, parts.next().unwrap_or_else(|| panic!("a name: {line}")).to_string())
}

/// The database opens, is sound, and holds every acknowledged write, each as one audited action.
fn verify(db: &Path, acked: &[(i64, String)], round: usize) {
    let conn = rusqlite::Connection::open(db).unwrap_or_else(|e| panic!("round {round}: cannot open: {e}"));
    let integrity: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(integrity, ["ok"], "round {round}");
    let fk: i64 = conn.query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(fk, 0, "round {round}: foreign keys");
    // A kill during the very first start-up leaves a database without its tables (the migration is one
    // transaction): nothing was acknowledged then, and the next start migrates it.
    let migrated: i64 =
        conn.query_row("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'business'", [], |r| r.get(0)).unwrap();
    if migrated == 0 {
        assert!(acked.is_empty(), "round {round}: writes acknowledged but no tables");
        return;
    }
    let rows: HashMap<i64, String> = conn
        .prepare("SELECT id, name FROM business WHERE name LIKE '書込試験-%'")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for (id, name) in acked {
        assert_eq!(rows.get(id), Some(name), "round {round}: acknowledged write {id} {name} is missing");
    }
    // One action = one transaction: every written row has its action and audit row, and no action is
    // left without its row (a write cut short leaves nothing).
    let (actions, audited): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT COUNT(*) FROM action WHERE label = 'business.create'),
                    (SELECT COUNT(*) FROM audit a JOIN action ac ON ac.id = a.action_id
                      WHERE ac.label = 'business.create' AND a.tbl = 'business' AND a.op = 'insert')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((actions, audited), (rows.len() as i64, rows.len() as i64), "round {round}");
}

#[test]
fn every_acknowledged_write_survives_sigkill() {
    let kills = env_number("MADOGUCHI_CRASH_KILLS").unwrap_or(50) as usize;
    let seed = env_number("MADOGUCHI_CRASH_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(1)
    });
    eprintln!("crash test: {kills} kills, MADOGUCHI_CRASH_SEED={seed}");
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("desk.db");
    let mut acked: Vec<(i64, String)> = Vec::new();
    for round in 0..kills {
        let mut child = Command::new(env!("CARGO_BIN_EXE_madoguchi"))
            .args(["--db", db.to_str().unwrap(), "write-stream", "--count", "1000000"])
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_STATE_HOME", home.path().join("state"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start madoguchi write-stream");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // Wait for a random number of acknowledgements (0: the kill lands during start-up and migration),
        // then kill at once or after a random few hundred microseconds: somewhere inside the next write.
        let wanted = rng.random_range(0..=8);
        for _ in 0..wanted {
            match lines.next() {
                Some(Ok(line)) => acked.push(ack(&line)),
                _ => {
                    let mut err = String::new();
                    let _ = child.stderr.take().unwrap().read_to_string(&mut err);
                    panic!("round {round}: write-stream ended early: {err}");
                }
            }
        }
        if rng.random_bool(0.5) {
            std::thread::sleep(Duration::from_micros(rng.random_range(0..800)));
        }
        child.kill().expect("SIGKILL");
        child.wait().unwrap();
        // Acknowledgements printed before the kill but not read yet were given too: they must be there.
        for line in lines {
            let line = line.unwrap();
            if line.starts_with("ack ") && line.splitn(3, ' ').count() == 3 {
                acked.push(ack(&line));
            }
        }
        verify(&db, &acked, round);
    }
    eprintln!("crash test: {kills} kills survived, {} acknowledged writes all present", acked.len());
    assert!(acked.len() >= kills, "the stream wrote between kills: {}", acked.len());
}

#[test]
fn the_console_killed_during_start_up_backups_leaves_a_sound_database_and_only_good_backups() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("desk.db");
    let dbs = db.to_str().unwrap();
    common::run_ok(home.path(), &["--db", dbs, "write-stream", "--count", "20"]);
    for round in 0..3 {
        let mut c = common::Console::start(home.path(), &["--db", dbs, "--today", "2025-11-04"], 120, 30);
        // Round 0 kills at the first frame (the start-up backup may be under way), the others once it is done.
        c.wait_for(if round == 0 { "令和7年度" } else { "バックアップ" });
        let status = Command::new("kill").args(["-KILL", &c.pid().to_string()]).status().unwrap();
        assert!(status.success());
        assert!(!c.wait_exit(), "killed, not a clean exit");
        let conn = rusqlite::Connection::open(&db).unwrap();
        let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(ok, "ok", "round {round}");
        for entry in std::fs::read_dir(home.path().join("backups")).into_iter().flatten() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            // Temporary files of an interrupted backup (`.madoguchi-….part`, its journal) are not backups.
            if name.starts_with('.') {
                continue;
            }
            let b = rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
            let ok: String = b.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
            assert_eq!(ok, "ok", "{name} is a good backup");
        }
    }
}
