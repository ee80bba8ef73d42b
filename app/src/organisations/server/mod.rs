//! Organisations on the server. Every query takes the caller's tenant
//! scope: `Some(organisation id)` for partner people, `None` for vendor
//! staff.

mod profile;
mod status;

pub use profile::{profile, update_profile};
pub use status::change_status;

/// The email address and name of organisation `id`'s channel manager,
/// if it has one: who is told about its registrations, signatures and
/// standstills.
pub async fn channel_manager(
    conn: &mut sqlx::AnyConnection,
    id: &str,
) -> Result<Option<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT m.email, m.name FROM organisations o JOIN people m ON m.id = o.channel_manager_id \
         WHERE o.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await
}

/// A slug for a new organisation called `name` that no other has:
/// [`super::slug_of`], with `-2`, `-3`… added when taken.
pub async fn free_slug(conn: &mut sqlx::AnyConnection, name: &str) -> Result<String, sqlx::Error> {
    let base = super::slug_of(name);
    let mut candidate = base.clone();
    for n in 2.. {
        let taken: Option<String> =
            sqlx::query_scalar("SELECT id FROM organisations WHERE slug = $1")
                .bind(&candidate)
                .fetch_optional(&mut *conn)
                .await?;
        if taken.is_none() {
            break;
        }
        candidate = format!("{base}-{n}");
    }
    Ok(candidate)
}

/// Live partners (onboarding, active, at risk) as (id, name), by name.
pub async fn live_partners(db: &crate::db::Db) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, name FROM organisations WHERE kind = 'partner' \
         AND status IN ('onboarding', 'active', 'at_risk') ORDER BY name",
    )
    .fetch_all(&db.pool)
    .await
}
