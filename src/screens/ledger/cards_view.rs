//! The selected claim's or payment's card (every step with its date and staff), and an expert's 支払調書 figures.

use ratatui::text::Line;

use super::State;
use crate::app::Session;
use crate::domain::parse::format_yen;
use crate::domain::wareki::format_iso_wareki;
use crate::store::ledger::lists::{ClaimRow, PaymentRow};
use crate::store::ledger::totals::Statement;
use crate::ui::i18n::{self, ledger::LedgerText};
use crate::ui::text::truncate;
use crate::ui::theme::Theme;

/// The card's lines, each cut to `width` cells.
pub fn lines<'a>(state: &State, s: &Session, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let t = i18n::ledger::text(s.lang);
    // Each card lists the keys that act on it (a payment is never returned; a statement is only read).
    let ((title, facts), keys) = if let Some(st) = &state.statement {
        (statement(st, t), t.statement_keys)
    } else if let Some(c) = state.selected_claim() {
        (claim(c, s, t), t.card_keys)
    } else if let Some(p) = state.selected_payment() {
        (payment(p, s, t), t.payment_card_keys)
    } else {
        return Vec::new();
    };
    let mut lines = vec![Line::styled(format!(" {}", truncate(&title, width.saturating_sub(1))), theme.heading())];
    let label_width = facts.iter().map(|(l, _)| crate::ui::text::width(l)).max().unwrap_or(0);
    for (label, value) in facts {
        let text = format!("  {}  {value}", crate::ui::text::fit(label, label_width));
        lines.push(Line::styled(truncate(&text, width), theme.normal()));
    }
    lines.push(Line::styled(format!("  {}", truncate(keys, width.saturating_sub(2))), theme.dim()));
    lines
}

type Facts = Vec<(&'static str, String)>;

fn step(d: &Option<(chrono::NaiveDate, String)>) -> String {
    d.as_ref().map(|(d, who)| format!("{}  {who}", format_iso_wareki(*d))).unwrap_or_else(|| "-".into())
}

fn claim(c: &ClaimRow, s: &Session, t: &LedgerText) -> (String, Facts) {
    let title = t.claim_card.replace("{id}", &c.id.to_string()).replace("{event}", &c.event);
    let mut facts = vec![
        (t.c_event, format!("{}  {}", format_iso_wareki(c.event_date), c.event)),
        (t.c_venue, format!("{} ({})", c.venue, i18n::ledger::venue(s.lang, c.venue_kind))),
        (t.c_organisation, c.organisation.clone()),
        (t.c_amount, format_yen(c.amount_yen)),
        (t.c_receipt, c.receipt_ref.clone()),
        (t.c_status, i18n::ledger::claim_status(s.lang, c.status).to_string()),
        (t.c_claimed, format_iso_wareki(c.claimed_on)),
        (t.c_checked, step(&c.checked)),
        (t.c_approved, step(&c.approved)),
        (t.c_paid, step(&c.paid)),
    ];
    if !c.return_reason.is_empty() {
        facts.push((t.c_return_reason, c.return_reason.clone()));
    }
    if !c.note.is_empty() {
        facts.push((t.f_note, c.note.clone()));
    }
    (title, facts)
}

fn payment(p: &PaymentRow, s: &Session, t: &LedgerText) -> (String, Facts) {
    let title = t.payment_card.replace("{id}", &p.id.to_string()).replace("{expert}", &p.expert);
    let work = match p.work_date {
        Some(d) => format!("{}  {}", format_iso_wareki(d), p.work),
        None => p.work.clone(),
    };
    let date = |d: Option<chrono::NaiveDate>| d.map(format_iso_wareki).unwrap_or_else(|| "-".into());
    let withheld = if p.payee_is_corporation { t.corporation.to_string() } else { format_yen(p.withholding_yen) };
    let mut facts = vec![
        (if p.for_event { t.kinds[3] } else { t.kinds[4] }, work),
        (t.f_honorarium, format_yen(p.honorarium_yen)),
        (t.f_travel, format_yen(p.travel_yen)),
        (t.c_withheld, withheld),
        (t.c_net, format_yen(p.net_yen)),
        (t.c_status, i18n::ledger::payment_status(s.lang, p.status).to_string()),
        (t.f_proposed_on, format_iso_wareki(p.proposed_on)),
        (t.c_approved, date(p.approved_on)),
        (t.c_paid, date(p.paid_on)),
    ];
    if !p.note.is_empty() {
        facts.push((t.f_note, p.note.clone()));
    }
    (title, facts)
}

fn statement(st: &Statement, t: &LedgerText) -> (String, Facts) {
    let title = t.statement_title.replace("{year}", &st.year.to_string()).replace("{expert}", &st.name);
    let paid = format_yen(st.honorarium_yen + st.travel_yen);
    let facts = vec![
        (t.s_payee, if st.is_corporation { format!("{} ({})", st.name, t.corporation) } else { st.name.clone() }),
        (t.s_address, if st.address.is_empty() { "-".into() } else { st.address.clone() }),
        (t.s_count, st.count.to_string()),
        (t.f_honorarium, format_yen(st.honorarium_yen)),
        (t.f_travel, format_yen(st.travel_yen)),
        (t.s_paid, paid),
        (t.c_withheld, format_yen(st.withheld_yen)),
        (t.c_net, format_yen(st.net_yen)),
    ];
    (title, facts)
}
