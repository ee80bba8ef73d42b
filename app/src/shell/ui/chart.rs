//! Charts drawn on the server as SVG, without JavaScript or inline styles:
//! colours are classes (with dark variants), in a fixed view box that
//! scales. Screen readers skip the drawing and get the numbers as text: a
//! table only they see, or the donut's visible legend.

mod donut;
mod geometry;

use leptos::prelude::*;

use crate::format::count;
pub use donut::DonutChart;
use geometry::{area_points, bar_rects, label_step, line_points, num, top, xs};

/// The bar and line charts' view box: the plot from `TOP` down
/// `PLOT_HEIGHT`, the labels under it.
const VIEW_BOX: &str = "0 0 320 160";
const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 160.0;
const TOP: f64 = 16.0;
const PLOT_HEIGHT: f64 = 120.0;

/// The classes of the labels inside a chart.
const LABEL: &str = "fill-slate-600 text-[10px] dark:fill-slate-300";

/// How a value is written when the page gives no `format`: a count in
/// the reader's language ("12,500" / "12.500").
fn plain(value: i64) -> String {
    count(value)
}

/// What a chart without points shows: its title and "Nothing yet."
fn nothing_yet(title: String) -> AnyView {
    view! {
        <div>
            <p class="mb-2 text-sm font-semibold">{title}</p>
            <p class="text-sm text-slate-600 dark:text-slate-300">{t!("Nothing yet.")}</p>
        </div>
    }
    .into_any()
}

/// The visible title; screen readers read it as the table's caption.
fn heading(title: &str) -> impl IntoView {
    view! { <p aria-hidden="true" class="mb-2 text-sm font-semibold">{title.to_owned()}</p> }
}

/// The chart's numbers as a table only screen readers see.
fn data_table(title: String, points: &[(String, i64)], format: fn(i64) -> String) -> impl IntoView {
    let rows = points
        .iter()
        .map(|(label, value)| view! { <tr><th scope="row">{label.clone()}</th><td>{format(*value)}</td></tr> })
        .collect_view();
    view! {
        <table class="sr-only">
            <caption>{title}</caption>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// A dashed line at the top of the plot with the largest value, and the
/// baseline.
fn guides(largest: String) -> impl IntoView {
    let (top_y, base_y, width) = (num(TOP), num(TOP + PLOT_HEIGHT), num(WIDTH));
    view! {
        <line x1="0" x2=width.clone() y1=top_y.clone() y2=top_y stroke-dasharray="4 4" class="stroke-slate-200 dark:stroke-slate-700" />
        <text x="0" y=num(TOP - 5.0) class=LABEL>{largest}</text>
        <line x1="0" x2=width y1=base_y.clone() y2=base_y class="stroke-slate-300 dark:stroke-slate-600" />
    }
}

/// Bars of `points` (label, value), labels under them, the largest value
/// at the top; `format` writes values (a plain count when not given).
#[component]
pub fn BarChart(
    #[prop(into)] title: String,
    points: Vec<(String, i64)>,
    #[prop(optional)] format: Option<fn(i64) -> String>,
) -> impl IntoView {
    if points.is_empty() {
        return nothing_yet(title);
    }
    let format = format.unwrap_or(plain);
    let values: Vec<i64> = points.iter().map(|(_, value)| *value).collect();
    let slot = WIDTH / values.len() as f64;
    let gap = (slot * 0.25).max(slot - 48.0);
    let step = label_step(values.len(), longest_label(&points));
    let bars = bar_rects(&values, WIDTH, PLOT_HEIGHT, gap)
        .into_iter()
        .zip(&points)
        .enumerate()
        .map(|(i, ((x, y, w, h), (label, _)))| {
            let label = (i % step == 0).then(|| view! {
                <text x=num(x + w / 2.0) y=num(HEIGHT - 6.0) text-anchor="middle" class=LABEL>{label.clone()}</text>
            });
            view! {
                <rect x=num(x) y=num(TOP + y) width=num(w) height=num(h) rx="2" class="fill-teal-600 dark:fill-teal-400" />
                {label}
            }
        })
        .collect_view();
    view! {
        <div>
            {heading(&title)}
            <svg aria-hidden="true" viewBox=VIEW_BOX class="h-auto w-full overflow-visible">
                {guides(format(top(&values)))}
                {bars}
            </svg>
            {data_table(title, &points, format)}
        </div>
    }
    .into_any()
}

/// The length of the longest of `points`' labels, in characters.
fn longest_label(points: &[(String, i64)]) -> usize {
    points
        .iter()
        .map(|(label, _)| label.chars().count())
        .max()
        .unwrap_or(0)
}

/// A line through `points` over a shaded area, labels under it; props as
/// [`BarChart`]'s.
#[component]
pub fn LineChart(
    #[prop(into)] title: String,
    points: Vec<(String, i64)>,
    #[prop(optional)] format: Option<fn(i64) -> String>,
) -> impl IntoView {
    if points.is_empty() {
        return nothing_yet(title);
    }
    let format = format.unwrap_or(plain);
    let values: Vec<i64> = points.iter().map(|(_, value)| *value).collect();
    let n = values.len();
    let step = label_step(n, longest_label(&points));
    let labels = xs(n, WIDTH)
        .into_iter()
        .zip(&points)
        .enumerate()
        .filter(|(i, _)| i % step == 0)
        .map(|(i, (x, (label, _)))| {
            let anchor = match i {
                _ if n == 1 => "middle",
                0 => "start",
                i if i == n - 1 => "end",
                _ => "middle",
            };
            view! { <text x=num(x) y=num(HEIGHT - 6.0) text-anchor=anchor class=LABEL>{label.clone()}</text> }
        })
        .collect_view();
    view! {
        <div>
            {heading(&title)}
            <svg aria-hidden="true" viewBox=VIEW_BOX class="h-auto w-full overflow-visible">
                {guides(format(top(&values)))}
                <g transform=format!("translate(0 {})", num(TOP))>
                    <polygon points=area_points(&values, WIDTH, PLOT_HEIGHT) class="fill-teal-600/15 dark:fill-teal-400/20" />
                    <polyline points=line_points(&values, WIDTH, PLOT_HEIGHT) stroke-width="2" stroke-linejoin="round" stroke-linecap="round" class="fill-none stroke-teal-600 dark:stroke-teal-400" />
                </g>
                {labels}
            </svg>
            {data_table(title, &points, format)}
        </div>
    }
    .into_any()
}

/// A tiny line of `values` (oldest first) to sit beside a figure; screen
/// readers get `label` and the values as text.
#[component]
pub fn Sparkline(values: Vec<i64>, #[prop(into)] label: String) -> impl IntoView {
    let numbers: Vec<String> = values.iter().map(|value| count(*value)).collect();
    let text = format!("{label}: {}", numbers.join("; "));
    let line = (!values.is_empty()).then(|| view! {
        <svg aria-hidden="true" viewBox="0 0 96 24" class="h-6 w-24 overflow-visible">
            <polyline points=line_points(&values, 96.0, 20.0) transform="translate(0 2)" stroke-width="2" stroke-linejoin="round" stroke-linecap="round" class="fill-none stroke-teal-600 dark:stroke-teal-400" />
        </svg>
    });
    view! { <span class="inline-flex items-center">{line}<span class="sr-only">{text}</span></span> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_box_fits_the_plot() {
        assert_eq!(VIEW_BOX, format!("0 0 {} {}", num(WIDTH), num(HEIGHT)));
    }

    #[cfg(feature = "ssr")]
    fn points() -> Vec<(String, i64)> {
        vec![
            ("Q1".to_owned(), 3),
            ("Q2".to_owned(), 1),
            ("Q3".to_owned(), 0),
        ]
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn bars_are_hidden_and_their_numbers_are_read() {
        let html = view! { <BarChart title="Deals won" points=points() /> }.to_html();
        assert_eq!(html.matches("<rect").count(), 3, "{html}");
        assert!(html.contains(r#"aria-hidden="true""#), "{html}");
        assert!(html.contains(r#"<table class="sr-only">"#), "{html}");
        assert!(html.contains("<caption>Deals won</caption>"), "{html}");
        assert_eq!(html.matches(r#"<th scope="row">"#).count(), 3, "{html}");
        assert!(!html.contains("style="), "{html}");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_line_uses_the_page_format() {
        fn euros(value: i64) -> String {
            format!("{value} EUR")
        }
        let html = view! { <LineChart title="Pipeline" points=points() format=euros /> }.to_html();
        assert!(html.contains("<polyline"), "{html}");
        assert!(html.contains("<td>3 EUR</td>"), "{html}");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn empty_charts_say_so() {
        let html = view! { <BarChart title="Deals won" points=vec![] /> }.to_html();
        assert!(
            html.contains("Nothing yet.") && !html.contains("<svg"),
            "{html}"
        );
        let line = view! { <Sparkline values=vec![] label="Trend" /> }.to_html();
        assert!(!line.contains("<svg") && line.contains("Trend: "), "{line}");
        let spark = view! { <Sparkline values=vec![1, 1200] label="Trend" /> }.to_html();
        assert!(spark.contains("Trend: 1; 1,200"), "{spark}");
    }
}
