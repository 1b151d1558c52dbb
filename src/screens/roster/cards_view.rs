//! Drawing a record's card: an expert (contact, themes, this year's figures, relations used by R-D5, what is
//! scheduled and what they served), a business (カルテ: facts, eligibility, the whole history with the desk),
//! an organisation (contact, staff, municipalities covered).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{Card, State};
use crate::app::Session;
use crate::app::keymap::{self, Command};
use crate::domain::model::DispatchStatus;
use crate::domain::parse::{format_hours, format_thousands, format_time};
use crate::domain::rules::eligibility::{BusinessFacts, check_eligibility, check_size, eligibility_basis};
use crate::domain::wareki::format_iso_wareki;
use crate::store::roster::cards::{BusinessCard, Contact, OrganisationCard};
use crate::store::roster::experts::{Engagement, ExpertCard};
use crate::ui::i18n::{self, Lang, label, roster::RosterText};
use crate::ui::text::{display, truncate};
use crate::ui::theme::Theme;

/// Draws the open card into `area`.
pub fn draw(f: &mut Frame, area: Rect, state: &State, s: &Session, theme: &Theme) {
    let t = i18n::roster::text(s.lang);
    let width = usize::from(area.width.saturating_sub(2));
    use Command::*;
    let keys: &[Command] = match &state.card {
        None => &[Back],
        Some(Card::Expert(_)) => {
            &[Edit, Retire, Delete, AddRelation, EditRelation, DeleteRelation, ShowApplications, Back]
        }
        Some(Card::Business(_)) => &[Edit, MergeBusiness, ShowApplications, Back],
        Some(Card::Organisation(_)) => &[Edit, Retire, AddStaff, RetireStaff, EditCovers, ShowApplications, Back],
    };
    let hint = Line::styled(truncate(&hints(s, keys), width), theme.dim());
    let mut lines: Vec<Line> = state.card_message.iter().map(|m| Line::styled(m.clone(), theme.error())).collect();
    lines.extend(match &state.card {
        None => vec![Line::styled(format!(" {}", t.loading), theme.dim())],
        Some(Card::Expert(c)) => expert(c, state.relation, s, theme, t, width),
        Some(Card::Business(c)) => business(c, s, theme, t, width),
        Some(Card::Organisation(c)) => organisation(c, state.relation, s, theme, t),
    });
    for span in lines.iter_mut().flat_map(|l| l.spans.iter_mut()) {
        if let std::borrow::Cow::Owned(text) = display(&span.content) {
            span.content = text.into();
        }
    }
    // Keep the last column blank (ratatui#2695) and wrap long lines by cells; the keys stay on the first line
    // while the card scrolls (PgUp/PgDn).
    let inner = Rect { x: area.x + 1, width: area.width.saturating_sub(2), ..area };
    f.render_widget(Paragraph::new(hint), Rect { height: inner.height.min(1), ..inner });
    let body = Rect { y: inner.y + 1, height: inner.height.saturating_sub(1), ..inner };
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((state.card_scroll, 0)), body);
}

/// The keys of a card, as the key table describes them ("e 編集  r 退任・復帰 ...").
fn hints(s: &Session, commands: &[Command]) -> String {
    let table = || keymap::ALL_SCOPES.iter().flat_map(|sc| keymap::bindings(*sc));
    let hints: Vec<String> = commands
        .iter()
        .filter_map(|c| table().find(|b| b.command == *c))
        .map(|b| format!("{} {}", b.keys[0].label(), if s.lang == Lang::Ja { b.ja } else { b.en }))
        .collect();
    hints.join("  ")
}

fn heading<'a>(text: &str, theme: &Theme) -> Line<'a> {
    Line::styled(format!("【{text}】"), theme.heading())
}

fn engagement_line<'a>(e: &Engagement, t: &RosterText, width: usize) -> Line<'a> {
    let kind = if e.event { t.event } else { t.visit };
    let text = format!(
        "  {} {}  {kind} {}  {}  {}",
        format_iso_wareki(e.date),
        format_time(e.start_min),
        e.what,
        e.whom,
        t.hours.replace("{h}", &format_hours(e.minutes))
    );
    Line::from(truncate(&text, width))
}

fn expert<'a>(
    c: &ExpertCard,
    selected: usize,
    s: &Session,
    theme: &Theme,
    t: &RosterText,
    width: usize,
) -> Vec<Line<'a>> {
    let r = &c.row;
    let status = match r.retired_on {
        Some(d) => format!("  {} {}", t.retired, format_iso_wareki(d)),
        None => String::new(),
    };
    let mut out = vec![Line::styled(format!("{}  {}{status}", r.name, r.reading), theme.heading())];
    let themes: Vec<String> = r.themes.iter().map(u8::to_string).collect();
    out.push(Line::from(format!("{}: {}   {}: {}", t.theme, themes.join(","), t.expert_columns[5], r.region)));
    out.push(Line::from(format!("{}: {}", t.expert_columns[4], r.affiliation)));
    out.push(Line::from(format!("{}: {}", t.f_qualifications, r.qualifications)));
    out.push(Line::from(format!("{}: {}", t.f_keywords, r.keywords)));
    out.push(Line::from(format!("{}: {}   {}: {}", t.f_phone, c.phone, t.f_email, c.email)));
    out.push(Line::from(
        t.year_figures
            .replace("{visits}", &r.visits.to_string())
            .replace("{hours}", &format_hours(r.minutes))
            .replace("{yen}", &format_thousands(r.honoraria_yen)),
    ));
    out.push(heading(t.relations, theme));
    if c.relations.is_empty() {
        out.push(Line::styled(format!("  {}", t.none), theme.dim()));
    }
    for (i, rel) in c.relations.iter().enumerate() {
        let ground = match rel.kind {
            crate::domain::model::RelationKind::BelongsTo => 1,
            crate::domain::model::RelationKind::AdvisoryContract => 2,
        };
        let from = rel.from.map(|d| d.to_string()).unwrap_or_default();
        let until = rel.until.map(|d| d.to_string()).unwrap_or_default();
        let text = format!(
            "{}{}  {} (R-D5 {ground})  {from}〜{until}  {}",
            if i == selected { ">" } else { " " },
            rel.business,
            label::relation(s.lang, rel.kind),
            rel.note
        );
        let style = if i == selected {
            theme.selected()
        } else if rel.until.is_some() {
            theme.dim()
        } else {
            theme.normal()
        };
        out.push(Line::styled(truncate(&text, width), style));
    }
    out.push(heading(t.upcoming, theme));
    if c.upcoming.is_empty() {
        out.push(Line::styled(format!("  {}", t.none), theme.dim()));
    }
    out.extend(c.upcoming.iter().map(|e| engagement_line(e, t, width)));
    out.push(heading(&t.served.replace("{n}", &c.history_total.to_string()), theme));
    out.extend(c.history.iter().map(|e| engagement_line(e, t, width)));
    out
}

fn business<'a>(c: &BusinessCard, s: &Session, theme: &Theme, t: &RosterText, width: usize) -> Vec<Line<'a>> {
    let lang = s.lang;
    let mut out = vec![Line::styled(format!("{}  {}", c.name, c.reading), theme.heading())];
    if let Some(m) = &c.merged_into {
        out.push(Line::styled(t.merged_into.replace("{name}", m), theme.warn()));
    }
    let form = c.legal_form.map(|f| label::legal_form(lang, f)).unwrap_or("-");
    out.push(Line::from(format!(
        "{}: {form}   {}: {}   {}: {}",
        i18n::forms(lang).legal_form,
        t.f_corporate_number,
        c.corporate_number.as_deref().unwrap_or("-"),
        t.f_municipality,
        c.municipality.as_deref().unwrap_or("-")
    )));
    out.push(Line::from(format!("{}: {}   {}: {}", t.f_address, c.address, t.f_phone, c.phone)));
    out.push(Line::from(format!(
        "{}: {}   {}: {}",
        t.f_representative,
        c.representative,
        t.chamber,
        c.chamber.as_deref().unwrap_or("-")
    )));
    let facts = BusinessFacts {
        legal_form: c.legal_form,
        municipality_code: c.municipality_code.as_deref(),
        industry: c.industry,
        capital_yen: c.capital_yen,
        employees: c.employees,
    };
    let findings = check_eligibility(&s.fy.eligibility, &facts);
    if findings.is_empty() {
        out.push(Line::styled(
            format!("{} ({})", i18n::console(lang).eligible, eligibility_basis(c.legal_form)),
            theme.ok(),
        ));
    }
    for finding in findings.iter().chain(check_size(&s.fy.sme_limits, &facts).iter()) {
        out.push(Line::styled(i18n::finding(lang, finding), theme.warn()));
    }
    out.push(heading(t.history, theme));
    if c.history.is_empty() {
        out.push(Line::styled(format!("  {}", t.none), theme.dim()));
    }
    for h in &c.history {
        let detail = match h.contact {
            Contact::Application => DispatchStatus::from_code(&h.detail)
                .map(|st| label::dispatch_status(lang, st).to_string())
                .unwrap_or_default(),
            Contact::Seminar if h.detail == "attended" => t.attended.to_string(),
            _ => h.detail.clone(),
        };
        let text = format!("  {}  {}  {}  {detail}", format_iso_wareki(h.date), t.contacts[h.contact as usize], h.what);
        out.push(Line::from(truncate(&text, width)));
    }
    out
}

fn organisation<'a>(
    c: &OrganisationCard,
    selected: usize,
    s: &Session,
    theme: &Theme,
    t: &RosterText,
) -> Vec<Line<'a>> {
    let lang = s.lang;
    let mut out = vec![Line::styled(
        format!("{}  {}  ({})", c.name, c.reading, label::organisation_kind(lang, c.kind)),
        theme.heading(),
    )];
    if let Some(d) = c.retired_on {
        let into = c.merged_into.as_deref().map(|m| t.merged_into.replace("{name}", m)).unwrap_or_default();
        out.push(Line::styled(format!("{} {}  {into}", t.retired, format_iso_wareki(d)), theme.warn()));
    }
    out.push(Line::from(format!(
        "{}: {}   {}: {}",
        t.f_municipality,
        c.municipality.as_deref().unwrap_or("-"),
        t.f_phone,
        c.phone
    )));
    out.push(Line::from(format!("{}: {}   {}: {}", t.f_address, c.address, t.f_email, c.email)));
    out.push(heading(t.staff, theme));
    if c.staff.is_empty() {
        out.push(Line::styled(format!("  {}", t.none), theme.dim()));
    }
    for (i, m) in c.staff.iter().enumerate() {
        let gone = m.retired_on.map(|d| format!("  {} {d}", t.retired)).unwrap_or_default();
        let role = t.staff_roles[usize::from(m.role == crate::domain::model::StaffRole::SupportOfficer)];
        let mark = if i == selected { ">" } else { " " };
        let style = if i == selected {
            theme.selected()
        } else if m.retired_on.is_some() {
            theme.dim()
        } else {
            theme.normal()
        };
        out.push(Line::styled(format!(" {mark}{}  {role}  {}{gone}", m.name, m.phone), style));
    }
    if !c.desk_staff.is_empty() {
        out.push(heading(t.desk_staff, theme));
        for (name, role) in &c.desk_staff {
            let i = crate::domain::model::DeskRole::ALL.iter().position(|r| r == role).unwrap_or(0);
            out.push(Line::from(format!("  {name}  {}", t.desk_roles[i.min(2)])));
        }
    }
    out.push(heading(t.covers, theme));
    out.push(Line::from(format!("  {}", if c.covers.is_empty() { t.none.to_string() } else { c.covers.join("、") })));
    out
}
