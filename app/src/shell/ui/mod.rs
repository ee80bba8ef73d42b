//! The UI kit: the building blocks pages are made of, so pages compose
//! them instead of pasting class strings. Every text area is written by
//! [`TextArea`]; a test (`raw_text_contexts`) keeps it so.

mod async_section;
mod badge;
mod button;
mod chart;
mod dialog;
mod field;
mod markdown;
mod pagination;
mod progress;
mod qr_code;
mod stat;
mod table;
mod tabs;
mod text_area;

use leptos::prelude::*;

/// The classes of a link inside a page's text.
pub fn link_class() -> &'static str {
    "font-medium text-teal-800 underline dark:text-teal-300"
}

pub use async_section::{AsyncSection, Skeleton};
pub use badge::{Badge, Tone};
pub use button::{Button, ButtonRow, Intent};
pub use chart::{BarChart, DonutChart, LineChart, Sparkline};
pub use dialog::Dialog;
pub use field::{options, CheckboxGroup, ChoiceTile, Field, MaybeText, SelectField};
pub use markdown::Markdown;
pub use pagination::{page_href, PageHref, Pagination};
pub use progress::ProgressBar;
pub use qr_code::QrCode;
pub use stat::Stat;
pub use table::{cell_class, sort_href, sort_key, Column, SortDir, SortHref, Table};
pub use tabs::Tabs;
pub use text_area::{escape_text, TextArea};

/// A titled part of a page: a landmark named by its heading, in a card.
/// `span`: its grid classes (`lg:col-span-3`).
#[component]
pub fn Panel(
    /// The heading's id (unique on the page).
    id: &'static str,
    #[prop(into)] title: String,
    #[prop(optional)] span: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <section aria-labelledby=id class=span>
            <crate::shell::Card>
                <h2 id=id class="mb-2 font-semibold">{title}</h2>
                {children()}
            </crate::shell::Card>
        </section>
    }
}

/// The classes of a text input, select or text area.
pub fn input_class() -> &'static str {
    "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-teal-600 focus:outline-2 focus:outline-teal-600 dark:border-slate-700 dark:bg-slate-900"
}

/// The summary of the last error `action` answered, if any: shown above
/// its form after a submission without JavaScript (the redirect back
/// carries it).
pub fn last_error<A>(action: ServerAction<A>) -> Option<String>
where
    A: leptos::server_fn::ServerFn<Error = crate::error::AppError> + Clone + Send + Sync + 'static,
    A::Output: Clone + Send + Sync + 'static,
{
    action
        .value()
        .get_untracked()
        .and_then(Result::err)
        .map(|e| e.summary())
}

/// What a form's last submission answered, read once when the form is
/// drawn (after a submission without JavaScript too): whether it
/// succeeded, the error's summary for above the form, and each field's
/// message for beside it.
#[derive(Clone, Copy)]
pub struct FormResult {
    error: StoredValue<Option<crate::error::AppError>>,
    pub succeeded: bool,
}

impl FormResult {
    pub fn of<A>(action: ServerAction<A>) -> FormResult
    where
        A: leptos::server_fn::ServerFn<Error = crate::error::AppError>
            + Clone
            + Send
            + Sync
            + 'static,
        A::Output: Clone + Send + Sync + 'static,
    {
        let last = action.value().get_untracked();
        FormResult {
            succeeded: matches!(last, Some(Ok(_))),
            error: StoredValue::new(last.and_then(Result::err)),
        }
    }

    /// The error's summary, for [`form_error`].
    pub fn summary(&self) -> Option<String> {
        self.error
            .with_value(|e| e.as_ref().map(crate::error::AppError::summary))
    }

    /// The message for field `name`, if the error names it.
    pub fn message(&self, name: &str) -> Option<String> {
        self.error.with_value(|e| {
            e.as_ref()
                .and_then(|e| e.message_for(name))
                .map(str::to_owned)
        })
    }
}

/// A form error, announced to screen readers.
pub fn form_error(message: Option<String>) -> impl IntoView {
    message.map(|message| {
        view! {
            <p role="alert" class="rounded-lg border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100">
                {message}
            </p>
        }
    })
}

#[cfg(test)]
mod raw_text_contexts;
