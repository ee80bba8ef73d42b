//! Open Badges 3.0 credentials for certificates: an `OpenBadgeCredential`
//! (JSON-LD, `validFrom` / `validUntil`, a revocation status) signed as a
//! VC-JWT with the portal's Ed25519 key (JWS `EdDSA`). Its holder, an admin
//! of their organisation or vendor staff downloads it from the printable
//! certificate; anyone checks it against the issuer's public key at
//! `/badges/issuer` and the revocation list at `/badges/revocations`.
//!
//! The recipient is named by a salted SHA-256 of their address, as the
//! specification's `IdentityObject` allows, never by the address itself.

use std::sync::Arc;

use app::{
    auth::server::{hex, now, shared_secret},
    db::Db,
    error::AppError,
    learning::{server::HeldCertificate, verify_path, CertificateStatus},
};
use axum::{
    extract::{Path, Request, State},
    http::{header, HeaderValue},
    response::{IntoResponse, Response},
    Json,
};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use ed25519_dalek::{Signer, SigningKey};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use tokio::sync::OnceCell;

use crate::plain::{denied, viewer_of};

const KEY_NAME: &str = "badges";
const ISSUER_NAME: &str = "Acme Cloud partner program";

/// The signing key, read from the database once (and created there by the
/// first server to need it, so every app server signs with the same).
#[derive(Clone, Default)]
pub struct BadgeKey(Arc<OnceCell<SigningKey>>);

impl BadgeKey {
    pub async fn get(&self, db: &Db) -> Result<&SigningKey, sqlx::Error> {
        self.0
            .get_or_try_init(|| async {
                let secret = shared_secret(db, KEY_NAME).await?;
                let seed: [u8; 32] = Sha256::digest(secret.as_bytes()).into();
                Ok(SigningKey::from_bytes(&seed))
            })
            .await
    }
}

/// The public key as a JWK (RFC 8037).
fn public_jwk(key: &SigningKey, kid: &str) -> Value {
    json!({
        "kty": "OKP",
        "crv": "Ed25519",
        "x": URL_SAFE_NO_PAD.encode(key.verifying_key().as_bytes()),
        "kid": kid,
        "use": "sig",
        "alg": "EdDSA",
    })
}

/// A Unix time as an RFC 3339 UTC timestamp.
fn timestamp(epoch: i64) -> String {
    let secs = epoch.rem_euclid(86_400);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        app::format::utc_date(epoch),
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// The credential for certificate `held`, issued from `base`.
pub fn credential(held: &HeldCertificate, base: &str) -> Value {
    let c = &held.certificate;
    let salt = &c.id;
    let identity = hex(&Sha256::digest(format!("{}{salt}", held.holder_email)));
    json!({
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
        ],
        "id": format!("{base}{}", verify_path(&c.id)),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {
            "id": format!("{base}/badges/issuer"),
            "type": ["Profile"],
            "name": ISSUER_NAME,
            "url": base,
        },
        "name": c.path_title,
        "validFrom": timestamp(c.issued_at),
        "validUntil": timestamp(c.valid_until),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{
                "type": "IdentityObject",
                "identityHash": format!("sha256${identity}"),
                "identityType": "emailAddress",
                "hashed": true,
                "salt": salt,
            }],
            "achievement": {
                "id": format!("{base}/badges/paths/{}", held.path_id),
                "type": ["Achievement"],
                "name": c.path_title,
                "description": held.path_summary,
                "criteria": {
                    "narrative": "Every course of the certification path passed, each closed by a quiz marked on the server."
                },
            },
        },
        "credentialStatus": {
            "id": format!("{base}/badges/revocations"),
            "type": "1EdTechRevocationList",
        },
    })
}

/// `credential` as a compact JWS (VC-JWT): the credential with the JWT
/// claims `iss`, `jti`, `sub`, `nbf` and `exp` (its validity, in Unix
/// seconds) added, signed `EdDSA`.
pub fn sign(credential: &Value, key: &SigningKey, kid: &str, nbf: i64, exp: i64) -> String {
    let mut payload = credential.clone();
    if let Some(claims) = payload.as_object_mut() {
        claims.insert("iss".into(), credential["issuer"]["id"].clone());
        claims.insert("jti".into(), credential["id"].clone());
        claims.insert(
            "sub".into(),
            credential["credentialSubject"]["identifier"][0]["identityHash"].clone(),
        );
        claims.insert("nbf".into(), nbf.into());
        claims.insert("exp".into(), exp.into());
    }
    let header = json!({"alg": "EdDSA", "typ": "JWT", "kid": kid});
    let input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(payload.to_string())
    );
    let signature = key.sign(input.as_bytes());
    format!("{input}.{}", URL_SAFE_NO_PAD.encode(signature.to_bytes()))
}

/// Where the issuer's key is named.
fn kid(base: &str) -> String {
    format!("{base}/badges/issuer#key-1")
}

/// `GET /learn/certificates/{id}/badge.jwt`: the credential to download.
pub async fn download(
    State((db, key, base)): State<(Db, BadgeKey, String)>,
    Path(id): Path<String>,
    req: Request,
) -> Response {
    let Some(viewer) = viewer_of(&req) else {
        return denied(&AppError::Unauthenticated);
    };
    let held = match app::learning::server::held(&db, &viewer, &id, now()).await {
        Ok(Some(held)) => held,
        Ok(None) => return denied(&AppError::NotFound),
        Err(err) => return denied(&AppError::from(err)),
    };
    if held.certificate.status == CertificateStatus::Revoked {
        return denied(&AppError::NotFound);
    }
    let key = match key.get(&db).await {
        Ok(key) => key,
        Err(err) => return denied(&AppError::from(err)),
    };
    let c = &held.certificate;
    let jwt = sign(
        &credential(&held, &base),
        key,
        &kid(&base),
        c.issued_at,
        c.valid_until,
    );
    let mut res = jwt.into_response();
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/vc+jwt"),
    );
    if let Ok(disposition) =
        HeaderValue::from_str(&format!("attachment; filename=\"certificate-{id}.jwt\""))
    {
        headers.insert(header::CONTENT_DISPOSITION, disposition);
    }
    res
}

/// `GET /badges/issuer`: the issuer's profile with its public key.
pub async fn issuer(State((db, key, base)): State<(Db, BadgeKey, String)>) -> Response {
    match key.get(&db).await {
        Ok(key) => Json(json!({
            "@context": [
                "https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
            ],
            "id": format!("{base}/badges/issuer"),
            "type": ["Profile"],
            "name": ISSUER_NAME,
            "url": base,
            "publicKeyJwk": public_jwk(key, &kid(&base)),
        }))
        .into_response(),
        Err(err) => denied(&AppError::from(err)),
    }
}

/// `GET /badges/revocations`: the credentials revoked, by id.
pub async fn revocations(State((db, _, base)): State<(Db, BadgeKey, String)>) -> Response {
    match app::learning::server::revoked(&db).await {
        Ok(ids) => Json(json!({
            "id": format!("{base}/badges/revocations"),
            "issuer": format!("{base}/badges/issuer"),
            "revokedCredentials": ids
                .iter()
                .map(|id| json!({"id": format!("{base}{}", verify_path(id))}))
                .collect::<Vec<_>>(),
        }))
        .into_response(),
        Err(err) => denied(&AppError::from(err)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_rfc_3339_in_utc() {
        assert_eq!(timestamp(1_767_225_600), "2026-01-01T00:00:00Z");
        assert_eq!(timestamp(1_767_225_600 + 3_723), "2026-01-01T01:02:03Z");
    }
}
