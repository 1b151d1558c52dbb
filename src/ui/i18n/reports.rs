//! The texts of exports (report, CSV, feedback, documents, announcements) and imports: the structs both
//! catalogues fill in, so a text missing in one language does not compile.

use chrono::NaiveDate;

use super::{Lang, en, ja};

/// Texts of the exported files and of the `export` command.
#[derive(Debug)]
pub struct ReportsText {
    /// The desk's name.
    pub desk: &'static str,
    /// The federation's name.
    pub federation: &'static str,
    /// The desk's address, then its phone and mail.
    pub contact: [&'static str; 2],
    /// The report's title; `{year}` is the fiscal year (令和7年度).
    pub report_title: &'static str,
    /// The cover sheet's name.
    pub cover_sheet: &'static str,
    /// Cover labels: desk, fiscal year, made on, run by, contents.
    pub cover_labels: [&'static str; 5],
    /// Titles of the report's tables, in `TableName` order (also the sheet names: at most 31 characters).
    pub tables: [&'static str; 9],
    /// Column headers of the report tables (see `export::report`).
    pub h: Headers,
    /// A month as a row label.
    pub month: fn(NaiveDate) -> String,
    /// A date as Japanese offices expect it on a document.
    pub date: fn(NaiveDate) -> String,
    /// A theme's number as printed before its label (①).
    pub theme_number: fn(u8) -> String,
    /// The feedback sheet's title; `{chamber}` and `{year}`.
    pub feedback_title: &'static str,
    /// The feedback sheet's headers.
    pub feedback_headers: [&'static str; 9],
    /// The announcements' title.
    pub announcements_title: &'static str,
    /// The announcements' headers (HTML table and CSV).
    pub announcements_headers: [&'static str; 8],
    /// Shown when nothing is planned.
    pub none_upcoming: &'static str,
    /// Document texts.
    pub doc: DocumentText,
    /// Command messages.
    pub cli: ExportMessages,
}

/// Column headers of the report tables.
#[derive(Debug)]
pub struct Headers {
    /// テーマ.
    pub theme: &'static str,
    /// 申請元 (chamber).
    pub chamber: &'static str,
    /// 市町村.
    pub municipality: &'static str,
    /// 月.
    pub month: &'static str,
    /// 申請件数.
    pub applications: &'static str,
    /// うち否決.
    pub rejected: &'static str,
    /// 派遣回数.
    pub visits: &'static str,
    /// うちオンライン.
    pub online: &'static str,
    /// 派遣時間 (時間).
    pub hours: &'static str,
    /// 支援した申請.
    pub dispatches: &'static str,
    /// 否決理由.
    pub ground: &'static str,
    /// 件数.
    pub count: &'static str,
    /// 相談方法.
    pub channel: &'static str,
    /// 計.
    pub total: &'static str,
    /// 種別.
    pub kind: &'static str,
    /// 地域.
    pub area: &'static str,
    /// 開催回数.
    pub events: &'static str,
    /// 参加者数.
    pub participants: &'static str,
    /// 謝金.
    pub honorarium: &'static str,
    /// 旅費.
    pub travel: &'static str,
    /// 源泉徴収.
    pub withholding: &'static str,
    /// 差引支払額.
    pub net: &'static str,
    /// 立替金精算 (様式4).
    pub reimbursements: &'static str,
    /// Applications received directly by the desk.
    pub direct: &'static str,
    /// A key not recorded.
    pub not_recorded: &'static str,
    /// The totals row.
    pub total_row: &'static str,
}

/// Texts of the documents the desk sends.
#[derive(Debug)]
pub struct DocumentText {
    /// 決定通知書.
    pub notice_title: &'static str,
    /// The notice's sentence for an approval; `{date}` received on.
    pub notice_approved: &'static str,
    /// The notice's sentence for a rejection; `{date}` received on.
    pub notice_rejected: &'static str,
    /// 依頼書.
    pub request_title: &'static str,
    /// The request's sentence.
    pub request_intro: &'static str,
    /// 様式4.
    pub form4_title: &'static str,
    /// Form 4's sentence.
    pub form4_intro: &'static str,
    /// The payment list's title; `{year}`.
    pub payments_title: &'static str,
    /// The word between the sentence and the particulars (記).
    pub particulars: &'static str,
    /// Addressee suffix for a body (御中).
    pub to_body: &'static str,
    /// Addressee suffix for a person (様).
    pub to_person: &'static str,
    /// Approval / rejection.
    pub decisions: [&'static str; 2],
    /// Field labels: number, received, decided, decision, business, address, phone, representative, chamber,
    /// guidance officer, expert, theme, grounds, reason, visits.
    pub labels: [&'static str; 15],
    /// Form 4 labels: organisation, address, event, event date, venue, venue kind, amount, receipt, claimed on.
    pub form4_labels: [&'static str; 9],
    /// Visit table headers: date, time, place.
    pub visit_headers: [&'static str; 3],
    /// Payment list headers: date, payee, for, honorarium, travel, withholding, net.
    pub payment_headers: [&'static str; 7],
    /// Shown when a list is empty.
    pub none: &'static str,
    /// Continued on the next page.
    pub page: &'static str,
}

/// Messages of the `export` command.
#[derive(Debug)]
pub struct ExportMessages {
    /// A file written; `{path}`.
    pub written: &'static str,
    /// No chamber of that name; `{name}`.
    pub unknown_chamber: &'static str,
    /// No application of that number; `{id}`.
    pub unknown_dispatch: &'static str,
    /// No claim of that id; `{id}`.
    pub unknown_claim: &'static str,
    /// An id that is neither; `{id}` and `{kind}`.
    pub bad_id: &'static str,
    /// A decision notice for an application not yet decided; `{number}`, `{status}`.
    pub undecided: &'static str,
    /// The PDF font is missing; `{tried}` lists what was looked for.
    pub font_missing: &'static str,
    /// The configured font cannot be used; `{path}`, `{why}`.
    pub font_unusable: &'static str,
    /// The output's extension is not one the command writes; `{path}`, `{expected}`.
    pub bad_extension: &'static str,
}

/// Texts of the console's export/import popup and frequency tables.
#[derive(Debug)]
pub struct ConsoleReportsText {
    /// The popup's title.
    pub title: &'static str,
    /// What to do: report, CSV table, feedback, document, announcements, import.
    pub what: [&'static str; 6],
    /// Field labels: what, table, chamber, document, number, file.
    pub labels: [&'static str; 6],
    /// Documents: notice, request, Form 4, payment list.
    pub documents: [&'static str; 4],
    /// The form's hint line.
    pub run_hint: &'static str,
    /// No file given.
    pub path_required: &'static str,
    /// No chamber given for the feedback.
    pub chamber_required: &'static str,
    /// Work in progress.
    pub running: &'static str,
    /// Above the path written.
    pub written: &'static str,
    /// Above why nothing was done.
    pub failed: &'static str,
    /// Under an importable dry run.
    pub confirm_import: &'static str,
    /// Under a dry run with rejected rows.
    pub not_importable: &'static str,
    /// Under the result.
    pub done_hint: &'static str,
    /// The frequency view's title; `{list}`, `{filter}`, `{rows}`, `{cols}`.
    pub freq_title: &'static str,
    /// The title's filter when the list was not narrowed.
    pub unfiltered: &'static str,
    /// A status filter in the title; `{status}`.
    pub status_filter: &'static str,
    /// A typed filter in the title; `{text}`.
    pub text_filter: &'static str,
    /// One record's applications in the title (as the tab bar shows them); `{record}`.
    pub record_filter: &'static str,
    /// The ledger's unpaid-only filter in the title.
    pub unpaid_only: &'static str,
    /// The lists counted: applications, desk consultations, events, claims.
    pub sources: [&'static str; 4],
    /// Field names: theme, chamber, status, month, municipality, expert, kind, organisation, area, channel,
    /// outcome, staff.
    pub fields: [&'static str; 12],
    /// The column of a one-field table.
    pub count: &'static str,
    /// Counting.
    pub loading: &'static str,
    /// Nothing to count.
    pub empty: &'static str,
    /// Nothing to count under the list's filter.
    pub empty_filtered: &'static str,
    /// The records behind a cell; `{cell}`, `{n}`.
    pub records_title: &'static str,
}

/// The console's report texts in a language.
pub fn console(lang: Lang) -> &'static ConsoleReportsText {
    match lang {
        Lang::Ja => &ja::reports::CONSOLE,
        Lang::En => &en::reports::CONSOLE,
    }
}

/// Export texts in a language.
pub fn text(lang: Lang) -> &'static ReportsText {
    match lang {
        Lang::Ja => &ja::reports::TEXT,
        Lang::En => &en::reports::TEXT,
    }
}

/// Texts of the `import` command.
#[derive(Debug)]
pub struct ImportText {
    /// Dry-run heading; `{file}`, `{kind}`, `{rows}`.
    pub dry_run: &'static str,
    /// The console's check heading (nothing imported yet); `{file}`, `{kind}`, `{rows}`.
    pub checked: &'static str,
    /// Rows that would be added and skipped; `{new}`, `{skipped}`.
    pub would_add: &'static str,
    /// Done; `{file}`, `{kind}`, `{new}`, `{skipped}`.
    pub imported: &'static str,
    /// Heading of the rejected rows; `{n}`.
    pub rejected_rows: &'static str,
    /// One rejected row; `{row}`, `{column}`, `{problem}`.
    pub row_issue: &'static str,
    /// The real import refused; `{n}`.
    pub refused: &'static str,
    /// The kind cannot be told from the headers.
    pub unknown_kind: &'static str,
    /// A required column is missing; `{column}`, `{headers}`.
    pub missing_column: &'static str,
    /// The file cannot be read; `{file}`, `{why}`.
    pub unreadable: &'static str,
    /// Not a spreadsheet or CSV; `{file}`.
    pub unsupported: &'static str,
    /// A required value is empty.
    pub required: &'static str,
    /// No such chamber; `{name}`.
    pub unknown_chamber: &'static str,
    /// No such municipality in the prefecture; `{name}`.
    pub unknown_municipality: &'static str,
    /// No such legal form; `{name}`.
    pub unknown_legal_form: &'static str,
    /// No such industry; `{name}`.
    pub unknown_industry: &'static str,
    /// No such theme; `{value}`, `{max}`.
    pub unknown_theme: &'static str,
    /// The application's business is not registered; `{name}`, `{phone}`.
    pub unknown_business: &'static str,
    /// The same, for a row without a phone number; `{name}`.
    pub unknown_business_named: &'static str,
    /// The same record as an earlier row; `{row}`.
    pub duplicate_row: &'static str,
    /// An application number that cannot be read; `{value}`.
    pub bad_number: &'static str,
    /// A date outside the fiscal year of the application number; `{date}`, `{year}`.
    pub wrong_year: &'static str,
    /// A yes/no value that cannot be read; `{value}`.
    pub bad_flag: &'static str,
    /// Corporate number errors: empty, length (`{digits}`), character (`{ch}`), check digit (`{expected}`,
    /// `{found}`).
    pub corporate_number: [&'static str; 4],
    /// Whole-number errors: empty, unreadable (`{input}`), negative, too large (`{max}`).
    pub number: [&'static str; 4],
    /// Yen errors: empty, unreadable (`{input}`), negative, fractional, too large (`{max}`).
    pub yen: [&'static str; 5],
    /// No application of that number; `{number}`.
    pub unknown_application: &'static str,
    /// The application takes no visits; `{number}`, `{status}`.
    pub no_visits: &'static str,
    /// No such place (R-D2); `{value}`.
    pub unknown_place: &'static str,
    /// No such accompaniment (R-D3); `{value}`.
    pub unknown_accompaniment: &'static str,
    /// No (single) expert of that name; `{name}`.
    pub unknown_expert: &'static str,
    /// No event held then (`{what}`), or several (`{what}`, `{n}`: give the title).
    pub unknown_event: [&'static str; 2],
    /// No organisation of that name (an event's organising body); `{name}`.
    pub unknown_organiser: &'static str,
    /// Neither a seminar nor a consultation day; `{value}`.
    pub unknown_event_kind: &'static str,
    /// No such venue kind; `{value}`.
    pub unknown_venue_kind: &'static str,
    /// No such event status; `{value}`.
    pub unknown_event_status: &'static str,
    /// A slot length outside 1..=480 minutes; `{value}`.
    pub slot_length: &'static str,
    /// The same event as an earlier row; `{row}`.
    pub same_event: &'static str,
}

/// Import texts in a language.
pub fn import(lang: Lang) -> &'static ImportText {
    match lang {
        Lang::Ja => &ja::reports::IMPORT,
        Lang::En => &en::reports::IMPORT,
    }
}

/// An event kind's label (講習会, 個別相談会).
pub fn event_kind(lang: Lang, k: crate::domain::model::EventKind) -> &'static str {
    match lang {
        Lang::Ja => ja::labels::event_kind(k),
        Lang::En => en::labels::event_kind(k),
    }
}

/// A venue kind's label (R-S5, R-S8).
pub fn venue(lang: Lang, v: crate::domain::model::VenueKind) -> &'static str {
    match lang {
        Lang::Ja => ja::labels::venue(v),
        Lang::En => en::labels::venue(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_export_or_import_text_is_empty_in_either_language() {
        for lang in [Lang::Ja, Lang::En] {
            let t = text(lang);
            let mut all = vec![t.desk, t.federation, t.report_title, t.cover_sheet, t.feedback_title, t.none_upcoming];
            all.extend(t.contact);
            all.extend(t.cover_labels);
            all.extend(t.tables);
            all.extend(t.feedback_headers);
            all.extend(t.announcements_headers);
            all.extend(t.doc.labels);
            all.extend(t.doc.form4_labels);
            all.extend(t.doc.payment_headers);
            all.extend([t.cli.written, t.cli.unknown_chamber, t.cli.font_missing, t.cli.bad_extension]);
            let i = import(lang);
            all.extend([i.dry_run, i.checked, i.imported, i.row_issue, i.refused, i.duplicate_row, i.unknown_chamber]);
            all.extend([i.unknown_organiser, i.unknown_event_kind, i.unknown_venue_kind, i.unknown_event_status]);
            all.extend([i.slot_length, i.same_event]);
            all.extend(i.corporate_number);
            all.extend(i.number);
            all.extend(i.yen);
            all.extend([
                i.unknown_application,
                i.no_visits,
                i.unknown_place,
                i.unknown_accompaniment,
                i.unknown_expert,
            ]);
            let c = console(lang);
            all.extend([c.title, c.run_hint, c.path_required, c.chamber_required, c.running, c.written, c.failed]);
            all.extend([c.confirm_import, c.not_importable, c.done_hint, c.freq_title, c.count, c.loading, c.empty]);
            all.extend([c.records_title, c.unfiltered, c.status_filter, c.text_filter, c.record_filter]);
            all.extend([c.unpaid_only, c.empty_filtered]);
            all.extend(c.what);
            all.extend(c.labels);
            all.extend(c.documents);
            all.extend(c.sources);
            all.extend(c.fields);
            assert!(all.iter().all(|s| !s.trim().is_empty()), "{lang:?}");
            assert!(t.tables.iter().all(|s| s.chars().count() <= 31), "sheet names fit Excel's 31 characters");
        }
    }

    #[test]
    fn months_and_themes_read_as_each_language_writes_them() {
        let d = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        assert_eq!((text(Lang::Ja).month)(d), "令和8年1月");
        assert_eq!((text(Lang::En).month)(d), "2026-01");
        assert_eq!((text(Lang::Ja).theme_number)(3), "③");
        assert_eq!((text(Lang::Ja).date)(d), "令和8年1月1日");
    }
}
