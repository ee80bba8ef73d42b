//! SQL for the program page.

use super::api::{ProgramOverview, TierSummary};
use crate::db::Db;

#[derive(sqlx::FromRow)]
struct TierRow {
    name: String,
    protection_days: i64,
    discount_bp: i64,
    mdf_allotment_cents: i64,
    description: String,
}

/// The vendor's name and the tiers in rank order.
pub async fn overview(db: &Db) -> Result<ProgramOverview, sqlx::Error> {
    let vendor_name: Option<String> =
        sqlx::query_scalar("SELECT name FROM organisations WHERE kind = 'vendor'")
            .fetch_optional(&db.pool)
            .await?;
    let tiers = sqlx::query_as::<_, TierRow>(
        "SELECT name, protection_days, discount_bp, mdf_allotment_cents, description \
         FROM tiers ORDER BY rank",
    )
    .fetch_all(&db.pool)
    .await?
    .into_iter()
    .map(|row| TierSummary {
        name: row.name,
        protection_days: row.protection_days,
        discount_bp: row.discount_bp,
        mdf_allotment_cents: row.mdf_allotment_cents,
        description: row.description,
    })
    .collect();
    Ok(ProgramOverview { vendor_name, tiers })
}
