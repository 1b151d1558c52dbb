//! The console: terminal set-up and restore, the event loop, and the effect runner.

use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Result;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event, KeyCode,
    KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::layout::Rect;

use std::time::Duration;

use super::backup::DailyBackups;
use super::context::Context;
use super::effects;
use super::worker::{Worker, is_read};
use crate::app::form::RecordKind;
use crate::app::keymap::Key;
use crate::app::{Action, App, Effect, SaveRequest, Saved, Session, reduce};
use crate::domain::model::ConsultationOutcome;
use crate::screens::queue::forms::Prefill;
use crate::store::workflow::{self, Refusal};
use crate::store::{Store, audit, consultations, lookup, needs_action, queue, search};
use crate::ui::frame;

/// Opens the console on the context's database and runs it until the user quits.
pub fn run(ctx: &Context) -> Result<ExitCode> {
    let db = ctx.open_console_db()?;
    let mut store = db.store;
    // A backup on start and then daily, of the desk's database (a throwaway demo database needs none).
    let backups = if ctx.demo {
        None
    } else {
        Some(DailyBackups::start(store.path().to_path_buf(), ctx.backup_dir(), ctx.config.backup, ctx.staff.clone())?)
    };
    // The terminal's width of ①, ※, ○...: every text the console measures follows it.
    crate::ui::text::set_ambiguous_width(ctx.config.ambiguous_width);
    let mut app = App::new(session(ctx));
    app.events.week_start = ctx.config.week_start;
    app.reports.pdf_font = ctx.config.export.pdf_font.clone();
    human_panic::setup_panic!();
    // ratatui::init installs a panic hook that restores the terminal before the earlier hook reports.
    let mut terminal = ratatui::init();
    // Mouse (click a tab or row, wheel scrolls) and bracketed paste (addresses and names get pasted).
    let _ = execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    let ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture, DisableBracketedPaste);
        tracing::error!(%info, "panic");
        ratatui_hook(info);
    }));
    let result = event_loop(&mut terminal, &mut app, &mut store, backups.as_ref());
    let _ = execute!(std::io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    result.map(|_| ExitCode::SUCCESS)
}

/// The session facts the status line and the rules need.
pub fn session(ctx: &Context) -> Session {
    Session {
        lang: ctx.lang,
        today: ctx.today,
        fy: Arc::new(ctx.year.clone()),
        fallback_from: ctx.year_fallback_from,
        staff: ctx.staff.clone(),
        report_overdue_days: ctx.config.report_overdue_days,
        color: ctx.config.color && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    store: &mut Store,
    backups: Option<&DailyBackups>,
) -> Result<()> {
    let worker = Worker::start(store, app.session.clone())?;
    let size = terminal.size()?;
    let resize = |w, h| Action::Resize { list_rows: frame::list_rows(Rect::new(0, 0, w, h)) };
    step(app, store, &worker, resize(size.width, size.height));
    let stop = stop_signals()?;
    let beat = Arc::new(std::sync::atomic::AtomicU64::new(0));
    watchdog(Arc::clone(&stop), Arc::clone(&beat))?;
    let mut dirty = true;
    // Another console's writes are shown when this one is idle (no input for a moment).
    let mut last_input = std::time::Instant::now();
    let mut data_version = store.data_version()?;
    while !app.quit && !stop.load(std::sync::atomic::Ordering::Relaxed) {
        beat.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if dirty {
            // One synchronized update per frame: a terminal that knows the mode (Windows Terminal, most others)
            // shows the frame whole, never half drawn; the others ignore it.
            execute!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
            terminal.draw(|f| frame::draw(f, app))?;
            execute!(terminal.backend_mut(), EndSynchronizedUpdate)?;
            dirty = false;
        }
        // Wait for a key, but wake often enough to show replies from the reader promptly.
        if event::poll(Duration::from_millis(15))? {
            dirty = true;
            last_input = std::time::Instant::now();
            match event::read()? {
                Event::Key(k) if k.kind == KeyEventKind::Press => {
                    if let Some(key) = key_of(k) {
                        step(app, store, &worker, Action::Key(key));
                    }
                }
                Event::Resize(w, h) => step(app, store, &worker, resize(w, h)),
                Event::Mouse(m) => {
                    let size = terminal.size()?;
                    let area = Rect::new(0, 0, size.width, size.height);
                    let action = match m.kind {
                        MouseEventKind::Down(MouseButton::Left) => frame::click(area, app, m.column, m.row),
                        MouseEventKind::ScrollUp => Some(Action::Key(Key::Up)),
                        MouseEventKind::ScrollDown => Some(Action::Key(Key::Down)),
                        _ => None,
                    };
                    if let Some(a) = action {
                        step(app, store, &worker, a);
                    }
                }
                Event::Paste(text) => step(app, store, &worker, Action::Paste(text)),
                _ => {}
            }
        }
        while let Ok(reply) = worker.replies.try_recv() {
            step(app, store, &worker, reply);
            dirty = true;
        }
        if last_input.elapsed() >= IDLE_REFRESH {
            let now = store.data_version()?;
            if now != data_version {
                data_version = now;
                step(app, store, &worker, Action::DataChanged);
                dirty = true;
            }
            last_input = std::time::Instant::now();
        }
        for status in backups.into_iter().flat_map(|b| b.status.try_iter()) {
            step(app, store, &worker, Action::Backup(status));
            dirty = true;
        }
    }
    Ok(())
}

/// How long without input before the console looks for another console's writes.
const IDLE_REFRESH: Duration = Duration::from_millis(1000);

/// A flag set by SIGTERM or SIGHUP (closing the window), so the console ends cleanly: terminal restored,
/// nothing half-written (every write is one transaction).
fn stop_signals() -> Result<std::sync::Arc<std::sync::atomic::AtomicBool>> {
    let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, std::sync::Arc::clone(&flag))?;
    }
    Ok(flag)
}

/// How long the loop has to stop by itself once asked to (a stop signal, or the terminal gone).
const STOP_GRACE: Duration = Duration::from_secs(2);

/// Ends the process when the console was asked to stop (a stop signal, or its terminal gone: a closed tab, a
/// dropped SSH session) and its loop does not: crossterm's input poll spins without returning on a terminal that
/// is gone (crossterm issue 793), so the loop never sees the request. Every action is committed when it is done,
/// so leaving without the loop loses nothing written.
fn watchdog(stop: Arc<std::sync::atomic::AtomicBool>, beat: Arc<std::sync::atomic::AtomicU64>) -> Result<()> {
    use std::io::IsTerminal;
    use std::sync::atomic::Ordering::Relaxed;
    std::thread::Builder::new().name("madoguchi-watchdog".into()).spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(250));
            if !std::io::stdin().is_terminal() {
                stop.store(true, Relaxed);
            }
            if stop.load(Relaxed) {
                let before = beat.load(Relaxed);
                std::thread::sleep(STOP_GRACE);
                if beat.load(Relaxed) == before {
                    tracing::warn!("the console was asked to stop and its loop did not: leaving");
                    std::process::exit(1);
                }
            }
        }
    })?;
    Ok(())
}

/// Reduces one action: reads go to the reader thread, writes run here as one short transaction each.
fn step(app: &mut App, store: &mut Store, worker: &Worker, action: Action) {
    let mut queue = std::collections::VecDeque::from([action]);
    while let Some(action) = queue.pop_front() {
        for effect in reduce(app, action) {
            if is_read(&effect) {
                worker.send(effect);
            } else {
                queue.push_back(run_effect(store, &app.session, effect));
            }
        }
    }
}

/// Reduces an action and runs the effects it asks for on this thread until nothing is left to do (the
/// headless driver used by tests and the benchmark).
pub fn dispatch(app: &mut App, store: &mut Store, action: Action) {
    let mut queue = std::collections::VecDeque::from([action]);
    while let Some(action) = queue.pop_front() {
        for effect in reduce(app, action) {
            queue.push_back(run_effect(store, &app.session, effect));
        }
    }
}

/// The most changes of one record the history popup shows (newest first).
const HISTORY_LIMIT: usize = 200;

/// Executes one effect against the store and answers with an action.
pub fn run_effect(store: &mut Store, session: &Session, effect: Effect) -> Action {
    run_effect_with(store, session, effect, &mut |_| {})
}

/// Executes one effect, posting progress actions of long work (exports, imports) through `progress`.
pub fn run_effect_with(
    store: &mut Store,
    session: &Session,
    effect: Effect,
    progress: &mut dyn FnMut(Action),
) -> Action {
    let fiscal_year = session.fy.year;
    let result = match effect {
        Effect::LoadConsultations { generation, text, offset, limit } => {
            let conn = store.conn();
            consultations::count(conn, fiscal_year, &text).and_then(|total| {
                let offset = offset.min(total.saturating_sub(limit));
                Ok(Action::ConsultationPage {
                    generation,
                    total,
                    offset,
                    rows: consultations::page(conn, fiscal_year, &text, offset, limit)?,
                })
            })
        }
        Effect::Lookup { generation, query } => {
            let conn = store.conn();
            let groups = if query.trim().is_empty() {
                lookup::recent(conn, &session.fy, session.today, 20)
            } else {
                lookup::lookup(conn, &session.fy, session.today, &query, crate::app::lookup::PER_KIND)
            };
            groups.map(|groups| Action::LookupResults { generation, groups })
        }
        Effect::Remember { kind, id } => lookup::remember(store.conn(), kind, id).map(|_| Action::Idle),
        Effect::LoadHistory { record } => audit::changes(store.conn(), record.0, record.1, HISTORY_LIMIT)
            .map(|changes| Action::History { record, changes }),
        Effect::LoadConsultation { id } => {
            consultations::get(store.conn(), id).map(|c| Action::ConsultationLoaded(c.map(Box::new)))
        }
        Effect::LoadNeedsAction => {
            let settings = needs_action::Settings {
                today: session.today,
                report_overdue_days: session.report_overdue_days,
                period_end_warning_days: 30,
            };
            needs_action::Reason::ALL
                .iter()
                .map(|r| {
                    needs_action::items(store.conn(), &session.fy, &settings, *r, 20).map(|(n, items)| (*r, n, items))
                })
                .collect::<Result<Vec<_>>>()
                .map(Action::NeedsAction)
        }
        Effect::Locate { dispatch_id } => {
            needs_action::queue_position(store.conn(), fiscal_year, dispatch_id).map(Action::Located)
        }
        Effect::Search { field, kind, query } => {
            let conn = store.conn();
            let found = match kind {
                RecordKind::Business => search::candidates(conn, search::Kind::Business, &query, 8),
                RecordKind::Expert => search::candidates(conn, search::Kind::Expert, &query, 8),
                RecordKind::Organisation => search::candidates(conn, search::Kind::Organisation, &query, 8),
                RecordKind::Event => {
                    let date = crate::domain::parse::parse_date(&query, session.today).ok();
                    crate::store::ledger::lists::event_candidates(conn, fiscal_year, &query, date, 8)
                }
            };
            found.map(|found| Action::Candidates { field, query, found })
        }
        Effect::Save(request) => save(store, session, *request),
        Effect::Undo { redo } => {
            let result = if redo { store.redo() } else { store.undo() };
            result.map(|result| Action::Undone { redo, result })
        }
        Effect::LoadQueuePage { generation, filter, offset, limit } => {
            let conn = store.conn();
            let query = queue::Query::new(fiscal_year, &filter);
            store.counted(format!("queue:{fiscal_year}:{filter:?}"), |conn| query.count(conn)).and_then(|total| {
                // A page past the end (rows removed by another console) starts at the last full page.
                let offset = offset.min(total.saturating_sub(limit));
                let rows = query.page(conn, offset, limit)?;
                Ok(Action::QueuePage { generation, total, offset, rows })
            })
        }
        Effect::LoadChamberStaff { chamber_id } => crate::store::staff::of_chamber(store.conn(), chamber_id)
            .map(|staff| Action::ChamberStaff { chamber_id, staff }),
        Effect::LoadDetail { id } => queue::detail(store.conn(), id).map(|d| Action::Detail(d.map(Box::new))),
        Effect::Roster(load) => effects::roster::load(store, session, load),
        Effect::Events(load) => effects::events::load(store, session, load),
        Effect::Ledger(load) => effects::ledger::load(store, session, load),
        Effect::Reports(load) => effects::reports::load(store, session, load, progress),
    };
    result.unwrap_or_else(|e| {
        tracing::error!(error = %e, "effect failed");
        Action::Failed(crate::ui::i18n::error(session.lang, &e))
    })
}

/// Performs a save request as one action; a refusal (rules, changed record) writes nothing.
fn save(store: &mut Store, session: &Session, request: SaveRequest) -> Result<Action> {
    let fy = Arc::clone(&session.fy);
    let staff = store.staff().to_string();
    let refused = |r: Refusal| Action::Refused(r);
    match request {
        SaveRequest::CreateDispatch { dispatch, consultation, new_business, allow_duplicate } => {
            let outcome = store.act_if("dispatch.create", |tx| {
                workflow::create_dispatch(tx, &dispatch, consultation, new_business.as_ref(), allow_duplicate)
            })?;
            Ok(match outcome {
                Ok((id, number)) => {
                    tracing::info!(id, "application created");
                    Action::Saved(Saved::Dispatch { id, number })
                }
                Err(r) => Action::Refused(r),
            })
        }
        SaveRequest::AddVisit { visit, override_reason } => {
            let outcome = store
                .act_if("dispatch.add_visit", |tx| workflow::add_visit(tx, &fy, &visit, &override_reason, &staff))?;
            Ok(outcome.map(|_| Action::Saved(Saved::Changed)).unwrap_or_else(refused))
        }
        SaveRequest::UpdateVisit { visit_id, row_version, visit, override_reason } => {
            let outcome = store.act_if("dispatch.edit_visit", |tx| {
                workflow::update_visit(tx, &fy, visit_id, row_version, &visit, &override_reason, &staff)
            })?;
            Ok(outcome.map(|_| Action::Saved(Saved::Changed)).unwrap_or_else(refused))
        }
        SaveRequest::RemoveVisit { visit_id, row_version } => {
            let outcome =
                store.act_if("dispatch.remove_visit", |tx| workflow::remove_visit(tx, visit_id, row_version))?;
            Ok(outcome.map(|_| Action::Saved(Saved::Changed)).unwrap_or_else(refused))
        }
        SaveRequest::Transition { id, from, to, on, details } => {
            let label = format!("dispatch.status.{}", to.code());
            let outcome = store.act_if(&label, |tx| workflow::transition(tx, id, from, to, on, &details, &staff))?;
            Ok(outcome.map(|_| Action::Saved(Saved::Changed)).unwrap_or_else(refused))
        }
        SaveRequest::UpdateDispatch { id, row_version, edit } => {
            let outcome = store.act_if("dispatch.edit", |tx| workflow::update_dispatch(tx, id, row_version, &edit))?;
            Ok(outcome.map(|_| Action::Saved(Saved::Changed)).unwrap_or_else(refused))
        }
        SaveRequest::UpdateConsultation { id, row_version, consultation } => {
            let outcome = store
                .act_if("consultation.edit", |tx| workflow::update_consultation(tx, id, row_version, &consultation))?;
            Ok(outcome.map(|_| Action::Saved(Saved::Changed)).unwrap_or_else(refused))
        }
        SaveRequest::Reject { id, grounds, note, on } => {
            let outcome = store.act_if("dispatch.reject", |tx| workflow::reject(tx, id, &grounds, &note, on))?;
            Ok(outcome.map(|_| Action::Saved(Saved::Changed)).unwrap_or_else(refused))
        }
        SaveRequest::CreateConsultation { consultation, business_label } => {
            let id = store.act("consultation.create", |tx| workflow::create_consultation(tx, &consultation))?;
            let prefill = (consultation.outcome == ConsultationOutcome::Dispatch).then(|| Prefill {
                consultation: Some(id),
                business: business_label,
                content: consultation.content.clone(),
            });
            Ok(Action::Saved(Saved::Consultation(prefill)))
        }
        SaveRequest::Roster(save) => effects::roster::save(store, session, save),
        SaveRequest::Events(save) => effects::events::save(store, session, save),
        SaveRequest::Ledger(save) => effects::ledger::save(store, session, save),
    }
}

/// The keymap's key for a terminal key event (None for keys the console does not use).
pub fn key_of(k: KeyEvent) -> Option<Key> {
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    Some(match k.code {
        KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::F(n) => Key::F(n),
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        _ => return None,
    })
}
