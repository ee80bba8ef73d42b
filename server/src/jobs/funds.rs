//! Marketing funds on the clock (hourly, on every app server): accrued
//! allocations brought to their share of won revenue (deals won in the
//! portal do it at once; this catches the calendar and deals closed by
//! other means), earnings counted under the incentive programs (the same),
//! and partners whose funds expire within two weeks told, once each, with
//! their channel manager.

use app::{db::Db, error::AppError};

pub struct FundsCheck {
    pub db: Db,
}

impl super::Job for FundsCheck {
    const NAME: &'static str = "funds check";

    async fn run(&self) -> Result<usize, AppError> {
        let accrued = app::funds::server::accrue(&self.db, None).await?;
        let earned = app::incentives::server::compute(&self.db, None).await?;
        let told = app::funds::server::remind_expiring(&self.db, app::auth::server::now()).await?;
        Ok(accrued + earned + told)
    }
}
