//! The configuration file (`config.toml`, documented key by key in `config.example.toml`) and the fiscal-year
//! files: the bundled `assets/fiscal-years/*.toml` plus any in `<config dir>/fiscal-years/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use include_dir::{Dir, include_dir};
use serde::Deserialize;

use crate::domain::fiscal_year::FiscalYear;
use crate::ui::i18n::Lang;

static BUNDLED_FISCAL_YEARS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/assets/fiscal-years");

/// First day of the week in the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WeekStart {
    /// 日曜始まり (Japanese wall calendars).
    #[default]
    Sunday,
    /// 月曜始まり.
    Monday,
}

/// Settings from `config.toml`; every key is optional.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Interface language.
    pub language: Lang,
    /// Database file (default: `madoguchi.db` in the data directory).
    pub database: Option<PathBuf>,
    /// Backup directory (default: `backups` beside the database).
    pub backup_dir: Option<PathBuf>,
    /// Backup rotation.
    pub backup: crate::store::backup::Retention,
    /// The desk staff member recorded with each change.
    pub staff_name: Option<String>,
    /// Colours on or off (`NO_COLOR` in the environment turns them off too).
    pub color: bool,
    /// First day of the week in the calendar.
    pub week_start: WeekStart,
    /// Days after the last visit before a missing support report is listed as needing action.
    pub report_overdue_days: u32,
    /// Width the terminal gives ambiguous-width characters such as ①, ※, ○ (1 or 2).
    pub ambiguous_width: u8,
    /// Extra directory of fiscal-year files (default: `fiscal-years` in the config directory).
    pub fiscal_years_dir: Option<PathBuf>,
    /// Exports: the `[export]` section.
    pub export: ExportConfig,
}

/// The `[export]` section: settings of the files the desk hands out.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ExportConfig {
    /// A TrueType/OpenType font file with Japanese glyphs for PDFs (default: IPAexGothic or Noto Sans CJK JP
    /// found in the system's font directories).
    pub pdf_font: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            language: Lang::Ja,
            database: None,
            backup_dir: None,
            backup: crate::store::backup::Retention::default(),
            staff_name: None,
            color: true,
            week_start: WeekStart::Sunday,
            report_overdue_days: 30,
            ambiguous_width: 1,
            fiscal_years_dir: None,
            export: ExportConfig::default(),
        }
    }
}

/// A loaded configuration and the unknown keys it contained (reported, not fatal).
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The settings.
    pub config: Config,
    /// The file read, if any.
    pub path: Option<PathBuf>,
    /// Keys the file has that madoguchi does not know.
    pub unknown_keys: Vec<String>,
}

/// Reads the configuration: `explicit` must exist; otherwise `default_path` is read if present.
pub fn load(explicit: Option<&Path>, default_path: &Path) -> Result<Loaded> {
    let path = match explicit {
        Some(p) if !p.is_file() => bail!("設定ファイルがありません / config file not found: {}", p.display()),
        Some(p) => p.to_path_buf(),
        None if default_path.is_file() => default_path.to_path_buf(),
        None => return Ok(Loaded { config: Config::default(), path: None, unknown_keys: Vec::new() }),
    };
    let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let (config, unknown_keys) = parse(&text)
        .map_err(|e| anyhow::anyhow!("設定ファイルの誤り / error in the config file {}:\n{e}", path.display()))?;
    if !(1..=2).contains(&config.ambiguous_width) {
        bail!("{}: ambiguous_width must be 1 or 2", path.display());
    }
    Ok(Loaded { config, path: Some(path), unknown_keys })
}

/// Parses configuration text, collecting unknown keys; the error names the line and column.
pub fn parse(text: &str) -> Result<(Config, Vec<String>), String> {
    let mut unknown = Vec::new();
    let de = toml::Deserializer::parse(text).map_err(|e| e.to_string())?;
    let config = serde_ignored::deserialize(de, |path| unknown.push(path.to_string())).map_err(|e| e.to_string())?;
    Ok((config, unknown))
}

/// The fiscal years known to this installation, by year.
#[derive(Debug, Clone)]
pub struct FiscalYears {
    years: BTreeMap<i32, FiscalYear>,
}

impl FiscalYears {
    /// The bundled fiscal-year files plus those in `extra_dir` (which win for the same year).
    pub fn load(extra_dir: Option<&Path>) -> Result<FiscalYears> {
        let mut years = BTreeMap::new();
        for file in BUNDLED_FISCAL_YEARS.files() {
            let text = file.contents_utf8().context("fiscal-year file is not UTF-8")?;
            let fy =
                FiscalYear::from_toml(text).map_err(|e| anyhow::anyhow!("bundled {}: {e}", file.path().display()))?;
            years.insert(fy.year, fy);
        }
        if let Some(dir) = extra_dir.filter(|d| d.is_dir()) {
            for entry in std::fs::read_dir(dir)? {
                let path = entry?.path();
                if path.extension().is_some_and(|e| e == "toml") {
                    let text = std::fs::read_to_string(&path)?;
                    let fy = FiscalYear::from_toml(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
                    years.insert(fy.year, fy);
                }
            }
        }
        Ok(FiscalYears { years })
    }

    /// The configuration of one fiscal year.
    pub fn get(&self, year: i32) -> Option<&FiscalYear> {
        self.years.get(&year)
    }

    /// The latest configured fiscal year.
    pub fn latest(&self) -> Option<&FiscalYear> {
        self.years.values().next_back()
    }

    /// All configured years.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.keys().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_file_means_defaults() {
        let (c, unknown) = parse("").unwrap();
        assert_eq!(c.language, Lang::Ja);
        assert_eq!(c.report_overdue_days, 30);
        assert!(unknown.is_empty());
    }

    #[test]
    fn example_file_parses_without_unknown_keys() {
        let (c, unknown) = parse(include_str!("../config.example.toml")).unwrap();
        assert!(unknown.is_empty(), "{unknown:?}");
        assert_eq!(c.week_start, WeekStart::Sunday);
    }

    #[test]
    fn unknown_keys_are_reported() {
        let (_, unknown) = parse("langage = \"en\"\n[backup]\ndaily = 3\n").unwrap();
        assert_eq!(unknown, vec!["langage".to_string()]);
    }

    #[test]
    fn malformed_value_names_line_and_key() {
        let err = parse("language = \"ja\"\nweek_start = \"tuesday\"\n").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
        assert!(err.contains("week_start") || err.contains("tuesday"), "{err}");
    }

    #[test]
    fn bundled_fiscal_years_include_2025() {
        let fys = FiscalYears::load(None).unwrap();
        assert!(fys.get(2025).is_some());
        assert_eq!(fys.latest().unwrap().year, 2025);
    }
}
