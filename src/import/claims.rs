//! Form 4 reimbursement claims (様式4 立替金精算書): the event by its date (and title when several are held that
//! day), the amount advanced, the receipt and the day claimed. A claim is only for the fee of a public facility
//! or rented venue: an event at an organisation's or a business's office is refused with R-S5 (the ledger's own
//! `check_claim_venue`). Imported claims are submitted (提出); duplicates: the same event, amount and day claimed.

use std::collections::HashMap;

use anyhow::Result;
use rusqlite::Connection;

use super::columns::{Column, Columns};
use super::read::Sheet;
use super::values::normalise;
use super::{NewRecord, Plan, Problem, RowCheck};
use crate::domain::fiscal_year::{FiscalYear, fiscal_year_of};
use crate::domain::fold::fold;
use crate::domain::parse::{parse_date, parse_yen};
use crate::domain::rules::events::check_claim_venue;
use crate::store::imports;
use crate::store::ledger::writes::ClaimEdit;

/// The columns of a claims sheet.
pub const COLUMNS: &[Column] = &[
    Column { key: "event_date", headers: &["開催日", "実施日"], required: true },
    Column { key: "title", headers: &["講習会名", "行事名", "事業名"], required: false },
    Column { key: "amount", headers: &["金額", "立替金額", "会場使用料"], required: true },
    Column { key: "receipt", headers: &["領収書番号", "領収書"], required: false },
    Column { key: "claimed_on", headers: &["請求日", "精算日"], required: true },
    Column { key: "note", headers: &["備考"], required: false },
];

/// Checks every row; adds the new claims to `plan`.
pub fn check(conn: &Connection, fy: &FiscalYear, cols: &Columns, sheet: &Sheet, plan: &mut Plan) -> Result<()> {
    let mut seen: HashMap<(i64, i64, chrono::NaiveDate), usize> = HashMap::new();
    for (row, cells) in &sheet.rows {
        let mut c = RowCheck::new(*row, cols, COLUMNS);
        let get = |key| cols.get(cells, key);
        let held_on = match get("event_date") {
            "" => c.take("event_date", Err(Problem::Required)),
            s => c.take("event_date", parse_date(s, fy.period.start).map_err(Problem::Date)),
        };
        let title = normalise(get("title"));
        let event = match held_on {
            None => None,
            Some(date) => {
                let events = imports::events_on(conn, date)?;
                let named: Vec<_> = events.iter().filter(|e| title.is_empty() || fold(&e.1) == fold(&title)).collect();
                match named.as_slice() {
                    [one] => Some((one.0, one.2)),
                    _ => {
                        let what = if title.is_empty() { date.to_string() } else { format!("{date} {title}") };
                        let key = if title.is_empty() || named.is_empty() { "event_date" } else { "title" };
                        c.take(key, Err(Problem::UnknownEvent { what, found: named.len() }))
                    }
                }
            }
        };
        let amount = c.take("amount", parse_yen(get("amount")).map_err(Problem::Yen));
        let claimed_on = match get("claimed_on") {
            "" => c.take("claimed_on", Err(Problem::Required)),
            s => c.take("claimed_on", parse_date(s, fy.period.start).map_err(Problem::Date)),
        };
        if let Some((_, venue)) = event
            && let Some(f) = check_claim_venue(venue)
        {
            c.reject("event_date", Problem::Rule(f));
        }
        let (Some((event_id, _)), Some(amount_yen), Some(claimed_on)) = (event, amount, claimed_on) else {
            plan.issues.extend(c.into_issues());
            continue;
        };
        if !c.is_clean() {
            plan.issues.extend(c.into_issues());
            continue;
        }
        if let Some(first) = seen.get(&(event_id, amount_yen, claimed_on)) {
            c.reject("amount", Problem::DuplicateRow(*first));
            plan.issues.extend(c.into_issues());
            continue;
        }
        seen.insert((event_id, amount_yen, claimed_on), *row);
        if imports::claim_exists(conn, event_id, amount_yen, claimed_on)? {
            plan.skipped += 1;
            continue;
        }
        let claim =
            ClaimEdit { amount_yen, receipt_ref: normalise(get("receipt")), claimed_on, note: normalise(get("note")) };
        plan.new.push(NewRecord::Claim { fiscal_year: fiscal_year_of(held_on.unwrap_or(claimed_on)), event_id, claim });
    }
    Ok(())
}
