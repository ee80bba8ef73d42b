//! What the webhooks page shows, to the organisation's own admins only:
//! an endpoint's signing secret is theirs to verify with, never another's.

use serde::{Deserialize, Serialize};

use super::{DeliveryStatus, WebhookEvent};

/// One of the organisation's endpoints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndpointRow {
    pub id: String,
    pub url: String,
    /// The signing secret (`whsec_...`): the organisation's own admins
    /// need it to verify what arrives, so their page can show it.
    pub secret: String,
    pub events: Vec<WebhookEvent>,
    pub active: bool,
    pub created_at: i64,
    pub delivered: i64,
    pub waiting: i64,
    pub failed: i64,
}

/// One delivery in the log, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryRow {
    pub id: String,
    pub endpoint_url: String,
    pub event: WebhookEvent,
    pub subject_id: String,
    pub status: DeliveryStatus,
    pub attempts: i64,
    pub last_code: Option<i64>,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub delivered_at: Option<i64>,
    pub payload: String,
    pub tries: Vec<AttemptRow>,
}

/// One try at a delivery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptRow {
    pub at: i64,
    pub code: Option<i64>,
    pub error: Option<String>,
    pub duration_ms: i64,
    pub replay: bool,
}

/// The webhooks page: the organisation's endpoints and their latest
/// deliveries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhooksView {
    pub endpoints: Vec<EndpointRow>,
    pub deliveries: Vec<DeliveryRow>,
    /// Vendor endpoints are told of partners' leads without the people in
    /// them; the page says so.
    pub vendor: bool,
}

/// A new endpoint and its signing secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EndpointCreated {
    pub id: String,
    pub secret: String,
}
