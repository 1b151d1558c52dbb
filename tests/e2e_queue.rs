//! End to end, the applications queue in a pseudo-terminal on a database made by `demo --out`: create an
//! application, add visits until the 6th is refused with R-D1 and then accepted with an override reason,
//! reject another with two grounds, record a desk consultation and turn it into an application, quit, reopen
//! and find it all.

mod common;

use common::{Console, run_ok};

const ESC: &str = "\x1b";
const TAB: &str = "\t";
const ENTER: &str = "\r";
const CTRL_S: &str = "\x13";

fn names(db: &std::path::Path) -> (String, String) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let business: String = conn
        .query_row("SELECT name FROM business WHERE municipality_id IS NOT NULL ORDER BY id LIMIT 1", [], |r| r.get(0))
        .unwrap();
    let expert: String = conn
        .query_row("SELECT name FROM expert WHERE retired_on IS NULL ORDER BY id LIMIT 1", [], |r| r.get(0))
        .unwrap();
    (business, expert)
}

/// Types `query` into the focused record field, waits for `name` among the candidates and picks it.
fn pick(c: &mut Console, query: &str, name: &str) {
    c.send(query);
    // A candidate line of the picker: indented under the field's value inside the form.
    // Candidates are cleared on every change of the text, so candidates drawn with the whole query in the focused
    // field are that query's (those of a partly typed query may list the same name).
    let candidate = format!("{}{name}", " ".repeat(24));
    c.wait_until(&format!("candidate {name}"), |s| {
        s.lines().any(|l| l.contains("│>") && l.contains(query)) && s.lines().any(|l| l.contains(&candidate))
    });
    c.send(ENTER);
    c.wait_for("✓");
}

#[test]
fn the_desk_day_from_form_1_to_reopening() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("desk.db");
    let dbs = db.to_str().unwrap();
    run_ok(home.path(), &["demo", "--scale", "1", "--out", dbs]);
    let (business, expert) = names(&db);
    let args = ["--db", dbs, "--today", "2025-11-04"];
    let mut c = Console::start(home.path(), &args, 160, 48);
    c.wait_for("R7-0300");

    // A new application (Form 1).
    c.send("n");
    c.wait_for("新規申請");
    pick(&mut c, &business, &business);
    // chamber, guidance officer, received, theme, two sections: the consultation details.
    c.send(&TAB.repeat(6));
    c.send("在庫管理をクラウド化したい");
    c.send(CTRL_S);
    c.wait_for("R7-0301 保存しました");
    c.wait_for("│R7-0301  2025-11-04 (R7.11.4)  受付");

    // Review, then approval with an expert.
    c.send("t");
    c.wait_for("状態の変更");
    c.send(CTRL_S);
    c.wait_for("│R7-0301  2025-11-04 (R7.11.4)  審査中");
    c.send("t");
    c.wait_for("状態の変更");
    c.send(&TAB.repeat(2));
    pick(&mut c, &expert, &expert);
    c.send(CTRL_S);
    c.wait_until("approved", |s| s.contains("保存しました") && s.contains(&format!("専門家: {expert}")));

    // Five visits of two hours are within R-D1.
    for n in 1..=5 {
        c.send("v");
        c.wait_for("派遣の追加");
        c.send(CTRL_S);
        c.wait_for(&format!("残り {}.0時間・{}回", 15 - 2 * n, 5 - n));
    }
    // The sixth is refused with R-D1, the form keeps its input and asks for an override reason.
    c.send("v");
    c.wait_for("派遣の追加");
    c.send(CTRL_S);
    let screen = c.wait_for("R-D1: この申請の派遣は既に5回です (上限5回)");
    assert!(screen.contains("例外承認の理由"), "{screen}");
    c.send("年度末の導入期限に間に合わせるため (所長承認)");
    c.send(CTRL_S);
    let screen = c.wait_for("R-D1 例外承認: 年度末の導入期限に間に合わせるため");
    assert!(screen.contains("残り 3.0時間・0回"), "{screen}");

    // Reject another application under review with grounds 1 and 7.
    c.send("s");
    c.send("s");
    c.wait_until("an application under review with its detail", |s| {
        s.contains("[審査中]") && s.lines().any(|l| l.contains("│R7-") && l.contains(")  審査中"))
    });
    c.send("x");
    c.wait_for("否決 (R-D5)");
    c.send("17");
    c.send(CTRL_S);
    c.wait_for("保存しました");
    c.send("s".repeat(7).as_str());
    c.wait_for("[すべて]");

    // A desk consultation becomes an application with its content prefilled.
    c.send("c");
    c.wait_for("[窓口相談]");
    c.send("n");
    c.wait_for("窓口相談の記録");
    c.send(TAB);
    c.send("ﾀﾅｶ様");
    c.send(TAB);
    c.send("０９６－１２３－４５６７");
    c.send(TAB);
    pick(&mut c, &business, &business);
    c.send("ECサイトの立ち上げ相談");
    c.send(TAB);
    c.send("\x1b[C"); // → to 専門家派遣へ
    c.wait_for("< 専門家派遣へ >");
    c.send(CTRL_S);
    let screen = c.wait_for("新規申請");
    assert!(screen.contains("ECサイトの立ち上げ相談"), "content carried over:\n{screen}");
    c.send(CTRL_S);
    c.wait_for("R7-0302 保存しました");

    // A business registered inline from Form 1: the same name as an existing one is flagged first.
    c.wait_until("the new application's detail", |s| s.contains("│R7-0302  "));
    c.send("n");
    c.wait_for("新規申請");
    c.send(&business);
    c.wait_for("を新しい事業者として登録");
    c.send(&"\x1b[B".repeat(9));
    c.send(ENTER);
    c.wait_for("フリガナ (よみ)");
    c.send("やまだてっこうしょ");
    c.send(TAB);
    c.send("0964-00-0000");
    c.send(TAB);
    c.send(TAB);
    c.send("宇土");
    c.send(CTRL_S);
    let screen = c.wait_for("似た事業者が登録済みです");
    assert!(screen.contains(&business), "{screen}");
    c.send(CTRL_S);
    c.wait_for("R7-0303 保存しました");
    c.send("q");
    assert!(c.wait_exit());

    // Reopen: everything is there.
    let mut c = Console::start(home.path(), &args, 160, 48);
    let screen = c.wait_for("R7-0303");
    assert!(screen.contains("303件"), "{screen}");
    c.send("jj");
    let screen = c.wait_for("R-D1 例外承認");
    assert!(screen.contains("R7-0301") && screen.contains("6/5"), "{screen}");
    c.send("c");
    // Drawn full-width (half-width katakana are normalised for display), stored as typed.
    c.wait_until("the consultation linked to R7-0302", |s| {
        s.lines().any(|l| l.contains("タナカ様") && l.contains("専門家派遣へ") && l.contains("R7-0302"))
    });
    // Edit it: the form opens with what was stored; the list shows the change.
    c.send("e");
    // Waiting for both: a frame may be read half drawn.
    c.wait_until("the form with the stored content", |s| {
        s.contains("窓口相談の記録") && s.contains("ECサイトの立ち上げ相談")
    });
    c.send(TAB);
    c.send("\x15田中 一郎");
    c.send(CTRL_S);
    c.wait_until("the edited caller", |s| s.lines().any(|l| l.contains("田中 一郎") && l.contains("R7-0302")));
    c.send(ESC);
    c.send("q");
    assert!(c.wait_exit());
    let conn = rusqlite::Connection::open(&db).unwrap();
    let grounds: String = conn
        .query_row(
            "SELECT group_concat(g.ground) FROM rejection_ground g JOIN dispatch d ON d.id = g.dispatch_id
             WHERE d.status = 'rejected' AND d.id = (SELECT DISTINCT au.record_id FROM action a
                 JOIN audit au ON au.action_id = a.id AND au.tbl = 'dispatch' WHERE a.label = 'dispatch.reject')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(grounds, "1,7");
    let caller: String =
        conn.query_row("SELECT caller_name FROM desk_consultation ORDER BY id DESC LIMIT 1", [], |r| r.get(0)).unwrap();
    assert_eq!(caller, "田中 一郎", "edited after reopening");
    let staff_actions: i64 = conn.query_row("SELECT COUNT(*) FROM action", [], |r| r.get(0)).unwrap();
    assert!(staff_actions >= 12, "each save is one audited action: {staff_actions}");
    let same_name: i64 =
        conn.query_row("SELECT COUNT(*) FROM business WHERE name = ?1", [&business], |r| r.get(0)).unwrap();
    assert_eq!(same_name, 2, "registered after the duplicate warning");
    let (muni, phone): (String, String) = conn
        .query_row(
            "SELECT m.name, b.phone FROM business b JOIN municipality m ON m.id = b.municipality_id ORDER BY b.id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((muni.as_str(), phone.as_str()), ("宇土市", "0964-00-0000"));
    let out = run_ok(home.path(), &["--db", dbs, "check", "--lang", "en"]);
    assert!(out.contains("no problems"), "overrides make the 6th visit legal for check too:\n{out}");
}

/// The facts of an application in the demo to edit visits of: visiting, with a chamber, its guidance officer and
/// an expert, all visits before "today" and room under R-D1 for one more visit of two hours.
fn visiting(db: &std::path::Path) -> (String, i64, Option<i64>, i64) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(
        "SELECT d.fiscal_year, d.seq, d.id, d.guidance_officer_id, d.expert_id FROM dispatch d
         WHERE d.status = 'visiting' AND d.chamber_id IS NOT NULL AND d.guidance_officer_id IS NOT NULL
           AND d.expert_id IS NOT NULL
           AND (SELECT COUNT(*) FROM visit v WHERE v.dispatch_id = d.id) BETWEEN 1 AND 3
           AND (SELECT SUM(v.end_min - v.start_min) FROM visit v WHERE v.dispatch_id = d.id) <= 600
           AND (SELECT MAX(v.visit_date) FROM visit v WHERE v.dispatch_id = d.id) < '2025-11-04'
         ORDER BY d.seq LIMIT 1",
        [],
        |r| {
            let (fy, seq): (i32, u32) = (r.get(0)?, r.get(1)?);
            Ok((format!("R{}-{seq:04}", fy - 2018), r.get(2)?, r.get(3)?, r.get(4)?))
        },
    )
    .unwrap()
}

#[test]
fn a_visit_is_added_with_the_assigned_officer_edited_removed_and_brought_back() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("desk.db");
    let dbs = db.to_str().unwrap();
    run_ok(home.path(), &["demo", "--scale", "1", "--out", dbs]);
    let (number, id, officer, expert) = visiting(&db);
    let args = ["--db", dbs, "--today", "2025-11-04"];
    let mut c = Console::start(home.path(), &args, 160, 48);
    c.wait_for("R7-0300");
    c.send("/");
    c.send(&number);
    c.send(ENTER);
    c.wait_until("the application's detail", |s| s.contains("1件") && s.contains(&format!("│{number}  20")));

    // A new visit proposes the chamber's assigned guidance officer (R-D3).
    c.send("v");
    // (Waiting for both: a screen read mid-redraw may show the title before the fields.)
    c.wait_until("the visit form with the assigned officer", |s| {
        s.contains("派遣の追加") && s.contains("(経営指導員) >")
    });
    c.send(CTRL_S);
    c.wait_for("2025-11-04 (R7.11.4) 10:00-12:00 2.0h");

    // Enter opens the detail; G chooses the last visit by date (the new one); e edits it.
    c.send(ENTER);
    c.wait_for("j/k 派遣を選ぶ");
    c.send("G");
    c.wait_until("the new visit chosen", |s| {
        s.lines().any(|l| l.contains(">") && l.contains(". 2025-11-04 (R7.11.4)"))
    });
    c.send("e");
    c.wait_for("派遣の編集");
    c.send(&TAB.repeat(2));
    c.send("\x1511:00");
    c.send(CTRL_S);
    c.wait_for("2025-11-04 (R7.11.4) 10:00-11:00 1.0h");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (end, staff, visit_expert): (i64, Option<i64>, Option<i64>) = conn
        .query_row(
            "SELECT end_min, accompanying_staff_id, expert_id FROM visit WHERE dispatch_id = ?1 AND visit_date = '2025-11-04'",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((end, staff, visit_expert), (660, officer, Some(expert)), "edited; officer and expert recorded");

    // d asks first, Ctrl-S removes; u brings it back.
    c.send("d");
    c.wait_for("を削除 (Ctrl-S 削除・Esc 戻る)");
    c.send(CTRL_S);
    c.wait_until("the visit removed", |s| s.contains("保存しました") && !s.contains("2025-11-04 (R7.11.4) 10:00"));
    c.send("u");
    c.wait_for("取り消しました: 派遣の削除");
    c.wait_for("2025-11-04 (R7.11.4) 10:00-11:00 1.0h");
    c.send(ESC);
    c.send(ESC);
    c.send("q");
    assert!(c.wait_exit());
    let labels: Vec<String> = conn
        .prepare("SELECT label FROM action WHERE label LIKE '%visit%' ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        labels,
        ["dispatch.add_visit", "dispatch.edit_visit", "dispatch.remove_visit", "undo:dispatch.remove_visit"],
        "one audited action each"
    );
}

#[test]
fn form_1_offers_the_chosen_chambers_guidance_officers() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("desk.db");
    let dbs = db.to_str().unwrap();
    run_ok(home.path(), &["demo", "--scale", "1", "--out", dbs]);
    let (business, _) = names(&db);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (chamber, officer): (String, String) = conn
        .query_row(
            "SELECT o.name, s.name FROM organisation_staff s JOIN organisation o ON o.id = s.organisation_id
             WHERE s.role = 'guidance_officer' AND s.retired_on IS NULL ORDER BY o.id, s.reading, s.id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let args = ["--db", dbs, "--today", "2025-11-04"];
    let mut c = Console::start(home.path(), &args, 160, 48);
    c.wait_for("R7-0300");
    c.send("n");
    c.wait_for("新規申請");
    pick(&mut c, &business, &business);
    pick(&mut c, &chamber, &chamber);
    c.wait_for(&format!("< {officer} (経営指導員) >"));
    c.send(CTRL_S);
    c.wait_for("R7-0301 保存しました");
    let screen = c.wait_for(&format!("担当指導員: {officer}"));
    assert!(screen.contains(&chamber), "{screen}");
    c.send("q");
    assert!(c.wait_exit());
    let recorded: String = conn
        .query_row(
            "SELECT s.name FROM dispatch d JOIN organisation_staff s ON s.id = d.guidance_officer_id WHERE d.seq = 301",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(recorded, officer);
}
