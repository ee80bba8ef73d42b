//! Organisations on the server. Every query takes the caller's tenant
//! scope: `Some(organisation id)` for partner people, `None` for vendor
//! staff.

mod profile;

pub use profile::{profile, update_profile};
