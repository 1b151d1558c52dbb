//! Finding a kind's columns by their Japanese headers, as the desk writes them (widths, spaces and case do
//! not matter: `電話番号`, `電話 番号` and `ＴＥＬ` all match).

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

/// One column an import reads.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// The field's key in code.
    pub key: &'static str,
    /// The headers it may have, the usual one first.
    pub headers: &'static [&'static str],
    /// Whether a file without it is refused.
    pub required: bool,
}

/// Folds a header for matching: NFKC, no spaces, lower case.
pub fn fold_header(h: &str) -> String {
    h.nfkc().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

/// Where each known column sits in a sheet.
#[derive(Debug, Clone, Default)]
pub struct Columns {
    at: HashMap<&'static str, (usize, String)>,
}

impl Columns {
    /// Locates `wanted` among `headers`; Err names the first required column that is missing.
    pub fn locate(headers: &[String], wanted: &[Column]) -> Result<Columns, &'static str> {
        let folded: Vec<String> = headers.iter().map(|h| fold_header(h)).collect();
        let mut at = HashMap::new();
        for col in wanted {
            let found = col.headers.iter().find_map(|h| folded.iter().position(|f| *f == fold_header(h)));
            match found {
                Some(i) => {
                    at.insert(col.key, (i, headers[i].clone()));
                }
                None if col.required => return Err(col.headers[0]),
                None => {}
            }
        }
        Ok(Columns { at })
    }

    /// The trimmed text of column `key` in a row ("" when the column is absent or the cell empty).
    pub fn get<'a>(&self, row: &'a [String], key: &str) -> &'a str {
        self.at.get(key).and_then(|(i, _)| row.get(*i)).map_or("", |s| s.trim())
    }

    /// The header of column `key` as written in the file (the usual header when absent).
    pub fn header(&self, key: &str, wanted: &[Column]) -> String {
        match self.at.get(key) {
            Some((_, h)) => h.clone(),
            None => wanted.iter().find(|c| c.key == key).map_or(key.to_string(), |c| c.headers[0].to_string()),
        }
    }

    /// How many of `wanted` were found (to tell a file's kind from its headers).
    pub fn count(&self) -> usize {
        self.at.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{ImportKind, guess_kind};

    #[test]
    fn headers_match_in_any_width_and_spacing() {
        let headers: Vec<String> = ["事業者名", "電話 番号", "ＴＥＬ"].map(String::from).to_vec();
        let cols = Columns::locate(&headers, ImportKind::Businesses.columns()).unwrap();
        let row: Vec<String> = ["やまと茶房", " 0967-72-0001 ", ""].map(String::from).to_vec();
        assert_eq!(cols.get(&row, "phone"), "0967-72-0001");
        assert_eq!(cols.header("phone", ImportKind::Businesses.columns()), "電話 番号");
        assert_eq!(cols.get(&row, "address"), "");
    }

    #[test]
    fn the_kind_is_told_from_the_headers() {
        let h = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(guess_kind(&h(&["事業者名", "フリガナ", "法人格"])), Some(ImportKind::Businesses));
        assert_eq!(guess_kind(&h(&["氏名", "所属", "テーマ"])), Some(ImportKind::Experts));
        assert_eq!(guess_kind(&h(&["受付日", "事業者名", "商工会", "テーマ"])), Some(ImportKind::Applications));
        assert_eq!(guess_kind(&h(&["開催日", "講習会名", "金額", "請求日"])), Some(ImportKind::Claims));
        let events = ["種別", "名称", "テーマ", "主催団体", "開催日", "開始", "終了", "会場", "講師", "定員"];
        assert_eq!(guess_kind(&h(&events)), Some(ImportKind::Events));
        assert_eq!(guess_kind(&h(&["列1", "列2"])), None);
    }
}
