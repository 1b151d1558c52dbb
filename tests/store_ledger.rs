//! Store tests of the ledger on real SQLite files in a temporary directory: a claim refused with R-S5 for an
//! office venue, a claim stepped to paid with dates and staff and counted in its month, returned with a reason
//! (never deleted), payments refused under R-S6, withheld by the fiscal year's rates (none for a corporation),
//! the work list, unpaid first, the year against its budget and an expert's 支払調書 figures; all audited.

use chrono::NaiveDate;
use madoguchi::domain::fiscal_year::FiscalYear;
use madoguchi::domain::model::{ClaimStatus, PaymentStatus};
use madoguchi::domain::rules::{Finding, RuleId};
use madoguchi::store::Store;
use madoguchi::store::ledger::lists::{self, LedgerFilter, Share};
use madoguchi::store::ledger::totals::{self, TotalsBy};
use madoguchi::store::ledger::writes::{self, ClaimEdit, PaymentInput};
use madoguchi::store::workflow::Refusal;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

struct Desk {
    _dir: tempfile::TempDir,
    store: Store,
    fy: FiscalYear,
    /// A seminar in a public facility.
    public: i64,
    /// A seminar in the organiser's office.
    office: i64,
    /// A visit by 髙橋 (an individual).
    visit: i64,
    takahashi: i64,
    /// A corporation, instructor of the public seminar.
    corp: i64,
}

fn desk() -> Desk {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("desk.db"), "山田").unwrap();
    let fy = FiscalYear::from_toml(include_str!("../assets/fiscal-years/2025.toml")).unwrap();
    let ids = store
        .act("seed", |tx| {
            let id = |sql: &str| -> anyhow::Result<i64> {
                tx.execute(sql, [])?;
                Ok(tx.last_insert_rowid())
            };
            let org = id("INSERT INTO organisation (kind, name) VALUES ('shokokai', '多良木町商工会')")?;
            let takahashi = id("INSERT INTO expert (name, is_corporation) VALUES ('髙橋 誠', 0)")?;
            let corp = id("INSERT INTO expert (name, is_corporation) VALUES ('くまもとIT支援合同会社', 1)")?;
            let event = |venue: &str, date: &str| {
                id(&format!(
                    "INSERT INTO event (fiscal_year, kind, organiser_id, title, theme, event_date, start_min, end_min,
                         venue_name, venue_kind, status)
                     VALUES (2025, 'seminar', {org}, 'DX入門', 1, '{date}', 840, 960, '会場', '{venue}', 'held')"
                ))
            };
            let public = event("public_facility", "2025-10-20")?;
            let office = event("organisation_office", "2025-10-21")?;
            id(&format!("INSERT INTO event_expert (event_id, expert_id, role) VALUES ({public}, {corp}, 'instructor')"))?;
            let business = id("INSERT INTO business (name) VALUES ('阿蘇の里ファーム')")?;
            let dispatch = id(&format!(
                "INSERT INTO dispatch (fiscal_year, seq, business_id, chamber_id, received_on, theme, expert_id, status,
                     status_on) VALUES (2025, 1, {business}, {org}, '2025-09-01', 1, {takahashi}, 'visiting', '2025-09-10')"
            ))?;
            let visit = id(&format!(
                "INSERT INTO visit (dispatch_id, visit_date, start_min, end_min, place, expert_id, accompanied_by)
                 VALUES ({dispatch}, '2025-10-02', 600, 720, 'premises', {takahashi}, 'assigned_officer')"
            ))?;
            Ok((public, office, visit, takahashi, corp))
        })
        .unwrap();
    let (public, office, visit, takahashi, corp) = ids;
    Desk { _dir: dir, store, fy, public, office, visit, takahashi, corp }
}

fn edit(amount: i64) -> ClaimEdit {
    ClaimEdit {
        amount_yen: amount,
        receipt_ref: "領収書 No.1".into(),
        claimed_on: d(2025, 10, 25),
        note: String::new(),
    }
}

/// 髙橋's fee for the visit: ¥30,000 and ¥2,000 travel, proposed on 2025-10-05.
fn visit_fee(desk: &Desk) -> PaymentInput {
    PaymentInput {
        expert_id: desk.takahashi,
        visit_id: Some(desk.visit),
        event_id: None,
        honorarium_yen: 30_000,
        travel_yen: 2_000,
        proposed_on: d(2025, 10, 5),
        note: String::new(),
    }
}

fn audit_labels(store: &Store) -> Vec<String> {
    let mut st = store.conn().prepare("SELECT label FROM action ORDER BY id").unwrap();
    st.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

#[test]
fn an_office_venue_claim_is_refused_with_r_s5_and_nothing_is_written() {
    let mut desk = desk();
    let office = desk.office;
    let out =
        desk.store.act_if("ledger.claim.create", |tx| writes::create_claim(tx, 2025, office, &edit(8_000))).unwrap();
    match out {
        Err(Refusal::Findings(f)) => assert_eq!(f.iter().map(Finding::rule).collect::<Vec<_>>(), [RuleId::S5]),
        other => panic!("{other:?}"),
    }
    let n: i64 = desk.store.conn().query_row("SELECT COUNT(*) FROM claim", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 0);
    assert!(!audit_labels(&desk.store).contains(&"ledger.claim.create".to_string()));
}

#[test]
fn a_claim_goes_to_paid_with_dates_and_staff_and_counts_in_its_month() {
    let mut desk = desk();
    let public = desk.public;
    let id = desk
        .store
        .act_if("ledger.claim.create", |tx| writes::create_claim(tx, 2025, public, &edit(12_345)))
        .unwrap()
        .unwrap();
    let before = totals::page(desk.store.conn(), 2025, TotalsBy::Month, 0, 20).unwrap();
    assert_eq!(before[0].key.as_deref(), Some("2025-10"));
    assert_eq!((before[0].paid_yen, before[0].unpaid_yen), (0, 12_345));
    let steps = [(ClaimStatus::Submitted, 27), (ClaimStatus::Checked, 28), (ClaimStatus::Approved, 3)];
    for (from, day) in steps {
        let on = if day > 20 { d(2025, 10, day) } else { d(2025, 11, day) };
        desk.store.act_if("ledger.claim.step", |tx| writes::advance_claim(tx, id, from, on, "山田")).unwrap().unwrap();
    }
    // A step from a status the claim has left is refused (another console moved it).
    let again = desk
        .store
        .act_if("ledger.claim.step", |tx| writes::advance_claim(tx, id, ClaimStatus::Approved, d(2025, 11, 4), "佐藤"));
    // The refusal shows the latest change: the step to paid.
    let again = again.unwrap();
    assert!(matches!(&again, Err(Refusal::Changed(Some(c))) if c.fields.iter().any(|f| f.0 == "status")), "{again:?}");
    let row = lists::claim(desk.store.conn(), id).unwrap().unwrap();
    assert_eq!(row.status, ClaimStatus::Paid);
    assert_eq!(row.checked, Some((d(2025, 10, 27), "山田".into())));
    assert_eq!(row.paid, Some((d(2025, 11, 3), "山田".into())));
    let after = totals::page(desk.store.conn(), 2025, TotalsBy::Month, 0, 20).unwrap();
    assert_eq!(after.len(), 1);
    assert_eq!((after[0].key.as_deref(), after[0].paid_yen, after[0].unpaid_yen), (Some("2025-11"), 12_345, 0));
    let year = totals::year(desk.store.conn(), 2025, desk.fy.budget.total_yen).unwrap();
    assert_eq!((year.budget_yen, year.paid_yen, year.unpaid_yen), (60_000_000, 12_345, 0));
    let labels = audit_labels(&desk.store);
    assert_eq!(labels.iter().filter(|l| *l == "ledger.claim.step").count(), 3, "{labels:?}");
}

#[test]
fn a_returned_claim_keeps_its_reason_is_never_deleted_and_can_be_resubmitted() {
    let mut desk = desk();
    let public = desk.public;
    let id = desk.store.act_if("c", |tx| writes::create_claim(tx, 2025, public, &edit(5_000))).unwrap().unwrap();
    desk.store
        .act_if("ledger.claim.return", |tx| writes::return_claim(tx, id, ClaimStatus::Submitted, "宛名が違う"))
        .unwrap()
        .unwrap();
    let row = lists::claim(desk.store.conn(), id).unwrap().unwrap();
    assert_eq!((row.status, row.return_reason.as_str()), (ClaimStatus::Returned, "宛名が違う"));
    let year = totals::year(desk.store.conn(), 2025, 1).unwrap();
    assert_eq!(year.unpaid_yen, 0, "a returned claim counts nowhere");
    let to = desk
        .store
        .act_if("s", |tx| writes::advance_claim(tx, id, ClaimStatus::Returned, d(2025, 11, 1), "山田"))
        .unwrap()
        .unwrap();
    assert_eq!(to, ClaimStatus::Submitted);
    assert_eq!(lists::claim(desk.store.conn(), id).unwrap().unwrap().claimed_on, d(2025, 11, 1));
}

#[test]
fn payments_are_refused_under_r_s6_unless_for_the_experts_own_work() {
    let mut desk = desk();
    let (w, visit, corp, takahashi) = (desk.fy.withholding, desk.visit, desk.corp, desk.takahashi);
    let input = |expert_id, honorarium| PaymentInput {
        expert_id,
        visit_id: Some(visit),
        event_id: None,
        honorarium_yen: honorarium,
        travel_yen: 0,
        proposed_on: d(2025, 10, 5),
        note: String::new(),
    };
    let wrong = desk.store.act_if("p", |tx| writes::create_payment(tx, 2025, &w, &input(corp, 30_000))).unwrap();
    assert_eq!(wrong, Err(Refusal::Findings(vec![Finding::PayeeNotOnRecord])));
    let empty = desk.store.act_if("p", |tx| writes::create_payment(tx, 2025, &w, &input(takahashi, 0))).unwrap();
    assert_eq!(empty, Err(Refusal::Findings(vec![Finding::NothingToPay])));
    let id =
        desk.store.act_if("p", |tx| writes::create_payment(tx, 2025, &w, &input(takahashi, 30_000))).unwrap().unwrap();
    let twice = desk.store.act_if("p", |tx| writes::create_payment(tx, 2025, &w, &input(takahashi, 30_000))).unwrap();
    assert_eq!(twice, Err(Refusal::Findings(vec![Finding::AlreadyProposed { payment_id: id }])));
}

#[test]
fn withholding_follows_the_fiscal_year_and_corporations_are_not_withheld() {
    let mut desk = desk();
    let (w, public, corp, takahashi) = (desk.fy.withholding, desk.public, desk.corp, desk.takahashi);
    let work = lists::work(desk.store.conn(), d(2025, 4, 1), d(2025, 11, 4), None, Share::UNKNOWN, 0, 10).unwrap();
    assert_eq!(work.len(), 2, "the visit and the instructor's seminar, unpaid: {work:?}");
    let person = visit_fee(&desk);
    let company = PaymentInput { expert_id: corp, visit_id: None, event_id: Some(public), ..person.clone() };
    let p1 = desk.store.act_if("p", |tx| writes::create_payment(tx, 2025, &w, &person)).unwrap().unwrap();
    desk.store.act_if("p", |tx| writes::create_payment(tx, 2025, &w, &company)).unwrap().unwrap();
    let rows = lists::payments(desk.store.conn(), 2025, &LedgerFilter::default(), None, Share::UNKNOWN, 0, 10).unwrap();
    let mine = rows.iter().find(|r| r.id == p1).unwrap();
    // Travel paid to the person is included (the setting is on): 32,000 × 10.21% = 3,267.2 → 3,267.
    assert_eq!((mine.withholding_yen, mine.net_yen), (3_267, 28_733));
    let theirs = rows.iter().find(|r| r.id != p1).unwrap();
    assert_eq!((theirs.withholding_yen, theirs.net_yen), (0, 32_000));
    assert!(
        lists::work(desk.store.conn(), d(2025, 4, 1), d(2025, 11, 4), None, Share::UNKNOWN, 0, 10).unwrap().is_empty()
    );

    // Paid in November: unpaid ones listed first; the 支払調書 of 2025 holds it.
    desk.store
        .act_if("s", |tx| writes::advance_payment(tx, p1, PaymentStatus::Proposed, d(2025, 10, 20)))
        .unwrap()
        .unwrap();
    desk.store
        .act_if("s", |tx| writes::advance_payment(tx, p1, PaymentStatus::Approved, d(2025, 11, 4)))
        .unwrap()
        .unwrap();
    let rows = lists::payments(desk.store.conn(), 2025, &LedgerFilter::default(), None, Share::UNKNOWN, 0, 10).unwrap();
    assert_eq!(rows.last().unwrap().id, p1, "paid ones last");
    let unpaid = LedgerFilter { unpaid_only: true, ..LedgerFilter::default() };
    assert_eq!(lists::count_payments(desk.store.conn(), 2025, &unpaid, None).unwrap(), 1);
    let st = totals::statement(desk.store.conn(), takahashi, 2025).unwrap().unwrap();
    assert_eq!(
        (st.count, st.honorarium_yen, st.travel_yen, st.withheld_yen, st.net_yen),
        (1, 30_000, 2_000, 3_267, 28_733)
    );
    let by_kind = totals::page(desk.store.conn(), 2025, TotalsBy::Kind, 0, 10).unwrap();
    let kinds: Vec<_> = by_kind.iter().map(|r| (r.key.clone().unwrap(), r.paid_yen, r.unpaid_yen)).collect();
    assert_eq!(kinds, [("honorarium".into(), 30_000, 30_000), ("travel".into(), 2_000, 2_000)]);
    let by_expert = totals::page(desk.store.conn(), 2025, TotalsBy::Expert, 0, 10).unwrap();
    assert_eq!(by_expert.len(), 2);
    assert!(by_expert.iter().any(|r| r.expert_id == Some(takahashi) && r.withheld_yen == 3_267));
    // A paid payment can no longer be edited.
    let edit = desk.store.act_if("e", |tx| writes::update_payment(tx, &w, p1, 3, 1, 0, "")).unwrap();
    assert!(matches!(edit, Err(Refusal::Changed(_))), "{edit:?}");
}

#[test]
fn the_running_sums_follow_every_change_undo_and_redo_and_an_organisers_change() {
    use madoguchi::store::ledger::sums;
    let mut desk = desk();
    let (w, visit, public) = (desk.fy.withholding, desk.visit, desk.public);
    let drift = |store: &Store| sums::drift(store.conn()).unwrap();
    let claim = desk.store.act_if("c", |tx| writes::create_claim(tx, 2025, public, &edit(9_000))).unwrap().unwrap();
    let person = visit_fee(&desk);
    let p = desk.store.act_if("p", |tx| writes::create_payment(tx, 2025, &w, &person)).unwrap().unwrap();
    assert_eq!(drift(&desk.store), Vec::<String>::new());
    desk.store
        .act_if("s", |tx| writes::advance_payment(tx, p, PaymentStatus::Proposed, d(2025, 10, 20)))
        .unwrap()
        .unwrap();
    desk.store
        .act_if("s", |tx| writes::advance_payment(tx, p, PaymentStatus::Approved, d(2025, 11, 4)))
        .unwrap()
        .unwrap();
    desk.store
        .act_if("r", |tx| writes::return_claim(tx, claim, ClaimStatus::Submitted, "領収書の宛名違い"))
        .unwrap()
        .unwrap();
    assert_eq!(drift(&desk.store), Vec::<String>::new());
    let months: Vec<_> = totals::page(desk.store.conn(), 2025, TotalsBy::Month, 0, 10)
        .unwrap()
        .into_iter()
        .map(|r| (r.key.unwrap(), r.count, r.paid_yen, r.unpaid_yen))
        .collect();
    assert_eq!(months, [("2025-11".to_string(), 2, 32_000, 0)], "the returned claim counts nowhere");

    // Undo the return and the payment's last step, then redo one: the sums follow the records.
    desk.store.undo().unwrap().unwrap();
    desk.store.undo().unwrap().unwrap();
    assert_eq!(drift(&desk.store), Vec::<String>::new());
    let year = totals::year(desk.store.conn(), 2025, 0).unwrap();
    assert_eq!((year.paid_yen, year.unpaid_yen), (0, 41_000));
    desk.store.redo().unwrap().unwrap();
    assert_eq!(drift(&desk.store), Vec::<String>::new());

    // The visit's dispatch changes chamber: its payment moves to the new organisation; the claim stays with
    // the organisation that advanced the fee.
    desk.store
        .act("o", |tx| {
            tx.execute("INSERT INTO organisation (kind, name) VALUES ('shokokai', '錦町商工会')", [])?;
            let org = tx.last_insert_rowid();
            tx.execute(
                "UPDATE dispatch SET chamber_id = ?1 WHERE id = (SELECT dispatch_id FROM visit WHERE id = ?2)",
                [org, visit],
            )?;
            Ok(())
        })
        .unwrap();
    assert_eq!(drift(&desk.store), Vec::<String>::new());
    let orgs = totals::page(desk.store.conn(), 2025, TotalsBy::Organisation, 0, 10).unwrap();
    let orgs: Vec<_> = orgs.into_iter().map(|r| (r.key.unwrap(), r.paid_yen + r.unpaid_yen)).collect();
    assert_eq!(orgs, [("錦町商工会".to_string(), 32_000), ("多良木町商工会".to_string(), 9_000)]);
}

#[test]
fn the_derived_ledger_tables_follow_payments_visits_event_experts_cancellations_and_undo() {
    use madoguchi::store::ledger::{dispatch_payments, unpaid};
    let mut desk = desk();
    let (w, public, corp, visit) = (desk.fy.withholding, desk.public, desk.corp, desk.visit);
    let (from, until) = (d(2025, 4, 1), d(2025, 11, 4));
    let count = |store: &Store| lists::count_work(store.conn(), from, until, None).unwrap();
    // Unpaid work, and the payments of each application's visits.
    let drift = |store: &Store| {
        [unpaid::drift(store.conn()).unwrap(), dispatch_payments::drift(store.conn()).unwrap()].concat()
    };
    let named = |store: &Store, f: &LedgerFilter| f.named(store.conn()).unwrap();
    let by_business = |store: &Store, name: &str| {
        let f = LedgerFilter { text: name.into(), unpaid_only: false };
        (
            lists::count_payments(store.conn(), 2025, &f, named(store, &f).as_ref()).unwrap(),
            lists::count_work(store.conn(), from, until, named(store, &f).as_ref()).unwrap(),
        )
    };
    assert_eq!((count(&desk.store), drift(&desk.store)), (2, vec![]), "the visit and the instructor's part");

    // Paying the visit removes it; undo brings it back, redo removes it again.
    let fee = visit_fee(&desk);
    let p = desk.store.act_if("p", |tx| writes::create_payment(tx, 2025, &w, &fee)).unwrap().unwrap();
    assert_eq!((count(&desk.store), drift(&desk.store)), (1, vec![]));
    desk.store.undo().unwrap().unwrap();
    assert_eq!((count(&desk.store), drift(&desk.store)), (2, vec![]));
    desk.store.redo().unwrap().unwrap();
    assert_eq!((count(&desk.store), drift(&desk.store)), (1, vec![]));
    assert!(
        desk.store
            .conn()
            .query_row("SELECT COUNT(*) = 1 FROM payment WHERE id = ?1", [p], |r| r.get::<_, bool>(0))
            .unwrap()
    );

    // A second expert on the seminar, the seminar moved out of the range, then cancelled; a visit moved.
    desk.store
        .act("x", |tx| {
            tx.execute("INSERT INTO expert (name) VALUES ('中村 恵')", [])?;
            let nakamura = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO event_expert (event_id, expert_id, role) VALUES (?1, ?2, 'expert')",
                [public, nakamura],
            )?;
            Ok(())
        })
        .unwrap();
    assert_eq!((count(&desk.store), drift(&desk.store)), (2, vec![]));
    desk.store
        .act("m", |tx| Ok(tx.execute("UPDATE event SET event_date = '2025-12-01' WHERE id = ?1", [public])?))
        .unwrap();
    assert_eq!((count(&desk.store), drift(&desk.store)), (0, vec![]), "after today: not yet work to pay");
    desk.store
        .act("m", |tx| Ok(tx.execute("UPDATE event SET event_date = '2025-10-20' WHERE id = ?1", [public])?))
        .unwrap();
    desk.store.act("c", |tx| Ok(tx.execute("UPDATE event SET status = 'cancelled' WHERE id = ?1", [public])?)).unwrap();
    assert_eq!((count(&desk.store), drift(&desk.store)), (0, vec![]), "a cancelled seminar is no work");
    desk.store.undo().unwrap().unwrap();
    assert_eq!((count(&desk.store), drift(&desk.store)), (2, vec![]));

    // The instructor paid for the seminar; the payment moved to the other expert's part and back by undo.
    let company = PaymentInput { expert_id: corp, visit_id: None, event_id: Some(public), ..fee };
    let q = desk.store.act_if("p", |tx| writes::create_payment(tx, 2025, &w, &company)).unwrap().unwrap();
    assert_eq!((count(&desk.store), drift(&desk.store)), (1, vec![]));
    desk.store
        .act(
            "e",
            |tx| Ok(tx.execute("UPDATE payment SET expert_id = (SELECT MAX(id) FROM expert) WHERE id = ?1", [q])?),
        )
        .unwrap();
    assert_eq!((count(&desk.store), drift(&desk.store)), (1, vec![]));
    desk.store.undo().unwrap().unwrap();
    assert_eq!(drift(&desk.store), Vec::<String>::new());

    // The paid visit moved to another business's application: its payment follows; undo moves it back. (The
    // fixture writes its records with plain SQL: index them as the store's writes do.)
    desk.store.act("r", |tx| madoguchi::store::search::rebuild(tx)).unwrap();
    assert_eq!(by_business(&desk.store, "阿蘇の里"), (1, 0));
    desk.store
        .act("v", |tx| {
            tx.execute("INSERT INTO business (name) VALUES ('人吉茶舗')", [])?;
            tx.execute(
                "INSERT INTO dispatch (fiscal_year, seq, business_id, chamber_id, received_on, theme, status, status_on)
                 SELECT 2025, 2, ?1, chamber_id, received_on, theme, 'received', received_on FROM dispatch LIMIT 1",
                [tx.last_insert_rowid()],
            )?;
            tx.execute("UPDATE visit SET dispatch_id = ?1 WHERE id = ?2", [tx.last_insert_rowid(), visit])?;
            madoguchi::store::search::rebuild(tx)
        })
        .unwrap();
    assert_eq!((by_business(&desk.store, "阿蘇の里"), by_business(&desk.store, "人吉茶舗")), ((0, 0), (1, 0)));
    assert_eq!(drift(&desk.store), Vec::<String>::new());
    desk.store.undo().unwrap().unwrap();
    assert_eq!((by_business(&desk.store, "阿蘇の里"), drift(&desk.store)), ((1, 0), vec![]));

    // Removing the visit's payment and the visit itself.
    desk.store.act("d", |tx| Ok(tx.execute("DELETE FROM payment WHERE visit_id = ?1", [visit])?)).unwrap();
    assert_eq!((count(&desk.store), drift(&desk.store)), (2, vec![]));
    assert_eq!(by_business(&desk.store, "阿蘇の里"), (0, 1), "unpaid again, under its application");
    desk.store.act("d", |tx| Ok(tx.execute("DELETE FROM visit WHERE id = ?1", [visit])?)).unwrap();
    assert_eq!((count(&desk.store), drift(&desk.store)), (1, vec![]));
    // The drift check sees a table out of step.
    desk.store.conn().execute("DELETE FROM unpaid_work", []).unwrap();
    assert_eq!(drift(&desk.store).len(), 1);
    desk.store.conn().execute("INSERT INTO dispatch_payment VALUES (1, 1, 1, 2025, 'paid', '2025-10-01')", []).unwrap();
    assert_eq!(drift(&desk.store).len(), 2);
}

#[test]
fn a_payment_marked_paid_without_a_date_counts_in_the_same_month_in_the_ledger_and_the_report() {
    let mut desk = desk();
    let (visit, takahashi) = (desk.visit, desk.takahashi);
    // Imported from an old sheet: paid, approved on 2 December, no payment date.
    desk.store
        .act("import", |tx| {
            tx.execute(
                "INSERT INTO payment (fiscal_year, expert_id, visit_id, honorarium_yen, travel_yen, withholding_yen,
                     net_yen, status, proposed_on, approved_on)
                 VALUES (2025, ?1, ?2, 30000, 2000, 3063, 28937, 'paid', '2025-11-20', '2025-12-02')",
                [takahashi, visit],
            )?;
            Ok(())
        })
        .unwrap();
    let ledger: Vec<_> = totals::page(desk.store.conn(), 2025, TotalsBy::Month, 0, 10)
        .unwrap()
        .into_iter()
        .map(|r| (r.key.unwrap(), r.paid_yen))
        .collect();
    assert_eq!(ledger, [("2025-12".to_string(), 32_000)]);
    let report = madoguchi::store::reports::payments_by_month(desk.store.conn(), 2025).unwrap();
    let report: Vec<_> =
        report.iter().map(|m| (m.month.as_str(), m.honorarium, m.travel, m.withholding, m.net)).collect();
    assert_eq!(report, [("2025-12", 30_000, 2_000, 3_063, 28_937)]);
}

/// The ledger's text filter goes through the lookup index (issue 11): folded, by reading, and by every record a
/// row names — the payee, the business visited, the event, the claim's payee and receipt.
#[test]
fn the_ledger_filter_finds_payments_claims_and_work_by_what_they_name() {
    let mut desk = desk();
    let (w, public) = (desk.fy.withholding, desk.public);
    desk.store
        .act("r", |tx| {
            tx.execute("UPDATE expert SET reading = 'たかはしまこと' WHERE name = '髙橋 誠'", [])?;
            // The fixture writes its records with plain SQL: index them as the store's writes do.
            madoguchi::store::search::rebuild(tx)
        })
        .unwrap();
    desk.store.act_if("c", |tx| writes::create_claim(tx, 2025, public, &edit(9_000))).unwrap().unwrap();
    let fee = visit_fee(&desk);
    desk.store.act_if("p", |tx| writes::create_payment(tx, 2025, &w, &fee)).unwrap().unwrap();
    let conn = desk.store.conn();
    let filter = |text: &str| LedgerFilter { text: text.into(), unpaid_only: false };
    let named = |text: &str| filter(text).named(conn).unwrap();
    let payees = |text: &str| -> Vec<String> {
        lists::payments(conn, 2025, &filter(text), named(text).as_ref(), Share::UNKNOWN, 0, 10)
            .unwrap()
            .into_iter()
            .map(|p| p.expert)
            .collect()
    };
    let claims = |text: &str| lists::count_claims(conn, 2025, &filter(text)).unwrap();
    let work = |text: &str| -> Vec<String> {
        lists::work(conn, d(2025, 4, 1), d(2025, 11, 4), named(text).as_ref(), Share::UNKNOWN, 0, 10)
            .unwrap()
            .into_iter()
            .map(|w| w.expert)
            .collect()
    };
    assert_eq!(payees("高橋"), ["髙橋 誠"], "the variant kanji folded");
    assert_eq!(payees("takahashi"), ["髙橋 誠"], "romaji through the reading");
    assert_eq!(payees("ｱｿﾉｻﾄ"), Vec::<String>::new(), "the business has no reading");
    assert_eq!(payees("阿蘇の里"), ["髙橋 誠"], "the business visited");
    assert_eq!(lists::count_payments(conn, 2025, &filter("阿蘇の里"), named("阿蘇の里").as_ref()).unwrap(), 1);
    assert_eq!(payees("DX入門"), Vec::<String>::new());
    assert_eq!((claims("多良木"), claims("ＤＸ入門"), claims("no.1"), claims("阿蘇")), (1, 1, 1, 0));
    assert_eq!(work("くまもと"), ["くまもとIT支援合同会社"], "the instructor's unpaid part, by name");
    assert_eq!(work("dx入門"), ["くまもとIT支援合同会社"], "by the event's title");
    assert!(work("髙橋").is_empty(), "the visit is paid");
}

/// A filtered page is read two ways (issue 11): dense matches by walking the list's order and testing each row,
/// sparse ones by sorting every match. On a demo year both give the same rows, page after page, for texts from
/// dense (one kana) to sparse, with and without the unpaid-only switch.
#[test]
fn a_walked_page_and_a_sorted_page_are_the_same_rows() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.db"), "山田").unwrap();
    let fy = FiscalYear::from_toml(include_str!("../assets/fiscal-years/2025.toml")).unwrap();
    madoguchi::demo::generate(&mut store, &fy, 1, 1).unwrap();
    let conn = store.conn();
    let (from, until) = (d(2025, 4, 1), d(2025, 11, 4));
    // As dense as can be: the page walks whatever the real share.
    let walk = Share { matches: 1 << 40, all: 1 };
    let (mut payment_pages, mut work_pages) = (0, 0);
    for text in ["た", "か", "田", "熊本", "セミナー", "たなか", "ＤＸ"] {
        for unpaid_only in [false, true] {
            let f = LedgerFilter { text: text.into(), unpaid_only };
            let named = f.named(conn).unwrap();
            let payments = lists::count_payments(conn, 2025, &f, named.as_ref()).unwrap();
            let work = lists::count_work(conn, from, until, named.as_ref()).unwrap();
            for offset in [0, 7, 20, 45] {
                let ids = |share| -> Vec<i64> {
                    lists::payments(conn, 2025, &f, named.as_ref(), share, offset, 20)
                        .unwrap()
                        .into_iter()
                        .map(|p| p.id)
                        .collect()
                };
                let sorted = ids(Share::UNKNOWN);
                assert_eq!(ids(walk), sorted, "payments {text:?} unpaid {unpaid_only} from {offset}");
                assert_eq!(sorted.len(), payments.saturating_sub(offset).min(20), "payments {text:?} from {offset}");
                payment_pages += usize::from(!sorted.is_empty());
                let keys = |share| -> Vec<(Option<i64>, Option<i64>, i64)> {
                    lists::work(conn, from, until, named.as_ref(), share, offset, 20)
                        .unwrap()
                        .into_iter()
                        .map(|w| (w.visit_id, w.event_id, w.expert_id))
                        .collect()
                };
                let sorted = keys(Share::UNKNOWN);
                assert_eq!(keys(walk), sorted, "work {text:?} from {offset}");
                assert_eq!(sorted.len(), work.saturating_sub(offset).min(20), "work {text:?} from {offset}");
                work_pages += usize::from(!sorted.is_empty());
            }
        }
    }
    assert!(
        payment_pages >= 20 && work_pages >= 8,
        "pages with rows: {payment_pages} of payments, {work_pages} of work"
    );
}
