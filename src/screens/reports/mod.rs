//! The reports' overlays, reachable from every tab: the export/import popup (`X`) and the frequency tables
//! (`F`). Their work (exports, imports, GROUP BY counts) runs on the effect runner's worker
//! (`commands::effects::reports`), which answers with progress and results as [`Reply`]s.

pub mod freq;
pub mod transfer;
pub mod view;

use std::path::PathBuf;

use crate::export::run::Target;
use crate::store::queue::QueueFilter;
use crate::store::reports::freq::{Cell, Field, Listing};
use freq::Freq;
use transfer::Transfer;

/// The overlays' state.
#[derive(Debug, Clone, Default)]
pub struct State {
    /// The export/import popup, when open.
    pub transfer: Option<Transfer>,
    /// The frequency tables, when open.
    pub freq: Option<Freq>,
    /// The configured PDF font (`[export] pdf_font`), handed to exports.
    pub pdf_font: Option<PathBuf>,
    /// Generation of the last request, to drop stale replies.
    generation: u64,
}

/// Work for the worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Load {
    /// Write an export.
    Export {
        /// What.
        target: Target,
        /// Where (relative to the console's working directory).
        out: PathBuf,
        /// The configured PDF font.
        pdf_font: Option<PathBuf>,
    },
    /// Read a file and check every row (a dry run: nothing is written).
    ImportCheck {
        /// The file.
        path: PathBuf,
    },
    /// Import a checked file (one transaction, all rows or none).
    ImportApply {
        /// The file.
        path: PathBuf,
    },
    /// Count the year's records of a list, as filtered, by one or two fields.
    Counts {
        /// Request generation.
        generation: u64,
        /// The list counted, with its filter.
        listing: Listing,
        /// Rows field.
        rows: Field,
        /// Columns field.
        cols: Option<Field>,
    },
    /// The records behind one cell.
    Records {
        /// Request generation.
        generation: u64,
        /// The list counted, with its filter.
        listing: Listing,
        /// Rows field and key.
        rows: (Field, Option<String>),
        /// Columns field and key.
        cols: Option<(Field, Option<String>)>,
    },
    /// Where an application chosen in a table stands in the queue narrowed by the table's filter.
    Locate {
        /// The filter the table counted under.
        filter: QueueFilter,
        /// The application.
        dispatch_id: i64,
    },
}

/// Answers of the worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// Work advanced: `done` of `total` steps.
    Progress {
        /// Steps done.
        done: usize,
        /// Steps in all.
        total: usize,
    },
    /// An export finished: the absolute path written, or why not (worded).
    Exported(Result<PathBuf, String>),
    /// A dry run finished: the lines to show (summary, then every rejected row) and whether the file can be
    /// imported.
    Checked {
        /// Lines to show.
        lines: Vec<String>,
        /// No row rejected and something to add.
        importable: bool,
    },
    /// An import finished: its summary, or why not.
    Imported(Result<String, String>),
    /// Counts arrived.
    Counts {
        /// Request generation.
        generation: u64,
        /// The cells.
        cells: Vec<Cell>,
    },
    /// The records behind a cell arrived.
    Records {
        /// Request generation.
        generation: u64,
        /// (id, label) pairs.
        records: Vec<(i64, String)>,
    },
    /// Where the application stands in the filtered queue (None: the filter no longer holds it).
    Located {
        /// The filter.
        filter: QueueFilter,
        /// The application.
        dispatch_id: i64,
        /// Its row in the filtered list.
        position: Option<usize>,
    },
}

impl State {
    /// Whether an overlay is open.
    pub fn is_open(&self) -> bool {
        self.transfer.is_some() || self.freq.is_some()
    }

    /// Closes both overlays (a record opened elsewhere, e.g. from the lookup).
    pub fn close(&mut self) {
        self.transfer = None;
        self.freq = None;
    }

    /// The next request generation.
    fn next_generation(&mut self) -> u64 {
        self.generation += 1;
        self.generation
    }

    /// Takes a reply of the worker: to the popup or the frequency view, whichever asked.
    pub fn reply(&mut self, reply: Reply) -> Vec<crate::app::Effect> {
        match reply {
            Reply::Counts { generation, cells } => {
                if let Some(f) = self.freq.as_mut().filter(|_| generation == self.generation) {
                    f.counts_loaded(cells);
                }
                Vec::new()
            }
            Reply::Records { generation, records } => {
                if let Some(f) = self.freq.as_mut().filter(|_| generation == self.generation) {
                    f.records_loaded(records);
                }
                Vec::new()
            }
            other => match &mut self.transfer {
                Some(t) => t.reply(other),
                None => Vec::new(),
            },
        }
    }
}
