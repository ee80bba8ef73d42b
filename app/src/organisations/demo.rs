//! Deterministic demo data: the vendor "Acme Cloud", four tiers and a dozen
//! partner organisations of every type, region and lifecycle status, with
//! people in them. Seeding runs once; later areas extend it.

use uuid::Uuid;

use super::{PartnerStatus, PartnerType, Region, Role};
use crate::{db::Db, error::AppError};

/// Namespace for the demo's stable ids (a random but fixed UUID).
const NAMESPACE: Uuid = Uuid::from_u128(0x6f1c_2a0e_95d4_4c8b_9a53_77d2_0b1e_c4a1);
/// 2026-01-01T00:00:00Z: demo timestamps count from here.
const EPOCH: i64 = 1_767_225_600;
const DAY: i64 = 86_400;

/// The id the demo gives a record, stable across runs and machines.
pub fn demo_id(kind: &str, slug: &str) -> String {
    Uuid::new_v5(&NAMESPACE, format!("{kind}:{slug}").as_bytes()).to_string()
}

pub struct DemoTier {
    pub slug: &'static str,
    pub name: &'static str,
    pub protection_days: i64,
    pub discount_bp: i64,
    pub mdf_allotment_cents: i64,
    pub description: &'static str,
}

pub const TIERS: &[DemoTier] = &[
    DemoTier {
        slug: "registered",
        name: "Registered",
        protection_days: 60,
        discount_bp: 1000,
        mdf_allotment_cents: 0,
        description: "Deal registration, the asset library and self-paced training.",
    },
    DemoTier {
        slug: "silver",
        name: "Silver",
        protection_days: 90,
        discount_bp: 1500,
        mdf_allotment_cents: 500_000,
        description: "Co-branded campaigns and a starter marketing fund.",
    },
    DemoTier {
        slug: "gold",
        name: "Gold",
        protection_days: 120,
        discount_bp: 2000,
        mdf_allotment_cents: 2_000_000,
        description: "A named channel manager, co-selling and quarterly business reviews.",
    },
    DemoTier {
        slug: "platinum",
        name: "Platinum",
        protection_days: 180,
        discount_bp: 2500,
        mdf_allotment_cents: 6_000_000,
        description: "Joint planning, leads passed from Acme Cloud and the largest fund.",
    },
];

pub struct DemoPerson {
    pub slug: &'static str,
    pub name: &'static str,
    pub email: &'static str,
    pub role: Role,
    pub title: &'static str,
}

pub struct DemoPartner {
    pub slug: &'static str,
    pub name: &'static str,
    pub partner_type: PartnerType,
    pub region: Region,
    pub country: &'static str,
    pub status: PartnerStatus,
    pub tier: &'static str,
    pub website: &'static str,
    pub joined_day: i64,
    pub people: &'static [DemoPerson],
}

pub const VENDOR_NAME: &str = "Acme Cloud";
const VENDOR_SLUG: &str = "acme-cloud";

/// Channel manager for North America and Latin America.
const CM_AMERICAS: &str = "marcus-webb";
/// Channel manager for EMEA and Asia Pacific.
const CM_EMEA_APAC: &str = "sofia-lindqvist";

macro_rules! person {
    ($slug:literal, $name:literal, $email:literal, $role:ident, $title:literal) => {
        DemoPerson {
            slug: $slug,
            name: $name,
            email: $email,
            role: Role::$role,
            title: $title,
        }
    };
}

pub const VENDOR_PEOPLE: &[DemoPerson] = &[
    person!(
        "priya-raman",
        "Priya Raman",
        "priya.raman@acmecloud.example",
        ProgramAdmin,
        "Head of Partner Programs"
    ),
    person!(
        "marcus-webb",
        "Marcus Webb",
        "marcus.webb@acmecloud.example",
        ChannelManager,
        "Channel Manager, Americas"
    ),
    person!(
        "sofia-lindqvist",
        "Sofia Lindqvist",
        "sofia.lindqvist@acmecloud.example",
        ChannelManager,
        "Channel Manager, EMEA & APAC"
    ),
    person!(
        "dana-okafor",
        "Dana Okafor",
        "dana.okafor@acmecloud.example",
        Marketer,
        "Partner Marketing Lead"
    ),
];

pub const PARTNERS: &[DemoPartner] = &[
    DemoPartner {
        slug: "northwind",
        name: "Northwind Solutions",
        partner_type: PartnerType::Var,
        region: Region::NorthAmerica,
        country: "US",
        status: PartnerStatus::Active,
        tier: "gold",
        website: "northwind.example",
        joined_day: 3,
        people: &[
            person!(
                "northwind-ava",
                "Ava Thompson",
                "ava.thompson@northwind.example",
                PartnerAdmin,
                "Alliance Director"
            ),
            person!(
                "northwind-leo",
                "Leo Martinez",
                "leo.martinez@northwind.example",
                PartnerUser,
                "Account Executive"
            ),
            person!(
                "northwind-mia",
                "Mia Chen",
                "mia.chen@northwind.example",
                PartnerUser,
                "Solutions Engineer"
            ),
        ],
    },
    DemoPartner {
        slug: "bluepeak",
        name: "Bluepeak Managed Services",
        partner_type: PartnerType::Msp,
        region: Region::Emea,
        country: "GB",
        status: PartnerStatus::Active,
        tier: "platinum",
        website: "bluepeak.example",
        joined_day: 5,
        people: &[
            person!(
                "bluepeak-oliver",
                "Oliver Grant",
                "oliver.grant@bluepeak.example",
                PartnerAdmin,
                "Managing Director"
            ),
            person!(
                "bluepeak-amelia",
                "Amelia Hughes",
                "amelia.hughes@bluepeak.example",
                PartnerUser,
                "Service Delivery Lead"
            ),
        ],
    },
    DemoPartner {
        slug: "lumen",
        name: "Lumen Systems Integration",
        partner_type: PartnerType::Si,
        region: Region::Emea,
        country: "DE",
        status: PartnerStatus::Active,
        tier: "gold",
        website: "lumen-si.example",
        joined_day: 9,
        people: &[
            person!(
                "lumen-jonas",
                "Jonas Weber",
                "jonas.weber@lumen-si.example",
                PartnerAdmin,
                "Partner Manager"
            ),
            person!(
                "lumen-lena",
                "Lena Fischer",
                "lena.fischer@lumen-si.example",
                PartnerUser,
                "Project Lead"
            ),
        ],
    },
    DemoPartner {
        slug: "quantix",
        name: "Quantix Software",
        partner_type: PartnerType::Isv,
        region: Region::NorthAmerica,
        country: "CA",
        status: PartnerStatus::Active,
        tier: "silver",
        website: "quantix.example",
        joined_day: 14,
        people: &[
            person!(
                "quantix-noah",
                "Noah Tremblay",
                "noah.tremblay@quantix.example",
                PartnerAdmin,
                "VP Partnerships"
            ),
            person!(
                "quantix-emma",
                "Emma Roy",
                "emma.roy@quantix.example",
                PartnerUser,
                "Integration Engineer"
            ),
        ],
    },
    DemoPartner {
        slug: "harbor",
        name: "Harbor Advisory Group",
        partner_type: PartnerType::Referral,
        region: Region::Apac,
        country: "AU",
        status: PartnerStatus::Active,
        tier: "registered",
        website: "harboradvisory.example",
        joined_day: 21,
        people: &[person!(
            "harbor-isla",
            "Isla Morgan",
            "isla.morgan@harboradvisory.example",
            PartnerAdmin,
            "Principal"
        )],
    },
    DemoPartner {
        slug: "meridian",
        name: "Meridian Distribution",
        partner_type: PartnerType::Distributor,
        region: Region::Latam,
        country: "BR",
        status: PartnerStatus::Active,
        tier: "platinum",
        website: "meridian-dist.example",
        joined_day: 2,
        people: &[
            person!(
                "meridian-lucas",
                "Lucas Almeida",
                "lucas.almeida@meridian-dist.example",
                PartnerAdmin,
                "Channel Director"
            ),
            person!(
                "meridian-beatriz",
                "Beatriz Souza",
                "beatriz.souza@meridian-dist.example",
                PartnerUser,
                "Partner Account Manager"
            ),
            person!(
                "meridian-rafael",
                "Rafael Costa",
                "rafael.costa@meridian-dist.example",
                PartnerUser,
                "Inside Sales"
            ),
        ],
    },
    DemoPartner {
        slug: "cobalt",
        name: "Cobalt IT Services",
        partner_type: PartnerType::Msp,
        region: Region::NorthAmerica,
        country: "US",
        status: PartnerStatus::Onboarding,
        tier: "silver",
        website: "cobalt-it.example",
        joined_day: 290,
        people: &[
            person!(
                "cobalt-grace",
                "Grace Miller",
                "grace.miller@cobalt-it.example",
                PartnerAdmin,
                "Operations Manager"
            ),
            person!(
                "cobalt-ethan",
                "Ethan Brooks",
                "ethan.brooks@cobalt-it.example",
                PartnerUser,
                "Sales Engineer"
            ),
        ],
    },
    DemoPartner {
        slug: "fjord",
        name: "Fjord Digital",
        partner_type: PartnerType::Si,
        region: Region::Emea,
        country: "NO",
        status: PartnerStatus::Applicant,
        tier: "registered",
        website: "fjorddigital.example",
        joined_day: 315,
        people: &[person!(
            "fjord-ingrid",
            "Ingrid Berg",
            "ingrid.berg@fjorddigital.example",
            PartnerAdmin,
            "CEO"
        )],
    },
    DemoPartner {
        slug: "sakura",
        name: "Sakura Cloud Partners",
        partner_type: PartnerType::Var,
        region: Region::Apac,
        country: "JP",
        status: PartnerStatus::AtRisk,
        tier: "silver",
        website: "sakura-cloud.example",
        joined_day: 30,
        people: &[
            person!(
                "sakura-haruto",
                "Haruto Sato",
                "haruto.sato@sakura-cloud.example",
                PartnerAdmin,
                "Alliance Manager"
            ),
            person!(
                "sakura-yui",
                "Yui Tanaka",
                "yui.tanaka@sakura-cloud.example",
                PartnerUser,
                "Account Manager"
            ),
        ],
    },
    DemoPartner {
        slug: "andes",
        name: "Andes Tech Resellers",
        partner_type: PartnerType::Var,
        region: Region::Latam,
        country: "CL",
        status: PartnerStatus::Onboarding,
        tier: "registered",
        website: "andestech.example",
        joined_day: 301,
        people: &[
            person!(
                "andes-camila",
                "Camila Rojas",
                "camila.rojas@andestech.example",
                PartnerAdmin,
                "General Manager"
            ),
            person!(
                "andes-mateo",
                "Mateo Silva",
                "mateo.silva@andestech.example",
                PartnerUser,
                "Sales Representative"
            ),
        ],
    },
    DemoPartner {
        slug: "keystone",
        name: "Keystone Analytics",
        partner_type: PartnerType::Isv,
        region: Region::Emea,
        country: "NL",
        status: PartnerStatus::Active,
        tier: "gold",
        website: "keystone-analytics.example",
        joined_day: 45,
        people: &[
            person!(
                "keystone-sanne",
                "Sanne de Vries",
                "sanne.devries@keystone-analytics.example",
                PartnerAdmin,
                "Head of Alliances"
            ),
            person!(
                "keystone-daan",
                "Daan Bakker",
                "daan.bakker@keystone-analytics.example",
                PartnerUser,
                "Partner Sales"
            ),
        ],
    },
    DemoPartner {
        slug: "pinecrest",
        name: "Pinecrest Consulting",
        partner_type: PartnerType::Referral,
        region: Region::NorthAmerica,
        country: "US",
        status: PartnerStatus::Offboarded,
        tier: "registered",
        website: "pinecrest.example",
        joined_day: 12,
        people: &[person!(
            "pinecrest-henry",
            "Henry Walsh",
            "henry.walsh@pinecrest.example",
            PartnerAdmin,
            "Founder"
        )],
    },
];

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
        "INSERT INTO organisations (id, kind, name, status, website, created_at) \
         VALUES ($1, 'vendor', $2, 'active', 'acmecloud.example', $3)",
    )
    .bind(&vendor_id)
    .bind(VENDOR_NAME)
    .bind(EPOCH)
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
             (id, kind, name, partner_type, region, country, status, tier_id, website, channel_manager_id, created_at) \
             VALUES ($1, 'partner', $2, $3, $4, $5, $6, $7, $8, $9, $10)",
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
