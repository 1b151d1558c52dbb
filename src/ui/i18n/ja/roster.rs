//! 名簿タブの文言。

use crate::ui::i18n::roster::RosterText;

/// 日本語。
pub const TEXT: RosterText = RosterText { title: "名簿" };
