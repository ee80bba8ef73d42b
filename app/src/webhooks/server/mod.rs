//! Webhooks on the server: endpoints and their log (an organisation's own
//! only, never another's, whatever the caller's role), the outbox written
//! inside the change it tells of, and the sender.

mod deliver;
mod endpoints;
mod enqueue;

pub use deliver::{deliver_due, replay, Sender};
pub use endpoints::{add, set_active, view};
