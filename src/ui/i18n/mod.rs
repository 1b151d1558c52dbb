//! Text catalogues: one per language (`ja`, `en`), organised in sections. Every text the console or a command
//! shows comes from here; the domain returns structured results and this module words them.

pub mod en;
pub mod ja;

use serde::Deserialize;

use crate::domain::rules::Finding;

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// 日本語 (the default).
    #[default]
    Ja,
    /// English.
    En,
}

/// "R-D1: この申請の派遣は既に15時間です (上限15時間)": a finding with its rule id, in the chosen language.
pub fn finding(lang: Lang, f: &Finding) -> String {
    let text = match lang {
        Lang::Ja => ja::rules::finding(f),
        Lang::En => en::rules::finding(f),
    };
    format!("{}: {}", f.rule(), text)
}
