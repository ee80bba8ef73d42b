//! Wire types of onboarding. A partner reads only its own checklist,
//! agreement and signatures.

use serde::{Deserialize, Serialize};

use super::{Step, StepState};
use crate::organisations::PartnerType;

/// One step of a checklist and where to do it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepView {
    pub step: Step,
    pub state: StepState,
    pub href: String,
}

/// A partner's checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checklist {
    pub organisation_id: String,
    pub organisation_name: String,
    /// Still onboarding (the checklist shows on its home).
    pub onboarding: bool,
    pub steps: Vec<StepView>,
    pub finished: i64,
    /// When the checklist last moved (or the partner joined).
    pub progress_at: Option<i64>,
    pub stuck: bool,
}

/// The agreement a partner's type signs, and its signature if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementView {
    pub id: String,
    pub version: i64,
    pub title: String,
    pub body: String,
    pub sha256: String,
    pub published_at: i64,
    /// Sign by then, or deal registration stops (a new version's grace).
    pub sign_by: Option<i64>,
    pub signature: Option<SignatureView>,
    pub may_sign: bool,
}

/// A signature, as its printable copy shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignatureView {
    pub id: String,
    pub organisation_name: String,
    pub agreement_title: String,
    pub version: i64,
    pub body: String,
    pub full_name: String,
    pub title: String,
    pub signed_at: i64,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub sha256: String,
}

/// Vendor staff's view: every onboarding partner's checklist, and time to
/// first deal across the program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnboardingOverview {
    pub partners: Vec<Checklist>,
    /// Days from joining to the first approved registration, per partner.
    pub to_first_approval: Vec<i64>,
    /// Days from joining to the first won deal, per partner.
    pub to_first_win: Vec<i64>,
    /// Partners that joined and have no approved registration yet.
    pub without_deal: i64,
}

/// A partner type's track, as the program admin edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackView {
    pub partner_type: PartnerType,
    /// The welcome kit (Markdown).
    pub welcome: String,
    /// The steps this type goes through, in order.
    pub steps: Vec<Step>,
    /// The agreement in force, if the type has one.
    pub agreement: Option<PublishedAgreement>,
    /// Live partners of this type, and how many signed the version in force.
    pub partners: i64,
    pub signed: i64,
}

/// A published version of an agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedAgreement {
    pub version: i64,
    pub title: String,
    pub body: String,
    pub sha256: String,
    pub grace_days: i64,
    pub published_at: i64,
}
