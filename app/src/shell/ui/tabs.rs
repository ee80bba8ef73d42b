//! Tabs between the views of one thing (a deal's details, its history),
//! each a page of its own: links drawn on the server, so they work without
//! JavaScript and each view has its address.

use leptos::prelude::*;

/// The classes of a tab link; the current one is underlined in teal.
pub fn tab_class(current: bool) -> &'static str {
    if current {
        "inline-block whitespace-nowrap border-b-2 border-teal-700 px-3 py-2 text-sm font-semibold text-teal-800 dark:border-teal-400 dark:text-teal-300"
    } else {
        "inline-block whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-300 dark:hover:border-slate-600 dark:hover:text-white"
    }
}

/// A row of tabs: `tabs` are (address, text, whether it is the page
/// shown); `label` names the navigation for screen readers. On a phone
/// the row scrolls sideways.
#[component]
pub fn Tabs(#[prop(into)] label: String, tabs: Vec<(String, String, bool)>) -> impl IntoView {
    let links = tabs
        .into_iter()
        .map(|(href, text, current)| {
            view! {
                <li class="shrink-0">
                    <a href=href aria-current=current.then_some("page") class=tab_class(current)>{text}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav aria-label=label class="mb-6 overflow-x-auto border-b border-slate-200 dark:border-slate-800">
            <ul class="-mb-px flex min-w-max gap-1">{links}</ul>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_current_tab_stands_out() {
        assert_ne!(tab_class(true), tab_class(false));
        assert!(tab_class(true).contains("border-teal-700"));
        assert!(tab_class(false).contains("border-transparent"));
        for current in [true, false] {
            assert!(tab_class(current).contains("whitespace-nowrap"));
        }
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn marks_only_the_current_page() {
        let tabs = vec![
            ("/deals/1".to_owned(), "Details".to_owned(), true),
            ("/deals/1/history".to_owned(), "History".to_owned(), false),
        ];
        let html = view! { <Tabs label="Deal" tabs=tabs /> }.to_html();
        assert_eq!(html.matches(r#"aria-current="page""#).count(), 1, "{html}");
        assert!(html.contains(r#"aria-label="Deal""#), "{html}");
    }
}
