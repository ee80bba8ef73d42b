//! Demo onboarding: a track per partner type (agreement, welcome kit,
//! steps), signatures of every demo partner but the newest, partners at
//! different steps, and the dates time to first deal is measured from.

use super::server::hash;
use crate::{
    db::Db,
    error::AppError,
    organisations::{demo::demo_id, PartnerType},
};

const AGREEMENT: &str = "# Acme Cloud partner agreement

This agreement is between Acme Cloud and the partner named when it is signed.

## What the partner does
- Registers each opportunity before quoting Acme Cloud products.
- Follows the rules of engagement published in the partner portal.
- Keeps customer data it receives from Acme Cloud confidential.

## What Acme Cloud does
- Protects approved registrations for the days the partner's tier gives.
- Pays the discount and incentives of the partner's tier.
- Answers every registration within the published approval time.

## Term
The agreement runs for **one year** and renews itself unless either side ends it
with 30 days' notice.";

const WELCOME: &str = "# Welcome aboard

Three things get you to your first deal fastest:

1. **Sign the partner agreement**, so you can register deals.
2. **Read the rules of engagement**: how protection, conflicts and approvals work.
3. **Register the customer you are talking to now.** You hear within 48 hours.

## Who helps you
Your channel manager is named on your organisation page. Ask anything.

## Where things are
- Deals: register, follow, and mark won or lost.
- Organisation: your profile, logo and people.
- Program: the tiers and what each gives you.";

/// Tracks and agreements for every type, and the signatures of the demo
/// partners that signed (all but the newest): before any deal is
/// registered, since registering needs a signature.
pub async fn seed_agreements(db: &Db) -> Result<(), AppError> {
    let now = crate::auth::server::now();
    let published = now - 400 * 86_400;
    let mut tx = db.write(crate::db::Actor::system()).await?;
    for t in PartnerType::ALL {
        sqlx::query(
            "INSERT INTO program_tracks (partner_type, welcome, steps) VALUES ($1, $2, $3)",
        )
        .bind(t.code())
        .bind(WELCOME)
        .bind("agreement,profile,welcome,colleague,training,first_deal")
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO agreements (id, partner_type, version, title, body, sha256, grace_days, \
             published_at) VALUES ($1, $2, 1, $3, $4, $5, 30, $6)",
        )
        .bind(demo_id("agreement", t.code()))
        .bind(t.code())
        .bind(format!(
            "Acme Cloud partner agreement ({})",
            t.label_in(crate::i18n::Locale::En)
        ))
        .bind(AGREEMENT)
        .bind(hash(AGREEMENT))
        .bind(published)
        .execute(&mut *tx)
        .await?;
    }
    // Every demo partner signed when it joined, through its first admin.
    let signers: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT o.id, o.partner_type, p.id, p.name FROM organisations o \
         JOIN people p ON p.organisation_id = o.id AND p.role = 'partner_admin' \
         WHERE o.kind = 'partner' ORDER BY o.id, p.created_at, p.id",
    )
    .fetch_all(&mut *tx)
    .await?;
    let mut signed: Vec<String> = Vec::new();
    for (organisation, partner_type, person, name) in signers {
        if signed.contains(&organisation) {
            continue;
        }
        sqlx::query(
            "INSERT INTO agreement_signatures (id, agreement_id, organisation_id, person_id, \
             full_name, title, ip, user_agent, sha256, signed_at) \
             VALUES ($1, $2, $3, $4, $5, 'Partner admin', NULL, NULL, $6, $7)",
        )
        .bind(demo_id("signature", &organisation))
        .bind(demo_id("agreement", &partner_type))
        .bind(&organisation)
        .bind(&person)
        .bind(&name)
        .bind(hash(AGREEMENT))
        .bind(published + 86_400)
        .execute(&mut *tx)
        .await?;
        signed.push(organisation);
    }
    tx.commit().await?;
    Ok(())
}

/// After the deals: when each demo partner joined (before its first
/// registration, by a span of its own), its first approval and win, and
/// Cobalt's onboarding progress (it read the welcome kit).
pub async fn seed_progress(db: &Db) -> Result<(), AppError> {
    let mut tx = db.write(crate::db::Actor::system()).await?;
    sqlx::query(
        "UPDATE organisations SET \
         first_approved_at = (SELECT MIN(decided_at) FROM deals d WHERE d.organisation_id = organisations.id \
          AND d.status IN ('approved', 'won', 'lost', 'expired')), \
         first_won_at = (SELECT MIN(closed_at) FROM deals d WHERE d.organisation_id = organisations.id \
          AND d.status = 'won') \
         WHERE kind = 'partner'",
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE organisations SET joined_at = COALESCE( \
         (SELECT MIN(submitted_at) FROM deals d WHERE d.organisation_id = organisations.id), created_at) \
         - 86400 * (5 + 13 * (LENGTH(name) % 11)) WHERE kind = 'partner' AND first_approved_at IS NOT NULL",
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO onboarding_events (organisation_id, step, person_id, at) \
         SELECT o.id, 'welcome', (SELECT p.id FROM people p WHERE p.organisation_id = o.id \
         ORDER BY p.created_at, p.id LIMIT 1), o.created_at FROM organisations o WHERE o.id = $1",
    )
    .bind(demo_id("org", "cobalt"))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}
