//! `madoguchi write-stream --count N` (hidden): a stream of real audited writes through [`Store::act`], one
//! `ack ID NAME` line after each commit, for the crash test to kill at random moments and then verify.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::context::Context;
use crate::domain::records::NewBusiness;
use crate::store::{Store, businesses};

/// Performs `count` business registrations, each one action, acknowledging each after its commit.
pub fn run(ctx: &Context, count: u64) -> Result<ExitCode> {
    let mut store = Store::open(&ctx.db_path, &ctx.staff)?;
    let mut out = std::io::stdout().lock();
    let run = std::process::id();
    for n in 0..count {
        let business = NewBusiness {
            name: format!("書込試験-{run}-{n}"),
            reading: "かきこみしけん".into(),
            phone: format!("096-{:03}-{:04}", run % 1000, n % 10_000),
            ..Default::default()
        };
        let id = store.act("business.create", |tx| businesses::insert(tx, &business))?;
        writeln!(out, "ack {id} {}", business.name)?;
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}
