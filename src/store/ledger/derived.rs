//! Tables derived from a view and kept in step by triggers: each trigger refreshes the rows a changed record
//! decides (deletes them, inserts them again from the view). Derived data: not audited; an undo changes the
//! records and the triggers follow.

use rusqlite::Connection;

/// A table holding a view's rows, and the records whose changes decide them.
pub struct Derived {
    /// The table (its triggers' names start with it).
    pub table: &'static str,
    /// The view defining its rows.
    pub view: &'static str,
    /// Its columns, the same in the table and the view.
    pub columns: &'static str,
    /// The records that decide its rows.
    pub sources: &'static [Source],
}

/// A table whose changes decide some derived rows.
pub struct Source {
    /// The table.
    pub table: &'static str,
    /// The columns whose update changes the derived rows.
    pub columns: &'static str,
    /// Whether inserts and deletes change them too.
    pub rows: bool,
    /// The derived rows a changed row decides, with `ROW` standing for OLD or NEW.
    pub filters: &'static [&'static str],
}

impl Derived {
    /// Deletes the rows the `filter` selects and inserts them again from the view.
    fn refresh(&self, filter: &str) -> String {
        let (table, view, columns) = (self.table, self.view, self.columns);
        format!(
            "DELETE FROM {table} WHERE {filter};
             INSERT INTO {table} ({columns}) SELECT {columns} FROM {view} WHERE {filter};"
        )
    }

    /// The triggers of one source: after an update of its columns (the rows selected by the old and the new
    /// values), and, for a source of rows, after an insert and a delete.
    fn triggers(&self, s: &Source) -> String {
        let refresh_all =
            |row: &str| s.filters.iter().map(|f| self.refresh(&f.replace("ROW", row))).collect::<String>();
        let changed: Vec<String> = s.columns.split(", ").map(|c| format!("OLD.{c} IS NOT NEW.{c}")).collect();
        let (name, table, columns) = (self.table, s.table, s.columns);
        let mut sql = format!(
            "CREATE TRIGGER {name}_{table}_update AFTER UPDATE OF {columns} ON {table} WHEN {} BEGIN {}{} END;",
            changed.join(" OR "),
            refresh_all("OLD"),
            refresh_all("NEW")
        );
        if s.rows {
            sql += &format!(
                "CREATE TRIGGER {name}_{table}_insert AFTER INSERT ON {table} BEGIN {} END;
                 CREATE TRIGGER {name}_{table}_delete AFTER DELETE ON {table} BEGIN {} END;",
                refresh_all("NEW"),
                refresh_all("OLD")
            );
        }
        sql
    }

    /// Drops the triggers (bulk work rebuilds the table once at its end instead).
    pub fn drop_triggers(&self, conn: &Connection) -> rusqlite::Result<()> {
        super::drop_triggers_named(conn, &format!("{}_", self.table))
    }

    /// Recomputes the table from the records and (re)creates the triggers.
    pub fn rebuild(&self, conn: &Connection) -> rusqlite::Result<()> {
        self.drop_triggers(conn)?;
        conn.execute_batch(&self.refresh("1"))?;
        conn.execute_batch(&self.sources.iter().map(|s| self.triggers(s)).collect::<String>())
    }

    /// The rows that differ from a recomputation from the records, their columns joined by `/`, NULLs left out (empty
    /// when they agree).
    pub fn drift(&self, conn: &Connection) -> rusqlite::Result<Vec<String>> {
        let (table, view, columns) = (self.table, self.view, self.columns);
        let row = format!("concat_ws('/', {columns})");
        conn.prepare(&format!(
            "SELECT {row} FROM (SELECT {columns} FROM {view} EXCEPT SELECT {columns} FROM {table})
             UNION ALL
             SELECT {row} FROM (SELECT {columns} FROM {table} EXCEPT SELECT {columns} FROM {view})"
        ))?
        .query_map([], |r| r.get(0))?
        .collect()
    }
}
