//! Publishing to the library (the program admin and vendor marketers): a
//! new asset's details, then its file, content-sniffed; archiving.

use super::store::{BlobStore, DbStore};
use crate::{
    assets::{
        new::{validate, AssetInput},
        sniff::{sniff, stored_name},
    },
    audit::server::Entry,
    auth::{policy::authorize_content, Viewer},
    db::Db,
    error::AppError,
};

/// The tiers an asset may be limited to: (id, name), lowest first.
pub async fn tiers(db: &Db) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as("SELECT id, name FROM tiers ORDER BY rank")
        .fetch_all(&db.pool)
        .await
}

/// Adds an asset from `form`; its file comes next (or it is a video
/// link and complete). Returns its id.
pub async fn create(
    db: &Db,
    viewer: &Viewer,
    form: &AssetInput,
    now: i64,
    ip: Option<&str>,
) -> Result<String, AppError> {
    authorize_content(viewer)?;
    let known: Vec<String> = tiers(db).await?.into_iter().map(|(id, _)| id).collect();
    let asset = validate(form, &known, now)?;
    let id = uuid::Uuid::new_v4().to_string();
    let mut tx = db.write(viewer.actor(ip)).await?;
    sqlx::query(
        "INSERT INTO assets (id, title, description, kind, use_case, industry, product, \
         language, partner_types, tiers, expires_at, video_url, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(&id)
    .bind(&asset.title)
    .bind(&asset.description)
    .bind(asset.kind.code())
    .bind(asset.use_case.code())
    .bind(&asset.industry)
    .bind(asset.product.code())
    .bind(asset.language.code())
    .bind(&asset.partner_types)
    .bind(&asset.tiers)
    .bind(asset.expires_at)
    .bind(&asset.video_url)
    .bind(&viewer.person_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "asset_added",
        record_type: "asset",
        record_id: Some(&id),
        detail: Some(&asset.title),
    })
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Why an uploaded file was not kept, as a code for the page's address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRefused {
    Missing,
    TooLarge,
    Unknown,
    /// The asset is a video link: it has no file.
    IsVideo,
}

impl FileRefused {
    pub fn code(self) -> &'static str {
        match self {
            FileRefused::Missing => "missing",
            FileRefused::TooLarge => "too-large",
            FileRefused::Unknown => "unknown-type",
            FileRefused::IsVideo => "video",
        }
    }
}

/// Keeps `bytes` (uploaded as `uploaded_name`) as asset `id`'s file, if
/// they are a kind the library keeps. `Ok(Err(_))`: refused, nothing
/// changed.
pub async fn attach(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    uploaded_name: &str,
    bytes: &[u8],
    ip: Option<&str>,
) -> Result<Result<(), FileRefused>, AppError> {
    authorize_content(viewer)?;
    let kind = match sniff(bytes) {
        Ok(kind) => kind,
        Err(crate::assets::SniffError::Empty) => return Ok(Err(FileRefused::Missing)),
        Err(crate::assets::SniffError::TooLarge) => return Ok(Err(FileRefused::TooLarge)),
        Err(crate::assets::SniffError::Unknown) => return Ok(Err(FileRefused::Unknown)),
    };
    let mut tx = db.write(viewer.actor(ip)).await?;
    let found: Option<(String, Option<String>)> =
        sqlx::query_as("SELECT title, video_url FROM assets WHERE id = $1 AND archived_at IS NULL")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let (title, video) = found.ok_or(AppError::NotFound)?;
    if video.is_some() {
        return Ok(Err(FileRefused::IsVideo));
    }
    let name = stored_name(uploaded_name, kind);
    let sha256 = {
        use sha2::{Digest, Sha256};
        crate::auth::tokens::hex(&Sha256::digest(bytes))
    };
    DbStore(db.clone()).put(&mut tx, id, bytes).await?;
    sqlx::query(
        "UPDATE assets SET file_name = $1, media_type = $2, byte_size = $3, sha256 = $4 \
         WHERE id = $5",
    )
    .bind(&name)
    .bind(kind.media_type())
    .bind(i64::try_from(bytes.len()).unwrap_or(i64::MAX))
    .bind(&sha256)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "asset_file_uploaded",
        record_type: "asset",
        record_id: Some(id),
        detail: Some(&format!("{title}: {name}, {} bytes", bytes.len())),
    })
    .await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// Takes asset `id` out of the library (kept, with its counts).
pub async fn archive(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    now: i64,
    ip: Option<&str>,
) -> Result<(), AppError> {
    authorize_content(viewer)?;
    let mut tx = db.write(viewer.actor(ip)).await?;
    let title: Option<String> =
        sqlx::query_scalar("SELECT title FROM assets WHERE id = $1 AND archived_at IS NULL")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let title = title.ok_or(AppError::NotFound)?;
    sqlx::query("UPDATE assets SET archived_at = $1 WHERE id = $2")
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "asset_archived",
        record_type: "asset",
        record_id: Some(id),
        detail: Some(&title),
    })
    .await?;
    Ok(tx.commit().await?)
}
