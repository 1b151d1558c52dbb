//! The texts of the history popup (a record's audit trail): the struct both catalogues fill in.

use super::{Lang, en, ja};

/// The history popup's texts in one language; a struct, so a text missing in one language does not compile.
#[derive(Debug)]
pub struct HistoryText {
    /// Popup title: "変更履歴: {record}".
    pub title: &'static str,
    /// While the changes load.
    pub loading: &'static str,
    /// A record with no recorded change.
    pub empty: &'static str,
    /// `H` with no record under the cursor.
    pub none_selected: &'static str,
    /// The kinds of change: insert, update, delete.
    pub ops: [&'static str; 3],
    /// Who, for a change made outside the console (a migration or an import).
    pub outside: &'static str,
    /// Tables as the desk names them: (table, name).
    pub tables: &'static [(&'static str, &'static str)],
    /// Columns as the desk names them: (column, name); others show as stored.
    pub columns: &'static [(&'static str, &'static str)],
}

/// The history popup's texts in a language.
pub fn text(lang: Lang) -> &'static HistoryText {
    match lang {
        Lang::Ja => &ja::history::TEXT,
        Lang::En => &en::history::TEXT,
    }
}

impl HistoryText {
    /// The desk's name of a column (the stored name when it has none).
    pub fn column<'a>(&self, name: &'a str) -> &'a str {
        self.columns.iter().find(|(c, _)| *c == name).map_or(name, |(_, n)| n)
    }

    /// The desk's name of a table (the stored name when it has none).
    pub fn table<'a>(&self, name: &'a str) -> &'a str {
        self.tables.iter().find(|(t, _)| *t == name).map_or(name, |(_, n)| n)
    }

    /// The word for a change's kind (insert / update / delete).
    pub fn op<'a>(&self, op: &'a str) -> &'a str {
        match op {
            "insert" => self.ops[0],
            "update" => self.ops[1],
            "delete" => self.ops[2],
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_catalogues_name_the_same_columns_and_tables() {
        let (ja, en) = (text(Lang::Ja), text(Lang::En));
        let keys = |v: &[(&str, &str)]| v.iter().map(|(k, _)| k.to_string()).collect::<Vec<_>>();
        assert_eq!(keys(ja.columns), keys(en.columns));
        assert_eq!(keys(ja.tables), keys(en.tables));
        assert_eq!(ja.column("status"), "状態");
        assert_eq!(en.column("no_such_column"), "no_such_column");
    }
}
