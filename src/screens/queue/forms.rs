//! The queue's forms: new application (Form 1), visit, status change, rejection, desk consultation — how each
//! is built from the session and the selected application, and how a filled form becomes a save request.

use chrono::NaiveDate;

use crate::app::form::{Field, FieldKind, Form, RecordKind};
use crate::app::{SaveRequest, Session};
use crate::domain::model::*;
use crate::domain::parse::{format_time, parse_date, parse_phone, parse_time};
use crate::domain::records::{NewBusiness, NewConsultation, NewDispatch, NewVisit};
use crate::domain::rules::{Finding, RuleId};
use crate::store::consultations::ConsultationRecord;
use crate::store::queue::{DispatchDetail, VisitLine};
use crate::store::staff::StaffMember;
use crate::store::workflow::{DispatchEdit, InlineBusiness, TransitionDetails};
use crate::ui::i18n::{self, Lang, label};

/// What an open form is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A new Form 1 application, possibly from a desk consultation.
    NewDispatch {
        /// The consultation it came from.
        consultation: Option<i64>,
        /// The possible-duplicate warning for a new business was shown: saving again registers it.
        duplicates_seen: bool,
    },
    /// A visit of an application.
    AddVisit {
        /// The application.
        dispatch_id: i64,
    },
    /// Editing a visit.
    EditVisit {
        /// The application.
        dispatch_id: i64,
        /// The visit.
        visit_id: i64,
        /// Its row version when the form opened.
        row_version: i64,
    },
    /// Confirming the removal of a visit recorded by mistake.
    RemoveVisit {
        /// The visit.
        visit_id: i64,
        /// Its row version when the form opened.
        row_version: i64,
    },
    /// A status change.
    Transition {
        /// The application.
        id: i64,
        /// Its status when the form opened.
        from: DispatchStatus,
    },
    /// A rejection (R-D5).
    Reject {
        /// The application.
        id: i64,
    },
    /// A desk consultation.
    NewConsultation,
    /// Editing a desk consultation.
    EditConsultation {
        /// The consultation.
        id: i64,
        /// Its row version when the form opened.
        row_version: i64,
    },
    /// Editing an application's Form 1 fields.
    EditDispatch {
        /// The application.
        id: i64,
        /// Its row version when the form opened.
        row_version: i64,
    },
}

fn themes(s: &Session) -> Vec<(String, String)> {
    s.fy.dispatch_themes()
        .iter()
        .map(|t| (t.number.to_string(), format!("{} {}", t.number, if s.lang == Lang::Ja { &t.ja } else { &t.en })))
        .collect()
}

fn options<T: Copy>(
    all: &[T],
    code: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter().map(|x| (code(*x).to_string(), label(*x).to_string())).collect()
}

/// A prefilled business and content for an application made from a desk consultation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prefill {
    /// The consultation (None: from a consultation-day booking).
    pub consultation: Option<i64>,
    /// The business (id, label), if known.
    pub business: Option<(i64, String)>,
    /// What the caller asked: goes into the consultation section.
    pub content: String,
}

/// The new-application form (Form 1 sections from the fiscal-year file).
pub fn new_dispatch(s: &Session, prefill: Option<&Prefill>) -> Form {
    let t = i18n::forms(s.lang);
    let mut fields = vec![
        Field::record("business", t.business, RecordKind::Business, prefill.and_then(|p| p.business.clone())),
        Field::text("newbiz:reading", t.new_reading, "").hidden(),
        Field::text("newbiz:phone", t.caller_phone, "").hidden(),
        Field::choice(
            "newbiz:legal_form",
            t.legal_form,
            LegalForm::ALL.iter().map(|f| (f.code().to_string(), label::legal_form(s.lang, *f).to_string())).collect(),
            0,
        )
        .hidden(),
        Field::text("newbiz:municipality", t.municipality, "").hidden(),
        Field::record("chamber", t.chamber, RecordKind::Organisation, None),
        officer_field(s, &[], None),
        Field::text("received_on", t.received_on, &s.today.to_string()),
        Field::choice("theme", t.theme, themes(s), 0),
    ];
    let last = s.fy.form1_sections.len().saturating_sub(1);
    let content = prefill.map(|p| p.content.as_str()).unwrap_or("");
    fields.extend(section_fields(s, |i, _| if i == last { content } else { "" }));
    fields.push(Field::record("expert", t.recommended_expert, RecordKind::Expert, None));
    Form::new(t.titles[0], fields)
}

/// The multi-line fields of Form 1's free-text sections (from the fiscal-year file), filled by `value`
/// (section index, section key).
fn section_fields<'a>(s: &'a Session, value: impl Fn(usize, &str) -> &'a str + 'a) -> impl Iterator<Item = Field> + 'a {
    s.fy.form1_sections.iter().enumerate().map(move |(i, sec)| {
        let title = if s.lang == Lang::Ja { &sec.ja } else { &sec.en };
        Field::multiline(&format!("section:{}", sec.key), title, value(i, &sec.key))
    })
}

/// The non-empty Form 1 sections typed into a form, as (key, text).
fn sections_of(form: &Form, s: &Session) -> Vec<(String, String)> {
    s.fy.form1_sections
        .iter()
        .map(|sec| (sec.key.clone(), form.text(&format!("section:{}", sec.key))))
        .filter(|(_, v)| !v.is_empty())
        .collect()
}

/// The edit form of an application: chamber, date received, theme and the Form 1 sections, as stored.
pub fn edit_dispatch(s: &Session, d: &DispatchDetail) -> Form {
    let t = i18n::forms(s.lang);
    let themes = themes(s);
    let theme_index = themes.iter().position(|(code, _)| *code == d.row.theme.to_string()).unwrap_or(0);
    let chamber = d.chamber_id.zip(d.row.chamber.clone());
    let mut fields = vec![
        Field::record("chamber", t.chamber, RecordKind::Organisation, chamber),
        officer_field(s, &d.staff, d.guidance_officer_id),
        Field::text("received_on", t.received_on, &d.row.received_on.to_string()),
        Field::choice("theme", t.theme, themes, theme_index),
    ];
    fields.extend(section_fields(s, |_, key| {
        d.sections.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str()).unwrap_or("")
    }));
    Form::new(&format!("{} {}", d.row.number, t.edit_title), fields)
}

/// The Form 1 picker of the chamber's assigned guidance officer (R-D3), from the chamber's guidance officers.
fn officer_field(s: &Session, staff: &[StaffMember], chosen: Option<i64>) -> Field {
    let mut field = Field::choice("guidance_officer", i18n::queue::text(s.lang).guidance_officer, Vec::new(), 0);
    set_officers(&mut field, s.lang, staff, chosen);
    field
}

/// Fills the guidance officer picker with `staff`'s guidance officers (after the chamber was chosen), keeping
/// `chosen` when it is among them.
fn set_officers(field: &mut Field, lang: Lang, staff: &[StaffMember], chosen: Option<i64>) {
    let mut options = vec![(String::new(), i18n::queue::text(lang).no_officer.to_string())];
    options.extend(
        staff
            .iter()
            .filter(|m| matches!(m, StaffMember::Chamber { role: StaffRole::GuidanceOfficer, .. }))
            .map(|m| (m.code(), i18n::queue::staff_label(lang, m))),
    );
    let selected = chosen.and_then(|id| options.iter().position(|o| o.0 == format!("o:{id}"))).unwrap_or(0);
    field.kind = FieldKind::Choice(options, selected);
}

/// The chamber chosen on an open Form 1 and its staff arrived: offer its guidance officers (the first one
/// chosen, as the chamber usually has one per business area). A reply for another chamber changes nothing.
pub fn chamber_staff_loaded(form: &mut Form, lang: Lang, chamber_id: i64, staff: &[StaffMember]) {
    if form.record("chamber") != Some(chamber_id) {
        return;
    }
    let first = staff.iter().find_map(|m| match m {
        StaffMember::Chamber { id, role: StaffRole::GuidanceOfficer, .. } => Some(*id),
        _ => None,
    });
    if let Some(field) = form.field_mut("guidance_officer") {
        set_officers(field, lang, staff, first);
    }
}

/// Empties the guidance officer picker (the chamber field was cleared: a direct application has none).
pub fn clear_officers(form: &mut Form, lang: Lang) {
    if let Some(field) = form.field_mut("guidance_officer") {
        set_officers(field, lang, &[], None);
    }
}

/// The id in a staff choice's code (`o:ID` for a chamber's staff, `d:ID` for the desk's).
fn staff_id(code: &str, prefix: &str) -> Option<i64> {
    code.strip_prefix(prefix).and_then(|id| id.parse().ok())
}

/// The add-visit form (today 10:00–12:00 at the premises with the assigned officer), or the edit form of
/// `visit` filled with what is stored. The accompanying person is picked from the chamber's and the desk's staff
/// (R-D3); a name not on the list is typed instead.
pub fn visit_form(s: &Session, d: &DispatchDetail, visit: Option<&VisitLine>) -> Form {
    let t = i18n::forms(s.lang);
    let q = i18n::queue::text(s.lang);
    let lang = s.lang;
    let index = |codes: &[(String, String)], code: &str| codes.iter().position(|o| o.0 == code).unwrap_or(0);
    let places = options(PlaceKind::ALL, PlaceKind::code, |p| label::place(lang, p));
    let kinds = options(AccompanimentKind::ALL, AccompanimentKind::code, |k| label::accompaniment(lang, k));
    let mut people = vec![(String::new(), q.person_typed.to_string())];
    people.extend(d.staff.iter().map(|m| (m.code(), i18n::queue::staff_label(lang, m))));
    let person = match visit {
        Some(v) => v.staff_id.map(|id| format!("o:{id}")).or(v.desk_staff_id.map(|id| format!("d:{id}"))),
        None => d.guidance_officer_id.map(|id| format!("o:{id}")),
    };
    let (title, date, start, end, place, note, kind, name, reason) = match visit {
        Some(v) => (
            q.edit_visit_title.replace("{number}", &d.row.number.to_string()).replace("{visit}", &visit_label(v)),
            v.date.to_string(),
            v.start_min,
            v.end_min,
            index(&places, v.place.code()),
            v.place_note.clone(),
            index(&kinds, v.accompanied_by.code()),
            v.typed_name.clone(),
            v.accompaniment_reason.clone(),
        ),
        None => {
            (t.titles[1].to_string(), s.today.to_string(), 600, 720, 3, String::new(), 0, String::new(), String::new())
        }
    };
    let person = index(&people, person.as_deref().unwrap_or(""));
    // Someone no longer on the staff lists (retired) is kept by name.
    let name = match visit {
        Some(v) if person == 0 && name.is_empty() => v.accompanying_name.clone().unwrap_or_default(),
        _ => name,
    };
    Form::new(
        &title,
        vec![
            Field::text("date", t.date, &date),
            Field::text("start", t.start, &format_time(start)),
            Field::text("end", t.end, &format_time(end)),
            Field::choice("place", t.place, places, place),
            Field::text("place_note", t.place_note, &note),
            Field::choice("accompanied_by", t.accompanied_by, kinds, kind),
            Field::choice("person", q.accompanying_person, people, person),
            Field::text("accompanying_name", t.accompanying_name, &name),
            Field::text("reason", t.accompaniment_reason, &reason),
            Field::text("override", t.override_reason, "").hidden(),
        ],
    )
}

/// R-D3: who a picked staff member is to the application — its assigned guidance officer, another guidance
/// officer, a support officer, or the desk's staff (counted as the desk coordinator).
fn accompaniment_of(member: &StaffMember, assigned: Option<i64>) -> AccompanimentKind {
    match member {
        StaffMember::Chamber { id, .. } if Some(*id) == assigned => AccompanimentKind::AssignedOfficer,
        StaffMember::Chamber { role: StaffRole::GuidanceOfficer, .. } => AccompanimentKind::OtherGuidanceOfficer,
        StaffMember::Chamber { role: StaffRole::SupportOfficer, .. } => AccompanimentKind::SupportOfficer,
        StaffMember::Desk { .. } => AccompanimentKind::Coordinator,
    }
}

/// The accompanying person was picked on a visit form: "who accompanied" (R-D3) follows, so the record never
/// says "the assigned officer" next to someone else (a reason is then asked for on saving).
pub fn person_picked(form: &mut Form, d: &DispatchDetail) {
    let Some(code) = form.choice("person").map(str::to_string) else { return };
    let Some(member) = d.staff.iter().find(|m| m.code() == code) else { return };
    let kind = accompaniment_of(member, d.guidance_officer_id);
    if let Some(Field { kind: FieldKind::Choice(options, i), .. }) = form.field_mut("accompanied_by") {
        *i = options.iter().position(|o| o.0 == kind.code()).unwrap_or(*i);
    }
}

/// A visit in a title: "2025-11-04 10:00-12:00".
fn visit_label(v: &VisitLine) -> String {
    format!("{} {}-{}", v.date, format_time(v.start_min), format_time(v.end_min))
}

/// The confirmation of removing a visit: nothing to fill in, Ctrl-S removes, Esc keeps it.
pub fn remove_visit(s: &Session, d: &DispatchDetail, v: &VisitLine) -> Form {
    let title = i18n::queue::text(s.lang)
        .remove_visit_title
        .replace("{number}", &d.row.number.to_string())
        .replace("{visit}", &visit_label(v));
    Form::new(&title, Vec::new())
}

/// The status-change form: only the legal next statuses are offered (rejection has its own form).
pub fn transition(s: &Session, d: &DispatchDetail) -> Option<Form> {
    let t = i18n::forms(s.lang);
    let next: Vec<DispatchStatus> =
        d.row.status.next().iter().copied().filter(|x| *x != DispatchStatus::Rejected).collect();
    if next.is_empty() {
        return None;
    }
    let opts = options(&next, DispatchStatus::code, |x| label::dispatch_status(s.lang, x));
    let mut fields = vec![Field::choice("to", t.to_status, opts, 0), Field::text("date", t.date, &s.today.to_string())];
    if next.contains(&DispatchStatus::Approved) {
        // The recommended or already assigned expert comes pre-filled.
        fields.push(Field::record("expert", t.expert, RecordKind::Expert, d.proposed_expert.clone()));
        // Shown when R-D5 finds the expert related to the applicant: assigning anyway needs a reason.
        fields.push(Field::text("override", t.override_reason, "").hidden());
    }
    if next.contains(&DispatchStatus::ReportReceived) {
        fields.push(Field::multiline("summary", t.report_summary, ""));
    }
    Some(Form::new(t.titles[2], fields))
}

/// The rejection form (R-D5): grounds 1..8, the text of ground 8, the date.
pub fn reject(s: &Session) -> Form {
    let t = i18n::forms(s.lang);
    Form::new(
        t.titles[3],
        vec![
            Field::grounds("grounds", t.grounds),
            Field::text("note", t.ground_note, ""),
            Field::text("date", t.date, &s.today.to_string()),
        ],
    )
}

/// The desk-consultation form filled with a stored consultation.
pub fn edit_consultation(s: &Session, c: &ConsultationRecord) -> Form {
    let mut form = new_consultation(s);
    let f = &c.fields;
    let set_choice = |form: &mut Form, key: &str, code: &str| {
        if let Some(crate::app::form::Field { kind: crate::app::form::FieldKind::Choice(opts, i), .. }) =
            form.field_mut(key)
        {
            *i = opts.iter().position(|o| o.0 == code).unwrap_or(*i);
        }
    };
    set_choice(&mut form, "channel", f.channel.code());
    set_choice(&mut form, "outcome", f.outcome.code());
    let mut fields = std::mem::take(&mut form.fields);
    for field in fields.iter_mut() {
        *field = match field.key.as_str() {
            "caller" => Field::text("caller", &field.label, &f.caller_name),
            "phone" => Field::text("phone", &field.label, &f.caller_phone),
            "date" => Field::text("date", &field.label, &f.received_on.to_string()),
            "content" => Field::multiline("content", &field.label, &f.content),
            "business" => Field::record(
                "business",
                &field.label,
                RecordKind::Business,
                f.business_id.zip(c.business_name.clone()),
            ),
            _ => field.clone(),
        };
    }
    form.fields = fields;
    form
}

/// The quick desk-consultation form, usable while the caller talks.
pub fn new_consultation(s: &Session) -> Form {
    let t = i18n::forms(s.lang);
    let lang = s.lang;
    Form::new(
        t.titles[4],
        vec![
            Field::choice(
                "channel",
                t.channel,
                options(ConsultationChannel::ALL, ConsultationChannel::code, |c| label::channel(lang, c)),
                0,
            ),
            Field::text("caller", t.caller_name, ""),
            Field::text("phone", t.caller_phone, ""),
            Field::record("business", t.business, RecordKind::Business, None),
            Field::multiline("content", t.content, ""),
            Field::choice(
                "outcome",
                t.outcome,
                options(ConsultationOutcome::ALL, ConsultationOutcome::code, |o| label::outcome(lang, o)),
                1,
            ),
            Field::text("date", t.date, &s.today.to_string()),
        ],
    )
}

use crate::app::form::Errors;

fn date(form: &Form, key: &str, s: &Session, errors: &mut Errors) -> Option<NaiveDate> {
    parse_date(&form.text(key), s.today).map_err(|e| errors.push((key.into(), i18n::date_error(s.lang, &e)))).ok()
}

fn time(form: &Form, key: &str, s: &Session, errors: &mut Errors) -> Option<u16> {
    parse_time(&form.text(key)).map_err(|e| errors.push((key.into(), i18n::time_error(s.lang, &e)))).ok()
}

fn required(key: &str, s: &Session, errors: &mut Errors) {
    errors.push((key.into(), i18n::forms(s.lang).required.into()));
}

/// Turns a filled form into a save request, or the messages to show next to its fields (nothing is lost:
/// the form keeps what was typed).
pub fn to_request(purpose: Purpose, form: &Form, s: &Session) -> Result<SaveRequest, Errors> {
    let mut errors = Errors::new();
    let code = |key: &str| form.choice(key).unwrap_or_default().to_string();
    let request = match purpose {
        Purpose::NewDispatch { consultation, duplicates_seen } => {
            let business = form.record("business");
            let new_business = (business == Some(crate::app::form::NEW_RECORD)).then(|| InlineBusiness {
                business: NewBusiness {
                    name: form.text("business"),
                    reading: form.text("newbiz:reading"),
                    legal_form: LegalForm::from_code(&code("newbiz:legal_form")),
                    phone: form.text("newbiz:phone"),
                    ..NewBusiness::default()
                },
                municipality: form.text("newbiz:municipality"),
            });
            if let Some(nb) = &new_business
                && !nb.business.phone.is_empty()
                && let Err(e) = parse_phone(&nb.business.phone)
            {
                errors.push(("newbiz:phone".into(), i18n::phone_error(s.lang, &e)));
            }
            if business.is_none() {
                required("business", s, &mut errors);
            }
            let received = date(form, "received_on", s, &mut errors);
            let sections = sections_of(form, s);
            match (business, received) {
                (Some(business_id), Some(received_on)) => SaveRequest::CreateDispatch {
                    dispatch: NewDispatch {
                        fiscal_year: s.fy.year,
                        business_id,
                        chamber_id: form.record("chamber"),
                        guidance_officer_id: staff_id(&code("guidance_officer"), "o:"),
                        received_on,
                        theme: code("theme").parse().unwrap_or(1),
                        sections,
                        recommended_expert_id: form.record("expert"),
                    },
                    consultation,
                    new_business,
                    allow_duplicate: duplicates_seen,
                },
                _ => return Err(errors),
            }
        }
        Purpose::AddVisit { dispatch_id } | Purpose::EditVisit { dispatch_id, .. } => {
            let d = date(form, "date", s, &mut errors);
            let start = time(form, "start", s, &mut errors);
            let end = time(form, "end", s, &mut errors);
            let (Some(date), Some(start_min), Some(end_min)) = (d, start, end) else { return Err(errors) };
            let person = code("person");
            let visit = NewVisit {
                dispatch_id,
                date,
                start_min,
                end_min,
                place: PlaceKind::from_code(&code("place")).unwrap_or(PlaceKind::Premises),
                place_note: form.text("place_note"),
                // The application's assigned expert, set when the visit is written.
                expert_id: None,
                accompanied_by: AccompanimentKind::from_code(&code("accompanied_by"))
                    .unwrap_or(AccompanimentKind::AssignedOfficer),
                accompanying_staff_id: staff_id(&person, "o:"),
                accompanying_desk_staff_id: staff_id(&person, "d:"),
                accompaniment_reason: form.text("reason"),
                // The typed name is the fallback for someone not on the staff lists.
                accompanying_name: if person.is_empty() { form.text("accompanying_name") } else { String::new() },
            };
            let override_reason = form.text("override");
            match purpose {
                Purpose::EditVisit { visit_id, row_version, .. } => {
                    SaveRequest::UpdateVisit { visit_id, row_version, visit, override_reason }
                }
                _ => SaveRequest::AddVisit { visit, override_reason },
            }
        }
        Purpose::RemoveVisit { visit_id, row_version } => SaveRequest::RemoveVisit { visit_id, row_version },
        Purpose::Transition { id, from } => {
            let to = DispatchStatus::from_code(&code("to")).unwrap_or(from);
            let on = date(form, "date", s, &mut errors);
            let expert_id = form.record("expert");
            if to == DispatchStatus::Approved && expert_id.is_none() {
                required("expert", s, &mut errors);
            }
            let Some(on) = on.filter(|_| errors.is_empty()) else { return Err(errors) };
            SaveRequest::Transition {
                id,
                from,
                to,
                on,
                details: TransitionDetails {
                    expert_id,
                    report_summary: form.text("summary"),
                    override_reason: form.text("override"),
                },
            }
        }
        Purpose::Reject { id } => {
            let Some(on) = date(form, "date", s, &mut errors) else { return Err(errors) };
            let grounds = form.grounds("grounds").into_iter().filter_map(RejectionGround::new).collect();
            SaveRequest::Reject { id, grounds, note: form.text("note"), on }
        }
        Purpose::EditDispatch { id, row_version } => {
            let Some(received_on) = date(form, "received_on", s, &mut errors) else { return Err(errors) };
            let sections = sections_of(form, s);
            SaveRequest::UpdateDispatch {
                id,
                row_version,
                edit: DispatchEdit {
                    chamber_id: form.record("chamber"),
                    guidance_officer_id: staff_id(&code("guidance_officer"), "o:"),
                    received_on,
                    theme: code("theme").parse().unwrap_or(1),
                    sections,
                },
            }
        }
        Purpose::NewConsultation | Purpose::EditConsultation { .. } => {
            let Some(received_on) = date(form, "date", s, &mut errors) else { return Err(errors) };
            let content = form.text("content");
            if content.is_empty() {
                required("content", s, &mut errors);
                return Err(errors);
            }
            let outcome = ConsultationOutcome::from_code(&code("outcome")).unwrap_or(ConsultationOutcome::Open);
            let consultation = NewConsultation {
                fiscal_year: s.fy.year,
                received_on,
                received_min: None,
                channel: ConsultationChannel::from_code(&code("channel")).unwrap_or(ConsultationChannel::Phone),
                caller_name: form.text("caller"),
                caller_phone: form.text("phone"),
                business_id: form.record("business"),
                chamber_id: None,
                theme: None,
                content,
                handled_by_id: None,
                outcome,
            };
            match purpose {
                Purpose::EditConsultation { id, row_version } => {
                    SaveRequest::UpdateConsultation { id, row_version, consultation }
                }
                _ => SaveRequest::CreateConsultation {
                    consultation,
                    business_label: form.record("business").map(|id| (id, form.text("business"))),
                },
            }
        }
    };
    if errors.is_empty() { Ok(request) } else { Err(errors) }
}

/// The field a rule's finding belongs next to.
pub fn field_for(f: &Finding) -> &'static str {
    match f {
        Finding::OutsidePeriod { .. } | Finding::FeedbackBeforeReport => "date",
        Finding::TooManyVisits { .. } | Finding::VisitTooLong { .. } | Finding::TotalHoursExceeded { .. } => "override",
        Finding::VisitEndsBeforeStart => "end",
        Finding::PlaceNeedsNote => "place_note",
        Finding::AccompanimentNeedsReason { .. } => "reason",
        Finding::RejectionNeedsGround => "grounds",
        Finding::ExpertRelated { .. } => "override",
        Finding::OtherGroundNeedsText => "note",
        _ => "date",
    }
}

/// Whether a finding is one the desk may go beyond with a recorded override (R-D1, and R-D5 grounds 1 and 2 when
/// assigning an expert).
pub fn overridable(f: &Finding) -> bool {
    (f.rule() == RuleId::D1 && !matches!(f, Finding::VisitEndsBeforeStart))
        || matches!(f, Finding::ExpertRelated { .. })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keymap::Key;
    use crate::domain::rules::dispatch::check_accompaniment;
    use crate::screens::queue::tests_support::detail;

    fn focus(form: &mut Form, key: &str) {
        form.focus = form.fields.iter().position(|f| f.key == key).unwrap();
    }

    #[test]
    fn r_d3_the_assigned_officer_is_proposed_and_staff_are_picked_by_id() {
        let s = session();
        let d = detail();
        let mut form = visit_form(&s, &d, None);
        assert_eq!(form.choice("person"), Some("o:31"), "the chamber's assigned guidance officer");
        let Ok(SaveRequest::AddVisit { visit, .. }) = to_request(Purpose::AddVisit { dispatch_id: 5 }, &form, &s)
        else {
            panic!("a request")
        };
        assert_eq!((visit.accompanying_staff_id, visit.accompanying_desk_staff_id), (Some(31), None));
        focus(&mut form, "person");
        form.handle(None, Key::Right);
        person_picked(&mut form, &d);
        assert_eq!(form.choice("accompanied_by"), Some("support_officer"), "R-D3 follows the person picked");
        form.handle(None, Key::Right); // → the desk's coordinator
        person_picked(&mut form, &d);
        assert_eq!(form.choice("accompanied_by"), Some("coordinator"));
        focus(&mut form, "accompanying_name");
        form.handle(None, Key::Char('x'));
        let Ok(SaveRequest::AddVisit { visit, .. }) = to_request(Purpose::AddVisit { dispatch_id: 5 }, &form, &s)
        else {
            panic!("a request")
        };
        assert_eq!((visit.accompanying_staff_id, visit.accompanying_desk_staff_id), (None, Some(2)));
        assert_eq!(visit.accompanying_name, "", "a typed name is only the fallback for someone not listed");
    }

    #[test]
    fn editing_a_visit_starts_from_what_is_stored() {
        let s = session();
        let d = detail();
        let v = &d.visits[1];
        let form = visit_form(&s, &d, Some(v));
        assert!(form.title.contains("R7-0005") && form.title.contains("2025-07-08 10:00-12:00"), "{}", form.title);
        assert_eq!(form.text("date"), "2025-07-08");
        assert_eq!(form.choice("person"), Some("o:31"));
        let purpose = Purpose::EditVisit { dispatch_id: 5, visit_id: v.id, row_version: 1 };
        let Ok(SaveRequest::UpdateVisit { visit_id, row_version, visit, .. }) = to_request(purpose, &form, &s) else {
            panic!("an update")
        };
        assert_eq!((visit_id, row_version, visit.start_min, visit.end_min), (12, 1, 600, 720));
        let mut retired = v.clone();
        retired.staff_id = Some(99);
        let form = visit_form(&s, &d, Some(&retired));
        assert_eq!((form.choice("person"), form.text("accompanying_name").as_str()), (Some(""), "阿蘇 花子"));
        let remove = remove_visit(&s, &d, v);
        assert!(remove.fields.is_empty() && remove.title.contains("削除"), "{}", remove.title);
    }

    #[test]
    fn r_d3_form_1_offers_the_chosen_chambers_guidance_officers() {
        let s = session();
        let d = detail();
        let form = edit_dispatch(&s, &d);
        assert_eq!(form.choice("guidance_officer"), Some("o:31"));
        let Some(Field { kind: FieldKind::Choice(options, _), .. }) = form.field("guidance_officer") else {
            panic!("a choice")
        };
        assert_eq!(options.len(), 2, "none, and the chamber's one guidance officer (not its support officer)");
        let mut form = new_dispatch(&s, None);
        assert_eq!(form.choice("guidance_officer"), Some(""), "no chamber chosen yet");
        chamber_staff_loaded(&mut form, s.lang, 7, &d.staff);
        assert_eq!(form.choice("guidance_officer"), Some(""), "a reply for a chamber not chosen changes nothing");
        if let Some(Field { kind: FieldKind::Record { chosen, .. }, .. }) = form.field_mut("chamber") {
            *chosen = Some((7, "阿蘇商工会".into()));
        }
        chamber_staff_loaded(&mut form, s.lang, 7, &d.staff);
        assert_eq!(form.choice("guidance_officer"), Some("o:31"));
        clear_officers(&mut form, s.lang);
        assert_eq!(form.choice("guidance_officer"), Some(""));
    }

    fn session() -> Session {
        Session::for_tests()
    }

    #[test]
    fn r_d3_a_name_alone_is_not_a_reason() {
        let s = session();
        // No assigned officer: the picker starts at "not listed" and the typed name is kept.
        let d = DispatchDetail { guidance_officer_id: None, ..detail() };
        let mut form = visit_form(&s, &d, None);
        form.focus = form.fields.iter().position(|f| f.key == "accompanied_by").unwrap();
        for _ in 0..3 {
            form.handle(None, Key::Right); // → 窓口コーディネーター
        }
        form.focus = form.fields.iter().position(|f| f.key == "accompanying_name").unwrap();
        for c in "松本 あかり".chars() {
            form.handle(None, Key::Char(c));
        }
        let Ok(SaveRequest::AddVisit { visit, .. }) = to_request(Purpose::AddVisit { dispatch_id: 1 }, &form, &s)
        else {
            panic!("a request")
        };
        assert_eq!(visit.accompanied_by, AccompanimentKind::Coordinator);
        assert_eq!(visit.accompanying_name, "松本 あかり");
        assert_eq!(visit.accompaniment_reason, "");
        let finding = check_accompaniment(visit.accompanied_by, &visit.accompaniment_reason).unwrap();
        assert_eq!(finding.rule(), crate::domain::rules::RuleId::D3);
    }
}
