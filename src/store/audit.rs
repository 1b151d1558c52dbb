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

/// One change of a record as the history popup shows it: who, when, which action, and each field before → after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// When (ISO, seconds).
    pub at: String,
    /// Who (None for a change made outside the console, e.g. a migration).
    pub staff: Option<String>,
    /// The action's label (None outside the console).
    pub label: Option<String>,
    /// insert / update / delete.
    pub op: String,
    /// The fields that changed: (column, before, after); None where the row did not exist.
    pub fields: Vec<(String, Option<String>, Option<String>)>,
}

/// Columns every change touches or that are derived from another, left out of the history (they say nothing to the desk).
const BOOKKEEPING: &[&str] = &["row_version", "updated_at", "created_at", "search_text", "phone_digits"];

/// The changes of one record, newest first, at most `limit` (reads the audit index by record).
pub fn changes(conn: &Connection, table: &str, record_id: i64, limit: usize) -> Result<Vec<Change>> {
    let mut st = conn.prepare_cached(
        "SELECT a.at, ac.staff, ac.label, a.op, a.before, a.after
         FROM audit a LEFT JOIN action ac ON ac.id = a.action_id
         WHERE a.tbl = ?1 AND a.record_id = ?2 ORDER BY a.seq DESC LIMIT ?3",
    )?;
    let rows = st.query_map(params![table, record_id, limit as i64], |r| {
        let before: Option<String> = r.get(4)?;
        let after: Option<String> = r.get(5)?;
        Ok(Change {
            at: r.get(0)?,
            staff: r.get(1)?,
            label: r.get(2)?,
            op: r.get(3)?,
            fields: field_changes(before.as_deref(), after.as_deref()),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The columns whose values differ between two JSON rows (an insert lists its non-empty values).
fn field_changes(before: Option<&str>, after: Option<&str>) -> Vec<(String, Option<String>, Option<String>)> {
    let parse = |s: Option<&str>| -> serde_json::Map<String, serde_json::Value> {
        s.and_then(|s| serde_json::from_str(s).ok()).unwrap_or_default()
    };
    let (b, a) = (parse(before), parse(after));
    let text = |v: Option<&serde_json::Value>| match v {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) if s.is_empty() => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(other) => Some(other.to_string()),
    };
    let mut keys: Vec<&String> = b.keys().chain(a.keys().filter(|k| !b.contains_key(*k))).collect();
    keys.retain(|k| !BOOKKEEPING.contains(&k.as_str()) && k.as_str() != "id");
    keys.into_iter().map(|k| (k.clone(), text(b.get(k)), text(a.get(k)))).filter(|(_, old, new)| old != new).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_update_lists_only_what_changed_and_leaves_bookkeeping_out() {
        let f = field_changes(
            Some(r#"{"id":3,"status":"received","theme":2,"row_version":1,"note":""}"#),
            Some(r#"{"id":3,"status":"approved","theme":2,"row_version":2,"note":"髙橋さんへ"}"#),
        );
        assert_eq!(
            f,
            vec![
                ("note".into(), None, Some("髙橋さんへ".into())),
                ("status".into(), Some("received".into()), Some("approved".into())),
            ]
        );
    }

    #[test]
    fn an_insert_lists_its_values_and_a_delete_what_was_there() {
        let ins = field_changes(None, Some(r#"{"id":1,"name":"ｶﾌｪ ﾀﾅｶ","phone":null}"#));
        assert_eq!(ins, vec![("name".into(), None, Some("ｶﾌｪ ﾀﾅｶ".into()))]);
        let del = field_changes(Some(r#"{"id":1,"minutes":120}"#), None);
        assert_eq!(del, vec![("minutes".into(), Some("120".into()), None)]);
    }
}
