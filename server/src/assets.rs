//! The built assets (content-hashed by cargo-leptos) and the service worker
//! that precaches them.

use std::path::{Path, PathBuf};

use leptos::prelude::LeptosOptions;

/// Static files every install precaches, besides the hashed bundle.
const STATIC_PRECACHE: &[&str] = &[
    "/offline.html",
    "/manifest.webmanifest",
    "/icons/icon-192.png",
    "/icons/favicon-32.png",
];

const TEMPLATE: &str = include_str!("sw.js");

/// The bundle's file names under the site root, e.g. `/pkg/trellis.<hash>.js`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bundle {
    pub js: String,
    pub wasm: String,
    pub css: String,
}

impl Bundle {
    /// Reads cargo-leptos's `hash.txt` (`js: <hash>` lines) for the names.
    pub fn from_hashes(options: &LeptosOptions, hashes: &str) -> Bundle {
        let hash = |kind: &str| {
            hashes.lines().find_map(|line| {
                let (k, v) = line.split_once(':')?;
                (k.trim() == kind).then(|| format!(".{}", v.trim()))
            })
        };
        let name = &options.output_name;
        let pkg = &options.site_pkg_dir;
        Bundle {
            js: format!("/{pkg}/{name}{}.js", hash("js").unwrap_or_default()),
            wasm: format!("/{pkg}/{name}{}.wasm", hash("wasm").unwrap_or_default()),
            css: format!("/{pkg}/{name}{}.css", hash("css").unwrap_or_default()),
        }
    }

    /// The bundle of the running binary: `hash.txt` sits beside it.
    pub fn of_running_binary(options: &LeptosOptions) -> Option<Bundle> {
        if !options.hash_files {
            return None;
        }
        let path = std::env::current_exe()
            .ok()?
            .parent()?
            .join(options.hash_file.as_ref());
        let hashes = std::fs::read_to_string(path).ok()?;
        Some(Bundle::from_hashes(options, &hashes))
    }

    pub fn files(&self) -> [&str; 3] {
        [&self.js, &self.wasm, &self.css]
    }
}

/// The generated `/sw.js`.
#[derive(Debug, Clone)]
pub struct ServiceWorker {
    pub precache: Vec<String>,
    pub script: String,
}

impl ServiceWorker {
    pub fn build(options: &LeptosOptions) -> ServiceWorker {
        let bundle = Bundle::of_running_binary(options);
        Self::for_bundle(Path::new(options.site_root.as_ref()), bundle.as_ref())
    }

    /// Precaches only files that exist: a missing one would make the whole
    /// install fail in the browser.
    pub fn for_bundle(site_root: &Path, bundle: Option<&Bundle>) -> ServiceWorker {
        let bundle_files = bundle.map(|b| b.files().to_vec()).unwrap_or_default();
        let precache: Vec<String> = STATIC_PRECACHE
            .iter()
            .copied()
            .chain(bundle_files)
            .filter(|url| on_disk(site_root, url).is_file())
            .map(str::to_owned)
            .collect();
        let list = serde_json::to_string(&precache).expect("a list of strings serialises");
        let version = format!(
            "{:016x}",
            fnv1a(list.as_bytes()) ^ fnv1a(TEMPLATE.as_bytes())
        );
        let script = TEMPLATE
            .replace("__VERSION__", &version)
            .replace("__PRECACHE__", &list);
        ServiceWorker { precache, script }
    }
}

fn on_disk(site_root: &Path, url: &str) -> PathBuf {
    site_root.join(url.trim_start_matches('/'))
}

/// A small stable hash, enough to tell one precache list from another.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> LeptosOptions {
        LeptosOptions::builder()
            .output_name("trellis")
            .site_root("target/site")
            .site_pkg_dir("pkg")
            .build()
    }

    #[test]
    fn names_come_from_the_hash_file() {
        let bundle = Bundle::from_hashes(&options(), "js: aaa\nwasm: bbb\ncss: ccc\n");
        assert_eq!(bundle.js, "/pkg/trellis.aaa.js");
        assert_eq!(bundle.wasm, "/pkg/trellis.bbb.wasm");
        assert_eq!(bundle.css, "/pkg/trellis.ccc.css");
    }

    #[test]
    fn precaches_existing_files_only_and_versions_by_content() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("pkg")).unwrap();
        std::fs::write(dir.path().join("offline.html"), "offline").unwrap();
        std::fs::write(dir.path().join("pkg/trellis.aaa.js"), "js").unwrap();
        let bundle = Bundle::from_hashes(&options(), "js: aaa\nwasm: bbb\ncss: ccc\n");
        let sw = ServiceWorker::for_bundle(dir.path(), Some(&bundle));
        assert_eq!(sw.precache, vec!["/offline.html", "/pkg/trellis.aaa.js"]);
        assert!(sw
            .script
            .contains(r#"["/offline.html","/pkg/trellis.aaa.js"]"#));
        assert!(!sw.script.contains("__PRECACHE__"));
        assert!(!sw.script.contains("__VERSION__"));

        std::fs::write(dir.path().join("pkg/trellis.ddd.js"), "js2").unwrap();
        let next = Bundle::from_hashes(&options(), "js: ddd\nwasm: bbb\ncss: ccc\n");
        let updated = ServiceWorker::for_bundle(dir.path(), Some(&next));
        assert_ne!(
            sw.script, updated.script,
            "a new bundle must change the worker"
        );
    }
}
