//! Driving the real binary in a pseudo-terminal and reading its screen through a vt100 parser.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// A running console in a pseudo-terminal.
pub struct Console {
    writer: Box<dyn Write + Send>,
    /// The screen as last shown whole: outside the console's synchronized updates (a frame is never read half
    /// drawn).
    shown: Arc<Mutex<vt100::Screen>>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

/// The console's marks around each frame (DEC private mode 2026, synchronized output).
const BEGIN_UPDATE: &[u8] = b"\x1b[?2026h";
const END_UPDATE: &[u8] = b"\x1b[?2026l";

/// Feeds the parser what `pending` holds, up to a possible mark cut in two at its end (kept for the next read);
/// returns whether the screen is then whole (outside a synchronized update).
fn frames(parser: &mut vt100::Parser, pending: &mut Vec<u8>, in_update: &mut bool) -> bool {
    let mut start = 0;
    while let Some((at, mark)) = (start..pending.len())
        .find_map(|i| [BEGIN_UPDATE, END_UPDATE].into_iter().find(|m| pending[i..].starts_with(m)).map(|m| (i, m)))
    {
        parser.process(&pending[start..at + mark.len()]);
        *in_update = mark == BEGIN_UPDATE;
        start = at + mark.len();
    }
    // A tail that may be the start of a mark waits for the rest.
    let tail = (1..BEGIN_UPDATE.len())
        .rev()
        .find(|&k| pending.len() >= start + k && BEGIN_UPDATE.starts_with(&pending[pending.len() - k..]))
        .unwrap_or(0);
    parser.process(&pending[start..pending.len() - tail]);
    pending.drain(..pending.len() - tail);
    !*in_update
}

impl Console {
    /// Starts `madoguchi ARGS` at `cols`×`rows` with a private HOME.
    pub fn start(home: &Path, args: &[&str], cols: u16, rows: u16) -> Console {
        let pty = native_pty_system()
            .openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_madoguchi"));
        cmd.args(args);
        cmd.env("HOME", home);
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("XDG_STATE_HOME", home.join("state"));
        cmd.env("XDG_CACHE_HOME", home.join("cache"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("NO_COLOR", "1");
        let child = pty.slave.spawn_command(cmd).expect("spawn madoguchi");
        drop(pty.slave);
        let size = |n: u16| std::num::NonZero::new(n.max(2)).expect("at least 2");
        let mut parser = vt100::Parser::new(size(rows), size(cols), 0);
        let shown = Arc::new(Mutex::new(parser.screen().clone()));
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let sink = Arc::clone(&shown);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            let mut pending: Vec<u8> = Vec::new();
            let mut in_update = false;
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                pending.extend_from_slice(&buf[..n]);
                let done = frames(&mut parser, &mut pending, &mut in_update);
                if done && let Ok(mut s) = sink.lock() {
                    *s = parser.screen().clone();
                }
            }
        });
        let writer = pty.master.take_writer().expect("pty writer");
        Console { writer, shown, child, _master: pty.master }
    }

    /// The screen's text now.
    pub fn screen(&self) -> String {
        self.shown.lock().map(|s| s.contents()).unwrap_or_default()
    }

    /// Waits until the screen shows `text` (polling the parsed screen, never a blind sleep); panics with the
    /// screen after 15 seconds.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, |s| s.contains(text))
    }

    /// Waits until `pred` holds for the screen.
    pub fn wait_until(&self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        self.wait_parsed(what, |s| pred(&s.contents())).contents()
    }

    /// The parsed screen now: its text, the cells' attributes (a selected row is drawn reversed) and the cursor.
    pub fn parsed(&self) -> vt100::Screen {
        self.shown.lock().map(|s| s.clone()).expect("the screen")
    }

    /// Waits until `pred` holds for the parsed screen; panics with the screen after 15 seconds.
    pub fn wait_parsed(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) -> vt100::Screen {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let s = self.parsed();
            if pred(&s) {
                return s;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what:?}; screen:\n{}", s.contents());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until `pred` holds and the screen (text and cursor) then stays the same for a quarter of a second: a
    /// stable frame, for taking a screen that a later one must equal once everything it loads has arrived.
    pub fn wait_stable(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) -> vt100::Screen {
        let frame = |s: &vt100::Screen| (s.contents(), s.cursor_position(), s.hide_cursor());
        let mut s = self.wait_parsed(what, &pred);
        let mut since = Instant::now();
        while since.elapsed() < Duration::from_millis(250) {
            std::thread::sleep(Duration::from_millis(20));
            let now = self.wait_parsed(what, &pred);
            if frame(&now) != frame(&s) {
                s = now;
                since = Instant::now();
            }
        }
        s
    }

    /// Types keys (raw bytes: "q", "\r" for Enter, "\x1b" for Esc, "\x1b[B" for Down).
    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Whether the program has the terminal in the alternate screen and in a mouse-reporting mode.
    pub fn terminal_modes(&self) -> (bool, bool) {
        self.shown
            .lock()
            .map(|s| (s.alternate_screen(), s.mouse_protocol_mode() != vt100::MouseProtocolMode::None))
            .unwrap_or((false, false))
    }

    /// The process id of the console.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a running console has a pid")
    }

    /// Waits for the process to exit and returns whether it succeeded.
    pub fn wait_exit(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.success();
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the console did not exit; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Console {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

/// The binary with a private HOME and XDG directories (no test touches the real data or config) and no log
/// setting inherited.
pub fn command(home: &Path) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_madoguchi"));
    c.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env_remove("MADOGUCHI_LOG");
    c
}

/// Runs the binary to completion (for `demo --out`) with a private HOME; panics on failure.
pub fn run_ok(home: &Path, args: &[&str]) -> String {
    let out = command(home).args(args).output().expect("run madoguchi");
    assert!(out.status.success(), "madoguchi {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}
