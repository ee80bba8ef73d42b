//! The demo program: what `scripts/run` starts with and the tests sign in
//! to. Each area seeds its own part through its own code, in order: the
//! organisations and people first, then what they did.

use crate::error::AppError;

pub use crate::organisations::demo::{
    demo_id, SeedOutcome, DEMO_PASSWORD, PARTNERS, VENDOR_NAME, VENDOR_PEOPLE,
};

/// Seeds the whole demo program once (nothing when it is already there),
/// its links (the social posts') below the default address.
pub async fn seed(db: &crate::db::Db) -> Result<SeedOutcome, AppError> {
    seed_at(db, &crate::people::server::public_url()).await
}

/// [`seed`], with the links below the portal's address `base`.
pub async fn seed_at(db: &crate::db::Db, base: &str) -> Result<SeedOutcome, AppError> {
    let outcome = crate::organisations::demo::seed(db).await?;
    if matches!(outcome, SeedOutcome::Seeded { .. }) {
        crate::onboarding::demo::seed_agreements(db).await?;
        crate::deals::demo::seed(db).await?;
        crate::recruit::demo::seed(db).await?;
        crate::learning::demo::seed(db).await?;
        crate::assets::demo::seed(db).await?;
        crate::campaigns::demo::seed(db, base).await?;
        crate::webhooks::demo::seed(db).await?;
        crate::onboarding::demo::seed_progress(db).await?;
        crate::tiers::demo::seed(db).await?;
        crate::funds::demo::seed(db).await?;
        crate::incentives::demo::seed(db).await?;
    }
    Ok(outcome)
}
