//! `madoguchi export ...`: the annual achievement report (xlsx, CSV), the feedback to a chamber, the documents
//! the desk sends (xlsx, PDF) and the announcements (HTML, CSV).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, anyhow, bail};
use clap::Subcommand;

use super::context::Context;
use crate::domain::wareki::{format_fiscal_year, format_long};
use crate::export::document::Document;
use crate::export::forms::{self, DocumentKind, Missing};
use crate::export::report::{self, TableName};
use crate::export::{announcements, feedback, file, font, html, pdf, xlsx};
use crate::store::Store;
use crate::store::reports::lists;
use crate::ui::i18n::Lang;
use crate::ui::i18n::reports::{ReportsText, text};

/// What `export` writes.
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// The annual achievement report (実績報告) of the fiscal year (--year, default the current one) as .xlsx:
    /// a cover sheet and one sheet per table.
    #[command(after_help = "Exit status: 0 written; 2 error.")]
    Report {
        /// Output file (.xlsx; replaced if it exists).
        #[arg(long, value_name = "FILE.xlsx")]
        out: PathBuf,
    },
    /// One table of the report as CSV (UTF-8 with BOM, for Excel).
    #[command(after_help = "Exit status: 0 written; 2 error (an unknown --table lists the valid names).")]
    Csv {
        /// The table.
        #[arg(long, value_enum)]
        table: TableName,
        /// Output file (replaced if it exists).
        #[arg(long, value_name = "FILE.csv")]
        out: PathBuf,
    },
    /// The feedback to a chamber (R-D4): each dispatch with its support report summary and feedback date.
    #[command(after_help = "Exit status: 0 written; 1 no chamber of that name; 2 error (e.g. no Japanese font for \
        the PDF: install fonts-ipaexfont or set [export] pdf_font).")]
    Feedback {
        /// The chamber (商工会 or 商工会議所) as registered, e.g. 山都町商工会.
        #[arg(long)]
        chamber: String,
        /// Output file: .xlsx or .pdf.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Also write a PDF beside an .xlsx (same name, .pdf).
        #[arg(long)]
        pdf: bool,
    },
    /// A document the desk sends, as .xlsx or .pdf (by the output's extension).
    #[command(after_help = "KIND and ID: notice R7-0012 (decision notice to the chamber), request R7-0012 \
        (依頼書 to the expert), form4 17 (a Form 4 claim by number), payments 2025 (the year's payment list).\n\
        Exit status: 0 written; 1 nothing to make it from (unknown id, undecided application); 2 error.")]
    Document {
        /// Which document.
        #[arg(value_enum)]
        kind: DocumentKind,
        /// Application number, claim number or fiscal year (see below).
        id: String,
        /// Output file: .xlsx or .pdf.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// The upcoming seminars and consultation days (R-S9) as an HTML fragment (.html) or CSV (.csv).
    #[command(after_help = "Events approved or announced, from --today (default: today) on.\n\
        Exit status: 0 written; 2 error.")]
    Announcements {
        /// Output file: .html or .csv.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

/// The formats an output's extension asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Xlsx,
    Pdf,
    Csv,
    Html,
}

fn format_of(path: &Path, allowed: &[Format], t: &ReportsText) -> Result<Format> {
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
            let expected: Vec<&str> = allowed
                .iter()
                .map(|f| match f {
                    Format::Xlsx => ".xlsx",
                    Format::Pdf => ".pdf",
                    Format::Csv => ".csv",
                    Format::Html => ".html",
                })
                .collect();
            bail!(
                "{}",
                t.cli
                    .bad_extension
                    .replace("{path}", &path.display().to_string())
                    .replace("{expected}", &expected.join(" / "))
            )
        }
    }
}

/// Runs `export ...` on `--db`.
pub fn run(ctx: &Context, what: &ExportCommand) -> Result<ExitCode> {
    let t = text(ctx.lang);
    let store = Store::open_existing(&ctx.db_path, &ctx.staff)?;
    let conn = store.conn();
    let date = |d| (t.date)(d);
    let written = |path: &Path| println!("{}", t.cli.written.replace("{path}", &path.display().to_string()));
    match what {
        ExportCommand::Report { out } => {
            format_of(out, &[Format::Xlsx], t)?;
            let tables = TableName::ALL
                .iter()
                .map(|n| report::build(conn, ctx.lang, &ctx.year, *n))
                .collect::<Result<Vec<_>>>()?;
            let year = format_fiscal_year(ctx.year.year);
            let (start, end) = ctx.year.bounds();
            let contents: Vec<&str> = tables.iter().map(|t| t.title.as_str()).collect();
            let cover = vec![
                (t.cover_labels[0].to_string(), t.desk.to_string()),
                (t.cover_labels[1].to_string(), format!("{year} ({start} 〜 {end})")),
                (t.cover_labels[2].to_string(), format!("{} ({})", ctx.today, format_long(ctx.today))),
                (t.cover_labels[3].to_string(), t.federation.to_string()),
                (t.cover_labels[4].to_string(), contents.join("、")),
            ];
            let title = t.report_title.replace("{year}", &year);
            let bytes = xlsx::report(t.cover_sheet, &title, &cover, &tables, &date)?;
            file::write_private(out, &bytes)?;
            written(out);
        }
        ExportCommand::Csv { table, out } => {
            let table = report::build(conn, ctx.lang, &ctx.year, *table)?;
            file::write_with(out, |f| crate::export::csv::write_table(std::io::BufWriter::new(f), &table))?;
            written(out);
        }
        ExportCommand::Feedback { chamber, out, pdf: also_pdf } => {
            let format = format_of(out, &[Format::Xlsx, Format::Pdf], t)?;
            let Some((id, name)) = lists::find_chamber(conn, chamber)? else {
                eprintln!("madoguchi: {}", t.cli.unknown_chamber.replace("{name}", chamber));
                return Ok(ExitCode::FAILURE);
            };
            let doc = feedback::build(conn, ctx.lang, &ctx.year, id, &name, ctx.today)?;
            write_document(ctx, &doc, out, format)?;
            written(out);
            if *also_pdf && format == Format::Xlsx {
                let pdf_path = out.with_extension("pdf");
                write_document(ctx, &doc, &pdf_path, Format::Pdf)?;
                written(&pdf_path);
            }
        }
        ExportCommand::Document { kind, id, out } => {
            let format = format_of(out, &[Format::Xlsx, Format::Pdf], t)?;
            match forms::build(conn, ctx.lang, &ctx.year, *kind, id, ctx.today)? {
                Ok(doc) => {
                    write_document(ctx, &doc, out, format)?;
                    written(out);
                }
                Err(missing) => {
                    eprintln!("madoguchi: {}", missing_message(ctx.lang, *kind, id, &missing));
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
        ExportCommand::Announcements { out } => {
            let format = format_of(out, &[Format::Html, Format::Csv], t)?;
            let table = announcements::build(conn, ctx.lang, &ctx.year, ctx.today)?;
            if format == Format::Html {
                file::write_private(out, html::fragment(&table, t.none_upcoming).as_bytes())?;
            } else {
                file::write_with(out, |f| crate::export::csv::write_table(std::io::BufWriter::new(f), &table))?;
            }
            written(out);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes a document as .xlsx or as PDF with the Japanese font.
fn write_document(ctx: &Context, doc: &Document, out: &Path, format: Format) -> Result<()> {
    let t = text(ctx.lang);
    let date = |d| (t.date)(d);
    let bytes = if format == Format::Pdf {
        let found = font::find(ctx.config.export.pdf_font.as_deref())
            .map_err(|tried| anyhow!("{}", t.cli.font_missing.replace("{tried}", &tried)))?;
        let unusable = |why: String| {
            anyhow!(
                "{}",
                t.cli.font_unusable.replace("{path}", &found.path.display().to_string()).replace("{why}", &why)
            )
        };
        let data = std::fs::read(&found.path).map_err(|e| unusable(e.to_string()))?;
        let lang = if ctx.lang == Lang::Ja { "ja" } else { "en" };
        pdf::render(doc, data, found.index, t.doc.page, lang, &date).map_err(|e| unusable(e.to_string()))?
    } else {
        xlsx::document(doc, &date)?
    };
    file::write_private(out, &bytes)
}

/// Why a document could not be made, worded.
fn missing_message(lang: Lang, kind: DocumentKind, id: &str, missing: &Missing) -> String {
    let t = text(lang);
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
