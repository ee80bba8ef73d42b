//! Inviting a person into an organisation.

use super::links::{create_link, public_url, INVITATION_LIFETIME};
use crate::{
    audit::server::Entry,
    auth::{policy::tenant_scoped, server::now, Viewer},
    db::{Db, Write},
    email::server::enqueue,
    error::AppError,
    i18n::Locale,
    people::ValidInvitation,
};

/// Whether organisation `organisation_id`, within `scope`, is the vendor;
/// `None` when it is out of reach or unknown.
pub async fn organisation_kind(
    db: &Db,
    organisation_id: &str,
    scope: Option<&str>,
) -> Result<Option<bool>, sqlx::Error> {
    let kind: Option<String> = sqlx::query_scalar(&format!(
        "SELECT kind FROM organisations WHERE id = $1 AND {}",
        tenant_scoped("id", "$2")
    ))
    .bind(organisation_id)
    .bind(scope)
    .fetch_optional(&db.pool)
    .await?;
    Ok(kind.map(|kind| kind == "vendor"))
}

/// Creates the person (not yet able to sign in) and emails a link, good
/// for 7 days, where they set a password. An address that already has an
/// account is refused by the database's unique index (an error on the
/// email field, see [`crate::db::unique`]), not by a count read before the
/// insert: two invitations at once cannot both pass.
///
/// The invitee has no language of their own yet: they get the inviting
/// request's, in the email and as their stored `people.locale`.
pub async fn invite(
    db: &Db,
    viewer: &Viewer,
    organisation_id: &str,
    person: &ValidInvitation,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = db.write(viewer.actor(ip)).await?;
    invite_in(
        &mut tx,
        &viewer.name,
        organisation_id,
        person,
        Locale::current(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// [`invite`] inside a write that does more (an approved application
/// creates the organisation first), by `inviter`, in language `l`.
/// Answers the new person's id.
pub async fn invite_in(
    tx: &mut Write,
    inviter: &str,
    organisation_id: &str,
    person: &ValidInvitation,
    l: Locale,
) -> Result<String, AppError> {
    let person_id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO people (id, organisation_id, name, email, role, created_at, status, locale, \
         job_function) VALUES ($1, $2, $3, $4, $5, $6, 'invited', $7, $8)",
    )
    .bind(&person_id)
    .bind(organisation_id)
    .bind(&person.name)
    .bind(person.email.as_str())
    .bind(person.role.code())
    .bind(now())
    .bind(l.as_str())
    .bind(person.job_function.code())
    .execute(&mut **tx)
    .await?;
    // Into the certification paths for what they do, from the first day.
    crate::learning::server::enrol(tx, &person_id, now()).await?;
    let token = create_link(&mut **tx, "invitation", &person_id, INVITATION_LIFETIME).await?;
    let link = format!("{}/invitation/{token}", public_url());
    let body = t!(
        in l,
        "Hello {name},\n\n{inviter} has invited you to the Acme Cloud partner portal.\n\
         Open this link within 7 days to set your password:\n\n{link}\n\n\
         If you did not expect this, you can ignore this email.\n",
        name = person.name,
        inviter = inviter,
        link = link
    );
    enqueue(
        &mut **tx,
        person.email.as_str(),
        t!(in l, "You are invited to the Acme Cloud partner portal"),
        &body,
    )
    .await?;
    tx.audit(Entry {
        organisation_id: Some(organisation_id),
        action: "person_invited",
        record_type: "person",
        record_id: Some(&person_id),
        detail: Some(person.role.code()),
    })
    .await?;
    Ok(person_id)
}
