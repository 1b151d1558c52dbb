//! `madoguchi demo --scale N --out PATH [--seed S]`: writes a deterministic demo database.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Result, bail};

use super::context::Context;
use super::say;
use crate::store::Store;
use crate::ui::i18n;

/// Generates the demo database at `out` (refusing to overwrite an existing file).
pub fn run(ctx: &Context, scale: u32, out: &Path, seed: u64) -> Result<ExitCode> {
    if out.exists() {
        bail!("{} は既にあります / already exists: choose another --out", out.display());
    }
    let started = Instant::now();
    let mut store = Store::open(out, "demo")?;
    let summary = crate::demo::generate(&mut store, &ctx.year, scale, seed)?;
    let secs = started.elapsed().as_secs_f64();
    let text = i18n::cli(ctx.lang).demo_written;
    say!(
        "{}",
        text.replace("{path}", &out.display().to_string())
            .replace("{scale}", &scale.to_string())
            .replace("{seed}", &seed.to_string())
            .replace("{secs}", &format!("{secs:.1}"))
    );
    say!("{summary}");
    Ok(ExitCode::SUCCESS)
}
