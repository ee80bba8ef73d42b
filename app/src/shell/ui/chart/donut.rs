//! The donut chart: shares of a whole as a ring, named in a legend.

use leptos::prelude::*;

use super::geometry::{donut_arcs, num, percent, DONUT_CENTRE, DONUT_RADIUS};
use super::{nothing_yet, plain};
use crate::format::percent_from_bp;

/// The donut's slice colours: (the arc's stroke, the legend swatch).
const PALETTE: [(&str, &str); 6] = [
    (
        "stroke-teal-600 dark:stroke-teal-400",
        "bg-teal-600 dark:bg-teal-400",
    ),
    (
        "stroke-amber-500 dark:stroke-amber-400",
        "bg-amber-500 dark:bg-amber-400",
    ),
    (
        "stroke-sky-600 dark:stroke-sky-400",
        "bg-sky-600 dark:bg-sky-400",
    ),
    (
        "stroke-rose-600 dark:stroke-rose-400",
        "bg-rose-600 dark:bg-rose-400",
    ),
    (
        "stroke-violet-600 dark:stroke-violet-400",
        "bg-violet-600 dark:bg-violet-400",
    ),
    (
        "stroke-slate-500 dark:stroke-slate-400",
        "bg-slate-500 dark:bg-slate-400",
    ),
];

/// Shares of a whole as a ring, with a legend that names each slice, its
/// value and its percentage in words (colour is not the only cue).
#[component]
pub fn DonutChart(
    #[prop(into)] title: String,
    points: Vec<(String, i64)>,
    #[prop(optional)] format: Option<fn(i64) -> String>,
) -> impl IntoView {
    if points.is_empty() {
        return nothing_yet(title);
    }
    let format = format.unwrap_or(plain);
    let values: Vec<i64> = points.iter().map(|(_, value)| *value).collect();
    let total = values
        .iter()
        .fold(0i64, |sum, value| sum.saturating_add((*value).max(0)));
    let colour = |i: usize| PALETTE[i % PALETTE.len()];
    let arcs = donut_arcs(&values)
        .into_iter()
        .enumerate()
        .filter(|(_, d)| !d.is_empty())
        .map(|(i, d)| view! { <path d=d stroke-width="16" class=format!("fill-none {}", colour(i).0) /> })
        .collect_view();
    let legend = points
        .into_iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let share = format!("{} ({})", format(value), percent_from_bp(percent(value, total) * 100));
            view! {
                <li class="flex items-center gap-2">
                    <span aria-hidden="true" class=format!("size-3 shrink-0 rounded-sm {}", colour(i).1)></span>
                    <span class="min-w-0 flex-1">{label}</span>
                    <span class="tabular-nums text-slate-600 dark:text-slate-300">{share}</span>
                </li>
            }
        })
        .collect_view();
    let (c, r) = (num(DONUT_CENTRE), num(DONUT_RADIUS));
    view! {
        <figure>
            <figcaption class="mb-2 text-sm font-semibold">{title}</figcaption>
            <div class="flex flex-wrap items-center gap-4">
                <svg aria-hidden="true" viewBox="0 0 100 100" class="h-auto w-32 shrink-0 sm:w-40">
                    <circle cx=c.clone() cy=c r=r stroke-width="16" class="fill-none stroke-slate-200 dark:stroke-slate-800" />
                    {arcs}
                </svg>
                <ul class="min-w-0 flex-1 space-y-1 text-sm">{legend}</ul>
            </div>
        </figure>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_slice_colour_matches_its_swatch() {
        for (stroke, swatch) in PALETTE {
            let colour = |classes: &str, prefix: &str| {
                classes
                    .split(' ')
                    .find_map(|class| class.strip_prefix(prefix))
                    .map(str::to_owned)
            };
            assert_eq!(colour(stroke, "stroke-"), colour(swatch, "bg-"), "{stroke}");
            assert_eq!(
                colour(stroke, "dark:stroke-"),
                colour(swatch, "dark:bg-"),
                "{stroke}"
            );
        }
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_donut_legend_says_the_shares() {
        let points = vec![
            ("A".to_owned(), 3),
            ("B".to_owned(), 1),
            ("C".to_owned(), 0),
        ];
        let html = view! { <DonutChart title="By tier" points=points /> }.to_html();
        assert!(html.contains("3 (75%)"), "{html}");
        assert!(html.contains("0 (0%)"), "{html}");
        // The zero slice draws no arc (the background ring is a circle).
        assert_eq!(html.matches("<path").count(), 2, "{html}");
    }
}
