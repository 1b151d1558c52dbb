//! Workbooks (rust_xlsxwriter): the report's cover and tables, and documents as one sheet each, with Japanese
//! headers and column widths that fit Japanese text.

use anyhow::Result;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet};
use unicode_width::UnicodeWidthStr;

use super::document::{Block, Document};
use super::table::{Table, Value};

/// Widest column, in character widths (long summaries wrap instead).
const MAX_WIDTH: usize = 60;

/// The formats of a workbook.
struct Formats {
    title: Format,
    header: Format,
    int: Format,
    yen: Format,
    hours: Format,
    text: Format,
}

impl Formats {
    fn new() -> Formats {
        let font = |f: Format| f.set_font_name("游ゴシック");
        Formats {
            title: font(Format::new().set_bold().set_font_size(14)),
            header: font(
                Format::new()
                    .set_bold()
                    .set_background_color("#DDEBF7")
                    .set_border(rust_xlsxwriter::FormatBorder::Thin)
                    .set_text_wrap(),
            ),
            int: font(Format::new().set_num_format("#,##0").set_border(rust_xlsxwriter::FormatBorder::Thin)),
            yen: font(Format::new().set_num_format("#,##0").set_border(rust_xlsxwriter::FormatBorder::Thin)),
            hours: font(Format::new().set_num_format("#,##0.0").set_border(rust_xlsxwriter::FormatBorder::Thin)),
            text: font(
                Format::new()
                    .set_border(rust_xlsxwriter::FormatBorder::Thin)
                    .set_text_wrap()
                    .set_align(FormatAlign::Top),
            ),
        }
    }
}

/// A workbook: a cover (title, then label/value lines) and one sheet per table.
pub fn report(
    cover_sheet: &str,
    title: &str,
    cover: &[(String, String)],
    tables: &[Table],
    date: &dyn Fn(chrono::NaiveDate) -> String,
) -> Result<Vec<u8>> {
    let f = Formats::new();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name(sheet_name(cover_sheet))?;
    ws.write_string_with_format(0, 0, title, &f.title)?;
    for (i, (k, v)) in cover.iter().enumerate() {
        let row = 2 + i as u32;
        ws.write_string_with_format(row, 0, k, &f.header)?;
        ws.write_string_with_format(row, 1, v, &f.text)?;
    }
    fit(ws, &[cover.iter().map(|(k, _)| k.as_str()).collect(), cover.iter().map(|(_, v)| v.as_str()).collect()])?;
    for table in tables {
        let ws = wb.add_worksheet().set_name(sheet_name(&table.title))?;
        ws.write_string_with_format(0, 0, &table.title, &f.title)?;
        write_table(ws, &f, 2, table, date)?;
        ws.set_freeze_panes(3, 0)?;
    }
    Ok(wb.save_to_buffer()?)
}

/// A workbook holding one document on one sheet, in the document's order.
pub fn document(doc: &Document, date: &dyn Fn(chrono::NaiveDate) -> String) -> Result<Vec<u8>> {
    let f = Formats::new();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name(sheet_name(&doc.title))?;
    let mut row = 0u32;
    let mut first_column: Vec<String> = Vec::new();
    let mut second_column: Vec<String> = Vec::new();
    ws.write_string_with_format(row, 0, &doc.date, &f.text)?;
    row += 1;
    if let Some(to) = &doc.addressee {
        ws.write_string(row, 0, to)?;
        first_column.push(to.clone());
        row += 1;
    }
    for line in &doc.sender {
        ws.write_string(row, 1, line)?;
        row += 1;
    }
    row += 1;
    ws.write_string_with_format(row, 0, &doc.title, &f.title)?;
    row += 2;
    let mut widest_table_columns: Vec<Vec<String>> = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Paragraph(p) | Block::Centered(p) => {
                ws.write_string(row, 0, p)?;
                row += 2;
            }
            Block::Field(k, v) => {
                ws.write_string_with_format(row, 0, k, &f.header)?;
                ws.write_string_with_format(row, 1, v, &f.text)?;
                first_column.push(k.clone());
                second_column.push(v.clone());
                row += 1;
            }
            Block::Table(t) => {
                if t.title != doc.title {
                    ws.write_string_with_format(row, 0, &t.title, &f.title)?;
                    row += 1;
                }
                row += 1;
                write_table(ws, &f, row, t, date)?;
                for (i, col) in columns_text(t, date).into_iter().enumerate() {
                    if widest_table_columns.len() <= i {
                        widest_table_columns.push(Vec::new());
                    }
                    widest_table_columns[i].extend(col);
                }
                row += t.rows.len() as u32 + 2;
            }
        }
    }
    let mut columns = widest_table_columns;
    while columns.len() < 2 {
        columns.push(Vec::new());
    }
    columns[0].extend(first_column);
    columns[1].extend(second_column);
    let as_str: Vec<Vec<&str>> = columns.iter().map(|c| c.iter().map(String::as_str).collect()).collect();
    fit(ws, &as_str)?;
    Ok(wb.save_to_buffer()?)
}

/// Writes a table's header at `row` and its rows below, and fits the columns to the text.
fn write_table(
    ws: &mut Worksheet,
    f: &Formats,
    row: u32,
    t: &Table,
    date: &dyn Fn(chrono::NaiveDate) -> String,
) -> Result<()> {
    for (c, h) in t.header.iter().enumerate() {
        ws.write_string_with_format(row, c as u16, h, &f.header)?;
    }
    for (r, cells) in t.rows.iter().enumerate() {
        let r = row + 1 + r as u32;
        for (c, v) in cells.iter().enumerate() {
            let c = c as u16;
            match v {
                Value::Text(s) => ws.write_string_with_format(r, c, s, &f.text)?,
                Value::Int(n) => ws.write_number_with_format(r, c, *n as f64, &f.int)?,
                Value::Yen(n) => ws.write_number_with_format(r, c, *n as f64, &f.yen)?,
                Value::Hours(h) => ws.write_number_with_format(r, c, (h * 10.0).round() / 10.0, &f.hours)?,
                Value::Date(d) => ws.write_string_with_format(r, c, date(*d), &f.text)?,
                Value::Empty => ws.write_blank(r, c, &f.text)?,
            };
        }
    }
    let cols = columns_text(t, date);
    let as_str: Vec<Vec<&str>> = cols.iter().map(|c| c.iter().map(String::as_str).collect()).collect();
    fit(ws, &as_str)
}

/// The text of each column of a table, header first, as it appears in a cell.
fn columns_text(t: &Table, date: &dyn Fn(chrono::NaiveDate) -> String) -> Vec<Vec<String>> {
    let mut cols: Vec<Vec<String>> = t.header.iter().map(|h| vec![h.clone()]).collect();
    for cells in &t.rows {
        for (c, v) in cells.iter().enumerate() {
            if let Some(col) = cols.get_mut(c) {
                col.push(match v {
                    Value::Text(s) => s.clone(),
                    Value::Int(n) | Value::Yen(n) => format!("{n:>12}"),
                    Value::Hours(h) => format!("{h:>10.1}"),
                    Value::Date(d) => date(*d),
                    Value::Empty => String::new(),
                });
            }
        }
    }
    cols
}

/// Sets each column as wide as its widest text (CJK counted double), within bounds.
fn fit(ws: &mut Worksheet, columns: &[Vec<&str>]) -> Result<()> {
    for (c, texts) in columns.iter().enumerate() {
        let widest = texts.iter().map(|s| s.width()).max().unwrap_or(0);
        ws.set_column_width(c as u16, (widest.clamp(6, MAX_WIDTH) + 2) as f64)?;
    }
    Ok(())
}

/// A valid sheet name: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(title: &str) -> String {
    title.chars().map(|c| if "[]:*?/\\".contains(c) { '・' } else { c }).take(31).collect()
}
