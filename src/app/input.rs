//! A single-line text input: caret by grapheme, position in cells (so the terminal cursor — and the IME's
//! pre-edit text — sits exactly at the caret, also after kanji).

use unicode_segmentation::UnicodeSegmentation;

use super::keymap::{Command, Key};

/// Text and caret of one line of input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    /// Byte offset of the caret, always at a grapheme boundary.
    caret: usize,
}

impl LineInput {
    /// An input holding `text` with the caret at its end.
    pub fn new(text: &str) -> LineInput {
        LineInput { text: text.to_string(), caret: text.len() }
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Cells from the start of the text to the caret, as the text is drawn (half-width katakana full-width).
    pub fn caret_cells(&self) -> usize {
        crate::ui::text::width(&crate::ui::text::display(&self.text[..self.caret]))
    }

    /// Inserts text at the caret (typed characters, committed IME text, paste with newlines turned into spaces).
    pub fn insert(&mut self, s: &str) {
        let clean: String = s.chars().map(|c| if c == '\n' || c == '\r' || c == '\t' { ' ' } else { c }).collect();
        self.text.insert_str(self.caret, &clean);
        self.caret += clean.len();
    }

    fn prev_boundary(&self) -> usize {
        self.text[..self.caret].grapheme_indices(true).next_back().map(|(i, _)| i).unwrap_or(0)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.caret..].graphemes(true).next().map(|g| self.caret + g.len()).unwrap_or(self.caret)
    }

    /// Deletes the grapheme before the caret.
    pub fn backspace(&mut self) {
        let p = self.prev_boundary();
        self.text.replace_range(p..self.caret, "");
        self.caret = p;
    }

    /// Deletes the grapheme after the caret.
    pub fn delete(&mut self) {
        let n = self.next_boundary();
        self.text.replace_range(self.caret..n, "");
    }

    /// Moves the caret one grapheme left.
    pub fn left(&mut self) {
        self.caret = self.prev_boundary();
    }

    /// Moves the caret one grapheme right.
    pub fn right(&mut self) {
        self.caret = self.next_boundary();
    }

    /// Moves the caret to the start.
    pub fn home(&mut self) {
        self.caret = 0;
    }

    /// Moves the caret to the end.
    pub fn end(&mut self) {
        self.caret = self.text.len();
    }

    /// Deletes everything (Ctrl-U).
    pub fn clear(&mut self) {
        self.text.clear();
        self.caret = 0;
    }

    /// Applies an editing key (typed character, Backspace, Delete, arrows, Home, End, Ctrl-U); false when the
    /// key is not an editing key, so the caller can give it its own meaning.
    pub fn edit(&mut self, key: Key) -> bool {
        match key {
            Key::Char(c) => self.insert(c.encode_utf8(&mut [0; 4])),
            Key::Backspace => self.backspace(),
            Key::Delete => self.delete(),
            Key::Left => self.left(),
            Key::Right => self.right(),
            Key::Home => self.home(),
            Key::End => self.end(),
            Key::Ctrl('u') => self.clear(),
            _ => return false,
        }
        true
    }
}

/// A key of the filter scope on a list's `/` input: Enter keeps the text and closes the input, Esc clears the
/// text and closes it, other keys edit it. True when the list's filter `text` changed (the list reloads).
pub fn filter_key(input: &mut Option<LineInput>, text: &mut String, cmd: Option<Command>, key: Key) -> bool {
    let Some(line) = input else { return false };
    match cmd {
        Some(Command::ApplyFilter) => {
            *input = None;
            false
        }
        Some(Command::ClearFilter) => {
            *input = None;
            let changed = !text.is_empty();
            text.clear();
            changed
        }
        _ => {
            if !line.edit(key) || line.text() == text.as_str() {
                return false;
            }
            *text = line.text().to_string();
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_counts_cells_not_characters() {
        let mut i = LineInput::new("田中ｶﾌｪ");
        assert_eq!(i.caret_cells(), 10, "kanji two cells each; half-width katakana are drawn full-width");
        i.left();
        i.left();
        assert_eq!(i.caret_cells(), 6);
        i.left();
        assert_eq!(i.caret_cells(), 4);
        i.left();
        assert_eq!(i.caret_cells(), 2);
    }

    #[test]
    fn editing_by_grapheme() {
        let mut i = LineInput::new("髙橋");
        i.backspace();
        assert_eq!(i.text(), "髙");
        i.home();
        i.insert("㈱");
        assert_eq!(i.text(), "㈱髙");
        i.delete();
        assert_eq!(i.text(), "㈱");
        i.insert("が\u{3099}"); // a combining mark stays with its base
        i.left();
        assert_eq!(i.caret_cells(), 2);
    }

    #[test]
    fn paste_keeps_one_line() {
        let mut i = LineInput::default();
        i.insert("熊本市中央区\n安政町3-13");
        assert_eq!(i.text(), "熊本市中央区 安政町3-13");
    }
}
