//! Campaign pages, one file per page.

mod campaign;
mod catalogue;
mod distribution;
mod editor;
mod launch;
mod leads;
mod preview;
mod send;
mod streams;

pub use campaign::CampaignPage;
pub use catalogue::CampaignsPage;
pub use editor::TemplateEditPage;
pub use launch::LaunchPage;
pub use leads::LeadsPage;
pub use send::{SendDraftPage, SendEmailPage};
pub use streams::StreamsPage;

use leptos::prelude::*;

use crate::shell::ui::{Badge, Tone};

use super::{CampaignStatus, LeadStatus};

fn campaign_tone(status: CampaignStatus) -> Tone {
    match status {
        CampaignStatus::Live => Tone::Success,
        CampaignStatus::PendingApproval => Tone::Warning,
        CampaignStatus::Ended => Tone::Neutral,
    }
}

fn lead_tone(status: LeadStatus) -> Tone {
    match status {
        LeadStatus::New | LeadStatus::Offered => Tone::Info,
        LeadStatus::Accepted | LeadStatus::Working => Tone::Warning,
        LeadStatus::Converted => Tone::Success,
        LeadStatus::Disqualified | LeadStatus::Unassigned => Tone::Neutral,
    }
}

/// Amounts per currency, side by side ("120,000 USD · 40,000 EUR"); zero
/// when there are none.
pub(super) fn amounts(
    values: &[(String, i64, i64)],
    pick: impl Fn(&(String, i64, i64)) -> i64,
) -> String {
    let shown: Vec<String> = values
        .iter()
        .filter(|v| pick(v) != 0)
        .map(|v| crate::format::amount_from_cents(pick(v), &v.0))
        .collect();
    if shown.is_empty() {
        crate::format::count(0)
    } else {
        shown.join(" · ")
    }
}

/// A campaign's status; a returned one says why.
fn status_cell(status: CampaignStatus, returned: Option<String>) -> impl IntoView {
    match returned {
        Some(note) => view! {
            <Badge tone=Tone::Danger label=t!("Returned") />
            <p class="mt-1 max-w-xs text-xs">{note}</p>
        }
        .into_any(),
        None => view! { <Badge tone=campaign_tone(status) label=status.label() /> }.into_any(),
    }
}

/// What a block of `kind` (as [`crate::campaigns::content::Block::kind`]
/// names it) is called on screen.
pub(super) fn kind_name(kind: &str) -> &'static str {
    match kind {
        "heading" => t!("Heading"),
        "text" => t!("Text"),
        "image" => t!("Image"),
        "button" => t!("Button"),
        "quote" => t!("Quote"),
        _ => t!("Two columns"),
    }
}
