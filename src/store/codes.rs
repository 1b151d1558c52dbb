//! Storing the domain's code enums as their ASCII codes.

use rusqlite::ToSql;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSqlOutput, ValueRef};

use crate::domain::model::*;

macro_rules! sql_code {
    ($($t:ty),+ $(,)?) => {$(
        impl ToSql for $t {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.code()))
            }
        }
        impl FromSql for $t {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let s = value.as_str()?;
                <$t>::from_code(s).ok_or_else(|| FromSqlError::Other(format!("unknown code {s:?}").into()))
            }
        }
    )+};
}

sql_code!(
    OrganisationKind,
    StaffRole,
    DeskRole,
    LegalForm,
    IndustryCategory,
    DispatchStatus,
    PlaceKind,
    AccompanimentKind,
    ConsultationChannel,
    ConsultationOutcome,
    EventKind,
    EventStatus,
    VenueKind,
    ClaimStatus,
    PaymentStatus,
    RelationKind,
    StartupArea,
);
