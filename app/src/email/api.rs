//! The outbox as the program admin sees it (where no SMTP server is set up
//! in development, this is where invitation and reset links can be read).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct OutboxMessage {
    pub created_at: i64,
    pub to_address: String,
    pub subject: String,
    pub body: String,
    pub status: String,
    pub attempts: i64,
}

/// The 50 most recent messages.
///
/// Who may call: the program admin only. Errors: `Unauthenticated`,
/// `Forbidden`, `Internal`.
#[server(endpoint = "outbox_messages")]
pub async fn outbox_messages() -> Result<Vec<OutboxMessage>, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_program(&viewer)?;
    Ok(sqlx::query_as::<_, OutboxMessage>(
        "SELECT created_at, to_address, subject, body, status, attempts FROM outbox \
         ORDER BY created_at DESC, id LIMIT 50",
    )
    .fetch_all(&db.pool)
    .await?)
}
