//! Work with no payment yet (table `unpaid_work`, migrations 011 and 012): every visit and every expert's part in
//! an event (not cancelled) that no payment covers, with the visit's application, so the ledger's Work view counts
//! and pages a few thousand rows instead of a year of visits against their payments.
//!
//! The view `unpaid_work_entry` is the one definition; triggers on visits, payments, the experts of events and
//! events keep the table in step (`ledger::derived`).

use rusqlite::Connection;

use super::derived::{Derived, Source};

/// The table, its view, and the records that decide its rows.
const UNPAID_WORK: Derived = Derived {
    table: "unpaid_work",
    view: "unpaid_work_entry",
    columns: "kind, ref_id, expert_id, work_date, dispatch_id",
    sources: &[
        Source {
            table: "visit",
            columns: "expert_id, visit_date, dispatch_id",
            rows: true,
            filters: &["kind = 'visit' AND ref_id = ROW.id"],
        },
        // A payment of a visit, or of an expert's part in an event.
        Source {
            table: "payment",
            columns: "visit_id, event_id, expert_id",
            rows: true,
            filters: &[
                "kind = 'visit' AND ref_id = ROW.visit_id",
                "kind = 'event' AND ref_id = ROW.event_id AND expert_id = ROW.expert_id",
            ],
        },
        Source {
            table: "event_expert",
            columns: "event_id, expert_id",
            rows: true,
            filters: &["kind = 'event' AND ref_id = ROW.event_id AND expert_id = ROW.expert_id"],
        },
        Source {
            table: "event",
            columns: "event_date, status",
            rows: false,
            filters: &["kind = 'event' AND ref_id = ROW.id"],
        },
    ],
};

/// Drops the triggers (bulk work rebuilds the table once at its end instead).
pub fn drop_triggers(conn: &Connection) -> rusqlite::Result<()> {
    UNPAID_WORK.drop_triggers(conn)
}

/// Recomputes the table from the records and (re)creates the triggers.
pub fn rebuild(conn: &Connection) -> rusqlite::Result<()> {
    UNPAID_WORK.rebuild(conn)
}

/// The rows that differ from a recomputation from the records, as "kind/ref_id/expert_id/date/dispatch" (empty
/// when they agree).
pub fn drift(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    UNPAID_WORK.drift(conn)
}
