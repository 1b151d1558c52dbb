//! SQLite storage: schema and migrations, the audit trail, reference data and one repository per aggregate.
//!
//! This is the only module that speaks SQL. Every user action runs in [`Store::act`]: one immediate
//! transaction, one `action` row, and an audit row per changed row written by triggers.

pub mod audit;
pub mod backup;
pub mod businesses;
pub mod calendar;
pub mod check;
pub mod codes;
pub mod consultations;
pub mod counts;
pub mod dispatches;
pub mod events;
pub mod experts;
pub mod failure;
pub mod imports;
pub mod ledger;
pub mod lookup;
pub mod migrations;
pub mod needs_action;
pub mod organisations;
pub mod participants;
pub mod queue;
pub mod reference;
pub mod reports;
pub mod roster;
pub mod search;
pub mod staff;
pub mod undo;
pub mod visits;
pub mod workflow;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use anyhow::{Context, Result};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

/// An open database: the connection and the staff member recorded with each change.
pub struct Store {
    conn: Connection,
    staff: String,
    path: PathBuf,
    /// What `u` and Ctrl-R may reverse, shared with the session's other connections ([`Store::sibling`]).
    stacks: Arc<Mutex<UndoStacks>>,
    /// List totals kept while the database is unchanged.
    counts: counts::Counts,
}

/// A session's actions, whichever of its connections did them.
#[derive(Debug, Default)]
struct UndoStacks {
    /// Actions that `u` may undo, oldest first.
    done: Vec<i64>,
    /// Undo actions that Ctrl-R may reverse (redo), oldest first.
    undone: Vec<i64>,
}

/// How long a writer waits for another console's transaction before giving up with a clear message.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

impl Store {
    /// Opens (creating if needed, mode 0600) the database at `path`, migrates it to the latest schema and
    /// loads the reference data on first start.
    pub fn open(path: &Path, staff: &str) -> Result<Store> {
        crate::paths::create_private_file(path)?;
        Self::open_with(path, staff, OpenFlags::SQLITE_OPEN_CREATE)
    }

    /// Opens an existing database (never creates one: a mistyped `--db` must not make an empty file).
    pub fn open_existing(path: &Path, staff: &str) -> Result<Store> {
        if !path.is_file() {
            anyhow::bail!("no database at {}", path.display());
        }
        Self::open_with(path, staff, OpenFlags::empty())
    }

    fn open_with(path: &Path, staff: &str, extra: OpenFlags) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | extra;
        let mut conn = Connection::open_with_flags(path, flags)
            .with_context(|| format!("cannot open the database {}", path.display()))?;
        configure(&conn)?;
        migrations::migrate(&mut conn).with_context(|| format!("cannot migrate the database {}", path.display()))?;
        Ok(Store {
            conn,
            staff: staff.to_string(),
            path: path.to_path_buf(),
            stacks: Arc::default(),
            counts: counts::Counts::default(),
        })
    }

    /// Another connection to the same database in the same session: what it does joins this store's undo
    /// stack (the console imports files on its reader thread, and `u` takes an import back).
    pub fn sibling(&self) -> Result<Store> {
        let mut other = Self::open_existing(&self.path, &self.staff)?;
        other.stacks = Arc::clone(&self.stacks);
        Ok(other)
    }

    fn stacks(&self) -> MutexGuard<'_, UndoStacks> {
        self.stacks.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Records a committed action as this session's latest (a new action ends what Ctrl-R could redo).
    fn did(&self, action_id: i64) {
        let mut stacks = self.stacks();
        stacks.done.push(action_id);
        stacks.undone.clear();
    }

    /// The connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// A list's total under `key` (the query and its filter), counted again only after the database changed.
    pub fn counted(&self, key: String, count: impl FnOnce(&Connection) -> Result<usize>) -> Result<usize> {
        self.counts.get(&self.conn, key, || count(&self.conn))
    }

    /// A number that changes whenever another connection (another console, an import) commits to the database.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The staff member recorded with each change.
    pub fn staff(&self) -> &str {
        &self.staff
    }

    /// Runs one user action as one transaction with an audit `action` row labelled `label`.
    ///
    /// Either everything `f` wrote is committed with its audit rows, or nothing is.
    pub fn act<T>(&mut self, label: &str, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let action_id = audit::begin_action(&tx, &self.staff, label)?;
        let out = f(&tx)?;
        audit::end_action(&tx, action_id)?;
        tx.commit()?;
        self.did(action_id);
        Ok(out)
    }

    /// Like [`Store::act`] for writes that may be refused: a refusal (`Err` inside `Ok`) rolls back.
    pub fn act_if<T, E>(
        &mut self,
        label: &str,
        f: impl FnOnce(&Transaction) -> Result<std::result::Result<T, E>>,
    ) -> Result<std::result::Result<T, E>> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let action_id = audit::begin_action(&tx, &self.staff, label)?;
        let out = f(&tx)?;
        if out.is_ok() {
            audit::end_action(&tx, action_id)?;
            tx.commit()?;
            self.did(action_id);
        }
        Ok(out)
    }

    /// Undoes the last action of this session (one transaction, itself audited); returns the undone label.
    pub fn undo(&mut self) -> Result<std::result::Result<String, undo::UndoRefusal>> {
        loop {
            let Some(target) = self.stacks().done.last().copied() else { break };
            let (out, undo_id) = self.reverse(target, "undo")?;
            // Taken off by id: another connection of the session may have added one meanwhile.
            let forget = |stacks: &mut UndoStacks| stacks.done.retain(|a| *a != target);
            match out {
                // An action that changed no row (nothing to put back): skip to the one before.
                Err(undo::UndoRefusal::Nothing) => forget(&mut self.stacks()),
                Ok(label) => {
                    let mut stacks = self.stacks();
                    forget(&mut stacks);
                    stacks.undone.push(undo_id);
                    return Ok(Ok(label));
                }
                refused => return Ok(refused),
            }
        }
        Ok(Err(undo::UndoRefusal::Nothing))
    }

    /// Redoes the last undone action (by undoing its undo); returns the redone label.
    pub fn redo(&mut self) -> Result<std::result::Result<String, undo::UndoRefusal>> {
        let Some(target) = self.stacks().undone.last().copied() else { return Ok(Err(undo::UndoRefusal::Nothing)) };
        let (out, redo_id) = self.reverse(target, "redo")?;
        if out.is_ok() {
            let mut stacks = self.stacks();
            stacks.undone.retain(|a| *a != target);
            stacks.done.push(redo_id);
        }
        Ok(out)
    }

    fn reverse(&mut self, target: i64, verb: &str) -> Result<(std::result::Result<String, undo::UndoRefusal>, i64)> {
        let original = undo::label(&self.conn, target)?;
        let original = original.split_once(':').map(|(_, l)| l.to_string()).unwrap_or(original);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let action_id = audit::begin_action(&tx, &self.staff, &format!("{verb}:{original}"))?;
        tx.execute(
            &format!("UPDATE action SET {} = ?2 WHERE id = ?1", if verb == "undo" { "undoes" } else { "redoes" }),
            rusqlite::params![action_id, target],
        )?;
        let out = undo::reverse(&tx, target)?;
        if out.is_ok() {
            audit::end_action(&tx, action_id)?;
            tx.commit()?;
        }
        Ok((out.map(|_| original), action_id))
    }

    /// Runs bulk work (demo generation) in one transaction with the audit triggers switched off (the search index
    /// and the ledger's derived tables are rebuilt once at its end).
    pub fn bulk<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        // A larger page cache and in-memory temporary storage for the one big transaction.
        self.conn.execute_batch("PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;")?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute("UPDATE audit_context SET enabled = 0 WHERE id = 1", [])?;
        ledger::sums::drop_triggers(&tx)?;
        ledger::unpaid::drop_triggers(&tx)?;
        ledger::dispatch_payments::drop_triggers(&tx)?;
        let out = search::with_deferred_fts(&tx, || f(&tx))?;
        ledger::sums::rebuild(&tx)?;
        ledger::unpaid::rebuild(&tx)?;
        ledger::dispatch_payments::rebuild(&tx)?;
        tx.execute("UPDATE audit_context SET enabled = 1 WHERE id = 1", [])?;
        tx.commit()?;
        self.conn.execute_batch("PRAGMA cache_size = -2000;")?;
        Ok(out)
    }
}

/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 256;

/// Connection settings every connection gets: WAL, foreign keys, a busy timeout, full sync on commit, a statement
/// cache for every screen's queries, `rarray` and `fold` in SQL.
fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        tracing::warn!(mode, "the database is not in WAL mode");
    }
    // FULL: an acknowledged write survives a power cut, not only a crash of this process.
    conn.pragma_update(None, "synchronous", "FULL")?;
    // Every screen's queries stay prepared (the default keeps 16: a lookup alone runs more, and each statement
    // evicted was parsed and planned again on the next keystroke).
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    // `rarray(?)`: a list of ids bound as one parameter (the ledger's filters look a text's records up once).
    rusqlite::vtab::array::load_module(conn)?;
    register_fold(conn)
}

/// `fold(text)` in SQL: the lookup's folding (kana, widths, case), for filters over a few rows already narrowed
/// by an index (the calendar's `/` filter), never for a whole table.
fn register_fold(conn: &Connection) -> Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function("fold", 1, FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC, |ctx| {
        Ok(crate::domain::fold::fold(&ctx.get::<Option<String>>(0)?.unwrap_or_default()))
    })?;
    Ok(())
}
