//! Drawing a form: label, value and the error next to each field; the terminal cursor is put at the caret
//! of the focused field so the IME's pre-edit text appears exactly there.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::form::{FieldKind, Form};
use crate::ui::i18n::{self, Lang};
use crate::ui::text::{fit, truncate, width};
use crate::ui::theme::Theme;

/// Cells given to field labels.
const LABEL_CELLS: usize = 22;
/// Lines a multi-line field shows.
const AREA_LINES: usize = 3;

/// Draws `form` centred in `area`.
pub fn draw(f: &mut Frame, area: Rect, form: &Form, lang: Lang, theme: &Theme) {
    let t = i18n::forms(lang);
    let w = area.width.min(100);
    let r = Rect { x: area.x + (area.width - w) / 2, y: area.y, width: w, height: area.height };
    f.render_widget(Clear, Rect { x: r.x.saturating_sub(1).max(area.x), width: (w + 2).min(area.width), ..r });
    let block = Block::default().borders(Borders::ALL).title(Span::styled(form.title.clone(), theme.heading()));
    let inner = block.inner(r);
    f.render_widget(block, r);
    let value_cells = usize::from(inner.width).saturating_sub(LABEL_CELLS + 2);
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor: Option<Position> = None;
    for (i, field) in form.fields.iter().enumerate() {
        if field.hidden {
            continue;
        }
        let focused = i == form.focus;
        let marker = if focused { ">" } else { " " };
        let label = Span::styled(
            format!("{marker}{} ", fit(&field.label, LABEL_CELLS)),
            if focused { theme.heading() } else { theme.normal() },
        );
        let y = lines.len();
        match &field.kind {
            FieldKind::Text | FieldKind::Record { .. } => {
                let text = field.input.text();
                let shown = truncate(text, value_cells);
                let mut spans = vec![label, Span::raw(shown)];
                if let FieldKind::Record { chosen: Some(_), .. } = &field.kind {
                    spans.push(Span::styled(" ✓", theme.ok()));
                }
                lines.push(Line::from(spans));
                if focused {
                    let x = (1 + LABEL_CELLS + 1 + field.input.caret_cells()).min(usize::from(inner.width) - 1);
                    cursor = Some(Position::new(inner.x + x as u16, inner.y + y as u16));
                }
                if let FieldKind::Record { candidates, highlighted, chosen, .. } = &field.kind
                    && focused
                    && chosen.is_none()
                    && !text.is_empty()
                {
                    if candidates.is_empty() {
                        lines.push(Line::styled(
                            format!("{}  {}", " ".repeat(LABEL_CELLS), t.no_candidates),
                            theme.dim(),
                        ));
                    }
                    for (k, (_, c)) in candidates.iter().enumerate() {
                        let style = if k == *highlighted { theme.selected() } else { theme.dim() };
                        lines.push(Line::from(vec![
                            Span::raw(" ".repeat(LABEL_CELLS + 2)),
                            Span::styled(truncate(c, value_cells), style),
                        ]));
                    }
                }
            }
            FieldKind::Multiline(a) => {
                let ratatui_textarea::DataCursor(row, col) = a.cursor();
                let first = row.saturating_sub(AREA_LINES - 1);
                for (k, l) in a.lines().iter().enumerate().skip(first).take(AREA_LINES) {
                    let prefix = if k == first { label.clone() } else { Span::raw(" ".repeat(LABEL_CELLS + 2)) };
                    lines.push(Line::from(vec![prefix, Span::raw(truncate(l, value_cells))]));
                }
                if a.lines().iter().skip(first).take(AREA_LINES).count() == 0 {
                    lines.push(Line::from(vec![label]));
                }
                if focused {
                    let line = a.lines().get(row).map(String::as_str).unwrap_or("");
                    let before: String = line.chars().take(col).collect();
                    let x = (1 + LABEL_CELLS + 1 + width(&before)).min(usize::from(inner.width) - 1);
                    cursor = Some(Position::new(inner.x + x as u16, inner.y + (y + row - first) as u16));
                }
            }
            FieldKind::Choice(opts, i) => {
                let value = opts.get(*i).map(|o| o.1.as_str()).unwrap_or("");
                lines.push(Line::from(vec![
                    label,
                    Span::raw(format!("< {} >", truncate(value, value_cells.saturating_sub(4)))),
                ]));
            }
            FieldKind::Grounds(ticks) => {
                lines.push(Line::from(vec![label]));
                for (k, ticked) in ticks.iter().enumerate() {
                    let mark = if *ticked { "[x]" } else { "[ ]" };
                    let text = format!("{mark} {} {}", k + 1, i18n::label::rejection_ground(lang, k as u8 + 1));
                    lines.push(Line::from(vec![
                        Span::raw("  "),
                        Span::styled(
                            truncate(&text, usize::from(inner.width) - 3),
                            if *ticked { theme.warn() } else { theme.normal() },
                        ),
                    ]));
                }
            }
        }
        if let Some(e) = &field.error {
            for l in e.lines() {
                lines.push(Line::from(vec![
                    Span::raw(" ".repeat(LABEL_CELLS + 2)),
                    Span::styled(truncate(l, value_cells), theme.error()),
                ]));
            }
        }
    }
    if form.confirm_cancel {
        lines.push(Line::styled(t.confirm_discard, theme.warn()));
    }
    if let Some(m) = &form.message {
        lines.push(Line::styled(m.clone(), theme.error()));
    }
    lines.push(Line::styled(t.footer, theme.dim()));
    f.render_widget(Paragraph::new(lines), inner);
    if let Some(p) = cursor
        && p.y < inner.y + inner.height
    {
        f.set_cursor_position(p);
    }
}
