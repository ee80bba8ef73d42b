//! Trellis, the partner ecosystem portal: pages, components and server
//! functions shared by the server (`ssr`) and the browser (`hydrate`).

#[cfg(feature = "ssr")]
pub mod db;
pub mod error;
pub mod format;
pub mod organisations;
pub mod program;
pub mod shell;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, HashedStylesheet, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

use crate::{
    program::ProgramPage,
    shell::{theme::Theme, AppLayout, LandingPage, NotFound, SignInPage},
};

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let theme = Theme::current();
    view! {
        <!DOCTYPE html>
        <html lang="en" data-theme=theme.as_str()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
                <meta name="description" content="Trellis: the Acme Cloud partner portal for deal registration, co-marketing, training and earnings." />
                <meta name="theme-color" content="#0f766e" media="(prefers-color-scheme: light)" />
                <meta name="theme-color" content="#020617" media="(prefers-color-scheme: dark)" />
                <link rel="manifest" href="/manifest.webmanifest" />
                <link rel="icon" type="image/png" href="/icons/favicon-32.png" />
                <link rel="apple-touch-icon" href="/icons/apple-touch-icon.png" />
                <HashedStylesheet options=options.clone() id="leptos" />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body class="bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
                <App />
            </body>
        </html>
    }
}

/// The application: router, layout and pages. Pages that load data stream
/// in order (`SsrMode::InOrder`) so they are complete without JavaScript.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    #[cfg(feature = "hydrate")]
    Effect::new(|_| register_service_worker());
    view! {
        <Title formatter=|text: String| format!("{text} · Trellis") />
        <Router>
            <AppLayout>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=LandingPage />
                    <Route path=path!("/program") view=ProgramPage ssr=SsrMode::InOrder />
                    <Route path=path!("/signin") view=SignInPage />
                </Routes>
            </AppLayout>
        </Router>
    }
}

/// Installs the service worker that makes Trellis installable and gives it
/// an offline page. Failure only costs those extras, so it is not reported.
#[cfg(feature = "hydrate")]
fn register_service_worker() {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().service_worker().register("/sw.js");
    }
}
