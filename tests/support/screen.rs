//! The console session of the screen tests (山田 at the desk on 2025-11-04, FY2025, no colours) and a render of
//! the whole console into a TestBackend.

#![allow(dead_code)]

use std::sync::Arc;

use madoguchi::app::{App, Session};
use madoguchi::domain::fiscal_year::FiscalYear;
use madoguchi::ui::frame;
use madoguchi::ui::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The session of the screen tests, in `lang`.
pub fn session(lang: Lang) -> Session {
    Session {
        lang,
        today: chrono::NaiveDate::from_ymd_opt(2025, 11, 4).unwrap(),
        fy: Arc::new(FiscalYear::from_toml(include_str!("../../assets/fiscal-years/2025.toml")).unwrap()),
        fallback_from: None,
        staff: "山田".into(),
        report_overdue_days: 30,
        color: false,
    }
}

/// The console drawn at `w`×`h`, as text.
pub fn render(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| frame::draw(f, app)).unwrap();
    terminal.backend().to_string()
}
