//! The public program page: who runs the program and what each tier gives.

pub mod api;
mod page;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use page::ProgramPage;
pub use types::{ProgramOverview, TierSummary};
