//! `madoguchi export ...`: the annual achievement report (xlsx, CSV), the feedback to a chamber, the documents
//! the desk sends (xlsx, PDF) and the announcements (HTML, CSV).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::Subcommand;

use super::context::Context;
use super::say;
use crate::export::forms::DocumentKind;
use crate::export::report::TableName;
use crate::export::run::{self, Format, Settings, Target};
use crate::store::Store;
use crate::ui::i18n::reports::text;

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

/// Runs `export ...` on `--db`.
pub fn run(ctx: &Context, what: &ExportCommand) -> Result<ExitCode> {
    let t = text(ctx.lang);
    let store = Store::open_existing(&ctx.db_path, &ctx.staff)?;
    let settings =
        Settings { lang: ctx.lang, fy: &ctx.year, today: ctx.today, pdf_font: ctx.config.export.pdf_font.as_deref() };
    let (target, out) = match what {
        ExportCommand::Report { out } => (Target::Report, out),
        ExportCommand::Csv { table, out } => (Target::Csv(*table), out),
        ExportCommand::Feedback { chamber, out, .. } => (Target::Feedback(chamber.clone()), out),
        ExportCommand::Document { kind, id, out } => (Target::Document(*kind, id.clone()), out),
        ExportCommand::Announcements { out } => (Target::Announcements, out),
    };
    let written = |path: &Path| -> Result<()> {
        say!("{}", t.cli.written.replace("{path}", &path.display().to_string()));
        Ok(())
    };
    let mut quiet = |_, _| {};
    match run::export(store.conn(), &settings, &target, out, &mut quiet)? {
        Ok(_) => written(out)?,
        Err(nothing) => {
            eprintln!("madoguchi: {}", run::nothing_message(ctx.lang, &target, &nothing));
            return Ok(ExitCode::FAILURE);
        }
    }
    // `--pdf` also writes the feedback as PDF beside its .xlsx.
    if let ExportCommand::Feedback { pdf: true, .. } = what
        && run::format_of(out, target.formats(), ctx.lang)? == Format::Xlsx
    {
        let pdf_path = out.with_extension("pdf");
        if run::export(store.conn(), &settings, &target, &pdf_path, &mut quiet)?.is_ok() {
            written(&pdf_path)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
