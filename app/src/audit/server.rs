use crate::{auth::server::now, db::Db};

/// One state change, as the audit log keeps it.
#[derive(Debug, Clone, Default)]
pub struct Entry<'a> {
    pub actor_id: Option<&'a str>,
    pub organisation_id: Option<&'a str>,
    pub action: &'a str,
    pub record_type: &'a str,
    pub record_id: Option<&'a str>,
    pub ip: Option<&'a str>,
    pub detail: Option<&'a str>,
}

/// Appends an entry. Use inside the transaction of the change it records
/// where there is one, so the two can never disagree.
pub async fn record<'e, E>(executor: E, entry: Entry<'_>) -> Result<(), sqlx::Error>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query(
        "INSERT INTO audit_log (id, at, actor_id, organisation_id, action, record_type, record_id, ip, detail) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(now())
    .bind(entry.actor_id)
    .bind(entry.organisation_id)
    .bind(entry.action)
    .bind(entry.record_type)
    .bind(entry.record_id)
    .bind(entry.ip)
    .bind(entry.detail)
    .execute(executor)
    .await
    .map(|_| ())
}

/// Shorthand for [`record`] straight on the pool.
pub async fn record_now(db: &Db, entry: Entry<'_>) -> Result<(), sqlx::Error> {
    record(&db.pool, entry).await
}
