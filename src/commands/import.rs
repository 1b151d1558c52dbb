//! `madoguchi import FILE [--kind K] [--dry-run]`: the desk's Excel/CSV sheets into the database, all rows or
//! none, every rejected row listed with its row, column and reason.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::context::Context;
use crate::import::read::{self, ReadError};
use crate::import::{self, FileProblem, ImportKind};
use crate::store::Store;
use crate::ui::i18n::reports::import as texts;

/// Runs the import (or, with `dry_run`, only the check) of `file` into `--db`.
pub fn run(ctx: &Context, file: &Path, kind: Option<ImportKind>, dry_run: bool) -> Result<ExitCode> {
    let t = texts(ctx.lang);
    let name = file.display().to_string();
    let sheet = match read::read(file) {
        Ok(s) => s,
        Err(ReadError::Unsupported) => bail!("{}", t.unsupported.replace("{file}", &name)),
        Err(ReadError::Unreadable(why)) => bail!("{}", t.unreadable.replace("{file}", &name).replace("{why}", &why)),
    };
    let mut store = Store::open_existing(&ctx.db_path, &ctx.staff)?;
    let plan = match import::plan(store.conn(), &ctx.year, kind, &sheet)? {
        Ok(p) => p,
        Err(FileProblem::UnknownKind) => bail!("{}", t.unknown_kind),
        Err(FileProblem::MissingColumn { column, headers }) => {
            bail!("{}", t.missing_column.replace("{column}", column).replace("{headers}", &headers.join(", ")))
        }
    };
    let kind = plan.kind.name();
    if dry_run {
        println!(
            "{}",
            t.dry_run.replace("{file}", &name).replace("{kind}", kind).replace("{rows}", &plan.rows.to_string())
        );
        println!(
            "{}",
            t.would_add.replace("{new}", &plan.new.len().to_string()).replace("{skipped}", &plan.skipped.to_string())
        );
    }
    if !plan.issues.is_empty() {
        let rows = {
            let mut rows: Vec<usize> = plan.issues.iter().map(|i| i.row).collect();
            rows.dedup();
            rows.len()
        };
        println!("{}", t.rejected_rows.replace("{n}", &rows.to_string()));
        for issue in &plan.issues {
            println!(
                "{}",
                t.row_issue
                    .replace("{row}", &issue.row.to_string())
                    .replace("{column}", &issue.column)
                    .replace("{problem}", &issue.problem.describe(ctx.lang))
            );
        }
        if !dry_run {
            eprintln!("madoguchi: {}", t.refused.replace("{n}", &rows.to_string()));
        }
        return Ok(ExitCode::FAILURE);
    }
    if dry_run {
        return Ok(ExitCode::SUCCESS);
    }
    // Nothing new (a file imported again) writes no empty action into the history.
    let added = if plan.new.is_empty() { 0 } else { import::apply(&mut store, &plan)? };
    println!(
        "{}",
        t.imported
            .replace("{file}", &name)
            .replace("{kind}", kind)
            .replace("{new}", &added.to_string())
            .replace("{skipped}", &plan.skipped.to_string())
    );
    Ok(ExitCode::SUCCESS)
}
