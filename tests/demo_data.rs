//! The demo generator at scale 1: volumes, every status, the rule audit of `madoguchi check`, determinism.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::Parser;
use madoguchi::cli::Cli;
use madoguchi::commands::check::rule_audit;
use madoguchi::commands::context::Context;
use madoguchi::demo::{self, DemoSummary};
use madoguchi::domain::fiscal_year::FiscalYear;
use madoguchi::domain::model::DispatchStatus;
use madoguchi::store::{Store, check};

fn fy2025() -> FiscalYear {
    FiscalYear::from_toml(include_str!("../assets/fiscal-years/2025.toml")).expect("bundled 2025.toml")
}

/// Generates a scale-1 demo database with `seed` into `dir/name`.
fn generate(dir: &Path, name: &str, seed: u64) -> (PathBuf, DemoSummary) {
    let path = dir.join(name);
    let mut store = Store::open(&path, "test").expect("create the database");
    let summary = demo::generate(&mut store, &fy2025(), 1, seed).expect("generate");
    (path, summary)
}

fn counts(path: &Path) -> BTreeMap<&'static str, i64> {
    let store = Store::open(path, "test").unwrap();
    check::counts(store.conn()).unwrap().into_iter().collect()
}

/// Every dispatch as the rule audit sees it (number, status, visits, grounds ...), one string each.
fn dispatch_facts(path: &Path) -> Vec<String> {
    let store = Store::open(path, "test").unwrap();
    let mut out = Vec::new();
    check::for_each_dispatch(store.conn(), |d| out.push(format!("{d:?}"))).unwrap();
    out
}

fn statuses(path: &Path) -> Vec<String> {
    let store = Store::open(path, "test").unwrap();
    let mut out = Vec::new();
    check::for_each_dispatch(store.conn(), |d| out.push(d.status)).unwrap();
    out
}

/// The context `madoguchi check --db PATH` runs with (an empty config file, so no user settings leak in).
fn context(dir: &Path, db: &Path) -> Context {
    let config = dir.join("config.toml");
    std::fs::write(&config, "").unwrap();
    let cli = Cli::try_parse_from([
        "madoguchi",
        "--config",
        config.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "--today",
        "2025-11-04",
        "check",
    ])
    .expect("command line");
    Context::resolve(&cli).expect("context")
}

#[test]
fn scale_one_has_the_volumes_every_status_and_passes_the_rule_audit() {
    let dir = tempfile::tempdir().unwrap();
    let (db, summary) = generate(dir.path(), "demo.db", 1);
    let c = counts(&db);
    assert_eq!(c["business"], 1500);
    assert_eq!(c["dispatch"], 300);
    assert!((900..=1100).contains(&c["visit"]), "visits {}", c["visit"]);
    assert_eq!(c["expert"], 120);
    assert_eq!(c["expert_relation"], 15);
    assert_eq!(c["desk_consultation"], 400);
    assert_eq!(c["event"], 90);
    assert_eq!(c["desk_staff"], 6);
    // 14 reference organisations + one demo 商工会 per town/village and per city without a 商工会議所.
    assert_eq!(c["organisation"], 14 + summary.organisations as i64);
    assert!(summary.organisations >= 28, "{summary}");
    for table in ["rejection_ground", "override", "event_expert", "participant", "booking", "claim", "payment"] {
        assert!(c[table] > 0, "{table} is empty");
    }
    assert!(c["payment"] > 800, "most visits are paid: {}", c["payment"]);
    assert_eq!(c["audit"], 0, "bulk generation writes no audit rows");

    // The summary agrees with the database and prints one line per table.
    assert_eq!(summary.businesses as i64, c["business"]);
    assert_eq!(summary.visits as i64, c["visit"]);
    assert_eq!(summary.overrides as i64, c["override"]);
    assert_eq!(summary.payments as i64, c["payment"]);
    assert_eq!((summary.seminars + summary.consultation_days) as i64, c["event"]);
    assert!(summary.to_string().lines().any(|l| l == "事業者 businesses 1500"), "{summary}");
    let linked = summary.linked_consultations as f64 / summary.consultations as f64;
    assert!((0.2..0.35).contains(&linked), "about a quarter linked: {linked}");

    // Every status of the workflow appears.
    let st = statuses(&db);
    for s in DispatchStatus::ALL {
        assert!(st.iter().any(|x| x == s.code()), "no dispatch is {}", s.code());
    }

    // R-D1 at the edge: some applications have exactly 5 visits and 15 hours without any override, and the
    // overrides recorded are all for visits that go beyond.
    let store = Store::open(&db, "test").unwrap();
    let fy = fy2025();
    let mut at_limit = 0;
    let mut beyond_with_override = 0;
    check::for_each_dispatch(store.conn(), |d| {
        let minutes: u32 = d.visits.iter().map(|v| v.minutes).sum();
        if d.visits.len() == 5 && minutes == 900 && d.visits.iter().all(|v| !v.d1_override) {
            at_limit += 1;
        }
        let lengths: Vec<u32> = d.visits.iter().map(|v| v.minutes).collect();
        let flagged = madoguchi::domain::rules::dispatch::audit_visits(&fy.visits, &lengths);
        for (i, _) in &flagged {
            assert!(d.visits[*i].d1_override, "{} visit {i} goes beyond R-D1 without an override", d.number);
            beyond_with_override += 1;
        }
        assert_eq!(d.visits.iter().filter(|v| v.d1_override).count(), flagged.len(), "{}", d.number);
        assert!(d.visits.iter().all(|v| v.minutes <= 180 || v.d1_override));
    })
    .unwrap();
    assert!(at_limit > 0, "an application at exactly 5 visits / 15 h");
    assert!(beyond_with_override > 0, "a visit beyond R-D1 with an override");
    drop(store);

    // `madoguchi check`'s rule audit finds nothing.
    let ctx = context(dir.path(), &db);
    let store = Store::open_existing(&db, "test").unwrap();
    assert!(check::integrity(store.conn()).unwrap().is_empty());
    assert!(check::foreign_keys(store.conn()).unwrap().is_empty());
    let problems = rule_audit(&ctx, store.conn()).unwrap();
    assert!(
        problems.is_empty(),
        "{} problem(s), first: {:?}",
        problems.len(),
        problems.iter().take(5).map(|p| format!("{} {:?}", p.record, p.finding)).collect::<Vec<_>>()
    );
}

#[test]
fn same_seed_same_data_other_seed_other_data() {
    let dir = tempfile::tempdir().unwrap();
    let (a, sa) = generate(dir.path(), "a.db", 42);
    let (b, sb) = generate(dir.path(), "b.db", 42);
    let (c, sc) = generate(dir.path(), "c.db", 43);
    assert_eq!(sa, sb);
    assert_eq!(counts(&a), counts(&b));
    assert_eq!(statuses(&a), statuses(&b));
    assert_eq!(dispatch_facts(&a), dispatch_facts(&b), "visits, grounds and businesses of every dispatch");
    assert!(
        sa != sc || statuses(&a) != statuses(&c) || dispatch_facts(&a) != dispatch_facts(&c),
        "another seed gives other data"
    );
    assert_ne!(dispatch_facts(&a), dispatch_facts(&c));
}
