//! The reimbursement ledger: Form 4 claims and honorarium/travel payments. The raw inserts live here (the demo
//! uses them); the lists, totals and audited writes of tab 4 in the submodules.

mod derived;
pub mod dispatch_payments;
pub mod lists;
pub mod sums;
pub mod totals;
pub mod unpaid;
pub mod writes;

use anyhow::Result;
use rusqlite::{Connection, params};

use crate::domain::records::{NewClaim, NewPayment};
use crate::domain::rules::money::net_yen;

/// Drops the triggers whose names start with `prefix` (bulk work drops the derived tables' triggers and rebuilds
/// the tables once at its end).
fn drop_triggers_named(conn: &Connection, prefix: &str) -> rusqlite::Result<()> {
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND substr(name, 1, length(?1)) = ?1")?
        .query_map([prefix], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for name in names {
        conn.execute_batch(&format!("DROP TRIGGER {name};"))?;
    }
    Ok(())
}

/// Inserts a Form 4 claim; returns its id.
pub fn insert_claim(conn: &Connection, c: &NewClaim) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO claim (fiscal_year, event_id, organisation_id, amount_yen, receipt_ref, claimed_on, status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        c.fiscal_year,
        c.event_id,
        c.organisation_id,
        c.amount_yen,
        c.receipt_ref,
        c.claimed_on,
        c.status
    ])?;
    let id = conn.last_insert_rowid();
    crate::store::search::reindex_record(conn, crate::store::search::Kind::Claim, id)?;
    Ok(id)
}

/// Inserts a payment (net computed from its parts); returns its id.
pub fn insert_payment(conn: &Connection, p: &NewPayment) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO payment (fiscal_year, expert_id, visit_id, event_id, honorarium_yen, travel_yen, withholding_yen,
             net_yen, payee_is_corporation, status, proposed_on, approved_on, paid_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        p.fiscal_year,
        p.expert_id,
        p.visit_id,
        p.event_id,
        p.honorarium_yen,
        p.travel_yen,
        p.withholding_yen,
        net_yen(p.honorarium_yen, p.travel_yen, p.withholding_yen),
        p.payee_is_corporation,
        p.status,
        p.proposed_on,
        p.approved_on,
        p.paid_on
    ])?;
    Ok(conn.last_insert_rowid())
}
