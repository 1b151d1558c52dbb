//! Where files live (XDG on Linux, Known Folders on Windows, via `directories`) and private file creation.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use directories::ProjectDirs;

/// The directories madoguchi uses.
#[derive(Debug, Clone)]
pub struct Dirs {
    /// Configuration (`config.toml`, extra fiscal-year files).
    pub config: PathBuf,
    /// Data (the default database).
    pub data: PathBuf,
    /// State (logs).
    pub state: PathBuf,
    /// Cache (benchmark databases).
    pub cache: PathBuf,
}

impl Dirs {
    /// The platform's directories for madoguchi.
    pub fn discover() -> Result<Dirs> {
        let p = ProjectDirs::from("jp", "kumashoko", "madoguchi")
            .context("cannot determine the home directory (set HOME or use --db and --config)")?;
        Ok(Dirs {
            config: p.config_dir().to_path_buf(),
            data: p.data_dir().to_path_buf(),
            state: p.state_dir().unwrap_or_else(|| p.data_local_dir()).to_path_buf(),
            cache: p.cache_dir().to_path_buf(),
        })
    }

    /// The default database file.
    pub fn default_db(&self) -> PathBuf {
        self.data.join("madoguchi.db")
    }

    /// The default configuration file.
    pub fn default_config(&self) -> PathBuf {
        self.config.join("config.toml")
    }

    /// The directory of the log files.
    pub fn logs(&self) -> PathBuf {
        self.state.join("logs")
    }
}

/// Creates a directory (and its parents) readable only by the user (0700 on Unix).
pub fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.as_os_str().is_empty() || dir.is_dir() {
        return Ok(());
    }
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir).with_context(|| format!("cannot create the directory {}", dir.display()))
}

/// Creates `path` if missing, empty and readable only by the user (0600 on Unix), in a private directory.
pub fn create_private_file(path: &Path) -> Result<()> {
    if let Some(parent) = path.parent() {
        create_private_dir(parent)?;
    }
    if path.exists() {
        return Ok(());
    }
    let mut o = fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    match o.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e).with_context(|| format!("cannot create {}", path.display())),
    }
}
