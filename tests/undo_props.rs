//! Property: any sequence of audited actions (create one or two businesses, rename, delete), followed by an
//! undo of each of them, gives back the original records and lookup index (a real SQLite file per case).

use madoguchi::domain::records::NewBusiness;
use madoguchi::store::search::{self, Kind};
use madoguchi::store::{Store, businesses};
use proptest::prelude::*;
use rusqlite::types::Value;

#[derive(Debug, Clone)]
enum Op {
    Create(String),
    CreateTwo(String, String),
    Rename(usize, String),
    Delete(usize),
}

fn name() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["田中商店", "髙橋菓子舗", "ｶﾌｪ ﾀﾅｶ", "阿蘇の里ファーム", "㈱くまもと精肉", "天草いちご"])
        .prop_flat_map(|base| (Just(base), 0..100u32))
        .prop_map(|(base, n)| format!("{base}{n}"))
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        name().prop_map(Op::Create),
        (name(), name()).prop_map(|(a, b)| Op::CreateTwo(a, b)),
        (any::<prop::sample::Index>(), name()).prop_map(|(i, n)| Op::Rename(i.index(usize::MAX), n)),
        any::<prop::sample::Index>().prop_map(|i| Op::Delete(i.index(usize::MAX))),
    ]
}

fn new_business(name: &str) -> NewBusiness {
    NewBusiness { name: name.into(), reading: "てすと".into(), phone: "096-111-2222".into(), ..Default::default() }
}

/// Business rows, then lookup index entries (kind, record, field, folded).
type Snapshot = (Vec<Vec<Value>>, Vec<(String, i64, String, String)>);

/// Every business column but `row_version` (an undo bumps it, so another console notices), and the index
/// entries by (kind, record, field, folded), both in a stable order.
fn snapshot(store: &Store) -> Snapshot {
    let conn = store.conn();
    let columns: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('business') WHERE name <> 'row_version' ORDER BY cid")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let list = columns.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ");
    let mut st = conn.prepare(&format!("SELECT {list} FROM business ORDER BY id")).unwrap();
    let rows = st
        .query_map([], |r| (0..columns.len()).map(|i| r.get::<_, Value>(i)).collect::<Result<Vec<_>, _>>())
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let index = conn
        .prepare("SELECT kind, record_id, field, folded FROM search_entry ORDER BY kind, record_id, field")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    (rows, index)
}

fn ids(store: &Store) -> Vec<i64> {
    store
        .conn()
        .prepare("SELECT id FROM business ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn apply(store: &mut Store, op: &Op) {
    let existing = ids(store);
    match op {
        Op::Create(n) => {
            store.act("business.create", |tx| businesses::insert(tx, &new_business(n))).unwrap();
        }
        Op::CreateTwo(a, b) => {
            store
                .act("business.create", |tx| {
                    businesses::insert(tx, &new_business(a))?;
                    businesses::insert(tx, &new_business(b))
                })
                .unwrap();
        }
        Op::Rename(i, n) if !existing.is_empty() => {
            let id = existing[i % existing.len()];
            store
                .act("business.edit", |tx| {
                    tx.execute("UPDATE business SET name = ?2, row_version = row_version + 1 WHERE id = ?1", (id, n))?;
                    search::reindex_record(tx, Kind::Business, id)
                })
                .unwrap();
        }
        Op::Delete(i) if !existing.is_empty() => {
            let id = existing[i % existing.len()];
            store
                .act("business.delete", |tx| {
                    tx.execute("DELETE FROM business WHERE id = ?1", [id])?;
                    search::reindex_record(tx, Kind::Business, id)
                })
                .unwrap();
        }
        Op::Rename(..) | Op::Delete(_) => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn undoing_every_action_gives_back_the_original_records(ops in prop::collection::vec(op(), 1..12)) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("desk.db"), "山田").unwrap();
        // Records from before the session, which the actions may rename or delete.
        let mut seed = Store::open(store.path(), "前任者").unwrap();
        for n in ["既存商店", "既存工務店", "既存農園"] {
            seed.act("business.create", |tx| businesses::insert(tx, &new_business(n))).unwrap();
        }
        let original = snapshot(&store);
        for op in &ops {
            apply(&mut store, op);
        }
        while store.undo().unwrap().is_ok() {}
        prop_assert_eq!(snapshot(&store), original);
        store.conn().execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')", []).unwrap();
        prop_assert!(madoguchi::store::check::integrity(store.conn()).unwrap().is_empty());
    }
}

#[test]
fn undoing_an_edit_then_the_creation_before_it_works() {
    // Found by the property above: the undone edit counted as a later change and blocked the second `u`.
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("desk.db"), "山田").unwrap();
    let before = snapshot(&store);
    apply(&mut store, &Op::Create("田中商店".into()));
    apply(&mut store, &Op::Rename(0, "田中商店本店".into()));
    assert_eq!(store.undo().unwrap(), Ok("business.edit".to_string()));
    assert_eq!(store.undo().unwrap(), Ok("business.create".to_string()));
    assert_eq!(snapshot(&store), before);
}
