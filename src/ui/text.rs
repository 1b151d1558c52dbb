//! Measuring and cutting text by display width (cells), so wide characters never break a column.

use std::borrow::Cow;

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

/// Display width of a string in terminal cells.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
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
    for g in s.graphemes(true) {
        let w = width(g);
        if used + w > max - 1 {
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
