//! Campaigns on the server: the catalogue and launching (signed in), the
//! public landing pages and their leads. Every query on a partner's
//! campaigns or leads is scoped by the caller's tenant.

mod authoring;
mod brand;
mod catalogue;
mod images;
mod landing;
mod launch;
mod leads;
mod rollup;
mod routing;
mod sends;
mod social;
mod streams;
mod views;

pub use authoring::{
    create as create_template, edit_view, publish, review, save as save_template, unpublish,
};
pub use brand::{brand_of, public_logo};
pub use catalogue::{campaign, catalogue, launch_view};
pub use images::{image, image_url, upload_image, MAX_IMAGE};
pub use landing::{landing, take_lead, Landing, LeadOutcome};
pub use launch::{end, launch};
pub use leads::{change_status, lead, leads, mark_converted};
pub use routing::{
    answer, enter, expire_offers, import as import_leads, import_report, route, routing_view,
    save_rules,
};
pub use sends::{
    click, discard, draft_from_list, draft_from_upload, queue, record_open, send_page, send_view,
    tracked, unsubscribe, Tracked, SENDS_PER_SECOND,
};
pub use social::{place_due, Connector, DuePost, Placed, ShareLinks, WebhookConnector};
pub use streams::{deliver_to_streams, streams, subscribe};
pub use views::ViewTally;

use super::content::Content;

/// Leads a list shows, newest first.
const LIST_LENGTH: i64 = 500;

/// Content stored as JSON, read back; a row that does not parse is an
/// internal error, never a page that renders half.
fn parse_content(json: &str) -> Result<Content, sqlx::Error> {
    serde_json::from_str(json).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

/// The first second of the UTC day of `at`.
fn day_of(at: i64) -> i64 {
    at - at.rem_euclid(86_400)
}
