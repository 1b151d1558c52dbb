//! The people who may accompany a visit (R-D3) or be a chamber's assigned guidance officer: a chamber's
//! staff and the desk's own staff, as pickers offer them.

use anyhow::Result;
use rusqlite::Connection;

use crate::domain::model::{DeskRole, StaffRole};

/// A chamber's or the desk's staff member as a picker shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffMember {
    /// A chamber's staff member (organisation_staff).
    Chamber {
        /// Row id.
        id: i64,
        /// Name.
        name: String,
        /// Guidance or support officer.
        role: StaffRole,
    },
    /// The desk's staff member (desk_staff).
    Desk {
        /// Row id.
        id: i64,
        /// Name.
        name: String,
        /// Coordinator, support supporter or clerk.
        role: DeskRole,
    },
}

impl StaffMember {
    /// The code a choice field keeps for the member: `o:ID` (chamber) or `d:ID` (desk).
    pub fn code(&self) -> String {
        match self {
            StaffMember::Chamber { id, .. } => format!("o:{id}"),
            StaffMember::Desk { id, .. } => format!("d:{id}"),
        }
    }

    /// The member's name.
    pub fn name(&self) -> &str {
        match self {
            StaffMember::Chamber { name, .. } | StaffMember::Desk { name, .. } => name,
        }
    }
}

/// The most staff members a picker lists per body.
const LIMIT: i64 = 50;

/// The chamber's staff in service, guidance officers first, by reading.
pub fn of_chamber(conn: &Connection, organisation_id: i64) -> Result<Vec<StaffMember>> {
    let mut st = conn.prepare_cached(
        "SELECT id, name, role FROM organisation_staff WHERE organisation_id = ?1 AND retired_on IS NULL
         ORDER BY role = 'support_officer', reading, id LIMIT ?2",
    )?;
    let rows = st.query_map(rusqlite::params![organisation_id, LIMIT], |r| {
        Ok(StaffMember::Chamber { id: r.get(0)?, name: r.get(1)?, role: r.get(2)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The desk's coordinators and support supporters in service (the desk staff who may accompany, R-D3).
pub fn of_desk(conn: &Connection) -> Result<Vec<StaffMember>> {
    let mut st = conn.prepare_cached(
        "SELECT id, name, role FROM desk_staff WHERE retired_on IS NULL AND role <> 'clerk'
         ORDER BY role, reading, id LIMIT ?1",
    )?;
    let rows = st.query_map([LIMIT], |r| Ok(StaffMember::Desk { id: r.get(0)?, name: r.get(1)?, role: r.get(2)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
