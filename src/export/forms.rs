//! The documents the desk sends, laid out in the forms' order with their headings: the decision notice to the
//! chamber, the dispatch request to the expert (依頼書), Form 4 (a reimbursement claim) and the payment list.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::Connection;

use super::document::{Block, Document};
use super::table::{Table, Value};
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::model::{DispatchNumber, DispatchStatus};
use crate::domain::parse::{format_time, format_yen};
use crate::domain::wareki::format_fiscal_year;
use crate::store::reports::documents as q;
use crate::ui::i18n::reports::{ReportsText, text, venue};
use crate::ui::i18n::{Lang, label};

/// The kinds of document `export document` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DocumentKind {
    /// Decision notice to the chamber (approval, or rejection with its R-D5 grounds); ID: an application number.
    Notice,
    /// Dispatch request to the expert (依頼書); ID: an application number.
    Request,
    /// Form 4, a reimbursement claim (様式4 立替金精算書); ID: the claim's number.
    Form4,
    /// The payment list of honoraria and travel; ID: a fiscal year (2025).
    Payments,
}

/// Why a document cannot be made (worded by the caller).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// The id cannot be read for this kind.
    BadId,
    /// No application of that number.
    Dispatch(DispatchNumber),
    /// No claim of that id.
    Claim(i64),
    /// A notice for an application not yet decided.
    Undecided(DispatchNumber, DispatchStatus),
}

/// Builds the document `kind` for `id`; `Ok(Err(..))` when there is nothing to build it from.
pub fn build(
    conn: &Connection,
    lang: Lang,
    fy: &FiscalYear,
    kind: DocumentKind,
    id: &str,
    today: NaiveDate,
) -> Result<std::result::Result<Document, Missing>> {
    let t = text(lang);
    Ok(match kind {
        DocumentKind::Notice | DocumentKind::Request => {
            let Some(number) = DispatchNumber::parse(id, fy.year) else { return Ok(Err(Missing::BadId)) };
            let Some(d) = q::dispatch(conn, number)? else { return Ok(Err(Missing::Dispatch(number))) };
            if kind == DocumentKind::Notice {
                match d.status {
                    DispatchStatus::Received | DispatchStatus::UnderReview => {
                        return Ok(Err(Missing::Undecided(number, d.status)));
                    }
                    _ => Ok(notice(t, lang, fy, &d, today)),
                }
            } else {
                Ok(request(t, lang, fy, &d, today))
            }
        }
        DocumentKind::Form4 => {
            let Ok(claim_id) = id.trim().parse::<i64>() else { return Ok(Err(Missing::BadId)) };
            match q::claim(conn, claim_id)? {
                Some(c) => Ok(form4(t, lang, &c, today)),
                None => Err(Missing::Claim(claim_id)),
            }
        }
        DocumentKind::Payments => {
            let Ok(year) = id.trim().parse::<i32>() else { return Ok(Err(Missing::BadId)) };
            Ok(payments(t, conn, year, today)?)
        }
    })
}

fn sender(t: &ReportsText) -> Vec<String> {
    vec![t.federation.to_string(), t.desk.to_string(), t.contact[0].to_string(), t.contact[1].to_string()]
}

fn theme_label(t: &ReportsText, lang: Lang, fy: &FiscalYear, n: i64) -> String {
    let number = u8::try_from(n).unwrap_or(0);
    let name = fy.dispatch_themes().iter().find(|th| th.number == number);
    match name {
        Some(th) => format!("{} {}", (t.theme_number)(number), if lang == Lang::Ja { &th.ja } else { &th.en }),
        None => (t.theme_number)(number),
    }
}

fn addressed(name: &str, suffix: &str) -> String {
    if suffix.is_empty() { name.to_string() } else { format!("{name} {suffix}") }
}

/// The decision notice: approval, or rejection with every R-D5 ground and the free-text reason.
fn notice(t: &ReportsText, lang: Lang, fy: &FiscalYear, d: &q::DispatchFacts, today: NaiveDate) -> Document {
    let l = &t.doc.labels;
    let rejected = d.status == DispatchStatus::Rejected;
    let sentence = if rejected { t.doc.notice_rejected } else { t.doc.notice_approved };
    let to = d.chamber.as_deref().unwrap_or(&d.business);
    let mut blocks = vec![
        Block::Paragraph(sentence.replace("{date}", &(t.date)(d.received_on))),
        Block::Centered(t.doc.particulars.to_string()),
        Block::Field(l[0].into(), d.number.to_string()),
        Block::Field(l[1].into(), (t.date)(d.received_on)),
        Block::Field(l[4].into(), d.business.clone()),
        Block::Field(l[11].into(), theme_label(t, lang, fy, d.theme)),
        Block::Field(l[3].into(), t.doc.decisions[usize::from(rejected)].to_string()),
        Block::Field(l[2].into(), d.decided_on.map(t.date).unwrap_or_default()),
    ];
    if rejected {
        let grounds: Vec<String> =
            d.grounds.iter().map(|g| format!("{g}. {}", label::rejection_ground(lang, *g))).collect();
        let grounds = if grounds.is_empty() { t.doc.none.to_string() } else { grounds.join("\n") };
        blocks.push(Block::Field(l[12].into(), grounds));
        if !d.rejection_note.is_empty() {
            blocks.push(Block::Field(l[13].into(), d.rejection_note.clone()));
        }
    } else if let Some(expert) = &d.expert {
        blocks.push(Block::Field(l[10].into(), expert.clone()));
    }
    Document {
        title: t.doc.notice_title.to_string(),
        date: (t.date)(today),
        addressee: Some(addressed(to, if d.chamber.is_some() { t.doc.to_body } else { t.doc.to_person })),
        sender: sender(t),
        blocks,
    }
}

/// The dispatch request to the expert: business, theme, accompanying chamber and the visit dates.
fn request(t: &ReportsText, lang: Lang, fy: &FiscalYear, d: &q::DispatchFacts, today: NaiveDate) -> Document {
    let l = &t.doc.labels;
    let mut visits = Table::new(l[14], &t.doc.visit_headers);
    for v in &d.visits {
        let place = label::place(lang, v.place);
        let place = if v.place_note.is_empty() { place.to_string() } else { format!("{place} ({})", v.place_note) };
        visits.rows.push(vec![
            Value::Date(v.date),
            Value::Text(format!("{}〜{}", format_time(v.start_min), format_time(v.end_min))),
            Value::Text(place),
        ]);
    }
    let mut blocks = vec![
        Block::Paragraph(t.doc.request_intro.to_string()),
        Block::Centered(t.doc.particulars.to_string()),
        Block::Field(l[0].into(), d.number.to_string()),
        Block::Field(l[4].into(), d.business.clone()),
        Block::Field(l[5].into(), d.business_address.clone()),
        Block::Field(l[6].into(), d.business_phone.clone()),
        Block::Field(l[7].into(), d.representative.clone()),
        Block::Field(l[11].into(), theme_label(t, lang, fy, d.theme)),
        Block::Field(l[8].into(), d.chamber.clone().unwrap_or_else(|| t.h.direct.to_string())),
        Block::Field(l[9].into(), d.guidance_officer.clone().unwrap_or_default()),
    ];
    if visits.rows.is_empty() {
        blocks.push(Block::Field(l[14].into(), t.doc.none.to_string()));
    } else {
        blocks.push(Block::Table(visits));
    }
    Document {
        title: t.doc.request_title.to_string(),
        date: (t.date)(today),
        addressee: d.expert.as_deref().map(|e| addressed(e, t.doc.to_person)),
        sender: sender(t),
        blocks,
    }
}

/// Form 4: the organising body claims back the venue fee it advanced (R-S8).
fn form4(t: &ReportsText, lang: Lang, c: &q::ClaimFacts, today: NaiveDate) -> Document {
    let l = &t.doc.form4_labels;
    let blocks = vec![
        Block::Paragraph(t.doc.form4_intro.to_string()),
        Block::Centered(t.doc.particulars.to_string()),
        Block::Field(l[0].into(), c.organisation.clone()),
        Block::Field(l[1].into(), c.organisation_address.clone()),
        Block::Field(l[2].into(), c.event_title.clone()),
        Block::Field(l[3].into(), (t.date)(c.event_date)),
        Block::Field(l[4].into(), c.venue.clone()),
        Block::Field(l[5].into(), venue(lang, c.venue_kind).to_string()),
        Block::Field(l[6].into(), format_yen(c.amount_yen)),
        Block::Field(l[7].into(), c.receipt_ref.clone()),
        Block::Field(l[8].into(), (t.date)(c.claimed_on)),
    ];
    Document {
        title: t.doc.form4_title.to_string(),
        date: (t.date)(today),
        addressee: Some(addressed(t.federation, t.doc.to_body)),
        sender: vec![c.organisation.clone(), c.organisation_address.clone()],
        blocks,
    }
}

/// The payment list of a fiscal year: approved and paid honoraria and travel, with totals.
fn payments(t: &ReportsText, conn: &Connection, year: i32, today: NaiveDate) -> Result<Document> {
    let title = t.doc.payments_title.replace("{year}", &format_fiscal_year(year));
    let mut table = Table::new(title.clone(), &t.doc.payment_headers);
    for p in q::payment_list(conn, year)? {
        let what = p.event.clone().or_else(|| p.dispatch.map(|d| d.to_string())).unwrap_or_default();
        table.rows.push(vec![
            Value::Date(p.date),
            Value::Text(p.expert),
            Value::Text(what),
            Value::Yen(p.honorarium_yen),
            Value::Yen(p.travel_yen),
            Value::Yen(p.withholding_yen),
            Value::Yen(p.net_yen),
        ]);
    }
    table.push_totals(t.h.total_row);
    Ok(Document { title, date: (t.date)(today), addressee: None, sender: sender(t), blocks: vec![Block::Table(table)] })
}
