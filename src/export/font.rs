//! The Japanese font embedded in PDFs: the configured file (`[export] pdf_font`), or a system font found by
//! family in the usual font directories — IPAexGothic (Debian: fonts-ipaexfont), Noto Sans CJK JP
//! (fonts-noto-cjk), on Windows Yu Gothic or MS Gothic.

use std::path::{Path, PathBuf};

/// A font file to embed: its path and the face to use in a collection (.ttc).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FontFile {
    /// The family, for messages.
    pub family: String,
    /// The file.
    pub path: PathBuf,
    /// Face index inside a collection.
    pub index: u32,
}

/// The families tried, in order, with the file names they are installed under and the face index of the
/// Japanese face.
const FAMILIES: &[(&str, &[(&str, u32)])] = &[
    ("IPAexGothic", &[("ipaexg.ttf", 0)]),
    (
        "Noto Sans CJK JP",
        &[("NotoSansCJK-Regular.ttc", 0), ("NotoSansCJKjp-Regular.otf", 0), ("NotoSansJP-Regular.otf", 0)],
    ),
    ("IPAGothic", &[("ipag.ttf", 0)]),
    ("Yu Gothic", &[("YuGothM.ttc", 0), ("YuGothR.ttc", 0)]),
    ("MS Gothic", &[("msgothic.ttc", 0)]),
];

/// The directories searched (recursively), in order.
fn font_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    let home = std::env::var_os("HOME").map(PathBuf::from);
    if cfg!(windows) {
        if let Some(windir) = std::env::var_os("WINDIR") {
            dirs.push(PathBuf::from(windir).join("Fonts"));
        }
        dirs.push(PathBuf::from(r"C:\Windows\Fonts"));
        if let Some(local) = std::env::var_os("LOCALAPPDATA") {
            dirs.push(PathBuf::from(local).join(r"Microsoft\Windows\Fonts"));
        }
    } else if cfg!(target_os = "macos") {
        dirs.extend(["/System/Library/Fonts", "/Library/Fonts"].map(PathBuf::from));
        dirs.extend(home.iter().map(|h| h.join("Library/Fonts")));
    } else {
        if let Some(data) = std::env::var_os("XDG_DATA_HOME") {
            dirs.push(PathBuf::from(data).join("fonts"));
        }
        dirs.extend(home.iter().flat_map(|h| [h.join(".local/share/fonts"), h.join(".fonts")]));
        dirs.extend(["/usr/local/share/fonts", "/usr/share/fonts"].map(PathBuf::from));
    }
    dirs
}

/// The configured font, or the first family found; Err lists the families looked for.
pub fn find(configured: Option<&Path>) -> Result<FontFile, String> {
    if let Some(path) = configured {
        return Ok(FontFile { family: path.display().to_string(), path: path.to_path_buf(), index: 0 });
    }
    let dirs = font_dirs();
    for (family, files) in FAMILIES {
        for (name, index) in *files {
            if let Some(path) = dirs.iter().find_map(|d| find_file(d, name, 4)) {
                return Ok(FontFile { family: family.to_string(), path, index: *index });
            }
        }
    }
    Err(FAMILIES.iter().map(|(f, _)| *f).collect::<Vec<_>>().join(", "))
}

/// Finds a file named `name` (case-insensitive) under `dir`, at most `depth` levels down.
fn find_file(dir: &Path, name: &str, depth: u32) -> Option<PathBuf> {
    let entries = std::fs::read_dir(dir).ok()?;
    let mut subdirs = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            subdirs.push(path);
        } else if entry.file_name().to_string_lossy().eq_ignore_ascii_case(name) {
            return Some(path);
        }
    }
    if depth == 0 {
        return None;
    }
    subdirs.sort();
    subdirs.iter().find_map(|d| find_file(d, name, depth - 1))
}
