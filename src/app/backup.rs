//! What the status line knows about backups: when the last good one was taken and whether the last try failed.

use chrono::NaiveDateTime;

/// The console's backup state, reported by the backup thread (with the time of the report, so drawing needs
/// no clock).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupStatus {
    /// When the last good (written and checked) backup was taken.
    pub last_good: Option<NaiveDateTime>,
    /// Whether the last attempt failed.
    pub failed: bool,
    /// When this report was made.
    pub now: NaiveDateTime,
}

/// A backup older than this turns the status line's backup age into a warning.
pub const WARN_AFTER_MINUTES: i64 = 24 * 60;

impl BackupStatus {
    /// Minutes since the last good backup.
    pub fn age_minutes(&self) -> Option<i64> {
        self.last_good.map(|t| (self.now - t).num_minutes().max(0))
    }

    /// Whether the status line should warn: no good backup, a failed attempt, or the last one over a day old.
    pub fn warn(&self) -> bool {
        self.failed || self.age_minutes().is_none_or(|m| m >= WARN_AFTER_MINUTES)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, NaiveDate};

    #[test]
    fn warns_after_a_day_or_on_failure_or_without_backup() {
        let now = NaiveDate::from_ymd_opt(2025, 11, 4).unwrap().and_hms_opt(9, 0, 0).unwrap();
        let status =
            |ago: Option<i64>, failed| BackupStatus { last_good: ago.map(|m| now - Duration::minutes(m)), failed, now };
        assert!(!status(Some(0), false).warn());
        assert!(!status(Some(WARN_AFTER_MINUTES - 1), false).warn());
        assert!(status(Some(WARN_AFTER_MINUTES), false).warn());
        assert!(status(Some(5), true).warn());
        assert!(status(None, false).warn());
        assert_eq!(status(Some(125), false).age_minutes(), Some(125));
    }
}
