//! The Ideal Partner Profile fit score: 0-100, how closely an applicant
//! resembles the program's best performers, and why.
//!
//! The best performers are the (at most) ten live partners with the most
//! won revenue over the last twelve months, then the most certified
//! people, then the best PSAT. Each factor measures a similarity `s` in
//! 0..=1 to them; weighted, it moves the score from the neutral 50 by
//! `50 × weight / Σweights × (2s − 1)` points, so an applicant like them
//! in every way scores 100 and one like them in no way scores 0. Each
//! factor's points and the fact behind them are shown to the reviewer.

use serde::{Deserialize, Serialize};

use super::{Industry, Specialisation};
use crate::{
    organisations::{PartnerType, Region},
    values::text_enum,
};

/// How many best performers an applicant is compared with.
pub const BEST: usize = 10;

text_enum!(
    /// What the fit score compares.
    Factor {
        PartnerType => "partner_type", t!("Partner type");
        Region => "region", t!("Region");
        Size => "size", t!("Company size");
        Industries => "industries", t!("Industries served");
        Specialisations => "specialisations", t!("Specialisations");
        Revenue => "revenue", t!("Revenue potential");
    }
);

/// A business as the score sees it: an applicant (revenue is what it
/// expects to bring in a year) or a partner (revenue won in the last 12
/// months), in US cents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub partner_type: PartnerType,
    pub region: Region,
    pub employees: i64,
    pub industries: Vec<Industry>,
    pub specialisations: Vec<Specialisation>,
    pub revenue_cents: i64,
}

/// A live partner and how well it performs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Performer {
    pub name: String,
    pub profile: Profile,
    pub certified_people: i64,
    pub psat_tenths: Option<i64>,
}

/// The best performers, best first: those that won revenue, by revenue,
/// then certified people, then PSAT, then name (so ties order the same
/// every time). A partner that won nothing yet is no model.
pub fn best_performers(mut partners: Vec<Performer>) -> Vec<Performer> {
    partners.retain(|p| p.profile.revenue_cents > 0);
    partners.sort_by(|a, b| {
        b.profile
            .revenue_cents
            .cmp(&a.profile.revenue_cents)
            .then(b.certified_people.cmp(&a.certified_people))
            .then(b.psat_tenths.cmp(&a.psat_tenths))
            .then(a.name.cmp(&b.name))
    });
    partners.truncate(BEST);
    partners
}

/// How much each factor counts, relative to the others (0-100 each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Weights(pub [i64; 6]);

impl Default for Weights {
    fn default() -> Self {
        Weights([20, 15, 10, 25, 15, 15])
    }
}

impl Weights {
    pub fn of(&self, factor: Factor) -> i64 {
        self.0[Factor::ALL.iter().position(|f| *f == factor).unwrap_or(0)]
    }

    pub fn set(&mut self, factor: Factor, weight: i64) {
        if let Some(i) = Factor::ALL.iter().position(|f| *f == factor) {
            self.0[i] = weight;
        }
    }
}

/// The fact behind a factor's points, rendered in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reason {
    /// `like` of the `of` best performers share the applicant's type.
    Type {
        value: PartnerType,
        like: usize,
        of: usize,
    },
    Region {
        value: Region,
        like: usize,
        of: usize,
    },
    /// Employees against the best performers' median.
    Size { employees: i64, median: i64 },
    /// The applicant's industry most common among the best performers.
    Industry {
        value: Option<Industry>,
        like: usize,
        of: usize,
    },
    Specialisation {
        value: Option<Specialisation>,
        like: usize,
        of: usize,
    },
    /// Expected yearly revenue against the best performers' median.
    Revenue {
        expected_cents: i64,
        median_cents: i64,
    },
    /// No live partner to compare with yet.
    NoPeers,
}

/// One factor's part in the score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contribution {
    pub factor: Factor,
    pub points: i64,
    pub reason: Reason,
}

/// The score and its factors, largest effect first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fit {
    pub score: i64,
    pub factors: Vec<Contribution>,
}

/// How many of `best` have `pick(profile) == value`, and the largest such
/// count over every value any of them has (what "most alike" means).
fn share<T: PartialEq + Copy>(
    best: &[Performer],
    value: T,
    pick: fn(&Profile) -> T,
) -> (usize, usize) {
    let count = |v: T| best.iter().filter(|p| pick(&p.profile) == v).count();
    let most = best
        .iter()
        .map(|p| count(pick(&p.profile)))
        .max()
        .unwrap_or(0);
    (count(value), most)
}

/// The applicant's value (of several) most common among `best`, its count
/// and the largest count of any value among `best`.
fn best_overlap<T: PartialEq + Copy>(
    best: &[Performer],
    values: &[T],
    pick: fn(&Profile) -> &[T],
) -> (Option<T>, usize, usize) {
    let count = |v: &T| best.iter().filter(|p| pick(&p.profile).contains(v)).count();
    let most = best
        .iter()
        .flat_map(|p| pick(&p.profile).iter())
        .map(count)
        .max()
        .unwrap_or(0);
    let top = values.iter().max_by_key(|v| count(v)).copied();
    (top, top.as_ref().map_or(0, count), most)
}

fn median(mut values: Vec<i64>) -> i64 {
    values.sort_unstable();
    match values.len() {
        0 => 0,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2,
    }
}

fn ratio(like: usize, most: usize) -> f64 {
    if most == 0 {
        0.0
    } else {
        like as f64 / most as f64
    }
}

/// Similarity of the factor, 0..=1, and the fact behind it.
fn similarity(factor: Factor, applicant: &Profile, best: &[Performer]) -> (f64, Reason) {
    let of = best.len();
    match factor {
        Factor::PartnerType => {
            let (like, most) = share(best, applicant.partner_type, |p| p.partner_type);
            (
                ratio(like, most),
                Reason::Type {
                    value: applicant.partner_type,
                    like,
                    of,
                },
            )
        }
        Factor::Region => {
            let (like, most) = share(best, applicant.region, |p| p.region);
            (
                ratio(like, most),
                Reason::Region {
                    value: applicant.region,
                    like,
                    of,
                },
            )
        }
        Factor::Size => {
            let median = median(best.iter().map(|p| p.profile.employees.max(1)).collect());
            // A tenfold difference either way is no likeness at all.
            let distance =
                ((applicant.employees.max(1) as f64).ln() - (median.max(1) as f64).ln()).abs();
            let s = (1.0 - distance / 10f64.ln()).clamp(0.0, 1.0);
            (
                s,
                Reason::Size {
                    employees: applicant.employees,
                    median,
                },
            )
        }
        Factor::Industries => {
            let (value, like, most) = best_overlap(best, &applicant.industries, |p| &p.industries);
            (ratio(like, most), Reason::Industry { value, like, of })
        }
        Factor::Specialisations => {
            let (value, like, most) =
                best_overlap(best, &applicant.specialisations, |p| &p.specialisations);
            (
                ratio(like, most),
                Reason::Specialisation { value, like, of },
            )
        }
        Factor::Revenue => {
            let median_cents = median(best.iter().map(|p| p.profile.revenue_cents).collect());
            let s = if median_cents <= 0 {
                0.5
            } else {
                (applicant.revenue_cents as f64 / median_cents as f64).clamp(0.0, 1.0)
            };
            (
                s,
                Reason::Revenue {
                    expected_cents: applicant.revenue_cents,
                    median_cents,
                },
            )
        }
    }
}

/// The fit of `applicant` against `best` (from [`best_performers`]).
pub fn score(applicant: &Profile, best: &[Performer], weights: &Weights) -> Fit {
    let total: i64 = weights.0.iter().map(|w| (*w).max(0)).sum();
    let mut factors: Vec<Contribution> = Factor::ALL
        .iter()
        .map(|&factor| {
            if best.is_empty() {
                return Contribution {
                    factor,
                    points: 0,
                    reason: Reason::NoPeers,
                };
            }
            let (s, reason) = similarity(factor, applicant, best);
            let share = if total == 0 {
                0.0
            } else {
                weights.of(factor).max(0) as f64 / total as f64
            };
            let points = (50.0 * share * (2.0 * s - 1.0)).round() as i64;
            Contribution {
                factor,
                points,
                reason,
            }
        })
        .collect();
    factors.sort_by_key(|c| std::cmp::Reverse(c.points.abs()));
    let score = (50 + factors.iter().map(|c| c.points).sum::<i64>()).clamp(0, 100);
    Fit { score, factors }
}

impl Contribution {
    /// "+18", "−9", "±0".
    pub fn signed_points(&self) -> String {
        match self.points {
            0 => "±0".to_owned(),
            p if p > 0 => format!("+{p}"),
            p => format!("\u{2212}{}", -p),
        }
    }

    /// The fact behind the points, in the reader's language.
    pub fn explanation(&self) -> String {
        use crate::format::usd_from_cents;
        match &self.reason {
            Reason::Type { value, like, of } => t!(
                "{value}, like {like} of your top {of} partners",
                value = value.label(),
                like = like,
                of = of
            ),
            Reason::Region { value, like, of } => t!(
                "sells in {value}, like {like} of your top {of} partners",
                value = value.label(),
                like = like,
                of = of
            ),
            Reason::Size { employees, median } => t!(
                "{employees} employees; your top partners' median is {median}",
                employees = crate::format::count(*employees),
                median = crate::format::count(*median)
            ),
            Reason::Industry {
                value: Some(value),
                like,
                of,
            } => t!(
                "serves {value} like {like} of your top {of} partners",
                value = value.label(),
                like = like,
                of = of
            ),
            Reason::Industry { value: None, .. } => {
                t!("names no industry your top partners serve").to_owned()
            }
            Reason::Specialisation {
                value: Some(value),
                like,
                of,
            } => t!(
                "specialised in {value} like {like} of your top {of} partners",
                value = value.label(),
                like = like,
                of = of
            ),
            Reason::Specialisation { value: None, .. } => t!("no specialisation named").to_owned(),
            Reason::Revenue {
                expected_cents,
                median_cents,
            } => t!(
                "expects {expected} a year; your top partners' median is {median}",
                expected = usd_from_cents(*expected_cents),
                median = usd_from_cents(*median_cents)
            ),
            Reason::NoPeers => t!("no live partner to compare with yet").to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(
        partner_type: PartnerType,
        region: Region,
        employees: i64,
        industries: &[Industry],
        specialisations: &[Specialisation],
        revenue_cents: i64,
    ) -> Profile {
        Profile {
            partner_type,
            region,
            employees,
            industries: industries.to_vec(),
            specialisations: specialisations.to_vec(),
            revenue_cents,
        }
    }

    fn performer(name: &str, profile: Profile, certified: i64) -> Performer {
        Performer {
            name: name.into(),
            profile,
            certified_people: certified,
            psat_tenths: Some(80),
        }
    }

    /// Four MSPs in EMEA serving healthcare, two VARs in North America.
    fn program() -> Vec<Performer> {
        use Industry::*;
        use PartnerType::*;
        use Region::*;
        use Specialisation::*;
        let mut partners = Vec::new();
        for (i, revenue) in [90, 80, 70, 60].into_iter().enumerate() {
            partners.push(performer(
                &format!("msp{i}"),
                profile(
                    Msp,
                    Emea,
                    200,
                    &[Healthcare, Financial],
                    &[Security, Managed],
                    revenue * 1_000_000,
                ),
                3,
            ));
        }
        for (i, revenue) in [50, 40].into_iter().enumerate() {
            partners.push(performer(
                &format!("var{i}"),
                profile(
                    Var,
                    NorthAmerica,
                    50,
                    &[Retail],
                    &[Migration],
                    revenue * 1_000_000,
                ),
                1,
            ));
        }
        best_performers(partners)
    }

    #[test]
    fn best_performers_are_ranked_by_revenue_then_certifications_then_psat() {
        let p = |name: &str, revenue, certified, psat| Performer {
            name: name.into(),
            profile: profile(PartnerType::Var, Region::Emea, 10, &[], &[], revenue),
            certified_people: certified,
            psat_tenths: psat,
        };
        let mut many: Vec<Performer> = (0..12)
            .map(|i| p(&format!("z{i:02}"), 1, 0, None))
            .collect();
        many.push(p("nothing won", 0, 9, Some(100)));
        many.push(p("a", 100, 0, None));
        many.push(p("b", 100, 2, None));
        many.push(p("c", 100, 2, Some(90)));
        let best = best_performers(many);
        assert_eq!(best.len(), BEST);
        let names: Vec<&str> = best.iter().take(4).map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["c", "b", "a", "z00"]);
        assert!(best.iter().all(|p| p.name != "nothing won"));
    }

    #[test]
    fn a_copy_of_a_top_performer_scores_higher_than_an_unlike_applicant() {
        let best = program();
        let weights = Weights::default();
        let copy = best[0].profile.clone();
        let unlike = profile(
            PartnerType::Distributor,
            Region::Apac,
            5000,
            &[Industry::Energy],
            &[],
            1_000_000,
        );
        let (a, b) = (
            score(&copy, &best, &weights),
            score(&unlike, &best, &weights),
        );
        assert!(a.score > b.score, "{} vs {}", a.score, b.score);
        assert!(a.score >= 90, "{a:?}");
        assert!(b.score <= 10, "{b:?}");
        // Every factor is explained, largest effect first.
        assert_eq!(a.factors.len(), Factor::ALL.len());
        assert!(a
            .factors
            .windows(2)
            .all(|w| w[0].points.abs() >= w[1].points.abs()));
    }

    #[test]
    fn points_follow_the_formula_and_sum_to_the_score() {
        let best = program();
        let weights = Weights::default();
        // A VAR: 2 of 6 are VARs, 4 share the most common type.
        let var = profile(
            PartnerType::Var,
            Region::Emea,
            200,
            &[Industry::Retail],
            &[Specialisation::Security],
            60_000_000,
        );
        let fit = score(&var, &best, &weights);
        let of = |factor| {
            fit.factors
                .iter()
                .find(|c| c.factor == factor)
                .unwrap()
                .clone()
        };
        // 50 × 20/100 × (2 × 2/4 − 1) = 0.
        assert_eq!(of(Factor::PartnerType).points, 0);
        assert_eq!(
            of(Factor::PartnerType).reason,
            Reason::Type {
                value: PartnerType::Var,
                like: 2,
                of: 6
            }
        );
        // Region EMEA: 4 of 4 → +7.5 → 8 (15 % of 50).
        assert_eq!(of(Factor::Region).points, 8);
        // Retail: 2 of the 4 who share the commonest industry → 0.
        assert_eq!(of(Factor::Industries).points, 0);
        // Median revenue (60M + 70M) / 2 = 65M; 60/65 → 50 × .15 × (2 × .923 − 1) = 6.3 → 6.
        assert_eq!(of(Factor::Revenue).points, 6);
        assert_eq!(
            of(Factor::Size).reason,
            Reason::Size {
                employees: 200,
                median: 200
            }
        );
        assert_eq!(of(Factor::Size).points, 5);
        let sum: i64 = fit.factors.iter().map(|c| c.points).sum();
        assert_eq!(fit.score, 50 + sum);
    }

    #[test]
    fn weights_change_what_counts() {
        let best = program();
        let applicant = profile(
            PartnerType::Distributor,
            Region::Emea,
            200,
            &[Industry::Healthcare],
            &[Specialisation::Security],
            90_000_000,
        );
        let default = score(&applicant, &best, &Weights::default());
        let mut type_only = Weights([0; 6]);
        type_only.set(Factor::PartnerType, 100);
        let fit = score(&applicant, &best, &type_only);
        assert_eq!(fit.score, 0, "no top partner is a distributor");
        assert!(default.score > 50);
        // No weight at all: neutral.
        assert_eq!(score(&applicant, &best, &Weights([0; 6])).score, 50);
    }

    #[test]
    fn an_empty_program_is_neutral_and_says_why() {
        let fit = score(&program()[0].profile, &[], &Weights::default());
        assert_eq!(fit.score, 50);
        assert!(fit
            .factors
            .iter()
            .all(|c| c.points == 0 && c.reason == Reason::NoPeers));
    }

    #[test]
    fn size_likeness_fades_over_a_tenfold_difference() {
        let best = program();
        let w = Weights::default();
        let size = |employees| {
            let p = profile(PartnerType::Msp, Region::Emea, employees, &[], &[], 0);
            score(&p, &best, &w)
                .factors
                .into_iter()
                .find(|c| c.factor == Factor::Size)
                .unwrap()
                .points
        };
        // Median of 200,200,200,200,50,50 = 200.
        assert_eq!(size(200), 5);
        assert_eq!(size(2000), -5);
        assert_eq!(size(20), -5);
        assert!(size(600) > size(2000) && size(600) < size(200));
    }

    #[test]
    fn explanations_read_as_sentences() {
        let c = Contribution {
            factor: Factor::Industries,
            points: 18,
            reason: Reason::Industry {
                value: Some(Industry::Healthcare),
                like: 4,
                of: 10,
            },
        };
        assert_eq!(c.signed_points(), "+18");
        assert_eq!(
            c.explanation(),
            "serves Healthcare like 4 of your top 10 partners"
        );
        let minus = Contribution { points: -9, ..c };
        assert_eq!(minus.signed_points(), "\u{2212}9");
    }
}
