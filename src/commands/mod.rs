//! The subcommands and the console start-up: everything `main` dispatches to.

pub mod backup;
pub mod bench;
pub mod check;
pub mod console;
pub mod context;
pub mod demo;
pub mod effects;
pub mod export;
pub mod import;
pub mod worker;
pub mod write_stream;

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{Cli, Command};

/// Runs what the command line asks for.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let ctx = context::Context::resolve(&cli)?;
    let _log = crate::logging::init(&ctx.dirs.logs()).ok();
    for key in &ctx.unknown_config_keys {
        eprintln!("madoguchi: 設定ファイルの不明なキー / unknown key in the config file: {key}");
    }
    match &cli.command {
        Some(Command::Demo { scale, out, seed }) => demo::run(&ctx, *scale, out, *seed),
        Some(Command::Check) => check::run(&ctx),
        Some(Command::Bench { scale, json }) => bench::run(&ctx, *scale, *json),
        Some(Command::Backup { out }) => backup::run_backup(&ctx, out.as_deref()),
        Some(Command::Restore { file, yes }) => backup::run_restore(&ctx, file, *yes),
        Some(Command::Export { what }) => export::run(&ctx, what),
        Some(Command::Import { file, kind, dry_run }) => import::run(&ctx, file, *kind, *dry_run),
        Some(Command::WriteStream { count }) => write_stream::run(&ctx, *count),
        None => console::run(&ctx),
    }
}
