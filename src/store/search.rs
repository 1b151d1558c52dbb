//! The lookup index: folded fields of businesses, experts and organisations, written in the same transaction
//! as the record, searched by trigram (3+ characters), by prefix (1-2 characters) and by phone digits.

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
}

impl Kind {
    fn code(self) -> &'static str {
        match self {
            Kind::Business => "business",
            Kind::Expert => "expert",
            Kind::Organisation => "organisation",
        }
    }
}

/// Replaces the index rows of one record with its fields (`field name`, raw text); phone fields are indexed as
/// digits, every other field folded.
pub fn index(conn: &Connection, kind: Kind, record_id: i64, fields: &[(&str, &str)]) -> Result<()> {
    conn.prepare_cached("DELETE FROM search_entry WHERE kind = ?1 AND record_id = ?2")?
        .execute(params![kind.code(), record_id])?;
    let mut insert =
        conn.prepare_cached("INSERT INTO search_entry (kind, record_id, field, folded) VALUES (?1, ?2, ?3, ?4)")?;
    for (field, text) in fields {
        if *field == "phone" {
            // Digits, and the digits reversed so "the last four digits" is a prefix search too.
            let digits = phone_digits(text);
            if !digits.is_empty() {
                insert.execute(params![kind.code(), record_id, "phone", digits])?;
                insert.execute(params![kind.code(), record_id, "phone_end", reversed(&digits)])?;
            }
            continue;
        }
        let folded = fold(text);
        if !folded.is_empty() {
            insert.execute(params![kind.code(), record_id, field, folded])?;
        }
    }
    Ok(())
}

/// Record ids of `kind` whose fields match `query`, best first (exact, then prefix, then substring), at most
/// `limit`. Never reads whole tables: every path is an index lookup.
pub fn find(conn: &Connection, kind: Kind, query: &str, limit: usize) -> Result<Vec<i64>> {
    let mut out: Vec<i64> = Vec::new();
    let push = |ids: Vec<i64>, out: &mut Vec<i64>| {
        for id in ids {
            if out.len() < limit && !out.contains(&id) {
                out.push(id);
            }
        }
    };
    let digits = phone_digits(query);
    // A phone number has no letters (R7-12 is an application number, not a phone fragment).
    let mostly_digits = digits.len() >= 3 && !query.chars().any(char::is_alphabetic);
    if mostly_digits {
        // A phone number, whole or its last digits: two prefix ranges on the btree, never the full-text index.
        push(prefix(conn, kind, &digits, limit)?, &mut out);
        push(prefix(conn, kind, &reversed(&digits), limit)?, &mut out);
        return Ok(out);
    }
    let forms = fold_query(query);
    // Prefix matches first (exact and "starts with" rank best); substring matches only while places are left,
    // so a common prefix such as 096 never walks a long full-text list.
    for q in &forms {
        push(prefix(conn, kind, q, limit)?, &mut out);
    }
    for q in forms.iter().filter(|q| q.chars().count() >= 3) {
        if out.len() < limit {
            push(trigram(conn, kind, q, limit)?, &mut out);
        }
    }
    Ok(out)
}

/// Digits back to front, marked with `~` so they never mix with a typed prefix.
fn reversed(digits: &str) -> String {
    std::iter::once('~').chain(digits.chars().rev()).collect()
}

fn prefix(conn: &Connection, kind: Kind, q: &str, limit: usize) -> Result<Vec<i64>> {
    // folded >= q AND folded < q + U+10FFFF: a range on the btree index.
    let upper = format!("{q}\u{10FFFF}");
    // In index order the exact match comes first (it is the shortest string with the prefix), and the scan
    // stops after `limit` rows however many entries share a short prefix.
    let mut st = conn.prepare_cached(
        "SELECT record_id FROM search_entry WHERE kind = ?3 AND folded >= ?1 AND folded < ?2
         ORDER BY kind, folded LIMIT ?4",
    )?;
    let ids = st.query_map(params![q, upper, kind.code(), limit as i64], |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

fn trigram(conn: &Connection, kind: Kind, q: &str, limit: usize) -> Result<Vec<i64>> {
    let phrase = format!("\"{}\"", q.replace('"', "\"\""));
    let mut st = conn.prepare_cached(
        // CROSS JOIN keeps the full-text match as the outer loop (otherwise SQLite may walk every entry of
        // the kind and probe the index for each).
        "SELECT e.record_id FROM search_fts f CROSS JOIN search_entry e ON e.id = f.rowid
         WHERE search_fts MATCH ?1 AND e.kind = ?2 LIMIT ?3",
    )?;
    let ids = st.query_map(params![phrase, kind.code(), limit as i64], |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// Rewrites (or removes, when the record is gone) the index rows of one record from the record as stored.
pub fn reindex_record(conn: &Connection, kind: Kind, id: i64) -> Result<()> {
    match kind {
        Kind::Business => {
            let row = conn
                .query_row("SELECT name, reading, phone, representative FROM business WHERE id = ?1", [id], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
                })
                .optional()?;
            match row {
                Some((n, rd, p, rep)) => index_business(conn, id, &n, &rd, &p, &rep),
                None => index(conn, kind, id, &[]),
            }
        }
        Kind::Expert => {
            let row = conn
                .query_row(
                    "SELECT name, reading, phone, keywords, qualifications, affiliation FROM expert WHERE id = ?1",
                    [id],
                    |r| Ok([r.get::<_, String>(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?]),
                )
                .optional()?;
            match row {
                Some(f) => index_expert(conn, id, &[&f[0], &f[1], &f[2], &f[3], &f[4], &f[5]]),
                None => index(conn, kind, id, &[]),
            }
        }
        Kind::Organisation => {
            let row = conn
                .query_row("SELECT name, reading, phone FROM organisation WHERE id = ?1", [id], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
                })
                .optional()?;
            match row {
                Some((n, rd, p)) => index(conn, kind, id, &[("name", &n), ("reading", &rd), ("phone", &p)]),
                None => index(conn, kind, id, &[]),
            }
        }
    }
}

/// Rebuilds the whole index from the records (used by the migration that creates it).
pub fn rebuild(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM search_entry", [])?;
    let mut st = conn.prepare("SELECT id, name, reading, phone, representative FROM business")?;
    let rows = st.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?;
    for row in rows {
        let (id, name, reading, phone, rep): (i64, String, String, String, String) = row?;
        index_business(conn, id, &name, &reading, &phone, &rep)?;
    }
    let mut st = conn.prepare("SELECT id, name, reading, phone, keywords, qualifications, affiliation FROM expert")?;
    let rows = st.query_map([], |r| {
        Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?))
    })?;
    for row in rows {
        let (id, name, reading, phone, kw, q, aff): (i64, String, String, String, String, String, String) = row?;
        index_expert(conn, id, &[&name, &reading, &phone, &kw, &q, &aff])?;
    }
    let mut st = conn.prepare("SELECT id, name, reading, phone FROM organisation")?;
    let rows = st.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    for row in rows {
        let (id, name, reading, phone): (i64, String, String, String) = row?;
        index(conn, Kind::Organisation, id, &[("name", &name), ("reading", &reading), ("phone", &phone)])?;
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
