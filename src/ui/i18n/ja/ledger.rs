//! 精算タブの文言。

use crate::ui::i18n::ledger::LedgerText;

/// 日本語。
pub const TEXT: LedgerText = LedgerText { title: "精算" };
