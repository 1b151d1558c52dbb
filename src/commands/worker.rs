//! The background reader: queries, exports and imports run on their own thread and connection, so typing never
//! waits for them.
//! A newer lookup replaces one still queued (only the latest keystroke's results matter).

use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread::JoinHandle;

use anyhow::Result;

use crate::app::{Action, Effect, Session};
use crate::store::Store;

/// A running reader thread.
pub struct Worker {
    requests: Option<Sender<Effect>>,
    /// Answers, as actions for the reducer.
    pub replies: Receiver<Action>,
    handle: Option<JoinHandle<()>>,
}

/// Whether an effect only reads (and may run on the worker).
pub fn is_read(e: &Effect) -> bool {
    !matches!(e, Effect::Save(_) | Effect::Remember { .. } | Effect::Undo { .. })
}

impl Worker {
    /// Starts a reader on its own connection to the database at `store`'s path, in the same session: an import
    /// it runs joins `store`'s undo stack.
    pub fn start(store: &Store, session: Session) -> Result<Worker> {
        let mut reader = store.sibling()?;
        let (tx, rx) = mpsc::channel::<Effect>();
        let (reply_tx, replies) = mpsc::channel::<Action>();
        let handle = std::thread::Builder::new().name("madoguchi-reader".into()).spawn(move || {
            while let Ok(first) = rx.recv() {
                let mut batch = vec![first];
                loop {
                    match rx.try_recv() {
                        Ok(e) => batch.push(e),
                        Err(TryRecvError::Empty) => break,
                        Err(TryRecvError::Disconnected) => return,
                    }
                }
                for effect in coalesce(batch) {
                    // Long work (exports, imports) reports progress while it runs, so the bar moves.
                    let mut progress = |a: Action| {
                        let _ = reply_tx.send(a);
                    };
                    let action = super::console::run_effect_with(&mut reader, &session, effect, &mut progress);
                    if reply_tx.send(action).is_err() {
                        return;
                    }
                }
            }
        })?;
        Ok(Worker { requests: Some(tx), replies, handle: Some(handle) })
    }

    /// Queues a read effect.
    pub fn send(&self, e: Effect) {
        if let Some(tx) = &self.requests {
            let _ = tx.send(e);
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.requests = None;
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

/// Drops lookups superseded by a later one in the same batch.
fn coalesce(batch: Vec<Effect>) -> Vec<Effect> {
    let last_lookup = batch.iter().rposition(|e| matches!(e, Effect::Lookup { .. }));
    batch
        .into_iter()
        .enumerate()
        .filter(|(i, e)| !matches!(e, Effect::Lookup { .. }) || Some(*i) == last_lookup)
        .map(|(_, e)| e)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_latest_lookup_of_a_batch_runs() {
        let l = |g: u64| Effect::Lookup { generation: g, query: "x".repeat(g as usize) };
        let batch = vec![l(1), Effect::LoadDetail { id: 3 }, l(2), l(3)];
        assert_eq!(coalesce(batch), vec![Effect::LoadDetail { id: 3 }, l(3)]);
    }
}
