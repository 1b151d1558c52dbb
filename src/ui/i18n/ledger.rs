//! The texts of tab ledger (精算): the struct both catalogues fill in.

use super::{Lang, en, ja};

/// Tab ledger's texts in one language; a struct, so a text missing in one language does not compile.
#[derive(Debug)]
pub struct LedgerText {
    /// The tab's title.
    pub title: &'static str,
}

/// Tab ledger's texts in a language.
pub fn text(lang: Lang) -> &'static LedgerText {
    match lang {
        Lang::Ja => &ja::ledger::TEXT,
        Lang::En => &en::ledger::TEXT,
    }
}
