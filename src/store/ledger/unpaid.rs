//! Work with no payment yet (table `unpaid_work`, migration 011): every visit and every expert's part in an event
//! (not cancelled) that no payment covers, kept in step by triggers, so the ledger's Work view counts and pages
//! a few thousand rows instead of a year of visits against their payments.
//!
//! The view `unpaid_work_entry` is the one definition; each trigger refreshes the rows a changed record decides
//! (delete them, insert them again from the view). Derived data: not audited; an undo changes the records and
//! the triggers follow.

use rusqlite::Connection;

/// Deletes the rows the `filter` selects and inserts them again from the view.
fn refresh(filter: &str) -> String {
    format!(
        "DELETE FROM unpaid_work WHERE {filter};
         INSERT INTO unpaid_work (kind, ref_id, expert_id, work_date)
         SELECT kind, ref_id, expert_id, work_date FROM unpaid_work_entry WHERE {filter};"
    )
}

/// The triggers of one table: after an update of `columns` (the rows selected by the old and the new values), and,
/// with `rows`, after an insert and a delete. Each filter selects rows with `ROW` standing for OLD or NEW.
fn triggers(table: &str, columns: &str, rows: bool, filters: &[&str]) -> String {
    let refresh_all = |row: &str| filters.iter().map(|f| refresh(&f.replace("ROW", row))).collect::<String>();
    let changed: Vec<String> = columns.split(", ").map(|c| format!("OLD.{c} IS NOT NEW.{c}")).collect();
    let mut sql = format!(
        "CREATE TRIGGER unpaid_work_{table}_update AFTER UPDATE OF {columns} ON {table} WHEN {} BEGIN {}{} END;",
        changed.join(" OR "),
        refresh_all("OLD"),
        refresh_all("NEW")
    );
    if rows {
        sql += &format!(
            "CREATE TRIGGER unpaid_work_{table}_insert AFTER INSERT ON {table} BEGIN {} END;
             CREATE TRIGGER unpaid_work_{table}_delete AFTER DELETE ON {table} BEGIN {} END;",
            refresh_all("NEW"),
            refresh_all("OLD")
        );
    }
    sql
}

/// Every trigger: visits, payments (of a visit, or of an expert's part in an event), the experts of events, and
/// an event's date and status.
fn all_triggers() -> String {
    let visit = "kind = 'visit' AND ref_id = ROW.id";
    let paid_visit = "kind = 'visit' AND ref_id = ROW.visit_id";
    let paid_part = "kind = 'event' AND ref_id = ROW.event_id AND expert_id = ROW.expert_id";
    [
        triggers("visit", "expert_id, visit_date", true, &[visit]),
        triggers("payment", "visit_id, event_id, expert_id", true, &[paid_visit, paid_part]),
        triggers("event_expert", "event_id, expert_id", true, &[paid_part]),
        triggers("event", "event_date, status", false, &["kind = 'event' AND ref_id = ROW.id"]),
    ]
    .concat()
}

/// Drops the triggers (bulk work rebuilds the table once at its end instead).
pub fn drop_triggers(conn: &Connection) -> rusqlite::Result<()> {
    super::drop_triggers_named(conn, "unpaid_work_")
}

/// Recomputes the table from the records and (re)creates the triggers.
pub fn rebuild(conn: &Connection) -> rusqlite::Result<()> {
    drop_triggers(conn)?;
    conn.execute_batch(
        "DELETE FROM unpaid_work;
         INSERT INTO unpaid_work (kind, ref_id, expert_id, work_date)
         SELECT kind, ref_id, expert_id, work_date FROM unpaid_work_entry;",
    )?;
    conn.execute_batch(&all_triggers())
}

/// The rows that differ from a recomputation from the records, as "kind/ref_id/expert_id" (empty when they agree).
pub fn drift(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    conn.prepare(
        "SELECT kind || '/' || ref_id || '/' || expert_id FROM
             (SELECT kind, ref_id, expert_id, work_date FROM unpaid_work_entry
              EXCEPT SELECT kind, ref_id, expert_id, work_date FROM unpaid_work)
         UNION ALL
         SELECT kind || '/' || ref_id || '/' || expert_id FROM
             (SELECT kind, ref_id, expert_id, work_date FROM unpaid_work
              EXCEPT SELECT kind, ref_id, expert_id, work_date FROM unpaid_work_entry)",
    )?
    .query_map([], |r| r.get(0))?
    .collect()
}
