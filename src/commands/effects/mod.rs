//! The effect runners of tabs 2-4: each tab's loads and saves against the store (tab 1's are in `console`).

pub mod events;
pub mod ledger;
pub mod reports;
pub mod roster;
