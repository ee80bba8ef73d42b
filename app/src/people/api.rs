//! Server functions for invitations, password resets and people changes:
//! each finds out who calls, checks the access policy, parses the input
//! and makes one call into `server/`.

use leptos::prelude::*;

use crate::error::AppError;

/// Invites a person into an organisation: creates them (not yet able to
/// sign in) and emails a link, good for 7 days, where they set a password.
///
/// Who may call: a partner admin for their own organisation (partner roles
/// only); the program admin for any organisation (roles that fit it).
/// Errors: `Unauthenticated`, `NotFound` (another partner), `Forbidden`,
/// `Validation` (name, email, role), `Conflict` (email already has an
/// account), `Internal`.
#[server(endpoint = "invite_person")]
pub async fn invite_person(
    organisation_id: String,
    name: String,
    email: String,
    role: String,
    job_function: String,
) -> Result<(), AppError> {
    use crate::auth::{
        policy::{authorize, Permission},
        server::{require_viewer, RequestInfo},
    };

    let db = crate::db::use_db()?;
    let viewer = require_viewer(&db).await?;
    authorize(&viewer, Permission::ManagePeople, &organisation_id)?;
    let vendor = super::server::organisation_kind(&db, &organisation_id, viewer.tenant_scope())
        .await?
        .ok_or(AppError::NotFound)?;
    let person = super::validate_invitation(&name, &email, &role, &job_function, vendor)?;
    let ip = RequestInfo::current().ip;
    super::server::invite(&db, &viewer, &organisation_id, &person, ip.as_deref()).await
}

/// Accepts an invitation: sets the password, activates the person, signs
/// them in and goes to `/home`.
///
/// Who may call: anyone holding a live invitation link. Errors:
/// `Validation` (dead or tampered link; password rules), `Internal`.
#[server(endpoint = "accept_invitation")]
pub async fn accept_invitation(token: String, password: String) -> Result<(), AppError> {
    set_password_with_link("invitation", token, password).await
}

/// Asks for a password-reset link. Always answers the same way, whether or
/// not the address has an account.
///
/// Who may call: anyone. Errors: `Internal`.
#[server(endpoint = "request_password_reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let email = email.trim().to_lowercase();
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::request_password_reset(&db, &email, ip.as_deref()).await?;
    leptos_axum::redirect("/password-reset?sent=1");
    Ok(())
}

/// Sets a new password with a reset link: every other session of the person
/// ends, and they are signed in here.
///
/// Who may call: anyone holding a live reset link. Errors: `Validation`
/// (dead or tampered link; password rules), `Internal`.
#[server(endpoint = "reset_password")]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    set_password_with_link("password_reset", token, password).await
}

/// The shared body of [`accept_invitation`] and [`reset_password`]: check
/// the link and the password, set it, and sign the person in here (with
/// two-step sign-in on, the code is still asked for: a link is one factor).
#[cfg(feature = "ssr")]
async fn set_password_with_link(
    kind: &str,
    token: String,
    password: String,
) -> Result<(), AppError> {
    use super::server::{link_dead, link_holder};
    use crate::auth::{
        password,
        server::{begin_session, RequestInfo},
    };

    let db = crate::db::use_db()?;
    let holder = link_holder(&db, kind, &token)
        .await?
        .ok_or_else(|| AppError::field("token", link_dead()))?;
    password::check_new(&password, &holder.email)?;
    let hash = password::hash(password).await?;
    let info = RequestInfo::current();
    super::server::set_password_with_link(&db, kind, &token, &holder, &hash, info.ip.as_deref())
        .await?;
    let stage = begin_session(&db, &holder.person_id, false, &info).await?;
    tracing::info!(person = %holder.name, kind, "password set with a link");
    leptos_axum::redirect(stage.home());
    Ok(())
}

/// Changes a person's role or status (`active` / `disabled`) in their
/// organisation. Disabling ends their sessions at once.
///
/// Who may call: a partner admin for people in their own organisation; the
/// program admin for anyone. Nobody changes their own role or status (so an
/// organisation cannot lock itself out by accident). Errors:
/// `Unauthenticated`, `NotFound` (unknown person, or another partner's),
/// `Forbidden`, `Validation` (role or status), `Internal`.
#[server(endpoint = "update_person")]
pub async fn update_person(
    person_id: String,
    role: String,
    status: String,
) -> Result<(), AppError> {
    use crate::{
        auth::{
            policy::{authorize, Permission},
            server::{require_viewer, RequestInfo},
        },
        organisations::Role,
    };

    let db = crate::db::use_db()?;
    let viewer = require_viewer(&db).await?;
    let person = super::server::person_in_reach(&db, &person_id, viewer.tenant_scope())
        .await?
        .ok_or(AppError::NotFound)?;
    authorize(&viewer, Permission::ManagePeople, &person.organisation_id)?;
    if person_id == viewer.person_id {
        return Err(AppError::field(
            "person_id",
            t!("You cannot change your own role or status."),
        ));
    }
    let role = Role::parse(&role)
        .filter(|r| r.fits(person.kind == "vendor"))
        .ok_or_else(|| AppError::field("role", t!("Choose a role this organisation can have.")))?;
    let status = super::next_status(&status, &person.status)?;
    let ip = RequestInfo::current().ip;
    super::server::update_person(
        &db,
        &viewer,
        &person_id,
        &person,
        (role, status),
        ip.as_deref(),
    )
    .await
}
