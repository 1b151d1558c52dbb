//! HTML fragments for the desk's web page: a table, every text escaped.

use std::fmt::Write;

use super::table::{Table, Value};

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A `<section>` with the table's title as a heading and the table, or `empty` as a paragraph when it has no
/// rows. No `<html>` or `<body>`: the fragment goes inside the desk's page.
pub fn fragment(t: &Table, empty: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "<section class=\"madoguchi-announcements\">");
    let _ = writeln!(out, "  <h2>{}</h2>", escape(&t.title));
    if t.rows.is_empty() {
        let _ = writeln!(out, "  <p>{}</p>", escape(empty));
    } else {
        let _ = writeln!(out, "  <table>");
        let _ = write!(out, "    <thead><tr>");
        for h in &t.header {
            let _ = write!(out, "<th>{}</th>", escape(h));
        }
        let _ = writeln!(out, "</tr></thead>");
        let _ = writeln!(out, "    <tbody>");
        for row in &t.rows {
            let _ = write!(out, "      <tr>");
            for v in row {
                let cell = match v {
                    Value::Text(s) => escape(s),
                    Value::Int(n) | Value::Yen(n) => n.to_string(),
                    Value::Hours(h) => format!("{h:.1}"),
                    Value::Date(d) => d.to_string(),
                    Value::Empty => String::new(),
                };
                let _ = write!(out, "<td>{cell}</td>");
            }
            let _ = writeln!(out, "</tr>");
        }
        let _ = writeln!(out, "    </tbody>");
        let _ = writeln!(out, "  </table>");
    }
    let _ = writeln!(out, "</section>");
    out
}
