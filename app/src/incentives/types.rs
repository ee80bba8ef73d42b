//! What the earnings page receives: the programs' rules and the caller's
//! own earnings (vendor staff: every partner's).

use serde::{Deserialize, Serialize};

use super::{EarningStatus, IncentiveKind};
use crate::values::Currency;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct EarningsView {
    pub vendor: bool,
    /// The program admin defines programs and records payments.
    pub may_manage: bool,
    /// Channel managers and the program admin approve and answer.
    pub may_approve: bool,
    /// Partner people may question their own lines.
    pub may_question: bool,
    pub programs: Vec<ProgramRow>,
    pub lines: Vec<EarningLine>,
    /// Per currency: earned this quarter and this year (by the day the
    /// deal was won), paid this year.
    pub totals: Vec<Totals>,
    /// What this year's deals would have earned at the next tier.
    pub next_tier: Option<NextTier>,
    /// Vendor staff: revenue won this year by route (partners alone, a
    /// cloud marketplace), in US cents.
    pub route: Option<crate::funds::RouteRevenue>,
    /// For the program form: tiers (id, name).
    pub tiers: Vec<(String, String)>,
    pub today: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ProgramRow {
    pub id: String,
    pub name: String,
    pub kind: IncentiveKind,
    pub rule: String,
    pub starts_on: String,
    pub ends_on: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EarningLine {
    pub id: String,
    pub organisation_name: String,
    pub deal_id: String,
    pub deal_reference: String,
    pub customer: String,
    pub program: String,
    pub rule: String,
    pub currency: Currency,
    pub base: i64,
    pub amount: i64,
    pub status: EarningStatus,
    pub earned_at: i64,
    pub question: Option<String>,
    pub answer: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Totals {
    pub currency: Currency,
    pub quarter: i64,
    pub year: i64,
    pub paid: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NextTier {
    pub tier: String,
    /// Per currency, how much more this year's deals would have earned.
    pub more: Vec<(Currency, i64)>,
}
