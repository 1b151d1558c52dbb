//! Tab 1's texts for visit edits and staff pickers, in English.

use crate::ui::i18n::queue::QueueText;

/// English.
pub const TEXT: QueueText = QueueText {
    edit_visit_title: "Edit visit {number} {visit}",
    remove_visit_title: "Remove visit {number} {visit}? (Ctrl-S removes, Esc keeps)",
    select_visit: "Choose a visit first (Enter opens the detail, j/k choose)",
    visit_has_payment: "This visit has an honorarium or travel in the ledger: it cannot be removed (see the ledger tab)",
    already_linked: "This desk consultation already became application {number} (it is not applied for twice)",
    accompanying_person: "Accompanied by (staff)",
    person_typed: "- not listed (type the name below)",
    guidance_officer: "Assigned guidance officer (R-D3)",
    no_officer: "- not decided / direct",
    staff_roles: ["guidance officer", "support officer"],
    desk_roles: ["desk coordinator", "support supporter", "desk clerk"],
    visit_keys: "j/k choose a visit · e edit it · d remove it · Esc back to the list",
    consultation_filter: "filter (caller, phone, business, content)",
};
