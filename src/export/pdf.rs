//! PDF documents (krilla) with an embedded Japanese font: a document is laid out into A4 pages of positioned
//! text and rules, then drawn. Widths are estimated from East Asian widths (a full-width character is one em),
//! which is how Japanese gothic fonts are drawn.

use std::sync::Arc;

use anyhow::{Result, anyhow};
use krilla::Document as PdfDocument;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};
use unicode_width::UnicodeWidthChar;

use super::document::{Block, Document};
use super::table::{Table, Value};

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 56.0;
const BODY: f32 = 10.5;
const SMALL: f32 = 9.0;
const LABEL_W: f32 = 130.0;

/// Something drawn on a page; `y` is the baseline, from the top.
#[derive(Debug, Clone, PartialEq)]
enum Op {
    Text { x: f32, y: f32, size: f32, text: String },
    Rule { x1: f32, x2: f32, y: f32 },
}

/// Lays out pages top to bottom, starting a new page when the next line does not fit.
struct Layout {
    pages: Vec<Vec<Op>>,
    y: f32,
}

impl Layout {
    fn new() -> Layout {
        Layout { pages: vec![Vec::new()], y: MARGIN }
    }

    /// Moves down by `height`, first breaking the page when it would overflow the bottom margin.
    fn advance(&mut self, height: f32) -> f32 {
        if self.y + height > PAGE_H - MARGIN - 20.0 {
            self.pages.push(Vec::new());
            self.y = MARGIN;
        }
        self.y += height;
        self.y
    }

    fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    fn text(&mut self, x: f32, y: f32, size: f32, text: &str) {
        if !text.is_empty() {
            self.push(Op::Text { x, y, size, text: text.to_string() });
        }
    }

    fn rule(&mut self, y: f32) {
        self.push(Op::Rule { x1: MARGIN, x2: PAGE_W - MARGIN, y });
    }

    /// Wrapped text from `x` to the right margin.
    fn paragraph(&mut self, x: f32, size: f32, text: &str) {
        for line in wrap(text, size, PAGE_W - MARGIN - x) {
            let y = self.advance(size * 1.7);
            self.text(x, y, size, &line);
        }
    }
}

/// The estimated advance of a text at `size` points.
fn width(text: &str, size: f32) -> f32 {
    text.chars().map(|c| if c.width().unwrap_or(0) >= 2 { size } else { size * 0.6 }).sum()
}

/// Breaks a text into lines no wider than `max` (between any two characters, as Japanese allows; at newlines).
fn wrap(text: &str, size: f32, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut w = 0.0;
        for c in para.chars() {
            let cw = width(c.encode_utf8(&mut [0; 4]), size);
            if w + cw > max && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                w = 0.0;
            }
            line.push(c);
            w += cw;
        }
        lines.push(line);
    }
    lines
}

/// A cell's text as printed.
fn cell_text(v: &Value, date: &dyn Fn(chrono::NaiveDate) -> String) -> String {
    match v {
        Value::Text(s) => s.clone(),
        Value::Int(n) => crate::domain::parse::format_thousands(*n),
        Value::Yen(n) => crate::domain::parse::format_thousands(*n),
        Value::Hours(h) => format!("{h:.1}"),
        Value::Date(d) => date(*d),
        Value::Empty => String::new(),
    }
}

/// Lays out a table: column widths in proportion to their widest text, numbers right-aligned, rules above
/// and below the header and below the last row; the header is repeated on a new page.
fn table(l: &mut Layout, t: &Table, date: &dyn Fn(chrono::NaiveDate) -> String) {
    let size = SMALL;
    let rows: Vec<Vec<String>> = t.rows.iter().map(|r| r.iter().map(|v| cell_text(v, date)).collect()).collect();
    let n = t.header.len().max(1);
    let natural: Vec<f32> = (0..n)
        .map(|c| {
            let head = t.header.get(c).map_or(0.0, |h| width(h, size));
            let body = rows.iter().filter_map(|r| r.get(c)).map(|s| width(s, size)).fold(0.0, f32::max);
            head.min(size * 6.0).max(body).clamp(size * 3.0, size * 24.0) + 6.0
        })
        .collect();
    let widths = fit_widths(&natural, PAGE_W - 2.0 * MARGIN);
    let numeric: Vec<bool> = (0..n)
        .map(|c| t.rows.iter().any(|r| matches!(r.get(c), Some(Value::Int(_) | Value::Yen(_) | Value::Hours(_)))))
        .collect();
    let line_h = size * 1.6;
    let header = |l: &mut Layout| {
        let top = l.advance(4.0);
        l.rule(top);
        let mut x = MARGIN;
        let lines: Vec<Vec<String>> =
            (0..n).map(|c| wrap(t.header.get(c).map_or("", |s| s), size, widths[c] - 6.0)).collect();
        let height = lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * line_h;
        let y0 = l.y;
        for (c, ls) in lines.iter().enumerate() {
            for (i, s) in ls.iter().enumerate() {
                l.text(x + 3.0, y0 + (i as f32 + 1.0) * line_h - 3.0, size, s);
            }
            x += widths[c];
        }
        l.y += height;
        let y = l.y + 2.0;
        l.rule(y);
        l.y += 2.0;
    };
    header(l);
    for row in &rows {
        let lines: Vec<Vec<String>> =
            (0..n).map(|c| wrap(row.get(c).map_or("", |s| s), size, widths[c] - 6.0)).collect();
        let height = lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * line_h;
        let before = l.pages.len();
        l.advance(height);
        if l.pages.len() != before {
            l.y = MARGIN;
            header(l);
            l.y += height;
        }
        let y0 = l.y - height;
        let mut x = MARGIN;
        for (c, ls) in lines.iter().enumerate() {
            for (i, s) in ls.iter().enumerate() {
                let tx = if numeric[c] { x + widths[c] - 3.0 - width(s, size) } else { x + 3.0 };
                l.text(tx, y0 + (i as f32 + 1.0) * line_h - 3.0, size, s);
            }
            x += widths[c];
        }
    }
    let y = l.y + 3.0;
    l.rule(y);
    l.y += 6.0;
}

/// Column widths filling `available`: narrow columns keep their natural width, wide ones share the rest in
/// proportion (all scale alike when even the narrow ones do not fit).
fn fit_widths(natural: &[f32], available: f32) -> Vec<f32> {
    let narrow = |w: &f32| *w <= 80.0;
    let fixed: f32 = natural.iter().filter(|w| narrow(w)).sum();
    let wide: f32 = natural.iter().filter(|w| !narrow(w)).sum();
    if wide > 0.0 && fixed < available {
        let scale = (available - fixed) / wide;
        natural.iter().map(|w| if narrow(w) { *w } else { w * scale }).collect()
    } else {
        let scale = available / natural.iter().sum::<f32>().max(1.0);
        natural.iter().map(|w| w * scale).collect()
    }
}

/// Lays a document out into pages.
fn layout(doc: &Document, date: &dyn Fn(chrono::NaiveDate) -> String) -> Vec<Vec<Op>> {
    let mut l = Layout::new();
    let y = l.advance(BODY);
    l.text(PAGE_W - MARGIN - width(&doc.date, BODY), y, BODY, &doc.date);
    if let Some(to) = &doc.addressee {
        let y = l.advance(12.0 * 2.0);
        l.text(MARGIN, y, 12.0, to);
    }
    l.advance(6.0);
    for line in &doc.sender {
        let y = l.advance(BODY * 1.5);
        l.text(PAGE_W - MARGIN - width(line, BODY).min(PAGE_W - 2.0 * MARGIN), y, BODY, line);
    }
    let y = l.advance(16.0 * 3.0);
    l.text((PAGE_W - width(&doc.title, 16.0)) / 2.0, y, 16.0, &doc.title);
    l.advance(BODY);
    for block in &doc.blocks {
        match block {
            Block::Paragraph(p) => {
                l.paragraph(MARGIN, BODY, p);
                l.advance(BODY * 0.6);
            }
            Block::Centered(c) => {
                let y = l.advance(BODY * 2.4);
                l.text((PAGE_W - width(c, BODY)) / 2.0, y, BODY, c);
                l.advance(BODY * 0.8);
            }
            Block::Field(k, v) => {
                let lines = wrap(v, BODY, PAGE_W - 2.0 * MARGIN - LABEL_W);
                let y = l.advance(BODY * 1.8);
                l.text(MARGIN, y, BODY, k);
                for (i, line) in lines.iter().enumerate() {
                    let y = if i == 0 { y } else { l.advance(BODY * 1.6) };
                    l.text(MARGIN + LABEL_W, y, BODY, line);
                }
            }
            Block::Table(t) => {
                l.advance(BODY * 0.8);
                if t.title != doc.title {
                    l.paragraph(MARGIN, BODY, &t.title);
                }
                table(&mut l, t, date);
            }
        }
    }
    l.pages
}

/// Renders a document as PDF bytes, embedding the font in `font_data` (face `index`) and numbering the pages
/// with `page_label` (`{n}`, `{of}`).
pub fn render(
    doc: &Document,
    font_data: Vec<u8>,
    index: u32,
    page_label: &str,
    lang: &str,
    date: &dyn Fn(chrono::NaiveDate) -> String,
) -> Result<Vec<u8>> {
    let font = Font::new(Arc::new(font_data).into(), index).ok_or_else(|| anyhow!("not a TrueType/OpenType font"))?;
    let pages = layout(doc, date);
    let of = pages.len();
    let mut pdf = PdfDocument::new();
    pdf.set_metadata(Metadata::new().title(doc.title.clone()).language(lang.to_string()));
    for (i, ops) in pages.iter().enumerate() {
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| anyhow!("bad page size"))?;
        let mut page = pdf.start_page_with(settings);
        let mut surface = page.surface();
        for op in ops {
            match op {
                Op::Text { x, y, size, text } => {
                    surface.set_stroke(None);
                    surface.set_fill(Some(Fill::default()));
                    surface.draw_text(Point::from_xy(*x, *y), font.clone(), *size, text, false, TextDirection::Auto);
                }
                Op::Rule { x1, x2, y } => {
                    let mut pb = PathBuilder::new();
                    pb.move_to(*x1, *y);
                    pb.line_to(*x2, *y);
                    if let Some(path) = pb.finish() {
                        surface.set_fill(None);
                        surface.set_stroke(Some(Stroke { width: 0.6, ..Default::default() }));
                        surface.draw_path(&path);
                    }
                }
            }
        }
        let label = page_label.replace("{n}", &(i + 1).to_string()).replace("{of}", &of.to_string());
        surface.set_stroke(None);
        surface.set_fill(Some(Fill::default()));
        let x = (PAGE_W - width(&label, SMALL)) / 2.0;
        surface.draw_text(
            Point::from_xy(x, PAGE_H - MARGIN / 2.0),
            font.clone(),
            SMALL,
            &label,
            false,
            TextDirection::Auto,
        );
        surface.finish();
        page.finish();
    }
    pdf.finish().map_err(|e| anyhow!("{e:?}"))
}
