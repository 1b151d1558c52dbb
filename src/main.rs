//! The `madoguchi` binary: parse the command line and hand over to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = madoguchi::cli::Cli::parse();
    match madoguchi::commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("madoguchi: {e:#}");
            ExitCode::from(2)
        }
    }
}
