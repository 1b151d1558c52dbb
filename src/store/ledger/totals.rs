//! The ledger's totals: by month, organisation, expert or kind, the year against its budget, and an expert's
//! yearly figures for the 支払調書. What counts where is the `ledger_entry` view's (migration 007): returned
//! claims count nowhere; a claim or payment counts in the month it was paid, or while unpaid in the month it was
//! claimed or proposed.

use anyhow::Result;
use rusqlite::{Connection, OptionalExtension, params};

/// What the totals are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TotalsBy {
    /// 月別.
    #[default]
    Month,
    /// 団体別 (the organising body of an event or claim, the chamber of a dispatch).
    Organisation,
    /// 専門家別 (honoraria and travel only): what a 支払調書 needs.
    Expert,
    /// 種別: claims, honoraria, travel.
    Kind,
}

impl TotalsBy {
    /// Every grouping, in the order `o` cycles through them.
    pub const ALL: [TotalsBy; 4] = [TotalsBy::Month, TotalsBy::Organisation, TotalsBy::Expert, TotalsBy::Kind];

    /// The next grouping.
    pub fn next(self) -> TotalsBy {
        let i = TotalsBy::ALL.iter().position(|t| *t == self).unwrap_or(0);
        TotalsBy::ALL[(i + 1) % TotalsBy::ALL.len()]
    }
}

/// One group's totals.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TotalRow {
    /// The group: "2025-11", an organisation's or expert's name, or a kind code (claim, honorarium, travel);
    /// None for payments of dispatches received directly by the desk (no chamber).
    pub key: Option<String>,
    /// Expert id (grouped by expert).
    pub expert_id: Option<i64>,
    /// Claims and payments counted.
    pub count: i64,
    /// Paid.
    pub paid_yen: i64,
    /// Not paid yet.
    pub unpaid_yen: i64,
    /// Income tax withheld (payments).
    pub withheld_yen: i64,
}

/// The fiscal year's money against its budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct YearTotals {
    /// The budget (fiscal-year file).
    pub budget_yen: i64,
    /// Paid so far.
    pub paid_yen: i64,
    /// Claimed or proposed, not paid yet.
    pub unpaid_yen: i64,
}

/// A page of one grouping's sums (see [`super::sums`]): the group's display key, expert id, count, paid, unpaid
/// and withheld money.
fn group_sql(by: TotalsBy) -> String {
    let (dim, key, id, join, order) = match by {
        TotalsBy::Month => ("month", "s.key", "NULL", "", "s.key"),
        TotalsBy::Organisation => (
            "org",
            "o.name",
            "NULL",
            "LEFT JOIN organisation o ON s.key <> '' AND o.id = CAST(s.key AS INTEGER)",
            "s.amount_yen DESC, s.key",
        ),
        TotalsBy::Expert => {
            ("expert", "e.name", "e.id", "JOIN expert e ON e.id = CAST(s.key AS INTEGER)", "s.amount_yen DESC, s.key")
        }
        TotalsBy::Kind => {
            ("kind", "s.key", "NULL", "", "CASE s.key WHEN 'claim' THEN 0 WHEN 'honorarium' THEN 1 ELSE 2 END")
        }
    };
    format!(
        "SELECT {key}, {id}, s.count, s.paid_yen, s.amount_yen - s.paid_yen, s.withheld_yen
         FROM ledger_sum s {join} WHERE s.fiscal_year = ?1 AND s.dim = '{dim}' ORDER BY {order}"
    )
}

fn dim(by: TotalsBy) -> &'static str {
    match by {
        TotalsBy::Month => "month",
        TotalsBy::Organisation => "org",
        TotalsBy::Expert => "expert",
        TotalsBy::Kind => "kind",
    }
}

/// Groups in all (for paging).
pub fn count(conn: &Connection, fiscal_year: i32, by: TotalsBy) -> Result<usize> {
    let n: i64 = conn
        .prepare_cached("SELECT COUNT(*) FROM ledger_sum WHERE fiscal_year = ?1 AND dim = ?2")?
        .query_row(params![fiscal_year, dim(by)], |r| r.get(0))?;
    Ok(n as usize)
}

/// A page of totals.
pub fn page(conn: &Connection, fiscal_year: i32, by: TotalsBy, offset: usize, limit: usize) -> Result<Vec<TotalRow>> {
    let sql = format!("{} LIMIT ?2 OFFSET ?3", group_sql(by));
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params![fiscal_year, limit as i64, offset as i64], |r| {
        Ok(TotalRow {
            key: r.get(0)?,
            expert_id: r.get(1)?,
            count: r.get(2)?,
            paid_yen: r.get(3)?,
            unpaid_yen: r.get(4)?,
            withheld_yen: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The year's paid and unpaid money against `budget_yen`.
pub fn year(conn: &Connection, fiscal_year: i32, budget_yen: i64) -> Result<YearTotals> {
    let (paid_yen, unpaid_yen) = conn
        .prepare_cached(
            "SELECT COALESCE(SUM(paid_yen), 0), COALESCE(SUM(amount_yen - paid_yen), 0)
             FROM ledger_sum WHERE fiscal_year = ?1 AND dim = 'kind'",
        )?
        .query_row([fiscal_year], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(YearTotals { budget_yen, paid_yen, unpaid_yen })
}

/// What a 支払調書 (報酬、料金、契約金及び賞金の支払調書) needs for one expert and one calendar year: the fees and
/// travel paid to them in that year and the tax withheld.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Statement {
    /// The expert.
    pub expert_id: i64,
    /// Name.
    pub name: String,
    /// Address.
    pub address: String,
    /// A corporation (not withheld).
    pub is_corporation: bool,
    /// Calendar year (the 支払調書 counts payments made January to December).
    pub year: i32,
    /// Payments made.
    pub count: i64,
    /// 謝金 paid.
    pub honorarium_yen: i64,
    /// 旅費 paid.
    pub travel_yen: i64,
    /// 源泉徴収税額.
    pub withheld_yen: i64,
    /// Paid to the expert.
    pub net_yen: i64,
}

/// An expert's payments made in calendar year `year` (None: the expert is gone).
pub fn statement(conn: &Connection, expert_id: i64, year: i32) -> Result<Option<Statement>> {
    let from = format!("{year}-01-01");
    let until = format!("{year}-12-31");
    Ok(conn
        .prepare_cached(
            "SELECT e.name, e.address, e.is_corporation, COUNT(p.id), COALESCE(SUM(p.honorarium_yen), 0),
                    COALESCE(SUM(p.travel_yen), 0), COALESCE(SUM(p.withholding_yen), 0), COALESCE(SUM(p.net_yen), 0)
             FROM expert e LEFT JOIN payment p ON p.expert_id = e.id AND p.status = 'paid'
                  AND p.paid_on BETWEEN ?2 AND ?3
             WHERE e.id = ?1 GROUP BY e.id",
        )?
        .query_row(params![expert_id, from, until], |r| {
            Ok(Statement {
                expert_id,
                name: r.get(0)?,
                address: r.get(1)?,
                is_corporation: r.get(2)?,
                year,
                count: r.get(3)?,
                honorarium_yen: r.get(4)?,
                travel_yen: r.get(5)?,
                withheld_yen: r.get(6)?,
                net_yen: r.get(7)?,
            })
        })
        .optional()?)
}
