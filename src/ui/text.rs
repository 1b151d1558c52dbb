//! Measuring and cutting text by display width (cells), so wide characters never break a column.

use std::borrow::Cow;
use std::cell::Cell;

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Whether a character is half-width katakana (U+FF61..U+FF9F), including the voiced-sound marks.
fn is_halfwidth_kana(c: char) -> bool {
    ('\u{FF61}'..='\u{FF9F}').contains(&c)
}

/// Text as it is drawn: half-width katakana become full-width (ｶﾞ → ガ), because a half-width voiced mark is a
/// separate code point that terminals and ratatui's diff disagree about; everything else is left as typed.
pub fn display(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_halfwidth_kana) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() * 2);
    let mut run = String::new();
    for c in s.chars() {
        if is_halfwidth_kana(c) {
            run.push(c);
        } else {
            out.extend(run.nfkc());
            run.clear();
            out.push(c);
        }
    }
    out.extend(run.nfkc());
    Cow::Owned(out)
}

thread_local! {
    /// Whether the terminal draws East Asian ambiguous-width characters (①..⑧, ※, ○, ×, …) two cells wide.
    /// Per thread: the console measures and draws on its main thread only (and tests stay independent).
    static AMBIGUOUS_WIDE: Cell<bool> = const { Cell::new(false) };
}

/// Sets the cells the terminal gives ambiguous-width characters (the config's `ambiguous_width`, 1 or 2): a
/// property of the terminal, set when the console starts, so every measurement of the UI agrees with it.
pub fn set_ambiguous_width(cells: u8) {
    AMBIGUOUS_WIDE.set(cells == 2);
}

/// Display width of a string in terminal cells (ambiguous-width characters as the terminal draws them).
pub fn width(s: &str) -> usize {
    if AMBIGUOUS_WIDE.get() { s.width_cjk() } else { UnicodeWidthStr::width(s) }
}

/// Cuts `s` (as displayed) to at most `max` cells by whole graphemes, ending with `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    let s = &*display(s);
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    // The ellipsis is ambiguous-width itself: two cells on some terminals.
    let room = max.saturating_sub(width("…"));
    for g in s.graphemes(true) {
        let w = width(g);
        if used + w > room {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// Cuts or pads `s` to exactly `cells` cells (left-aligned).
pub fn fit(s: &str, cells: usize) -> String {
    let mut t = truncate(s, cells);
    let w = width(&t);
    t.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    t
}

/// Right-aligns `s` in `cells` cells (cut when too long).
pub fn fit_right(s: &str, cells: usize) -> String {
    let t = truncate(s, cells);
    let pad = cells.saturating_sub(width(&t));
    format!("{}{t}", " ".repeat(pad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ambiguous_width_characters_follow_the_terminal_setting() {
        assert_eq!((width("①※○"), fit("①田", 4)), (3, "①田 ".to_string()));
        set_ambiguous_width(2);
        let wide = (width("①※○"), fit("①田", 4), truncate("※要対応の申請", 7), width("田中"));
        set_ambiguous_width(1);
        assert_eq!(wide, (6, "①田".to_string(), "※要…".to_string(), 4), "the ellipsis counts two cells too");
        assert_eq!(width("①"), 1);
    }

    #[test]
    fn wide_characters_count_two_cells() {
        assert_eq!(width("田中商店"), 8);
        assert_eq!(width("ﾀﾅｶ"), 3);
    }

    #[test]
    fn halfwidth_katakana_is_drawn_full_width() {
        assert_eq!(display("ｶﾌｪ ﾀﾞｲﾆﾝｸﾞ"), "カフェ ダイニング");
        assert_eq!(display("㈱髙橋"), "㈱髙橋", "nothing else changes");
        assert_eq!(fit("ｶﾞ", 3), "ガ ");
    }

    #[test]
    fn truncation_never_splits_a_wide_character() {
        assert_eq!(truncate("株式会社髙橋商店", 7), "株式会…");
        assert_eq!(width(&truncate("株式会社髙橋商店", 8)), 7);
        assert_eq!(truncate("田中", 4), "田中");
        assert_eq!(fit("田中", 6), "田中  ");
        assert_eq!(width(&fit("株式会社髙橋商店", 9)), 9);
        assert_eq!(fit_right("12", 4), "  12");
    }
}
