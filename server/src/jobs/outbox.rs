//! The outbox sender: delivers queued email over SMTP, each message claimed
//! with a lease first (`email::server::deliver_due`), retried with backoff.

use app::{
    db::Db,
    email::server::{deliver_due, Mailer},
    error::AppError,
};

/// Sends what is due in one database's outbox through one SMTP server.
pub struct OutboxSender {
    pub db: Db,
    pub mailer: Mailer,
}

impl super::Job for OutboxSender {
    const NAME: &'static str = "outbox sender";

    async fn run(&self) -> Result<usize, AppError> {
        Ok(deliver_due(&self.db, &self.mailer).await?)
    }
}
