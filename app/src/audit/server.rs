use crate::{
    auth::server::now,
    db::{Actor, Db, Write},
};

/// One state change, as the audit log keeps it. Who made it, and from
/// where, come from the [`Write`] that records it.
#[derive(Debug, Clone, Default)]
pub struct Entry<'a> {
    pub organisation_id: Option<&'a str>,
    pub action: &'a str,
    pub record_type: &'a str,
    pub record_id: Option<&'a str>,
    pub detail: Option<&'a str>,
}

impl Write {
    /// Appends an entry, in the transaction of the change it records, so
    /// the two can never disagree.
    pub async fn audit(&mut self, entry: Entry<'_>) -> Result<(), sqlx::Error> {
        let actor = self.actor().clone();
        sqlx::query(
            "INSERT INTO audit_log (id, at, actor_id, organisation_id, action, record_type, record_id, ip, detail) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(now())
        .bind(actor.person_id)
        .bind(entry.organisation_id)
        .bind(entry.action)
        .bind(entry.record_type)
        .bind(entry.record_id)
        .bind(actor.ip)
        .bind(entry.detail)
        .execute(&mut **self)
        .await
        .map(|_| ())
    }
}

/// Records an event that changes nothing else (a sign-in, a refused
/// attempt), in a write of its own.
pub async fn record_now(db: &Db, actor: Actor, entry: Entry<'_>) -> Result<(), sqlx::Error> {
    let mut write = db.write(actor).await?;
    write.audit(entry).await?;
    write.commit().await
}
