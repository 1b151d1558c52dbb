//! Drawing this tab.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use super::State;
use crate::app::Session;
use crate::ui::theme::Theme;

/// Draws the tab into `area`.
pub fn draw(f: &mut Frame, area: Rect, state: &State, s: &Session, theme: &Theme) {
    let _ = state;
    let t = crate::ui::i18n::roster::text(s.lang);
    f.render_widget(Paragraph::new(Span::styled(t.title, theme.dim())), area);
}

/// The tab bar's part for this tab (view, count, filter) and where the caret of the filter input sits, in cells
/// from the start of the spans.
pub fn head(state: &State, s: &Session, theme: &Theme) -> (Vec<Span<'static>>, Option<usize>) {
    let t = crate::ui::i18n::console(s.lang);
    let _ = theme;
    (vec![Span::raw(format!("  {}", t.count.replace("{n}", &state.total.to_string())))], None)
}
