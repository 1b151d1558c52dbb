//! Whole-action undo and redo from the audit trail: the rows one action changed are put back as they were,
//! in one new action (itself audited, so it can be undone again: that is redo).

use anyhow::{Result, bail};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};
use serde_json::Map;

use super::search;

/// Why an action cannot be undone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UndoRefusal {
    /// Nothing (left) to undo or redo in this session.
    Nothing,
    /// A later change touched the same record: undoing would lose it.
    LaterChange {
        /// Table of the record.
        table: String,
        /// Its id.
        record_id: i64,
    },
    /// Putting the record back would break a link with records changed later: an application added for a
    /// business the action added, or a record it linked to since removed.
    Linked {
        /// Table of the record.
        table: String,
        /// Its id.
        record_id: i64,
    },
}

struct Change {
    table: String,
    record_id: i64,
    op: String,
    before: Option<String>,
}

/// The label of an action.
pub fn label(conn: &Connection, action_id: i64) -> Result<String> {
    Ok(conn.query_row("SELECT label FROM action WHERE id = ?1", [action_id], |r| r.get(0))?)
}

/// Reverses `action_id` inside the current transaction (which must be a new action); returns the refusal
/// instead when a later action changed one of its records or a record linked to them (the caller then rolls the
/// transaction back).
pub fn reverse(conn: &Connection, action_id: i64) -> Result<Result<(), UndoRefusal>> {
    let changes: Vec<Change> = conn
        .prepare_cached("SELECT tbl, record_id, op, before FROM audit WHERE action_id = ?1 ORDER BY seq DESC")?
        .query_map([action_id], |r| {
            Ok(Change { table: r.get(0)?, record_id: r.get(1)?, op: r.get(2)?, before: r.get(3)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    if changes.is_empty() {
        return Ok(Err(UndoRefusal::Nothing));
    }
    let last_seq: i64 = conn.query_row("SELECT MAX(seq) FROM audit WHERE action_id = ?1", [action_id], |r| r.get(0))?;
    for c in &changes {
        let later: Option<i64> = conn
            .prepare_cached(
                "SELECT seq FROM audit WHERE tbl = ?1 AND record_id = ?2 AND seq > ?3
                   AND (action_id IS NULL OR action_id <> (SELECT action_id FROM audit_context WHERE id = 1))
                 LIMIT 1",
            )?
            .query_row(params![c.table, c.record_id, last_seq], |r| r.get(0))
            .optional()?;
        // Later changes that were themselves undone leave the record as this action left it: no conflict.
        if later.is_some() && !left_as_is(conn, action_id, &c.table, c.record_id)? {
            return Ok(Err(UndoRefusal::LaterChange { table: c.table.clone(), record_id: c.record_id }));
        }
    }
    for c in &changes {
        check_table(conn, &c.table)?;
        match put_back(conn, c) {
            Err(e) if broken_link(&e) => {
                return Ok(Err(UndoRefusal::Linked { table: c.table.clone(), record_id: c.record_id }));
            }
            done => done?,
        }
        reindex(conn, &c.table, c.record_id)?;
    }
    Ok(Ok(()))
}

/// Puts one changed row back as it was before the change.
fn put_back(conn: &Connection, c: &Change) -> Result<()> {
    match c.op.as_str() {
        "insert" => {
            conn.execute(&format!("DELETE FROM \"{}\" WHERE id = ?1", c.table), [c.record_id])?;
        }
        "update" => {
            let before = row(c)?;
            let cols: Vec<&String> = before.keys().filter(|k| *k != "id" && *k != "row_version").collect();
            let sets: Vec<String> = cols.iter().enumerate().map(|(i, k)| format!("\"{k}\" = ?{}", i + 2)).collect();
            let sql =
                format!("UPDATE \"{}\" SET {}, row_version = row_version + 1 WHERE id = ?1", c.table, sets.join(", "));
            let mut values = vec![Value::Integer(c.record_id)];
            values.extend(cols.iter().map(|k| value(&before[k.as_str()])));
            conn.execute(&sql, params_from_iter(values))?;
        }
        _ => {
            let before = row(c)?;
            let cols: Vec<&String> = before.keys().collect();
            let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
            let names: Vec<String> = cols.iter().map(|k| format!("\"{k}\"")).collect();
            let sql = format!("INSERT INTO \"{}\" ({}) VALUES ({})", c.table, names.join(", "), marks.join(", "));
            conn.execute(&sql, params_from_iter(cols.iter().map(|k| value(&before[k.as_str()]))))?;
        }
    }
    Ok(())
}

/// Whether an error is a broken foreign key (a row that other rows link to, or that links to a row now gone).
fn broken_link(e: &anyhow::Error) -> bool {
    matches!(
        e.downcast_ref::<rusqlite::Error>(),
        Some(rusqlite::Error::SqliteFailure(f, _)) if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY
    )
}

/// Whether the record is still as `action_id` left it (all columns but `row_version`, which an undo bumps).
fn left_as_is(conn: &Connection, action_id: i64, table: &str, record_id: i64) -> Result<bool> {
    check_table(conn, table)?;
    let after: Option<String> = conn
        .prepare_cached(
            "SELECT after FROM audit WHERE action_id = ?1 AND tbl = ?2 AND record_id = ?3 ORDER BY seq DESC LIMIT 1",
        )?
        .query_row(params![action_id, table, record_id], |r| r.get(0))?;
    let Some(after) = after else {
        // The action deleted the record: it is as left while it does not exist.
        let exists: bool =
            conn.query_row(&format!("SELECT EXISTS (SELECT 1 FROM \"{table}\" WHERE id = ?1)"), [record_id], |r| {
                r.get(0)
            })?;
        return Ok(!exists);
    };
    let Ok(serde_json::Value::Object(after)) = serde_json::from_str::<serde_json::Value>(&after) else {
        bail!("audit row of {table} {record_id} has no readable 'after'");
    };
    let cols: Vec<&String> = after.keys().filter(|k| *k != "row_version").collect();
    let names: Vec<String> = cols.iter().map(|k| format!("\"{k}\"")).collect();
    let now: Option<Vec<Value>> = conn
        .query_row(&format!("SELECT {} FROM \"{table}\" WHERE id = ?1", names.join(", ")), [record_id], |r| {
            (0..cols.len()).map(|i| r.get::<_, Value>(i)).collect()
        })
        .optional()?;
    Ok(now.is_some_and(|now| cols.iter().zip(now).all(|(k, v)| value(&after[k.as_str()]) == v)))
}

fn row(c: &Change) -> Result<Map<String, serde_json::Value>> {
    match c.before.as_deref().map(serde_json::from_str::<serde_json::Value>) {
        Some(Ok(serde_json::Value::Object(m))) => Ok(m),
        _ => bail!("audit row of {} {} has no readable 'before'", c.table, c.record_id),
    }
}

/// Only tables that exist and are records (never the audit machinery itself).
fn check_table(conn: &Connection, table: &str) -> Result<()> {
    let exists: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1)",
        [table],
        |r| r.get(0),
    )?;
    if !exists || super::migrations::NOT_AUDITED.contains(&table) || table.starts_with("search_") {
        bail!("cannot undo changes to {table}");
    }
    Ok(())
}

fn value(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Integer(i64::from(*b)),
        serde_json::Value::Number(n) => {
            n.as_i64().map(Value::Integer).unwrap_or_else(|| Value::Real(n.as_f64().unwrap_or(0.0)))
        }
        serde_json::Value::String(s) => Value::Text(s.clone()),
        other => Value::Text(other.to_string()),
    }
}

/// Keeps the lookup index in step with a record put back or removed.
fn reindex(conn: &Connection, table: &str, id: i64) -> Result<()> {
    let kind = match table {
        "business" => search::Kind::Business,
        "expert" => search::Kind::Expert,
        "organisation" => search::Kind::Organisation,
        "event" => search::Kind::Event,
        "claim" => search::Kind::Claim,
        "desk_consultation" => search::Kind::Consultation,
        _ => return Ok(()),
    };
    search::reindex_record(conn, kind, id)
}
