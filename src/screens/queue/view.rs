//! Drawing the applications queue: the list of the visible rows and the detail of the selected one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::{QueueState, QueueView};
use crate::app::Session;
use crate::domain::parse::{format_hours, format_time};
use crate::domain::rules::dispatch::{VisitUsage, remaining};
use crate::domain::rules::eligibility::{BusinessFacts, check_eligibility, check_size, eligibility_basis};
use crate::domain::wareki::format_iso_wareki;
use crate::store::needs_action::Reason;
use crate::store::queue::{DispatchDetail, QueueRow};
use crate::ui::i18n::{self, ConsoleText, label};
use crate::ui::text::{display, fit, fit_right};
use crate::ui::theme::Theme;

/// Width from which the detail pane sits beside the list.
pub const SIDE_BY_SIDE_MIN_WIDTH: u16 = 120;

/// Rows of the list that fit in a body area of `height` (one header row).
pub fn list_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(1)).max(1)
}

/// Draws the queue into `area`.
pub fn draw(f: &mut Frame, area: Rect, q: &QueueState, s: &Session, theme: &Theme) {
    let t = i18n::console(s.lang);
    match q.view {
        QueueView::Consultations => return draw_consultations(f, area, q, s, theme, t),
        QueueView::NeedsAction => return draw_needs_action(f, area, q, theme, t),
        QueueView::Applications => {}
    }
    if q.detail_open && area.width < SIDE_BY_SIDE_MIN_WIDTH {
        draw_detail(f, area, q, s, theme, t);
        return;
    }
    if area.width >= SIDE_BY_SIDE_MIN_WIDTH {
        let detail_w = (area.width * 2 / 5).max(50);
        let list = Rect { width: area.width - detail_w, ..area };
        let detail = Rect { x: area.x + list.width, width: detail_w, ..area };
        draw_list(f, list, q, s, theme, t);
        draw_detail(f, detail, q, s, theme, t);
    } else {
        draw_list(f, area, q, s, theme, t);
    }
}

/// The columns that fit in `width`, in order: (header index, cells).
fn columns(width: u16) -> Vec<(usize, usize)> {
    let w = usize::from(width);
    let mut cols = vec![(0, 8)];
    if w >= 70 {
        cols.push((1, 10));
    }
    let mut fixed = vec![(6, 4), (7, 7), (8, 10)];
    if w >= 100 {
        fixed.insert(0, (3, 14));
    }
    if w >= 110 {
        fixed.insert(1, (5, 12));
    }
    if w >= 130 {
        fixed.insert(0, (4, 3));
    }
    let used: usize = cols.iter().chain(&fixed).map(|c| c.1 + 1).sum::<usize>() + 1;
    cols.push((2, w.saturating_sub(used + 1).max(8)));
    cols.extend(fixed);
    cols
}

fn cell(row: &QueueRow, col: usize, s: &Session, t: &ConsoleText) -> String {
    let limits = &s.fy.visits;
    match col {
        0 => row.number.to_string(),
        1 => row.received_on.to_string(),
        2 => row.business.clone(),
        3 => row.chamber.clone().unwrap_or_else(|| t.direct.to_string()),
        4 => row.theme.to_string(),
        5 => row.expert.clone().unwrap_or_default(),
        6 => format!("{}/{}", row.visits, limits.max_visits),
        7 => format!("{}/{}", format_hours(row.minutes), limits.max_total_minutes / 60),
        _ => label::dispatch_status(s.lang, row.status).to_string(),
    }
}

fn line_of(cells: &[(String, usize, bool)]) -> String {
    let parts: Vec<String> =
        cells.iter().map(|(text, w, right)| if *right { fit_right(text, *w) } else { fit(text, *w) }).collect();
    format!(" {}", parts.join(" "))
}

fn draw_list(f: &mut Frame, area: Rect, q: &QueueState, s: &Session, theme: &Theme, t: &ConsoleText) {
    // One blank cell at the right edge: a wide character in the last cell trips ratatui#2695.
    let cols = columns(area.width.saturating_sub(1));
    let right = |c: usize| matches!(c, 6 | 7);
    let header = line_of(&cols.iter().map(|&(c, w)| (t.queue_columns[c].to_string(), w, right(c))).collect::<Vec<_>>());
    let mut lines = vec![Line::styled(header, theme.heading())];
    if q.pager.total == 0 && q.pager.generation > 0 {
        lines.push(Line::styled(format!(" {}", t.empty), theme.dim()));
    }
    for (i, row) in q.rows.iter().enumerate() {
        let text = line_of(&cols.iter().map(|&(c, w)| (cell(row, c, s, t), w, right(c))).collect::<Vec<_>>());
        let style = if q.pager.top + i == q.pager.selected { theme.selected() } else { theme.normal() };
        lines.push(Line::styled(text, style));
    }
    f.render_widget(Paragraph::new(lines), area);
}

fn draw_consultations(f: &mut Frame, area: Rect, q: &QueueState, s: &Session, theme: &Theme, t: &ConsoleText) {
    let w = usize::from(area.width.saturating_sub(2));
    let flex = w.saturating_sub(10 + 8 + 12 + 12 + 8 + 6) / 2;
    let widths = [10, 8, 12, flex.max(8), flex.max(8), 12, 8];
    let header: Vec<(String, usize, bool)> =
        t.consultation_columns.iter().zip(widths).map(|(h, w)| (h.to_string(), w, false)).collect();
    let mut lines = vec![Line::styled(line_of(&header), theme.heading())];
    if q.c_pager.total == 0 && q.c_pager.generation > 0 {
        lines.push(Line::styled(format!(" {}", t.empty), theme.dim()));
    }
    for (i, r) in q.c_rows.iter().enumerate() {
        let cells = [
            r.received_on.to_string(),
            label::channel(s.lang, r.channel).to_string(),
            r.caller_name.clone(),
            r.business.clone().unwrap_or_default(),
            r.content.clone(),
            label::outcome(s.lang, r.outcome).to_string(),
            r.dispatch.map(|n| n.to_string()).unwrap_or_default(),
        ];
        let text = line_of(&cells.into_iter().zip(widths).map(|(c, w)| (c, w, false)).collect::<Vec<_>>());
        let style = if q.c_pager.top + i == q.c_pager.selected { theme.selected() } else { theme.normal() };
        lines.push(Line::styled(text, style));
    }
    f.render_widget(Paragraph::new(lines), area);
}

fn draw_needs_action(f: &mut Frame, area: Rect, q: &QueueState, theme: &Theme, t: &ConsoleText) {
    let w = usize::from(area.width.saturating_sub(2));
    let mut lines = Vec::new();
    let mut index = 0;
    for (reason, total, items) in &q.needs_action.groups {
        let i = Reason::ALL.iter().position(|r| r == reason).unwrap_or(0);
        lines.push(Line::styled(format!("【{}】 {total}", t.needs_action_reasons[i]), theme.heading()));
        for item in items {
            let left =
                item.minutes_left.map(|m| format!("  R-D1 {}h", format_hours(m.max(0) as u32))).unwrap_or_default();
            let text = match item.event_id {
                Some(_) => format!("  {}  {}", format_iso_wareki(item.since), item.business),
                None => format!("  {}  {}  {}{left}", item.number, format_iso_wareki(item.since), item.business),
            };
            let style = if index == q.needs_action.selected { theme.selected() } else { theme.normal() };
            lines.push(Line::styled(fit(&text, w), style));
            index += 1;
        }
        if *total > items.len() {
            lines.push(Line::styled(
                format!("  {}", t.more.replace("{n}", &(total - items.len()).to_string())),
                theme.dim(),
            ));
        }
    }
    if index == 0 && !q.needs_action.groups.is_empty() {
        lines.push(Line::styled(t.nothing_to_do, theme.ok()));
    }
    // Keep the selected item on screen.
    let selected_line = lines.iter().position(|l| l.style == theme.selected()).unwrap_or(0);
    let scroll = selected_line.saturating_sub(usize::from(area.height).saturating_sub(2)) as u16;
    f.render_widget(Paragraph::new(lines).scroll((scroll, 0)), area);
}

fn draw_detail(f: &mut Frame, area: Rect, q: &QueueState, s: &Session, theme: &Theme, t: &ConsoleText) {
    let block = Block::default().borders(Borders::LEFT);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let Some(d) = q.detail.as_ref() else {
        f.render_widget(Paragraph::new(Line::styled(t.select_hint, theme.dim())), inner);
        return;
    };
    // Open (Enter): j/k choose a visit, which `e` edits and `d` removes.
    let cursor = q.detail_open.then_some(q.visit_cursor);
    let mut lines = detail_lines(d, cursor, s, theme, t);
    for span in lines.iter_mut().flat_map(|l| l.spans.iter_mut()) {
        if let std::borrow::Cow::Owned(text) = display(&span.content) {
            span.content = text.into();
        }
    }
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

fn heading<'a>(text: &str, theme: &Theme) -> Line<'a> {
    Line::styled(format!("【{text}】"), theme.heading())
}

/// The detail's lines; `cursor` is Some when the detail is open (the chosen visit, if any, is highlighted).
fn detail_lines<'a>(
    d: &DispatchDetail,
    cursor: Option<Option<usize>>,
    s: &Session,
    theme: &Theme,
    t: &ConsoleText,
) -> Vec<Line<'a>> {
    let lang = s.lang;
    let l = &t.detail_labels;
    let mut out = vec![heading(t.detail_sections[0], theme), Line::from(d.row.business.clone())];
    let form = d.legal_form.map(|f| label::legal_form(lang, f)).unwrap_or("-");
    let place = d.municipality.as_ref().map(|(_, n)| n.as_str()).unwrap_or("-");
    out.push(Line::from(format!("{}: {form}  {}: {place}", l[0], l[1])));
    let facts = BusinessFacts {
        legal_form: d.legal_form,
        municipality_code: d.municipality.as_ref().map(|(c, _)| c.as_str()),
        industry: d.industry,
        capital_yen: d.capital_yen,
        employees: d.employees,
    };
    let findings = check_eligibility(&s.fy.eligibility, &facts);
    if findings.is_empty() {
        out.push(Line::styled(format!("{} ({})", t.eligible, eligibility_basis(d.legal_form)), theme.ok()));
    }
    for finding in findings.iter().chain(check_size(&s.fy.sme_limits, &facts).iter()) {
        out.push(Line::styled(i18n::finding(lang, finding), theme.warn()));
    }

    out.push(heading(t.detail_sections[1], theme));
    out.push(Line::from(format!(
        "{}  {}  {}",
        d.row.number,
        format_iso_wareki(d.row.received_on),
        label::dispatch_status(lang, d.row.status)
    )));
    let chamber = d.row.chamber.clone().unwrap_or_else(|| t.direct.to_string());
    out.push(Line::from(format!("{}: {chamber}  {}: {}", l[2], l[3], d.guidance_officer.as_deref().unwrap_or("-"))));
    let theme_label = s.fy.dispatch_themes().iter().find(|x| x.number == d.row.theme).map(|x| match lang {
        i18n::Lang::Ja => x.ja.as_str(),
        i18n::Lang::En => x.en.as_str(),
    });
    out.push(Line::from(format!("{}: {} {}", l[4], d.row.theme, theme_label.unwrap_or(""))));
    out.push(Line::from(format!("{}: {}", l[5], d.row.expert.as_deref().unwrap_or("-"))));
    for section in &s.fy.form1_sections {
        if let Some((_, text)) = d.sections.iter().find(|(k, _)| *k == section.key) {
            let title = if lang == i18n::Lang::Ja { &section.ja } else { &section.en };
            out.push(Line::styled(format!("{title}:"), theme.dim()));
            out.push(Line::from(text.clone()));
        }
    }

    out.push(heading(t.detail_sections[2], theme));
    let used = VisitUsage::of(d.visits.iter().map(|v| u32::from(v.end_min.saturating_sub(v.start_min))));
    let left = remaining(&s.fy.visits, used);
    let gauge = t
        .remaining
        .replace("{hours}", &format_hours(left.minutes.max(0) as u32))
        .replace("{visits}", &left.visits.max(0).to_string());
    let style = if left.minutes <= 0 || left.visits <= 0 { theme.warn() } else { theme.ok() };
    out.push(Line::styled(format!("R-D1 {gauge}"), style));
    if cursor.is_some() {
        // Open: j/k are the visits', not the list's, until Esc (said even before the first visit).
        out.push(Line::styled(i18n::queue::text(lang).visit_keys, theme.dim()));
    }
    if d.visits.is_empty() {
        out.push(Line::styled(t.no_visits, theme.dim()));
    }
    for (i, v) in d.visits.iter().enumerate() {
        let minutes = u32::from(v.end_min.saturating_sub(v.start_min));
        let mut place = label::place(lang, v.place).to_string();
        if !v.place_note.is_empty() {
            place = format!("{place} ({})", v.place_note);
        }
        let chosen = cursor == Some(Some(i));
        out.push(Line::styled(
            format!(
                "{}{}. {} {}-{} {}h {place}",
                if chosen { ">" } else { "" },
                i + 1,
                format_iso_wareki(v.date),
                format_time(v.start_min),
                format_time(v.end_min),
                format_hours(minutes)
            ),
            if chosen { theme.selected() } else { theme.normal() },
        ));
        let who = v.accompanying_name.as_deref().map(|n| format!(" {n}")).unwrap_or_default();
        let mut spans = vec![Span::raw(format!("   {}{who}", label::accompaniment(lang, v.accompanied_by)))];
        if !v.accompaniment_reason.is_empty() {
            spans.push(Span::styled(format!("  {}: {}", t.reason_label, v.accompaniment_reason), theme.dim()));
        }
        out.push(Line::from(spans));
        if let Some(reason) = &v.override_reason {
            out.push(Line::styled(format!("   R-D1 {}: {reason}", t.override_label), theme.warn()));
        }
    }

    out.push(heading(t.detail_sections[3], theme));
    let date = |x: Option<chrono::NaiveDate>| x.map(format_iso_wareki).unwrap_or_else(|| "-".into());
    out.push(Line::from(format!("{}: {}", l[6], date(d.report_received_on))));
    out.push(Line::from(format!("{}: {}", l[7], date(d.feedback_sent_on))));
    if !d.grounds.is_empty() {
        let grounds: Vec<String> = d.grounds.iter().map(|g| g.to_string()).collect();
        out.push(Line::styled(format!("R-D5 {}: {}", l[8], grounds.join(", ")), theme.warn()));
        if !d.rejection_note.is_empty() {
            out.push(Line::from(format!("   {}", d.rejection_note)));
        }
    }
    out
}
