//! Where the renderer prints text unescaped, only the kit may write.
//!
//! tachys 0.2 writes the children of `<textarea>`, `<script>`, `<style>`
//! and `<noscript>` raw, `inner_html` sets markup, and leptos_meta writes a
//! `<Title>`'s text raw into `<title>`. Stored text in any of them becomes
//! markup. This test reads every source file of the crate and fails when
//! one of them appears outside the places that make it safe.

use crate::source_scan::crate_sources;

/// (construct, files allowed to use it, why)
const ALLOWED: &[(&str, &[&str], &str)] = &[
    // The campaign renderer writes whole documents as text, escaping
    // everything it writes (its own tests feed it markup).
    (
        "<textarea",
        &["shell/ui/text_area.rs", "campaigns/render.rs"],
        "write text areas with shell::ui::TextArea",
    ),
    (
        "<script",
        // Tests asserting that no script gets through.
        &[
            "auth/mfa.rs",
            "organisations/logo_image.rs",
            "campaigns/render.rs",
        ],
        "no inline scripts: the CSP and the nonce",
    ),
    (
        "<style",
        &["campaigns/render.rs"],
        "styles come from the stylesheet",
    ),
    ("<noscript", &[], "its children are printed raw"),
    (
        "inner_html",
        // QR codes are SVGs the qrcode crate draws (from a TOTP secret, a
        // certificate's link); they hold no text anybody typed.
        &["shell/ui/qr_code.rs"],
        "inner_html writes markup: render text as text",
    ),
];

#[test]
fn raw_text_elements_are_written_only_by_the_kit() {
    let files: Vec<(String, String)> = crate_sources()
        .into_iter()
        .filter(|(name, _)| name != "shell/ui/raw_text_contexts.rs")
        .collect();
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
    // `<Title text=…>` is printed raw into `<title>`: only literals, or a
    // catalogue text without placeholders (the catalogue holds no markup).
    let mut dynamic = Vec::new();
    for (name, text) in crate_sources() {
        if name == "shell/ui/raw_text_contexts.rs" {
            continue;
        }
        for (at, _) in text.match_indices("<Title ") {
            let rest = &text[at..];
            let tag = &rest[..rest.find("/>").unwrap_or(rest.len())];
            let catalogue_text =
                tag.starts_with("<Title text=t!(\"") && tag.trim_end().ends_with("\")");
            if !(tag.starts_with("<Title text=\"")
                || catalogue_text
                || tag.starts_with("<Title formatter="))
            {
                dynamic.push(format!("{name}: {tag}"));
            }
        }
    }
    assert_eq!(dynamic, Vec::<String>::new());
}
