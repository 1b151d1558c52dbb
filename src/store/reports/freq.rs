//! Frequency tables of the console's report view: counts of a list's records by one or two fields, a GROUP BY
//! in SQL, and the records behind one cell. The records are those of the list as it was filtered ([`Listing`]):
//! each list's own WHERE-building code narrows them, never a copy of it. Fields are a fixed table of SQL
//! expressions (no typed text reaches the SQL but through the lists' own code); keys come back raw (codes, names,
//! `YYYY-MM`) for the view to label.

use anyhow::Result;
use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};

use crate::domain::model::DispatchNumber;
use crate::store::calendar::{CalendarFilter, event_matches};
use crate::store::ledger::lists::{self, LedgerFilter};
use crate::store::queue::{self, QueueFilter};

/// The kind of records counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Dispatch applications of the year (tabs 1 and 2).
    Dispatches,
    /// Desk consultations of the year (tab 1's second view).
    Consultations,
    /// Seminars and consultation days of the year (tab 3).
    Events,
    /// Form 4 reimbursement claims of the year (tab 4).
    Claims,
}

/// The list a table counts, with the filter it had when the table was opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Listing {
    /// The applications narrowed by the queue's filter (status, text, one record's applications).
    Applications(QueueFilter),
    /// The desk consultations narrowed by the typed text.
    Consultations(String),
    /// The events narrowed by the calendar's filter text.
    Events(CalendarFilter),
    /// The Form 4 claims narrowed by the ledger's filter.
    Claims(LedgerFilter),
}

impl Listing {
    /// The kind of records listed.
    pub fn source(&self) -> Source {
        match self {
            Listing::Applications(_) => Source::Dispatches,
            Listing::Consultations(_) => Source::Consultations,
            Listing::Events(_) => Source::Events,
            Listing::Claims(_) => Source::Claims,
        }
    }
}

/// A field records can be counted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Theme number (key `01`..).
    Theme,
    /// Applying chamber (None: received directly by the desk).
    Chamber,
    /// Status code.
    Status,
    /// Month received / held / claimed (`YYYY-MM`).
    Month,
    /// The business's (or the event's) municipality.
    Municipality,
    /// Assigned expert.
    Expert,
    /// Event kind code.
    Kind,
    /// Organising body / claiming organisation.
    Organisation,
    /// The event's area.
    Area,
    /// How a desk consultation came in (code).
    Channel,
    /// What came of a desk consultation (code).
    Outcome,
    /// The desk staff member who handled a consultation.
    Staff,
}

impl Source {
    /// The fields of this source, in the order the view cycles through them.
    pub fn fields(self) -> &'static [Field] {
        use Field::*;
        match self {
            Source::Dispatches => &[Theme, Chamber, Status, Month, Municipality, Expert],
            Source::Consultations => &[Channel, Outcome, Month, Theme, Chamber, Staff],
            Source::Events => &[Kind, Theme, Status, Month, Organisation, Area],
            Source::Claims => &[Status, Month, Organisation],
        }
    }

    /// FROM clause (every join a field may need; the table under the alias its list's condition uses) and the
    /// ORDER BY of records.
    fn from(self) -> (&'static str, &'static str) {
        match self {
            Source::Dispatches => (
                "dispatch d JOIN business b ON b.id = d.business_id
                 LEFT JOIN organisation c ON c.id = d.chamber_id
                 LEFT JOIN municipality m ON m.id = b.municipality_id
                 LEFT JOIN expert x ON x.id = d.expert_id",
                "d.seq",
            ),
            Source::Consultations => (
                "desk_consultation c LEFT JOIN business b ON b.id = c.business_id
                 LEFT JOIN organisation ch ON ch.id = c.chamber_id
                 LEFT JOIN desk_staff s ON s.id = c.handled_by_id",
                "c.received_on, c.received_min, c.id",
            ),
            Source::Events => (
                "event e LEFT JOIN organisation o ON o.id = e.organiser_id
                 LEFT JOIN municipality m ON m.id = e.municipality_id
                 LEFT JOIN area a ON a.id = m.area_id",
                "e.event_date, e.start_min, e.id",
            ),
            Source::Claims => (
                "claim cl JOIN organisation o ON o.id = cl.organisation_id JOIN event e ON e.id = cl.event_id",
                "cl.claimed_on, cl.id",
            ),
        }
    }

    /// The SQL expression of a field's key in this source (None: not a field of it).
    fn key(self, f: Field) -> Option<&'static str> {
        use Field::*;
        Some(match (self, f) {
            (Source::Dispatches, Theme) => "printf('%02d', d.theme)",
            (Source::Dispatches, Chamber) => "c.name",
            (Source::Dispatches, Status) => "d.status",
            (Source::Dispatches, Month) => "substr(d.received_on, 1, 7)",
            (Source::Dispatches, Municipality) => "m.name",
            (Source::Dispatches, Expert) => "x.name",
            (Source::Consultations, Channel) => "c.channel",
            (Source::Consultations, Outcome) => "c.outcome",
            (Source::Consultations, Month) => "substr(c.received_on, 1, 7)",
            (Source::Consultations, Theme) => "CASE WHEN c.theme IS NOT NULL THEN printf('%02d', c.theme) END",
            (Source::Consultations, Chamber) => "ch.name",
            (Source::Consultations, Staff) => "s.name",
            (Source::Events, Kind) => "e.kind",
            (Source::Events, Theme) => "printf('%02d', e.theme)",
            (Source::Events, Status) => "e.status",
            (Source::Events, Month) => "substr(e.event_date, 1, 7)",
            (Source::Events, Organisation) => "o.name",
            (Source::Events, Area) => "a.name",
            (Source::Claims, Status) => "cl.status",
            (Source::Claims, Month) => "substr(cl.claimed_on, 1, 7)",
            (Source::Claims, Organisation) => "o.name",
            _ => return None,
        })
    }

    /// The SQL of a record's id and label.
    fn record(self) -> &'static str {
        match self {
            Source::Dispatches => "d.id, d.fiscal_year, d.seq, b.name",
            Source::Consultations => {
                "c.id, NULL, NULL, c.received_on || ' ' || COALESCE(b.name, NULLIF(c.caller_name, ''), '')"
            }
            Source::Events => "e.id, NULL, NULL, e.event_date || ' ' || e.title",
            Source::Claims => "cl.id, NULL, NULL, cl.claimed_on || ' ' || o.name || ' ' || e.title",
        }
    }
}

/// One cell: the row key, the column key (None in a one-field table) and the records counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Key of the first field (None: not recorded).
    pub row: Option<String>,
    /// Key of the second field.
    pub col: Option<String>,
    /// Records.
    pub count: i64,
}

/// A listing's records in SQL: the condition (its list's own, which holds the year) and the values it binds.
struct Narrowed {
    sql: String,
    params: Vec<Value>,
}

impl Narrowed {
    /// Binds one more value; returns its placeholder.
    fn bind(&mut self, v: impl Into<Value>) -> String {
        self.params.push(v.into());
        format!("?{}", self.params.len())
    }
}

/// The condition of `listing`'s records of the year, from the code that narrows the list itself.
fn narrowed(year: i32, listing: &Listing) -> Narrowed {
    // The list's own ids query binds ?1, ?2...: its parameters come first.
    let within = |alias: &str, (ids, params): (String, Vec<String>)| Narrowed {
        sql: format!("{alias}.id IN ({ids})"),
        params: params.into_iter().map(Value::Text).collect(),
    };
    match listing {
        Listing::Applications(f) => within("d", queue::Query::new(year, f).ids()),
        Listing::Consultations(text) => within("c", crate::store::consultations::ids(year, text)),
        Listing::Events(f) => {
            let mut n = Narrowed { sql: String::new(), params: Vec::new() };
            let (y, words) = (n.bind(year), n.bind(f.folded()));
            n.sql = format!("e.fiscal_year = {y} AND {}", event_matches(&words));
            n
        }
        Listing::Claims(f) => within("cl", lists::claim_ids(year, f)),
    }
}

fn field_key(source: Source, f: Field) -> Result<&'static str> {
    source.key(f).ok_or_else(|| anyhow::anyhow!("{f:?} is not a field of {source:?}"))
}

/// Counts of `listing`'s records of the year by `rows` (and `cols`), ordered by key, not-recorded last.
pub fn counts(conn: &Connection, listing: &Listing, year: i32, rows: Field, cols: Option<Field>) -> Result<Vec<Cell>> {
    let source = listing.source();
    let (from, _) = source.from();
    let r = field_key(source, rows)?;
    let c = match cols {
        Some(f) => field_key(source, f)?,
        None => "NULL",
    };
    let n = narrowed(year, listing);
    let sql = format!(
        "SELECT {r} AS k1, {c} AS k2, COUNT(*) FROM {from} WHERE {}
         GROUP BY k1, k2 ORDER BY k1 IS NULL, k1, k2 IS NULL, k2",
        n.sql
    );
    let mut st = conn.prepare_cached(&sql)?;
    let cells =
        st.query_map(params_from_iter(&n.params), |x| Ok(Cell { row: x.get(0)?, col: x.get(1)?, count: x.get(2)? }))?;
    Ok(cells.collect::<rusqlite::Result<_>>()?)
}

/// The records of `listing` behind one cell (at most `limit`), as (id, label); an application's label starts
/// with its number.
pub fn records(
    conn: &Connection,
    listing: &Listing,
    year: i32,
    rows: (Field, Option<&str>),
    cols: Option<(Field, Option<&str>)>,
    limit: usize,
) -> Result<Vec<(i64, String)>> {
    let source = listing.source();
    let (from, order) = source.from();
    let r = field_key(source, rows.0)?;
    let (c, col_value) = match cols {
        Some((f, v)) => (field_key(source, f)?, v),
        None => ("NULL", None),
    };
    let mut n = narrowed(year, listing);
    let (row_key, col_key) = (n.bind(rows.1.map(String::from)), n.bind(col_value.map(String::from)));
    let limit = n.bind(limit as i64);
    let sql = format!(
        "SELECT {} FROM {from} WHERE {} AND {r} IS {row_key} AND {c} IS {col_key} ORDER BY {order} LIMIT {limit}",
        source.record(),
        n.sql
    );
    let mut st = conn.prepare_cached(&sql)?;
    let found = st.query_map(params_from_iter(&n.params), |x| {
        let label: String = x.get(3)?;
        let number: Option<(i32, u32)> = match (x.get::<_, Option<i32>>(1)?, x.get::<_, Option<u32>>(2)?) {
            (Some(y), Some(s)) => Some((y, s)),
            _ => None,
        };
        let label = match number {
            Some((fiscal_year, seq)) => format!("{} {label}", DispatchNumber { fiscal_year, seq }),
            None => label,
        };
        Ok((x.get(0)?, label))
    })?;
    Ok(found.collect::<rusqlite::Result<_>>()?)
}

/// Where an application stands in the queue narrowed by `filter` (newest number first, as the list pages it),
/// so that a record chosen in a table opens in the list it was counted from; None when the filter no longer
/// holds it.
pub fn queue_position(conn: &Connection, year: i32, filter: &QueueFilter, dispatch_id: i64) -> Result<Option<usize>> {
    queue::Query::new(year, filter).position(conn, dispatch_id)
}
