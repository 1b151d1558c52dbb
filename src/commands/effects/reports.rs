//! Runs the reports' work on the worker: exports and imports with progress, and the frequency counts.

use anyhow::Result;

use crate::app::{Action, Session};
use crate::export::run::{self, Settings};
use crate::import::{self, summary};
use crate::screens::reports::freq::RECORDS_LIMIT;
use crate::screens::reports::{Load, Reply};
use crate::store::Store;
use crate::store::reports::freq;
use crate::ui::i18n;

/// Runs one piece of work, posting progress through `progress` on the way; the answer is always a
/// [`Reply`] (a failure worded inside it), so the popup never waits for an answer that does not come.
pub fn load(store: &mut Store, s: &Session, load: Load, progress: &mut dyn FnMut(Action)) -> Result<Action> {
    let lang = s.lang;
    let fy = s.fy.year;
    let step =
        |progress: &mut dyn FnMut(Action), done, total| progress(Action::Reports(Reply::Progress { done, total }));
    Ok(Action::Reports(match load {
        Load::Export { target, out, pdf_font } => {
            let settings = Settings { lang, fy: &s.fy, today: s.today, pdf_font: pdf_font.as_deref() };
            let mut report = |done, total| step(progress, done, total);
            Reply::Exported(match run::export(store.conn(), &settings, &target, &out, &mut report) {
                Ok(Ok(path)) => Ok(path),
                Ok(Err(nothing)) => Err(run::nothing_message(lang, &target, &nothing)),
                Err(e) => Err(i18n::error(lang, &e)),
            })
        }
        Load::ImportCheck { path } => {
            step(progress, 0, 2);
            match summary::check_file(store.conn(), &s.fy, &path, None, lang) {
                Ok(Ok(plan)) => {
                    let mut lines = summary::dry_run_lines(lang, &path, &plan, true);
                    lines.extend(summary::issue_lines(lang, &plan));
                    Reply::Checked { lines, importable: plan.issues.is_empty() && !plan.new.is_empty() }
                }
                Ok(Err(message)) => Reply::Checked { lines: vec![message], importable: false },
                Err(e) => Reply::Checked { lines: vec![i18n::error(lang, &e)], importable: false },
            }
        }
        Load::ImportApply { path } => {
            step(progress, 0, 2);
            // Checked again: the file or the database may have changed since the dry run.
            let outcome = summary::check_file(store.conn(), &s.fy, &path, None, lang).and_then(|plan| match plan {
                Ok(plan) if plan.issues.is_empty() => {
                    step(progress, 1, 2);
                    let added = if plan.new.is_empty() { 0 } else { import::apply(store, &s.fy, &plan)? };
                    Ok(Ok(summary::imported_line(lang, &path, &plan, added)))
                }
                Ok(plan) => Ok(Err(summary::issue_lines(lang, &plan).join("\n"))),
                Err(message) => Ok(Err(message)),
            });
            Reply::Imported(outcome.unwrap_or_else(|e| Err(i18n::error(lang, &e))))
        }
        Load::Counts { generation, listing, rows, cols } => {
            Reply::Counts { generation, cells: freq::counts(store.conn(), &listing, fy, rows, cols)? }
        }
        Load::Records { generation, listing, rows, cols } => {
            let records = freq::records(
                store.conn(),
                &listing,
                fy,
                (rows.0, rows.1.as_deref()),
                cols.as_ref().map(|(f, k)| (*f, k.as_deref())),
                RECORDS_LIMIT,
            )?;
            Reply::Records { generation, records }
        }
        Load::Locate { filter, dispatch_id } => {
            let position = freq::queue_position(store.conn(), fy, &filter, dispatch_id)?;
            Reply::Located { filter, dispatch_id, position }
        }
    }))
}
