//! Runs tab 3 (講習会・相談会)'s loads and saves against the store.

use anyhow::Result;

use crate::app::{Action, Session};
use crate::screens::events::{Load, Reply, Save};
use crate::store::Store;

/// Answers a load.
pub fn load(store: &Store, s: &Session, load: Load) -> Result<Action> {
    let _ = (store, s);
    match load {
        Load::Page { generation } => Ok(Action::Events(Reply::Page { generation, total: 0 })),
    }
}

/// Performs a save as one audited action.
pub fn save(store: &mut Store, s: &Session, save: Save) -> Result<Action> {
    let _ = (store, s);
    match save {}
}
