//! The tier history: each change appended with the thresholds and the
//! partner's numbers that explain it, audited, and told to the partner's
//! admins.

use crate::{
    audit::server::Entry,
    db::Write,
    tiers::{explain_all, ChangeKind, Metrics, TierRule},
};

/// One entry of the tier history.
pub(super) struct Recorded<'a> {
    pub organisation_id: &'a str,
    pub kind: ChangeKind,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    /// The tier whose thresholds explain it, and where the partner stood.
    pub rule: Option<&'a TierRule>,
    pub metrics: Option<&'a Metrics>,
    pub due_at: Option<i64>,
    pub at: i64,
}

/// Appends a history entry with its numbers, audits it and tells the
/// partner's admins (when it changes something for them).
pub(super) async fn record(tx: &mut Write, r: Recorded<'_>) -> Result<(), sqlx::Error> {
    let t = r.rule.map(|rule| rule.thresholds).unwrap_or_default();
    let m = r.metrics.copied().unwrap_or_default();
    let id = uuid::Uuid::new_v4().to_string();
    let actor = tx.actor().person_id.clone();
    sqlx::query(
        "INSERT INTO tier_changes (id, organisation_id, seq, kind, from_tier_id, to_tier_id, \
         rule_tier_id, min_sourced_cents, min_influenced_cents, min_certified, min_registrations, \
         min_psat_tenths, sourced_cents, influenced_cents, certified, registrations, psat_tenths, \
         due_at, actor_id, at) VALUES ($1, $2, \
         (SELECT COALESCE(MAX(seq), 0) + 1 FROM tier_changes WHERE organisation_id = $2), \
         $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)",
    )
    .bind(&id)
    .bind(r.organisation_id)
    .bind(r.kind.code())
    .bind(r.from)
    .bind(r.to)
    .bind(r.rule.map(|rule| rule.id.as_str()))
    .bind(t[0])
    .bind(t[1])
    .bind(t[2])
    .bind(t[3])
    .bind(t[4])
    .bind(m.sourced_cents)
    .bind(m.influenced_cents)
    .bind(m.certified)
    .bind(m.registrations)
    .bind(m.psat_tenths)
    .bind(r.due_at)
    .bind(actor)
    .bind(r.at)
    .execute(&mut **tx)
    .await?;
    let names: Vec<(String, String)> =
        sqlx::query_as("SELECT id, name FROM tiers WHERE id = $1 OR id = $2")
            .bind(r.from)
            .bind(r.to)
            .fetch_all(&mut **tx)
            .await?;
    let name = |id: Option<&str>| {
        names
            .iter()
            .find(|(i, _)| Some(i.as_str()) == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    };
    let (from, to) = (name(r.from), name(r.to));
    let detail = format!("{}: {from} -> {to}", r.kind.code());
    tx.audit(Entry {
        organisation_id: Some(r.organisation_id),
        action: "tier_changed",
        record_type: "organisation",
        record_id: Some(r.organisation_id),
        detail: Some(&detail),
    })
    .await?;
    if matches!(r.kind, ChangeKind::Proposed | ChangeKind::Declined) {
        return Ok(());
    }
    let criteria = match (r.rule, r.metrics) {
        (Some(rule), Some(m)) => rule.criteria(m),
        _ => Vec::new(),
    };
    let admins: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT p.email, p.name, o.name FROM people p JOIN organisations o ON o.id = p.organisation_id \
         WHERE p.organisation_id = $1 AND p.role = 'partner_admin' AND p.status = 'active'",
    )
    .bind(r.organisation_id)
    .fetch_all(&mut **tx)
    .await?;
    let link = format!("/organisations/{}", r.organisation_id);
    for (email, person, organisation) in admins {
        tx.notify(&email, &link, |l| {
            let why = explain_all(l, &criteria);
            match r.kind {
                ChangeKind::Warned => (
                    t!(in l, "Your {tier} tier is at risk", tier = from),
                    t!(
                        in l,
                        "Hello {name},\n\n{organisation} no longer meets the {tier} thresholds: {why}.\n\
                         Unless it meets them again by {date}, it moves to {to}.\n",
                        name = person,
                        organisation = organisation,
                        tier = from,
                        why = why,
                        date = crate::format::day_in(l, r.due_at.unwrap_or(r.at)),
                        to = to
                    ),
                ),
                ChangeKind::Recovered => (
                    t!(in l, "Your {tier} tier is safe again", tier = from),
                    t!(
                        in l,
                        "Hello {name},\n\n{organisation} meets the {tier} thresholds again: {why}.\n",
                        name = person,
                        organisation = organisation,
                        tier = from,
                        why = why
                    ),
                ),
                _ => (
                    t!(in l, "Your tier is now {tier}", tier = to),
                    t!(
                        in l,
                        "Hello {name},\n\n{organisation} moved from {from} to {to}. {why}\n",
                        name = person,
                        organisation = organisation,
                        from = from,
                        to = to,
                        why = why
                    ),
                ),
            }
        })
        .await?;
    }
    Ok(())
}
