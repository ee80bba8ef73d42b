//! A channel manager notes a prospect: a company the program would like as
//! a partner that has not applied. "Recruit next" ranks it with the
//! applicants.

use super::submit::same_organisation;
use crate::{
    audit::server::Entry,
    auth::{server::now, Viewer},
    db::Db,
    error::AppError,
    recruit::{join_codes, Industry, Specialisation, ValidProspect},
};

/// Stores `prospect`, noted by `viewer` from address `ip`, and returns its
/// id. A company that is already a partner (or the vendor) or has applied
/// is refused on its field; a second entry for the same website is refused
/// by the database's unique index.
pub async fn add_prospect(
    db: &Db,
    viewer: &Viewer,
    prospect: &ValidProspect,
    ip: Option<&str>,
) -> Result<String, AppError> {
    let c = &prospect.company;
    let mut tx = db.write(viewer.actor(ip)).await?;
    if same_organisation(&mut tx, &c.company_key, &c.domain_key)
        .await?
        .is_some()
    {
        return Err(AppError::field(
            "company",
            t!("This company is already an Acme Cloud partner."),
        ));
    }
    let applied: Option<String> =
        sqlx::query_scalar("SELECT id FROM applications WHERE domain_key = $1 LIMIT 1")
            .bind(&c.domain_key)
            .fetch_optional(&mut *tx)
            .await?;
    if applied.is_some() {
        return Err(AppError::field(
            "website",
            t!("This company has applied already: find it in the application queue."),
        ));
    }
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO prospects (id, company, company_key, website, domain_key, country, region, \
         partner_type, employees, industries, specialisations, note, added_by, added_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(&id)
    .bind(c.company.as_str())
    .bind(&c.company_key)
    .bind(c.website.as_str())
    .bind(&c.domain_key)
    .bind(&c.country)
    .bind(c.region.code())
    .bind(c.partner_type.code())
    .bind(c.employees)
    .bind(join_codes(&c.industries, Industry::code))
    .bind(join_codes(&c.specialisations, Specialisation::code))
    .bind(&prospect.note)
    .bind(&viewer.person_id)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    tx.audit(Entry {
        organisation_id: None,
        action: "prospect_added",
        record_type: "prospect",
        record_id: Some(&id),
        detail: Some(c.company.as_str()),
    })
    .await?;
    tx.commit().await?;
    Ok(id)
}
