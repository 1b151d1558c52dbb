//! The ledger's lists, one page at a time and unpaid first: Form 4 claims, honorarium/travel payments, the work
//! (visits, event parts) of experts with no payment yet, and events to pick for a claim.

use std::rc::Rc;

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::vtab::array::Array;
use rusqlite::{CachedStatement, Connection, Row, params, params_from_iter};

use crate::domain::model::{ClaimStatus, PaymentStatus, VenueKind};
use crate::store::search::{Kind, matching};

/// What the claim and payment lists are narrowed by.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LedgerFilter {
    /// Text in the event, organisation, receipt (claims) or expert and work (payments).
    pub text: String,
    /// Only what is not paid yet.
    pub unpaid_only: bool,
}

impl LedgerFilter {
    /// The same filter with no text (the list the text narrows).
    pub fn without_text(&self) -> LedgerFilter {
        LedgerFilter { text: String::new(), ..self.clone() }
    }

    /// The records the text names, looked up once (for the payments and the work: their count, their page and
    /// every part of those queries share the ids); None when no text is typed.
    pub fn named(&self, conn: &Connection) -> Result<Option<Named>> {
        let text = self.text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let ids = |kind: Kind| -> Result<Array> {
            let m = matching(kind, text);
            let mut st = conn.prepare_cached(&m.sql)?;
            let ids = st.query_map(params_from_iter(&m.params), |r| r.get::<_, i64>(0).map(Value::from))?;
            Ok(Rc::new(ids.collect::<rusqlite::Result<_>>()?))
        };
        Ok(Some(Named {
            experts: ids(Kind::Expert)?,
            applications: ids(Kind::Application)?,
            events: ids(Kind::Event)?,
        }))
    }
}

/// The ids of the experts, applications (by their business) and events a filter's text names, bound to a query as
/// `rarray` tables: `:experts`, `:applications`, `:events`.
#[derive(Debug, Clone)]
pub struct Named {
    experts: Array,
    applications: Array,
    events: Array,
}

/// The named experts' ids, in SQL.
const EXPERTS: &str = "SELECT value FROM rarray(:experts)";
/// The named applications' ids, in SQL.
const APPLICATIONS: &str = "SELECT value FROM rarray(:applications)";
/// The named events' ids, in SQL.
const EVENTS: &str = "SELECT value FROM rarray(:events)";

/// `sql` prepared, with the named ids bound to the names it uses.
fn prepared<'c>(conn: &'c Connection, sql: &str, named: Option<&Named>) -> Result<CachedStatement<'c>> {
    let mut st = conn.prepare_cached(sql)?;
    if let Some(n) = named {
        for (name, ids) in [(":experts", &n.experts), (":applications", &n.applications), (":events", &n.events)] {
            if let Some(i) = st.parameter_index(name)? {
                st.raw_bind_parameter(i, ids)?;
            }
        }
    }
    Ok(st)
}

/// The number `sql` counts, with the named ids bound.
fn count_named(conn: &Connection, sql: &str, named: Option<&Named>) -> Result<usize> {
    let mut st = prepared(conn, sql, named)?;
    let mut rows = st.raw_query();
    let n: i64 = rows.next()?.map_or(Ok(0), |r| r.get(0))?;
    Ok(n as usize)
}

/// How many rows a filtered list has against its unfiltered whole (both counted before its page is read): dense
/// matches are paged by walking the list's own order and testing each row, sparse ones by sorting them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    /// Rows matching the filter.
    pub matches: usize,
    /// Rows of the list without its text filter.
    pub all: usize,
}

impl Share {
    /// Unknown: the page sorts the matches.
    pub const UNKNOWN: Share = Share { matches: 0, all: 0 };

    /// Whether the rows up to `end` are found by walking fewer of the list's rows (at the matches' density) than
    /// half the matches a sort reads: a walked row costs about twice a sorted match (its row is read and tested,
    /// where a sort reads covering indexes).
    fn walks(self, end: usize) -> bool {
        self.matches > 0 && end.saturating_mul(self.all) / self.matches <= self.matches / 2
    }
}

/// The rows of a list: its table as `alias`, joined to the text's matches (`SELECT … AS record_id`) if any; and
/// the parameters to bind.
fn source(table: &str, alias: &str, matches: Option<(String, Vec<String>)>) -> (String, Vec<String>) {
    match matches {
        None => (format!("{table} {alias}"), Vec::new()),
        Some((sql, params)) => (format!("({sql}) m CROSS JOIN {table} {alias} ON {alias}.id = m.record_id"), params),
    }
}

/// One Form 4 claim with its event and the dates and staff of each step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRow {
    /// Id.
    pub id: i64,
    /// Event title.
    pub event: String,
    /// Event date.
    pub event_date: NaiveDate,
    /// Venue name.
    pub venue: String,
    /// Venue kind (R-S5, R-S8).
    pub venue_kind: VenueKind,
    /// The organising body that advanced the fee.
    pub organisation: String,
    /// Amount advanced.
    pub amount_yen: i64,
    /// Receipt reference.
    pub receipt_ref: String,
    /// Date claimed.
    pub claimed_on: NaiveDate,
    /// Status.
    pub status: ClaimStatus,
    /// Checked: date and staff.
    pub checked: Option<(NaiveDate, String)>,
    /// Approved: date and staff.
    pub approved: Option<(NaiveDate, String)>,
    /// Paid: date and staff.
    pub paid: Option<(NaiveDate, String)>,
    /// Why it was returned.
    pub return_reason: String,
    /// Note.
    pub note: String,
    /// Row version (edits are refused when it changed).
    pub row_version: i64,
}

/// One honorarium/travel payment with its payee and the work it pays for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentRow {
    /// Id.
    pub id: i64,
    /// Payee.
    pub expert: String,
    /// The visit's business or the event's title.
    pub work: String,
    /// Date of the work.
    pub work_date: Option<NaiveDate>,
    /// For an event (else a visit).
    pub for_event: bool,
    /// 謝金.
    pub honorarium_yen: i64,
    /// 旅費.
    pub travel_yen: i64,
    /// 源泉徴収.
    pub withholding_yen: i64,
    /// Paid to the payee.
    pub net_yen: i64,
    /// Payee is a corporation (not withheld).
    pub payee_is_corporation: bool,
    /// Status.
    pub status: PaymentStatus,
    /// Proposed on.
    pub proposed_on: NaiveDate,
    /// Approved on.
    pub approved_on: Option<NaiveDate>,
    /// Paid on.
    pub paid_on: Option<NaiveDate>,
    /// Note.
    pub note: String,
    /// Row version.
    pub row_version: i64,
}

/// A visit or an expert's part in an event, done and not paid yet: a payment is proposed from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkRow {
    /// The visit (None: an event).
    pub visit_id: Option<i64>,
    /// The event (None: a visit).
    pub event_id: Option<i64>,
    /// The expert.
    pub expert_id: i64,
    /// Expert's name.
    pub expert: String,
    /// Expert is a corporation.
    pub is_corporation: bool,
    /// Date.
    pub date: NaiveDate,
    /// The business visited or the event's title.
    pub title: String,
    /// Length in minutes.
    pub minutes: i64,
    /// Online (no travel).
    pub online: bool,
}

/// The claims of the year matching the filter (by number, payee, receipt, or their event's title or venue): the
/// FROM clause, the WHERE clause and the parameters. (Claims match through SQL with text parameters, not
/// [`Named`] ids: the frequency tables run [`claim_ids`] with parameters that cannot hold an `rarray`.)
fn claims_of(fiscal_year: i32, f: &LedgerFilter) -> (String, String, Vec<String>) {
    let text = f.text.trim();
    let matches = (!text.is_empty()).then(|| {
        // The matchings' parameters depend on the text alone: the two share them.
        let (claim, event) = (matching(Kind::Claim, text), matching(Kind::Event, text));
        (format!("{} UNION SELECT c.id FROM claim c WHERE c.event_id IN ({})", claim.sql, event.sql), claim.params)
    });
    let (from, params) = source("claim", "c", matches);
    let unpaid = if f.unpaid_only { " AND c.status <> 'paid'" } else { "" };
    (from, format!("c.fiscal_year = {fiscal_year}{unpaid}"), params)
}

/// The ids of the claims of the year matching the filter, as a query and its parameters (the frequency tables
/// count the list as filtered).
pub fn claim_ids(fiscal_year: i32, f: &LedgerFilter) -> (String, Vec<String>) {
    let (from, condition, params) = claims_of(fiscal_year, f);
    (format!("SELECT c.id FROM {from} WHERE {condition}"), params)
}

/// Claims of the year matching the filter.
pub fn count_claims(conn: &Connection, fiscal_year: i32, f: &LedgerFilter) -> Result<usize> {
    let (from, condition, params) = claims_of(fiscal_year, f);
    count(conn, &from, &condition, &params)
}

/// A list's count (every claim has its event and organisation, every payment its expert: no joins needed).
fn count(conn: &Connection, from: &str, condition: &str, params: &[String]) -> Result<usize> {
    let sql = format!("SELECT COUNT(*) FROM {from} WHERE {condition}");
    let n: i64 = conn.prepare_cached(&sql)?.query_row(params_from_iter(params), |r| r.get(0))?;
    Ok(n as usize)
}

/// A page of claims: unpaid first (returned ones last of those), newest claim first.
pub fn claims(
    conn: &Connection,
    fiscal_year: i32,
    f: &LedgerFilter,
    offset: usize,
    limit: usize,
) -> Result<Vec<ClaimRow>> {
    let (from, condition, params) = claims_of(fiscal_year, f);
    let order = "c.status = 'paid', c.status = 'returned', c.claimed_on DESC, c.id DESC";
    let sql = format!(
        "SELECT c.id, ev.title, ev.event_date, ev.venue_name, ev.venue_kind, o.name, c.amount_yen, c.receipt_ref,
                c.claimed_on, c.status, c.checked_on, c.checked_by, c.approved_on, c.approved_by, c.paid_on,
                c.paid_by, c.return_reason, c.note, c.row_version
         FROM claim c JOIN event ev ON ev.id = c.event_id JOIN organisation o ON o.id = c.organisation_id
         JOIN (SELECT c.id AS pid FROM {from} WHERE {condition} ORDER BY {order} LIMIT {limit} OFFSET {offset}) pg
             ON pg.pid = c.id
         ORDER BY {order}"
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params_from_iter(&params), claim_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One claim by id.
pub fn claim(conn: &Connection, id: i64) -> Result<Option<ClaimRow>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .prepare_cached(
            "SELECT c.id, ev.title, ev.event_date, ev.venue_name, ev.venue_kind, o.name, c.amount_yen, c.receipt_ref,
                    c.claimed_on, c.status, c.checked_on, c.checked_by, c.approved_on, c.approved_by, c.paid_on,
                    c.paid_by, c.return_reason, c.note, c.row_version
             FROM claim c JOIN event ev ON ev.id = c.event_id JOIN organisation o ON o.id = c.organisation_id
             WHERE c.id = ?1",
        )?
        .query_row([id], claim_row)
        .optional()?)
}

/// Where a claim stands in the unfiltered list of its year (to show it from the lookup).
pub fn claim_position(conn: &Connection, fiscal_year: i32, id: i64) -> Result<Option<usize>> {
    use rusqlite::OptionalExtension;
    let Some((status, claimed_on)) = conn
        .query_row(
            "SELECT status, claimed_on FROM claim WHERE id = ?1 AND fiscal_year = ?2",
            params![id, fiscal_year],
            |r| Ok((r.get::<_, ClaimStatus>(0)?, r.get::<_, NaiveDate>(1)?)),
        )
        .optional()?
    else {
        return Ok(None);
    };
    let paid = status == ClaimStatus::Paid;
    let returned = status == ClaimStatus::Returned;
    let before: i64 = conn.query_row(
        "SELECT COUNT(*) FROM claim c WHERE c.fiscal_year = ?1 AND
           ((c.status = 'paid') < ?2
            OR ((c.status = 'paid') = ?2 AND (c.status = 'returned') < ?3)
            OR ((c.status = 'paid') = ?2 AND (c.status = 'returned') = ?3
                AND (c.claimed_on > ?4 OR (c.claimed_on = ?4 AND c.id > ?5))))",
        params![fiscal_year, paid, returned, claimed_on, id],
        |r| r.get(0),
    )?;
    Ok(Some(before as usize))
}

fn claim_row(r: &Row) -> rusqlite::Result<ClaimRow> {
    let step = |d: usize| -> rusqlite::Result<Option<(NaiveDate, String)>> {
        Ok(r.get::<_, Option<NaiveDate>>(d)?.map(|date| (date, r.get::<_, String>(d + 1).unwrap_or_default())))
    };
    Ok(ClaimRow {
        id: r.get(0)?,
        event: r.get(1)?,
        event_date: r.get(2)?,
        venue: r.get(3)?,
        venue_kind: r.get(4)?,
        organisation: r.get(5)?,
        amount_yen: r.get(6)?,
        receipt_ref: r.get(7)?,
        claimed_on: r.get(8)?,
        status: r.get(9)?,
        checked: step(10)?,
        approved: step(12)?,
        paid: step(14)?,
        return_reason: r.get(16)?,
        note: r.get(17)?,
        row_version: r.get(18)?,
    })
}

/// The payments of the year (unpaid only, if so filtered) as `p`.
fn payments_of_year(fiscal_year: i32, f: &LedgerFilter) -> String {
    let unpaid = if f.unpaid_only { " AND p.status <> 'paid'" } else { "" };
    format!("p.fiscal_year = {fiscal_year}{unpaid}")
}

/// The payments named by the text with their list order's keys (`record_id`, `paid`, `proposed_on`), each once:
/// those of a named payee, then those of the business visited or of the event when the payee was not named (a
/// payment pays for a visit or an event part). Read from covering indexes alone (the payments of a business's
/// visits from `dispatch_payment`).
fn payment_matches(fiscal_year: i32, f: &LedgerFilter) -> String {
    let year = payments_of_year(fiscal_year, f);
    let keys = "p.id AS record_id, p.status = 'paid' AS paid, p.proposed_on AS proposed_on";
    format!(
        "SELECT {keys} FROM payment p INDEXED BY payment_by_expert WHERE p.expert_id IN ({EXPERTS}) AND {year}
         UNION ALL
         SELECT p.payment_id, p.status = 'paid', p.proposed_on FROM dispatch_payment p
         WHERE p.dispatch_id IN ({APPLICATIONS}) AND p.expert_id NOT IN ({EXPERTS}) AND {year}
         UNION ALL
         SELECT {keys} FROM payment p INDEXED BY payment_by_event
         WHERE p.event_id IN ({EVENTS}) AND p.visit_id IS NULL AND p.expert_id NOT IN ({EXPERTS}) AND {year}"
    )
}

/// Payments of the year matching the filter (`named`: the records its text names).
pub fn count_payments(conn: &Connection, fiscal_year: i32, f: &LedgerFilter, named: Option<&Named>) -> Result<usize> {
    match named {
        Some(n) => count_named(conn, &format!("SELECT COUNT(*) FROM ({})", payment_matches(fiscal_year, f)), Some(n)),
        None => count(conn, "payment p", &payments_of_year(fiscal_year, f), &[]),
    }
}

/// Whether payment `p` is named by the text: its payee, the business of the visit it pays for, or the event (as
/// [`payment_matches`] selects them, for a walk of the list's order).
fn names_payment() -> String {
    format!(
        "(p.expert_id IN ({EXPERTS}) OR (SELECT v.dispatch_id FROM visit v WHERE v.id = p.visit_id) IN ({APPLICATIONS})
          OR (p.visit_id IS NULL AND p.event_id IN ({EVENTS})))"
    )
}

/// A page of payments: unpaid first, newest proposal first. With a text (`named`), dense matches are found by
/// walking the list's order index, sparse ones sorted (`share`).
pub fn payments(
    conn: &Connection,
    fiscal_year: i32,
    f: &LedgerFilter,
    named: Option<&Named>,
    share: Share,
    offset: usize,
    limit: usize,
) -> Result<Vec<PaymentRow>> {
    let page = format!("LIMIT {limit} OFFSET {offset}");
    let order = "ORDER BY p.status = 'paid', p.proposed_on DESC, p.id DESC";
    let year = payments_of_year(fiscal_year, f);
    let walk = |test: &str| {
        format!("SELECT p.id AS pid FROM payment p INDEXED BY payment_list WHERE {year}{test} {order} {page}")
    };
    let ids = match named {
        Some(_) if share.walks(offset + limit) => walk(&format!(" AND {}", names_payment())),
        Some(_) => format!(
            "SELECT record_id AS pid FROM ({}) ORDER BY paid, proposed_on DESC, record_id DESC {page}",
            payment_matches(fiscal_year, f)
        ),
        None => walk(""),
    };
    let sql = format!(
        "SELECT p.id, e.name, COALESCE(ev.title, b.name, ''), COALESCE(ev.event_date, v.visit_date),
                p.event_id IS NOT NULL, p.honorarium_yen, p.travel_yen, p.withholding_yen, p.net_yen,
                p.payee_is_corporation, p.status, p.proposed_on, p.approved_on, p.paid_on, p.note, p.row_version
         FROM payment p JOIN expert e ON e.id = p.expert_id
         LEFT JOIN event ev ON ev.id = p.event_id
         LEFT JOIN visit v ON v.id = p.visit_id
         LEFT JOIN dispatch d ON d.id = v.dispatch_id
         LEFT JOIN business b ON b.id = d.business_id
         JOIN ({ids}) pg ON pg.pid = p.id
         ORDER BY p.status = 'paid', p.proposed_on DESC, p.id DESC"
    );
    let mut st = prepared(conn, &sql, named)?;
    let rows = st.raw_query().mapped(|r| {
        Ok(PaymentRow {
            id: r.get(0)?,
            expert: r.get(1)?,
            work: r.get(2)?,
            work_date: r.get(3)?,
            for_event: r.get(4)?,
            honorarium_yen: r.get(5)?,
            travel_yen: r.get(6)?,
            withholding_yen: r.get(7)?,
            net_yen: r.get(8)?,
            payee_is_corporation: r.get(9)?,
            status: r.get(10)?,
            proposed_on: r.get(11)?,
            approved_on: r.get(12)?,
            paid_on: r.get(13)?,
            note: r.get(14)?,
            row_version: r.get(15)?,
        })
    });
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The unpaid visits and event parts (table `unpaid_work`) between two dates, as `u`.
fn work_dates(from: NaiveDate, until: NaiveDate) -> String {
    format!("u.work_date BETWEEN '{from}' AND '{until}'")
}

/// The columns of an `unpaid_work` row a page reads before its joins.
const WORK_KEYS: &str = "u.kind, u.ref_id, u.expert_id, u.work_date";

/// The unpaid visits and event parts between two dates named by the text (by expert, or the business visited, or
/// the event): for visits and for event parts, a query of their rows ([`WORK_KEYS`]), each once; `named` None:
/// every row.
fn work_of(from: NaiveDate, until: NaiveDate, named: Option<&Named>) -> [String; 2] {
    let dates = work_dates(from, until);
    let row = WORK_KEYS;
    if named.is_none() {
        let all = |kind: &str| format!("SELECT {row} FROM unpaid_work u WHERE u.kind = '{kind}' AND {dates}");
        return [all("visit"), all("event")];
    }
    // The rows of a named expert, then those of the business visited or the event when the expert was not
    // named, read through the table's indexes. (For events, the table's primary key (kind, ref_id, expert_id):
    // without statistics SQLite would rather walk the date index for each event named.)
    let visits = format!(
        "SELECT {row} FROM unpaid_work u INDEXED BY unpaid_work_by_expert
         WHERE u.expert_id IN ({EXPERTS}) AND u.kind = 'visit' AND {dates}
         UNION ALL
         SELECT {row} FROM unpaid_work u INDEXED BY unpaid_work_by_dispatch
         WHERE u.dispatch_id IN ({APPLICATIONS}) AND u.expert_id NOT IN ({EXPERTS}) AND {dates}"
    );
    let events = format!(
        "SELECT {row} FROM unpaid_work u INDEXED BY unpaid_work_by_expert
         WHERE u.expert_id IN ({EXPERTS}) AND u.kind = 'event' AND {dates}
         UNION ALL
         SELECT {row} FROM unpaid_work u INDEXED BY sqlite_autoindex_unpaid_work_1
         WHERE u.kind = 'event' AND u.ref_id IN ({EVENTS}) AND u.expert_id NOT IN ({EXPERTS}) AND {dates}"
    );
    [visits, events]
}

/// For visits and for event parts, the first `end` rows of the page's order named by the text: walked in the
/// table's date index (every row when no text is typed; dense matches, each row tested), or the matches sorted.
fn work_first(from: NaiveDate, until: NaiveDate, named: Option<&Named>, share: Share, end: usize) -> [String; 2] {
    let order = "ORDER BY work_date DESC, expert_id, ref_id";
    let walk = |kind: &str, test: &str| {
        format!(
            "SELECT {WORK_KEYS} FROM unpaid_work u INDEXED BY unpaid_work_by_date
             WHERE u.kind = '{kind}' AND {}{test} {order} LIMIT {end}",
            work_dates(from, until)
        )
    };
    match named {
        None => [walk("visit", ""), walk("event", "")],
        Some(_) if share.walks(end) => [
            walk("visit", &format!(" AND (u.expert_id IN ({EXPERTS}) OR u.dispatch_id IN ({APPLICATIONS}))")),
            walk("event", &format!(" AND (u.expert_id IN ({EXPERTS}) OR u.ref_id IN ({EVENTS}))")),
        ],
        Some(_) => work_of(from, until, named).map(|rows| format!("SELECT * FROM ({rows}) {order} LIMIT {end}")),
    }
}

/// The columns of a work row and the joins they need, for visits and for event parts (over rows `u`).
const WORK_ROWS: [&str; 2] = [
    "SELECT v.id, NULL, v.expert_id, e.name, e.is_corporation, v.visit_date, b.name, v.end_min - v.start_min,
            v.place = 'online'
     FROM {rows} u JOIN visit v ON v.id = u.ref_id JOIN expert e ON e.id = v.expert_id
     JOIN dispatch d ON d.id = v.dispatch_id JOIN business b ON b.id = d.business_id",
    "SELECT NULL, ev.id, u.expert_id, e.name, e.is_corporation, ev.event_date, ev.title, ev.end_min - ev.start_min, 0
     FROM {rows} u JOIN event ev ON ev.id = u.ref_id JOIN expert e ON e.id = u.expert_id",
];

/// Work done between `from` and `until` (the fiscal year's start and today) that has no payment yet.
pub fn count_work(conn: &Connection, from: NaiveDate, until: NaiveDate, named: Option<&Named>) -> Result<usize> {
    if named.is_none() {
        // Without a filter, the date index of the table alone.
        let sql = "SELECT COUNT(*) FROM unpaid_work WHERE kind IN ('visit', 'event') AND work_date BETWEEN ?1 AND ?2";
        return Ok(conn.prepare_cached(sql)?.query_row(params![from, until], |r| r.get::<_, i64>(0))? as usize);
    }
    let [visits, events] = work_of(from, until, named);
    count_named(conn, &format!("SELECT (SELECT COUNT(*) FROM ({visits})) + (SELECT COUNT(*) FROM ({events}))"), named)
}

/// A page of work with no payment yet, newest first: each kind's first rows up to the page's end (walked in its
/// date index, or its matches sorted: `share`), then merged (no sort of the whole year's work).
pub fn work(
    conn: &Connection,
    from: NaiveDate,
    until: NaiveDate,
    named: Option<&Named>,
    share: Share,
    offset: usize,
    limit: usize,
) -> Result<Vec<WorkRow>> {
    let mut all = Vec::new();
    let queries = work_first(from, until, named, share, offset + limit);
    for (first, select) in queries.iter().zip(WORK_ROWS) {
        // The page's rows first, then their joins.
        let sql = format!(
            "{} ORDER BY u.work_date DESC, u.expert_id, u.ref_id",
            select.replace("{rows}", &format!("({first})"))
        );
        let mut st = prepared(conn, &sql, named)?;
        let rows = st.raw_query().mapped(|r| {
            Ok(WorkRow {
                visit_id: r.get(0)?,
                event_id: r.get(1)?,
                expert_id: r.get(2)?,
                expert: r.get(3)?,
                is_corporation: r.get(4)?,
                date: r.get(5)?,
                title: r.get(6)?,
                minutes: r.get(7)?,
                online: r.get(8)?,
            })
        });
        all.extend(rows.collect::<rusqlite::Result<Vec<_>>>()?);
    }
    // Stable: a visit comes before an event part of the same day and expert.
    all.sort_by(|a, b| b.date.cmp(&a.date).then(a.expert_id.cmp(&b.expert_id)));
    Ok(all.into_iter().skip(offset).take(limit).collect())
}

/// Events of the year for a claim's event picker: the title or venue contains `query`, or it is the date typed;
/// newest first, at most `limit`, as (id, "2025-11-20 title (venue)").
pub fn event_candidates(
    conn: &Connection,
    fiscal_year: i32,
    query: &str,
    date: Option<NaiveDate>,
    limit: usize,
) -> Result<Vec<(i64, String)>> {
    let like = format!("%{}%", query.trim().replace('%', ""));
    let mut st = conn.prepare_cached(
        "SELECT id, event_date, title, venue_name FROM event
         WHERE fiscal_year = ?1 AND status <> 'cancelled' AND (title LIKE ?2 OR venue_name LIKE ?2 OR event_date = ?3)
         ORDER BY event_date DESC, id DESC LIMIT ?4",
    )?;
    let rows = st.query_map(params![fiscal_year, like, date, limit as i64], |r| {
        let date: NaiveDate = r.get(1)?;
        let title: String = r.get(2)?;
        let venue: String = r.get(3)?;
        Ok((r.get(0)?, format!("{date} {title} ({venue})")))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
