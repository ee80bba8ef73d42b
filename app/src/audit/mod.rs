//! The append-only audit log: who did what to which record, when, from where.
//! The database refuses updates and deletes (triggers in the migration).

#[cfg(feature = "ssr")]
pub mod server;

pub mod api;
mod page;

pub use page::AuditLogPage;
