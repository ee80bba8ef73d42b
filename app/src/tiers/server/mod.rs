//! Tiers on the server: where every partner stands (one pass over the
//! year's deals), the recompute that places them, a partner's standing and
//! history, and the program admin's rules. The jobs, the server functions
//! and the benchmark call these, never a copy.

mod history;
mod measure;
mod recompute;
mod settings;
mod standing;

pub use measure::{measure, PERIOD};
pub use recompute::{recompute, Recomputed};
pub use settings::{decide_proposal, load_rules, settings, update_policy, update_tier};
pub use standing::status;
