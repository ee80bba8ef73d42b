//! Writing templates (the program admin and vendor marketers): a new
//! draft, saving it, publishing it as a new version once preflight finds
//! nothing that would break a launch, unpublishing it; and reviewing the
//! launches partners reworded when a template asks for approval.

use crate::{
    audit::server::Entry,
    auth::{policy::authorize_content, Viewer},
    campaigns::{
        authoring::{starter, validate, validate_start, TemplateDraft, TemplateInput, MAX_NOTE},
        content::Content,
        preflight::check_template,
        types::{TemplateCard, TemplateEditView, TemplateVersion},
        TemplateStatus,
    },
    db::Db,
    error::AppError,
    i18n::Locale,
    values::comma_items,
};

use super::{
    catalogue::{drawn, sample_brand},
    parse_content,
};

/// Starts template `name` in `language` ("en" or "de") as a draft with a
/// starter email and landing page; returns its id.
pub async fn create(
    db: &Db,
    viewer: &Viewer,
    name: &str,
    language: &str,
    now: i64,
    ip: Option<&str>,
) -> Result<String, AppError> {
    authorize_content(viewer)?;
    let (name, locale) = validate_start(name, language)?;
    let content =
        serde_json::to_string(&starter(locale)).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let id = uuid::Uuid::new_v4().to_string();
    let mut tx = db.write(viewer.actor(ip)).await?;
    sqlx::query(
        "INSERT INTO campaign_templates (id, name, summary, language, status, version, content, \
         created_by, created_at, updated_at) VALUES ($1, $2, '', $3, 'draft', 0, $4, $5, $6, $6)",
    )
    .bind(&id)
    .bind(&name)
    .bind(locale.as_str())
    .bind(&content)
    .bind(&viewer.person_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "campaign_template.created",
        record_type: "campaign_template",
        record_id: Some(&id),
        detail: Some(&name),
    })
    .await?;
    tx.commit().await?;
    Ok(id)
}

#[derive(sqlx::FromRow)]
struct DraftRow {
    name: String,
    summary: String,
    language: String,
    status: String,
    version: i64,
    content: String,
    published: Option<String>,
    partner_types: String,
    tiers: String,
    regions: String,
    starts_at: Option<i64>,
    ends_at: Option<i64>,
    requires_approval: i64,
    streams: String,
    campaigns: i64,
}

/// The date field's value for `at` (an end date shows the day it runs
/// through, one day before the stored instant).
fn date_value(at: Option<i64>, end: bool) -> String {
    at.map(|at| crate::format::utc_date(if end { at - 86_400 } else { at }))
        .unwrap_or_default()
}

/// Template `id` as its writer edits it: the draft drawn with a sample
/// partner, what preflight finds in it, its settings and versions.
pub async fn edit_view(db: &Db, viewer: &Viewer, id: &str) -> Result<TemplateEditView, AppError> {
    authorize_content(viewer)?;
    let row: DraftRow = sqlx::query_as(
        "SELECT t.name, t.summary, t.language, t.status, t.version, t.content, \
         v.content AS published, t.partner_types, t.tiers, t.regions, t.starts_at, t.ends_at, \
         t.requires_approval, t.streams, \
         CAST((SELECT COUNT(*) FROM campaigns c WHERE c.template_id = t.id) AS BIGINT) AS campaigns \
         FROM campaign_templates t \
         LEFT JOIN campaign_template_versions v ON v.template_id = t.id AND v.version = t.version \
         WHERE t.id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let content = parse_content(&row.content)?;
    let versions: Vec<(i64, Option<String>, i64)> = sqlx::query_as(
        "SELECT v.version, p.name, v.published_at FROM campaign_template_versions v \
         LEFT JOIN people p ON p.id = v.published_by WHERE v.template_id = $1 \
         ORDER BY v.version DESC",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    let locale = Locale::parse(&row.language).unwrap_or_default();
    let card = TemplateCard {
        id: id.to_owned(),
        name: row.name.clone(),
        summary: row.summary.clone(),
        status: TemplateStatus::parse(&row.status).unwrap_or(TemplateStatus::Draft),
        version: row.version,
        has_email: content.has_email(),
        has_page: content.has_page(),
        social_posts: content.social.len(),
        ends_at: row.ends_at,
    };
    let unpublished_changes = row.published.as_deref() != Some(row.content.as_str());
    let base = crate::people::server::public_url();
    let mut findings = check_template(&content, Locale::current());
    findings.extend(super::images::image_findings(db, &content, &base, Locale::current()).await?);
    let images = super::images::images_of(db, id, &base).await?;
    Ok(TemplateEditView {
        preview: drawn(
            card,
            content,
            sample_brand(locale),
            "example-partner",
            locale,
            findings,
            false,
        ),
        partner_types: comma_items(&row.partner_types),
        tiers: comma_items(&row.tiers),
        regions: comma_items(&row.regions),
        starts_on: date_value(row.starts_at, false),
        ends_on: date_value(row.ends_at, true),
        requires_approval: row.requires_approval == 1,
        streams: comma_items(&row.streams).join(", "),
        images,
        tier_options: crate::assets::server::tiers(db).await?,
        versions: versions
            .into_iter()
            .map(|(version, published_by, published_at)| TemplateVersion {
                version,
                published_by,
                published_at,
            })
            .collect(),
        unpublished_changes,
        campaigns: row.campaigns,
    })
}

/// Saves `form` as template `id`'s draft and settings. Partners keep
/// launching the published version until the next publish; the audience,
/// dates and approval apply at once.
pub async fn save(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    form: &TemplateInput,
    now: i64,
    ip: Option<&str>,
) -> Result<(), AppError> {
    authorize_content(viewer)?;
    let tiers: Vec<String> = crate::assets::server::tiers(db)
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let TemplateDraft {
        name,
        summary,
        language,
        content,
        partner_types,
        tiers,
        regions,
        starts_at,
        ends_at,
        requires_approval,
        streams,
    } = validate(form, &tiers)?;
    let json = serde_json::to_string(&content).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let mut tx = db.write(viewer.actor(ip)).await?;
    let changed = sqlx::query(
        "UPDATE campaign_templates SET name = $2, summary = $3, language = $4, content = $5, \
         partner_types = $6, tiers = $7, regions = $8, starts_at = $9, ends_at = $10, \
         requires_approval = $11, updated_at = $12, streams = $13 WHERE id = $1",
    )
    .bind(id)
    .bind(&name)
    .bind(&summary)
    .bind(language.as_str())
    .bind(&json)
    .bind(&partner_types)
    .bind(&tiers)
    .bind(&regions)
    .bind(starts_at)
    .bind(ends_at)
    .bind(i64::from(requires_approval))
    .bind(now)
    .bind(&streams)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed == 0 {
        return Err(AppError::NotFound);
    }
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "campaign_template.saved",
        record_type: "campaign_template",
        record_id: Some(id),
        detail: Some(&name),
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Publishes template `id`'s draft as its next version, refused with what
/// preflight found when something would break a launch; returns the
/// version. Campaigns already launched keep the wording they launched
/// with.
pub async fn publish(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    now: i64,
    ip: Option<&str>,
) -> Result<i64, AppError> {
    authorize_content(viewer)?;
    let mut tx = db.write(viewer.actor(ip)).await?;
    let (version, json): (i64, String) =
        sqlx::query_as("SELECT version, content FROM campaign_templates WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(AppError::NotFound)?;
    let content: Content = parse_content(&json)?;
    let blocking: Vec<String> = check_template(&content, Locale::current())
        .into_iter()
        .filter(|f| f.blocking)
        .map(|f| f.message)
        .collect();
    if !blocking.is_empty() {
        return Err(AppError::Conflict(blocking.join(" ")));
    }
    let next = version + 1;
    // Guarded by the version read above: two writers publishing at once
    // make one version, and the second is told to look again.
    let moved = sqlx::query(
        "UPDATE campaign_templates SET version = $2, status = 'published', updated_at = $3 \
         WHERE id = $1 AND version = $4",
    )
    .bind(id)
    .bind(next)
    .bind(now)
    .bind(version)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if moved == 0 {
        return Err(AppError::Conflict(
            t!("Someone published this template a moment ago: reload the page.").into(),
        ));
    }
    sqlx::query(
        "INSERT INTO campaign_template_versions (template_id, version, content, published_by, \
         published_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(next)
    .bind(&json)
    .bind(&viewer.person_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "campaign_template.published",
        record_type: "campaign_template",
        record_id: Some(id),
        detail: Some(&next.to_string()),
    })
    .await?;
    tx.commit().await?;
    // The version is kept whatever happens next; a partner that cannot
    // be served is told, and a failure here is the log's to show.
    if let Err(error) = super::streams::deliver_to_streams(db, viewer, id, now, ip).await {
        tracing::warn!(template = id, %error, "stream launches after a publish stopped");
    }
    Ok(next)
}

/// Takes template `id` out of the catalogue (no new launches; launched
/// campaigns run on). Unpublishing an unpublished template changes
/// nothing; a draft never published cannot be unpublished.
pub async fn unpublish(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    now: i64,
    ip: Option<&str>,
) -> Result<(), AppError> {
    authorize_content(viewer)?;
    let mut tx = db.write(viewer.actor(ip)).await?;
    let status: String = sqlx::query_scalar("SELECT status FROM campaign_templates WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?;
    match TemplateStatus::parse(&status) {
        Some(TemplateStatus::Unpublished) => return Ok(()),
        Some(TemplateStatus::Draft) => {
            return Err(AppError::Conflict(
                t!("This template was never published.").into(),
            ))
        }
        _ => {}
    }
    sqlx::query(
        "UPDATE campaign_templates SET status = 'unpublished', updated_at = $2 WHERE id = $1",
    )
    .bind(id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "campaign_template.unpublished",
        record_type: "campaign_template",
        record_id: Some(id),
        detail: None,
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Approves campaign `id` (it goes live) or returns it with `note` (it
/// stays off the web; its partner reads why and launches again). Either
/// way the person who launched it is told. Only a campaign waiting for
/// review can be reviewed, once.
pub async fn review(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    approve: bool,
    note: Option<&str>,
    now: i64,
    ip: Option<&str>,
) -> Result<(), AppError> {
    authorize_content(viewer)?;
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    if !approve && note.is_none_or(|n| n.chars().count() > MAX_NOTE) {
        return Err(AppError::fields([(
            "note",
            t!("Tell the partner what to change, in at most 500 characters."),
        )]));
    }
    let mut tx = db.write(viewer.actor(ip)).await?;
    let found: Option<(String, String, String, Option<i64>, String)> = sqlx::query_as(
        "SELECT c.organisation_id, c.name, c.status, c.reviewed_at, p.email FROM campaigns c \
         JOIN people p ON p.id = c.launched_by WHERE c.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let (organisation, name, status, reviewed_at, launcher) = found.ok_or(AppError::NotFound)?;
    if status != "pending_approval" || reviewed_at.is_some() {
        return Err(AppError::Conflict(
            t!("This campaign is not waiting for a review.").into(),
        ));
    }
    sqlx::query(
        "UPDATE campaigns SET status = $2, reviewed_by = $3, reviewed_at = $4, review_note = $5 \
         WHERE id = $1",
    )
    .bind(id)
    .bind(if approve { "live" } else { "pending_approval" })
    .bind(&viewer.person_id)
    .bind(now)
    .bind(if approve { None } else { note })
    .execute(&mut *tx)
    .await?;
    let link = format!("/campaigns/{id}");
    tx.notify(&launcher, &link, |l| {
        if approve {
            (
                crate::t!(in l, "Your campaign {name} is live", name = name),
                crate::t!(in l, "The vendor approved your wording of {name}; its landing page and email are ready.", name = name),
            )
        } else {
            (
                crate::t!(in l, "Your campaign {name} needs new wording", name = name),
                crate::t!(in l, "The vendor returned your wording of {name}: {note} Launch it again from the campaign catalogue with new wording.", name = name, note = note.unwrap_or_default()),
            )
        }
    })
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&organisation),
        action: if approve {
            "campaign.approved"
        } else {
            "campaign.returned"
        },
        record_type: "campaign",
        record_id: Some(id),
        detail: note,
    })
    .await?;
    tx.commit().await?;
    Ok(())
}
