//! The funds pages: `/funds` (a partner's balances and requests, or the
//! vendor's periods and queues) and `/funds/requests/:id` (one request,
//! its review, proof, claim and payments).

mod forms;
mod offer;
mod overview;
mod request;

pub use offer::PrivateOfferPanel;
pub use overview::FundsPage;
pub use request::FundRequestPage;

use leptos::prelude::*;

use super::{ClaimStatus, RequestStatus};
use crate::{
    format::exact_amount,
    shell::ui::{Badge, Tone},
    values::Currency,
};

/// `minor` units of `currency`, to the cent when there are cents.
fn money(minor: i64, currency: Currency) -> String {
    exact_amount(minor, currency.code())
}

fn request_badge(status: RequestStatus) -> impl IntoView {
    let tone = match status {
        RequestStatus::Submitted => Tone::Info,
        RequestStatus::MoreInfo => Tone::Warning,
        RequestStatus::Approved => Tone::Success,
        RequestStatus::Denied => Tone::Danger,
    };
    view! { <Badge tone label=status.label() /> }
}

fn claim_badge(status: ClaimStatus) -> impl IntoView {
    let tone = match status {
        ClaimStatus::Submitted => Tone::Info,
        ClaimStatus::Returned => Tone::Warning,
        ClaimStatus::Approved | ClaimStatus::Paid => Tone::Success,
    };
    view! { <Badge tone label=status.label() /> }
}

/// The review clock of a request waiting since `submitted_at`, due at
/// `due`: on time, or overdue.
fn review_clock(due: i64, now: i64) -> impl IntoView {
    let when = crate::format::utc_minute(due);
    if due < now {
        view! { <Badge tone=Tone::Danger label=t!("Review overdue since {when}", when = when) /> }
            .into_any()
    } else {
        view! { <span class="text-sm">{t!("Review due by {when}", when = when)}</span> }.into_any()
    }
}
