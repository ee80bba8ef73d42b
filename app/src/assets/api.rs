//! Server functions of the asset library and help search: each finds out
//! who calls, parses the input and makes one call into `server/`. Files
//! are uploaded and downloaded through plain routes (server/src/asset_files.rs).

use leptos::prelude::*;

use super::{AssetDetail, AssetResults, FaqEntry, HelpResults};
use crate::error::AppError;

/// The assets the caller may see that match `q` and the chosen facets,
/// with facet counts, one page (`page` from 1; out of range counts as the
/// nearest page).
///
/// Who may call: anyone signed in (partners see only what is for their
/// type and tier). Errors: `Unauthenticated`, `Internal`.
#[server(endpoint = "assets_search")]
pub async fn search_assets(
    q: String,
    kind: Option<String>,
    use_case: Option<String>,
    industry: Option<String>,
    product: Option<String>,
    language: Option<String>,
    page: Option<i64>,
) -> Result<AssetResults, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let filter = super::SearchFilter {
        q,
        kind,
        use_case,
        industry,
        product,
        language,
        page: page.unwrap_or(1),
    };
    Ok(super::server::search(&db, &viewer, &filter, crate::auth::server::now()).await?)
}

/// Asset `id`, counting a view.
///
/// Who may call: anyone signed in who may see it. Errors:
/// `Unauthenticated`, `NotFound` (also when it is not for the caller),
/// `Internal`.
#[server(endpoint = "assets_get")]
pub async fn get_asset(id: String) -> Result<AssetDetail, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::server::detail(&db, &viewer, &id, crate::auth::server::now())
        .await?
        .ok_or(AppError::NotFound)
}

/// Adds an asset to the library and opens its page, where its file is
/// uploaded (a video link needs none).
///
/// Who may call: the program admin, vendor marketers. Errors:
/// `Unauthenticated`, `Forbidden`, `Validation`, `Internal`.
#[server(endpoint = "assets_add")]
pub async fn add_asset(asset: super::new::AssetInput) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    let id = super::server::create(
        &db,
        &viewer,
        &asset,
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await?;
    leptos_axum::redirect(&format!("/assets/{id}"));
    Ok(())
}

/// The tiers an asset may be limited to: (id, name), lowest first.
///
/// Who may call: the program admin, vendor marketers. Errors:
/// `Unauthenticated`, `Forbidden`, `Internal`.
#[server(endpoint = "assets_tiers")]
pub async fn asset_tiers() -> Result<Vec<(String, String)>, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_content(&viewer)?;
    Ok(super::server::tiers(&db).await?)
}

/// Takes asset `id` out of the library; its counts are kept.
///
/// Who may call: the program admin, vendor marketers. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Internal`.
#[server(endpoint = "assets_archive")]
pub async fn archive_asset(id: String) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::archive(&db, &viewer, &id, crate::auth::server::now(), ip.as_deref()).await?;
    leptos_axum::redirect("/assets");
    Ok(())
}

/// What the help box finds for `q`: FAQ answers, the rules of engagement,
/// courses, lessons and assets the caller may see.
///
/// Who may call: anyone signed in. Errors: `Unauthenticated`, `Internal`.
#[server(endpoint = "help_search")]
pub async fn help_search(q: String) -> Result<HelpResults, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    Ok(super::server::help(&db, &viewer, &q, crate::auth::server::now()).await?)
}

/// The FAQ.
///
/// Who may call: anyone signed in. Errors: `Unauthenticated`, `Internal`.
#[server(endpoint = "help_faq")]
pub async fn faq_entries() -> Result<Vec<FaqEntry>, AppError> {
    let db = crate::db::use_db()?;
    crate::auth::server::require_viewer(&db).await?;
    Ok(super::server::faq(&db).await?)
}

/// Adds a FAQ entry, or rewrites entry `id`.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `Validation`, `NotFound`, `Internal`.
#[server(endpoint = "help_faq_save")]
pub async fn save_faq_entry(
    id: Option<String>,
    question: String,
    answer: String,
) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::save_faq(
        &db,
        &viewer,
        id.as_deref().filter(|id| !id.is_empty()),
        &question,
        &answer,
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await
}

/// Removes FAQ entry `id`.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `NotFound`, `Internal`.
#[server(endpoint = "help_faq_delete")]
pub async fn delete_faq_entry(id: String) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::delete_faq(&db, &viewer, &id, ip.as_deref()).await
}
