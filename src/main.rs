//! The `madoguchi` binary: parse the command line and hand over to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = madoguchi::cli::Cli::parse();
    match madoguchi::commands::run(cli) {
        Ok(code) => code,
        // `madoguchi demo ... | head -1`: the reader took what it wanted.
        Err(e) if madoguchi::commands::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("madoguchi: {e:#}");
            ExitCode::from(2)
        }
    }
}
