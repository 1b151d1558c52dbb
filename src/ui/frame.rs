//! The whole screen: tab bar, the current tab, the status line and the popups. Draws from state alone.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::backup::BackupStatus;
use crate::app::keymap;
use crate::app::{App, Popup, Tab};
use crate::domain::rules::period::days_left;
use crate::domain::wareki::{format_fiscal_year, format_iso_wareki};
use crate::screens::queue::{self, QueueView};
use crate::screens::{events, ledger, roster};
use crate::store::audit::Change;
use crate::ui::i18n::{self, Lang};
use crate::ui::theme::Theme;

/// The body area (between the tab bar and the status line) for a terminal of `area`.
pub fn body(area: Rect) -> Rect {
    Rect { y: area.y + 1, height: area.height.saturating_sub(2), ..area }
}

/// Rows of the queue list that fit in a terminal of this size.
pub fn list_rows(area: Rect) -> usize {
    queue::view::list_rows(body(area).height)
}

/// What a mouse click at (x, y) on a terminal of `area` means, if anything.
pub fn click(area: Rect, app: &App, x: u16, y: u16) -> Option<crate::app::Action> {
    use crate::app::Action;
    use crate::app::keymap::Key;
    if app.form.is_some() || app.lookup.is_some() || !app.popups.is_empty() || app.reports.is_open() {
        return None;
    }
    if y == area.y {
        let t = i18n::console(app.session.lang);
        let mut start = crate::ui::text::width(&format!(" {} │ ", t.app_name)) as u16;
        for (n, name) in t.tabs.iter().enumerate().take(Tab::ALL.len()) {
            let end = start + crate::ui::text::width(name) as u16;
            if (start..end).contains(&x) {
                return Some(Action::Key(Key::Char(char::from(b'1' + n as u8))));
            }
            start = end + TAB_GAP;
        }
        return None;
    }
    let body = body(area);
    if app.tab != Tab::Applications {
        let first_row = body.y + 1;
        return (y >= first_row && y < body.y + body.height).then(|| Action::SelectRow(usize::from(y - first_row)));
    }
    let first_row = body.y + 1;
    let list_width = if body.width >= queue::view::SIDE_BY_SIDE_MIN_WIDTH {
        body.width - (body.width * 2 / 5).max(50)
    } else {
        body.width
    };
    if y >= first_row && y < body.y + body.height && x < body.x + list_width && !app.queue.detail_open {
        return Some(Action::SelectRow(usize::from(y - first_row)));
    }
    None
}

/// Draws the console.
pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    let theme = Theme::new(app.session.color);
    let [top, _, bottom] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0), Constraint::Length(1)]).areas(area);
    draw_tabs(f, top, app, &theme);
    let (b, s) = (body(area), &app.session);
    match app.tab {
        Tab::Applications => queue::view::draw(f, b, &app.queue, s, &theme),
        Tab::Roster => roster::view::draw(f, b, &app.roster, s, &theme),
        Tab::Events => events::view::draw(f, b, &app.events, s, &theme),
        Tab::Ledger => ledger::view::draw(f, b, &app.ledger, s, &theme),
    }
    if let Some((_, form)) = &app.form {
        crate::ui::form::draw(f, body(area), form, app.session.lang, &theme);
    }
    crate::screens::reports::view::draw(
        f,
        Rect { height: area.height.saturating_sub(1), ..area },
        &app.reports,
        s,
        &theme,
    );
    draw_status(f, bottom, app, &theme);
    if let Some(l) = &app.lookup {
        crate::ui::lookup::draw(f, area, l, app.session.lang, &theme);
    }
    for popup in &app.popups {
        match popup {
            Popup::Help { scroll } => draw_help(f, area, app, *scroll, &theme),
            Popup::About => draw_about(f, area, app, &theme),
            Popup::History { record, changes, scroll } => {
                draw_history(f, area, app.session.lang, *record, changes.as_deref(), *scroll, &theme)
            }
        }
    }
}

/// Cells between two tab names.
const TAB_GAP: u16 = 1;

fn draw_tabs(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let t = i18n::console(app.session.lang);
    let mut spans = vec![Span::styled(format!(" {} ", t.app_name), theme.heading()), Span::raw("│ ")];
    for (n, tab) in Tab::ALL.iter().enumerate() {
        let style = if *tab == app.tab { theme.selected() } else { theme.dim() };
        spans.push(Span::styled(t.tabs[n], style));
        spans.push(Span::raw(" ".repeat(usize::from(TAB_GAP))));
    }
    let used: usize = spans.iter().map(|s| crate::ui::text::width(&s.content)).sum();
    let (head, caret) = match app.tab {
        Tab::Applications => queue_head(app, theme),
        Tab::Roster => roster::view::head(&app.roster, &app.session, theme),
        Tab::Events => events::view::head(&app.events, &app.session, theme),
        Tab::Ledger => ledger::view::head(&app.ledger, &app.session, theme),
    };
    if let Some(caret) = caret {
        let x = area.x as usize + used + caret;
        if x < usize::from(area.x + area.width) {
            f.set_cursor_position((x as u16, area.y));
        }
    }
    spans.extend(head);
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Tab 1's part of the tab bar: view, count, filter; and the caret of the filter input.
fn queue_head(app: &App, theme: &Theme) -> (Vec<Span<'static>>, Option<usize>) {
    let t = i18n::console(app.session.lang);
    let filter =
        app.queue.filter.status.map(|s| i18n::label::dispatch_status(app.session.lang, s)).unwrap_or(t.filter_all);
    let q = &app.queue;
    let (view, total) = match q.view {
        QueueView::Applications => (filter, q.pager.total),
        QueueView::Consultations => (t.consultations_title, q.c_pager.total),
        QueueView::NeedsAction => (t.needs_action_title, q.needs_action.groups.iter().map(|g| g.1).sum()),
    };
    let count = t.count.replace("{n}", &total.to_string());
    let head = format!(" [{view}] {count}");
    let used = crate::ui::text::width(&head);
    let mut spans = vec![Span::raw(head)];
    let mut caret = None;
    let text = if q.consultations() { &q.c_filter } else { &q.filter.text };
    if let Some(input) = &q.filter_input {
        spans.push(Span::styled(format!("  /{}", crate::ui::text::display(input.text())), theme.warn()));
        caret = Some(used + 3 + input.caret_cells());
        if q.consultations() && input.text().is_empty() {
            let hint = i18n::queue::text(app.session.lang).consultation_filter;
            spans.push(Span::styled(format!("  {hint}"), theme.dim()));
        }
    } else if !text.is_empty() {
        spans.push(Span::styled(format!("  /{}", crate::ui::text::display(text)), theme.warn()));
    }
    if let Some(r) = &q.filter.record {
        spans.push(Span::styled(format!("  《{}》", crate::ui::text::display(&r.label)), theme.warn()));
    }
    (spans, caret)
}

fn draw_status(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let s = &app.session;
    let t = i18n::console(s.lang);
    let year = match s.lang {
        Lang::Ja => format_fiscal_year(s.fy.year),
        Lang::En => format!("FY{}", s.fy.year),
    };
    let left = days_left(&s.fy.period, s.today);
    let period = if left > 0 { t.period_left.replace("{n}", &left.to_string()) } else { t.period_ended.to_string() };
    let head = Span::styled(format!(" {year} │"), theme.heading());
    // The facts in the order they give way when a message needs the room: the day and staff first, then the backup.
    let mut facts = vec![Span::raw(format!(" {} │ {period} │ {} {} │", format_iso_wareki(s.today), t.staff, s.staff))];
    if let Some(b) = &app.backup {
        facts.push(backup_span(b, s.lang, theme));
    }
    if let Some(y) = s.fallback_from {
        facts.push(Span::styled(format!(" {} │", t.year_fallback.replace("{year}", &y.to_string())), theme.warn()));
    }
    let message = if let Some(e) = &app.error {
        Some(Span::styled(format!(" {e}"), theme.error()))
    } else if app.draft.is_some() && app.form.is_none() {
        Some(Span::styled(format!(" {}", t.draft_waiting), theme.warn()))
    } else {
        app.notice.as_ref().map(|n| Span::styled(format!(" {n}"), theme.ok()))
    };
    let tail = match message {
        Some(m) => {
            // A message is what the user must read: drop facts from the front until it fits.
            let room = usize::from(area.width);
            let width = |spans: &[Span]| spans.iter().map(|sp| crate::ui::text::width(&sp.content)).sum::<usize>();
            while !facts.is_empty()
                && width(&facts) + width(std::slice::from_ref(&head)) + width(std::slice::from_ref(&m)) > room
            {
                facts.remove(0);
            }
            m
        }
        None => {
            let hints: Vec<String> = app
                .scopes()
                .iter()
                .flat_map(|sc| keymap::bindings(*sc))
                .filter(|b| b.footer)
                .map(|b| format!("{} {}", b.keys[0].label(), if s.lang == Lang::Ja { b.ja } else { b.en }))
                .collect();
            Span::styled(format!(" {}", hints.join("  ")), theme.dim())
        }
    };
    let mut spans = vec![head];
    spans.extend(facts);
    spans.push(tail);
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// " バックアップ 3時間前 │": the age of the last good backup, a warning after a day or when the last try failed.
fn backup_span(b: &BackupStatus, lang: Lang, theme: &Theme) -> Span<'static> {
    let t = i18n::backup(lang);
    let age = b.age_minutes().map(|m| t.status_age.replace("{age}", &i18n::age(lang, m)));
    let text = match (b.failed, age) {
        (false, Some(age)) => age,
        (true, Some(age)) => format!("{} ({age})", t.status_failed),
        (true, None) => t.status_failed.to_string(),
        (false, None) => t.status_none.to_string(),
    };
    Span::styled(format!(" {text} │"), if b.warn() { theme.warn() } else { theme.normal() })
}

/// A centred rectangle of at most `w`×`h` cells.
pub fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}

/// Clears a popup's area one column wider on each side (ratatui#2526: wide characters straddling the edge).
pub fn clear_popup(f: &mut Frame, r: Rect, area: Rect) {
    let x = r.x.saturating_sub(1).max(area.x);
    let right = (r.x + r.width + 1).min(area.x + area.width);
    f.render_widget(Clear, Rect { x, width: right - x, ..r });
}

fn draw_help(f: &mut Frame, area: Rect, app: &App, scroll: u16, theme: &Theme) {
    let s = &app.session;
    let t = i18n::console(s.lang);
    let mut lines = Vec::new();
    // The keys of what is under the overlay, the most specific first (a tab's own keys, then lists, then global).
    for scope in app.context_scopes() {
        let Some(title) = keymap::ALL_SCOPES.iter().position(|s| *s == scope).map(|i| t.help_sections[i]) else {
            continue;
        };
        if keymap::bindings(scope).is_empty() {
            continue;
        }
        lines.push(Line::styled(title, theme.heading()));
        for b in keymap::bindings(scope) {
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            let desc = if s.lang == Lang::Ja { b.ja } else { b.en };
            lines.push(Line::from(format!("  {:<14} {desc}", keys.join(" "))));
        }
    }
    let r = centred(area, 64, area.height.saturating_sub(2));
    clear_popup(f, r, area);
    let block = Block::default().borders(Borders::ALL).title(Span::styled(t.help_title, theme.heading()));
    f.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), r);
}

/// A record's history: one heading line per change (when, who, what kind, which action), then each field's
/// before → after.
fn draw_history(
    f: &mut Frame,
    area: Rect,
    lang: Lang,
    record: (&str, i64),
    changes: Option<&[Change]>,
    scroll: u16,
    theme: &Theme,
) {
    let t = i18n::history::text(lang);
    let r = centred(area, 96, area.height.saturating_sub(2));
    let inner = usize::from(r.width.saturating_sub(2));
    let fit = |s: String| crate::ui::text::truncate(&s, inner);
    let mut lines: Vec<Line> = Vec::new();
    match changes {
        None => lines.push(Line::styled(t.loading, theme.dim())),
        Some([]) => lines.push(Line::styled(t.empty, theme.dim())),
        Some(changes) => {
            for c in changes {
                let who = c.staff.as_deref().unwrap_or(t.outside);
                let at = c.at.replace('T', " ");
                let head = format!("{at}  {who}  {}  {}", t.op(&c.op), c.label.as_deref().unwrap_or(""));
                lines.push(Line::styled(fit(head), theme.heading()));
                for (column, before, after) in &c.fields {
                    let (b, a) = (before.as_deref().unwrap_or("—"), after.as_deref().unwrap_or("—"));
                    let text = match c.op.as_str() {
                        "update" => format!("    {}: {b} → {a}", t.column(column)),
                        "insert" => format!("    {}: {a}", t.column(column)),
                        _ => format!("    {}: {b}", t.column(column)),
                    };
                    lines.push(Line::from(fit(text)));
                }
            }
        }
    }
    clear_popup(f, r, area);
    let title = t.title.replace("{record}", &format!("{} #{}", t.table(record.0), record.1));
    let block = Block::default().borders(Borders::ALL).title(Span::styled(title, theme.heading()));
    f.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), r);
}

fn draw_about(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let t = i18n::console(app.session.lang);
    let mut lines: Vec<Line> = t.about_lines.iter().map(|l| Line::from(*l)).collect();
    lines.push(Line::styled(format!("madoguchi {}", env!("CARGO_PKG_VERSION")), theme.dim()));
    let r = centred(area, 78, lines.len() as u16 + 2);
    clear_popup(f, r, area);
    let block = Block::default().borders(Borders::ALL).title(Span::styled(t.about_title, theme.heading()));
    f.render_widget(Paragraph::new(lines).block(block), r);
}
