//! Content streams: templates carry streams (tags). A partner takes a
//! stream either by itself (each template published in it launches for
//! the partner when it is published) or asking first (the template waits
//! on the streams page, and the partner's admins are told).

use crate::{
    audit::server::Entry,
    auth::{policy::authorize_campaign_launch, Viewer},
    campaigns::{
        authoring::stream_names,
        types::{StreamRow, StreamsView},
        StreamMode,
    },
    db::Db,
    error::AppError,
    values::comma_items,
};

use super::catalogue::open_to;

/// Every content stream with its published templates, and how the
/// caller's organisation (a partner) takes each, with the templates
/// waiting for it; for vendor staff, how many partners take each.
pub async fn streams(db: &Db, viewer: &Viewer, now: i64) -> Result<StreamsView, AppError> {
    let templates: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT t.id, t.name, t.streams FROM campaign_templates t \
         WHERE t.status = 'published' AND t.streams <> '' ORDER BY t.name, t.id",
    )
    .fetch_all(&db.pool)
    .await?;
    let mut names: Vec<String> = templates
        .iter()
        .flat_map(|(_, _, streams)| comma_items(streams))
        .collect();
    let subscriptions: Vec<(String, String, String)> = sqlx::query_as(&format!(
        "SELECT s.organisation_id, s.stream, s.mode FROM stream_subscriptions s \
         WHERE {} ORDER BY s.stream",
        crate::auth::policy::tenant_scoped("s.organisation_id", "$1")
    ))
    .bind(viewer.tenant_scope())
    .fetch_all(&db.pool)
    .await?;
    names.extend(subscriptions.iter().map(|(_, stream, _)| stream.clone()));
    names.sort();
    names.dedup();
    // Templates open to the caller, not yet launched by its organisation.
    let open: Vec<String> = if viewer.role.is_vendor() {
        Vec::new()
    } else {
        sqlx::query_scalar(&format!(
            "SELECT t.id FROM campaign_templates t WHERE {} AND NOT EXISTS \
             (SELECT 1 FROM campaigns c WHERE c.template_id = t.id AND c.organisation_id = $1)",
            open_to("$1", "$2")
        ))
        .bind(viewer.tenant_scope())
        .bind(now)
        .fetch_all(&db.pool)
        .await?
    };
    let streams = names
        .into_iter()
        .map(|name| {
            let in_stream: Vec<&(String, String, String)> = templates
                .iter()
                .filter(|(_, _, s)| comma_items(s).contains(&name))
                .collect();
            // Counts across partners are the vendor's to read.
            let takers = |mode: StreamMode| {
                let counted = subscriptions
                    .iter()
                    .filter(|(_, s, m)| *s == name && m == mode.code())
                    .count() as i64;
                if viewer.role.is_vendor() {
                    counted
                } else {
                    0
                }
            };
            let mode = if viewer.role.is_vendor() {
                None
            } else {
                subscriptions
                    .iter()
                    .find(|(_, s, _)| *s == name)
                    .and_then(|(_, _, m)| StreamMode::parse(m))
            };
            StreamRow {
                templates: in_stream.len() as i64,
                waiting: in_stream
                    .iter()
                    .filter(|(id, _, _)| mode.is_some() && open.contains(id))
                    .map(|(id, template, _)| (id.clone(), template.clone()))
                    .collect(),
                automatic: takers(StreamMode::Auto),
                asking: takers(StreamMode::Approval),
                mode,
                name,
            }
        })
        .collect();
    Ok(StreamsView {
        streams,
        may_subscribe: authorize_campaign_launch(viewer).is_ok(),
    })
}

/// Sets how `viewer`'s organisation takes stream `stream`: `mode` is a
/// [`StreamMode`] code, or empty to stop taking it.
pub async fn subscribe(
    db: &Db,
    viewer: &Viewer,
    stream: &str,
    mode: &str,
    now: i64,
    ip: Option<&str>,
) -> Result<(), AppError> {
    authorize_campaign_launch(viewer)?;
    let name = match stream_names(stream).as_deref() {
        Some([name]) => name.clone(),
        _ => {
            return Err(AppError::field(
                "stream",
                crate::t!("Choose a stream from the list."),
            ))
        }
    };
    let mode =
        match mode {
            "" => None,
            code => Some(StreamMode::parse(code).ok_or_else(|| {
                AppError::field("mode", crate::t!("Choose how to take the stream."))
            })?),
        };
    let mut tx = db.write(viewer.actor(ip)).await?;
    sqlx::query("DELETE FROM stream_subscriptions WHERE organisation_id = $1 AND stream = $2")
        .bind(&viewer.organisation_id)
        .bind(&name)
        .execute(&mut *tx)
        .await?;
    if let Some(mode) = mode {
        sqlx::query(
            "INSERT INTO stream_subscriptions (organisation_id, stream, mode, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&viewer.organisation_id)
        .bind(&name)
        .bind(mode.code())
        .bind(&viewer.person_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "stream.subscription_set",
        record_type: "stream",
        record_id: None,
        detail: Some(&format!(
            "{name}: {}",
            mode.map_or("none", StreamMode::code)
        )),
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

/// After template `template` is published by `viewer`: each partner
/// taking one of its streams by itself gets it launched (unless it
/// launched it already, or the template is not open to it); a partner
/// asking first, or whose launch preflight stops (a missing logo), is
/// told it waits. Answers how many launched. Runs after the publish is
/// kept: a partner that cannot be served is told, and the rest go on.
pub async fn deliver_to_streams(
    db: &Db,
    viewer: &Viewer,
    template: &str,
    now: i64,
    ip: Option<&str>,
) -> Result<usize, AppError> {
    let (name, streams): (String, String) =
        sqlx::query_as("SELECT name, streams FROM campaign_templates WHERE id = $1")
            .bind(template)
            .fetch_one(&db.pool)
            .await?;
    let streams = comma_items(&streams);
    if streams.is_empty() {
        return Ok(0);
    }
    let subscribers: Vec<(String, String, String)> = sqlx::query_as(&format!(
        "SELECT s.organisation_id, s.stream, s.mode FROM stream_subscriptions s \
         JOIN campaign_templates t ON t.id = $1 \
         WHERE {} AND NOT EXISTS (SELECT 1 FROM campaigns c \
         WHERE c.template_id = t.id AND c.organisation_id = s.organisation_id) \
         ORDER BY s.organisation_id, CASE WHEN s.mode = 'auto' THEN 0 ELSE 1 END, s.stream",
        open_to("s.organisation_id", "$2")
    ))
    .bind(template)
    .bind(now)
    .fetch_all(&db.pool)
    .await?;
    let mut launched = 0;
    let mut served: Vec<String> = Vec::new();
    // Per partner, an automatic stream wins over one that asks first.
    for (organisation, stream, mode) in subscribers {
        if !streams.contains(&stream) || served.contains(&organisation) {
            continue;
        }
        served.push(organisation.clone());
        let why = if StreamMode::parse(&mode) == Some(StreamMode::Auto) {
            match super::launch(db, viewer, template, &[], Some(&organisation), now, ip).await {
                Ok(_) => {
                    launched += 1;
                    continue;
                }
                Err(AppError::Conflict(found)) => Some(found),
                // Not a live partner (onboarding, suspended): not served.
                Err(AppError::Forbidden | AppError::NotFound) => continue,
                Err(e) => return Err(e),
            }
        } else {
            None
        };
        let mut tx = db.write(viewer.actor(ip)).await?;
        for (email, _) in tx.partner_admins(&organisation).await? {
            let (name, stream, why) = (name.clone(), stream.clone(), why.clone());
            tx.notify(&email, "/campaigns/streams", |l| {
                let title = crate::t!(in l, "New in your stream {stream}: {name}", stream = stream, name = name);
                let body = match why {
                    Some(why) => crate::t!(in l, "It could not launch by itself: {why} Launch it from your streams once that is fixed.", why = why),
                    None => crate::t!(in l, "The vendor published {name}. Look at it and launch it from your streams.", name = name),
                };
                (title, body)
            })
            .await?;
        }
        tx.commit().await?;
    }
    Ok(launched)
}
