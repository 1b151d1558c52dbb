//! A table of an export: a title, column headers and rows of typed values, written alike to xlsx, CSV, HTML
//! and PDF.

use chrono::NaiveDate;

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text.
    Text(String),
    /// A count.
    Int(i64),
    /// Whole yen.
    Yen(i64),
    /// Hours with one decimal.
    Hours(f64),
    /// A date (written 和暦 on Japanese documents, ISO in CSV).
    Date(NaiveDate),
    /// Nothing recorded.
    Empty,
}

impl Value {
    /// Text from anything printable.
    pub fn text(s: impl Into<String>) -> Value {
        Value::Text(s.into())
    }

    /// A date, or empty when absent.
    pub fn date(d: Option<NaiveDate>) -> Value {
        d.map_or(Value::Empty, Value::Date)
    }
}

/// A titled table.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Title (also the sheet name in a workbook).
    pub title: String,
    /// Column headers.
    pub header: Vec<String>,
    /// Rows, each as long as the header.
    pub rows: Vec<Vec<Value>>,
}

impl Table {
    /// An empty table with these headers.
    pub fn new(title: impl Into<String>, header: &[&str]) -> Table {
        Table { title: title.into(), header: header.iter().map(|h| h.to_string()).collect(), rows: Vec::new() }
    }

    /// Appends a totals row: `label` in the first column, the sum of each numeric column below the others.
    pub fn push_totals(&mut self, label: &str) {
        let mut totals = vec![Value::text(label)];
        for col in 1..self.header.len() {
            let mut total = None;
            for v in self.rows.iter().filter_map(|r| r.get(col)) {
                total = match (&total, v) {
                    (None, Value::Int(n)) | (Some(Value::Int(_)), Value::Int(n)) => {
                        Some(Value::Int(n + total_int(&total)))
                    }
                    (None, Value::Yen(n)) | (Some(Value::Yen(_)), Value::Yen(n)) => {
                        Some(Value::Yen(n + total_int(&total)))
                    }
                    (None, Value::Hours(h)) | (Some(Value::Hours(_)), Value::Hours(h)) => {
                        Some(Value::Hours(h + if let Some(Value::Hours(t)) = &total { *t } else { 0.0 }))
                    }
                    _ => Some(Value::Empty),
                };
            }
            totals.push(total.unwrap_or(Value::Empty));
        }
        self.rows.push(totals);
    }
}

fn total_int(total: &Option<Value>) -> i64 {
    match total {
        Some(Value::Int(n) | Value::Yen(n)) => *n,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_add_numeric_columns_only() {
        let mut t = Table::new("t", &["key", "n", "yen", "h", "text"]);
        t.rows.push(vec![Value::text("a"), Value::Int(2), Value::Yen(1000), Value::Hours(1.5), Value::text("x")]);
        t.rows.push(vec![Value::text("b"), Value::Int(3), Value::Yen(500), Value::Hours(2.0), Value::text("y")]);
        t.push_totals("合計");
        assert_eq!(
            t.rows[2],
            vec![Value::text("合計"), Value::Int(5), Value::Yen(1500), Value::Hours(3.5), Value::Empty]
        );
    }
}
