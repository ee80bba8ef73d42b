//! What campaign pages receive: nothing secret, nothing of another
//! partner's.

use serde::{Deserialize, Serialize};

use super::{
    content::{Content, Network},
    preflight::Finding,
    recipients::RowProblem,
    render::Brand,
    CampaignStatus, LeadStatus, PostState, SendStatus, StreamMode, TemplateStatus,
};
use crate::i18n::Locale;

/// A template in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateCard {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub status: TemplateStatus,
    pub version: i64,
    pub has_email: bool,
    pub has_page: bool,
    pub social_posts: usize,
    pub ends_at: Option<i64>,
}

/// A campaign some partner launched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignCard {
    pub id: String,
    pub name: String,
    pub organisation_name: String,
    pub status: CampaignStatus,
    pub launched_at: i64,
    /// Its public address (path), when it has a landing page.
    pub landing_path: Option<String>,
    pub views: i64,
    pub leads: i64,
    /// Why a vendor marketer returned it (it waits for new wording).
    pub returned: Option<String>,
}

/// `/campaigns`: the templates the caller may launch and the campaigns
/// of their organisation (every partner's, for vendor staff).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalogue {
    pub templates: Vec<TemplateCard>,
    pub campaigns: Vec<CampaignCard>,
    /// The caller launches for their own organisation.
    pub may_launch: bool,
    /// For vendor staff: how campaigns do across the program.
    pub rollup: Option<Rollup>,
    /// The caller writes templates and reviews reworded launches.
    pub may_author: bool,
    /// Reworded launches waiting for the caller's review (authors only).
    pub reviews: Vec<ReviewRow>,
}

/// A campaign a partner reworded, waiting for a vendor marketer: what
/// the template said and what the partner wants it to say instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewRow {
    pub campaign: CampaignCard,
    /// (the template's words, the partner's words), per reworded block.
    pub changes: Vec<(String, String)>,
}

/// An image uploaded for a template's image blocks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateImage {
    /// Its public address (what an image block shows).
    pub url: String,
    pub name: String,
    pub size: i64,
}

/// A published version of a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateVersion {
    pub version: i64,
    pub published_by: Option<String>,
    pub published_at: i64,
}

/// `/campaigns/templates/:id/edit`: the draft drawn with a sample
/// partner's brand, its settings and its published versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateEditView {
    /// The draft being written (not the published version), with what
    /// preflight finds in it.
    pub preview: LaunchView,
    pub partner_types: Vec<String>,
    pub tiers: Vec<String>,
    pub regions: Vec<String>,
    /// As the date fields show them (`2027-03-31`), empty when unset.
    pub starts_on: String,
    pub ends_on: String,
    pub requires_approval: bool,
    /// The content streams it belongs to, as the field shows them.
    pub streams: String,
    /// Images uploaded for it, newest first.
    pub images: Vec<TemplateImage>,
    /// Every tier: (id, name).
    pub tier_options: Vec<(String, String)>,
    pub versions: Vec<TemplateVersion>,
    /// The draft differs from the published version.
    pub unpublished_changes: bool,
    /// Campaigns launched from it so far.
    pub campaigns: i64,
}

/// Campaigns added up along one line (a template, a partner, a region).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct RollupRow {
    pub label: String,
    pub campaigns: i64,
    pub partners: i64,
    pub views: i64,
    pub fills: i64,
    pub leads: i64,
    pub sends: i64,
    /// Registrations from the leads, per currency: (currency, open
    /// pipeline in cents, won in cents).
    pub values: Vec<(String, i64, i64)>,
}

/// The vendor's view of campaigns: by template, partner and region, and
/// the partners that launched nothing yet (id, name).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rollup {
    pub by_template: Vec<RollupRow>,
    pub by_partner: Vec<RollupRow>,
    pub by_region: Vec<RollupRow>,
    pub idle: Vec<(String, String)>,
}

/// `/campaigns/templates/:id`: a template drawn with the caller's own
/// brand, what they may reword, and what stops a launch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LaunchView {
    pub template: TemplateCard,
    pub content: Content,
    pub brand: Brand,
    pub locale: Locale,
    /// The address the landing page will have (with the portal's origin).
    pub landing_url: String,
    /// What `{link}` becomes in the preview's email.
    pub email_link: String,
    pub unsubscribe_url: String,
    pub findings: Vec<Finding>,
    pub may_launch: bool,
    /// The partner a vendor marketer launches for (drawn with its brand).
    pub partner: Option<String>,
    /// The live partners a vendor marketer may launch for: (id, name).
    pub partners: Vec<(String, String)>,
}

/// `/campaigns/:id`: a launched campaign and how it does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignView {
    pub card: CampaignCard,
    pub template_name: String,
    pub landing_url: Option<String>,
    pub fills: i64,
    /// Registrations made from its leads, and how many of them were won.
    pub deals: i64,
    pub won: i64,
    /// The value of those registrations, per currency (amounts in
    /// different currencies are never added up): (currency, open
    /// pipeline in cents, won in cents).
    pub values: Vec<(String, i64, i64)>,
    /// Emails queued, recipients who opened one (approximate) or clicked.
    pub sends: i64,
    pub opens: i64,
    pub clicks: i64,
    /// The caller may send its email (its partner's people, while live).
    pub may_send: bool,
    /// The caller may end it (its partner's people, until it has ended).
    pub may_end: bool,
    /// The last 30 days (UTC), oldest first: (day, page views, form fills).
    pub daily: Vec<(i64, i64, i64)>,
    pub leads: Vec<LeadRow>,
    /// Its social posts, in the template's order.
    pub posts: Vec<PostRow>,
    /// The caller may send a failed post again (its partner's admins).
    pub may_resend: bool,
}

/// One of a campaign's social posts, filled in for its partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostRow {
    pub id: String,
    pub network: Network,
    pub text: String,
    pub state: PostState,
    pub scheduled_at: i64,
    /// The network's own share form with this post.
    pub share_url: String,
    /// The webhook delivery that carries it, and why it last failed.
    pub delivery_id: Option<String>,
    pub error: Option<String>,
}

/// A content stream: templates tagged with it, and who takes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StreamRow {
    pub name: String,
    /// Published templates in it.
    pub templates: i64,
    /// How the caller's organisation takes it (partners), if at all.
    pub mode: Option<StreamMode>,
    /// Templates in it the caller's organisation has not launched yet:
    /// (template id, name).
    pub waiting: Vec<(String, String)>,
    /// Partners taking it by itself / asking first (vendor staff).
    pub automatic: i64,
    pub asking: i64,
}

/// `/campaigns/streams`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StreamsView {
    pub streams: Vec<StreamRow>,
    /// The caller may change its organisation's subscriptions.
    pub may_subscribe: bool,
}

/// A lead in a partner's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub company: String,
    pub phone: Option<String>,
    pub message: Option<String>,
    pub status: LeadStatus,
    pub campaign: Option<String>,
    pub organisation_name: Option<String>,
    pub fills: i64,
    pub updated_at: i64,
    /// While offered to the partner: when its time to answer runs out.
    pub offer_expires_at: Option<i64>,
    /// Where the lead was offered and how each answered: vendor staff only.
    pub history: Vec<OfferRow>,
}

/// One offer of a vendor's lead to a partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferRow {
    pub partner: String,
    pub offered_at: i64,
    pub expires_at: i64,
    pub outcome: super::routing::OfferOutcome,
    pub decided_at: Option<i64>,
    pub reason: Option<String>,
}

/// The routing rules, the time partners have to answer, and what the
/// lead form offers to choose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoutingView {
    pub rules: Vec<(super::routing::Criterion, super::routing::RuleMode)>,
    pub sla_hours: i64,
    /// (id, name) of the program's tiers.
    pub tiers: Vec<(String, String)>,
    /// The program admin may change the rules.
    pub may_edit: bool,
}

/// A saved recipient list, to pick for a send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListOption {
    pub id: String,
    pub name: String,
    pub people: i64,
}

/// One email send of a campaign, with how it went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendRow {
    pub id: String,
    pub status: SendStatus,
    pub created_at: i64,
    pub send_at: Option<i64>,
    pub recipients: i64,
    /// Messages the mail server took.
    pub delivered: i64,
    /// Recipients who loaded the images (approximate: many clients block
    /// them, some load them for privacy without anyone reading).
    pub opens: i64,
    pub clicks: i64,
}

/// `/campaigns/:id/send`: sending a campaign's email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendPage {
    pub campaign_id: String,
    pub campaign: String,
    pub lists: Vec<ListOption>,
    pub sends: Vec<SendRow>,
}

/// A person a send goes to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendPerson {
    pub email: String,
    pub name: String,
    pub company: String,
}

/// `/campaigns/:id/sends/:send`: a draft to check and send, or a send
/// on its way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendView {
    pub row: SendRow,
    pub campaign_id: String,
    pub campaign: String,
    /// The file's name or the saved list's.
    pub source: String,
    pub duplicates: i64,
    pub unsubscribed: i64,
    pub problems: Vec<(i64, RowProblem)>,
    /// The first people it goes to (all are counted in `row`).
    pub people: Vec<SendPerson>,
}

/// What importing a CSV file of leads did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadImport {
    pub file_name: String,
    pub created_at: i64,
    /// Leads kept, and how many of them went to a partner at once.
    pub kept: i64,
    pub offered: i64,
    /// Rows refused: (line, why), nothing kept of them.
    pub refused: Vec<(i64, String)>,
}

/// A lead as vendor staff enter it, to be distributed; the optional
/// fields empty when not given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadEntry {
    pub name: String,
    pub email: String,
    pub company: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub message: String,
    pub region: String,
    #[serde(default)]
    pub partner_type: String,
    #[serde(default)]
    pub tier: String,
    #[serde(default)]
    pub specialisation: String,
}
