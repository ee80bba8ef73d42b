//! An admin changing a person's role or status.

use crate::{
    audit::server::Entry,
    auth::{policy::tenant_scoped, server::revoke_all_sessions, Viewer},
    db::Db,
    error::AppError,
    organisations::Role,
};

/// A person within the caller's reach, as an admin change needs them.
#[derive(sqlx::FromRow)]
pub struct PersonInReach {
    pub organisation_id: String,
    /// `vendor` or `partner`.
    pub kind: String,
    pub role: String,
    pub status: String,
}

/// Person `person_id` when within `scope`; `None` when unknown or another
/// partner's.
pub async fn person_in_reach(
    db: &Db,
    person_id: &str,
    scope: Option<&str>,
) -> Result<Option<PersonInReach>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT p.organisation_id, o.kind, p.role, p.status FROM people p \
         JOIN organisations o ON o.id = p.organisation_id \
         WHERE p.id = $1 AND {}",
        tenant_scoped("p.organisation_id", "$2")
    ))
    .bind(person_id)
    .bind(scope)
    .fetch_optional(&db.pool)
    .await
}

/// Gives `person` (id `person_id`) `role` and `status`; disabling ends
/// their sessions at once.
pub async fn update_person(
    db: &Db,
    viewer: &Viewer,
    person_id: &str,
    person: &PersonInReach,
    (role, status): (Role, &str),
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = db.write(viewer.actor(ip)).await?;
    sqlx::query("UPDATE people SET role = $1, status = $2 WHERE id = $3 AND organisation_id = $4")
        .bind(role.code())
        .bind(status)
        .bind(person_id)
        .bind(&person.organisation_id)
        .execute(&mut *tx)
        .await?;
    if status == "disabled" {
        revoke_all_sessions(&mut *tx, person_id).await?;
    }
    let detail = format!(
        "role {} -> {}, status {} -> {status}",
        person.role,
        role.code(),
        person.status
    );
    tx.audit(Entry {
        organisation_id: Some(&person.organisation_id),
        action: "person_updated",
        record_type: "person",
        record_id: Some(person_id),
        detail: Some(&detail),
    })
    .await?;
    tx.commit().await?;
    Ok(())
}
