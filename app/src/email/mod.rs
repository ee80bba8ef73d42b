//! Email: every message goes through the `outbox` table and a background
//! sender, so nothing acknowledged is lost when the mail server is down.

pub mod api;
mod page;
#[cfg(feature = "ssr")]
pub mod server;

pub use page::OutboxPage;
