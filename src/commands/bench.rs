//! `madoguchi bench --scale N [--json]`: medians and p99 of what a desk worker feels — start to first frame,
//! keystroke to frame on each screen (reducer + the queries it triggers + a render into a 160x48
//! TestBackend), the lookup query alone, the list page query — and the peak resident memory.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Result;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::console::{dispatch, session};
use super::context::Context;
use super::say;
use crate::app::keymap::Key;
use crate::app::{Action, App};
use crate::store::queue::QueueFilter;
use crate::store::{Store, lookup, queue};
use crate::ui::frame;

const WIDTH: u16 = 160;
const HEIGHT: u16 = 48;

/// Median and 99th percentile of a set of timings, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// Median.
    pub median: f64,
    /// 99th percentile.
    pub p99: f64,
}

/// Median and p99 of samples (ms); nearest-rank percentiles.
pub fn summarise(samples: &mut [f64]) -> Summary {
    samples.sort_by(f64::total_cmp);
    let rank = |q: f64| samples[((q * samples.len() as f64).ceil() as usize).clamp(1, samples.len()) - 1];
    Summary { median: rank(0.5), p99: rank(0.99) }
}

/// The demo database of a scale, reused from the cache directory when present.
fn database(ctx: &Context, scale: u32) -> Result<PathBuf> {
    let dir = ctx.dirs.cache.join("bench");
    crate::paths::create_private_dir(&dir)?;
    let path = dir.join(format!("demo-scale{scale}-v{}.db", crate::store::migrations::latest_version()));
    if !path.exists() {
        let tmp = dir.join(format!("demo-scale{scale}.partial.db"));
        let _ = std::fs::remove_file(&tmp);
        let mut store = Store::open(&tmp, "bench")?;
        crate::demo::generate(&mut store, &ctx.year, scale, 1)?;
        drop(store);
        std::fs::rename(&tmp, &path)?;
    }
    Ok(path)
}

/// Runs the benchmark and prints a table, or one JSON object with `--json`.
pub fn run(ctx: &Context, scale: u32, json: bool) -> Result<ExitCode> {
    let path = database(ctx, scale)?;
    let mut metrics: BTreeMap<String, Summary> = BTreeMap::new();
    let mut s = session(ctx);
    s.today = crate::demo::demo_today(&ctx.year);

    // Start to first frame: open the database, build the state, load the first page, draw.
    let mut samples = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let mut store = Store::open_existing(&path, "bench")?;
        let mut app = App::new(s.clone());
        let mut term = Terminal::new(TestBackend::new(WIDTH, HEIGHT))?;
        let size = ratatui::layout::Rect::new(0, 0, WIDTH, HEIGHT);
        dispatch(&mut app, &mut store, Action::Resize { list_rows: frame::list_rows(size) });
        term.draw(|f| frame::draw(f, &app))?;
        samples.push(ms(t));
    }
    metrics.insert("startup_first_frame_ms".into(), summarise(&mut samples));

    let mut store = Store::open_existing(&path, "bench")?;
    let fy = ctx.year.year;
    let conn_queries: Vec<&str> =
        vec!["ﾀﾅｶ", "tanaka", "たかはし", "阿蘇", "カフェ", "0961", "R7-12", "熊本", "匠", "ｼｮｳﾃﾝ"];

    // The lookup query alone.
    let mut samples = Vec::new();
    for _ in 0..20 {
        for q in &conn_queries {
            let t = Instant::now();
            lookup::lookup(store.conn(), &ctx.year, s.today, q, crate::app::lookup::PER_KIND)?;
            samples.push(ms(t));
        }
    }
    metrics.insert("lookup_ms".into(), summarise(&mut samples));

    // The list page query (count + one page), at several depths and filters.
    let mut samples = Vec::new();
    let total = queue::Query::new(fy, &QueueFilter::default()).count(store.conn())?;
    for i in 0..200usize {
        let filter = if i % 3 == 0 {
            QueueFilter { text: "田".into(), ..QueueFilter::default() }
        } else {
            QueueFilter::default()
        };
        let offset = (i * 7919) % total.max(1);
        let t = Instant::now();
        let query = queue::Query::new(fy, &filter);
        query.count(store.conn())?;
        query.page(store.conn(), offset, 45)?;
        samples.push(ms(t));
    }
    metrics.insert("list_page_ms".into(), summarise(&mut samples));

    // Keystroke to frame, per screen and action.
    let scenarios: Vec<(&str, Vec<Key>, Vec<Key>)> = vec![
        ("queue.move_down", vec![], vec![Key::Down; 200]),
        ("queue.page_down", vec![], vec![Key::PageDown; 100]),
        ("queue.bottom_top", vec![], [Key::End, Key::Home].repeat(50)),
        ("queue.open_detail", vec![], [Key::Enter, Key::Esc].repeat(50)),
        ("queue.status_filter", vec![], vec![Key::Char('s'); 90]),
        (
            "queue.text_filter_typing",
            vec![Key::Char('/')],
            "たなかしょうてんあそかふぇ".chars().map(Key::Char).collect(),
        ),
        ("needs_action.move", vec![Key::Char('w')], vec![Key::Down; 100]),
        ("consultations.move_down", vec![Key::Char('c')], vec![Key::Down; 200]),
        (
            "consultations.text_filter_typing",
            vec![Key::Char('c'), Key::Char('/')],
            "たなかいんぼいす0961".chars().map(Key::Char).collect(),
        ),
        (
            "form.typing",
            vec![Key::Char('n'), Key::Tab, Key::Tab, Key::Tab, Key::Tab],
            "在庫管理をクラウド化したいので相談".chars().map(Key::Char).collect(),
        ),
        ("form.record_search", vec![Key::Char('n')], "ﾀﾅｶｼｮｳﾃﾝ".chars().map(Key::Char).collect()),
        ("lookup.typing", vec![Key::Ctrl('k')], "ﾀﾅｶｼｮｳﾃﾝ".chars().chain("tanaka".chars()).map(Key::Char).collect()),
        ("lookup.phone_typing", vec![Key::Ctrl('k')], "0961234567".chars().map(Key::Char).collect()),
        ("history.open_close", vec![], [Key::Char('H'), Key::Esc].repeat(50)),
        ("roster.move_down", vec![Key::Char('2')], vec![Key::Down; 200]),
        ("roster.open_card", vec![Key::Char('2')], [Key::Enter, Key::Esc].repeat(50)),
        ("roster.businesses_page_down", vec![Key::Char('2'), Key::Char('v')], vec![Key::PageDown; 100]),
        (
            "roster.text_filter_typing",
            vec![Key::Char('2'), Key::Char('/')],
            "たかはしkintone".chars().map(Key::Char).collect(),
        ),
        ("roster.find_expert", vec![], [Key::Char('f'), Key::Esc].repeat(30)),
        ("events.move_day", vec![Key::Char('3')], vec![Key::Char('l'); 120]),
        ("events.move_month", vec![Key::Char('3')], [vec![Key::PageDown; 6], vec![Key::PageUp; 6]].concat().repeat(5)),
        ("ledger.move_down", vec![Key::Char('4')], vec![Key::Down; 200]),
        ("ledger.switch_view", vec![Key::Char('4')], vec![Key::Char('v'); 40]),
        (
            "ledger.payments_filter_typing",
            vec![Key::Char('4'), Key::Char('v'), Key::Char('/')],
            "たかはし熊本".chars().map(Key::Char).collect(),
        ),
        (
            "ledger.work_filter_typing",
            vec![Key::Char('4'), Key::Char('v'), Key::Char('v'), Key::Char('/')],
            "たなかセミナー".chars().map(Key::Char).collect(),
        ),
        (
            "ledger.totals_by",
            vec![Key::Char('4'), Key::Char('v'), Key::Char('v'), Key::Char('v')],
            vec![Key::Char('o'); 40],
        ),
    ];
    for (name, setup, keys) in scenarios {
        let mut app = App::new(s.clone());
        let mut term = Terminal::new(TestBackend::new(WIDTH, HEIGHT))?;
        let size = ratatui::layout::Rect::new(0, 0, WIDTH, HEIGHT);
        dispatch(&mut app, &mut store, Action::Resize { list_rows: frame::list_rows(size) });
        for k in setup {
            dispatch(&mut app, &mut store, Action::Key(k));
        }
        term.draw(|f| frame::draw(f, &app))?;
        let mut samples = Vec::new();
        for k in keys {
            let t = Instant::now();
            dispatch(&mut app, &mut store, Action::Key(k));
            term.draw(|f| frame::draw(f, &app))?;
            samples.push(ms(t));
        }
        metrics.insert(format!("keystroke_frame_ms.{name}"), summarise(&mut samples));
    }
    let rss = peak_rss_mb();
    if json {
        let mut m = serde_json::Map::new();
        for (k, v) in &metrics {
            m.insert(k.clone(), serde_json::json!({"median": round(v.median), "p99": round(v.p99)}));
        }
        if let Some(r) = rss {
            m.insert("peak_rss_mb".into(), serde_json::json!({"median": round(r), "p99": round(r)}));
        }
        say!("{}", serde_json::json!({"scale": scale, "metrics": m}));
    } else {
        say!("scale {scale} ({})", path.display());
        say!("{:<48} {:>10} {:>10}", "metric", "median", "p99");
        for (k, v) in &metrics {
            say!("{k:<48} {:>10.3} {:>10.3}", v.median, v.p99);
        }
        if let Some(r) = rss {
            say!("{:<48} {:>10.1}", "peak_rss_mb", r);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Peak resident memory of this process (Linux: VmHWM), in MB.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = status.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let mut v: Vec<f64> = (1..=100).map(f64::from).collect();
        let s = summarise(&mut v);
        assert_eq!((s.median, s.p99), (50.0, 99.0));
        let mut one = vec![3.0];
        assert_eq!(summarise(&mut one), Summary { median: 3.0, p99: 3.0 });
    }
}
