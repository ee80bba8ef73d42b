//! Error and not-found pages. Both set the HTTP status while rendering on
//! the server, so a crawler or a script sees the truth, not a 200.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{error::AppError, shell::ui::Intent};

#[cfg(feature = "ssr")]
fn set_status(status: http::StatusCode) {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status);
    }
}

/// Shows the errors an `ErrorBoundary` caught: the first one's message and
/// status. Anything that is not an [`AppError`] is shown as an internal error.
#[component]
pub fn ErrorTemplate(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let first = errors
        .get_untracked()
        .into_iter()
        .next()
        .map(|(_, err)| {
            err.downcast_ref::<AppError>()
                .cloned()
                .unwrap_or(AppError::Request(String::new()))
        })
        .unwrap_or(AppError::NotFound);
    #[cfg(feature = "ssr")]
    set_status(first.status());
    let status = first.status();
    view! {
        <Title text=t!("Something went wrong") />
        <section role="alert" class="max-w-xl rounded-xl border border-rose-200 bg-rose-50 p-6 text-rose-900 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-100">
            <h1 class="text-xl font-semibold">{status_title(status)}</h1>
            <p class="mt-2">{first.to_string()}</p>
            <p class="mt-4"><a href="/" class="font-medium underline">{t!("Back to the start page")}</a></p>
        </section>
    }
}

/// The heading for an error page: what the status means, in words.
fn status_title(status: http::StatusCode) -> &'static str {
    match status.as_u16() {
        401 => t!("Unauthorized"),
        403 => t!("Forbidden"),
        404 => t!("Not Found"),
        409 => t!("Conflict"),
        422 => t!("Unprocessable Entity"),
        429 => t!("Too Many Requests"),
        400 => t!("Bad Request"),
        _ => t!("Internal Server Error"),
    }
}

/// The page for any path the router does not know. Answers 404.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    set_status(http::StatusCode::NOT_FOUND);
    view! {
        <Title text=t!("Page not found") />
        <section class="max-w-xl">
            <p class="text-sm font-semibold text-teal-700 dark:text-teal-300">"404"</p>
            <h1 class="mt-1 text-2xl font-bold tracking-tight">{t!("Page not found")}</h1>
            <p class="mt-3 text-slate-600 dark:text-slate-300">
                {t!("The page you asked for does not exist or has moved. Check the address, or start again from the home page.")}
            </p>
            <p class="mt-6">
                <a href="/" class=Intent::Primary.class()>{t!("Go to the home page")}</a>
            </p>
        </section>
    }
}
