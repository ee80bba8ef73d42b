//! Badges: a short word about a thing's state, coloured by what it means.
//! The word carries the meaning; the colour only repeats it.

use leptos::prelude::*;

/// What a badge says about its thing, which decides its colours.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tone {
    /// Plain information without judgement.
    #[default]
    Neutral,
    /// Something to know (in progress, new).
    Info,
    /// Done, approved, healthy.
    Success,
    /// Needs attention soon.
    Warning,
    /// Failed, refused, overdue.
    Danger,
}

impl Tone {
    pub const ALL: [Tone; 5] = [
        Tone::Neutral,
        Tone::Info,
        Tone::Success,
        Tone::Warning,
        Tone::Danger,
    ];

    /// The background, text and ring classes of a badge with this tone,
    /// dark text on a light tint (light text on a dark one in dark mode).
    pub fn classes(self) -> &'static str {
        match self {
            Tone::Neutral => "bg-slate-100 text-slate-800 ring-slate-500/20 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-400/30",
            Tone::Info => "bg-sky-100 text-sky-900 ring-sky-600/20 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-400/30",
            Tone::Success => "bg-emerald-100 text-emerald-900 ring-emerald-600/20 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-400/30",
            Tone::Warning => "bg-amber-100 text-amber-900 ring-amber-600/20 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-400/30",
            Tone::Danger => "bg-rose-100 text-rose-900 ring-rose-600/20 dark:bg-rose-950 dark:text-rose-200 dark:ring-rose-400/30",
        }
    }
}

/// A small rounded label, such as a status.
#[component]
pub fn Badge(tone: Tone, #[prop(into)] label: String) -> impl IntoView {
    let class = format!(
        "inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset {}",
        tone.classes()
    );
    view! { <span class=class>{label}</span> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tone_has_its_own_light_and_dark_colours() {
        let mut seen = std::collections::HashSet::new();
        for tone in Tone::ALL {
            let classes = tone.classes();
            assert!(seen.insert(classes), "{tone:?} repeats another tone");
            for part in ["bg-", "text-", "dark:bg-", "dark:text-"] {
                assert!(classes.contains(part), "{tone:?} lacks {part}");
            }
        }
        assert!(Tone::Success.classes().contains("text-emerald-900"));
        assert!(Tone::Danger.classes().contains("dark:text-rose-200"));
        assert_eq!(Tone::default(), Tone::Neutral);
    }
}
