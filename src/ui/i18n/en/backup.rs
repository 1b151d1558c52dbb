//! Texts of backups, restore and storage failures.

use std::path::Path;

use crate::store::backup::Unusable;
use crate::ui::i18n::BackupText;

/// English.
pub const TEXT: BackupText = BackupText {
    status_age: "backup {age} ago",
    status_none: "no backup yet",
    status_failed: "backup failed",
    ages: ["{n} min", "{n} h", "{n} d"],
    written: "backup written: {path} (integrity_check ok)",
    exists: "{path} already exists; nothing is overwritten (choose another name)",
    summary: "file to restore: {path}\n  schema version {version}, {applications} application(s), {businesses} business(es), last action {last}",
    target: "restore into: {db}\n  the current database is kept at {aside} (never deleted)",
    target_new: "restore into: {db} (new)",
    prompt: "Replace the current database with the contents of this file? [y/N] ",
    needs_yes: "not run from a terminal, so no confirmation can be asked: add --yes to replace the database (nothing was changed)",
    declined: "cancelled; nothing was changed",
    restored: "restored: {db} (integrity_check ok)",
    kept_aside: "previous database: {aside}",
    disk_full: "the disk is full: nothing was saved (free some space, then save again)",
    read_only: "the database is read-only: nothing was saved (check the file's permissions and location)",
    locked: "another console kept the database busy (waited {secs} s): nothing was saved; save again",
};

/// Why a file cannot be restored.
pub fn unusable(path: &Path, why: &Unusable) -> String {
    let path = path.display();
    match why {
        Unusable::Missing => format!("no such file: {path}"),
        Unusable::Unreadable(reason) => format!("not readable as a database: {path} ({reason})"),
        Unusable::Damaged(problems) => {
            format!("the file is damaged (integrity_check): {path}: {}", problems.join("; "))
        }
        Unusable::NotMadoguchi => format!("not a madoguchi database: {path}"),
        Unusable::Newer { found, supported } => {
            format!("written by a newer madoguchi (schema version {found}; this one knows up to {supported}): {path}")
        }
    }
}
