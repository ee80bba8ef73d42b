//! Onboarding on the server: the checklist from what happened, the
//! agreement and its signatures, the vendor overview with time to first
//! deal, the onboarding check the job runs, and the tracks the program
//! admin edits.

mod agreement;
mod checklist;
mod overview;
mod stuck;
mod tracks;

pub use agreement::{current, gate, hash, sign, signature};
pub use checklist::{checklist, record_event, skip, welcome};
pub use overview::overview;
pub use stuck::check_stuck;
pub use tracks::{publish_agreement, save_track, tracks};
