//! The command line (clap). Options are global: `madoguchi --db X check` and `madoguchi check --db X` agree.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

use crate::ui::i18n::Lang;

/// くまもと中小企業デジタル相談窓口の端末コンソール — the Kumamoto SME Digital Consultation Desk's console.
#[derive(Debug, Parser)]
#[command(name = "madoguchi", version, about, long_about = None)]
pub struct Cli {
    /// Database file (default: madoguchi.db in the data directory).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Configuration file (default: config.toml in the config directory).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Interface language.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// Open a throwaway database full of demo data.
    #[arg(long, global = true)]
    pub demo: bool,
    /// Fiscal year to open (2025 = 令和7年度).
    #[arg(long, global = true, value_name = "YEAR")]
    pub year: Option<i32>,
    /// The date treated as today (ISO or 和暦, e.g. 2025-11-04 or R7.11.4).
    #[arg(long, global = true, value_name = "DATE", value_parser = parse_today)]
    pub today: Option<NaiveDate>,
    /// What to do (default: open the console).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a demo database (deterministic for a seed).
    Demo {
        /// Size: 1 = one realistic fiscal year (1,500 businesses, 300 applications, ...).
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=1000))]
        scale: u32,
        /// Output database file (must not exist).
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Random seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Check the database: integrity, foreign keys, then every record that breaks a rule without an override.
    Check,
    /// Write a backup now (online backup API, checked with integrity_check, mode 0600).
    #[command(after_help = "Exit status: 0 backup written and checked; 2 error (nothing is overwritten).\n\
        Without --out the backup goes to the backup directory (config `backup_dir`, default `backups` beside \
        the database) and old backups are rotated (config [backup] daily/weekly/monthly).")]
    Backup {
        /// Write the backup to this file instead (must not exist).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Replace the database with a backup, keeping the current database aside (never deleted).
    #[command(after_help = "The file is checked first (it opens, integrity_check is ok, it is a madoguchi \
        database of a known schema version). On a terminal you are asked to confirm; without one, --yes is \
        required. Close the consoles on this database first.\n\
        Exit status: 0 restored; 1 refused (the file failed the check, the answer was no, or --yes is missing \
        without a terminal) and nothing changed; 2 error.")]
    Restore {
        /// The backup file to restore.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Replace without asking (needed when stdin is not a terminal).
        #[arg(long)]
        yes: bool,
    },
    /// Write the annual report, a report table as CSV, the feedback to a chamber, a document or the announcements.
    Export {
        /// What to write.
        #[command(subcommand)]
        what: crate::commands::export::ExportCommand,
    },
    /// Import the desk's Excel/CSV sheets (businesses, experts, applications, visits, claims, events), all rows or
    /// none.
    #[command(after_help = "Columns are found by their Japanese headers (事業者名, フリガナ, 電話番号, 受付日 ...): \
        see docs/import.md. CSV may be UTF-8 or Shift_JIS (as Excel saves it). Rows already registered (same \
        application number, corporate number, folded name + phone, or an event's organiser + day + title) are skipped, so a file imported twice adds \
        its rows once.\n\
        Exit status: 0 imported (or, with --dry-run, every row is importable); 1 some rows cannot be imported \
        (each is listed with its row, column and reason) and nothing changed; 2 error.")]
    Import {
        /// The .xlsx, .xls, .ods or .csv file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// What the rows are (default: told from the headers).
        #[arg(long, value_enum)]
        kind: Option<crate::import::ImportKind>,
        /// Check every row and report what would be rejected; change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Crash tests only: perform COUNT audited writes, printing `ack N ID` after each commit.
    #[command(hide = true)]
    WriteStream {
        /// How many writes.
        #[arg(long)]
        count: u64,
    },
    /// Measure start-up, keystroke-to-frame, lookup and list times (median, p99) on a demo database.
    Bench {
        /// Size of the demo database (built once and kept in the cache directory).
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=1000))]
        scale: u32,
        /// Print one JSON object: {"scale": N, "metrics": {"name": {"median": ms, "p99": ms}}}.
        #[arg(long)]
        json: bool,
    },
}

fn parse_today(s: &str) -> Result<NaiveDate, String> {
    let reference = NaiveDate::from_ymd_opt(2025, 4, 1).unwrap_or_default();
    crate::domain::parse::parse_date(s, reference).map_err(|e| e.to_string())
}
