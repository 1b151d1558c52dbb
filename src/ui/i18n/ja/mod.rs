//! 日本語のテキスト (the Japanese catalogue).

pub mod backup;
pub mod cli;
pub mod console;
pub mod events;
pub mod forms;
pub mod history;
pub mod labels;
pub mod ledger;
pub mod parse;
pub mod queue;
pub mod reports;
pub mod roster;
pub mod rules;
