//! The onboarding pages: the checklist (on the partner's home and at
//! `/onboarding`, where vendor staff see every onboarding partner), the
//! agreement and its signed copy, the welcome kit, and the tracks the
//! program admin edits.

mod agreement;
mod checklist;
mod tracks;
mod welcome;

pub use agreement::{AgreementPage, SignedAgreementPage};
pub use checklist::{OnboardingPage, OnboardingPanel};
pub use tracks::TracksPage;
pub use welcome::WelcomePage;
