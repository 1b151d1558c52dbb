//! Backups and restore from the real binary: `backup`, `restore`, rotation, and the console's backup on start.

mod common;

use std::path::Path;
use std::process::{Output, Stdio};

use common::Console;

/// Runs the binary with a private HOME and no terminal on stdin (as in CI).
fn madoguchi(home: &Path, args: &[&str]) -> Output {
    common::command(home).args(args).stdin(Stdio::null()).output().expect("run madoguchi")
}

fn text(o: &[u8]) -> String {
    String::from_utf8_lossy(o).into_owned()
}

/// A small real database with `n` audited test writes.
fn writes(home: &Path, db: &Path, n: u32) {
    let out = madoguchi(home, &["--db", db.to_str().unwrap(), "write-stream", "--count", &n.to_string()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

fn test_rows(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT COUNT(*) FROM business WHERE name LIKE '書込試験-%'", [], |r| r.get(0)).unwrap()
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn backup_then_restore_keeps_the_current_database_aside() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("desk.db");
    let dbs = db.to_str().unwrap();
    writes(home.path(), &db, 3);
    let out = madoguchi(home.path(), &["--db", dbs, "backup"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("integrity_check ok"), "{}", text(&out.stdout));
    let backups = home.path().join("backups");
    let names = files(&backups);
    assert_eq!(names.len(), 1, "one file, no temporary left behind: {names:?}");
    let backup = backups.join(&names[0]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&backup).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(std::fs::metadata(&backups).unwrap().permissions().mode() & 0o777, 0o700);
    }
    assert_eq!(test_rows(&backup), 3);

    writes(home.path(), &db, 2);
    assert_eq!(test_rows(&db), 5);
    let out = madoguchi(home.path(), &["--db", dbs, "restore", backup.to_str().unwrap(), "--yes"]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("事業者 3件"), "the file's contents are summarised: {stdout}");
    assert!(stdout.contains("復元しました"), "{stdout}");
    assert_eq!(test_rows(&db), 3, "the backup's contents are back");
    let aside: Vec<String> = files(home.path()).into_iter().filter(|n| n.starts_with("desk-before-restore-")).collect();
    assert_eq!(aside.len(), 1, "{:?}", files(home.path()));
    assert!(stdout.contains(&aside[0]), "the aside copy is named: {stdout}");
    assert_eq!(test_rows(&home.path().join(&aside[0])), 5, "the replaced database is kept, with every write");
    let out = madoguchi(home.path(), &["--db", dbs, "check"]);
    assert!(out.status.success(), "{}", text(&out.stdout));
}

#[test]
fn restore_without_a_terminal_needs_yes_and_changes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("desk.db");
    let copy = home.path().join("copy.db");
    writes(home.path(), &db, 1);
    assert!(
        madoguchi(home.path(), &["--db", db.to_str().unwrap(), "backup", "--out", copy.to_str().unwrap()])
            .status
            .success()
    );
    writes(home.path(), &db, 1);
    let before = files(home.path());
    let out =
        madoguchi(home.path(), &["--db", db.to_str().unwrap(), "--lang", "en", "restore", copy.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("--yes"), "{}", text(&out.stderr));
    assert_eq!(test_rows(&db), 2, "nothing restored");
    assert_eq!(files(home.path()), before, "no file added or removed");
}

#[test]
fn backup_out_never_overwrites() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("desk.db");
    writes(home.path(), &db, 1);
    let out_file = home.path().join("existing.db");
    std::fs::write(&out_file, "keep me").unwrap();
    let out = madoguchi(home.path(), &["--db", db.to_str().unwrap(), "backup", "--out", out_file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("上書きはしません"), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(&out_file).unwrap(), "keep me");
}

#[test]
fn restore_refuses_files_that_are_not_good_madoguchi_backups() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("desk.db");
    let dbs = db.to_str().unwrap();
    writes(home.path(), &db, 2);
    let good = home.path().join("good.db");
    assert!(madoguchi(home.path(), &["--db", dbs, "backup", "--out", good.to_str().unwrap()]).status.success());

    let garbage = home.path().join("garbage.db");
    std::fs::write(&garbage, vec![b'x'; 8192]).unwrap();
    let other = home.path().join("other.db");
    rusqlite::Connection::open(&other).unwrap().execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").unwrap();
    let newer = home.path().join("newer.db");
    std::fs::copy(&good, &newer).unwrap();
    rusqlite::Connection::open(&newer).unwrap().pragma_update(None, "user_version", 999).unwrap();
    // A damaged copy: the second half of the file overwritten.
    let damaged = home.path().join("damaged.db");
    let mut bytes = std::fs::read(&good).unwrap();
    let half = bytes.len() / 2;
    bytes[half..].iter_mut().for_each(|b| *b = 0x55);
    std::fs::write(&damaged, bytes).unwrap();

    for (file, expected) in [
        (home.path().join("missing.db"), "ファイルがありません"),
        (garbage, "データベースとして読めません"),
        (other, "madoguchi のデータベースではありません"),
        (newer, "新しい版の madoguchi"),
        (damaged, "壊れています"),
    ] {
        let out = madoguchi(home.path(), &["--db", dbs, "restore", file.to_str().unwrap(), "--yes"]);
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{}: {err}", file.display());
        assert!(err.contains(expected), "{}: {err}", file.display());
    }
    assert_eq!(test_rows(&db), 2, "the database is untouched");
    assert!(!files(home.path()).iter().any(|n| n.contains("before-restore")), "nothing set aside");
}

#[test]
fn the_backup_directory_is_rotated_and_other_files_are_left_alone() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("desk.db");
    let dir = home.path().join("kept-backups");
    let config = home.path().join("config.toml");
    std::fs::write(
        &config,
        format!("backup_dir = {:?}\n[backup]\ndaily = 3\nweekly = 0\nmonthly = 0\n", dir.to_str().unwrap()),
    )
    .unwrap();
    writes(home.path(), &db, 1);
    std::fs::create_dir_all(&dir).unwrap();
    for day in 1..=9 {
        std::fs::write(dir.join(format!("madoguchi-202501{day:02}-090000.db")), "old").unwrap();
    }
    std::fs::write(dir.join("notes.txt"), "mine").unwrap();
    let args = ["--db", db.to_str().unwrap(), "--config", config.to_str().unwrap(), "backup"];
    let out = madoguchi(home.path(), &args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let names = files(&dir);
    assert_eq!(names.len(), 4, "3 days of backups and the notes: {names:?}");
    assert!(names.contains(&"notes.txt".to_string()));
    assert!(names.contains(&"madoguchi-20250109-090000.db".to_string()));
    assert!(names.contains(&"madoguchi-20250108-090000.db".to_string()));
}

#[test]
fn the_console_backs_up_on_start_and_shows_the_age_on_the_status_line() {
    let home = tempfile::tempdir().unwrap();
    let mut c = Console::start(home.path(), &["--today", "2025-11-04"], 120, 30);
    c.wait_for("バックアップ 0分前");
    let names = files(&home.path().join("data/madoguchi/backups"));
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].starts_with("madoguchi-") && names[0].ends_with(".db"), "{names:?}");
    c.send("q");
    assert!(c.wait_exit());
}

#[test]
fn a_failing_backup_is_a_warning_on_the_status_line() {
    let home = tempfile::tempdir().unwrap();
    // The backup directory cannot be created: a file stands where its parent should be.
    std::fs::write(home.path().join("blocker"), "").unwrap();
    let config = home.path().join("config.toml");
    let dir = home.path().join("blocker/backups");
    std::fs::write(&config, format!("backup_dir = {:?}\n", dir.to_str().unwrap())).unwrap();
    let args = ["--config", config.to_str().unwrap(), "--today", "2025-11-04", "--lang", "en"];
    let mut c = Console::start(home.path(), &args, 120, 30);
    c.wait_for("backup failed");
    c.send("q");
    assert!(c.wait_exit());
}

#[test]
fn restore_on_a_terminal_asks_first() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("desk.db");
    let dbs = db.to_str().unwrap();
    let copy = home.path().join("copy.db");
    writes(home.path(), &db, 1);
    assert!(madoguchi(home.path(), &["--db", dbs, "backup", "--out", copy.to_str().unwrap()]).status.success());
    writes(home.path(), &db, 1);

    let mut c = Console::start(home.path(), &["--db", dbs, "restore", copy.to_str().unwrap()], 120, 30);
    c.wait_for("[y/N]");
    c.send("n\r");
    c.wait_for("中止しました");
    assert!(!c.wait_exit(), "a refusal exits with 1");
    assert_eq!(test_rows(&db), 2);

    let mut c = Console::start(home.path(), &["--db", dbs, "restore", copy.to_str().unwrap()], 120, 30);
    c.wait_for("[y/N]");
    c.send("y\r");
    c.wait_for("復元しました");
    assert!(c.wait_exit());
    assert_eq!(test_rows(&db), 1);
}
