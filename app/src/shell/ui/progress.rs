//! Progress towards a goal as a bar. The filled part's width is one of
//! thirteen fixed classes (twelfths), since the Content-Security-Policy
//! forbids inline styles.

use leptos::prelude::*;

/// The width class of the filled part for `value` of `max`: the nearest
/// twelfth, except that a started goal shows at least one twelfth and an
/// unfinished one at most eleven. Values are clamped to `0..=max`; with
/// `max` 0 or less the bar is empty.
pub fn width_class(value: i64, max: i64) -> &'static str {
    if max <= 0 {
        return "w-0";
    }
    let value = value.clamp(0, max);
    let (value, max) = (i128::from(value), i128::from(max));
    let twelfths = (24 * value + max) / (2 * max);
    let twelfths = match twelfths {
        0 if value > 0 => 1,
        12 if value < max => 11,
        n => n,
    };
    match twelfths {
        0 => "w-0",
        1 => "w-1/12",
        2 => "w-1/6",
        3 => "w-1/4",
        4 => "w-1/3",
        5 => "w-5/12",
        6 => "w-1/2",
        7 => "w-7/12",
        8 => "w-2/3",
        9 => "w-3/4",
        10 => "w-5/6",
        11 => "w-11/12",
        _ => "w-full",
    }
}

/// A labelled progress bar: `value` of `max`, with `detail` (say "3 of 5
/// deals") beside the label and as the value screen readers announce.
#[component]
pub fn ProgressBar(
    #[prop(into)] label: String,
    value: i64,
    max: i64,
    #[prop(optional, into)] detail: Option<String>,
) -> impl IntoView {
    let max_shown = max.max(0);
    let now = value.clamp(0, max_shown);
    let fill = format!(
        "h-full rounded-full bg-teal-600 dark:bg-teal-400 {}",
        width_class(value, max)
    );
    view! {
        <div>
            <div class="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
                <span class="font-medium">{label.clone()}</span>
                {detail.clone().map(|detail| view! {
                    <span aria-hidden="true" class="text-slate-600 tabular-nums dark:text-slate-300">{detail}</span>
                })}
            </div>
            <div
                role="progressbar"
                aria-label=label
                aria-valuemin="0"
                aria-valuemax=max_shown
                aria-valuenow=now
                aria-valuetext=detail
                class="mt-1 h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
            >
                <div class=fill></div>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_nearest_twelfth() {
        assert_eq!(width_class(0, 12), "w-0");
        assert_eq!(width_class(6, 12), "w-1/2");
        assert_eq!(width_class(12, 12), "w-full");
        assert_eq!(width_class(1, 3), "w-1/3");
        assert_eq!(width_class(2, 3), "w-2/3");
        assert_eq!(width_class(3, 4), "w-3/4");
        // 0.54 of the way: 6.5 twelfths rounds up.
        assert_eq!(width_class(13, 24), "w-7/12");
    }

    #[test]
    fn clamps_and_survives_odd_input() {
        assert_eq!(width_class(-5, 10), "w-0");
        assert_eq!(width_class(15, 10), "w-full");
        assert_eq!(width_class(5, 0), "w-0");
        assert_eq!(width_class(5, -3), "w-0");
        assert_eq!(width_class(i64::MAX, i64::MAX), "w-full");
        assert_eq!(width_class(i64::MAX / 2, i64::MAX), "w-1/2");
    }

    #[test]
    fn started_shows_and_unfinished_is_not_full() {
        assert_eq!(width_class(1, 1000), "w-1/12");
        assert_eq!(width_class(999, 1000), "w-11/12");
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn announces_its_value() {
        let html =
            view! { <ProgressBar label="Onboarding" value=7 max=5 detail="5 of 5" /> }.to_html();
        assert!(html.contains(r#"role="progressbar""#), "{html}");
        assert!(html.contains(r#"aria-valuenow="5""#), "{html}");
        assert!(html.contains(r#"aria-valuemax="5""#), "{html}");
        assert!(
            html.contains("w-full") && !html.contains("style="),
            "{html}"
        );
    }
}
