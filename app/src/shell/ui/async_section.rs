//! Data that arrives after the page starts: one wrapper for the wait (a
//! skeleton, not a blank), the errors and the content, so pages do not
//! paste Transition and ErrorBoundary each time.

use leptos::prelude::*;

use crate::shell::ErrorTemplate;

/// Shows `children` (which read resources) once they are ready, keeping
/// what was shown while new data loads, and the error page's message when
/// loading fails.
#[component]
pub fn AsyncSection(children: Children) -> impl IntoView {
    view! {
        <Transition fallback=Skeleton>
            <ErrorBoundary fallback=|errors| view! { <ErrorTemplate errors /> }>
                {children()}
            </ErrorBoundary>
        </Transition>
    }
}

/// What stands in for content still loading: a few grey bars, and words
/// for screen readers.
#[component]
pub fn Skeleton() -> impl IntoView {
    view! {
        <div role="status" class="flex animate-pulse flex-col gap-3">
            <span class="sr-only">{t!("Loading…")}</span>
            <div class="h-4 w-2/3 rounded bg-slate-200 dark:bg-slate-800"></div>
            <div class="h-4 w-1/2 rounded bg-slate-200 dark:bg-slate-800"></div>
            <div class="h-4 w-3/4 rounded bg-slate-200 dark:bg-slate-800"></div>
        </div>
    }
}
