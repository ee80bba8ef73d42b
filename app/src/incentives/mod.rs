//! Incentives and earnings, kept deliberately simple (complicated rebate
//! structures drive partners to other vendors): rebates on won revenue,
//! referral fees on deals referral and influence partners sourced, and
//! SPIFFs per qualifying deal. Earnings are computed from won deals and
//! shown to the partner as a plain statement: per deal, the rule in one
//! sentence, the amount and where it stands.

pub mod api;
#[cfg(feature = "ssr")]
pub mod demo;
mod pages;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use pages::EarningsPage;
pub use types::*;

use crate::{
    error::AppError,
    format::{exact_amount_in, percent_from_bp_in},
    funds::{parse_amount, parse_share, vendor_share},
    i18n::Locale,
    values::{text_enum, Currency},
};

text_enum!(
    /// The three kinds of incentive.
    IncentiveKind {
        Rebate => "rebate", t!("Rebate");
        Referral => "referral", t!("Referral fee");
        Spiff => "spiff", t!("SPIFF");
    }
);

text_enum!(
    /// Where an earning stands.
    EarningStatus {
        Accrued => "accrued", t!("Accrued");
        Approved => "approved", t!("Approved for payment");
        Paid => "paid", t!("Paid");
    }
);

/// A program's rule: what a qualifying deal earns.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Rule {
    pub kind: IncentiveKind,
    pub rate_bp: Option<i64>,
    pub amount_minor: Option<i64>,
    pub currency: Currency,
    /// The tier it is for (its name), or every tier.
    pub tier: Option<String>,
    pub product: Option<String>,
}

impl Rule {
    /// What a qualifying deal worth `base` (in the rule's currency) earns,
    /// rounded down to the minor unit.
    pub fn earn(&self, base: i64) -> i64 {
        match self.kind {
            IncentiveKind::Spiff => self.amount_minor.unwrap_or(0),
            _ => vendor_share(base, self.rate_bp.unwrap_or(0)),
        }
    }

    /// Whether a won deal qualifies: the partner's `role` in it, its
    /// `products` and the partner's tier (`tier`, a name).
    pub fn qualifies(&self, role: &str, products: &str, tier: Option<&str>) -> bool {
        let role_fits = match self.kind {
            IncentiveKind::Rebate => matches!(role, "sourced" | "reseller" | "si"),
            IncentiveKind::Referral => matches!(role, "referral" | "influence"),
            IncentiveKind::Spiff => true,
        };
        let tier_fits = match (&self.tier, self.kind) {
            (_, IncentiveKind::Referral) | (None, _) => true,
            (Some(wanted), _) => tier == Some(wanted.as_str()),
        };
        let product_fits = self
            .product
            .as_ref()
            .is_none_or(|p| products.to_lowercase().contains(&p.to_lowercase()));
        role_fits && tier_fits && product_fits
    }

    /// The rule in one sentence, as the statement shows it.
    pub fn sentence_in(&self, l: Locale) -> String {
        let product = self.product.clone().unwrap_or_default();
        let tier = self.tier.clone().unwrap_or_default();
        let rate = percent_from_bp_in(l, self.rate_bp.unwrap_or(0));
        let base = match self.kind {
            IncentiveKind::Rebate => {
                crate::t!(in l, "{rate} of the revenue of each deal won", rate = rate)
            }
            IncentiveKind::Referral => {
                crate::t!(in l, "{rate} of each deal you referred that was won", rate = rate)
            }
            IncentiveKind::Spiff => crate::t!(
                in l,
                "{amount} for each deal won",
                amount = exact_amount_in(l, self.amount_minor.unwrap_or(0), self.currency.code())
            ),
        };
        let mut sentence = base;
        if !product.is_empty() {
            sentence.push_str(&crate::t!(in l, " with {product}", product = product));
        }
        if !tier.is_empty() && self.kind != IncentiveKind::Referral {
            sentence.push_str(&crate::t!(in l, ", at {tier} tier", tier = tier));
        }
        sentence.push('.');
        sentence
    }
}

/// A program as the program admin types it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ProgramInput {
    pub name: String,
    pub kind: String,
    /// Rebates and referral fees: a percentage.
    #[serde(default)]
    pub rate: String,
    /// SPIFFs: an amount per deal.
    #[serde(default)]
    pub amount: String,
    pub currency: String,
    #[serde(default)]
    pub tier: String,
    #[serde(default)]
    pub product: String,
    pub starts_on: String,
    pub ends_on: String,
}

/// A checked program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramDraft {
    pub name: String,
    pub kind: IncentiveKind,
    pub rate_bp: Option<i64>,
    pub amount_minor: Option<i64>,
    pub currency: Currency,
    pub tier: Option<String>,
    pub product: Option<String>,
    pub starts_on: String,
    pub ends_on: String,
}

impl ProgramInput {
    /// Checks every field, answering all the problems at once.
    pub fn validate(&self) -> Result<ProgramDraft, AppError> {
        let mut errors: Vec<(&str, &str)> = Vec::new();
        let name = self.name.trim();
        if name.chars().count() < 2 || name.chars().count() > 80 {
            errors.push(("name", t!("Enter a name of 2 to 80 characters.")));
        }
        let kind = IncentiveKind::parse(&self.kind);
        if kind.is_none() {
            errors.push(("kind", t!("Choose a value from the list.")));
        }
        let (rate_bp, amount_minor) = match kind {
            Some(IncentiveKind::Spiff) => {
                let amount = parse_amount(&self.amount);
                if amount.is_none() {
                    errors.push(("amount", t!("Enter an amount above zero, like 12,500.")));
                }
                (None, amount)
            }
            Some(_) => {
                let rate = parse_share(&self.rate);
                if rate.is_none() {
                    errors.push(("rate", t!("Enter a share from 1 to 100 %.")));
                }
                (rate, None)
            }
            None => (None, None),
        };
        let currency = Currency::parse(&self.currency);
        if currency.is_none() {
            errors.push(("currency", t!("Choose a value from the list.")));
        }
        let date = |text: &str| {
            let text = text.trim();
            crate::format::epoch_of_date(text).map(|_| text.to_owned())
        };
        let (starts, ends) = (date(&self.starts_on), date(&self.ends_on));
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
                    t!("The program must end on or after the day it starts."),
                ));
            }
        }
        let product = self.product.trim();
        if product.chars().count() > 80 {
            errors.push(("product", t!("Keep it under 80 characters.")));
        }
        match (kind, currency, starts, ends) {
            (Some(kind), Some(currency), Some(starts_on), Some(ends_on)) if errors.is_empty() => {
                Ok(ProgramDraft {
                    name: name.to_owned(),
                    kind,
                    rate_bp,
                    amount_minor,
                    currency,
                    tier: Some(self.tier.trim().to_owned()).filter(|t| !t.is_empty()),
                    product: Some(product.to_owned()).filter(|p| !p.is_empty()),
                    starts_on,
                    ends_on,
                })
            }
            _ => Err(AppError::fields(errors)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(kind: IncentiveKind) -> Rule {
        Rule {
            kind,
            rate_bp: (kind != IncentiveKind::Spiff).then_some(500),
            amount_minor: (kind == IncentiveKind::Spiff).then_some(50_000),
            currency: Currency::Usd,
            tier: Some("Gold".into()),
            product: Some("Acme Backup".into()),
        }
    }

    #[test]
    fn rebates_referral_fees_and_spiffs_earn_by_their_rule() {
        assert_eq!(rule(IncentiveKind::Rebate).earn(10_000_000), 500_000);
        assert_eq!(rule(IncentiveKind::Rebate).earn(199), 9, "rounded down");
        assert_eq!(rule(IncentiveKind::Referral).earn(2_000_000), 100_000);
        assert_eq!(
            rule(IncentiveKind::Spiff).earn(123),
            50_000,
            "fixed per deal"
        );
    }

    #[test]
    fn a_deal_qualifies_by_role_tier_and_product() {
        let rebate = rule(IncentiveKind::Rebate);
        assert!(rebate.qualifies("reseller", "Acme Compute, acme backup", Some("Gold")));
        assert!(
            !rebate.qualifies("referral", "Acme Backup", Some("Gold")),
            "a referral earns a fee, not a rebate"
        );
        assert!(
            !rebate.qualifies("reseller", "Acme Backup", Some("Silver")),
            "another tier"
        );
        assert!(
            !rebate.qualifies("reseller", "Acme Compute", Some("Gold")),
            "another product"
        );
        let referral = rule(IncentiveKind::Referral);
        assert!(
            referral.qualifies("influence", "Acme Backup", None),
            "fees are for every tier"
        );
        assert!(!referral.qualifies("sourced", "Acme Backup", Some("Gold")));
        let spiff = Rule {
            tier: None,
            product: None,
            ..rule(IncentiveKind::Spiff)
        };
        assert!(spiff.qualifies("si", "anything", None));
    }

    #[test]
    fn the_rule_reads_as_one_sentence() {
        let l = Locale::En;
        assert_eq!(
            rule(IncentiveKind::Rebate).sentence_in(l),
            "5% of the revenue of each deal won with Acme Backup, at Gold tier."
        );
        assert_eq!(
            Rule {
                product: None,
                ..rule(IncentiveKind::Referral)
            }
            .sentence_in(l),
            "5% of each deal you referred that was won."
        );
        assert_eq!(
            Rule {
                tier: None,
                product: None,
                ..rule(IncentiveKind::Spiff)
            }
            .sentence_in(l),
            "500 USD for each deal won."
        );
    }

    #[test]
    fn a_program_is_checked_field_by_field() {
        let good = ProgramInput {
            name: "Gold rebate".into(),
            kind: "rebate".into(),
            rate: "4".into(),
            amount: String::new(),
            currency: "USD".into(),
            tier: String::new(),
            product: String::new(),
            starts_on: "2027-01-01".into(),
            ends_on: "2027-12-31".into(),
        };
        let draft = good.validate().unwrap();
        assert_eq!((draft.rate_bp, draft.amount_minor), (Some(400), None));
        let spiff = ProgramInput {
            kind: "spiff".into(),
            rate: String::new(),
            amount: "250".into(),
            ..good.clone()
        };
        assert_eq!(spiff.validate().unwrap().amount_minor, Some(25_000));
        let bad = ProgramInput {
            rate: "0".into(),
            currency: "XYZ".into(),
            ends_on: "2026-12-31".into(),
            ..good
        };
        let Err(AppError::Validation(errors)) = bad.validate() else {
            panic!("refused")
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["rate", "currency", "ends_on"]);
    }
}
