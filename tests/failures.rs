//! Storage failures on real SQLite files: a full disk, a read-only database and a database locked by another
//! console each give a clear message in ja and en, write nothing partial, and never hang.

#[path = "support/screen.rs"]
mod screen;

use std::time::Instant;

use madoguchi::app::keymap::Key;
use madoguchi::app::{Action, App};
use madoguchi::commands::console::dispatch;
use madoguchi::domain::records::NewBusiness;
use madoguchi::store::failure::Failure;
use madoguchi::store::{BUSY_TIMEOUT, Store, businesses, check};
use madoguchi::ui::i18n::{self, Lang};

fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("desk.db"), "山田").unwrap();
    (dir, store)
}

fn business(n: usize) -> NewBusiness {
    NewBusiness {
        name: format!("失敗試験商店{n}"),
        reading: "しっぱいしけんしょうてん".into(),
        // A long address, so a few hundred rows need many new pages.
        address: "熊本市中央区安政町".repeat(100),
        ..Default::default()
    }
}

/// Rows of the tables one action writes: businesses, actions, audit rows.
fn counts(store: &Store) -> (i64, i64, i64) {
    store
        .conn()
        .query_row(
            "SELECT (SELECT COUNT(*) FROM business), (SELECT COUNT(*) FROM action), (SELECT COUNT(*) FROM audit)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap()
}

fn add_many(store: &mut Store) -> anyhow::Result<()> {
    store.act("business.create", |tx| {
        for n in 0..300 {
            businesses::insert(tx, &business(n))?;
        }
        Ok(())
    })
}

#[test]
fn a_full_disk_is_a_clear_message_and_writes_nothing() {
    let (_dir, mut store) = temp_store();
    let before = counts(&store);
    let pages: i64 = store.conn().query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
    store.conn().pragma_update(None, "max_page_count", pages + 2).unwrap();
    let err = add_many(&mut store).unwrap_err();
    assert_eq!(Failure::of(&err), Some(Failure::DiskFull), "{err:#}");
    assert!(i18n::error(Lang::Ja, &err).contains("ディスクがいっぱい"), "{}", i18n::error(Lang::Ja, &err));
    assert!(i18n::error(Lang::En, &err).starts_with("the disk is full"), "{}", i18n::error(Lang::En, &err));
    assert_eq!(counts(&store), before, "nothing partial");
    assert!(check::integrity(store.conn()).unwrap().is_empty());
    // Space again: the same action now goes through.
    store.conn().pragma_update(None, "max_page_count", 1_073_741_823).unwrap();
    add_many(&mut store).unwrap();
    assert_eq!(counts(&store).0, before.0 + 300);
}

#[test]
fn a_read_only_database_is_a_clear_message_and_writes_nothing() {
    // CI runs as root, which ignores file modes: the connection itself is made read-only.
    let (dir, mut store) = temp_store();
    let before = counts(&store);
    store.conn().pragma_update(None, "query_only", true).unwrap();
    let err = add_many(&mut store).unwrap_err();
    assert_eq!(Failure::of(&err), Some(Failure::ReadOnly), "{err:#}");
    assert!(i18n::error(Lang::Ja, &err).contains("読み取り専用"), "{}", i18n::error(Lang::Ja, &err));
    assert!(i18n::error(Lang::En, &err).contains("read-only"), "{}", i18n::error(Lang::En, &err));
    store.conn().pragma_update(None, "query_only", false).unwrap();
    assert_eq!(counts(&store), before);

    // A connection opened read-only (as from a read-only medium) is recognised the same way.
    let ro =
        rusqlite::Connection::open_with_flags(dir.path().join("desk.db"), rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let err = anyhow::Error::from(ro.execute("DELETE FROM business", []).unwrap_err());
    assert_eq!(Failure::of(&err), Some(Failure::ReadOnly), "{err:#}");
}

#[test]
fn a_locked_database_fails_within_the_busy_timeout_with_a_clear_message() {
    let (dir, mut store) = temp_store();
    let before = counts(&store);
    let other = rusqlite::Connection::open(dir.path().join("desk.db")).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = Instant::now();
    let err = add_many(&mut store).unwrap_err();
    let waited = started.elapsed();
    assert!(waited >= BUSY_TIMEOUT.mul_f32(0.9), "waited for the other console: {waited:?}");
    assert!(waited < BUSY_TIMEOUT * 2, "no hang: {waited:?}");
    assert_eq!(Failure::of(&err), Some(Failure::Locked), "{err:#}");
    let ja = i18n::error(Lang::Ja, &err);
    assert!(ja.contains("他の端末") && ja.contains(&format!("{}秒", BUSY_TIMEOUT.as_secs())), "{ja}");
    assert!(i18n::error(Lang::En, &err).contains("another console"));
    other.execute_batch("ROLLBACK").unwrap();
    assert_eq!(counts(&store), before);
    add_many(&mut store).unwrap();
}

#[test]
fn a_failed_save_keeps_what_was_typed_in_the_form() {
    let (_dir, mut store) = temp_store();
    let session = screen::session(Lang::Ja);
    let mut app = App::new(session);
    dispatch(&mut app, &mut store, Action::Resize { list_rows: 10 });
    // The quick desk-consultation form: caller, then the content.
    for key in [Key::Char('c'), Key::Char('n'), Key::Tab] {
        dispatch(&mut app, &mut store, Action::Key(key));
    }
    for c in "阿蘇のカフェ".chars() {
        dispatch(&mut app, &mut store, Action::Key(Key::Char(c)));
    }
    for _ in 0..3 {
        dispatch(&mut app, &mut store, Action::Key(Key::Tab));
    }
    for c in "ホームページの相談".chars() {
        dispatch(&mut app, &mut store, Action::Key(Key::Char(c)));
    }
    let before = counts(&store);
    store.conn().pragma_update(None, "query_only", true).unwrap();
    dispatch(&mut app, &mut store, Action::Key(Key::Ctrl('s')));
    let (_, form) = app.form.as_ref().expect("the form stays open");
    assert_eq!(form.text("caller"), "阿蘇のカフェ");
    assert_eq!(form.text("content"), "ホームページの相談");
    assert_eq!(form.message.as_deref(), Some(i18n::backup(Lang::Ja).read_only));
    store.conn().pragma_update(None, "query_only", false).unwrap();
    assert_eq!(counts(&store), before, "nothing written");
    // Once the database can be written again, the same form saves.
    dispatch(&mut app, &mut store, Action::Key(Key::Ctrl('s')));
    assert!(app.form.is_none(), "saved: {:?}", app.form.as_ref().map(|f| &f.1.message));
    assert_eq!(counts(&store).1, before.1 + 1);
}
