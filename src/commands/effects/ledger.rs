//! Runs tab 4 (精算)'s loads and saves against the store.

use anyhow::Result;

use crate::app::{Action, Session};
use crate::screens::ledger::{Load, Reply, Save};
use crate::store::Store;

/// Answers a load.
pub fn load(store: &Store, s: &Session, load: Load) -> Result<Action> {
    let _ = (store, s);
    match load {
        Load::Page { generation } => Ok(Action::Ledger(Reply::Page { generation, total: 0 })),
    }
}

/// Performs a save as one audited action.
pub fn save(store: &mut Store, s: &Session, save: Save) -> Result<Action> {
    let _ = (store, s);
    match save {}
}
