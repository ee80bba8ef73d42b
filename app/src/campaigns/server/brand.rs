//! A partner's brand as campaigns read it: name, logo, colour, contact.

use crate::{
    campaigns::{logo_path, render::Brand},
    db::Db,
};

#[derive(sqlx::FromRow)]
struct BrandRow {
    name: String,
    slug: Option<String>,
    brand_colour: Option<String>,
    contact_name: Option<String>,
    contact_email: Option<String>,
    contact_phone: Option<String>,
    website: Option<String>,
    has_logo: i64,
}

/// Organisation `id`'s brand and slug, with its logo's public address
/// below `base` (the portal's address).
pub async fn brand_of(
    conn: &mut sqlx::AnyConnection,
    id: &str,
    base: &str,
) -> Result<Option<(Brand, String)>, sqlx::Error> {
    let row: Option<BrandRow> = sqlx::query_as(
        "SELECT o.name, o.slug, o.brand_colour, o.contact_name, o.contact_email, o.contact_phone, \
         o.website, CAST(CASE WHEN EXISTS (SELECT 1 FROM organisation_logos l \
         WHERE l.organisation_id = o.id) THEN 1 ELSE 0 END AS BIGINT) AS has_logo \
         FROM organisations o WHERE o.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| {
        let slug = r.slug.unwrap_or_default();
        let brand = Brand {
            name: r.name,
            logo_url: (r.has_logo == 1).then(|| format!("{base}{}", logo_path(&slug))),
            colour: r.brand_colour,
            contact_name: r.contact_name,
            contact_email: r.contact_email,
            phone: r.contact_phone,
            website: r.website,
        };
        (brand, slug)
    }))
}

/// The logo (PNG bytes and hash) of the partner with slug `slug`, when it
/// is public: the partner has launched a campaign, or `viewer_scope`
/// (the signed-in caller's tenant scope, `Some(None)` for vendor staff)
/// may see the partner anyway, as in a preview before the first launch.
pub async fn public_logo(
    db: &Db,
    slug: &str,
    viewer_scope: Option<Option<&str>>,
) -> Result<Option<(Vec<u8>, String)>, sqlx::Error> {
    let signed_in = viewer_scope.is_some();
    let scope = viewer_scope.flatten();
    sqlx::query_as(&format!(
        "SELECT l.bytes, l.sha256 FROM organisations o \
         JOIN organisation_logos l ON l.organisation_id = o.id \
         WHERE o.slug = $1 AND o.kind = 'partner' AND ( \
         EXISTS (SELECT 1 FROM campaigns c WHERE c.organisation_id = o.id \
         AND c.status <> 'pending_approval') OR ($2 = 1 AND {}))",
        crate::auth::policy::tenant_scoped("o.id", "$3")
    ))
    .bind(slug)
    .bind(i64::from(signed_in))
    .bind(scope)
    .fetch_optional(&db.pool)
    .await
}
