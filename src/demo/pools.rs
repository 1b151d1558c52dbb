//! The name pools of `assets/demo/` (parsed once per run) and small helpers for Japanese text: kana
//! conversion, half-width katakana, full-width digits, phone numbers and weighted choice.

use std::collections::HashMap;

use rand::Rng;

use super::DemoRng;
use crate::domain::model::{IndustryCategory, LegalForm};

const SURNAMES: &str = include_str!("../../assets/demo/surnames.tsv");
const GIVEN_NAMES: &str = include_str!("../../assets/demo/given_names.tsv");
const WORDS: &str = include_str!("../../assets/demo/words.tsv");
const TRADES: &str = include_str!("../../assets/demo/trades.tsv");
const PLACES: &str = include_str!("../../assets/demo/places.tsv");
const OUTSIDE: &str = include_str!("../../assets/demo/outside.tsv");

/// The data rows of a bundled TSV file: comments (`#`) and the header row skipped.
fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).skip(1).map(|l| l.split('\t').collect())
}

/// A word and its reading (hiragana).
#[derive(Debug, Clone, Copy)]
pub struct Word {
    /// As written.
    pub text: &'static str,
    /// Reading in hiragana.
    pub reading: &'static str,
}

/// How a trade is usually run, which decides the legal forms it is drawn for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TradeForm {
    /// Usually a company.
    Company,
    /// Usually a sole proprietor.
    Sole,
    /// Either.
    Both,
    /// A joint body (R-E2) with this legal form.
    Joint(LegalForm),
    /// An ineligible body (R-E3) with this legal form.
    Ineligible(LegalForm),
}

/// A trade from `trades.tsv`.
#[derive(Debug, Clone)]
pub struct Trade {
    /// How it is usually run.
    pub form: TradeForm,
    /// Name pattern with `{S}`, `{W}`, `{K}`.
    pub pattern: &'static str,
    /// Reading pattern with the same placeholders.
    pub reading: &'static str,
    /// R-E4 category.
    pub industry: IndustryCategory,
    /// The trade as Form 1 writes it.
    pub label: &'static str,
    /// What it makes or sells.
    pub products: &'static str,
    /// Dispatch themes it asks for most.
    pub themes: Vec<u8>,
}

/// What the pools know about one municipality.
#[derive(Debug, Clone, Default)]
pub struct LocalPool {
    /// Telephone area code (`096`, `0967`, ...).
    pub tel: &'static str,
    /// Districts for addresses.
    pub places: Vec<&'static str>,
    /// Local words for names.
    pub words: Vec<Word>,
}

/// A place outside the prefecture.
#[derive(Debug, Clone)]
pub struct Outside {
    /// Prefecture and city.
    pub prefix: &'static str,
    /// Telephone area code.
    pub tel: &'static str,
    /// Districts.
    pub places: Vec<&'static str>,
}

/// A person as indexes into the pools (four bytes instead of two strings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Person {
    /// Index into the surnames.
    pub surname: u16,
    /// Index into the given names (both sexes, males first).
    pub given: u16,
}

/// Every pool, parsed.
pub struct Pools {
    /// Surnames.
    pub surnames: Vec<Word>,
    surname_cum: Vec<u32>,
    /// Given names, males then females.
    pub given: Vec<Word>,
    males: usize,
    /// Kanji/hiragana words.
    pub words: Vec<Word>,
    /// Katakana words.
    pub katakana: Vec<Word>,
    /// Trades.
    pub trades: Vec<Trade>,
    /// Per municipality name.
    pub local: HashMap<&'static str, LocalPool>,
    /// Outside the prefecture.
    pub outside: Vec<Outside>,
}

impl Pools {
    /// Parses the bundled pools.
    pub fn load() -> Pools {
        let mut surnames = Vec::new();
        let mut surname_cum = Vec::new();
        let mut total = 0u32;
        for r in rows(SURNAMES) {
            surnames.push(Word { text: r[0], reading: r[1] });
            total += r.get(2).and_then(|w| w.parse().ok()).unwrap_or(1);
            surname_cum.push(total);
        }
        let mut given: Vec<(Word, bool)> =
            rows(GIVEN_NAMES).map(|r| (Word { text: r[0], reading: r[1] }, r.get(2) == Some(&"f"))).collect();
        given.sort_by_key(|(_, female)| *female);
        let males = given.iter().filter(|(_, f)| !f).count();
        let given = given.into_iter().map(|(w, _)| w).collect();
        let mut words = Vec::new();
        let mut katakana = Vec::new();
        for r in rows(WORDS) {
            let w = Word { text: r[0], reading: r[1] };
            if r.get(2) == Some(&"k") { katakana.push(w) } else { words.push(w) }
        }
        let trades = rows(TRADES).filter_map(parse_trade).collect();
        let mut local: HashMap<&'static str, LocalPool> = HashMap::new();
        for r in rows(PLACES) {
            let pool = local.entry(r[0]).or_default();
            match r[1] {
                "tel" => pool.tel = r[2],
                "place" => pool.places.push(r.get(2).copied().unwrap_or("")),
                _ => pool.words.push(Word { text: r[2], reading: r.get(3).copied().unwrap_or("") }),
            }
        }
        let outside =
            rows(OUTSIDE).map(|r| Outside { prefix: r[0], tel: r[1], places: r[2].split(',').collect() }).collect();
        Pools { surnames, surname_cum, given, males, words, katakana, trades, local, outside }
    }

    /// A surname index, weighted by how common the surname is.
    pub fn surname(&self, rng: &mut DemoRng) -> u16 {
        let total = self.surname_cum.last().copied().unwrap_or(1);
        let x = rng.random_range(0..total);
        self.surname_cum.partition_point(|&c| c <= x) as u16
    }

    /// A random person (about half women).
    pub fn person(&self, rng: &mut DemoRng) -> Person {
        let surname = self.surname(rng);
        let given = if rng.random_bool(0.5) {
            rng.random_range(0..self.males)
        } else {
            rng.random_range(self.males..self.given.len())
        };
        Person { surname, given: given as u16 }
    }

    /// `田中 健太`.
    pub fn name(&self, p: Person) -> String {
        format!("{} {}", self.surnames[p.surname as usize].text, self.given[p.given as usize].text)
    }

    /// `たなか けんた`.
    pub fn reading(&self, p: Person) -> String {
        format!("{} {}", self.surnames[p.surname as usize].reading, self.given[p.given as usize].reading)
    }

    /// Name and reading.
    pub fn full(&self, p: Person) -> (String, String) {
        (self.name(p), self.reading(p))
    }
}

fn parse_trade(r: Vec<&'static str>) -> Option<Trade> {
    if r.len() < 7 {
        return None;
    }
    let form = match r[0] {
        "c" => TradeForm::Company,
        "s" => TradeForm::Sole,
        "b" => TradeForm::Both,
        "ea" => TradeForm::Joint(LegalForm::EnterpriseAssociation),
        "coop" => TradeForm::Joint(LegalForm::Cooperative),
        code => TradeForm::Ineligible(LegalForm::from_code(code)?),
    };
    Some(Trade {
        form,
        pattern: r[1],
        reading: r[2],
        industry: IndustryCategory::from_code(r[3])?,
        label: r[4],
        products: r[5],
        themes: r[6].split(',').filter_map(|t| t.trim().parse().ok()).collect(),
    })
}

/// Katakana → hiragana (the long vowel mark and everything else kept).
pub fn to_hiragana(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'ァ'..='ヶ' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Hiragana → katakana.
pub fn to_katakana(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'ぁ'..='ゖ' => char::from_u32(c as u32 + 0x60).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// The full-width katakana that have a half-width form, in the order of U+FF66..=U+FF9D.
const HALF_ORDER: &str =
    "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";

/// Full-width katakana → half-width (`カフェ タナカ` → `ｶﾌｪ ﾀﾅｶ`), voiced sounds as two characters.
pub fn to_halfwidth(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let (base, mark) = match c {
            'ガ' | 'ギ' | 'グ' | 'ゲ' | 'ゴ' | 'ザ' | 'ジ' | 'ズ' | 'ゼ' | 'ゾ' | 'ダ' | 'ヂ' | 'ヅ' | 'デ' | 'ド'
            | 'バ' | 'ビ' | 'ブ' | 'ベ' | 'ボ' => (char::from_u32(c as u32 - 1).unwrap_or(c), Some('ﾞ')),
            'パ' | 'ピ' | 'プ' | 'ペ' | 'ポ' => (char::from_u32(c as u32 - 2).unwrap_or(c), Some('ﾟ')),
            'ヴ' => ('ウ', Some('ﾞ')),
            '・' => ('･', None),
            '　' => (' ', None),
            _ => (c, None),
        };
        match HALF_ORDER.chars().position(|k| k == base) {
            Some(i) => out.push(char::from_u32(0xFF66 + i as u32).unwrap_or(base)),
            None => out.push(base),
        }
        if let Some(m) = mark {
            out.push(m);
        }
    }
    out
}

/// Whether a name is written in katakana only (so that it can be written in half-width).
pub fn is_katakana_name(s: &str) -> bool {
    s.chars().all(|c| matches!(c, 'ァ'..='ヶ' | 'ー' | ' ' | '・'))
}

/// ASCII digits and hyphens → full-width (`096-123-4567` → `０９６－１２３－４５６７`).
pub fn to_fullwidth_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
            '-' => '－',
            _ => c,
        })
        .collect()
}

/// A landline number in `code`'s area: 10 digits in all, the subscriber part not starting with 0 or 1.
pub fn landline(rng: &mut DemoRng, code: &str) -> [String; 3] {
    let local_len = 6usize.saturating_sub(code.len()).max(1); // 096 → 3 digits, 0967 → 2 digits
    let mut local = String::with_capacity(local_len);
    local.push(char::from(b'0' + rng.random_range(2..10u8)));
    for _ in 1..local_len {
        local.push(char::from(b'0' + rng.random_range(0..10u8)));
    }
    [code.to_string(), local, format!("{:04}", rng.random_range(0..10_000u32))]
}

/// A mobile number (090/080/070).
pub fn mobile(rng: &mut DemoRng) -> [String; 3] {
    let prefix = ["090", "090", "080", "080", "070"][rng.random_range(0..5)];
    [
        prefix.to_string(),
        format!("{:04}", rng.random_range(1000..10_000u32)),
        format!("{:04}", rng.random_range(0..10_000u32)),
    ]
}

/// A phone number formatted as people write it: mostly hyphens, sometimes none, brackets or full-width digits.
pub fn format_phone(rng: &mut DemoRng, parts: &[String; 3]) -> String {
    let [a, b, c] = parts;
    match rng.random_range(0..100) {
        0..70 => format!("{a}-{b}-{c}"),
        70..85 => format!("{a}{b}{c}"),
        85..92 => to_fullwidth_digits(&format!("{a}-{b}-{c}")),
        _ => format!("{a}({b}){c}"),
    }
}

/// A phone number as a form prints it (always hyphens).
pub fn plain_phone(parts: &[String; 3]) -> String {
    format!("{}-{}-{}", parts[0], parts[1], parts[2])
}

/// Picks an index by integer weights.
pub fn weighted(rng: &mut DemoRng, weights: &[u32]) -> usize {
    let total: u32 = weights.iter().sum();
    if total == 0 {
        return 0;
    }
    let mut x = rng.random_range(0..total);
    for (i, &w) in weights.iter().enumerate() {
        if x < w {
            return i;
        }
        x -= w;
    }
    weights.len() - 1
}

/// One element of a non-empty slice.
pub fn pick<'a, T>(rng: &mut DemoRng, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

/// One string of a non-empty list.
pub fn pick_str(rng: &mut DemoRng, items: &[&'static str]) -> &'static str {
    items[rng.random_range(0..items.len())]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pools_parse() {
        let p = Pools::load();
        assert!(p.surnames.len() > 100);
        assert!(p.given.len() > 60);
        assert!(p.trades.len() > 60);
        assert_eq!(p.local.len(), 45);
        assert!(p.local.values().all(|l| !l.tel.is_empty() && !l.places.is_empty() && !l.words.is_empty()));
        assert!(p.surnames.iter().any(|s| s.text == "髙橋"));
    }

    #[test]
    fn kana_conversions() {
        assert_eq!(to_halfwidth("カフェ タナカ"), "ｶﾌｪ ﾀﾅｶ");
        assert_eq!(to_halfwidth("ガーデン・パン"), "ｶﾞｰﾃﾞﾝ･ﾊﾟﾝ");
        assert_eq!(to_hiragana("カフェ"), "かふぇ");
        assert_eq!(to_katakana("たなか"), "タナカ");
        assert_eq!(to_fullwidth_digits("096-1"), "０９６－１");
        assert!(is_katakana_name("カフェ タナカ"));
        assert!(!is_katakana_name("カフェ 田中"));
    }
}
