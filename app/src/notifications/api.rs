//! Server functions for notifications.

use leptos::prelude::*;

use super::Inbox;
use crate::error::AppError;

/// The caller's own notifications, newest first; nobody else's.
///
/// Who may call: any signed-in person. Errors: `Unauthenticated`, `Internal`.
#[server(endpoint = "notifications")]
pub async fn notifications() -> Result<Inbox, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    Ok(super::server::inbox(&db, &viewer.person_id).await?)
}

/// Marks all of the caller's notifications read.
///
/// Who may call: any signed-in person. Errors: `Unauthenticated`, `Internal`.
#[server(endpoint = "mark_notifications_read")]
pub async fn mark_notifications_read() -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::server::mark_read(&db, &viewer.person_id).await?;
    Ok(())
}
