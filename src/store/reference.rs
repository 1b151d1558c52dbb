//! Reference data shipped in `assets/reference/`: areas, the prefecture's municipalities, the federation and
//! a starting list of chambers. Loaded by the first migration, so every database has it.

use rusqlite::{OptionalExtension, Transaction, params};

const AREAS: &str = include_str!("../../assets/reference/areas.tsv");
const MUNICIPALITIES: &str = include_str!("../../assets/reference/municipalities.tsv");
const ORGANISATIONS: &str = include_str!("../../assets/reference/organisations.tsv");

/// The data rows of a bundled TSV file: comment lines (`#`) and the header row skipped.
fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).skip(1).map(|l| l.split('\t').collect())
}

/// Inserts the reference data (idempotent: rows already present by name or code are kept).
pub fn load(tx: &Transaction) -> rusqlite::Result<()> {
    for r in rows(AREAS) {
        tx.execute(
            "INSERT OR IGNORE INTO area (name, reading, sort) VALUES (?1, ?2, ?3)",
            params![r[0], r[1], r[2].parse::<i64>().unwrap_or(0)],
        )?;
    }
    for r in rows(MUNICIPALITIES) {
        let area: Option<i64> = tx.query_row("SELECT id FROM area WHERE name = ?1", [r[5]], |x| x.get(0)).optional()?;
        tx.execute(
            "INSERT OR IGNORE INTO municipality (code, name, reading, kind, district, area_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![r[0], r[1], r[2], r[3], r[4], area],
        )?;
    }
    for r in rows(ORGANISATIONS) {
        let exists: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM organisation WHERE name = ?1)", [r[1]], |x| x.get(0))?;
        if exists {
            continue;
        }
        let municipality: Option<i64> =
            tx.query_row("SELECT id FROM municipality WHERE name = ?1", [r[3]], |x| x.get(0)).optional()?;
        let note = if r[7] == "1" { "" } else { "参照データ未確認 (unverified reference data)" };
        tx.execute(
            "INSERT INTO organisation (kind, name, reading, municipality_id, postal_code, address, phone, source, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'reference', ?8)",
            params![r[0], r[1], r[2], municipality, r[4], r[5], r[6], note],
        )?;
        let id = tx.last_insert_rowid();
        if let Some(m) = municipality
            && r[0] != "federation"
        {
            tx.execute(
                "INSERT OR IGNORE INTO organisation_municipality (organisation_id, municipality_id) VALUES (?1, ?2)",
                params![id, m],
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_tables_have_the_expected_rows() {
        assert_eq!(rows(MUNICIPALITIES).count(), 45);
        assert!(rows(MUNICIPALITIES).all(|r| r.len() == 6 && r[0].starts_with("43") && !r[5].is_empty()));
        assert_eq!(rows(AREAS).count(), 11);
        let orgs: Vec<_> = rows(ORGANISATIONS).collect();
        assert_eq!(orgs.iter().filter(|r| r[0] == "federation").count(), 1);
        assert!(orgs.iter().all(|r| r.len() == 8));
    }

    #[test]
    fn municipality_codes_have_valid_check_digits() {
        for r in rows(MUNICIPALITIES) {
            let d: Vec<u32> = r[0].chars().filter_map(|c| c.to_digit(10)).collect();
            let sum: u32 = d[..5].iter().zip([6, 5, 4, 3, 2]).map(|(a, b)| a * b).sum();
            assert_eq!((11 - sum % 11) % 10, d[5], "check digit of {} ({})", r[0], r[1]);
        }
    }
}
