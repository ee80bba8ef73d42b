//! Automatic tiers: thresholds the program admin sets per tier, a
//! recompute (nightly and on the events that move a partner) that places
//! every partner, explains each change in numbers, gives a falling
//! partner a grace period and, if the program wants, waits for approval.

pub mod api;
#[cfg(feature = "ssr")]
pub mod demo;
mod pages;
pub mod rules;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use pages::{TierPanel, TiersPage};
pub use rules::{Criterion, Measure, Metrics, TierRule};
pub use types::{ChangeKind, PendingChange, TierChange, TierSettings, TierStatus};

use crate::{
    format::{count_in, usd_from_cents_in},
    i18n::Locale,
};

impl Measure {
    /// `value` of this measure as people read it: "$1,240,000", "3", "8.2".
    pub fn show_in(self, l: Locale, value: i64) -> String {
        match self {
            Measure::Sourced | Measure::Influenced => usd_from_cents_in(l, value),
            Measure::Certified | Measure::Registrations => count_in(l, value),
            Measure::Psat => match l {
                Locale::En => format!("{}.{}", value / 10, value % 10),
                Locale::De => format!("{},{}", value / 10, value % 10),
            },
        }
    }

    /// The measure inside a sentence: its first letter lower case in
    /// English (German nouns keep their capitals).
    fn in_sentence(self, l: Locale) -> String {
        let label = self.label_in(l);
        let mut chars = label.chars();
        match (l, chars.next()) {
            (Locale::En, Some(first)) => first.to_lowercase().chain(chars).collect(),
            _ => label.to_owned(),
        }
    }
}

impl Criterion {
    /// "sourced revenue $1,240,000 ≥ $1,000,000" (or "<" when not met),
    /// in `l`.
    pub fn explain_in(&self, l: Locale) -> String {
        let sign = if self.met() { "≥" } else { "<" };
        format!(
            "{} {} {sign} {}",
            self.measure.in_sentence(l),
            self.measure.show_in(l, self.actual),
            self.measure.show_in(l, self.threshold)
        )
    }

    /// What is missing: "$180,000 more sourced revenue", "1 more
    /// certified person", "PSAT 7.5 or more".
    pub fn missing(&self) -> String {
        let l = Locale::current();
        let (gap, n) = (self.measure.show_in(l, self.gap()), self.gap());
        match self.measure {
            Measure::Sourced => t!("{amount} more sourced revenue", amount = gap),
            Measure::Influenced => t!("{amount} more influenced revenue", amount = gap),
            Measure::Certified if n == 1 => t!("1 more certified person").to_owned(),
            Measure::Certified => t!("{n} more certified people", n = gap),
            Measure::Registrations if n == 1 => t!("1 more approved registration").to_owned(),
            Measure::Registrations => t!("{n} more approved registrations", n = gap),
            Measure::Psat => t!(
                "PSAT {score} or more",
                score = self.measure.show_in(l, self.threshold)
            ),
        }
    }
}

/// The criteria joined for a sentence, in `l`: "a; b; c".
pub fn explain_all(l: Locale, criteria: &[Criterion]) -> String {
    criteria
        .iter()
        .map(|c| c.explain_in(l))
        .collect::<Vec<_>>()
        .join("; ")
}

/// What the tier form sends: each threshold as typed (empty: not
/// required) and the other benefits, one per line.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TierInput {
    pub min_sourced: String,
    pub min_influenced: String,
    pub min_certified: String,
    pub min_registrations: String,
    pub min_psat: String,
    pub benefits: String,
}

/// A tier's validated thresholds (`None`: not required) and benefits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TierEdit {
    pub thresholds: [Option<i64>; 5],
    pub benefits: String,
}

impl TierInput {
    /// Checks every field; all errors at once.
    pub fn validate(&self) -> Result<TierEdit, crate::error::AppError> {
        let mut errors: Vec<(&'static str, &'static str)> = Vec::new();
        let mut field = |name: &'static str,
                         text: &str,
                         parse: &dyn Fn(&str) -> Option<i64>,
                         message: &'static str| {
            let text = text.trim();
            if text.is_empty() {
                return None;
            }
            let value = parse(text);
            if value.is_none() {
                errors.push((name, message));
            }
            value
        };
        let money =
            |t: &str| crate::values::parse_minor_units(t).filter(|c| *c <= 100_000_000_000_000);
        let whole = |t: &str| {
            t.parse::<i64>()
                .ok()
                .filter(|n| (0..=1_000_000).contains(n))
        };
        let psat = |t: &str| {
            let cents = crate::values::parse_minor_units(t)?;
            (cents % 10 == 0 && cents <= 1000).then_some(cents / 10)
        };
        let thresholds = [
            field(
                "min_sourced",
                &self.min_sourced,
                &money,
                t!("Enter an amount in US dollars, or leave it empty."),
            ),
            field(
                "min_influenced",
                &self.min_influenced,
                &money,
                t!("Enter an amount in US dollars, or leave it empty."),
            ),
            field(
                "min_certified",
                &self.min_certified,
                &whole,
                t!("Enter a whole number, or leave it empty."),
            ),
            field(
                "min_registrations",
                &self.min_registrations,
                &whole,
                t!("Enter a whole number, or leave it empty."),
            ),
            field(
                "min_psat",
                &self.min_psat,
                &psat,
                t!("Enter a score from 0 to 10 with at most one decimal, or leave it empty."),
            ),
        ];
        let benefits: Vec<&str> = self
            .benefits
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if benefits.len() > 20 || benefits.iter().any(|b| b.chars().count() > 200) {
            errors.push((
                "benefits",
                t!("List at most 20 benefits of up to 200 characters each."),
            ));
        }
        if errors.is_empty() {
            Ok(TierEdit {
                thresholds,
                benefits: benefits.join("\n"),
            })
        } else {
            Err(crate::error::AppError::fields(errors))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tier_form_parses_each_threshold_or_leaves_it_unset() {
        let edit = TierInput {
            min_sourced: "1,000,000".into(),
            min_influenced: "".into(),
            min_certified: "2".into(),
            min_registrations: " ".into(),
            min_psat: "7.5".into(),
            benefits: "Quarterly reviews\n\n  Leads from Acme  ".into(),
        }
        .validate()
        .unwrap();
        assert_eq!(
            edit.thresholds,
            [Some(100_000_000), None, Some(2), None, Some(75)]
        );
        assert_eq!(edit.benefits, "Quarterly reviews\nLeads from Acme");
        let bad = TierInput {
            min_sourced: "lots".into(),
            min_certified: "-1".into(),
            min_psat: "7.55".into(),
            ..TierInput::default()
        };
        let err = bad.validate().unwrap_err();
        for field in ["min_sourced", "min_certified", "min_psat"] {
            assert!(err.message_for(field).is_some(), "{field}");
        }
        assert!(TierInput {
            min_psat: "11".into(),
            ..TierInput::default()
        }
        .validate()
        .is_err());
    }

    #[test]
    fn criteria_read_as_numbers() {
        let c = Criterion {
            measure: Measure::Sourced,
            actual: 124_000_000,
            threshold: 100_000_000,
        };
        assert_eq!(
            c.explain_in(Locale::En),
            "sourced revenue $1,240,000 ≥ $1,000,000"
        );
        let p = Criterion {
            measure: Measure::Psat,
            actual: 72,
            threshold: 75,
        };
        assert_eq!(
            p.explain_in(Locale::En),
            "partner satisfaction (PSAT) 7.2 < 7.5"
        );
        assert_eq!(
            p.explain_in(Locale::De),
            "Partnerzufriedenheit (PSAT) 7,2 < 7,5"
        );
        assert_eq!(explain_all(Locale::En, &[c, p]).matches("; ").count(), 1);
    }
}
