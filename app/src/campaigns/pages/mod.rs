//! Campaign pages, one file per page.

mod campaign;
mod catalogue;
mod distribution;
mod launch;
mod leads;
mod preview;
mod send;

pub use campaign::CampaignPage;
pub use catalogue::CampaignsPage;
pub use launch::LaunchPage;
pub use leads::LeadsPage;
pub use send::{SendDraftPage, SendEmailPage};

use crate::shell::ui::Tone;

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
