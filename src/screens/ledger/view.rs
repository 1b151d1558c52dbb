//! Drawing this tab: the year against its budget on the first line, then the view's list (or the open card).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Rows, State, View};
use crate::app::Session;
use crate::domain::model::{ClaimStatus, PaymentStatus};
use crate::domain::parse::{format_hours, format_thousands, format_yen};
use crate::domain::wareki::format_fiscal_year;
use crate::store::ledger::lists::{ClaimRow, PaymentRow, WorkRow};
use crate::store::ledger::totals::{TotalRow, TotalsBy};
use crate::ui::i18n::{self, ledger::LedgerText};
use crate::ui::text::{display, fit, fit_right, truncate};
use crate::ui::theme::Theme;

/// Draws the tab into `area`.
pub fn draw(f: &mut Frame, area: Rect, state: &State, s: &Session, theme: &Theme) {
    let t = i18n::ledger::text(s.lang);
    // One blank cell at the right edge: a wide character in the last cell trips ratatui#2695.
    let width = usize::from(area.width.saturating_sub(1));
    let mut lines = vec![budget_line(state, s, theme, t, width)];
    if state.statement.is_some() || (state.card && state.view != View::Work && state.view != View::Totals) {
        lines.extend(super::cards_view::lines(state, s, theme, width));
    } else {
        lines.extend(list_lines(state, s, theme, t, width));
        if state.pager.total == 0 && state.pager.generation > 0 && state.rows.is_some() {
            lines.push(Line::styled(format!(" {}", i18n::console(s.lang).no_rows), theme.dim()));
        }
    }
    f.render_widget(Paragraph::new(lines), area);
}

/// "令和7年度 予算 ¥60,000,000 支払済 ¥… 未払 ¥… 残 ¥… (使用 12%)".
fn budget_line<'a>(state: &State, s: &Session, theme: &Theme, t: &LedgerText, width: usize) -> Line<'a> {
    let y = state.year;
    let left = y.budget_yen - y.paid_yen - y.unpaid_yen;
    let percent = if y.budget_yen > 0 { (y.paid_yen + y.unpaid_yen) * 100 / y.budget_yen } else { 0 };
    let text = t
        .budget_line
        .replace("{year}", &format_fiscal_year(s.fy.year))
        .replace("{budget}", &format_yen(y.budget_yen))
        .replace("{paid}", &format_yen(y.paid_yen))
        .replace("{unpaid}", &format_yen(y.unpaid_yen))
        .replace("{left}", &format_yen(left))
        .replace("{percent}", &percent.to_string());
    let style = if left < 0 { theme.error() } else { theme.heading() };
    Line::styled(format!(" {}", truncate(&text, width.saturating_sub(1))), style)
}

/// A column: (index into the view's headers, cells, right-aligned).
type Column = (usize, usize, bool);

fn line_of(cells: &[(String, usize, bool)]) -> String {
    let parts: Vec<String> =
        cells.iter().map(|(text, w, right)| if *right { fit_right(text, *w) } else { fit(text, *w) }).collect();
    format!(" {}", parts.join(" "))
}

/// The columns that fit: the `flex` column takes what the others leave.
fn layout(mut cols: Vec<Column>, flex: usize, width: usize) -> Vec<Column> {
    let used: usize = cols.iter().enumerate().filter(|(i, _)| *i != flex).map(|(_, c)| c.1 + 1).sum::<usize>() + 2;
    cols[flex].1 = width.saturating_sub(used).max(8);
    cols
}

/// A date column: ISO with 和暦 where there is room.
fn date_cell(d: Option<chrono::NaiveDate>, wide: bool) -> String {
    match d {
        Some(d) if wide => crate::domain::wareki::format_iso_wareki(d),
        Some(d) => d.to_string(),
        None => String::new(),
    }
}

fn list_lines<'a>(state: &State, s: &Session, theme: &Theme, t: &LedgerText, width: usize) -> Vec<Line<'a>> {
    let wide = width >= 120;
    let dw = if wide { 22 } else { 10 };
    type Cells = Vec<(Vec<String>, Style)>;
    let (headers, cols, cells): (&[&str], Vec<Column>, Cells) = match &state.rows {
        Some(Rows::Claims(rows)) if state.view == View::Claims => {
            let mut cols = vec![(0, dw, false), (1, 0, false)];
            if width >= 90 {
                cols.push((2, 16, false));
            }
            cols.extend([(3, 11, true), (4, 8, false)]);
            if width >= 100 {
                cols.push((5, 14, false));
            }
            let rows = rows.iter().map(|r| (claim_cells(r, &cols, s, wide), claim_style(r, theme))).collect();
            (t.claim_columns.as_slice(), layout(cols, 1, width), rows)
        }
        Some(Rows::Payments(rows)) if state.view == View::Payments => {
            let mut cols = vec![(0, dw, false), (1, 10, false), (2, 0, false), (3, 9, true)];
            if width >= 90 {
                cols.extend([(4, 7, true), (5, 8, true)]);
            }
            cols.extend([(6, 9, true), (7, 6, false)]);
            let rows = rows.iter().map(|r| (payment_cells(r, &cols, s, t, wide), payment_style(r, theme))).collect();
            (t.payment_columns.as_slice(), layout(cols, 2, width), rows)
        }
        Some(Rows::Work(rows)) if state.view == View::Work => {
            let mut cols = vec![(0, dw, false), (1, 6, false), (2, 10, false), (3, 0, false)];
            if width >= 80 {
                cols.push((4, 5, true));
            }
            let rows = rows.iter().map(|r| (work_cells(r, &cols, t, wide), theme.normal())).collect();
            (t.work_columns.as_slice(), layout(cols, 3, width), rows)
        }
        Some(Rows::Totals(rows)) if state.view == View::Totals => {
            // The first header names the grouping (月, 団体, 専門家, 種別).
            let mut cols = vec![(by_index(state.by), 0, false), (4, 5, true), (5, 13, true), (6, 12, true)];
            if state.by == TotalsBy::Expert || width >= 80 {
                cols.push((7, 11, true));
            }
            let rows = rows.iter().map(|r| (total_cells(r, state.by, &cols, t), theme.normal())).collect();
            (t.total_columns.as_slice(), layout(cols, 0, width), rows)
        }
        _ => return Vec::new(),
    };
    let header: Vec<(String, usize, bool)> = cols.iter().map(|c| (headers[c.0].to_string(), c.1, c.2)).collect();
    let mut lines = vec![Line::styled(line_of(&header), theme.heading())];
    for (i, (row, style)) in cells.into_iter().enumerate() {
        let cells: Vec<(String, usize, bool)> = row.into_iter().zip(&cols).map(|(c, col)| (c, col.1, col.2)).collect();
        let style = if state.pager.top + i == state.pager.selected { theme.selected() } else { style };
        lines.push(Line::styled(line_of(&cells), style));
    }
    lines
}

fn claim_style(r: &ClaimRow, theme: &Theme) -> Style {
    match r.status {
        ClaimStatus::Paid => theme.dim(),
        ClaimStatus::Returned => theme.warn(),
        _ => theme.normal(),
    }
}

fn payment_style(r: &PaymentRow, theme: &Theme) -> Style {
    if r.status == PaymentStatus::Paid { theme.dim() } else { theme.normal() }
}

fn claim_cells(r: &ClaimRow, cols: &[Column], s: &Session, wide: bool) -> Vec<String> {
    cols.iter()
        .map(|c| match c.0 {
            0 => date_cell(Some(r.claimed_on), wide),
            1 => format!("{} {}", r.event_date.format("%m/%d"), r.event),
            2 => r.organisation.clone(),
            3 => format_thousands(r.amount_yen),
            4 => i18n::ledger::claim_status(s.lang, r.status).to_string(),
            _ => r.venue.clone(),
        })
        .collect()
}

fn payment_cells(r: &PaymentRow, cols: &[Column], s: &Session, t: &LedgerText, wide: bool) -> Vec<String> {
    cols.iter()
        .map(|c| match c.0 {
            0 => date_cell(Some(r.proposed_on), wide),
            1 => r.expert.clone(),
            2 => {
                let kind = if r.for_event { t.kinds[3] } else { t.kinds[4] };
                format!("{kind} {}", r.work)
            }
            3 => format_thousands(r.honorarium_yen),
            4 => format_thousands(r.travel_yen),
            5 => format_thousands(r.withholding_yen),
            6 => format_thousands(r.net_yen),
            _ => i18n::ledger::payment_status(s.lang, r.status).to_string(),
        })
        .collect()
}

fn work_cells(r: &WorkRow, cols: &[Column], t: &LedgerText, wide: bool) -> Vec<String> {
    cols.iter()
        .map(|c| match c.0 {
            0 => date_cell(Some(r.date), wide),
            1 => (if r.event_id.is_some() { t.kinds[3] } else { t.kinds[4] }).to_string(),
            2 => r.expert.clone(),
            3 => r.title.clone(),
            _ => format_hours(r.minutes.max(0) as u32),
        })
        .collect()
}

fn by_index(by: TotalsBy) -> usize {
    TotalsBy::ALL.iter().position(|b| *b == by).unwrap_or(0)
}

fn total_cells(r: &TotalRow, by: TotalsBy, cols: &[Column], t: &LedgerText) -> Vec<String> {
    let key = match (by, r.key.as_deref()) {
        (TotalsBy::Kind, Some("claim")) => t.kinds[0].to_string(),
        (TotalsBy::Kind, Some("honorarium")) => t.kinds[1].to_string(),
        (TotalsBy::Kind, Some("travel")) => t.kinds[2].to_string(),
        (TotalsBy::Organisation, None) => t.direct.to_string(),
        (_, k) => k.unwrap_or("").to_string(),
    };
    cols.iter()
        .map(|c| match c.0 {
            0..=3 => key.clone(),
            4 => r.count.to_string(),
            5 => format_thousands(r.paid_yen),
            6 => format_thousands(r.unpaid_yen),
            _ => format_thousands(r.withheld_yen),
        })
        .collect()
}

/// The tab bar's part for this tab (view, count, filter) and where the caret of the filter input sits, in cells
/// from the start of the spans.
pub fn head(state: &State, s: &Session, theme: &Theme) -> (Vec<Span<'static>>, Option<usize>) {
    let t = i18n::ledger::text(s.lang);
    let c = i18n::console(s.lang);
    let i = View::ALL.iter().position(|v| *v == state.view).unwrap_or(0);
    let mut head = format!(" [{}] {}", t.views[i], c.count.replace("{n}", &state.pager.total.to_string()));
    if state.view == View::Totals {
        head.push_str(&format!("  {}", t.totals_by[by_index(state.by)]));
    }
    if state.filter.unpaid_only && matches!(state.view, View::Claims | View::Payments) {
        head.push_str(&format!("  {}", t.unpaid_only));
    }
    let used = crate::ui::text::width(&head);
    let mut spans = vec![Span::raw(head)];
    let mut caret = None;
    if let Some(input) = &state.filter_input {
        spans.push(Span::styled(format!("  /{}", display(input.text())), theme.warn()));
        caret = Some(used + 3 + input.caret_cells());
    } else if !state.filter.text.is_empty() && state.view != View::Totals {
        // (The totals are the year's whole: a text filter kept for the lists does not narrow them.)
        spans.push(Span::styled(format!("  /{}", display(&state.filter.text)), theme.warn()));
    }
    (spans, caret)
}
