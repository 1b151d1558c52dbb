//! Experts on the roster: one row each, themes as numbers or ①..⑧; duplicates found by folded name + phone.

use std::collections::HashMap;

use anyhow::Result;
use rusqlite::Connection;

use super::businesses::resolve_municipality;
use super::columns::{Column, Columns};
use super::read::Sheet;
use super::values::{self, normalise};
use super::{NewRecord, Plan, Problem, RowCheck, optional};
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::fold::fold;
use crate::domain::parse::{parse_phone, phone_digits};
use crate::domain::records::NewExpert;
use crate::store::organisations::municipalities;

/// The columns of an experts sheet.
pub const COLUMNS: &[Column] = &[
    Column { key: "name", headers: &["氏名", "専門家名", "名前"], required: true },
    Column { key: "reading", headers: &["フリガナ", "ふりがな", "よみがな", "カナ"], required: false },
    Column { key: "affiliation", headers: &["所属", "事務所", "所属先"], required: false },
    Column { key: "qualifications", headers: &["資格"], required: false },
    Column { key: "keywords", headers: &["キーワード", "得意分野"], required: false },
    Column { key: "themes", headers: &["テーマ", "対応テーマ"], required: false },
    Column { key: "phone", headers: &["電話番号", "電話", "TEL"], required: false },
    Column { key: "email", headers: &["メール", "メールアドレス", "E-mail"], required: false },
    Column { key: "municipality", headers: &["市町村", "所在市町村"], required: false },
    Column { key: "corporation", headers: &["法人", "法人払い"], required: false },
];

/// Checks every row; adds the new experts to `plan`.
pub fn check(conn: &Connection, fy: &FiscalYear, cols: &Columns, sheet: &Sheet, plan: &mut Plan) -> Result<()> {
    let all = municipalities(conn)?;
    let known: Vec<u8> = fy.dispatch_themes().iter().map(|t| t.number).collect();
    let max = known.iter().copied().max().unwrap_or(0);
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (row, cells) in &sheet.rows {
        let mut c = RowCheck::new(*row, cols, COLUMNS);
        let get = |key| cols.get(cells, key);
        let name = normalise(get("name"));
        if name.is_empty() {
            c.reject("name", Problem::Required);
        }
        let themes = c
            .take("themes", values::themes(get("themes"), &known).map_err(|value| Problem::UnknownTheme { value, max }))
            .unwrap_or_default();
        let phone =
            c.take("phone", optional(get("phone"), parse_phone).map_err(Problem::Phone)).flatten().unwrap_or_default();
        let municipality_cell = normalise(get("municipality"));
        let municipality = resolve_municipality(&all, &municipality_cell, "");
        if municipality.is_none() && !municipality_cell.is_empty() {
            c.reject("municipality", Problem::UnknownMunicipality(municipality_cell));
        }
        let corporation = get("corporation");
        let is_corporation =
            c.take("corporation", values::flag(corporation).ok_or_else(|| Problem::Flag(corporation.into())));
        if !c.is_clean() {
            plan.issues.extend(c.into_issues());
            continue;
        }
        let key = format!("{}|{}", fold(&name), phone_digits(&phone));
        if let Some(first) = seen.get(&key) {
            c.reject("name", Problem::DuplicateRow(*first));
            plan.issues.extend(c.into_issues());
            continue;
        }
        seen.insert(key, *row);
        if crate::store::imports::find_expert(conn, &name, &phone)?.is_some() {
            plan.skipped += 1;
            continue;
        }
        plan.new.push(NewRecord::Expert(NewExpert {
            name,
            reading: normalise(get("reading")),
            affiliation: normalise(get("affiliation")),
            qualifications: normalise(get("qualifications")),
            keywords: normalise(get("keywords")),
            themes,
            phone,
            email: normalise(get("email")),
            municipality_id: municipality.map(|m| m.id),
            is_corporation: is_corporation.unwrap_or(false),
            retired_on: None,
        }));
    }
    Ok(())
}
