//! List totals kept while the database is unchanged, so scrolling a long list pays for its page only; any
//! commit (by this console or another) forgets them.

use std::cell::RefCell;
use std::collections::HashMap;

use anyhow::Result;
use rusqlite::Connection;

/// Totals this many different filters at most are kept (typing a filter makes a new one per keystroke).
const KEPT: usize = 64;

/// Totals of list queries by a key naming the query and its filter.
#[derive(Debug, Default)]
pub struct Counts {
    inner: RefCell<Kept>,
}

#[derive(Debug, Default)]
struct Kept {
    /// The database's state when these were counted: (data_version, this connection's total changes).
    stamp: Option<(i64, u64)>,
    totals: HashMap<String, usize>,
}

impl Counts {
    /// The total under `key`: kept from an earlier count while nothing changed, else `count` is run and kept.
    pub fn get(&self, conn: &Connection, key: String, count: impl FnOnce() -> Result<usize>) -> Result<usize> {
        let stamp = Some((conn.query_row("PRAGMA data_version", [], |r| r.get(0))?, conn.total_changes()));
        {
            let mut kept = self.inner.borrow_mut();
            if kept.stamp != stamp || kept.totals.len() >= KEPT {
                kept.totals.clear();
                kept.stamp = stamp;
            }
            if let Some(n) = kept.totals.get(&key) {
                return Ok(*n);
            }
        }
        let n = count()?;
        self.inner.borrow_mut().totals.insert(key, n);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_total_is_kept_until_the_database_changes() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").unwrap();
        let counts = Counts::default();
        let count =
            || -> Result<usize> { Ok(conn.query_row("SELECT COUNT(*) FROM t", [], |r| r.get::<_, i64>(0))? as usize) };
        assert_eq!(counts.get(&conn, "t".into(), count).unwrap(), 1);
        // Kept: the closure is not run again.
        assert_eq!(counts.get(&conn, "t".into(), || panic!("counted twice")).unwrap(), 1);
        conn.execute("INSERT INTO t VALUES (2)", []).unwrap();
        assert_eq!(counts.get(&conn, "t".into(), count).unwrap(), 2);
    }

    #[test]
    fn a_commit_by_another_connection_forgets_the_totals() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        let a = Connection::open(&path).unwrap();
        a.execute_batch("PRAGMA journal_mode = WAL; CREATE TABLE t (x);").unwrap();
        let b = Connection::open(&path).unwrap();
        let counts = Counts::default();
        let count =
            || -> Result<usize> { Ok(a.query_row("SELECT COUNT(*) FROM t", [], |r| r.get::<_, i64>(0))? as usize) };
        assert_eq!(counts.get(&a, "t".into(), count).unwrap(), 0);
        b.execute("INSERT INTO t VALUES (1)", []).unwrap();
        assert_eq!(counts.get(&a, "t".into(), count).unwrap(), 1);
    }
}
