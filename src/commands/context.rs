//! What every command needs, resolved once from the command line, the config file and the clock.

use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;

use crate::cli::Cli;
use crate::config::{self, Config, FiscalYears};
use crate::domain::fiscal_year::{FiscalYear, fiscal_year_of};
use crate::paths::Dirs;
use crate::store::Store;
use crate::ui::i18n::Lang;

/// The resolved environment of a run.
pub struct Context {
    /// Directories.
    pub dirs: Dirs,
    /// Settings.
    pub config: Config,
    /// Unknown keys found in the config file (reported on the status line and stderr).
    pub unknown_config_keys: Vec<String>,
    /// Interface language.
    pub lang: Lang,
    /// The date treated as today.
    pub today: NaiveDate,
    /// All configured fiscal years.
    pub fiscal_years: FiscalYears,
    /// The fiscal year opened.
    pub year: FiscalYear,
    /// Set when today's fiscal year has no configuration and another year was opened instead.
    pub year_fallback_from: Option<i32>,
    /// Database path from `--db`, the config, or the default.
    pub db_path: PathBuf,
    /// Whether `--demo` was given.
    pub demo: bool,
    /// The staff member recorded with each change.
    pub staff: String,
}

/// An open database, with the temporary directory of a `--demo` database kept alive as long as it.
pub struct OpenDb {
    /// The store.
    pub store: Store,
    /// The temporary directory holding a demo database (deleted on drop).
    pub _temp: Option<tempfile::TempDir>,
}

impl Context {
    /// Resolves the command line against the config file and the system clock.
    pub fn resolve(cli: &Cli) -> Result<Context> {
        let dirs = Dirs::discover()?;
        let loaded = config::load(cli.config.as_deref(), &dirs.default_config())?;
        let config = loaded.config;
        let lang = cli.lang.unwrap_or(config.language);
        let fiscal_years = FiscalYears::load(Some(
            &config.fiscal_years_dir.clone().unwrap_or_else(|| dirs.config.join("fiscal-years")),
        ))?;
        let latest = fiscal_years.latest().context("no fiscal-year configuration found")?.clone();
        // --demo without --today fixes today inside the demo year's program period.
        let today = match (cli.today, cli.demo) {
            (Some(t), _) => t,
            (None, true) => crate::demo::demo_today(&latest),
            (None, false) => chrono::Local::now().date_naive(),
        };
        let (year, year_fallback_from) = match cli.year {
            Some(y) => match fiscal_years.get(y) {
                Some(fy) => (fy.clone(), None),
                None => bail!(
                    "年度 {y} の設定がありません / no configuration for fiscal year {y} (configured: {})",
                    fiscal_years.years().map(|y| y.to_string()).collect::<Vec<_>>().join(", ")
                ),
            },
            None => {
                let current = fiscal_year_of(today);
                match fiscal_years.get(current) {
                    Some(fy) => (fy.clone(), None),
                    None => (latest.clone(), Some(current)),
                }
            }
        };
        let db_path = cli.db.clone().or_else(|| config.database.clone()).unwrap_or_else(|| dirs.default_db());
        let staff = config
            .staff_name
            .clone()
            .or_else(|| std::env::var("USER").ok())
            .or_else(|| std::env::var("USERNAME").ok())
            .unwrap_or_else(|| "desk".to_string());
        Ok(Context {
            dirs,
            config,
            unknown_config_keys: loaded.unknown_keys,
            lang,
            today,
            fiscal_years,
            year,
            year_fallback_from,
            db_path,
            demo: cli.demo,
            staff,
        })
    }

    /// The backup directory: `backup_dir` from the config, or `backups` beside the database.
    pub fn backup_dir(&self) -> PathBuf {
        self.config.backup_dir.clone().unwrap_or_else(|| {
            self.db_path.parent().map(|p| p.join("backups")).unwrap_or_else(|| PathBuf::from("backups"))
        })
    }

    /// Opens the console's database: a fresh demo database in a temporary directory with `--demo`, otherwise
    /// the configured one (created with reference data on first start).
    pub fn open_console_db(&self) -> Result<OpenDb> {
        if self.demo {
            let temp = tempfile::Builder::new().prefix("madoguchi-demo-").tempdir()?;
            let path = temp.path().join("demo.db");
            let mut store = Store::open(&path, &self.staff)?;
            crate::demo::generate(&mut store, &self.year, 1, 1)?;
            return Ok(OpenDb { store, _temp: Some(temp) });
        }
        Ok(OpenDb { store: Store::open(&self.db_path, &self.staff)?, _temp: None })
    }
}
