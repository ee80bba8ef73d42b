//! Wire types of tiers. A partner reads only its own standing and history.

use serde::{Deserialize, Serialize};

use super::{Criterion, Metrics};
use crate::values::text_enum;

text_enum!(
    /// What happened to a partner's tier.
    ChangeKind {
        Moved => "moved", t!("Tier changed");
        Warned => "warned", t!("Falling below its tier");
        Recovered => "recovered", t!("Back above its tier's thresholds");
        Proposed => "proposed", t!("Change waiting for approval");
        Approved => "approved", t!("Change approved");
        Declined => "declined", t!("Change declined");
    }
);

/// One entry of the tier history, with the numbers behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierChange {
    pub kind: ChangeKind,
    pub from: Option<String>,
    pub to: Option<String>,
    /// The thresholds of the tier that decided, against where the partner
    /// stood.
    pub criteria: Vec<Criterion>,
    pub due_at: Option<i64>,
    pub by: Option<String>,
    pub at: i64,
}

/// A change not yet made: a fall at `due_at` unless the partner recovers,
/// or a change waiting for approval (`due_at` is `None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingChange {
    pub to: String,
    pub due_at: Option<i64>,
    /// The current tier's thresholds it no longer meets.
    pub unmet: Vec<Criterion>,
}

/// A partner's tier, what the next one takes, and the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierStatus {
    pub tier: String,
    pub metrics: Metrics,
    /// The next tier and every threshold it sets, measured.
    pub next: Option<(String, Vec<Criterion>)>,
    pub pending: Option<PendingChange>,
    pub history: Vec<TierChange>,
}

/// How the program treats tier changes, and the changes waiting for the
/// program admin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierSettings {
    pub rules: Vec<super::TierRule>,
    pub benefits: Vec<String>,
    pub grace_days: i64,
    pub needs_approval: bool,
    /// (organisation id, name, from, to) of each proposed change.
    pub proposed: Vec<(String, String, String, String)>,
}
