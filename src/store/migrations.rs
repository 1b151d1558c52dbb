//! Versioned migrations (SQLite `user_version`, via rusqlite_migration) and the audit triggers they generate.

use std::sync::LazyLock;

use anyhow::Result;
use rusqlite::{Connection, Transaction};
use rusqlite_migration::{HookResult, M, Migrations};

/// Tables that are not records: never audited, never undone.
pub const NOT_AUDITED: &[&str] = &[
    "meta",
    "action",
    "audit",
    "audit_context",
    "recent",
    "dispatch_counter",
    "ledger_sum",
    "unpaid_work",
    "dispatch_payment",
];

/// Every migration, oldest first; the database's `user_version` counts those applied.
///
/// Each one ends by regenerating the audit triggers ([`schema`]), so a new table or column is audited without
/// a migration having to remember it.
fn all() -> Vec<M<'static>> {
    vec![
        M::up_with_hook(include_str!("migrations/001_core.sql"), |tx: &Transaction| -> HookResult {
            super::reference::load(tx)?;
            refresh_audit_triggers(tx)?;
            Ok(())
        }),
        M::up_with_hook(include_str!("migrations/002_search.sql"), |tx: &Transaction| -> HookResult {
            tx.execute_batch(super::search::FTS_TRIGGERS)?;
            super::search::rebuild(tx).map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))?;
            refresh_audit_triggers(tx)?;
            Ok(())
        }),
        schema(include_str!("migrations/003_recent.sql")),
        schema(include_str!("migrations/004_visit_accompanying_name.sql")),
        schema(include_str!("migrations/005_dispatch_counter.sql")),
        schema(include_str!("migrations/006_roster_orderings.sql")),
        M::up_with_hook(include_str!("migrations/007_ledger_sums.sql"), |tx: &Transaction| -> HookResult {
            super::ledger::sums::rebuild(tx)?;
            refresh_audit_triggers(tx)?;
            Ok(())
        }),
        schema(include_str!("migrations/008_list_orders.sql")),
        M::up_with_hook(include_str!("migrations/009_search_bands.sql"), |tx: &Transaction| -> HookResult {
            super::search::with_deferred_fts(tx, || super::search::rebuild(tx))
                .map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))?;
            refresh_audit_triggers(tx)?;
            Ok(())
        }),
        M::up_with_hook(include_str!("migrations/010_list_filters.sql"), |tx: &Transaction| -> HookResult {
            use super::search::{Kind, index_all, with_deferred_fts};
            with_deferred_fts(tx, || index_all(tx, Kind::Consultation))
                .map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))?;
            refresh_audit_triggers(tx)?;
            Ok(())
        }),
        // The table is filled, and its triggers made, by 012's hook (from the table's latest definition).
        schema(include_str!("migrations/011_unpaid_work.sql")),
        M::up_with_hook(include_str!("migrations/012_dispatch_keys.sql"), |tx: &Transaction| -> HookResult {
            super::ledger::unpaid::rebuild(tx)?;
            super::ledger::dispatch_payments::rebuild(tx)?;
            refresh_audit_triggers(tx)?;
            Ok(())
        }),
    ]
}

/// A migration of plain SQL followed by the regeneration of the audit triggers.
fn schema(sql: &'static str) -> M<'static> {
    M::up_with_hook(sql, |tx: &Transaction| -> HookResult {
        refresh_audit_triggers(tx)?;
        Ok(())
    })
}

static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| Migrations::new(all()));

/// Brings a database to the latest schema version.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    MIGRATIONS.to_latest(conn)?;
    Ok(())
}

/// The schema version a database is at.
pub fn version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// The schema version this build migrates to.
pub fn latest_version() -> usize {
    all().len()
}

/// (Re)creates the insert/update/delete audit triggers of every record table from its current columns.
///
/// Each trigger writes the whole row as JSON (before and/or after) with the action in progress, so history,
/// whole-action undo and redo can read any change. Called by every migration that adds tables or columns.
pub fn refresh_audit_triggers(tx: &Transaction) -> rusqlite::Result<()> {
    let tables: Vec<String> = {
        let mut st = tx.prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
        )?;
        st.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
    };
    for table in tables.iter().filter(|t| !NOT_AUDITED.contains(&t.as_str()) && !t.starts_with("search_")) {
        let columns: Vec<String> = {
            let mut st = tx.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?;
            st.query_map([table], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
        };
        let json = |row: &str| {
            let pairs: Vec<String> = columns.iter().map(|c| format!("'{c}', {row}.\"{c}\"")).collect();
            format!("json_object({})", pairs.join(", "))
        };
        let when = "WHEN (SELECT enabled FROM audit_context WHERE id = 1) = 1";
        let action = "(SELECT action_id FROM audit_context WHERE id = 1)";
        let sql = format!(
            "DROP TRIGGER IF EXISTS audit_{t}_insert;
             DROP TRIGGER IF EXISTS audit_{t}_update;
             DROP TRIGGER IF EXISTS audit_{t}_delete;
             CREATE TRIGGER audit_{t}_insert AFTER INSERT ON \"{t}\" {when} BEGIN
               INSERT INTO audit (action_id, tbl, record_id, op, before, after)
               VALUES ({action}, '{t}', NEW.id, 'insert', NULL, {new});
             END;
             CREATE TRIGGER audit_{t}_update AFTER UPDATE ON \"{t}\" {when} BEGIN
               INSERT INTO audit (action_id, tbl, record_id, op, before, after)
               VALUES ({action}, '{t}', NEW.id, 'update', {old}, {new});
             END;
             CREATE TRIGGER audit_{t}_delete AFTER DELETE ON \"{t}\" {when} BEGIN
               INSERT INTO audit (action_id, tbl, record_id, op, before, after)
               VALUES ({action}, '{t}', OLD.id, 'delete', {old}, NULL);
             END;",
            t = table,
            new = json("NEW"),
            old = json("OLD"),
        );
        tx.execute_batch(&sql)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_migration_applies_in_turn_from_empty() {
        let mut conn = Connection::open_in_memory().unwrap();
        for v in 1..=latest_version() {
            MIGRATIONS.to_version(&mut conn, v).unwrap();
            assert_eq!(version(&conn).unwrap() as usize, v);
        }
    }

    #[test]
    fn migrations_are_valid_and_latest_version_matches() {
        MIGRATIONS.validate().expect("valid migrations");
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        assert_eq!(version(&conn).unwrap() as usize, latest_version());
    }

    #[test]
    fn every_record_table_has_its_three_audit_triggers() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        let missing: Vec<String> = conn
            .prepare(
                "SELECT t.name FROM sqlite_schema t WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%' \
                 AND t.name NOT LIKE 'search_%' AND t.sql NOT LIKE 'CREATE VIRTUAL%' \
                 AND (SELECT count(*) FROM sqlite_schema g WHERE g.type = 'trigger' AND g.tbl_name = t.name \
                      AND g.name LIKE 'audit_%') <> 3",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .filter(|t: &String| !NOT_AUDITED.contains(&t.as_str()))
            .collect();
        assert!(missing.is_empty(), "tables without audit triggers: {missing:?}");
    }
}
