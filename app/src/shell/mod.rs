//! The frame every page sits in: layout, navigation, theme, errors, and the
//! few shared building blocks pages are made of.

mod errors;
pub mod language;
mod layout;
pub mod live;
mod pages;
pub mod theme;
pub mod ui;
mod viewer;

pub use errors::{ErrorTemplate, NotFound};
pub use layout::AppLayout;
pub use pages::LandingPage;
pub use viewer::{RequireViewer, Unread, ViewerContext};

use leptos::prelude::*;

/// A bordered panel.
#[component]
pub fn Card(children: Children) -> impl IntoView {
    view! {
        <div class="h-full rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900">
            {children()}
        </div>
    }
}

/// A page's heading and a sentence about it.
#[component]
pub fn PageHeader(#[prop(into)] title: String, #[prop(into)] lead: String) -> impl IntoView {
    view! {
        <header class="mb-8">
            <h1 class="text-2xl font-bold tracking-tight sm:text-3xl">{title}</h1>
            <p class="mt-2 max-w-2xl text-slate-600 dark:text-slate-300">{lead}</p>
        </header>
    }
}
