//! Drawing this tab: the list shown (experts, businesses, organisations, or the candidates of "find"), or the
//! open card above it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{List, State};
use crate::app::Session;
use crate::domain::model::{LegalForm, OrganisationKind};
use crate::domain::parse::{format_hours, format_thousands};
use crate::store::roster::cards::RecordRow;
use crate::store::roster::experts::{ExpertRow, ExpertSort};
use crate::ui::i18n::{self, label, roster::RosterText};
use crate::ui::text::{display, fit, fit_right};
use crate::ui::theme::Theme;

/// Draws the tab into `area`.
pub fn draw(f: &mut Frame, area: Rect, state: &State, s: &Session, theme: &Theme) {
    let t = i18n::roster::text(s.lang);
    if state.card.is_some() || state.card_pending {
        super::cards_view::draw(f, area, state, s, theme);
        return;
    }
    // One blank cell at the right edge: a wide character in the last cell trips ratatui#2695.
    let width = usize::from(area.width.saturating_sub(1));
    let mut lines = find_summary(state, s, theme, t, width);
    lines.extend(match state.list {
        List::Experts => expert_lines(state, s, theme, t, width),
        List::Businesses | List::Organisations => record_lines(state, s, theme, t, width),
    });
    if state.pager.total == 0 && state.pager.generation > 0 {
        lines.push(Line::styled(format!(" {}", i18n::console(s.lang).no_rows), theme.dim()));
    }
    f.render_widget(Paragraph::new(lines), area);
}

/// In "find": one line with the case (application, applicant, theme, area) and the keys that narrow it.
fn find_summary<'a>(state: &State, s: &Session, theme: &Theme, t: &RosterText, width: usize) -> Vec<Line<'a>> {
    let Some(case) = &state.case else { return Vec::new() };
    let theme_name =
        s.fy.dispatch_themes()
            .iter()
            .find(|x| x.number == case.theme)
            .map(|x| if s.lang == crate::ui::i18n::Lang::Ja { x.ja.as_str() } else { x.en.as_str() })
            .unwrap_or("");
    let area = case.area.as_ref().map(|a| a.1.as_str()).unwrap_or("-");
    let text = t
        .find_summary
        .replace("{number}", &case.number.to_string())
        .replace("{business}", &case.business)
        .replace("{theme}", &format!("{}{} {theme_name}", t.theme, case.theme))
        .replace("{area}", area);
    vec![Line::styled(format!(" {}", crate::ui::text::truncate(&text, width.saturating_sub(1))), theme.heading())]
}

/// An expert list column: (header index, cells, right-aligned).
type Column = (usize, usize, bool);

/// The expert columns that fit in `width`; the keywords column takes what is left.
fn expert_columns(width: usize, find: bool) -> Vec<Column> {
    let mut cols: Vec<Column> = Vec::new();
    if find {
        cols.push((10, 9, false));
    }
    cols.push((0, 12, false));
    if width >= 100 {
        cols.push((1, 14, false));
    }
    cols.push((2, 9, false));
    let mut tail: Vec<Column> = Vec::new();
    if width >= 90 {
        tail.push((4, 16, false));
    }
    tail.push((5, 8, false));
    if width >= 70 {
        tail.push((6, 4, false));
    }
    tail.extend([(7, 4, true), (8, 6, true)]);
    if width >= 110 {
        tail.push((9, 10, true));
    }
    let used: usize = cols.iter().chain(&tail).map(|c| c.1 + 1).sum::<usize>() + 1;
    cols.push((3, width.saturating_sub(used).max(8), false));
    cols.extend(tail);
    cols
}

fn expert_cell(row: &ExpertRow, col: usize, s: &Session, t: &RosterText) -> String {
    match col {
        0 => row.name.clone(),
        1 => row.reading.clone(),
        2 => row.themes.iter().map(u8::to_string).collect::<Vec<_>>().join(","),
        3 => [row.keywords.as_str(), row.qualifications.as_str()]
            .iter()
            .filter(|x| !x.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" / "),
        4 => row.affiliation.clone(),
        5 => row.region.clone(),
        6 => {
            if row.retired_on.is_some() {
                t.retired.into()
            } else {
                String::new()
            }
        }
        7 => row.visits.to_string(),
        8 => format_hours(row.minutes),
        9 => format_thousands(row.honoraria_yen),
        _ => conflict_mark(row, s),
    }
}

/// "R-D5:1,2" for a candidate related to the applicant (grounds 1, 2), else empty.
fn conflict_mark(row: &ExpertRow, _s: &Session) -> String {
    use crate::domain::rules::Finding;
    let grounds: Vec<String> = row
        .conflicts
        .iter()
        .filter_map(|f| match f {
            Finding::ExpertRelated { ground, .. } => Some(ground.number().to_string()),
            _ => None,
        })
        .collect();
    if grounds.is_empty() { String::new() } else { format!("R-D5:{}", grounds.join(",")) }
}

fn line_of(cells: &[(String, usize, bool)]) -> String {
    let parts: Vec<String> =
        cells.iter().map(|(text, w, right)| if *right { fit_right(text, *w) } else { fit(text, *w) }).collect();
    format!(" {}", parts.join(" "))
}

fn expert_lines<'a>(state: &State, s: &Session, theme: &Theme, t: &RosterText, width: usize) -> Vec<Line<'a>> {
    let cols = expert_columns(width, state.case.is_some());
    let mut header: Vec<(String, usize, bool)> =
        cols.iter().map(|&(c, w, r)| (t.expert_columns[c].to_string(), w, r)).collect();
    // The sorted column's header carries the direction.
    let sorted = match state.filter.sort {
        ExpertSort::Reading => 1,
        ExpertSort::Affiliation => 4,
        ExpertSort::Region => 5,
        ExpertSort::Visits => 7,
        ExpertSort::Hours => 8,
        ExpertSort::Honoraria => 9,
    };
    let sorted = if sorted == 1 && width < 100 { 0 } else { sorted };
    for (h, c) in header.iter_mut().zip(&cols) {
        if c.0 == sorted {
            h.0 = format!("{}{}", h.0, if state.filter.descending { "v" } else { "^" });
        }
    }
    let mut lines = vec![Line::styled(line_of(&header), theme.heading())];
    for (i, row) in state.experts.iter().enumerate() {
        let cells: Vec<(String, usize, bool)> =
            cols.iter().map(|&(c, w, r)| (expert_cell(row, c, s, t), w, r)).collect();
        let style = if state.pager.top + i == state.pager.selected {
            theme.selected()
        } else if !row.conflicts.is_empty() {
            theme.warn()
        } else if row.retired_on.is_some() {
            theme.dim()
        } else {
            theme.normal()
        };
        lines.push(Line::styled(line_of(&cells), style));
    }
    lines
}

fn record_cell(row: &RecordRow, col: usize, s: &Session, t: &RosterText, businesses: bool) -> String {
    match col {
        0 => row.name.clone(),
        1 => row.reading.clone(),
        2 if businesses => {
            LegalForm::from_code(&row.kind).map(|f| label::legal_form(s.lang, f).to_string()).unwrap_or_default()
        }
        2 => OrganisationKind::from_code(&row.kind)
            .map(|k| label::organisation_kind(s.lang, k).to_string())
            .unwrap_or_default(),
        3 => row.municipality.clone(),
        4 => row.phone.clone(),
        5 => row.count.to_string(),
        _ => {
            if row.gone {
                t.retired.into()
            } else {
                String::new()
            }
        }
    }
}

fn record_lines<'a>(state: &State, s: &Session, theme: &Theme, t: &RosterText, width: usize) -> Vec<Line<'a>> {
    let businesses = state.list == List::Businesses;
    let headers = if businesses { &t.business_columns } else { &t.organisation_columns };
    let mut cols: Vec<Column> = vec![(0, 0, false)];
    if width >= 100 {
        cols.push((1, 18, false));
    }
    cols.extend([(2, 12, false), (3, 10, false)]);
    if width >= 80 {
        cols.push((4, 13, false));
    }
    cols.extend([(5, 5, true), (6, 4, false)]);
    let used: usize = cols.iter().map(|c| c.1 + 1).sum::<usize>() + 1;
    cols[0].1 = width.saturating_sub(used).max(10);
    let header: Vec<(String, usize, bool)> = cols.iter().map(|&(c, w, r)| (headers[c].to_string(), w, r)).collect();
    let mut lines = vec![Line::styled(line_of(&header), theme.heading())];
    for (i, row) in state.records.iter().enumerate() {
        let cells: Vec<(String, usize, bool)> =
            cols.iter().map(|&(c, w, r)| (record_cell(row, c, s, t, businesses), w, r)).collect();
        let style = if state.pager.top + i == state.pager.selected {
            theme.selected()
        } else if row.gone {
            theme.dim()
        } else {
            theme.normal()
        };
        lines.push(Line::styled(line_of(&cells), style));
    }
    lines
}

/// The tab bar's part for this tab (view, count, filters) and where the caret of the filter input sits, in cells
/// from the start of the spans.
pub fn head(state: &State, s: &Session, theme: &Theme) -> (Vec<Span<'static>>, Option<usize>) {
    let t = i18n::roster::text(s.lang);
    let c = i18n::console(s.lang);
    let view = match (&state.case, state.list) {
        (Some(case), _) => {
            t.find_head.replace("{number}", &case.number.to_string()).replace("{business}", &case.business)
        }
        (None, List::Experts) => t.lists[0].to_string(),
        (None, List::Businesses) => t.lists[1].to_string(),
        (None, List::Organisations) => t.lists[2].to_string(),
    };
    let mut head = format!(" [{}] {}", display(&view), c.count.replace("{n}", &state.pager.total.to_string()));
    if state.list == List::Experts {
        if let Some(theme_no) = state.filter.theme {
            head.push_str(&format!("  {}{theme_no}", t.theme));
        }
        if let Some(area) = state.filter.area_id.and_then(|a| state.areas.iter().find(|x| x.0 == a)) {
            head.push_str(&format!("  {}:{}", t.area, area.1));
        } else if let Some(area) = state.filter.area_id.and(state.case.as_ref()).and_then(|c| c.area.as_ref()) {
            head.push_str(&format!("  {}:{}", t.area, area.1));
        }
    }
    if let Some(case) = &state.case {
        head.push_str(&format!("  {}", display(&case.business)));
    }
    let used = crate::ui::text::width(&head);
    let mut spans = vec![Span::raw(head)];
    let mut caret = None;
    if let Some(input) = &state.filter_input {
        spans.push(Span::styled(format!("  /{}", display(input.text())), theme.warn()));
        caret = Some(used + 3 + input.caret_cells());
    } else if !state.filter.text.is_empty() {
        spans.push(Span::styled(format!("  /{}", display(&state.filter.text)), theme.warn()));
    }
    (spans, caret)
}
