//! The demo program's people and organisations, as data.

use crate::organisations::{PartnerStatus, PartnerType, Region, Role};

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
pub(super) const VENDOR_SLUG: &str = "acme-cloud";

/// Channel manager for North America and Latin America.
pub(super) const CM_AMERICAS: &str = "marcus-webb";
/// Channel manager for EMEA and Asia Pacific.
pub(super) const CM_EMEA_APAC: &str = "sofia-lindqvist";

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
        tier: "registered",
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
        tier: "silver",
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
