//! Dispatch applications (Form 1), their visits, rejection grounds and overrides.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, params};

use crate::domain::model::{DispatchNumber, DispatchStatus, RejectionGround};
use crate::domain::records::{NewDispatch, NewVisit};
use crate::domain::rules::RuleId;

/// Inserts a received application with the next number of its fiscal year; returns its id and number.
pub fn insert(conn: &Connection, d: &NewDispatch) -> Result<(i64, DispatchNumber)> {
    // The year's counter, never below the highest number stored (rows written by direct SQL or an import).
    let seq: u32 = conn
        .prepare_cached(
            "INSERT INTO dispatch_counter (fiscal_year, last_seq)
                 VALUES (?1, COALESCE((SELECT MAX(seq) FROM dispatch WHERE fiscal_year = ?1), 0) + 1)
             ON CONFLICT (fiscal_year) DO UPDATE
                 SET last_seq = MAX(last_seq + 1, COALESCE((SELECT MAX(seq) FROM dispatch WHERE fiscal_year = ?1), 0) + 1)
             RETURNING last_seq",
        )?
        .query_row([d.fiscal_year], |r| r.get(0))?;
    let id = insert_row(conn, d, seq)?;
    Ok((id, DispatchNumber { fiscal_year: d.fiscal_year, seq }))
}

/// Writes a received application under number `seq` (the caller keeps the year's counter); returns its id.
pub fn insert_row(conn: &Connection, d: &NewDispatch, seq: u32) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO dispatch (fiscal_year, seq, business_id, chamber_id, guidance_officer_id, received_on, theme,
             sections, recommended_expert_id, status, status_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'received', ?6)",
    )?
    .execute(params![
        d.fiscal_year,
        seq,
        d.business_id,
        d.chamber_id,
        d.guidance_officer_id,
        d.received_on,
        d.theme,
        sections_json(&d.sections),
        d.recommended_expert_id
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Form 1's sections as the JSON object stored in `dispatch.sections`.
pub fn sections_json(sections: &[(String, String)]) -> String {
    let map: serde_json::Map<String, serde_json::Value> =
        sections.iter().map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone()))).collect();
    serde_json::Value::Object(map).to_string()
}

/// Moves an application to `status` on `on`, stamping the date column that status records.
pub fn set_status(conn: &Connection, id: i64, status: DispatchStatus, on: NaiveDate) -> Result<()> {
    let date_column = match status {
        DispatchStatus::Received | DispatchStatus::Visiting => None,
        DispatchStatus::UnderReview => Some("reviewed_on"),
        DispatchStatus::Approved | DispatchStatus::Rejected => Some("decided_on"),
        DispatchStatus::ReportReceived => Some("report_received_on"),
        DispatchStatus::FeedbackSent => Some("feedback_sent_on"),
        DispatchStatus::Closed => Some("closed_on"),
    };
    let set_date = date_column.map(|c| format!(", {c} = ?3")).unwrap_or_default();
    let sql = format!(
        "UPDATE dispatch SET status = ?2, status_on = ?3{set_date}, row_version = row_version + 1,
             updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime') WHERE id = ?1"
    );
    conn.prepare_cached(&sql)?.execute(params![id, status, on])?;
    Ok(())
}

/// Assigns the expert of an application.
pub fn assign_expert(conn: &Connection, id: i64, expert_id: i64) -> Result<()> {
    conn.prepare_cached(
        "UPDATE dispatch SET expert_id = ?2, row_version = row_version + 1,
             updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime') WHERE id = ?1",
    )?
    .execute(params![id, expert_id])?;
    Ok(())
}

/// Records the support report summary (R-D4).
pub fn set_report_summary(conn: &Connection, id: i64, summary: &str) -> Result<()> {
    conn.prepare_cached(
        "UPDATE dispatch SET report_summary = ?2, row_version = row_version + 1,
             updated_at = strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime') WHERE id = ?1",
    )?
    .execute(params![id, summary])?;
    Ok(())
}

/// Records the rejection grounds (R-D5) and the free text of ground 8.
pub fn insert_rejection(conn: &Connection, id: i64, grounds: &[RejectionGround], note: &str) -> Result<()> {
    for g in grounds {
        conn.prepare_cached("INSERT INTO rejection_ground (dispatch_id, ground) VALUES (?1, ?2)")?
            .execute(params![id, g.number()])?;
    }
    conn.prepare_cached("UPDATE dispatch SET rejection_note = ?2, row_version = row_version + 1 WHERE id = ?1")?
        .execute(params![id, note])?;
    Ok(())
}

/// Inserts a visit; returns its id.
pub fn insert_visit(conn: &Connection, v: &NewVisit) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO visit (dispatch_id, visit_date, start_min, end_min, place, place_note, expert_id, accompanied_by,
             accompanying_staff_id, accompanying_desk_staff_id, accompaniment_reason, accompanying_name)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        v.dispatch_id,
        v.date,
        v.start_min,
        v.end_min,
        v.place,
        v.place_note,
        v.expert_id,
        v.accompanied_by,
        v.accompanying_staff_id,
        v.accompanying_desk_staff_id,
        v.accompaniment_reason,
        v.accompanying_name
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Records an override of an "in principle" rule for a record (who, when, why).
pub fn insert_override(
    conn: &Connection,
    rule: RuleId,
    table: &str,
    record_id: i64,
    reason: &str,
    staff: &str,
) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO override (rule, record_table, record_id, reason, staff, at)
         VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))",
    )?
    .execute(params![rule.as_str(), table, record_id, reason, staff])?;
    Ok(conn.last_insert_rowid())
}
