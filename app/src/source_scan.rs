//! For tests that read the crate's own source: rules about how code is
//! written (where raw-text elements and tenant scoping may appear) are
//! checked over every file, so new files are held to them too.

use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a readable source folder") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The crate's source files, as (path under src/, text).
pub fn crate_sources() -> Vec<(String, String)> {
    sources_under(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
}

/// The server binary's source files, as (`server/` + path under its src/,
/// text): rules about the app's own code hold there too.
pub fn server_sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../server/src");
    sources_under(&root)
        .into_iter()
        .map(|(name, text)| (format!("server/{name}"), text))
        .collect()
}

fn sources_under(root: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    sources(root, &mut files);
    files
        .into_iter()
        .map(|path| {
            let name = path
                .strip_prefix(root)
                .expect("under src/")
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&path).expect("a readable source file");
            (name, text)
        })
        .collect()
}
