//! Reading the library: searching with facets, an asset's page (a view),
//! its file (a download). What a partner sees is an allow-list in SQL:
//! assets with content, not archived, not expired, for their partner type
//! and tier. Vendor staff see everything not archived.

use std::collections::BTreeMap;

use sqlx::AnyConnection;

use super::store::{BlobStore, DbStore};
use crate::{
    assets::{
        search_terms, AssetCard, AssetDetail, AssetKind, AssetLanguage, AssetResults, Facet,
        PartnerUse, Product, SearchFilter, UseCase, ANY_INDUSTRY, MANY, PAGE,
    },
    auth::{policy::authorize_content, Viewer},
    db::{
        dialect::{asset_query, asset_text},
        Db,
    },
    recruit::Industry,
};

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

/// For the partner type bound at `$2` and the tier id at `$3`: the row
/// `$t` is for every type or theirs, and every tier or theirs (comma
/// lists; empty: all).
macro_rules! for_type_and_tier {
    ($t:literal) => {
        concat!(
            "(",
            $t,
            ".partner_types = '' OR ',' || ",
            $t,
            ".partner_types || ',' LIKE '%,' || $2 || ',%') AND (",
            $t,
            ".tiers = '' OR ',' || ",
            $t,
            ".tiers || ',' LIKE '%,' || $3 || ',%')"
        )
    };
}

/// The predicate an asset `a` must meet for the audience bound at
/// `$1` (1 for vendor staff), `$2` (partner type), `$3` (tier id) and `$4`
/// (now): listed for them, not archived, and for partners with content,
/// unexpired, and for their type and tier.
pub(super) const VISIBLE: &str = concat!(
    "a.archived_at IS NULL AND ($1 = 1 OR ((a.file_name IS NOT NULL OR a.video_url IS NOT NULL) \
     AND (a.expires_at IS NULL OR a.expires_at > $4) AND ",
    for_type_and_tier!("a"),
    "))"
);

/// [`VISIBLE`] on a row `c` of `asset_facet_counts` (unarchived assets by
/// facets and audience), with the same bindings.
const COUNTED_VISIBLE: &str = concat!(
    "c.n > 0 AND ($1 = 1 OR (c.has_content = 1 AND (c.expires_at = 0 OR c.expires_at > $4) AND ",
    for_type_and_tier!("c"),
    "))"
);

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

    /// The index terms of what this audience may see: every term of the
    /// first, one of each group of the second (migration 0023 writes
    /// them). The full-text twin of [`VISIBLE`] but for expiry, which
    /// changes with the clock and is [`UNEXPIRED`].
    fn terms(&self) -> (Vec<String>, Vec<Vec<String>>) {
        if self.vendor {
            return (vec!["=live".to_owned()], Vec::new());
        }
        let tier = self.tier_id.as_deref().unwrap_or_default().replace('-', "");
        (
            vec!["=live".to_owned(), "=content".to_owned()],
            vec![
                vec![
                    "=type=all".to_owned(),
                    term("type", self.partner_type.as_deref().unwrap_or_default()),
                ],
                vec!["=tier=all".to_owned(), term("tier", &tier)],
            ],
        )
    }
}

/// The index term `=field=value`, or one no asset has when `value` is not
/// a code (letters, digits, `_`), so a made-up value matches nothing and
/// cannot reach the engines as syntax.
fn term(field: &str, value: &str) -> String {
    if !value.is_empty() && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        format!("={field}={value}")
    } else {
        "=none".to_owned()
    }
}

/// Not expired, for the audience bound at `$2` (1 for vendor staff) at
/// the time bound at `$3`, beside a full-text match at `$1`.
const UNEXPIRED: &str = "($2 = 1 OR a.expires_at IS NULL OR a.expires_at > $3)";

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

/// The facet fields, as columns of `assets`, and as named in index terms.
const FACETS: [&str; 5] = ["kind", "use_case", "industry", "product", "language"];
const FACET_TERMS: [&str; 5] = ["kind", "use", "industry", "product", "language"];

/// One row of facet counts: a combination of facet values and how many
/// assets have it.
type Group = (String, String, String, String, String, i64);

/// The assets the viewer may see that match `filter` (words in the title,
/// description or file text; a value per facet), one page: best first,
/// or newest first with no words or more than [`MANY`] matches; with the
/// facet counts of every match before the facets narrow it.
pub async fn search(
    db: &Db,
    viewer: &Viewer,
    filter: &SearchFilter,
    now: i64,
) -> Result<AssetResults, sqlx::Error> {
    let mut conn = db.reader().await?;
    let audience = audience(&mut conn, viewer).await?;
    let words = search_terms(&filter.q);
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
    let mut results = AssetResults {
        total: 0,
        assets: Vec::new(),
        facets: Vec::new(),
        may_upload: authorize_content(viewer).is_ok(),
        broad: false,
        more: false,
        page: filter.page,
        pages: 1,
    };
    if words.is_empty() {
        browse(&mut conn, &audience, &chosen, now, &mut results).await?;
        return Ok(results);
    }
    let bounded = MANY + 1;
    let words_only = asset_query(db.backend, &words, &[], &[]);
    let text = asset_text(db.backend, "$1");
    let (from, matches) = (text.from, &text.matches);
    // How many assets have the words, counted up to one past MANY, in the
    // index alone.
    let having: i64 = sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM (SELECT 1 FROM {} WHERE {matches} LIMIT {bounded}) m",
        text.index
    ))
    .bind(&words_only)
    .fetch_one(&mut *conn)
    .await?;
    if having <= MANY {
        ranked(
            &mut conn,
            db,
            &audience,
            &chosen,
            &words_only,
            now,
            &mut results,
        )
        .await?;
        return Ok(results);
    }
    // Too many to rank or count: the index finds words, audience and
    // facets together, newest first; the total is counted up to MANY.
    let (all_of, any_of) = audience.terms();
    let mut narrowed = all_of;
    narrowed.extend(chosen.iter().map(|(i, v)| term(FACET_TERMS[*i], v)));
    let query = asset_query(db.backend, &words, &narrowed, &any_of);
    let vendor = i64::from(audience.vendor);
    let matching = format!("{from} WHERE {matches} AND {UNEXPIRED}");
    let total: i64 = sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM (SELECT 1 FROM {matching} LIMIT {bounded}) m"
    ))
    .bind(&query)
    .bind(vendor)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    results.broad = true;
    results.more = total > MANY;
    results.total = total.min(MANY);
    results.facets = every_facet();
    let offset = paginate(&mut results);
    results.assets = sqlx::query_as::<_, CardRow>(&format!(
        "SELECT {CARD_COLUMNS} FROM {matching} ORDER BY {} LIMIT {PAGE} OFFSET {offset}",
        text.newest
    ))
    .bind(&query)
    .bind(vendor)
    .bind(now)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(AssetCard::from)
    .collect();
    Ok(results)
}

/// A search whose words are in at most [`MANY`] assets: those the
/// audience may see, counted by facet, best first.
async fn ranked(
    conn: &mut AnyConnection,
    db: &Db,
    audience: &Audience,
    chosen: &[(usize, &String)],
    words_only: &str,
    now: i64,
    results: &mut AssetResults,
) -> Result<(), sqlx::Error> {
    let text = asset_text(db.backend, "$5");
    let matching = format!("{} WHERE {VISIBLE} AND {}", text.from, text.matches);
    let groups: Vec<Group> = audience
        .bind(
            sqlx::query_as(&format!(
                "SELECT a.kind, a.use_case, a.industry, a.product, a.language, COUNT(*) \
                 FROM {matching} \
                 GROUP BY a.kind, a.use_case, a.industry, a.product, a.language"
            )),
            now,
        )
        .bind(words_only)
        .fetch_all(&mut *conn)
        .await?;
    (results.total, results.facets) = tally(groups, chosen);
    let page_sql = format!(
        "SELECT {CARD_COLUMNS} FROM {matching}{} ORDER BY {} LIMIT {PAGE} OFFSET {}",
        narrowing(chosen, 6),
        text.rank,
        paginate(results)
    );
    results.assets = page(conn, audience, &page_sql, Some(words_only), chosen, now).await?;
    Ok(())
}

/// Once the total is known: counts the pages (only the first [`MANY`]
/// results are paged through), brings the page asked for into range (out
/// of range counts as the nearest page) and returns how many results come
/// before it.
fn paginate(results: &mut AssetResults) -> i64 {
    results.pages = ((results.total.min(MANY) + PAGE - 1) / PAGE).max(1);
    results.page = results.page.clamp(1, results.pages);
    (results.page - 1) * PAGE
}

/// `AND a.<facet> = $n` for each chosen facet, numbered from `first`.
fn narrowing(chosen: &[(usize, &String)], first: usize) -> String {
    chosen
        .iter()
        .enumerate()
        .map(|(n, (i, _))| format!(" AND a.{} = ${}", FACETS[*i], n + first))
        .collect()
}

/// The library with no words: facet counts from `asset_facet_counts`,
/// newest first.
async fn browse(
    conn: &mut AnyConnection,
    audience: &Audience,
    chosen: &[(usize, &String)],
    now: i64,
    results: &mut AssetResults,
) -> Result<(), sqlx::Error> {
    let groups_sql = format!(
        "SELECT c.kind, c.use_case, c.industry, c.product, c.language, \
         CAST(SUM(c.n) AS BIGINT) FROM asset_facet_counts c WHERE {COUNTED_VISIBLE} \
         GROUP BY c.kind, c.use_case, c.industry, c.product, c.language"
    );
    let groups: Vec<Group> = audience
        .bind(sqlx::query_as(&groups_sql), now)
        .fetch_all(&mut *conn)
        .await?;
    (results.total, results.facets) = tally(groups, chosen);
    let page_sql = format!(
        "SELECT {CARD_COLUMNS} FROM assets a WHERE {VISIBLE}{} \
         ORDER BY a.created_at DESC, a.id LIMIT {PAGE} OFFSET {}",
        narrowing(chosen, 5),
        paginate(results)
    );
    results.assets = page(conn, audience, &page_sql, None, chosen, now).await?;
    Ok(())
}

/// The cards of `sql`, with the audience at `$1` to `$4`, then the words
/// if any, then each chosen facet's value (see [`narrowing`]).
async fn page(
    conn: &mut AnyConnection,
    audience: &Audience,
    sql: &str,
    words: Option<&str>,
    chosen: &[(usize, &String)],
    now: i64,
) -> Result<Vec<AssetCard>, sqlx::Error> {
    let mut query = audience.bind(sqlx::query_as::<_, CardRow>(sql), now);
    if let Some(words) = words {
        query = query.bind(words);
    }
    for (_, value) in chosen {
        query = query.bind(value.as_str());
    }
    Ok(query
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(AssetCard::from)
        .collect())
}

/// The total of `groups` that meet every chosen facet, and each facet
/// value's count among those that meet the other chosen facets.
fn tally(groups: Vec<Group>, chosen: &[(usize, &String)]) -> (i64, Vec<Facet>) {
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
    let facets = counts
        .into_iter()
        .map(|((field, code), count)| Facet {
            field: field.to_owned(),
            code,
            count,
        })
        .collect();
    (total, facets)
}

/// Every value of every facet, uncounted (a search too broad to count).
fn every_facet() -> Vec<Facet> {
    let codes: [Vec<&str>; 5] = [
        AssetKind::ALL.iter().map(|v| v.code()).collect(),
        UseCase::ALL.iter().map(|v| v.code()).collect(),
        std::iter::once(ANY_INDUSTRY)
            .chain(Industry::ALL.iter().map(|v| v.code()))
            .collect(),
        Product::ALL.iter().map(|v| v.code()).collect(),
        AssetLanguage::ALL.iter().map(|v| v.code()).collect(),
    ];
    FACETS
        .iter()
        .zip(codes)
        .flat_map(|(field, codes)| {
            codes.into_iter().map(|code| Facet {
                field: (*field).to_owned(),
                code: code.to_owned(),
                count: 0,
            })
        })
        .collect()
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
