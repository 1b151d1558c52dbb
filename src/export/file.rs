//! Writing an export: files of personal data are created mode 0600 on unix, written to a temporary file
//! beside the target and renamed, so a failed export never leaves half a file.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

/// Writes `bytes` to `path` (replacing it), readable by the owner only on unix.
pub fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    write_with(path, |f| f.write_all(bytes).map_err(Into::into))
}

/// Creates `path` (replacing it) through `fill`, readable by the owner only on unix.
pub fn write_with(path: &Path, fill: impl FnOnce(&mut std::fs::File) -> Result<()>) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".madoguchi-export-")
        .tempfile_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    // tempfile creates its files mode 0600 on unix.
    fill(tmp.as_file_mut())?;
    tmp.as_file_mut().sync_all()?;
    tmp.persist(path).map_err(|e| e.error).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}
