//! Texts of the subcommands.

use crate::ui::i18n::CliText;

/// English.
pub const TEXT: CliText = CliText {
    no_problems: "no problems",
    problems: "{n} problem(s)",
    rows: "rows:",
    demo_written: "demo database written: {path} (scale {scale}, seed {seed}, {secs} s)",
};
