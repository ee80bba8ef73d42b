//! Each partner type's track, as the program admin edits it: the welcome
//! kit and the steps (saved in place, audited) and the agreement (never
//! edited: a change is a new version, hashed, which every partner of the
//! type signs again within its grace period).

use super::agreement::hash;
use crate::{
    audit::server::Entry,
    auth::{server::now, Viewer},
    db::Db,
    error::AppError,
    format::day_in,
    onboarding::{split_steps, PublishedAgreement, Step, TrackView},
    organisations::PartnerType,
};

#[derive(sqlx::FromRow)]
struct TrackRow {
    partner_type: String,
    welcome: Option<String>,
    steps: Option<String>,
    version: Option<i64>,
    title: Option<String>,
    body: Option<String>,
    sha256: Option<String>,
    grace_days: Option<i64>,
    published_at: Option<i64>,
    partners: i64,
    signed: i64,
}

/// Every partner type's track, in the order of the types.
pub async fn tracks(db: &Db) -> Result<Vec<TrackView>, sqlx::Error> {
    let rows = sqlx::query_as::<_, TrackRow>(
        "SELECT t.partner_type, t.welcome, t.steps, a.version, a.title, a.body, a.sha256, \
         a.grace_days, a.published_at, \
         (SELECT COUNT(*) FROM organisations o WHERE o.kind = 'partner' \
          AND o.partner_type = t.partner_type AND o.status IN ('onboarding', 'active', 'at_risk')) \
          AS partners, \
         (SELECT COUNT(*) FROM agreement_signatures s JOIN organisations o ON o.id = s.organisation_id \
          WHERE s.agreement_id = a.id AND o.status IN ('onboarding', 'active', 'at_risk')) AS signed \
         FROM program_tracks t LEFT JOIN agreements a ON a.partner_type = t.partner_type \
          AND a.version = (SELECT MAX(version) FROM agreements WHERE partner_type = t.partner_type)",
    )
    .fetch_all(&db.pool)
    .await?;
    Ok(PartnerType::ALL
        .iter()
        .map(|&partner_type| {
            let row = rows.iter().find(|r| r.partner_type == partner_type.code());
            let agreement = row.and_then(|r| {
                Some(PublishedAgreement {
                    version: r.version?,
                    title: r.title.clone()?,
                    body: r.body.clone()?,
                    sha256: r.sha256.clone()?,
                    grace_days: r.grace_days?,
                    published_at: r.published_at?,
                })
            });
            TrackView {
                partner_type,
                welcome: row.and_then(|r| r.welcome.clone()).unwrap_or_default(),
                steps: row
                    .and_then(|r| r.steps.as_deref())
                    .map_or_else(|| Step::ALL.to_vec(), split_steps),
                agreement,
                partners: row.map_or(0, |r| r.partners),
                signed: row.map_or(0, |r| r.signed),
            }
        })
        .collect())
}

/// Saves `partner_type`'s welcome kit and steps.
pub async fn save_track(
    db: &Db,
    viewer: &Viewer,
    partner_type: PartnerType,
    welcome: &str,
    steps: &[Step],
    ip: Option<&str>,
) -> Result<(), AppError> {
    let codes = steps.iter().map(|s| s.code()).collect::<Vec<_>>().join(",");
    let mut tx = db.write(viewer.actor(ip)).await?;
    sqlx::query(
        "INSERT INTO program_tracks (partner_type, welcome, steps) VALUES ($1, $2, $3) \
         ON CONFLICT (partner_type) DO UPDATE SET welcome = excluded.welcome, steps = excluded.steps",
    )
    .bind(partner_type.code())
    .bind(welcome)
    .bind(&codes)
    .execute(&mut *tx)
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "track_saved",
        record_type: "program_track",
        record_id: Some(partner_type.code()),
        detail: Some(&codes),
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Publishes a new version of `partner_type`'s agreement and asks every
/// live partner of the type to sign it; answers the version.
pub async fn publish_agreement(
    db: &Db,
    viewer: &Viewer,
    partner_type: PartnerType,
    title: &str,
    body: &str,
    grace_days: i64,
    ip: Option<&str>,
) -> Result<i64, AppError> {
    let at = now();
    let sha256 = hash(body);
    let mut tx = db.write(viewer.actor(ip)).await?;
    // A track exists before its agreement (the foreign key).
    sqlx::query(
        "INSERT INTO program_tracks (partner_type, welcome, steps) VALUES ($1, '', $2) \
         ON CONFLICT (partner_type) DO NOTHING",
    )
    .bind(partner_type.code())
    .bind(
        Step::ALL
            .iter()
            .map(|s| s.code())
            .collect::<Vec<_>>()
            .join(","),
    )
    .execute(&mut *tx)
    .await?;
    let previous: Option<i64> =
        sqlx::query_scalar("SELECT MAX(version) FROM agreements WHERE partner_type = $1")
            .bind(partner_type.code())
            .fetch_one(&mut *tx)
            .await?;
    let version = previous.unwrap_or(0) + 1;
    let id = uuid::Uuid::new_v4().to_string();
    // Two admins publishing at once: the unique (type, version) index lets
    // one through; the other is told to reload.
    let inserted = sqlx::query(
        "INSERT INTO agreements (id, partner_type, version, title, body, sha256, grace_days, \
         published_by, published_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (partner_type, version) DO NOTHING",
    )
    .bind(&id)
    .bind(partner_type.code())
    .bind(version)
    .bind(title)
    .bind(body)
    .bind(&sha256)
    .bind(grace_days)
    .bind(&viewer.person_id)
    .bind(at)
    .execute(&mut *tx)
    .await?;
    if inserted.rows_affected() == 0 {
        return Err(AppError::Conflict(
            t!("Someone published a version at the same moment. Reload the page.").to_owned(),
        ));
    }
    let detail = format!("{} v{version} sha256 {sha256}", partner_type.code());
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "agreement_published",
        record_type: "agreement",
        record_id: Some(&id),
        detail: Some(&detail),
    })
    .await?;
    let admins: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT p.email, p.name, o.name FROM people p JOIN organisations o ON o.id = p.organisation_id \
         WHERE o.kind = 'partner' AND o.partner_type = $1 \
         AND o.status IN ('onboarding', 'active', 'at_risk') \
         AND p.role = 'partner_admin' AND p.status IN ('active', 'invited') ORDER BY p.email",
    )
    .bind(partner_type.code())
    .fetch_all(&mut *tx)
    .await?;
    let sign_by = at + grace_days * 86_400;
    for (email, name, organisation) in admins {
        tx.notify(&email, "/agreement", |l| {
            (
                t!(in l, "A new partner agreement to sign").to_owned(),
                t!(
                    in l,
                    "Hello {name},\n\nVersion {version} of \"{title}\" is published. \
                     A partner admin of {organisation} signs it in the portal by {date}; \
                     after that date, deal registration waits for the signature.\n",
                    name = name,
                    version = version,
                    title = title,
                    organisation = organisation,
                    date = day_in(l, sign_by)
                ),
            )
        })
        .await?;
    }
    tx.commit().await?;
    Ok(version)
}
