//! Deal registration on the server: repository and service functions,
//! each taking the database (or a write), the [`Viewer`](crate::auth::Viewer)
//! and parsed input. The server functions in `api.rs`, the jobs and the
//! REST API call these, never a copy. Every query on registrations takes the
//! caller's tenant scope (`Some(organisation)` for partners).

mod conflicts;
mod cosell;
mod lifecycle;
mod program;
mod read;
mod register;
mod review;
mod tx;

pub use conflicts::findings;
pub use cosell::{add_co_seller, addable, of_deal, record_touchpoint};
pub use lifecycle::{close, decide_extension, hand_over, request_extension, sweep, OpenDeals};
pub use program::{add_direct_accounts, approve_clean, direct_accounts, rules, update_rules};
pub use read::{detail, list, queue, PAGE_SIZE};
pub use register::{register, Registered};
pub use review::{decide, respond};
