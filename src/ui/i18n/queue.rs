//! The texts of tab 1's visit edits, staff pickers and refusals (申請タブ): the struct both catalogues fill in.

use super::{Lang, en, ja};
use crate::domain::model::{DeskRole, StaffRole};
use crate::store::staff::StaffMember;

/// Tab 1's further texts in one language; a struct, so a text missing in one language does not compile.
#[derive(Debug)]
pub struct QueueText {
    /// The edit-visit form's title: `{number}` and `{visit}` (date and time).
    pub edit_visit_title: &'static str,
    /// The remove-visit confirmation's title: `{number}` and `{visit}`.
    pub remove_visit_title: &'static str,
    /// `d` or `e` on a visit without one chosen.
    pub select_visit: &'static str,
    /// The visit has an honorarium in the ledger.
    pub visit_has_payment: &'static str,
    /// The consultation already became an application: `{number}`.
    pub already_linked: &'static str,
    /// The accompanying person picker's label (R-D3).
    pub accompanying_person: &'static str,
    /// The picker's first option: nobody picked, the name is typed below.
    pub person_typed: &'static str,
    /// The guidance officer picker's label on Form 1 (R-D3).
    pub guidance_officer: &'static str,
    /// The guidance officer picker's first option: not decided (or a direct application).
    pub no_officer: &'static str,
    /// A chamber staff member's role: guidance officer, support officer.
    pub staff_roles: [&'static str; 2],
    /// A desk staff member's role: coordinator, support supporter, clerk.
    pub desk_roles: [&'static str; 3],
    /// The open detail's hint line: how to choose, edit and remove a visit.
    pub visit_keys: &'static str,
    /// The consultations filter's prompt on the tab bar.
    pub consultation_filter: &'static str,
}

/// Tab 1's further texts in a language.
pub fn text(lang: Lang) -> &'static QueueText {
    match lang {
        Lang::Ja => &ja::queue::TEXT,
        Lang::En => &en::queue::TEXT,
    }
}

/// A staff member as a picker lists them: "山田 太郎 (経営指導員)".
pub fn staff_label(lang: Lang, m: &StaffMember) -> String {
    let t = text(lang);
    let role = match m {
        StaffMember::Chamber { role: StaffRole::GuidanceOfficer, .. } => t.staff_roles[0],
        StaffMember::Chamber { role: StaffRole::SupportOfficer, .. } => t.staff_roles[1],
        StaffMember::Desk { role: DeskRole::Coordinator, .. } => t.desk_roles[0],
        StaffMember::Desk { role: DeskRole::SupportSupporter, .. } => t.desk_roles[1],
        StaffMember::Desk { role: DeskRole::Clerk, .. } => t.desk_roles[2],
    };
    format!("{} ({role})", m.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_queue_text_is_empty_in_either_language() {
        for lang in [Lang::Ja, Lang::En] {
            let t = text(lang);
            let all = [
                t.edit_visit_title,
                t.remove_visit_title,
                t.select_visit,
                t.visit_has_payment,
                t.already_linked,
                t.accompanying_person,
                t.person_typed,
                t.guidance_officer,
                t.no_officer,
                t.visit_keys,
                t.consultation_filter,
            ];
            for s in all.iter().chain(&t.staff_roles).chain(&t.desk_roles) {
                assert!(!s.trim().is_empty(), "{lang:?}: {t:?}");
            }
        }
    }

    #[test]
    fn staff_are_labelled_with_their_role() {
        let m = StaffMember::Chamber { id: 3, name: "山田 太郎".into(), role: StaffRole::GuidanceOfficer };
        assert_eq!(staff_label(Lang::Ja, &m), "山田 太郎 (経営指導員)");
        let d = StaffMember::Desk { id: 1, name: "松本 あかり".into(), role: DeskRole::Coordinator };
        assert_eq!(staff_label(Lang::En, &d), "松本 あかり (desk coordinator)");
        assert_eq!((m.code(), d.code()), ("o:3".to_string(), "d:1".to_string()));
    }
}
