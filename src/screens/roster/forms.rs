//! The forms of this tab: how each is built, how a filled one becomes a save request, and which field a rule
//! finding belongs to.

use super::{Purpose, Save};
use crate::app::Session;
use crate::app::form::{Errors, Field, Form, RecordKind};
use crate::domain::model::{LegalForm, OrganisationKind, RelationKind, StaffRole};
use crate::domain::parse::{parse_corporate_number, parse_date, parse_phone};
use crate::domain::records::{NewExpert, NewRelation};
use crate::domain::rules::Finding;
use crate::store::roster::bodies::OrganisationEdit;
use crate::store::roster::cards::{BusinessCard, OrganisationCard};
use crate::store::roster::experts::{Case, ExpertCard, ExpertRow, RelationLine};
use crate::store::roster::writes::BusinessEdit;
use crate::ui::i18n::{self, label, roster};

/// The field a finding is shown next to.
pub fn field_for(f: &Finding) -> &'static str {
    match f {
        Finding::ExpertRelated { .. } => "reason",
        _ => "",
    }
}

/// The possible-duplicates warning of a form (`{list}`: the records it looks like).
pub fn duplicates_text(purpose: Purpose, lang: i18n::Lang) -> &'static str {
    let t = roster::text(lang);
    match purpose {
        Purpose::NewExpert | Purpose::EditExpert { .. } => t.duplicate_experts,
        _ => t.duplicate_businesses,
    }
}

/// The fields of an expert, filled from `card` when editing.
fn expert_fields(s: &Session, card: Option<&ExpertCard>) -> Vec<Field> {
    let t = roster::text(s.lang);
    let v = |f: fn(&ExpertCard) -> String| card.map(f).unwrap_or_default();
    let themes = v(|c| c.row.themes.iter().map(u8::to_string).collect::<Vec<_>>().join(" "));
    let corporation = card.is_some_and(|c| c.is_corporation);
    vec![
        Field::text("name", t.f_name, &v(|c| c.row.name.clone())),
        Field::text("reading", t.f_reading, &v(|c| c.row.reading.clone())),
        Field::text("affiliation", t.f_affiliation, &v(|c| c.row.affiliation.clone())),
        Field::text("qualifications", t.f_qualifications, &v(|c| c.row.qualifications.clone())),
        Field::text("keywords", t.f_keywords, &v(|c| c.row.keywords.clone())),
        Field::text("themes", t.f_themes, &themes),
        Field::text("phone", t.f_phone, &v(|c| c.phone.clone())),
        Field::text("email", t.f_email, &v(|c| c.email.clone())),
        Field::text("municipality", t.f_municipality, &v(|c| c.row.region.clone())),
        Field::choice(
            "corporation",
            t.f_corporation,
            vec![("0".into(), t.individual.into()), ("1".into(), t.corporation.into())],
            usize::from(corporation),
        ),
    ]
}

/// Register an expert.
pub fn new_expert(s: &Session) -> Form {
    Form::new(roster::text(s.lang).new_expert, expert_fields(s, None))
}

/// Edit an expert.
pub fn edit_expert(s: &Session, card: &ExpertCard) -> Form {
    let title = roster::text(s.lang).edit_expert.replace("{name}", &card.row.name);
    Form::new(&title, expert_fields(s, Some(card)))
}

/// Retire an expert: the date (today unless changed).
pub fn retire(s: &Session, name: &str) -> Form {
    let t = roster::text(s.lang);
    Form::new(&t.retire_title.replace("{name}", name), vec![Field::text("on", t.f_retired_on, &s.today.to_string())])
}

/// Confirm deleting an expert: nothing to fill in, Ctrl-S deletes, Esc keeps.
pub fn delete(s: &Session, name: &str) -> Form {
    Form::new(&roster::text(s.lang).delete_title.replace("{name}", name), Vec::new())
}

/// Record a relation of an expert to a business (R-D5 grounds 1, 2).
pub fn add_relation(s: &Session, name: &str) -> Form {
    let t = roster::text(s.lang);
    let kinds = RelationKind::ALL.iter().map(|k| (k.code().to_string(), label::relation(s.lang, *k).to_string()));
    Form::new(
        &t.relation_title.replace("{name}", name),
        vec![
            Field::record("business", t.f_business, RecordKind::Business, None),
            Field::choice("kind", t.f_relation, kinds.collect(), 0),
            Field::text("from", t.f_from, ""),
            Field::text("until", t.f_until, ""),
            Field::text("note", t.f_note, ""),
        ],
    )
}

/// Edit a relation: its dates and note; an open relation is offered today as its last day.
pub fn edit_relation(s: &Session, r: &RelationLine) -> Form {
    let t = roster::text(s.lang);
    let until = r.until.unwrap_or(s.today).to_string();
    Form::new(
        &t.edit_relation_title.replace("{name}", &r.business),
        vec![
            Field::text("from", t.f_from, &r.from.map(|d| d.to_string()).unwrap_or_default()),
            Field::text("until", t.f_until, &until),
            Field::text("note", t.f_note, &r.note),
        ],
    )
}

/// Confirm deleting a relation recorded by mistake (Ctrl-S deletes, Esc keeps).
pub fn delete_relation(s: &Session, business: &str) -> Form {
    Form::new(&roster::text(s.lang).delete_relation_title.replace("{name}", business), Vec::new())
}

/// Confirm assigning `row` to the case; when the expert is related to the applicant the R-D5 findings stand
/// next to the reason, which must be given.
pub fn assign(s: &Session, case: &Case, row: &ExpertRow) -> Form {
    let t = roster::text(s.lang);
    let title = t
        .assign_title
        .replace("{expert}", &row.name)
        .replace("{number}", &case.number.to_string())
        .replace("{business}", &case.business);
    let mut form = Form::new(&title, vec![Field::multiline("reason", t.f_reason, "").hidden()]);
    if !row.conflicts.is_empty() {
        let lines: Vec<String> = row.conflicts.iter().map(|f| i18n::finding(s.lang, f)).collect();
        form.set_error("reason", format!("{}\n{}", lines.join("\n"), t.reason_needed));
    }
    form
}

/// Edit a business (duplicate warnings on save).
pub fn edit_business(s: &Session, c: &BusinessCard) -> Form {
    let t = roster::text(s.lang);
    let forms = i18n::forms(s.lang);
    let mut forms_list: Vec<(String, String)> = vec![(String::new(), t.unknown.to_string())];
    forms_list.extend(LegalForm::ALL.iter().map(|f| (f.code().to_string(), label::legal_form(s.lang, *f).to_string())));
    let selected = c.legal_form.and_then(|f| LegalForm::ALL.iter().position(|x| *x == f)).map_or(0, |i| i + 1);
    Form::new(
        &t.edit_business.replace("{name}", &c.name),
        vec![
            Field::text("name", t.f_name, &c.name),
            Field::text("reading", t.f_reading, &c.reading),
            Field::choice("legal_form", forms.legal_form, forms_list, selected),
            Field::text("corporate_number", t.f_corporate_number, c.corporate_number.as_deref().unwrap_or("")),
            Field::text("municipality", t.f_municipality, c.municipality.as_deref().unwrap_or("")),
            Field::text("address", t.f_address, &c.address),
            Field::text("phone", t.f_phone, &c.phone),
            Field::text("representative", t.f_representative, &c.representative),
        ],
    )
}

/// Merge a duplicate business into the one picked (all history of both stays, under the one picked).
pub fn merge_business(s: &Session, name: &str) -> Form {
    let t = roster::text(s.lang);
    Form::new(&t.merge_title.replace("{name}", name), vec![Field::record("into", t.f_into, RecordKind::Business, None)])
}

fn organisation_fields(s: &Session, c: Option<&OrganisationCard>) -> Vec<Field> {
    let t = roster::text(s.lang);
    let v = |f: fn(&OrganisationCard) -> String| c.map(f).unwrap_or_default();
    let mut fields = Vec::new();
    if c.is_none() {
        let kinds = OrganisationKind::ALL
            .iter()
            .filter(|k| **k != OrganisationKind::Federation)
            .map(|k| (k.code().to_string(), label::organisation_kind(s.lang, *k).to_string()));
        fields.push(Field::choice("kind", t.f_kind, kinds.collect(), 0));
    }
    fields.extend([
        Field::text("name", t.f_name, &v(|c| c.name.clone())),
        Field::text("reading", t.f_reading, &v(|c| c.reading.clone())),
        Field::text("municipality", t.f_municipality, &v(|c| c.municipality.clone().unwrap_or_default())),
        Field::text("address", t.f_address, &v(|c| c.address.clone())),
        Field::text("phone", t.f_phone, &v(|c| c.phone.clone())),
        Field::text("email", t.f_email, &v(|c| c.email.clone())),
    ]);
    fields
}

/// Add an organisation.
pub fn new_organisation(s: &Session) -> Form {
    Form::new(roster::text(s.lang).new_organisation, organisation_fields(s, None))
}

/// Edit (rename) an organisation.
pub fn edit_organisation(s: &Session, c: &OrganisationCard) -> Form {
    Form::new(&roster::text(s.lang).edit_organisation.replace("{name}", &c.name), organisation_fields(s, Some(c)))
}

/// Retire an organisation: the date and, for a merger, the organisation it became part of.
pub fn retire_organisation(s: &Session, name: &str) -> Form {
    let t = roster::text(s.lang);
    Form::new(
        &t.retire_organisation.replace("{name}", name),
        vec![
            Field::text("on", t.f_retired_on, &s.today.to_string()),
            Field::record("into", t.f_merged_into, RecordKind::Organisation, None),
        ],
    )
}

/// Add a member of an organisation's staff.
pub fn add_staff(s: &Session, organisation: &str) -> Form {
    let t = roster::text(s.lang);
    let roles = StaffRole::ALL
        .iter()
        .enumerate()
        .map(|(i, r)| (r.code().to_string(), t.staff_roles[i.min(1)].to_string()))
        .collect();
    Form::new(
        &t.staff_title.replace("{name}", organisation),
        vec![
            Field::text("name", t.f_name, ""),
            Field::text("reading", t.f_reading, ""),
            Field::choice("role", t.f_role, roles, 0),
            Field::text("phone", t.f_phone, ""),
        ],
    )
}

/// Retire a member of an organisation's staff: the date (today unless changed).
pub fn retire_staff(s: &Session, name: &str) -> Form {
    let t = roster::text(s.lang);
    Form::new(
        &t.retire_staff_title.replace("{name}", name),
        vec![Field::text("on", t.f_retired_on, &s.today.to_string())],
    )
}

/// Edit the municipalities an organisation covers: their names in one line, separated by 、 or spaces.
pub fn edit_covers(s: &Session, c: &OrganisationCard) -> Form {
    let t = roster::text(s.lang);
    Form::new(&t.covers_title.replace("{name}", &c.name), vec![Field::text("covers", t.f_covers, &c.covers.join("、"))])
}

/// Put a municipality into an area (a new area name creates it).
pub fn set_area(s: &Session) -> Form {
    let t = roster::text(s.lang);
    Form::new(t.area_title, vec![Field::text("municipality", t.f_municipality, ""), Field::text("area", t.f_area, "")])
}

/// Reads a form into a save, or messages next to its fields.
pub fn to_request(purpose: Purpose, form: &Form, s: &Session) -> Result<Save, Errors> {
    let mut errors = Errors::new();
    let save = match purpose {
        Purpose::NewExpert => {
            let expert = read_expert(form, s, &mut errors);
            Save::CreateExpert { expert, municipality: form.text("municipality"), allow_duplicate: form.warned }
        }
        Purpose::EditExpert { id, row_version } => {
            let expert = read_expert(form, s, &mut errors);
            let municipality = form.text("municipality");
            Save::UpdateExpert { id, row_version, expert, municipality, allow_duplicate: form.warned }
        }
        Purpose::Retire { id } => Save::Retire { id, on: date(form, s, "on", true, &mut errors) },
        Purpose::Delete { id } => Save::Delete { id },
        Purpose::AddRelation { expert_id } => {
            let business_id = form.record("business");
            if business_id.is_none() {
                errors.push(("business".into(), i18n::forms(s.lang).required.into()));
            }
            let from = date(form, s, "from", false, &mut errors);
            let until = date(form, s, "until", false, &mut errors);
            if let (Some(f), Some(u)) = (from, until)
                && u < f
            {
                errors.push(("until".into(), roster::text(s.lang).until_before_from.into()));
            }
            let kind = form.choice("kind").and_then(RelationKind::from_code).unwrap_or(RelationKind::BelongsTo);
            Save::AddRelation(NewRelation {
                expert_id,
                business_id: business_id.unwrap_or_default(),
                kind,
                from,
                until,
                note: form.text("note"),
            })
        }
        Purpose::EditRelation { id } => {
            let from = date(form, s, "from", false, &mut errors);
            let until = date(form, s, "until", false, &mut errors);
            if let (Some(f), Some(u)) = (from, until)
                && u < f
            {
                errors.push(("until".into(), roster::text(s.lang).until_before_from.into()));
            }
            Save::EditRelation { id, from, until, note: form.text("note") }
        }
        Purpose::DeleteRelation { id } => Save::DeleteRelation { id },
        // The store judges R-D5 again in the transaction: without a reason a related expert is refused with the
        // findings shown next to the reason.
        Purpose::Assign { dispatch_id, expert_id } => {
            Save::Assign { dispatch_id, expert_id, reason: form.text("reason") }
        }
        Purpose::EditBusiness { id, row_version } => {
            let edit = read_business(form, s, &mut errors);
            Save::UpdateBusiness { id, row_version, edit, allow_duplicate: form.warned }
        }
        Purpose::MergeBusiness { id } => match form.record("into") {
            Some(into) if into != id => Save::MergeBusiness { from: id, into },
            Some(_) => {
                errors.push(("into".into(), roster::text(s.lang).merge_itself.into()));
                Save::MergeBusiness { from: id, into: id }
            }
            None => {
                errors.push(("into".into(), i18n::forms(s.lang).required.into()));
                Save::MergeBusiness { from: id, into: id }
            }
        },
        Purpose::NewOrganisation => Save::CreateOrganisation(read_organisation(form, s, &mut errors)),
        Purpose::EditOrganisation { id, row_version } => {
            Save::UpdateOrganisation { id, row_version, edit: read_organisation(form, s, &mut errors) }
        }
        Purpose::RetireOrganisation { id } => Save::RetireOrganisation {
            id,
            on: date(form, s, "on", true, &mut errors).unwrap_or(s.today),
            into: form.record("into"),
        },
        Purpose::AddStaff { organisation_id } => Save::AddStaff {
            organisation_id,
            name: required(form, s, "name", &mut errors),
            reading: form.text("reading"),
            role: form.choice("role").and_then(StaffRole::from_code).unwrap_or(StaffRole::GuidanceOfficer),
            phone: phone(form, s, &mut errors),
        },
        Purpose::RetireStaff { id } => Save::RetireStaff { id, on: date(form, s, "on", true, &mut errors) },
        Purpose::EditCovers { organisation_id } => Save::SetCovers {
            organisation_id,
            municipalities: form
                .text("covers")
                .split(|c: char| c.is_whitespace() || ",、，".contains(c))
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect(),
        },
        Purpose::SetArea => Save::SetArea {
            municipality: required(form, s, "municipality", &mut errors),
            area: required(form, s, "area", &mut errors),
        },
    };
    if errors.is_empty() { Ok(save) } else { Err(errors) }
}

/// A date field: required or optional (empty: None).
fn date(form: &Form, s: &Session, key: &str, required: bool, errors: &mut Errors) -> Option<chrono::NaiveDate> {
    let text = form.text(key);
    if text.is_empty() && !required {
        return None;
    }
    parse_date(&text, s.today).map_err(|e| errors.push((key.into(), i18n::date_error(s.lang, &e)))).ok()
}

fn required(form: &Form, s: &Session, key: &str, errors: &mut Errors) -> String {
    let text = form.text(key);
    if text.is_empty() {
        errors.push((key.into(), i18n::forms(s.lang).required.into()));
    }
    text
}

fn phone(form: &Form, s: &Session, errors: &mut Errors) -> String {
    let text = form.text("phone");
    if text.is_empty() {
        return text;
    }
    parse_phone(&text).unwrap_or_else(|e| {
        errors.push(("phone".into(), i18n::phone_error(s.lang, &e)));
        text
    })
}

fn read_expert(form: &Form, s: &Session, errors: &mut Errors) -> NewExpert {
    let t = roster::text(s.lang);
    let count = s.fy.dispatch_themes().len();
    let mut themes = Vec::new();
    for word in form.text("themes").split(|c: char| c.is_whitespace() || ",、，".contains(c)).filter(|w| !w.is_empty())
    {
        match crate::domain::parse::parse_int(word) {
            Ok(n) if (1..=count as i64).contains(&n) => themes.push(n as u8),
            _ => {
                errors.push(("themes".into(), t.bad_theme.replace("{n}", &count.to_string())));
                break;
            }
        }
    }
    themes.sort_unstable();
    themes.dedup();
    NewExpert {
        name: required(form, s, "name", errors),
        reading: form.text("reading"),
        affiliation: form.text("affiliation"),
        qualifications: form.text("qualifications"),
        keywords: form.text("keywords"),
        themes,
        phone: phone(form, s, errors),
        email: form.text("email"),
        municipality_id: None,
        is_corporation: form.choice("corporation") == Some("1"),
        retired_on: None,
    }
}

fn read_organisation(form: &Form, s: &Session, errors: &mut Errors) -> OrganisationEdit {
    OrganisationEdit {
        kind: form.choice("kind").and_then(OrganisationKind::from_code),
        name: required(form, s, "name", errors),
        reading: form.text("reading"),
        municipality: form.text("municipality"),
        address: form.text("address"),
        phone: phone(form, s, errors),
        email: form.text("email"),
    }
}

fn read_business(form: &Form, s: &Session, errors: &mut Errors) -> BusinessEdit {
    let number = form.text("corporate_number");
    let corporate_number = if number.is_empty() {
        None
    } else {
        parse_corporate_number(&number)
            .map_err(|_| errors.push(("corporate_number".into(), roster::text(s.lang).bad_corporate_number.into())))
            .ok()
    };
    BusinessEdit {
        name: required(form, s, "name", errors),
        reading: form.text("reading"),
        legal_form: form.choice("legal_form").and_then(LegalForm::from_code),
        corporate_number,
        municipality: form.text("municipality"),
        address: form.text("address"),
        phone: phone(form, s, errors),
        representative: form.text("representative"),
    }
}
