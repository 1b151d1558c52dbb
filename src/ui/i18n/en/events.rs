//! The events tab's texts.

use crate::ui::i18n::events::EventsText;

/// English.
pub const TEXT: EventsText = EventsText { title: "Events" };
