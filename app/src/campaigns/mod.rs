//! Co-branded campaigns: templates in blocks (vendor marketers), the one
//! renderer shared by the live preview, the email and the landing page,
//! preflight, launching, public landing pages and the leads they take.

pub mod api;
pub mod authoring;
pub mod content;
#[cfg(feature = "ssr")]
pub mod demo;
pub mod lead;
pub mod lead_import;
mod pages;
pub mod preflight;
pub mod recipients;
pub mod render;
pub mod routing;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use pages::{
    CampaignPage, CampaignsPage, LaunchPage, LeadsPage, SendDraftPage, SendEmailPage, StreamsPage,
    TemplateEditPage,
};
pub use types::{
    CampaignCard, CampaignView, Catalogue, LaunchView, LeadEntry, LeadImport, LeadRow, ListOption,
    OfferRow, PostRow, ReviewRow, Rollup, RollupRow, RoutingView, SendPage, SendPerson, SendRow,
    SendView, StreamRow, StreamsView, TemplateCard, TemplateEditView, TemplateImage,
    TemplateVersion,
};

use crate::values::text_enum;

text_enum!(
    /// Whether partners can launch a template.
    TemplateStatus {
        Draft => "draft", t!("Draft");
        Published => "published", t!("Published");
        Unpublished => "unpublished", t!("Unpublished");
    }
);

text_enum!(
    /// Where a launched campaign stands.
    CampaignStatus {
        PendingApproval => "pending_approval", t!("Waiting for approval");
        Live => "live", t!("Live");
        Ended => "ended", t!("Ended");
    }
);

text_enum!(
    /// Where an email send stands: checked and waiting for the partner's
    /// word, handed to the outbox (now or at its time), or dropped.
    SendStatus {
        Draft => "draft", t!("Draft");
        Queued => "queued", t!("Queued");
        Discarded => "discarded", t!("Discarded");
    }
);

text_enum!(
    /// Where a lead stands with its partner.
    LeadStatus {
        Unassigned => "unassigned", t!("Not yet routed");
        Offered => "offered", t!("Offered");
        New => "new", t!("New");
        Accepted => "accepted", t!("Accepted");
        Working => "working", t!("Working");
        Converted => "converted", t!("Converted to a deal");
        Disqualified => "disqualified", t!("Disqualified");
    }
);

text_enum!(
    /// How a partner takes a content stream: each template the vendor
    /// publishes in it launches for the partner by itself, or waits for
    /// the partner to launch it.
    StreamMode {
        Auto => "auto", t!("Launch new templates for me");
        Approval => "approval", t!("Ask me first");
    }
);

text_enum!(
    /// Where one of a campaign's social posts stands.
    PostState {
        Scheduled => "scheduled", t!("Scheduled");
        Waiting => "waiting", t!("Waits until the campaign is live");
        NotPosted => "not_posted", t!("Not posted: the campaign ended first");
        Share => "share", t!("Ready to share by hand");
        Sending => "sending", t!("Handed to your automation");
        Retrying => "retrying", t!("Your automation did not take it; Trellis tries again");
        Delivered => "delivered", t!("Taken by your automation");
        Failed => "failed", t!("Your automation did not take it; Trellis stopped trying");
    }
);

text_enum!(
    /// Why an image upload was refused.
    ImageRefused {
        Missing => "missing", t!("Choose an image to upload.");
        NotImage => "not-image", t!("Upload a PNG, JPEG, GIF or WebP image.");
        TooLarge => "too-large", t!("Upload images of at most 5 MB.");
    }
);

impl LeadStatus {
    /// A partner works this lead (and may turn it into a registration).
    pub fn workable(self) -> bool {
        matches!(
            self,
            LeadStatus::New | LeadStatus::Accepted | LeadStatus::Working
        )
    }

    /// The statuses a partner may move this lead to, by hand.
    pub fn next(self) -> &'static [LeadStatus] {
        match self {
            LeadStatus::New => &[LeadStatus::Accepted, LeadStatus::Disqualified],
            LeadStatus::Accepted => &[LeadStatus::Working, LeadStatus::Disqualified],
            LeadStatus::Working => &[LeadStatus::Disqualified],
            LeadStatus::Disqualified => &[LeadStatus::Working],
            _ => &[],
        }
    }
}

/// The public address of partner `partner`'s campaign `campaign`, below
/// the portal's address `base`.
pub fn landing_path(partner: &str, campaign: &str) -> String {
    format!("/c/{partner}/{campaign}")
}

/// The public address of partner `partner`'s logo.
pub fn logo_path(partner: &str) -> String {
    format!("/c/{partner}/logo.png")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for s in LeadStatus::ALL {
            assert_eq!(LeadStatus::parse(s.code()), Some(*s));
        }
        for s in CampaignStatus::ALL {
            assert_eq!(CampaignStatus::parse(s.code()), Some(*s));
        }
        for s in TemplateStatus::ALL {
            assert_eq!(TemplateStatus::parse(s.code()), Some(*s));
        }
    }

    #[test]
    fn public_addresses() {
        assert_eq!(
            landing_path("northwind", "cloud-spring"),
            "/c/northwind/cloud-spring"
        );
        assert_eq!(logo_path("northwind"), "/c/northwind/logo.png");
    }
}
