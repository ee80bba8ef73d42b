//! A channel manager decides an application: approve (the partner
//! organisation is created and its contact invited as partner admin),
//! reject with a reason, or ask for more; the applicant is emailed in the
//! language they applied in.

use super::program::rescore_open;
use crate::{
    audit::server::Entry,
    auth::{server::now, Viewer},
    db::{Db, Write},
    email::server::{enqueue, stored_locale},
    error::AppError,
    i18n::Locale,
    organisations::Role,
    people::ValidInvitation,
    recruit::ApplicationDecision,
    values::Email,
};

#[derive(sqlx::FromRow)]
struct Applicant {
    company: String,
    website: String,
    country: String,
    region: String,
    partner_type: String,
    employees: i64,
    industries: String,
    specialisations: String,
    contact_name: String,
    contact_email: String,
    locale: String,
}

/// Decides application `id`; answers the new organisation's id on approval.
pub async fn decide(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    decision: ApplicationDecision,
    note: Option<&str>,
    ip: Option<&str>,
) -> Result<Option<String>, AppError> {
    let now = now();
    let status = match decision {
        ApplicationDecision::Approve => "approved",
        ApplicationDecision::Reject => "rejected",
        ApplicationDecision::MoreInfo => "more_info",
    };
    let mut tx = db.write(viewer.actor(ip)).await?;
    // The guarded update first: it takes the row, and a second decision at
    // the same moment finds nothing left to decide.
    let updated = sqlx::query(
        "UPDATE applications SET status = $1, decision_note = $2, decided_by = $3, \
         decided_at = $4, updated_at = $4 WHERE id = $5 AND status IN ('received', 'more_info')",
    )
    .bind(status)
    .bind(note)
    .bind(&viewer.person_id)
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let applicant = sqlx::query_as::<_, Applicant>(
        "SELECT company, website, country, region, partner_type, employees, industries, \
         specialisations, contact_name, contact_email, locale FROM applications WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(AppError::NotFound)?;
    if updated.rows_affected() == 0 {
        return Err(AppError::field(
            "decision",
            t!("This application has already been decided."),
        ));
    }
    let l = stored_locale(Some(&applicant.locale));
    let organisation = match decision {
        ApplicationDecision::Approve => Some(approve(&mut tx, viewer, id, &applicant, l).await?),
        ApplicationDecision::Reject => {
            let body = t!(
                in l,
                "Hello {name},\n\nThank you for applying to the Acme Cloud partner program on \
                 behalf of {company}. We are not able to accept the application at this time:\n\n\
                 {reason}\n\nYou are welcome to apply again when this changes.\n",
                name = applicant.contact_name,
                company = applicant.company,
                reason = note.unwrap_or_default()
            );
            enqueue(
                &mut *tx,
                &applicant.contact_email,
                t!(in l, "Your partner application"),
                &body,
            )
            .await?;
            None
        }
        ApplicationDecision::MoreInfo => {
            let body = t!(
                in l,
                "Hello {name},\n\nThank you for applying to the Acme Cloud partner program on \
                 behalf of {company}. Before we decide, we would like to know more:\n\n\
                 {question}\n\nPlease answer {manager} at {email}.\n",
                name = applicant.contact_name,
                company = applicant.company,
                question = note.unwrap_or_default(),
                manager = viewer.name,
                email = viewer.email
            );
            enqueue(
                &mut *tx,
                &applicant.contact_email,
                t!(in l, "A question about your partner application"),
                &body,
            )
            .await?;
            None
        }
    };
    let action = match decision {
        ApplicationDecision::Approve => "application_approved",
        ApplicationDecision::Reject => "application_rejected",
        ApplicationDecision::MoreInfo => "application_more_info",
    };
    tx.audit(Entry {
        organisation_id: organisation.as_deref(),
        action,
        record_type: "application",
        record_id: Some(id),
        detail: Some(&applicant.company),
    })
    .await?;
    tx.commit().await?;
    Ok(organisation)
}

/// The partner organisation for an approved application, in the lowest
/// tier and onboarding; its contact is invited as partner admin.
async fn approve(
    tx: &mut Write,
    viewer: &Viewer,
    id: &str,
    applicant: &Applicant,
    l: Locale,
) -> Result<String, AppError> {
    let organisation_id = uuid::Uuid::new_v4().to_string();
    let manager = (viewer.role == Role::ChannelManager).then_some(viewer.person_id.as_str());
    let slug = crate::organisations::server::free_slug(tx, &applicant.company).await?;
    sqlx::query(
        "INSERT INTO organisations (id, kind, name, partner_type, region, country, status, \
         tier_id, website, channel_manager_id, created_at, contact_name, contact_email, employees, \
         industries, specialisations, joined_at, slug) \
         VALUES ($1, 'partner', $2, $3, $4, $5, 'onboarding', \
         (SELECT id FROM tiers ORDER BY rank LIMIT 1), $6, $7, $8, $9, $10, $11, $12, $13, $8, $14)",
    )
    .bind(&organisation_id)
    .bind(&applicant.company)
    .bind(&applicant.partner_type)
    .bind(&applicant.region)
    .bind(&applicant.country)
    .bind(&applicant.website)
    .bind(manager)
    .bind(now())
    .bind(&applicant.contact_name)
    .bind(&applicant.contact_email)
    .bind(applicant.employees)
    .bind(&applicant.industries)
    .bind(&applicant.specialisations)
    .bind(&slug)
    .execute(&mut **tx)
    .await?;
    sqlx::query("UPDATE applications SET organisation_id = $1 WHERE id = $2")
        .bind(&organisation_id)
        .bind(id)
        .execute(&mut **tx)
        .await?;
    let email = Email::parse(&applicant.contact_email)
        .ok_or_else(|| AppError::internal("a stored contact email does not parse"))?;
    let person = ValidInvitation {
        name: applicant.contact_name.clone(),
        email,
        role: Role::PartnerAdmin,
        job_function: crate::learning::JobFunction::Sales,
    };
    crate::people::server::invite_in(tx, &viewer.name, &organisation_id, &person, l).await?;
    // The welcome kit by email too; the portal's page ticks the step.
    let kit: Option<String> =
        sqlx::query_scalar("SELECT welcome FROM program_tracks WHERE partner_type = $1")
            .bind(&applicant.partner_type)
            .fetch_optional(&mut **tx)
            .await?;
    if let Some(kit) = kit {
        let body = t!(
            in l,
            "Hello {name},\n\nWelcome to the Acme Cloud partner program. Your checklist in the \
             portal takes you to your first deal; here is the welcome kit:\n\n{kit}\n",
            name = applicant.contact_name,
            kit = kit
        );
        enqueue(
            &mut **tx,
            &applicant.contact_email,
            t!(in l, "Welcome to the Acme Cloud partner program"),
            &body,
        )
        .await?;
    }
    // A new partner changes what "like the best partners" means.
    rescore_open(tx).await?;
    Ok(organisation_id)
}
