//! The lookup index: folded fields of businesses, experts, organisations, events, claims and desk consultations,
//! written in the same transaction as the record, searched by trigram (3+ characters), by prefix (1-2 characters)
//! and by phone digits. Applications and desk consultations also carry copies of their business's entries, kept by
//! triggers (migration 010), so a list filter by business name is one index range however many businesses match.

use anyhow::Result;
use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::fold::{fold, fold_query};
use crate::domain::parse::phone_digits;

/// The triggers that keep the full-text index in step with `search_entry`.
pub const FTS_TRIGGERS: &str = "
CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN
    INSERT INTO search_fts (rowid, folded) VALUES (NEW.id, NEW.folded);
END;
CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN
    INSERT INTO search_fts (search_fts, rowid, folded) VALUES ('delete', OLD.id, OLD.folded);
END;
CREATE TRIGGER search_entry_au AFTER UPDATE ON search_entry BEGIN
    INSERT INTO search_fts (search_fts, rowid, folded) VALUES ('delete', OLD.id, OLD.folded);
    INSERT INTO search_fts (rowid, folded) VALUES (NEW.id, NEW.folded);
END;";

/// Runs bulk writes with the full-text triggers off, then rebuilds the full-text index once (much faster
/// than one index update per row when a demo or an import writes thousands of records).
pub fn with_deferred_fts<T>(conn: &Connection, f: impl FnOnce() -> Result<T>) -> Result<T> {
    conn.execute_batch(
        "DROP TRIGGER IF EXISTS search_entry_ai; DROP TRIGGER IF EXISTS search_entry_ad;
         DROP TRIGGER IF EXISTS search_entry_au;",
    )?;
    let out = f()?;
    conn.execute("INSERT INTO search_fts (search_fts) VALUES ('rebuild')", [])?;
    conn.execute_batch(FTS_TRIGGERS)?;
    Ok(out)
}

/// Kinds of indexed records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// 事業者.
    Business,
    /// 専門家.
    Expert,
    /// 団体.
    Organisation,
    /// 講習会・相談会.
    Event,
    /// 立替金 (a Form 4 claim).
    Claim,
    /// 専門家派遣の申請 (only its business's entries, copied by triggers).
    Application,
    /// 窓口相談 (the caller, phone and content; and its business's entries, copied by triggers).
    Consultation,
}

/// Bits of an entry id below its kind: 40 for the record id, 4 for the field's slot.
const KIND_SHIFT: u32 = 44;

/// Slots of a record's own fields (0-7); slots 8-15 hold the copies of its business's entries (migration 010).
const OWN_SLOTS: i64 = 8;

impl Kind {
    /// Every kind, in index order (the order numbers the bands: append, never insert).
    pub const ALL: &'static [Kind] = &[
        Kind::Business,
        Kind::Expert,
        Kind::Organisation,
        Kind::Event,
        Kind::Claim,
        Kind::Application,
        Kind::Consultation,
    ];

    fn code(self) -> &'static str {
        match self {
            Kind::Business => "business",
            Kind::Expert => "expert",
            Kind::Organisation => "organisation",
            Kind::Event => "event",
            Kind::Claim => "claim",
            Kind::Application => "dispatch",
            Kind::Consultation => "consultation",
        }
    }

    /// The first entry id of the kind's band. Entry ids are `kind | record id | slot`, so the entries of one kind
    /// are one rowid range of the full-text index, which FTS5 seeks to: a query for a small kind (organisations,
    /// events, claims) never walks the matches of the large ones.
    fn band(self) -> i64 {
        let n = Kind::ALL.iter().position(|k| *k == self).unwrap_or(0) as i64 + 1;
        n << KIND_SHIFT
    }

    /// The id range (inclusive) of one record's own entries (not the copies of its business's).
    fn record_range(self, record_id: i64) -> (i64, i64) {
        let first = self.band() | (record_id << 4);
        (first, first + OWN_SLOTS - 1)
    }
}

/// How well a record matched the typed text (the lookup's first ranking key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchClass {
    /// A field equals the folded query (or a whole phone number).
    Exact,
    /// A field starts with it (or a phone number ends with the digits).
    Prefix,
    /// A field contains it.
    Substring,
}

/// A record found, with how well it matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Record id.
    pub id: i64,
    /// The best way one of its fields matched.
    pub class: MatchClass,
}

/// Replaces the index rows of one record with its fields (`field name`, raw text); phone fields are indexed as
/// digits, every other field folded. At most 8 entries a record (its own slots of its id band).
pub fn index(conn: &Connection, kind: Kind, record_id: i64, fields: &[(&str, &str)]) -> Result<()> {
    let (first, last) = kind.record_range(record_id);
    conn.prepare_cached("DELETE FROM search_entry WHERE id BETWEEN ?1 AND ?2")?.execute(params![first, last])?;
    let mut entries: Vec<(&str, String)> = Vec::new();
    for (field, text) in fields {
        if *field == "phone" {
            // Digits, and the digits reversed so "the last four digits" is a prefix search too.
            let digits = phone_digits(text);
            if !digits.is_empty() {
                let end = reversed(&digits);
                entries.push(("phone", digits));
                entries.push(("phone_end", end));
            }
            continue;
        }
        let folded = fold(text);
        if !folded.is_empty() {
            entries.push((field, folded));
        }
    }
    let mut insert = conn
        .prepare_cached("INSERT INTO search_entry (id, kind, record_id, field, folded) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for (slot, (field, folded)) in entries.iter().enumerate().take(OWN_SLOTS as usize) {
        insert.execute(params![first + slot as i64, kind.code(), record_id, field, folded])?;
    }
    Ok(())
}

/// Record ids of `kind` whose fields match `query`, best first (exact, then prefix, then substring), at most
/// `limit`. Never reads whole tables: every path is an index lookup.
pub fn find(conn: &Connection, kind: Kind, query: &str, limit: usize) -> Result<Vec<i64>> {
    Ok(find_ranked(conn, kind, query, limit)?.into_iter().map(|m| m.id).collect())
}

/// One way a query is looked up in the index.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Probe {
    /// Fields starting with the text (equal to it: an exact match).
    Prefix(String),
    /// Phone numbers ending with these digits (their reversed digits start with the text).
    Ending(String),
    /// Fields containing the text (3+ characters, through the trigram index).
    Contains(String),
}

/// The probes of a query, best first: a phone number's digits (whole or its last digits), or each folded form
/// as a prefix, then each form of 3+ characters as a substring.
fn probes(query: &str) -> Vec<Probe> {
    let digits = phone_digits(query);
    // A phone number has no letters (R7-12 is an application number, not a phone fragment).
    if digits.len() >= 3 && !query.chars().any(char::is_alphabetic) {
        let end = reversed(&digits);
        return vec![Probe::Prefix(digits), Probe::Ending(end)];
    }
    let forms = fold_query(query);
    let contains = forms.iter().filter(|q| q.chars().count() >= 3).cloned().map(Probe::Contains);
    forms.iter().cloned().map(Probe::Prefix).chain(contains).collect()
}

/// Records of `kind` matching `query` with how each matched, best first, at most `limit`.
pub fn find_ranked(conn: &Connection, kind: Kind, query: &str, limit: usize) -> Result<Vec<Match>> {
    Ok(find_ranked_each(conn, &[kind], query, limit)?.remove(0))
}

/// Records of each of `kinds` matching `query` as [`find_ranked`] finds them for one kind. The substring probes
/// of the kinds with places left share one full-text pass over their bands: a pass reads each trigram's whole
/// list whatever the band, so the lookup's small kinds (experts, organisations, events, claims) pay for one
/// instead of four.
pub fn find_ranked_each(conn: &Connection, kinds: &[Kind], query: &str, limit: usize) -> Result<Vec<Vec<Match>>> {
    let mut outs: Vec<Vec<Match>> = vec![Vec::new(); kinds.len()];
    let push = |out: &mut Vec<Match>, found: Found| {
        for (id, class) in found {
            if let Some(m) = out.iter_mut().find(|m| m.id == id) {
                m.class = m.class.min(class);
            } else if out.len() < limit {
                out.push(Match { id, class });
            }
        }
    };
    for probe in probes(query) {
        match probe {
            Probe::Prefix(q) => {
                for (kind, out) in kinds.iter().zip(&mut outs) {
                    push(out, prefix(conn, *kind, &q, limit)?);
                }
            }
            Probe::Ending(q) => {
                for (kind, out) in kinds.iter().zip(&mut outs) {
                    let ends = prefix(conn, *kind, &q, limit)?;
                    push(out, ends.into_iter().map(|(id, _)| (id, MatchClass::Prefix)).collect());
                }
            }
            // Substring matches only while places are left, so a common prefix such as 096 never walks a long
            // full-text list.
            Probe::Contains(q) => {
                let open: Vec<usize> = (0..kinds.len()).filter(|&i| outs[i].len() < limit).collect();
                let (Some(lo), Some(last)) =
                    (open.iter().map(|&i| kinds[i].band()).min(), open.iter().map(|&i| kinds[i].band()).max())
                else {
                    continue;
                };
                // One pass over the bands from the first open kind's to the last's, in index order, until every
                // open kind has its places filled (the rows of kinds already full are read and left). The rowid
                // range keeps the walk inside those bands; CROSS JOIN keeps the full-text match as the outer loop
                // (otherwise SQLite may walk every entry of a kind and probe the index for each).
                let mut st = conn.prepare_cached(
                    "SELECT f.rowid, e.record_id FROM search_fts f CROSS JOIN search_entry e ON e.id = f.rowid
                     WHERE search_fts MATCH ?1 AND f.rowid >= ?2 AND f.rowid < ?3",
                )?;
                let mut rows = st.query(params![phrase(&q), lo, last + (1 << KIND_SHIFT)])?;
                while let Some(r) = rows.next()? {
                    let (entry, record_id): (i64, i64) = (r.get(0)?, r.get(1)?);
                    let band = entry >> KIND_SHIFT << KIND_SHIFT;
                    if let Some(&i) = open.iter().find(|&&i| kinds[i].band() == band) {
                        push(&mut outs[i], vec![(record_id, MatchClass::Substring)]);
                    }
                    if open.iter().all(|&i| outs[i].len() >= limit) {
                        break;
                    }
                }
            }
        }
    }
    for out in &mut outs {
        out.sort_by_key(|m| m.class);
    }
    Ok(outs)
}

/// Every record of `kind` matching `query` (not only the best few), as SQL for a list filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matching {
    /// A query selecting `record_id`, each record once; its parameters are `?1`, `?2`...
    pub sql: String,
    /// The parameters, in order.
    pub params: Vec<String>,
}

/// The records of `kind` matching `query` the way [`find`] matches them, unranked and unlimited: a union of index
/// ranges and full-text matches inside the kind's band, for a list to join with (its count and page then read
/// only the matching rows).
pub fn matching(kind: Kind, query: &str) -> Matching {
    let mut parts: Vec<String> = Vec::new();
    let mut params = Vec::new();
    let code = kind.code();
    for probe in probes(query) {
        let n = params.len() + 1;
        match probe {
            Probe::Prefix(q) | Probe::Ending(q) => {
                parts.push(format!(
                    "SELECT record_id FROM search_entry WHERE kind = '{code}' AND folded >= ?{n} AND folded < ?{}",
                    n + 1
                ));
                let upper = format!("{q}\u{10FFFF}");
                params.extend([q, upper]);
            }
            Probe::Contains(q) => {
                let (lo, hi) = (kind.band(), kind.band() + (1 << KIND_SHIFT));
                parts.push(format!(
                    "SELECT e.record_id FROM search_fts f CROSS JOIN search_entry e ON e.id = f.rowid
                     WHERE search_fts MATCH ?{n} AND f.rowid >= {lo} AND f.rowid < {hi}"
                ));
                params.push(phrase(&q));
            }
        }
    }
    // A UNION keeps each record once; a single part needs DISTINCT (two fields of a record may match).
    let sql = match parts.as_slice() {
        [] => "SELECT NULL AS record_id WHERE 0".to_string(),
        [one] => format!("SELECT DISTINCT record_id FROM ({one})"),
        _ => parts.join(" UNION "),
    };
    Matching { sql, params }
}

/// A full-text query for the text as one phrase.
fn phrase(q: &str) -> String {
    format!("\"{}\"", q.replace('"', "\"\""))
}

/// Digits back to front, marked with `~` so they never mix with a typed prefix.
fn reversed(digits: &str) -> String {
    std::iter::once('~').chain(digits.chars().rev()).collect()
}

fn prefix(conn: &Connection, kind: Kind, q: &str, limit: usize) -> Result<Found> {
    // folded >= q AND folded < q + U+10FFFF: a range on the btree index.
    let upper = format!("{q}\u{10FFFF}");
    // In index order the exact match comes first (it is the shortest string with the prefix), and the scan
    // stops after `limit` rows however many entries share a short prefix.
    let mut st = conn.prepare_cached(
        "SELECT record_id, folded = ?1 FROM search_entry WHERE kind = ?3 AND folded >= ?1 AND folded < ?2
         ORDER BY kind, folded LIMIT ?4",
    )?;
    let ids = st.query_map(params![q, upper, kind.code(), limit as i64], |r| {
        Ok((r.get(0)?, if r.get(1)? { MatchClass::Exact } else { MatchClass::Prefix }))
    })?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// Record ids found by a probe, with how each matched.
type Found = Vec<(i64, MatchClass)>;

/// The fields of one record as stored (None when it is gone, or merged into another business).
fn fields(conn: &Connection, kind: Kind, id: i64) -> Result<Option<Vec<(&'static str, String)>>> {
    let (sql, names): (&str, &[&'static str]) = match kind {
        Kind::Business => (
            "SELECT name, reading, phone, representative FROM business WHERE id = ?1 AND merged_into_id IS NULL",
            &["name", "reading", "phone", "representative"],
        ),
        Kind::Expert => (
            "SELECT name, reading, phone, keywords, qualifications, affiliation FROM expert WHERE id = ?1",
            &["name", "reading", "phone", "keywords", "qualifications", "affiliation"],
        ),
        Kind::Organisation => {
            ("SELECT name, reading, phone FROM organisation WHERE id = ?1", &["name", "reading", "phone"])
        }
        Kind::Event => ("SELECT title, venue_name FROM event WHERE id = ?1", &["title", "venue"]),
        // A claim by its number (No.), its payee (the organising body), its event and its receipt reference.
        Kind::Claim => (
            "SELECT CAST(c.id AS TEXT), o.name, ev.title, c.receipt_ref FROM claim c
             JOIN organisation o ON o.id = c.organisation_id JOIN event ev ON ev.id = c.event_id WHERE c.id = ?1",
            &["number", "payee", "event", "receipt"],
        ),
        // An application has no fields of its own: only the copies of its business's entries.
        Kind::Application => return Ok(None),
        Kind::Consultation => (
            "SELECT caller_name, caller_phone, content FROM desk_consultation WHERE id = ?1",
            &["caller", "phone", "content"],
        ),
    };
    let row = conn
        .prepare_cached(sql)?
        .query_row([id], |r| (0..names.len()).map(|i| r.get::<_, String>(i)).collect::<rusqlite::Result<Vec<_>>>())
        .optional()?;
    Ok(row.map(|values| names.iter().copied().zip(values).collect()))
}

/// Rewrites (or removes, when the record is gone) the index rows of one record from the record as stored; an
/// organisation's or event's claims follow (they are found by its name or title).
pub fn reindex_record(conn: &Connection, kind: Kind, id: i64) -> Result<()> {
    let fields = fields(conn, kind, id)?.unwrap_or_default();
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    index(conn, kind, id, &refs)?;
    let claims = match kind {
        Kind::Organisation => "SELECT id FROM claim WHERE organisation_id = ?1",
        Kind::Event => "SELECT id FROM claim WHERE event_id = ?1",
        _ => return Ok(()),
    };
    let ids: Vec<i64> = conn.prepare_cached(claims)?.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    for claim in ids {
        reindex_record(conn, Kind::Claim, claim)?;
    }
    Ok(())
}

/// Rebuilds the whole index from the records (used by the migrations that create and renumber it); the copies of
/// the businesses' entries follow through their triggers.
pub fn rebuild(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM search_entry", [])?;
    for kind in Kind::ALL {
        index_all(conn, *kind)?;
    }
    Ok(())
}

/// Indexes every record of one kind from the records as stored.
pub fn index_all(conn: &Connection, kind: Kind) -> Result<()> {
    let table = match kind {
        Kind::Business => "business",
        Kind::Expert => "expert",
        Kind::Organisation => "organisation",
        Kind::Event => "event",
        Kind::Claim => "claim",
        Kind::Consultation => "desk_consultation",
        // Only copies of the businesses' entries, written by triggers.
        Kind::Application => return Ok(()),
    };
    let ids: Vec<i64> = conn
        .prepare(&format!("SELECT id FROM {table} ORDER BY id"))?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        let fields = fields(conn, kind, id)?.unwrap_or_default();
        let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        index(conn, kind, id, &refs)?;
    }
    Ok(())
}

/// Indexes a business's name, reading, phone and representative.
pub fn index_business(conn: &Connection, id: i64, name: &str, reading: &str, phone: &str, rep: &str) -> Result<()> {
    index(conn, Kind::Business, id, &[("name", name), ("reading", reading), ("phone", phone), ("representative", rep)])
}

/// Indexes an expert's name, reading, phone, keywords, qualifications and affiliation (in that order).
pub fn index_expert(conn: &Connection, id: i64, f: &[&str; 6]) -> Result<()> {
    let fields = [
        ("name", f[0]),
        ("reading", f[1]),
        ("phone", f[2]),
        ("keywords", f[3]),
        ("qualifications", f[4]),
        ("affiliation", f[5]),
    ];
    index(conn, Kind::Expert, id, &fields)
}

/// Candidates for a record picker: (id, label) of the records matching `query`, best first.
pub fn candidates(conn: &Connection, kind: Kind, query: &str, limit: usize) -> Result<Vec<(i64, String)>> {
    if query.trim().is_empty() {
        return Ok(Vec::new());
    }
    let sql = match kind {
        Kind::Business => {
            "SELECT b.name || COALESCE('  ' || m.name, '') || CASE WHEN b.phone <> '' THEN '  ' || b.phone ELSE '' END
             FROM business b LEFT JOIN municipality m ON m.id = b.municipality_id WHERE b.id = ?1"
        }
        Kind::Expert => {
            "SELECT name || CASE WHEN affiliation <> '' THEN '  ' || affiliation ELSE '' END FROM expert WHERE id = ?1"
        }
        Kind::Organisation => "SELECT name FROM organisation WHERE id = ?1 AND retired_on IS NULL",
        Kind::Event | Kind::Claim | Kind::Application | Kind::Consultation => return Ok(Vec::new()),
    };
    let mut st = conn.prepare_cached(sql)?;
    let mut out = Vec::new();
    for id in find(conn, kind, query, limit)? {
        if let Some(label) = st.query_row([id], |r| r.get::<_, String>(0)).optional()? {
            out.push((id, label));
        }
    }
    Ok(out)
}
