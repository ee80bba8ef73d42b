//! One partner's tier: where it stands, what the next tier takes, a
//! change waiting for it, and its history, each change with its numbers.

use super::{measure::measure, settings::load_rules};
use crate::{
    auth::{policy::tenant_scoped, server::now, Viewer},
    db::Db,
    tiers::{ChangeKind, Metrics, PendingChange, TierChange, TierRule, TierStatus},
};

#[derive(sqlx::FromRow)]
struct HistoryRow {
    kind: String,
    from_name: Option<String>,
    to_name: Option<String>,
    rule_name: Option<String>,
    min_sourced_cents: Option<i64>,
    min_influenced_cents: Option<i64>,
    min_certified: Option<i64>,
    min_registrations: Option<i64>,
    min_psat_tenths: Option<i64>,
    sourced_cents: i64,
    influenced_cents: i64,
    certified: i64,
    registrations: i64,
    psat_tenths: Option<i64>,
    due_at: Option<i64>,
    actor_name: Option<String>,
    at: i64,
}

impl HistoryRow {
    fn change(self) -> Option<TierChange> {
        let metrics = Metrics {
            sourced_cents: self.sourced_cents,
            influenced_cents: self.influenced_cents,
            certified: self.certified,
            registrations: self.registrations,
            psat_tenths: self.psat_tenths,
        };
        // The thresholds as they were when the change was made.
        let rule = self.rule_name.map(|name| TierRule {
            id: String::new(),
            name,
            rank: 0,
            thresholds: [
                self.min_sourced_cents,
                self.min_influenced_cents,
                self.min_certified,
                self.min_registrations,
                self.min_psat_tenths,
            ],
        });
        Some(TierChange {
            kind: ChangeKind::parse(&self.kind)?,
            from: self.from_name,
            to: self.to_name,
            criteria: rule.map(|r| r.criteria(&metrics)).unwrap_or_default(),
            due_at: self.due_at,
            by: self.actor_name,
            at: self.at,
        })
    }
}

/// The tier status of organisation `id`, if it is a partner within the
/// viewer's scope.
pub async fn status(db: &Db, viewer: &Viewer, id: &str) -> Result<Option<TierStatus>, sqlx::Error> {
    let mut conn = db.reader().await?;
    let row: Option<(Option<String>, Option<String>, Option<i64>)> = sqlx::query_as(&format!(
        "SELECT tier_id, tier_pending_id, tier_due_at FROM organisations \
         WHERE id = $1 AND kind = 'partner' AND {}",
        tenant_scoped("id", "$2")
    ))
    .bind(id)
    .bind(viewer.tenant_scope())
    .fetch_optional(&mut *conn)
    .await?;
    let Some((tier_id, pending_id, due_at)) = row else {
        return Ok(None);
    };
    let rules: Vec<TierRule> = load_rules(&mut conn)
        .await?
        .into_iter()
        .map(|(r, _)| r)
        .collect();
    let at = |tier: &Option<String>| {
        tier.as_ref()
            .and_then(|t| rules.iter().position(|r| &r.id == t))
    };
    let Some(current) = at(&tier_id) else {
        return Ok(None);
    };
    // An offboarded partner is not measured; it has zeros.
    let metrics = measure(&mut conn, Some(id), now())
        .await?
        .remove(id)
        .unwrap_or_default();
    let next = rules
        .get(current + 1)
        .map(|r| (r.name.clone(), r.criteria(&metrics)));
    let pending = at(&pending_id).map(|to| PendingChange {
        to: rules[to].name.clone(),
        due_at,
        unmet: rules[current]
            .criteria(&metrics)
            .into_iter()
            .filter(|c| !c.met())
            .collect(),
    });
    let history = sqlx::query_as::<_, HistoryRow>(&format!(
        "SELECT c.kind, f.name AS from_name, t.name AS to_name, r.name AS rule_name, \
         c.min_sourced_cents, c.min_influenced_cents, c.min_certified, c.min_registrations, \
         c.min_psat_tenths, c.sourced_cents, c.influenced_cents, c.certified, c.registrations, \
         c.psat_tenths, c.due_at, p.name AS actor_name, c.at FROM tier_changes c \
         LEFT JOIN tiers f ON f.id = c.from_tier_id LEFT JOIN tiers t ON t.id = c.to_tier_id \
         LEFT JOIN tiers r ON r.id = c.rule_tier_id LEFT JOIN people p ON p.id = c.actor_id \
         WHERE c.organisation_id = $1 AND {} ORDER BY c.seq DESC LIMIT 20",
        tenant_scoped("c.organisation_id", "$2")
    ))
    .bind(id)
    .bind(viewer.tenant_scope())
    .fetch_all(&mut *conn)
    .await?;
    Ok(Some(TierStatus {
        tier: rules[current].name.clone(),
        metrics,
        next,
        pending,
        history: history.into_iter().filter_map(HistoryRow::change).collect(),
    }))
}
