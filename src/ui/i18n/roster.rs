//! The texts of tab roster (名簿): the struct both catalogues fill in.

use super::{Lang, en, ja};

/// Tab roster's texts in one language; a struct, so a text missing in one language does not compile.
#[derive(Debug)]
pub struct RosterText {
    /// The tab's title.
    pub title: &'static str,
}

/// Tab roster's texts in a language.
pub fn text(lang: Lang) -> &'static RosterText {
    match lang {
        Lang::Ja => &ja::roster::TEXT,
        Lang::En => &en::roster::TEXT,
    }
}
