//! The visits of an application as R-D1 counts them, and the edits and removals of one visit.

use anyhow::Result;
use rusqlite::{Connection, params};

use crate::domain::records::NewVisit;
use crate::domain::rules::dispatch::CountedVisit;

/// An application's stored visits for R-D1, in date order, with their ids beside them.
#[derive(Debug, Clone, Default)]
pub struct Counted {
    /// The visits as the rule counts them.
    pub counted: Vec<CountedVisit>,
    /// The row id of each visit in `counted`.
    pub ids: Vec<i64>,
}

/// The visits of `dispatch_id` but `except` (the visit being edited), in date order.
pub fn counted(conn: &Connection, dispatch_id: i64, except: Option<i64>) -> Result<Counted> {
    let mut st = conn.prepare_cached(
        "SELECT v.id, v.visit_date, v.start_min, v.end_min - v.start_min,
                EXISTS (SELECT 1 FROM override o WHERE o.record_table = 'visit' AND o.record_id = v.id AND o.rule = 'R-D1')
         FROM visit v WHERE v.dispatch_id = ?1 AND v.id IS NOT ?2 ORDER BY v.visit_date, v.start_min, v.id",
    )?;
    let mut out = Counted::default();
    let rows = st.query_map(params![dispatch_id, except], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            CountedVisit {
                date: r.get(1)?,
                start_min: r.get(2)?,
                entry: r.get(0)?,
                minutes: r.get(3)?,
                overridden: r.get(4)?,
            },
        ))
    })?;
    for row in rows {
        let (id, c) = row?;
        out.ids.push(id);
        out.counted.push(c);
    }
    Ok(out)
}

/// Writes the edited fields of a visit unless it changed since `row_version` was read; false when nothing was
/// written. The expert stays as recorded (the application's at the time), unless the visit had none.
pub fn update(conn: &Connection, id: i64, row_version: i64, v: &NewVisit) -> Result<bool> {
    let n = conn
        .prepare_cached(
            "UPDATE visit SET visit_date = ?3, start_min = ?4, end_min = ?5, place = ?6, place_note = ?7,
                 accompanied_by = ?8, accompanying_staff_id = ?9, accompanying_desk_staff_id = ?10,
                 accompaniment_reason = ?11, accompanying_name = ?12,
                 expert_id = COALESCE(expert_id, (SELECT d.expert_id FROM dispatch d WHERE d.id = visit.dispatch_id)),
                 row_version = row_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')
             WHERE id = ?1 AND row_version = ?2",
        )?
        .execute(params![
            id,
            row_version,
            v.date,
            v.start_min,
            v.end_min,
            v.place,
            v.place_note,
            v.accompanied_by,
            v.accompanying_staff_id,
            v.accompanying_desk_staff_id,
            v.accompaniment_reason,
            v.accompanying_name
        ])?;
    Ok(n == 1)
}

/// Deletes a visit unless it changed since `row_version` was read; false when nothing was deleted.
pub fn delete(conn: &Connection, id: i64, row_version: i64) -> Result<bool> {
    Ok(conn.prepare_cached("DELETE FROM visit WHERE id = ?1 AND row_version = ?2")?.execute([id, row_version])? == 1)
}

/// The application of a visit (None: no such visit).
pub fn dispatch_of(conn: &Connection, id: i64) -> Result<Option<i64>> {
    use rusqlite::OptionalExtension;
    Ok(conn.prepare_cached("SELECT dispatch_id FROM visit WHERE id = ?1")?.query_row([id], |r| r.get(0)).optional()?)
}

/// Puts a "visiting" application whose visits were all removed back to "approved" (dated as decided).
pub fn approved_again_without_visits(conn: &Connection, dispatch_id: i64) -> Result<()> {
    conn.prepare_cached(
        "UPDATE dispatch SET status = 'approved', status_on = COALESCE(decided_on, status_on),
             row_version = row_version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')
         WHERE id = ?1 AND status = 'visiting' AND NOT EXISTS (SELECT 1 FROM visit WHERE dispatch_id = ?1)",
    )?
    .execute([dispatch_id])?;
    Ok(())
}

/// Deletes the R-D1 overrides recorded for a visit (it is removed, or edited and checked again).
pub fn drop_overrides(conn: &Connection, id: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM override WHERE record_table = 'visit' AND record_id = ?1 AND rule = 'R-D1'")?
        .execute([id])?;
    Ok(())
}

/// Whether an honorarium or travel payment is recorded for the visit.
pub fn has_payment(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM payment WHERE visit_id = ?1)")?
        .query_row([id], |r| r.get(0))?)
}
