//! A partner's checklist, read from what happened: a signature of the
//! current agreement, a complete profile and a logo, the welcome kit and
//! the rules opened, a colleague invited, a registration.

use sqlx::AnyConnection;

use crate::{
    audit::server::Entry,
    auth::{policy::tenant_scoped, server::now, Viewer},
    db::Db,
    error::AppError,
    onboarding::{
        checklist as states, finished, split_steps, stuck, Checklist, Facts, Step, StepView,
    },
};

#[derive(sqlx::FromRow)]
struct FactsRow {
    name: String,
    status: String,
    signed: i64,
    profile: i64,
    logo: i64,
    welcome: i64,
    people: i64,
    training: i64,
    registrations: i64,
    steps: Option<String>,
    joined_at: Option<i64>,
    onboarding_progress_at: Option<i64>,
}

/// The checklist of partner `id` within `scope`.
pub async fn load(
    conn: &mut AnyConnection,
    id: &str,
    scope: Option<&str>,
) -> Result<Option<Checklist>, sqlx::Error> {
    let row = sqlx::query_as::<_, FactsRow>(&format!(
        "SELECT o.name, o.status, \
         (SELECT COUNT(*) FROM agreement_signatures s JOIN agreements a ON a.id = s.agreement_id \
          WHERE s.organisation_id = o.id AND a.version = \
          (SELECT MAX(version) FROM agreements WHERE partner_type = o.partner_type)) AS signed, \
         CAST(CASE WHEN COALESCE(o.description, '') <> '' AND COALESCE(o.contact_name, '') <> '' \
          THEN 1 ELSE 0 END AS BIGINT) AS profile, \
         (SELECT COUNT(*) FROM organisation_logos l WHERE l.organisation_id = o.id) AS logo, \
         (SELECT COUNT(*) FROM onboarding_events e WHERE e.organisation_id = o.id \
          AND e.step = 'welcome') AS welcome, \
         (SELECT COUNT(*) FROM people p WHERE p.organisation_id = o.id) AS people, \
         (SELECT COUNT(*) FROM onboarding_events e WHERE e.organisation_id = o.id \
          AND e.step = 'training') AS training, \
         (SELECT COUNT(*) FROM deals d WHERE d.organisation_id = o.id AND d.status <> 'draft') \
          AS registrations, \
         t.steps, o.joined_at, o.onboarding_progress_at \
         FROM organisations o LEFT JOIN program_tracks t ON t.partner_type = o.partner_type \
         WHERE o.id = $1 AND o.kind = 'partner' AND {}",
        tenant_scoped("o.id", "$2")
    ))
    .bind(id)
    .bind(scope)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let skipped: Vec<String> =
        sqlx::query_scalar("SELECT step FROM onboarding_skips WHERE organisation_id = $1")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    let skipped: Vec<Step> = skipped.iter().filter_map(|s| Step::parse(s)).collect();
    let facts = Facts {
        agreement_signed: row.signed > 0,
        profile_complete: row.profile == 1,
        has_logo: row.logo > 0,
        welcome_read: row.welcome > 0,
        colleagues: row.people - 1,
        training_started: row.training > 0,
        registrations: row.registrations,
    };
    let steps = row
        .steps
        .as_deref()
        .map_or_else(|| Step::ALL.to_vec(), split_steps);
    let list = states(&facts, &steps, &skipped);
    let done = finished(&list);
    let progress_at = row.onboarding_progress_at.or(row.joined_at);
    Ok(Some(Checklist {
        organisation_id: id.to_owned(),
        organisation_name: row.name,
        onboarding: row.status == "onboarding",
        finished: done,
        stuck: progress_at.is_some_and(|at| stuck(at, done == list.len() as i64, now())),
        progress_at,
        steps: list
            .into_iter()
            .map(|(step, state)| StepView {
                step,
                state,
                href: step.href(id),
            })
            .collect(),
    }))
}

/// The checklist of organisation `id`, if the viewer may see it.
pub async fn checklist(
    db: &Db,
    viewer: &Viewer,
    id: &str,
) -> Result<Option<Checklist>, sqlx::Error> {
    let mut conn = db.reader().await?;
    load(&mut conn, id, viewer.tenant_scope()).await
}

/// Records that someone of the viewer's organisation did `step` (read the
/// welcome kit, opened the training path); the first time counts.
pub async fn record_event(db: &Db, viewer: &Viewer, step: &str) -> Result<(), sqlx::Error> {
    if viewer.role.is_vendor() {
        return Ok(());
    }
    db.execute(
        sqlx::query(
            "INSERT INTO onboarding_events (organisation_id, step, person_id, at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (organisation_id, step) DO NOTHING",
        )
        .bind(&viewer.organisation_id)
        .bind(step)
        .bind(&viewer.person_id)
        .bind(now()),
    )
    .await
    .map(|_| ())
}

/// The welcome kit of the viewer's partner type; a partner reading it
/// ticks the step.
pub async fn welcome(db: &Db, viewer: &Viewer) -> Result<String, sqlx::Error> {
    let kit: Option<String> = sqlx::query_scalar(
        "SELECT t.welcome FROM program_tracks t JOIN organisations o ON o.partner_type = t.partner_type \
         WHERE o.id = $1",
    )
    .bind(&viewer.organisation_id)
    .fetch_optional(&db.pool)
    .await?;
    record_event(db, viewer, "welcome").await?;
    Ok(kit.unwrap_or_default())
}

/// A channel manager skips `step` for partner `id` (it no longer waits).
pub async fn skip(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    step: Step,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = db.write(viewer.actor(ip)).await?;
    let inserted = sqlx::query(
        "INSERT INTO onboarding_skips (organisation_id, step, skipped_by, at) \
         SELECT id, $2, $3, $4 FROM organisations WHERE id = $1 AND kind = 'partner' \
         ON CONFLICT (organisation_id, step) DO NOTHING",
    )
    .bind(id)
    .bind(step.code())
    .bind(&viewer.person_id)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    if inserted.rows_affected() == 0 {
        let exists: Option<String> =
            sqlx::query_scalar("SELECT id FROM organisations WHERE id = $1 AND kind = 'partner'")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        return Err(match exists {
            None => AppError::NotFound,
            Some(_) => AppError::field("step", t!("This step is already skipped.")),
        });
    }
    tx.audit(Entry {
        organisation_id: Some(id),
        action: "onboarding_step_skipped",
        record_type: "organisation",
        record_id: Some(id),
        detail: Some(step.code()),
    })
    .await?;
    tx.commit().await?;
    Ok(())
}
