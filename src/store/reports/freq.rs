//! Frequency tables of the console's report view: counts of a list's records by one or two fields, a GROUP BY
//! in SQL, and the records behind one cell. Fields are a fixed table of SQL expressions (no typed text reaches
//! the SQL); keys come back raw (codes, names, `YYYY-MM`) for the view to label.

use anyhow::Result;
use rusqlite::{Connection, params};

use crate::domain::model::DispatchNumber;

/// The list whose records are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Dispatch applications of the year (tabs 1 and 2).
    Dispatches,
    /// Seminars and consultation days of the year (tab 3).
    Events,
    /// Form 4 reimbursement claims of the year (tab 4).
    Claims,
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
}

impl Source {
    /// The fields of this source, in the order the view cycles through them.
    pub fn fields(self) -> &'static [Field] {
        use Field::*;
        match self {
            Source::Dispatches => &[Theme, Chamber, Status, Month, Municipality, Expert],
            Source::Events => &[Kind, Theme, Status, Month, Organisation, Area],
            Source::Claims => &[Status, Month, Organisation],
        }
    }

    /// FROM clause (every join a field may need), the year condition and the ORDER BY of records.
    fn from(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Source::Dispatches => (
                "dispatch d JOIN business b ON b.id = d.business_id
                 LEFT JOIN organisation c ON c.id = d.chamber_id
                 LEFT JOIN municipality m ON m.id = b.municipality_id
                 LEFT JOIN expert x ON x.id = d.expert_id",
                "d.fiscal_year = ?1",
                "d.seq",
            ),
            Source::Events => (
                "event e LEFT JOIN organisation o ON o.id = e.organiser_id
                 LEFT JOIN municipality m ON m.id = e.municipality_id
                 LEFT JOIN area a ON a.id = m.area_id",
                "e.fiscal_year = ?1",
                "e.event_date, e.start_min, e.id",
            ),
            Source::Claims => (
                "claim cl JOIN organisation o ON o.id = cl.organisation_id JOIN event e ON e.id = cl.event_id",
                "cl.fiscal_year = ?1",
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

/// Counts of the year's records of `source` by `rows` (and `cols`), ordered by key, not-recorded last.
pub fn counts(conn: &Connection, source: Source, year: i32, rows: Field, cols: Option<Field>) -> Result<Vec<Cell>> {
    let (from, cond, _) = source.from();
    let r = source.key(rows).ok_or_else(|| anyhow::anyhow!("{rows:?} is not a field of {source:?}"))?;
    let c = match cols {
        Some(f) => source.key(f).ok_or_else(|| anyhow::anyhow!("{f:?} is not a field of {source:?}"))?,
        None => "NULL",
    };
    let sql = format!(
        "SELECT {r} AS k1, {c} AS k2, COUNT(*) FROM {from} WHERE {cond}
         GROUP BY k1, k2 ORDER BY k1 IS NULL, k1, k2 IS NULL, k2"
    );
    let mut st = conn.prepare_cached(&sql)?;
    let cells = st.query_map(params![year], |x| Ok(Cell { row: x.get(0)?, col: x.get(1)?, count: x.get(2)? }))?;
    Ok(cells.collect::<rusqlite::Result<_>>()?)
}

/// The records behind one cell (at most `limit`), as (id, label); an application's label starts with its
/// number.
pub fn records(
    conn: &Connection,
    source: Source,
    year: i32,
    rows: (Field, Option<&str>),
    cols: Option<(Field, Option<&str>)>,
    limit: usize,
) -> Result<Vec<(i64, String)>> {
    let (from, cond, order) = source.from();
    let key = |f: Field| source.key(f).ok_or_else(|| anyhow::anyhow!("{f:?} is not a field of {source:?}"));
    let r = key(rows.0)?;
    let (c, col_value) = match cols {
        Some((f, v)) => (key(f)?, v),
        None => ("NULL", None),
    };
    let sql = format!(
        "SELECT {} FROM {from} WHERE {cond} AND {r} IS ?2 AND {c} IS ?3 ORDER BY {order} LIMIT ?4",
        source.record()
    );
    let mut st = conn.prepare_cached(&sql)?;
    let found = st.query_map(params![year, rows.1, col_value, limit as i64], |x| {
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
