//! The payments for the visits of each application (table `dispatch_payment`, migration 012), with their list
//! order's keys: the payments filter finds those of the businesses a text names from one index range per
//! application, not a visit and then a payment per visit.
//!
//! The view `dispatch_payment_entry` is the one definition; triggers on payments and visits keep the table in
//! step (`ledger::derived`).

use rusqlite::Connection;

use super::derived::{Derived, Source};

/// The table, its view, and the records that decide its rows.
const DISPATCH_PAYMENT: Derived = Derived {
    table: "dispatch_payment",
    view: "dispatch_payment_entry",
    columns: "dispatch_id, payment_id, expert_id, fiscal_year, status, proposed_on",
    sources: &[
        Source {
            table: "payment",
            columns: "visit_id, expert_id, fiscal_year, status, proposed_on",
            rows: true,
            filters: &["payment_id = ROW.id"],
        },
        // A visit moved to another application (its payments follow).
        Source {
            table: "visit",
            columns: "dispatch_id",
            rows: false,
            filters: &["payment_id IN (SELECT p.id FROM payment p WHERE p.visit_id = ROW.id)"],
        },
    ],
};

/// Drops the triggers (bulk work rebuilds the table once at its end instead).
pub fn drop_triggers(conn: &Connection) -> rusqlite::Result<()> {
    DISPATCH_PAYMENT.drop_triggers(conn)
}

/// Recomputes the table from the records and (re)creates the triggers.
pub fn rebuild(conn: &Connection) -> rusqlite::Result<()> {
    DISPATCH_PAYMENT.rebuild(conn)
}

/// The rows that differ from a recomputation from the records, as "dispatch/payment/expert/year/status/date"
/// (empty when they agree).
pub fn drift(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    DISPATCH_PAYMENT.drift(conn)
}
