//! Text catalogues: one per language (`ja`, `en`), organised in sections. Every text the console or a command
//! shows comes from here; the domain returns structured results and this module words them.

pub mod en;
pub mod events;
pub mod history;
pub mod ja;
pub mod ledger;
pub mod queue;
pub mod reports;
pub mod roster;

use serde::Deserialize;

use crate::domain::rules::Finding;

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// 日本語 (the default).
    #[default]
    Ja,
    /// English.
    En,
}

/// "R-D1: この申請の派遣は既に15時間です (上限15時間)": a finding with its rule id, in the chosen language.
pub fn finding(lang: Lang, f: &Finding) -> String {
    let text = match lang {
        Lang::Ja => ja::rules::finding(f),
        Lang::En => en::rules::finding(f),
    };
    format!("{}: {}", f.rule(), text)
}

/// The console's texts of one language; a struct, so a text missing in one language does not compile.
#[derive(Debug)]
pub struct ConsoleText {
    /// Product name on the tab bar.
    pub app_name: &'static str,
    /// The tabs, in key order.
    pub tabs: [&'static str; 4],
    /// Column headers of the queue: number, received, business, chamber, theme, expert, visits, hours, status.
    pub queue_columns: [&'static str; 9],
    /// Column headers of the desk consultations: date, channel, caller, business, content, outcome, application.
    pub consultation_columns: [&'static str; 7],
    /// Tab 1's second view.
    pub consultations_title: &'static str,
    /// Tab 1's needs-action view.
    pub needs_action_title: &'static str,
    /// Needs-action reasons: awaiting review, no visit yet, report overdue, feedback pending, hours left, event
    /// not announced, consultation-day reports pending.
    pub needs_action_reasons: [&'static str; 7],
    /// "…ほか{n}件".
    pub more: &'static str,
    /// Nothing needs action.
    pub nothing_to_do: &'static str,
    /// Lookup: title.
    pub lookup_title: &'static str,
    /// Lookup: what can be typed.
    pub lookup_hint: &'static str,
    /// Lookup: kinds (business, expert, application, organisation, event, claim).
    pub lookup_kinds: [&'static str; 6],
    /// Lookup: heading of the recently opened records.
    pub lookup_recent: &'static str,
    /// Lookup: nothing found.
    pub lookup_none: &'static str,
    /// Lookup facts: "次回 {date}".
    pub next_date: &'static str,
    /// Lookup facts: "残り{hours}h" (R-D1).
    pub hours_left: &'static str,
    /// Status line when a form waits as a draft.
    pub draft_waiting: &'static str,
    /// Chamber cell of an application received directly by the desk (R-A1).
    pub direct: &'static str,
    /// Filter label when no status filter is set.
    pub filter_all: &'static str,
    /// "{n}件".
    pub count: &'static str,
    /// Empty list.
    pub empty: &'static str,
    /// A list other than the applications' with no rows (nothing matches its filter).
    pub no_rows: &'static str,
    /// "実施期間残り{n}日" (R-P1).
    pub period_left: &'static str,
    /// After the period ended.
    pub period_ended: &'static str,
    /// "{today}の年度は未設定: {year}を表示".
    pub year_fallback: &'static str,
    /// Staff label.
    pub staff: &'static str,
    /// Help overlay title.
    pub help_title: &'static str,
    /// Help section titles, in `keymap::ALL_SCOPES` order.
    pub help_sections: [&'static str; 12],
    /// About title.
    pub about_title: &'static str,
    /// About lines (desk address, phone, e-mail).
    pub about_lines: &'static [&'static str],
    /// Detail: section titles business, application, visits, decision.
    pub detail_sections: [&'static str; 4],
    /// Detail: eligible ("対象").
    pub eligible: &'static str,
    /// Detail: "残り {hours}時間・{visits}回" (R-D1).
    pub remaining: &'static str,
    /// Detail: no visits yet.
    pub no_visits: &'static str,
    /// Detail: labels legal form, municipality, chamber, guidance officer, theme, expert, report, feedback, grounds.
    pub detail_labels: [&'static str; 9],
    /// Detail: override marker.
    pub override_label: &'static str,
    /// Detail: reason label (R-D3).
    pub reason_label: &'static str,
    /// Detail prompt when nothing is selected.
    pub select_hint: &'static str,
}

/// The console texts of a language.
pub fn console(lang: Lang) -> &'static ConsoleText {
    match lang {
        Lang::Ja => &ja::console::TEXT,
        Lang::En => &en::console::TEXT,
    }
}

/// Labels of the code sets in a language.
pub mod label {
    use super::{Lang, en, ja};
    use crate::domain::model::*;

    /// Application status.
    pub fn dispatch_status(lang: Lang, s: DispatchStatus) -> &'static str {
        match lang {
            Lang::Ja => ja::labels::dispatch_status(s),
            Lang::En => en::labels::dispatch_status(s),
        }
    }
    /// Visit place.
    pub fn place(lang: Lang, p: PlaceKind) -> &'static str {
        match lang {
            Lang::Ja => ja::labels::place(p),
            Lang::En => en::labels::place(p),
        }
    }
    /// Who accompanied.
    pub fn accompaniment(lang: Lang, k: AccompanimentKind) -> &'static str {
        match lang {
            Lang::Ja => ja::labels::accompaniment(k),
            Lang::En => en::labels::accompaniment(k),
        }
    }
    /// Rejection ground (R-D5).
    pub fn rejection_ground(lang: Lang, n: u8) -> &'static str {
        match lang {
            Lang::Ja => ja::labels::rejection_ground(n),
            Lang::En => en::labels::rejection_ground(n),
        }
    }
    /// Consultation channel.
    pub fn channel(lang: Lang, c: ConsultationChannel) -> &'static str {
        match lang {
            Lang::Ja => ja::labels::channel(c),
            Lang::En => en::labels::channel(c),
        }
    }
    /// Consultation outcome.
    pub fn outcome(lang: Lang, o: ConsultationOutcome) -> &'static str {
        match lang {
            Lang::Ja => ja::labels::outcome(o),
            Lang::En => en::labels::outcome(o),
        }
    }
    /// Legal form.
    pub fn legal_form(lang: Lang, f: LegalForm) -> &'static str {
        match lang {
            Lang::Ja => ja::labels::legal_form(f),
            Lang::En => en::labels::legal_form(f),
        }
    }
    /// An expert's relation to a business (R-D5 grounds 1, 2).
    pub fn relation(lang: Lang, r: RelationKind) -> &'static str {
        match lang {
            Lang::Ja => ja::labels::relation(r),
            Lang::En => en::labels::relation(r),
        }
    }
    /// Organisation kind.
    pub fn organisation_kind(lang: Lang, k: OrganisationKind) -> &'static str {
        match lang {
            Lang::Ja => ja::labels::organisation_kind(k),
            Lang::En => en::labels::organisation_kind(k),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_import_is_named_in_the_interface_language() {
        assert_eq!(action_label(Lang::Ja, "import.events"), "講習会・相談会の取り込み");
        assert_eq!(action_label(Lang::Ja, "import.experts"), "専門家の取り込み");
        assert_eq!(action_label(Lang::En, "import.visits"), "import of visits");
        assert_eq!(action_label(Lang::Ja, "import events"), "講習会・相談会の取り込み", "an older label");
        for kind in crate::import::ImportKind::ALL {
            let ja = action_label(Lang::Ja, &format!("import.{}", kind.name()));
            assert!(!ja.is_ascii(), "{ja}");
        }
    }

    #[test]
    fn no_console_text_is_empty_in_either_language() {
        for lang in [Lang::Ja, Lang::En] {
            let t = console(lang);
            let all: Vec<&str> = [t.app_name, t.direct, t.filter_all, t.count, t.empty, t.no_rows]
                .into_iter()
                .chain([
                    t.consultations_title,
                    t.period_left,
                    t.period_ended,
                    t.year_fallback,
                    t.staff,
                    t.help_title,
                    t.about_title,
                ])
                .chain([t.eligible, t.remaining, t.no_visits, t.override_label, t.reason_label, t.select_hint])
                .chain(t.queue_columns)
                .chain(t.consultation_columns)
                .chain(t.needs_action_reasons)
                .chain(t.help_sections)
                .chain(t.tabs)
                .chain(t.detail_sections)
                .chain(t.detail_labels)
                .chain(t.about_lines.iter().copied())
                .collect();
            assert!(all.iter().all(|s| !s.trim().is_empty()), "{lang:?}");
        }
    }

    #[test]
    fn findings_carry_their_rule_id_in_both_languages() {
        let f = Finding::TotalHoursExceeded { used_minutes: 900, adding_minutes: 60, limit: 900 };
        assert_eq!(finding(Lang::Ja, &f), "R-D1: この申請の派遣は既に15.0時間です (上限15.0時間、今回1.0時間)");
        assert!(finding(Lang::En, &f).starts_with("R-D1: this application already has 15.0 hours"));
    }
}

/// The texts of the queue's forms in one language (a struct: both languages must define every text).
#[derive(Debug)]
pub struct FormText {
    /// Titles: new application, add visit, change status, reject, new desk consultation.
    pub titles: [&'static str; 5],
    /// Business.
    pub business: &'static str,
    /// Applying chamber (empty: received directly).
    pub chamber: &'static str,
    /// Received on.
    pub received_on: &'static str,
    /// Theme.
    pub theme: &'static str,
    /// Recommended expert.
    pub recommended_expert: &'static str,
    /// Date.
    pub date: &'static str,
    /// Start time.
    pub start: &'static str,
    /// End time.
    pub end: &'static str,
    /// Place (R-D2).
    pub place: &'static str,
    /// Place note.
    pub place_note: &'static str,
    /// Accompanied by (R-D3).
    pub accompanied_by: &'static str,
    /// Name of the person accompanying.
    pub accompanying_name: &'static str,
    /// Reason for R-D3.
    pub accompaniment_reason: &'static str,
    /// Override reason for R-D1.
    pub override_reason: &'static str,
    /// Next status.
    pub to_status: &'static str,
    /// Expert (on approval).
    pub expert: &'static str,
    /// Support report summary.
    pub report_summary: &'static str,
    /// Rejection grounds.
    pub grounds: &'static str,
    /// Ground 8 text.
    pub ground_note: &'static str,
    /// Channel.
    pub channel: &'static str,
    /// Caller.
    pub caller_name: &'static str,
    /// Caller's phone.
    pub caller_phone: &'static str,
    /// Content.
    pub content: &'static str,
    /// Outcome.
    pub outcome: &'static str,
    /// "Required".
    pub required: &'static str,
    /// Saving in progress.
    pub saving: &'static str,
    /// Saved.
    pub saved: &'static str,
    /// "{status}の申請にはできません (他の端末で変更された可能性があります)".
    pub wrong_status: &'static str,
    /// The record no longer exists.
    pub missing: &'static str,
    /// Second Esc discards.
    pub confirm_discard: &'static str,
    /// Visits need an approved application.
    pub needs_approval: &'static str,
    /// Nothing to move to from this status.
    pub no_transition: &'static str,
    /// `f` on an application past the stage where its expert is chosen.
    pub find_not_now: &'static str,
    /// Select an application first.
    pub select_first: &'static str,
    /// "No matches" in a record picker.
    pub no_candidates: &'static str,
    /// The R-D1 override prompt shown when a limit is reached.
    pub override_hint: &'static str,
    /// Hint of the form footer.
    pub footer: &'static str,
    /// Picker choice: "＋ 「{name}」を新しい事業者として登録".
    pub register_new: &'static str,
    /// New business: reading.
    pub new_reading: &'static str,
    /// New business: legal form.
    pub legal_form: &'static str,
    /// New business: municipality.
    pub municipality: &'static str,
    /// "似た事業者があります: {list} ...".
    pub possible_duplicates: &'static str,
    /// "「{name}」は県内の市町村にありません".
    pub unknown_municipality: &'static str,
    /// Title suffix of the edit form.
    pub edit_title: &'static str,
    /// Refused: another console changed the record since it was opened.
    pub changed: &'static str,
    /// What the other console changed: " ({who} {at}「{label}」: {fields})", put into `changed` as "{what}".
    pub changed_by: &'static str,
    /// "取り消しました: {action}".
    pub undone: &'static str,
    /// "やり直しました: {action}".
    pub redone: &'static str,
    /// Nothing to undo or redo.
    pub nothing_to_undo: &'static str,
    /// "後の変更 ({record}) があるため取り消せません".
    pub later_change: &'static str,
    /// Undo refused: the record is linked to records added or removed later; `{record}`.
    pub linked_later: &'static str,
    /// The record opened is not an application of the fiscal year shown.
    pub not_this_year: &'static str,
    /// Quitting with unsaved input: press again.
    pub confirm_quit: &'static str,
}

/// What kind of record a table holds, for messages ("申請 12").
pub fn table_label(lang: Lang, table: &str) -> String {
    let (ja, en) = match table {
        "dispatch" => ("申請", "application"),
        "visit" => ("派遣", "visit"),
        "business" => ("事業者", "business"),
        "expert" => ("専門家", "expert"),
        "organisation" => ("団体", "organisation"),
        "desk_consultation" => ("窓口相談", "desk consultation"),
        "rejection_ground" => ("否決理由", "rejection ground"),
        "override" => ("例外承認", "override"),
        "event" => ("講習会・相談会", "event"),
        "booking" => ("相談会の予約", "booking"),
        "event_expert" => ("講習会・相談会の専門家", "event expert"),
        _ => (table, table),
    };
    match lang {
        Lang::Ja => ja.to_string(),
        Lang::En => en.to_string(),
    }
}

/// The name of an audited action (`dispatch.add_visit`) for the status line.
pub fn action_label(lang: Lang, label: &str) -> String {
    // Imports before 2026-11-25 were labelled "import events".
    if let Some(kind) = label.strip_prefix("import.").or_else(|| label.strip_prefix("import ")) {
        return match lang {
            Lang::Ja => format!("{}の取り込み", import_kind(lang, kind)),
            Lang::En => format!("import of {kind}"),
        };
    }
    let (ja, en) = match label {
        "dispatch.create" => ("新規申請", "new application"),
        "dispatch.add_visit" => ("派遣の追加", "visit added"),
        "dispatch.edit_visit" => ("派遣の編集", "visit edited"),
        "dispatch.remove_visit" => ("派遣の削除", "visit removed"),
        "dispatch.reject" => ("否決", "rejection"),
        "dispatch.edit" => ("申請の編集", "application edited"),
        "consultation.create" => ("窓口相談の記録", "desk consultation"),
        "consultation.edit" => ("窓口相談の編集", "desk consultation edited"),
        l if l.starts_with("roster.") => crate::ui::i18n::roster::action(l),
        l if l.starts_with("ledger.") => crate::ui::i18n::ledger::action(l),
        l if l.starts_with("events.") => crate::ui::i18n::events::action(l),
        l if l.starts_with("dispatch.status.") => ("状態の変更", "status change"),
        _ => (label, label),
    };
    match lang {
        Lang::Ja => ja.to_string(),
        Lang::En => en.to_string(),
    }
}

/// What an import brings in, by its command-line name (`events`), in the interface language.
pub fn import_kind(lang: Lang, kind: &str) -> &str {
    match lang {
        Lang::Ja => ja::reports::import_kind(kind),
        Lang::En => kind,
    }
}

/// The form texts of a language.
pub fn forms(lang: Lang) -> &'static FormText {
    match lang {
        Lang::Ja => &ja::forms::TEXT,
        Lang::En => &en::forms::TEXT,
    }
}

/// A date that could not be read, worded for the field.
pub fn date_error(lang: Lang, e: &crate::domain::parse::DateError) -> String {
    match lang {
        Lang::Ja => ja::parse::date_error(e),
        Lang::En => en::parse::date_error(e),
    }
}

/// A phone number that could not be read, worded for the field.
pub fn phone_error(lang: Lang, e: &crate::domain::parse::PhoneError) -> String {
    match lang {
        Lang::Ja => ja::parse::phone_error(e),
        Lang::En => en::parse::phone_error(e),
    }
}

/// A time that could not be read, worded for the field.
pub fn time_error(lang: Lang, e: &crate::domain::parse::TimeError) -> String {
    match lang {
        Lang::Ja => ja::parse::time_error(e),
        Lang::En => en::parse::time_error(e),
    }
}

/// The texts of the command-line subcommands in one language.
#[derive(Debug)]
pub struct CliText {
    /// `check`: nothing wrong.
    pub no_problems: &'static str,
    /// `check`: "問題 {n} 件".
    pub problems: &'static str,
    /// `check`: heading of the row counts.
    pub rows: &'static str,
    /// `demo`: "デモデータを作成しました: {path} (規模 {scale}, シード {seed}, {secs}秒)".
    pub demo_written: &'static str,
}

/// The subcommands' texts of a language.
pub fn cli(lang: Lang) -> &'static CliText {
    match lang {
        Lang::Ja => &ja::cli::TEXT,
        Lang::En => &en::cli::TEXT,
    }
}

/// The texts of backups, restore and storage failures in one language.
#[derive(Debug)]
pub struct BackupText {
    /// Status line: "バックアップ {age}前".
    pub status_age: &'static str,
    /// Status line: no backup yet.
    pub status_none: &'static str,
    /// Status line: the last attempt failed.
    pub status_failed: &'static str,
    /// Ages: "{n}分", "{n}時間", "{n}日".
    pub ages: [&'static str; 3],
    /// `backup`: "バックアップを作成しました: {path} (integrity_check ok)".
    pub written: &'static str,
    /// `backup --out`: "{path} は既にあります ...".
    pub exists: &'static str,
    /// `restore`: the file offered, "{path}: スキーマ版 {version}、申請 {applications}件 ...".
    pub summary: &'static str,
    /// `restore`: "復元先: {db} (現在のデータベースは {aside} に残します)".
    pub target: &'static str,
    /// `restore`: "復元先: {db} (新規)".
    pub target_new: &'static str,
    /// `restore`: the question on a terminal.
    pub prompt: &'static str,
    /// `restore`: no terminal and no `--yes`.
    pub needs_yes: &'static str,
    /// `restore`: the user said no.
    pub declined: &'static str,
    /// `restore`: "復元しました: {db}".
    pub restored: &'static str,
    /// `restore`: "以前のデータベース: {aside}".
    pub kept_aside: &'static str,
    /// Disk full: nothing was written.
    pub disk_full: &'static str,
    /// Read-only database: nothing was written.
    pub read_only: &'static str,
    /// Locked by another console past the busy timeout ("{secs}" seconds): nothing was written.
    pub locked: &'static str,
}

/// The backup texts of a language.
pub fn backup(lang: Lang) -> &'static BackupText {
    match lang {
        Lang::Ja => &ja::backup::TEXT,
        Lang::En => &en::backup::TEXT,
    }
}

/// Why a file cannot be restored, worded with its path.
pub fn unusable(lang: Lang, path: &std::path::Path, why: &crate::store::backup::Unusable) -> String {
    match lang {
        Lang::Ja => ja::backup::unusable(path, why),
        Lang::En => en::backup::unusable(path, why),
    }
}

/// An error as the desk should read it: a known storage failure in the catalogue's words, anything else as is.
pub fn error(lang: Lang, e: &anyhow::Error) -> String {
    use crate::store::failure::Failure;
    let t = backup(lang);
    match Failure::of(e) {
        Some(Failure::DiskFull) => t.disk_full.to_string(),
        Some(Failure::ReadOnly) => t.read_only.to_string(),
        Some(Failure::Locked) => t.locked.replace("{secs}", &crate::store::BUSY_TIMEOUT.as_secs().to_string()),
        None => format!("{e:#}"),
    }
}

/// "3時間" / "3 h": the age of a backup in whole minutes, hours or days.
pub fn age(lang: Lang, minutes: i64) -> String {
    let t = backup(lang);
    let (template, n) = match minutes.max(0) {
        m if m < 60 => (t.ages[0], m),
        m if m < 24 * 60 => (t.ages[1], m / 60),
        m => (t.ages[2], m / (24 * 60)),
    };
    template.replace("{n}", &n.to_string())
}

#[cfg(test)]
mod backup_text_tests {
    use super::*;

    #[test]
    fn no_backup_text_is_empty_in_either_language() {
        for lang in [Lang::Ja, Lang::En] {
            let t = backup(lang);
            let all = [
                t.status_age,
                t.status_none,
                t.status_failed,
                t.written,
                t.exists,
                t.summary,
                t.target,
                t.target_new,
                t.prompt,
                t.needs_yes,
                t.declined,
                t.restored,
                t.kept_aside,
                t.disk_full,
                t.read_only,
                t.locked,
            ];
            assert!(all.iter().chain(&t.ages).all(|s| !s.trim().is_empty()), "{lang:?}");
        }
    }

    #[test]
    fn ages_round_down_to_the_largest_unit() {
        assert_eq!(age(Lang::Ja, 0), "0分");
        assert_eq!(age(Lang::Ja, 59), "59分");
        assert_eq!(age(Lang::Ja, 125), "2時間");
        assert_eq!(age(Lang::En, 3 * 24 * 60 + 5), "3 d");
    }
}
