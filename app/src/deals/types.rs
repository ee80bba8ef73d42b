//! Wire types of deal registration: what crosses to the browser. Nothing
//! secret; a co-selling partner gets these through the disclosure
//! allow-list (`disclosure.rs`).

use serde::{Deserialize, Serialize};

use super::{cosell::TouchpointKind, ConflictKind, DealActions, DealStatus, PartnerRole};

/// A registration in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DealSummary {
    pub id: String,
    pub reference: String,
    pub customer_company: String,
    pub organisation_name: String,
    pub status: DealStatus,
    pub value_cents: i64,
    pub currency: String,
    pub expected_close: String,
    pub conflict: Option<ConflictKind>,
    pub submitted_at: Option<i64>,
    pub sla_due_at: Option<i64>,
    pub protected_until: Option<i64>,
    /// A pending extension request's reason.
    pub extension_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DealList {
    pub deals: Vec<DealSummary>,
    pub total: i64,
    pub page: i64,
    pub page_size: i64,
}

/// One status change on the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct DealEvent {
    pub at: i64,
    pub actor: Option<String>,
    pub from_status: Option<String>,
    pub to_status: String,
    pub note: Option<String>,
}

/// For vendor staff only: what a registration collides with, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictEvidence {
    /// The other registration (`None` for a direct account).
    pub deal_id: Option<String>,
    /// Its reference, or the direct account's name.
    pub reference: String,
    pub holder: String,
    pub status: Option<DealStatus>,
    pub protected_until: Option<i64>,
    /// Which normalised key matched, and how closely.
    pub matched: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DealView {
    pub summary: DealSummary,
    pub customer_domain: Option<String>,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: Option<String>,
    pub country: String,
    pub products: String,
    pub partner_role: Option<PartnerRole>,
    pub notes: Option<String>,
    pub registered_by: String,
    pub events: Vec<DealEvent>,
    /// What the viewer may do with it.
    #[serde(flatten)]
    pub actions: DealActions,
    /// Collisions with other registrations; filled for vendor staff only
    /// (callers without a tenant scope).
    pub conflicts: Vec<ConflictEvidence>,
    /// The viewer's organisation co-sells this deal (it did not register
    /// it): contact, notes and timeline notes are left out.
    pub shared: bool,
    pub co_sellers: Vec<CoSeller>,
    pub touchpoints: Vec<Touchpoint>,
    /// For vendor staff: partners that could be added as co-sellers.
    pub addable: Vec<String>,
}

/// A partner on a deal besides the registering one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoSeller {
    pub organisation_name: String,
    pub role: Option<PartnerRole>,
    pub added_at: i64,
}

/// One dated touchpoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Touchpoint {
    pub organisation_name: String,
    pub kind: Option<TouchpointKind>,
    pub happened_on: String,
    pub note: Option<String>,
    pub recorded_by: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct DirectAccount {
    pub id: String,
    pub company: String,
    pub domain: Option<String>,
    pub created_at: i64,
}

/// What the rules-of-engagement page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rules {
    pub text: String,
    pub sla_hours: i64,
    pub default_protection_days: i64,
    /// (tier, protection days)
    pub tiers: Vec<(String, i64)>,
    pub can_edit: bool,
}
