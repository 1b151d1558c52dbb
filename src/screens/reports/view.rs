//! Drawing the export/import popup and the frequency tables, from state alone.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Gauge, Paragraph};

use super::State;
use super::freq::Freq;
use super::transfer::{Ended, Stage, Transfer};
use crate::app::Session;
use crate::domain::model::{
    ClaimStatus, ConsultationChannel, ConsultationOutcome, DispatchStatus, EventKind, EventStatus,
};
use crate::store::reports::freq::{Field, Listing, Source};
use crate::ui::frame::{centred, clear_popup};
use crate::ui::i18n::reports::{console, event_kind, text};
use crate::ui::i18n::{self, Lang};
use crate::ui::text::{display, fit, fit_right, truncate, width};
use crate::ui::theme::Theme;

/// Draws the open overlays over `area` (the whole terminal but the status line).
pub fn draw(f: &mut Frame, area: Rect, state: &State, s: &Session, theme: &Theme) {
    if let Some(freq) = &state.freq {
        draw_freq(f, area, freq, s, theme);
    }
    if let Some(t) = &state.transfer {
        draw_transfer(f, area, t, s, theme);
    }
}

fn draw_transfer(f: &mut Frame, area: Rect, p: &Transfer, s: &Session, theme: &Theme) {
    let t = console(s.lang);
    if p.choosing() {
        crate::ui::form::draw(f, area, &p.form, s.lang, theme);
        return;
    }
    let r = centred(area, 90, area.height.saturating_sub(2).min(20));
    clear_popup(f, r, area);
    let block = Block::default().borders(Borders::ALL).title(Span::styled(t.title, theme.heading()));
    let inner = block.inner(r);
    f.render_widget(block, r);
    let cells = usize::from(inner.width);
    match &p.stage {
        Stage::Choose => {}
        Stage::Running { done, total } => {
            f.render_widget(Paragraph::new(Line::from(t.running)), Rect { height: 1, ..inner });
            let ratio = (*done as f64 / (*total).max(1) as f64).clamp(0.0, 1.0);
            let bar = Rect { y: inner.y + 2, height: 1, ..inner };
            f.render_widget(Gauge::default().gauge_style(theme.selected()).ratio(ratio), bar);
        }
        Stage::Checked { lines, importable, scroll } => {
            let mut out: Vec<Line> = lines.iter().skip(*scroll).map(|l| Line::from(truncate(l, cells))).collect();
            out.truncate(usize::from(inner.height.saturating_sub(2)));
            out.push(Line::from(""));
            let hint = if *importable { (t.confirm_import, theme.ok()) } else { (t.not_importable, theme.warn()) };
            out.push(Line::styled(truncate(hint.0, cells), hint.1));
            f.render_widget(Paragraph::new(out), inner);
        }
        Stage::Done { lines, ended } => {
            let mut out = match ended {
                Ended::Written => vec![Line::styled(t.written, theme.ok())],
                Ended::Failed => vec![Line::styled(t.failed, theme.error())],
                // The summary says what was imported.
                Ended::Imported => Vec::new(),
            };
            out.extend(lines.iter().map(|l| Line::from(truncate(l, cells))));
            out.push(Line::from(""));
            out.push(Line::styled(t.done_hint, theme.dim()));
            f.render_widget(Paragraph::new(out), inner);
        }
    }
}

/// The label of a field's key as the desk reads it: a theme with its number, a status or kind in words, a
/// month in 和暦, "not recorded" for an empty key.
pub fn key_label(s: &Session, source: Source, field: Field, key: Option<&str>) -> String {
    let lang = s.lang;
    let r = text(lang);
    let Some(key) = key else {
        return if field == Field::Chamber { r.h.direct } else { r.h.not_recorded }.to_string();
    };
    match field {
        Field::Theme => {
            let n: u8 = key.parse().unwrap_or(0);
            let themes = if source == Source::Events { &s.fy.seminar_themes[..] } else { s.fy.dispatch_themes() };
            let name = themes.iter().find(|t| t.number == n).map(|t| if lang == Lang::Ja { &t.ja } else { &t.en });
            format!("{}{}", (r.theme_number)(n), name.map(String::as_str).unwrap_or(""))
        }
        Field::Status => match source {
            Source::Dispatches => DispatchStatus::from_code(key).map(|x| i18n::label::dispatch_status(lang, x)),
            Source::Events => EventStatus::from_code(key).map(|x| i18n::events::status(lang, x)),
            Source::Claims => ClaimStatus::from_code(key).map(|x| i18n::ledger::claim_status(lang, x)),
            Source::Consultations => None,
        }
        .unwrap_or(key)
        .to_string(),
        Field::Kind => EventKind::from_code(key).map(|k| event_kind(lang, k)).unwrap_or(key).to_string(),
        Field::Channel => {
            ConsultationChannel::from_code(key).map(|c| i18n::label::channel(lang, c)).unwrap_or(key).to_string()
        }
        Field::Outcome => {
            ConsultationOutcome::from_code(key).map(|o| i18n::label::outcome(lang, o)).unwrap_or(key).to_string()
        }
        Field::Month => NaiveDate::parse_from_str(&format!("{key}-01"), "%Y-%m-%d")
            .map(|d| (r.month)(d))
            .unwrap_or_else(|_| key.to_string()),
        _ => key.to_string(),
    }
}

/// The list's filter as the title shows it (status, typed text, one record's applications, unpaid only), or
/// "the whole year"; and whether there is one.
pub fn filter_label(lang: Lang, listing: &Listing) -> (String, bool) {
    let t = console(lang);
    let text = |x: &str| (!x.trim().is_empty()).then(|| t.text_filter.replace("{text}", &display(x.trim())));
    let parts: Vec<String> = match listing {
        Listing::Applications(f) => [
            f.status.map(|st| t.status_filter.replace("{status}", i18n::label::dispatch_status(lang, st))),
            text(&f.text),
            f.record.as_ref().map(|r| t.record_filter.replace("{record}", &display(&r.label))),
        ]
        .into_iter()
        .flatten()
        .collect(),
        Listing::Consultations(x) => text(x).into_iter().collect(),
        Listing::Events(f) => text(&f.text).into_iter().collect(),
        Listing::Claims(f) => {
            [text(&f.text), f.unpaid_only.then(|| t.unpaid_only.to_string())].into_iter().flatten().collect()
        }
    };
    if parts.is_empty() { (t.unfiltered.to_string(), false) } else { (parts.join(", "), true) }
}

/// A field's name.
fn field_name(lang: Lang, f: Field) -> &'static str {
    let i = [
        Field::Theme,
        Field::Chamber,
        Field::Status,
        Field::Month,
        Field::Municipality,
        Field::Expert,
        Field::Kind,
        Field::Organisation,
        Field::Area,
        Field::Channel,
        Field::Outcome,
        Field::Staff,
    ]
    .iter()
    .position(|x| *x == f)
    .unwrap_or(0);
    console(lang).fields[i]
}

/// Cells given to the row labels and to each count column (at most).
const LABEL_CELLS: usize = 24;
const COLUMN_CELLS: usize = 12;

fn draw_freq(f: &mut Frame, area: Rect, q: &Freq, s: &Session, theme: &Theme) {
    let t = console(s.lang);
    let r = text(s.lang);
    let sources = [Source::Dispatches, Source::Consultations, Source::Events, Source::Claims];
    let source_name = t.sources[sources.iter().position(|x| *x == q.source()).unwrap_or(0)];
    let (filter, filtered) = filter_label(s.lang, &q.listing);
    let title = t
        .freq_title
        .replace("{list}", source_name)
        .replace("{filter}", &filter)
        .replace("{rows}", field_name(s.lang, q.rows))
        .replace("{cols}", q.cols.map_or(t.count, |c| field_name(s.lang, c)));
    clear_popup(f, area, area);
    let block = Block::default().borders(Borders::ALL).title(Span::styled(title, theme.heading()));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let Some(cells) = &q.cells else {
        f.render_widget(Paragraph::new(Line::styled(t.loading, theme.dim())), inner);
        return;
    };
    if cells.is_empty() {
        let empty = if filtered { t.empty_filtered } else { t.empty };
        f.render_widget(Paragraph::new(Line::styled(empty, theme.dim())), inner);
        return;
    }
    let (rows, cols) = q.axes();
    let label = |field: Field, k: &Option<String>| key_label(s, q.source(), field, k.as_deref());
    let row_labels: Vec<String> = rows.iter().map(|k| label(q.rows, k)).collect();
    let col_labels: Vec<String> = match q.cols {
        Some(c) => cols.iter().map(|k| label(c, k)).collect(),
        None => vec![t.count.to_string()],
    };
    let label_cells = row_labels.iter().map(|l| width(l)).max().unwrap_or(0).clamp(6, LABEL_CELLS);
    let col_cells: Vec<usize> = col_labels.iter().map(|l| width(l).clamp(5, COLUMN_CELLS)).collect();
    let total_cells = width(r.h.total_row).max(6);
    // Columns scroll sideways so the cursor's stays in view.
    let room = usize::from(inner.width).saturating_sub(label_cells + total_cells + 2);
    let mut first = 0;
    while first < q.cursor.1 && col_cells[first..=q.cursor.1].iter().map(|w| w + 1).sum::<usize>() > room {
        first += 1;
    }
    let mut shown = Vec::new();
    let mut used = 0;
    for (i, w) in col_cells.iter().enumerate().skip(first) {
        if used + w + 1 > room {
            break;
        }
        used += w + 1;
        shown.push(i);
    }
    let cell_style = |selected: bool| if selected { theme.selected() } else { theme.normal() };
    let mut lines = Vec::new();
    let mut head = vec![Span::styled(fit(field_name(s.lang, q.rows), label_cells), theme.heading())];
    for &i in &shown {
        head.push(Span::styled(format!(" {}", fit_right(&col_labels[i], col_cells[i])), theme.heading()));
    }
    head.push(Span::styled(format!(" {}", fit_right(r.h.total_row, total_cells)), theme.heading()));
    lines.push(Line::from(head));
    // Rows scroll so the cursor's stays in view (one line for the header, one for the totals).
    let body_rows = usize::from(inner.height).saturating_sub(2).max(1);
    let top = q.cursor.0.saturating_sub(body_rows - 1);
    for (ri, key) in rows.iter().enumerate().skip(top).take(body_rows) {
        let mut spans = vec![Span::raw(fit(&row_labels[ri], label_cells))];
        let mut sum = 0;
        for (ci, c) in cols.iter().enumerate() {
            let n = q.count(key, c);
            sum += n;
            if shown.contains(&ci) {
                let text = if n == 0 { "·".to_string() } else { n.to_string() };
                spans.push(Span::raw(" "));
                spans.push(Span::styled(fit_right(&text, col_cells[ci]), cell_style(q.cursor == (ri, ci))));
            }
        }
        spans.push(Span::styled(format!(" {}", fit_right(&sum.to_string(), total_cells)), theme.dim()));
        lines.push(Line::from(spans));
    }
    let mut foot = vec![Span::styled(fit(r.h.total_row, label_cells), theme.heading())];
    for &i in &shown {
        let n: i64 = cells.iter().filter(|c| c.col == cols[i]).map(|c| c.count).sum();
        foot.push(Span::styled(format!(" {}", fit_right(&n.to_string(), col_cells[i])), theme.heading()));
    }
    let all: i64 = cells.iter().map(|c| c.count).sum();
    foot.push(Span::styled(format!(" {}", fit_right(&all.to_string(), total_cells)), theme.heading()));
    lines.push(Line::from(foot));
    f.render_widget(Paragraph::new(lines), inner);
    if let Some(rec) = &q.records {
        draw_records(f, area, q, rec, s, theme);
    }
}

fn draw_records(f: &mut Frame, area: Rect, q: &Freq, rec: &super::freq::Records, s: &Session, theme: &Theme) {
    let t = console(s.lang);
    let mut cell = key_label(s, q.source(), q.rows, rec.keys.0.as_deref());
    if let Some(c) = q.cols {
        cell = format!("{cell} × {}", key_label(s, q.source(), c, rec.keys.1.as_deref()));
    }
    let r = centred(area, 80, area.height.saturating_sub(4));
    clear_popup(f, r, area);
    let n = rec.list.as_ref().map_or(0, Vec::len);
    let title = t.records_title.replace("{cell}", &cell).replace("{n}", &n.to_string());
    let block = Block::default().borders(Borders::ALL).title(Span::styled(title, theme.heading()));
    let inner = block.inner(r);
    f.render_widget(block, r);
    let Some(list) = &rec.list else {
        f.render_widget(Paragraph::new(Line::styled(t.loading, theme.dim())), inner);
        return;
    };
    let rows = usize::from(inner.height).max(1);
    let top = rec.cursor.saturating_sub(rows - 1);
    let lines: Vec<Line> = list
        .iter()
        .enumerate()
        .skip(top)
        .take(rows)
        .map(|(i, (_, label))| {
            let style = if i == rec.cursor { theme.selected() } else { theme.normal() };
            Line::styled(fit(label, usize::from(inner.width)), style)
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}
