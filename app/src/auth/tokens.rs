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

/// Bytes as lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
