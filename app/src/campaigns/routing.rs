//! Who gets a vendor's lead: the routing rules, pure, shared by the
//! server (routing, re-routing after a rejection or a lapsed offer) and the
//! rules page.
//!
//! Each criterion (region, partner type, tier, specialisation) is off,
//! optional or required. A partner must match every required criterion the
//! lead names; among those, the ones matching the most optional criteria
//! win; among equals, round robin: the partner offered a lead least
//! recently (never first), then by name.

use serde::{Deserialize, Serialize};

use crate::values::text_enum;

text_enum!(
    /// What a lead and a partner are compared on.
    Criterion {
        Region => "region", t!("Region");
        PartnerType => "partner_type", t!("Partner type");
        Tier => "tier", t!("Tier");
        Specialisation => "specialisation", t!("Specialisation");
    }
);

text_enum!(
    /// How a criterion counts.
    RuleMode {
        Off => "off", t!("Not used");
        Optional => "optional", t!("Preferred");
        Required => "required", t!("Required");
    }
);

text_enum!(
    /// How an offer of a lead to a partner ended.
    OfferOutcome {
        Pending => "pending", t!("Waiting for an answer");
        Accepted => "accepted", t!("Accepted");
        Rejected => "rejected", t!("Declined");
        Expired => "expired", t!("Pulled back: not answered in time");
    }
);

/// What a lead asks for; `None` where it names nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wants {
    pub region: Option<String>,
    pub partner_type: Option<String>,
    pub tier: Option<String>,
    pub specialisation: Option<String>,
}

/// A partner that could be offered the lead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: String,
    pub name: String,
    pub region: String,
    pub partner_type: String,
    pub tier: Option<String>,
    pub specialisations: Vec<String>,
    /// When it was last offered any lead.
    pub last_offered_at: Option<i64>,
}

impl Candidate {
    /// Whether this partner matches `criterion` of `wants`; `None` when
    /// the lead names nothing for it.
    fn matches(&self, wants: &Wants, criterion: Criterion) -> Option<bool> {
        match criterion {
            Criterion::Region => wants.region.as_ref().map(|r| *r == self.region),
            Criterion::PartnerType => wants.partner_type.as_ref().map(|t| *t == self.partner_type),
            Criterion::Tier => wants.tier.as_ref().map(|t| self.tier.as_ref() == Some(t)),
            Criterion::Specialisation => wants
                .specialisation
                .as_ref()
                .map(|s| self.specialisations.contains(s)),
        }
    }
}

/// The partner to offer the lead to, from `candidates` (those already
/// offered it are left out by the caller), under `rules`.
pub fn choose<'a>(
    wants: &Wants,
    rules: &[(Criterion, RuleMode)],
    candidates: &'a [Candidate],
) -> Option<&'a Candidate> {
    let mode = |c: Criterion| {
        rules
            .iter()
            .find(|(r, _)| *r == c)
            .map_or(RuleMode::Off, |(_, m)| *m)
    };
    candidates
        .iter()
        .filter(|p| {
            Criterion::ALL
                .iter()
                .filter(|&&c| mode(c) == RuleMode::Required)
                .all(|&c| p.matches(wants, c) != Some(false))
        })
        .max_by(|a, b| {
            let score = |p: &Candidate| {
                Criterion::ALL
                    .iter()
                    .filter(|&&c| {
                        mode(c) == RuleMode::Optional && p.matches(wants, c) == Some(true)
                    })
                    .count()
            };
            // Higher score first; then the one offered least recently
            // (never offered counts as longest ago); then by name. `max_by`
            // keeps the greatest, so the later tie-breakers are reversed.
            score(a)
                .cmp(&score(b))
                .then_with(|| b.last_offered_at.cmp(&a.last_offered_at))
                .then_with(|| b.name.cmp(&a.name))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn partner(
        name: &str,
        region: &str,
        kind: &str,
        specialisations: &[&str],
        last: Option<i64>,
    ) -> Candidate {
        Candidate {
            id: name.to_lowercase(),
            name: name.into(),
            region: region.into(),
            partner_type: kind.into(),
            tier: None,
            specialisations: specialisations.iter().map(|s| s.to_string()).collect(),
            last_offered_at: last,
        }
    }

    fn rules(
        region: RuleMode,
        kind: RuleMode,
        specialisation: RuleMode,
    ) -> Vec<(Criterion, RuleMode)> {
        vec![
            (Criterion::Region, region),
            (Criterion::PartnerType, kind),
            (Criterion::Tier, RuleMode::Off),
            (Criterion::Specialisation, specialisation),
        ]
    }

    fn wants(region: &str, specialisation: Option<&str>) -> Wants {
        Wants {
            region: Some(region.into()),
            specialisation: specialisation.map(str::to_owned),
            ..Wants::default()
        }
    }

    #[test]
    fn a_required_criterion_excludes() {
        let all = [
            partner("Northwind", "north_america", "var", &[], None),
            partner("Lumen", "emea", "si", &[], None),
        ];
        let chosen = choose(
            &wants("emea", None),
            &rules(RuleMode::Required, RuleMode::Off, RuleMode::Off),
            &all,
        );
        assert_eq!(chosen.map(|c| c.name.as_str()), Some("Lumen"));
        let nobody = choose(
            &wants("apac", None),
            &rules(RuleMode::Required, RuleMode::Off, RuleMode::Off),
            &all,
        );
        assert_eq!(nobody, None);
        // Optional, the region only ranks: someone still gets it.
        assert!(choose(
            &wants("apac", None),
            &rules(RuleMode::Optional, RuleMode::Off, RuleMode::Off),
            &all
        )
        .is_some());
    }

    #[test]
    fn optional_criteria_rank_and_round_robin_breaks_ties() {
        let all = [
            partner("Bluepeak", "north_america", "msp", &["security"], Some(100)),
            partner(
                "Northwind",
                "north_america",
                "var",
                &["migration"],
                Some(50),
            ),
            partner("Cedar", "north_america", "var", &["migration"], None),
        ];
        let r = rules(RuleMode::Required, RuleMode::Off, RuleMode::Optional);
        // Security: only Bluepeak matches the optional specialisation.
        assert_eq!(
            choose(&wants("north_america", Some("security")), &r, &all).map(|c| c.name.as_str()),
            Some("Bluepeak")
        );
        // Migration: Northwind and Cedar tie; Cedar was never offered one.
        assert_eq!(
            choose(&wants("north_america", Some("migration")), &r, &all).map(|c| c.name.as_str()),
            Some("Cedar")
        );
        // Nothing preferred: the least recently offered of all.
        assert_eq!(
            choose(&wants("north_america", None), &r, &all).map(|c| c.name.as_str()),
            Some("Cedar")
        );
        let offered = [all[0].clone(), all[1].clone()];
        assert_eq!(
            choose(&wants("north_america", None), &r, &offered).map(|c| c.name.as_str()),
            Some("Northwind")
        );
    }

    #[test]
    fn a_criterion_the_lead_does_not_name_is_no_obstacle() {
        let all = [partner("Northwind", "north_america", "var", &[], None)];
        let r = rules(RuleMode::Required, RuleMode::Required, RuleMode::Required);
        assert!(choose(&wants("north_america", None), &r, &all).is_some());
        let typed = Wants {
            partner_type: Some("msp".into()),
            ..wants("north_america", None)
        };
        assert_eq!(choose(&typed, &r, &all), None);
    }
}
