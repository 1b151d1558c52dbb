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

/// Prints a line of a subcommand's report to stdout like `println!`, but a reader that went away early
/// (`madoguchi demo ... | head -1`) comes back as an error, which `main` ends on quietly, instead of a panic.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout(), $($arg)*)?
    }};
}
pub(crate) use say;

/// Whether an error is stdout's reader having gone away (a closed pipe): the output was not wanted any more,
/// so the command ends quietly.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}

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
