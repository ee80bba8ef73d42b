//! Wire types of notifications: a person's own, nobody else's.

use serde::{Deserialize, Serialize};

/// One notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Notification {
    pub id: String,
    pub subject: String,
    pub body: String,
    pub link: String,
    pub created_at: i64,
    /// When it was marked read; `None` while unread.
    pub read_at: Option<i64>,
}

/// The caller's newest notifications (50) and how many are unread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inbox {
    pub notifications: Vec<Notification>,
    pub unread: i64,
}
