//! The global lookup popup (Ctrl-K): one input, results on every keystroke, grouped by kind.

use super::Effect;
use super::input::LineInput;
use super::keymap::{Command, Key};
use crate::store::lookup::{Groups, Hit};

/// How many hits of each kind the popup asks for.
pub const PER_KIND: usize = 8;

/// The lookup's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LookupState {
    /// What was typed.
    pub input: LineInput,
    /// Results (or the recently opened records when nothing is typed).
    pub groups: Groups,
    /// Index of the chosen hit across all groups.
    pub selected: usize,
    /// Generation of the latest query; older replies are dropped.
    pub generation: u64,
}

/// What a key did in the lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupEvent {
    /// Keep going; run these effects.
    Effects(Vec<Effect>),
    /// Close the lookup.
    Close,
    /// Open this hit.
    Open(Hit),
}

impl LookupState {
    /// A fresh lookup and the query for the recently opened records.
    pub fn open() -> (LookupState, Effect) {
        let mut s = LookupState::default();
        let e = s.query();
        (s, e)
    }

    /// All hits in display order.
    pub fn hits(&self) -> impl Iterator<Item = &Hit> {
        self.groups.iter().flat_map(|g| g.1.iter())
    }

    fn query(&mut self) -> Effect {
        self.generation += 1;
        Effect::Lookup { generation: self.generation, query: self.input.text().to_string() }
    }

    /// Handles a key.
    pub fn key(&mut self, cmd: Option<Command>, key: Key) -> LookupEvent {
        match cmd {
            Some(Command::Back) => return LookupEvent::Close,
            Some(Command::Open) => {
                return match self.hits().nth(self.selected) {
                    Some(h) => LookupEvent::Open(h.clone()),
                    None => LookupEvent::Effects(Vec::new()),
                };
            }
            _ => {}
        }
        let before = self.input.text().to_string();
        match key {
            Key::Up => self.selected = self.selected.saturating_sub(1),
            Key::Down => self.selected = (self.selected + 1).min(self.hits().count().saturating_sub(1)),
            _ => {
                self.input.edit(key);
            }
        }
        if self.input.text() == before {
            return LookupEvent::Effects(Vec::new());
        }
        LookupEvent::Effects(vec![self.query()])
    }

    /// Takes results, unless a newer query was sent since.
    pub fn results(&mut self, generation: u64, groups: Groups) {
        if generation == self.generation {
            self.groups = groups;
            self.selected = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::lookup::HitKind;

    fn hit(id: i64) -> Hit {
        Hit::new(HitKind::Business, id, "田中商店".into())
    }

    #[test]
    fn every_keystroke_queries_and_stale_replies_are_dropped() {
        let (mut s, first) = LookupState::open();
        assert_eq!(first, Effect::Lookup { generation: 1, query: String::new() });
        s.key(None, Key::Char('ﾀ'));
        let LookupEvent::Effects(fx) = s.key(None, Key::Char('ﾅ')) else { panic!() };
        assert_eq!(fx, vec![Effect::Lookup { generation: 3, query: "ﾀﾅ".into() }]);
        s.results(2, vec![(HitKind::Business, vec![hit(1)])]);
        assert!(s.groups.is_empty(), "reply to an older keystroke dropped");
        s.results(3, vec![(HitKind::Business, vec![hit(1), hit(2)])]);
        s.key(None, Key::Down);
        assert_eq!(s.key(Some(Command::Open), Key::Enter), LookupEvent::Open(hit(2)));
        assert_eq!(s.key(Some(Command::Back), Key::Esc), LookupEvent::Close);
    }
}
