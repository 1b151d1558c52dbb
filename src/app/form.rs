//! Forms as data: a list of fields of a few kinds, the focused one, and an error next to each field.
//! The screen that owns a form decides what saving means; this module only edits.

use ratatui_textarea::{Input, Key as TaKey, TextArea};

use super::input::LineInput;
use super::keymap::{Command, Key};

/// The id a record field holds when the user chose to register the typed name as a new record.
pub const NEW_RECORD: i64 = -1;

/// Which records a record field picks from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    /// 事業者.
    Business,
    /// 専門家.
    Expert,
    /// 商工会・商工会議所など.
    Organisation,
    /// 講習会・個別相談会 (of the fiscal year, by title, venue or date).
    Event,
}

/// What a field holds and how it is edited.
#[derive(Debug, Clone)]
pub enum FieldKind {
    /// One line of text (also dates, times, amounts: parsed on save).
    Text,
    /// Several lines (ratatui-textarea).
    Multiline(Box<TextArea<'static>>),
    /// One of a fixed list (code, label); ←/→ or Space change it.
    Choice(Vec<(String, String)>, usize),
    /// A record found by typing (search-as-you-type with the lookup's folding).
    Record {
        /// Kind of record.
        kind: RecordKind,
        /// The chosen record (id, label).
        chosen: Option<(i64, String)>,
        /// Candidates for the typed text.
        candidates: Vec<(i64, String)>,
        /// Highlighted candidate.
        highlighted: usize,
    },
    /// R-D5 grounds 1..8, ticked with the digit keys.
    Grounds([bool; 8]),
}

/// One field of a form.
#[derive(Debug, Clone)]
pub struct Field {
    /// Stable key the screen reads values by.
    pub key: String,
    /// Label in the session's language.
    pub label: String,
    /// Kind and value.
    pub kind: FieldKind,
    /// The typed text (text fields, and the query of record fields).
    pub input: LineInput,
    /// The message shown next to the field (parse error or rule finding with its id).
    pub error: Option<String>,
    /// Hidden fields (e.g. the override reason until a rule asks for it) are skipped.
    pub hidden: bool,
}

impl Field {
    /// A one-line text field.
    pub fn text(key: &str, label: &str, value: &str) -> Field {
        Field {
            key: key.into(),
            label: label.into(),
            kind: FieldKind::Text,
            input: LineInput::new(value),
            error: None,
            hidden: false,
        }
    }

    /// A multi-line text field.
    pub fn multiline(key: &str, label: &str, value: &str) -> Field {
        let mut area = TextArea::from(value.lines().map(str::to_string).collect::<Vec<_>>());
        area.set_cursor_line_style(ratatui::style::Style::default());
        Field { kind: FieldKind::Multiline(Box::new(area)), ..Field::text(key, label, "") }
    }

    /// A choice among (code, label) options.
    pub fn choice(key: &str, label: &str, options: Vec<(String, String)>, selected: usize) -> Field {
        Field { kind: FieldKind::Choice(options, selected), ..Field::text(key, label, "") }
    }

    /// A record picker, optionally with a record already chosen.
    pub fn record(key: &str, label: &str, kind: RecordKind, chosen: Option<(i64, String)>) -> Field {
        let query = chosen.as_ref().map(|c| c.1.clone()).unwrap_or_default();
        Field {
            kind: FieldKind::Record { kind, chosen, candidates: Vec::new(), highlighted: 0 },
            ..Field::text(key, label, &query)
        }
    }

    /// The R-D5 grounds.
    pub fn grounds(key: &str, label: &str) -> Field {
        Field { kind: FieldKind::Grounds([false; 8]), ..Field::text(key, label, "") }
    }

    /// The field hidden until shown.
    pub fn hidden(mut self) -> Field {
        self.hidden = true;
        self
    }

    /// The text of a text or multi-line field, trimmed.
    pub fn value(&self) -> String {
        match &self.kind {
            FieldKind::Multiline(a) => a.lines().join("\n").trim().to_string(),
            _ => self.input.text().trim().to_string(),
        }
    }
}

/// What a key did to a form, for the owning screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormEvent {
    /// Nothing the screen needs to know.
    None,
    /// Ctrl-S: the screen validates and saves.
    Save,
    /// The form is to be closed without saving.
    Cancel,
    /// A record field's text changed: the screen searches for candidates.
    Search {
        /// Field index.
        field: usize,
        /// Kind of record.
        kind: RecordKind,
        /// The typed text.
        query: String,
    },
}

/// A form being filled in.
#[derive(Debug, Clone)]
pub struct Form {
    /// Title.
    pub title: String,
    /// Fields in order.
    pub fields: Vec<Field>,
    /// Index of the focused field.
    pub focus: usize,
    /// Whether anything was typed.
    pub dirty: bool,
    /// Set after Esc on a dirty form: a second Esc discards.
    pub confirm_cancel: bool,
    /// A message for the whole form (e.g. "database is locked").
    pub message: Option<String>,
    /// A possible-duplicate warning was shown: saving again means "register it anyway".
    pub warned: bool,
}

/// Messages for fields of a form: (field key, message).
pub type Errors = Vec<(String, String)>;

impl Form {
    /// A new form with the focus on its first field.
    pub fn new(title: &str, fields: Vec<Field>) -> Form {
        Form {
            title: title.into(),
            fields,
            focus: 0,
            dirty: false,
            confirm_cancel: false,
            message: None,
            warned: false,
        }
    }

    /// The field with `key`.
    pub fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The field with `key`, mutable.
    pub fn field_mut(&mut self, key: &str) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.key == key)
    }

    /// The trimmed text of field `key` (empty when missing).
    pub fn text(&self, key: &str) -> String {
        self.field(key).map(Field::value).unwrap_or_default()
    }

    /// The code of the chosen option of choice field `key`.
    pub fn choice(&self, key: &str) -> Option<&str> {
        match &self.field(key)?.kind {
            FieldKind::Choice(opts, i) => opts.get(*i).map(|o| o.0.as_str()),
            _ => None,
        }
    }

    /// The chosen record of record field `key`.
    pub fn record(&self, key: &str) -> Option<i64> {
        match &self.field(key)?.kind {
            FieldKind::Record { chosen, .. } => chosen.as_ref().map(|c| c.0),
            _ => None,
        }
    }

    /// The ticked grounds (1..8) of grounds field `key`.
    pub fn grounds(&self, key: &str) -> Vec<u8> {
        match self.field(key).map(|f| &f.kind) {
            Some(FieldKind::Grounds(t)) => (1..=8).filter(|g| t[usize::from(*g) - 1]).collect(),
            _ => Vec::new(),
        }
    }

    /// Clears every error message.
    pub fn clear_errors(&mut self) {
        self.message = None;
        self.fields.iter_mut().for_each(|f| f.error = None);
    }

    /// Sets the error of field `key` (and shows the field), focusing the first field with an error.
    pub fn set_error(&mut self, key: &str, message: String) {
        if let Some(i) = self.fields.iter().position(|f| f.key == key) {
            self.fields[i].error = Some(message);
            self.fields[i].hidden = false;
            self.focus = self.fields.iter().position(|f| f.error.is_some()).unwrap_or(i);
        }
    }

    fn move_focus(&mut self, forward: bool) {
        let n = self.fields.len();
        for step in 1..=n {
            let i = if forward { (self.focus + step) % n } else { (self.focus + n - step) % n };
            if !self.fields[i].hidden {
                self.focus = i;
                return;
            }
        }
    }

    /// Handles a form command (from the Form key table) or typed text.
    pub fn handle(&mut self, cmd: Option<Command>, key: Key) -> FormEvent {
        if self.confirm_cancel {
            self.confirm_cancel = false;
            if cmd == Some(Command::Cancel) {
                return FormEvent::Cancel;
            }
        }
        match cmd {
            Some(Command::Save) => return FormEvent::Save,
            Some(Command::Cancel) => {
                if self.dirty {
                    self.confirm_cancel = true;
                    return FormEvent::None;
                }
                return FormEvent::Cancel;
            }
            Some(Command::NextField) => {
                self.move_focus(true);
                return FormEvent::None;
            }
            Some(Command::PrevField) => {
                self.move_focus(false);
                return FormEvent::None;
            }
            _ => {}
        }
        let focus = self.focus;
        let Some(field) = self.fields.get_mut(focus) else { return FormEvent::None };
        let before_text = field.input.text().to_string();
        let mut changed = false;
        let mut next = false;
        let mut picked = false;
        match &mut field.kind {
            FieldKind::Multiline(area) => {
                if let Some(input) = textarea_input(key) {
                    changed = area.input(input);
                }
            }
            FieldKind::Choice(opts, i) => match key {
                Key::Left => *i = (*i + opts.len() - 1) % opts.len().max(1),
                Key::Right | Key::Char(' ') => *i = (*i + 1) % opts.len().max(1),
                Key::Enter => next = true,
                _ => {}
            },
            FieldKind::Grounds(ticks) => match key {
                Key::Char(c @ '1'..='8') => {
                    let i = (c as u8 - b'1') as usize;
                    ticks[i] = !ticks[i];
                    changed = true;
                }
                Key::Enter => next = true,
                _ => {}
            },
            FieldKind::Record { chosen, candidates, highlighted, .. } => match key {
                Key::Up => *highlighted = highlighted.saturating_sub(1),
                Key::Down => *highlighted = (*highlighted + 1).min(candidates.len().saturating_sub(1)),
                Key::Enter => {
                    if let Some(mut c) = candidates.get(*highlighted).cloned() {
                        if c.0 == NEW_RECORD {
                            c.1 = field.input.text().to_string();
                        }
                        field.input = LineInput::new(&c.1);
                        *chosen = Some(c);
                        candidates.clear();
                        changed = true;
                        picked = true;
                    }
                    next = true;
                }
                _ => edit_line(&mut field.input, key, &mut next),
            },
            FieldKind::Text => edit_line(&mut field.input, key, &mut next),
        }
        let text_changed = field.input.text() != before_text;
        if text_changed {
            field.error = None;
        }
        self.dirty |= changed || text_changed;
        if next {
            self.move_focus(true);
        }
        let field = &mut self.fields[focus];
        match &mut field.kind {
            FieldKind::Record { kind, chosen, candidates, highlighted } if text_changed && !picked => {
                // Candidates of the previous text must never be picked for the new one.
                *chosen = None;
                candidates.clear();
                *highlighted = 0;
                FormEvent::Search { field: focus, kind: *kind, query: field.input.text().to_string() }
            }
            _ => FormEvent::None,
        }
    }

    /// Takes search results for a record field, unless the text changed since; `new_label` (business
    /// pickers) adds a last choice to register the typed name as a new record.
    pub fn candidates(&mut self, field: usize, query: &str, found: Vec<(i64, String)>, new_label: Option<String>) {
        if let Some(f) = self.fields.get_mut(field)
            && f.input.text() == query
            && let FieldKind::Record { candidates, highlighted, .. } = &mut f.kind
        {
            *candidates = found;
            candidates.extend(new_label.filter(|_| !query.trim().is_empty()).map(|l| (NEW_RECORD, l)));
            *highlighted = 0;
        }
    }

    /// Shows or hides the fields whose key starts with `prefix`.
    pub fn show_fields(&mut self, prefix: &str, shown: bool) {
        for f in self.fields.iter_mut().filter(|f| f.key.starts_with(prefix)) {
            f.hidden = !shown;
        }
    }
}

fn edit_line(input: &mut LineInput, key: Key, next: &mut bool) {
    if !input.edit(key) && key == Key::Enter {
        *next = true;
    }
}

/// The text-area's input for a key.
fn textarea_input(key: Key) -> Option<Input> {
    let (key, ctrl) = match key {
        Key::Char(c) => (TaKey::Char(c), false),
        Key::Ctrl(c) => (TaKey::Char(c), true),
        Key::Enter => (TaKey::Enter, false),
        Key::Backspace => (TaKey::Backspace, false),
        Key::Delete => (TaKey::Delete, false),
        Key::Left => (TaKey::Left, false),
        Key::Right => (TaKey::Right, false),
        Key::Up => (TaKey::Up, false),
        Key::Down => (TaKey::Down, false),
        Key::Home => (TaKey::Home, false),
        Key::End => (TaKey::End, false),
        _ => return None,
    };
    Some(Input { key, ctrl, alt: false, shift: false })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> Form {
        Form::new(
            "テスト",
            vec![
                Field::text("date", "日付", ""),
                Field::choice(
                    "place",
                    "場所",
                    vec![("a".into(), "事業所".into()), ("b".into(), "オンライン".into())],
                    0,
                ),
                Field::text("reason", "理由", "").hidden(),
                Field::grounds("grounds", "否決理由"),
                Field::multiline("memo", "メモ", ""),
            ],
        )
    }

    #[test]
    fn typing_tab_and_hidden_fields() {
        let mut f = form();
        for c in "R7.6.1".chars() {
            f.handle(None, Key::Char(c));
        }
        assert_eq!(f.text("date"), "R7.6.1");
        assert!(f.dirty);
        f.handle(Some(Command::NextField), Key::Tab);
        f.handle(None, Key::Right);
        assert_eq!(f.choice("place"), Some("b"));
        f.handle(Some(Command::NextField), Key::Tab);
        assert_eq!(f.fields[f.focus].key, "grounds", "the hidden reason is skipped");
        f.handle(None, Key::Char('1'));
        f.handle(None, Key::Char('7'));
        assert_eq!(f.grounds("grounds"), vec![1, 7]);
        f.handle(Some(Command::PrevField), Key::BackTab);
        assert_eq!(f.fields[f.focus].key, "place");
    }

    #[test]
    fn a_new_business_keeps_the_typed_name() {
        let mut f = Form::new("t", vec![Field::record("b", "事業者", RecordKind::Business, None)]);
        for c in "阿蘇の里".chars() {
            f.handle(None, Key::Char(c));
        }
        f.candidates(0, "阿蘇の里", vec![(3, "阿蘇の里ファーム".into())], Some("＋ 新規登録".into()));
        f.handle(None, Key::Down);
        f.handle(None, Key::Enter);
        assert_eq!(f.record("b"), Some(NEW_RECORD));
        assert_eq!(f.text("b"), "阿蘇の里");
    }

    #[test]
    fn multiline_keeps_newlines() {
        let mut f = form();
        f.focus = 4;
        for k in [Key::Char('一'), Key::Enter, Key::Char('二')] {
            f.handle(None, k);
        }
        assert_eq!(f.text("memo"), "一\n二");
    }

    #[test]
    fn esc_on_a_dirty_form_asks_first() {
        let mut f = form();
        assert_eq!(f.handle(Some(Command::Cancel), Key::Esc), FormEvent::Cancel);
        f.handle(None, Key::Char('x'));
        assert_eq!(f.handle(Some(Command::Cancel), Key::Esc), FormEvent::None);
        assert!(f.confirm_cancel);
        assert_eq!(f.handle(Some(Command::Cancel), Key::Esc), FormEvent::Cancel);
    }

    #[test]
    fn errors_show_hidden_fields_and_keep_the_text() {
        let mut f = form();
        f.handle(None, Key::Char('x'));
        f.set_error("reason", "R-D1: ...".into());
        assert!(!f.fields[2].hidden);
        assert_eq!(f.focus, 2);
        assert_eq!(f.text("date"), "x");
    }

    #[test]
    fn record_field_searches_as_you_type_and_picks() {
        let mut f = Form::new("t", vec![Field::record("b", "事業者", RecordKind::Business, None)]);
        let ev = f.handle(None, Key::Char('ﾀ'));
        assert_eq!(ev, FormEvent::Search { field: 0, kind: RecordKind::Business, query: "ﾀ".into() });
        f.candidates(0, "ﾀ", vec![(7, "田中商店".into()), (9, "田村農園".into())], None);
        f.handle(None, Key::Down);
        f.handle(None, Key::Enter);
        assert_eq!(f.record("b"), Some(9));
        assert_eq!(f.text("b"), "田村農園");
        f.candidates(0, "ﾀ", vec![(7, "田中商店".into())], None);
        f.handle(None, Key::Backspace);
        f.handle(None, Key::Char('ﾀ'));
        f.candidates(0, "ﾀ", vec![(7, "田中商店".into())], None);
        f.handle(None, Key::Char('ﾅ'));
        assert!(
            matches!(&f.fields[0].kind, FieldKind::Record { candidates, .. } if candidates.is_empty()),
            "typing on clears the candidates of the shorter text"
        );
        f.candidates(0, "old query", vec![(1, "x".into())], None);
        assert!(matches!(&f.fields[0].kind, FieldKind::Record { candidates, .. } if candidates.is_empty()));
    }
}
