//! Runs tab 3 (講習会・相談会)'s loads and saves against the store.

use anyhow::Result;

use crate::app::{Action, Saved, Session};
use crate::screens::events::{Load, PER_DAY, Reply, Save};
use crate::store::workflow::Refusal;
use crate::store::{Store, calendar, events, participants};

/// Answers a load.
pub fn load(store: &Store, s: &Session, load: Load) -> Result<Action> {
    let conn = store.conn();
    Ok(Action::Events(match load {
        Load::Month { generation, from, to, filter } => {
            Reply::Month { generation, cells: calendar::month(conn, from, to, &filter, PER_DAY)? }
        }
        Load::Day { generation, date, filter, offset, limit } => {
            let total = calendar::count_day(conn, date, &filter)?;
            // A page past the end (rows removed by another console) starts at the last full page.
            let offset = offset.min(total.saturating_sub(limit));
            Reply::Day { generation, total, offset, rows: calendar::day(conn, date, &filter, offset, limit)? }
        }
        Load::Detail { id } => Reply::Detail(calendar::detail(conn, id)?.map(Box::new)),
        Load::Series { id } => Reply::Series(participants::series(conn, &s.fy, id)?.map(Box::new)),
    }))
}

/// Performs a save as one audited action.
pub fn save(store: &mut Store, s: &Session, save: Save) -> Result<Action> {
    let fy = &s.fy;
    let done = |o: Result<(), Refusal>| match o {
        Ok(()) => Action::Saved(Saved::Changed),
        Err(r) => Action::Refused(r),
    };
    Ok(match save {
        Save::CreateEvent(edit) => {
            match store.act_if("events.event.create", |tx| events::create_event(tx, fy, &edit))? {
                Ok(id) => Action::Events(Reply::Created { id, date: edit.event.date }),
                Err(r) => Action::Refused(r),
            }
        }
        Save::UpdateEvent { id, row_version, edit } => {
            done(store.act_if("events.event.edit", |tx| events::update_event(tx, fy, id, row_version, &edit))?)
        }
        Save::Status { id, row_version, to, reason } => {
            done(store.act_if("events.event.status", |tx| events::set_status(tx, id, row_version, to, &reason))?)
        }
        Save::Publicity { id, row_version, dates } => {
            done(store.act_if("events.event.publicity", |tx| events::set_publicity(tx, id, row_version, dates))?)
        }
        Save::Book(booking) => {
            let o = store.act_if("events.booking.add", |tx| events::add_booking(tx, fy, &booking))?;
            done(o.map(|_| ()))
        }
        Save::Report { booking_id, report_on, summary, feedback_on } => {
            done(store.act_if("events.booking.report", |tx| {
                events::record_report(tx, booking_id, report_on, &summary, feedback_on)
            })?)
        }
        Save::CancelBooking { booking_id } => {
            done(store.act_if("events.booking.delete", |tx| events::delete_booking(tx, booking_id))?)
        }
        Save::Register(p) => {
            done(store.act_if("events.participant.add", |tx| participants::register(tx, fy, &p))?.map(|_| ()))
        }
        Save::Attend { participant_id, attended } => done(
            store.act_if("events.participant.attend", |tx| participants::set_attended(tx, participant_id, attended))?,
        ),
        Save::RemoveParticipant { participant_id } => {
            done(store.act_if("events.participant.delete", |tx| participants::remove(tx, participant_id))?)
        }
        Save::Honoraria { event_id } => done(
            store.act_if("events.honoraria", |tx| events::propose_honoraria(tx, fy, event_id, s.today))?.map(|_| ()),
        ),
        Save::BookingDispatch { booking_id, dispatch } => {
            match store
                .act_if("events.booking.dispatch", |tx| events::booking_to_dispatch(tx, booking_id, &dispatch))?
            {
                Ok((id, number)) => Action::Saved(Saved::Dispatch { id, number }),
                Err(r) => Action::Refused(r),
            }
        }
    })
}
