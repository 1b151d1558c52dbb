//! The console's state, actions and effects. `reduce` is pure: same state and action, same result; all I/O is
//! asked for through [`Effect`]s that the runner (`commands::console`) executes and answers with [`Action`]s.

pub mod keymap;

use chrono::NaiveDate;

use std::sync::Arc;

use crate::domain::fiscal_year::FiscalYear;
use crate::screens::queue::QueueState;
use crate::store::queue::{DispatchDetail, QueueFilter, QueueRow};
use crate::ui::i18n::Lang;
use keymap::{Command, Key, Scope};

/// The tabs across the top (a tab appears once its issue is built).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// 申請: the applications queue.
    Applications,
}

/// Overlays above the screen, topmost last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Popup {
    /// The key help.
    Help {
        /// Lines scrolled.
        scroll: u16,
    },
    /// The desk's contact details.
    About,
}

/// Facts shown on the status line, fixed for the session.
#[derive(Debug, Clone)]
pub struct Session {
    /// Interface language.
    pub lang: Lang,
    /// The date treated as today.
    pub today: NaiveDate,
    /// The fiscal year opened, with its configuration (limits, themes, period).
    pub fy: Arc<FiscalYear>,
    /// Set when today's fiscal year has no configuration and this one was opened instead.
    pub fallback_from: Option<i32>,
    /// The staff member recorded with changes.
    pub staff: String,
    /// Colours on.
    pub color: bool,
}

/// The whole console state.
#[derive(Debug, Clone)]
pub struct App {
    /// Session facts.
    pub session: Session,
    /// The tab shown.
    pub tab: Tab,
    /// Overlays.
    pub popups: Vec<Popup>,
    /// Tab 1.
    pub queue: QueueState,
    /// The last error to show on the status line.
    pub error: Option<String>,
    /// Set when the console should end.
    pub quit: bool,
}

/// Something that happened: a key, a resize, or the answer to an effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A key press.
    Key(Key),
    /// The screen size changed: rows available for the list.
    Resize {
        /// List rows that fit.
        list_rows: usize,
    },
    /// A queue page arrived.
    QueuePage {
        /// The request's generation.
        generation: u64,
        /// Rows matching the filter.
        total: usize,
        /// Index of the first row.
        offset: usize,
        /// The rows.
        rows: Vec<QueueRow>,
    },
    /// The detail of an application arrived.
    Detail(Option<Box<DispatchDetail>>),
    /// An effect failed.
    Failed(String),
}

/// Work for the runner: queries and writes, never done inside the reducer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Load one page of the queue.
    LoadQueuePage {
        /// Generation, to drop stale replies.
        generation: u64,
        /// Filter.
        filter: QueueFilter,
        /// First row.
        offset: usize,
        /// Rows.
        limit: usize,
    },
    /// Load one application's detail.
    LoadDetail {
        /// Its id.
        id: i64,
    },
}

impl App {
    /// A new console state for a session.
    pub fn new(session: Session) -> App {
        App {
            session,
            tab: Tab::Applications,
            popups: Vec::new(),
            queue: QueueState::default(),
            error: None,
            quit: false,
        }
    }

    /// The key scopes in force, topmost first.
    pub fn scopes(&self) -> Vec<Scope> {
        match self.popups.last() {
            Some(Popup::Help { .. }) | Some(Popup::About) => vec![Scope::Help, Scope::Global],
            None => vec![Scope::List, Scope::Global],
        }
    }
}

/// The pure reducer.
pub fn reduce(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Key(key) => match keymap::resolve(&app.scopes(), key) {
            Some(cmd) => command(app, cmd),
            None => Vec::new(),
        },
        Action::Resize { list_rows } => app.queue.set_viewport(list_rows),
        Action::QueuePage { generation, total, offset, rows } => {
            app.error = None;
            app.queue.page_loaded(generation, total, offset, rows)
        }
        Action::Detail(detail) => {
            app.queue.detail_loaded(detail.map(|d| *d));
            Vec::new()
        }
        Action::Failed(message) => {
            app.error = Some(message);
            Vec::new()
        }
    }
}

fn command(app: &mut App, cmd: Command) -> Vec<Effect> {
    match cmd {
        Command::Quit => {
            app.quit = true;
            Vec::new()
        }
        Command::Help => {
            if !matches!(app.popups.last(), Some(Popup::Help { .. })) {
                app.popups.push(Popup::Help { scroll: 0 });
            }
            Vec::new()
        }
        Command::About => {
            app.popups.push(Popup::About);
            Vec::new()
        }
        Command::Back if !app.popups.is_empty() => {
            app.popups.pop();
            Vec::new()
        }
        Command::Up | Command::Down if !app.popups.is_empty() => {
            if let Some(Popup::Help { scroll }) = app.popups.last_mut() {
                *scroll = if cmd == Command::Up { scroll.saturating_sub(1) } else { scroll.saturating_add(1) };
            }
            Vec::new()
        }
        Command::Tab(_) => {
            app.tab = Tab::Applications;
            Vec::new()
        }
        other => match app.tab {
            Tab::Applications => app.queue.command(other),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        let fy = FiscalYear::from_toml(include_str!("../../assets/fiscal-years/2025.toml")).unwrap();
        App::new(Session {
            lang: Lang::Ja,
            today: NaiveDate::from_ymd_opt(2025, 11, 4).unwrap(),
            fy: Arc::new(fy),
            fallback_from: None,
            staff: "山田".into(),
            color: true,
        })
    }

    #[test]
    fn help_opens_and_esc_closes_it() {
        let mut a = app();
        reduce(&mut a, Action::Key(Key::Char('?')));
        assert_eq!(a.popups, vec![Popup::Help { scroll: 0 }]);
        reduce(&mut a, Action::Key(Key::Down));
        assert_eq!(a.popups, vec![Popup::Help { scroll: 1 }]);
        reduce(&mut a, Action::Key(Key::Esc));
        assert!(a.popups.is_empty());
    }

    #[test]
    fn q_quits_from_the_list_but_closes_help() {
        let mut a = app();
        reduce(&mut a, Action::Key(Key::F(1)));
        reduce(&mut a, Action::Key(Key::Char('q')));
        assert!(!a.quit && a.popups.is_empty());
        reduce(&mut a, Action::Key(Key::Char('q')));
        assert!(a.quit);
    }

    #[test]
    fn ctrl_c_quits_even_in_help() {
        let mut a = app();
        reduce(&mut a, Action::Key(Key::Char('?')));
        reduce(&mut a, Action::Key(Key::Ctrl('c')));
        assert!(a.quit);
    }

    #[test]
    fn resize_requests_exactly_the_visible_rows() {
        let mut a = app();
        let fx = reduce(&mut a, Action::Resize { list_rows: 17 });
        assert!(matches!(fx.as_slice(), [Effect::LoadQueuePage { offset: 0, limit: 17, .. }]), "{fx:?}");
    }

    #[test]
    fn a_failure_is_shown_until_the_next_page() {
        let mut a = app();
        reduce(&mut a, Action::Failed("database is locked".into()));
        assert_eq!(a.error.as_deref(), Some("database is locked"));
    }
}
