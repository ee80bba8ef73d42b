//! Server functions of campaigns: each finds out who calls, parses the
//! input and makes one call into `server/`. Landing pages and their lead
//! forms are plain public routes (server/src/landing.rs).

use leptos::prelude::*;

use super::{
    authoring::TemplateInput, CampaignView, Catalogue, LaunchView, LeadEntry, LeadImport, LeadRow,
    RoutingView, SendPage, SendView, StreamsView, TemplateEditView,
};
use crate::error::AppError;

/// The templates the caller may launch and the campaigns in their scope.
///
/// Who may call: anyone signed in (partners see the templates open to
/// their type, tier and region, and their own campaigns). Errors:
/// `Unauthenticated`, `Internal`.
#[server(endpoint = "campaigns_catalogue")]
pub async fn campaign_catalogue() -> Result<Catalogue, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::server::catalogue(&db, &viewer, crate::auth::server::now()).await
}

/// Template `id` drawn with the caller's brand (or, for a vendor marketer
/// naming `partner`, that partner's), with preflight.
///
/// Who may call: anyone signed in to whom the template is open (vendor
/// staff see a sample partner's brand; the program admin and vendor
/// marketers may name a live partner). Errors: `Unauthenticated`,
/// `Forbidden` (other vendor staff naming a partner), `NotFound`,
/// `Internal`.
#[server(endpoint = "campaigns_template")]
pub async fn campaign_template(
    id: String,
    partner: Option<String>,
) -> Result<LaunchView, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::server::launch_view(
        &db,
        &viewer,
        &id,
        crate::auth::server::now(),
        partner.as_deref(),
    )
    .await
}

/// Launches template `id` for the caller's organisation (or, for a vendor
/// marketer, for `partner`) with its rewordable blocks as `wording`, then
/// opens the campaign.
///
/// Who may call: partner people; the program admin and vendor marketers
/// for a live partner they name. Errors: `Unauthenticated`, `Forbidden`,
/// `NotFound`, `Conflict` (what preflight found), `Validation`,
/// `Internal`.
#[server(endpoint = "campaigns_launch")]
pub async fn launch_campaign(
    id: String,
    wording: Option<Vec<String>>,
    partner: Option<String>,
) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    let campaign = super::server::launch(
        &db,
        &viewer,
        &id,
        &wording.unwrap_or_default(),
        partner.as_deref(),
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await?;
    leptos_axum::redirect(&format!("/campaigns/{campaign}"));
    Ok(())
}

/// Campaign `id`, how it does and its leads.
///
/// Who may call: the launching partner's people, vendor staff. Errors:
/// `Unauthenticated`, `NotFound` (also another partner's), `Internal`.
#[server(endpoint = "campaigns_get")]
pub async fn get_campaign(id: String) -> Result<CampaignView, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::server::campaign(&db, &viewer, &id, crate::auth::server::now()).await
}

/// The leads of the caller's organisation (every partner's, for vendor
/// staff), newest first.
///
/// Who may call: anyone signed in. Errors: `Unauthenticated`, `Internal`.
#[server(endpoint = "campaigns_leads")]
pub async fn list_leads() -> Result<Vec<LeadRow>, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    Ok(super::server::leads(&db, &viewer).await?)
}

/// Moves lead `id` to `status` (accepted, working, disqualified).
///
/// Who may call: partner people, on their organisation's leads. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound` (also another partner's),
/// `Validation`, `Internal`.
#[server(endpoint = "campaigns_lead_status")]
pub async fn set_lead_status(id: String, status: String) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::change_status(
        &db,
        &viewer,
        &id,
        &status,
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await
}

/// Lead `id`, to prefill a deal registration from it.
///
/// Who may call: partner people, on their organisation's open leads.
/// Errors: `Unauthenticated`, `Forbidden`, `NotFound`, `Internal`.
#[server(endpoint = "campaigns_lead")]
pub async fn get_lead(id: String) -> Result<LeadRow, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    crate::auth::policy::authorize_lead_work(&viewer)?;
    super::server::lead(&db, &viewer, &id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Campaign `id`'s email sends and the caller's saved recipient lists.
///
/// Who may call: the launching partner's people (never vendor staff: who
/// a partner writes to is the partner's). Errors: `Unauthenticated`,
/// `Forbidden`, `NotFound`, `Internal`.
#[server(endpoint = "campaigns_sends")]
pub async fn get_send_page(id: String) -> Result<SendPage, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::server::send_page(&db, &viewer, &id).await
}

/// A draft send of campaign `campaign` to saved list `list`, then opens it.
///
/// Who may call: the launching partner's people. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Validation` (an unknown
/// list, or nobody on it left to send to), `Internal`.
#[server(endpoint = "campaigns_send_list")]
pub async fn send_to_list(campaign: String, list: String) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    match super::server::draft_from_list(&db, &viewer, &campaign, &list, ip.as_deref()).await? {
        Ok(send) => {
            leptos_axum::redirect(&format!("/campaigns/sends/{send}"));
            Ok(())
        }
        Err(refused) => Err(AppError::field("list", refused.label())),
    }
}

/// Send `id`: a draft to check, or one on its way.
///
/// Who may call: the launching partner's people. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Internal`.
#[server(endpoint = "campaigns_send_get")]
pub async fn get_send(id: String) -> Result<SendView, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::server::send_view(&db, &viewer, &id).await
}

/// Queues draft `id`: now, or at `at` (a UTC minute, `YYYY-MM-DDTHH:MM`).
///
/// Who may call: the launching partner's people. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound` (also a send already
/// queued), `Validation` (a time that is no time), `Internal`.
#[server(endpoint = "campaigns_send_queue")]
pub async fn queue_send(id: String, at: Option<String>) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    let now = crate::auth::server::now();
    let when = match at.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
        None => now,
        Some(at) => crate::format::epoch_of_minute(at).ok_or_else(|| {
            AppError::field("at", crate::t!("Enter a date and time, or send now."))
        })?,
    };
    let base = crate::people::server::public_url();
    super::server::queue(&db, &viewer, &id, when, &base, ip.as_deref()).await?;
    leptos_axum::redirect(&format!("/campaigns/sends/{id}"));
    Ok(())
}

/// Drops draft `id`, back to the campaign's sends.
///
/// Who may call: the launching partner's people. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Internal`.
#[server(endpoint = "campaigns_send_discard")]
pub async fn discard_send(id: String) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    let campaign = super::server::discard(&db, &viewer, &id, ip.as_deref()).await?;
    leptos_axum::redirect(&format!("/campaigns/{campaign}/send"));
    Ok(())
}

/// Ends campaign `id`: no more email; its landing page says it ended.
///
/// Who may call: the launching partner's people. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Internal`.
#[server(endpoint = "campaigns_end")]
pub async fn end_campaign(id: String) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::end(&db, &viewer, &id, ip.as_deref()).await
}

/// Enters a lead for the vendor and offers it to the partner the routing
/// rules pick (or keeps it unassigned when none fits).
///
/// Who may call: vendor staff. Errors: `Unauthenticated`, `Forbidden`,
/// `Validation` (the person, the region, the partner type, tier or
/// specialisation, a person already being distributed), `Internal`.
#[server(endpoint = "campaigns_lead_enter")]
pub async fn enter_lead(lead: LeadEntry) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::enter(
        &db,
        &viewer,
        &lead,
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await?;
    Ok(())
}

/// Accepts (`accept`) or declines, with `reason`, lead `id` offered to the
/// caller's organisation.
///
/// Who may call: partner people, on leads offered to their organisation.
/// Errors: `Unauthenticated`, `Forbidden`, `NotFound` (also one offered to
/// another partner, or no longer offered), `Validation` (a decline without
/// a reason), `Internal`.
#[server(endpoint = "campaigns_lead_answer")]
pub async fn answer_lead(id: String, accept: bool, reason: Option<String>) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::answer(
        &db,
        &viewer,
        &id,
        accept,
        reason.as_deref().unwrap_or_default(),
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await
}

/// The lead routing rules and the hours partners have to answer.
///
/// Who may call: vendor staff. Errors: `Unauthenticated`, `Forbidden`,
/// `Internal`.
#[server(endpoint = "campaigns_routing")]
pub async fn lead_routing() -> Result<RoutingView, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::server::routing_view(&db, &viewer).await
}

/// Sets how region, partner type, tier and specialisation count (`off`,
/// `optional`, `required`) and the hours partners have to answer.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `Validation`, `Internal`.
#[server(endpoint = "campaigns_routing_save")]
pub async fn save_lead_routing(
    region: String,
    partner_type: String,
    tier: String,
    specialisation: String,
    sla_hours: i64,
) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    let modes = [
        ("region".to_owned(), region),
        ("partner_type".to_owned(), partner_type),
        ("tier".to_owned(), tier),
        ("specialisation".to_owned(), specialisation),
    ];
    super::server::save_rules(&db, &viewer, &modes, sla_hours, ip.as_deref()).await
}

/// Starts a template named `name` in `language` (`en`, `de`) as a draft
/// and opens it in the editor.
///
/// Who may call: the program admin, vendor marketers. Errors:
/// `Unauthenticated`, `Forbidden`, `Validation`, `Internal`.
#[server(endpoint = "campaigns_template_new")]
pub async fn new_template(name: String, language: String) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    let id = super::server::create_template(
        &db,
        &viewer,
        &name,
        &language,
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await?;
    leptos_axum::redirect(&format!("/campaigns/templates/{id}/edit"));
    Ok(())
}

/// Template `id`'s draft, settings and versions, for its editor.
///
/// Who may call: the program admin, vendor marketers. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Internal`.
#[server(endpoint = "campaigns_template_draft")]
pub async fn template_draft(id: String) -> Result<TemplateEditView, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::server::edit_view(&db, &viewer, &id).await
}

/// Saves template `id`'s draft blocks and its settings (name, summary,
/// language, audience, dates, approval); partners keep the published
/// version until the next publish.
///
/// Who may call: the program admin, vendor marketers. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Validation`, `Internal`.
#[server(endpoint = "campaigns_template_save")]
pub async fn save_template(id: String, template: TemplateInput) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::save_template(
        &db,
        &viewer,
        &id,
        &template,
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await
}

/// Publishes template `id`'s saved draft as its next version.
///
/// Who may call: the program admin, vendor marketers. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Conflict` (what preflight
/// found, or a publish a moment earlier), `Internal`.
#[server(endpoint = "campaigns_template_publish")]
pub async fn publish_template(id: String) -> Result<i64, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::publish(&db, &viewer, &id, crate::auth::server::now(), ip.as_deref()).await
}

/// Takes template `id` out of the catalogue; launched campaigns run on.
///
/// Who may call: the program admin, vendor marketers. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Conflict` (never
/// published), `Internal`.
#[server(endpoint = "campaigns_template_unpublish")]
pub async fn unpublish_template(id: String) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::unpublish(&db, &viewer, &id, crate::auth::server::now(), ip.as_deref()).await
}

/// Approves (`approve`) campaign `id`, which waits because its partner
/// reworded a template that asks for approval, or returns it with `note`.
///
/// Who may call: the program admin, vendor marketers. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Conflict` (not waiting),
/// `Validation` (a return without a note), `Internal`.
#[server(endpoint = "campaigns_review")]
pub async fn review_campaign(
    id: String,
    approve: bool,
    note: Option<String>,
) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::review(
        &db,
        &viewer,
        &id,
        approve,
        note.as_deref(),
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await
}

/// The content streams, how the caller's organisation takes each and
/// the templates in them it has not launched yet (for vendor staff: how
/// many partners take each).
///
/// Who may call: anyone signed in. Errors: `Unauthenticated`, `Internal`.
#[server(endpoint = "campaigns_streams")]
pub async fn content_streams() -> Result<StreamsView, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::server::streams(&db, &viewer, crate::auth::server::now()).await
}

/// Sets how the caller's organisation takes stream `stream`: `mode`
/// `auto` (new templates launch by themselves), `approval` (they wait to
/// be launched) or empty (not at all).
///
/// Who may call: partner people. Errors: `Unauthenticated`, `Forbidden`,
/// `Validation`, `Internal`.
#[server(endpoint = "campaigns_subscribe")]
pub async fn subscribe_stream(stream: String, mode: String) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::subscribe(
        &db,
        &viewer,
        &stream,
        &mode,
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await
}

/// What lead import `id` did: leads kept and offered, rows refused with
/// why. (The file itself is posted to `/leads/import`.)
///
/// Who may call: vendor staff, for their organisation's imports. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound`, `Internal`.
#[server(endpoint = "campaigns_lead_import")]
pub async fn lead_import_report(id: String) -> Result<LeadImport, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::server::import_report(&db, &viewer, &id).await
}
