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

pub(super) fn link_class() -> &'static str {
    "font-medium text-teal-800 underline dark:text-teal-300"
}

pub(super) fn chip(status: DealStatus) -> impl IntoView {
    view! {
        <span class=format!("rounded-full px-2 py-0.5 text-xs font-semibold {}", status.chip_class())>
            {status.label()}
        </span>
    }
}

/// "in 3 days" / "2 days ago", from the server's clock at render time.
pub(super) fn relative(at: i64) -> String {
    let now = crate::format::now_secs();
    let days = (at - now) / 86_400;
    let hours = (at - now) / 3600;
    match (days, hours) {
        (d, _) if d >= 2 => format!("in {d} days"),
        (_, h) if h >= 1 => format!("in {h} h"),
        (_, h) if h > -1 => "now".to_owned(),
        (d, h) if d > -2 => format!("{} h ago", -h),
        (d, _) => format!("{} days ago", -d),
    }
}
