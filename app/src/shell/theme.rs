//! Dark mode: follows the system until the person picks light or dark; the
//! choice is kept in a cookie so the server renders the right theme at once.

use leptos::{ev::SubmitEvent, prelude::*};

use crate::error::AppError;

/// The colour theme the page is drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub const COOKIE: &'static str = "trellis_theme";

    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(value: &str) -> Option<Theme> {
        match value {
            "system" => Some(Theme::System),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::System => t!("System"),
            Theme::Light => t!("Light"),
            Theme::Dark => t!("Dark"),
        }
    }

    /// The toggle cycles system → light → dark → system.
    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    /// The theme named in a `Cookie` request header, or `System`.
    pub fn from_cookie_header(header: &str) -> Theme {
        crate::auth::cookie_value(header, Self::COOKIE)
            .and_then(|value| Theme::parse(&value))
            .unwrap_or_default()
    }

    /// The `Set-Cookie` value that remembers this theme for a year.
    pub fn cookie(self) -> String {
        crate::auth::preference_cookie(Self::COOKIE, self.as_str())
    }

    /// The theme of the page being rendered: from the request cookie on the
    /// server, from the `<html data-theme>` the server wrote in the browser.
    pub fn current() -> Theme {
        #[cfg(feature = "ssr")]
        {
            with_context::<http::request::Parts, _>(|parts| {
                parts
                    .headers
                    .get(http::header::COOKIE)
                    .and_then(|v| v.to_str().ok())
                    .map(Theme::from_cookie_header)
            })
            .flatten()
            .unwrap_or_default()
        }
        #[cfg(not(feature = "ssr"))]
        {
            document()
                .document_element()
                .and_then(|el| el.get_attribute("data-theme"))
                .and_then(|v| Theme::parse(&v))
                .unwrap_or_default()
        }
    }
}

/// Remembers the theme chosen where JavaScript is off (a plain form post).
///
/// Who may call: anyone; it only sets the caller's own theme cookie.
/// Errors: `Validation` for a theme other than system, light or dark.
#[server(endpoint = "set_theme")]
pub async fn set_theme(theme: String) -> Result<(), AppError> {
    let theme = Theme::parse(&theme)
        .ok_or_else(|| AppError::field("theme", t!("Choose system, light or dark.")))?;
    keep_and_go_back(&theme.cookie())
}

/// Answers a preference form posted without JavaScript: sets `cookie`
/// (a `Set-Cookie` value) and sends the browser back to the page the form
/// was on, only its path, never another site.
#[cfg(feature = "ssr")]
pub(super) fn keep_and_go_back(cookie: &str) -> Result<(), AppError> {
    let response = expect_context::<leptos_axum::ResponseOptions>();
    let cookie = http::HeaderValue::from_str(cookie).map_err(AppError::internal)?;
    response.append_header(http::header::SET_COOKIE, cookie);
    let back = with_context::<http::request::Parts, _>(|parts| {
        parts.headers.get(http::header::REFERER).cloned()
    })
    .flatten()
    .and_then(|referer| referer.to_str().ok().map(same_site_path))
    .unwrap_or_else(|| "/".to_owned());
    leptos_axum::redirect(&back);
    Ok(())
}

/// The path (and query) of a referer URL, or `/` when it has none.
#[cfg(any(feature = "ssr", test))]
fn same_site_path(referer: &str) -> String {
    let after_scheme = referer.split_once("://").map_or(referer, |(_, rest)| rest);
    match after_scheme.find('/') {
        Some(i) if !after_scheme[i..].starts_with("//") => after_scheme[i..].to_owned(),
        _ => "/".to_owned(),
    }
}

#[cfg(feature = "hydrate")]
fn apply(theme: Theme) {
    use wasm_bindgen::JsCast;
    let doc = document();
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("data-theme", theme.as_str());
    }
    if let Ok(html) = doc.dyn_into::<web_sys::HtmlDocument>() {
        let _ = html.set_cookie(&theme.cookie());
    }
}

/// The theme switch in the header, an island. With JavaScript it switches
/// at once in the browser; without, it posts to [`set_theme`] and the page
/// reloads.
#[island]
pub fn ThemeToggle() -> impl IntoView {
    let theme = RwSignal::new(Theme::current());
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let next = theme.get_untracked().next();
        theme.set(next);
        #[cfg(feature = "hydrate")]
        apply(next);
    };
    let action = <SetTheme as leptos::server_fn::ServerFn>::PATH;
    view! {
        <form method="post" action=action on:submit=on_submit>
            <input type="hidden" name="theme" value=move || theme.get().next().as_str() />
            <button
                type="submit"
                class="inline-flex items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-teal-600 dark:text-slate-200 dark:hover:bg-slate-800"
                aria-label=move || {
                    let t = theme.get();
                    t!(
                        "Colour theme: {theme}. Switch to {next}",
                        theme = t.label(),
                        next = t.next().label()
                    )
                }
            >
                <svg aria-hidden="true" viewBox="0 0 24 24" class="size-5 fill-none stroke-current stroke-2">
                    <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
                </svg>
                <span class="hidden sm:inline">{move || theme.get().label()}</span>
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycles_through_all_three() {
        assert_eq!(Theme::System.next(), Theme::Light);
        assert_eq!(Theme::Light.next(), Theme::Dark);
        assert_eq!(Theme::Dark.next(), Theme::System);
    }

    #[test]
    fn reads_the_cookie_among_others() {
        assert_eq!(
            Theme::from_cookie_header("a=1; trellis_theme=dark; b=2"),
            Theme::Dark
        );
        assert_eq!(
            Theme::from_cookie_header("trellis_theme=light"),
            Theme::Light
        );
        assert_eq!(
            Theme::from_cookie_header("trellis_theme=purple"),
            Theme::System
        );
        assert_eq!(Theme::from_cookie_header("other_theme=dark"), Theme::System);
        assert_eq!(Theme::from_cookie_header(""), Theme::System);
    }

    #[test]
    fn redirects_only_to_a_path_on_this_site() {
        assert_eq!(same_site_path("http://127.0.0.1:3000/program"), "/program");
        assert_eq!(same_site_path("https://x.example/a/b?c=1"), "/a/b?c=1");
        assert_eq!(same_site_path("https://x.example"), "/");
        assert_eq!(same_site_path("https://x.example//evil.example/x"), "/");
        assert_eq!(same_site_path("garbage"), "/");
    }

    #[test]
    fn cookie_round_trips() {
        for t in [Theme::System, Theme::Light, Theme::Dark] {
            let cookie = t.cookie();
            let pair = cookie.split(';').next().unwrap();
            assert_eq!(Theme::from_cookie_header(pair), t);
        }
    }
}
