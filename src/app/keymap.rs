//! The keymap as data: one table per scope. The dispatcher, the footer hints, the `?` overlay and
//! `docs/KEYS.md` all read these tables, so a key and its help can never drift apart.

/// A key, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// A printable character.
    Char(char),
    /// A character with Ctrl.
    Ctrl(char),
    /// Enter.
    Enter,
    /// Escape.
    Esc,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// A function key.
    F(u8),
    /// Backspace.
    Backspace,
    /// Delete.
    Delete,
}

impl Key {
    /// How the key is written in help and docs.
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::Left => "←".into(),
            Key::Right => "→".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift-Tab".into(),
            Key::F(n) => format!("F{n}"),
            Key::Backspace => "Backspace".into(),
            Key::Delete => "Delete".into(),
        }
    }
}

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// Quit (asking first when something is unsaved).
    Quit,
    /// Open the help overlay.
    Help,
    /// Open the About view.
    About,
    /// Close the topmost popup or go back.
    Back,
    /// Switch to tab n (1-based).
    Tab(u8),
    /// Move up one row.
    Up,
    /// Move down one row.
    Down,
    /// First row.
    Top,
    /// Last row.
    Bottom,
    /// One page up.
    PageUp,
    /// One page down.
    PageDown,
    /// Open the selected record.
    Open,
    /// Cycle the status filter.
    CycleStatusFilter,
    /// Reload from the database (another console may have written).
    Refresh,
    /// New record (application, or consultation in the consultations view).
    New,
    /// Edit the selected record.
    Edit,
    /// Add a visit to the selected application.
    AddVisit,
    /// Remove the visit chosen in the open detail (recorded by mistake; asks first).
    RemoveVisit,
    /// Move the selected application to its next status.
    Transition,
    /// Reject the selected application (R-D5).
    Reject,
    /// Switch between the applications and the desk consultations.
    ToggleConsultations,
    /// Show what needs action (要対応).
    NeedsAction,
    /// Save the form.
    Save,
    /// Cancel the form (asking first when something was typed).
    Cancel,
    /// Next field.
    NextField,
    /// Previous field.
    PrevField,
    /// A key the focused field interprets (listed for help).
    EditField,
    /// Filter the list by typed text.
    Filter,
    /// Keep the typed filter and go back to the list.
    ApplyFilter,
    /// Clear the filter.
    ClearFilter,
    /// Open the global lookup.
    Lookup,
    /// Undo the last action of this session.
    Undo,
    /// Redo the last undone action.
    Redo,
    /// Switch the roster's list: experts, businesses, organisations.
    RosterList,
    /// Filter experts by theme (cycles; in "find": the case's theme or any).
    CycleTheme,
    /// Filter experts by area (cycles; in "find": the applicant's area or anywhere).
    CycleArea,
    /// Sort the expert list by the next column.
    CycleSort,
    /// Reverse the expert list's order.
    ReverseSort,
    /// Retire the expert (or put them back on the roster).
    Retire,
    /// Delete the expert (refused when they have history; asks first).
    Delete,
    /// Record a relation of the expert to a business (R-D5 grounds 1, 2).
    AddRelation,
    /// Edit the selected relation (dates, note; an end date ends it).
    EditRelation,
    /// Find an expert for the selected application (opens the roster).
    FindExpert,
    /// Show the applications of the open card's record on tab 1.
    ShowApplications,
    /// Merge the business (a duplicate) into another, keeping all history.
    MergeBusiness,
    /// Add a member of the organisation's staff.
    AddStaff,
    /// Put a municipality into an area (the editable grouping).
    EditAreas,
    /// Retire the selected member of an organisation's staff (or put them back).
    RetireStaff,
    /// Edit the municipalities the organisation covers.
    EditCovers,
    /// Delete the selected relation (recorded by mistake; asks first).
    DeleteRelation,
    /// Show the selected record's history (audit trail: who, when, before → after).
    History,
    /// Switch the ledger's view: claims, payments, work not paid yet, totals.
    LedgerView,
    /// Group the ledger's totals by the next key: month, organisation, expert, kind.
    TotalsBy,
    /// Calendar: the previous day.
    PrevDay,
    /// Calendar: the next day.
    NextDay,
    /// Calendar: the previous month.
    PrevMonth,
    /// Calendar: the next month.
    NextMonth,
    /// Calendar: back to today.
    Today,
    /// Calendar: jump to a date typed in ISO or 和暦.
    JumpToDate,
    /// Calendar: move the focus between the month and the day's agenda.
    SwitchPane,
    /// Calendar: show dispatch visits too (or not).
    ToggleVisits,
    /// Change the open event's status (cancel with a reason).
    EventStatus,
    /// The open event's publicity checklist (R-S9).
    Publicity,
    /// Book a business to an expert on the open consultation day.
    Book,
    /// Record the selected booking's support report and feedback (R-S11).
    BookingReport,
    /// Remove the selected booking (made by mistake; asks first).
    CancelBooking,
    /// Turn the selected booking into a dispatch application (prefilled Form 1).
    BookingToDispatch,
    /// Register a participant of the open seminar (a business or a prospective founder, R-S2).
    AddParticipant,
    /// Record (or undo) the selected participant's attendance.
    ToggleAttended,
    /// Propose the open event's instructor honoraria and travel in the ledger (R-S6).
    ProposeHonoraria,
    /// The open session's startup-support series: who meets the guideline (R-S10).
    SeriesView,
    /// Open the export/import popup (every tab).
    Transfer,
    /// Open the frequency tables of the current list (every tab).
    Frequency,
    /// Frequency tables: the cell to the left.
    PrevColumn,
    /// Frequency tables: the cell to the right.
    NextColumn,
    /// Frequency tables: count rows by the next field.
    FreqRows,
    /// Frequency tables: count columns by the next field (or none).
    FreqColumns,
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere, also inside a text field.
    Global,
    /// In lists and views.
    List,
    /// Tab 1's own keys (applications queue).
    Queue,
    /// Tab 2's own keys (roster).
    Roster,
    /// Tab 3's own keys (seminar calendar).
    Events,
    /// Tab 4's own keys (ledger).
    Ledger,
    /// In the help overlay.
    Help,
    /// In a form; letters are text there.
    Form,
    /// Typing a list filter.
    Filter,
    /// In the global lookup.
    Lookup,
    /// In the frequency tables.
    Frequency,
    /// In the export/import popup, after its form (progress, dry-run findings, the result).
    Transfer,
}

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Keys that trigger it.
    pub keys: &'static [Key],
    /// What it does.
    pub command: Command,
    /// Description in Japanese.
    pub ja: &'static str,
    /// Description in English.
    pub en: &'static str,
    /// Shown in the footer hints.
    pub footer: bool,
}

const fn b(keys: &'static [Key], command: Command, ja: &'static str, en: &'static str, footer: bool) -> Binding {
    Binding { keys, command, ja, en, footer }
}

const GLOBAL: &[Binding] = &[
    b(
        &[Key::Ctrl('k')],
        Command::Lookup,
        "検索 (どの画面からでも・入力中でも)",
        "look up any record (from anywhere)",
        true,
    ),
    b(&[Key::F(1)], Command::Help, "ヘルプ (キー一覧)", "help (all keys)", false),
    b(&[Key::Ctrl('c')], Command::Quit, "終了 (未保存があれば確認)", "quit (asks when something is unsaved)", false),
    b(&[Key::Ctrl('l')], Command::Refresh, "再読み込み", "refresh from the database", false),
    b(&[Key::Esc], Command::Back, "閉じる・戻る", "close the popup / go back", false),
];

const LIST: &[Binding] = &[
    b(&[Key::Char('1')], Command::Tab(1), "申請タブ", "applications tab", false),
    b(&[Key::Char('2')], Command::Tab(2), "名簿タブ", "roster tab", false),
    b(&[Key::Char('3')], Command::Tab(3), "講習会・相談会タブ", "events tab", false),
    b(&[Key::Char('4')], Command::Tab(4), "精算タブ", "ledger tab", false),
    b(&[Key::Char('k'), Key::Up], Command::Up, "上へ", "move up", false),
    b(&[Key::Char('j'), Key::Down], Command::Down, "下へ", "move down", false),
    b(&[Key::Char('g'), Key::Home], Command::Top, "先頭へ", "first row", false),
    b(&[Key::Char('G'), Key::End], Command::Bottom, "末尾へ", "last row", false),
    b(&[Key::PageUp], Command::PageUp, "前のページ", "page up", false),
    b(&[Key::PageDown], Command::PageDown, "次のページ", "page down", false),
    b(&[Key::Enter], Command::Open, "詳細を開く", "open the detail", true),
    b(&[Key::Char('n')], Command::New, "新規", "new", true),
    b(&[Key::Char('e')], Command::Edit, "編集", "edit", false),
    b(&[Key::Char('/')], Command::Filter, "文字で絞り込み", "filter by text", true),
    b(
        &[Key::Char('u')],
        Command::Undo,
        "直前の操作を取り消す (この起動中の操作)",
        "undo the last action of this session",
        false,
    ),
    b(&[Key::Ctrl('r')], Command::Redo, "取り消しをやり直す", "redo what was undone", false),
    b(&[Key::Char('?')], Command::Help, "ヘルプ", "help", true),
    b(
        &[Key::Char('H')],
        Command::History,
        "選んだ記録の変更履歴 (誰が・いつ・変更前→後)",
        "the selected record's history (who, when, before → after)",
        false,
    ),
    b(&[Key::Char('A')], Command::About, "窓口の連絡先 (About)", "about the desk", false),
    b(
        &[Key::Char('X')],
        Command::Transfer,
        "書き出し・取り込み (実績報告・CSV・文書・告知・Excel取込)",
        "export / import (report, CSV, documents, announcements, Excel)",
        false,
    ),
    b(
        &[Key::Char('F')],
        Command::Frequency,
        "集計表 (この一覧を項目別に件数集計)",
        "frequency tables (counts of this list by field)",
        false,
    ),
    b(&[Key::Char('q')], Command::Quit, "終了", "quit", true),
];

const QUEUE: &[Binding] = &[
    b(&[Key::Char('v')], Command::AddVisit, "派遣 (訪問) を追加", "add a visit", true),
    b(
        &[Key::Char('d')],
        Command::RemoveVisit,
        "詳細で選んだ派遣を削除 (Enter→j/k で選ぶ・e で編集・確認あり・u で取消)",
        "remove the visit chosen in the detail (Enter, j/k; e edits it; asks; u undoes)",
        false,
    ),
    b(&[Key::Char('t')], Command::Transition, "状態を進める", "move to the next status", true),
    b(&[Key::Char('x')], Command::Reject, "否決 (R-D5)", "reject (R-D5)", false),
    b(
        &[Key::Char('c')],
        Command::ToggleConsultations,
        "申請と窓口相談の一覧を切替",
        "switch applications / desk consultations",
        true,
    ),
    b(&[Key::Char('w')], Command::NeedsAction, "要対応 (待ち・期限切れ) の一覧", "what needs action", true),
    b(&[Key::Char('s')], Command::CycleStatusFilter, "状態で絞り込み (順に切替)", "filter by status (cycles)", true),
    b(
        &[Key::Char('f')],
        Command::FindExpert,
        "専門家を探す (この申請に割当)",
        "find an expert for this application",
        true,
    ),
];

const ROSTER: &[Binding] = &[
    b(
        &[Key::Char('v')],
        Command::RosterList,
        "専門家・事業者・団体を切替",
        "experts / businesses / organisations",
        true,
    ),
    b(&[Key::Char('t')], Command::CycleTheme, "テーマで絞り込み (順に切替)", "filter by theme (cycles)", true),
    b(&[Key::Char('a')], Command::CycleArea, "地域で絞り込み (順に切替)", "filter by area (cycles)", false),
    b(&[Key::Char('o')], Command::CycleSort, "並べ替える列を切替", "sort by the next column", false),
    b(&[Key::Char('O')], Command::ReverseSort, "並び順を逆に", "reverse the order", false),
    b(&[Key::Char('r')], Command::Retire, "退任・復帰 (カード)", "retire / reinstate (card)", false),
    b(
        &[Key::Char('D')],
        Command::Delete,
        "削除 (実績があれば不可・確認あり)",
        "delete (refused with history; asks)",
        false,
    ),
    b(&[Key::Char('R')], Command::AddRelation, "関係を登録 (R-D5 理由1・2)", "record a relation (R-D5 1, 2)", false),
    b(
        &[Key::Char('E')],
        Command::EditRelation,
        "選んだ関係の期間を編集・終了",
        "edit / end the selected relation",
        false,
    ),
    b(
        &[Key::Delete],
        Command::DeleteRelation,
        "選んだ関係を削除 (誤登録)",
        "delete the selected relation (a mistake)",
        false,
    ),
    b(
        &[Key::Char('b')],
        Command::ShowApplications,
        "この記録の申請を申請タブで",
        "this record's applications on tab 1",
        false,
    ),
    b(
        &[Key::Char('M')],
        Command::MergeBusiness,
        "重複した事業者を統合 (履歴は残る)",
        "merge a duplicate business (history kept)",
        false,
    ),
    b(&[Key::Char('S')], Command::AddStaff, "団体の職員を追加", "add a staff member", false),
    b(&[Key::Char('m')], Command::EditAreas, "市町村の地域を変更", "put a municipality into an area", false),
    b(
        &[Key::Char('x')],
        Command::RetireStaff,
        "選んだ職員の退職・復帰 (団体カード)",
        "retire / reinstate the selected staff member (organisation card)",
        false,
    ),
    b(
        &[Key::Char('C')],
        Command::EditCovers,
        "管轄市町村を編集 (団体カード)",
        "edit the municipalities covered",
        false,
    ),
];

const EVENTS: &[Binding] = &[
    b(&[Key::Char('h'), Key::Left], Command::PrevDay, "前の日", "previous day", false),
    b(
        &[Key::Char('l'), Key::Right],
        Command::NextDay,
        "次の日 (j/k で週、g/G で月初・月末)",
        "next day (j/k weeks, g/G month ends)",
        false,
    ),
    b(&[Key::Char('[')], Command::PrevMonth, "前の月 (PgUp も)", "previous month (also PgUp)", true),
    b(&[Key::Char(']')], Command::NextMonth, "次の月 (PgDn も)", "next month (also PgDn)", true),
    b(&[Key::Char('t')], Command::Today, "今日へ", "today", true),
    b(
        &[Key::Char(':')],
        Command::JumpToDate,
        "日付へ移動 (2025-11-23・R7.11.23・令和7年11月23日)",
        "jump to a date (ISO or 和暦)",
        true,
    ),
    b(
        &[Key::Tab],
        Command::SwitchPane,
        "カレンダーとその日の一覧を切替",
        "switch between the month and the day's list",
        false,
    ),
    b(
        &[Key::Char('v')],
        Command::ToggleVisits,
        "専門家派遣の訪問も表示 (切替)",
        "show dispatch visits too (toggle)",
        false,
    ),
    b(
        &[Key::Char('s')],
        Command::EventStatus,
        "状態を変更 (中止は理由を記録)",
        "change the status (cancel with a reason)",
        true,
    ),
    b(&[Key::Char('p')], Command::Publicity, "広報チェックリスト (R-S9)", "publicity checklist (R-S9)", false),
    b(&[Key::Char('b')], Command::Book, "相談会の予約 (事業者と専門家)", "book a business to an expert", true),
    b(
        &[Key::Char('r')],
        Command::BookingReport,
        "予約の支援報告書・フィードバック (R-S11)",
        "booking's report and feedback (R-S11)",
        false,
    ),
    b(
        &[Key::Char('x')],
        Command::CancelBooking,
        "予約・参加申込を取り消す (確認あり)",
        "remove the booking or registration (asks first)",
        false,
    ),
    b(
        &[Key::Char('a')],
        Command::AddParticipant,
        "講習会の参加申込 (事業者・創業予定者 R-S2)",
        "register a seminar participant (business or founder, R-S2)",
        false,
    ),
    b(
        &[Key::Char('o')],
        Command::ToggleAttended,
        "選んだ参加者の出席を記録・取消",
        "mark the selected participant attended (or not)",
        false,
    ),
    b(
        &[Key::Char('m')],
        Command::ProposeHonoraria,
        "講師・専門家の謝金・旅費を精算へ提案 (R-S6)",
        "propose instructor honoraria and travel (R-S6)",
        false,
    ),
    b(
        &[Key::Char('c')],
        Command::SeriesView,
        "創業支援シリーズの受講状況 (R-S10)",
        "startup series: who meets the guideline (R-S10)",
        false,
    ),
    b(
        &[Key::Char('d')],
        Command::BookingToDispatch,
        "予約から専門家派遣を申請 (様式1)",
        "booking to a dispatch application (Form 1)",
        false,
    ),
];

const LEDGER: &[Binding] = &[
    b(
        &[Key::Char('v')],
        Command::LedgerView,
        "立替金・謝金旅費・未払の実績・集計を切替",
        "claims / payments / work not paid / totals",
        true,
    ),
    b(
        &[Key::Char('t')],
        Command::Transition,
        "次の段階へ (確認・承認・支払済、日付と担当者を記録)",
        "next step (checked, approved, paid; date and staff)",
        true,
    ),
    b(
        &[Key::Char('x')],
        Command::Reject,
        "立替金を差戻す (理由を記録・削除はしない)",
        "return a claim with a reason (never deleted)",
        false,
    ),
    b(&[Key::Char('s')], Command::CycleStatusFilter, "未払のみ・すべてを切替", "unpaid only / all", false),
    b(
        &[Key::Char('o')],
        Command::TotalsBy,
        "集計の単位を切替 (月・団体・専門家・種別)",
        "totals by month / organisation / expert / kind",
        false,
    ),
];

const HELP: &[Binding] = &[
    b(&[Key::Char('k'), Key::Up], Command::Up, "上へスクロール", "scroll up", false),
    b(&[Key::Char('j'), Key::Down], Command::Down, "下へスクロール", "scroll down", false),
    b(&[Key::Char('q'), Key::Char('?')], Command::Back, "閉じる", "close", true),
    b(&[Key::Char('A')], Command::About, "窓口の連絡先 (About)", "about the desk", true),
];

const FORM: &[Binding] = &[
    b(&[Key::Ctrl('s')], Command::Save, "保存", "save", true),
    b(&[Key::Tab], Command::NextField, "次の項目", "next field", true),
    b(&[Key::BackTab], Command::PrevField, "前の項目", "previous field", false),
    b(&[Key::Esc], Command::Cancel, "取消 (入力があれば確認)", "cancel (asks when something was typed)", true),
    b(
        &[Key::Left, Key::Right],
        Command::EditField,
        "カーソル移動・選択肢の切替",
        "move the caret / change a choice",
        false,
    ),
    b(&[Key::Home, Key::End], Command::EditField, "行頭・行末", "start / end of the line", false),
    b(&[Key::Backspace, Key::Delete], Command::EditField, "1文字削除", "delete a character", false),
    b(&[Key::Ctrl('u')], Command::EditField, "項目を空にする", "clear the field", false),
    b(&[Key::Enter], Command::EditField, "次の項目・改行・候補を選ぶ", "next field / new line / pick", false),
    b(
        &[Key::Up, Key::Down],
        Command::EditField,
        "候補を選ぶ・複数行の移動",
        "choose a candidate / move in text",
        false,
    ),
];

const FILTER: &[Binding] = &[
    b(&[Key::Enter], Command::ApplyFilter, "絞り込みを確定して一覧へ", "keep the filter, back to the list", true),
    b(&[Key::Esc], Command::ClearFilter, "絞り込みを解除", "clear the filter", true),
    b(&[Key::Left, Key::Right], Command::EditField, "カーソル移動", "move the caret", false),
    b(&[Key::Backspace, Key::Delete], Command::EditField, "1文字削除", "delete a character", false),
    b(&[Key::Ctrl('u')], Command::EditField, "全部消す", "clear the text", false),
];

const LOOKUP: &[Binding] = &[
    b(&[Key::Enter], Command::Open, "選んだ記録を開く", "open the chosen record", true),
    b(&[Key::Up], Command::Up, "前の候補", "previous result", false),
    b(&[Key::Down], Command::Down, "次の候補", "next result", false),
    b(&[Key::Esc], Command::Back, "閉じて元の画面へ", "close, back where you were", true),
    b(&[Key::Backspace, Key::Delete], Command::EditField, "1文字削除", "delete a character", false),
    b(
        &[Key::Ctrl('u')],
        Command::EditField,
        "全部消す (最近開いた記録を表示)",
        "clear (shows recently opened records)",
        false,
    ),
];

const FREQUENCY: &[Binding] = &[
    b(&[Key::Char('k'), Key::Up], Command::Up, "上の行へ", "row up", false),
    b(&[Key::Char('j'), Key::Down], Command::Down, "下の行へ", "row down", false),
    b(&[Key::Char('h'), Key::Left], Command::PrevColumn, "左の列へ", "column left", false),
    b(&[Key::Char('l'), Key::Right], Command::NextColumn, "右の列へ", "column right", false),
    b(&[Key::Char('r')], Command::FreqRows, "行の項目を切替", "rows by the next field", true),
    b(&[Key::Char('c')], Command::FreqColumns, "列の項目を切替 (なしも)", "columns by the next field (or none)", true),
    b(
        &[Key::Enter],
        Command::Open,
        "この欄の記録を一覧・選んだ記録をタブで開く",
        "the records of this cell / open the chosen record",
        true,
    ),
    b(&[Key::Char('q')], Command::Back, "戻る・閉じる", "back / close", true),
    b(&[Key::Char('?')], Command::Help, "ヘルプ", "help", false),
];

const TRANSFER: &[Binding] = &[
    b(
        &[Key::Enter],
        Command::Open,
        "取り込む (問題がなければ)・閉じる",
        "import (when no row is rejected) / close",
        true,
    ),
    b(&[Key::Char('k'), Key::Up], Command::Up, "上へスクロール", "scroll up", false),
    b(&[Key::Char('j'), Key::Down], Command::Down, "下へスクロール", "scroll down", false),
    b(&[Key::Char('q')], Command::Back, "戻る・閉じる", "back / close", true),
    b(&[Key::Char('?')], Command::Help, "ヘルプ", "help", false),
];

/// Every scope, in the order help lists them.
pub const ALL_SCOPES: &[Scope] = &[
    Scope::Global,
    Scope::List,
    Scope::Queue,
    Scope::Roster,
    Scope::Events,
    Scope::Ledger,
    Scope::Form,
    Scope::Filter,
    Scope::Lookup,
    Scope::Help,
    Scope::Frequency,
    Scope::Transfer,
];

/// The bindings of a scope.
pub fn bindings(scope: Scope) -> &'static [Binding] {
    match scope {
        Scope::Global => GLOBAL,
        Scope::List => LIST,
        Scope::Queue => QUEUE,
        Scope::Roster => ROSTER,
        Scope::Events => EVENTS,
        Scope::Ledger => LEDGER,
        Scope::Help => HELP,
        Scope::Form => FORM,
        Scope::Filter => FILTER,
        Scope::Lookup => LOOKUP,
        Scope::Frequency => FREQUENCY,
        Scope::Transfer => TRANSFER,
    }
}

/// Resolves a key against scopes in order (topmost first); the first binding found wins.
pub fn resolve(scopes: &[Scope], key: Key) -> Option<Command> {
    scopes.iter().flat_map(|s| bindings(*s)).find(|b| b.keys.contains(&key)).map(|b| b.command)
}

/// The key reference as Markdown (`docs/KEYS.md`), generated from the tables.
pub fn markdown() -> String {
    let mut out = String::from(
        "# Keys / キー一覧\n\nGenerated from `src/app/keymap.rs` (a test fails when this file is stale).\n\
         In a form, letters and digits are text (digits 1-8 tick R-D5 grounds in the grounds field).\n",
    );
    let titles = [
        "Everywhere / どこでも",
        "Lists / 一覧",
        "Tab 1: applications / 申請",
        "Tab 2: roster / 名簿",
        "Tab 3: events / 講習会・相談会",
        "Tab 4: ledger / 精算",
        "Forms / 入力フォーム",
        "Filter / 絞り込み",
        "Lookup / 検索",
        "Help / ヘルプ",
        "Frequency tables / 集計表",
        "Export and import / 書き出し・取り込み",
    ];
    for (scope, title) in ALL_SCOPES.iter().zip(titles) {
        out.push_str(&format!("\n## {title}\n\n| keys | 説明 | description |\n|---|---|---|\n"));
        for b in bindings(*scope) {
            let keys: Vec<String> = b.keys.iter().map(|k| format!("`{}`", k.label())).collect();
            out.push_str(&format!("| {} | {} | {} |\n", keys.join(" "), b.ja, b.en));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_bindings_of_a_scope_share_a_key() {
        for &scope in ALL_SCOPES {
            let mut seen = std::collections::HashSet::new();
            for b in bindings(scope) {
                for k in b.keys {
                    assert!(seen.insert(*k), "{scope:?}: {} bound twice", k.label());
                }
            }
        }
    }

    #[test]
    fn every_binding_has_both_descriptions() {
        for &scope in ALL_SCOPES {
            for b in bindings(scope) {
                assert!(!b.ja.is_empty() && !b.en.is_empty(), "{:?}", b.command);
            }
        }
    }

    #[test]
    fn no_tab_key_shadows_a_list_key() {
        for scope in [Scope::Queue, Scope::Roster, Scope::Events, Scope::Ledger] {
            for b in bindings(scope) {
                for k in b.keys {
                    assert_eq!(resolve(&[Scope::List, Scope::Global], *k), None, "{scope:?}: {}", k.label());
                }
            }
        }
    }

    #[test]
    fn resolution_order_is_topmost_first() {
        assert_eq!(resolve(&[Scope::Help, Scope::List], Key::Char('q')), Some(Command::Back));
        assert_eq!(resolve(&[Scope::List], Key::Char('q')), Some(Command::Quit));
        assert_eq!(resolve(&[Scope::Global], Key::Char('q')), None);
    }

    #[test]
    fn docs_keys_md_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/KEYS.md");
        if std::env::var_os("UPDATE_KEYS").is_some() {
            std::fs::write(path, markdown()).unwrap();
        }
        let on_disk = std::fs::read_to_string(path).unwrap_or_default();
        assert!(on_disk == markdown(), "docs/KEYS.md is stale: run UPDATE_KEYS=1 cargo test docs_keys_md");
    }
}
