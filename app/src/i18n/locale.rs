//! Which language a reader gets: their choice (a cookie, and their person
//! record once signed in), else what their browser asks for, else English.

use serde::{Deserialize, Serialize};

/// A language Trellis is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    En,
    De,
}

impl Locale {
    pub const COOKIE: &'static str = "trellis_lang";
    pub const ALL: [Locale; 2] = [Locale::En, Locale::De];

    /// The BCP 47 tag, as in `<html lang>` and the `people.locale` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::De => "de",
        }
    }

    /// A stored or posted tag; a region (`de-AT`) is accepted and ignored.
    pub fn parse(tag: &str) -> Option<Locale> {
        let language = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match language.as_str() {
            "en" => Some(Locale::En),
            "de" => Some(Locale::De),
            _ => None,
        }
    }

    /// The language's own name, for the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::De => "Deutsch",
        }
    }

    /// The other language, which the header switch offers.
    pub fn other(self) -> Locale {
        match self {
            Locale::En => Locale::De,
            Locale::De => Locale::En,
        }
    }

    /// `en` in English, `de` in German: what `t!` expands to.
    pub fn pick(self, en: &'static str, de: &'static str) -> &'static str {
        match self {
            Locale::En => en,
            Locale::De => de,
        }
    }

    /// The best supported language of an `Accept-Language` header: highest
    /// weight first, the earlier one on a tie; `None` when none is ours.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(Locale, u16)> = None;
        for item in header.split(',') {
            let mut parts = item.split(';');
            let Some(locale) = parts.next().and_then(Locale::parse) else {
                continue;
            };
            let weight = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(1000, |q| {
                    q.trim()
                        .parse::<f32>()
                        .map_or(0, |q| (q.clamp(0.0, 1.0) * 1000.0) as u16)
                });
            if weight > 0 && best.is_none_or(|(_, w)| weight > w) {
                best = Some((locale, weight));
            }
        }
        best.map(|(locale, _)| locale)
    }

    /// The language for a request: the cookie, else `Accept-Language`,
    /// else English.
    pub fn from_headers(cookie: Option<&str>, accept_language: Option<&str>) -> Locale {
        cookie
            .and_then(|header| crate::auth::cookie_value(header, Self::COOKIE))
            .and_then(|value| Locale::parse(&value))
            .or_else(|| accept_language.and_then(Locale::from_accept_language))
            .unwrap_or_default()
    }

    /// The `Set-Cookie` value that remembers this language for a year.
    pub fn cookie(self) -> String {
        crate::auth::preference_cookie(Self::COOKIE, self.as_str())
    }

    /// The language of the page or request being served. On the server: the
    /// one the app decided for this page, else the request's headers (in a
    /// server function), else English (tests, jobs). In the browser: the
    /// `<html lang>` the server wrote.
    pub fn current() -> Locale {
        if let Some(locale) = leptos::prelude::use_context::<Locale>() {
            return locale;
        }
        #[cfg(feature = "ssr")]
        {
            leptos::prelude::with_context::<http::request::Parts, _>(|parts| {
                Locale::of_request(&parts.headers)
            })
            .unwrap_or_default()
        }
        #[cfg(not(feature = "ssr"))]
        {
            browser_locale()
        }
    }

    /// The language a request asks for, from its headers.
    #[cfg(feature = "ssr")]
    pub fn of_request(headers: &http::HeaderMap) -> Locale {
        let header = |name| {
            headers
                .get(name)
                .and_then(|v: &http::HeaderValue| v.to_str().ok())
        };
        Locale::from_headers(
            header(http::header::COOKIE),
            header(http::header::ACCEPT_LANGUAGE),
        )
    }
}

#[cfg(not(feature = "ssr"))]
fn browser_locale() -> Locale {
    thread_local! {
        static LOCALE: Locale = leptos::prelude::document()
            .document_element()
            .and_then(|el| el.get_attribute("lang"))
            .and_then(|tag| Locale::parse(&tag))
            .unwrap_or_default();
    }
    LOCALE.with(|locale| *locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tags_with_and_without_region() {
        assert_eq!(Locale::parse("de"), Some(Locale::De));
        assert_eq!(Locale::parse("de-AT"), Some(Locale::De));
        assert_eq!(Locale::parse("EN_gb"), Some(Locale::En));
        assert_eq!(Locale::parse("fr"), None);
        assert_eq!(Locale::parse(""), None);
        for locale in Locale::ALL {
            assert_eq!(Locale::parse(locale.as_str()), Some(locale));
        }
    }

    #[test]
    fn accept_language_picks_the_heaviest_supported() {
        assert_eq!(
            Locale::from_accept_language("de-DE,de;q=0.9,en;q=0.8"),
            Some(Locale::De)
        );
        assert_eq!(
            Locale::from_accept_language("fr-FR, en;q=0.5, de;q=0.7"),
            Some(Locale::De)
        );
        assert_eq!(
            Locale::from_accept_language("en-US,de;q=0.9"),
            Some(Locale::En)
        );
        assert_eq!(
            Locale::from_accept_language("de;q=0, en;q=0.1"),
            Some(Locale::En)
        );
        assert_eq!(Locale::from_accept_language("fr, it"), None);
        assert_eq!(Locale::from_accept_language(""), None);
    }

    #[test]
    fn the_cookie_wins_over_the_browser() {
        assert_eq!(
            Locale::from_headers(Some("a=1; trellis_lang=en"), Some("de-DE")),
            Locale::En
        );
        assert_eq!(
            Locale::from_headers(Some("trellis_lang=xx"), Some("de")),
            Locale::De
        );
        assert_eq!(Locale::from_headers(None, None), Locale::En);
        for locale in Locale::ALL {
            let cookie = locale.cookie();
            let pair = cookie.split(';').next().unwrap();
            assert_eq!(Locale::from_headers(Some(pair), Some("fr")), locale);
        }
    }
}
