//! Writes the landing-page views each app server counted in memory. Every
//! server flushes only its own tally, adding to the shared daily rows, so
//! several servers never count a view twice.

use app::{campaigns::server::ViewTally, db::Db, error::AppError};

/// Flushes one server's view tally into its database.
pub struct ViewFlush {
    pub db: Db,
    pub views: ViewTally,
}

impl super::Job for ViewFlush {
    const NAME: &'static str = "landing view flush";

    async fn run(&self) -> Result<usize, AppError> {
        Ok(self.views.flush(&self.db).await?)
    }
}
