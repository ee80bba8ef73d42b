//! Getting in with an emailed link: asking for a reset link, and setting a
//! password with an invitation or reset link.

use super::links::{create_link, public_url, use_link, LinkHolder, RESET_LIFETIME};
use crate::{
    audit::server::Entry,
    auth::{mfa::revoke_trusted_devices, server::revoke_all_sessions, tokens::now},
    db::{Actor, Db},
    email::server::{enqueue, recipient_locale},
    error::AppError,
};

/// What a dead, used or tampered link answers, in the reader's language.
pub fn link_dead() -> &'static str {
    t!("This link has expired or was already used. Ask for a new one.")
}

/// Emails a reset link to the active person with address `email` (at most
/// one a minute, so nobody is mail-bombed); nothing when there is none.
pub async fn request_password_reset(
    db: &Db,
    email: &str,
    ip: Option<&str>,
) -> Result<(), sqlx::Error> {
    let person: Option<(String, String)> =
        sqlx::query_as("SELECT id, name FROM people WHERE email = $1 AND status = 'active'")
            .bind(email)
            .fetch_optional(&db.pool)
            .await?;
    let Some((person_id, name)) = person else {
        return Ok(());
    };
    let recent: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM person_links WHERE person_id = $1 AND kind = 'password_reset' \
         AND created_at > $2",
    )
    .bind(&person_id)
    .bind(now() - 60)
    .fetch_one(&db.pool)
    .await?;
    if recent > 0 {
        return Ok(());
    }
    let mut tx = db.write(Actor::anonymous(ip)).await?;
    let token = create_link(&mut *tx, "password_reset", &person_id, RESET_LIFETIME).await?;
    let link = format!("{}/password-reset/{token}", public_url());
    let l = recipient_locale(&mut *tx, email).await?;
    let body = t!(
        in l,
        "Hello {name},\n\nSomeone asked to reset your Trellis password.\n\
         Open this link within an hour to choose a new one:\n\n{link}\n\n\
         If it was not you, ignore this email: your password stays as it is.\n",
        name = name,
        link = link
    );
    enqueue(
        &mut *tx,
        email,
        t!(in l, "Reset your Trellis password"),
        &body,
    )
    .await?;
    tx.commit().await
}

/// Uses link `token` of `kind` (held by `holder`) to set password hash
/// `hash` and activate the person; every session and trusted device the
/// old password opened ends. The owner of a reset account is told.
pub async fn set_password_with_link(
    db: &Db,
    kind: &str,
    token: &str,
    holder: &LinkHolder,
    hash: &str,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = db.write(Actor::person(&holder.person_id, ip)).await?;
    if !use_link(&mut *tx, token).await? {
        return Err(AppError::field("token", link_dead()));
    }
    sqlx::query("UPDATE people SET password_hash = $1, status = 'active' WHERE id = $2")
        .bind(hash)
        .bind(&holder.person_id)
        .execute(&mut *tx)
        .await?;
    revoke_all_sessions(&mut *tx, &holder.person_id).await?;
    revoke_trusted_devices(&mut *tx, &holder.person_id).await?;
    if kind == "password_reset" {
        // Tell the owner, in case it was not them (ASVS 2.5.5).
        let l = recipient_locale(&mut *tx, &holder.email).await?;
        let body = t!(
            in l,
            "Hello {name},\n\nThe password of your Trellis account was just changed, and every \
             device signed in to it was signed out.\n\nIf this was not you, reset your \
             password again at once and tell your channel manager.\n",
            name = holder.name
        );
        enqueue(
            &mut *tx,
            &holder.email,
            t!(in l, "Your Trellis password was changed"),
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
    Ok(())
}
