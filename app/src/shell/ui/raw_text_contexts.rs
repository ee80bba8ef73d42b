//! Where the renderer prints text unescaped, only the kit may write.
//!
//! tachys 0.2 writes the children of `<textarea>`, `<script>`, `<style>`
//! and `<noscript>` raw, `inner_html` sets markup, and leptos_meta writes a
//! `<Title>`'s text raw into `<title>`. Stored text in any of them becomes
//! markup. This test reads every source file of the crate and fails when
//! one of them appears outside the places that make it safe.

use std::path::{Path, PathBuf};

/// (construct, files allowed to use it, why)
const ALLOWED: &[(&str, &[&str], &str)] = &[
    (
        "<textarea",
        &["shell/ui/text_area.rs"],
        "write text areas with shell::ui::TextArea",
    ),
    (
        "<script",
        // Tests asserting that no script gets through.
        &["auth/mfa.rs", "organisations/logo_image.rs"],
        "no inline scripts: the CSP and the nonce",
    ),
    ("<style", &[], "styles come from the stylesheet"),
    ("<noscript", &[], "its children are printed raw"),
    (
        "inner_html",
        // The QR code is an SVG the qrcode crate draws from the TOTP
        // secret; it holds no text anybody typed.
        &["auth/two_step.rs"],
        "inner_html writes markup: render text as text",
    ),
];

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

/// The crate's source files, as (path under src/, text), this file left out.
fn crate_sources() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    files
        .into_iter()
        .map(|path| {
            let name = path
                .strip_prefix(&root)
                .expect("under src/")
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&path).expect("a readable source file");
            (name, text)
        })
        .filter(|(name, _)| name != "shell/ui/raw_text_contexts.rs")
        .collect()
}

#[test]
fn raw_text_elements_are_written_only_by_the_kit() {
    let files = crate_sources();
    assert!(files.len() > 40, "found only {} source files", files.len());
    let mut misuse = Vec::new();
    for (name, text) in &files {
        for (construct, allowed, why) in ALLOWED {
            if text.contains(construct) && !allowed.contains(&name.as_str()) {
                misuse.push(format!("{name}: {construct} ({why})"));
            }
        }
    }
    assert_eq!(misuse, Vec::<String>::new());
}

#[test]
fn page_titles_are_fixed_words() {
    // `<Title text=…>` is printed raw into `<title>`: only literals.
    let mut dynamic = Vec::new();
    for (name, text) in crate_sources() {
        for (at, _) in text.match_indices("<Title ") {
            let rest = &text[at..];
            let tag = &rest[..rest.find("/>").unwrap_or(rest.len())];
            if !(tag.starts_with("<Title text=\"") || tag.starts_with("<Title formatter=")) {
                dynamic.push(format!("{name}: {tag}"));
            }
        }
    }
    assert_eq!(dynamic, Vec::<String>::new());
}
