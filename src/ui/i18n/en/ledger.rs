//! The ledger tab's texts.

use crate::ui::i18n::ledger::LedgerText;

/// English.
pub const TEXT: LedgerText = LedgerText { title: "Ledger" };
