//! The frequency tables: counts from `store::reports::freq` against direct SQL counts on a demo database, with
//! and without the list's filter, the records behind each cell as many as the cell counts and all in the
//! filtered list; the view with Japanese labels and its filter in the title at 80x24 and 160x48; `F` takes each
//! tab's filter; and the export popup's form.

#[path = "support/screen.rs"]
mod screen;

#[path = "support/reports.rs"]
mod support;

use std::collections::BTreeMap;

use madoguchi::app::keymap::Key;
use madoguchi::app::{Action, App, Effect, Tab, reduce};
use madoguchi::domain::model::DispatchStatus;
use madoguchi::screens::reports::{Load, Reply};
use madoguchi::store::Store;
use madoguchi::store::calendar::CalendarFilter;
use madoguchi::store::ledger::lists::LedgerFilter;
use madoguchi::store::lookup::HitKind;
use madoguchi::store::queue::{self, QueueFilter, RecordFilter};
use madoguchi::store::reports::freq::{self, Cell, Field, Listing};
use madoguchi::ui::frame;
use madoguchi::ui::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rusqlite::Connection;

/// The demo opened as the console opens it (with SQL's `fold()`, which the calendar's filter uses).
fn demo_store() -> Store {
    Store::open_existing(support::demo_db("reports-freq"), "テスト").unwrap()
}

fn applications(filter: QueueFilter) -> Listing {
    Listing::Applications(filter)
}

/// Every listing unfiltered, with its table.
fn unfiltered() -> [(Listing, &'static str); 4] {
    [
        (applications(QueueFilter::default()), "dispatch"),
        (Listing::Consultations(String::new()), "desk_consultation"),
        (Listing::Events(CalendarFilter::default()), "event"),
        (Listing::Claims(LedgerFilter::default()), "claim"),
    ]
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
    let store = demo_store();
    let conn = store.conn();
    let all = applications(QueueFilter::default());
    let got = freq::counts(conn, &all, 2025, Field::Theme, Some(Field::Chamber)).unwrap();
    let want = direct(
        conn,
        "SELECT printf('%02d', d.theme), o.name, COUNT(*) FROM dispatch d
         LEFT JOIN organisation o ON o.id = d.chamber_id WHERE d.fiscal_year = 2025 GROUP BY 1, 2",
    );
    assert_eq!(as_map(&got), want);
    assert!(want.keys().any(|(_, c)| c.is_none()), "the demo has applications received directly by the desk");
    let got = freq::counts(conn, &all, 2025, Field::Status, Some(Field::Month)).unwrap();
    let want = direct(
        conn,
        "SELECT status, substr(received_on, 1, 7), COUNT(*) FROM dispatch WHERE fiscal_year = 2025 GROUP BY 1, 2",
    );
    assert_eq!(as_map(&got), want);
    let got = freq::counts(conn, &Listing::Events(CalendarFilter::default()), 2025, Field::Kind, None).unwrap();
    let want = direct(conn, "SELECT kind, NULL, COUNT(*) FROM event WHERE fiscal_year = 2025 GROUP BY 1");
    assert_eq!(as_map(&got), want);
    let got =
        freq::counts(conn, &Listing::Claims(LedgerFilter::default()), 2025, Field::Status, Some(Field::Organisation))
            .unwrap();
    let want = direct(
        conn,
        "SELECT c.status, o.name, COUNT(*) FROM claim c JOIN organisation o ON o.id = c.organisation_id
         WHERE c.fiscal_year = 2025 GROUP BY 1, 2",
    );
    assert_eq!(as_map(&got), want);
    assert!(!want.is_empty(), "the demo has claims");
    let got =
        freq::counts(conn, &Listing::Consultations(String::new()), 2025, Field::Channel, Some(Field::Outcome)).unwrap();
    let want =
        direct(conn, "SELECT channel, outcome, COUNT(*) FROM desk_consultation WHERE fiscal_year = 2025 GROUP BY 1, 2");
    assert_eq!(as_map(&got), want);
    assert!(!want.is_empty(), "the demo has desk consultations");
}

#[test]
fn every_field_pair_counts_each_record_once_and_each_cell_lists_its_records() {
    let store = demo_store();
    let conn = store.conn();
    for (listing, table) in unfiltered() {
        let source = listing.source();
        let all: i64 = conn
            .query_row(&format!("SELECT COUNT(*) FROM {table} WHERE fiscal_year = 2025"), [], |r| r.get(0))
            .unwrap();
        for &rows in source.fields() {
            let cols = source.fields().iter().copied().filter(|c| *c != rows).map(Some).chain([None]);
            for cols in cols {
                let cells = freq::counts(conn, &listing, 2025, rows, cols).unwrap();
                let total: i64 = cells.iter().map(|c| c.count).sum();
                assert_eq!(total, all, "{source:?} {rows:?} × {cols:?}");
                if cols.is_some() && rows != source.fields()[0] {
                    continue;
                }
                for c in &cells {
                    let found = freq::records(
                        conn,
                        &listing,
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

/// The expert with the most closed applications of the year.
fn busiest_expert(conn: &Connection) -> (i64, String) {
    conn.query_row(
        "SELECT x.id, x.name FROM dispatch d JOIN expert x ON x.id = d.expert_id
         WHERE d.fiscal_year = 2025 AND d.status = 'closed' GROUP BY x.id ORDER BY COUNT(*) DESC, x.id LIMIT 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap()
}

/// Every record behind every cell, checked to be as many as the cell counts; returns their ids.
fn all_records(conn: &Connection, listing: &Listing, rows: Field, cols: Option<Field>) -> Vec<i64> {
    let mut ids = Vec::new();
    for c in freq::counts(conn, listing, 2025, rows, cols).unwrap() {
        let found =
            freq::records(conn, listing, 2025, (rows, c.row.as_deref()), cols.map(|f| (f, c.col.as_deref())), 10_000)
                .unwrap();
        assert_eq!(found.len() as i64, c.count, "{listing:?} {:?} × {:?}", c.row, c.col);
        ids.extend(found.into_iter().map(|(id, _)| id));
    }
    ids.sort_unstable();
    ids
}

#[test]
fn a_filtered_table_counts_only_what_the_filtered_list_shows() {
    let store = demo_store();
    let conn = store.conn();

    // Status and one expert's applications (from the lookup or the roster's card): written out in SQL.
    let (expert, name) = busiest_expert(conn);
    let filter = QueueFilter {
        status: Some(DispatchStatus::Closed),
        text: String::new(),
        record: Some(RecordFilter { kind: HitKind::Expert, id: expert, label: name }),
    };
    let got = freq::counts(conn, &applications(filter.clone()), 2025, Field::Theme, Some(Field::Chamber)).unwrap();
    let want = direct(
        conn,
        &format!(
            "SELECT printf('%02d', d.theme), o.name, COUNT(*) FROM dispatch d
             LEFT JOIN organisation o ON o.id = d.chamber_id
             WHERE d.fiscal_year = 2025 AND d.status = 'closed' AND d.expert_id = {expert} GROUP BY 1, 2"
        ),
    );
    assert_eq!(as_map(&got), want);
    let year: i64 = conn.query_row("SELECT COUNT(*) FROM dispatch WHERE fiscal_year = 2025", [], |r| r.get(0)).unwrap();
    let narrowed: i64 = want.values().sum();
    assert!(narrowed > 1 && narrowed < year, "the filter narrows: {narrowed} of {year}");

    // A typed text (looked up through the search index): the table holds exactly the list's rows.
    for text in ["キャンプ", "ｷｬﾝﾌﾟ", "わかば", "R7-0003"] {
        let filter = QueueFilter { text: text.into(), ..QueueFilter::default() };
        let query = queue::Query::new(2025, &filter);
        let list = query.count(conn).unwrap();
        let mut shown: Vec<i64> = query.page(conn, 0, list).unwrap().into_iter().map(|r| r.id).collect();
        shown.sort_unstable();
        assert!(!shown.is_empty() && (shown.len() as i64) < year, "{text}: {} of {year}", shown.len());
        assert_eq!(all_records(conn, &applications(filter), Field::Status, Some(Field::Month)), shown, "{text}");
    }

    // The calendar's filter, folded: half-width ｾﾐﾅｰ finds セミナー in titles and venues.
    let got = freq::counts(
        conn,
        &Listing::Events(CalendarFilter { text: "ｾﾐﾅｰ".into(), visits: true }),
        2025,
        Field::Kind,
        Some(Field::Month),
    )
    .unwrap();
    let want = direct(
        conn,
        "SELECT kind, substr(event_date, 1, 7), COUNT(*) FROM event
         WHERE fiscal_year = 2025 AND (title LIKE '%セミナー%' OR venue_name LIKE '%セミナー%') GROUP BY 1, 2",
    );
    assert_eq!(as_map(&got), want);
    assert!(!want.is_empty());

    // The ledger's filter: unpaid claims of one organisation.
    let ledger = LedgerFilter { text: "あさぎり".into(), unpaid_only: true };
    let got = freq::counts(conn, &Listing::Claims(ledger), 2025, Field::Status, Some(Field::Month)).unwrap();
    let want = direct(
        conn,
        "SELECT c.status, substr(c.claimed_on, 1, 7), COUNT(*) FROM claim c
         JOIN organisation o ON o.id = c.organisation_id JOIN event e ON e.id = c.event_id
         WHERE c.fiscal_year = 2025 AND c.status <> 'paid'
           AND (o.name LIKE '%あさぎり%' OR e.title LIKE '%あさぎり%' OR e.venue_name LIKE '%あさぎり%'
                OR c.receipt_ref LIKE '%あさぎり%')
         GROUP BY 1, 2",
    );
    assert_eq!(as_map(&got), want);
    let got = freq::counts(
        conn,
        &Listing::Claims(LedgerFilter { text: String::new(), unpaid_only: true }),
        2025,
        Field::Status,
        None,
    )
    .unwrap();
    let want = direct(
        conn,
        "SELECT status, NULL, COUNT(*) FROM claim WHERE fiscal_year = 2025 AND status <> 'paid' GROUP BY 1",
    );
    assert_eq!(as_map(&got), want);
    assert!(!want.is_empty(), "the demo has unpaid claims");

    // The consultations' filter (caller, content, phone, business): the list's own count.
    let text = "甲斐";
    let list = madoguchi::store::consultations::count(conn, 2025, text).unwrap();
    let mut shown: Vec<i64> =
        madoguchi::store::consultations::page(conn, 2025, text, 0, list).unwrap().into_iter().map(|r| r.id).collect();
    shown.sort_unstable();
    assert!(!shown.is_empty());
    let listing = Listing::Consultations(text.into());
    assert_eq!(all_records(conn, &listing, Field::Channel, Some(Field::Outcome)), shown);
    let want = direct(
        conn,
        &format!(
            "SELECT channel, NULL, COUNT(*) FROM desk_consultation WHERE id IN ({}) GROUP BY 1",
            shown.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
        ),
    );
    assert_eq!(as_map(&freq::counts(conn, &listing, 2025, Field::Channel, None).unwrap()), want);
}

#[test]
fn a_record_chosen_in_a_filtered_table_is_found_at_its_row_of_the_filtered_list() {
    let store = demo_store();
    let conn = store.conn();
    let filter = QueueFilter { status: Some(DispatchStatus::Rejected), ..QueueFilter::default() };
    let query = queue::Query::new(2025, &filter);
    let rows = query.page(conn, 0, query.count(conn).unwrap()).unwrap();
    assert!(rows.len() > 3);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(freq::queue_position(conn, 2025, &filter, row.id).unwrap(), Some(i), "{}", row.number);
    }
    let other: i64 = conn
        .query_row("SELECT id FROM dispatch WHERE fiscal_year = 2025 AND status <> 'rejected' LIMIT 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(freq::queue_position(conn, 2025, &filter, other).unwrap(), None, "not in the filtered list");
}

#[test]
fn an_application_record_is_labelled_with_its_number() {
    let store = demo_store();
    let conn = store.conn();
    let all = applications(QueueFilter::default());
    let found = freq::records(conn, &all, 2025, (Field::Theme, Some("01")), None, 3).unwrap();
    assert_eq!(found.len(), 3);
    let seq: u32 = conn.query_row("SELECT seq FROM dispatch WHERE id = ?1", [found[0].0], |r| r.get(0)).unwrap();
    assert!(found[0].1.starts_with(&format!("R7-{seq:04} ")), "{:?}", found[0]);
}

fn app(lang: Lang) -> App {
    App::new(screen::session(lang))
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

fn key(a: &mut App, k: Key) -> Vec<Effect> {
    reduce(a, Action::Key(k))
}

fn type_text(a: &mut App, text: &str) {
    for ch in text.chars() {
        key(a, Key::Char(ch));
    }
}

/// The list `F` asked to count.
fn counted(fx: &[Effect]) -> Listing {
    match fx {
        [Effect::Reports(Load::Counts { listing, .. })] => listing.clone(),
        _ => panic!("one count asked: {fx:?}"),
    }
}

/// Tab 1 filtered by status 承認 and the text 阿蘇, then `F`.
fn filtered_freq_app() -> (App, QueueFilter) {
    let mut a = app(Lang::Ja);
    for _ in 0..20 {
        if a.queue.filter.status == Some(DispatchStatus::Approved) {
            break;
        }
        key(&mut a, Key::Char('s'));
    }
    key(&mut a, Key::Char('/'));
    type_text(&mut a, "阿蘇");
    key(&mut a, Key::Enter);
    let filter = QueueFilter { status: Some(DispatchStatus::Approved), text: "阿蘇".into(), record: None };
    assert_eq!(a.queue.filter, filter);
    let fx = key(&mut a, Key::Char('F'));
    assert_eq!(counted(&fx), Listing::Applications(filter.clone()));
    (a, filter)
}

#[test]
fn f_counts_each_tab_s_list_as_it_is_filtered() {
    let (mut a, _) = filtered_freq_app();
    key(&mut a, Key::Char('q'));
    assert!(a.reports.freq.is_none());

    // The desk consultations, with their own filter.
    key(&mut a, Key::Char('c'));
    key(&mut a, Key::Char('/'));
    type_text(&mut a, "たなか");
    key(&mut a, Key::Enter);
    assert_eq!(counted(&key(&mut a, Key::Char('F'))), Listing::Consultations("たなか".into()));
    key(&mut a, Key::Char('q'));

    // Tab 2: the year's applications, or those of the open card's record (as `a` shows them).
    key(&mut a, Key::Char('2'));
    assert_eq!(a.tab, Tab::Roster);
    assert_eq!(counted(&key(&mut a, Key::Char('F'))), Listing::Applications(QueueFilter::default()));
    key(&mut a, Key::Char('q'));
    a.roster.card = Some(madoguchi::screens::roster::Card::Organisation(Box::new(
        madoguchi::store::roster::cards::OrganisationCard {
            id: 7,
            kind: madoguchi::domain::model::OrganisationKind::Shokokai,
            name: "阿蘇市商工会".into(),
            reading: "あそししょうこうかい".into(),
            municipality: None,
            address: String::new(),
            phone: String::new(),
            email: String::new(),
            retired_on: None,
            merged_into: None,
            row_version: 1,
            staff: Vec::new(),
            covers: Vec::new(),
            desk_staff: Vec::new(),
        },
    )));
    let record = RecordFilter { kind: HitKind::Organisation, id: 7, label: "阿蘇市商工会".into() };
    let fx = key(&mut a, Key::Char('F'));
    assert_eq!(counted(&fx), Listing::Applications(QueueFilter { record: Some(record), ..QueueFilter::default() }));
    key(&mut a, Key::Char('q'));

    // Tab 3: the calendar's filter.
    key(&mut a, Key::Char('3'));
    key(&mut a, Key::Char('/'));
    type_text(&mut a, "ｾﾐﾅｰ");
    key(&mut a, Key::Enter);
    match counted(&key(&mut a, Key::Char('F'))) {
        Listing::Events(f) => assert_eq!(f.text, "ｾﾐﾅｰ"),
        other => panic!("{other:?}"),
    }
    key(&mut a, Key::Char('q'));

    // Tab 4: the ledger's filter (unpaid only, a text).
    key(&mut a, Key::Char('4'));
    key(&mut a, Key::Char('s'));
    key(&mut a, Key::Char('/'));
    type_text(&mut a, "あさぎり");
    key(&mut a, Key::Enter);
    let fx = key(&mut a, Key::Char('F'));
    assert_eq!(counted(&fx), Listing::Claims(LedgerFilter { text: "あさぎり".into(), unpaid_only: true }));
}

#[test]
fn a_record_of_a_filtered_table_opens_in_the_list_filtered_alike() {
    let (mut a, filter) = filtered_freq_app();
    let generation = 1;
    reduce(&mut a, Action::Reports(Reply::Counts { generation, cells: vec![cell("03", Some("阿蘇市商工会"), 1)] }));
    let fx = key(&mut a, Key::Enter);
    assert!(
        matches!(&fx[..], [Effect::Reports(Load::Records { listing: Listing::Applications(f), .. })] if *f == filter),
        "{fx:?}"
    );
    reduce(&mut a, Action::Reports(Reply::Records { generation: 2, records: vec![(41, "R7-0041 阿蘇観光".into())] }));
    let fx = key(&mut a, Key::Enter);
    assert_eq!(fx, vec![Effect::Reports(Load::Locate { filter: filter.clone(), dispatch_id: 41 })]);
    assert!(a.reports.freq.is_none());
    assert_eq!(a.tab, Tab::Applications);
    // Found at row 2 of the filtered list: the queue keeps the filter and selects it.
    let position = Some(2);
    let fx = reduce(&mut a, Action::Reports(Reply::Located { filter: filter.clone(), dispatch_id: 41, position }));
    assert_eq!(a.queue.filter, filter);
    assert_eq!(a.queue.pager.selected, 2);
    assert!(matches!(&fx[..], [Effect::LoadQueuePage { filter: f, .. }] if *f == filter), "{fx:?}");
    // Gone from the filter meanwhile: the unfiltered list shows it.
    let fx = reduce(&mut a, Action::Reports(Reply::Located { filter, dispatch_id: 41, position: None }));
    assert_eq!(fx, vec![Effect::Locate { dispatch_id: 41 }]);
}

#[test]
fn frequency_view_with_the_list_s_filter_in_its_title_80x24() {
    let (mut a, _) = filtered_freq_app();
    let cells = vec![cell("03", Some("阿蘇市商工会"), 2), cell("03", None, 1), cell("06", Some("南阿蘇村商工会"), 1)];
    reduce(&mut a, Action::Reports(Reply::Counts { generation: 1, cells }));
    let screen = draw(&a, 80, 24);
    assert!(screen.contains("集計表 — 申請 (状態: 承認, 「阿蘇」)"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn a_filter_that_holds_nothing_says_so() {
    let (mut a, _) = filtered_freq_app();
    reduce(&mut a, Action::Reports(Reply::Counts { generation: 1, cells: Vec::new() }));
    let screen = draw(&a, 80, 24);
    assert!(screen.contains("この絞り込みに当たる記録はありません"), "{screen}");
}
