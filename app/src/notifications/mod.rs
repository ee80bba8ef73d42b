//! In-app notifications: what the outbox emails a person is also kept for
//! them in the portal, with a link to what it is about, an unread count in
//! the header and a list at `/notifications`. Written in the same
//! transaction as the change that causes it, like the email.

pub mod api;
mod pages;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use pages::NotificationsPage;
pub use types::{Inbox, Notification};
