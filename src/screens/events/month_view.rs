//! The month grid: a column per weekday (from the configured week start), a row per week; each day shows its
//! number, its holiday (振替休日 included) and its first events; days outside the program period (R-P1) and
//! outside the month are dimmed, today is starred, the selected day reversed.
//!
//! Every cell is cut or padded to its width in terminal cells by whole graphemes, so the columns stay aligned with
//! Japanese titles at any size.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_segmentation::UnicodeSegmentation;

use super::{Focus, State, calendar};
use crate::app::Session;
use crate::domain::calendar::holiday;
use crate::domain::model::EventKind;
use crate::store::calendar::{DayCell, ItemKind};
use crate::ui::i18n::{Lang, events::EventsText, events::text};
use crate::ui::text::{display, width};
use crate::ui::theme::Theme;

/// `s` cut to at most `cells` cells by whole graphemes (no ellipsis: its width is ambiguous) and padded to them.
pub fn cell(s: &str, cells: usize) -> String {
    let s = display(s);
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = width(g);
        if used + w > cells {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.extend(std::iter::repeat_n(' ', cells - used));
    out
}

/// The mark of an item kind (講, 相, 派).
pub fn mark(t: &EventsText, kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Event(EventKind::Seminar) => t.marks[0],
        ItemKind::Event(EventKind::ConsultationDay) => t.marks[1],
        ItemKind::Visit => t.marks[2],
    }
}

/// Draws the month of the selected day into `area`.
pub fn draw(f: &mut Frame, area: Rect, state: &State, s: &Session, theme: &Theme) {
    let t = text(s.lang);
    let day = state.day();
    let weeks = calendar::weeks(day, state.week_start);
    // Each column is a cell plus one blank separator; the grid never touches the last column (ratatui#2695).
    let col = (usize::from(area.width.saturating_sub(1)) / 7).max(3);
    let inner = col - 1;
    let per_week = (usize::from(area.height.saturating_sub(2)) / weeks).max(1);
    let mut lines = vec![title_line(state, s, t, theme, col * 7)];
    let first = calendar::first_weekday(state.week_start);
    lines.push(Line::from(
        (0..7)
            .map(|i| {
                let wd = first_weekday_plus(first, i);
                let name = t.weekdays[wd.num_days_from_sunday() as usize];
                Span::styled(cell(&format!(" {name}"), inner) + " ", weekday_style(wd, theme))
            })
            .collect::<Vec<_>>(),
    ));
    let grid = Grid { state, s, t, theme, lines: per_week, inner };
    let start = calendar::grid_start(day, state.week_start);
    let mut cells = state.cells.iter().peekable();
    for w in 0..weeks {
        let dates: Vec<NaiveDate> = (0..7).map(|i| start + Days::new((w * 7 + i) as u64)).collect();
        let week: Vec<Option<&DayCell>> = dates
            .iter()
            .map(|d| {
                while cells.peek().is_some_and(|c| c.date < *d) {
                    cells.next();
                }
                cells.peek().filter(|c| c.date == *d).copied()
            })
            .collect();
        for line in 0..per_week {
            let spans = dates
                .iter()
                .zip(&week)
                .map(|(date, c)| {
                    let (content, style) = day_line(&grid, *date, *c, line);
                    Span::styled(content + " ", style)
                })
                .collect::<Vec<_>>();
            lines.push(Line::from(spans));
        }
    }
    f.render_widget(Paragraph::new(lines), area);
}

fn first_weekday_plus(first: Weekday, n: u32) -> Weekday {
    (0..n).fold(first, |d, _| d.succ())
}

fn weekday_style(wd: Weekday, theme: &Theme) -> Style {
    match wd {
        Weekday::Sun => theme.error(),
        Weekday::Sat => theme.heading(),
        _ => theme.dim(),
    }
}

fn title_line(state: &State, s: &Session, t: &EventsText, theme: &Theme, cells: usize) -> Line<'static> {
    let day = state.day();
    let month = day.format(t.month_format).to_string();
    let era = crate::domain::wareki::era_of(day)
        .map(|(era, year)| match s.lang {
            Lang::Ja => format!("{}{}年", era.name, if year == 1 { "元".to_string() } else { year.to_string() }),
            Lang::En => format!("{}{}", era.letter, year),
        })
        .unwrap_or_default();
    let title = t.month_title.replace("{month}", &month).replace("{era}", &era);
    let period = &s.fy.period;
    let grid = (calendar::grid_start(day, state.week_start), calendar::grid_end(day, state.week_start));
    let legend = if grid.0 < period.start || grid.1 > period.end { t.outside_period } else { "" };
    let gap = cells.saturating_sub(width(&title) + width(legend) + 1).max(1);
    Line::from(vec![
        Span::styled(format!(" {title}"), theme.heading()),
        Span::styled(
            cell(&format!("{}{legend}", " ".repeat(gap)), cells.saturating_sub(width(&title) + 1)),
            theme.dim(),
        ),
    ])
}

/// What every cell of the grid is drawn with.
#[derive(Clone, Copy)]
struct Grid<'a> {
    state: &'a State,
    s: &'a Session,
    t: &'a EventsText,
    theme: &'a Theme,
    /// Lines per week row.
    lines: usize,
    /// Cells of a day's column without its separator.
    inner: usize,
}

/// One line of a day's cell: line 0 is the day's number and holiday, the others its items (the last one says
/// how many more there are when they do not all fit).
fn day_line(g: &Grid, date: NaiveDate, c: Option<&DayCell>, line: usize) -> (String, Style) {
    let Grid { state, s, t, theme, lines, inner } = *g;
    let in_month = date.month() == state.day().month();
    let outside = date < s.fy.period.start || date > s.fy.period.end;
    let hol = holiday(date);
    let base = if !in_month || outside { theme.dim() } else { theme.normal() };
    let count = c.map_or(0, |c| c.count);
    if line == 0 {
        let today = state.today == Some(date);
        let mut head = format!("{:>2}{}", date.day(), if today { "*" } else { " " });
        if let Some(h) = hol {
            let name = if s.lang == Lang::Ja { h.name_ja.as_str() } else { h.name_en.as_str() };
            head.push_str(if width(name) + 3 <= inner { name } else { short_holiday(s.lang, h) });
        } else if lines == 1 && count > 0 {
            head.push_str(&format!("●{count}"));
        }
        let mut style = if hol.is_some() || date.weekday() == Weekday::Sun {
            if in_month && !outside { theme.error() } else { theme.dim() }
        } else if date.weekday() == Weekday::Sat && in_month && !outside {
            theme.heading()
        } else {
            base
        };
        if today {
            style = style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        }
        if state.cursor == Some(date) {
            style =
                if state.focus == Focus::Month { theme.selected() } else { style.add_modifier(Modifier::UNDERLINED) };
        }
        return (cell(&head, inner), style);
    }
    let Some(c) = c else { return (cell("", inner), base) };
    let slots = lines - 1;
    let i = line - 1;
    if i + 1 == slots && count > slots {
        let shown = slots - 1;
        let more = t.more.replace("{n}", &(count - shown).to_string());
        return (cell(&more, inner), theme.dim());
    }
    match c.items.get(i) {
        Some(item) => {
            let style = if item.cancelled { theme.dim().add_modifier(Modifier::CROSSED_OUT) } else { base };
            (cell(&format!("{}{}", mark(t, item.kind), item.title), inner), style)
        }
        None => (cell("", inner), base),
    }
}

/// A holiday's mark where its name does not fit: 振休 for a substitute holiday, 祝 otherwise.
fn short_holiday(lang: Lang, h: &crate::domain::calendar::Holiday) -> &'static str {
    match (lang, h.name_ja.starts_with("振替")) {
        (Lang::Ja, true) => "振休",
        (Lang::Ja, false) => "祝",
        (Lang::En, true) => "Sub",
        (Lang::En, false) => "Hol",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_exactly_their_width_with_wide_characters() {
        assert_eq!(cell("勤労感謝の日", 7), "勤労感 ");
        assert_eq!(width(&cell("講SNS活用セミナー", 9)), 9);
        assert_eq!(cell("ﾀﾅｶ", 4), "タナ");
        assert_eq!(cell("", 3), "   ");
    }
}
