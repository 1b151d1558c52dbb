//! Tab 3 (講習会・相談会): the seminar calendar (Form 2 seminars, Form 3 consultation days).
//!
//! The screen contract (the same for every tab, see `screens/mod.rs`): the state holds only what is shown;
//! reads are asked for with [`Load`] effects answered by [`Reply`] actions; writes are [`Save`] requests.

pub mod forms;
pub mod view;

use crate::app::form::Form;
use crate::app::input::LineInput;
use crate::app::keymap::{Command, Key};
use crate::app::{Effect, Session, Step};
use crate::store::lookup::HitKind;

/// Reads this tab asks the runner for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Load {
    /// Load the visible rows.
    Page {
        /// Generation, to drop stale replies.
        generation: u64,
    },
}

/// Answers to [`Load`]s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// Rows arrived.
    Page {
        /// The request's generation.
        generation: u64,
        /// Rows in all.
        total: usize,
    },
}

/// What a form of this tab is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {}

/// Writes of this tab (each one audited action).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Save {}

/// The tab's view state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// Rows in all.
    pub total: usize,
    /// Generation of the last request.
    generation: u64,
    /// The filter text being typed, if the input is open.
    pub filter_input: Option<LineInput>,
}

impl State {
    /// Sets the number of visible rows; returns the page requests it needs when the tab is shown.
    pub fn set_viewport(&mut self, _rows: usize) -> Vec<Effect> {
        vec![self.request()]
    }

    /// The tab was switched to: reload what it shows.
    pub fn activate(&mut self) -> Vec<Effect> {
        vec![self.request()]
    }

    /// Handles a list command of this tab.
    pub fn command(&mut self, cmd: Command, _s: &Session) -> Step {
        match cmd {
            Command::Refresh => Step::effects(vec![self.request()]),
            _ => Step::default(),
        }
    }

    /// Takes an answer to one of this tab's loads.
    pub fn reply(&mut self, reply: Reply, _s: &Session) -> Step {
        match reply {
            Reply::Page { generation, total } => {
                if generation == self.generation {
                    self.total = total;
                }
                Step::default()
            }
        }
    }

    /// A key while the filter input is open.
    pub fn filter_key(&mut self, _cmd: Option<Command>, _key: Key) -> Vec<Effect> {
        Vec::new()
    }

    /// Selects the n-th visible row (a mouse click).
    pub fn select_visible(&mut self, _n: usize) -> Vec<Effect> {
        Vec::new()
    }

    /// Shows a record opened from the lookup, if it belongs to this tab.
    pub fn show(&mut self, _kind: HitKind, _id: i64) -> Vec<Effect> {
        vec![self.request()]
    }

    fn request(&mut self) -> Effect {
        self.generation += 1;
        Effect::Events(Load::Page { generation: self.generation })
    }
}

/// Turns a filled form of this tab into a save request, or messages next to its fields.
pub fn to_request(
    purpose: Purpose,
    _form: &Form,
    _s: &Session,
) -> Result<crate::app::SaveRequest, crate::app::form::Errors> {
    match purpose {}
}
