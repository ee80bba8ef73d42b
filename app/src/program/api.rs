//! Wire types and server functions for the program page.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

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

/// The program's vendor and tiers.
///
/// Who may call: anyone, signed in or not; it returns only what the program
/// publishes. Errors: `Internal` when the database fails.
#[server(endpoint = "program_overview")]
pub async fn get_program() -> Result<ProgramOverview, AppError> {
    let db = crate::db::use_db()?;
    Ok(super::server::overview(&db).await?)
}
