//! Runs tab 2 (名簿)'s loads and saves against the store.

use anyhow::Result;
use rusqlite::Connection;

use crate::app::{Action, Saved, Session};
use crate::domain::parse::parse_date;
use crate::screens::roster::{Card, List, Load, Reply, Save};
use crate::store::Store;
use crate::store::lookup::HitKind;
use crate::store::roster::experts::ExpertFilter;
use crate::store::roster::{bodies, cards, experts, writes};

/// Answers a load.
pub fn load(store: &Store, s: &Session, load: Load) -> Result<Action> {
    let conn = store.conn();
    let fy = s.fy.year;
    Ok(Action::Roster(match load {
        Load::Page { generation, list, filter, case, offset, limit } => {
            let filter = with_dates(filter, s);
            let total = store.counted(format!("roster:{list:?}:{filter:?}:{case:?}"), |conn| match list {
                List::Experts => experts::count(conn, &filter),
                List::Businesses => cards::count_businesses(conn, &filter.text),
                List::Organisations => cards::count_organisations(conn, &filter.text),
            })?;
            // A page past the end (rows removed by another console) starts at the last full page.
            let offset = offset.min(total.saturating_sub(limit));
            match list {
                List::Experts => {
                    let rows = match case.map(|id| experts::case(conn, id)).transpose()?.flatten() {
                        Some(case) => experts::candidates(conn, fy, &case, &filter, offset, limit)?,
                        None => experts::page(conn, fy, &filter, offset, limit)?,
                    };
                    Reply::Experts { generation, total, offset, rows }
                }
                List::Businesses => {
                    let rows = cards::businesses(conn, &filter.text, offset, limit)?;
                    Reply::Records { generation, total, offset, rows }
                }
                List::Organisations => {
                    let rows = cards::organisations(conn, &filter.text, offset, limit)?;
                    Reply::Records { generation, total, offset, rows }
                }
            }
        }
        Load::Card { kind, id } => Reply::Card(card(conn, s, kind, id)?),
        Load::Case { dispatch_id } => Reply::Case(experts::case(conn, dispatch_id)?),
        Load::Areas => Reply::Areas(areas(conn)?),
    }))
}

/// Words of the filter text that read as a date ask for experts free that day; the rest is searched.
fn with_dates(mut filter: ExpertFilter, s: &Session) -> ExpertFilter {
    let mut words = Vec::new();
    for word in filter.text.split_whitespace() {
        match parse_date(word, s.today) {
            Ok(d) if word.chars().any(|c| !c.is_ascii_digit()) => filter.free_on = Some(d),
            _ => words.push(word),
        }
    }
    filter.text = words.join(" ");
    filter
}

fn card(conn: &Connection, s: &Session, kind: HitKind, id: i64) -> Result<Option<Card>> {
    Ok(match kind {
        HitKind::Business => cards::business_card(conn, id)?.map(|c| Card::Business(Box::new(c))),
        HitKind::Organisation => cards::organisation_card(conn, id)?.map(|c| Card::Organisation(Box::new(c))),
        _ => experts::card(conn, s.fy.year, id, s.today)?.map(|c| Card::Expert(Box::new(c))),
    })
}

fn areas(conn: &Connection) -> Result<Vec<(i64, String)>> {
    let mut st = conn.prepare_cached("SELECT id, name FROM area ORDER BY sort, id")?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Performs a save as one audited action.
pub fn save(store: &mut Store, _s: &Session, save: Save) -> Result<Action> {
    let staff = store.staff().to_string();
    let done = |o: Result<(), crate::store::workflow::Refusal>| match o {
        Ok(()) => Action::Saved(Saved::Changed),
        Err(r) => Action::Refused(r),
    };
    Ok(match save {
        Save::CreateExpert { expert, municipality, allow_duplicate } => {
            let o = store.act_if("roster.expert.create", |tx| {
                writes::create_expert(tx, &expert, &municipality, allow_duplicate)
            })?;
            done(o.map(|_| ()))
        }
        Save::UpdateExpert { id, row_version, expert, municipality, allow_duplicate } => {
            done(store.act_if("roster.expert.edit", |tx| {
                writes::update_expert(tx, id, row_version, &expert, &municipality, allow_duplicate)
            })?)
        }
        Save::Retire { id, on } => done(store.act_if("roster.expert.retire", |tx| writes::retire_expert(tx, id, on))?),
        Save::Delete { id } => {
            let o = store.act_if("roster.expert.delete", |tx| writes::delete_expert(tx, id))?;
            Action::Roster(Reply::Deleted(o.map(|_| ())))
        }
        Save::AddRelation(r) => {
            store.act("roster.relation.add", |tx| writes::add_relation(tx, &r))?;
            Action::Saved(Saved::Changed)
        }
        Save::EditRelation { id, from, until, note } => {
            done(store.act_if("roster.relation.edit", |tx| writes::update_relation(tx, id, from, until, &note))?)
        }
        Save::DeleteRelation { id } => {
            done(store.act_if("roster.relation.delete", |tx| writes::delete_relation(tx, id))?)
        }
        Save::Assign { dispatch_id, expert_id, reason } => {
            let o = store.act_if("roster.assign", |tx| writes::assign(tx, dispatch_id, expert_id, &reason, &staff))?;
            match o {
                Ok(()) => {
                    let conn = store.conn();
                    let number = experts::case(conn, dispatch_id)?.map(|c| c.number.to_string()).unwrap_or_default();
                    let expert: String =
                        conn.query_row("SELECT name FROM expert WHERE id = ?1", [expert_id], |r| r.get(0))?;
                    Action::Roster(Reply::Assigned { number, expert })
                }
                Err(r) => Action::Refused(r),
            }
        }
        Save::UpdateBusiness { id, row_version, edit, allow_duplicate } => {
            done(store.act_if("roster.business.edit", |tx| {
                writes::update_business(tx, id, row_version, &edit, allow_duplicate)
            })?)
        }
        Save::MergeBusiness { from, into } => {
            done(store.act_if("roster.business.merge", |tx| bodies::merge_business(tx, from, into))?)
        }
        Save::CreateOrganisation(edit) => {
            let o = store.act_if("roster.organisation.create", |tx| bodies::create_organisation(tx, &edit))?;
            done(o.map(|_| ()))
        }
        Save::UpdateOrganisation { id, row_version, edit } => done(
            store.act_if("roster.organisation.edit", |tx| bodies::update_organisation(tx, id, row_version, &edit))?,
        ),
        Save::RetireOrganisation { id, on, into } => {
            done(store.act_if("roster.organisation.retire", |tx| bodies::retire_organisation(tx, id, on, into))?)
        }
        Save::AddStaff { organisation_id, name, reading, role, phone } => {
            store
                .act("roster.staff.add", |tx| bodies::add_staff(tx, organisation_id, &name, &reading, role, &phone))?;
            Action::Saved(Saved::Changed)
        }
        Save::RetireStaff { id, on } => {
            done(store.act_if("roster.staff.retire", |tx| bodies::retire_staff(tx, id, on))?)
        }
        Save::SetCovers { organisation_id, municipalities } => done(
            store
                .act_if("roster.organisation.covers", |tx| bodies::set_covers(tx, organisation_id, &municipalities))?,
        ),
        Save::SetArea { municipality, area } => {
            done(store.act_if("roster.area.set", |tx| bodies::set_area(tx, &municipality, &area))?)
        }
    })
}
