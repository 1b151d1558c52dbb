//! The roster (tab 2): paged lists of experts, businesses and organisations, their cards, "find an expert for a
//! case", and the roster's writes. Every list query reads one page (LIMIT/OFFSET) and never whole tables.

pub mod bodies;
pub mod cards;
pub mod experts;
pub mod writes;

use rusqlite::types::Value;

/// A WHERE clause under construction with its positional parameters.
#[derive(Debug, Default)]
struct Conditions {
    sql: Vec<String>,
    params: Vec<Value>,
}

impl Conditions {
    /// Adds a condition; `?` in `sql` stands for the next parameter (renumbered here).
    fn push(&mut self, sql: &str, values: Vec<Value>) {
        let mut out = String::new();
        let mut values = values.into_iter();
        for part in sql.split('?').enumerate() {
            if part.0 > 0 {
                if let Some(v) = values.next() {
                    self.params.push(v);
                }
                out.push_str(&format!("?{}", self.params.len()));
            }
            out.push_str(part.1);
        }
        self.sql.push(out);
    }

    /// The clause (`WHERE ...`, or empty).
    fn clause(&self) -> String {
        if self.sql.is_empty() { String::new() } else { format!("WHERE {}", self.sql.join(" AND ")) }
    }

    /// The next parameter's number.
    fn next(&self) -> usize {
        self.params.len() + 1
    }
}

/// Ids as an SQL list (`1,2,3`; `NULL` when empty so `IN (NULL)` matches nothing).
fn id_list(ids: &[i64]) -> String {
    if ids.is_empty() { "NULL".into() } else { ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",") }
}

/// Most records a text filter considers (best matches first), as in the queue's filter.
const TEXT_FILTER_LIMIT: usize = 500;
