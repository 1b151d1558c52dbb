//! Reading a sheet: the first worksheet of an .xlsx/.xls/.ods (calamine) or a CSV in UTF-8 (with or without
//! BOM) or Shift_JIS (as Excel saves it), as a header row and data rows of text.

use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};

/// A sheet's text: the header row and the data rows (entirely empty rows left out, numbering kept).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    /// The first row.
    pub headers: Vec<String>,
    /// The data rows with their row numbers as the desk sees them in Excel (the header is row 1).
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Why a file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Not a spreadsheet or CSV by its extension.
    Unsupported,
    /// The file could not be opened or parsed.
    Unreadable(String),
}

/// Reads the file at `path` by its extension.
pub fn read(path: &Path) -> Result<Sheet, ReadError> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let grid = match ext.as_str() {
        "csv" | "txt" => {
            let bytes = std::fs::read(path).map_err(|e| ReadError::Unreadable(e.to_string()))?;
            csv_grid(&decode(&bytes))?
        }
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => workbook_grid(path)?,
        _ => return Err(ReadError::Unsupported),
    };
    Ok(to_sheet(grid))
}

/// The text of a CSV file: UTF-8 (a BOM dropped) when it is valid UTF-8, Shift_JIS (CP932) otherwise.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::SHIFT_JIS.decode(bytes).0.into_owned(),
    }
}

fn csv_grid(text: &str) -> Result<Vec<Vec<String>>, ReadError> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.map(|r| r.iter().map(str::to_string).collect()).map_err(|e| ReadError::Unreadable(e.to_string())))
        .collect()
}

fn workbook_grid(path: &Path) -> Result<Vec<Vec<String>>, ReadError> {
    let mut wb = open_workbook_auto(path).map_err(|e| ReadError::Unreadable(e.to_string()))?;
    let range = match wb.worksheet_range_at(0) {
        Some(r) => r.map_err(|e| ReadError::Unreadable(e.to_string()))?,
        None => return Ok(Vec::new()),
    };
    Ok(range.rows().map(|row| row.iter().map(cell_text).collect()).collect())
}

/// A cell as the text the desk typed: whole numbers without `.0`, dates ISO, times of day (a serial value
/// below one day) `HH:MM`.
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) if (0.0..1.0).contains(&dt.as_f64()) => {
            let minutes = (dt.as_f64() * 1440.0).round() as u32;
            format!("{:02}:{:02}", minutes / 60, minutes % 60)
        }
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::Error(e) => format!("#{e:?}"),
    }
}

fn to_sheet(grid: Vec<Vec<String>>) -> Sheet {
    let mut rows = grid.into_iter().enumerate();
    let headers = rows.next().map(|(_, h)| h.into_iter().map(|s| s.trim().to_string()).collect()).unwrap_or_default();
    let rows = rows.filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty())).map(|(i, r)| (i + 1, r)).collect();
    Sheet { headers, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_in_utf8_with_bom_or_shift_jis() {
        assert_eq!(decode(b"\xEF\xBB\xBF\xE4\xBA\x8B,b"), "事,b");
        let sjis = encoding_rs::SHIFT_JIS.encode("事業者名,電話番号\n株式会社やまと茶房,０９６").0;
        assert_eq!(decode(&sjis), "事業者名,電話番号\n株式会社やまと茶房,０９６");
    }

    #[test]
    fn date_and_time_cells_read_as_typed() {
        use calamine::{ExcelDateTime, ExcelDateTimeType};
        let cell = |v| cell_text(&Data::DateTime(ExcelDateTime::new(v, ExcelDateTimeType::DateTime, false)));
        assert_eq!(cell(45826.0), "2025-06-18");
        assert_eq!(cell(0.5625), "13:30");
        // 10:00 is not exact in binary: rounded to the minute, never 09:59.
        assert_eq!(cell(10.0 / 24.0 - 1e-9), "10:00");
        assert_eq!(cell(0.0), "00:00");
    }

    #[test]
    fn rows_keep_their_excel_numbers_and_skip_empty_ones() {
        let sheet = to_sheet(vec![
            vec![" 事業者名 ".into(), "電話番号".into()],
            vec!["a".into(), "1".into()],
            vec!["".into(), " ".into()],
            vec!["b".into(), "2".into()],
        ]);
        assert_eq!(sheet.headers, vec!["事業者名", "電話番号"]);
        assert_eq!(sheet.rows.iter().map(|(n, _)| *n).collect::<Vec<_>>(), vec![2, 4]);
    }
}
