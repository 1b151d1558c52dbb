//! The ledger's running sums (table `ledger_sum`, migration 007): per fiscal year, the count, amount, paid and
//! withheld money of every month, organisation, expert and kind, kept in step by triggers as claims and payments
//! change, so the totals view and the year against its budget read a few rows at any scale.
//!
//! Each trigger subtracts a record's entries before it changes and adds them back after, reading the entries from
//! the `ledger_entry_key` view (one definition of what counts where). The sums are derived data: not audited; an
//! undo changes the records and the triggers follow.

use rusqlite::Connection;

/// Adds (`sign` "") or subtracts (`sign` "-") the entries the `filter` selects.
fn apply(sign: &str, filter: &str) -> String {
    format!(
        "INSERT INTO ledger_sum (fiscal_year, dim, key, count, amount_yen, paid_yen, withheld_yen)
         SELECT fiscal_year, dim, key, {sign}COUNT(*), {sign}SUM(amount),
                {sign}SUM(CASE WHEN paid THEN amount ELSE 0 END), {sign}SUM(withheld)
         FROM ledger_entry_key WHERE {filter} GROUP BY fiscal_year, dim, key
         ON CONFLICT (fiscal_year, dim, key) DO UPDATE SET count = count + excluded.count,
             amount_yen = amount_yen + excluded.amount_yen, paid_yen = paid_yen + excluded.paid_yen,
             withheld_yen = withheld_yen + excluded.withheld_yen;"
    )
}

/// Subtracts the entries the `filter` selects and drops the groups left empty.
fn remove(filter: &str) -> String {
    format!(
        "{}
         DELETE FROM ledger_sum WHERE count = 0 AND (fiscal_year, dim, key) IN
             (SELECT fiscal_year, dim, key FROM ledger_entry_key WHERE {filter});",
        apply("-", filter)
    )
}

/// The triggers of one source: a table whose rows (or whose `columns`) decide some entries, and the entries a
/// row selects (written with `ROW` for OLD or NEW).
fn triggers(name: &str, table: &str, columns: Option<&str>, filter: &str) -> String {
    let old = filter.replace("ROW", "OLD");
    let new = filter.replace("ROW", "NEW");
    let (of, when) = match columns {
        Some(c) => {
            let changed: Vec<String> = c.split(", ").map(|c| format!("OLD.{c} IS NOT NEW.{c}")).collect();
            (format!("OF {c} "), format!("WHEN {} ", changed.join(" OR ")))
        }
        None => (String::new(), String::new()),
    };
    let mut sql = format!(
        "CREATE TRIGGER ledger_sum_{name}_before_update BEFORE UPDATE {of}ON {table} {when}BEGIN {} END;
         CREATE TRIGGER ledger_sum_{name}_after_update AFTER UPDATE {of}ON {table} {when}BEGIN {} END;",
        remove(&old),
        apply("", &new)
    );
    if columns.is_none() {
        sql += &format!(
            "CREATE TRIGGER ledger_sum_{name}_insert AFTER INSERT ON {table} BEGIN {} END;
             CREATE TRIGGER ledger_sum_{name}_delete BEFORE DELETE ON {table} BEGIN {} END;",
            apply("", &new),
            remove(&old)
        );
    }
    sql
}

/// Every trigger's name and SQL: claims and payments themselves, and the links that decide a payment's
/// organisation (an event's organiser, a visit's dispatch, a dispatch's chamber).
fn all_triggers() -> String {
    [
        triggers("claim", "claim", None, "src = 'claim' AND src_id = ROW.id"),
        triggers("payment", "payment", None, "src = 'payment' AND src_id = ROW.id"),
        triggers(
            "event",
            "event",
            Some("organiser_id"),
            "src = 'payment' AND src_id IN (SELECT id FROM payment WHERE event_id = ROW.id)",
        ),
        triggers(
            "visit",
            "visit",
            Some("dispatch_id"),
            "src = 'payment' AND src_id IN (SELECT id FROM payment WHERE visit_id = ROW.id)",
        ),
        triggers(
            "dispatch",
            "dispatch",
            Some("chamber_id"),
            "src = 'payment' AND src_id IN
                 (SELECT p.id FROM visit v JOIN payment p ON p.visit_id = v.id WHERE v.dispatch_id = ROW.id)",
        ),
    ]
    .concat()
}

/// Drops the triggers (bulk work rebuilds the sums once at its end instead).
pub fn drop_triggers(conn: &Connection) -> rusqlite::Result<()> {
    super::drop_triggers_named(conn, "ledger_sum_")
}

/// Recomputes every sum from the records and (re)creates the triggers.
pub fn rebuild(conn: &Connection) -> rusqlite::Result<()> {
    drop_triggers(conn)?;
    conn.execute_batch(
        "DELETE FROM ledger_sum;
         INSERT INTO ledger_sum (fiscal_year, dim, key, count, amount_yen, paid_yen, withheld_yen)
         SELECT fiscal_year, dim, key, COUNT(*), SUM(amount), SUM(CASE WHEN paid THEN amount ELSE 0 END),
                SUM(withheld)
         FROM ledger_entry_key GROUP BY fiscal_year, dim, key;",
    )?;
    conn.execute_batch(&all_triggers())
}

/// The groups whose sums differ from a recomputation from the records (empty when they agree).
pub fn drift(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    conn.prepare(
        "WITH fresh AS (
             SELECT fiscal_year, dim, key, COUNT(*) AS count, SUM(amount) AS amount_yen,
                    SUM(CASE WHEN paid THEN amount ELSE 0 END) AS paid_yen, SUM(withheld) AS withheld_yen
             FROM ledger_entry_key GROUP BY fiscal_year, dim, key)
         SELECT fiscal_year || '/' || dim || '/' || key FROM
             (SELECT * FROM fresh EXCEPT SELECT * FROM ledger_sum)
         UNION ALL
         SELECT fiscal_year || '/' || dim || '/' || key FROM
             (SELECT * FROM ledger_sum EXCEPT SELECT * FROM fresh)",
    )?
    .query_map([], |r| r.get(0))?
    .collect()
}
