//! Recruiting on the server: the fit score's inputs, submission, the
//! review queue and decisions. The server functions in `api.rs`, the
//! rescoring job and the REST API call these, never a copy. Applications
//! are vendor business: no partner reads them.

mod program;
mod prospects;
mod read;
mod review;
mod submit;

pub use program::{best_performers, rescore_open, update_weights, weights, PERIOD};
pub use prospects::add_prospect;
pub use read::{detail, lookalikes, queue, QueueFilter, QueueOrder, LOOKALIKES};
pub use review::decide;
pub use submit::{submit, Submitted, HOURLY_LIMIT};
