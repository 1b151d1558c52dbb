//! Visits (派遣) of dispatch applications: the application by its number, the day in ISO or 和暦, start and end
//! times, the place (R-D2), the expert (the application's assigned one when empty) and who accompanied (R-D3). Each row is checked with the same rule as a
//! visit entered in the console (`check_new_visit`: R-P1, R-D1, R-D2, R-D3), counting the visits the
//! application has and the file's earlier rows for it; an import records no R-D1 override, so a row beyond the
//! limits is rejected. Duplicates: the same application, day and start time.

use std::collections::HashMap;

use anyhow::Result;
use rusqlite::Connection;

use super::columns::{Column, Columns};
use super::read::Sheet;
use super::values::{labelled, normalise};
use super::{NewRecord, Plan, Problem, RowCheck};
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::model::{AccompanimentKind, DispatchNumber, PlaceKind};
use crate::domain::parse::{parse_date, parse_time};
use crate::domain::records::NewVisit;
use crate::domain::rules::dispatch::{CountedVisit, VisitPlan, check_new_visit};
use crate::domain::rules::{Finding, RuleId};
use crate::store::imports;
use crate::ui::i18n::label;

/// The columns of a visits sheet.
pub const COLUMNS: &[Column] = &[
    Column { key: "number", headers: &["申請番号", "受付番号"], required: true },
    Column { key: "date", headers: &["派遣日", "訪問日", "実施日"], required: true },
    Column { key: "start", headers: &["開始", "開始時刻"], required: true },
    Column { key: "end", headers: &["終了", "終了時刻"], required: true },
    Column { key: "place", headers: &["場所", "派遣場所", "訪問場所"], required: true },
    Column { key: "place_note", headers: &["場所の詳細", "場所メモ"], required: false },
    Column { key: "expert", headers: &["専門家", "専門家名"], required: false },
    Column { key: "accompanied_by", headers: &["同行", "同行者"], required: false },
    Column { key: "reason", headers: &["同行の理由", "理由"], required: false },
];

/// The column a rule finding of a visit belongs under.
fn column_of(f: &Finding) -> &'static str {
    match f {
        Finding::OutsidePeriod { .. } => "date",
        Finding::PlaceNeedsNote => "place_note",
        Finding::AccompanimentNeedsReason { .. } => "reason",
        f if f.rule() == RuleId::D1 => "end",
        _ => "date",
    }
}

/// Checks every row; adds the new visits to `plan`.
pub fn check(conn: &Connection, fy: &FiscalYear, cols: &Columns, sheet: &Sheet, plan: &mut Plan) -> Result<()> {
    // Visits already counted per application: the database's, then the file's earlier rows (R-D1).
    let mut usage: HashMap<i64, Vec<CountedVisit>> = HashMap::new();
    let mut seen: HashMap<(i64, chrono::NaiveDate, u16), usize> = HashMap::new();
    for (row, cells) in &sheet.rows {
        let mut c = RowCheck::new(*row, cols, COLUMNS);
        let get = |key| cols.get(cells, key);
        let number_cell = get("number");
        let target = match DispatchNumber::parse(number_cell, fy.year) {
            None if number_cell.is_empty() => c.take("number", Err(Problem::Required)),
            None => c.take("number", Err(Problem::BadNumber(number_cell.into()))),
            Some(n) => match imports::visit_target(conn, n)? {
                None => c.take("number", Err(Problem::UnknownApplication(n.to_string()))),
                Some(t) if !t.status.accepts_visits() => {
                    c.take("number", Err(Problem::NoVisits { number: n.to_string(), status: t.status }))
                }
                Some(t) => Some(t),
            },
        };
        let date = match get("date") {
            "" => c.take("date", Err(Problem::Required)),
            s => c.take("date", parse_date(s, fy.period.start).map_err(Problem::Date)),
        };
        let start = c.take("start", parse_time(get("start")).map_err(Problem::Time));
        let end = c.take("end", parse_time(get("end")).map_err(Problem::Time));
        let place = match get("place") {
            "" => c.take("place", Err(Problem::Required)),
            s => c.take(
                "place",
                labelled(s, PlaceKind::ALL, PlaceKind::code, label::place)
                    .ok_or_else(|| Problem::UnknownPlace(s.into())),
            ),
        };
        // A sheet without the column: the assigned guidance officer, as R-D3 has it in principle.
        let accompanied_by = match get("accompanied_by") {
            "" => Some(AccompanimentKind::AssignedOfficer),
            s => c.take(
                "accompanied_by",
                labelled(s, AccompanimentKind::ALL, AccompanimentKind::code, label::accompaniment)
                    .ok_or_else(|| Problem::UnknownAccompaniment(s.into())),
            ),
        };
        let named = match normalise(get("expert")) {
            name if name.is_empty() => None,
            name => match imports::only_expert_named(conn, &name)? {
                Some(id) => Some(id),
                None => c.take("expert", Err(Problem::UnknownExpert(name))),
            },
        };
        let (Some(target), Some(date), Some(start_min), Some(end_min), Some(place), Some(accompanied_by)) =
            (target, date, start, end, place, accompanied_by)
        else {
            plan.issues.extend(c.into_issues());
            continue;
        };
        // No expert named: the one assigned to the application.
        let (dispatch_id, expert_id) = (target.id, named.or(target.expert_id));
        let place_note = normalise(get("place_note"));
        let accompaniment_reason = normalise(get("reason"));
        if let Some(first) = seen.get(&(dispatch_id, date, start_min)) {
            c.reject("date", Problem::DuplicateRow(*first));
            plan.issues.extend(c.into_issues());
            continue;
        }
        seen.insert((dispatch_id, date, start_min), *row);
        if imports::visit_exists(conn, dispatch_id, date, start_min)? {
            plan.skipped += 1;
            continue;
        }
        let others = match usage.entry(dispatch_id) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(crate::store::visits::counted(conn, dispatch_id, None)?.counted)
            }
        };
        let visit = VisitPlan {
            date,
            start_min,
            end_min,
            place,
            place_note: &place_note,
            accompanied_by,
            accompaniment_reason: &accompaniment_reason,
        };
        // The file's rows come after the stored visits of the same day and time, in file order.
        let entry = i64::MAX / 2 + *row as i64;
        for f in check_new_visit(&fy.period, &fy.visits, others, entry, &visit).findings {
            c.reject(column_of(&f), Problem::Rule(f));
        }
        if !c.is_clean() {
            plan.issues.extend(c.into_issues());
            continue;
        }
        others.push(CountedVisit {
            date,
            start_min,
            entry,
            minutes: u32::from(end_min - start_min),
            overridden: false,
        });
        plan.new.push(NewRecord::Visit(NewVisit {
            dispatch_id,
            date,
            start_min,
            end_min,
            place,
            place_note,
            expert_id,
            accompanied_by,
            accompanying_staff_id: None,
            accompanying_desk_staff_id: None,
            accompanying_name: String::new(),
            accompaniment_reason,
        }));
    }
    Ok(())
}
