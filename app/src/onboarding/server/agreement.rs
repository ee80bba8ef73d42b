//! The partner agreement: the current version for a partner's type, the
//! click-to-sign record (typed name and title, time, address, browser and
//! the SHA-256 of the exact text; append-only in the database), the
//! printable copy, and the gate that stops deal registration when a
//! partner has not signed the version in force.

use sha2::{Digest, Sha256};
use sqlx::AnyConnection;

use crate::{
    audit::server::Entry,
    auth::{
        policy::tenant_scoped,
        server::{now, RequestInfo},
        Viewer,
    },
    db::Db,
    error::AppError,
    onboarding::{AgreementView, SignatureView},
};

/// The SHA-256 of `body`, in lower-case hex: what a signature vouches for.
pub fn hash(body: &str) -> String {
    Sha256::digest(body.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[derive(sqlx::FromRow)]
struct AgreementRow {
    id: String,
    version: i64,
    title: String,
    body: String,
    sha256: String,
    grace_days: i64,
    published_at: i64,
}

/// The version in force for organisation `organisation_id`'s type.
async fn in_force(
    conn: &mut AnyConnection,
    organisation_id: &str,
) -> Result<Option<AgreementRow>, sqlx::Error> {
    sqlx::query_as::<_, AgreementRow>(
        "SELECT a.id, a.version, a.title, a.body, a.sha256, a.grace_days, a.published_at \
         FROM agreements a JOIN organisations o ON o.partner_type = a.partner_type \
         WHERE o.id = $1 ORDER BY a.version DESC LIMIT 1",
    )
    .bind(organisation_id)
    .fetch_optional(&mut *conn)
    .await
}

/// The newest version the organisation signed, if any.
async fn signed_version(
    conn: &mut AnyConnection,
    organisation_id: &str,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT MAX(a.version) FROM agreement_signatures s JOIN agreements a ON a.id = s.agreement_id \
         WHERE s.organisation_id = $1",
    )
    .bind(organisation_id)
    .fetch_one(&mut *conn)
    .await
}

/// The agreement in force for the viewer's organisation, with its
/// signature (`None`: the program has none for this type).
pub async fn current(db: &Db, viewer: &Viewer) -> Result<Option<AgreementView>, sqlx::Error> {
    let mut conn = db.reader().await?;
    let Some(a) = in_force(&mut conn, &viewer.organisation_id).await? else {
        return Ok(None);
    };
    let signed = signed_version(&mut conn, &viewer.organisation_id).await?;
    let signature_id: Option<String> = sqlx::query_scalar(
        "SELECT id FROM agreement_signatures WHERE agreement_id = $1 AND organisation_id = $2",
    )
    .bind(&a.id)
    .bind(&viewer.organisation_id)
    .fetch_optional(&mut *conn)
    .await?;
    drop(conn);
    let signature = match signature_id {
        Some(id) => signature(db, viewer, &id).await?,
        None => None,
    };
    // A partner that signed an earlier version may go on registering
    // during the new version's grace period.
    let sign_by = match signed {
        Some(v) if v < a.version => Some(a.published_at + a.grace_days * 86_400),
        _ => None,
    };
    Ok(Some(AgreementView {
        id: a.id,
        version: a.version,
        title: a.title,
        body: a.body,
        sha256: a.sha256,
        published_at: a.published_at,
        sign_by,
        signature,
        may_sign: viewer.role == crate::organisations::Role::PartnerAdmin,
    }))
}

/// Signs agreement `agreement_id` for the viewer's organisation.
pub async fn sign(
    db: &Db,
    viewer: &Viewer,
    agreement_id: &str,
    full_name: &str,
    title: &str,
    info: &RequestInfo,
) -> Result<String, AppError> {
    let mut tx = db.write(viewer.actor(info.ip.as_deref())).await?;
    let current = in_force(&mut tx, &viewer.organisation_id).await?;
    let Some(a) = current.filter(|a| a.id == agreement_id) else {
        return Err(AppError::field(
            "agreement",
            t!("This is not the agreement in force for your organisation. Reload the page."),
        ));
    };
    // The text signed is the text stored; its hash is computed again, so a
    // changed body could never pass for the published one.
    let sha256 = hash(&a.body);
    if sha256 != a.sha256 {
        return Err(AppError::internal(
            "an agreement's text does not match its hash",
        ));
    }
    let id = uuid::Uuid::new_v4().to_string();
    let inserted = sqlx::query(
        "INSERT INTO agreement_signatures (id, agreement_id, organisation_id, person_id, full_name, \
         title, ip, user_agent, sha256, signed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT (agreement_id, organisation_id) DO NOTHING",
    )
    .bind(&id)
    .bind(&a.id)
    .bind(&viewer.organisation_id)
    .bind(&viewer.person_id)
    .bind(full_name)
    .bind(title)
    .bind(info.ip.as_deref())
    .bind(info.user_agent.as_deref())
    .bind(&sha256)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    if inserted.rows_affected() == 0 {
        return Err(AppError::field(
            "agreement",
            t!("Your organisation has already signed this version."),
        ));
    }
    let detail = format!("{} v{} sha256 {sha256}", a.title, a.version);
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "agreement_signed",
        record_type: "agreement_signature",
        record_id: Some(&id),
        detail: Some(&detail),
    })
    .await?;
    let manager =
        crate::organisations::server::channel_manager(&mut tx, &viewer.organisation_id).await?;
    if let Some((email, name)) = manager {
        tx.notify(&email, &format!("/organisations/{}", viewer.organisation_id), |l| {
            (
                t!(in l, "{organisation} signed the partner agreement", organisation = viewer.organisation_name),
                t!(
                    in l,
                    "Hello {name},\n\n{person} signed \"{title}\" (version {version}) for {organisation}.\n",
                    name = name,
                    person = full_name,
                    title = a.title,
                    version = a.version,
                    organisation = viewer.organisation_name
                ),
            )
        })
        .await?;
    }
    tx.commit().await?;
    Ok(id)
}

#[derive(sqlx::FromRow)]
struct SignatureRow {
    id: String,
    organisation_name: String,
    agreement_title: String,
    version: i64,
    body: String,
    full_name: String,
    title: String,
    signed_at: i64,
    ip: Option<String>,
    user_agent: Option<String>,
    sha256: String,
}

/// Signature `id`, if it is within the viewer's scope.
pub async fn signature(
    db: &Db,
    viewer: &Viewer,
    id: &str,
) -> Result<Option<SignatureView>, sqlx::Error> {
    let row = sqlx::query_as::<_, SignatureRow>(&format!(
        "SELECT s.id, o.name AS organisation_name, a.title AS agreement_title, a.version, a.body, \
         s.full_name, s.title, s.signed_at, s.ip, s.user_agent, s.sha256 \
         FROM agreement_signatures s JOIN agreements a ON a.id = s.agreement_id \
         JOIN organisations o ON o.id = s.organisation_id WHERE s.id = $1 AND {}",
        tenant_scoped("s.organisation_id", "$2")
    ))
    .bind(id)
    .bind(viewer.tenant_scope())
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|r| SignatureView {
        id: r.id,
        organisation_name: r.organisation_name,
        agreement_title: r.agreement_title,
        version: r.version,
        body: r.body,
        full_name: r.full_name,
        title: r.title,
        signed_at: r.signed_at,
        ip: r.ip,
        user_agent: r.user_agent,
        sha256: r.sha256,
    }))
}

/// `Ok` when organisation `organisation_id` may register a deal: it signed
/// the agreement in force, or signed an earlier one and the new version's
/// grace period still runs, or its type has no agreement.
pub async fn gate(conn: &mut AnyConnection, organisation_id: &str) -> Result<(), AppError> {
    let Some(a) = in_force(conn, organisation_id).await? else {
        return Ok(());
    };
    match signed_version(conn, organisation_id).await? {
        Some(v) if v >= a.version => Ok(()),
        Some(_) if now() < a.published_at + a.grace_days * 86_400 => Ok(()),
        _ => Err(AppError::Conflict(
            t!("Your organisation must sign the partner agreement before registering deals: a partner admin signs it at /agreement.").to_owned(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::hash;

    #[test]
    fn the_hash_is_the_sha256_of_the_exact_text() {
        assert_eq!(
            hash(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        // One character more is another text.
        assert_ne!(hash("Terms."), hash("Terms. "));
    }
}
