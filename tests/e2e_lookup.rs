//! End to end, the global lookup (Ctrl-K) in a pseudo-terminal, from every tab (applications, roster, seminar
//! calendar, ledger) and from inside a form (a new application, a new claim): a half-width katakana name, a romaji name, a phone number without
//! hyphens and an application number each list their record; Esc gives back exactly the screen that was there
//! (text and cursor, form contents included); Enter lands on the record in its tab: a business or an expert on its
//! roster card, an application chosen on tab 1 with its detail, an event's page on tab 3.
//!
//! Results follow the typing, so a screen read right after a keystroke may show an earlier keystroke's results:
//! every step waits for the final screen (the whole query in the input, no "…" for results on their way, the
//! record listed) before it acts on it.

mod common;

use common::{Console, run_ok};

const CTRL_K: &str = "\x0b";
const ESC: &str = "\x1b";
const ENTER: &str = "\r";
const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";

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

/// What a screen must look like again after Esc: its text without trailing blanks (cells redrawn as spaces read
/// the same as never written) and with the backup's age masked (the status bar counts minutes), and the cursor
/// where it is shown.
#[derive(Debug, PartialEq, Eq)]
struct Frame {
    text: String,
    cursor: Option<(u16, u16)>,
}

impl Frame {
    fn of(s: &vt100::Screen) -> Frame {
        let text = s.contents().lines().map(|l| mask_backup_age(l.trim_end())).collect::<Vec<_>>().join("\n");
        Frame { text, cursor: (!s.hide_cursor()).then(|| s.cursor_position()) }
    }
}

/// `バックアップ 3分前` → `バックアップ -分前`.
fn mask_backup_age(line: &str) -> String {
    const MARK: &str = "バックアップ ";
    let Some(at) = line.find(MARK) else { return line.to_string() };
    let (head, tail) = line.split_at(at + MARK.len());
    format!("{head}-{}", tail.trim_start_matches(|c: char| c.is_ascii_digit()))
}

/// Whether `text` shows the record name `name` (`㈱` is drawn as `(株)`).
fn shows(text: &str, name: &str) -> bool {
    text.contains(name) || text.contains(&name.replace('㈱', "(株)"))
}

/// How much of a row is drawn reversed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reversed {
    No,
    /// All of it: the chosen hit.
    Row,
    /// Some cells (a form's field; in the lookup, half a frame or a cell left behind).
    Partly,
}

/// A popup as drawn (the lookup, a form): each row inside its frame, and how much of it is reversed.
#[derive(Debug, PartialEq, Eq)]
struct Popup {
    rows: Vec<(String, Reversed)>,
}

impl Popup {
    /// The lookup on `screen`, when it is open.
    fn read(screen: &vt100::Screen) -> Option<Popup> {
        Popup::titled(screen, "検索 (Ctrl-K)")
    }

    /// The popup whose frame's title starts with `title`, when one is open.
    fn titled(screen: &vt100::Screen, title: &str) -> Option<Popup> {
        let (height, width) = screen.size();
        let (height, width) = (height.get(), width.get());
        let at = |r: u16, c: u16| screen.cell(r, c).map(|x| x.contents()).unwrap_or_default();
        let text = |r: u16, from: u16, to: u16| -> String {
            (from..to)
                .filter_map(|c| screen.cell(r, c))
                .filter(|cell| !cell.is_wide_continuation())
                .map(|cell| if cell.has_contents() { cell.contents() } else { " " })
                .collect()
        };
        let (top, left) = (0..height)
            .flat_map(|r| (0..width).map(move |c| (r, c)))
            .find(|&(r, c)| at(r, c) == "┌" && text(r, c + 1, width).starts_with(title))?;
        let right = (left + 1..width).find(|&c| at(top, c) == "┐")?;
        let rows = (top + 1..height)
            .take_while(|&r| at(r, left) != "└")
            .map(|r| {
                let cells: Vec<bool> = (left + 1..right)
                    .filter_map(|c| screen.cell(r, c))
                    .filter(|x| !x.is_wide_continuation())
                    .map(|x| x.inverse())
                    .collect();
                let reversed = match cells.iter().filter(|x| **x).count() {
                    0 => Reversed::No,
                    n if n == cells.len() => Reversed::Row,
                    _ => Reversed::Partly,
                };
                (text(r, left + 1, right).trim_end().to_string(), reversed)
            })
            .collect();
        Some(Popup { rows })
    }

    /// What the input shows.
    fn input(&self) -> &str {
        let line = self.rows.first().map_or("", |r| r.0.as_str());
        line.trim_end_matches(" …").strip_prefix("> ").unwrap_or("")
    }

    /// Whether the results shown answer an earlier keystroke (the input ends with "…" until they arrive).
    fn pending(&self) -> bool {
        self.rows.first().is_none_or(|r| r.0.ends_with('…'))
    }

    /// The row of the first hit of `group` showing `name`.
    fn hit(&self, group: &str, name: &str) -> Option<usize> {
        let header = self.rows.iter().position(|r| r.0.starts_with(&format!("{group} (")))?;
        let hits = self.rows[header + 1..].iter().take_while(|r| r.0.starts_with(' '));
        hits.enumerate().find(|(_, r)| shows(&r.0, name)).map(|(i, _)| header + 1 + i)
    }

    /// The row of the chosen hit.
    fn chosen(&self) -> Option<usize> {
        self.rows.iter().position(|r| r.1 == Reversed::Row)
    }
}

/// Something a caller says: what is typed, how the input shows it, and the record it must list (its group and
/// name).
struct Query {
    typed: String,
    shown: String,
    group: &'static str,
    name: String,
}

impl Query {
    fn new(typed: &str, group: &'static str, name: &str) -> Query {
        Query { typed: typed.to_string(), shown: typed.to_string(), group, name: name.to_string() }
    }
}

/// The lookup once `pred` holds for it on two reads in a row, with no row partly reversed: the console writes a
/// frame in pieces, and half of one (the input redrawn, the results below not yet; the selection's old row not
/// yet redrawn) must not be acted on. A row that stays partly reversed is a drawing fault.
fn settled(c: &Console, what: &str, pred: impl Fn(&Popup) -> bool) -> Popup {
    let whole = |p: &Popup| p.rows.iter().all(|r| r.1 != Reversed::Partly);
    let mark = |r: Reversed| match r {
        Reversed::No => ' ',
        Reversed::Row => '>',
        Reversed::Partly => '~',
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    let mut last: Option<Popup> = None;
    loop {
        let now = Popup::read(&c.parsed());
        if let Some(p) = now.as_ref().filter(|p| whole(p) && pred(p))
            && last.as_ref() == Some(p)
        {
            return now.unwrap();
        }
        if std::time::Instant::now() > deadline {
            // The rows with the chosen one marked (> all of it, ~ some): the screen's text does not show it.
            let rows = now.map(|p| p.rows.iter().map(|(t, r)| format!("{}{t}\n", mark(*r))).collect());
            panic!("timed out waiting for {what:?}; lookup:\n{}", rows.unwrap_or_else(|| "(closed)".to_string()));
        }
        last = now;
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Opens the lookup and types `q`; returns the lookup once its results answer all of it and list its record.
fn ask(c: &mut Console, q: &Query) -> Popup {
    c.send(CTRL_K);
    c.send(&q.typed);
    settled(c, &format!("{} listed for {}", q.name, q.typed), |p| {
        p.input() == q.shown && !p.pending() && p.hit(q.group, &q.name).is_some() && p.chosen().is_some()
    })
}

/// Looks `q` up, then Esc: the screen `before` comes back exactly.
fn esc_restores(c: &mut Console, q: &Query, before: &Frame) {
    ask(c, q);
    c.send(ESC);
    c.wait_parsed(&format!("the screen from before looking up {}", q.typed), |s| Frame::of(s) == *before);
}

/// Looks `q` up, moves the selection onto its record with the arrow keys and opens it with Enter.
fn open(c: &mut Console, q: &Query) {
    let mut seen = ask(c, q);
    loop {
        let (target, chosen) = (seen.hit(q.group, &q.name).expect("listed"), seen.chosen().expect("chosen"));
        if target == chosen {
            break;
        }
        c.send(if chosen < target { DOWN } else { UP });
        seen = settled(c, "the selection moves", |p| {
            *p != seen && p.hit(q.group, &q.name).is_some() && p.chosen().is_some()
        });
    }
    c.send(ENTER);
}

/// The text of the cells drawn reversed (the chosen row) on each row of the screen.
fn reversed_rows(s: &vt100::Screen) -> Vec<String> {
    let (height, width) = s.size();
    (0..height.get())
        .map(|r| {
            (0..width.get())
                .filter_map(|c| s.cell(r, c))
                .filter(|cell| cell.inverse() && !cell.is_wide_continuation())
                .map(|cell| cell.contents())
                .collect()
        })
        .collect()
}

/// What a screen shows once a record has landed there.
type Landed<'a> = &'a dyn Fn(&vt100::Screen) -> bool;

/// A tab: its key, and what its screen shows once everything it loads has arrived.
struct Tab {
    key: &'static str,
    what: &'static str,
    ready: fn(&str) -> bool,
}

impl Tab {
    /// Whether the tab is shown, ready, without the lookup over it.
    fn shown(&self, s: &vt100::Screen) -> bool {
        Popup::read(s).is_none() && (self.ready)(&s.contents())
    }
}

const TABS: &[Tab] = &[
    Tab {
        key: "1",
        what: "tab 1's list and detail",
        ready: |s| s.contains("[すべて]") && s.contains("【決定・報告】"),
    },
    Tab {
        key: "2",
        what: "tab 2's roster or card",
        ready: |s| s.contains("\n 氏名 ") || s.contains("【窓口との履歴") || s.contains("【今後の予定】"),
    },
    Tab {
        key: "3",
        what: "tab 3's calendar and day, or an event",
        ready: |s| s.contains("（令和") && s.contains("の予定") || s.contains("主催  "),
    },
    Tab { key: "4", what: "tab 4's claims", ready: |s| s.contains("[立替金 (様式4)]") && s.contains("予算¥") },
];

/// The records of the demo database the test asks for.
struct Records {
    business: String,
    reading: String,
    phone: String,
    expert: String,
    expert_reading: String,
    event: String,
}

/// Picks from the demo database what the caller asks about.
fn records(db: &std::path::Path) -> Records {
    let conn = rusqlite::Connection::open(db).unwrap();
    // A business with a kana reading, a phone and an application.
    let (business, reading, phone) = conn
        .query_row(
            "SELECT b.name, b.reading, b.phone FROM business b JOIN dispatch d ON d.business_id = b.id
             WHERE b.reading <> '' AND b.phone <> '' AND length(b.reading) BETWEEN 4 AND 12 ORDER BY b.id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    // An expert in service whose family name others share (たかはし in the demo): several hits, not the first.
    let (expert, expert_reading) = conn
        .query_row(
            "SELECT name, reading FROM expert WHERE retired_on IS NULL AND reading LIKE '% %'
             ORDER BY reading LIKE 'たかはし %' DESC, id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    // A seminar of a series: its series' name lists several events.
    let event = conn
        .query_row(
            "SELECT title FROM event WHERE status <> 'cancelled' AND title LIKE '% %' ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    Records { business, reading, phone, expert, expert_reading, event }
}

#[test]
fn lookup_from_every_tab_and_a_form() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("desk.db");
    let dbs = db.to_str().unwrap();
    run_ok(home.path(), &["demo", "--out", dbs]);
    let r = records(&db);
    let katakana = wana_kana::ConvertJapanese::to_katakana(r.reading.as_str());
    let business = "事業者";
    let kana = Query { shown: katakana.clone(), ..Query::new(&half_width(&katakana), business, &r.business) };
    let romaji = Query::new(&wana_kana::ConvertJapanese::to_romaji(r.reading.as_str()), business, &r.business);
    let digits: String = r.phone.chars().filter(|c| c.is_ascii_digit()).collect();
    let phone = Query::new(&digits, business, &r.business);
    let number = Query::new("R7-12", "申請", "R7-0012");
    let family = r.expert_reading.split(' ').next().unwrap();
    let expert = Query::new(&wana_kana::ConvertJapanese::to_romaji(family), "専門家", &r.expert);
    let series = r.event.split(' ').next().unwrap();
    let event = Query::new(series, "講習会・相談会", &r.event);

    // Where each record lands.
    let business_card = |s: &vt100::Screen| {
        let t = s.contents();
        t.contains("【窓口との履歴") && shows(&t, &r.business)
    };
    let expert_card = |s: &vt100::Screen| {
        let t = s.contents();
        t.contains("【今後の予定】") && t.contains(&format!("{}  {}", r.expert, r.expert_reading))
    };
    let application = |s: &vt100::Screen| {
        // Chosen in the list, its detail beside it.
        let t = s.contents();
        t.contains("【申請】") && t.contains("│R7-0012  ") && reversed_rows(s).iter().any(|row| row.contains("R7-0012"))
    };
    let event_page = |s: &vt100::Screen| {
        let t = s.contents();
        t.contains("主催  ") && t.contains(&r.event)
    };

    let mut c = Console::start(home.path(), &["--db", dbs, "--today", "2025-11-04"], 160, 48);
    c.wait_for("バックアップ 0分前");
    // Esc before Enter: the tab's screen exactly as it was, first as the console starts, then once records have
    // been opened (a business's or an expert's card, an application's detail, an event's page).
    let esc_from_every_tab = |c: &mut Console, queries: &[&Query]| {
        for tab in TABS {
            for q in queries {
                c.send(tab.key);
                let before = Frame::of(&c.wait_stable(tab.what, |s| tab.shown(s)));
                esc_restores(c, q, &before);
            }
        }
    };
    esc_from_every_tab(&mut c, &[&kana, &romaji, &phone, &number, &expert, &event]);
    // Enter: the record in its tab.
    let landings: [(&Query, Landed, &str); 6] = [
        (&kana, &business_card, "the business's card"),
        (&romaji, &business_card, "the business's card"),
        (&phone, &business_card, "the business's card"),
        (&number, &application, "the application chosen on tab 1"),
        (&expert, &expert_card, "the expert's card"),
        (&event, &event_page, "the event's page on tab 3"),
    ];
    for tab in TABS {
        for (q, landed, what) in &landings {
            c.send(tab.key);
            c.wait_parsed(tab.what, |s| tab.shown(s));
            open(&mut c, q);
            c.wait_parsed(&format!("{what}, from tab {} for {}", tab.key, q.typed), |s| {
                Popup::read(s).is_none() && landed(s)
            });
        }
    }
    esc_from_every_tab(&mut c, &[&kana, &number]);

    // Typed in one go with Enter, before any reply: the record typed opens, not a row of the results on screen
    // (the recent records, or a shorter text's).
    c.send("2");
    c.wait_parsed(TABS[1].what, |s| TABS[1].shown(s));
    c.send(CTRL_K);
    c.wait_for("検索 (Ctrl-K)");
    c.send(&format!("{}{ENTER}", number.typed));
    c.wait_parsed("the application typed, chosen on tab 1", |s| Popup::read(s).is_none() && application(s));

    // Inside a form: Ctrl-K wins over the field, and Esc returns to the form with what was typed, the cursor in
    // its field.
    c.send("1");
    c.wait_stable(TABS[0].what, |s| (TABS[0].ready)(&s.contents()));
    c.send("n");
    c.wait_for("新規申請");
    c.send("\t\t\t\t\tあいう"); // past chamber, guidance officer, date and theme: the first section
    let screen = c.wait_stable("the form with what was typed", |s| s.contents().contains("あいう"));
    let form = Frame::of(&screen);
    assert!(form.cursor.is_some(), "the cursor is in the form's field");
    let fields = Popup::titled(&screen, "新規申請").expect("the form");
    for q in [&kana, &romaji, &phone, &number] {
        esc_restores(&mut c, q, &form);
    }
    // Opening a result from the form keeps it as a draft that Esc returns to, as it was, on its own tab (tab 1's
    // list behind it, also after a business card was opened on tab 2).
    for (q, landed) in [(&number, &application as Landed), (&kana, &business_card)] {
        open(&mut c, q);
        c.wait_parsed("the record, the form waiting", |s| {
            landed(s) && s.contents().contains("入力途中のフォームがあります")
        });
        c.send(ESC);
        c.wait_parsed("the form as it was, on tab 1", |s| {
            Popup::titled(s, "新規申請").is_some_and(|p| p == fields)
                && Frame::of(s).cursor == form.cursor
                && s.contents().contains("[すべて]")
        });
    }
    c.send(ESC);
    c.wait_for("入力を破棄しますか");
    c.send(ESC);
    // (Esc and q sent together would read as Alt-q.)
    c.wait_until("the form discarded", |s| !s.contains("新規申請"));

    // Another tab's form: a Form 4 claim with its amount typed.
    c.send("4");
    c.wait_parsed(TABS[3].what, |s| (TABS[3].ready)(&s.contents()));
    c.send("n");
    c.wait_for("立替金精算書 (様式4) の登録");
    c.send("\t12000"); // past the event: the amount
    let claim = Frame::of(&c.wait_stable("the claim form with its amount", |s| s.contents().contains("12000")));
    assert!(claim.cursor.is_some(), "the cursor is in the amount");
    for q in [&kana, &romaji, &phone, &number] {
        esc_restores(&mut c, q, &claim);
    }
    c.send(ESC);
    c.wait_for("入力を破棄しますか");
    c.send(ESC);
    c.wait_until("the claim form discarded", |s| !s.contains("立替金精算書 (様式4) の登録"));
    c.send("q");
    assert!(c.wait_exit());
}
