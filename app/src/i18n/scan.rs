//! Checks over the crate's source: every catalogue entry is used, and the
//! text nodes and readable attributes of views go through `t!`.

use super::CATALOGUE;
use crate::source_scan::{crate_sources, server_sources};

/// The value of the Rust string literal starting at `text[0] == '"'`, or
/// `None` when `text` does not start with one.
fn literal(text: &str) -> Option<String> {
    let mut chars = text.strip_prefix('"')?.chars().peekable();
    let mut out = String::new();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                '\n' => while chars.next_if(|c| c.is_whitespace()).is_some() {},
                'u' => {
                    let code: String = chars.by_ref().skip(1).take_while(|c| *c != '}').collect();
                    out.push(char::from_u32(u32::from_str_radix(&code, 16).ok()?)?);
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

/// The English keys of every `t!` call in the crate and the server.
fn keys_used() -> Vec<String> {
    let mut keys = Vec::new();
    for (file, text) in crate_sources().into_iter().chain(server_sources()) {
        if file.starts_with("i18n/") && file != "i18n/mod.rs" {
            continue;
        }
        let mut rest = text.as_str();
        while let Some(at) = rest.find("t!(") {
            let before = rest[..at].chars().next_back();
            rest = &rest[at + 3..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let mut call = rest.trim_start();
            if let Some(after_in) = call.strip_prefix("in ") {
                call = after_in.split_once(',').map_or("", |(_, r)| r).trim_start();
            }
            if let Some(key) = literal(call) {
                keys.push(key);
            }
        }
    }
    keys
}

#[test]
fn every_catalogue_entry_is_used() {
    let used: std::collections::HashSet<String> = keys_used().into_iter().collect();
    let unused: Vec<&str> = CATALOGUE
        .iter()
        .flat_map(|list| list.iter())
        .map(|(en, _)| *en)
        .filter(|en| !used.contains(*en))
        .collect();
    assert!(
        unused.is_empty(),
        "catalogue entries no t! uses: {unused:#?}"
    );
}

#[test]
fn reads_literals_as_rust_does() {
    assert_eq!(literal(r#""a \"b\"\n""#).as_deref(), Some("a \"b\"\n"));
    assert_eq!(literal("\"one \\\n     two\"").as_deref(), Some("one two"));
    assert_eq!(literal(r#""\u{a0}%""#).as_deref(), Some("\u{a0}%"));
    assert_eq!(literal("no"), None);
}

/// Words a view may show as they are, in every language.
const SAME_IN_EVERY_LANGUAGE: [&str; 2] = ["Trellis", "Acme Cloud"];

/// Whether `text` reads as words (two letters in a row), so it needs `t!`.
fn is_prose(text: &str) -> bool {
    let letters: Vec<char> = text.chars().collect();
    letters
        .windows(2)
        .any(|w| w[0].is_alphabetic() && w[1].is_alphabetic())
        && !SAME_IN_EVERY_LANGUAGE.contains(&text.trim())
}

/// Untranslated text in a view: a text node written as a literal, or an
/// attribute people read given a literal.
fn untranslated(line: &str) -> Option<String> {
    let trimmed = line.trim();
    if let Some(text) = literal(trimmed).filter(|t| trimmed.len() == t.len() + 2) {
        return is_prose(&text).then_some(text);
    }
    let mut rest = trimmed;
    while let Some(at) = rest.find(">\"") {
        rest = &rest[at + 1..];
        if let Some(text) = literal(rest) {
            if rest[text.len() + 2..].starts_with('<') && is_prose(&text) {
                return Some(text);
            }
        }
    }
    for attribute in ["placeholder=", "aria-label=", "title=", "alt=", "text="] {
        let mut rest = trimmed;
        while let Some(at) = rest.find(attribute) {
            rest = &rest[at + attribute.len()..];
            if let Some(text) = literal(rest).filter(|t| is_prose(t)) {
                return Some(text);
            }
        }
    }
    None
}

/// The byte ranges of `text` inside `view! { … }` blocks (braces in
/// string literals do not count).
fn view_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find("view! {") {
        let open = from + at + "view! ".len();
        let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
        let mut close = text.len();
        for (i, c) in text[open..].char_indices() {
            match (in_string, c) {
                (true, _) if escaped => escaped = false,
                (true, '\\') => escaped = true,
                (true, '"') => in_string = false,
                (true, _) => {}
                (false, '"') => in_string = true,
                (false, '{') => depth += 1,
                (false, '}') => {
                    depth -= 1;
                    if depth == 0 {
                        close = open + i;
                        break;
                    }
                }
                _ => {}
            }
        }
        ranges.push(open..close);
        from = close.max(open + 1);
    }
    ranges
}

#[test]
fn views_show_text_only_through_t() {
    let mut found = Vec::new();
    for (file, text) in crate_sources() {
        if file.starts_with("i18n/") {
            continue;
        }
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let ranges = view_ranges(code);
        let mut offset = 0;
        for (n, line) in code.lines().enumerate() {
            if ranges.iter().any(|r| r.contains(&offset)) {
                if let Some(text) = untranslated(line) {
                    found.push(format!("{file}:{}: {text}", n + 1));
                }
            }
            offset += line.len() + 1;
        }
    }
    assert!(
        found.is_empty(),
        "view text without t!:\n{}",
        found.join("\n")
    );
}

#[test]
fn finds_untranslated_view_text() {
    assert_eq!(
        untranslated(r#"    "Sign out""#).as_deref(),
        Some("Sign out")
    );
    assert_eq!(
        untranslated(r#"<h1 class="x">"Deals"</h1>"#).as_deref(),
        Some("Deals")
    );
    assert_eq!(
        untranslated(r#"<input placeholder="Search" />"#).as_deref(),
        Some("Search")
    );
    assert_eq!(untranslated(r#"<h1>{t!("Deals")}</h1>"#), None);
    assert_eq!(
        untranslated(r#"<span class="size-5 rounded">"·"</span>"#),
        None
    );
    assert_eq!(untranslated(r#"<span>"Trellis"</span>"#), None);
    assert_eq!(untranslated(r#"<input placeholder=t!("Search") />"#), None);
}
