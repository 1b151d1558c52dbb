//! Backups and restore with SQLite's online backup API (never a file copy of a live database): every backup is
//! written under a temporary name, checked with `integrity_check`, made private (0600) and only then given its
//! final name, so a file named like a backup is a good backup. Rotation is a pure function over the times in
//! the file names.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use chrono::{Datelike, NaiveDateTime};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, ErrorCode, OpenFlags};
use serde::Deserialize;

use super::{BUSY_TIMEOUT, check, migrations};

/// How many backups of each period to keep (the newest of each day, ISO week and month that has one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Retention {
    /// Daily backups kept.
    pub daily: u32,
    /// Weekly backups kept.
    pub weekly: u32,
    /// Monthly backups kept.
    pub monthly: u32,
}

impl Default for Retention {
    fn default() -> Self {
        Retention { daily: 7, weekly: 8, monthly: 12 }
    }
}

const PREFIX: &str = "madoguchi-";
const SUFFIX: &str = ".db";
const STAMP: &str = "%Y%m%d-%H%M%S";

/// The file name of a backup taken at `at`: `madoguchi-20251104-093000.db`.
pub fn file_name(at: NaiveDateTime) -> String {
    format!("{PREFIX}{}{SUFFIX}", at.format(STAMP))
}

/// The time of a backup from its file name; None for any other file (those are never rotated away).
pub fn parse_name(name: &str) -> Option<NaiveDateTime> {
    let stamp = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    NaiveDateTime::parse_from_str(stamp, STAMP).ok()
}

/// The backups rotation removes: all but the newest of each of the `daily` latest days, `weekly` latest ISO
/// weeks and `monthly` latest months that have a backup. The newest backup is always kept.
pub fn expired(stamps: &[NaiveDateTime], keep: &Retention) -> Vec<NaiveDateTime> {
    let mut newest_first = stamps.to_vec();
    newest_first.sort_unstable_by(|a, b| b.cmp(a));
    newest_first.dedup();
    let mut kept: BTreeSet<NaiveDateTime> = newest_first.first().copied().into_iter().collect();
    type Key = fn(&NaiveDateTime) -> (i32, u32);
    let day: Key = |t| (t.year(), t.ordinal());
    let week: Key = |t| (t.iso_week().year(), t.iso_week().week());
    let month: Key = |t| (t.year(), t.month());
    let periods = [(day, keep.daily), (week, keep.weekly), (month, keep.monthly)];
    for (period, count) in periods {
        let mut seen = 0;
        let mut last = None;
        for t in &newest_first {
            let key = period(t);
            if last == Some(key) {
                continue;
            }
            if seen == count {
                break;
            }
            seen += 1;
            last = Some(key);
            kept.insert(*t);
        }
    }
    newest_first.into_iter().filter(|t| !kept.contains(t)).collect()
}

/// Writes a backup of `conn`'s main database to `out`, which must not exist (a backup never overwrites).
///
/// The copy is made with the online backup API in one step (consistent even while other consoles write),
/// switched to a single-file journal, flushed to disk and checked by a fresh connection before it is named.
pub fn write(conn: &Connection, out: &Path) -> Result<()> {
    if out.exists() {
        bail!("{} already exists", out.display());
    }
    let dir = out.parent().unwrap_or(Path::new(""));
    crate::paths::create_private_dir(dir)?;
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let part = dir.join(format!(".{name}.{}.part", std::process::id()));
    let result = write_part(conn, &part).and_then(|()| publish(&part, out));
    if result.is_err() {
        let _ = fs::remove_file(&part);
    }
    result
}

fn write_part(conn: &Connection, part: &Path) -> Result<()> {
    match fs::remove_file(part) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).with_context(|| format!("cannot remove {}", part.display())),
    }
    crate::paths::create_private_file(part)?;
    {
        let mut dst = Connection::open(part).with_context(|| format!("cannot create {}", part.display()))?;
        copy(conn, &mut dst)?;
        // The copy carries the live database's WAL flag; a backup is one self-contained file.
        let _: String = dst.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    }
    let problems = integrity(part)?;
    if !problems.is_empty() {
        bail!("integrity_check of the new backup failed: {}", problems.join("; "));
    }
    fs::File::open(part)?.sync_all()?;
    Ok(())
}

/// Gives the checked file its final name without ever replacing an existing file.
fn publish(part: &Path, out: &Path) -> Result<()> {
    match fs::hard_link(part, out) {
        Ok(()) => fs::remove_file(part)?,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => bail!("{} already exists", out.display()),
        // File systems without hard links (FAT on a USB stick): a rename after a last check.
        Err(_) if !out.exists() => fs::rename(part, out)?,
        Err(_) => bail!("{} already exists", out.display()),
    }
    #[cfg(unix)]
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::File::open(dir)?.sync_all()?;
    }
    Ok(())
}

/// Copies every page of `from`'s main database into `to` in one step, retrying while a lock is held briefly.
fn copy(from: &Connection, to: &mut Connection) -> Result<()> {
    let backup = Backup::new(from, to)?;
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            _ if std::time::Instant::now() > deadline => bail!("the database stayed busy; no copy was made"),
            _ => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}

/// `PRAGMA integrity_check` of the file at `path` on a fresh read-only connection (empty: sound).
pub fn integrity(path: &Path) -> Result<Vec<String>> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .with_context(|| format!("cannot open {}", path.display()))?;
    check::integrity(&conn)
}

/// Takes a backup of `conn`'s database into `dir` named for `now`, then rotates the directory.
pub fn take(conn: &Connection, dir: &Path, now: NaiveDateTime, keep: &Retention) -> Result<PathBuf> {
    let out = dir.join(file_name(now));
    // A file with a backup's name is a checked backup: one taken this same second is as good as a new one.
    if !out.exists() {
        write(conn, &out)?;
    }
    let removed = rotate(dir, keep)?;
    if removed > 0 {
        tracing::info!(removed, "old backups removed by rotation");
    }
    Ok(out)
}

/// Removes the backups in `dir` that rotation no longer keeps, and temporary files left by a backup that was
/// interrupted (over an hour old, so never one being written); returns how many backups were removed.
pub fn rotate(dir: &Path, keep: &Retention) -> Result<usize> {
    let stamps = list(dir)?;
    let expired = expired(&stamps, keep);
    for t in &expired {
        fs::remove_file(dir.join(file_name(*t)))?;
    }
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let stale = entry.metadata()?.modified()?.elapsed().is_ok_and(|age| age > Duration::from_secs(3600));
        // The temporary file and its rollback journal (`….part-journal`).
        if name.starts_with(&format!(".{PREFIX}")) && name.contains(".part") && stale {
            fs::remove_file(entry.path())?;
        }
    }
    Ok(expired.len())
}

/// The times of the backups in `dir`, in no particular order (none when the directory does not exist).
pub fn list(dir: &Path) -> Result<Vec<NaiveDateTime>> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", dir.display())),
    };
    let mut out = Vec::new();
    for entry in entries {
        if let Some(t) = entry?.file_name().to_str().and_then(parse_name) {
            out.push(t);
        }
    }
    Ok(out)
}

/// What a file offered for restore holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Its schema version (migrated on restore when older than this build's).
    pub schema_version: i64,
    /// Applications (dispatches) in it.
    pub applications: i64,
    /// Businesses in it.
    pub businesses: i64,
    /// When its last action was recorded, if any.
    pub last_action: Option<String>,
}

/// Why a file cannot be restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unusable {
    /// There is no such file.
    Missing,
    /// SQLite cannot read it (not a database, or unreadable): SQLite's reason.
    Unreadable(String),
    /// `integrity_check` found problems.
    Damaged(Vec<String>),
    /// A database, but not madoguchi's.
    NotMadoguchi,
    /// Written by a newer madoguchi (schema version `found`, this build knows up to `supported`).
    Newer {
        /// The file's schema version.
        found: i64,
        /// The latest this build knows.
        supported: i64,
    },
}

/// Checks a file before a restore: it opens, `integrity_check` is ok, and it is a madoguchi database of a
/// schema version this build knows.
pub fn verify(path: &Path) -> Result<Summary, Unusable> {
    if !path.is_file() {
        return Err(Unusable::Missing);
    }
    let unreadable = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseCorrupt) => Unusable::Damaged(vec![e.to_string()]),
        _ => Unusable::Unreadable(e.to_string()),
    };
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(unreadable)?;
    let problems: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>())
        .map_err(unreadable)?;
    let problems: Vec<String> = problems.into_iter().filter(|p| p != "ok").collect();
    if !problems.is_empty() {
        return Err(Unusable::Damaged(problems));
    }
    let tables: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table'
               AND name IN ('action', 'audit', 'audit_context', 'dispatch', 'business')",
            [],
            |r| r.get(0),
        )
        .map_err(unreadable)?;
    let version = migrations::version(&conn).map_err(|e| Unusable::Unreadable(e.to_string()))?;
    if tables != 5 || version < 1 {
        return Err(Unusable::NotMadoguchi);
    }
    let supported = migrations::latest_version() as i64;
    if version > supported {
        return Err(Unusable::Newer { found: version, supported });
    }
    let count = |table: &str| conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get::<_, i64>(0));
    Ok(Summary {
        schema_version: version,
        applications: count("dispatch").map_err(unreadable)?,
        businesses: count("business").map_err(unreadable)?,
        last_action: conn.query_row("SELECT MAX(at) FROM action", [], |r| r.get(0)).map_err(unreadable)?,
    })
}

/// Where the current database is kept aside by a restore at `now`: beside it, `<name>-before-restore-<time>.db`.
pub fn aside_path(db: &Path, now: NaiveDateTime) -> PathBuf {
    let stem = db.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "madoguchi".into());
    db.with_file_name(format!("{stem}-before-restore-{}.db", now.format(STAMP)))
}

/// Replaces the database at `db` with the contents of the checked backup `from`.
///
/// The current database (if any) is first copied aside to [`aside_path`] (online backup, so changes still in
/// its WAL are kept; never deleted). The contents are then put back with the backup API into the live file in
/// one transaction: a failure leaves the current database as it was, and other consoles see the restored data
/// on their next read. Returns the aside copy.
pub fn restore(db: &Path, from: &Path, now: NaiveDateTime) -> Result<Option<PathBuf>> {
    let source = Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .with_context(|| format!("cannot open {}", from.display()))?;
    let aside = if db.exists() {
        let aside = aside_path(db, now);
        keep_aside(db, &aside)?;
        Some(aside)
    } else {
        crate::paths::create_private_file(db)?;
        None
    };
    let mut target =
        Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .with_context(|| format!("cannot open {}", db.display()))?;
    target.busy_timeout(BUSY_TIMEOUT)?;
    copy(&source, &mut target).with_context(|| format!("cannot write {}", db.display()))?;
    Ok(aside)
}

/// Keeps a copy of the current database at `aside`: an online backup when SQLite can read it, otherwise (a
/// database too damaged to read) the files byte for byte.
fn keep_aside(db: &Path, aside: &Path) -> Result<()> {
    if aside.exists() {
        bail!("{} already exists", aside.display());
    }
    let online = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(anyhow::Error::from)
        .and_then(|conn| {
            conn.busy_timeout(BUSY_TIMEOUT)?;
            write(&conn, aside)
        });
    if online.is_ok() {
        return Ok(());
    }
    crate::paths::create_private_file(aside)?;
    fs::copy(db, aside).with_context(|| format!("cannot copy {} aside", db.display()))?;
    let wal = |p: &Path| PathBuf::from(format!("{}-wal", p.display()));
    if wal(db).is_file() {
        fs::copy(wal(db), wal(aside))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration as Days, NaiveDate};

    fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, 0, 0).unwrap()
    }

    fn kept(stamps: &[NaiveDateTime], keep: &Retention) -> BTreeSet<NaiveDateTime> {
        let gone: BTreeSet<_> = expired(stamps, keep).into_iter().collect();
        stamps.iter().copied().filter(|t| !gone.contains(t)).collect()
    }

    #[test]
    fn names_round_trip_and_other_files_are_ignored() {
        let t = at(2025, 11, 4, 9);
        assert_eq!(file_name(t), "madoguchi-20251104-090000.db");
        assert_eq!(parse_name(&file_name(t)), Some(t));
        for other in
            ["madoguchi.db", "madoguchi-before-restore-20251104-090000.db", ".madoguchi-20251104-090000.db.1.part"]
        {
            assert_eq!(parse_name(other), None, "{other}");
        }
    }

    #[test]
    fn a_year_of_daily_backups_keeps_7_daily_8_weekly_12_monthly() {
        let start = at(2025, 4, 1, 9);
        let stamps: Vec<_> = (0..365).map(|i| start + Days::days(i)).collect();
        let newest = *stamps.last().unwrap();
        let k = kept(&stamps, &Retention::default());
        assert!(k.contains(&newest));
        // The last 7 days.
        for i in 0..7 {
            assert!(k.contains(&(newest - Days::days(i))), "day -{i}");
        }
        // Sundays (the newest of each ISO week) of the last 8 weeks, month ends of the last 12 months.
        let sundays = k.iter().filter(|t| t.weekday() == chrono::Weekday::Sun).count();
        assert!(sundays >= 7, "{k:?}");
        let month_ends = k.iter().filter(|t| (**t + Days::days(1)).day() == 1).count();
        assert_eq!(month_ends, 12, "{k:?}");
        assert!(k.len() <= 7 + 8 + 12, "{}", k.len());
        // Nothing kept is older than a year, and the oldest kept is a month end.
        let oldest = k.iter().next().unwrap();
        assert_eq!((*oldest + Days::days(1)).day(), 1, "{oldest}");
    }

    #[test]
    fn several_backups_a_day_keep_the_newest_of_the_day() {
        let stamps = [at(2025, 11, 4, 9), at(2025, 11, 4, 12), at(2025, 11, 4, 18), at(2025, 11, 3, 9)];
        let keep = Retention { daily: 2, weekly: 0, monthly: 0 };
        assert_eq!(kept(&stamps, &keep), [at(2025, 11, 4, 18), at(2025, 11, 3, 9)].into_iter().collect());
    }

    #[test]
    fn gaps_count_only_days_with_a_backup() {
        // A desk closed for a long holiday still keeps its 3 latest days of backups.
        let stamps = [at(2025, 12, 26, 9), at(2025, 12, 27, 9), at(2026, 1, 5, 9)];
        let keep = Retention { daily: 3, weekly: 0, monthly: 0 };
        assert!(expired(&stamps, &keep).is_empty());
    }

    #[test]
    fn the_newest_is_kept_even_with_nothing_to_keep() {
        let stamps = [at(2025, 11, 3, 9), at(2025, 11, 4, 9)];
        let keep = Retention { daily: 0, weekly: 0, monthly: 0 };
        assert_eq!(expired(&stamps, &keep), vec![at(2025, 11, 3, 9)]);
        assert!(expired(&[], &keep).is_empty());
    }

    #[test]
    fn weekly_uses_iso_weeks_across_the_new_year() {
        // 2025-12-29 (Mon) .. 2026-01-04 (Sun) are one ISO week (2026-W01).
        let stamps = [at(2025, 12, 29, 9), at(2026, 1, 4, 9), at(2025, 12, 28, 9)];
        let keep = Retention { daily: 0, weekly: 2, monthly: 0 };
        assert_eq!(expired(&stamps, &keep), vec![at(2025, 12, 29, 9)]);
    }
}
