//! Buttons: one look per intent, so a page says what a button does, not
//! how it is drawn.

use leptos::prelude::*;

/// What a button does, which decides how it looks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Intent {
    /// The action the form is for.
    #[default]
    Primary,
    /// Another way out of the same form.
    Secondary,
    /// Undoing or refusing something.
    Danger,
    /// A quiet action that reads like a link.
    Link,
}

impl Intent {
    /// The classes of a button (or a link drawn as one) with this intent.
    pub fn class(self) -> &'static str {
        match self {
            Intent::Primary => "inline-flex items-center justify-center rounded-lg bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700 disabled:opacity-60",
            Intent::Secondary => "inline-flex items-center justify-center rounded-lg border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800",
            Intent::Danger => "inline-flex items-center justify-center rounded-lg border border-rose-300 px-4 py-2 font-medium text-rose-800 hover:bg-rose-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-700 disabled:opacity-60 dark:border-rose-800 dark:text-rose-200 dark:hover:bg-rose-950",
            Intent::Link => "font-medium text-teal-800 underline hover:text-teal-900 disabled:opacity-60 dark:text-teal-300 dark:hover:text-teal-200",
        }
    }
}

/// A submit button. With `name` and `value`, the form says which of its
/// buttons was pressed (approve / reject), with JavaScript or without.
#[component]
pub fn Button(
    #[prop(optional)] intent: Intent,
    #[prop(optional, into)] name: Option<&'static str>,
    #[prop(optional, into)] value: Option<&'static str>,
    #[prop(optional, into)] disabled: Signal<bool>,
    /// Classes added to the intent's (spacing, width).
    #[prop(optional)]
    extra: &'static str,
    children: Children,
) -> impl IntoView {
    let class = if extra.is_empty() {
        intent.class().to_owned()
    } else {
        format!("{} {extra}", intent.class())
    };
    view! {
        <button type="submit" name=name value=value class=class disabled=move || disabled.get()>
            {children()}
        </button>
    }
}

/// Buttons side by side, wrapping on a phone.
#[component]
pub fn ButtonRow(children: Children) -> impl IntoView {
    view! { <div class="mt-3 flex flex-wrap gap-2">{children()}</div> }
}
