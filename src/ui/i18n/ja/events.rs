//! 講習会・相談会タブの文言。

use crate::ui::i18n::events::EventsText;

/// 日本語。
pub const TEXT: EventsText = EventsText { title: "講習会・相談会" };
