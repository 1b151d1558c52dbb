//! `madoguchi demo --scale N --out PATH [--seed S]`: writes a deterministic demo database.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Result, bail};

use super::context::Context;
use crate::store::Store;
use crate::ui::i18n::Lang;

/// Generates the demo database at `out` (refusing to overwrite an existing file).
pub fn run(ctx: &Context, scale: u32, out: &Path, seed: u64) -> Result<ExitCode> {
    if out.exists() {
        bail!("{} は既にあります / already exists: choose another --out", out.display());
    }
    let started = Instant::now();
    let mut store = Store::open(out, "demo")?;
    let summary = crate::demo::generate(&mut store, &ctx.year, scale, seed)?;
    let secs = started.elapsed().as_secs_f64();
    match ctx.lang {
        Lang::Ja => println!("デモデータを作成しました: {} (規模 {scale}, シード {seed}, {secs:.1}秒)", out.display()),
        Lang::En => println!("demo database written: {} (scale {scale}, seed {seed}, {secs:.1} s)", out.display()),
    }
    println!("{summary}");
    Ok(ExitCode::SUCCESS)
}
