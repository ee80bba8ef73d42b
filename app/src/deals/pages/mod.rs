//! The deal registration pages, one file per page, and the small views
//! they share.

mod cosell;
mod detail;
mod draft;
mod list;
mod new;
mod program;
mod review;

pub use detail::DealPage;
pub use list::DealsPage;
pub use new::NewDealPage;
pub use program::{DirectAccountsPage, RulesPage};
pub use review::ReviewPage;

use leptos::prelude::*;

use super::DealStatus;
pub(super) use crate::shell::ui::link_class;
use crate::shell::ui::{Badge, Tone};

/// A registration's status as a badge: done well in green, waiting in
/// amber, closed without success in grey, a draft in blue.
pub(super) fn chip(status: DealStatus) -> impl IntoView {
    let tone = match status {
        DealStatus::Approved | DealStatus::Won => Tone::Success,
        DealStatus::Submitted | DealStatus::MoreInfo => Tone::Warning,
        DealStatus::Rejected | DealStatus::Lost | DealStatus::Expired => Tone::Neutral,
        DealStatus::Draft => Tone::Info,
    };
    view! { <Badge tone label=status.label() /> }
}

/// "in 3 days" / "2 days ago", from the server's clock at render time.
/// Days are only counted from two on, so the day texts are always plural
/// ("h" has no plural).
pub(super) fn relative(at: i64) -> String {
    let now = crate::format::now_secs();
    let days = (at - now) / 86_400;
    let hours = (at - now) / 3600;
    match (days, hours) {
        (d, _) if d >= 2 => t!("in {days} days", days = d),
        (_, h) if h >= 1 => t!("in {hours} h", hours = h),
        (_, h) if h > -1 => t!("now").to_owned(),
        (d, h) if d > -2 => t!("{hours} h ago", hours = -h),
        (d, _) => t!("{days} days ago", days = -d),
    }
}
