//! CSV files for Excel: UTF-8 with a byte-order mark (so Excel reads the Japanese), CRLF line ends, dates ISO.

use std::io::Write;

use anyhow::Result;

use super::table::{Table, Value};

/// The UTF-8 byte-order mark Excel looks for.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Writes a table's header and rows as CSV to `out`, one row at a time.
pub fn write_table(out: impl Write, t: &Table) -> Result<()> {
    let mut out = out;
    out.write_all(BOM)?;
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out);
    w.write_record(&t.header)?;
    for row in &t.rows {
        w.write_record(row.iter().map(cell))?;
    }
    w.flush()?;
    Ok(())
}

/// A cell as CSV text.
fn cell(v: &Value) -> String {
    match v {
        Value::Text(s) => s.clone(),
        Value::Int(n) | Value::Yen(n) => n.to_string(),
        Value::Hours(h) => format!("{h:.1}"),
        Value::Date(d) => d.to_string(),
        Value::Empty => String::new(),
    }
}
