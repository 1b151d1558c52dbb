//! Importing the desk's existing Excel/CSV sheets (businesses, experts, applications, visits, claims, events): columns found by their
//! Japanese headers, every row checked with the domain's parsers and rules, then all rows written in one
//! audited transaction — or none, when any row is rejected. Rows already registered are skipped, so a file
//! imported twice adds its rows once. The column mapping is documented in `docs/import.md`.

pub mod applications;
pub mod businesses;
pub mod claims;
pub mod columns;
pub mod events;
pub mod experts;
pub mod problem;
pub mod read;
pub mod summary;
pub mod values;
pub mod visits;

use anyhow::Result;
use rusqlite::Connection;

use crate::domain::fiscal_year::FiscalYear;
use crate::domain::records::{NewBusiness, NewDispatch, NewExpert, NewVisit};
use crate::store::Store;
use columns::{Column, Columns};
pub use problem::{Issue, Problem};
use read::Sheet;

/// What the rows of a file are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ImportKind {
    /// Businesses (事業者名, フリガナ, 法人格, 電話番号, 商工会 ...).
    Businesses,
    /// Experts on the roster (氏名, フリガナ, 所属, テーマ ...).
    Experts,
    /// Dispatch applications, Form 1 (申請番号, 受付日, 事業者名, テーマ ...).
    Applications,
    /// Visits of applications (申請番号, 派遣日, 開始, 終了, 場所 ...), checked against R-D1.
    Visits,
    /// Form 4 reimbursement claims (開催日, 金額, 請求日 ...), checked against R-S5.
    Claims,
    /// Seminars and consultation days, Forms 2 and 3 (種別, 名称, 主催団体, 開催日 ...), checked as on tab 3.
    Events,
}

impl ImportKind {
    /// Every kind.
    pub const ALL: [ImportKind; 6] = [
        ImportKind::Businesses,
        ImportKind::Experts,
        ImportKind::Applications,
        ImportKind::Visits,
        ImportKind::Claims,
        ImportKind::Events,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ImportKind::Businesses => "businesses",
            ImportKind::Experts => "experts",
            ImportKind::Applications => "applications",
            ImportKind::Visits => "visits",
            ImportKind::Claims => "claims",
            ImportKind::Events => "events",
        }
    }

    /// The columns this kind reads.
    pub fn columns(self) -> &'static [Column] {
        match self {
            ImportKind::Businesses => businesses::COLUMNS,
            ImportKind::Experts => experts::COLUMNS,
            ImportKind::Applications => applications::COLUMNS,
            ImportKind::Visits => visits::COLUMNS,
            ImportKind::Claims => claims::COLUMNS,
            ImportKind::Events => events::COLUMNS,
        }
    }
}

/// A record a row would add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NewRecord {
    /// A business.
    Business(NewBusiness),
    /// An expert.
    Expert(NewExpert),
    /// An application, under the sheet's number when it gives one.
    Application(NewDispatch, Option<u32>),
    /// A visit of an application.
    Visit(NewVisit),
    /// A Form 4 claim of an event.
    Claim {
        /// The fiscal year of the event.
        fiscal_year: i32,
        /// The event.
        event_id: i64,
        /// Amount, receipt, day claimed.
        claim: crate::store::ledger::writes::ClaimEdit,
    },
    /// A seminar or consultation day with its instructors or experts.
    Event(crate::store::events::EventEdit),
}

/// What importing a file would do.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The kind of the rows.
    pub kind: ImportKind,
    /// Data rows read.
    pub rows: usize,
    /// Records to add, in row order.
    pub new: Vec<NewRecord>,
    /// Rows already registered.
    pub skipped: usize,
    /// Rows rejected, cell by cell.
    pub issues: Vec<Issue>,
}

/// Why a whole file cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    /// The kind cannot be told from the headers.
    UnknownKind,
    /// A required column is missing.
    MissingColumn {
        /// Its usual header.
        column: &'static str,
        /// The headers found.
        headers: Vec<String>,
    },
}

/// The kind whose columns the headers match best (at least two of them, the required ones included).
pub fn guess_kind(headers: &[String]) -> Option<ImportKind> {
    ImportKind::ALL
        .iter()
        .filter_map(|k| Columns::locate(headers, k.columns()).ok().map(|c| (c.count(), *k)))
        .filter(|(n, _)| *n >= 2)
        .max_by_key(|(n, k)| (*n, std::cmp::Reverse(*k as u8)))
        .map(|(_, k)| k)
}

/// Checks every row of `sheet` against the database; changes nothing.
pub fn plan(
    conn: &Connection,
    fy: &FiscalYear,
    kind: Option<ImportKind>,
    sheet: &Sheet,
) -> Result<std::result::Result<Plan, FileProblem>> {
    let Some(kind) = kind.or_else(|| guess_kind(&sheet.headers)) else { return Ok(Err(FileProblem::UnknownKind)) };
    let cols = match Columns::locate(&sheet.headers, kind.columns()) {
        Ok(c) => c,
        Err(column) => return Ok(Err(FileProblem::MissingColumn { column, headers: sheet.headers.clone() })),
    };
    let mut plan = Plan { kind, rows: sheet.rows.len(), new: Vec::new(), skipped: 0, issues: Vec::new() };
    match kind {
        ImportKind::Businesses => businesses::check(conn, fy, &cols, sheet, &mut plan)?,
        ImportKind::Experts => experts::check(conn, fy, &cols, sheet, &mut plan)?,
        ImportKind::Applications => applications::check(conn, fy, &cols, sheet, &mut plan)?,
        ImportKind::Visits => visits::check(conn, fy, &cols, sheet, &mut plan)?,
        ImportKind::Claims => claims::check(conn, fy, &cols, sheet, &mut plan)?,
        ImportKind::Events => events::check(conn, fy, &cols, sheet, &mut plan)?,
    }
    Ok(Ok(plan))
}

/// Writes a plan without issues in one audited transaction (all rows or none); returns the records added.
pub fn apply(store: &mut Store, fy: &FiscalYear, plan: &Plan) -> Result<usize> {
    let label = format!("import.{}", plan.kind.name());
    let staff = store.staff().to_string();
    store.act(&label, |tx| {
        for record in &plan.new {
            match record {
                NewRecord::Business(b) => {
                    crate::store::businesses::insert(tx, b)?;
                }
                NewRecord::Expert(e) => {
                    crate::store::experts::insert(tx, e)?;
                }
                NewRecord::Application(d, Some(seq)) => {
                    crate::store::imports::insert_numbered_dispatch(tx, d, *seq)?;
                }
                NewRecord::Application(d, None) => {
                    crate::store::dispatches::insert(tx, d)?;
                }
                // Through the console's own write: the rules once more, and approved → visiting on the first.
                NewRecord::Visit(v) => {
                    if let Err(refusal) = crate::store::workflow::add_visit(tx, fy, v, "", &staff)? {
                        anyhow::bail!("visit of application {} refused on import: {refusal:?}", v.dispatch_id);
                    }
                }
                // Through the ledger's own write: R-S5 once more, the event's organiser as the claimant.
                NewRecord::Claim { fiscal_year, event_id, claim } => {
                    if let Err(refusal) =
                        crate::store::ledger::writes::create_claim(tx, *fiscal_year, *event_id, claim)?
                    {
                        anyhow::bail!("claim of event {event_id} refused on import: {refusal:?}");
                    }
                }
                // Through tab 3's own write: R-P1, R-S3, R-S5 and DESK-1 once more, the earlier rows now written.
                NewRecord::Event(edit) => {
                    if let Err(refusal) = crate::store::events::create_event(tx, fy, edit)? {
                        let e = &edit.event;
                        anyhow::bail!("event {} on {} refused on import: {refusal:?}", e.title, e.date);
                    }
                }
            }
        }
        Ok(plan.new.len())
    })
}

/// Collects a row's issues: `Ok(v)` keeps `v`, `Err` records the problem under the column and gives `None`.
pub(crate) struct RowCheck<'a> {
    row: usize,
    cols: &'a Columns,
    wanted: &'static [Column],
    issues: Vec<Issue>,
}

impl<'a> RowCheck<'a> {
    /// Starts checking row `row`.
    pub(crate) fn new(row: usize, cols: &'a Columns, wanted: &'static [Column]) -> RowCheck<'a> {
        RowCheck { row, cols, wanted, issues: Vec::new() }
    }

    /// Records `problem` under column `key`.
    pub(crate) fn reject(&mut self, key: &str, problem: Problem) {
        self.issues.push(Issue { row: self.row, column: self.cols.header(key, self.wanted), problem });
    }

    /// A required cell parsed: empty is recorded as [`Problem::Required`], a parse error as itself.
    pub(crate) fn required<T>(
        &mut self,
        key: &str,
        cell: &str,
        parse: impl FnOnce(&str) -> std::result::Result<T, Problem>,
    ) -> Option<T> {
        if cell.is_empty() { self.take(key, Err(Problem::Required)) } else { self.take(key, parse(cell)) }
    }

    /// Keeps an `Ok` value, recording an `Err` under column `key`.
    pub(crate) fn take<T>(&mut self, key: &str, r: std::result::Result<T, Problem>) -> Option<T> {
        r.map_err(|p| self.reject(key, p)).ok()
    }

    /// Whether no problem was found.
    pub(crate) fn is_clean(&self) -> bool {
        self.issues.is_empty()
    }

    /// The problems found.
    pub(crate) fn into_issues(self) -> Vec<Issue> {
        self.issues
    }
}

/// An optional cell parsed when present: `Ok(None)` when empty.
pub(crate) fn optional<T, E>(
    cell: &str,
    parse: impl FnOnce(&str) -> std::result::Result<T, E>,
) -> std::result::Result<Option<T>, E> {
    if cell.is_empty() { Ok(None) } else { parse(cell).map(Some) }
}
