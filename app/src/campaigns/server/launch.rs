//! Launching a campaign: a template's published version, the partner's
//! wording, checked by preflight, frozen as the campaign's content.

use crate::{
    audit::server::Entry,
    auth::{policy::authorize_campaign_launch, Viewer},
    campaigns::CampaignStatus,
    db::Db,
    error::{AppError, FieldError},
};

use super::catalogue::{launch_view_for, launching_for};

/// Launches template `template_id` for `viewer`'s organisation (or, for a
/// vendor marketer, for `partner`) with `wording` (one text per rewordable
/// block, in order); returns the new campaign's id. Refused with what
/// preflight found when something would break it; waits for approval
/// when the template asks for it and a partner changed the wording. A
/// campaign launched on a partner's behalf is the partner's, and its
/// admins are told.
pub async fn launch(
    db: &Db,
    viewer: &Viewer,
    template_id: &str,
    wording: &[String],
    partner: Option<&str>,
    now: i64,
    ip: Option<&str>,
) -> Result<String, AppError> {
    if partner.is_none_or(str::is_empty) {
        authorize_campaign_launch(viewer)?;
    }
    let organisation = launching_for(db, viewer, partner)
        .await?
        .ok_or(AppError::Forbidden)?;
    let view = launch_view_for(db, viewer, template_id, now, Some(organisation.clone())).await?;
    let blocking: Vec<String> = view
        .findings
        .iter()
        .filter(|f| f.blocking)
        .map(|f| f.message.clone())
        .collect();
    if !blocking.is_empty() {
        return Err(AppError::Conflict(blocking.join(" ")));
    }
    let content = view.content.with_wording(wording).map_err(|_| {
        AppError::Validation(vec![FieldError {
            field: "wording".into(),
            message: crate::t!("Every text you reword needs some words, within its length limit.")
                .into(),
        }])
    })?;
    let reworded = content != view.content;
    let (requires_approval,): (i64,) =
        sqlx::query_as("SELECT requires_approval FROM campaign_templates WHERE id = $1")
            .bind(template_id)
            .fetch_one(&db.pool)
            .await?;
    // Vendor marketers approve wording; their own needs no approval.
    let status = if requires_approval == 1 && reworded && !viewer.role.is_vendor() {
        CampaignStatus::PendingApproval
    } else {
        CampaignStatus::Live
    };
    let json = serde_json::to_string(&content).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let id = uuid::Uuid::new_v4().to_string();
    let base = crate::organisations::slug_of(&view.template.name);
    let mut tx = db.write(viewer.actor(ip)).await?;
    let taken: Vec<String> = sqlx::query_scalar(
        "SELECT slug FROM campaigns WHERE organisation_id = $1 AND (slug = $2 OR slug LIKE $3)",
    )
    .bind(&organisation)
    .bind(&base)
    .bind(format!("{base}-%"))
    .fetch_all(&mut *tx)
    .await?;
    let slug = (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or(base);
    sqlx::query(
        "INSERT INTO campaigns (id, organisation_id, template_id, template_version, slug, name, \
         content, has_email, has_page, status, launched_by, launched_at, ends_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, \
         (SELECT ends_at FROM campaign_templates WHERE id = $3))",
    )
    .bind(&id)
    .bind(&organisation)
    .bind(template_id)
    .bind(view.template.version)
    .bind(&slug)
    .bind(&view.template.name)
    .bind(&json)
    .bind(i64::from(content.has_email()))
    .bind(i64::from(content.has_page()))
    .bind(status.code())
    .bind(&viewer.person_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let partner_slug: Option<String> =
        sqlx::query_scalar("SELECT slug FROM organisations WHERE id = $1")
            .bind(&organisation)
            .fetch_one(&mut *tx)
            .await?;
    let address = format!(
        "{}{}",
        crate::people::server::public_url(),
        crate::campaigns::landing_path(partner_slug.as_deref().unwrap_or_default(), &slug)
    );
    tx.schedule_posts(&id, &organisation, &content, &view.brand, &address, now)
        .await?;
    if viewer.role.is_vendor() {
        let link = format!("/campaigns/{id}");
        let name = view.template.name.clone();
        for (email, _) in tx.partner_admins(&organisation).await? {
            tx.notify(&email, &link, |l| {
                (
                    crate::t!(in l, "The vendor launched {name} for you", name = name),
                    crate::t!(in l, "A vendor marketer launched the campaign {name} with your brand and contact details. Its landing page is live; you can send its email and see its leads in Trellis.", name = name),
                )
            })
            .await?;
        }
    }
    tx.audit(Entry {
        organisation_id: Some(&organisation),
        action: "campaign_launched",
        record_type: "campaign",
        record_id: Some(&id),
        detail: Some(&view.template.name),
    })
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Ends campaign `id` of `viewer`'s organisation: no more email goes out,
/// and its landing page says it has ended (its form still takes leads, so
/// nobody who follows an old link is turned away). Ending an ended
/// campaign changes nothing. `NotFound` for another partner's.
pub async fn end(db: &Db, viewer: &Viewer, id: &str, ip: Option<&str>) -> Result<(), AppError> {
    authorize_campaign_launch(viewer)?;
    let mut tx = db
        .write(crate::db::Actor::person(&viewer.person_id, ip))
        .await?;
    let found: Option<(String, String)> = sqlx::query_as(&format!(
        "SELECT organisation_id, status FROM campaigns WHERE id = $2 AND {}",
        crate::auth::policy::tenant_scoped("organisation_id", "$1")
    ))
    .bind(viewer.tenant_scope())
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let (organisation, status) = found.ok_or(AppError::NotFound)?;
    if CampaignStatus::parse(&status) == Some(CampaignStatus::Ended) {
        return Ok(());
    }
    sqlx::query("UPDATE campaigns SET status = 'ended' WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.audit(Entry {
        organisation_id: Some(&organisation),
        action: "campaign.ended",
        record_type: "campaign",
        record_id: Some(id),
        detail: None,
    })
    .await?;
    tx.commit().await?;
    Ok(())
}
