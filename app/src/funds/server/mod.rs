//! Funds on the server: the ledger that keeps totals within their limits,
//! periods and allocations, requests, claims and payments, and what the
//! pages read.

mod accrual;
mod claims;
mod ledger;
mod offers;
mod periods;
mod requests;
mod views;

pub use accrual::{accrue, remind_expiring};
pub use claims::{
    add_proof, payouts_csv, proof, record_payment, record_payouts, review_claim, submit_claim,
    ClaimDecision,
};
pub use offers::{offer_of, record_offer, request_offer, revenue_by_route, OfferRecord};
pub use periods::{allocate, check_period, create_period, Grant, PeriodDraft, Recipients};
pub use requests::{
    answer_request, check_review, review_request, reviewers, submit_request, Review,
};
pub use views::{detail, overview};
