//! The console's texts.

use crate::ui::i18n::ConsoleText;

/// English.
pub const TEXT: ConsoleText = ConsoleText {
    app_name: "madoguchi",
    tab_applications: "1 Applications",
    queue_columns: ["No.", "Received", "Business", "Chamber", "Theme", "Expert", "Visits", "Hours", "Status"],
    consultation_columns: ["Date", "Channel", "Caller", "Business", "Content", "Outcome", "Appl."],
    consultations_title: "Desk consultations",
    direct: "direct",
    filter_all: "all",
    count: "{n}",
    empty: "no applications match",
    period_left: "{n} days left in the period",
    period_ended: "program period ended",
    year_fallback: "FY{year} not configured: showing the latest year",
    staff: "staff",
    help_title: "Help (all keys)  Esc/q to close",
    help_sections: ["Everywhere", "Lists", "Forms (letters and digits are text)", "Help"],
    about_title: "Kumamoto SME Digital Consultation Desk",
    about_lines: &[
        "at the Kumamoto Prefectural Federation of Societies of Commerce and Industry",
        "7F Kumamoto Shokokai Kaikan, 3-13 Anseimachi, Chuo-ku, Kumamoto 860-0801",
        "TEL 096-223-5568",
        "kuma-digi@kumashoko.or.jp",
    ],
    detail_sections: ["Business", "Application", "Visits", "Decision and report"],
    eligible: "eligible",
    remaining: "{hours} h and {visits} visits left",
    no_visits: "no visits yet",
    detail_labels: [
        "Legal form",
        "Location",
        "Chamber",
        "Guidance officer",
        "Theme",
        "Expert",
        "Report",
        "Feedback",
        "Rejection grounds",
    ],
    override_label: "override",
    reason_label: "reason",
    select_hint: "select an application to see its detail",
};
