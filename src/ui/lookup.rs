//! Drawing the global lookup: the input (with the terminal cursor at its caret) and the hits by kind.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::lookup::LookupState;
use crate::domain::parse::format_hours;
use crate::domain::wareki::format_iso_wareki;
use crate::store::lookup::{Hit, HitKind};
use crate::ui::i18n::{self, ConsoleText, Lang, label};
use crate::ui::text::{display, truncate};
use crate::ui::theme::Theme;

/// Draws the lookup over `area`.
pub fn draw(f: &mut Frame, area: Rect, l: &LookupState, lang: Lang, theme: &Theme) {
    let t = i18n::console(lang);
    let w = area.width.saturating_sub(4).clamp(20, 110);
    let h = area.height.saturating_sub(2).max(3);
    let r = Rect { x: area.x + (area.width.saturating_sub(w)) / 2, y: area.y + 1, width: w.min(area.width), height: h };
    f.render_widget(Clear, Rect { x: r.x.saturating_sub(1).max(area.x), width: (r.width + 2).min(area.width), ..r });
    let block = Block::default().borders(Borders::ALL).title(Span::styled(t.lookup_title, theme.heading()));
    let inner = block.inner(r);
    f.render_widget(block, r);
    let cells = usize::from(inner.width);
    let mut input = vec![Span::styled("> ", theme.heading()), Span::raw(display(l.input.text()).into_owned())];
    if l.pending() {
        // The results below answer an earlier keystroke until this one's arrive.
        input.push(Span::styled(" …", theme.dim()));
    }
    let mut lines = vec![Line::from(input)];
    if l.input.text().is_empty() {
        lines.push(Line::styled(truncate(t.lookup_hint, cells), theme.dim()));
        if !l.groups.is_empty() {
            lines.push(Line::styled(t.lookup_recent, theme.heading()));
        }
    } else if l.groups.is_empty() {
        lines.push(Line::styled(t.lookup_none, theme.dim()));
    }
    let mut index = 0;
    let mut selected_line = None;
    let recent = l.input.text().is_empty();
    for (kind, hits) in &l.groups {
        if !recent {
            lines.push(Line::styled(format!("{} ({})", kind_label(t, *kind), hits.len()), theme.heading()));
        }
        for hit in hits {
            let style = if index == l.selected {
                selected_line = Some(lines.len());
                theme.selected()
            } else {
                theme.normal()
            };
            let prefix = if recent { format!("{} ", kind_label(t, hit.kind)) } else { String::new() };
            lines.push(Line::styled(truncate(&format!(" {prefix}{}", facts(hit, lang, t)), cells), style));
            index += 1;
        }
    }
    let scroll = selected_line.unwrap_or(0).saturating_sub(usize::from(inner.height).saturating_sub(1)) as u16;
    f.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
    if let Some(y) = selected_line.and_then(|l| u16::try_from(l).ok()).map(|l| l - scroll) {
        // The whole row, not only its text: a selection ending mid-row left a reversed cell behind after the
        // selection moved on, when a wide character redrawn just before it cut an older one in two (the
        // terminal blanks the orphaned half with the attributes in force, and the diff never redraws it).
        f.buffer_mut().set_style(Rect { y: inner.y + y, height: 1, ..inner }, theme.selected());
    }
    if scroll == 0 {
        let x = (2 + l.input.caret_cells()).min(cells.saturating_sub(1));
        f.set_cursor_position(Position::new(inner.x + x as u16, inner.y));
    }
}

fn kind_label(t: &ConsoleText, k: HitKind) -> &'static str {
    let i = HitKind::ALL.iter().position(|x| *x == k).unwrap_or(0);
    t.lookup_kinds[i]
}

/// One line of key facts: the title, then what the desk is asked about on the phone.
fn facts(h: &Hit, lang: Lang, t: &ConsoleText) -> String {
    let mut parts: Vec<String> = Vec::new();
    match h.kind {
        HitKind::Application => {
            parts.extend(h.number.map(|n| n.to_string()));
            parts.push(h.title.clone());
            parts.extend(h.status.map(|s| label::dispatch_status(lang, s).to_string()));
            parts.push(h.affiliation.clone().unwrap_or_else(|| t.direct.to_string()));
            parts.extend(h.minutes_left.map(|m| t.hours_left.replace("{hours}", &format_hours(m.max(0) as u32))));
        }
        _ => {
            parts.push(h.title.clone());
            parts.extend(h.place.clone());
            if !h.phone.is_empty() {
                parts.push(h.phone.clone());
            }
            parts.extend(h.affiliation.clone());
            parts.extend(h.organisation_kind.map(|k| {
                match lang {
                    Lang::Ja => i18n::ja::labels::organisation_kind(k),
                    Lang::En => i18n::en::labels::organisation_kind(k),
                }
                .to_string()
            }));
            if let (Some(n), Some(s)) = (h.number, h.status) {
                parts.push(format!("{n} {}", label::dispatch_status(lang, s)));
            }
        }
    }
    parts.extend(h.next_date.map(|d| t.next_date.replace("{date}", &format_iso_wareki(d))));
    parts.extend(h.held_on.map(format_iso_wareki));
    parts.join("  ")
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::style::Modifier;

    use super::*;
    use crate::app::keymap::Key;

    /// An event shows the day it is held, past or coming: never as 次回 (an expert's or an application's next
    /// visit).
    #[test]
    fn an_event_shows_its_day_not_a_next_visit() {
        let t = i18n::console(Lang::Ja);
        let mut event = Hit::new(HitKind::Event, 1, "SNS活用セミナー".into());
        event.held_on = chrono::NaiveDate::from_ymd_opt(2025, 6, 20);
        let line = facts(&event, Lang::Ja, t);
        assert!(line.contains("2025-06-20 (R7.6.20)") && !line.contains("次回"), "{line}");
        let mut expert = Hit::new(HitKind::Expert, 2, "田中 一郎".into());
        expert.next_date = chrono::NaiveDate::from_ymd_opt(2025, 11, 20);
        assert!(facts(&expert, Lang::Ja, t).contains("次回 2025-11-20"), "{}", facts(&expert, Lang::Ja, t));
    }

    fn input_line(l: &LookupState) -> String {
        let mut t = Terminal::new(TestBackend::new(60, 8)).expect("test terminal");
        t.draw(|f| draw(f, f.area(), l, Lang::Ja, &Theme::new(false))).expect("draw");
        let buf = t.backend().buffer();
        (0..buf.area.width).map(|x| buf[(x, 2)].symbol()).collect()
    }

    #[test]
    fn the_chosen_hit_is_reversed_across_the_whole_row() {
        let (mut l, _) = LookupState::open();
        l.key(None, Key::Char('R'));
        let hits = [12, 13].map(|id| Hit::new(HitKind::Application, id, format!("R7-00{id}")));
        l.results(l.generation, vec![(HitKind::Application, hits.to_vec())]);
        l.key(Some(crate::app::keymap::Command::Down), Key::Down);
        let mut t = Terminal::new(TestBackend::new(60, 8)).expect("test terminal");
        let frame = t.draw(|f| draw(f, f.area(), &l, Lang::Ja, &Theme::new(false))).expect("draw");
        // Rows: the frame's top, the input, the group, R7-0012, R7-0013 (chosen); the 54 cells inside the frame.
        let reversed = |y: u16| (3..57).filter(|&x| frame.buffer[(x, y)].modifier.contains(Modifier::REVERSED)).count();
        assert_eq!((reversed(4), reversed(5)), (0, 54), "only the chosen row, all of it");
    }

    #[test]
    fn the_input_says_when_its_results_are_on_their_way() {
        let (mut l, _) = LookupState::open();
        l.key(None, Key::Char('R'));
        assert!(input_line(&l).contains("> R …"), "{}", input_line(&l));
        l.results(
            l.generation,
            vec![(HitKind::Application, vec![Hit::new(HitKind::Application, 12, "R7-0012".into())])],
        );
        let line = input_line(&l);
        assert!(line.contains("> R") && !line.contains('…'), "{line}");
    }
}
