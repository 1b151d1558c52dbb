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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_is_escaped() {
        let mut t = Table::new("講習会 <案内>", &["名称", "定員"]);
        t.rows.push(vec![Value::text("<script>alert('x')</script> & \"SNS\""), Value::Int(30)]);
        let html = fragment(&t, "なし");
        assert!(html.contains("<h2>講習会 &lt;案内&gt;</h2>"), "{html}");
        assert!(
            html.contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;SNS&quot;</td><td>30</td>")
        );
        assert!(!html.contains("<script>"));
    }

    #[test]
    fn an_empty_table_is_a_sentence() {
        let t = Table::new("案内", &["名称"]);
        assert!(fragment(&t, "予定はありません").contains("<p>予定はありません</p>"));
    }
}
