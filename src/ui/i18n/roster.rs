//! The texts of tab roster (名簿): the struct both catalogues fill in.

use super::{Lang, en, ja};

/// Tab roster's texts in one language; a struct, so a text missing in one language does not compile.
#[derive(Debug)]
pub struct RosterText {
    /// The tab's title.
    pub title: &'static str,
    /// The three lists.
    pub lists: [&'static str; 3],
    /// Expert list headers: name, reading, themes, keywords/qualifications, affiliation, region, status, visits, hours, honoraria, R-D5.
    pub expert_columns: [&'static str; 11],
    /// Business list headers.
    pub business_columns: [&'static str; 7],
    /// Organisation list headers.
    pub organisation_columns: [&'static str; 7],
    /// Tab bar in find mode ({number}).
    pub find_head: &'static str,
    /// Theme filter label.
    pub theme: &'static str,
    /// Area filter label.
    pub area: &'static str,
    /// Retired mark.
    pub retired: &'static str,
    /// Card being loaded.
    pub loading: &'static str,
    /// Hint: a key that acts on a card opened the card first.
    pub open_card_first: &'static str,
    /// The record no longer exists.
    pub gone: &'static str,
    /// Notice after assigning ({expert}, {number}).
    pub assigned: &'static str,
    /// Notice after deleting an expert.
    pub deleted: &'static str,
    /// Delete refused ({applications}, {visits}, {events}, {payments}).
    pub has_history: &'static str,
    /// Title: confirm deleting a relation ({name}).
    pub delete_relation_title: &'static str,
    /// No relation selected.
    pub no_relation: &'static str,
    /// The key does nothing on this card.
    pub not_here: &'static str,
    /// Field: name.
    pub f_name: &'static str,
    /// Field: reading.
    pub f_reading: &'static str,
    /// Field: affiliation.
    pub f_affiliation: &'static str,
    /// Field: qualifications.
    pub f_qualifications: &'static str,
    /// Field: keywords.
    pub f_keywords: &'static str,
    /// Field: themes.
    pub f_themes: &'static str,
    /// Field: phone.
    pub f_phone: &'static str,
    /// Field: e-mail.
    pub f_email: &'static str,
    /// Field: municipality.
    pub f_municipality: &'static str,
    /// Field: paid as.
    pub f_corporation: &'static str,
    /// Choice: individual.
    pub individual: &'static str,
    /// Choice: corporation.
    pub corporation: &'static str,
    /// Title: new expert.
    pub new_expert: &'static str,
    /// Title: edit expert ({name}).
    pub edit_expert: &'static str,
    /// Title: retire ({name}).
    pub retire_title: &'static str,
    /// Field: retired on.
    pub f_retired_on: &'static str,
    /// Title: confirm delete ({name}).
    pub delete_title: &'static str,
    /// Title: new relation ({name}).
    pub relation_title: &'static str,
    /// Field: business.
    pub f_business: &'static str,
    /// Field: relation kind.
    pub f_relation: &'static str,
    /// Field: from.
    pub f_from: &'static str,
    /// Field: until.
    pub f_until: &'static str,
    /// Field: note.
    pub f_note: &'static str,
    /// Title: edit a relation, whose end date ends it ({name}).
    pub edit_relation_title: &'static str,
    /// Title: assign ({expert}, {number}, {business}).
    pub assign_title: &'static str,
    /// Field: reason for assigning a related expert.
    pub f_reason: &'static str,
    /// Why the reason is asked.
    pub reason_needed: &'static str,
    /// Choice: unknown.
    pub unknown: &'static str,
    /// Title: edit business ({name}).
    pub edit_business: &'static str,
    /// Field: corporate number.
    pub f_corporate_number: &'static str,
    /// Field: address.
    pub f_address: &'static str,
    /// Field: representative.
    pub f_representative: &'static str,
    /// Until before from.
    pub until_before_from: &'static str,
    /// Bad theme number ({n}).
    pub bad_theme: &'static str,
    /// Bad corporate number.
    pub bad_corporate_number: &'static str,
    /// Engagement kind: event.
    pub event: &'static str,
    /// Engagement kind: visit.
    pub visit: &'static str,
    /// Hours ({h}).
    pub hours: &'static str,
    /// This year's figures ({visits}, {hours}, {yen}).
    pub year_figures: &'static str,
    /// Section: relations.
    pub relations: &'static str,
    /// Nothing to list.
    pub none: &'static str,
    /// Section: upcoming.
    pub upcoming: &'static str,
    /// Section: served ({n}).
    pub served: &'static str,
    /// Merged into ({name}).
    pub merged_into: &'static str,
    /// Label: chamber.
    pub chamber: &'static str,
    /// Section: history.
    pub history: &'static str,
    /// Seminar attended.
    pub attended: &'static str,
    /// History kinds: consultation, application, visit, booking, seminar.
    pub contacts: [&'static str; 5],
    /// Section: staff.
    pub staff: &'static str,
    /// Staff roles: guidance, support officer.
    pub staff_roles: [&'static str; 2],
    /// Section: municipalities covered.
    pub covers: &'static str,
    /// New on the business list: businesses are registered with Form 1.
    pub new_from_lookup: &'static str,
    /// Title: merge ({name}).
    pub merge_title: &'static str,
    /// Field: merge into.
    pub f_into: &'static str,
    /// Merging into itself.
    pub merge_itself: &'static str,
    /// Title: new organisation.
    pub new_organisation: &'static str,
    /// Title: edit organisation ({name}).
    pub edit_organisation: &'static str,
    /// Title: retire organisation ({name}).
    pub retire_organisation: &'static str,
    /// Field: merged into.
    pub f_merged_into: &'static str,
    /// Field: organisation kind.
    pub f_kind: &'static str,
    /// Title: add staff ({name}).
    pub staff_title: &'static str,
    /// Field: staff role.
    pub f_role: &'static str,
    /// Title: areas.
    pub area_title: &'static str,
    /// Field: area.
    pub f_area: &'static str,
    /// Section: the desk's staff.
    pub desk_staff: &'static str,
    /// Desk roles: coordinator, support supporter, clerk.
    pub desk_roles: [&'static str; 3],
    /// Possible duplicate experts ({list}).
    pub duplicate_experts: &'static str,
    /// Possible duplicate businesses on edit ({list}).
    pub duplicate_businesses: &'static str,
    /// Find's summary line ({number}, {business}, {theme}, {area}).
    pub find_summary: &'static str,
    /// No staff member selected on an organisation's card.
    pub no_staff: &'static str,
    /// Title: retire a staff member ({name}).
    pub retire_staff_title: &'static str,
    /// Title: the municipalities an organisation covers ({name}).
    pub covers_title: &'static str,
    /// Field: municipalities covered.
    pub f_covers: &'static str,
}

/// Tab roster's texts in a language.
pub fn text(lang: Lang) -> &'static RosterText {
    match lang {
        Lang::Ja => &ja::roster::TEXT,
        Lang::En => &en::roster::TEXT,
    }
}

/// The names of the roster's audited actions (`roster.expert.create`) in Japanese and English.
pub fn action(label: &str) -> (&str, &str) {
    match label {
        "roster.expert.create" => ("専門家の登録", "expert registered"),
        "roster.expert.edit" => ("専門家の編集", "expert edited"),
        "roster.expert.retire" => ("専門家の退任・復帰", "expert retired / reinstated"),
        "roster.expert.delete" => ("専門家の削除", "expert deleted"),
        "roster.relation.add" => ("関係の登録", "relation recorded"),
        "roster.relation.edit" => ("関係の編集", "relation edited"),
        "roster.relation.delete" => ("関係の削除", "relation deleted"),
        "roster.assign" => ("専門家の割当", "expert assigned"),
        "roster.business.edit" => ("事業者の編集", "business edited"),
        "roster.business.merge" => ("事業者の統合", "businesses merged"),
        "roster.organisation.create" => ("団体の登録", "organisation added"),
        "roster.organisation.edit" => ("団体の編集", "organisation edited"),
        "roster.organisation.retire" => ("団体の廃止・合併", "organisation retired"),
        "roster.staff.add" => ("職員の追加", "staff added"),
        "roster.staff.retire" => ("職員の退職・復帰", "staff member retired / reinstated"),
        "roster.organisation.covers" => ("管轄市町村の変更", "municipalities covered changed"),
        "roster.area.set" => ("地域の変更", "area changed"),
        other => (other, other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_roster_text_is_empty_in_either_language() {
        for lang in [Lang::Ja, Lang::En] {
            let t = text(lang);
            let debug = format!("{t:?}");
            assert!(!debug.contains("\"\""), "{lang:?}: {debug}");
        }
    }
}
