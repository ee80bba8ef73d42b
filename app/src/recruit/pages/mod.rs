//! The recruiting pages, one file per page, and the small views they share.

mod apply;
mod detail;
mod prospect;
mod queue;

pub use apply::{AppliedPage, ApplyPage};
pub use detail::ApplicationPage;
pub use queue::ApplicationsPage;

use leptos::prelude::*;

use super::ApplicationStatus;
pub(super) use crate::shell::ui::link_class;
use crate::shell::ui::{Badge, Tone};

/// An application's status as a badge.
pub(super) fn status_chip(status: ApplicationStatus) -> impl IntoView {
    let tone = match status {
        ApplicationStatus::Received => Tone::Info,
        ApplicationStatus::MoreInfo => Tone::Warning,
        ApplicationStatus::Approved => Tone::Success,
        ApplicationStatus::Rejected => Tone::Neutral,
    };
    view! { <Badge tone label=status.label() /> }
}

/// A fit score as a badge: 70 and up good, under 40 weak.
pub(super) fn score_chip(score: i64) -> impl IntoView {
    let tone = match score {
        70.. => Tone::Success,
        40..=69 => Tone::Warning,
        _ => Tone::Neutral,
    };
    view! { <Badge tone label=t!("Fit {score}", score = score) /> }
}
