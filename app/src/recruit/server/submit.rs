//! A company applies on the public page.

use super::program::{best_performers, weights};
use crate::{
    audit::server::Entry,
    auth::server::now,
    db::{Actor, Db},
    error::AppError,
    i18n::Locale,
    recruit::{fit, join_codes, Industry, Specialisation, ValidApplication},
    values::{company_key, domain_key},
};

/// Applications one address may send in an hour.
pub const HOURLY_LIMIT: i64 = 5;

/// A stored application's id and its first fit score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submitted {
    pub id: String,
    pub fit_score: i64,
}

/// Why `app` cannot be taken: a live or former partner with the same name
/// or website, or an account with the contact's address. (An open
/// application for the same website is refused by the database's unique
/// index, so two at once cannot both pass.)
async fn duplicate(
    conn: &mut sqlx::AnyConnection,
    app: &ValidApplication,
) -> Result<Option<AppError>, sqlx::Error> {
    if same_organisation(conn, &app.company_key, &app.domain_key)
        .await?
        .is_some()
    {
        return Ok(Some(AppError::field(
            "company",
            t!("This company is already an Acme Cloud partner. Ask your partner admin to invite you."),
        )));
    }
    let person: Option<String> = sqlx::query_scalar("SELECT id FROM people WHERE email = $1")
        .bind(app.contact_email.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    Ok(person.map(|_| {
        AppError::field(
            "contact_email",
            t!("This email address already has an account. Sign in instead."),
        )
    }))
}

/// The name of an organisation (a partner or the vendor) with company key
/// `company` or a website whose key is `domain`: the deal matching's
/// normalisation, so "Northwind Solutions LLC" and "www.northwind.example"
/// are the same company.
pub(super) async fn same_organisation(
    conn: &mut sqlx::AnyConnection,
    company: &str,
    domain: &str,
) -> Result<Option<String>, sqlx::Error> {
    let organisations: Vec<(String, Option<String>)> =
        sqlx::query_as("SELECT name, website FROM organisations")
            .fetch_all(&mut *conn)
            .await?;
    Ok(organisations
        .into_iter()
        .find(|(name, website)| {
            company_key(name) == company
                || website.as_deref().and_then(domain_key).as_deref() == Some(domain)
        })
        .map(|(name, _)| name))
}

/// Stores an application from address `ip` with its fit score, tells the
/// channel managers and thanks the applicant, in one transaction.
pub async fn submit(
    db: &Db,
    app: &ValidApplication,
    ip: Option<&str>,
) -> Result<Submitted, AppError> {
    let now = now();
    if let Some(ip) = ip {
        let recent: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM applications WHERE ip = $1 AND submitted_at > $2",
        )
        .bind(ip)
        .bind(now - 3600)
        .fetch_one(&db.pool)
        .await?;
        if recent >= HOURLY_LIMIT {
            return Err(AppError::RateLimited {
                retry_after_secs: 3600,
            });
        }
    }
    let mut tx = db.write(Actor::anonymous(ip)).await?;
    if let Some(refusal) = duplicate(&mut tx, app).await? {
        return Err(refusal);
    }
    let best = best_performers(&mut tx).await?;
    let fit = fit::score(&app.profile(), &best, &weights(&mut tx).await?);
    let id = uuid::Uuid::new_v4().to_string();
    let l = Locale::current();
    sqlx::query(
        "INSERT INTO applications (id, company, company_key, website, domain_key, country, region, \
         partner_type, employees, industries, specialisations, other_vendors, \
         expected_revenue_cents, contact_name, contact_email, contact_title, message, status, \
         fit_score, scored_at, ip, locale, submitted_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
         'received', $18, $19, $20, $21, $19, $19)",
    )
    .bind(&id)
    .bind(app.company.as_str())
    .bind(&app.company_key)
    .bind(app.website.as_str())
    .bind(&app.domain_key)
    .bind(&app.country)
    .bind(app.region.code())
    .bind(app.partner_type.code())
    .bind(app.employees)
    .bind(join_codes(&app.industries, Industry::code))
    .bind(join_codes(&app.specialisations, Specialisation::code))
    .bind(&app.other_vendors)
    .bind(app.expected_revenue_cents)
    .bind(&app.contact_name)
    .bind(app.contact_email.as_str())
    .bind(&app.contact_title)
    .bind(&app.message)
    .bind(fit.score)
    .bind(now)
    .bind(ip)
    .bind(l.as_str())
    .execute(&mut *tx)
    .await?;
    tx.audit(Entry {
        organisation_id: None,
        action: "application_received",
        record_type: "application",
        record_id: Some(&id),
        detail: Some(app.company.as_str()),
    })
    .await?;
    // The channel manager who looks after most partners in the region;
    // every reviewer when no one does yet.
    let mut managers: Vec<(String, String)> = sqlx::query_as(
        "SELECT email, name FROM people WHERE status = 'active' AND id = \
         (SELECT channel_manager_id FROM organisations WHERE kind = 'partner' AND region = $1 \
         AND channel_manager_id IS NOT NULL GROUP BY channel_manager_id \
         ORDER BY COUNT(*) DESC, channel_manager_id LIMIT 1)",
    )
    .bind(app.region.code())
    .fetch_all(&mut *tx)
    .await?;
    if managers.is_empty() {
        managers = sqlx::query_as(
            "SELECT email, name FROM people WHERE role IN ('channel_manager', 'program_admin') \
             AND status = 'active' ORDER BY email",
        )
        .fetch_all(&mut *tx)
        .await?;
    }
    let link = format!("/applications/{id}");
    for (email, name) in managers {
        tx.notify(&email, &link, |l| {
            (
                t!(in l, "New partner application: {company}", company = app.company),
                t!(
                    in l,
                    "Hello {name},\n\n{company} ({partner_type}, {country}) applied to join the \
                     partner program. Fit score: {score} of 100.\n\nReview it in the application \
                     queue.\n",
                    name = name,
                    company = app.company,
                    partner_type = app.partner_type.label_in(l),
                    country = app.country,
                    score = fit.score
                ),
            )
        })
        .await?;
    }
    let thanks = t!(
        in l,
        "Hello {name},\n\nThank you for applying to the Acme Cloud partner program on behalf \
         of {company}. A channel manager will review your application, usually within two \
         business days, and write to you at this address.\n",
        name = app.contact_name,
        company = app.company
    );
    crate::email::server::enqueue(
        &mut *tx,
        app.contact_email.as_str(),
        t!(in l, "We received your application"),
        &thanks,
    )
    .await?;
    tx.commit().await?;
    Ok(Submitted {
        id,
        fit_score: fit.score,
    })
}
