//! Search folding: one normalisation shared by the lookup index and the lookup box.
//!
//! [`fold`] is applied both to the text stored in the index (names, readings, addresses) and to
//! what staff type, so that spelling variants meet in the middle: `ﾀﾅｶｼｮｳﾃﾝ`, `タナカショウテン`
//! and `たなかしょうてん` all fold to `たなかしようてん`, and `㈱髙橋商店`, `株式会社 高橋商店`
//! and `(株)高橋商店` all fold to `高橋商店`.
//!
//! What [`fold`] does, in one pass over the NFKC form of its input:
//!
//! 1. NFKC (half-width katakana → full-width, full-width ASCII → ASCII, `㈱` → `(株)`, `㍿` →
//!    `株式会社`, `①` → `1`).
//! 2. ASCII letters are lowercased (other scripts are left alone).
//! 3. Katakana → hiragana by code point (U+30A1..=U+30F6 and `ヽヾ` shift down by 0x60); the
//!    rare `ヷヸヹヺ` lose their voicing (`わいえを`) and the small Ainu katakana (U+31F0..)
//!    become large hiragana.
//! 4. Small kana → large (`ぁぃぅぇぉっゃゅょゎゕゖ` → `あいうえおつやゆよわかけ`), so `しょう`
//!    and `しよう` fold alike (and `ヶ` as in `霞ヶ関` folds to `け`, like `霞ケ関`). The
//!    "four kana" and obsolete spellings are merged too: `ぢ`→`じ`, `づ`→`ず`, `ゐ`→`い`,
//!    `ゑ`→`え` (so `mikazuki` finds `ミカヅキ`), and the iteration marks `ゝ`/`ゞ` after a kana
//!    are spelt out (`いすゞ` → `いすず`).
//! 5. The long vowel mark `ー` is always dropped, so `ラーメン` folds like `らめん` and `サトー`
//!    like `さと`, while a written vowel is kept (`サトウ` → `さとう`). Readings come both ways
//!    and staff type both ways; dropping the mark is the simplest rule that keeps a typed query a
//!    substring of what it should find, and [`fold_query`] adds a collapsed-vowel variant for
//!    romaji to meet the `ー` spellings. Everything else that is not a letter or a digit is dropped
//!    as well: spaces (ASCII and U+3000), `・`, `-`, `－`, `―`, `‐`, `~`, `〜`, brackets,
//!    punctuation, symbols and stray combining marks.
//! 6. Legal-form markers are removed: `株式会社`, `有限会社`, … and the parenthesised
//!    abbreviations `(株)`, `(有)`, … anywhere; the bank-transfer abbreviations `ｶ)` (at the
//!    start), `(ｶ` (at the end) and `(ｶ)` (also `ﾕ` and `ﾄﾞ`); and the readings
//!    `かぶしきがいしゃ`, `ゆうげんがいしゃ`, `ごうどうがいしゃ`, … at the start or end.
//! 7. Variant kanji are folded to their common form with [`VARIANTS`] (`髙`→`高`, `﨑`→`崎`, …).
//!
//! Digits, ASCII letters and other kanji stay as they are. The result never contains uppercase
//! ASCII, katakana, whitespace or `ー`, and `fold(fold(s)) == fold(s)`.
//!
//! Queries: [`fold_query`] always returns `fold(query)` (unless it folds to nothing; a blank
//! query gives an empty list). When the query is romaji typed with the IME off
//! ([`is_romaji_query`]: after NFKC only ASCII letters, whitespace, `'` and `-`, with at least one
//! of `a e i o u`), it also returns the folded hiragana from wana_kana's `to_hiragana`:
//!
//! - a half-typed trailing syllable is ignored (`tanak` → `たな`, `tanakk` → `たな`); a trailing
//!   single `n` is read as `ん` (`tan` → `たん`), as in Hepburn;
//! - IME habits and Hepburn spellings are read as meant: `nn` before a consonant or at the end is
//!   `ん` (`sannpo`, `honn`), `m` before `b`/`p`/`m` is `ん` (`namba`, `homma`), `tch` is `っch`
//!   (`matcha`), `-` is `ー` (and so dropped);
//! - if a long vowel is typed as a doubled vowel or `ou` (`aa ii uu ee oo ou`, not `ei`), a second
//!   kana form with it collapsed is added (`satou` → `さとう` and `さと`, `raamen` → `らあめん`
//!   and `らめん`), so the query also finds readings written with `ー` (`サトー`, `ラーメン`),
//!   which [`fold`] stores without it.
//!
//! Romaji that wana_kana cannot read through (`mcdonald`, `ntt`) gives only the plain fold.

use std::sync::LazyLock;

use unicode_normalization::{IsNormalized, UnicodeNormalization, char::compose, is_nfkc_quick};
use wana_kana::ConvertJapanese;

/// Variant kanji and the common form each folds to, sorted by the variant's code point.
pub const VARIANTS: &[(char, char)] = &[
    ('\u{4E58}', '乗'),  // 乘
    ('\u{4F86}', '来'),  // 來
    ('\u{50B3}', '伝'),  // 傳
    ('\u{5152}', '児'),  // 兒
    ('\u{51A8}', '富'),  // 冨
    ('\u{51DC}', '凛'),  // 凜
    ('\u{55AE}', '単'),  // 單
    ('\u{5700}', '国'),  // 圀
    ('\u{570B}', '国'),  // 國
    ('\u{5713}', '円'),  // 圓
    ('\u{5718}', '団'),  // 團
    ('\u{589E}', '増'),  // 增
    ('\u{58FD}', '寿'),  // 壽
    ('\u{5BE6}', '実'),  // 實
    ('\u{5BF3}', '宝'),  // 寳
    ('\u{5BF6}', '宝'),  // 寶
    ('\u{5C0D}', '対'),  // 對
    ('\u{5CEF}', '峰'),  // 峯
    ('\u{5D5C}', '崎'),  // 嵜
    ('\u{5D8B}', '島'),  // 嶋
    ('\u{5D8C}', '島'),  // 嶌
    ('\u{5DBD}', '岳'),  // 嶽
    ('\u{5DD6}', '巌'),  // 巖
    ('\u{5EE3}', '広'),  // 廣
    ('\u{5F4C}', '弥'),  // 彌
    ('\u{5FB7}', '徳'),  // 德
    ('\u{6046}', '恒'),  // 恆
    ('\u{60E0}', '恵'),  // 惠
    ('\u{6236}', '戸'),  // 戶
    ('\u{6589}', '斎'),  // 斉
    ('\u{6649}', '晋'),  // 晉
    ('\u{66FE}', '曽'),  // 曾
    ('\u{6703}', '会'),  // 會
    ('\u{6801}', '柳'),  // 栁
    ('\u{689D}', '条'),  // 條
    ('\u{69AE}', '栄'),  // 榮
    ('\u{69C7}', '槙'),  // 槇
    ('\u{6A02}', '楽'),  // 樂
    ('\u{6A9C}', '桧'),  // 檜
    ('\u{6AFB}', '桜'),  // 櫻
    ('\u{6DF5}', '渕'),  // 淵
    ('\u{6DFA}', '浅'),  // 淺
    ('\u{6F81}', '渋'),  // 澁
    ('\u{6FA4}', '沢'),  // 澤
    ('\u{6FDF}', '済'),  // 濟
    ('\u{6FF1}', '浜'),  // 濱
    ('\u{6FF5}', '浜'),  // 濵
    ('\u{7028}', '瀬'),  // 瀨
    ('\u{771E}', '真'),  // 眞
    ('\u{7895}', '崎'),  // 碕
    ('\u{79AE}', '礼'),  // 禮
    ('\u{7A57}', '穂'),  // 穗
    ('\u{7DA0}', '緑'),  // 綠
    ('\u{7E23}', '県'),  // 縣
    ('\u{8070}', '聡'),  // 聰
    ('\u{8207}', '与'),  // 與
    ('\u{8218}', '館'),  // 舘
    ('\u{838A}', '荘'),  // 莊
    ('\u{842C}', '万'),  // 萬
    ('\u{85CF}', '蔵'),  // 藏
    ('\u{85DD}', '芸'),  // 藝
    ('\u{85EA}', '薮'),  // 藪
    ('\u{8606}', '芦'),  // 蘆
    ('\u{885E}', '衛'),  // 衞
    ('\u{8C50}', '豊'),  // 豐
    ('\u{8CF4}', '頼'),  // 賴
    ('\u{9059}', '遥'),  // 遙
    ('\u{9089}', '辺'),  // 邉
    ('\u{908A}', '辺'),  // 邊
    ('\u{90A8}', '村'),  // 邨
    ('\u{9115}', '郷'),  // 鄕
    ('\u{9435}', '鉄'),  // 鐵
    ('\u{95DC}', '関'),  // 關
    ('\u{9751}', '青'),  // 靑
    ('\u{986F}', '顕'),  // 顯
    ('\u{9A52}', '騨'),  // 驒
    ('\u{9AD9}', '高'),  // 髙
    ('\u{9DD7}', '鴎'),  // 鷗
    ('\u{9EA5}', '麦'),  // 麥
    ('\u{9EC3}', '黄'),  // 黃
    ('\u{9ED1}', '黒'),  // 黑
    ('\u{9F4A}', '斎'),  // 齊
    ('\u{9F4B}', '斎'),  // 齋
    ('\u{9F8D}', '竜'),  // 龍
    ('\u{9F9C}', '亀'),  // 龜
    ('\u{FA11}', '崎'),  // 﨑
    ('\u{20BB7}', '吉'), // 𠮷
    ('\u{2550E}', '崎'), // 𥔎
];

/// Legal-form words removed wherever they occur (already folded; a longer one before any shorter
/// one it contains).
const LEGAL_WORDS: &[&str] = &[
    "特定非営利活動法人",
    "一般社団法人",
    "公益社団法人",
    "一般財団法人",
    "公益財団法人",
    "社会福祉法人",
    "医療法人社団",
    "医療法人財団",
    "株式会社",
    "有限会社",
    "合同会社",
    "合名会社",
    "合資会社",
    "医療法人",
    "社団法人",
    "財団法人",
    "npo法人",
    "企業組合",
    "協同組合",
];

/// Parenthesised legal-form abbreviations removed wherever they occur (already folded), including
/// the bank-transfer `(ｶ)`, `(ﾕ)`, `(ﾄﾞ)`.
const LEGAL_PARENS: &[&str] = &[
    "(株)", "(有)", "(同)", "(名)", "(資)", "(一社)", "(公社)", "(一財)", "(公財)", "(社福)", "(福)", "(協)", "(社)",
    "(財)", "(医)", "(学)", "(特非)", "(か)", "(ゆ)", "(ど)",
];

/// Bank-transfer legal-form abbreviations removed at the start (`ｶ)ﾀﾅｶ`), already folded.
const LEGAL_PARENS_START: &[&str] = &["か)", "ゆ)", "ど)"];

/// Bank-transfer legal-form abbreviations removed at the end (`ﾀﾅｶ(ｶ`), already folded.
const LEGAL_PARENS_END: &[&str] = &["(か", "(ゆ", "(ど"];

/// Legal-form readings removed at the start or end, folded once on first use.
static LEGAL_READINGS: LazyLock<Vec<String>> = LazyLock::new(|| {
    [
        "かぶしきがいしゃ",
        "かぶしきかいしゃ",
        "ゆうげんがいしゃ",
        "ゆうげんかいしゃ",
        "ごうどうがいしゃ",
        "ごうどうかいしゃ",
    ]
    .iter()
    .map(|m| m.chars().map(fold_char).collect())
    .collect()
});

/// Folds text for matching, index text and query text alike (rules in the module documentation).
pub fn fold(text: &str) -> String {
    let mut out = fold_pass(text);
    // Dropping characters or markers can, in rare cases, bring together characters that a second
    // pass would treat differently (a kana before `ゝ`, a base letter and a combining mark).
    for _ in 0..4 {
        if !needs_another_pass(&out) {
            break;
        }
        let next = fold_pass(&out);
        if next == out {
            break;
        }
        out = next;
    }
    out
}

/// The folded forms to search for a typed query, most specific first, no duplicates or empties.
pub fn fold_query(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |s: String| {
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    };
    push(fold(query));
    if is_romaji_query(query) {
        let romaji = normalise_romaji(query);
        if let Some(kana) = romaji_to_folded_kana(&romaji) {
            push(kana);
        }
        let collapsed = collapse_long_vowels(&romaji);
        if collapsed != romaji
            && let Some(kana) = romaji_to_folded_kana(&collapsed)
        {
            push(kana);
        }
    }
    out
}

/// The ASCII digits of the NFKC form of `text`, in order (for phone numbers and other numbers).
pub fn digits_only(text: &str) -> String {
    text.nfkc().filter(char::is_ascii_digit).collect()
}

/// Whether `query` is romaji typed with the IME off: ASCII letters, spaces, `'`, `-`, and a vowel.
pub fn is_romaji_query(query: &str) -> bool {
    let mut has_vowel = false;
    for c in query.nfkc() {
        match c.to_ascii_lowercase() {
            'a' | 'e' | 'i' | 'o' | 'u' => has_vowel = true,
            'b'..='z' | '\'' | '-' => {}
            c if c.is_whitespace() => {}
            _ => return false,
        }
    }
    has_vowel
}

/// One folding pass: NFKC, per-character folding, then legal-form removal.
fn fold_pass(text: &str) -> String {
    let mut buf = String::with_capacity(text.len());
    let mut has_paren = false;
    for c in text.nfkc() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                buf.push(c.to_ascii_lowercase());
            } else if c == '(' || c == ')' {
                // Kept only until the parenthesised legal forms are removed.
                buf.push(c);
                has_paren = true;
            }
            continue;
        }
        match fold_char(c) {
            'ー' => {}
            m @ ('ゝ' | 'ゞ') => match buf.chars().next_back().filter(|p| is_hiragana(*p)) {
                Some(p) if m == 'ゝ' => buf.push(p),
                Some(p) => buf.push(compose(p, '\u{3099}').map_or(p, fold_char)),
                None => buf.push(m),
            },
            f if f.is_alphanumeric() => buf.push(f),
            _ => {}
        }
    }
    if has_paren {
        remove_paren_markers(&mut buf);
        buf.retain(|c| c != '(' && c != ')');
    }
    remove_legal_words(&mut buf);
    buf
}

/// Whether a pass's output might change under another pass (rare; see [`fold`]).
fn needs_another_pass(s: &str) -> bool {
    s.contains(['ゝ', 'ゞ']) || is_nfkc_quick(s.chars()) != IsNormalized::Yes
}

/// Removes the parenthesised legal-form markers until none is left.
fn remove_paren_markers(buf: &mut String) {
    loop {
        let mut changed = remove_all(buf, LEGAL_PARENS);
        for m in LEGAL_PARENS_START {
            if buf.starts_with(m) {
                buf.replace_range(..m.len(), "");
                changed = true;
            }
        }
        for m in LEGAL_PARENS_END {
            if buf.ends_with(m) {
                buf.truncate(buf.len() - m.len());
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// Removes the legal-form words (anywhere) and readings (at either end) until none is left.
fn remove_legal_words(buf: &mut String) {
    loop {
        let mut changed = remove_all(buf, LEGAL_WORDS);
        for m in LEGAL_READINGS.iter() {
            if buf.starts_with(m.as_str()) {
                buf.replace_range(..m.len(), "");
                changed = true;
            }
            if buf.ends_with(m.as_str()) {
                buf.truncate(buf.len() - m.len());
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// Removes every occurrence of each marker, in order; whether anything was removed.
fn remove_all(buf: &mut String, markers: &[&str]) -> bool {
    let mut changed = false;
    for m in markers {
        // A marker's second character (`式` of `株式会社`, `株` of `(株)`) is a cheap filter that
        // skips the substring search for almost every record.
        if m.chars().nth(1).is_some_and(|c| !buf.contains(c)) {
            continue;
        }
        while let Some(i) = buf.find(m) {
            buf.replace_range(i..i + m.len(), "");
            changed = true;
        }
    }
    changed
}

/// Folds one (non-ASCII, already NFKC) character: katakana → hiragana, small kana → large,
/// merged kana spellings, variant kanji. Idempotent.
fn fold_char(c: char) -> char {
    let c = match c {
        // ァ..ヶ and ヽヾ sit exactly 0x60 above ぁ..ゖ and ゝゞ.
        '\u{30A1}'..='\u{30F6}' | '\u{30FD}' | '\u{30FE}' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
        'ヷ' => 'わ',
        'ヸ' => 'い',
        'ヹ' => 'え',
        'ヺ' => 'を',
        '\u{31F0}'..='\u{31FF}' => return small_ainu_katakana(c),
        '\u{3400}'.. => return fold_variant(c),
        _ => c,
    };
    match c {
        'ぁ' => 'あ',
        'ぃ' | 'ゐ' => 'い',
        'ぅ' => 'う',
        'ぇ' | 'ゑ' => 'え',
        'ぉ' => 'お',
        'っ' => 'つ',
        'ゃ' => 'や',
        'ゅ' => 'ゆ',
        'ょ' => 'よ',
        'ゎ' => 'わ',
        'ゕ' => 'か',
        'ゖ' => 'け',
        'ぢ' => 'じ',
        'づ' => 'ず',
        _ => c,
    }
}

/// The large hiragana for a small katakana of the Katakana Phonetic Extensions (U+31F0..=U+31FF).
fn small_ainu_katakana(c: char) -> char {
    const LARGE: [char; 16] =
        ['く', 'し', 'す', 'と', 'ぬ', 'は', 'ひ', 'ふ', 'へ', 'ほ', 'む', 'ら', 'り', 'る', 'れ', 'ろ'];
    LARGE[(c as usize - 0x31F0) % LARGE.len()]
}

/// The common form of a variant kanji, or the character itself.
fn fold_variant(c: char) -> char {
    match VARIANTS.binary_search_by_key(&c, |&(v, _)| v) {
        Ok(i) => VARIANTS[i].1,
        Err(_) => c,
    }
}

/// Whether `c` is a (folded) hiragana letter that an iteration mark can repeat.
fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{3096}').contains(&c)
}

/// Lowercases a romaji query and rewrites IME and Hepburn habits that wana_kana reads
/// differently: `nn` before a consonant or at the end → `n'`, `m` before `b`/`p`/`m` → `n'`,
/// `tch` → `cch`.
fn normalise_romaji(query: &str) -> String {
    let chars: Vec<char> = query.nfkc().map(|c| c.to_ascii_lowercase()).collect();
    let is_vowel_or_y = |c: Option<&char>| matches!(c, Some('a' | 'e' | 'i' | 'o' | 'u' | 'y'));
    let mut out = String::with_capacity(chars.len() + 4);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1);
        if c == 'n' && next == Some(&'n') && !is_vowel_or_y(chars.get(i + 2)) {
            out.push_str("n'");
            i += 2;
            continue;
        }
        if c == 'm' && matches!(next, Some('b' | 'p' | 'm')) {
            out.push_str("n'");
        } else if c == 't' && next == Some(&'c') && chars.get(i + 2) == Some(&'h') {
            out.push('c');
        } else {
            out.push(c);
        }
        i += 1;
    }
    out
}

/// Collapses long vowels typed as a doubled vowel or `ou` (`satou` → `sato`, `raamen` → `ramen`).
fn collapse_long_vowels(romaji: &str) -> String {
    let mut out = String::with_capacity(romaji.len());
    let mut prev = ' ';
    for c in romaji.chars() {
        let long = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u') && (c == prev || (prev == 'o' && c == 'u'));
        if !long {
            out.push(c);
        }
        prev = c;
    }
    out
}

/// The folded hiragana of (normalised) romaji, ignoring a half-typed trailing syllable; `None`
/// when wana_kana leaves letters it cannot read elsewhere or nothing is left.
fn romaji_to_folded_kana(romaji: &str) -> Option<String> {
    let kana = romaji.trim().to_hiragana();
    let mut trimmed = kana.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if trimmed.len() < kana.len() {
        // `tanakk` → `たなっk`: the small tsu belongs to the unfinished syllable.
        trimmed = trimmed.strip_suffix('っ').unwrap_or(trimmed);
    }
    if trimmed.contains(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    Some(fold(trimmed)).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    use proptest::prelude::*;

    // --- The examples from the specification ---

    #[test]
    fn halfwidth_katakana_reading_matches_hiragana_and_katakana() {
        let a = fold("ﾀﾅｶｼｮｳﾃﾝ");
        assert_eq!(a, fold("たなかしょうてん"));
        assert_eq!(a, fold("タナカショウテン"));
        assert_eq!(a, "たなかしようてん");
    }

    #[test]
    fn parenthesised_kabu_and_variant_kanji_match_full_legal_form() {
        let a = fold("㈱髙橋商店");
        assert_eq!(a, fold("株式会社 高橋商店"));
        assert_eq!(a, fold("(株)高橋商店"));
        assert_eq!(a, "高橋商店");
    }

    #[test]
    fn fullwidth_ascii_becomes_lowercase_ascii() {
        assert_eq!(fold("ＡＢＣ１２３"), "abc123");
    }

    #[test]
    fn long_vowel_mark_is_dropped_so_ramen_matches_ramen_without_it() {
        assert_eq!(fold("ラーメン"), fold("らめん"));
        assert_eq!(fold("ラーメン"), "らめん");
    }

    // --- One test per folding rule ---

    #[test]
    fn rule_nfkc() {
        assert_eq!(fold("ｸﾏﾓﾄ"), fold("クマモト"), "half-width katakana");
        assert_eq!(fold("ｶﾞｯｺｳ"), fold("ガッコウ"), "half-width voiced katakana");
        assert_eq!(fold("熊本１丁目２－３"), "熊本1丁目23", "full-width digits");
        assert_eq!(fold("①②"), "12", "circled digits");
        assert_eq!(fold("㍿熊本"), "熊本", "square 株式会社");
    }

    #[test]
    fn rule_lowercase_ascii() {
        assert_eq!(fold("ABCマート"), "abcまと");
        assert_eq!(fold("ＮＰＯくまもと"), "npoくまもと");
        assert_eq!(fold("Kumamoto City"), "kumamotocity");
    }

    #[test]
    fn rule_katakana_to_hiragana() {
        assert_eq!(fold("アソ"), "あそ");
        assert_eq!(fold("クマモトケン"), "くまもとけん");
        assert_eq!(fold("ヴ"), "ゔ");
        assert_eq!(fold("ヽヾ"), "ゝゞ", "iteration marks with no kana before them");
        assert_eq!(fold("ヷヸヹヺ"), "わいえを", "voiced wa row loses its mark");
        assert_eq!(fold("ㇰㇱㇷ"), "くしふ", "small Ainu katakana");
    }

    #[test]
    fn rule_katakana_conversion_leaves_latin_letters_and_long_vowels_alone() {
        assert_eq!(fold("shouten ショウテン"), "shoutenしようてん");
        assert_eq!(fold("スーパー"), "すぱ", "ー is dropped, not expanded to a vowel");
    }

    #[test]
    fn rule_small_kana_to_large() {
        assert_eq!(fold("ぁぃぅぇぉっゃゅょゎゕゖ"), "あいうえおつやゆよわかけ");
        assert_eq!(fold("ァィゥェォッャュョヮヵヶ"), "あいうえおつやゆよわかけ");
        assert_eq!(fold("きょう"), fold("きよう"));
        assert_eq!(fold("霞ヶ関"), fold("霞ケ関"));
    }

    #[test]
    fn rule_four_kana_and_obsolete_kana_merged() {
        assert_eq!(fold("ミカヅキ"), fold("みかずき"), "づ → ず");
        assert_eq!(fold("ちぢみ"), fold("ちじみ"), "ぢ → じ");
        assert_eq!(fold("ゑびす"), fold("えびす"), "ゑ → え");
        assert_eq!(fold("ゐど"), fold("いど"), "ゐ → い");
    }

    #[test]
    fn rule_iteration_marks_spelt_out() {
        assert_eq!(fold("いすゞ"), "いすず");
        assert_eq!(fold("みすゞ"), fold("ミスズ"));
        assert_eq!(fold("こゝろ"), "こころ");
        assert_eq!(fold("ちゞみ"), "ちじみ", "voiced repeat is folded like ぢ");
        assert_eq!(fold("佐々木"), "佐々木", "々 is kept");
    }

    #[test]
    fn rule_long_vowel_marks_removed() {
        for (input, want) in [
            ("コーヒー", "こひ"),
            ("ｺｰﾋｰ", "こひ"),
            ("ら－めん", "らめん"),
            ("ら―めん", "らめん"),
            ("ら‐めん", "らめん"),
            ("ら~めん", "らめん"),
            ("ら〜めん", "らめん"),
            ("ら～めん", "らめん"),
        ] {
            assert_eq!(fold(input), want, "{input}");
        }
    }

    #[test]
    fn rule_middle_dot_spaces_and_punctuation_removed() {
        for (input, want) in [
            ("アソ・ファーム", "あそふあむ"),
            ("熊本　太郎", "熊本太郎"),
            ("熊本 太郎", "熊本太郎"),
            ("「くまモン」。", "くまもん"),
            ("A&B商事!", "ab商事"),
            ("096-123-4567", "0961234567"),
            ("（熊本）", "熊本"),
        ] {
            assert_eq!(fold(input), want, "{input}");
        }
    }

    #[test]
    fn rule_legal_forms_removed() {
        for marker in [
            "株式会社",
            "(株)",
            "（株）",
            "㈱",
            "有限会社",
            "(有)",
            "㈲",
            "合同会社",
            "(同)",
            "合名会社",
            "(名)",
            "合資会社",
            "(資)",
            "一般社団法人",
            "(一社)",
            "公益社団法人",
            "(公社)",
            "一般財団法人",
            "(一財)",
            "公益財団法人",
            "(公財)",
            "特定非営利活動法人",
            "NPO法人",
            "ＮＰＯ法人",
            "npo法人",
            "医療法人",
            "医療法人社団",
            "社会福祉法人",
            "(福)",
            "企業組合",
            "協同組合",
            "(協)",
        ] {
            assert_eq!(fold(&format!("{marker}阿蘇温泉")), "阿蘇温泉", "{marker} before");
            assert_eq!(fold(&format!("阿蘇温泉{marker}")), "阿蘇温泉", "{marker} after");
            assert_eq!(fold(&format!("{marker} 阿蘇温泉")), "阿蘇温泉", "{marker} with a space");
        }
    }

    #[test]
    fn rule_legal_form_readings_removed_at_either_end() {
        for reading in ["カブシキガイシャ", "かぶしきかいしゃ", "ユウゲンガイシャ", "ゴウドウガイシャ", "ｶﾌﾞｼｷｶﾞｲｼｬ"]
        {
            assert_eq!(fold(&format!("{reading}タナカ")), "たなか", "{reading} at the start");
            assert_eq!(fold(&format!("タナカ {reading}")), "たなか", "{reading} at the end");
        }
        assert_eq!(
            fold("たなかかぶしきがいしゃしょうてん"),
            "たなかかぶしきがいしやしようてん",
            "a reading in the middle stays"
        );
    }

    #[test]
    fn rule_bank_transfer_legal_forms_removed() {
        assert_eq!(fold("ｶ)ﾀﾅｶｼｮｳﾃﾝ"), "たなかしようてん");
        assert_eq!(fold("ﾀﾅｶｼｮｳﾃﾝ(ｶ"), "たなかしようてん");
        assert_eq!(fold("ﾕ)ﾀﾅｶ"), "たなか");
        assert_eq!(fold("ﾄﾞ)ﾀﾅｶ"), "たなか");
        assert_eq!(fold("(ｶ)ﾀﾅｶ"), "たなか");
    }

    #[test]
    fn rule_legal_form_removal_reaches_a_fixed_point() {
        assert_eq!(fold("株式(株)会社熊本"), "熊本");
        assert_eq!(fold("株株式会社式会社熊本"), "熊本");
        assert_eq!(fold("株式会社"), "");
    }

    #[test]
    fn rule_word_containing_a_marker_character_is_kept() {
        assert_eq!(fold("切株商会"), "切株商会");
        assert_eq!(fold("会社員"), "会社員");
    }

    #[test]
    fn rule_variant_kanji_each_row() {
        for &(variant, common) in VARIANTS {
            assert_eq!(
                fold(&variant.to_string()),
                common.to_string(),
                "{variant} (U+{:04X}) → {common}",
                variant as u32
            );
            assert_eq!(fold(&format!("{variant}田商店")), format!("{common}田商店"), "{variant} inside a name");
        }
    }

    #[test]
    fn rule_variant_kanji_required_rows() {
        for (variant, common) in [
            ("髙", "高"),
            ("\u{FA11}", "崎"),
            ("嵜", "崎"),
            ("邊", "辺"),
            ("邉", "辺"),
            ("齋", "斎"),
            ("齊", "斎"),
            ("斉", "斎"),
            ("濵", "浜"),
            ("濱", "浜"),
            ("德", "徳"),
            ("櫻", "桜"),
            ("嶋", "島"),
            ("嶌", "島"),
            ("澤", "沢"),
            ("廣", "広"),
            ("國", "国"),
            ("會", "会"),
            ("榮", "栄"),
            ("惠", "恵"),
            ("冨", "富"),
            ("眞", "真"),
            ("藏", "蔵"),
            ("龍", "竜"),
            ("條", "条"),
            ("驒", "騨"),
            ("槇", "槙"),
            ("萬", "万"),
        ] {
            assert_eq!(fold(variant), common, "{variant} → {common}");
        }
        assert_eq!(fold("髙﨑"), fold("高崎"));
        assert_eq!(fold("渡邊"), fold("渡辺"));
        assert_eq!(fold("飛驒"), fold("飛騨"));
    }

    #[test]
    fn variant_table_is_sorted_and_idempotent() {
        for pair in VARIANTS.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{:?} before {:?}", pair[0], pair[1]);
        }
        for &(variant, common) in VARIANTS {
            assert_ne!(variant, common);
            assert!(VARIANTS.iter().all(|&(v, _)| v != common), "{common} is itself a variant");
            assert_eq!(common.to_string().nfkc().collect::<String>(), common.to_string(), "{common} not NFKC");
        }
    }

    #[test]
    fn legal_marker_lists_are_ordered_and_folded() {
        for list in [LEGAL_WORDS, LEGAL_PARENS] {
            for (i, a) in list.iter().enumerate() {
                assert_eq!(a.chars().map(fold_char).collect::<String>(), *a, "{a} is not folded");
                for b in &list[i + 1..] {
                    assert!(!b.contains(a), "{b} must come before {a}");
                }
            }
        }
    }

    #[test]
    fn rule_digits_letters_and_kanji_unchanged() {
        assert_eq!(fold("熊本市中央区2025"), "熊本市中央区2025");
        assert_eq!(fold("abc123"), "abc123");
        assert_eq!(fold("高橋"), "高橋");
        assert_eq!(fold("〇"), "〇");
    }

    // --- fold_query ---

    #[test]
    fn fold_query_romaji_finds_readings() {
        assert!(fold_query("tanaka").contains(&fold("たなか")));
        assert!(fold_query("kumamoto").contains(&fold("くまもと")));
        assert!(fold_query("aso").contains(&"あそ".to_string()));
        assert!(fold_query("shouten").contains(&fold("しょうてん")));
        assert!(fold_query("takahashi").contains(&fold("たかはし")));
        assert!(fold_query("TANAKA").contains(&fold("たなか")));
        assert!(fold_query("ｔａｎａｋａ").contains(&fold("たなか")));
        assert!(fold_query("tanaka shouten").contains(&fold("たなかしょうてん")));
    }

    #[test]
    fn fold_query_starts_with_plain_fold() {
        assert_eq!(fold_query("ﾀﾅｶ"), vec![fold("たなか")]);
        assert_eq!(fold_query("tanaka")[0], "tanaka");
        assert_eq!(fold_query("㈱髙橋"), vec!["高橋".to_string()]);
    }

    #[test]
    fn fold_query_ignores_half_typed_syllable() {
        assert!(fold_query("tanak").contains(&"たな".to_string()));
        assert!(fold_query("tanakk").contains(&"たな".to_string()));
        assert!(fold_query("tanaky").contains(&"たな".to_string()));
        assert!(fold_query("tan").contains(&"たん".to_string()));
    }

    #[test]
    fn fold_query_ime_and_hepburn_habits() {
        assert!(fold_query("sannpo").contains(&fold("さんぽ")));
        assert!(fold_query("honn").contains(&fold("ほん")));
        assert!(fold_query("onna").contains(&fold("おんな")));
        assert!(fold_query("namba").contains(&fold("なんば")));
        assert!(fold_query("homma").contains(&fold("ほんま")));
        assert!(fold_query("matcha").contains(&fold("まっちゃ")));
        assert!(fold_query("shin'ya").contains(&fold("しんや")));
        assert!(fold_query("mikazuki").contains(&fold("ミカヅキ")));
        assert!(fold_query("ra-men").contains(&fold("ラーメン")));
    }

    #[test]
    fn fold_query_collapses_long_vowels_as_a_variant() {
        let satou = fold_query("satou");
        assert!(satou.contains(&fold("さとう")), "{satou:?}");
        assert!(satou.contains(&fold("サトー")), "{satou:?}");
        assert!(fold_query("raamen").contains(&fold("ラーメン")));
        assert!(fold_query("koohii").contains(&fold("コーヒー")));
        assert_eq!(fold_query("kumamoto"), vec!["kumamoto".to_string(), "くまもと".to_string()]);
    }

    #[test]
    fn fold_query_empty_and_blank() {
        assert!(fold_query("").is_empty());
        assert!(fold_query("   ").is_empty());
        assert!(fold_query("\u{3000}").is_empty());
        assert!(fold_query("・ー").is_empty());
        assert!(fold_query("株式会社").is_empty());
    }

    #[test]
    fn fold_query_has_no_duplicates() {
        for q in ["aso", "satou", "tanaka", "a", "ooo", "ﾀﾅｶ", "kumamoto"] {
            let v = fold_query(q);
            let mut d = v.clone();
            d.sort();
            d.dedup();
            assert_eq!(d.len(), v.len(), "{q}: {v:?}");
        }
    }

    #[test]
    fn fold_query_non_romaji_ascii_is_not_converted() {
        assert_eq!(fold_query("ntt"), vec!["ntt".to_string()]);
        assert_eq!(fold_query("096-123"), vec!["096123".to_string()]);
        assert_eq!(fold_query("mcdonald"), vec!["mcdonald".to_string()]);
    }

    // --- digits_only / is_romaji_query ---

    #[test]
    fn digits_only_keeps_ascii_digits_of_nfkc() {
        assert_eq!(digits_only("０９６－１２３－４５６７"), "0961234567");
        assert_eq!(digits_only("TEL: 096 (123) 4567"), "0961234567");
        assert_eq!(digits_only("①番"), "1");
        assert_eq!(digits_only("熊本"), "");
    }

    #[test]
    fn is_romaji_query_cases() {
        for q in
            ["tanaka", "Kumamoto", "aso", "shouten", "takahashi", "tanaka shouten", "shin'ya", "ra-men", "ｔａｎａｋａ"]
        {
            assert!(is_romaji_query(q), "{q}");
        }
        for q in ["", "   ", "ntt", "たなか", "tanaka1", "abc@x", "田中tanaka"] {
            assert!(!is_romaji_query(q), "{q}");
        }
    }

    // --- Properties ---

    fn is_katakana(c: char) -> bool {
        matches!(c, '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF65}'..='\u{FF9F}')
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<String>(),
            "[ぁ-ゟァ-ヿｦ-ﾟー・ 　ａ-ｚＡ-Ｚa-zA-Z0-9()（）㈱㈲㍿株式会社有限合同一般社団法人ゝゞヽヾ々髙﨑邊齋濵德櫻嶋澤]{0,24}",
            "[\u{3000}-\u{30FF}\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{F900}-\u{FAFF}\u{FF00}-\u{FFEF}\u{1100}-\u{11FF}\u{0300}-\u{036F}]{0,24}",
        ]
    }

    proptest! {
        #[test]
        fn fold_is_idempotent(s in text()) {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once);
        }

        #[test]
        fn fold_output_is_clean(s in text()) {
            let out = fold(&s);
            for c in out.chars() {
                prop_assert!(!c.is_ascii_uppercase(), "uppercase {:?} in {:?}", c, out);
                prop_assert!(!is_katakana(c), "katakana {:?} in {:?}", c, out);
                prop_assert!(!c.is_whitespace(), "space in {:?}", out);
                prop_assert!(c != 'ー', "ー in {:?}", out);
            }
        }

        #[test]
        fn fold_query_never_panics_and_has_no_empty_or_duplicate(s in text()) {
            let v = fold_query(&s);
            for (i, f) in v.iter().enumerate() {
                prop_assert!(!f.is_empty());
                prop_assert!(!v[i + 1..].contains(f));
            }
        }

        #[test]
        fn fold_query_of_romaji_never_panics(s in "[a-zA-Z' -]{0,16}") {
            let _ = fold_query(&s);
        }

        #[test]
        fn digits_only_is_all_digits(s in text()) {
            prop_assert!(digits_only(&s).chars().all(|c| c.is_ascii_digit()));
        }
    }
}
