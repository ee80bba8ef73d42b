//! Lifecycle jobs. The tier recompute: every live partner placed by the rules, nightly
//! (and at start). Events that move one partner (a deal won, a rule
//! changed) recompute at once; this catches the calendar: revenue ageing
//! out of the twelve months, grace periods ending.

use app::{db::Db, error::AppError};

/// The nightly recompute over one database.
pub struct TierRecompute {
    pub db: Db,
}

impl super::Job for TierRecompute {
    const NAME: &'static str = "tier recompute";

    async fn run(&self) -> Result<usize, AppError> {
        Ok(app::tiers::server::recompute(&self.db, None).await?.changed)
    }
}

/// Rescoring open applications when the program's partners changed
/// (revenue won, a partner offboarded): on the same clock.
pub struct ApplicationRescore {
    pub db: Db,
}

impl super::Job for ApplicationRescore {
    const NAME: &'static str = "application rescore";

    async fn run(&self) -> Result<usize, AppError> {
        let mut tx = self.db.write(app::db::Actor::system()).await?;
        let changed = app::recruit::server::rescore_open(&mut tx).await?;
        tx.commit().await?;
        Ok(changed)
    }
}

/// The onboarding stuck check: progress noted, reminders for partners
/// stuck 14 days (hourly).
pub struct OnboardingCheck {
    pub db: Db,
}

impl super::Job for OnboardingCheck {
    const NAME: &'static str = "onboarding check";

    async fn run(&self) -> Result<usize, AppError> {
        app::onboarding::server::check_stuck(&self.db, app::auth::server::now()).await
    }
}
