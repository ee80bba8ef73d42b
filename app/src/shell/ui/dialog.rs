//! A modal dialog without JavaScript: a native `<dialog>` that buttons
//! open and close with HTML invoker commands (`commandfor` and `command`).
//! Escape and a click on the backdrop close it too.

use leptos::prelude::*;

use super::Intent;

/// The classes of the dialog box. Tailwind's reset takes away the
/// browser's `margin: auto` that centres a modal, so `m-auto` puts it back.
const BOX: &str = "m-auto w-[calc(100%-2rem)] max-w-lg rounded-xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100";

/// A button (`trigger`, drawn as `intent`) that opens a modal dialog
/// titled `title` holding `children`, typically a form. `id` is the
/// dialog's id, unique on the page; its title's is `{id}-title`.
#[component]
pub fn Dialog(
    id: &'static str,
    #[prop(into)] trigger: String,
    #[prop(into)] title: String,
    #[prop(optional)] intent: Intent,
    children: Children,
) -> impl IntoView {
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    view! {
        <button type="button" commandfor=id command="show-modal" class=intent.class()>
            {trigger}
        </button>
        <dialog id=id aria-labelledby=labelled_by closedby="any" class=BOX>
            <div class="mb-4 flex items-start justify-between gap-4">
                <h2 id=title_id class="text-lg font-semibold">{title}</h2>
                <button
                    type="button"
                    commandfor=id
                    command="close"
                    class="-m-1 rounded-lg p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-teal-700 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-white"
                >
                    <svg aria-hidden="true" viewBox="0 0 24 24" class="size-5 fill-none stroke-current stroke-2">
                        <path d="M6 6l12 12M18 6L6 18" />
                    </svg>
                    <span class="sr-only">{t!("Close")}</span>
                </button>
            </div>
            {children()}
        </dialog>
    }
}

#[cfg(test)]
mod tests {
    #[cfg(feature = "ssr")]
    use super::*;

    #[cfg(feature = "ssr")]
    #[test]
    fn buttons_open_and_close_it_by_command() {
        let html = view! {
            <Dialog id="withdraw" trigger="Withdraw" title="Withdraw this deal?">
                <p>"Body"</p>
            </Dialog>
        }
        .to_html();
        assert!(html.contains(r#"commandfor="withdraw""#), "{html}");
        assert!(html.contains(r#"command="show-modal""#), "{html}");
        assert!(html.contains(r#"command="close""#), "{html}");
        assert!(
            html.contains(r#"aria-labelledby="withdraw-title""#),
            "{html}"
        );
        assert!(html.contains(r#"id="withdraw-title""#), "{html}");
        assert!(!html.contains("<dialog open"), "{html}");
    }
}
