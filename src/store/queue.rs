//! The applications queue: one page of dispatch applications at a time, and the detail of one.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params_from_iter};

use crate::domain::model::{AccompanimentKind, DispatchNumber, DispatchStatus, IndustryCategory, LegalForm, PlaceKind};

/// One row of the queue list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueRow {
    /// Row id.
    pub id: i64,
    /// Number.
    pub number: DispatchNumber,
    /// Date received.
    pub received_on: NaiveDate,
    /// Business name.
    pub business: String,
    /// Applying chamber (None: direct to the desk).
    pub chamber: Option<String>,
    /// Theme number.
    pub theme: u8,
    /// Assigned expert.
    pub expert: Option<String>,
    /// Visits so far.
    pub visits: u32,
    /// Minutes so far.
    pub minutes: u32,
    /// Status.
    pub status: DispatchStatus,
}

/// Which applications the list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueFilter {
    /// Only this status.
    pub status: Option<DispatchStatus>,
    /// Only applications whose business matches this text (folded as in the lookup) or whose number it is.
    pub text: String,
    /// Only the applications of one business, expert or chamber (opened from the lookup).
    pub record: Option<RecordFilter>,
}

/// The applications of one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordFilter {
    /// Business, expert or organisation (chamber).
    pub kind: crate::store::lookup::HitKind,
    /// Its id.
    pub id: i64,
    /// Its name, for the tab bar.
    pub label: String,
}

/// The WHERE clause of a filter's status and record (the text is joined in by [`Query::new`]).
fn condition(fiscal_year: i32, f: &QueueFilter) -> String {
    let mut sql = format!("d.fiscal_year = {fiscal_year}");
    if let Some(s) = f.status {
        sql.push_str(&format!(" AND d.status = '{}'", s.code()));
    }
    if let Some(r) = &f.record {
        use crate::store::lookup::HitKind;
        let column = match r.kind {
            HitKind::Business => "d.business_id",
            HitKind::Expert => "d.expert_id",
            HitKind::Organisation => "d.chamber_id",
            HitKind::Application => "d.id",
            // The applications made from the event's consultation-day bookings.
            HitKind::Event => "(SELECT b.event_id FROM booking b WHERE b.dispatch_id = d.id LIMIT 1)",
            // A Form 4 claim has no applications: the filter matches none.
            HitKind::Claim => "NULL",
        };
        sql.push_str(&format!(" AND {column} = {}", r.id));
    }
    sql
}

const ROW_SELECT: &str = "SELECT d.id, d.fiscal_year, d.seq, d.received_on, b.name, o.name, d.theme, e.name, d.status,
        (SELECT COUNT(*) FROM visit v WHERE v.dispatch_id = d.id),
        (SELECT COALESCE(SUM(v.end_min - v.start_min), 0) FROM visit v WHERE v.dispatch_id = d.id)
    FROM dispatch d JOIN business b ON b.id = d.business_id
    LEFT JOIN organisation o ON o.id = d.chamber_id
    LEFT JOIN expert e ON e.id = d.expert_id";

fn row(r: &rusqlite::Row) -> rusqlite::Result<QueueRow> {
    Ok(QueueRow {
        id: r.get(0)?,
        number: DispatchNumber { fiscal_year: r.get(1)?, seq: r.get(2)? },
        received_on: r.get(3)?,
        business: r.get(4)?,
        chamber: r.get(5)?,
        theme: r.get(6)?,
        expert: r.get(7)?,
        status: r.get(8)?,
        visits: r.get(9)?,
        minutes: r.get(10)?,
    })
}

/// The list narrowed by a filter: a text filter joins the applications whose business matches it (through the
/// copies of the business's entries in the lookup index) or whose number it is.
pub struct Query {
    /// The rows read: `dispatch d`, or the text's matches joined to it.
    source: String,
    /// The WHERE clause of the status and record filters.
    condition: String,
    /// The text's parameters.
    params: Vec<String>,
}

impl Query {
    /// Resolves the filter (its text to a join with the lookup index).
    pub fn new(fiscal_year: i32, f: &QueueFilter) -> Query {
        let condition = condition(fiscal_year, f);
        let text = f.text.trim();
        if text.is_empty() {
            return Query { source: "dispatch d".into(), condition, params: Vec::new() };
        }
        let mut matching = crate::store::search::matching(crate::store::search::Kind::Application, text);
        if let Some(n) = DispatchNumber::parse(text, fiscal_year) {
            matching.sql.push_str(&format!(
                " UNION SELECT id FROM dispatch WHERE fiscal_year = {} AND seq = {}",
                n.fiscal_year, n.seq
            ));
        }
        // The narrow index by id answers the count and the page order without reading the wide rows.
        let source =
            format!("({}) m CROSS JOIN dispatch d INDEXED BY dispatch_by_id ON d.id = m.record_id", matching.sql);
        Query { source, condition, params: matching.params }
    }

    /// The ids of the applications the filter holds, as a query and its parameters (the frequency tables count
    /// the list as filtered).
    pub fn ids(&self) -> (String, Vec<String>) {
        (format!("SELECT d.id FROM {} WHERE {}", self.source, self.condition), self.params.clone())
    }

    /// Where an application stands in the list (newest number first, as it pages); None when the filter does not
    /// hold it.
    pub fn position(&self, conn: &Connection, dispatch_id: i64) -> Result<Option<usize>> {
        let (ids, mut params) = self.ids();
        params.push(dispatch_id.to_string());
        let n = params.len();
        let sql = format!(
            "SELECT (SELECT COUNT(*) FROM dispatch o WHERE o.id IN ({ids}) AND (o.fiscal_year, o.seq) > (d.fiscal_year, d.seq))
             FROM dispatch d WHERE d.id = CAST(?{n} AS INTEGER) AND d.id IN ({ids})"
        );
        let before: Option<i64> =
            conn.prepare_cached(&sql)?.query_row(params_from_iter(&params), |r| r.get(0)).optional()?;
        Ok(before.map(|n| n as usize))
    }

    /// Number of applications.
    pub fn count(&self, conn: &Connection) -> Result<usize> {
        let sql = format!("SELECT COUNT(*) FROM {} WHERE {}", self.source, self.condition);
        let n: i64 = conn.prepare_cached(&sql)?.query_row(params_from_iter(&self.params), |r| r.get(0))?;
        Ok(n as usize)
    }

    /// One page, newest number first.
    pub fn page(&self, conn: &Connection, offset: usize, limit: usize) -> Result<Vec<QueueRow>> {
        // Page the ids through the index first, then compute the row facts (visit sums...) for those rows only:
        // SQLite evaluates the result columns of rows skipped by OFFSET too.
        let sql = format!(
            "{ROW_SELECT} JOIN (SELECT d.id AS pid FROM {} WHERE {}
                 ORDER BY d.fiscal_year DESC, d.seq DESC LIMIT {limit} OFFSET {offset}) p ON p.pid = d.id
             ORDER BY d.fiscal_year DESC, d.seq DESC",
            self.source, self.condition
        );
        let mut st = conn.prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(&self.params), row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A visit as the detail pane shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitLine {
    /// Row id.
    pub id: i64,
    /// Date.
    pub date: NaiveDate,
    /// Start.
    pub start_min: u16,
    /// End.
    pub end_min: u16,
    /// Place.
    pub place: PlaceKind,
    /// Place note.
    pub place_note: String,
    /// Who accompanied.
    pub accompanied_by: AccompanimentKind,
    /// Name of the accompanying person, if recorded.
    pub accompanying_name: Option<String>,
    /// R-D3 reason.
    pub accompaniment_reason: String,
    /// R-D1 override reason, if any.
    pub override_reason: Option<String>,
    /// The chamber staff member who accompanied, if picked.
    pub staff_id: Option<i64>,
    /// The desk staff member who accompanied, if picked.
    pub desk_staff_id: Option<i64>,
    /// The name typed when nobody was picked from the staff.
    pub typed_name: String,
    /// Row version (for refusing stale edits).
    pub row_version: i64,
}

/// Everything the detail pane of one application shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DispatchDetail {
    /// The list row.
    pub row: QueueRow,
    /// Business legal form.
    pub legal_form: Option<LegalForm>,
    /// Business municipality code and name.
    pub municipality: Option<(String, String)>,
    /// Industry.
    pub industry: Option<IndustryCategory>,
    /// Capital.
    pub capital_yen: Option<i64>,
    /// Employees.
    pub employees: Option<i64>,
    /// The applying chamber's id (None: direct to the desk).
    pub chamber_id: Option<i64>,
    /// The chamber's assigned guidance officer.
    pub guidance_officer: Option<String>,
    /// The assigned guidance officer's id (R-D3).
    pub guidance_officer_id: Option<i64>,
    /// Who may accompany a visit or be the guidance officer: the chamber's staff, then the desk's.
    pub staff: Vec<crate::store::staff::StaffMember>,
    /// Form 1 sections (key, text), as stored.
    pub sections: Vec<(String, String)>,
    /// Visits in date order.
    pub visits: Vec<VisitLine>,
    /// R-D5 grounds.
    pub grounds: Vec<u8>,
    /// Ground 8 text.
    pub rejection_note: String,
    /// Report received on (R-D4).
    pub report_received_on: Option<NaiveDate>,
    /// Feedback sent on (R-D4).
    pub feedback_sent_on: Option<NaiveDate>,
    /// Row version (for refusing stale saves).
    pub row_version: i64,
    /// The expert the approval form proposes: the assigned one, else the recommended one (id, name).
    pub proposed_expert: Option<(i64, String)>,
}

/// The detail of one application.
pub fn detail(conn: &Connection, id: i64) -> Result<Option<DispatchDetail>> {
    let Some(row) = conn.query_row(&format!("{ROW_SELECT} WHERE d.id = ?1"), [id], row).optional()? else {
        return Ok(None);
    };
    let (
        legal_form,
        muni_code,
        muni_name,
        industry,
        capital,
        employees,
        officer,
        sections,
        note,
        report,
        feedback,
        rv,
        chamber_id,
        proposed_id,
        proposed_name,
        officer_id,
    ) = conn.query_row(
        "SELECT b.legal_form, m.code, m.name, b.industry, b.capital_yen, b.employees, s.name, d.sections,
                    d.rejection_note, d.report_received_on, d.feedback_sent_on, d.row_version, d.chamber_id,
                    pe.id, pe.name, d.guidance_officer_id
             FROM dispatch d LEFT JOIN expert pe ON pe.id = COALESCE(d.expert_id, d.recommended_expert_id) JOIN business b ON b.id = d.business_id
             LEFT JOIN municipality m ON m.id = b.municipality_id
             LEFT JOIN organisation_staff s ON s.id = d.guidance_officer_id WHERE d.id = ?1",
        [id],
        |r| {
            Ok((
                r.get::<_, Option<LegalForm>>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<IndustryCategory>>(3)?,
                r.get::<_, Option<i64>>(4)?,
                r.get::<_, Option<i64>>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, String>(8)?,
                r.get::<_, Option<NaiveDate>>(9)?,
                r.get::<_, Option<NaiveDate>>(10)?,
                r.get::<_, i64>(11)?,
                r.get::<_, Option<i64>>(12)?,
                r.get::<_, Option<i64>>(13)?,
                r.get::<_, Option<String>>(14)?,
                r.get::<_, Option<i64>>(15)?,
            ))
        },
    )?;
    let sections = match serde_json::from_str::<serde_json::Value>(&sections) {
        Ok(serde_json::Value::Object(m)) => {
            m.into_iter().map(|(k, v)| (k, v.as_str().unwrap_or_default().to_string())).collect()
        }
        _ => Vec::new(),
    };
    let mut st = conn.prepare_cached(
        "SELECT v.id, v.visit_date, v.start_min, v.end_min, v.place, v.place_note, v.accompanied_by,
                COALESCE(s.name, ds.name, NULLIF(v.accompanying_name, '')), v.accompaniment_reason,
                (SELECT o.reason FROM override o WHERE o.record_table = 'visit' AND o.record_id = v.id AND o.rule = 'R-D1'
                 ORDER BY o.id DESC LIMIT 1),
                v.accompanying_staff_id, v.accompanying_desk_staff_id, v.accompanying_name, v.row_version
         FROM visit v LEFT JOIN organisation_staff s ON s.id = v.accompanying_staff_id
         LEFT JOIN desk_staff ds ON ds.id = v.accompanying_desk_staff_id
         WHERE v.dispatch_id = ?1 ORDER BY v.visit_date, v.start_min, v.id",
    )?;
    let visits = st
        .query_map([id], |r| {
            Ok(VisitLine {
                id: r.get(0)?,
                date: r.get(1)?,
                start_min: r.get(2)?,
                end_min: r.get(3)?,
                place: r.get(4)?,
                place_note: r.get(5)?,
                accompanied_by: r.get(6)?,
                accompanying_name: r.get(7)?,
                accompaniment_reason: r.get(8)?,
                override_reason: r.get(9)?,
                staff_id: r.get(10)?,
                desk_staff_id: r.get(11)?,
                typed_name: r.get(12)?,
                row_version: r.get(13)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut st = conn.prepare_cached("SELECT ground FROM rejection_ground WHERE dispatch_id = ?1 ORDER BY ground")?;
    let grounds = st.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let mut staff = match chamber_id {
        Some(c) => crate::store::staff::of_chamber(conn, c)?,
        None => Vec::new(),
    };
    staff.extend(crate::store::staff::of_desk(conn)?);
    Ok(Some(DispatchDetail {
        row,
        legal_form,
        municipality: muni_code.zip(muni_name),
        industry,
        capital_yen: capital,
        employees,
        chamber_id,
        guidance_officer: officer,
        guidance_officer_id: officer_id,
        staff,
        sections,
        visits,
        grounds,
        rejection_note: note,
        report_received_on: report,
        feedback_sent_on: feedback,
        row_version: rv,
        proposed_expert: proposed_id.zip(proposed_name),
    }))
}
