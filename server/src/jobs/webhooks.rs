//! The webhook sender: posts the deliveries that are due, each claimed
//! with a lease first (`app::webhooks::server::deliver_due`).

use app::{
    db::Db,
    error::AppError,
    webhooks::server::{deliver_due, Sender},
};

/// Sends what is due in one database's webhook outbox.
pub struct WebhookSender {
    pub db: Db,
    pub sender: Sender,
}

impl super::Job for WebhookSender {
    const NAME: &'static str = "webhook sender";

    async fn run(&self) -> Result<usize, AppError> {
        Ok(deliver_due(&self.db, &self.sender).await?)
    }
}
