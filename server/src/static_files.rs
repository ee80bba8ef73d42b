//! The site's files (`/pkg/…`, icons, manifest, offline page), read once at
//! start-up and served from memory, with the brotli or gzip copy the build
//! made when the browser takes it. Anything not found here goes on to
//! Leptos's handler (its 404 page).

use std::{
    collections::HashMap,
    path::{Path, PathBuf},
};

use axum::{
    body::{Body, Bytes},
    http::{header, HeaderMap, HeaderValue, Method, StatusCode},
    response::Response,
};

/// One file, as built and as precompressed.
struct StaticFile {
    content_type: HeaderValue,
    identity: Bytes,
    brotli: Option<Bytes>,
    gzip: Option<Bytes>,
}

/// Every file under the site root, by URL path.
#[derive(Default)]
pub struct StaticFiles {
    files: HashMap<String, StaticFile>,
}

impl StaticFiles {
    /// Reads every file under `site_root` (a missing folder gives none).
    pub fn load(site_root: &Path) -> StaticFiles {
        let mut paths = Vec::new();
        collect(site_root, &mut paths);
        let mut files = HashMap::new();
        for path in paths {
            let name = path.to_string_lossy();
            if name.ends_with(".br") || name.ends_with(".gz") {
                continue;
            }
            let Ok(identity) = std::fs::read(&path) else {
                continue;
            };
            let Ok(relative) = path.strip_prefix(site_root) else {
                continue;
            };
            let url = format!("/{}", relative.to_string_lossy().replace('\\', "/"));
            let sibling = |ext: &str| std::fs::read(format!("{name}.{ext}")).ok().map(Bytes::from);
            files.insert(
                url,
                StaticFile {
                    content_type: HeaderValue::from_static(content_type(&path)),
                    identity: Bytes::from(identity),
                    brotli: sibling("br"),
                    gzip: sibling("gz"),
                },
            );
        }
        StaticFiles { files }
    }

    /// The response for `path`, if it is one of the files.
    pub fn respond(&self, method: &Method, path: &str, headers: &HeaderMap) -> Option<Response> {
        if method != Method::GET && method != Method::HEAD {
            return None;
        }
        let file = self.files.get(path)?;
        let accepts = |coding: &str| {
            headers
                .get_all(header::ACCEPT_ENCODING)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .any(|item| {
                    let mut parts = item.split(';');
                    parts.next().is_some_and(|c| c.trim() == coding)
                        && !parts
                            .any(|p| matches!(p.trim(), "q=0" | "q=0.0" | "q=0.00" | "q=0.000"))
                })
        };
        let (body, encoding) = match (&file.brotli, &file.gzip) {
            (Some(br), _) if accepts("br") => (br.clone(), Some("br")),
            (_, Some(gz)) if accepts("gzip") => (gz.clone(), Some("gzip")),
            _ => (file.identity.clone(), None),
        };
        let mut response = Response::builder()
            .status(StatusCode::OK)
            .header(header::CONTENT_TYPE, file.content_type.clone())
            .header(header::CONTENT_LENGTH, body.len())
            .header(header::VARY, "accept-encoding");
        if let Some(encoding) = encoding {
            response = response.header(header::CONTENT_ENCODING, encoding);
        }
        let body = if method == Method::HEAD {
            Body::empty()
        } else {
            Body::from(body)
        };
        response.body(body).ok()
    }
}

fn collect(dir: &Path, into: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, into);
        } else {
            into.push(path);
        }
    }
}

fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "js" => "text/javascript",
        "wasm" => "application/wasm",
        "css" => "text/css",
        "html" => "text/html; charset=utf-8",
        "webmanifest" => "application/manifest+json",
        "json" => "application/json",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "txt" | "ts" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(site.path().join("pkg")).unwrap();
        std::fs::write(site.path().join("pkg/app.css"), "body{}").unwrap();
        std::fs::write(site.path().join("pkg/app.css.br"), "BR").unwrap();
        std::fs::write(site.path().join("pkg/app.css.gz"), "GZ").unwrap();
        std::fs::write(site.path().join("offline.html"), "<p>offline</p>").unwrap();
        site
    }

    fn ask(files: &StaticFiles, method: Method, path: &str, accept: &str) -> Option<Response> {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(accept).unwrap(),
        );
        files.respond(&method, path, &headers)
    }

    #[test]
    fn the_best_encoding_the_browser_takes_is_served() {
        let site = site();
        let files = StaticFiles::load(site.path());
        let encoding = |accept: &str| {
            let res = ask(&files, Method::GET, "/pkg/app.css", accept).unwrap();
            assert_eq!(res.headers()[header::CONTENT_TYPE], "text/css");
            res.headers()
                .get(header::CONTENT_ENCODING)
                .map(|v| v.to_str().unwrap().to_owned())
        };
        assert_eq!(encoding("gzip, deflate, br").as_deref(), Some("br"));
        assert_eq!(encoding("gzip").as_deref(), Some("gzip"));
        assert_eq!(encoding("br;q=0, gzip").as_deref(), Some("gzip"));
        assert_eq!(encoding("identity"), None);
        // Without a compressed copy, the file as built.
        let res = ask(&files, Method::GET, "/offline.html", "br").unwrap();
        assert!(res.headers().get(header::CONTENT_ENCODING).is_none());
    }

    #[test]
    fn only_files_and_only_reads_are_answered() {
        let site = site();
        let files = StaticFiles::load(site.path());
        assert!(ask(&files, Method::GET, "/pkg/app.css.br", "br").is_none());
        assert!(ask(&files, Method::GET, "/pkg/missing.js", "br").is_none());
        assert!(ask(&files, Method::GET, "/pkg", "br").is_none());
        assert!(ask(&files, Method::POST, "/pkg/app.css", "br").is_none());
        let head = ask(&files, Method::HEAD, "/pkg/app.css", "").unwrap();
        assert_eq!(head.headers()[header::CONTENT_LENGTH], "6");
    }
}
