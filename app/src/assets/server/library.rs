//! Reading the library: searching with facets, an asset's page (a view),
//! its file (a download). What a partner sees is an allow-list in SQL:
//! assets with content, not archived, not expired, for their partner type
//! and tier. Vendor staff see everything not archived.

use std::collections::BTreeMap;

use sqlx::AnyConnection;

use super::store::{BlobStore, DbStore};
use crate::{
    assets::{search_terms, AssetCard, AssetDetail, AssetResults, Facet, PartnerUse, SearchFilter},
    auth::{policy::authorize_content, Viewer},
    db::{
        dialect::{asset_text, text_query},
        Db,
    },
};

/// Results on one page.
pub const PAGE: i64 = 24;

/// Who is reading: nothing for vendor staff (they see every asset), the
/// partner's type and tier for partner people.
pub(super) struct Audience {
    partner_type: Option<String>,
    tier_id: Option<String>,
    vendor: bool,
}

pub(super) async fn audience(
    conn: &mut AnyConnection,
    viewer: &Viewer,
) -> Result<Audience, sqlx::Error> {
    if viewer.role.is_vendor() {
        return Ok(Audience {
            partner_type: None,
            tier_id: None,
            vendor: true,
        });
    }
    let (partner_type, tier_id): (Option<String>, Option<String>) =
        sqlx::query_as("SELECT partner_type, tier_id FROM organisations WHERE id = $1")
            .bind(&viewer.organisation_id)
            .fetch_one(&mut *conn)
            .await?;
    Ok(Audience {
        partner_type,
        tier_id,
        vendor: false,
    })
}

/// The predicate an asset `a` must meet for the audience bound at
/// `$1` (1 for vendor staff), `$2` (partner type), `$3` (tier id) and `$4`
/// (now): listed for them, not archived, and for partners with content,
/// unexpired, and for their type and tier (a comma list; empty: all).
pub(super) const VISIBLE: &str = "a.archived_at IS NULL AND ($1 = 1 OR (\
    (a.file_name IS NOT NULL OR a.video_url IS NOT NULL) \
    AND (a.expires_at IS NULL OR a.expires_at > $4) \
    AND (a.partner_types = '' OR ',' || a.partner_types || ',' LIKE '%,' || $2 || ',%') \
    AND (a.tiers = '' OR ',' || a.tiers || ',' LIKE '%,' || $3 || ',%')))";

impl Audience {
    /// Binds `$1` to `$4` of [`VISIBLE`] on `query`.
    pub(super) fn bind<'q, O>(
        &self,
        query: sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>>,
        now: i64,
    ) -> sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>> {
        query
            .bind(i64::from(self.vendor))
            .bind(self.partner_type.clone().unwrap_or_default())
            .bind(self.tier_id.clone().unwrap_or_default())
            .bind(now)
    }
}

#[derive(sqlx::FromRow)]
struct CardRow {
    id: String,
    title: String,
    description: String,
    kind: String,
    use_case: String,
    industry: String,
    product: String,
    language: String,
    file_name: Option<String>,
    byte_size: Option<i64>,
    video_url: Option<String>,
    expires_at: Option<i64>,
}

impl From<CardRow> for AssetCard {
    fn from(r: CardRow) -> Self {
        AssetCard {
            id: r.id,
            title: r.title,
            description: r.description,
            kind: r.kind,
            use_case: r.use_case,
            industry: r.industry,
            product: r.product,
            language: r.language,
            file_name: r.file_name,
            byte_size: r.byte_size,
            video_url: r.video_url,
            expires_at: r.expires_at,
        }
    }
}

const CARD_COLUMNS: &str = "a.id, a.title, a.description, a.kind, a.use_case, a.industry, \
                            a.product, a.language, a.file_name, a.byte_size, a.video_url, \
                            a.expires_at";

/// The facet fields, as columns of `assets`.
const FACETS: [&str; 5] = ["kind", "use_case", "industry", "product", "language"];

/// The assets the viewer may see that match `filter` (words in the title,
/// description or file text; a value per facet), best first, one page;
/// with the facet counts of every match before the facets narrow it.
pub async fn search(
    db: &Db,
    viewer: &Viewer,
    filter: &SearchFilter,
    now: i64,
) -> Result<AssetResults, sqlx::Error> {
    let mut conn = db.reader().await?;
    let audience = audience(&mut conn, viewer).await?;
    let terms = search_terms(&filter.q);
    // With no words, $5 is bound all the same (to ''), so the numbering holds.
    let (join, predicate, order, query) = if terms.is_empty() {
        (
            "",
            "$5 = ''".to_owned(),
            "a.created_at DESC, a.id".to_owned(),
            String::new(),
        )
    } else {
        let text = asset_text(db.backend, "$5");
        (
            text.join,
            text.predicate,
            format!("{}, a.created_at DESC, a.id", text.rank),
            text_query(db.backend, &terms),
        )
    };
    let predicate = format!("{VISIBLE} AND {predicate}");
    // Each chosen facet narrows the results; a facet's counts are of the
    // matches narrowed by the other facets only, so a choice can be changed.
    let chosen: Vec<(usize, &String)> = [
        &filter.kind,
        &filter.use_case,
        &filter.industry,
        &filter.product,
        &filter.language,
    ]
    .into_iter()
    .enumerate()
    .filter_map(|(i, value)| value.as_ref().filter(|v| !v.is_empty()).map(|v| (i, v)))
    .collect();
    let groups_sql = format!(
        "SELECT a.kind, a.use_case, a.industry, a.product, a.language, COUNT(*) \
         FROM assets a {join} WHERE {predicate} \
         GROUP BY a.kind, a.use_case, a.industry, a.product, a.language"
    );
    let groups: Vec<(String, String, String, String, String, i64)> = audience
        .bind(sqlx::query_as(&groups_sql), now)
        .bind(&query)
        .fetch_all(&mut *conn)
        .await?;
    let narrowed = chosen
        .iter()
        .enumerate()
        .map(|(n, (i, _))| format!(" AND a.{} = ${}", FACETS[*i], n + 6))
        .collect::<String>();
    let page_sql = format!(
        "SELECT {CARD_COLUMNS} FROM assets a {join} WHERE {predicate}{narrowed} \
         ORDER BY {order} LIMIT {PAGE}"
    );
    let mut page = audience
        .bind(sqlx::query_as::<_, CardRow>(&page_sql), now)
        .bind(&query);
    for (_, value) in &chosen {
        page = page.bind(value.as_str());
    }
    let assets = page.fetch_all(&mut *conn).await?;
    let mut counts: BTreeMap<(&str, String), i64> = BTreeMap::new();
    let mut total = 0;
    for (kind, use_case, industry, product, language, n) in groups {
        let values = [kind, use_case, industry, product, language];
        // Which chosen facets this combination fails.
        let failed: Vec<usize> = chosen
            .iter()
            .filter(|(i, v)| values[*i] != **v)
            .map(|(i, _)| *i)
            .collect();
        if failed.is_empty() {
            total += n;
        }
        for (i, (field, code)) in FACETS.iter().zip(values).enumerate() {
            if failed.iter().all(|f| *f == i) {
                *counts.entry((field, code)).or_default() += n;
            }
        }
    }
    Ok(AssetResults {
        total,
        assets: assets.into_iter().map(AssetCard::from).collect(),
        facets: counts
            .into_iter()
            .map(|((field, code), count)| Facet {
                field: field.to_owned(),
                code,
                count,
            })
            .collect(),
        may_upload: authorize_content(viewer).is_ok(),
    })
}

/// The title of asset `id`, if the viewer may see it (a lesson links it).
pub async fn visible_title(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    now: i64,
) -> Result<Option<String>, sqlx::Error> {
    let mut conn = db.reader().await?;
    let audience = audience(&mut conn, viewer).await?;
    let sql = format!("SELECT a.title FROM assets a WHERE {VISIBLE} AND a.id = $5");
    let found: Option<(String,)> = audience
        .bind(sqlx::query_as(&sql), now)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(found.map(|(title,)| title))
}

/// Asset `id` if the viewer may see it, counting the view.
pub async fn detail(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    now: i64,
) -> Result<Option<AssetDetail>, sqlx::Error> {
    let mut conn = db.reader().await?;
    let audience = audience(&mut conn, viewer).await?;
    let sql = format!(
        "SELECT {CARD_COLUMNS}, a.partner_types, a.tiers FROM assets a \
         WHERE {VISIBLE} AND a.id = $5"
    );
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        card: CardRow,
        partner_types: String,
        tiers: String,
    }
    let row: Option<Row> = audience
        .bind(sqlx::query_as::<_, Row>(&sql), now)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    drop(conn);
    let Some(row) = row else {
        return Ok(None);
    };
    record(db, viewer, id, "view", now).await?;
    let mut conn = db.reader().await?;
    let (views, downloads): (i64, i64) = sqlx::query_as(
        "SELECT COALESCE(SUM(CASE WHEN kind = 'view' THEN 1 ELSE 0 END), 0), \
         COALESCE(SUM(CASE WHEN kind = 'download' THEN 1 ELSE 0 END), 0) \
         FROM asset_events WHERE asset_id = $1",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    let by_partner = if viewer.role.is_vendor() {
        let rows: Vec<(String, i64, i64)> = sqlx::query_as(
            "SELECT o.name, \
             COALESCE(SUM(CASE WHEN e.kind = 'view' THEN 1 ELSE 0 END), 0), \
             COALESCE(SUM(CASE WHEN e.kind = 'download' THEN 1 ELSE 0 END), 0) \
             FROM asset_events e JOIN organisations o ON o.id = e.organisation_id \
             WHERE e.asset_id = $1 AND o.kind = 'partner' GROUP BY o.name ORDER BY o.name",
        )
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
        rows.into_iter()
            .map(|(organisation_name, views, downloads)| PartnerUse {
                organisation_name,
                views,
                downloads,
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(Some(AssetDetail {
        card: row.card.into(),
        views,
        downloads,
        partner_types: row.partner_types,
        tiers: row.tiers,
        may_manage: authorize_content(viewer).is_ok(),
        by_partner,
    }))
}

/// A view or download of asset `id` by the viewer.
async fn record(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    kind: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = db.write(viewer.actor(None)).await?;
    sqlx::query(
        "INSERT INTO asset_events (asset_id, organisation_id, person_id, kind, at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(&viewer.organisation_id)
    .bind(&viewer.person_id)
    .bind(kind)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}

/// The file of asset `id`, if the viewer may see it: its stored name,
/// media type and bytes. Counts a download.
pub async fn file(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    now: i64,
) -> Result<Option<(String, String, Vec<u8>)>, sqlx::Error> {
    let mut conn = db.reader().await?;
    let audience = audience(&mut conn, viewer).await?;
    let sql = format!(
        "SELECT a.file_name, a.media_type FROM assets a \
         WHERE {VISIBLE} AND a.id = $5 AND a.file_name IS NOT NULL"
    );
    let found: Option<(String, String)> = audience
        .bind(sqlx::query_as::<_, (String, String)>(&sql), now)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    drop(conn);
    let Some((name, media_type)) = found else {
        return Ok(None);
    };
    let Some(bytes) = DbStore(db.clone()).get(id).await? else {
        return Ok(None);
    };
    record(db, viewer, id, "download", now).await?;
    Ok(Some((name, media_type, bytes)))
}
