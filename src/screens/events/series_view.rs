//! The startup-support series view (R-S10): the guideline's thresholds, the sessions with their areas, and
//! every participant with the sessions attended, the span, the areas still missing and the verdict — those who
//! meet it first, then those one session short (with the session that would complete it).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::State;
use super::month_view::cell;
use crate::app::Session;
use crate::domain::rules::startup::{SeriesOutcome, required_areas};
use crate::store::participants::SeriesView;
use crate::ui::i18n::{self, Lang, events::EventsText, events::text};
use crate::ui::theme::Theme;

/// Draws the open series into `area`.
pub fn draw(f: &mut Frame, area: Rect, state: &State, s: &Session, theme: &Theme) {
    let Some(v) = &state.series else {
        f.render_widget(Paragraph::new(Span::styled(format!(" {}", i18n::forms(s.lang).saving), theme.dim())), area);
        return;
    };
    let t = text(s.lang);
    // One blank cell at the right edge: a wide character in the last cell trips ratatui#2695.
    let cells = usize::from(area.width.saturating_sub(1));
    let rules = &s.fy.startup_series;
    let areas = |list: &[crate::domain::model::StartupArea]| {
        list.iter().map(|a| i18n::events::area(s.lang, *a)).collect::<Vec<_>>().join("・")
    };
    let rule = t
        .series_rule
        .replace("{sessions}", &rules.min_sessions.to_string())
        .replace("{days}", &rules.min_span_days.to_string())
        .replace("{areas}", &areas(&required_areas(rules)));
    let mut lines = vec![
        Line::styled(cell(&t.series_title.replace("{title}", &v.title), cells), theme.heading()),
        Line::styled(cell(&format!(" {rule}"), cells), theme.dim()),
    ];
    for (i, x) in v.sessions.iter().enumerate() {
        let text =
            format!(" {}{} {}  {}  [{}]", i + 1, t.series_sessions, x.session.date, x.title, areas(&x.session.areas));
        lines.push(Line::styled(cell(&text, cells), theme.normal()));
    }
    let hint_row = usize::from(area.height).saturating_sub(1);
    let widths = columns(cells);
    let head: Vec<Span> =
        t.series_head.split('|').zip(widths).map(|(h, w)| Span::styled(cell(h, w), theme.heading())).collect();
    lines.push(Line::from(head));
    if v.people.is_empty() {
        lines.push(Line::styled(cell(&format!(" {}", t.series_empty), cells), theme.dim()));
    }
    let room = hint_row.saturating_sub(lines.len());
    for p in v.people.iter().skip(state.series_top).take(room) {
        let name = if p.founder { format!(" {} [{}]", p.name, t.founder) } else { format!(" {}", p.name) };
        let span = if s.lang == Lang::Ja {
            format!("{}日", p.standing.span_days)
        } else {
            format!("{}d", p.standing.span_days)
        };
        let (verdict, style) = outcome(v, p.standing.outcome, t, theme);
        let values = [name, p.standing.sessions.to_string(), span, areas(&p.standing.missing), verdict];
        let spans: Vec<Span> = values
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(i, (x, w))| Span::styled(cell(x, w), if i == 4 { style } else { theme.normal() }))
            .collect();
        lines.push(Line::from(spans));
    }
    lines.truncate(hint_row);
    lines.resize(hint_row, Line::raw(""));
    lines.push(Line::styled(cell(t.series_hint, cells), theme.dim()));
    f.render_widget(Paragraph::new(lines), area);
}

/// Column widths: name, sessions, span, missing areas, verdict (the rest).
fn columns(cells: usize) -> [usize; 5] {
    let name = (cells / 3).max(16);
    let missing = (cells / 5).max(14);
    let fixed = name + 6 + 7 + missing;
    [name, 6, 7, missing, cells.saturating_sub(fixed)]
}

fn outcome(v: &SeriesView, o: SeriesOutcome, t: &EventsText, theme: &Theme) -> (String, ratatui::style::Style) {
    match o {
        SeriesOutcome::Meets => (t.outcomes[0].to_string(), theme.heading()),
        SeriesOutcome::OneShort { session } => {
            let at = v.sessions.iter().find(|x| x.session.event_id == session);
            let title = at.map(|x| x.session.date.to_string()).unwrap_or_default();
            (t.outcomes[1].replace("{title}", &title), theme.warn())
        }
        SeriesOutcome::Short => (t.outcomes[2].to_string(), theme.dim()),
    }
}
