//! The export/import popup (`X`): a form choosing what to export (or which file to import) and where, then a
//! progress bar while the worker runs it, then the path written — or, for an import, the dry run's findings
//! first and the import itself only after Enter confirms it.

use std::path::PathBuf;

use clap::ValueEnum;

use super::{Load, Reply};
use crate::app::form::{Field, Form, FormEvent};
use crate::app::keymap::{Command, Key};
use crate::app::{Effect, Session};
use crate::export::forms::DocumentKind;
use crate::export::report::TableName;
use crate::export::run::Target;
use crate::ui::i18n::reports::{console, text};

/// What the popup shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    /// The choices.
    Choose,
    /// The worker is at it: `done` of `total` steps.
    Running {
        /// Steps done.
        done: usize,
        /// Steps in all.
        total: usize,
    },
    /// A dry run's findings; Enter imports when `importable`.
    Checked {
        /// Summary and rejected rows.
        lines: Vec<String>,
        /// Whether Enter imports.
        importable: bool,
        /// Lines scrolled.
        scroll: usize,
    },
    /// Finished: what was written or imported, or why not.
    Done {
        /// The message.
        lines: Vec<String>,
        /// How it ended.
        ended: Ended,
    },
}

/// How an export or an import ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// A file was written (its path follows).
    Written,
    /// The rows were imported (the summary follows).
    Imported,
    /// It failed (why follows).
    Failed,
}

/// The popup's state.
#[derive(Debug, Clone)]
pub struct Transfer {
    /// The choices.
    pub form: Form,
    /// Where it is.
    pub stage: Stage,
    /// The path the form proposed last (replaced when the choice changes, unless typed over).
    proposed: String,
    /// The file being imported.
    import: Option<PathBuf>,
}

/// What the record under the cursor lets the popup fill in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prefill {
    /// The chamber of the selected application.
    pub chamber: Option<String>,
    /// A document for the selected record (a notice for an application, Form 4 for a claim).
    pub document: Option<(DocumentKind, String)>,
}

/// The choices of the first field, by code.
const WHAT: [&str; 6] = ["report", "csv", "feedback", "document", "announcements", "import"];
/// The document kinds, in the order of the catalogue's labels.
const DOCUMENTS: [DocumentKind; 4] =
    [DocumentKind::Notice, DocumentKind::Request, DocumentKind::Form4, DocumentKind::Payments];

/// The command-line name of a clap value (`dispatches-by-theme`, `form4`).
fn value_name(v: &impl ValueEnum) -> String {
    v.to_possible_value().map(|p| p.get_name().to_string()).unwrap_or_default()
}

impl Transfer {
    /// Opens the popup for the session, filled in from the selected record.
    pub fn open(s: &Session, prefill: Prefill) -> Transfer {
        let t = console(s.lang);
        let r = text(s.lang);
        let what = WHAT.iter().zip(t.what).map(|(c, l)| (c.to_string(), l.to_string())).collect();
        let tables = TableName::ALL.iter().zip(r.tables).map(|(n, l)| (value_name(n), l.to_string())).collect();
        let documents = DOCUMENTS.iter().zip(t.documents).map(|(k, l)| (value_name(k), l.to_string())).collect();
        let (kind, id) = prefill.document.unwrap_or((DocumentKind::Payments, s.fy.year.to_string()));
        let kind_index = DOCUMENTS.iter().position(|k| *k == kind).unwrap_or(0);
        let form = Form::new(
            &format!("{} — {}", t.title, t.run_hint),
            vec![
                Field::choice("what", t.labels[0], what, 0),
                Field::choice("table", t.labels[1], tables, 0).hidden(),
                Field::text("chamber", t.labels[2], prefill.chamber.as_deref().unwrap_or("")).hidden(),
                Field::choice("document", t.labels[3], documents, kind_index).hidden(),
                Field::text("id", t.labels[4], &id).hidden(),
                Field::text("path", t.labels[5], ""),
            ],
        );
        let mut popup = Transfer { form, stage: Stage::Choose, proposed: String::new(), import: None };
        popup.refresh(s);
        popup
    }

    /// Shows the fields the choice needs and proposes a file name for it (unless one was typed).
    fn refresh(&mut self, s: &Session) {
        let what = self.form.choice("what").unwrap_or("report").to_string();
        for (key, shown) in [
            ("table", what == "csv"),
            ("chamber", what == "feedback"),
            ("document", what == "document"),
            ("id", what == "document"),
        ] {
            if let Some(f) = self.form.field_mut(key) {
                f.hidden = !shown;
            }
        }
        let year = s.fy.year;
        let proposed = match what.as_str() {
            "report" => format!("report-{year}.xlsx"),
            "csv" => format!("{}-{year}.csv", self.form.choice("table").unwrap_or("table")),
            "feedback" => format!("feedback-{year}.xlsx"),
            "document" => {
                format!("{}-{}.xlsx", self.form.choice("document").unwrap_or("document"), self.form.text("id"))
            }
            "announcements" => "announcements.html".to_string(),
            _ => String::new(),
        };
        if self.form.text("path") == self.proposed
            && let Some(f) = self.form.field_mut("path")
        {
            f.input = crate::app::input::LineInput::new(&proposed);
        }
        self.proposed = proposed;
    }

    /// The target the form describes (None: an import).
    fn target(&self) -> Option<Target> {
        let table = TableName::from_str(self.form.choice("table").unwrap_or(""), true).ok();
        let kind = DocumentKind::from_str(self.form.choice("document").unwrap_or(""), true).ok();
        Some(match self.form.choice("what")? {
            "report" => Target::Report,
            "csv" => Target::Csv(table?),
            "feedback" => Target::Feedback(self.form.text("chamber")),
            "document" => Target::Document(kind?, self.form.text("id")),
            "announcements" => Target::Announcements,
            _ => return None,
        })
    }

    /// The keys in force (the form's while choosing); `true` when the popup is to close.
    pub fn key(
        &mut self,
        cmd: Option<Command>,
        key: Key,
        s: &Session,
        pdf_font: Option<PathBuf>,
    ) -> (bool, Vec<Effect>) {
        let t = console(s.lang);
        match &mut self.stage {
            Stage::Choose => match self.form.handle(cmd, key) {
                FormEvent::Cancel => (true, Vec::new()),
                FormEvent::Save => {
                    self.form.clear_errors();
                    let path = self.form.text("path");
                    if path.is_empty() {
                        self.form.set_error("path", t.path_required.to_string());
                        return (false, Vec::new());
                    }
                    let load = match self.target() {
                        Some(Target::Feedback(c)) if c.is_empty() => {
                            self.form.set_error("chamber", t.chamber_required.to_string());
                            return (false, Vec::new());
                        }
                        Some(target) => Load::Export { target, out: PathBuf::from(&path), pdf_font },
                        None => {
                            self.import = Some(PathBuf::from(&path));
                            Load::ImportCheck { path: PathBuf::from(&path) }
                        }
                    };
                    self.stage = Stage::Running { done: 0, total: 1 };
                    (false, vec![Effect::Reports(load)])
                }
                _ => {
                    self.refresh(s);
                    (false, Vec::new())
                }
            },
            Stage::Running { .. } => (false, Vec::new()),
            Stage::Checked { importable, scroll, lines } => match cmd {
                Some(Command::Open) if *importable => {
                    let path = self.import.clone().unwrap_or_default();
                    self.stage = Stage::Running { done: 0, total: 1 };
                    (false, vec![Effect::Reports(Load::ImportApply { path })])
                }
                Some(Command::Up) => {
                    *scroll = scroll.saturating_sub(1);
                    (false, Vec::new())
                }
                Some(Command::Down) => {
                    *scroll = (*scroll + 1).min(lines.len().saturating_sub(1));
                    (false, Vec::new())
                }
                Some(Command::Back | Command::Open) => {
                    self.stage = Stage::Choose;
                    (false, Vec::new())
                }
                _ => (false, Vec::new()),
            },
            Stage::Done { .. } => (matches!(cmd, Some(Command::Back | Command::Open)), Vec::new()),
        }
    }

    /// Takes progress and results of the worker.
    pub fn reply(&mut self, reply: Reply) -> Vec<Effect> {
        match reply {
            Reply::Progress { done, total } => {
                if let Stage::Running { done: d, total: t } = &mut self.stage {
                    (*d, *t) = (done, total.max(1));
                }
            }
            Reply::Exported(Ok(path)) => {
                self.stage = Stage::Done { lines: vec![path.display().to_string()], ended: Ended::Written };
            }
            Reply::Exported(Err(why)) | Reply::Imported(Err(why)) => {
                self.stage = Stage::Done { lines: why.lines().map(String::from).collect(), ended: Ended::Failed };
            }
            Reply::Imported(Ok(summary)) => {
                self.stage = Stage::Done { lines: vec![summary], ended: Ended::Imported };
            }
            Reply::Checked { lines, importable } => self.stage = Stage::Checked { lines, importable, scroll: 0 },
            Reply::Counts { .. } | Reply::Records { .. } | Reply::Located { .. } => {}
        }
        Vec::new()
    }

    /// Whether the popup is at its form (its keys are the form's).
    pub fn choosing(&self) -> bool {
        self.stage == Stage::Choose
    }
}
