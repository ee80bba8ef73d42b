//! Server functions for invitations and password resets.

use leptos::prelude::*;

use crate::error::AppError;

#[cfg(feature = "ssr")]
const LINK_DEAD: &str = "This link has expired or was already used. Ask for a new one.";

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
) -> Result<(), AppError> {
    use crate::{
        audit::server::Entry,
        auth::{
            policy::{authorize, Permission},
            server::{now, require_viewer, RequestInfo},
        },
        email::server::enqueue,
        organisations::Role,
    };

    let db = crate::db::use_db()?;
    let viewer = require_viewer(&db).await?;
    authorize(&viewer, Permission::ManagePeople, &organisation_id)?;
    let name = name.trim().to_owned();
    let email = email.trim().to_lowercase();
    let mut errors = Vec::new();
    if name.is_empty() || name.chars().count() > 120 {
        errors.push(("name", "Enter the person's name (up to 120 characters)."));
    }
    if !plausible_email(&email) {
        errors.push(("email", "Enter an email address like name@company.com."));
    }
    let role = Role::parse(&role);
    let is_vendor: Option<bool> = sqlx::query_scalar::<_, String>(&format!(
        "SELECT kind FROM organisations WHERE id = $1 AND {}",
        crate::auth::policy::tenant_scoped("id", "$2")
    ))
    .bind(&organisation_id)
    .bind(viewer.tenant_scope())
    .fetch_optional(&db.pool)
    .await?
    .map(|kind| kind == "vendor");
    let Some(is_vendor) = is_vendor else {
        return Err(AppError::NotFound);
    };
    match role {
        Some(role) if role.fits(is_vendor) => {}
        _ => errors.push(("role", "Choose a role this organisation can have.")),
    }
    if !errors.is_empty() {
        return Err(AppError::fields(errors));
    }
    let role = role.expect("checked above");
    let taken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM people WHERE email = $1")
        .bind(&email)
        .fetch_one(&db.pool)
        .await?;
    if taken > 0 {
        return Err(AppError::Conflict(
            "That email address already has an account.".to_owned(),
        ));
    }
    let person_id = uuid::Uuid::new_v4().to_string();
    let mut tx = db
        .write(viewer.actor(RequestInfo::current().ip.as_deref()))
        .await?;
    sqlx::query(
        "INSERT INTO people (id, organisation_id, name, email, role, created_at, status) \
         VALUES ($1, $2, $3, $4, $5, $6, 'invited')",
    )
    .bind(&person_id)
    .bind(&organisation_id)
    .bind(&name)
    .bind(&email)
    .bind(role.code())
    .bind(now())
    .execute(&mut *tx)
    .await?;
    let token = super::server::create_link(
        &mut *tx,
        "invitation",
        &person_id,
        super::server::INVITATION_LIFETIME,
    )
    .await?;
    let link = format!("{}/invitation/{token}", super::server::public_url());
    let body = format!(
        "Hello {name},\n\n{} has invited you to the Acme Cloud partner portal.\n\
         Open this link within 7 days to set your password:\n\n{link}\n\n\
         If you did not expect this, you can ignore this email.\n",
        viewer.name
    );
    enqueue(
        &mut *tx,
        &email,
        "You are invited to the Acme Cloud partner portal",
        &body,
    )
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&organisation_id),
        action: "person_invited",
        record_type: "person",
        record_id: Some(&person_id),
        detail: Some(role.code()),
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A light check: something@something.tld, no spaces. The invitation
/// email is the real proof.
pub fn plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && email.len() <= 254
        && !email.chars().any(char::is_whitespace)
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
    use crate::{auth::server::now, email::server::enqueue};

    let db = crate::db::use_db()?;
    let email = email.trim().to_lowercase();
    let person: Option<(String, String)> =
        sqlx::query_as("SELECT id, name FROM people WHERE email = $1 AND status = 'active'")
            .bind(&email)
            .fetch_optional(&db.pool)
            .await?;
    if let Some((person_id, name)) = person {
        // At most one link a minute per person: no mail-bombing.
        let recent: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM person_links WHERE person_id = $1 AND kind = 'password_reset' AND created_at > $2",
        )
        .bind(&person_id)
        .bind(now() - 60)
        .fetch_one(&db.pool)
        .await?;
        if recent == 0 {
            let ip = crate::auth::server::RequestInfo::current().ip;
            let mut tx = db.write(crate::db::Actor::anonymous(ip.as_deref())).await?;
            let token = super::server::create_link(
                &mut *tx,
                "password_reset",
                &person_id,
                super::server::RESET_LIFETIME,
            )
            .await?;
            let link = format!("{}/password-reset/{token}", super::server::public_url());
            let body = format!(
                "Hello {name},\n\nSomeone asked to reset your Trellis password.\n\
                 Open this link within an hour to choose a new one:\n\n{link}\n\n\
                 If it was not you, ignore this email: your password stays as it is.\n"
            );
            enqueue(&mut *tx, &email, "Reset your Trellis password", &body).await?;
            tx.commit().await?;
        }
    }
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

#[cfg(feature = "ssr")]
async fn set_password_with_link(
    kind: &str,
    token: String,
    password: String,
) -> Result<(), AppError> {
    use super::server::{link_holder, use_link};
    use crate::{
        audit::server::Entry,
        auth::{
            mfa::revoke_trusted_devices,
            password,
            server::{begin_session, revoke_all_sessions, RequestInfo},
        },
    };

    let db = crate::db::use_db()?;
    let holder = link_holder(&db, kind, &token)
        .await?
        .ok_or_else(|| AppError::field("token", LINK_DEAD))?;
    password::check_new(&password, &holder.email)?;
    let hash = password::hash(password).await?;
    let info = RequestInfo::current();
    let mut tx = db
        .write(crate::db::Actor::person(
            &holder.person_id,
            info.ip.as_deref(),
        ))
        .await?;
    if !use_link(&mut *tx, &token).await? {
        return Err(AppError::field("token", LINK_DEAD));
    }
    sqlx::query("UPDATE people SET password_hash = $1, status = 'active' WHERE id = $2")
        .bind(&hash)
        .bind(&holder.person_id)
        .execute(&mut *tx)
        .await?;
    // A new password ends every session the old one opened, and every
    // device trusted to skip the second factor.
    revoke_all_sessions(&mut *tx, &holder.person_id).await?;
    revoke_trusted_devices(&mut *tx, &holder.person_id).await?;
    if kind == "password_reset" {
        // Tell the owner, in case it was not them (ASVS 2.5.5).
        let body = format!(
            "Hello {},\n\nThe password of your Trellis account was just changed, and every \
             device signed in to it was signed out.\n\nIf this was not you, reset your \
             password again at once and tell your channel manager.\n",
            holder.name
        );
        crate::email::server::enqueue(
            &mut *tx,
            &holder.email,
            "Your Trellis password was changed",
            &body,
        )
        .await?;
    }
    tx.audit(Entry {
        organisation_id: Some(&holder.organisation_id),
        action: if kind == "invitation" {
            "invitation_accepted"
        } else {
            "password_reset"
        },
        record_type: "person",
        record_id: Some(&holder.person_id),
        detail: None,
    })
    .await?;
    tx.commit().await?;
    // Signed in here, but a link is only one factor: with two-step sign-in
    // on, the code is still asked for.
    let stage = begin_session(&db, &holder.person_id, false, &info).await?;
    tracing::info!(person = %holder.name, kind, "password set with a link");
    leptos_axum::redirect(stage.home());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::plausible_email;

    #[test]
    fn emails() {
        assert!(plausible_email("ava@northwind.example"));
        assert!(!plausible_email("ava"));
        assert!(!plausible_email("ava@local"));
        assert!(!plausible_email("@northwind.example"));
        assert!(!plausible_email("a va@northwind.example"));
        assert!(!plausible_email("ava@.example"));
    }
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
        audit::server::Entry,
        auth::{
            policy::{authorize, Permission},
            server::{require_viewer, revoke_all_sessions, RequestInfo},
        },
        organisations::Role,
    };

    let db = crate::db::use_db()?;
    let viewer = require_viewer(&db).await?;
    let target: Option<(String, String, String, String)> = sqlx::query_as(&format!(
        "SELECT p.organisation_id, o.kind, p.role, p.status FROM people p \
         JOIN organisations o ON o.id = p.organisation_id \
         WHERE p.id = $1 AND {}",
        crate::auth::policy::tenant_scoped("p.organisation_id", "$2")
    ))
    .bind(&person_id)
    .bind(viewer.tenant_scope())
    .fetch_optional(&db.pool)
    .await?;
    let Some((organisation_id, kind, old_role, old_status)) = target else {
        return Err(AppError::NotFound);
    };
    authorize(&viewer, Permission::ManagePeople, &organisation_id)?;
    if person_id == viewer.person_id {
        return Err(AppError::field(
            "person_id",
            "You cannot change your own role or status.",
        ));
    }
    let role = Role::parse(&role)
        .filter(|r| r.fits(kind == "vendor"))
        .ok_or_else(|| AppError::field("role", "Choose a role this organisation can have."))?;
    let status = match (status.as_str(), old_status.as_str()) {
        ("active" | "disabled", "invited") => "invited",
        ("active", _) => "active",
        ("disabled", _) => "disabled",
        _ => return Err(AppError::field("status", "Choose active or disabled.")),
    };
    let mut tx = db
        .write(viewer.actor(RequestInfo::current().ip.as_deref()))
        .await?;
    sqlx::query("UPDATE people SET role = $1, status = $2 WHERE id = $3 AND organisation_id = $4")
        .bind(role.code())
        .bind(status)
        .bind(&person_id)
        .bind(&organisation_id)
        .execute(&mut *tx)
        .await?;
    if status == "disabled" {
        revoke_all_sessions(&mut *tx, &person_id).await?;
    }
    let detail = format!(
        "role {old_role} -> {}, status {old_status} -> {status}",
        role.code()
    );
    tx.audit(Entry {
        organisation_id: Some(&organisation_id),
        action: "person_updated",
        record_type: "person",
        record_id: Some(&person_id),
        detail: Some(&detail),
    })
    .await?;
    tx.commit().await?;
    Ok(())
}
