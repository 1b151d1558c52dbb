//! One folder per tab: its state, reducer and view.

pub mod queue;
