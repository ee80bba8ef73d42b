//! Images vendor marketers upload for a template's image blocks. Their
//! kind is read from the bytes (PNG, JPEG, GIF or WebP only, at most
//! 5 MB); they are kept in the asset store and served publicly from
//! `/campaign-images/<id>`, since emails and landing pages show them to
//! anyone. Preflight warns of one over 1 MB.

use crate::{
    assets::{
        server::{BlobStore, DbStore},
        sniff::{sniff, stored_name, FileKind},
    },
    audit::server::Entry,
    auth::{policy::authorize_content, Viewer},
    campaigns::{
        content::Content,
        preflight::{check_image_sizes, image_addresses, Finding},
        types::TemplateImage,
        ImageRefused,
    },
    db::Db,
    error::AppError,
    i18n::Locale,
};

/// The largest image kept: 5 MB.
pub const MAX_IMAGE: usize = 5 * 1024 * 1024;

/// The public address of image `id`, below `base`.
pub fn image_url(base: &str, id: &str) -> String {
    format!("{base}/campaign-images/{id}")
}

fn blob_key(id: &str) -> String {
    format!("campaign-image:{id}")
}

/// Keeps `bytes` (uploaded as `file_name`) as an image of template
/// `template`; answers its id, or why it was refused. `NotFound` for a
/// template that does not exist.
pub async fn upload_image(
    db: &Db,
    viewer: &Viewer,
    template: &str,
    file_name: &str,
    bytes: &[u8],
    now: i64,
    ip: Option<&str>,
) -> Result<Result<String, ImageRefused>, AppError> {
    authorize_content(viewer)?;
    let exists: Option<String> =
        sqlx::query_scalar("SELECT id FROM campaign_templates WHERE id = $1")
            .bind(template)
            .fetch_optional(&db.pool)
            .await?;
    exists.ok_or(AppError::NotFound)?;
    if bytes.is_empty() {
        return Ok(Err(ImageRefused::Missing));
    }
    if bytes.len() > MAX_IMAGE {
        return Ok(Err(ImageRefused::TooLarge));
    }
    let kind = match sniff(bytes) {
        Ok(kind @ (FileKind::Png | FileKind::Jpeg | FileKind::Gif | FileKind::Webp)) => kind,
        _ => return Ok(Err(ImageRefused::NotImage)),
    };
    let id = uuid::Uuid::new_v4().to_string();
    let name = stored_name(file_name, kind);
    let mut tx = db.write(viewer.actor(ip)).await?;
    DbStore(db.clone())
        .put(&mut tx, &blob_key(&id), bytes)
        .await?;
    sqlx::query(
        "INSERT INTO campaign_images (id, template_id, name, media_type, size, uploaded_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(template)
    .bind(&name)
    .bind(kind.media_type())
    .bind(bytes.len() as i64)
    .bind(&viewer.person_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "campaign_image.uploaded",
        record_type: "campaign_template",
        record_id: Some(template),
        detail: Some(&name),
    })
    .await?;
    tx.commit().await?;
    Ok(Ok(id))
}

/// Image `id`: its media type and bytes, for anyone.
pub async fn image(db: &Db, id: &str) -> Result<Option<(String, Vec<u8>)>, sqlx::Error> {
    let media_type: Option<String> =
        sqlx::query_scalar("SELECT media_type FROM campaign_images WHERE id = $1")
            .bind(id)
            .fetch_optional(&db.pool)
            .await?;
    let Some(media_type) = media_type else {
        return Ok(None);
    };
    Ok(DbStore(db.clone())
        .get(&blob_key(id))
        .await?
        .map(|bytes| (media_type, bytes)))
}

/// The images uploaded for template `template`, newest first, with their
/// public addresses below `base`.
pub(super) async fn images_of(
    db: &Db,
    template: &str,
    base: &str,
) -> Result<Vec<TemplateImage>, sqlx::Error> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT id, name, size FROM campaign_images WHERE template_id = $1 \
         ORDER BY created_at DESC, id",
    )
    .bind(template)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, size)| TemplateImage {
            url: image_url(base, &id),
            name,
            size,
        })
        .collect())
}

/// Preflight's warnings for the images `content` shows that Trellis
/// keeps (below `base`) and that weigh too much.
pub(super) async fn image_findings(
    db: &Db,
    content: &Content,
    base: &str,
    locale: Locale,
) -> Result<Vec<Finding>, sqlx::Error> {
    let prefix = image_url(base, "");
    let mut sizes = Vec::new();
    for address in image_addresses(content) {
        let Some(id) = address.strip_prefix(&prefix) else {
            continue;
        };
        let found: Option<(String, i64)> =
            sqlx::query_as("SELECT name, size FROM campaign_images WHERE id = $1")
                .bind(id)
                .fetch_optional(&db.pool)
                .await?;
        sizes.extend(found);
    }
    Ok(check_image_sizes(&sizes, locale))
}
