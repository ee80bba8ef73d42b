//! Wire types of the public program page: nothing about any partner.

use serde::{Deserialize, Serialize};

/// One tier and its benefits, as anyone may see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct TierSummary {
    pub name: String,
    pub protection_days: i64,
    pub discount_bp: i64,
    pub mdf_allotment_cents: i64,
    pub description: String,
}

/// What the public program page shows. Holds nothing about any partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramOverview {
    pub vendor_name: Option<String>,
    pub tiers: Vec<TierSummary>,
}
