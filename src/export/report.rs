//! The annual achievement report (実績報告): its tables, built from the store's aggregates and worded in the
//! chosen language.

use anyhow::Result;
use chrono::{Datelike, Months, NaiveDate};
use rusqlite::Connection;

use super::table::{Table, Value};
use crate::domain::fiscal_year::{FiscalYear, Theme};
use crate::domain::model::{ConsultationChannel, ConsultationOutcome};
use crate::store::reports as q;
use crate::ui::i18n::reports::{ReportsText, text};
use crate::ui::i18n::{Lang, label};

/// The report's tables, as named by `export csv --table`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TableName {
    /// Applications by theme.
    DispatchesByTheme,
    /// Applications by applying chamber.
    DispatchesByChamber,
    /// Applications by the business's municipality.
    DispatchesByMunicipality,
    /// Applications by month received.
    DispatchesByMonth,
    /// Visits and hours by month.
    Visits,
    /// Rejections by R-D5 ground.
    Rejections,
    /// Desk consultations by channel and outcome.
    Consultations,
    /// Seminars and consultation days with participants, by theme and area.
    Events,
    /// Honoraria, travel and Form 4 reimbursements by month paid.
    Payments,
}

impl TableName {
    /// Every table, in the report's order.
    pub const ALL: [TableName; 9] = [
        TableName::DispatchesByTheme,
        TableName::DispatchesByChamber,
        TableName::DispatchesByMunicipality,
        TableName::DispatchesByMonth,
        TableName::Visits,
        TableName::Rejections,
        TableName::Consultations,
        TableName::Events,
        TableName::Payments,
    ];
}

/// Builds one table of the report for a fiscal year.
pub fn build(conn: &Connection, lang: Lang, fy: &FiscalYear, name: TableName) -> Result<Table> {
    let t = text(lang);
    let title = t.tables[name as usize];
    let year = fy.year;
    let h = &t.h;
    let mut table = match name {
        TableName::DispatchesByTheme => {
            let mut table = Table::new(title, &[h.theme, h.applications, h.rejected]);
            for c in q::dispatches_by_theme(conn, year)? {
                table.rows.push(vec![
                    theme(t, lang, fy.dispatch_themes(), c.key),
                    Value::Int(c.applications),
                    Value::Int(c.rejected),
                ]);
            }
            table
        }
        TableName::DispatchesByChamber => {
            let mut table = Table::new(title, &[h.chamber, h.applications, h.rejected]);
            for c in q::dispatches_by_chamber(conn, year)? {
                let key = c.key.unwrap_or_else(|| h.direct.to_string());
                table.rows.push(vec![Value::Text(key), Value::Int(c.applications), Value::Int(c.rejected)]);
            }
            table
        }
        TableName::DispatchesByMunicipality => {
            let mut table = Table::new(title, &[h.municipality, h.applications, h.rejected]);
            for c in q::dispatches_by_municipality(conn, year)? {
                let key = c.key.unwrap_or_else(|| h.not_recorded.to_string());
                table.rows.push(vec![Value::Text(key), Value::Int(c.applications), Value::Int(c.rejected)]);
            }
            table
        }
        TableName::DispatchesByMonth => {
            let mut table = Table::new(title, &[h.month, h.applications, h.rejected]);
            let counts = q::dispatches_by_month(conn, year)?;
            for (ym, first) in months(year) {
                let c = counts.iter().find(|c| c.key == ym);
                let (a, r) = c.map_or((0, 0), |c| (c.applications, c.rejected));
                table.rows.push(vec![Value::Text((t.month)(first)), Value::Int(a), Value::Int(r)]);
            }
            table
        }
        TableName::Visits => {
            let mut table = Table::new(title, &[h.month, h.visits, h.online, h.hours, h.dispatches]);
            let rows = q::visits_by_month(conn, year)?;
            for (ym, first) in months(year) {
                let v = rows.iter().find(|v| v.month == ym);
                let (n, online, minutes, d) = v.map_or((0, 0, 0, 0), |v| (v.visits, v.online, v.minutes, v.dispatches));
                table.rows.push(vec![
                    Value::Text((t.month)(first)),
                    Value::Int(n),
                    Value::Int(online),
                    Value::Hours(minutes as f64 / 60.0),
                    Value::Int(d),
                ]);
            }
            table
        }
        TableName::Rejections => {
            let mut table = Table::new(title, &[h.ground, h.count]);
            let counts = q::rejections_by_ground(conn, year)?;
            for g in 1..=8u8 {
                let n = counts.iter().find(|(k, _)| *k == g).map_or(0, |(_, n)| *n);
                let ground = format!("{} {}", g, label::rejection_ground(lang, g));
                table.rows.push(vec![Value::Text(ground), Value::Int(n)]);
            }
            table
        }
        TableName::Consultations => consultations(conn, lang, title, year)?,
        TableName::Events => {
            let mut table = Table::new(title, &[h.kind, h.theme, h.area, h.events, h.participants]);
            for e in q::events_held(conn, year)? {
                let themes: &[Theme] = if e.kind == crate::domain::model::EventKind::Seminar {
                    &fy.seminar_themes
                } else {
                    fy.dispatch_themes()
                };
                table.rows.push(vec![
                    Value::text(crate::ui::i18n::reports::event_kind(lang, e.kind)),
                    theme(t, lang, themes, e.theme),
                    Value::Text(e.area.unwrap_or_else(|| h.not_recorded.to_string())),
                    Value::Int(e.events),
                    Value::Int(e.participants),
                ]);
            }
            table
        }
        TableName::Payments => {
            let mut table =
                Table::new(title, &[h.month, h.honorarium, h.travel, h.withholding, h.net, h.reimbursements]);
            let rows = q::payments_by_month(conn, year)?;
            let mut all_months = months(year);
            // A payment of the year made after March (or recorded before April) keeps its own row.
            for p in &rows {
                if !all_months.iter().any(|(ym, _)| *ym == p.month)
                    && let Some(first) = NaiveDate::parse_from_str(&format!("{}-01", p.month), "%Y-%m-%d").ok()
                {
                    all_months.push((p.month.clone(), first));
                }
            }
            all_months.sort_by_key(|(_, first)| *first);
            for (ym, first) in all_months {
                let p = rows.iter().find(|p| p.month == ym).cloned().unwrap_or_default();
                table.rows.push(vec![
                    Value::Text((t.month)(first)),
                    Value::Yen(p.honorarium),
                    Value::Yen(p.travel),
                    Value::Yen(p.withholding),
                    Value::Yen(p.net),
                    Value::Yen(p.reimbursements),
                ]);
            }
            table
        }
    };
    table.push_totals(h.total_row);
    Ok(table)
}

/// Desk consultations: one row per channel, one column per outcome, and the row's total.
fn consultations(conn: &Connection, lang: Lang, title: &str, year: i32) -> Result<Table> {
    let h = &text(lang).h;
    let mut header = vec![h.channel];
    header.extend(ConsultationOutcome::ALL.iter().map(|o| label::outcome(lang, *o)));
    header.push(h.total);
    let mut table = Table::new(title, &header);
    let counts = q::consultations(conn, year)?;
    for channel in ConsultationChannel::ALL {
        let mut row = vec![Value::text(label::channel(lang, *channel))];
        let mut total = 0;
        for outcome in ConsultationOutcome::ALL {
            let n = counts.iter().find(|(c, o, _)| c == channel && o == outcome).map_or(0, |(_, _, n)| *n);
            total += n;
            row.push(Value::Int(n));
        }
        row.push(Value::Int(total));
        table.rows.push(row);
    }
    Ok(table)
}

/// A theme as a row label, `① ＩＴツール...`, from the fiscal year's list (the number alone when unknown).
fn theme(t: &ReportsText, lang: Lang, themes: &[Theme], n: i64) -> Value {
    let number = u8::try_from(n).unwrap_or(0);
    let name = themes.iter().find(|th| th.number == number).map(|th| if lang == Lang::Ja { &th.ja } else { &th.en });
    match name {
        Some(name) => Value::Text(format!("{} {}", (t.theme_number)(number), name)),
        None => Value::Text((t.theme_number)(number)),
    }
}

/// The twelve months of a fiscal year as (`YYYY-MM`, first day), April first.
fn months(year: i32) -> Vec<(String, NaiveDate)> {
    let start = NaiveDate::from_ymd_opt(year, 4, 1).unwrap_or_default();
    (0..12)
        .filter_map(|i| start.checked_add_months(Months::new(i)))
        .map(|d| (format!("{:04}-{:02}", d.year(), d.month()), d))
        .collect()
}
