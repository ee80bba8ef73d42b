//! Demo recruiting: what the program knows about each demo partner's
//! business (so applicants have someone to resemble), and applications in
//! every state with varied scores, made through the same code the public
//! page and the channel managers use.

use super::{
    server::{add_prospect, decide, submit},
    ApplicationDecision, ApplicationInput, ProspectInput,
};
use crate::{
    auth::Viewer,
    db::Db,
    error::AppError,
    organisations::{
        demo::{demo_id, VENDOR_NAME},
        Role,
    },
};

/// A demo partner's business: (slug, employees, industries,
/// specialisations, certified people, PSAT in tenths).
type Business = (
    &'static str,
    i64,
    &'static str,
    &'static str,
    i64,
    Option<i64>,
);

const BUSINESS: &[Business] = &[
    (
        "northwind",
        180,
        "healthcare,financial,retail",
        "migration,security",
        4,
        Some(82),
    ),
    (
        "bluepeak",
        420,
        "healthcare,financial,public",
        "managed,security,networking",
        9,
        Some(88),
    ),
    (
        "lumen",
        650,
        "manufacturing,energy,public",
        "migration,data,devops",
        6,
        Some(79),
    ),
    (
        "quantix",
        90,
        "technology,financial",
        "data,ai",
        2,
        Some(74),
    ),
    ("harbor", 12, "retail,education", "", 0, Some(70)),
    (
        "meridian",
        1200,
        "retail,manufacturing,technology",
        "networking,migration",
        5,
        Some(77),
    ),
    ("cobalt", 60, "healthcare,education", "managed", 1, None),
    ("fjord", 45, "energy,manufacturing", "devops", 0, None),
    (
        "sakura",
        140,
        "retail,manufacturing",
        "migration",
        1,
        Some(58),
    ),
    ("andes", 35, "retail,public", "migration", 0, None),
    (
        "keystone",
        110,
        "financial,healthcare",
        "security,ai",
        3,
        Some(81),
    ),
    ("pinecrest", 8, "education", "", 0, None),
];

struct DemoApplication {
    company: &'static str,
    website: &'static str,
    country: &'static str,
    region: &'static str,
    partner_type: &'static str,
    employees: &'static str,
    industries: &'static [&'static str],
    specialisations: &'static [&'static str],
    other_vendors: &'static str,
    revenue: &'static str,
    contact: (&'static str, &'static str, &'static str),
    decision: Option<(ApplicationDecision, &'static str)>,
}

const APPLICATIONS: &[DemoApplication] = &[
    DemoApplication {
        company: "Contoso Health IT",
        website: "contoso-health.example",
        country: "Germany",
        region: "emea",
        partner_type: "msp",
        employees: "300",
        industries: &["healthcare", "financial"],
        specialisations: &["security", "managed"],
        other_vendors: "Microsoft Azure, Datadog",
        revenue: "900,000",
        contact: (
            "Lena Vogel",
            "lena.vogel@contoso-health.example",
            "Managing Director",
        ),
        decision: None,
    },
    DemoApplication {
        company: "Fabrikam Integration",
        website: "fabrikam.example",
        country: "United States",
        region: "north_america",
        partner_type: "si",
        employees: "500",
        industries: &["manufacturing", "energy"],
        specialisations: &["migration", "devops"],
        other_vendors: "AWS, HashiCorp",
        revenue: "600,000",
        contact: (
            "Marco Rossi",
            "marco.rossi@fabrikam.example",
            "VP Alliances",
        ),
        decision: None,
    },
    DemoApplication {
        company: "Tailspin Retail Systems",
        website: "tailspin.example",
        country: "Australia",
        region: "apac",
        partner_type: "var",
        employees: "25",
        industries: &["retail"],
        specialisations: &[],
        other_vendors: "Shopify",
        revenue: "40,000",
        contact: ("Mia Chen", "mia.chen@tailspin.example", "Founder"),
        decision: None,
    },
    DemoApplication {
        company: "Wingtip Networks",
        website: "wingtip.example",
        country: "Brazil",
        region: "latam",
        partner_type: "distributor",
        employees: "2000",
        industries: &["technology"],
        specialisations: &["networking"],
        other_vendors: "Cisco, Fortinet",
        revenue: "1,500,000",
        contact: (
            "Rafael Souza",
            "rafael.souza@wingtip.example",
            "Channel Director",
        ),
        decision: None,
    },
    DemoApplication {
        company: "Litware Analytics",
        website: "litware.example",
        country: "Netherlands",
        region: "emea",
        partner_type: "isv",
        employees: "70",
        industries: &["financial", "technology"],
        specialisations: &["data", "ai"],
        other_vendors: "Snowflake",
        revenue: "120,000",
        contact: ("Sanne de Vries", "sanne.devries@litware.example", "CEO"),
        decision: Some((
            ApplicationDecision::MoreInfo,
            "Which of your customers already run on Acme Cloud?",
        )),
    },
    DemoApplication {
        company: "Adventure Works Consulting",
        website: "adventure-works.example",
        country: "Canada",
        region: "north_america",
        partner_type: "referral",
        employees: "8",
        industries: &["education"],
        specialisations: &[],
        other_vendors: "",
        revenue: "10,000",
        contact: ("Noel Park", "noel.park@adventure-works.example", "Owner"),
        decision: Some((
            ApplicationDecision::Reject,
            "We are not adding referral partners in education this year.",
        )),
    },
    DemoApplication {
        company: "Proseware Security",
        website: "proseware.example",
        country: "United States",
        region: "north_america",
        partner_type: "msp",
        employees: "160",
        industries: &["healthcare", "financial"],
        specialisations: &["security"],
        other_vendors: "CrowdStrike",
        revenue: "450,000",
        contact: ("Grace Liu", "grace.liu@proseware.example", "COO"),
        decision: Some((ApplicationDecision::Approve, "")),
    },
];

/// Demo prospects: (company, website, country, region, type, employees,
/// industries, specialisations, note). Two resemble the best partners
/// closely; one does not.
type DemoProspect = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static str,
);

const PROSPECTS: &[DemoProspect] = &[
    (
        "Trey Research Managed Services",
        "trey-research.example",
        "United States",
        "north_america",
        "msp",
        "380",
        &["healthcare", "financial", "public"],
        &["managed", "security", "networking"],
        "Met at HIMSS: runs managed security for 40 hospitals",
    ),
    (
        "Woodgrove Data Partners",
        "woodgrove-data.example",
        "Germany",
        "emea",
        "si",
        "600",
        &["manufacturing", "energy", "public"],
        &["migration", "data", "devops"],
        "Named by Lumen on the Stadtwerke project",
    ),
    (
        "Lamna Office Supplies",
        "lamna-office.example",
        "New Zealand",
        "apac",
        "referral",
        "4",
        &["education"],
        &[],
        "Asked about reselling at a trade fair",
    ),
];

fn codes(list: &[&str]) -> Vec<String> {
    list.iter().map(|c| (*c).to_owned()).collect()
}

pub async fn seed(db: &Db) -> Result<(), AppError> {
    for (slug, employees, industries, specialisations, certified, psat) in BUSINESS {
        db.execute(
            sqlx::query(
                "UPDATE organisations SET employees = $1, industries = $2, specialisations = $3, \
                 certified_people = $4, certified_elsewhere = $4, psat_tenths = $5 WHERE id = $6",
            )
            .bind(employees)
            .bind(industries)
            .bind(specialisations)
            .bind(certified)
            .bind(psat)
            .bind(demo_id("org", slug)),
        )
        .await?;
    }
    let marcus = Viewer {
        person_id: demo_id("person", "marcus-webb"),
        name: "Marcus Webb".into(),
        email: "marcus.webb@acmecloud.example".into(),
        role: Role::ChannelManager,
        organisation_id: demo_id("org", "acme-cloud"),
        organisation_name: VENDOR_NAME.into(),
    };
    for a in APPLICATIONS {
        let input = ApplicationInput {
            company: a.company.into(),
            website: a.website.into(),
            country: a.country.into(),
            region: a.region.into(),
            partner_type: a.partner_type.into(),
            employees: a.employees.into(),
            industries: codes(a.industries),
            specialisations: codes(a.specialisations),
            other_vendors: a.other_vendors.into(),
            expected_revenue: a.revenue.into(),
            contact_name: a.contact.0.into(),
            contact_email: a.contact.1.into(),
            contact_title: a.contact.2.into(),
            message: String::new(),
        };
        let submitted = submit(db, &input.validate()?, None).await?;
        if let Some((decision, note)) = a.decision {
            let note = Some(note).filter(|n| !n.is_empty());
            decide(db, &marcus, &submitted.id, decision, note, None).await?;
        }
    }
    for (company, website, country, region, partner_type, employees, industries, specs, note) in
        PROSPECTS
    {
        let input = ProspectInput {
            company: (*company).into(),
            website: (*website).into(),
            country: (*country).into(),
            region: (*region).into(),
            partner_type: (*partner_type).into(),
            employees: (*employees).into(),
            industries: codes(industries),
            specialisations: codes(specs),
            note: (*note).into(),
        };
        add_prospect(db, &marcus, &input.validate()?, None).await?;
    }
    Ok(())
}
