//! Dispatch applications (Form 1): the received date in ISO or 和暦, the business (registered first, found by
//! folded name + phone), the applying chamber, the theme, and Form 1's free-text sections under their headings
//! from the fiscal-year file. Duplicates found by application number, or by business, date and theme.

use std::collections::HashMap;

use anyhow::Result;
use rusqlite::Connection;

use super::columns::{Column, Columns, fold_header};
use super::read::Sheet;
use super::values::{self, normalise};
use super::{NewRecord, Plan, Problem, RowCheck};
use crate::domain::fiscal_year::{FiscalYear, fiscal_year_of};
use crate::domain::model::DispatchNumber;
use crate::domain::parse::parse_date;
use crate::domain::records::NewDispatch;
use crate::store::imports;
use crate::store::reports::lists::find_chamber;

/// The columns of an applications sheet (Form 1's sections are found by their headings besides these).
pub const COLUMNS: &[Column] = &[
    Column { key: "number", headers: &["申請番号", "受付番号", "番号"], required: false },
    Column { key: "received_on", headers: &["受付日", "申請日"], required: true },
    Column { key: "business", headers: &["事業者名", "名称", "会社名"], required: true },
    Column { key: "phone", headers: &["電話番号", "電話", "TEL"], required: false },
    Column {
        key: "chamber", headers: &["商工会", "申請元", "商工会・商工会議所", "商工会等"], required: false
    },
    Column { key: "theme", headers: &["テーマ", "相談テーマ"], required: true },
];

/// Checks every row; adds the new applications to `plan`.
pub fn check(conn: &Connection, fy: &FiscalYear, cols: &Columns, sheet: &Sheet, plan: &mut Plan) -> Result<()> {
    let known: Vec<u8> = fy.dispatch_themes().iter().map(|t| t.number).collect();
    let max = known.iter().copied().max().unwrap_or(0);
    let reference = fy.period.start;
    let sections: Vec<(String, usize)> = fy
        .form1_sections
        .iter()
        .filter_map(|s| {
            sheet.headers.iter().position(|h| fold_header(h) == fold_header(&s.ja)).map(|i| (s.key.clone(), i))
        })
        .collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (row, cells) in &sheet.rows {
        let mut c = RowCheck::new(*row, cols, COLUMNS);
        let get = |key| cols.get(cells, key);
        let number = match get("number") {
            "" => None,
            s => c.take("number", DispatchNumber::parse(s, fy.year).ok_or_else(|| Problem::BadNumber(s.into()))),
        };
        let received_on = match get("received_on") {
            "" => c.take("received_on", Err(Problem::Required)),
            s => c.take("received_on", parse_date(s, reference).map_err(Problem::Date)),
        };
        if let (Some(n), Some(date)) = (number, received_on)
            && fiscal_year_of(date) != n.fiscal_year
        {
            c.reject("received_on", Problem::WrongYear { date, year: n.fiscal_year });
        }
        let name = normalise(get("business"));
        let phone = normalise(get("phone"));
        let business_id = if name.is_empty() {
            c.reject("business", Problem::Required);
            None
        } else {
            let found = match imports::find_business(conn, &name, &phone, None)? {
                // A sheet without phone numbers still finds a business whose name is unique.
                None if phone.is_empty() => imports::only_business_named(conn, &name)?,
                found => found,
            };
            if found.is_none() {
                c.reject("business", Problem::UnknownBusiness { name: name.clone(), phone: phone.clone() });
            }
            found
        };
        let chamber = get("chamber");
        let chamber_id = match find_chamber(conn, chamber)? {
            Some((id, _)) => Some(id),
            None if chamber.is_empty() => None,
            None => {
                c.reject("chamber", Problem::UnknownChamber(chamber.to_string()));
                None
            }
        };
        let theme_cell = get("theme");
        let theme = if theme_cell.is_empty() {
            c.take("theme", Err(Problem::Required))
        } else {
            c.take(
                "theme",
                values::theme(theme_cell, &known)
                    .ok_or_else(|| Problem::UnknownTheme { value: theme_cell.into(), max }),
            )
        };
        let (Some(received_on), Some(business_id), Some(theme)) = (received_on, business_id, theme) else {
            plan.issues.extend(c.into_issues());
            continue;
        };
        if !c.is_clean() {
            plan.issues.extend(c.into_issues());
            continue;
        }
        let fiscal_year = number.map_or_else(|| fiscal_year_of(received_on), |n| n.fiscal_year);
        let keys = [number.map(|n| format!("number:{n}")), Some(format!("same:{business_id}|{received_on}|{theme}"))];
        if let Some(first) = keys.iter().flatten().find_map(|k| seen.get(k)) {
            let key = if number.is_some() { "number" } else { "business" };
            c.reject(key, Problem::DuplicateRow(*first));
            plan.issues.extend(c.into_issues());
            continue;
        }
        for k in keys.into_iter().flatten() {
            seen.insert(k, *row);
        }
        let exists = match number {
            Some(n) => imports::dispatch_exists(conn, n)?,
            None => imports::same_application_exists(conn, business_id, received_on, theme)?,
        };
        if exists {
            plan.skipped += 1;
            continue;
        }
        let sections = sections
            .iter()
            .filter_map(|(key, i)| cells.get(*i).map(|t| (key.clone(), t.trim().to_string())))
            .filter(|(_, t)| !t.is_empty())
            .collect();
        plan.new.push(NewRecord::Application(
            NewDispatch {
                fiscal_year,
                business_id,
                chamber_id,
                guidance_officer_id: None,
                received_on,
                theme,
                sections,
                recommended_expert_id: None,
            },
            number.map(|n| n.seq),
        ));
    }
    Ok(())
}
