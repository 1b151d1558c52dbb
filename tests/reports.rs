//! The frequency tables: counts from `store::reports::freq` against direct SQL counts on a demo database, the
//! records behind each cell as many as the cell counts; the view with Japanese labels at 80x24 and 160x48, and
//! the export popup's form.

#[path = "support/reports.rs"]
mod support;

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use madoguchi::app::keymap::Key;
use madoguchi::app::{Action, App, Session, reduce};
use madoguchi::domain::fiscal_year::FiscalYear;
use madoguchi::screens::reports::Reply;
use madoguchi::store::reports::freq::{self, Cell, Field, Source};
use madoguchi::ui::frame;
use madoguchi::ui::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rusqlite::Connection;

fn demo() -> Connection {
    Connection::open(support::demo_db("reports-freq")).unwrap()
}

type Counts = BTreeMap<(Option<String>, Option<String>), i64>;

fn as_map(cells: &[Cell]) -> Counts {
    cells.iter().map(|c| ((c.row.clone(), c.col.clone()), c.count)).collect()
}

/// Counts written out in SQL by hand, independently of the field table.
fn direct(conn: &Connection, sql: &str) -> Counts {
    let mut st = conn.prepare(sql).unwrap();
    st.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?))).unwrap().map(Result::unwrap).collect()
}

#[test]
fn applications_by_theme_and_chamber_and_by_status_and_month_match_direct_sql() {
    let conn = demo();
    let got = freq::counts(&conn, Source::Dispatches, 2025, Field::Theme, Some(Field::Chamber)).unwrap();
    let want = direct(
        &conn,
        "SELECT printf('%02d', d.theme), o.name, COUNT(*) FROM dispatch d
         LEFT JOIN organisation o ON o.id = d.chamber_id WHERE d.fiscal_year = 2025 GROUP BY 1, 2",
    );
    assert_eq!(as_map(&got), want);
    assert!(want.keys().any(|(_, c)| c.is_none()), "the demo has applications received directly by the desk");
    let got = freq::counts(&conn, Source::Dispatches, 2025, Field::Status, Some(Field::Month)).unwrap();
    let want = direct(
        &conn,
        "SELECT status, substr(received_on, 1, 7), COUNT(*) FROM dispatch WHERE fiscal_year = 2025 GROUP BY 1, 2",
    );
    assert_eq!(as_map(&got), want);
    let got = freq::counts(&conn, Source::Events, 2025, Field::Kind, None).unwrap();
    let want = direct(&conn, "SELECT kind, NULL, COUNT(*) FROM event WHERE fiscal_year = 2025 GROUP BY 1");
    assert_eq!(as_map(&got), want);
    let got = freq::counts(&conn, Source::Claims, 2025, Field::Status, Some(Field::Organisation)).unwrap();
    let want = direct(
        &conn,
        "SELECT c.status, o.name, COUNT(*) FROM claim c JOIN organisation o ON o.id = c.organisation_id
         WHERE c.fiscal_year = 2025 GROUP BY 1, 2",
    );
    assert_eq!(as_map(&got), want);
    assert!(!want.is_empty(), "the demo has claims");
}

#[test]
fn every_field_pair_counts_each_record_once_and_each_cell_lists_its_records() {
    let conn = demo();
    for (source, table) in [(Source::Dispatches, "dispatch"), (Source::Events, "event"), (Source::Claims, "claim")] {
        let all: i64 = conn
            .query_row(&format!("SELECT COUNT(*) FROM {table} WHERE fiscal_year = 2025"), [], |r| r.get(0))
            .unwrap();
        for &rows in source.fields() {
            let cols = source.fields().iter().copied().filter(|c| *c != rows).map(Some).chain([None]);
            for cols in cols {
                let cells = freq::counts(&conn, source, 2025, rows, cols).unwrap();
                let total: i64 = cells.iter().map(|c| c.count).sum();
                assert_eq!(total, all, "{source:?} {rows:?} × {cols:?}");
                if cols.is_some() && rows != source.fields()[0] {
                    continue;
                }
                for c in &cells {
                    let found = freq::records(
                        &conn,
                        source,
                        2025,
                        (rows, c.row.as_deref()),
                        cols.map(|f| (f, c.col.as_deref())),
                        10_000,
                    )
                    .unwrap();
                    assert_eq!(found.len() as i64, c.count, "{source:?} {rows:?}={:?} × {cols:?}={:?}", c.row, c.col);
                }
            }
        }
    }
}

#[test]
fn an_application_record_is_labelled_with_its_number() {
    let conn = demo();
    let found = freq::records(&conn, Source::Dispatches, 2025, (Field::Theme, Some("01")), None, 3).unwrap();
    assert_eq!(found.len(), 3);
    let seq: u32 = conn.query_row("SELECT seq FROM dispatch WHERE id = ?1", [found[0].0], |r| r.get(0)).unwrap();
    assert!(found[0].1.starts_with(&format!("R7-{seq:04} ")), "{:?}", found[0]);
}

fn app(lang: Lang) -> App {
    App::new(Session {
        lang,
        today: NaiveDate::from_ymd_opt(2025, 11, 4).unwrap(),
        fy: Arc::new(FiscalYear::from_toml(include_str!("../assets/fiscal-years/2025.toml")).unwrap()),
        fallback_from: None,
        staff: "山田".into(),
        report_overdue_days: 30,
        color: false,
    })
}

fn cell(row: &str, col: Option<&str>, count: i64) -> Cell {
    Cell { row: Some(row.into()), col: col.map(String::from), count }
}

/// The frequency view of theme × chamber with wide names, an application received directly and a long theme.
fn freq_app() -> App {
    let mut a = app(Lang::Ja);
    reduce(&mut a, Action::Key(Key::Char('F')));
    let cells = vec![
        cell("01", Some("あさぎり町商工会"), 3),
        cell("01", Some("熊本商工会議所"), 12),
        cell("01", None, 4),
        cell("02", Some("熊本商工会議所"), 7),
        cell("05", Some("あさぎり町商工会"), 1),
        cell("07", Some("山都町商工会"), 2),
        cell("07", None, 1),
    ];
    reduce(&mut a, Action::Reports(Reply::Counts { generation: 1, cells }));
    reduce(&mut a, Action::Key(Key::Char('j')));
    reduce(&mut a, Action::Key(Key::Char('l')));
    a
}

fn draw(a: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| frame::draw(f, a)).unwrap();
    format!("{:?}", t.backend())
}

#[test]
fn frequency_view_80x24() {
    insta::assert_snapshot!(draw(&freq_app(), 80, 24));
}

#[test]
fn frequency_view_160x48() {
    insta::assert_snapshot!(draw(&freq_app(), 160, 48));
}

#[test]
fn frequency_records_of_a_cell_160x48() {
    let mut a = freq_app();
    reduce(&mut a, Action::Key(Key::Enter));
    let records = vec![(11, "R7-0011 ㈱髙橋菓子舗".to_string()), (12, "R7-0012 ｶﾌｪ ﾀﾅｶ".to_string())];
    reduce(&mut a, Action::Reports(Reply::Records { generation: 2, records }));
    insta::assert_snapshot!(draw(&a, 160, 48));
}

#[test]
fn export_popup_80x24_and_160x48() {
    let mut a = app(Lang::Ja);
    reduce(&mut a, Action::Key(Key::Char('X')));
    // The CSV choice shows its table field.
    reduce(&mut a, Action::Key(Key::Right));
    insta::assert_snapshot!("export_popup_80x24", draw(&a, 80, 24));
    insta::assert_snapshot!("export_popup_160x48", draw(&a, 160, 48));
}

#[test]
fn export_progress_and_result_80x24() {
    let mut a = app(Lang::Ja);
    reduce(&mut a, Action::Key(Key::Char('X')));
    let fx = reduce(&mut a, Action::Key(Key::Ctrl('s')));
    assert_eq!(fx.len(), 1, "one export asked of the worker: {fx:?}");
    reduce(&mut a, Action::Reports(Reply::Progress { done: 4, total: 10 }));
    insta::assert_snapshot!("export_progress_80x24", draw(&a, 80, 24));
    reduce(&mut a, Action::Reports(Reply::Exported(Ok("/home/desk/report-2025.xlsx".into()))));
    let screen = draw(&a, 80, 24);
    assert!(screen.contains("書き出しました") && screen.contains("/home/desk/report-2025.xlsx"), "{screen}");
}
