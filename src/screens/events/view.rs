//! Drawing this tab: the month grid with the selected day's agenda beside it, or the open event.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::month_view::{cell, mark};
use super::{Focus, Prompt, State};
use crate::app::Session;
use crate::domain::calendar::holiday;
use crate::domain::parse::format_time;
use crate::domain::wareki::format_iso_wareki;
use crate::ui::i18n::{self, Lang, events::text};
use crate::ui::text::width;
use crate::ui::theme::Theme;

/// Cells of the agenda beside the month grid in a body `width` cells wide.
pub fn agenda_width(width: u16) -> u16 {
    (width / 4).max(22)
}

/// Draws the tab into `area`.
pub fn draw(f: &mut Frame, area: Rect, state: &State, s: &Session, theme: &Theme) {
    if state.series.is_some() || state.series_pending {
        super::series_view::draw(f, area, state, s, theme);
        return;
    }
    if state.detail.is_some() || state.detail_pending {
        super::detail_view::draw(f, area, state, s, theme);
        return;
    }
    let [month, agenda] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(agenda_width(area.width))]).areas(area);
    super::month_view::draw(f, month, state, s, theme);
    draw_agenda(f, agenda, state, s, theme);
}

/// The selected day's agenda: a title with the date (ISO and 和暦) and holiday, then a page of rows.
fn draw_agenda(f: &mut Frame, area: Rect, state: &State, s: &Session, theme: &Theme) {
    let t = text(s.lang);
    // One blank cell at the right edge: a wide character in the last cell trips ratatui#2695.
    let cells = usize::from(area.width.saturating_sub(1));
    let day = state.day();
    let weekday = t.weekdays[day.weekday().num_days_from_sunday() as usize];
    let mut title = t.agenda_title.replace("{date}", &format!("{} {weekday}", format_iso_wareki(day)));
    if width(&title) > cells {
        title = format!("{day} {weekday}");
    }
    // The holiday has a line of its own (blank on other days), so the page below never moves.
    let hol = holiday(day).map(|h| if s.lang == Lang::Ja { h.name_ja.as_str() } else { h.name_en.as_str() });
    let mut lines = vec![
        Line::styled(cell(&title, cells), theme.heading()),
        Line::styled(cell(hol.unwrap_or(""), cells), theme.error()),
    ];
    if state.pager.total == 0 && state.pager.generation > 0 && state.agenda.is_empty() {
        lines.push(Line::styled(cell(&format!(" {}", t.no_events), cells), theme.dim()));
    }
    for (i, row) in state.agenda.iter().enumerate() {
        let selected = state.focus == Focus::Agenda && state.pager.selected_in_page() == Some(i);
        let status = row.status.map(|x| i18n::events::status(s.lang, x)).unwrap_or("");
        let wide = cells >= 40;
        let time = if wide {
            format!("{}-{}", format_time(row.start_min), format_time(row.end_min))
        } else {
            format_time(row.start_min)
        };
        let tail = if wide { format!("  {status} {}", row.place) } else { String::new() };
        let text = format!("{time} {} {}{tail}", mark(t, row.kind), row.title);
        let style = if selected {
            theme.selected()
        } else if row.status == Some(crate::domain::model::EventStatus::Cancelled) {
            theme.dim()
        } else {
            theme.normal()
        };
        lines.push(Line::styled(cell(&text, cells), style));
    }
    f.render_widget(Paragraph::new(lines), area);
}

/// The tab bar's part for this tab (count, filter or jump prompt) and where the caret of the prompt sits, in
/// cells from the start of the spans.
pub fn head(state: &State, s: &Session, theme: &Theme) -> (Vec<Span<'static>>, Option<usize>) {
    let t = text(s.lang);
    let count = t.count.replace("{n}", &state.pager.total.to_string());
    let mut spans = vec![Span::raw(format!("  {count}"))];
    if state.filter.visits {
        spans.push(Span::styled(format!("  {}", t.visits_shown), theme.dim()));
    }
    let used: usize = spans.iter().map(|x| width(&x.content)).sum();
    match &state.filter_input {
        Some(input) => {
            let label = if state.prompt == Prompt::Jump { t.jump_label } else { t.filter_label };
            let prefix = format!("  {label}");
            let caret = used + width(&prefix) + input.caret_cells();
            spans.push(Span::styled(prefix, theme.heading()));
            spans.push(Span::raw(input.text().to_string()));
            if state.prompt_error {
                spans.push(Span::styled(t.not_a_date, theme.error()));
            }
            (spans, Some(caret))
        }
        None => {
            if !state.filter.text.is_empty() {
                spans.push(Span::styled(format!("  {}{}", t.filter_label, state.filter.text), theme.dim()));
            }
            (spans, None)
        }
    }
}
