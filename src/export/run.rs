//! One export as both the `export` command and the console's popup run it: build the file's contents, write it
//! (mode 0600, never half a file) and report progress along the way.

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};
use chrono::NaiveDate;
use rusqlite::Connection;

use super::document::Document;
use super::forms::{self, DocumentKind, Missing};
use super::report::{self, TableName};
use super::{announcements, feedback, file, font, html, pdf, xlsx};
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::wareki::{format_fiscal_year, format_long};
use crate::store::reports::lists;
use crate::ui::i18n::Lang;
use crate::ui::i18n::reports::text;

/// What to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The annual achievement report (.xlsx).
    Report,
    /// One table of the report (CSV, UTF-8 with BOM).
    Csv(TableName),
    /// The feedback to a chamber (R-D4), by the chamber's name (.xlsx or .pdf).
    Feedback(String),
    /// A document the desk sends, by its id (.xlsx or .pdf).
    Document(DocumentKind, String),
    /// The upcoming events (R-S9) as an HTML fragment or CSV.
    Announcements,
}

/// The facts an export needs besides the database.
#[derive(Debug, Clone)]
pub struct Settings<'a> {
    /// Language of the texts.
    pub lang: Lang,
    /// The fiscal year exported.
    pub fy: &'a FiscalYear,
    /// The date made (and the first day of the announcements).
    pub today: NaiveDate,
    /// The configured PDF font (`[export] pdf_font`), if any.
    pub pdf_font: Option<&'a Path>,
}

/// Why there is nothing to export (worded by the caller).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Nothing {
    /// No chamber of that name.
    UnknownChamber(String),
    /// No record to make the document from.
    Missing(Missing),
}

/// The formats an output's extension asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Excel workbook.
    Xlsx,
    /// PDF with the Japanese font embedded.
    Pdf,
    /// CSV, UTF-8 with BOM.
    Csv,
    /// HTML fragment.
    Html,
}

impl Target {
    /// The formats this target can be written as, the first one the default.
    pub fn formats(&self) -> &'static [Format] {
        match self {
            Target::Report => &[Format::Xlsx],
            Target::Csv(_) => &[Format::Csv],
            Target::Feedback(_) | Target::Document(..) => &[Format::Xlsx, Format::Pdf],
            Target::Announcements => &[Format::Html, Format::Csv],
        }
    }
}

/// The format of `path` among `allowed`, or an error naming the extensions allowed.
pub fn format_of(path: &Path, allowed: &[Format], lang: Lang) -> Result<Format> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let found = match ext.as_str() {
        "xlsx" => Some(Format::Xlsx),
        "pdf" => Some(Format::Pdf),
        "csv" => Some(Format::Csv),
        "html" | "htm" => Some(Format::Html),
        _ => None,
    };
    match found.filter(|f| allowed.contains(f)) {
        Some(f) => Ok(f),
        None => {
            let expected: Vec<&str> = allowed.iter().map(|f| extension(*f)).collect();
            bail!(
                "{}",
                text(lang)
                    .cli
                    .bad_extension
                    .replace("{path}", &path.display().to_string())
                    .replace("{expected}", &expected.join(" / "))
            )
        }
    }
}

/// The file extension of a format, with its dot.
pub fn extension(f: Format) -> &'static str {
    match f {
        Format::Xlsx => ".xlsx",
        Format::Pdf => ".pdf",
        Format::Csv => ".csv",
        Format::Html => ".html",
    }
}

/// Writes `target` to `out` (its format told by the extension), calling `progress(done, total)` as the work
/// advances; `Ok(Err(..))` when there is nothing to export.
pub fn export(
    conn: &Connection,
    s: &Settings,
    target: &Target,
    out: &Path,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<std::result::Result<PathBuf, Nothing>> {
    let t = text(s.lang);
    let format = format_of(out, target.formats(), s.lang)?;
    match target {
        Target::Report => {
            let total = TableName::ALL.len() + 1;
            let mut tables = Vec::with_capacity(TableName::ALL.len());
            for (i, n) in TableName::ALL.iter().enumerate() {
                progress(i, total);
                tables.push(report::build(conn, s.lang, s.fy, *n)?);
            }
            progress(total - 1, total);
            let year = format_fiscal_year(s.fy.year);
            let (start, end) = s.fy.bounds();
            let contents: Vec<&str> = tables.iter().map(|t| t.title.as_str()).collect();
            let cover = vec![
                (t.cover_labels[0].to_string(), t.desk.to_string()),
                (t.cover_labels[1].to_string(), format!("{year} ({start} 〜 {end})")),
                (t.cover_labels[2].to_string(), format!("{} ({})", s.today, format_long(s.today))),
                (t.cover_labels[3].to_string(), t.federation.to_string()),
                (t.cover_labels[4].to_string(), contents.join("、")),
            ];
            let title = t.report_title.replace("{year}", &year);
            let bytes = xlsx::report(t.cover_sheet, &title, &cover, &tables, &|d| (t.date)(d))?;
            file::write_private(out, &bytes)?;
        }
        Target::Csv(name) => {
            progress(0, 2);
            let table = report::build(conn, s.lang, s.fy, *name)?;
            progress(1, 2);
            file::write_with(out, |f| super::csv::write_table(std::io::BufWriter::new(f), &table))?;
        }
        Target::Feedback(chamber) => {
            progress(0, 2);
            let Some((id, name)) = lists::find_chamber(conn, chamber)? else {
                return Ok(Err(Nothing::UnknownChamber(chamber.clone())));
            };
            let doc = feedback::build(conn, s.lang, s.fy, id, &name, s.today)?;
            progress(1, 2);
            write_document(s, &doc, out, format)?;
        }
        Target::Document(kind, id) => {
            progress(0, 2);
            let doc = match forms::build(conn, s.lang, s.fy, *kind, id, s.today)? {
                Ok(doc) => doc,
                Err(missing) => return Ok(Err(Nothing::Missing(missing))),
            };
            progress(1, 2);
            write_document(s, &doc, out, format)?;
        }
        Target::Announcements => {
            progress(0, 2);
            let table = announcements::build(conn, s.lang, s.fy, s.today)?;
            progress(1, 2);
            if format == Format::Html {
                file::write_private(out, html::fragment(&table, t.none_upcoming).as_bytes())?;
            } else {
                file::write_with(out, |f| super::csv::write_table(std::io::BufWriter::new(f), &table))?;
            }
        }
    }
    Ok(Ok(std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf())))
}

/// Writes a document as .xlsx or as PDF with the Japanese font.
pub fn write_document(s: &Settings, doc: &Document, out: &Path, format: Format) -> Result<()> {
    let t = text(s.lang);
    let date = |d| (t.date)(d);
    let bytes = if format == Format::Pdf {
        let found =
            font::find(s.pdf_font).map_err(|tried| anyhow!("{}", t.cli.font_missing.replace("{tried}", &tried)))?;
        let unusable = |why: String| {
            anyhow!(
                "{}",
                t.cli.font_unusable.replace("{path}", &found.path.display().to_string()).replace("{why}", &why)
            )
        };
        let data = std::fs::read(&found.path).map_err(|e| unusable(e.to_string()))?;
        let lang = if s.lang == Lang::Ja { "ja" } else { "en" };
        pdf::render(doc, data, found.index, t.doc.page, lang, &date).map_err(|e| unusable(e.to_string()))?
    } else {
        xlsx::document(doc, &date)?
    };
    file::write_private(out, &bytes)
}

/// Why nothing was exported, worded.
pub fn nothing_message(lang: Lang, target: &Target, nothing: &Nothing) -> String {
    let t = text(lang);
    match nothing {
        Nothing::UnknownChamber(name) => t.cli.unknown_chamber.replace("{name}", name),
        Nothing::Missing(missing) => {
            let (kind, id) = match target {
                Target::Document(kind, id) => (*kind, id.as_str()),
                _ => (DocumentKind::Payments, ""),
            };
            match missing {
                Missing::BadId => {
                    let kind = format!("{kind:?}").to_lowercase();
                    t.cli.bad_id.replace("{id}", id).replace("{kind}", &kind)
                }
                Missing::Dispatch(n) => t.cli.unknown_dispatch.replace("{id}", &n.to_string()),
                Missing::Claim(n) => t.cli.unknown_claim.replace("{id}", &n.to_string()),
                Missing::Undecided(n, status) => t
                    .cli
                    .undecided
                    .replace("{number}", &n.to_string())
                    .replace("{status}", crate::ui::i18n::label::dispatch_status(lang, *status)),
            }
        }
    }
}
