//! What the export and PDF tests share: running the real binary on a private HOME, and one demo database per
//! test binary (built once, in Cargo's temporary directory for tests).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

/// Runs the binary with a private HOME and no terminal on stdin (as in CI).
pub fn madoguchi(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_madoguchi"))
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .stdin(Stdio::null())
        .output()
        .expect("run madoguchi")
}

/// Stdout or stderr as text.
pub fn text(o: &[u8]) -> String {
    String::from_utf8_lossy(o).into_owned()
}

/// The demo database of `madoguchi demo --scale 1` (FY2025), made once per test binary.
pub fn demo_db(name: &str) -> &'static Path {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let db = dir.join("demo.db");
        let out = madoguchi(&dir, &["demo", "--scale", "1", "--out", db.to_str().unwrap()]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        db
    })
}

/// Runs `madoguchi --db DEMO --year 2025 --today TODAY ARGS` in `home`.
pub fn on_demo(home: &Path, db: &Path, today: &str, args: &[&str]) -> Output {
    let mut all = vec!["--db", db.to_str().unwrap(), "--year", "2025", "--lang", "ja", "--today", today];
    all.extend_from_slice(args);
    madoguchi(home, &all)
}

/// One number from SQL on the database.
pub fn sql(db: &Path, query: &str, params: impl rusqlite::Params) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(query, params, |r| r.get::<_, Option<i64>>(0)).unwrap().unwrap_or(0)
}
