//! Random tokens and their hashes: what sessions, links, trusted devices and
//! signing keys are made of. Only a token's hash is ever stored.

use sha2::{Digest, Sha256};

pub use crate::format::now_secs as now;

/// A fresh random token, hex-encoded.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system has randomness");
    hex(&bytes)
}

pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// The secret named `name` in `signing_keys`, made by the first app server
/// to need it (a fresh token), so every server shares the same one.
pub async fn shared_secret(db: &crate::db::Db, name: &str) -> Result<String, sqlx::Error> {
    db.execute(
        sqlx::query(
            "INSERT INTO signing_keys (name, secret) VALUES ($1, $2) \
             ON CONFLICT (name) DO NOTHING",
        )
        .bind(name)
        .bind(new_token()),
    )
    .await?;
    sqlx::query_scalar("SELECT secret FROM signing_keys WHERE name = $1")
        .bind(name)
        .fetch_one(&db.pool)
        .await
}

/// Bytes as lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
