//! Demo campaigns: six templates (one a draft, one in German, one only for
//! managed service providers), brands for two partners (logo, colour,
//! contact), campaigns they launched with a fortnight of page views, and
//! leads in every status a campaign gives them.

use crate::{
    auth::server::now,
    campaigns::{
        content::{Block, Content, Network, Slot, SocialPost},
        StreamMode,
    },
    db::{Actor, Db},
    error::AppError,
    organisations::{demo::demo_id, logo_image},
};

const DAY: i64 = 86_400;

fn slot(block: Block, editable: bool) -> Slot {
    Slot { block, editable }
}

fn heading(text: &str) -> Block {
    Block::Heading { text: text.into() }
}

fn text(text: &str) -> Block {
    Block::Text { text: text.into() }
}

fn button(label: &str, href: &str) -> Block {
    Block::Button {
        label: label.into(),
        href: href.into(),
    }
}

fn quote(text: &str, by: &str) -> Block {
    Block::Quote {
        text: text.into(),
        by: by.into(),
    }
}

fn migration() -> Content {
    Content {
        subject: "Move to the cloud in 90 days, with {partner.name}".into(),
        email: vec![
            slot(heading("Your free cloud migration assessment"), true),
            slot(text("Hello,\n\nRunning your own servers costs more every year. {partner.name} and Acme Cloud will map your workloads, estimate your costs and plan the move, free of charge.\n\nIt takes two hours of your team's time."), true),
            slot(button("Book your assessment", "{link}"), true),
            slot(quote("We moved our ERP in a weekend and cut our bill by a third.", "Orbis Components"), false),
            slot(text("Questions? Call {partner.contact} on {partner.phone}."), false),
        ],
        title: "Free cloud migration assessment from {partner.name}".into(),
        page: vec![
            slot(heading("Move to the cloud in 90 days"), true),
            slot(text("{partner.name} and Acme Cloud map your workloads, estimate the costs and plan your move, free of charge."), true),
            slot(Block::Columns {
                left: vec![heading("What you get"), text("A list of every workload and where it should run.\nA three-year cost comparison.\nA migration plan with dates.")],
                right: vec![heading("What it takes"), text("Two hours with your IT team, on site or remote.\nRead access to your inventory.")],
            }, false),
            slot(quote("We moved our ERP in a weekend and cut our bill by a third.", "Orbis Components"), false),
            slot(button("Ask for your assessment", "{link}"), true),
        ],
        social: vec![
            SocialPost { network: Network::LinkedIn, text: "Still running your own servers? {partner.name} and Acme Cloud offer a free migration assessment: a workload map, a three-year cost comparison and a plan. {link}".into() },
            SocialPost { network: Network::X, text: "Free cloud migration assessment from {partner.name} and Acme Cloud: {link}".into() },
        ],
    }
}

fn backup() -> Content {
    Content {
        subject: "Could you restore yesterday's files in an hour?".into(),
        email: vec![
            slot(heading("Backup you have tested"), true),
            slot(text("Most companies find out their backups fail on the day they need them. {partner.name} runs Acme Cloud backup for you and proves every quarter that it restores."), true),
            slot(button("See how it works", "{link}"), true),
        ],
        title: "Managed backup and recovery by {partner.name}".into(),
        page: vec![
            slot(heading("Backup you have tested"), true),
            slot(text("Nightly backups of servers, laptops and cloud apps, kept in two regions. A restore test every quarter, with a report you can show your auditor."), true),
            slot(button("Talk to {partner.contact}", "{link}"), true),
        ],
        social: vec![SocialPost { network: Network::LinkedIn, text: "When did you last restore from your backups? {partner.name} tests them every quarter. {link}".into() }],
    }
}

fn webinar() -> Content {
    Content {
        subject: "Zero trust in 45 minutes, live with {partner.name}".into(),
        email: vec![
            slot(heading("Zero trust, explained in 45 minutes"), true),
            slot(text("{partner.name} and Acme Cloud's security team show identity-aware access, encryption everywhere and audit trails, live, with time for your questions."), true),
            slot(button("Save my seat", "{link}"), false),
        ],
        title: "Webinar: zero-trust security on Acme Cloud".into(),
        page: vec![
            slot(heading("Zero trust, explained in 45 minutes"), true),
            slot(text("Join {partner.name} and Acme Cloud's security team for a live session: identity-aware access, encryption everywhere and audit trails, with time for your questions."), true),
            slot(button("Save my seat", "{link}"), false),
        ],
        social: vec![
            SocialPost { network: Network::LinkedIn, text: "Zero trust in 45 minutes: join {partner.name} and Acme Cloud live. {link}".into() },
            SocialPost { network: Network::X, text: "Zero trust in 45 minutes, live with {partner.name}: {link}".into() },
        ],
    }
}

fn databases() -> Content {
    Content {
        subject: "Databases without the 3 a.m. pager".into(),
        email: vec![
            slot(heading("Managed PostgreSQL and MySQL"), true),
            slot(text("Backups, point-in-time recovery, replicas and failover, run by {partner.name} on Acme Cloud."), true),
            slot(button("Get a quote", "{link}"), false),
        ],
        title: "Managed databases from {partner.name}".into(),
        page: vec![
            slot(heading("Managed PostgreSQL and MySQL"), true),
            slot(text("Backups, point-in-time recovery, replicas and failover, run for you by {partner.name} on Acme Cloud. Tell us about your databases and get a quote within two working days."), true),
        ],
        social: vec![SocialPost { network: Network::LinkedIn, text: "Managed PostgreSQL and MySQL, run by {partner.name} on Acme Cloud: no more 3 a.m. pager. {link}".into() }],
    }
}

fn overview_de() -> Content {
    Content {
        subject: "Acme Cloud mit {partner.name}: ein Überblick".into(),
        email: vec![
            slot(heading("Eine Konsole, eine Rechnung, vier Regionen"), true),
            slot(text("{partner.name} zeigt Ihnen in einer Stunde, was Acme Cloud für Ihr Unternehmen leisten kann."), true),
            slot(button("Termin vereinbaren", "{link}"), true),
        ],
        title: "Acme Cloud mit {partner.name}".into(),
        page: vec![
            slot(heading("Eine Konsole, eine Rechnung, vier Regionen"), true),
            slot(text("Compute, Speicher und verwaltete Datenbanken aus einer Hand, betreut von {partner.name}."), true),
            slot(button("Beratung anfragen", "{link}"), true),
        ],
        social: vec![
            SocialPost { network: Network::LinkedIn, text: "Eine Konsole, eine Rechnung, vier Regionen: {partner.name} zeigt Ihnen Acme Cloud in einer Stunde. {link}".into() },
            SocialPost { network: Network::X, text: "Acme Cloud in einer Stunde, mit {partner.name}: {link}".into() },
        ],
    }
}

fn draft() -> Content {
    Content {
        title: "Year-end offer".into(),
        page: vec![slot(heading("Coming soon"), true)],
        ..Content::default()
    }
}

/// slug, name, summary, language, status, partner types, days it runs
/// (None: no end), requires approval, content.
type DemoTemplate = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<i64>,
    bool,
    fn() -> Content,
);

const TEMPLATES: &[DemoTemplate] = &[
    (
        "migration",
        "Cloud migration assessment",
        "An email, a landing page and two posts offering a free migration assessment.",
        "en",
        "published",
        "",
        None,
        false,
        migration,
    ),
    (
        "backup",
        "Managed backup and recovery",
        "For partners who run backup as a service: an email and a landing page.",
        "en",
        "published",
        "",
        None,
        true,
        backup,
    ),
    (
        "webinar",
        "Zero-trust security webinar",
        "An invitation, a registration page and posts for a live security session.",
        "en",
        "published",
        "",
        Some(60),
        false,
        webinar,
    ),
    (
        "databases",
        "Managed databases offer",
        "An email, a quote page and a post for managed service providers selling databases as a service.",
        "en",
        "published",
        "msp",
        None,
        false,
        databases,
    ),
    (
        "overview-de",
        "Acme Cloud im Überblick",
        "E-Mail, Landingpage und Beiträge auf Deutsch für Erstgespräche.",
        "de",
        "published",
        "",
        None,
        false,
        overview_de,
    ),
    (
        "year-end",
        "Year-end offer",
        "Not ready yet.",
        "en",
        "draft",
        "",
        None,
        false,
        draft,
    ),
];

/// The content streams of the demo templates.
const STREAMS: &[(&str, &str)] = &[
    ("migration", "cloud"),
    ("backup", "managed services,security"),
    ("webinar", "security"),
    ("databases", "managed services"),
    ("overview-de", "cloud"),
    ("year-end", "cloud"),
];

/// Who takes which stream, how.
const SUBSCRIPTIONS: &[(&str, &str, StreamMode)] = &[
    ("northwind", "cloud", StreamMode::Auto),
    ("northwind", "security", StreamMode::Approval),
    ("bluepeak", "managed services", StreamMode::Approval),
];

/// A plain logo in `colour` (RGB): a band with a lighter mark.
fn logo_png(colour: [u8; 3]) -> Result<logo_image::Logo, AppError> {
    use image::{ImageBuffer, Rgb};
    let picture = ImageBuffer::from_fn(240, 64, |x, y| {
        let in_mark = (12..52).contains(&y) && (12..52).contains(&x) && (x + y) % 24 < 14;
        if in_mark {
            Rgb([255, 255, 255])
        } else {
            Rgb(colour)
        }
    });
    let mut bytes = std::io::Cursor::new(Vec::new());
    picture
        .write_to(&mut bytes, image::ImageFormat::Png)
        .map_err(|_| AppError::Request("demo logo".into()))?;
    logo_image::normalise(bytes.get_ref()).map_err(|_| AppError::Request("demo logo".into()))
}

/// (partner, colour, contact name, contact email, phone)
const BRANDS: &[(&str, [u8; 3], &str, &str, &str)] = &[
    (
        "northwind",
        [0x1d, 0x4e, 0xd8],
        "Ava Thompson",
        "ava.thompson@northwind.example",
        "+1 415 555 0142",
    ),
    (
        "bluepeak",
        [0x0e, 0x74, 0x90],
        "Amelia Clarke",
        "amelia.clarke@bluepeak.example",
        "+44 20 7946 0321",
    ),
];

/// (campaign slug, partner, template, launcher, days ago)
const LAUNCHED: &[(&str, &str, &str, &str, i64)] = &[
    (
        "northwind-migration",
        "northwind",
        "migration",
        "northwind-ava",
        14,
    ),
    (
        "northwind-webinar",
        "northwind",
        "webinar",
        "northwind-leo",
        5,
    ),
    (
        "bluepeak-backup",
        "bluepeak",
        "backup",
        "bluepeak-amelia",
        10,
    ),
];

/// (lead slug, campaign, name, email, company, status, days ago)
const LEADS: &[(&str, &str, &str, &str, &str, &str, i64)] = &[
    (
        "jo-park",
        "northwind-migration",
        "Jo Park",
        "jo.park@fernway.example",
        "Fernway Outfitters",
        "new",
        1,
    ),
    (
        "rita-gomez",
        "northwind-migration",
        "Rita Gomez",
        "rita@harbourcu.example",
        "Harbour Credit Union",
        "accepted",
        3,
    ),
    (
        "sam-lee",
        "northwind-migration",
        "Sam Lee",
        "sam.lee@quanta.example",
        "Quanta Labs",
        "working",
        6,
    ),
    (
        "ines-marsh",
        "northwind-migration",
        "Ines Marsh",
        "ines@umbrella.example",
        "Umbrella Pharmaceuticals",
        "converted",
        9,
    ),
    (
        "tom-ward",
        "northwind-migration",
        "Tom Ward",
        "tom@student.example",
        "Student project",
        "disqualified",
        12,
    ),
    (
        "li-chen",
        "northwind-webinar",
        "Li Chen",
        "li.chen@westbrook.example",
        "City of Westbrook",
        "new",
        2,
    ),
    (
        "noah-berg",
        "bluepeak-backup",
        "Noah Berg",
        "noah@fjordlog.example",
        "Fjord Logistics",
        "new",
        4,
    ),
];

pub async fn seed(db: &Db, base: &str) -> Result<(), AppError> {
    let today = now();
    let mut tx = db.write(Actor::system()).await?;
    for &(partner, colour, name, email, phone) in BRANDS {
        let id = demo_id("org", partner);
        sqlx::query(
            "UPDATE organisations SET brand_colour = $1, contact_name = $2, contact_email = $3, \
             contact_phone = $4 WHERE id = $5",
        )
        .bind(format!(
            "#{:02x}{:02x}{:02x}",
            colour[0], colour[1], colour[2]
        ))
        .bind(name)
        .bind(email)
        .bind(phone)
        .bind(&id)
        .execute(&mut *tx)
        .await?;
        logo_image::store(&mut *tx, &id, &logo_png(colour)?).await?;
    }
    for &(slug, name, summary, language, status, types, days, approval, content) in TEMPLATES {
        let json =
            serde_json::to_string(&content()).map_err(|_| AppError::Request("demo".into()))?;
        let id = demo_id("template", slug);
        let published = status == "published";
        sqlx::query(
            "INSERT INTO campaign_templates (id, name, summary, language, status, version, content, \
             partner_types, starts_at, ends_at, requires_approval, created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $9, $9)",
        )
        .bind(&id)
        .bind(name)
        .bind(summary)
        .bind(language)
        .bind(status)
        .bind(i64::from(published))
        .bind(&json)
        .bind(types)
        .bind(today - 30 * DAY)
        .bind(days.map(|d| today + d * DAY))
        .bind(i64::from(approval))
        .bind(demo_id("person", "dana-okafor"))
        .execute(&mut *tx)
        .await?;
        if published {
            sqlx::query(
                "INSERT INTO campaign_template_versions (template_id, version, content, published_by, published_at) \
                 VALUES ($1, 1, $2, $3, $4)",
            )
            .bind(&id)
            .bind(&json)
            .bind(demo_id("person", "dana-okafor"))
            .bind(today - 30 * DAY)
            .execute(&mut *tx)
            .await?;
        }
    }
    for &(template, streams) in STREAMS {
        sqlx::query("UPDATE campaign_templates SET streams = $1 WHERE id = $2")
            .bind(streams)
            .bind(demo_id("template", template))
            .execute(&mut *tx)
            .await?;
    }
    for &(partner, stream, mode) in SUBSCRIPTIONS {
        sqlx::query(
            "INSERT INTO stream_subscriptions (organisation_id, stream, mode, created_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(demo_id("org", partner))
        .bind(stream)
        .bind(mode.code())
        .bind(today - 20 * DAY)
        .execute(&mut *tx)
        .await?;
    }
    for &(slug, partner, template, launcher, ago) in LAUNCHED {
        let content = TEMPLATES
            .iter()
            .find(|t| t.0 == template)
            .map(|t| (t.8)())
            .unwrap_or_default();
        let name = TEMPLATES
            .iter()
            .find(|t| t.0 == template)
            .map(|t| t.1)
            .unwrap_or_default();
        let id = demo_id("campaign", slug);
        let launched = today - ago * DAY;
        sqlx::query(
            "INSERT INTO campaigns (id, organisation_id, template_id, template_version, slug, name, \
             content, has_email, has_page, status, launched_by, launched_at) \
             VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, 'live', $9, $10)",
        )
        .bind(&id)
        .bind(demo_id("org", partner))
        .bind(demo_id("template", template))
        .bind(crate::organisations::slug_of(name))
        .bind(name)
        .bind(serde_json::to_string(&content).map_err(|_| AppError::Request("demo".into()))?)
        .bind(i64::from(content.has_email()))
        .bind(i64::from(content.has_page()))
        .bind(demo_id("person", launcher))
        .bind(launched)
        .execute(&mut *tx)
        .await?;
        let organisation = demo_id("org", partner);
        if let Some((brand, partner_slug)) =
            super::server::brand_of(&mut tx, &organisation, base).await?
        {
            let link = format!(
                "{base}{}",
                super::landing_path(&partner_slug, &crate::organisations::slug_of(name))
            );
            tx.schedule_posts(&id, &organisation, &content, &brand, &link, launched)
                .await?;
        }
        for day in 0..ago {
            let at = launched + day * DAY;
            let views = 12 + (day * 7 + ago) % 23;
            sqlx::query("INSERT INTO campaign_daily (campaign_id, day, views) VALUES ($1, $2, $3)")
                .bind(&id)
                .bind(at - at.rem_euclid(DAY))
                .bind(views)
                .execute(&mut *tx)
                .await?;
        }
    }
    // Northwind reworded the backup template, which asks for approval: its
    // campaign waits for a vendor marketer.
    let template = backup();
    let mut wording: Vec<String> = template
        .editable()
        .iter()
        .map(|&(part, i)| {
            template.slots(part)[i]
                .block
                .wording()
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    if let Some(first) = wording.first_mut() {
        *first = "Backups Northwind restores for you every quarter".into();
    }
    let reworded = template
        .with_wording(&wording)
        .map_err(|_| AppError::Request("demo".into()))?;
    sqlx::query(
        "INSERT INTO campaigns (id, organisation_id, template_id, template_version, slug, name, \
         content, has_email, has_page, status, launched_by, launched_at) \
         VALUES ($1, $2, $3, 1, 'managed-backup-and-recovery', 'Managed backup and recovery', $4, 1, 1, \
         'pending_approval', $5, $6)",
    )
    .bind(demo_id("campaign", "northwind-backup"))
    .bind(demo_id("org", "northwind"))
    .bind(demo_id("template", "backup"))
    .bind(serde_json::to_string(&reworded).map_err(|_| AppError::Request("demo".into()))?)
    .bind(demo_id("person", "northwind-ava"))
    .bind(today - DAY)
    .execute(&mut *tx)
    .await?;
    for &(slug, campaign, name, email, company, status, ago) in LEADS {
        let at = today - ago * DAY;
        let partner = LAUNCHED
            .iter()
            .find(|l| l.0 == campaign)
            .map(|l| l.1)
            .unwrap_or_default();
        sqlx::query(
            "INSERT INTO leads (id, organisation_id, campaign_id, name, email, company, email_key, \
             company_key, consent_at, status, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $5, $7, $8, $9, $8, $8)",
        )
        .bind(demo_id("lead", slug))
        .bind(demo_id("org", partner))
        .bind(demo_id("campaign", campaign))
        .bind(name)
        .bind(email)
        .bind(company)
        .bind(crate::values::company_key(company))
        .bind(at)
        .bind(status)
        .execute(&mut *tx)
        .await?;
        let day = at - at.rem_euclid(DAY);
        sqlx::query(
            "INSERT INTO campaign_daily (campaign_id, day, fills) VALUES ($1, $2, 1) \
             ON CONFLICT (campaign_id, day) DO UPDATE SET fills = campaign_daily.fills + 1",
        )
        .bind(demo_id("campaign", campaign))
        .bind(day)
        .execute(&mut *tx)
        .await?;
    }
    // Ines Marsh's lead became Northwind's registration for Umbrella
    // Pharmaceuticals (approved): the campaign's pipeline.
    sqlx::query(
        "UPDATE leads SET deal_id = (SELECT id FROM deals WHERE organisation_id = $1 \
         AND customer_company = 'Umbrella Pharmaceuticals') WHERE id = $2",
    )
    .bind(demo_id("org", "northwind"))
    .bind(demo_id("lead", "ines-marsh"))
    .execute(&mut *tx)
    .await?;
    seed_email(&mut tx, today).await?;
    seed_distribution(&mut tx, today).await?;
    tx.commit().await?;
    Ok(())
}

/// A list member: (email, name, company).
type Member = (&'static str, &'static str, &'static str);

/// (list slug, partner, name, people)
const LISTS: &[(&str, &str, &str, &[Member])] = &[
    (
        "northwind-customers",
        "northwind",
        "Customers 2026",
        &[
            (
                "dana.reyes@fernway.example",
                "Dana Reyes",
                "Fernway Outfitters",
            ),
            (
                "omar.haddad@kestrel.example",
                "Omar Haddad",
                "Kestrel Freight",
            ),
            (
                "mia.svensson@lindqvist.example",
                "Mia Svensson",
                "Lindqvist Dental",
            ),
            ("raj.patel@orbitfoods.example", "Raj Patel", "Orbit Foods"),
        ],
    ),
    (
        "bluepeak-prospects",
        "bluepeak",
        "Prospects",
        &[("hana.ito@meridian.example", "Hana Ito", "Meridian Clinics")],
    ),
];

/// Saved lists, and one send of Northwind's migration campaign ten days
/// ago: delivered to its customers list, two opened it, one clicked.
async fn seed_email(tx: &mut crate::db::Write, today: i64) -> Result<(), AppError> {
    for &(slug, partner, name, people) in LISTS {
        let list = demo_id("list", slug);
        sqlx::query(
            "INSERT INTO recipient_lists (id, organisation_id, name, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&list)
        .bind(demo_id("org", partner))
        .bind(name)
        .bind(demo_id(
            "person",
            if partner == "northwind" {
                "northwind-ava"
            } else {
                "bluepeak-amelia"
            },
        ))
        .bind(today - 12 * DAY)
        .execute(&mut **tx)
        .await?;
        for &(email, person, company) in people {
            sqlx::query(
                "INSERT INTO recipient_list_members (list_id, email, email_key, name, company) \
                 VALUES ($1, $2, $2, $3, $4)",
            )
            .bind(&list)
            .bind(email)
            .bind(person)
            .bind(company)
            .execute(&mut **tx)
            .await?;
        }
    }
    let send = demo_id("send", "northwind-migration-customers");
    let campaign = demo_id("campaign", "northwind-migration");
    let org = demo_id("org", "northwind");
    let at = today - 10 * DAY + 9 * 3600;
    sqlx::query(
        "INSERT INTO campaign_sends (id, campaign_id, organisation_id, status, source, created_by, \
         created_at, send_at) VALUES ($1, $2, $3, 'queued', 'Customers 2026', $4, $5, $5)",
    )
    .bind(&send)
    .bind(&campaign)
    .bind(&org)
    .bind(demo_id("person", "northwind-ava"))
    .bind(at)
    .execute(&mut **tx)
    .await?;
    let people = LISTS[0].3;
    for (n, &(email, person, company)) in people.iter().enumerate() {
        let message = demo_id("outbox", &format!("northwind-migration-{n}"));
        sqlx::query(
            "INSERT INTO outbox (id, created_at, to_address, subject, body, status, attempts, \
             next_attempt_at, sent_at) VALUES ($1, $2, $3, 'Move to the cloud in 90 days', \
             '(demo)', 'sent', 1, $2, $2)",
        )
        .bind(&message)
        .bind(at)
        .bind(email)
        .execute(&mut **tx)
        .await?;
        let opened = (n < 2).then_some(at + 3600);
        let clicked = (n == 0).then_some(at + 3700);
        sqlx::query(
            "INSERT INTO campaign_recipients (id, send_id, campaign_id, organisation_id, position, \
             email, email_key, name, company, token_hash, outbox_id, opened_at, clicked_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(demo_id("recipient", &format!("northwind-migration-{n}")))
        .bind(&send)
        .bind(&campaign)
        .bind(&org)
        .bind(n as i64)
        .bind(email)
        .bind(person)
        .bind(company)
        // A demo recipient has no token: none of its links work.
        .bind(format!("demo:{n}"))
        .bind(&message)
        .bind(opened)
        .bind(clicked)
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query(
        "INSERT INTO campaign_daily (campaign_id, day, sends, opens, clicks) VALUES ($1, $2, 4, 2, 1) \
         ON CONFLICT (campaign_id, day) DO UPDATE SET sends = campaign_daily.sends + 4, \
         opens = campaign_daily.opens + 2, clicks = campaign_daily.clicks + 1",
    )
    .bind(&campaign)
    .bind(at - at.rem_euclid(DAY))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A distributed lead: (slug, name, email, company, region, partner type
/// wanted, status, its offers as (partner, hours ago offered, hours it had,
/// outcome, hours to the answer, reason)).
type Distributed = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    &'static [(
        &'static str,
        i64,
        i64,
        &'static str,
        Option<i64>,
        Option<&'static str>,
    )],
);

/// Vendor leads routed to partners: one accepted within hours, one waiting
/// for Northwind's answer, one pulled back from Quantix (unanswered) and
/// accepted by Northwind, one declined by Lumen and offered to Bluepeak,
/// and one overdue at Meridian (no other partner in Latin America).
const DISTRIBUTED: &[Distributed] = &[
    (
        "hana-sato",
        "Hana Sato",
        "hana.sato@keystonefoods.example",
        "Keystone Foods",
        "north_america",
        Some("var"),
        "accepted",
        &[("northwind", 120, 48, "accepted", Some(6), None)],
    ),
    (
        "omar-haddad",
        "Omar Haddad",
        "omar@larkspurhealth.example",
        "Larkspur Health",
        "north_america",
        Some("var"),
        "offered",
        &[("northwind", 10, 48, "pending", None, None)],
    ),
    (
        "lena-fischer",
        "Lena Fischer",
        "lena@brightwater.example",
        "Brightwater Retail",
        "north_america",
        None,
        "accepted",
        &[
            ("quantix", 100, 48, "expired", Some(48), None),
            ("northwind", 52, 48, "accepted", Some(3), None),
        ],
    ),
    (
        "ruth-okoye",
        "Ruth Okoye",
        "ruth@tidewaterports.example",
        "Tidewater Ports",
        "emea",
        None,
        "offered",
        &[
            (
                "lumen",
                30,
                48,
                "rejected",
                Some(2),
                Some("Ports and logistics are outside what we support."),
            ),
            ("bluepeak", 28, 48, "pending", None, None),
        ],
    ),
    (
        "diego-ramos",
        "Diego Ramos",
        "diego@andinamining.example",
        "Andina Mining",
        "latam",
        None,
        "offered",
        &[("meridian", 60, 48, "pending", None, None)],
    ),
];

async fn seed_distribution(tx: &mut crate::db::Write, today: i64) -> Result<(), AppError> {
    const HOUR: i64 = 3600;
    for &(slug, name, email, company, region, kind, status, offers) in DISTRIBUTED {
        let id = demo_id("lead", slug);
        let first = offers.first().map_or(0, |o| o.1);
        let (partner, last_at, last_for, ..) = offers[offers.len() - 1];
        let expires = (status == "offered").then_some(today - last_at * HOUR + last_for * HOUR);
        sqlx::query(
            "INSERT INTO leads (id, organisation_id, campaign_id, name, email, company, email_key, \
             company_key, consent_at, status, created_at, updated_at, region, partner_type, \
             offer_expires_at, entered_by) \
             VALUES ($1, $2, NULL, $3, $4, $5, $4, $6, $7, $8, $7, $9, $10, $11, $12, $13)",
        )
        .bind(&id)
        .bind(demo_id("org", partner))
        .bind(name)
        .bind(email)
        .bind(company)
        .bind(crate::values::company_key(company))
        .bind(today - first * HOUR)
        .bind(status)
        .bind(today - last_at * HOUR)
        .bind(region)
        .bind(kind)
        .bind(expires)
        .bind(demo_id("person", "marcus-webb"))
        .execute(&mut **tx)
        .await?;
        for (n, &(partner, ago, hours, outcome, answered, reason)) in offers.iter().enumerate() {
            sqlx::query(
                "INSERT INTO lead_offers (id, lead_id, organisation_id, offered_at, expires_at, outcome, \
                 decided_at, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(demo_id("offer", &format!("{slug}-{n}")))
            .bind(&id)
            .bind(demo_id("org", partner))
            .bind(today - ago * HOUR)
            .bind(today - ago * HOUR + hours * HOUR)
            .bind(outcome)
            .bind(answered.map(|h| today - ago * HOUR + h * HOUR))
            .bind(reason)
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}
