//! A record's history (issue 10): the audit trail read back from a real SQLite file and shown in the popup.

#[path = "support/screen.rs"]
mod screen;

use madoguchi::app::keymap::Key;
use madoguchi::app::{Action, App, Popup, Tab};
use madoguchi::commands::console::dispatch;
use madoguchi::domain::model::LegalForm;
use madoguchi::domain::records::NewBusiness;
use madoguchi::store::{Store, audit, businesses};
use madoguchi::ui::frame;
use madoguchi::ui::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn business() -> NewBusiness {
    NewBusiness {
        name: "ｶﾌｪ ﾀﾅｶ".into(),
        reading: "かふぇたなか".into(),
        legal_form: Some(LegalForm::KabushikiKaisha),
        phone: "096-123-4567".into(),
        ..Default::default()
    }
}

/// A store with one business created by 山田 and renamed by 佐藤.
fn store_with_a_renamed_business(dir: &std::path::Path) -> (Store, i64) {
    let path = dir.join("desk.db");
    let mut store = Store::open(&path, "山田").unwrap();
    let id = store.act("事業者を登録", |tx| businesses::insert(tx, &business())).unwrap();
    drop(store);
    let mut store = Store::open(&path, "佐藤").unwrap();
    store
        .act("事業者を編集", |tx| {
            tx.execute("UPDATE business SET name = 'カフェ田中', row_version = row_version + 1 WHERE id = ?1", [id])?;
            Ok(())
        })
        .unwrap();
    (store, id)
}

#[test]
fn changes_say_who_when_and_each_field_before_and_after_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let (store, id) = store_with_a_renamed_business(dir.path());
    let changes = audit::changes(store.conn(), "business", id, 10).unwrap();
    assert_eq!(changes.len(), 2, "{changes:?}");
    let rename = &changes[0];
    assert_eq!(
        (rename.staff.as_deref(), rename.label.as_deref(), rename.op.as_str()),
        (Some("佐藤"), Some("事業者を編集"), "update")
    );
    assert_eq!(rename.fields, vec![("name".to_string(), Some("ｶﾌｪ ﾀﾅｶ".to_string()), Some("カフェ田中".to_string()))]);
    let created = &changes[1];
    assert_eq!((created.staff.as_deref(), created.op.as_str()), (Some("山田"), "insert"));
    assert!(created.fields.iter().any(|(c, _, a)| c == "phone" && a.as_deref() == Some("096-123-4567")));
    assert_eq!(audit::changes(store.conn(), "business", id, 1).unwrap().len(), 1, "the limit holds");
}

#[test]
fn h_on_a_roster_business_opens_its_history_and_esc_closes_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, id) = store_with_a_renamed_business(dir.path());
    let mut app = App::new(screen::session(Lang::Ja));
    dispatch(&mut app, &mut store, Action::Resize { list_rows: 20 });
    dispatch(&mut app, &mut store, Action::Key(Key::Char('2')));
    dispatch(&mut app, &mut store, Action::Key(Key::Char('v')));
    assert_eq!(app.tab, Tab::Roster);
    assert_eq!(app.selected_record(), Some(("business", id)));
    dispatch(&mut app, &mut store, Action::Key(Key::Char('H')));
    let Some(Popup::History { record, changes: Some(changes), .. }) = app.popups.last() else {
        panic!("{:?}", app.popups)
    };
    assert_eq!((*record, changes.len()), (("business", id), 2));
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| frame::draw(f, &app)).unwrap();
    let screen = terminal.backend().to_string();
    assert!(screen.contains(&format!("変更履歴: 事業者 #{id}")), "{screen}");
    assert!(screen.contains("佐藤") && screen.contains("変更") && screen.contains("事業者を編集"), "{screen}");
    assert!(screen.contains("名称・氏名: カフェ タナカ → カフェ田中"), "{screen}");
    dispatch(&mut app, &mut store, Action::Key(Key::Esc));
    assert!(app.popups.is_empty());
}
