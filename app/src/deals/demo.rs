//! Demo registrations in every open and closed state, a few real
//! conflicts and two named direct accounts. Made through the same code
//! partners and channel managers use, so they are consistent.

use super::{
    server::{add_co_seller, decide, record_touchpoint, register},
    DealInput, Decision,
};
use crate::{auth::Viewer, db::Db, error::AppError, organisations::Role};

pub async fn viewer(db: &Db, email: &str) -> Result<Viewer, AppError> {
    let (person_id, name, role, organisation_id, organisation_name): (
        String,
        String,
        String,
        String,
        String,
    ) = sqlx::query_as(
        "SELECT p.id, p.name, p.role, o.id, o.name FROM people p \
         JOIN organisations o ON o.id = p.organisation_id WHERE p.email = $1",
    )
    .bind(email)
    .fetch_one(&db.pool)
    .await?;
    Ok(Viewer {
        person_id,
        name,
        email: email.to_owned(),
        role: Role::parse(&role).ok_or(AppError::NotFound)?,
        organisation_id,
        organisation_name,
    })
}

fn input(company: &str, domain: &str, value: &str, products: &str) -> DealInput {
    let contact = company
        .split(' ')
        .next()
        .unwrap_or("contact")
        .to_lowercase();
    DealInput {
        customer_company: company.to_owned(),
        customer_domain: domain.to_owned(),
        contact_name: "Jordan Lee".to_owned(),
        contact_email: format!("jordan.lee@{contact}.example"),
        contact_phone: String::new(),
        country: "United States".to_owned(),
        products: products.to_owned(),
        value: value.to_owned(),
        currency: "USD".to_owned(),
        expected_close: "2027-06-30".to_owned(),
        partner_role: "reseller".to_owned(),
        notes: String::new(),
        lead: String::new(),
    }
}

pub async fn seed(db: &Db) -> Result<(), AppError> {
    let now = crate::auth::server::now();
    for (company, domain) in [
        ("Globex Corporation", "globex.example"),
        ("Initech", "initech.example"),
    ] {
        db.execute(
            sqlx::query(
                "INSERT INTO direct_accounts (id, company, domain, company_key, domain_key, \
             created_at, reverse_key, short_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(crate::organisations::demo::demo_id("direct", company))
            .bind(company)
            .bind(domain)
            .bind(crate::values::company_key(company))
            .bind(crate::values::domain_key(domain))
            .bind(now)
            .bind(super::matching::reversed(&crate::values::company_key(
                company,
            )))
            .bind(super::matching::short_key(&crate::values::company_key(
                company,
            ))),
        )
        .await?;
    }
    let priya = viewer(db, "priya.raman@acmecloud.example").await?;
    let deals = [
        (
            "oliver.grant@bluepeak.example",
            "Stark Industries",
            "stark.example",
            "480000",
            Some((Decision::Approve, None)),
        ),
        (
            "oliver.grant@bluepeak.example",
            "Wayne Enterprises",
            "wayne.example",
            "150000",
            None,
        ),
        (
            "ava.thompson@northwind.example",
            "Umbrella Pharmaceuticals",
            "umbrella.example",
            "96000",
            Some((Decision::Approve, None)),
        ),
        (
            "leo.martinez@northwind.example",
            "Cyberdyne Systems",
            "cyberdyne.example",
            "72000",
            None,
        ),
        (
            "ava.thompson@northwind.example",
            "Soylent Corp",
            "soylent.example",
            "18000",
            Some((
                Decision::Reject,
                Some("Soylent buys through its existing distributor contract."),
            )),
        ),
        (
            "leo.martinez@northwind.example",
            "Tyrell Corporation",
            "tyrell.example",
            "240000",
            Some((
                Decision::MoreInfo,
                Some("Which regions will the rollout cover?"),
            )),
        ),
        (
            "noah.tremblay@quantix.example",
            "Stark Industries, Inc.",
            "",
            "300000",
            None,
        ),
        (
            "jonas.weber@lumen-si.example",
            "Globex",
            "globex.example",
            "55000",
            None,
        ),
    ];
    for (email, company, domain, value, decision) in deals {
        let partner = viewer(db, email).await?;
        let deal =
            input(company, domain, value, "Acme Compute, Acme Storage").validate("2026-01-01")?;
        let registered = register(db, &partner, &deal, None).await?;
        if let Some((decision, reason)) = decision {
            decide(db, &priya, &registered.id, decision, reason, None).await?;
        }
        if company == "Stark Industries" {
            co_sell(db, &priya, &partner, &registered.id).await?;
        }
        if company == "Wayne Enterprises" {
            // Submitted three days ago: its approval SLA is breached.
            db.execute(sqlx::query(
                "UPDATE deals SET submitted_at = submitted_at - $1, sla_due_at = sla_due_at - $1, \
                 created_at = created_at - $1 WHERE id = $2",
            )
            .bind(3 * 86_400_i64)
            .bind(&registered.id))
            .await?;
        }
    }
    seed_history(db).await
}

/// Business won over the last year, before these registrations: (partner
/// slug, customer, value in US dollars, months ago closed). The fit score
/// and the tiers count it.
const WON: &[(&str, &str, i64, i64)] = &[
    ("northwind", "Aperture Laboratories", 420_000, 2),
    ("northwind", "Massive Dynamic", 380_000, 5),
    ("northwind", "Vandelay Industries", 460_000, 9),
    ("bluepeak", "Nakatomi Trading", 900_000, 1),
    ("bluepeak", "Sterling Cooper", 700_000, 4),
    ("bluepeak", "Gringotts Holdings", 650_000, 7),
    ("bluepeak", "Oscorp", 500_000, 10),
    ("lumen", "Wonka Industries", 600_000, 3),
    ("lumen", "Bluth Company", 400_000, 6),
    ("lumen", "Dunder Mifflin", 300_000, 11),
    ("quantix", "Prestige Worldwide", 150_000, 2),
    ("quantix", "Monarch Solutions", 90_000, 8),
    ("harbor", "Krusty Krab", 20_000, 5),
    ("meridian", "Los Pollos Hermanos", 1_100_000, 1),
    ("meridian", "Duff Brewing", 900_000, 4),
    ("meridian", "Zorg Industries", 800_000, 6),
    ("meridian", "Virtucon", 700_000, 9),
    ("keystone", "Pendant Publishing", 500_000, 3),
    ("keystone", "Kramerica", 350_000, 7),
    ("sakura", "Nakamura Robotics", 80_000, 10),
];

/// Closed business from before the demo's registrations: won deals with
/// their two timeline steps, held by no claim.
async fn seed_history(db: &Db) -> Result<(), AppError> {
    use crate::{organisations::demo::demo_id, values::company_key};

    let now = crate::auth::server::now();
    let mut tx = db.write(crate::db::Actor::system()).await?;
    for (slug, customer, dollars, months) in WON {
        let organisation = demo_id("org", slug);
        let registrant: String = sqlx::query_scalar(
            "SELECT id FROM people WHERE organisation_id = $1 ORDER BY created_at, id LIMIT 1",
        )
        .bind(&organisation)
        .fetch_one(&mut *tx)
        .await?;
        let id = demo_id("won", customer);
        let closed = now - months * 30 * 86_400;
        let submitted = closed - 75 * 86_400;
        let reference = format!("DR-{}", &id.replace('-', "")[..8].to_uppercase());
        sqlx::query(
            "INSERT INTO deals (id, reference, organisation_id, registered_by, customer_company, \
             company_key, contact_name, contact_email, country, products, value_cents, currency, \
             expected_close, partner_role, status, submitted_at, decided_at, created_at, \
             updated_at, closed_at) VALUES ($1, $2, $3, $4, $5, $6, 'Jordan Lee', \
             'jordan.lee@customer.example', 'United States', 'Acme Compute', $7, 'USD', $8, \
             'reseller', 'won', $9, $10, $9, $11, $11)",
        )
        .bind(&id)
        .bind(&reference)
        .bind(&organisation)
        .bind(&registrant)
        .bind(customer)
        .bind(company_key(customer))
        .bind(dollars * 100)
        .bind(crate::format::utc_date(closed))
        .bind(submitted)
        .bind(submitted + 86_400)
        .bind(closed)
        .execute(&mut *tx)
        .await?;
        for (seq, (from, to, at)) in [
            (None, "approved", submitted + 86_400),
            (Some("approved"), "won", closed),
        ]
        .into_iter()
        .enumerate()
        {
            sqlx::query(
                "INSERT INTO deal_events (id, deal_id, seq, at, from_status, to_status) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(demo_id("won-event", &format!("{customer}{seq}")))
            .bind(&id)
            .bind(seq as i64 + 1)
            .bind(at)
            .bind(from)
            .bind(to)
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// Lumen co-sells Bluepeak's Stark Industries deal: Bluepeak gave a demo,
/// Lumen ran the proof of concept.
async fn co_sell(db: &Db, priya: &Viewer, bluepeak: &Viewer, id: &str) -> Result<(), AppError> {
    use super::cosell::validate_touchpoint;

    let lumen = "Lumen Systems Integration";
    add_co_seller(db, priya, id, lumen, super::PartnerRole::Si, None).await?;
    let jonas = viewer(db, "jonas.weber@lumen-si.example").await?;
    let now = crate::auth::server::now();
    for (who, kind, days_ago, note) in [
        (bluepeak, "demo", 12, "Platform demo for the CIO's team"),
        (
            &jonas,
            "poc",
            4,
            "Two-week proof of concept on their staging cluster",
        ),
    ] {
        let t = validate_touchpoint(
            kind,
            &crate::format::utc_date(now - days_ago * 86_400),
            note,
            now,
        )?;
        record_touchpoint(db, who, id, &t, None).await?;
    }
    Ok(())
}
