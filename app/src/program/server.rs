//! SQL for the program page.

use super::{ProgramOverview, TierSummary};
use crate::db::Db;

/// The vendor's name and the tiers in rank order.
pub async fn overview(db: &Db) -> Result<ProgramOverview, sqlx::Error> {
    let vendor_name: Option<String> =
        sqlx::query_scalar("SELECT name FROM organisations WHERE kind = 'vendor'")
            .fetch_optional(&db.pool)
            .await?;
    let tiers = sqlx::query_as::<_, TierSummary>(
        "SELECT name, protection_days, discount_bp, mdf_allotment_cents, description \
         FROM tiers ORDER BY rank",
    )
    .fetch_all(&db.pool)
    .await?;
    Ok(ProgramOverview { vendor_name, tiers })
}
