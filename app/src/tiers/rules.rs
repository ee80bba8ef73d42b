//! The tier rules: what a partner must reach for each tier, where it
//! stands, and what changes, with the reasons in numbers. Pure: the
//! recompute job, the pages and the benchmark all use these.

use serde::{Deserialize, Serialize};

use crate::values::text_enum;

text_enum!(
    /// What a tier may require, each over the trailing twelve months
    /// except the stored counts.
    Measure {
        Sourced => "sourced", t!("Sourced revenue");
        Influenced => "influenced", t!("Influenced revenue");
        Certified => "certified", t!("Certified people");
        Registrations => "registrations", t!("Approved registrations");
        Psat => "psat", t!("Partner satisfaction (PSAT)");
    }
);

/// Where a partner stands on every measure: revenue in US cents, PSAT in
/// tenths (0-100; `None`: not surveyed).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metrics {
    pub sourced_cents: i64,
    pub influenced_cents: i64,
    pub certified: i64,
    pub registrations: i64,
    pub psat_tenths: Option<i64>,
}

impl Metrics {
    /// The value of `measure`; an unsurveyed PSAT counts as none.
    pub fn value(&self, measure: Measure) -> i64 {
        match measure {
            Measure::Sourced => self.sourced_cents,
            Measure::Influenced => self.influenced_cents,
            Measure::Certified => self.certified,
            Measure::Registrations => self.registrations,
            Measure::Psat => self.psat_tenths.unwrap_or(-1),
        }
    }
}

/// A tier and its thresholds (`None`: not required), in rank order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierRule {
    pub id: String,
    pub name: String,
    pub rank: i64,
    /// Indexed like [`Measure::ALL`].
    pub thresholds: [Option<i64>; 5],
}

/// One threshold and how the partner measures against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub measure: Measure,
    pub actual: i64,
    pub threshold: i64,
}

impl Criterion {
    pub fn met(&self) -> bool {
        self.actual >= self.threshold
    }

    /// What is missing to meet it (0 when met).
    pub fn gap(&self) -> i64 {
        (self.threshold - self.actual).max(0)
    }
}

impl TierRule {
    pub fn threshold(&self, measure: Measure) -> Option<i64> {
        Measure::ALL
            .iter()
            .position(|m| *m == measure)
            .and_then(|i| self.thresholds[i])
    }

    /// Every threshold this tier sets, measured for `metrics`.
    pub fn criteria(&self, metrics: &Metrics) -> Vec<Criterion> {
        Measure::ALL
            .iter()
            .filter_map(|&measure| {
                self.threshold(measure).map(|threshold| Criterion {
                    measure,
                    actual: metrics.value(measure).max(0),
                    threshold,
                })
            })
            .collect()
    }

    /// Whether `metrics` reach every threshold of this tier.
    pub fn reached(&self, metrics: &Metrics) -> bool {
        Measure::ALL.iter().all(|&m| {
            self.threshold(m)
                .is_none_or(|threshold| metrics.value(m) >= threshold)
        })
    }
}

/// The highest tier whose thresholds `metrics` reach: the index into
/// `rules` (in rank order). The first tier is the floor every partner
/// holds, whatever it sets.
pub fn earned(rules: &[TierRule], metrics: &Metrics) -> usize {
    rules
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, rule)| rule.reached(metrics))
        .map(|(i, _)| i)
        .next_back()
        .unwrap_or(0)
}

/// A partner's tier and any change waiting for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// Index of its tier in the rules.
    pub current: usize,
    /// A lower tier it falls to at `due` unless it recovers, or a change
    /// waiting for the program admin (`due` is `None`).
    pub pending: Option<(usize, Option<i64>)>,
}

/// How the program treats changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Seconds a partner keeps its tier after falling below it.
    pub grace_secs: i64,
    /// Every change waits for the program admin.
    pub needs_approval: bool,
}

/// What the recompute does to one partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Nothing changes.
    Keep,
    /// Moves to tier `to` now (an upgrade, or a downgrade whose grace ran out).
    Move { to: usize },
    /// Fell below its tier: it moves to `to` at `due` unless it recovers.
    Warn { to: usize, due: i64 },
    /// A warned partner reached its tier again: the warning is lifted.
    Recover,
    /// The change to `to` waits for the program admin's approval.
    Propose { to: usize },
}

/// The change for a partner `standing` that has earned tier index
/// `earned` at time `now`.
pub fn change(standing: &Standing, earned: usize, now: i64, policy: Policy) -> Change {
    let current = standing.current;
    let apply = |to: usize| {
        if policy.needs_approval {
            Change::Propose { to }
        } else {
            Change::Move { to }
        }
    };
    match standing.pending {
        // A change waiting for approval: kept while it still holds.
        Some((to, None)) if to == earned => Change::Keep,
        Some((_, None)) if earned == current => Change::Recover,
        Some((_, None)) => Change::Propose { to: earned },
        // A warned partner: recovered, risen, or its time is up.
        Some((_, Some(_))) if earned == current => Change::Recover,
        Some((_, Some(_))) if earned > current => apply(earned),
        Some((_, Some(due))) if now >= due => apply(earned),
        Some((to, Some(due))) if to != earned => Change::Warn { to: earned, due },
        Some(_) => Change::Keep,
        None if earned == current => Change::Keep,
        None if earned > current || policy.grace_secs <= 0 => apply(earned),
        None => Change::Warn {
            to: earned,
            due: now + policy.grace_secs,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400;

    fn rules() -> Vec<TierRule> {
        let rule = |name: &str, rank, sourced: Option<i64>, certified: Option<i64>| TierRule {
            id: name.to_lowercase(),
            name: name.into(),
            rank,
            thresholds: [sourced, None, certified, None, None],
        };
        vec![
            rule("Registered", 1, None, None),
            rule("Silver", 2, Some(25_000_000), Some(1)),
            rule("Gold", 3, Some(100_000_000), Some(2)),
            rule("Platinum", 4, Some(300_000_000), Some(5)),
        ]
    }

    fn metrics(sourced_cents: i64, certified: i64) -> Metrics {
        Metrics {
            sourced_cents,
            certified,
            ..Metrics::default()
        }
    }

    #[test]
    fn a_threshold_is_reached_at_exactly_its_value_and_not_a_cent_below() {
        let rules = rules();
        assert_eq!(earned(&rules, &metrics(100_000_000, 2)), 2);
        assert_eq!(earned(&rules, &metrics(99_999_999, 2)), 1);
        assert_eq!(earned(&rules, &metrics(100_000_000, 1)), 1);
        assert_eq!(earned(&rules, &metrics(0, 0)), 0);
        assert_eq!(earned(&rules, &metrics(i64::MAX, 99)), 3);
    }

    #[test]
    fn every_set_threshold_must_be_reached_and_unset_ones_never_count() {
        let mut rules = rules();
        // PSAT 8.0 required for Gold: an unsurveyed partner does not reach it.
        rules[2].thresholds[4] = Some(80);
        let surveyed = Metrics {
            psat_tenths: Some(80),
            ..metrics(100_000_000, 2)
        };
        assert_eq!(earned(&rules, &surveyed), 2);
        assert_eq!(earned(&rules, &metrics(100_000_000, 2)), 1);
        let c = rules[2].criteria(&metrics(80_000_000, 3));
        assert_eq!(c.len(), 3);
        assert_eq!(
            c[0],
            Criterion {
                measure: Measure::Sourced,
                actual: 80_000_000,
                threshold: 100_000_000
            }
        );
        assert!(!c[0].met() && c[0].gap() == 20_000_000);
        assert!(c[1].met() && c[1].gap() == 0);
    }

    #[test]
    fn a_higher_tier_reached_by_skipping_one_counts() {
        // Platinum's thresholds reached while Gold's PSAT is not: the
        // highest reached wins, not the first gap.
        let mut rules = rules();
        rules[2].thresholds[4] = Some(90);
        assert_eq!(earned(&rules, &metrics(300_000_000, 5)), 3);
    }

    const POLICY: Policy = Policy {
        grace_secs: 90 * DAY,
        needs_approval: false,
    };

    #[test]
    fn upgrades_are_at_once_downgrades_after_the_grace_period() {
        let gold = Standing {
            current: 2,
            pending: None,
        };
        assert_eq!(change(&gold, 3, 0, POLICY), Change::Move { to: 3 });
        assert_eq!(change(&gold, 2, 0, POLICY), Change::Keep);
        assert_eq!(
            change(&gold, 1, 1000, POLICY),
            Change::Warn {
                to: 1,
                due: 1000 + 90 * DAY
            }
        );
        let warned = Standing {
            current: 2,
            pending: Some((1, Some(90 * DAY))),
        };
        // Still below, within the grace period: nothing new.
        assert_eq!(change(&warned, 1, 89 * DAY, POLICY), Change::Keep);
        // Fell further: the warning names the lower tier, same date.
        assert_eq!(
            change(&warned, 0, 89 * DAY, POLICY),
            Change::Warn {
                to: 0,
                due: 90 * DAY
            }
        );
        // Grace over: the fall happens, to where it stands now.
        assert_eq!(change(&warned, 1, 90 * DAY, POLICY), Change::Move { to: 1 });
        // Recovered in time: the warning is lifted; risen above: moved up.
        assert_eq!(change(&warned, 2, 89 * DAY, POLICY), Change::Recover);
        assert_eq!(change(&warned, 3, 89 * DAY, POLICY), Change::Move { to: 3 });
    }

    #[test]
    fn without_grace_a_downgrade_is_at_once() {
        let gold = Standing {
            current: 2,
            pending: None,
        };
        let policy = Policy {
            grace_secs: 0,
            ..POLICY
        };
        assert_eq!(change(&gold, 1, 0, policy), Change::Move { to: 1 });
    }

    #[test]
    fn with_approval_every_change_is_proposed_once() {
        let policy = Policy {
            needs_approval: true,
            ..POLICY
        };
        let gold = Standing {
            current: 2,
            pending: None,
        };
        assert_eq!(change(&gold, 3, 0, policy), Change::Propose { to: 3 });
        let proposed = Standing {
            current: 2,
            pending: Some((3, None)),
        };
        assert_eq!(change(&proposed, 3, 0, policy), Change::Keep);
        assert_eq!(change(&proposed, 2, 0, policy), Change::Recover);
        // The target moved: proposed again.
        assert_eq!(change(&proposed, 1, 0, policy), Change::Propose { to: 1 });
        // A downgrade still waits out the grace period, then is proposed.
        let warned = Standing {
            current: 2,
            pending: Some((1, Some(10))),
        };
        assert_eq!(change(&warned, 1, 10, policy), Change::Propose { to: 1 });
    }
}
