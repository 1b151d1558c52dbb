//! End to end, the global lookup (Ctrl-K) in a pseudo-terminal: half-width katakana, romaji, a phone number
//! without hyphens and an application number each find their record; Enter lands on it; Esc restores the
//! screen exactly, also from inside a form.

mod common;

use common::{Console, run_ok};

const CTRL_K: &str = "\x0b";
const ESC: &str = "\x1b";
const CTRL_U: &str = "\x15";

/// Full-width katakana to half-width (the way callers' names arrive from older systems).
fn half_width(s: &str) -> String {
    const FULL: &str = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォッャュョー";
    const HALF: &str = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｯｬｭｮｰ";
    const VOICED: &str = "ガギグゲゴザジズゼゾダヂヅデドバビブベボ";
    const VOICED_BASE: &str = "ｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ";
    const SEMI: &str = "パピプペポ";
    const SEMI_BASE: &str = "ﾊﾋﾌﾍﾎ";
    let mut out = String::new();
    for c in s.chars() {
        if let Some(i) = FULL.chars().position(|x| x == c) {
            out.push(HALF.chars().nth(i).unwrap());
        } else if let Some(i) = VOICED.chars().position(|x| x == c) {
            out.push(VOICED_BASE.chars().nth(i).unwrap());
            out.push('ﾞ');
        } else if let Some(i) = SEMI.chars().position(|x| x == c) {
            out.push(SEMI_BASE.chars().nth(i).unwrap());
            out.push('ﾟ');
        } else {
            out.push(c);
        }
    }
    out
}

/// The screen's text without trailing blanks (cells redrawn as spaces read the same as never written).
fn trimmed(s: &str) -> String {
    s.lines().map(str::trim_end).collect::<Vec<_>>().join("\n")
}

/// The first row of the lookup's business group.
fn first_business(screen: &str) -> Option<&str> {
    let mut lines = screen.lines();
    lines.find(|l| l.contains("事業者 ("))?;
    lines.next()
}

#[test]
fn lookup_finds_what_the_caller_says() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("desk.db");
    let dbs = db.to_str().unwrap();
    run_ok(home.path(), &["demo", "--out", dbs]);
    let conn = rusqlite::Connection::open(&db).unwrap();
    // A business with a kana reading, a phone and an application.
    let (name, reading, phone): (String, String, String) = conn
        .query_row(
            "SELECT b.name, b.reading, b.phone FROM business b JOIN dispatch d ON d.business_id = b.id
             WHERE b.reading <> '' AND b.phone <> '' AND length(b.reading) BETWEEN 4 AND 12 ORDER BY b.id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    drop(conn);
    let katakana = wana_kana::ConvertJapanese::to_katakana(reading.as_str());
    let romaji = wana_kana::ConvertJapanese::to_romaji(reading.as_str());
    let digits: String = phone.chars().filter(|c| c.is_ascii_digit()).collect();
    let shown = |s: &str| s.contains(&name) || s.contains(&name.replace("㈱", "(株)"));

    let mut c = Console::start(home.path(), &["--db", dbs, "--today", "2025-11-04"], 160, 48);
    // The start-up backup's status arrives from its own thread: wait for it so the screen is settled.
    let before = c.wait_until("the list with its detail and the backup status", |s| {
        s.contains("R7-0300") && s.contains("【決定・報告】") && s.contains("バックアップ 0分前")
    });

    for query in [half_width(&katakana), romaji.clone(), digits.clone()] {
        c.send(CTRL_K);
        c.wait_for("検索 (Ctrl-K)");
        c.send(&query);
        c.wait_until(&format!("{name} found for {query}"), |s| s.contains("事業者 (") && shown(s));
        c.send(CTRL_U);
        c.send(ESC);
        // Esc restores exactly the screen that was there.
        c.wait_until("the screen from before the lookup", |s| trimmed(s) == trimmed(&before));
    }

    // An application number: Enter lands on it in the queue.
    c.send(CTRL_K);
    c.wait_for("検索 (Ctrl-K)");
    c.send("R7-12");
    c.wait_for("申請 (1)");
    c.send("\r");
    let screen = c.wait_until("R7-0012 selected", |s| !s.contains("検索 (Ctrl-K)") && s.contains("│R7-0012  "));
    assert!(screen.contains("【申請】"), "{screen}");

    // The half-width name again; Enter opens the business's card on the roster, and b there shows its
    // applications on tab 1.
    c.send(CTRL_K);
    c.send(&half_width(&katakana));
    // Results follow the typing: wait until the whole name's results are shown, with the business first of its
    // group (a shorter prefix such as ﾀｸﾐ ranks another business first), then open it.
    c.wait_until("the business first among the results", |s| first_business(s).is_some_and(&shown));
    c.send("\r");
    c.wait_until("the business's card", |s| s.contains("【窓口との履歴") && shown(s) && !s.contains("検索 (Ctrl-K)"));
    c.send("b");
    c.wait_until("the business's applications", |s| s.contains("《") && !s.contains("検索 (Ctrl-K)"));

    // Inside a form: Ctrl-K wins over the field, and Esc returns to the form with what was typed.
    c.send(ESC);
    c.wait_for("[すべて] 300件");
    c.send("n");
    c.wait_for("新規申請");
    c.send("\t\t\t\t\tあいう"); // past chamber, guidance officer, date and theme: the first section
    let form = c.wait_for("あいう");
    c.send(CTRL_K);
    c.wait_for("検索 (Ctrl-K)");
    c.send("R7-12");
    c.wait_for("申請 (1)");
    c.send(ESC);
    c.wait_until("form restored", |s| trimmed(s) == trimmed(&form));
    // Opening a result from the form keeps it as a draft that Esc returns to.
    c.send(CTRL_K);
    c.send("R7-12");
    c.wait_for("申請 (1)");
    c.send("\r");
    c.wait_for("入力途中のフォームがあります");
    c.send(ESC);
    let screen = c.wait_for("新規申請");
    assert!(screen.contains("あいう"), "{screen}");
    c.send(ESC);
    c.wait_for("入力を破棄しますか");
    c.send(ESC);
    // (Esc and q sent together would read as Alt-q.)
    c.wait_until("the form discarded", |s| !s.contains("新規申請"));
    c.send("q");
    assert!(c.wait_exit());
}
