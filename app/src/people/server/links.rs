//! Single-use links (only their SHA-256 is stored) and the public URL they
//! point at. Server only.

use leptos::prelude::*;

use crate::{
    auth::server::{new_token, now, token_hash},
    db::Db,
};

/// An invitation is good for a week, a reset link for an hour.
pub const INVITATION_LIFETIME: i64 = 7 * 86_400;
pub const RESET_LIFETIME: i64 = 3600;

/// Where people reach the portal, for links in email; provided as context.
#[derive(Debug, Clone)]
pub struct PublicUrl(pub String);

pub fn public_url() -> String {
    use_context::<PublicUrl>()
        .map(|u| u.0)
        .unwrap_or_else(|| "http://127.0.0.1:3000".to_owned())
}

/// Creates a link of `kind` for `person_id` and returns its token.
pub async fn create_link<'e, E>(
    executor: E,
    kind: &str,
    person_id: &str,
    lifetime: i64,
) -> Result<String, sqlx::Error>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let token = new_token();
    let now = now();
    sqlx::query(
        "INSERT INTO person_links (token_hash, kind, person_id, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash(&token))
    .bind(kind)
    .bind(person_id)
    .bind(now)
    .bind(now + lifetime)
    .execute(executor)
    .await?;
    Ok(token)
}

#[derive(sqlx::FromRow)]
pub struct LinkHolder {
    pub person_id: String,
    pub organisation_id: String,
    pub email: String,
    pub name: String,
}

/// The person a live link of `kind` belongs to: unused, unexpired, and the
/// person in the state the link is for (invited, or active for a reset).
pub async fn link_holder(
    db: &Db,
    kind: &str,
    token: &str,
) -> Result<Option<LinkHolder>, sqlx::Error> {
    let person_status = if kind == "invitation" {
        "invited"
    } else {
        "active"
    };
    sqlx::query_as::<_, LinkHolder>(
        "SELECT p.id AS person_id, p.organisation_id, p.email, p.name FROM person_links l \
         JOIN people p ON p.id = l.person_id \
         WHERE l.token_hash = $1 AND l.kind = $2 AND l.used_at IS NULL AND l.expires_at > $3 \
         AND p.status = $4",
    )
    .bind(token_hash(token))
    .bind(kind)
    .bind(now())
    .bind(person_status)
    .fetch_optional(&db.pool)
    .await
}

/// Marks a link used; `false` when someone else used it first.
pub async fn use_link<'e, E>(executor: E, token: &str) -> Result<bool, sqlx::Error>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let done = sqlx::query(
        "UPDATE person_links SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL",
    )
    .bind(now())
    .bind(token_hash(token))
    .execute(executor)
    .await?;
    Ok(done.rows_affected() == 1)
}
