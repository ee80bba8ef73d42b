//! The lead offer sweep: an offered lead left unanswered past the
//! program's time moves on to the next partner
//! (`app::campaigns::server::expire_offers`, each offer claimed by a
//! guarded update, so two app servers never move one lead twice).

use app::{auth::server::now, campaigns::server::expire_offers, db::Db, error::AppError};

pub struct LeadOfferSweep {
    pub db: Db,
}

impl super::Job for LeadOfferSweep {
    const NAME: &'static str = "lead offer sweep";

    async fn run(&self) -> Result<usize, AppError> {
        Ok(expire_offers(&self.db, now()).await?)
    }
}
