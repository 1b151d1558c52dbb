//! `cargo bench`: the hot pure parts — folding a lookup query, the rules a save runs, and drawing a full screen.
//! (Whole keystroke-to-frame figures with the database come from `madoguchi bench`.)

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use madoguchi::app::{Action, App};
use madoguchi::commands::console::dispatch;
use madoguchi::domain::fiscal_year::FiscalYear;
use madoguchi::domain::fold::{fold, fold_query};
use madoguchi::domain::rules::dispatch::{VisitUsage, audit_visits, check_visit};
use madoguchi::domain::rules::money::withholding_yen;
use madoguchi::store::Store;
use madoguchi::ui::frame;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn fy() -> FiscalYear {
    FiscalYear::from_toml(include_str!("../assets/fiscal-years/2025.toml")).expect("bundled 2025.toml")
}

fn folding(c: &mut Criterion) {
    c.bench_function("fold/name", |b| b.iter(|| fold(black_box("㈱髙橋ｼｮｳﾃﾝ 渡邊工務店（本店）"))));
    c.bench_function("fold_query/romaji", |b| b.iter(|| fold_query(black_box("tanaka shouten"))));
    c.bench_function("fold_query/phone", |b| b.iter(|| fold_query(black_box("096-123-4567"))));
}

fn rules(c: &mut Criterion) {
    let fy = fy();
    let used = VisitUsage::of([120, 180, 90, 150]);
    c.bench_function("rules/r_d1_check_visit", |b| b.iter(|| check_visit(&fy.visits, black_box(used), black_box(120))));
    let minutes = [120, 180, 90, 150, 120, 60, 200];
    c.bench_function("rules/r_d1_audit_visits", |b| b.iter(|| audit_visits(&fy.visits, black_box(&minutes))));
    c.bench_function("rules/withholding", |b| {
        b.iter(|| withholding_yen(&fy.withholding, black_box(1_250_000), black_box(12_340), false))
    });
}

fn rendering(c: &mut Criterion) {
    // A demo year in a temporary database, loaded once; only the drawing is measured.
    let dir = std::env::temp_dir().join(format!("madoguchi-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("demo.db");
    let _ = std::fs::remove_file(&path);
    let fy = fy();
    let mut store = Store::open(&path, "bench").expect("database");
    madoguchi::demo::generate(&mut store, &fy, 1, 1).expect("demo data");
    let session = madoguchi::app::Session {
        lang: madoguchi::ui::i18n::Lang::Ja,
        today: madoguchi::demo::demo_today(&fy),
        fy: std::sync::Arc::new(fy),
        fallback_from: None,
        staff: "bench".into(),
        report_overdue_days: 30,
        color: true,
    };
    for (name, tab) in [("queue", '1'), ("roster", '2'), ("events", '3'), ("ledger", '4')] {
        let mut app = App::new(session.clone());
        dispatch(&mut app, &mut store, Action::Resize { list_rows: frame::list_rows(Rect::new(0, 0, 160, 48)) });
        dispatch(&mut app, &mut store, Action::Key(madoguchi::app::keymap::Key::Char(tab)));
        let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
        c.bench_function(&format!("render/{name}_160x48"), |b| {
            b.iter(|| {
                terminal.draw(|f| frame::draw(f, black_box(&app))).expect("draw");
            })
        });
    }
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, folding, rules, rendering);
criterion_main!(benches);
