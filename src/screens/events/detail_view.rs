//! The open event: its Form 2/3 facts, warnings with rule ids, the publicity checklist, its experts, and for a
//! consultation day the slot grid (a row per slot, a column per expert) with the selected booking's report.

use chrono::Datelike;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::State;
use super::month_view::cell;
use crate::app::Session;
use crate::domain::model::{EventKind, EventStatus};
use crate::domain::parse::{format_time, format_yen};
use crate::domain::rules::events::{check_venue_fee, venue_fee_reimbursable};
use crate::domain::rules::period::check_period;
use crate::domain::wareki::format_iso_wareki;
use crate::store::calendar::EventDetail;
use crate::ui::i18n::{self, Lang, events::EventsText, events::text};
use crate::ui::theme::Theme;

/// Days before an event by which it should be announced (the desk's publicity duty, R-S9).
pub const ANNOUNCE_DAYS: i64 = 14;

/// Draws the open event into `area`.
pub fn draw(f: &mut Frame, area: Rect, state: &State, s: &Session, theme: &Theme) {
    let Some(d) = &state.detail else {
        f.render_widget(Paragraph::new(Span::styled(format!(" {}", i18n::forms(s.lang).saving), theme.dim())), area);
        return;
    };
    let t = text(s.lang);
    // One blank cell at the right edge: a wide character in the last cell trips ratatui#2695.
    let cells = usize::from(area.width.saturating_sub(1));
    let mut lines = facts(d, s, t, theme, cells);
    lines.extend(warnings(d, s, theme, cells));
    lines.push(publicity(d, s, t, theme, cells));
    let experts = if d.experts.is_empty() {
        t.no_experts.to_string()
    } else {
        d.experts.iter().map(|x| x.name.as_str()).collect::<Vec<_>>().join("、")
    };
    lines.push(field(t.labels[8], &experts, theme.normal(), cells));
    if !d.experts.is_empty() {
        let paid = d.experts.iter().filter(|x| d.paid_experts.contains(&x.id)).count();
        let state_text =
            t.honoraria_state.replace("{n}", &paid.to_string()).replace("{m}", &d.experts.len().to_string());
        lines.push(field(t.honoraria_label, &state_text, theme.normal(), cells));
    }
    if d.series.is_some() || !d.areas.is_empty() {
        let areas: Vec<&str> = d.areas.iter().map(|a| i18n::events::area(s.lang, *a)).collect();
        let title = d.series.as_ref().map(|x| x.1.as_str()).unwrap_or("");
        lines.push(field(t.series_label, &format!("{title}  [{}]", areas.join("・")), theme.normal(), cells));
    }
    let hint_row = usize::from(area.height).saturating_sub(1);
    match d.kind {
        EventKind::ConsultationDay => lines.extend(slot_grid(d, state.row, t, theme, cells)),
        EventKind::Seminar => {
            let room = hint_row.saturating_sub(lines.len() + 1);
            lines.extend(participants(d, state.row, room, t, theme, cells));
        }
    }
    lines.truncate(hint_row);
    lines.resize(hint_row, Line::raw(""));
    lines.push(Line::styled(cell(t.hint, cells), theme.dim()));
    f.render_widget(Paragraph::new(lines), area);
}

fn field(label: &str, value: &str, style: Style, cells: usize) -> Line<'static> {
    let label = cell(label, 16);
    Line::from(vec![Span::raw(format!(" {label} ")), Span::styled(cell(value, cells.saturating_sub(18)), style)])
}

fn facts(d: &EventDetail, s: &Session, t: &EventsText, theme: &Theme, cells: usize) -> Vec<Line<'static>> {
    let lang = s.lang;
    let kind = i18n::events::kind(lang, d.kind);
    let form = format!("{}{}", t.labels[10], d.kind.form_number());
    let status = i18n::events::status(lang, d.status);
    let title = format!(" {kind} ({form})  {}  [{status}]", d.title);
    let theme_name =
        s.fy.seminar_themes
            .iter()
            .find(|x| x.number == d.theme)
            .map(|x| if lang == Lang::Ja { x.ja.as_str() } else { x.en.as_str() })
            .unwrap_or("");
    let weekday = t.weekdays[d.date.weekday().num_days_from_sunday() as usize];
    let when =
        format!("{} {weekday} {}〜{}", format_iso_wareki(d.date), format_time(d.start_min), format_time(d.end_min));
    let venue = format!("{} ({})", d.venue_name, i18n::events::venue(lang, d.venue_kind));
    let mut fee = format_yen(d.venue_fee_yen);
    if d.venue_fee_yen > 0 && venue_fee_reimbursable(d.venue_kind) {
        fee = format!("{fee}  {}", t.reimbursable);
    }
    let dash = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_else(|| "-".into());
    let people = format!("{} / {} / {}", dash(d.capacity), d.registrations, dash(d.attendance));
    let mut status_line = status.to_string();
    if d.status == EventStatus::Cancelled && !d.cancel_reason.is_empty() {
        status_line = format!("{status_line}: {}", d.cancel_reason);
    }
    let status_style = if d.status == EventStatus::Cancelled { theme.warn() } else { theme.normal() };
    vec![
        Line::styled(cell(&title, cells), theme.heading()),
        field(t.labels[0], &d.organiser.1, theme.normal(), cells),
        field(t.labels[1], &format!("{} {theme_name}", d.theme), theme.normal(), cells),
        field(t.labels[2], &when, theme.normal(), cells),
        field(t.labels[3], &venue, theme.normal(), cells),
        field(t.labels[4], &fee, theme.normal(), cells),
        field(t.labels[5], &people, theme.normal(), cells),
        field(t.labels[6], &status_line, status_style, cells),
    ]
}

/// R-P1 and R-S5 findings on the stored event (written before the rules were checked, or by an import).
fn warnings(d: &EventDetail, s: &Session, theme: &Theme, cells: usize) -> Vec<Line<'static>> {
    [check_period(&s.fy.period, d.date), check_venue_fee(d.venue_kind, d.venue_fee_yen)]
        .into_iter()
        .flatten()
        .map(|f| Line::styled(cell(&format!(" {}", i18n::finding(s.lang, &f)), cells), theme.warn()))
        .collect()
}

/// The publicity checklist, with a reminder when the event is close and not yet announced.
fn publicity(d: &EventDetail, s: &Session, t: &EventsText, theme: &Theme, cells: usize) -> Line<'static> {
    let dates = [d.press_release_on, d.web_page_on, d.partner_notice_on];
    let items: Vec<String> = dates
        .iter()
        .zip(t.publicity)
        .map(|(date, name)| format!("{name} {}", date.map(|x| x.to_string()).unwrap_or_else(|| t.not_done.into())))
        .collect();
    let mut value = items.join("  ");
    let open = matches!(d.status, EventStatus::Applied | EventStatus::Approved);
    let due = (d.date - s.today).num_days() <= ANNOUNCE_DAYS && d.date >= s.today;
    let style = if open && due && dates.iter().all(Option::is_none) {
        value = format!("{value}  ({})", t.announce_due);
        theme.warn()
    } else {
        theme.normal()
    };
    field(t.labels[7], &value, style, cells)
}

/// A row per slot, a column per expert: the business booked, or free; the selected booking reversed.
fn slot_grid(d: &EventDetail, selected: usize, t: &EventsText, theme: &Theme, cells: usize) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(cell(&format!(" {}", t.labels[9]), cells), theme.heading())];
    let mut experts: Vec<(i64, String)> = d.experts.iter().map(|x| (x.id, x.name.clone())).collect();
    for b in &d.bookings {
        if !experts.iter().any(|x| x.0 == b.expert_id) {
            experts.push((b.expert_id, b.expert.clone()));
        }
    }
    if experts.is_empty() {
        lines.push(Line::styled(cell(&format!(" {}", t.no_bookings), cells), theme.dim()));
        return lines;
    }
    let time_w = 7;
    let col = ((cells.saturating_sub(time_w + 1)) / experts.len()).clamp(6, 24);
    let shown = experts.len().min((cells.saturating_sub(time_w + 1)) / col);
    let mut head = vec![Span::styled(format!(" {}", cell(t.slot_head, time_w)), theme.dim())];
    head.extend(experts.iter().take(shown).map(|x| Span::styled(cell(&x.1, col), theme.heading())));
    lines.push(Line::from(head));
    let slot = d.slot_minutes.unwrap_or(60).max(1);
    let mut start = d.start_min;
    while start < d.end_min {
        let mut row = vec![Span::raw(format!(" {}", cell(&format_time(start), time_w)))];
        for (id, _) in experts.iter().take(shown) {
            let found = d.bookings.iter().enumerate().find(|(_, b)| b.expert_id == *id && b.start_min == start);
            let span = match found {
                Some((i, b)) => {
                    let style = if i == selected { theme.selected() } else { theme.normal() };
                    Span::styled(cell(&b.business, col - 1) + " ", style)
                }
                None => Span::styled(cell(t.free, col), theme.dim()),
            };
            row.push(span);
        }
        lines.push(Line::from(row));
        start = start.saturating_add(slot);
    }
    // Bookings that do not start on a slot boundary (made with another slot length) are listed below.
    for (i, b) in d.bookings.iter().enumerate() {
        let on_grid = (b.start_min >= d.start_min) && (b.start_min - d.start_min).is_multiple_of(slot);
        if !on_grid {
            let style = if i == selected { theme.selected() } else { theme.normal() };
            let text = format!(" {} {} / {}", format_time(b.start_min), b.business, b.expert);
            lines.push(Line::styled(cell(&text, cells), style));
        }
    }
    if let Some(b) = d.bookings.get(selected) {
        let marks = [b.report_on, b.feedback_on]
            .iter()
            .zip(t.report_marks)
            .map(|(date, name)| format!("{name} {}", date.map(|x| x.to_string()).unwrap_or_else(|| t.not_done.into())))
            .chain(b.dispatch_id.map(|id| {
                let number = b.dispatch_number.map(|n| n.to_string()).unwrap_or_else(|| id.to_string());
                format!("{} {number}", t.report_marks[2])
            }))
            .collect::<Vec<_>>()
            .join("  ");
        let text = format!(" {} {} / {}  {marks}", format_time(b.start_min), b.business, b.expert);
        lines.push(Line::styled(cell(&text, cells), theme.dim()));
    }
    lines
}

/// A seminar's registrations with their attendance, the selected one reversed, scrolled to keep it within the
/// `room` rows left below the heading.
fn participants(
    d: &EventDetail,
    selected: usize,
    room: usize,
    t: &EventsText,
    theme: &Theme,
    cells: usize,
) -> Vec<Line<'static>> {
    let attended = d.participants.iter().filter(|p| p.attended).count();
    let head =
        t.participants_head.replace("{n}", &d.participants.len().to_string()).replace("{m}", &attended.to_string());
    let mut lines = vec![Line::styled(cell(&format!(" {head}"), cells), theme.heading())];
    if d.participants.is_empty() {
        lines.push(Line::styled(cell(&format!(" {}", t.no_participants), cells), theme.dim()));
        return lines;
    }
    let room = room.max(1);
    let top = selected.saturating_sub(room - 1);
    let mark_w = crate::ui::text::width(t.attended);
    for (i, p) in d.participants.iter().enumerate().skip(top).take(room) {
        let mark = if p.attended { t.attended.to_string() } else { " ".repeat(mark_w) };
        let founder = if p.founder { format!("  [{}]", t.founder) } else { String::new() };
        let on = p.registered_on.map(|x| format!("  {x}")).unwrap_or_default();
        let text = format!(" {mark} {}{founder}{on}", p.name);
        let style = if i == selected { theme.selected() } else { theme.normal() };
        lines.push(Line::styled(cell(&text, cells), style));
    }
    lines
}
