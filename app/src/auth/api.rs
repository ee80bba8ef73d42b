//! Server functions for signing in and out and managing one's sessions.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::Viewer;
use crate::error::AppError;

/// One of the caller's own sessions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub id: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub user_agent: Option<String>,
    pub ip: Option<String>,
    pub remember: bool,
    pub current: bool,
}

/// The signed-in person, or `None`.
///
/// Who may call: anyone. Errors: `Internal`.
#[server(endpoint = "current_viewer")]
pub async fn current_viewer() -> Result<Option<Viewer>, AppError> {
    let db = crate::db::use_db()?;
    super::server::current_viewer(&db).await
}

/// Signs in with email and password, then goes to `/home`.
///
/// Who may call: anyone. Errors: `Validation` (wrong email or password, one
/// message for both), `RateLimited` after too many failures for the account
/// or the address, `Internal`.
#[server(endpoint = "sign_in")]
pub async fn sign_in(
    email: String,
    password: String,
    remember: Option<String>,
) -> Result<(), AppError> {
    use super::{password, server as auth};
    use crate::audit::server::{record_now, Entry};

    let db = crate::db::use_db()?;
    let info = auth::RequestInfo::current();
    let email = email.trim().to_lowercase();
    if email.is_empty() || password.is_empty() {
        return Err(AppError::field(
            "email",
            t!("Enter your email address and password."),
        ));
    }
    if let Some(retry_after_secs) = auth::throttled_for(&db, &email, info.ip.as_deref()).await? {
        return Err(AppError::RateLimited { retry_after_secs });
    }
    let Some(person) = auth::credentials(&db, &email).await? else {
        password::verify(password, None).await;
        auth::record_failure(&db, &email, info.ip.as_deref()).await?;
        return Err(wrong_credentials());
    };
    if !password::verify(password, person.password_hash.clone()).await {
        auth::record_failure(&db, &email, info.ip.as_deref()).await?;
        record_now(
            &db,
            crate::db::Actor::person(&person.person_id, info.ip.as_deref()),
            Entry {
                organisation_id: Some(&person.organisation_id),
                action: "sign_in_failed",
                record_type: "person",
                record_id: Some(&person.person_id),
                ..Entry::default()
            },
        )
        .await?;
        return Err(wrong_credentials());
    }
    // A new token at every sign-in; any session the browser had is ended.
    if let Some(old) = &info.session_token {
        revoke_by_token(&db, old).await?;
    }
    let remember = remember.is_some();
    let stage = auth::begin_session(&db, &person.person_id, remember, &info).await?;
    auth::remember_language(&db, &person.person_id, crate::i18n::Locale::current()).await?;
    // Failures are forgiven only once fully signed in: the password alone
    // must not reset the count of wrong codes.
    if stage == auth::Stage::Full {
        auth::clear_failures(&db, &email).await?;
    }
    record_now(
        &db,
        crate::db::Actor::person(&person.person_id, info.ip.as_deref()),
        Entry {
            organisation_id: Some(&person.organisation_id),
            action: match stage {
                auth::Stage::Full => "sign_in",
                auth::Stage::SecondFactor => "sign_in_password_accepted",
                auth::Stage::Enrol => "sign_in_two_step_setup_required",
            },
            record_type: "session",
            detail: remember.then_some("remembered device"),
            ..Entry::default()
        },
    )
    .await?;
    leptos_axum::redirect(stage.home());
    Ok(())
}

#[cfg(feature = "ssr")]
fn wrong_credentials() -> AppError {
    AppError::field(
        "email",
        t!("That email and password do not match an account."),
    )
}

#[cfg(feature = "ssr")]
async fn revoke_by_token(db: &crate::db::Db, token: &str) -> Result<(), sqlx::Error> {
    db.execute(
        sqlx::query(
            "UPDATE sessions SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL",
        )
        .bind(super::server::now())
        .bind(super::server::token_hash(token)),
    )
    .await
    .map(|_| ())
}

/// Signs out: ends this session and goes to the start page.
///
/// Who may call: anyone (signing out without a session just clears the
/// cookie). Errors: `Internal`.
#[server(endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    use super::server as auth;
    use crate::audit::server::{record_now, Entry};

    let db = crate::db::use_db()?;
    let info = auth::RequestInfo::current();
    if let Some(token) = &info.session_token {
        if let Some((session_id, viewer)) = auth::viewer_for_token(&db, token).await? {
            revoke_by_token(&db, token).await?;
            record_now(
                &db,
                crate::db::Actor::person(&viewer.person_id, info.ip.as_deref()),
                Entry {
                    organisation_id: Some(&viewer.organisation_id),
                    action: "sign_out",
                    record_type: "session",
                    record_id: Some(&session_id),
                    ..Entry::default()
                },
            )
            .await?;
        }
    }
    let response = expect_context::<leptos_axum::ResponseOptions>();
    response.append_header(http::header::SET_COOKIE, auth::clear_cookie());
    leptos_axum::redirect("/");
    Ok(())
}

/// The caller's live sessions, newest first.
///
/// Who may call: any signed-in person; only their own sessions are listed.
/// Errors: `Unauthenticated`, `Internal`.
#[server(endpoint = "my_sessions")]
pub async fn my_sessions() -> Result<Vec<SessionInfo>, AppError> {
    use super::server as auth;

    let db = crate::db::use_db()?;
    let viewer = auth::require_viewer(&db).await?;
    let current = auth::RequestInfo::current()
        .session_token
        .map(|t| auth::token_hash(&t));
    #[derive(sqlx::FromRow)]
    struct Row {
        id: String,
        token_hash: String,
        created_at: i64,
        last_seen_at: i64,
        user_agent: Option<String>,
        ip: Option<String>,
        remember: i64,
    }
    let now = auth::now();
    let rows = sqlx::query_as::<_, Row>(
        "SELECT id, token_hash, created_at, last_seen_at, user_agent, ip, remember FROM sessions \
         WHERE person_id = $1 AND revoked_at IS NULL AND expires_at > $2 \
         AND last_seen_at + idle_timeout_secs > $2 ORDER BY created_at DESC",
    )
    .bind(&viewer.person_id)
    .bind(now)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| SessionInfo {
            current: current.as_deref() == Some(r.token_hash.as_str()),
            id: r.id,
            created_at: r.created_at,
            last_seen_at: r.last_seen_at,
            user_agent: r.user_agent,
            ip: r.ip,
            remember: r.remember == 1,
        })
        .collect())
}

/// Ends one of the caller's own sessions (signs that device out).
///
/// Who may call: any signed-in person, for their own sessions only; another
/// person's session id answers `NotFound`. Errors: `Unauthenticated`,
/// `NotFound`, `Internal`.
#[server(endpoint = "revoke_session")]
pub async fn revoke_session(id: String) -> Result<(), AppError> {
    use super::server as auth;
    use crate::audit::server::{record_now, Entry};

    let db = crate::db::use_db()?;
    let viewer = auth::require_viewer(&db).await?;
    let done = db.execute(sqlx::query(
        "UPDATE sessions SET revoked_at = $1 WHERE id = $2 AND person_id = $3 AND revoked_at IS NULL",
    )
    .bind(auth::now())
    .bind(&id)
    .bind(&viewer.person_id))
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    record_now(
        &db,
        crate::db::Actor::person(
            &viewer.person_id,
            auth::RequestInfo::current().ip.as_deref(),
        ),
        Entry {
            organisation_id: Some(&viewer.organisation_id),
            action: "session_revoked",
            record_type: "session",
            record_id: Some(&id),
            ..Entry::default()
        },
    )
    .await?;
    Ok(())
}
