//! Paging through a long list: previous and next links and where one is.
//! Plain links, so paging works without JavaScript.

use std::sync::Arc;

use leptos::prelude::*;

use super::Intent;

/// The address of a page of the list (1-based).
pub type PageHref = Arc<dyn Fn(u32) -> String + Send + Sync>;

/// A [`PageHref`] from a closure (`page_href(move |page| format!(…))`).
pub fn page_href(f: impl Fn(u32) -> String + Send + Sync + 'static) -> PageHref {
    Arc::new(f)
}

/// The pages before and after `page` of `pages`, those that exist. A page
/// out of range counts as the nearest one (0 as the first, past the end as
/// the last).
pub fn window(page: u32, pages: u32) -> (Option<u32>, Option<u32>) {
    if pages <= 1 {
        return (None, None);
    }
    let page = page.clamp(1, pages);
    (
        page.checked_sub(1).filter(|previous| *previous >= 1),
        page.checked_add(1).filter(|next| *next <= pages),
    )
}

/// "Page 2 of 5" between links to the previous and next pages; at either
/// end the missing link is shown greyed out. Nothing when everything fits
/// on one page.
#[component]
pub fn Pagination(
    /// The page shown, from 1.
    page: u32,
    /// How many pages there are.
    pages: u32,
    /// The address of a page.
    href: PageHref,
) -> impl IntoView {
    (pages > 1).then(move || {
        let (previous, next) = window(page, pages);
        let here = page.clamp(1, pages);
        let disabled = "inline-flex items-center justify-center rounded-lg border border-slate-200 px-4 py-2 font-medium text-slate-500 dark:border-slate-800 dark:text-slate-400";
        let previous = match previous {
            Some(p) => view! { <a href=href(p) rel="prev" class=Intent::Secondary.class()>{t!("Previous")}</a> }.into_any(),
            None => view! { <span role="link" aria-disabled="true" class=disabled>{t!("Previous")}</span> }.into_any(),
        };
        let next = match next {
            Some(p) => view! { <a href=href(p) rel="next" class=Intent::Secondary.class()>{t!("Next")}</a> }.into_any(),
            None => view! { <span role="link" aria-disabled="true" class=disabled>{t!("Next")}</span> }.into_any(),
        };
        view! {
            <nav aria-label=t!("Pages") class="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
                {previous}
                <p class="text-slate-600 tabular-nums dark:text-slate-300">
                    {t!("Page {page} of {pages}", page = here, pages = pages)}
                </p>
                {next}
            </nav>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours_exist_only_inside_the_range() {
        assert_eq!(window(1, 1), (None, None));
        assert_eq!(window(1, 0), (None, None));
        assert_eq!(window(1, 5), (None, Some(2)));
        assert_eq!(window(3, 5), (Some(2), Some(4)));
        assert_eq!(window(5, 5), (Some(4), None));
        assert_eq!(window(0, 5), (None, Some(2)));
        assert_eq!(window(9, 5), (Some(4), None));
        assert_eq!(window(u32::MAX, u32::MAX), (Some(u32::MAX - 1), None));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn links_the_neighbours_and_hides_itself_for_one_page() {
        let href = page_href(|page| format!("/deals?page={page}"));
        let html = view! { <Pagination page=2 pages=3 href=href.clone() /> }.to_html();
        assert!(html.contains(r#"href="/deals?page=1""#), "{html}");
        assert!(html.contains(r#"href="/deals?page=3""#), "{html}");
        assert!(html.contains("Page 2 of 3"), "{html}");
        let first = view! { <Pagination page=1 pages=3 href=href.clone() /> }.to_html();
        assert!(
            first.contains(r#"aria-disabled="true""#) && !first.contains("page=0"),
            "{first}"
        );
        let single = view! { <Pagination page=1 pages=1 href=href /> }.to_html();
        assert!(!single.contains("<nav"), "{single}");
    }
}
