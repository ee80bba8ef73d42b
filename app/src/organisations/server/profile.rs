//! Organisation profiles: read with their people, and saved. Every query
//! takes the caller's tenant scope:
//! `Some(organisation id)` for partner people, `None` for vendor staff.

use crate::{
    audit::server::Entry,
    auth::{
        policy::{authorize, tenant_scoped, Permission},
        Viewer,
    },
    db::Db,
    error::AppError,
    organisations::{
        profile::ValidProfile, OrganisationDetails, PartnerStatus, PartnerType, PersonSummary,
        Region, Role,
    },
    values::Email,
};

#[derive(sqlx::FromRow)]
struct ProfileRow {
    id: String,
    name: String,
    kind: String,
    partner_type: Option<String>,
    region: Option<String>,
    country: Option<String>,
    status: String,
    tier: Option<String>,
    website: Option<String>,
    channel_manager: Option<String>,
    description: Option<String>,
    contact_name: Option<String>,
    contact_email: Option<String>,
    contact_phone: Option<String>,
    brand_colour: Option<String>,
    logo_sha256: Option<String>,
}

#[derive(sqlx::FromRow)]
struct PersonRow {
    id: String,
    name: String,
    email: String,
    role: String,
    title: Option<String>,
    status: String,
}

/// The profile of organisation `id`, if it is within `scope`.
pub async fn profile(
    db: &Db,
    viewer: &Viewer,
    id: &str,
) -> Result<Option<OrganisationDetails>, sqlx::Error> {
    let scope = viewer.tenant_scope();
    let mut conn = db.reader().await?;
    let row = sqlx::query_as::<_, ProfileRow>(&format!(
        "SELECT o.id, o.name, o.kind, o.partner_type, o.region, o.country, o.status, \
         t.name AS tier, o.website, m.name AS channel_manager, o.description, \
         o.contact_name, o.contact_email, o.contact_phone, o.brand_colour, l.sha256 AS logo_sha256 \
         FROM organisations o \
         LEFT JOIN organisation_logos l ON l.organisation_id = o.id \
         LEFT JOIN tiers t ON t.id = o.tier_id \
         LEFT JOIN people m ON m.id = o.channel_manager_id \
         WHERE o.id = $1 AND {}",
        crate::auth::policy::tenant_scoped("o.id", "$2")
    ))
    .bind(id)
    .bind(scope)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let people = sqlx::query_as::<_, PersonRow>(&format!(
        "SELECT id, name, email, role, title, status FROM people \
         WHERE organisation_id = $1 AND {} ORDER BY name",
        crate::auth::policy::tenant_scoped("organisation_id", "$2")
    ))
    .bind(id)
    .bind(scope)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .filter_map(|p| {
        Some(PersonSummary {
            role: Role::parse(&p.role)?,
            id: p.id,
            name: p.name,
            email: p.email,
            title: p.title,
            status: p.status,
        })
    })
    .collect();
    let is_vendor = row.kind == "vendor";
    Ok(Some(OrganisationDetails {
        id: row.id,
        name: row.name,
        is_vendor,
        partner_type: row.partner_type.as_deref().and_then(PartnerType::parse),
        region: row.region.as_deref().and_then(Region::parse),
        country: row.country,
        status: (!is_vendor)
            .then(|| PartnerStatus::parse(&row.status))
            .flatten(),
        tier: row.tier,
        website: row.website,
        channel_manager: row.channel_manager,
        description: row.description,
        contact_name: row.contact_name,
        contact_email: row.contact_email,
        contact_phone: row.contact_phone,
        brand_colour: row.brand_colour,
        logo_version: row.logo_sha256.map(|sha| sha.chars().take(12).collect()),
        people,
        can_manage_people: authorize(viewer, Permission::ManagePeople, id).is_ok(),
        can_edit: authorize(viewer, Permission::EditOrganisation, id).is_ok(),
    }))
}

/// Saves organisation `id`'s checked profile, within the viewer's reach
/// (another partner's answers `NotFound`).
pub async fn update_profile(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    profile: &ValidProfile,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = db.write(viewer.actor(ip)).await?;
    let done = sqlx::query(&format!(
        "UPDATE organisations SET website = $1, description = $2, contact_name = $3, \
         contact_email = $4, contact_phone = $5, brand_colour = $8 WHERE id = $6 AND {}",
        tenant_scoped("id", "$7")
    ))
    .bind(profile.website.as_deref())
    .bind(profile.description.as_deref())
    .bind(profile.contact_name.as_deref())
    .bind(profile.contact_email.as_ref().map(Email::as_str))
    .bind(profile.contact_phone.as_deref())
    .bind(id)
    .bind(viewer.tenant_scope())
    .bind(profile.brand_colour.as_deref())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    tx.audit(Entry {
        organisation_id: Some(id),
        action: "profile_updated",
        record_type: "organisation",
        record_id: Some(id),
        detail: None,
    })
    .await?;
    tx.commit().await?;
    Ok(())
}
