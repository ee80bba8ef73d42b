//! The social poster: places each due social post of a live campaign
//! with the first connector that takes it (`app::campaigns::server::place_due`,
//! each post claimed by a guarded update).

use app::{auth::server::now, campaigns::server::place_due, db::Db, error::AppError};

pub struct SocialPoster {
    pub db: Db,
}

impl super::Job for SocialPoster {
    const NAME: &'static str = "social poster";

    async fn run(&self) -> Result<usize, AppError> {
        Ok(place_due(&self.db, now()).await?)
    }
}
