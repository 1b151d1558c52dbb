//! `madoguchi import FILE [--kind K] [--dry-run]`: the desk's Excel/CSV sheets into the database, all rows or
//! none, every rejected row listed with its row, column and reason.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::context::Context;
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
    if dry_run {
        for line in summary::dry_run_lines(ctx.lang, file, &plan) {
            println!("{line}");
        }
    }
    if !plan.issues.is_empty() {
        for line in summary::issue_lines(ctx.lang, &plan) {
            println!("{line}");
        }
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
    println!("{}", summary::imported_line(ctx.lang, file, &plan, added));
    Ok(ExitCode::SUCCESS)
}
