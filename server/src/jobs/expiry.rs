//! Deal protection: warnings 14 and 3 days before it ends, and expiry when
//! it has (the customer is free again). Each warning and each expiry is
//! claimed by a guarded UPDATE in its own write (`deals::server::sweep`).

use app::{auth::server::now, db::Db, error::AppError};

/// The protection sweep over one database.
pub struct ProtectionSweep {
    pub db: Db,
}

impl super::Job for ProtectionSweep {
    const NAME: &'static str = "deal protection sweep";

    async fn run(&self) -> Result<usize, AppError> {
        let (warned, expired) = app::deals::server::sweep(&self.db, now()).await?;
        Ok(warned + expired)
    }
}
