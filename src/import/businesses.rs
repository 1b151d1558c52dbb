//! Businesses (事業者): one row each; the legal form is checked against R-E3 (and R-E1 when the municipality is
//! known), duplicates found by corporate number or folded name + phone.

use std::collections::HashMap;

use anyhow::Result;
use rusqlite::Connection;

use super::columns::{Column, Columns};
use super::read::Sheet;
use super::values::{self, normalise};
use super::{NewRecord, Plan, Problem, RowCheck, optional};
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::fold::fold;
use crate::domain::model::LegalForm;
use crate::domain::parse::{parse_corporate_number, parse_int, parse_phone, parse_yen, phone_digits};
use crate::domain::records::NewBusiness;
use crate::domain::rules::Finding;
use crate::domain::rules::eligibility::{BusinessFacts, check_eligibility};
use crate::store::organisations::{Municipality, municipalities};

/// The columns of a businesses sheet.
pub const COLUMNS: &[Column] = &[
    Column { key: "name", headers: &["事業者名", "名称", "会社名", "屋号"], required: true },
    Column { key: "reading", headers: &["フリガナ", "ふりがな", "よみがな", "カナ"], required: false },
    Column { key: "legal_form", headers: &["法人格", "法人区分"], required: false },
    Column { key: "corporate_number", headers: &["法人番号"], required: false },
    Column { key: "industry", headers: &["業種"], required: false },
    Column { key: "capital", headers: &["資本金"], required: false },
    Column { key: "employees", headers: &["従業員数", "従業員"], required: false },
    Column { key: "municipality", headers: &["市町村", "所在市町村"], required: false },
    Column { key: "address", headers: &["住所", "所在地"], required: false },
    Column { key: "phone", headers: &["電話番号", "電話", "TEL"], required: false },
    Column { key: "representative", headers: &["代表者", "代表者名"], required: false },
    Column {
        key: "chamber", headers: &["商工会", "所属商工会", "商工会・商工会議所", "商工会等"], required: false
    },
];

/// The municipality named in a cell (`山都町`, `山都`) or, failing that, in the address.
pub fn resolve_municipality<'a>(all: &'a [Municipality], cell: &str, address: &str) -> Option<&'a Municipality> {
    if !cell.is_empty() {
        return all
            .iter()
            .find(|m| m.name == cell || ["市", "町", "村"].iter().any(|s| m.name.strip_suffix(s) == Some(cell)));
    }
    // The longest name first, so 宇城市 is not taken for a shorter name inside it.
    let mut by_length: Vec<&Municipality> = all.iter().collect();
    by_length.sort_by_key(|m| std::cmp::Reverse(m.name.chars().count()));
    by_length.into_iter().find(|m| address.contains(&m.name))
}

/// Whether an address starts with a prefecture other than Kumamoto (`福岡県...`, `東京都...`).
fn in_other_prefecture(address: &str) -> bool {
    let head: String = address.chars().take(4).collect();
    match head.find(['都', '道', '府', '県']) {
        Some(end) => &head[..end] != "熊本",
        None => false,
    }
}

/// Checks every row; adds the new businesses to `plan`.
pub fn check(conn: &Connection, fy: &FiscalYear, cols: &Columns, sheet: &Sheet, plan: &mut Plan) -> Result<()> {
    let all = municipalities(conn)?;
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (row, cells) in &sheet.rows {
        let mut c = RowCheck::new(*row, cols, COLUMNS);
        let get = |key| cols.get(cells, key);
        let name = normalise(get("name"));
        if name.is_empty() {
            c.reject("name", Problem::Required);
        }
        let legal_form = match normalise(get("legal_form")).as_str() {
            "" => values::legal_form_in_name(&name),
            form => {
                c.take("legal_form", LegalForm::from_name(form).ok_or_else(|| Problem::UnknownLegalForm(form.into())))
            }
        };
        let corporate_number = c
            .take(
                "corporate_number",
                optional(get("corporate_number"), parse_corporate_number).map_err(Problem::CorporateNumber),
            )
            .flatten();
        let industry = c
            .take(
                "industry",
                optional(get("industry"), |s| values::industry(s).ok_or_else(|| Problem::UnknownIndustry(s.into()))),
            )
            .flatten();
        let capital_yen = c.take("capital", optional(get("capital"), parse_yen).map_err(Problem::Yen)).flatten();
        let employees = c.take("employees", optional(get("employees"), parse_int).map_err(Problem::Int)).flatten();
        let address = normalise(get("address"));
        let municipality_cell = normalise(get("municipality"));
        let municipality = resolve_municipality(&all, &municipality_cell, &address);
        if municipality.is_none() && !municipality_cell.is_empty() {
            c.reject("municipality", Problem::UnknownMunicipality(municipality_cell.clone()));
        }
        let facts = BusinessFacts {
            legal_form,
            municipality_code: municipality.map(|m| m.code.as_str()),
            industry,
            capital_yen,
            employees,
        };
        for finding in check_eligibility(&fy.eligibility, &facts) {
            match finding {
                // R-E1 needs a known place: an unknown municipality is reported as such, an empty one is not
                // taken as outside, an address in another prefecture is.
                Finding::OutsidePrefecture if municipality.is_none() && !in_other_prefecture(&address) => {}
                Finding::OutsidePrefecture => c.reject("address", Problem::Rule(finding)),
                f => c.reject(if get("legal_form").is_empty() { "name" } else { "legal_form" }, Problem::Rule(f)),
            }
        }
        let phone =
            c.take("phone", optional(get("phone"), parse_phone).map_err(Problem::Phone)).flatten().unwrap_or_default();
        let chamber = get("chamber");
        let chamber_id = match crate::store::reports::lists::find_chamber(conn, chamber)? {
            Some((id, _)) => Some(id),
            None if chamber.is_empty() => None,
            None => {
                c.reject("chamber", Problem::UnknownChamber(chamber.to_string()));
                None
            }
        };
        if !c.is_clean() {
            plan.issues.extend(c.into_issues());
            continue;
        }
        let keys = [
            corporate_number.as_ref().map(|n| format!("number:{n}")),
            Some(format!("name:{}|{}", fold(&name), phone_digits(&phone))),
        ];
        if let Some(first) = keys.iter().flatten().find_map(|k| seen.get(k)) {
            c.reject("name", Problem::DuplicateRow(*first));
            plan.issues.extend(c.into_issues());
            continue;
        }
        for k in keys.into_iter().flatten() {
            seen.insert(k, *row);
        }
        if crate::store::imports::find_business(conn, &name, &phone, corporate_number.as_deref())?.is_some() {
            plan.skipped += 1;
            continue;
        }
        plan.new.push(NewRecord::Business(NewBusiness {
            name,
            reading: normalise(get("reading")),
            legal_form,
            corporate_number,
            industry,
            capital_yen,
            employees,
            municipality_id: municipality.map(|m| m.id),
            address,
            phone,
            representative: normalise(get("representative")),
            chamber_id,
        }));
    }
    Ok(())
}
