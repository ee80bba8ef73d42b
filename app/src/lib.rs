//! Trellis, the partner ecosystem portal: pages, components and server
//! functions shared by the server (`ssr`) and the browser (`hydrate`).

#[macro_use]
pub mod i18n;
pub mod assets;
pub mod audit;
pub mod auth;
pub mod campaigns;
#[cfg(feature = "ssr")]
pub mod db;
pub mod deals;
#[cfg(feature = "ssr")]
pub mod demo;
pub mod email;
pub mod error;
pub mod format;
pub mod funds;
pub mod incentives;
pub mod learning;
pub mod notifications;
pub mod onboarding;
pub mod organisations;
pub mod people;
pub mod program;
#[cfg(feature = "ssr")]
pub mod qr;
pub mod recruit;
pub mod shell;
#[cfg(test)]
mod source_scan;
pub mod tiers;
pub mod values;
pub mod webhooks;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

use crate::{
    audit::AuditLogPage,
    auth::pages::{
        HomePage, SessionsPage, SettingsPage, SignInPage, TwoStepPage, VerifySignInPage,
    },
    deals::{DealPage, DealsPage, DirectAccountsPage, NewDealPage, ReviewPage, RulesPage},
    email::OutboxPage,
    organisations::OrganisationPage,
    people::{InvitationPage, PasswordResetPage, PasswordResetRequestPage},
    program::ProgramPage,
    shell::{theme::Theme, AppLayout, LandingPage, NotFound, ViewerContext},
};

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    set_content_security_policy();
    let theme = Theme::current();
    let locale = i18n::Locale::current();
    view! {
        <!DOCTYPE html>
        <html lang=locale.as_str() data-theme=theme.as_str()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
                <meta name="description" content=t!("Trellis: the Acme Cloud partner portal for deal registration, co-marketing, training and earnings.") />
                <meta name="theme-color" content="#0f766e" media="(prefers-color-scheme: light)" />
                <meta name="theme-color" content="#020617" media="(prefers-color-scheme: dark)" />
                <link rel="manifest" href="/manifest.webmanifest" />
                <link rel="icon" type="image/png" href="/icons/favicon-32.png" />
                <link rel="apple-touch-icon" href="/icons/apple-touch-icon.png" />
                <link id="leptos" rel="stylesheet" href=stylesheet_href(&options) />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body class="bg-slate-50 text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
                <App />
            </body>
        </html>
    }
}

/// The built stylesheet's address, with the content hash cargo-leptos
/// wrote to its hash file beside the binary; worked out on the first page
/// and kept (leptos_meta's `HashedStylesheet` reads the file on every page,
/// which took 3.5% of a page's time under load).
fn stylesheet_href(options: &LeptosOptions) -> &'static str {
    static HREF: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HREF.get_or_init(|| {
        let hashes = options
            .hash_files
            .then(|| std::env::current_exe().ok())
            .flatten()
            .and_then(|exe| std::fs::read_to_string(exe.with_file_name(&*options.hash_file)).ok())
            .unwrap_or_default();
        let hash = hashes.lines().find_map(|line| {
            let (file, hash) = line.split_once(':')?;
            (file.trim() == "css").then(|| hash.trim().to_owned())
        });
        let name = match hash {
            Some(hash) => format!("{}.{hash}.css", options.output_name),
            None => format!("{}.css", options.output_name),
        };
        format!("/{}/{name}", options.site_pkg_dir)
    })
}

/// Scripts run only from this site, and inline ones only with this
/// response's nonce (leptos adds it to its hydration and streaming scripts);
/// wasm may compile; no plugins, no `<base>`, no framing.
#[cfg(feature = "ssr")]
fn set_content_security_policy() {
    let (Some(nonce), Some(response)) =
        (use_nonce(), use_context::<leptos_axum::ResponseOptions>())
    else {
        return;
    };
    // The campaign preview draws a whole email or landing page, with its
    // own stylesheet and the template's images, in a sandboxed frame
    // (no scripts), which inherits this policy.
    let preview = use_context::<http::request::Parts>()
        .is_some_and(|parts| parts.uri.path().starts_with("/campaigns/templates/"));
    let (style, img) = if preview {
        ("'self' 'unsafe-inline'", "'self' data: https:")
    } else {
        ("'self'", "'self' data:")
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src {style}; img-src {img}; connect-src 'self'; worker-src 'self'; \
         manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
         frame-ancestors 'none'"
    );
    if let Ok(value) = http::HeaderValue::from_str(&policy) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
    // Links the browser may fetch before they are clicked (no inline
    // script: the rules are a file of this site, see server/src/lib.rs).
    response.insert_header(
        http::HeaderName::from_static("speculation-rules"),
        http::HeaderValue::from_static("\"/speculation-rules.json\""),
    );
}

/// The application: router, layout and pages, rendered on the server. Only
/// `#[island]` components (the interactive parts) are hydrated in the
/// browser, so the wasm stays small however many pages there are, and every
/// page works without JavaScript. Pages stream in order (`SsrMode::InOrder`:
/// complete without JavaScript). Who is signed in is known before rendering
/// starts, so sign-in redirects happen before the first byte. Errors found
/// while data streams in show the error page but cannot change the status
/// any more. (`SsrMode::Async` would allow that, but about one render in a
/// hundred never finished with it under leptos 0.8.23.)
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(i18n::Locale::current());
    ViewerContext::provide();
    view! {
        <ServiceWorker />
        <Title formatter=|text: String| format!("{text} · Trellis") />
        <Router>
            <AppLayout>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=LandingPage ssr=SsrMode::InOrder />
                    <Route path=path!("/program") view=ProgramPage ssr=SsrMode::InOrder />
                    <Route path=path!("/program/tiers") view=tiers::TiersPage ssr=SsrMode::InOrder />
                    <Route path=path!("/program/tracks") view=onboarding::TracksPage ssr=SsrMode::InOrder />
                    <Route path=path!("/apply") view=recruit::ApplyPage ssr=SsrMode::InOrder />
                    <Route path=path!("/assets") view=assets::AssetsPage ssr=SsrMode::InOrder />
                    <Route path=path!("/assets/new") view=assets::NewAssetPage ssr=SsrMode::InOrder />
                    <Route path=path!("/assets/:id") view=assets::AssetPage ssr=SsrMode::InOrder />
                    <Route path=path!("/help") view=assets::HelpPage ssr=SsrMode::InOrder />
                    <Route path=path!("/campaigns") view=campaigns::CampaignsPage ssr=SsrMode::InOrder />
                    <Route path=path!("/campaigns/templates/:id") view=campaigns::LaunchPage ssr=SsrMode::InOrder />
                    <Route path=path!("/campaigns/templates/:id/edit") view=campaigns::TemplateEditPage ssr=SsrMode::InOrder />
                    <Route path=path!("/campaigns/streams") view=campaigns::StreamsPage ssr=SsrMode::InOrder />
                    <Route path=path!("/campaigns/:id") view=campaigns::CampaignPage ssr=SsrMode::InOrder />
                    <Route path=path!("/campaigns/:id/send") view=campaigns::SendEmailPage ssr=SsrMode::InOrder />
                    <Route path=path!("/campaigns/sends/:id") view=campaigns::SendDraftPage ssr=SsrMode::InOrder />
                    <Route path=path!("/leads") view=campaigns::LeadsPage ssr=SsrMode::InOrder />
                    <Route path=path!("/funds") view=funds::FundsPage ssr=SsrMode::InOrder />
                    <Route path=path!("/funds/requests/:id") view=funds::FundRequestPage ssr=SsrMode::InOrder />
                    <Route path=path!("/earnings") view=incentives::EarningsPage ssr=SsrMode::InOrder />
                    <Route path=path!("/help/faq") view=assets::FaqPage ssr=SsrMode::InOrder />
                    <Route path=path!("/learn") view=learning::LearnPage ssr=SsrMode::InOrder />
                    <Route path=path!("/learn/team") view=learning::TeamPage ssr=SsrMode::InOrder />
                    <Route path=path!("/learn/team/:id") view=learning::TeamPage ssr=SsrMode::InOrder />
                    <Route path=path!("/learn/program") view=learning::LearningProgramPage ssr=SsrMode::InOrder />
                    <Route path=path!("/learn/authoring") view=learning::AuthoringPage ssr=SsrMode::InOrder />
                    <Route path=path!("/learn/attempts/:id") view=learning::AttemptPage ssr=SsrMode::InOrder />
                    <Route path=path!("/learn/certificates/:id") view=learning::CertificatePage ssr=SsrMode::InOrder />
                    <Route path=path!("/verify/:id") view=learning::VerifyPage ssr=SsrMode::InOrder />
                    <Route path=path!("/learn/:course") view=learning::CoursePage ssr=SsrMode::InOrder />
                    <Route path=path!("/learn/:course/quiz") view=learning::QuizPage ssr=SsrMode::InOrder />
                    <Route path=path!("/learn/:course/edit") view=learning::CourseEditPage ssr=SsrMode::InOrder />
                    <Route path=path!("/learn/:course/lessons/:n") view=learning::LessonPage ssr=SsrMode::InOrder />
                    <Route path=path!("/onboarding") view=onboarding::OnboardingPage ssr=SsrMode::InOrder />
                    <Route path=path!("/agreement") view=onboarding::AgreementPage ssr=SsrMode::InOrder />
                    <Route path=path!("/agreement/signed/:id") view=onboarding::SignedAgreementPage ssr=SsrMode::InOrder />
                    <Route path=path!("/welcome") view=onboarding::WelcomePage ssr=SsrMode::InOrder />
                    <Route path=path!("/apply/thanks") view=recruit::AppliedPage ssr=SsrMode::InOrder />
                    <Route path=path!("/applications") view=recruit::ApplicationsPage ssr=SsrMode::InOrder />
                    <Route path=path!("/applications/:id") view=recruit::ApplicationPage ssr=SsrMode::InOrder />
                    <Route path=path!("/signin") view=SignInPage ssr=SsrMode::InOrder />
                    <Route path=path!("/signin/verify") view=VerifySignInPage ssr=SsrMode::InOrder />
                    <Route path=path!("/home") view=HomePage ssr=SsrMode::InOrder />
                    <Route path=path!("/account/two-step") view=TwoStepPage ssr=SsrMode::InOrder />
                    <Route path=path!("/admin/settings") view=SettingsPage ssr=SsrMode::InOrder />
                    <Route path=path!("/deals") view=DealsPage ssr=SsrMode::InOrder />
                    <Route path=path!("/deals/new") view=NewDealPage ssr=SsrMode::InOrder />
                    <Route path=path!("/deals/review") view=ReviewPage ssr=SsrMode::InOrder />
                    <Route path=path!("/deals/accounts") view=DirectAccountsPage ssr=SsrMode::InOrder />
                    <Route path=path!("/deals/rules") view=RulesPage ssr=SsrMode::InOrder />
                    <Route path=path!("/notifications") view=notifications::NotificationsPage ssr=SsrMode::InOrder />
                    <Route path=path!("/deals/:id") view=DealPage ssr=SsrMode::InOrder />
                    <Route path=path!("/organisations/:id") view=OrganisationPage ssr=SsrMode::InOrder />
                    <Route path=path!("/organisations/:id/audit") view=AuditLogPage ssr=SsrMode::InOrder />
                    <Route path=path!("/account/sessions") view=SessionsPage ssr=SsrMode::InOrder />
                    <Route path=path!("/invitation/:token") view=InvitationPage ssr=SsrMode::InOrder />
                    <Route path=path!("/password-reset") view=PasswordResetRequestPage ssr=SsrMode::InOrder />
                    <Route path=path!("/password-reset/:token") view=PasswordResetPage ssr=SsrMode::InOrder />
                    <Route path=path!("/admin/outbox") view=OutboxPage ssr=SsrMode::InOrder />
                    <Route path=path!("/webhooks") view=webhooks::WebhooksPage ssr=SsrMode::InOrder />
                    <Route path=path!("/admin/audit") view=AuditLogPage ssr=SsrMode::InOrder />
                </Routes>
            </AppLayout>
        </Router>
    }
}

/// Installs the service worker that makes Trellis installable and gives it
/// an offline page. Renders nothing; failure only costs those extras, so it
/// is not reported.
#[island]
fn ServiceWorker() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    Effect::new(|_| {
        if let Some(window) = web_sys::window() {
            let _ = window.navigator().service_worker().register("/sw.js");
        }
    });
}

/// Hydrates every island on the page. Called by the `frontend` entry point;
/// it lives here, beside the islands, so that linking it keeps their
/// hydration functions in the wasm.
#[cfg(feature = "hydrate")]
pub fn hydrate_islands() {
    leptos::mount::hydrate_islands();
}
