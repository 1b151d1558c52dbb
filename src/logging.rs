//! Logs go to a daily-rotated file in the state directory, never to the terminal, and never hold personal data
//! (names, phone numbers): log record ids and counts only.

use std::path::Path;

use anyhow::Result;
use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::EnvFilter;

/// Starts file logging into `dir`; keep the guard alive until the terminal is restored so the last lines land.
pub fn init(dir: &Path) -> Result<WorkerGuard> {
    crate::paths::create_private_dir(dir)?;
    let appender = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix("madoguchi")
        .filename_suffix("log")
        .max_log_files(14)
        .build(dir)?;
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let filter = EnvFilter::try_from_env("MADOGUCHI_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    // A second init (tests calling this twice) keeps the first subscriber.
    let _ = tracing_subscriber::fmt().with_writer(writer).with_ansi(false).with_env_filter(filter).try_init();
    Ok(guard)
}
