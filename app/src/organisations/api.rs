//! Organisation profiles: wire types and server functions.

use super::OrganisationDetails;
use crate::error::AppError;
use leptos::prelude::*;

/// One organisation's profile and people.
///
/// Who may call: vendor staff for any organisation; partner people for their
/// own only (another partner's id answers `NotFound`, as does an unknown id).
/// Errors: `Unauthenticated`, `NotFound`, `Internal`.
#[server(endpoint = "organisation_profile")]
pub async fn organisation_profile(id: String) -> Result<OrganisationDetails, AppError> {
    use crate::auth::{
        policy::{authorize, Permission},
        server::require_viewer,
    };

    let db = crate::db::use_db()?;
    let viewer = require_viewer(&db).await?;
    authorize(&viewer, Permission::ViewOrganisation, &id)?;
    let mut details = super::server::profile(&db, &id, viewer.tenant_scope())
        .await?
        .ok_or(AppError::NotFound)?;
    details.can_manage_people = authorize(&viewer, Permission::ManagePeople, &id).is_ok();
    details.can_edit = authorize(&viewer, Permission::EditOrganisation, &id).is_ok();
    Ok(details)
}

/// Trims a form value; empty means "not set".
#[cfg(feature = "ssr")]
fn optional(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

/// Updates an organisation's website, description and contact person.
///
/// Who may call: the partner admin of that organisation; the program admin
/// for any. Errors: `Unauthenticated`, `NotFound` (another partner's),
/// `Forbidden`, `Validation` (field by field; nothing is saved), `Internal`.
#[server(endpoint = "update_organisation")]
pub async fn update_organisation(
    id: String,
    website: String,
    description: String,
    contact_name: String,
    contact_email: String,
    contact_phone: String,
) -> Result<(), AppError> {
    use crate::{
        audit::server::Entry,
        auth::{
            policy::{authorize, Permission},
            server::{require_viewer, RequestInfo},
        },
        error::FieldError,
        people::api::plausible_email,
    };

    let db = crate::db::use_db()?;
    let viewer = require_viewer(&db).await?;
    authorize(&viewer, Permission::EditOrganisation, &id)?;
    let website = optional(&website).map(|w| w.to_lowercase());
    let description = optional(&description);
    let contact_name = optional(&contact_name);
    let contact_email = optional(&contact_email).map(|e| e.to_lowercase());
    let contact_phone = optional(&contact_phone);
    let mut errors = Vec::new();
    let mut check = |ok: bool, field: &str, message: &str| {
        if !ok {
            errors.push(FieldError {
                field: field.to_owned(),
                message: message.to_owned(),
            });
        }
    };
    check(
        website
            .as_deref()
            .is_none_or(|w| w.len() <= 200 && w.contains('.') && !w.contains(char::is_whitespace)),
        "website",
        "Enter a web address like example.com.",
    );
    check(
        description
            .as_deref()
            .is_none_or(|d| d.chars().count() <= 1000),
        "description",
        "Keep the description under 1000 characters.",
    );
    check(
        contact_name
            .as_deref()
            .is_none_or(|n| n.chars().count() <= 120),
        "contact_name",
        "Keep the name under 120 characters.",
    );
    check(
        contact_email.as_deref().is_none_or(plausible_email),
        "contact_email",
        "Enter an email address like name@company.com.",
    );
    check(
        contact_phone.as_deref().is_none_or(|p| {
            p.len() <= 40
                && p.chars()
                    .all(|c| c.is_ascii_digit() || " +-().".contains(c))
                && p.chars().any(|c| c.is_ascii_digit())
        }),
        "contact_phone",
        "Enter a phone number: digits, spaces and + - ( ) only.",
    );
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let mut tx = db
        .write(viewer.actor(RequestInfo::current().ip.as_deref()))
        .await?;
    let done = sqlx::query(&format!(
        "UPDATE organisations SET website = $1, description = $2, contact_name = $3, \
         contact_email = $4, contact_phone = $5 WHERE id = $6 AND {}",
        crate::auth::policy::tenant_scoped("id", "$7")
    ))
    .bind(website.as_deref())
    .bind(description.as_deref())
    .bind(contact_name.as_deref())
    .bind(contact_email.as_deref())
    .bind(contact_phone.as_deref())
    .bind(&id)
    .bind(viewer.tenant_scope())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    tx.audit(Entry {
        organisation_id: Some(&id),
        action: "profile_updated",
        record_type: "organisation",
        record_id: Some(&id),
        detail: None,
    })
    .await?;
    tx.commit().await?;
    Ok(())
}
