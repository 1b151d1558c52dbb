//! `madoguchi import FILE [--kind K] [--dry-run]`: the desk's Excel/CSV sheets into the database, all rows or
//! none, every rejected row listed with its row, column and reason.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::context::Context;
use super::say;
use crate::import::{self, ImportKind, summary};
use crate::store::Store;
use crate::ui::i18n::reports::import as texts;

/// Runs the import (or, with `dry_run`, only the check) of `file` into `--db`.
pub fn run(ctx: &Context, file: &Path, kind: Option<ImportKind>, dry_run: bool) -> Result<ExitCode> {
    let t = texts(ctx.lang);
    let mut store = Store::open_existing(&ctx.db_path, &ctx.staff)?;
    let plan = match summary::check_file(store.conn(), &ctx.year, file, kind, ctx.lang)? {
        Ok(p) => p,
        Err(message) => bail!("{message}"),
    };
    let rejected = !plan.issues.is_empty();
    let mut lines = if dry_run { summary::dry_run_lines(ctx.lang, file, &plan, false) } else { Vec::new() };
    lines.extend(summary::issue_lines(ctx.lang, &plan));
    // A reader gone away (`| head -1`) ends the listing, not the verdict: rejected rows still exit with 1.
    match print(&lines) {
        Err(e) if !rejected || !super::is_broken_pipe(&e) => return Err(e),
        _ => {}
    }
    if rejected {
        if !dry_run {
            eprintln!("madoguchi: {}", t.refused.replace("{n}", &summary::rejected_rows(&plan).to_string()));
        }
        return Ok(ExitCode::FAILURE);
    }
    if dry_run {
        return Ok(ExitCode::SUCCESS);
    }
    // Nothing new (a file imported again) writes no empty action into the history.
    let added = if plan.new.is_empty() { 0 } else { import::apply(&mut store, &ctx.year, &plan)? };
    say!("{}", summary::imported_line(ctx.lang, file, &plan, added));
    Ok(ExitCode::SUCCESS)
}

/// Writes lines to stdout; a closed pipe is an error the caller may take as the end of the output.
fn print(lines: &[String]) -> Result<()> {
    for line in lines {
        say!("{line}");
    }
    Ok(())
}
