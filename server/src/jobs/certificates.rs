//! Certificates on the calendar (hourly): expiry reminders 60, 30 and 7
//! days before, and expiries, which recount the organisation's certified
//! people and re-evaluate its tier at once.

use app::{db::Db, error::AppError};

pub struct CertificateSweep {
    pub db: Db,
    /// Where people reach the portal, for links in the emails.
    pub public_url: String,
}

impl super::Job for CertificateSweep {
    const NAME: &'static str = "certificate sweep";

    async fn run(&self) -> Result<usize, AppError> {
        self.sweep_at(app::auth::server::now()).await
    }
}

impl CertificateSweep {
    /// One run as of `now` (tests move the clock).
    pub async fn sweep_at(&self, now: i64) -> Result<usize, AppError> {
        let swept = app::learning::server::sweep(&self.db, now, &self.public_url).await?;
        for organisation in &swept.organisations {
            app::tiers::server::recompute(&self.db, Some(organisation)).await?;
        }
        Ok(swept.reminders + swept.expired)
    }
}
