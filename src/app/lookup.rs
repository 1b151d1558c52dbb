//! The global lookup popup (Ctrl-K): one input, results on every keystroke, grouped by kind.

use super::Effect;
use super::input::LineInput;
use super::keymap::{Command, Key};
use crate::store::lookup::{Groups, Hit, HitKind};

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
    /// Generation of the query `groups` answer (behind `generation` while the latest reply is on its way).
    answered: u64,
    /// The hit chosen with Up/Down since the latest query was sent: its reply keeps it chosen if it still lists
    /// it (a reply arriving just after the arrow key would otherwise put the selection back on the first row).
    chosen: Option<(HitKind, i64)>,
    /// Enter was pressed while the latest query's reply was on its way: its first hit opens when it comes (the
    /// rows shown answered a shorter text, e.g. R7-02 before R7-0290 was typed in full). Up/Down or more typing
    /// takes it back; a query that fails leaves the lookup open.
    open_on_reply: bool,
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

    /// Whether the results shown answer an earlier query than the latest one typed (its reply is on its way).
    pub fn pending(&self) -> bool {
        self.answered != self.generation
    }

    /// All hits in display order.
    pub fn hits(&self) -> impl Iterator<Item = &Hit> {
        self.groups.iter().flat_map(|g| g.1.iter())
    }

    fn query(&mut self) -> Effect {
        self.generation += 1;
        self.chosen = None;
        self.open_on_reply = false;
        Effect::Lookup { generation: self.generation, query: self.input.text().to_string() }
    }

    /// Handles a key.
    pub fn key(&mut self, cmd: Option<Command>, key: Key) -> LookupEvent {
        match cmd {
            Some(Command::Back) => return LookupEvent::Close,
            // A row chosen with Up/Down since the latest query opens as shown; otherwise the first hit of what
            // was typed, once its reply is in.
            Some(Command::Open) if self.pending() && self.chosen.is_none() => {
                self.open_on_reply = true;
                return LookupEvent::Effects(Vec::new());
            }
            Some(Command::Open) => {
                return match self.hits().nth(self.selected) {
                    Some(h) => LookupEvent::Open(h.clone()),
                    None => LookupEvent::Effects(Vec::new()),
                };
            }
            _ => {}
        }
        let before = self.input.text().to_string();
        match cmd {
            Some(Command::Up | Command::Down) => {
                self.selected = match cmd {
                    Some(Command::Up) => self.selected.saturating_sub(1),
                    _ => (self.selected + 1).min(self.hits().count().saturating_sub(1)),
                };
                let chosen = self.hits().nth(self.selected).map(|h| (h.kind, h.id));
                self.chosen = chosen;
                // Choosing a row takes back an Enter still waiting for the reply.
                self.open_on_reply = false;
            }
            _ => {
                self.input.edit(key);
            }
        }
        if self.input.text() == before {
            return LookupEvent::Effects(Vec::new());
        }
        LookupEvent::Effects(vec![self.query()])
    }

    /// Takes results, unless a newer query was sent since; the hit to open when Enter was pressed while they were
    /// on their way.
    pub fn results(&mut self, generation: u64, groups: Groups) -> Option<Hit> {
        if generation != self.generation {
            return None;
        }
        self.answered = generation;
        self.groups = groups;
        let chosen = self.chosen;
        self.selected = chosen.and_then(|c| self.hits().position(|h| (h.kind, h.id) == c)).unwrap_or(0);
        if std::mem::take(&mut self.open_on_reply) { self.hits().nth(self.selected).cloned() } else { None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(id: i64) -> Hit {
        Hit::new(HitKind::Business, id, "田中商店".into())
    }

    /// Typed fast and Enter before the reply: the record opened is the first of what was typed in full, never a
    /// row of a shorter text's results still on screen (R7-02 lists R7-0002 while R7-0290 is on its way).
    #[test]
    fn enter_while_the_reply_is_on_its_way_opens_the_first_hit_of_the_full_text() {
        let (mut s, _) = LookupState::open();
        s.key(None, Key::Char('R'));
        s.results(s.generation, vec![(HitKind::Business, vec![hit(1)])]);
        s.key(None, Key::Char('7'));
        assert!(s.pending());
        assert_eq!(s.key(Some(Command::Open), Key::Enter), LookupEvent::Effects(Vec::new()), "nothing opens yet");
        assert_eq!(s.results(s.generation - 1, vec![(HitKind::Business, vec![hit(1)])]), None, "a stale reply");
        assert_eq!(s.results(s.generation, vec![(HitKind::Business, vec![hit(2), hit(3)])]), Some(hit(2)));
        assert_eq!(s.results(s.generation, vec![(HitKind::Business, vec![hit(2)])]), None, "opened once");
        // Another key after Enter: the text changed, nothing opens by itself.
        s.key(None, Key::Char('-'));
        s.key(Some(Command::Open), Key::Enter);
        s.key(None, Key::Char('1'));
        assert_eq!(s.results(s.generation, vec![(HitKind::Business, vec![hit(4)])]), None);
        // With the reply in, Enter opens at once.
        assert_eq!(s.key(Some(Command::Open), Key::Enter), LookupEvent::Open(hit(4)));
        // Enter, then Down before the reply: the arrow takes the Enter back.
        s.key(None, Key::Char('2'));
        s.key(Some(Command::Open), Key::Enter);
        s.key(Some(Command::Down), Key::Down);
        assert_eq!(s.results(s.generation, vec![(HitKind::Business, vec![hit(5), hit(6)])]), None);
    }

    #[test]
    fn every_keystroke_queries_and_stale_replies_are_dropped() {
        let (mut s, first) = LookupState::open();
        assert_eq!(first, Effect::Lookup { generation: 1, query: String::new() });
        assert!(s.pending(), "the recent records are on their way");
        s.key(None, Key::Char('ﾀ'));
        let LookupEvent::Effects(fx) = s.key(None, Key::Char('ﾅ')) else { panic!() };
        assert_eq!(fx, vec![Effect::Lookup { generation: 3, query: "ﾀﾅ".into() }]);
        s.results(2, vec![(HitKind::Business, vec![hit(1)])]);
        assert!(s.groups.is_empty(), "reply to an older keystroke dropped");
        assert!(s.pending());
        s.results(3, vec![(HitKind::Business, vec![hit(1), hit(2)])]);
        assert!(!s.pending(), "the results answer what is typed");
        s.key(Some(Command::Down), Key::Down);
        assert_eq!(s.key(Some(Command::Open), Key::Enter), LookupEvent::Open(hit(2)));
        assert_eq!(s.key(Some(Command::Back), Key::Esc), LookupEvent::Close);
    }

    #[test]
    fn a_reply_after_an_arrow_key_keeps_the_hit_chosen() {
        let expert = Hit::new(HitKind::Expert, 7, "高橋 小百合".into());
        let (mut s, _) = LookupState::open();
        for c in "takaha".chars() {
            s.key(None, Key::Char(c));
        }
        s.results(s.generation, vec![(HitKind::Business, vec![hit(1)]), (HitKind::Expert, vec![expert.clone()])]);
        s.key(None, Key::Char('s'));
        s.key(None, Key::Char('h'));
        s.key(None, Key::Char('i'));
        // The arrow key moves over the results shown (the previous query's) before the new ones arrive.
        s.key(Some(Command::Down), Key::Down);
        let latest = s.generation;
        s.results(latest, vec![(HitKind::Business, vec![hit(1), hit(2)]), (HitKind::Expert, vec![expert.clone()])]);
        assert_eq!(s.key(Some(Command::Open), Key::Enter), LookupEvent::Open(expert.clone()), "still the expert");
        // Typing again asks anew: its results start from their best match.
        s.key(None, Key::Char(' '));
        s.results(s.generation, vec![(HitKind::Business, vec![hit(1)]), (HitKind::Expert, vec![expert])]);
        assert_eq!(s.key(Some(Command::Open), Key::Enter), LookupEvent::Open(hit(1)));
        // A chosen hit the new results no longer list: the first row.
        s.key(None, Key::Char('s'));
        s.key(Some(Command::Down), Key::Down);
        s.results(s.generation, vec![(HitKind::Business, vec![hit(2)])]);
        assert_eq!(s.selected, 0);
    }
}
