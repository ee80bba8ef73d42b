//! What the funds pages receive: figures and the caller's own records
//! only (a partner's view holds nothing of another partner's).

use serde::{Deserialize, Serialize};

use super::{Activity, Balance, ClaimStatus, Marketplace, OfferStatus, RequestStatus};
use crate::values::Currency;

/// Everything `/funds` shows the caller.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct FundsView {
    /// Partner admins request and claim.
    pub may_request: bool,
    /// Channel managers and the program admin review.
    pub may_review: bool,
    /// The program admin sets periods, allocates and pays.
    pub may_manage: bool,
    pub vendor: bool,
    pub periods: Vec<PeriodRow>,
    pub allocations: Vec<AllocationRow>,
    pub requests: Vec<RequestRow>,
    /// Claims waiting for review (vendor staff).
    pub claims: Vec<ClaimRow>,
    /// Approved claims not yet paid in full (vendor staff).
    pub payable: Vec<ClaimRow>,
    /// For the allocation form: live partners and tiers (id, name).
    pub partners: Vec<(String, String)>,
    pub tiers: Vec<(String, String)>,
    /// For the request form: the partner's own campaigns (id, name).
    pub campaigns: Vec<(String, String)>,
    /// Today (ISO), for the forms' defaults.
    pub today: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PeriodRow {
    pub id: String,
    pub name: String,
    pub starts_on: String,
    pub ends_on: String,
    pub currency: Currency,
    pub budget: i64,
    pub allocated: i64,
    pub approved: i64,
    pub paid: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AllocationRow {
    pub id: String,
    pub period_name: String,
    pub organisation_name: String,
    pub currency: Currency,
    pub expires_on: String,
    pub balance: Balance,
    /// Expires within 30 days with money still unclaimed.
    pub expiring: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RequestRow {
    pub id: String,
    pub organisation_name: String,
    pub title: String,
    pub activity: Activity,
    pub currency: Currency,
    pub requested: i64,
    pub approved: i64,
    pub status: RequestStatus,
    pub claim: Option<ClaimStatus>,
    pub submitted_at: i64,
    pub sla_due_at: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ClaimRow {
    pub id: String,
    pub request_id: String,
    pub organisation_name: String,
    pub title: String,
    pub currency: Currency,
    pub claimed: i64,
    pub approved: i64,
    pub paid: i64,
    pub status: ClaimStatus,
    pub submitted_at: i64,
}

/// One fund request with its claim, proof and payments.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RequestDetail {
    pub id: String,
    pub organisation_name: String,
    pub period_name: String,
    pub title: String,
    pub activity: Activity,
    pub description: String,
    /// The co-branded campaign it pays for (id, name).
    pub campaign: Option<(String, String)>,
    pub currency: Currency,
    pub planned_cost: i64,
    pub share_bp: i64,
    pub requested: i64,
    pub approved: i64,
    pub expected_leads: i64,
    pub expected_pipeline: i64,
    pub starts_on: String,
    pub ends_on: String,
    pub status: RequestStatus,
    pub review_note: Option<String>,
    /// Who reviews it: the decider once decided, otherwise the partner's
    /// channel manager.
    pub reviewer: Option<String>,
    pub submitted_at: i64,
    pub sla_due_at: i64,
    pub claim_due_on: String,
    pub claim: Option<ClaimDetail>,
    /// What the linked campaign brought: its own proof of performance.
    pub results: Option<CampaignResults>,
    pub proofs: Vec<ProofRow>,
    pub payments: Vec<PaymentRow>,
    /// What the caller may do now.
    pub may_answer: bool,
    pub may_add_proof: bool,
    pub may_claim: bool,
    pub may_review: bool,
    pub may_review_claim: bool,
    pub may_pay: bool,
}

/// A linked campaign's results and the return on what the vendor paid,
/// in the period's currency.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CampaignResults {
    pub views: i64,
    pub fills: i64,
    pub sends: i64,
    pub leads: i64,
    /// Registrations made from its leads.
    pub deals: i64,
    /// Their value, open or won.
    pub pipeline: i64,
    pub won: i64,
    /// What the vendor pays: the approved claim, else the approval.
    pub cost: i64,
    pub ropi_bp: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ClaimDetail {
    pub id: String,
    pub actual_cost: i64,
    pub claimed: i64,
    pub approved: i64,
    pub paid: i64,
    pub note: String,
    pub status: ClaimStatus,
    pub review_note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ProofRow {
    pub id: String,
    pub name: String,
    pub size: i64,
    pub uploaded_at: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PaymentRow {
    pub amount: i64,
    pub reference: String,
    pub paid_at: i64,
}

/// A deal's latest private offer, and what the caller may do.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OfferView {
    pub offer: Option<OfferRow>,
    pub may_request: bool,
    pub may_record: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OfferRow {
    pub id: String,
    pub marketplace: Marketplace,
    pub status: OfferStatus,
    pub reference: Option<String>,
    pub amount: Option<i64>,
    pub currency: Option<Currency>,
    pub expires_on: Option<String>,
    pub note: String,
    pub requested_at: i64,
}

/// Revenue won, in US cents, by the route it came through.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RouteRevenue {
    pub partner: i64,
    pub marketplace: i64,
}
