//! `madoguchi backup` and `madoguchi restore`, and the console's own backups: one on start, then one a day.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use anyhow::{Result, anyhow, bail};
use chrono::NaiveDateTime;

use super::context::Context;
use super::say;
use crate::app::backup::BackupStatus;
use crate::store::backup::{self, Retention};
use crate::store::{Store, check};
use crate::ui::i18n;

fn now() -> NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// Writes a backup of `--db` into the backup directory (rotating it) or to `out`.
pub fn run_backup(ctx: &Context, out: Option<&Path>) -> Result<ExitCode> {
    let t = i18n::backup(ctx.lang);
    if let Some(out) = out.filter(|o| o.exists()) {
        bail!("{}", t.exists.replace("{path}", &out.display().to_string()));
    }
    let store = Store::open_existing(&ctx.db_path, &ctx.staff).map_err(|e| anyhow!(i18n::error(ctx.lang, &e)))?;
    let written = match out {
        Some(out) => backup::write(store.conn(), out).map(|()| out.to_path_buf()),
        None => backup::take(store.conn(), &ctx.backup_dir(), now(), &ctx.config.backup),
    }
    .map_err(|e| anyhow!(i18n::error(ctx.lang, &e)))?;
    say!("{}", t.written.replace("{path}", &written.display().to_string()));
    Ok(ExitCode::SUCCESS)
}

/// Restores `file` over `--db` after checking it and (on a terminal) asking; exit 1 when refused.
pub fn run_restore(ctx: &Context, file: &Path, yes: bool) -> Result<ExitCode> {
    let t = i18n::backup(ctx.lang);
    let summary = match backup::verify(file) {
        Ok(s) => s,
        Err(why) => {
            eprintln!("madoguchi: {}", i18n::unusable(ctx.lang, file, &why));
            return Ok(ExitCode::FAILURE);
        }
    };
    if ctx.db_path.exists() && same_file(file, &ctx.db_path) {
        bail!("{} is the database itself", file.display());
    }
    say!(
        "{}",
        t.summary
            .replace("{path}", &file.display().to_string())
            .replace("{version}", &summary.schema_version.to_string())
            .replace("{applications}", &summary.applications.to_string())
            .replace("{businesses}", &summary.businesses.to_string())
            .replace("{last}", summary.last_action.as_deref().unwrap_or("-"))
    );
    let at = now();
    let db = ctx.db_path.display().to_string();
    if ctx.db_path.exists() {
        let aside = backup::aside_path(&ctx.db_path, at).display().to_string();
        say!("{}", t.target.replace("{db}", &db).replace("{aside}", &aside));
    } else {
        say!("{}", t.target_new.replace("{db}", &db));
    }
    if !yes {
        if !std::io::stdin().is_terminal() {
            eprintln!("madoguchi: {}", t.needs_yes);
            return Ok(ExitCode::FAILURE);
        }
        print!("{}", t.prompt);
        std::io::stdout().flush()?;
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim().to_lowercase().as_str(), "y" | "yes" | "はい") {
            say!("{}", t.declined);
            return Ok(ExitCode::FAILURE);
        }
    }
    let aside = backup::restore(&ctx.db_path, file, at).map_err(|e| anyhow!(i18n::error(ctx.lang, &e)))?;
    // Opening migrates a backup of an older schema to this build's; then the result is checked once more.
    let store = Store::open_existing(&ctx.db_path, &ctx.staff)?;
    let problems = check::integrity(store.conn())?;
    if !problems.is_empty() {
        bail!("integrity_check after restore: {}", problems.join("; "));
    }
    say!("{}", t.restored.replace("{db}", &db));
    if let Some(aside) = aside {
        say!("{}", t.kept_aside.replace("{aside}", &aside.display().to_string()));
    }
    Ok(ExitCode::SUCCESS)
}

fn same_file(a: &Path, b: &Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
}

/// The console's backups on their own thread and connection, so a keystroke never waits for one: a backup on
/// start, then one a day (an hour after a failure), and a status report every minute for the status line.
pub struct DailyBackups {
    /// Status reports, for the event loop to pass on as actions.
    pub status: Receiver<BackupStatus>,
    stop: Option<Sender<()>>,
    handle: Option<JoinHandle<()>>,
}

impl DailyBackups {
    /// Starts the backup thread for the database at `db`.
    pub fn start(db: PathBuf, dir: PathBuf, keep: Retention, staff: String) -> Result<DailyBackups> {
        let (stop, stopped) = mpsc::channel::<()>();
        let (report, status) = mpsc::channel::<BackupStatus>();
        let handle = std::thread::Builder::new().name("madoguchi-backup".into()).spawn(move || {
            let store = Store::open_existing(&db, &staff);
            let mut last_good = backup::list(&dir).ok().and_then(|l| l.into_iter().max());
            let mut failed = false;
            let mut next = now();
            loop {
                let at = now();
                if at >= next {
                    let taken = store.as_ref().map_err(|e| anyhow!("{e:#}")).and_then(|s| {
                        let started = std::time::Instant::now();
                        let path = backup::take(s.conn(), &dir, at, &keep)?;
                        tracing::info!(ms = started.elapsed().as_millis() as u64, file = ?path.file_name(), "backup written");
                        Ok(())
                    });
                    failed = taken.is_err();
                    if let Err(e) = taken {
                        tracing::error!(error = %e, "backup failed");
                        next = at + chrono::Duration::hours(1);
                    } else {
                        last_good = Some(at);
                        next = at + chrono::Duration::days(1);
                    }
                }
                if report.send(BackupStatus { last_good, failed, now: now() }).is_err() {
                    return;
                }
                match stopped.recv_timeout(Duration::from_secs(60)) {
                    Err(RecvTimeoutError::Timeout) => {}
                    _ => return,
                }
            }
        })?;
        Ok(DailyBackups { status, stop: Some(stop), handle: Some(handle) })
    }
}

impl Drop for DailyBackups {
    fn drop(&mut self) {
        // Closing the channel wakes the thread; a backup under way is finished (or its temporary file removed).
        self.stop = None;
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}
