//! Two-step sign-in: the code step of sign-in, setting it up (QR code and
//! recovery codes), and the program setting that requires it of partners:
//! wire types and server functions. The pages are in `pages/two_step.rs`.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// A set-up in progress, shown once on the set-up page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoStepSetup {
    /// The secret in groups of four, for typing into an app.
    pub secret: String,
    /// An SVG QR code of the `otpauth://` link (no scripts or styles).
    pub qr_svg: String,
    pub recovery_codes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoStepState {
    pub enabled_at: Option<i64>,
    pub required: bool,
    pub recovery_codes_left: i64,
    /// Present while two-step sign-in is off.
    pub setup: Option<TwoStepSetup>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecurityPolicy {
    pub require_partner_mfa: bool,
}

/// Second step of sign-in: a code from the authenticator app or a recovery
/// code; optionally trusts this device for 30 days. Then goes to `/home`.
///
/// Who may call: a session whose password was accepted and whose code is
/// due (anyone else: `Unauthenticated`). Errors: `Validation` (wrong or
/// used code, counted like a wrong password), `RateLimited`, `Internal`.
#[server(endpoint = "verify_second_factor")]
pub async fn verify_second_factor(
    code: String,
    trust_device: Option<String>,
) -> Result<(), AppError> {
    use super::{
        mfa::{self, Accepted},
        server as auth,
    };
    use crate::audit::server::{record_now, Entry};

    let db = crate::db::use_db()?;
    let info = auth::RequestInfo::current();
    let session = auth::session_at(&db, &[super::Stage::SecondFactor])
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let person = &session.viewer;
    let ip = info.ip.as_deref();
    if let Some(retry_after_secs) = auth::throttled_for(&db, &person.email, ip).await? {
        return Err(AppError::RateLimited { retry_after_secs });
    }
    let secret = mfa::state(&db, &person.person_id)
        .await?
        .filter(mfa::MfaState::enabled)
        .and_then(|s| s.totp_secret)
        .ok_or(AppError::Unauthenticated)?;
    let entry = |action, detail| Entry {
        organisation_id: Some(&person.organisation_id),
        action,
        record_type: "session",
        detail,
        ..Entry::default()
    };
    let Some(accepted) = mfa::accept_code(&db, &person.person_id, &secret, &code).await? else {
        auth::record_failure(&db, &person.email, ip).await?;
        record_now(&db, person.actor(ip), entry("second_factor_failed", None)).await?;
        return Err(AppError::field(
            "code",
            t!("That code is not right or was already used. Enter the code your app shows now."),
        ));
    };
    auth::clear_failures(&db, &person.email).await?;
    auth::complete_session(&db, &session, &info).await?;
    let trust = trust_device.is_some();
    if trust {
        let token = mfa::trust_device(&db, &person.person_id).await?;
        expect_context::<leptos_axum::ResponseOptions>()
            .append_header(http::header::SET_COOKIE, mfa::device_cookie(&token));
    }
    let detail = match (accepted, trust) {
        (Accepted::Totp, false) => "authenticator code",
        (Accepted::Totp, true) => "authenticator code; device trusted for 30 days",
        (Accepted::RecoveryCode, false) => "recovery code",
        (Accepted::RecoveryCode, true) => "recovery code; device trusted for 30 days",
    };
    record_now(&db, person.actor(ip), entry("sign_in", Some(detail))).await?;
    if accepted == Accepted::RecoveryCode {
        let left = mfa::recovery_codes_left(&db, &person.person_id).await?;
        let l = crate::email::server::recipient_locale(&db.pool, &person.email).await?;
        let codes_left = if left == 1 {
            t!(in l, "1 unused code is left.").to_owned()
        } else {
            t!(in l, "{left} unused codes are left.", left = left)
        };
        let body = t!(in l,
            "Hello {name},\n\nA recovery code was just used to sign in to your Trellis account. \
             {codes_left}\n\nIf this was not you, reset your password at once \
             and tell your channel manager.\n",
            name = person.name,
            codes_left = codes_left,
        );
        crate::email::server::enqueue(
            &db.pool,
            &person.email,
            t!(in l, "A recovery code was used on your Trellis account"),
            &body,
        )
        .await?;
    }
    leptos_axum::redirect("/home");
    Ok(())
}

/// The caller's two-step sign-in; while it is off, the set-up to show (a
/// new secret and recovery codes are made on first call and kept until
/// confirmed, so reloading shows the same ones).
///
/// Who may call: a signed-in person, or one signed in only to set it up.
/// Errors: `Unauthenticated`, `Internal`.
#[server(endpoint = "two_step_status")]
pub async fn two_step_status() -> Result<TwoStepState, AppError> {
    use super::{mfa, server as auth};

    let db = crate::db::use_db()?;
    let session = auth::session_at(&db, &[super::Stage::Full, super::Stage::Enrol])
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let person = &session.viewer;
    let state = mfa::state(&db, &person.person_id)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let setup = if state.enabled() {
        None
    } else {
        db.execute(
            sqlx::query(
                "INSERT INTO mfa_enrolments (person_id, secret, recovery_codes, created_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (person_id) DO NOTHING",
            )
            .bind(&person.person_id)
            .bind(mfa::new_secret())
            .bind(mfa::new_recovery_codes().join(" "))
            .bind(auth::now()),
        )
        .await?;
        let (secret, codes): (String, String) = sqlx::query_as(
            "SELECT secret, recovery_codes FROM mfa_enrolments WHERE person_id = $1",
        )
        .bind(&person.person_id)
        .fetch_one(&db.pool)
        .await?;
        Some(TwoStepSetup {
            qr_svg: mfa::qr_svg(&secret, &person.email)
                .ok_or_else(|| AppError::internal("drawing the QR code"))?,
            secret: mfa::grouped(&secret),
            recovery_codes: codes.split(' ').map(str::to_owned).collect(),
        })
    };
    Ok(TwoStepState {
        enabled_at: state.totp_enabled_at,
        required: state.required(),
        recovery_codes_left: mfa::recovery_codes_left(&db, &person.person_id).await?,
        setup,
    })
}

/// Turns two-step sign-in on with the first code from the app: the secret
/// and recovery codes shown become live, every other session of the person
/// ends and this one gets a new token. Then goes to `/home`.
///
/// Who may call: a signed-in person, or one signed in only to set it up.
/// Errors: `Unauthenticated`, `Validation` (wrong code, or nothing being
/// set up), `Internal`.
#[server(endpoint = "confirm_two_step")]
pub async fn confirm_two_step(code: String) -> Result<(), AppError> {
    use super::{mfa, server as auth};
    use crate::audit::server::Entry;

    let db = crate::db::use_db()?;
    let info = auth::RequestInfo::current();
    let session = auth::session_at(&db, &[super::Stage::Full, super::Stage::Enrol])
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let person = &session.viewer;
    let pending: Option<(String, String)> =
        sqlx::query_as("SELECT secret, recovery_codes FROM mfa_enrolments WHERE person_id = $1")
            .bind(&person.person_id)
            .fetch_optional(&db.pool)
            .await?;
    let Some((secret, codes)) = pending else {
        return Err(AppError::field(
            "code",
            t!("Nothing is being set up. Reload the page to start again."),
        ));
    };
    let Some(step) = mfa::step_of(&secret, &code) else {
        return Err(AppError::field(
            "code",
            t!("That code is not right. Enter the 6-digit code your app shows now."),
        ));
    };
    let now = auth::now();
    let mut tx = db.write(person.actor(info.ip.as_deref())).await?;
    let turned_on = sqlx::query(
        "UPDATE people SET totp_secret = $1, totp_enabled_at = $2, totp_last_step = $3 \
         WHERE id = $4 AND totp_enabled_at IS NULL",
    )
    .bind(&secret)
    .bind(now)
    .bind(step)
    .bind(&person.person_id)
    .execute(&mut *tx)
    .await?;
    if turned_on.rows_affected() == 0 {
        return Err(AppError::field(
            "code",
            t!("Two-step sign-in is already on."),
        ));
    }
    sqlx::query("DELETE FROM recovery_codes WHERE person_id = $1")
        .bind(&person.person_id)
        .execute(&mut *tx)
        .await?;
    for code in codes.split(' ') {
        sqlx::query("INSERT INTO recovery_codes (person_id, code_hash) VALUES ($1, $2)")
            .bind(&person.person_id)
            .bind(mfa::recovery_hash(code))
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("DELETE FROM mfa_enrolments WHERE person_id = $1")
        .bind(&person.person_id)
        .execute(&mut *tx)
        .await?;
    auth::revoke_all_sessions(&mut *tx, &person.person_id).await?;
    mfa::revoke_trusted_devices(&mut *tx, &person.person_id).await?;
    let l = crate::email::server::recipient_locale(&mut *tx, &person.email).await?;
    let body = t!(in l,
        "Hello {name},\n\nTwo-step sign-in is now on for your Trellis account: signing in asks \
         for a code from your authenticator app. Keep your recovery codes somewhere safe.\n\n\
         If this was not you, tell your channel manager at once.\n",
        name = person.name,
    );
    crate::email::server::enqueue(
        &mut *tx,
        &person.email,
        t!(in l, "Two-step sign-in is on for your Trellis account"),
        &body,
    )
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&person.organisation_id),
        action: "two_step_enabled",
        record_type: "person",
        record_id: Some(&person.person_id),
        detail: None,
    })
    .await?;
    tx.commit().await?;
    auth::complete_session(&db, &session, &info).await?;
    leptos_axum::redirect("/home");
    Ok(())
}

/// The program's security settings.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `Internal`.
#[server(endpoint = "security_settings")]
pub async fn security_settings() -> Result<SecurityPolicy, AppError> {
    let db = crate::db::use_db()?;
    let viewer = super::server::require_viewer(&db).await?;
    super::policy::authorize_program(&viewer)?;
    let require: i64 =
        sqlx::query_scalar("SELECT require_partner_mfa FROM program_settings WHERE id = 1")
            .fetch_one(&db.pool)
            .await?;
    Ok(SecurityPolicy {
        require_partner_mfa: require == 1,
    })
}

/// Requires (or stops requiring) two-step sign-in of partner people. Those
/// without it are asked to set it up at their next sign-in.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `Internal`.
#[server(endpoint = "update_security_settings")]
pub async fn update_security_settings(require_partner_mfa: Option<String>) -> Result<(), AppError> {
    use crate::audit::server::Entry;

    let db = crate::db::use_db()?;
    let viewer = super::server::require_viewer(&db).await?;
    super::policy::authorize_program(&viewer)?;
    let require = require_partner_mfa.is_some();
    let mut tx = db
        .write(viewer.actor(super::server::RequestInfo::current().ip.as_deref()))
        .await?;
    sqlx::query("UPDATE program_settings SET require_partner_mfa = $1 WHERE id = 1")
        .bind(i64::from(require))
        .execute(&mut *tx)
        .await?;
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "security_settings_updated",
        record_type: "program",
        record_id: None,
        detail: Some(if require {
            "two-step sign-in required for partners"
        } else {
            "two-step sign-in optional for partners"
        }),
    })
    .await?;
    tx.commit().await?;
    Ok(())
}
