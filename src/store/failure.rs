//! The storage failures a desk can meet and act on (disk full, read-only, locked by another console), told
//! apart from SQLite's error codes so the catalogues can word them instead of showing SQLite's English.

use rusqlite::ErrorCode;

/// A storage failure with a known cause; every one leaves the database as it was before the action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The disk (or the database's size limit) is full.
    DiskFull,
    /// The database can only be read (read-only file, medium or connection).
    ReadOnly,
    /// Another console held the database longer than the busy timeout.
    Locked,
}

impl Failure {
    /// The known cause of `error`, if SQLite reported one anywhere in its chain.
    pub fn of(error: &anyhow::Error) -> Option<Failure> {
        error.chain().find_map(|cause| {
            let code = cause
                .downcast_ref::<rusqlite::Error>()
                .and_then(rusqlite::Error::sqlite_error_code)
                .or_else(|| cause.downcast_ref::<rusqlite_migration::Error>().and_then(migration_code))?;
            match code {
                ErrorCode::DiskFull => Some(Failure::DiskFull),
                ErrorCode::ReadOnly => Some(Failure::ReadOnly),
                ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => Some(Failure::Locked),
                _ => None,
            }
        })
    }
}

fn migration_code(e: &rusqlite_migration::Error) -> Option<ErrorCode> {
    match e {
        rusqlite_migration::Error::RusqliteError { err, .. } => err.sqlite_error_code(),
        _ => None,
    }
}
