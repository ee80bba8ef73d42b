//! The webhooks page.

mod webhooks;

pub use webhooks::WebhooksPage;
