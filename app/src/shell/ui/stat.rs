//! Key figures as tiles: a label, a big number, a line about it, and its
//! recent trend.

use leptos::prelude::*;

use super::chart::Sparkline;

const TILE: &str = "block h-full rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900";

const LINK: &str = "hover:border-teal-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700 dark:hover:border-teal-400";

/// A figure tile. With `href`, the whole tile is a link (to the list the
/// figure counts); with `trend`, a sparkline of recent values sits under
/// the figure.
#[component]
pub fn Stat(
    #[prop(into)] label: String,
    /// The figure, formatted.
    #[prop(into)]
    value: String,
    #[prop(optional, into)] detail: Option<String>,
    #[prop(optional, into)] href: Option<String>,
    /// Recent values, oldest first.
    #[prop(optional)]
    trend: Option<Vec<i64>>,
) -> impl IntoView {
    let trend = trend.filter(|values| !values.is_empty()).map(|values| {
        let label = t!("{label}, trend", label = label);
        view! {
            <div class="mt-3">
                <Sparkline values=values label=label />
            </div>
        }
    });
    let body = view! {
        <span class="block text-sm font-medium text-slate-600 dark:text-slate-300">{label}</span>
        <span class="mt-1 block text-3xl font-semibold tracking-tight tabular-nums">{value}</span>
        {detail.map(|detail| view! {
            <span class="mt-1 block text-sm text-slate-600 dark:text-slate-300">{detail}</span>
        })}
        {trend}
    };
    match href {
        Some(href) => view! { <a href=href class=format!("{TILE} {LINK}")>{body}</a> }.into_any(),
        None => view! { <div class=TILE>{body}</div> }.into_any(),
    }
}

#[cfg(test)]
mod tests {
    #[cfg(feature = "ssr")]
    use super::*;

    #[cfg(feature = "ssr")]
    #[test]
    fn the_whole_tile_links_when_given_an_address() {
        let html =
            view! { <Stat label="Open deals" value="12" href="/deals" trend=vec![1, 4, 2] /> }
                .to_html();
        assert!(
            html.contains("<a ") && html.contains(r#"href="/deals""#),
            "{html}"
        );
        assert!(html.contains("Open deals, trend"), "{html}");
        assert!(html.contains("<polyline"), "{html}");
        let plain = view! { <Stat label="Open deals" value="12" /> }.to_html();
        assert!(!plain.contains("<a") && !plain.contains("<svg"), "{plain}");
    }
}
