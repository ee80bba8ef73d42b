//! Incentives on the server: programs, the computation of earnings from
//! won deals, the statement, approvals, payments and questions.

mod compute;
mod decide;
mod statement;

pub use compute::{compute, create_program};
pub use decide::{answer, approve_all, pay_all, payouts_csv, question};
pub use statement::view;
