//! The audit trail: one `action` row per user action, audit rows written by the triggers.

use anyhow::Result;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

/// Starts an action inside `tx` and points the audit triggers at it; returns the action id.
pub fn begin_action(tx: &Transaction, staff: &str, label: &str) -> Result<i64> {
    tx.execute(
        "INSERT INTO action (at, staff, label) VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), ?1, ?2)",
        params![staff, label],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute("UPDATE audit_context SET action_id = ?1 WHERE id = 1", [id])?;
    Ok(id)
}

/// Ends the action: later writes outside the console are not attributed to it.
pub fn end_action(tx: &Transaction, _action_id: i64) -> Result<()> {
    tx.execute("UPDATE audit_context SET action_id = NULL WHERE id = 1", [])?;
    Ok(())
}

/// One audited change of one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    /// Order of the change.
    pub seq: i64,
    /// The action it belongs to (None for a change made outside the console).
    pub action_id: Option<i64>,
    /// Who made it (the action's staff).
    pub staff: Option<String>,
    /// When.
    pub at: String,
    /// Table.
    pub table: String,
    /// Row id.
    pub record_id: i64,
    /// insert / update / delete.
    pub op: String,
    /// Row before (JSON), for updates and deletes.
    pub before: Option<String>,
    /// Row after (JSON), for inserts and updates.
    pub after: Option<String>,
}

/// The audit rows of one record, oldest first.
pub fn history(conn: &Connection, table: &str, record_id: i64) -> Result<Vec<AuditRow>> {
    let mut st = conn.prepare(
        "SELECT a.seq, a.action_id, ac.staff, a.at, a.tbl, a.record_id, a.op, a.before, a.after
         FROM audit a LEFT JOIN action ac ON ac.id = a.action_id
         WHERE a.tbl = ?1 AND a.record_id = ?2 ORDER BY a.seq",
    )?;
    let rows = st.query_map(params![table, record_id], |r| {
        Ok(AuditRow {
            seq: r.get(0)?,
            action_id: r.get(1)?,
            staff: r.get(2)?,
            at: r.get(3)?,
            table: r.get(4)?,
            record_id: r.get(5)?,
            op: r.get(6)?,
            before: r.get(7)?,
            after: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The label and staff of an action.
pub fn action_label(conn: &Connection, action_id: i64) -> Result<Option<(String, String)>> {
    Ok(conn
        .query_row("SELECT label, staff FROM action WHERE id = ?1", [action_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}
