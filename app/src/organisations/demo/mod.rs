//! Deterministic demo data: the vendor "Acme Cloud", four tiers and a dozen
//! partner organisations of every type, region and lifecycle status, with
//! people in them. Seeding runs once; later areas extend it.

use uuid::Uuid;

mod data;

pub use data::{DemoPartner, DemoPerson, DemoTier, PARTNERS, TIERS, VENDOR_NAME, VENDOR_PEOPLE};

use crate::{db::Db, error::AppError, organisations::Region};
use data::{CM_AMERICAS, CM_EMEA_APAC, VENDOR_SLUG};

/// Namespace for the demo's stable ids (a random but fixed UUID).
const NAMESPACE: Uuid = Uuid::from_u128(0x6f1c_2a0e_95d4_4c8b_9a53_77d2_0b1e_c4a1);
/// 2026-01-01T00:00:00Z: demo timestamps count from here.
const EPOCH: i64 = 1_767_225_600;
const DAY: i64 = 86_400;

/// The id the demo gives a record, stable across runs and machines.
pub fn demo_id(kind: &str, slug: &str) -> String {
    Uuid::new_v5(&NAMESPACE, format!("{kind}:{slug}").as_bytes()).to_string()
}

/// Every demo person signs in with this password (printed by `scripts/run`
/// and listed in README.md).
pub const DEMO_PASSWORD: &str = "demo-password-2026";

/// What [`seed`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeedOutcome {
    Seeded { organisations: usize, people: usize },
    AlreadyPresent,
}

/// Seeds the demo program's organisations, tiers and people once: when a
/// vendor organisation already exists, nothing is written. Everything goes
/// in one transaction. [`crate::demo::seed`] adds the other areas' data.
pub async fn seed(db: &Db) -> Result<SeedOutcome, AppError> {
    let vendors: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM organisations WHERE kind = 'vendor'")
            .fetch_one(&db.pool)
            .await?;
    if vendors > 0 {
        return Ok(SeedOutcome::AlreadyPresent);
    }
    // One hash for everyone: the demo has a single, published password.
    let password_hash = crate::auth::password::hash(DEMO_PASSWORD.to_owned()).await?;
    let mut tx = db.write(crate::db::Actor::system()).await?;
    for (rank, tier) in TIERS.iter().enumerate() {
        sqlx::query(
            "INSERT INTO tiers (id, name, rank, protection_days, discount_bp, mdf_allotment_cents, description) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(demo_id("tier", tier.slug))
        .bind(tier.name)
        .bind(rank as i64 + 1)
        .bind(tier.protection_days)
        .bind(tier.discount_bp)
        .bind(tier.mdf_allotment_cents)
        .bind(tier.description)
        .execute(&mut *tx)
        .await?;
    }
    let vendor_id = demo_id("org", VENDOR_SLUG);
    sqlx::query(
        "INSERT INTO organisations (id, kind, name, status, website, created_at, slug) \
         VALUES ($1, 'vendor', $2, 'active', 'acmecloud.example', $3, $4)",
    )
    .bind(&vendor_id)
    .bind(VENDOR_NAME)
    .bind(EPOCH)
    .bind(VENDOR_SLUG)
    .execute(&mut *tx)
    .await?;
    let mut people = 0;
    for person in VENDOR_PEOPLE {
        insert_person(&mut tx, &vendor_id, person, EPOCH, &password_hash).await?;
        people += 1;
    }
    for partner in PARTNERS {
        let id = demo_id("org", partner.slug);
        let manager = match partner.region {
            Region::NorthAmerica | Region::Latam => CM_AMERICAS,
            Region::Emea | Region::Apac => CM_EMEA_APAC,
        };
        let joined = EPOCH + partner.joined_day * DAY;
        sqlx::query(
            "INSERT INTO organisations \
             (id, kind, name, partner_type, region, country, status, tier_id, website, channel_manager_id, created_at, slug) \
             VALUES ($1, 'partner', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(&id)
        .bind(partner.name)
        .bind(partner.partner_type.code())
        .bind(partner.region.code())
        .bind(partner.country)
        .bind(partner.status.code())
        .bind(demo_id("tier", partner.tier))
        .bind(partner.website)
        .bind(demo_id("person", manager))
        .bind(joined)
        .bind(partner.slug)
        .execute(&mut *tx)
        .await?;
        for person in partner.people {
            insert_person(&mut tx, &id, person, joined, &password_hash).await?;
            people += 1;
        }
    }
    tx.commit().await?;
    Ok(SeedOutcome::Seeded {
        organisations: PARTNERS.len() + 1,
        people,
    })
}

async fn insert_person(
    tx: &mut crate::db::Write,
    organisation_id: &str,
    person: &DemoPerson,
    created_at: i64,
    password_hash: &str,
) -> Result<(), sqlx::Error> {
    // Vendor staff must use two-step sign-in: in the demo they share one
    // published authenticator secret (README), so anyone can try them.
    let totp_secret = person
        .role
        .is_vendor()
        .then_some(crate::auth::mfa::DEMO_SECRET);
    sqlx::query(
        "INSERT INTO people (id, organisation_id, name, email, role, title, created_at, password_hash, \
         totp_secret, totp_enabled_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(demo_id("person", person.slug))
    .bind(organisation_id)
    .bind(person.name)
    .bind(person.email)
    .bind(person.role.code())
    .bind(person.title)
    .bind(created_at)
    .bind(password_hash)
    .bind(totp_secret)
    .bind(totp_secret.map(|_| created_at))
    .execute(&mut **tx)
    .await
    .map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::organisations::{PartnerStatus, PartnerType, Role};
    use std::collections::HashSet;

    #[test]
    fn every_partner_type_and_region_is_present() {
        let types: HashSet<_> = PARTNERS.iter().map(|p| p.partner_type).collect();
        assert_eq!(types.len(), PartnerType::ALL.len());
        let regions: HashSet<_> = PARTNERS.iter().map(|p| p.region).collect();
        assert_eq!(regions.len(), Region::ALL.len());
        let statuses: HashSet<_> = PARTNERS.iter().map(|p| p.status).collect();
        assert_eq!(statuses.len(), PartnerStatus::ALL.len());
        assert_eq!(PARTNERS.len(), 12);
    }

    #[test]
    fn every_partner_has_an_admin_and_only_partner_roles() {
        for partner in PARTNERS {
            assert!(
                partner.people.iter().any(|p| p.role == Role::PartnerAdmin),
                "{} has no admin",
                partner.name
            );
            assert!(partner.people.iter().all(|p| !p.role.is_vendor()));
            assert!(TIERS.iter().any(|t| t.slug == partner.tier));
        }
        assert!(VENDOR_PEOPLE.iter().all(|p| p.role.is_vendor()));
    }

    #[test]
    fn ids_are_stable_and_distinct() {
        assert_eq!(demo_id("org", "northwind"), demo_id("org", "northwind"));
        assert_ne!(demo_id("org", "northwind"), demo_id("person", "northwind"));
        let emails: HashSet<_> = PARTNERS
            .iter()
            .flat_map(|p| p.people.iter())
            .chain(VENDOR_PEOPLE.iter())
            .map(|p| p.email)
            .collect();
        let total = PARTNERS.iter().map(|p| p.people.len()).sum::<usize>() + VENDOR_PEOPLE.len();
        assert_eq!(emails.len(), total);
    }
}
