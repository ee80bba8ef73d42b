//! Where partners stand: revenue sourced and influenced over the last
//! twelve months (in US cents at the reference rates), approved
//! registrations, certified people and PSAT. One aggregate query per
//! source over the whole program, or one partner's rows.

use std::collections::HashMap;

use sqlx::AnyConnection;

use crate::{auth::policy::tenant_scoped, tiers::Metrics, values::Currency};

/// The window revenue and registrations count over: twelve months.
pub const PERIOD: i64 = 365 * 86_400;

/// Metrics of every live partner (or only `only`), by organisation id, as
/// of `now`.
pub async fn measure(
    conn: &mut AnyConnection,
    only: Option<&str>,
    now: i64,
) -> Result<HashMap<String, Metrics>, sqlx::Error> {
    let since = now - PERIOD;
    let partners: Vec<(String, i64, Option<i64>)> = sqlx::query_as(&format!(
        "SELECT id, certified_people, psat_tenths FROM organisations \
         WHERE kind = 'partner' AND status IN ('onboarding', 'active', 'at_risk') AND {}",
        tenant_scoped("id", "$1")
    ))
    .bind(only)
    .fetch_all(&mut *conn)
    .await?;
    let mut metrics: HashMap<String, Metrics> = partners
        .into_iter()
        .map(|(id, certified, psat_tenths)| {
            let m = Metrics {
                certified,
                psat_tenths,
                ..Metrics::default()
            };
            (id, m)
        })
        .collect();
    // Registered and won: sourced, unless the partner only influenced it.
    let own: Vec<(String, String, i64, i64)> = sqlx::query_as(&format!(
        "SELECT organisation_id, currency, \
         CAST(CASE WHEN partner_role IN ('influence', 'referral') THEN 1 ELSE 0 END AS BIGINT), \
         CAST(SUM(value_cents) AS BIGINT) FROM deals \
         WHERE status = 'won' AND closed_at >= $1 AND {} \
         GROUP BY organisation_id, currency, \
         CASE WHEN partner_role IN ('influence', 'referral') THEN 1 ELSE 0 END",
        tenant_scoped("organisation_id", "$2")
    ))
    .bind(since)
    .bind(only)
    .fetch_all(&mut *conn)
    .await?;
    // Won by another partner with this one co-selling: influenced.
    let co_sold: Vec<(String, String, i64, i64)> = sqlx::query_as(&format!(
        "SELECT p.organisation_id, d.currency, CAST(1 AS BIGINT), CAST(SUM(d.value_cents) AS BIGINT) \
         FROM deal_partners p JOIN deals d ON d.id = p.deal_id \
         WHERE d.status = 'won' AND d.closed_at >= $1 AND p.organisation_id <> d.organisation_id \
         AND {} GROUP BY p.organisation_id, d.currency",
        tenant_scoped("p.organisation_id", "$2")
    ))
    .bind(since)
    .bind(only)
    .fetch_all(&mut *conn)
    .await?;
    for (organisation, currency, influenced, cents) in own.into_iter().chain(co_sold) {
        let Some(m) = metrics.get_mut(&organisation) else {
            continue;
        };
        let usd = Currency::parse(&currency).map_or(0, |c| c.to_usd_cents(cents));
        if influenced == 1 {
            m.influenced_cents += usd;
        } else {
            m.sourced_cents += usd;
        }
    }
    // Registrations approved in the window (whatever became of them).
    let approved: Vec<(String, i64)> = sqlx::query_as(&format!(
        "SELECT organisation_id, COUNT(*) FROM deals WHERE decided_at >= $1 \
         AND status IN ('approved', 'won', 'lost', 'expired') AND {} GROUP BY organisation_id",
        tenant_scoped("organisation_id", "$2")
    ))
    .bind(since)
    .bind(only)
    .fetch_all(&mut *conn)
    .await?;
    for (organisation, n) in approved {
        if let Some(m) = metrics.get_mut(&organisation) {
            m.registrations = n;
        }
    }
    Ok(metrics)
}
