//! An import as both the `import` command and the console's popup word it: the file read and checked (a
//! whole-file problem worded), the dry run's lines, the result's line.

use std::path::Path;

use anyhow::Result;
use rusqlite::Connection;

use super::read::{self, ReadError};
use super::{FileProblem, ImportKind, Plan};
use crate::domain::fiscal_year::FiscalYear;
use crate::ui::i18n::Lang;
use crate::ui::i18n::reports::import as texts;

/// Reads `file` and checks every row; `Ok(Err(message))` when the whole file cannot be imported.
pub fn check_file(
    conn: &Connection,
    fy: &FiscalYear,
    file: &Path,
    kind: Option<ImportKind>,
    lang: Lang,
) -> Result<std::result::Result<Plan, String>> {
    let t = texts(lang);
    let name = file.display().to_string();
    let sheet = match read::read(file) {
        Ok(s) => s,
        Err(ReadError::Unsupported) => return Ok(Err(t.unsupported.replace("{file}", &name))),
        Err(ReadError::Unreadable(why)) => {
            return Ok(Err(t.unreadable.replace("{file}", &name).replace("{why}", &why)));
        }
    };
    Ok(match super::plan(conn, fy, kind, &sheet)? {
        Ok(p) => Ok(p),
        Err(FileProblem::UnknownKind) => Err(t.unknown_kind.to_string()),
        Err(FileProblem::MissingColumn { column, headers }) => {
            Err(t.missing_column.replace("{column}", column).replace("{headers}", &headers.join(", ")))
        }
    })
}

/// The rows a plan rejects (each row once).
pub fn rejected_rows(plan: &Plan) -> usize {
    let mut rows: Vec<usize> = plan.issues.iter().map(|i| i.row).collect();
    rows.dedup();
    rows.len()
}

/// The check's heading and what would be added: for `--dry-run` on the command line, or for the console's
/// import popup (`console`).
pub fn dry_run_lines(lang: Lang, file: &Path, plan: &Plan, console: bool) -> Vec<String> {
    let t = texts(lang);
    vec![
        (if console { t.checked } else { t.dry_run })
            .replace("{file}", &file.display().to_string())
            .replace("{kind}", crate::ui::i18n::import_kind(lang, plan.kind.name()))
            .replace("{rows}", &plan.rows.to_string()),
        t.would_add.replace("{new}", &plan.new.len().to_string()).replace("{skipped}", &plan.skipped.to_string()),
    ]
}

/// The rejected rows: a heading, then each problem with its row, column and rule id or parse error.
pub fn issue_lines(lang: Lang, plan: &Plan) -> Vec<String> {
    let t = texts(lang);
    if plan.issues.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![t.rejected_rows.replace("{n}", &rejected_rows(plan).to_string())];
    lines.extend(plan.issues.iter().map(|issue| {
        t.row_issue
            .replace("{row}", &issue.row.to_string())
            .replace("{column}", &issue.column)
            .replace("{problem}", &issue.problem.describe(lang))
    }));
    lines
}

/// The line after an import.
pub fn imported_line(lang: Lang, file: &Path, plan: &Plan, added: usize) -> String {
    texts(lang)
        .imported
        .replace("{file}", &file.display().to_string())
        .replace("{kind}", crate::ui::i18n::import_kind(lang, plan.kind.name()))
        .replace("{new}", &added.to_string())
        .replace("{skipped}", &plan.skipped.to_string())
}
