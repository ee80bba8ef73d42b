//! What applicants are compared with: the live partners, their revenue won
//! in the last twelve months, and the program admin's weights. Scores are
//! stored for sorting and refreshed whenever these change.

use sqlx::AnyConnection;

use crate::{
    audit::server::Entry,
    auth::server::now,
    db::{Db, Write},
    error::AppError,
    organisations::{PartnerType, Region},
    recruit::{
        fit::{self, Performer},
        split_codes, Factor, Industry, Profile, Specialisation, Weights,
    },
    values::Currency,
};

/// Revenue counts when won within this many seconds (twelve months).
pub const PERIOD: i64 = 365 * 86_400;

#[derive(sqlx::FromRow)]
struct PartnerRow {
    id: String,
    name: String,
    partner_type: String,
    region: String,
    employees: Option<i64>,
    industries: String,
    specialisations: String,
    certified_people: i64,
    psat_tenths: Option<i64>,
}

/// The best performers among live partners (onboarding, active, at risk).
pub async fn best_performers(conn: &mut AnyConnection) -> Result<Vec<Performer>, sqlx::Error> {
    let partners = sqlx::query_as::<_, PartnerRow>(
        "SELECT id, name, partner_type, region, employees, industries, specialisations, \
         certified_people, psat_tenths FROM organisations \
         WHERE kind = 'partner' AND status IN ('onboarding', 'active', 'at_risk')",
    )
    .fetch_all(&mut *conn)
    .await?;
    let revenue: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT organisation_id, currency, CAST(SUM(value_cents) AS BIGINT) FROM deals \
         WHERE status = 'won' AND closed_at >= $1 GROUP BY organisation_id, currency",
    )
    .bind(now() - PERIOD)
    .fetch_all(&mut *conn)
    .await?;
    let performers = partners
        .into_iter()
        .filter_map(|p| {
            let revenue_cents = revenue
                .iter()
                .filter(|(org, _, _)| *org == p.id)
                .map(|(_, currency, cents)| {
                    Currency::parse(currency).map_or(0, |c| c.to_usd_cents(*cents))
                })
                .sum();
            Some(Performer {
                name: p.name,
                profile: Profile {
                    partner_type: PartnerType::parse(&p.partner_type)?,
                    region: Region::parse(&p.region)?,
                    employees: p.employees.unwrap_or(1),
                    industries: split_codes(&p.industries, Industry::parse),
                    specialisations: split_codes(&p.specialisations, Specialisation::parse),
                    revenue_cents,
                },
                certified_people: p.certified_people,
                psat_tenths: p.psat_tenths,
            })
        })
        .collect();
    Ok(fit::best_performers(performers))
}

/// The program admin's weights.
pub async fn weights(conn: &mut AnyConnection) -> Result<Weights, sqlx::Error> {
    let rows: Vec<(String, i64)> = sqlx::query_as("SELECT factor, weight FROM fit_weights")
        .fetch_all(&mut *conn)
        .await?;
    let mut weights = Weights::default();
    for (factor, weight) in rows {
        if let Some(factor) = Factor::parse(&factor) {
            weights.set(factor, weight);
        }
    }
    Ok(weights)
}

#[derive(sqlx::FromRow)]
struct OpenRow {
    id: String,
    partner_type: String,
    region: String,
    employees: i64,
    industries: String,
    specialisations: String,
    expected_revenue_cents: i64,
    fit_score: i64,
}

/// Scores every open application again against today's program, writing
/// those that changed; answers how many did.
pub async fn rescore_open(tx: &mut Write) -> Result<usize, sqlx::Error> {
    let best = best_performers(tx).await?;
    let weights = weights(tx).await?;
    let open = sqlx::query_as::<_, OpenRow>(
        "SELECT id, partner_type, region, employees, industries, specialisations, \
         expected_revenue_cents, fit_score FROM applications \
         WHERE status IN ('received', 'more_info')",
    )
    .fetch_all(&mut **tx)
    .await?;
    let mut changed = 0;
    for row in open {
        let (Some(partner_type), Some(region)) = (
            PartnerType::parse(&row.partner_type),
            Region::parse(&row.region),
        ) else {
            continue;
        };
        let profile = Profile {
            partner_type,
            region,
            employees: row.employees,
            industries: split_codes(&row.industries, Industry::parse),
            specialisations: split_codes(&row.specialisations, Specialisation::parse),
            revenue_cents: row.expected_revenue_cents,
        };
        let score = fit::score(&profile, &best, &weights).score;
        if score != row.fit_score {
            sqlx::query("UPDATE applications SET fit_score = $1, scored_at = $2 WHERE id = $3")
                .bind(score)
                .bind(now())
                .bind(&row.id)
                .execute(&mut **tx)
                .await?;
            changed += 1;
        }
    }
    Ok(changed)
}

/// Saves the program admin's weights and rescores every open application.
pub async fn update_weights(
    db: &Db,
    viewer: &crate::auth::Viewer,
    weights: &Weights,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = db.write(viewer.actor(ip)).await?;
    for factor in Factor::ALL {
        sqlx::query("UPDATE fit_weights SET weight = $1 WHERE factor = $2")
            .bind(weights.of(*factor))
            .bind(factor.code())
            .execute(&mut *tx)
            .await?;
    }
    rescore_open(&mut tx).await?;
    let detail = Factor::ALL
        .iter()
        .map(|f| format!("{} {}", f.code(), weights.of(*f)))
        .collect::<Vec<_>>()
        .join(", ");
    tx.audit(Entry {
        organisation_id: None,
        action: "fit_weights_changed",
        record_type: "program",
        record_id: None,
        detail: Some(&detail),
    })
    .await?;
    tx.commit().await?;
    Ok(())
}
