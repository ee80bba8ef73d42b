//! Passwords: argon2id with OWASP's parameters (19 MiB, 2 passes, 1 lane),
//! hashed on the blocking pool so sign-ins never stall the async threads.

use std::sync::OnceLock;

use argon2::{Algorithm, Argon2, Params, PasswordHasher, PasswordVerifier, Version};

use crate::error::AppError;

/// Shortest password accepted (NIST 800-63B, ASVS 6.2.1).
pub const MIN_LENGTH: usize = 8;
/// Longest password accepted: long passphrases are welcome (ASVS asks ≥ 64).
pub const MAX_LENGTH: usize = 128;

fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("OWASP argon2id parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password into a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`).
pub async fn hash(password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        argon2()
            .hash_password(password.as_bytes())
            .map(|h| h.to_string())
            .map_err(AppError::internal)
    })
    .await
    .map_err(AppError::internal)?
}

/// Checks a password against a stored hash. With no hash (unknown account,
/// or one that never set a password) it still does the work of a check, so
/// the answer takes as long either way and does not reveal which emails exist.
pub async fn verify(password: String, stored: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || {
        let (hash, real) = match stored {
            Some(hash) => (hash, true),
            None => (dummy_hash().to_owned(), false),
        };
        let ok = argon2()
            .verify_password(password.as_bytes(), hash.as_str())
            .is_ok();
        ok && real
    })
    .await
    .unwrap_or(false)
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        argon2()
            .hash_password(b"not a real password, only for timing")
            .map(|h| h.to_string())
            .expect("hashing a constant works")
    })
}

/// The rules for a new password: length and not a well-known one. No
/// composition rules (ASVS 6.2.5).
pub fn check_new(password: &str, email: &str) -> Result<(), AppError> {
    let length = password.chars().count();
    let problem = if length < MIN_LENGTH {
        Some(t!("Use at least {min} characters.", min = MIN_LENGTH))
    } else if length > MAX_LENGTH {
        Some(t!("Use at most {max} characters.", max = MAX_LENGTH))
    } else if is_common(password) {
        Some(t!("This password is on lists attackers try first. Choose another.").to_owned())
    } else if password.eq_ignore_ascii_case(email)
        || email
            .split('@')
            .next()
            .is_some_and(|local| password.eq_ignore_ascii_case(local))
    {
        Some(t!("Do not use your email address as your password.").to_owned())
    } else {
        None
    };
    match problem {
        Some(message) => Err(AppError::field("password", &message)),
        None => Ok(()),
    }
}

/// Whether the password (case-insensitively) is on the embedded list of
/// the most common passwords seen in breaches.
pub fn is_common(password: &str) -> bool {
    static LIST: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    let list = LIST.get_or_init(|| {
        include_str!("common-passwords.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    });
    list.contains(password.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_differ_by_salt() {
        let a = hash("correct horse battery".into()).await.unwrap();
        let b = hash("correct horse battery".into()).await.unwrap();
        assert!(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert_ne!(a, b);
        assert!(verify("correct horse battery".into(), Some(a.clone())).await);
        assert!(!verify("correct horse battery!".into(), Some(a)).await);
    }

    #[tokio::test]
    async fn no_hash_never_verifies() {
        assert!(!verify("not a real password, only for timing".into(), None).await);
    }

    #[test]
    fn length_limits() {
        assert!(check_new("short1!", "a@b.example").is_err());
        assert!(check_new("eight ch", "a@b.example").is_ok());
        let long = "a fine long passphrase ".repeat(5);
        assert!(long.chars().count() > 64 && check_new(&long, "a@b.example").is_ok());
        assert!(check_new(&"x".repeat(MAX_LENGTH + 1), "a@b.example").is_err());
    }

    #[test]
    fn common_and_personal_passwords_are_refused() {
        for pw in [
            "password",
            "Password1",
            "12345678",
            "qwertyuiop",
            "iloveyou",
        ] {
            let err = check_new(pw, "a@b.example").unwrap_err();
            assert!(err.message_for("password").is_some(), "{pw} accepted");
        }
        assert!(check_new("ava.thompson", "ava.thompson@northwind.example").is_err());
        assert!(check_new(
            "Ava.Thompson@northwind.example",
            "ava.thompson@northwind.example"
        )
        .is_err());
    }
}
