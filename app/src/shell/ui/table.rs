//! Data tables: a caption, column headers that sort by following a link
//! (no JavaScript), the rows a page writes, and a sentence when there are
//! none. On a phone the table scrolls sideways inside its frame.

mod sort;

use leptos::prelude::*;

pub use sort::{sort_href, sort_key, Column, SortDir, SortHref};

/// The classes of a body cell in a column (`numeric`: right-aligned).
pub fn cell_class(numeric: bool) -> &'static str {
    if numeric {
        "whitespace-nowrap px-3 py-2 text-right tabular-nums"
    } else {
        "px-3 py-2"
    }
}

/// A table. `children` are the body's `<tr>` rows (`row_count` of them;
/// with none, `empty` is shown instead). `sorted` is the column the rows
/// are sorted by; a sortable header links to `sort_href(key, way)`: the
/// other way for the sorted column, ascending for the others.
#[component]
pub fn Table(
    #[prop(into)] caption: String,
    /// Show the caption (otherwise it is read by screen readers only).
    #[prop(optional)]
    caption_visible: bool,
    columns: Vec<Column>,
    #[prop(optional_no_strip)] sorted: Option<(&'static str, SortDir)>,
    #[prop(optional)] sort_href: Option<SortHref>,
    #[prop(into)] empty: String,
    row_count: usize,
    children: Children,
) -> impl IntoView {
    let span = columns.len().max(1);
    let headers = columns
        .into_iter()
        .map(|column| header(column, sorted, sort_href.as_ref()))
        .collect_view();
    let body = if row_count == 0 {
        view! {
            <tr>
                <td colspan=span class="px-3 py-6 text-center text-slate-600 dark:text-slate-300">{empty}</td>
            </tr>
        }
        .into_any()
    } else {
        children().into_any()
    };
    let caption_class = if caption_visible {
        "px-3 py-2 text-left font-semibold"
    } else {
        "sr-only"
    };
    let region_label = caption.clone();
    view! {
        <div
            role="region"
            aria-label=region_label
            tabindex="0"
            class="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-teal-700 dark:border-slate-800 dark:bg-slate-900"
        >
            <table class="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800">
                <caption class=caption_class>{caption}</caption>
                <thead class="bg-slate-50 dark:bg-slate-950">
                    <tr>{headers}</tr>
                </thead>
                <tbody class="divide-y divide-slate-200 dark:divide-slate-800">{body}</tbody>
            </table>
        </div>
    }
}

/// One column header: a link when it sorts, with `aria-sort` when the
/// rows are sorted by it.
fn header(
    column: Column,
    sorted: Option<(&'static str, SortDir)>,
    href: Option<&SortHref>,
) -> impl IntoView {
    let current = sorted
        .filter(|(key, _)| column.sort == Some(*key))
        .map(|(_, dir)| dir);
    let class = format!(
        "whitespace-nowrap px-3 py-2 font-semibold text-slate-700 dark:text-slate-200 {}",
        if column.numeric {
            "text-right"
        } else {
            "text-left"
        }
    );
    let label = column.label;
    let content = match (column.sort, href) {
        (Some(key), Some(href)) => {
            let next = current.map_or(SortDir::Asc, SortDir::flip);
            let (arrow, hint) = match current {
                Some(SortDir::Asc) => ("↑", Some(t!("sorted ascending"))),
                Some(SortDir::Desc) => ("↓", Some(t!("sorted descending"))),
                None => ("↕", None),
            };
            view! {
                <a href=href(key, next) class="inline-flex items-center gap-1 text-teal-800 underline-offset-2 hover:underline dark:text-teal-300">
                    {label}
                    <span aria-hidden="true" class="text-slate-500 dark:text-slate-400">{arrow}</span>
                    {hint.map(|hint| view! { <span class="sr-only">{format!(", {hint}")}</span> })}
                </a>
            }
            .into_any()
        }
        _ => label.into_any(),
    };
    view! {
        <th scope="col" aria-sort=current.map(SortDir::aria) class=class>{content}</th>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_align_right() {
        assert!(cell_class(true).contains("text-right"));
        assert!(!cell_class(false).contains("text-right"));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_sorted_header_says_so_and_links_the_other_way() {
        let columns = vec![
            Column::new("Customer").sortable("customer"),
            Column::new("Value").sortable("value"),
        ];
        let href = sort_href(|key, dir| format!("/deals?sort={key}&dir={}", dir.as_str()));
        let html = view! {
            <Table caption="Deals" columns=columns sorted=Some(("value", SortDir::Asc)) sort_href=href empty="None" row_count=0>
                <tr><td>"never shown"</td></tr>
            </Table>
        }
        .to_html();
        assert_eq!(html.matches("aria-sort=").count(), 1, "{html}");
        assert!(html.contains(r#"aria-sort="ascending""#), "{html}");
        assert!(html.contains("/deals?sort=value&amp;dir=desc"), "{html}");
        assert!(html.contains("/deals?sort=customer&amp;dir=asc"), "{html}");
        assert!(html.contains("sorted ascending"), "{html}");
        assert!(
            html.contains(r#"colspan="2""#) && !html.contains("never shown"),
            "{html}"
        );
    }
}
