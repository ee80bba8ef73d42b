//! Marketing development funds: a period's budget is allocated to
//! partners, partners request funds for activities, channel managers
//! review them on a clock, partners claim with proof of performance and
//! the vendor pays, in parts if it must. Nothing can be committed past
//! what was allocated, nor allocated past the budget: the database keeps
//! both (see `server/ledger.rs`).

pub mod api;
#[cfg(feature = "ssr")]
pub mod demo;
mod pages;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use pages::{FundRequestPage, FundsPage, PrivateOfferPanel};
pub use types::*;

use crate::{error::AppError, values::text_enum};

text_enum!(
    /// What a partner asks funds for.
    Activity {
        Event => "event", t!("Event");
        Digital => "digital", t!("Digital campaign");
        Content => "content", t!("Content");
        Training => "training", t!("Training");
    }
);

text_enum!(
    /// Where a fund request stands.
    RequestStatus {
        Submitted => "submitted", t!("Waiting for review");
        MoreInfo => "more_info", t!("More information asked");
        Approved => "approved", t!("Approved");
        Denied => "denied", t!("Denied");
    }
);

text_enum!(
    /// Where the claim of an approved request stands.
    ClaimStatus {
        Submitted => "submitted", t!("Claim waiting for review");
        Returned => "returned", t!("Claim returned");
        Approved => "approved", t!("Claim approved, payable");
        Paid => "paid", t!("Paid");
    }
);

text_enum!(
    /// What a channel manager decides on a fund request.
    Decision {
        Approve => "approve", t!("Approve as asked");
        Change => "change", t!("Approve a lower amount");
        MoreInfo => "more_info", t!("Ask for more information");
        Deny => "deny", t!("Deny");
    }
);

text_enum!(
    /// The cloud marketplaces a deal may transact through.
    Marketplace {
        Aws => "aws", "AWS Marketplace";
        Azure => "azure", "Microsoft Azure Marketplace";
        Gcp => "gcp", "Google Cloud Marketplace";
    }
);

text_enum!(
    /// Where a private offer stands.
    OfferStatus {
        Requested => "requested", t!("Requested");
        Extended => "extended", t!("Extended");
        Accepted => "accepted", t!("Accepted");
        Expired => "expired", t!("Expired");
    }
);

text_enum!(
    /// Why a proof upload was refused.
    ProofRefused {
        Missing => "missing", t!("Choose a file to upload.");
        NotProof => "not-proof", t!("Upload a PDF, PNG, JPEG or WebP file.");
        TooLarge => "too-large", t!("Upload files of at most 10 MB.");
        Closed => "closed", t!("Proof is added to an approved request until its claim is approved.");
    }
);

/// The largest proof file kept: 10 MB.
pub const MAX_PROOF: usize = 10 * 1024 * 1024;

/// One CSV field: quoted when it holds a separator, a quote or a line
/// break, and led by an apostrophe when a spreadsheet would run it as a
/// formula (`=`, `+`, `-`, `@`, tab, carriage return first).
pub fn csv_field(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The vendor's part of `cost_minor` at a participation rate of
/// `share_bp` basis points, rounded down to the minor unit: the vendor
/// never pays more than the rate says.
pub fn vendor_share(cost_minor: i64, share_bp: i64) -> i64 {
    (i128::from(cost_minor) * i128::from(share_bp) / 10_000) as i64
}

/// `minor` units of `from` in units of `to`, through the program's
/// reference rates (US dollars), rounded down.
pub fn convert(minor: i64, from: crate::values::Currency, to: crate::values::Currency) -> i64 {
    if from == to {
        return minor;
    }
    (i128::from(from.to_usd_cents(minor)) * 1_000_000 / i128::from(to.usd_rate_ppm())) as i64
}

/// Return on partner investment in basis points: (revenue − cost) / cost;
/// `None` when nothing was spent.
pub fn ropi_bp(revenue: i64, cost: i64) -> Option<i64> {
    (cost > 0)
        .then(|| ((i128::from(revenue) - i128::from(cost)) * 10_000 / i128::from(cost)) as i64)
}

/// What a claim of `actual_cost_minor` may ask, for a request approved at
/// `approved_minor` with a participation rate of `share_bp`: the vendor's
/// share of the actual cost, never more than was approved.
pub fn claimable(actual_cost_minor: i64, share_bp: i64, approved_minor: i64) -> i64 {
    vendor_share(actual_cost_minor, share_bp).min(approved_minor)
}

/// A participation rate as typed ("50", "37.5", "37,5") in basis points,
/// from 1 to 100 %, at most two decimals.
pub fn parse_share(text: &str) -> Option<i64> {
    let text = text.trim();
    let text = text
        .strip_suffix('%')
        .unwrap_or(text)
        .trim()
        .replace(',', ".");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    if whole.is_empty()
        || whole.len() > 3
        || fraction.len() > 2
        || !whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let bp = whole.parse::<i64>().ok()? * 100 + format!("{fraction:0<2}").parse::<i64>().ok()?;
    (1..=10_000).contains(&bp).then_some(bp)
}

/// The Unix time `days` business days (Monday to Friday, UTC) after
/// `epoch`: the review clock. A request sent on Friday evening with five
/// days is due the next Friday evening.
pub fn add_business_days(epoch: i64, days: i64) -> i64 {
    let mut at = epoch;
    let mut left = days;
    while left > 0 {
        at += 86_400;
        // 1970-01-01 was a Thursday: day 0 is weekday 4 (0 = Sunday).
        let weekday = (at.div_euclid(86_400) + 4).rem_euclid(7);
        if (1..=5).contains(&weekday) {
            left -= 1;
        }
    }
    at
}

/// The last day (ISO) a claim may be made for an activity ending on
/// `ends_on` (ISO), `days` later; `None` for a date that is not one.
pub fn claim_due(ends_on: &str, days: i64) -> Option<String> {
    crate::format::epoch_of_date(ends_on).map(|at| crate::format::utc_date(at + days * 86_400))
}

/// An allocation's figures, in its period's minor units: how much was
/// allocated, how much is asked in requests waiting, approved, claimed
/// (in claims sent or approved), paid; what is left to request.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Balance {
    pub allocated: i64,
    pub pending: i64,
    pub approved: i64,
    pub claimed: i64,
    pub paid: i64,
}

impl Balance {
    /// What may still be requested and approved.
    pub fn available(&self) -> i64 {
        self.allocated - self.approved
    }

    /// Approved but not yet claimed: the funds most at risk of going
    /// unused.
    pub fn unclaimed(&self) -> i64 {
        self.approved - self.claimed
    }
}

/// A fund request as typed, before it is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RequestInput {
    pub allocation: String,
    pub activity: String,
    pub title: String,
    pub description: String,
    pub planned_cost: String,
    pub share: String,
    pub expected_leads: String,
    pub expected_pipeline: String,
    pub starts_on: String,
    pub ends_on: String,
    #[serde(default)]
    pub campaign: String,
}

/// A checked fund request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestDraft {
    pub allocation: String,
    pub activity: Activity,
    pub title: String,
    pub description: String,
    pub planned_cost_minor: i64,
    pub share_bp: i64,
    pub requested_minor: i64,
    pub expected_leads: i64,
    pub expected_pipeline_minor: i64,
    pub starts_on: String,
    pub ends_on: String,
    pub campaign: Option<String>,
}

/// The largest amount anything in funds may be: a thousand billion minor
/// units, so sums of thousands never overflow.
pub const MAX_MINOR: i64 = 1_000_000_000_000_000;

/// An amount typed as people write it, in minor units, above zero and
/// at most [`MAX_MINOR`].
pub fn parse_amount(text: &str) -> Option<i64> {
    crate::values::parse_minor_units(text).filter(|m| (1..=MAX_MINOR).contains(m))
}

fn iso_date(text: &str) -> Option<String> {
    let text = text.trim();
    crate::format::epoch_of_date(text).map(|_| text.to_owned())
}

impl RequestInput {
    /// Checks every field, answering all the problems at once.
    pub fn validate(&self) -> Result<RequestDraft, AppError> {
        let mut errors: Vec<(&str, &str)> = Vec::new();
        let activity = Activity::parse(&self.activity);
        if activity.is_none() {
            errors.push(("activity", t!("Choose a value from the list.")));
        }
        if self.allocation.trim().is_empty() {
            errors.push(("allocation", t!("Choose the funds to draw on.")));
        }
        let title = self.title.trim();
        if title.chars().count() < 3 || title.chars().count() > 120 {
            errors.push(("title", t!("Enter a name of 3 to 120 characters.")));
        }
        let description = self.description.trim();
        if description.chars().count() < 10 || description.chars().count() > 4_000 {
            errors.push((
                "description",
                t!("Describe the activity in 10 to 4,000 characters."),
            ));
        }
        let cost = parse_amount(&self.planned_cost);
        if cost.is_none() {
            errors.push((
                "planned_cost",
                t!("Enter an amount above zero, like 12,500."),
            ));
        }
        let share = parse_share(&self.share);
        if share.is_none() {
            errors.push(("share", t!("Enter a share from 1 to 100 %.")));
        }
        let leads = self
            .expected_leads
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|n| (0..=1_000_000).contains(n));
        if leads.is_none() {
            errors.push((
                "expected_leads",
                t!("Enter a whole number from 0 to 1,000,000."),
            ));
        }
        let pipeline = match self.expected_pipeline.trim() {
            "" | "0" => Some(0),
            text => parse_amount(text),
        };
        if pipeline.is_none() {
            errors.push((
                "expected_pipeline",
                t!("Enter an amount, like 120,000, or leave it empty."),
            ));
        }
        let (starts, ends) = (iso_date(&self.starts_on), iso_date(&self.ends_on));
        if starts.is_none() {
            errors.push(("starts_on", t!("Enter a date.")));
        }
        if ends.is_none() {
            errors.push(("ends_on", t!("Enter a date.")));
        }
        if let (Some(s), Some(e)) = (&starts, &ends) {
            if e < s {
                errors.push((
                    "ends_on",
                    t!("The activity must end on or after the day it starts."),
                ));
            }
        }
        let requested = cost.zip(share).map(|(c, s)| vendor_share(c, s));
        if requested == Some(0) {
            errors.push((
                "share",
                t!("The vendor's share of this cost rounds to nothing."),
            ));
        }
        match (
            activity, cost, share, leads, pipeline, starts, ends, requested,
        ) {
            (
                Some(activity),
                Some(cost),
                Some(share),
                Some(leads),
                Some(pipeline),
                Some(starts),
                Some(ends),
                Some(requested),
            ) if errors.is_empty() => Ok(RequestDraft {
                allocation: self.allocation.trim().to_owned(),
                activity,
                title: title.to_owned(),
                description: description.to_owned(),
                planned_cost_minor: cost,
                share_bp: share,
                requested_minor: requested,
                expected_leads: leads,
                expected_pipeline_minor: pipeline,
                starts_on: starts,
                ends_on: ends,
                campaign: Some(self.campaign.trim().to_owned()).filter(|c| !c.is_empty()),
            }),
            _ => Err(AppError::fields(errors)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vendor_share_rounds_down_and_a_claim_never_passes_the_approval() {
        assert_eq!(vendor_share(1_000_000, 5_000), 500_000);
        assert_eq!(vendor_share(333, 5_000), 166, "half a cent goes to nobody");
        assert_eq!(vendor_share(MAX_MINOR, 10_000), MAX_MINOR, "no overflow");
        assert_eq!(
            claimable(800_000, 5_000, 500_000),
            400_000,
            "spent less: half of it"
        );
        assert_eq!(
            claimable(1_400_000, 5_000, 500_000),
            500_000,
            "spent more: the approval"
        );
        assert_eq!(
            claimable(1_000_000, 7_500, 600_000),
            600_000,
            "approved lower than asked"
        );
    }

    #[test]
    fn csv_fields_are_quoted_and_never_run_as_formulas() {
        assert_eq!(csv_field("Northwind"), "Northwind");
        assert_eq!(csv_field("Leeds, UK"), "\"Leeds, UK\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        for risky in ["+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert!(
                csv_field(risky).trim_start_matches('"').starts_with('\''),
                "{risky:?}"
            );
        }
    }

    #[test]
    fn ropi_is_revenue_over_cost_and_currencies_convert_at_the_reference_rate() {
        assert_eq!(
            ropi_bp(5_000_000, 1_000_000),
            Some(40_000),
            "4× back: 400 %"
        );
        assert_eq!(ropi_bp(500_000, 1_000_000), Some(-5_000), "half lost");
        assert_eq!(ropi_bp(0, 0), None);
        use crate::values::Currency::{Eur, Usd};
        assert_eq!(convert(100_000, Eur, Usd), 108_000);
        assert_eq!(convert(108_000, Usd, Eur), 100_000);
        assert_eq!(convert(12_345, Usd, Usd), 12_345);
    }

    #[test]
    fn shares_are_percentages_with_two_decimals() {
        assert_eq!(parse_share("50"), Some(5_000));
        assert_eq!(parse_share("37.5 %"), Some(3_750));
        assert_eq!(parse_share("37,25"), Some(3_725));
        assert_eq!(parse_share("100"), Some(10_000));
        for bad in [
            "", "0", "0.00", "100.01", "101", "-5", "abc", "1.234", "50%%",
        ] {
            assert_eq!(parse_share(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_review_clock_counts_business_days() {
        // 2026-12-04 is a Friday.
        let friday = crate::format::epoch_of_date("2026-12-04").unwrap() + 17 * 3600;
        let due = add_business_days(friday, 5);
        assert_eq!(
            crate::format::utc_date(due),
            "2026-12-11",
            "the next Friday"
        );
        assert_eq!(due % 86_400, 17 * 3600, "same time of day");
        let saturday = friday + 86_400;
        assert_eq!(
            crate::format::utc_date(add_business_days(saturday, 1)),
            "2026-12-07",
            "Monday"
        );
        assert_eq!(add_business_days(friday, 0), friday);
    }

    #[test]
    fn claims_are_due_days_after_the_activity() {
        assert_eq!(claim_due("2026-12-20", 60).as_deref(), Some("2027-02-18"));
        assert_eq!(claim_due("2026-02-30", 60), None);
    }

    #[test]
    fn a_balance_says_what_is_left() {
        let b = Balance {
            allocated: 1_000,
            pending: 300,
            approved: 600,
            claimed: 250,
            paid: 100,
        };
        assert_eq!(b.available(), 400);
        assert_eq!(b.unclaimed(), 350);
    }

    fn input() -> RequestInput {
        RequestInput {
            allocation: "a".into(),
            activity: "event".into(),
            title: "Security breakfast".into(),
            description: "A breakfast for twenty IT leads in Leeds.".into(),
            planned_cost: "10,000".into(),
            share: "50".into(),
            expected_leads: "20".into(),
            expected_pipeline: "150,000".into(),
            starts_on: "2027-01-10".into(),
            ends_on: "2027-01-10".into(),
            campaign: String::new(),
        }
    }

    #[test]
    fn a_request_is_checked_field_by_field() {
        let draft = input().validate().unwrap();
        assert_eq!(draft.planned_cost_minor, 1_000_000);
        assert_eq!(draft.requested_minor, 500_000);
        assert_eq!(draft.expected_pipeline_minor, 15_000_000);
        assert_eq!(draft.campaign, None);
        let bad = RequestInput {
            planned_cost: "-5".into(),
            share: "120".into(),
            ends_on: "2027-01-09".into(),
            activity: "party".into(),
            expected_leads: "many".into(),
            ..input()
        };
        let Err(AppError::Validation(errors)) = bad.validate() else {
            panic!("refused");
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "activity",
                "planned_cost",
                "share",
                "expected_leads",
                "ends_on"
            ]
        );
        let huge = RequestInput {
            planned_cost: "99999999999999999999".into(),
            ..input()
        };
        assert!(huge.validate().is_err());
        let dust = RequestInput {
            planned_cost: "0.01".into(),
            share: "1".into(),
            ..input()
        };
        assert!(dust.validate().is_err(), "a share worth nothing");
    }
}
