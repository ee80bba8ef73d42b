//! Two languages, English and German, on every page and in every email.
//!
//! English text is the key: `t!("Deals")` is "Deals" to an English reader
//! and "Deals" to a German one, looked up at compile time in the
//! catalogue, so a missing German text is a build error, not a blank on
//! screen. Placeholders are named: `t!("{n} unread", n = count)`. Which
//! language a page uses is [`Locale::current`]; an email uses its
//! recipient's stored language: `t!(in locale, "…")`.

mod assets;
mod auth;
mod campaigns;
mod deals;
mod deals_server;
mod funds;
mod kit;
mod learning;
mod locale;
mod misc;
mod onboarding;
mod organisations;
mod people;
mod recruit;
mod routing;
#[cfg(test)]
mod scan;
mod shell;
mod tiers;
mod webhooks;

pub use locale::Locale;

type Pairs = &'static [(&'static str, &'static str)];

/// Every English text and its German, one list per area.
const CATALOGUE: &[Pairs] = &[
    shell::TEXT,
    kit::TEXT,
    auth::TEXT,
    deals::TEXT,
    deals_server::TEXT,
    learning::TEXT,
    assets::TEXT,
    campaigns::TEXT,
    routing::TEXT,
    webhooks::TEXT,
    onboarding::TEXT,
    organisations::TEXT,
    people::TEXT,
    recruit::TEXT,
    tiers::TEXT,
    funds::TEXT,
    misc::TEXT,
];

/// The German for `en`; a compile-time error (through the `const` block of
/// `t!`) when the catalogue has none.
pub const fn german(en: &str) -> &'static str {
    let mut i = 0;
    while i < CATALOGUE.len() {
        let list = CATALOGUE[i];
        let mut j = 0;
        while j < list.len() {
            if same(list[j].0, en) {
                return list[j].1;
            }
            j += 1;
        }
        i += 1;
    }
    panic!("this English text has no German in app/src/i18n: add it to the area's list")
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// `text` with each `{name}` replaced by its value.
pub fn fill(text: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}').and_then(|end| {
            let name = &after[..end];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, value)| (end, *value))
        }) {
            Some((end, value)) => {
                use std::fmt::Write;
                let _ = write!(out, "{value}");
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Text in the reader's language; see the module documentation.
#[macro_export]
macro_rules! t {
    (in $locale:expr, $en:literal) => {
        $crate::i18n::Locale::pick($locale, $en, const { $crate::i18n::german($en) })
    };
    (in $locale:expr, $en:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::fill(
            $crate::t!(in $locale, $en),
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+],
        )
    };
    ($en:literal) => {
        $crate::t!(in $crate::i18n::Locale::current(), $en)
    };
    ($en:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::t!(in $crate::i18n::Locale::current(), $en, $($name = $value),+)
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn every_german_text_has_the_english_placeholders() {
        for (en, de) in CATALOGUE.iter().flat_map(|list| list.iter()) {
            assert_eq!(placeholders(en), placeholders(de), "{en:?} → {de:?}");
            assert!(!de.trim().is_empty(), "{en:?} has an empty German text");
            // Titles print their text raw: no markup in either language.
            assert!(
                !en.contains('<') && !de.contains('<'),
                "{en:?} holds markup"
            );
        }
    }

    #[test]
    fn every_english_text_is_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for (en, _) in CATALOGUE.iter().flat_map(|list| list.iter()) {
            assert!(seen.insert(*en), "{en:?} is listed twice");
        }
    }

    #[test]
    fn picks_by_locale_and_fills_placeholders() {
        assert_eq!(t!(in Locale::En, "Sign out"), "Sign out");
        assert_eq!(t!(in Locale::De, "Sign out"), "Abmelden");
        assert_eq!(
            t!(in Locale::De, "Notifications, {unread} unread", unread = 3),
            "Benachrichtigungen, 3 ungelesen"
        );
        assert_eq!(fill("{a} and {b}", &[("a", &1), ("b", &"x")]), "1 and x");
        assert_eq!(fill("keeps {unknown} and {", &[]), "keeps {unknown} and {");
    }

    #[test]
    fn outside_a_request_the_language_is_english() {
        assert_eq!(Locale::current(), Locale::En);
        assert_eq!(t!("Sign out"), "Sign out");
    }
}
