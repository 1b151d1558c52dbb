//! The texts of tab events (講習会・相談会): the struct both catalogues fill in.

use super::{Lang, en, ja};

/// Tab events's texts in one language; a struct, so a text missing in one language does not compile.
#[derive(Debug)]
pub struct EventsText {
    /// The tab's title.
    pub title: &'static str,
}

/// Tab events's texts in a language.
pub fn text(lang: Lang) -> &'static EventsText {
    match lang {
        Lang::Ja => &ja::events::TEXT,
        Lang::En => &en::events::TEXT,
    }
}
