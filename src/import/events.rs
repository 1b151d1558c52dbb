//! Seminars (Form 2, 講習会) and consultation days (Form 3, 個別相談会) from the desk's list of events: the kind,
//! title, theme, organising body (an organisation on the roster), day in ISO or 和暦, times, venue, instructors or
//! experts (on the roster), capacity and counts. Each row is checked with the same rules as an event entered on
//! tab 3 (`new_event_findings`: R-P1, R-S3, R-S5, DESK-1), DESK-1 also against the file's earlier rows, and written
//! with the tab's own `create_event`. Duplicates: the same organiser, day and title (folded).

use std::collections::HashMap;

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::Connection;

use super::businesses::resolve_municipality;
use super::columns::{Column, Columns};
use super::read::Sheet;
use super::values::{self, normalise};
use super::{NewRecord, Plan, Problem, RowCheck, optional};
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::fold::fold;
use crate::domain::model::{EventKind, EventStatus, VenueKind};
use crate::domain::parse::{parse_date, parse_int, parse_time};
use crate::domain::records::NewEvent;
use crate::domain::rules::events::check_expert_free;
use crate::domain::rules::{Engagement, EngagementKind, Finding};
use crate::store::events::{EventEdit, new_event_findings, organiser_named, same_event};
use crate::store::imports::only_expert_named;
use crate::store::organisations::municipalities;

/// The columns of an events sheet.
pub const COLUMNS: &[Column] = &[
    Column { key: "kind", headers: &["種別", "区分", "種類"], required: true },
    Column {
        key: "title", headers: &["名称", "講習会名", "相談会名", "行事名", "事業名", "タイトル"], required: true
    },
    Column { key: "theme", headers: &["テーマ番号", "テーマ", "講習会テーマ"], required: true },
    Column { key: "organiser", headers: &["主催団体", "主催", "申込団体", "団体名"], required: true },
    Column { key: "date", headers: &["開催日", "実施日", "日付"], required: true },
    Column { key: "start", headers: &["開始", "開始時刻"], required: true },
    Column { key: "end", headers: &["終了", "終了時刻"], required: true },
    Column { key: "venue", headers: &["会場", "会場名", "開催場所"], required: false },
    Column { key: "venue_kind", headers: &["会場区分", "会場の種類"], required: false },
    Column { key: "venue_fee", headers: &["会場使用料", "会場費"], required: false },
    Column { key: "municipality", headers: &["市町村", "開催市町村"], required: false },
    Column { key: "attendance_fee", headers: &["参加費", "受講料"], required: false },
    Column { key: "experts", headers: &["講師", "専門家", "講師名", "相談員"], required: false },
    Column { key: "capacity", headers: &["定員"], required: false },
    Column { key: "registrations", headers: &["申込者数", "申込数"], required: false },
    Column { key: "attendance", headers: &["参加者数", "出席者数", "受講者数"], required: false },
    Column { key: "slot", headers: &["1枠の時間", "枠", "枠(分)", "相談時間"], required: false },
    Column { key: "status", headers: &["状態", "進捗"], required: false },
    Column { key: "cancel_reason", headers: &["中止理由", "中止の理由"], required: false },
    Column { key: "applied_on", headers: &["申込日", "受付日"], required: false },
];

/// The longest slot of a consultation day the event form accepts, in minutes.
const MAX_SLOT_MINUTES: i64 = 480;

/// The column a rule finding of an event belongs under.
fn column_of(f: &Finding) -> &'static str {
    match f {
        Finding::AttendanceFee { .. } => "attendance_fee",
        Finding::NoFeeForOfficeVenue { .. } => "venue_fee",
        Finding::ExpertBusy { .. } => "experts",
        _ => "date",
    }
}

/// The instructors or experts named in a cell (`上村 健一、松岡 由美`), each the one expert of that name.
fn experts(conn: &Connection, c: &mut RowCheck, cell: &str) -> Result<Vec<i64>> {
    let mut ids = Vec::new();
    for name in cell.split(['、', ',', '，', '/', '／', '・']).map(normalise).filter(|n| !n.is_empty()) {
        match only_expert_named(conn, &name)? {
            Some(id) if !ids.contains(&id) => ids.push(id),
            Some(_) => {}
            None => c.reject("experts", Problem::UnknownExpert(name)),
        }
    }
    Ok(ids)
}

/// Checks every row; adds the new events to `plan`.
pub fn check(conn: &Connection, fy: &FiscalYear, cols: &Columns, sheet: &Sheet, plan: &mut Plan) -> Result<()> {
    let known: Vec<u8> = fy.seminar_themes.iter().map(|t| t.number).collect();
    let max = known.iter().copied().max().unwrap_or(0);
    let all = municipalities(conn)?;
    let mut seen: HashMap<(i64, NaiveDate, String), usize> = HashMap::new();
    // What the file's earlier events already have each expert doing that day (DESK-1 across rows).
    let mut engaged: HashMap<(i64, NaiveDate), Vec<Engagement>> = HashMap::new();
    for (row, cells) in &sheet.rows {
        let mut c = RowCheck::new(*row, cols, COLUMNS);
        let get = |key: &'static str| cols.get(cells, key);
        let kind = c.required("kind", get("kind"), |s| {
            values::event_kind(s).ok_or_else(|| Problem::UnknownEventKind(s.into()))
        });
        let title = normalise(get("title"));
        if title.is_empty() {
            c.reject("title", Problem::Required);
        }
        let theme = c.required("theme", get("theme"), |s| {
            values::theme(s, &known).ok_or_else(|| Problem::UnknownTheme { value: s.into(), max })
        });
        let organiser_cell = normalise(get("organiser"));
        let organiser_id = match organiser_named(conn, &organiser_cell)? {
            Some(id) => Some(id),
            None if organiser_cell.is_empty() => c.take("organiser", Err(Problem::Required)),
            None => c.take("organiser", Err(Problem::UnknownOrganiser(organiser_cell))),
        };
        let date = c.required("date", get("date"), |s| parse_date(s, fy.period.start).map_err(Problem::Date));
        let start = c.take("start", parse_time(get("start")).map_err(Problem::Time));
        let end = c.take("end", parse_time(get("end")).map_err(Problem::Time));
        if let (Some(start), Some(end)) = (start, end)
            && end <= start
        {
            c.reject("end", Problem::EndBeforeStart);
        }
        let venue_name = normalise(get("venue"));
        // Empty: a public facility, as the event form offers first.
        let venue_kind = match get("venue_kind") {
            "" => Some(VenueKind::PublicFacility),
            s => c.take("venue_kind", values::venue_kind(s).ok_or_else(|| Problem::UnknownVenueKind(s.into()))),
        };
        let venue_fee_yen = c.take("venue_fee", values::fee(get("venue_fee")).map_err(Problem::Yen));
        let attendance_fee_yen = c.take("attendance_fee", values::fee(get("attendance_fee")).map_err(Problem::Yen));
        // The municipality named, or the one in the venue's name (山都町中央公民館); neither: none.
        let municipality_cell = normalise(get("municipality"));
        let municipality = resolve_municipality(&all, &municipality_cell, &venue_name);
        if municipality.is_none() && !municipality_cell.is_empty() {
            c.reject("municipality", Problem::UnknownMunicipality(municipality_cell));
        }
        let expert_ids = experts(conn, &mut c, get("experts"))?;
        let count = |c: &mut RowCheck, key: &'static str| {
            c.take(key, optional(get(key), parse_int).map_err(Problem::Int)).flatten()
        };
        let capacity = count(&mut c, "capacity");
        let registrations = count(&mut c, "registrations").unwrap_or(0);
        let attendance = count(&mut c, "attendance");
        let slot_minutes = match kind {
            Some(EventKind::ConsultationDay) => match get("slot") {
                // Empty: an hour, as the event form offers.
                "" => Some(60),
                s => c.take("slot", values::minutes(s).map_err(Problem::Int)).and_then(|n| match u16::try_from(n) {
                    Ok(m) if (1..=MAX_SLOT_MINUTES).contains(&n) => Some(m),
                    _ => c.take("slot", Err(Problem::SlotLength(n))),
                }),
            },
            _ => None,
        };
        // Empty: applied (申込), as an event entered on tab 3 starts.
        let status = match get("status") {
            "" => Some(EventStatus::Applied),
            s => c.take("status", values::event_status(s).ok_or_else(|| Problem::UnknownEventStatus(s.into()))),
        };
        let cancel_reason = normalise(get("cancel_reason"));
        if status == Some(EventStatus::Cancelled) && cancel_reason.is_empty() {
            c.reject("cancel_reason", Problem::Required);
        }
        let applied_on = c
            .take("applied_on", optional(get("applied_on"), |s| parse_date(s, fy.period.start)).map_err(Problem::Date))
            .flatten();
        let (
            Some(kind),
            Some(theme),
            Some(organiser_id),
            Some(date),
            Some(start_min),
            Some(end_min),
            Some(venue_kind),
            Some(venue_fee_yen),
            Some(attendance_fee_yen),
            Some(status),
        ) = (kind, theme, organiser_id, date, start, end, venue_kind, venue_fee_yen, attendance_fee_yen, status)
        else {
            plan.issues.extend(c.into_issues());
            continue;
        };
        if !c.is_clean() {
            plan.issues.extend(c.into_issues());
            continue;
        }
        let key = (organiser_id, date, fold(&title));
        if let Some(first) = seen.get(&key) {
            c.reject("title", Problem::SameEvent(*first));
            plan.issues.extend(c.into_issues());
            continue;
        }
        seen.insert(key, *row);
        if same_event(conn, organiser_id, date, &title)?.is_some() {
            plan.skipped += 1;
            continue;
        }
        let edit = EventEdit {
            event: NewEvent {
                fiscal_year: fy.year,
                kind,
                organiser_id,
                title,
                theme,
                date,
                start_min,
                end_min,
                venue_name,
                venue_kind,
                venue_fee_yen,
                municipality_id: municipality.map(|m| m.id),
                capacity,
                registrations,
                attendance,
                slot_minutes,
                series_id: None,
                status,
                cancel_reason,
                applied_on,
                press_release_on: None,
                web_page_on: None,
                partner_notice_on: None,
            },
            attendance_fee_yen,
            experts: expert_ids,
            series: String::new(),
            areas: Vec::new(),
        };
        let mut findings = new_event_findings(conn, fy, &edit)?;
        let held = status != EventStatus::Cancelled;
        if held {
            for expert in &edit.experts {
                let day = engaged.get(&(*expert, date)).map_or(&[][..], Vec::as_slice);
                findings.extend(check_expert_free(date, start_min, end_min, day));
            }
        }
        for f in findings {
            c.reject(column_of(&f), Problem::Rule(f));
        }
        if !c.is_clean() {
            plan.issues.extend(c.into_issues());
            continue;
        }
        if held {
            for expert in &edit.experts {
                engaged.entry((*expert, date)).or_default().push(Engagement {
                    kind: EngagementKind::Event,
                    what: edit.event.title.clone(),
                    start_min,
                    end_min,
                });
            }
        }
        plan.new.push(NewRecord::Event(edit));
    }
    Ok(())
}
