//! Sessions, sign-in throttling and who is calling. Server only.
//!
//! A session is a random 256-bit token in a `__Host-` cookie; the database
//! keeps only its SHA-256, so sessions work across several app servers and a
//! database copy cannot be replayed. Every sign-in makes a new token.

use http::{header, request::Parts, HeaderValue};
use leptos::prelude::*;

pub use super::Stage;
use super::Viewer;
use crate::{db::Db, error::AppError, organisations::Role};

pub const COOKIE: &str = "__Host-trellis_session";
/// Without "remember this device": signed out after 30 idle minutes, and
/// after 12 hours whatever happens.
pub const IDLE: i64 = 30 * 60;
pub const LIFETIME: i64 = 12 * 3600;
/// With it: 7 idle days, 30 days at most.
pub const REMEMBERED_IDLE: i64 = 7 * 86_400;
pub const REMEMBERED_LIFETIME: i64 = 30 * 86_400;
/// `last_seen_at` is written at most this often, not on every request.
const TOUCH_EVERY: i64 = 60;

/// Sign-in throttling: failures counted over a sliding window, per account
/// and per address. Never a permanent lockout.
pub const WINDOW: i64 = 15 * 60;
pub const ACCOUNT_LIMIT: i64 = 5;
pub const IP_LIMIT: i64 = 50;

pub use super::tokens::{hex, new_token, now, shared_secret, token_hash};

/// The session token the request's cookie carries, if any.
pub fn session_token(headers: &http::HeaderMap) -> Option<String> {
    headers
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|c| cookie_value(c, COOKIE))
}

/// What the request says about its origin, for sessions and the audit log.
#[derive(Debug, Clone, Default)]
pub struct RequestInfo {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub session_token: Option<String>,
    pub device_token: Option<String>,
}

impl RequestInfo {
    pub fn from_parts(parts: &Parts) -> RequestInfo {
        let header = |name: header::HeaderName| {
            parts
                .headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let forwarded = std::env::var("TRELLIS_TRUST_PROXY")
            .is_ok_and(|v| v == "1")
            .then(|| header(header::HeaderName::from_static("x-forwarded-for")))
            .flatten()
            .and_then(|list| list.split(',').next().map(|ip| ip.trim().to_owned()));
        let peer = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|info| info.0.ip().to_string());
        RequestInfo {
            ip: forwarded.or(peer),
            user_agent: header(header::USER_AGENT).map(|ua| ua.chars().take(200).collect()),
            session_token: session_token(&parts.headers),
            device_token: header(header::COOKIE)
                .and_then(|c| cookie_value(&c, super::mfa::DEVICE_COOKIE)),
        }
    }

    /// The request being served (empty outside a request).
    pub fn current() -> RequestInfo {
        with_context::<Parts, _>(RequestInfo::from_parts).unwrap_or_default()
    }
}

pub use super::cookie_value;

/// The `Set-Cookie` value for a new session; without "remember" it is a
/// browser-session cookie.
pub fn session_cookie(token: &str, remember: bool) -> HeaderValue {
    let max_age = if remember {
        format!("; Max-Age={REMEMBERED_LIFETIME}")
    } else {
        String::new()
    };
    HeaderValue::from_str(&format!(
        "{COOKIE}={token}; Path=/; HttpOnly; Secure; SameSite=Lax{max_age}"
    ))
    .expect("hex token is a valid header")
}

pub fn clear_cookie() -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0"
    ))
    .expect("static cookie is a valid header")
}

/// (idle timeout, lifetime) in seconds of a session at `stage`.
fn timeouts(stage: Stage, remember: bool) -> (i64, i64) {
    match (stage, remember) {
        (Stage::Full, false) => (IDLE, LIFETIME),
        (Stage::Full, true) => (REMEMBERED_IDLE, REMEMBERED_LIFETIME),
        (Stage::SecondFactor, _) => (SECOND_FACTOR_WINDOW, SECOND_FACTOR_WINDOW),
        (Stage::Enrol, _) => (IDLE, 3600),
    }
}

/// How long the code may take after the password was accepted.
pub const SECOND_FACTOR_WINDOW: i64 = 10 * 60;

/// Starts a full session for `person_id` and returns its token (for the
/// cookie). Sign-in goes through [`begin_session`], which decides the stage.
pub async fn create_session(
    db: &Db,
    person_id: &str,
    remember: bool,
    info: &RequestInfo,
) -> Result<String, sqlx::Error> {
    create_staged_session(db, person_id, remember, Stage::Full, info).await
}

pub async fn create_staged_session(
    db: &Db,
    person_id: &str,
    remember: bool,
    stage: Stage,
    info: &RequestInfo,
) -> Result<String, sqlx::Error> {
    let token = new_token();
    let now = now();
    let (idle, lifetime) = timeouts(stage, remember);
    db.execute(sqlx::query(
        "INSERT INTO sessions (id, token_hash, person_id, created_at, last_seen_at, expires_at, \
         idle_timeout_secs, remember, user_agent, ip, stage) \
         VALUES ($1, $2, $3, $4, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(token_hash(&token))
    .bind(person_id)
    .bind(now)
    .bind(now + lifetime)
    .bind(idle)
    .bind(i64::from(remember))
    .bind(info.user_agent.as_deref())
    .bind(info.ip.as_deref())
    .bind(stage.as_str()))
    .await?;
    Ok(token)
}

/// Remembers the language person `person_id` reads Trellis in, for the
/// emails sent to them: the one they signed in with or switched to.
pub async fn remember_language(
    db: &Db,
    person_id: &str,
    locale: crate::i18n::Locale,
) -> Result<(), sqlx::Error> {
    db.execute(
        sqlx::query("UPDATE people SET locale = $1 WHERE id = $2 AND locale <> $1")
            .bind(locale.as_str())
            .bind(person_id),
    )
    .await
    .map(|_| ())
}

/// The session a correct password opens: a full one, or one that still
/// needs the second factor (two-step sign-in on, device not trusted), or
/// one that may only set two-step sign-in up (required but not set up).
/// Sets the cookie; returns the stage.
pub async fn begin_session(
    db: &Db,
    person_id: &str,
    remember: bool,
    info: &RequestInfo,
) -> Result<Stage, AppError> {
    let state = super::mfa::state(db, person_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let stage = if state.enabled() {
        let trusted = match &info.device_token {
            Some(device) => super::mfa::is_trusted_device(db, person_id, device).await?,
            None => false,
        };
        if trusted {
            Stage::Full
        } else {
            Stage::SecondFactor
        }
    } else if state.required() {
        Stage::Enrol
    } else {
        Stage::Full
    };
    let token = create_staged_session(db, person_id, remember, stage, info).await?;
    let response = expect_context::<leptos_axum::ResponseOptions>();
    response.append_header(
        header::SET_COOKIE,
        session_cookie(&token, remember && stage == Stage::Full),
    );
    Ok(stage)
}

/// Replaces the caller's staged session by a full one (new token) once
/// the second factor is given or two-step sign-in is set up.
pub async fn complete_session(
    db: &Db,
    session: &LiveSession,
    info: &RequestInfo,
) -> Result<(), AppError> {
    db.execute(
        sqlx::query("UPDATE sessions SET revoked_at = $1 WHERE id = $2")
            .bind(now())
            .bind(&session.session_id),
    )
    .await?;
    let token = create_session(db, &session.viewer.person_id, session.remember, info).await?;
    let response = expect_context::<leptos_axum::ResponseOptions>();
    response.append_header(header::SET_COOKIE, session_cookie(&token, session.remember));
    Ok(())
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    session_id: String,
    stage: String,
    remember: i64,
    last_seen_at: i64,
    expires_at: i64,
    idle_timeout_secs: i64,
    person_id: String,
    name: String,
    email: String,
    role: String,
    organisation_id: String,
    organisation_name: String,
    unread: i64,
}

/// A live session: not revoked, not past its lifetime, not idle too long,
/// and its person still active.
#[derive(Debug, Clone)]
pub struct LiveSession {
    pub session_id: String,
    pub stage: Stage,
    pub remember: bool,
    pub viewer: Viewer,
    /// The person's unread notifications (for a page's header), counted
    /// in the session's own query.
    pub unread: i64,
}

/// The live session behind a token, whatever its stage. Refreshes the idle
/// clock.
pub async fn session_for_token(db: &Db, token: &str) -> Result<Option<LiveSession>, sqlx::Error> {
    find_session(db, token, true).await
}

/// Whether the session behind `token` is still live and complete, without
/// counting this as activity: a page left open does not keep its session
/// alive (the live-update stream asks this now and then).
pub async fn session_is_live(db: &Db, token: &str) -> Result<bool, sqlx::Error> {
    Ok(find_session(db, token, false)
        .await?
        .is_some_and(|session| session.stage == Stage::Full))
}

/// The live session behind `token`; `touch` records the activity.
async fn find_session(
    db: &Db,
    token: &str,
    touch: bool,
) -> Result<Option<LiveSession>, sqlx::Error> {
    let row = sqlx::query_as::<_, SessionRow>(
        "SELECT s.id AS session_id, s.stage, s.remember, s.last_seen_at, s.expires_at, \
         s.idle_timeout_secs, p.id AS person_id, p.name, p.email, p.role, \
         o.id AS organisation_id, o.name AS organisation_name, \
         (SELECT COUNT(*) FROM notifications n WHERE n.person_id = p.id AND n.read_at IS NULL) \
         AS unread \
         FROM sessions s JOIN people p ON p.id = s.person_id \
         JOIN organisations o ON o.id = p.organisation_id \
         WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND p.status = 'active' \
         AND o.status <> 'offboarded'",
    )
    .bind(token_hash(token))
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let now = now();
    if now >= row.expires_at || now - row.last_seen_at >= row.idle_timeout_secs {
        return Ok(None);
    }
    if touch && now - row.last_seen_at >= TOUCH_EVERY {
        db.execute(
            sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2")
                .bind(now)
                .bind(&row.session_id),
        )
        .await?;
    }
    let (Some(role), Some(stage)) = (Role::parse(&row.role), Stage::parse(&row.stage)) else {
        return Ok(None);
    };
    Ok(Some(LiveSession {
        session_id: row.session_id,
        stage,
        remember: row.remember == 1,
        viewer: Viewer {
            person_id: row.person_id,
            name: row.name,
            email: row.email,
            role,
            organisation_id: row.organisation_id,
            organisation_name: row.organisation_name,
        },
        unread: row.unread,
    }))
}

/// The signed-in person behind a session token, if the session is live and
/// complete (both factors given when two-step sign-in is on).
pub async fn viewer_for_token(
    db: &Db,
    token: &str,
) -> Result<Option<(String, Viewer)>, sqlx::Error> {
    Ok(session_for_token(db, token)
        .await?
        .filter(|s| s.stage == Stage::Full)
        .map(|s| (s.session_id, s.viewer)))
}

/// The caller's live session if it is at `stage` (for the two-step pages
/// and their server functions).
pub async fn session_at(db: &Db, stages: &[Stage]) -> Result<Option<LiveSession>, AppError> {
    let Some(token) = RequestInfo::current().session_token else {
        return Ok(None);
    };
    Ok(session_for_token(db, &token)
        .await?
        .filter(|s| stages.contains(&s.stage)))
}

/// Ends every live session of `person_id` (password changed, person
/// disabled). Use inside the transaction of that change.
pub async fn revoke_all_sessions<'e, E>(executor: E, person_id: &str) -> Result<(), sqlx::Error>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query("UPDATE sessions SET revoked_at = $1 WHERE person_id = $2 AND revoked_at IS NULL")
        .bind(now())
        .bind(person_id)
        .execute(executor)
        .await
        .map(|_| ())
}

/// Who is calling, resolved once per request by the server's middleware
/// (before any rendering) and kept in the request's extensions. Only
/// complete sessions give a viewer; a session half-way through two-step
/// sign-in is kept as its stage, so pages can send the person on.
#[derive(Debug, Clone)]
pub struct ResolvedViewer(pub Option<Viewer>, pub Option<Stage>);

/// What the server's middleware stored in this request's extensions (the
/// resolved viewer, the unread count), read in place: the request's parts
/// are not cloned for it.
pub fn request_extension<T: Clone + Send + Sync + 'static>() -> Option<T> {
    with_context::<Parts, _>(|parts| parts.extensions.get::<T>().cloned()).flatten()
}

/// The signed-in person making this request, or `None`.
pub async fn current_viewer(db: &Db) -> Result<Option<Viewer>, AppError> {
    let resolved = request_extension::<ResolvedViewer>();
    if let Some(ResolvedViewer(viewer, _)) = resolved {
        return Ok(viewer);
    }
    let Some(token) = RequestInfo::current().session_token else {
        return Ok(None);
    };
    Ok(viewer_for_token(db, &token)
        .await?
        .map(|(_, viewer)| viewer))
}

/// The first line of every server function that needs a signed-in person.
pub async fn require_viewer(db: &Db) -> Result<Viewer, AppError> {
    current_viewer(db).await?.ok_or(AppError::Unauthenticated)
}

/// Seconds to wait before another attempt for this account or address, if
/// either has failed too often within the window.
pub async fn throttled_for(
    db: &Db,
    email: &str,
    ip: Option<&str>,
) -> Result<Option<u64>, sqlx::Error> {
    let now = now();
    let mut wait = 0;
    let checks = [
        ("account", Some(email), ACCOUNT_LIMIT),
        ("ip", ip, IP_LIMIT),
    ];
    for (scope, subject, limit) in checks {
        let Some(subject) = subject else { continue };
        // The failure that must age out of the window before the next try.
        let blocking: Option<i64> = sqlx::query_scalar(
            "SELECT at FROM sign_in_failures WHERE scope = $1 AND subject = $2 AND at > $3 \
             ORDER BY at DESC LIMIT 1 OFFSET $4",
        )
        .bind(scope)
        .bind(subject)
        .bind(now - WINDOW)
        .bind(limit - 1)
        .fetch_optional(&db.pool)
        .await?;
        if let Some(at) = blocking {
            wait = wait.max(at + WINDOW - now);
        }
    }
    Ok((wait > 0).then_some(wait as u64))
}

pub async fn record_failure(db: &Db, email: &str, ip: Option<&str>) -> Result<(), sqlx::Error> {
    let now = now();
    let mut tx = db.write(crate::db::Actor::anonymous(ip)).await?;
    for (scope, subject) in [("account", Some(email)), ("ip", ip)] {
        let Some(subject) = subject else { continue };
        sqlx::query("INSERT INTO sign_in_failures (scope, subject, at) VALUES ($1, $2, $3)")
            .bind(scope)
            .bind(subject)
            .bind(now)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("DELETE FROM sign_in_failures WHERE at <= $1")
        .bind(now - WINDOW)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

pub async fn clear_failures(db: &Db, email: &str) -> Result<(), sqlx::Error> {
    db.execute(
        sqlx::query("DELETE FROM sign_in_failures WHERE scope = 'account' AND subject = $1")
            .bind(email),
    )
    .await
    .map(|_| ())
}

#[derive(sqlx::FromRow)]
pub struct Credentials {
    pub person_id: String,
    pub organisation_id: String,
    pub password_hash: Option<String>,
}

/// The credentials of an active person in a live organisation.
pub async fn credentials(db: &Db, email: &str) -> Result<Option<Credentials>, sqlx::Error> {
    sqlx::query_as::<_, Credentials>(
        "SELECT p.id AS person_id, p.organisation_id, p.password_hash \
         FROM people p JOIN organisations o ON o.id = p.organisation_id \
         WHERE p.email = $1 AND p.status = 'active' AND o.status <> 'offboarded'",
    )
    .bind(email)
    .fetch_optional(&db.pool)
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_hashed() {
        let a = new_token();
        let b = new_token();
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
        assert_eq!(token_hash(&a), token_hash(&a));
    }

    #[test]
    fn cookies_are_host_only_http_only_and_secure() {
        let c = session_cookie("abc", false);
        let c = c.to_str().unwrap();
        assert!(c.starts_with("__Host-trellis_session=abc; Path=/; HttpOnly; Secure; SameSite=Lax"));
        assert!(!c.contains("Max-Age"), "a session cookie unless remembered");
        let remembered = session_cookie("abc", true);
        assert!(remembered
            .to_str()
            .unwrap()
            .ends_with(&format!("Max-Age={REMEMBERED_LIFETIME}")));
        assert!(clear_cookie().to_str().unwrap().contains("Max-Age=0"));
    }

    #[test]
    fn reads_the_session_cookie() {
        assert_eq!(
            cookie_value("a=1; __Host-trellis_session=tok; b=2", COOKIE).as_deref(),
            Some("tok")
        );
        assert_eq!(cookie_value("__Host-trellis_session=", COOKIE), None);
        assert_eq!(cookie_value("trellis_session=tok", COOKIE), None);
    }
}
