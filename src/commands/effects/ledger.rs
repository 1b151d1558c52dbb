//! Runs tab 4 (精算)'s loads and saves against the store.

use anyhow::Result;

use crate::app::{Action, Saved, Session};
use crate::screens::ledger::{Load, Reply, Rows, Save, View};
use crate::store::Store;
use crate::store::ledger::lists::{LedgerFilter, Named, Share};
use crate::store::ledger::{lists, totals, writes};
use crate::store::workflow::Refusal;

/// Answers a load.
pub fn load(store: &Store, s: &Session, load: Load) -> Result<Action> {
    let conn = store.conn();
    let fy = s.fy.year;
    Ok(Action::Ledger(match load {
        Load::Page { generation, view, by, filter, offset, limit } => {
            // Work counts from the start of the fiscal year up to today (what has been done).
            let (start, _) = s.fy.bounds();
            // The records the text names, looked up once for the count and the page of payments or work.
            let named = match view {
                View::Payments | View::Work => filter.named(conn)?,
                View::Claims | View::Totals => None,
            };
            let count = |filter: &LedgerFilter, named: Option<&Named>| {
                store.counted(format!("ledger:{view:?}:{by:?}:{filter:?}:{}", s.today), |conn| match view {
                    View::Claims => lists::count_claims(conn, fy, filter),
                    View::Payments => lists::count_payments(conn, fy, filter, named),
                    View::Work => lists::count_work(conn, start, s.today, named),
                    View::Totals => totals::count(conn, fy, by),
                })
            };
            let total = count(&filter, named.as_ref())?;
            // The payments or work without the text (kept between keystrokes): how dense the matches are decides
            // how the page is read.
            let all = match view {
                View::Payments | View::Work if named.is_some() => count(&filter.without_text(), None)?,
                _ => total,
            };
            let share = Share { matches: total, all };
            // A page past the end (rows removed by another console) starts at the last full page.
            let offset = offset.min(total.saturating_sub(limit));
            let rows = match view {
                View::Claims => Rows::Claims(lists::claims(conn, fy, &filter, offset, limit)?),
                View::Payments => {
                    Rows::Payments(lists::payments(conn, fy, &filter, named.as_ref(), share, offset, limit)?)
                }
                View::Work => Rows::Work(lists::work(conn, start, s.today, named.as_ref(), share, offset, limit)?),
                View::Totals => Rows::Totals(totals::page(conn, fy, by, offset, limit)?),
            };
            Reply::Page { generation, total, offset, rows }
        }
        Load::Year => Reply::Year(totals::year(conn, fy, s.fy.budget.total_yen)?),
        Load::Locate { claim_id } => Reply::Located(lists::claim_position(conn, fy, claim_id)?),
        Load::Statement { expert_id, year } => Reply::Statement(totals::statement(conn, expert_id, year)?),
    }))
}

/// Performs a save as one audited action.
pub fn save(store: &mut Store, s: &Session, save: Save) -> Result<Action> {
    let staff = store.staff().to_string();
    let fy = s.fy.year;
    let w = s.fy.withholding;
    let done = |o: Result<(), Refusal>| match o {
        Ok(()) => Action::Saved(Saved::Changed),
        Err(r) => Action::Refused(r),
    };
    Ok(match save {
        Save::CreateClaim { event_id, claim } => {
            done(store.act_if("ledger.claim.create", |tx| writes::create_claim(tx, fy, event_id, &claim))?.map(|_| ()))
        }
        Save::UpdateClaim { id, row_version, claim } => {
            done(store.act_if("ledger.claim.edit", |tx| writes::update_claim(tx, id, row_version, &claim))?)
        }
        Save::AdvanceClaim { id, from, on } => {
            done(store.act_if("ledger.claim.step", |tx| writes::advance_claim(tx, id, from, on, &staff))?.map(|_| ()))
        }
        Save::ReturnClaim { id, from, reason } => {
            done(store.act_if("ledger.claim.return", |tx| writes::return_claim(tx, id, from, &reason))?)
        }
        Save::CreatePayment(p) => {
            done(store.act_if("ledger.payment.create", |tx| writes::create_payment(tx, fy, &w, &p))?.map(|_| ()))
        }
        Save::UpdatePayment { id, row_version, honorarium_yen, travel_yen, note } => {
            done(store.act_if("ledger.payment.edit", |tx| {
                writes::update_payment(tx, &w, id, row_version, honorarium_yen, travel_yen, &note)
            })?)
        }
        Save::AdvancePayment { id, from, on } => {
            done(store.act_if("ledger.payment.step", |tx| writes::advance_payment(tx, id, from, on))?.map(|_| ()))
        }
    })
}
