//! Two-step sign-in: TOTP (RFC 6238: SHA-1, 6 digits, 30 s, one step of
//! clock skew either way) with single-use recovery codes, and "trusted
//! devices" that skip the code for 30 days. Server only.
//!
//! Each accepted code moves the person's `totp_last_step` forward in one
//! conditional UPDATE, so a code (or an older one) never works twice, even
//! on two app servers at once.

use http::HeaderValue;
use totp_rs::{Algorithm, Builder, Secret, Totp};

use super::tokens::{new_token, now, token_hash};
use crate::{db::Db, organisations::Role};

pub const ISSUER: &str = "Trellis";
pub const RECOVERY_CODES: usize = 10;
/// The cookie that lets a device skip the code, and how long it lasts.
pub const DEVICE_COOKIE: &str = "__Host-trellis_device";
pub const DEVICE_LIFETIME: i64 = 30 * 86_400;
/// The demo's vendor staff all use this secret (README); never in real use.
pub const DEMO_SECRET: &str = "TRELLISDEMOSECRETFORVENDORSTAFF2";
/// Unambiguous characters for recovery codes (no 0/o, 1/l/i).
const RECOVERY_ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";

/// A 160-bit random secret, base32.
pub fn new_secret() -> String {
    let mut bytes = vec![0u8; 20];
    getrandom::fill(&mut bytes).expect("the operating system has randomness");
    Secret::from(bytes).to_base32()
}

/// The TOTP generator for `secret` (base32) labelled with `account`.
pub fn totp(secret: &str, account: &str) -> Option<Totp> {
    let secret = Secret::try_from_base32(secret).ok()?;
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(secret)
        .with_account_name(account.replace(':', ""))
        .with_issuer(Some(ISSUER))
        .build()
        .ok()
}

/// The code an authenticator shows for `secret` at `unix_secs`.
pub fn code_at(secret: &str, unix_secs: u64) -> Option<String> {
    totp(secret, "code").map(|t| t.generate(unix_secs).to_string())
}

/// The authenticator code typed (spaces ignored) if it is six digits.
fn six_digits(code: &str) -> Option<String> {
    let compact: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    (compact.len() == 6 && compact.bytes().all(|b| b.is_ascii_digit())).then_some(compact)
}

/// The time step `code` belongs to if it is right for `secret` now (one
/// step of skew either way); whether it was used before is the caller's
/// check.
pub fn step_of(secret: &str, code: &str) -> Option<i64> {
    let code = six_digits(code)?;
    totp(secret, "code")?
        .check(&code, now() as u64)
        .map(|step| step as i64)
}

/// The `otpauth://` link an authenticator app reads, drawn as an SVG QR
/// code (no scripts or styles, so the CSP allows it inline).
pub fn qr_svg(secret: &str, account: &str) -> Option<String> {
    crate::qr::svg(&totp(secret, account)?.to_url().ok()?)
}

/// The secret in groups of four, for typing into an app by hand.
pub fn grouped(secret: &str) -> String {
    secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Fresh recovery codes, `xxxxx-xxxxx` (about 49 bits each).
pub fn new_recovery_codes() -> Vec<String> {
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut bytes = [0u8; 10];
            getrandom::fill(&mut bytes).expect("the operating system has randomness");
            let chars: String = bytes
                .iter()
                .map(|b| RECOVERY_ALPHABET[usize::from(*b) % RECOVERY_ALPHABET.len()] as char)
                .collect();
            format!("{}-{}", &chars[..5], &chars[5..])
        })
        .collect()
}

/// A recovery code as typed: case, spaces and dashes do not matter.
fn normalise_recovery(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

pub fn recovery_hash(code: &str) -> String {
    token_hash(&normalise_recovery(code))
}

/// What a person's two-step sign-in looks like.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MfaState {
    pub email: String,
    pub role: String,
    pub totp_secret: Option<String>,
    pub totp_enabled_at: Option<i64>,
    pub require_partner_mfa: i64,
}

impl MfaState {
    pub fn enabled(&self) -> bool {
        self.totp_enabled_at.is_some() && self.totp_secret.is_some()
    }

    /// Vendor staff must use two-step sign-in; partners when the program
    /// says so.
    pub fn required(&self) -> bool {
        Role::parse(&self.role).is_some_and(Role::is_vendor) || self.require_partner_mfa == 1
    }
}

pub async fn state(db: &Db, person_id: &str) -> Result<Option<MfaState>, sqlx::Error> {
    sqlx::query_as::<_, MfaState>(
        "SELECT p.email, p.role, p.totp_secret, p.totp_enabled_at, s.require_partner_mfa \
         FROM people p CROSS JOIN program_settings s WHERE p.id = $1",
    )
    .bind(person_id)
    .fetch_optional(&db.pool)
    .await
}

/// How a submitted code was accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accepted {
    Totp,
    RecoveryCode,
}

/// Checks a code from the authenticator (six digits) or a recovery code,
/// and uses it up. `None` when it is wrong, already used or older than the
/// last accepted one.
pub async fn accept_code(
    db: &Db,
    person_id: &str,
    secret: &str,
    code: &str,
) -> Result<Option<Accepted>, sqlx::Error> {
    if six_digits(code).is_some() {
        let Some(step) = step_of(secret, code) else {
            return Ok(None);
        };
        let done = db
            .execute(
                sqlx::query(
                    "UPDATE people SET totp_last_step = $1 WHERE id = $2 \
             AND (totp_last_step IS NULL OR totp_last_step < $1)",
                )
                .bind(step)
                .bind(person_id),
            )
            .await?;
        return Ok((done.rows_affected() == 1).then_some(Accepted::Totp));
    }
    let done = db
        .execute(
            sqlx::query(
                "UPDATE recovery_codes SET used_at = $1 WHERE person_id = $2 AND code_hash = $3 \
         AND used_at IS NULL",
            )
            .bind(now())
            .bind(person_id)
            .bind(recovery_hash(code)),
        )
        .await?;
    Ok((done.rows_affected() == 1).then_some(Accepted::RecoveryCode))
}

pub async fn recovery_codes_left(db: &Db, person_id: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM recovery_codes WHERE person_id = $1 AND used_at IS NULL",
    )
    .bind(person_id)
    .fetch_one(&db.pool)
    .await
}

/// Remembers this device for `person_id`; returns the cookie's token.
pub async fn trust_device(db: &Db, person_id: &str) -> Result<String, sqlx::Error> {
    let token = new_token();
    let now = now();
    db.execute(
        sqlx::query(
            "INSERT INTO trusted_devices (id, token_hash, person_id, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(token_hash(&token))
        .bind(person_id)
        .bind(now)
        .bind(now + DEVICE_LIFETIME),
    )
    .await?;
    Ok(token)
}

/// Whether `token` (the device cookie) is a live trusted device of
/// `person_id`.
pub async fn is_trusted_device(db: &Db, person_id: &str, token: &str) -> Result<bool, sqlx::Error> {
    let found: Option<String> = sqlx::query_scalar(
        "SELECT id FROM trusted_devices WHERE token_hash = $1 AND person_id = $2 \
         AND revoked_at IS NULL AND expires_at > $3",
    )
    .bind(token_hash(token))
    .bind(person_id)
    .bind(now())
    .fetch_optional(&db.pool)
    .await?;
    Ok(found.is_some())
}

/// Forgets every trusted device of `person_id` (password changed, two-step
/// sign-in set up again). Use inside the transaction of that change.
pub async fn revoke_trusted_devices<'e, E>(executor: E, person_id: &str) -> Result<(), sqlx::Error>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query(
        "UPDATE trusted_devices SET revoked_at = $1 WHERE person_id = $2 AND revoked_at IS NULL",
    )
    .bind(now())
    .bind(person_id)
    .execute(executor)
    .await
    .map(|_| ())
}

pub fn device_cookie(token: &str) -> HeaderValue {
    HeaderValue::from_str(&format!(
        "{DEVICE_COOKIE}={token}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age={DEVICE_LIFETIME}"
    ))
    .expect("hex token is a valid header")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_6238_test_vector() {
        // RFC 6238 appendix B, SHA-1 key "12345678901234567890", last 6 digits.
        let secret = Secret::from(b"12345678901234567890".to_vec()).to_base32();
        assert_eq!(code_at(&secret, 59).as_deref(), Some("287082"));
        assert_eq!(code_at(&secret, 1_111_111_109).as_deref(), Some("081804"));
        assert_eq!(code_at(&secret, 2_000_000_000).as_deref(), Some("279037"));
    }

    #[test]
    fn secrets_are_random_160_bits() {
        let a = new_secret();
        assert_eq!(a.len(), 32);
        assert_ne!(a, new_secret());
        assert!(totp(&a, "x@y.example").is_some());
        assert!(totp(DEMO_SECRET, "x@y.example").is_some());
        assert!(totp("not base32!", "x").is_none());
    }

    #[test]
    fn qr_code_is_bare_svg_of_an_otpauth_link() {
        let svg = qr_svg(DEMO_SECRET, "priya.raman@acmecloud.example").unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(!svg.contains("<script") && !svg.contains("style="));
        let url = totp(DEMO_SECRET, "priya.raman@acmecloud.example")
            .unwrap()
            .to_url()
            .unwrap();
        assert!(url.starts_with("otpauth://totp/Trellis:priya.raman%40acmecloud.example?"));
        assert!(url.contains(&format!("secret={DEMO_SECRET}")));
    }

    #[test]
    fn recovery_codes_are_distinct_and_forgiving_to_type() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let unique: std::collections::BTreeSet<_> = codes.iter().collect();
        assert_eq!(unique.len(), RECOVERY_CODES);
        for code in &codes {
            assert_eq!(code.len(), 11);
            assert_eq!(&code[5..6], "-");
        }
        assert_eq!(recovery_hash("abcde-fghjk"), recovery_hash(" ABCDE FGHJK "));
        assert_ne!(recovery_hash("abcde-fghjk"), recovery_hash("abcde-fghjm"));
    }

    #[test]
    fn groups_the_secret_for_typing() {
        assert_eq!(grouped("ABCDEFGHIJ"), "ABCD EFGH IJ");
    }
}
