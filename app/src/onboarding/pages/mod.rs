//! The onboarding pages: the checklist (on the partner's home and at
//! `/onboarding`, where vendor staff see every onboarding partner), the
//! agreement and its signed copy, and the welcome kit.

mod agreement;
mod checklist;
mod welcome;

pub use agreement::{AgreementPage, SignedAgreementPage};
pub use checklist::{OnboardingPage, OnboardingPanel};
pub use welcome::WelcomePage;
