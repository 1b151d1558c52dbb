//! The roster tab's texts.

use crate::ui::i18n::roster::RosterText;

/// English.
pub const TEXT: RosterText = RosterText { title: "Roster" };
