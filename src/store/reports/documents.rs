//! The facts printed on the documents the desk sends: the decision notice, the dispatch request (依頼書),
//! Form 4 (a reimbursement claim) and the payment list.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};

use crate::domain::model::{DispatchNumber, DispatchStatus, PlaceKind, VenueKind};

/// An application as the decision notice and the dispatch request show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DispatchFacts {
    /// Application number.
    pub number: DispatchNumber,
    /// Status.
    pub status: DispatchStatus,
    /// Received on.
    pub received_on: NaiveDate,
    /// Decided on (approval or rejection).
    pub decided_on: Option<NaiveDate>,
    /// Theme number.
    pub theme: i64,
    /// Applying chamber (None: received directly by the desk).
    pub chamber: Option<String>,
    /// The chamber's assigned guidance officer.
    pub guidance_officer: Option<String>,
    /// Business name.
    pub business: String,
    /// Business address.
    pub business_address: String,
    /// Business phone.
    pub business_phone: String,
    /// Business representative.
    pub representative: String,
    /// Expert name.
    pub expert: Option<String>,
    /// R-D5 grounds of a rejection, in order.
    pub grounds: Vec<u8>,
    /// The free-text reason of a rejection (ground 8).
    pub rejection_note: String,
    /// Visits planned or made, in date order.
    pub visits: Vec<VisitFacts>,
}

/// One visit as printed on the dispatch request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisitFacts {
    /// Date.
    pub date: NaiveDate,
    /// Start, minutes after midnight.
    pub start_min: u16,
    /// End, minutes after midnight.
    pub end_min: u16,
    /// Place.
    pub place: PlaceKind,
    /// Note on the place.
    pub place_note: String,
}

/// The application numbered `number`, if any.
pub fn dispatch(conn: &Connection, number: DispatchNumber) -> Result<Option<DispatchFacts>> {
    let found = conn
        .query_row(
            "SELECT d.id, d.status, d.received_on, d.decided_on, d.theme, o.name, s.name, b.name, b.address, b.phone,
                    b.representative, x.name, d.rejection_note
             FROM dispatch d JOIN business b ON b.id = d.business_id
                 LEFT JOIN organisation o ON o.id = d.chamber_id
                 LEFT JOIN organisation_staff s ON s.id = d.guidance_officer_id
                 LEFT JOIN expert x ON x.id = d.expert_id
             WHERE d.fiscal_year = ?1 AND d.seq = ?2",
            params![number.fiscal_year, number.seq],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    DispatchFacts {
                        number,
                        status: r.get(1)?,
                        received_on: r.get(2)?,
                        decided_on: r.get(3)?,
                        theme: r.get(4)?,
                        chamber: r.get(5)?,
                        guidance_officer: r.get(6)?,
                        business: r.get(7)?,
                        business_address: r.get(8)?,
                        business_phone: r.get(9)?,
                        representative: r.get(10)?,
                        expert: r.get(11)?,
                        grounds: Vec::new(),
                        rejection_note: r.get(12)?,
                        visits: Vec::new(),
                    },
                ))
            },
        )
        .optional()?;
    let Some((id, mut facts)) = found else { return Ok(None) };
    let mut st = conn.prepare_cached("SELECT ground FROM rejection_ground WHERE dispatch_id = ?1 ORDER BY ground")?;
    facts.grounds = st.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let mut st = conn.prepare_cached(
        "SELECT visit_date, start_min, end_min, place, place_note FROM visit WHERE dispatch_id = ?1
         ORDER BY visit_date, start_min",
    )?;
    facts.visits = st
        .query_map([id], |r| {
            Ok(VisitFacts {
                date: r.get(0)?,
                start_min: r.get(1)?,
                end_min: r.get(2)?,
                place: r.get(3)?,
                place_note: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(facts))
}

/// A Form 4 claim (様式4 立替金精算書) with its event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimFacts {
    /// Claim id.
    pub id: i64,
    /// Claiming organisation.
    pub organisation: String,
    /// Its address.
    pub organisation_address: String,
    /// Event title.
    pub event_title: String,
    /// Event date.
    pub event_date: NaiveDate,
    /// Venue.
    pub venue: String,
    /// Venue kind (R-S5, R-S8).
    pub venue_kind: VenueKind,
    /// Amount advanced, yen.
    pub amount_yen: i64,
    /// Receipt reference.
    pub receipt_ref: String,
    /// Claimed on.
    pub claimed_on: NaiveDate,
}

/// The claim with id `id`, if any.
pub fn claim(conn: &Connection, id: i64) -> Result<Option<ClaimFacts>> {
    Ok(conn
        .query_row(
            "SELECT c.id, o.name, o.address, e.title, e.event_date, e.venue_name, e.venue_kind, c.amount_yen,
                    c.receipt_ref, c.claimed_on
             FROM claim c JOIN organisation o ON o.id = c.organisation_id JOIN event e ON e.id = c.event_id
             WHERE c.id = ?1",
            [id],
            |r| {
                Ok(ClaimFacts {
                    id: r.get(0)?,
                    organisation: r.get(1)?,
                    organisation_address: r.get(2)?,
                    event_title: r.get(3)?,
                    event_date: r.get(4)?,
                    venue: r.get(5)?,
                    venue_kind: r.get(6)?,
                    amount_yen: r.get(7)?,
                    receipt_ref: r.get(8)?,
                    claimed_on: r.get(9)?,
                })
            },
        )
        .optional()?)
}

/// One line of the payment list: an honorarium and travel paid to an expert or instructor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentLine {
    /// The date paid, or proposed when not yet paid.
    pub date: NaiveDate,
    /// Payee.
    pub expert: String,
    /// The application of a visit's payment.
    pub dispatch: Option<DispatchNumber>,
    /// The event of an event's payment.
    pub event: Option<String>,
    /// Honorarium, yen.
    pub honorarium_yen: i64,
    /// Travel, yen.
    pub travel_yen: i64,
    /// Withheld income tax, yen.
    pub withholding_yen: i64,
    /// Paid to the payee, yen.
    pub net_yen: i64,
}

/// The approved or paid payments of a fiscal year, in date order.
pub fn payment_list(conn: &Connection, year: i32) -> Result<Vec<PaymentLine>> {
    let mut st = conn.prepare(
        "SELECT COALESCE(p.paid_on, p.approved_on, p.proposed_on), x.name, d.fiscal_year, d.seq, e.title,
                p.honorarium_yen, p.travel_yen, p.withholding_yen, p.net_yen
         FROM payment p JOIN expert x ON x.id = p.expert_id LEFT JOIN event e ON e.id = p.event_id
             LEFT JOIN visit v ON v.id = p.visit_id LEFT JOIN dispatch d ON d.id = v.dispatch_id
         WHERE p.fiscal_year = ?1 AND p.status IN ('approved', 'paid')
         ORDER BY 1, p.id",
    )?;
    let rows = st.query_map([year], |r| {
        Ok(PaymentLine {
            date: r.get(0)?,
            expert: r.get(1)?,
            dispatch: match (r.get::<_, Option<i32>>(2)?, r.get::<_, Option<u32>>(3)?) {
                (Some(fiscal_year), Some(seq)) => Some(DispatchNumber { fiscal_year, seq }),
                _ => None,
            },
            event: r.get(4)?,
            honorarium_yen: r.get(5)?,
            travel_yen: r.get(6)?,
            withholding_yen: r.get(7)?,
            net_yen: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
