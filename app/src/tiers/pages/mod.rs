//! The tier pages: a partner's tier panel (on its organisation page) and
//! the program admin's rules at `/program/tiers`.

mod panel;
mod rules;

pub use panel::TierPanel;
pub use rules::TiersPage;
