//! End to end: the real console in a pseudo-terminal, read through a vt100 parser.

mod common;

use common::{Console, run_ok};

#[test]
fn first_start_creates_the_default_database_and_quits_cleanly() {
    let home = tempfile::tempdir().unwrap();
    let mut c = Console::start(home.path(), &["--today", "2025-11-04"], 100, 30);
    let screen = c.wait_for("令和7年度");
    assert!(screen.contains("1 申請"), "{screen}");
    assert!(screen.contains("実施期間残り116日"), "{screen}");
    assert!(screen.contains("該当する申請はありません"), "{screen}");
    c.send("?");
    c.wait_for("ヘルプ (キー一覧)");
    c.send("\x1b");
    c.wait_until("help closed", |s| !s.contains("ヘルプ (キー一覧)"));
    c.send("q");
    assert!(c.wait_exit());
    assert!(home.path().join("data/madoguchi/madoguchi.db").is_file(), "created in the XDG data directory");
}

#[test]
fn today_in_an_unconfigured_year_opens_the_latest_year_and_says_so() {
    let home = tempfile::tempdir().unwrap();
    let mut c = Console::start(home.path(), &["--today", "2026-11-24", "--lang", "en"], 120, 30);
    let screen = c.wait_for("FY2026 not configured");
    assert!(screen.contains("FY2025"), "{screen}");
    c.send("\x03");
    assert!(c.wait_exit());
}

#[test]
fn browsing_a_demo_database() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("demo.db");
    run_ok(home.path(), &["demo", "--scale", "1", "--out", db.to_str().unwrap()]);
    let mut c = Console::start(home.path(), &["--db", db.to_str().unwrap(), "--today", "2025-11-04"], 160, 48);
    let screen = c.wait_for("【事業者】");
    assert!(screen.contains("R7-0300"), "newest application first:\n{screen}");
    assert!(screen.contains("300件"), "{screen}");
    c.send("G");
    c.wait_until("the last application and its detail", |s| s.contains("│R7-0001  ") && s.contains("【申請】"));
    c.send("g");
    c.wait_for("R7-0300");
    c.send("s");
    c.wait_for("[受付]");
    // Text filter: an application number typed as the caller says it, then cleared with Esc.
    c.send("s".repeat(8).as_str());
    c.wait_for("[すべて] 300件");
    c.send("/R7-12");
    let screen = c.wait_until("R7-12 alone", |s| s.contains("[すべて] 1件  /R7-12") && s.contains("R7-0012"));
    assert!(!screen.contains("R7-0011"), "{screen}");
    c.send("\x1b");
    c.wait_for("[すべて] 300件");
    // 要対応: the morning view; Enter lands on the application in the list.
    c.send("w");
    let screen = c.wait_for("【審査待ち (受付・審査中)】");
    assert!(screen.contains("[要対応]"), "{screen}");
    assert!(screen.contains("【承認済み・派遣未実施】"), "{screen}");
    let first = screen
        .lines()
        .find_map(|l| l.split_whitespace().find(|w| w.starts_with("R7-")).map(str::to_string))
        .expect("an item with its number");
    c.send("\r");
    let screen =
        c.wait_until("the located application", |s| s.contains("[すべて]") && s.contains(&format!("│{first}  ")));
    assert!(screen.contains("【申請】"), "{screen}");
    // Edit: the Form 1 fields as stored; a changed theme is saved and shown.
    let theme_before = screen.lines().find_map(|l| l.split("│テーマ: ").nth(1).map(|t| t.trim().to_string())).unwrap();
    c.send("e");
    c.wait_for("申請内容の編集");
    c.send("\t\t\t\x1b[C"); // past the chamber, its guidance officer and the date: the theme
    c.send("\x13");
    let screen = c.wait_until("the edited theme", |s| {
        s.contains("保存しました") && s.lines().any(|l| l.contains("│テーマ: ") && !l.contains(&theme_before))
    });
    assert!(screen.contains(&format!("│{first}  ")), "{screen}");
    // u undoes the whole action; Ctrl-R redoes it.
    c.send("u");
    c.wait_until("the theme back", |s| {
        s.contains("取り消しました: 申請の編集") && s.contains(&format!("│テーマ: {theme_before}"))
    });
    c.send("\x12");
    c.wait_until("redone", |s| {
        s.contains("やり直しました: 申請の編集") && !s.contains(&format!("│テーマ: {theme_before}"))
    });
    c.send("q");
    assert!(c.wait_exit());
}

#[cfg(unix)]
#[test]
fn sigterm_ends_the_console_and_restores_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let mut c = Console::start(home.path(), &["--today", "2025-11-04"], 100, 30);
    c.wait_for("令和7年度");
    assert_eq!(c.terminal_modes(), (true, true), "alternate screen and mouse reporting while running");
    let status = std::process::Command::new("kill").args(["-TERM", &c.pid().to_string()]).status().unwrap();
    assert!(status.success());
    assert!(c.wait_exit(), "a clean exit, not a crash");
    c.wait_until("terminal restored", |_| c.terminal_modes() == (false, false));
}

/// Closing the terminal (a window closed, an SSH session lost) ends the console: it never stays behind spinning
/// on a terminal that is gone (crossterm's input poll does not return then; a console was seen at 55% CPU for 30
/// minutes after its tmux session was killed). Driven through tmux (installed by `.ci/run`) on a private socket:
/// killing the session closes the terminal for real, which the harness's own pty cannot while it reads it.
#[test]
fn a_console_whose_terminal_closes_ends() {
    let home = tempfile::tempdir().unwrap();
    let socket = format!("madoguchi-test-{}", std::process::id());
    let tmux = |args: &[&str]| {
        let out = std::process::Command::new("tmux").args(["-L", &socket]).args(args).output();
        out.expect("tmux (installed by .ci/run)")
    };
    let console =
        format!("HOME={} {} --demo --today 2025-11-04", home.path().display(), env!("CARGO_BIN_EXE_madoguchi"));
    assert!(tmux(&["new-session", "-d", "-s", "t", "-x", "100", "-y", "30", &console]).status.success());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while !String::from_utf8_lossy(&tmux(&["capture-pane", "-t", "t", "-p"]).stdout).contains("令和7年度") {
        assert!(std::time::Instant::now() < deadline, "the console did not start");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let pid = String::from_utf8_lossy(&tmux(&["list-panes", "-t", "t", "-F", "#{pane_pid}"]).stdout).trim().to_string();
    let running = || std::path::Path::new(&format!("/proc/{pid}")).exists();
    assert!(running(), "pane process {pid}");
    tmux(&["kill-server"]);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while running() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let left = running();
    if left {
        let _ = std::process::Command::new("kill").args(["-9", &pid]).status();
    }
    assert!(!left, "the console still runs 10 s after its terminal closed");
}
