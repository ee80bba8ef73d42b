//! Demo tier rules, then the first recompute through the real code: Keystone
//! rises from Silver to Gold, Sakura and Cobalt fall below Silver and are
//! warned, everyone else keeps the tier their numbers earn.

use crate::{db::Db, error::AppError, organisations::demo::demo_id};

/// (tier slug, sourced $, influenced $, certified, approved registrations,
/// PSAT in tenths, other benefits).
type Thresholds = (
    &'static str,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    &'static str,
);

const RULES: &[Thresholds] = &[
    (
        "registered",
        None,
        None,
        None,
        None,
        None,
        "Deal registration\nSelf-paced training",
    ),
    (
        "silver",
        Some(200_000),
        None,
        Some(1),
        Some(1),
        None,
        "Co-branded campaign templates\nPartner locator listing",
    ),
    (
        "gold",
        Some(800_000),
        None,
        Some(2),
        Some(2),
        None,
        "A named channel manager\nQuarterly business reviews",
    ),
    (
        "platinum",
        Some(2_500_000),
        None,
        Some(5),
        None,
        Some(75),
        "Joint business planning\nAn executive sponsor\nEarly access to the roadmap",
    ),
];

pub async fn seed(db: &Db) -> Result<(), AppError> {
    for (slug, sourced, influenced, certified, registrations, psat, benefits) in RULES {
        db.execute(
            sqlx::query(
                "UPDATE tiers SET min_sourced_cents = $1, min_influenced_cents = $2, min_certified = $3, \
                 min_registrations = $4, min_psat_tenths = $5, benefits = $6 WHERE id = $7",
            )
            .bind(sourced.map(|d| d * 100))
            .bind(influenced.map(|d| d * 100))
            .bind(certified)
            .bind(registrations)
            .bind(psat)
            .bind(benefits)
            .bind(demo_id("tier", slug)),
        )
        .await?;
    }
    super::server::recompute(db, None).await?;
    Ok(())
}
