//! Where asset files live: one interface, so a deployment can keep them
//! elsewhere (S3-compatible storage through the `object_store` crate is
//! the natural next implementation). The default keeps them in the
//! database, which every app server already shares.

use crate::db::{Db, Write};

/// Files by key (an asset's id).
pub trait BlobStore {
    /// Keeps `bytes` under `key`, as part of the write `tx` (a store
    /// outside the database writes before `tx` commits and is
    /// overwritten by a retry).
    fn put(
        &self,
        tx: &mut Write,
        key: &str,
        bytes: &[u8],
    ) -> impl std::future::Future<Output = Result<(), sqlx::Error>> + Send;

    /// The bytes under `key`, if any.
    fn get(
        &self,
        key: &str,
    ) -> impl std::future::Future<Output = Result<Option<Vec<u8>>, sqlx::Error>> + Send;
}

/// Files in the database's `asset_blobs` table.
pub struct DbStore(pub Db);

impl BlobStore for DbStore {
    async fn put(&self, tx: &mut Write, key: &str, bytes: &[u8]) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO asset_blobs (key, bytes) VALUES ($1, $2) \
             ON CONFLICT (key) DO UPDATE SET bytes = excluded.bytes",
        )
        .bind(key)
        .bind(bytes.to_vec())
        .execute(&mut **tx)
        .await
        .map(|_| ())
    }

    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, sqlx::Error> {
        sqlx::query_scalar("SELECT bytes FROM asset_blobs WHERE key = $1")
            .bind(key)
            .fetch_optional(&self.0.pool)
            .await
    }
}
