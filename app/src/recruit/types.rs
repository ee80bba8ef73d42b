//! Wire types of recruiting. Only vendor staff read applications; nothing
//! here reaches a partner.

use serde::{Deserialize, Serialize};

use super::{ApplicationStatus, Fit, Industry, Specialisation, Weights};
use crate::organisations::{PartnerType, Region};

/// One row of the review queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationSummary {
    pub id: String,
    pub company: String,
    pub website: String,
    pub country: String,
    pub region: Region,
    pub partner_type: PartnerType,
    pub employees: i64,
    pub status: ApplicationStatus,
    pub fit_score: i64,
    pub submitted_at: i64,
}

/// The queue: open applications (or those in one status), filtered and
/// sorted as asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewQueue {
    pub applications: Vec<ApplicationSummary>,
    /// The best performers the scores compare with, by name.
    pub compared_with: Vec<String>,
    pub weights: Weights,
    pub may_weigh: bool,
}

/// One application, with its score explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationDetail {
    pub summary: ApplicationSummary,
    pub industries: Vec<Industry>,
    pub specialisations: Vec<Specialisation>,
    pub other_vendors: String,
    pub expected_revenue_cents: i64,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_title: String,
    pub message: String,
    pub fit: Fit,
    /// A partner or another application with the same company or domain.
    pub duplicate_of: Option<String>,
    pub decision_note: Option<String>,
    pub decided_by: Option<String>,
    pub decided_at: Option<i64>,
    /// The partner organisation an approval created.
    pub organisation_id: Option<String>,
}

/// "Recruit next": an applicant or a prospect most like the best
/// performers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lookalike {
    pub id: String,
    pub company: String,
    pub fit_score: i64,
    /// The two factors that make it alike, explained.
    pub because: Vec<String>,
    /// `Some` for a prospect (a company that has not applied): its website
    /// and where the channel team came across it.
    pub prospect: Option<ProspectFacts>,
}

/// What the channel team noted about a prospect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProspectFacts {
    pub website: String,
    pub note: String,
}
