//! Onboarding on the server: the checklist from what happened, the
//! agreement and its signatures, the vendor overview with time to first
//! deal, and the stuck check the job runs.

mod agreement;
mod checklist;
mod overview;
mod stuck;

pub use agreement::{current, gate, hash, sign, signature};
pub use checklist::{checklist, record_event, skip, welcome};
pub use overview::overview;
pub use stuck::check_stuck;
