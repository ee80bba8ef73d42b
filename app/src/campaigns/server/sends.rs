//! A campaign's email, sent by its partner: recipients uploaded as CSV or
//! taken from a saved list become a draft the partner checks (who, who was
//! left out and why), then it is queued through the outbox, now or at a
//! time, at a throttled rate. Each recipient gets a secret token (only its
//! hash is kept) behind their unsubscribe page, open pixel and tracked
//! links. Only the partner's own people see sends and lists.

use std::collections::HashSet;

use crate::{
    audit::server::Entry,
    auth::{
        policy::{authorize_campaign_send, tenant_scoped},
        tokens::{new_token, token_hash},
        Viewer,
    },
    campaigns::{
        content::Part,
        landing_path,
        recipients::{Recipient, RowProblem, Upload, UploadRefused},
        render::{Brand, Medium, Renderer},
        types::{ListOption, SendPage, SendPerson, SendRow, SendView},
        SendStatus,
    },
    db::{Actor, Db, Write},
    email::server::{enqueue_campaign, CampaignMessage},
    error::AppError,
    i18n::Locale,
};

use super::{brand_of, day_of, parse_content};

/// Messages a send hands the mail server each second, at most.
pub const SENDS_PER_SECOND: i64 = 5;
/// People shown on a draft (all are counted).
const SHOWN: i64 = 50;

/// The live campaign `id` with an email, of `viewer`'s organisation:
/// (name, organisation).
async fn own_campaign(
    conn: &mut sqlx::AnyConnection,
    viewer: &Viewer,
    id: &str,
) -> Result<(String, String), AppError> {
    authorize_campaign_send(viewer)?;
    let found: Option<(String, String)> = sqlx::query_as(&format!(
        "SELECT c.name, c.organisation_id FROM campaigns c \
         WHERE c.id = $2 AND c.has_email = 1 AND c.status = 'live' AND {}",
        tenant_scoped("c.organisation_id", "$1")
    ))
    .bind(viewer.tenant_scope())
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    found.ok_or(AppError::NotFound)
}

#[derive(sqlx::FromRow)]
struct SendRecord {
    id: String,
    status: String,
    created_at: i64,
    send_at: Option<i64>,
    recipients: i64,
    delivered: i64,
    opens: i64,
    clicks: i64,
}

impl SendRecord {
    fn row(self) -> SendRow {
        SendRow {
            id: self.id,
            status: SendStatus::parse(&self.status).unwrap_or(SendStatus::Draft),
            created_at: self.created_at,
            send_at: self.send_at,
            recipients: self.recipients,
            delivered: self.delivered,
            opens: self.opens,
            clicks: self.clicks,
        }
    }
}

/// Sends with their counts; `$1` the caller's scope, `{filter}` on `s`.
fn sends_query(filter: &str) -> String {
    format!(
        "SELECT s.id, s.status, s.created_at, s.send_at, \
         CAST(COUNT(r.id) AS BIGINT) AS recipients, \
         CAST(COALESCE(SUM(CASE WHEN m.status = 'sent' THEN 1 ELSE 0 END), 0) AS BIGINT) AS delivered, \
         CAST(COALESCE(SUM(CASE WHEN r.opened_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS opens, \
         CAST(COALESCE(SUM(CASE WHEN r.clicked_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS clicks \
         FROM campaign_sends s LEFT JOIN campaign_recipients r ON r.send_id = s.id \
         LEFT JOIN outbox m ON m.id = r.outbox_id \
         WHERE {} AND {filter} \
         GROUP BY s.id, s.status, s.created_at, s.send_at ORDER BY s.created_at DESC, s.id",
        tenant_scoped("s.organisation_id", "$1")
    )
}

/// `/campaigns/:id/send`: the campaign, the partner's saved lists and the
/// campaign's sends so far.
pub async fn send_page(db: &Db, viewer: &Viewer, campaign: &str) -> Result<SendPage, AppError> {
    let mut conn = db.reader().await?;
    let (name, organisation) = own_campaign(&mut conn, viewer, campaign).await?;
    let lists: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT l.id, l.name, CAST(COUNT(m.email_key) AS BIGINT) FROM recipient_lists l \
         LEFT JOIN recipient_list_members m ON m.list_id = l.id \
         WHERE l.organisation_id = $1 GROUP BY l.id, l.name ORDER BY l.name",
    )
    .bind(&organisation)
    .fetch_all(&mut *conn)
    .await?;
    let sends: Vec<SendRecord> = sqlx::query_as(&sends_query(
        "s.campaign_id = $2 AND s.status <> 'discarded'",
    ))
    .bind(viewer.tenant_scope())
    .bind(campaign)
    .fetch_all(&mut *conn)
    .await?;
    Ok(SendPage {
        campaign_id: campaign.to_owned(),
        campaign: name,
        lists: lists
            .into_iter()
            .map(|(id, name, people)| ListOption { id, name, people })
            .collect(),
        sends: sends.into_iter().map(SendRecord::row).collect(),
    })
}

/// A draft of campaign `campaign` to the people of `upload` (from
/// `source`), less anyone who unsubscribed from the partner before; saved
/// as list `save_as` too when named. Returns the draft's id.
async fn draft(
    tx: &mut Write,
    campaign: &str,
    organisation: &str,
    source: &str,
    upload: Upload,
    save_as: Option<&str>,
    viewer: &Viewer,
) -> Result<Result<String, UploadRefused>, AppError> {
    let now = crate::auth::server::now();
    let unsubscribed: HashSet<String> = sqlx::query_scalar::<_, String>(
        "SELECT email_key FROM campaign_unsubscribes WHERE organisation_id = $1",
    )
    .bind(organisation)
    .fetch_all(&mut **tx)
    .await?
    .into_iter()
    .collect();
    let (gone, people): (Vec<Recipient>, Vec<Recipient>) = upload
        .recipients
        .into_iter()
        .partition(|r| unsubscribed.contains(r.email.as_str()));
    if let Some(name) = save_as {
        let list = uuid::Uuid::new_v4().to_string();
        let taken: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM recipient_lists WHERE organisation_id = $1 AND name = $2",
        )
        .bind(organisation)
        .bind(name)
        .fetch_optional(&mut **tx)
        .await?;
        if taken.is_some() {
            return Ok(Err(UploadRefused::ListTaken));
        }
        sqlx::query(
            "INSERT INTO recipient_lists (id, organisation_id, name, created_by, created_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&list)
        .bind(organisation)
        .bind(name)
        .bind(&viewer.person_id)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        for person in &people {
            sqlx::query(
                "INSERT INTO recipient_list_members (list_id, email, email_key, name, company) \
                 VALUES ($1, $2, $2, $3, $4)",
            )
            .bind(&list)
            .bind(person.email.as_str())
            .bind(&person.name)
            .bind(&person.company)
            .execute(&mut **tx)
            .await?;
        }
    }
    if people.is_empty() {
        return Ok(Err(UploadRefused::NobodyLeft));
    }
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO campaign_sends (id, campaign_id, organisation_id, status, source, created_by, \
         created_at, duplicates, unsubscribed) VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7, $8)",
    )
    .bind(&id)
    .bind(campaign)
    .bind(organisation)
    .bind(source)
    .bind(&viewer.person_id)
    .bind(now)
    .bind(upload.duplicates as i64)
    .bind(gone.len() as i64)
    .execute(&mut **tx)
    .await?;
    for (position, person) in people.iter().enumerate() {
        let recipient = uuid::Uuid::new_v4().to_string();
        sqlx::query(
            "INSERT INTO campaign_recipients (id, send_id, campaign_id, organisation_id, position, \
             email, email_key, name, company, token_hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9)",
        )
        .bind(&recipient)
        .bind(&id)
        .bind(campaign)
        .bind(organisation)
        .bind(position as i64)
        .bind(person.email.as_str())
        .bind(&person.name)
        .bind(&person.company)
        // No token until the send is queued: nothing reaches anyone before.
        .bind(format!("draft:{recipient}"))
        .execute(&mut **tx)
        .await?;
    }
    for (line, problem) in &upload.problems {
        sqlx::query(
            "INSERT INTO campaign_send_problems (send_id, line, problem) VALUES ($1, $2, $3)",
        )
        .bind(&id)
        .bind(*line as i64)
        .bind(problem.code())
        .execute(&mut **tx)
        .await?;
    }
    Ok(Ok(id))
}

/// A draft of campaign `campaign` from an uploaded CSV file `file` with
/// content `bytes`, saved as list `save_as` too when it is not blank.
pub async fn draft_from_upload(
    db: &Db,
    viewer: &Viewer,
    campaign: &str,
    file: &str,
    bytes: &[u8],
    save_as: &str,
    ip: Option<&str>,
) -> Result<Result<String, UploadRefused>, AppError> {
    let mut tx = db.write(Actor::person(&viewer.person_id, ip)).await?;
    let (_, organisation) = own_campaign(&mut tx, viewer, campaign).await?;
    let upload = match crate::campaigns::recipients::read(bytes) {
        Ok(upload) => upload,
        Err(refused) => return Ok(Err(refused)),
    };
    let save_as = save_as.trim();
    if save_as.chars().count() > 100 {
        return Err(AppError::field(
            "list",
            crate::t!("Keep the list's name under 100 characters."),
        ));
    }
    let source = if file.trim().is_empty() {
        "upload.csv"
    } else {
        file.trim()
    };
    let source: String = source.chars().take(200).collect();
    let made = draft(
        &mut tx,
        campaign,
        &organisation,
        &source,
        upload,
        (!save_as.is_empty()).then_some(save_as),
        viewer,
    )
    .await?;
    if made.is_ok() {
        tx.commit().await?;
    }
    Ok(made)
}

/// A draft of campaign `campaign` to the partner's saved list `list`.
pub async fn draft_from_list(
    db: &Db,
    viewer: &Viewer,
    campaign: &str,
    list: &str,
    ip: Option<&str>,
) -> Result<Result<String, UploadRefused>, AppError> {
    let mut tx = db.write(Actor::person(&viewer.person_id, ip)).await?;
    let (_, organisation) = own_campaign(&mut tx, viewer, campaign).await?;
    let name: Option<String> = sqlx::query_scalar(
        "SELECT name FROM recipient_lists WHERE id = $1 AND organisation_id = $2",
    )
    .bind(list)
    .bind(&organisation)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(name) = name else {
        return Ok(Err(UploadRefused::UnknownList));
    };
    let members: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT email, name, company FROM recipient_list_members WHERE list_id = $1 ORDER BY email",
    )
    .bind(list)
    .fetch_all(&mut *tx)
    .await?;
    let upload = Upload {
        recipients: members
            .into_iter()
            .filter_map(|(email, name, company)| {
                crate::values::Email::parse(&email).map(|email| Recipient {
                    email,
                    name,
                    company,
                })
            })
            .collect(),
        ..Upload::default()
    };
    let made = draft(
        &mut tx,
        campaign,
        &organisation,
        &name,
        upload,
        None,
        viewer,
    )
    .await?;
    if made.is_ok() {
        tx.commit().await?;
    }
    Ok(made)
}

#[derive(sqlx::FromRow)]
struct SendHead {
    campaign_id: String,
    campaign: String,
    source: String,
    duplicates: i64,
    unsubscribed: i64,
}

/// Send `id` of `viewer`'s organisation.
pub async fn send_view(db: &Db, viewer: &Viewer, id: &str) -> Result<SendView, AppError> {
    authorize_campaign_send(viewer)?;
    let mut conn = db.reader().await?;
    let record: Option<SendRecord> = sqlx::query_as(&sends_query("s.id = $2"))
        .bind(viewer.tenant_scope())
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    let row = record.ok_or(AppError::NotFound)?.row();
    let head: SendHead = sqlx::query_as(
        "SELECT s.campaign_id, c.name AS campaign, s.source, s.duplicates, s.unsubscribed \
         FROM campaign_sends s JOIN campaigns c ON c.id = s.campaign_id WHERE s.id = $1",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    let problems: Vec<(i64, String)> = sqlx::query_as(
        "SELECT line, problem FROM campaign_send_problems WHERE send_id = $1 ORDER BY line",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let people: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT email, name, company FROM campaign_recipients WHERE send_id = $1 \
         ORDER BY position LIMIT $2",
    )
    .bind(id)
    .bind(SHOWN)
    .fetch_all(&mut *conn)
    .await?;
    Ok(SendView {
        row,
        campaign_id: head.campaign_id,
        campaign: head.campaign,
        source: head.source,
        duplicates: head.duplicates,
        unsubscribed: head.unsubscribed,
        problems: problems
            .into_iter()
            .filter_map(|(line, p)| RowProblem::parse(&p).map(|p| (line, p)))
            .collect(),
        people: people
            .into_iter()
            .map(|(email, name, company)| SendPerson {
                email,
                name,
                company,
            })
            .collect(),
    })
}

/// What `{link}` becomes in campaign `slug`'s email from `partner`: its
/// landing page, or without one the partner's website (else the portal).
/// The send and the click redirect both read it here, so link numbers
/// always mean the same addresses.
fn email_link(brand: &Brand, base: &str, partner: &str, slug: &str, has_page: bool) -> String {
    if has_page {
        format!("{base}{}", landing_path(partner, slug))
    } else {
        brand.website_url().unwrap_or_else(|| base.to_owned())
    }
}

#[derive(sqlx::FromRow)]
struct DraftRow {
    campaign_id: String,
    organisation_id: String,
    content: String,
    slug: String,
    has_page: i64,
    language: String,
}

/// Queues draft `id` of `viewer`'s organisation to leave at `at` (now if
/// earlier), one message per recipient, `SENDS_PER_SECOND` a second. The
/// links in them lead below the portal's address `base`.
pub async fn queue(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    at: i64,
    base: &str,
    ip: Option<&str>,
) -> Result<(), AppError> {
    authorize_campaign_send(viewer)?;
    let now = crate::auth::server::now();
    let at = at.max(now);
    let mut tx = db.write(Actor::person(&viewer.person_id, ip)).await?;
    let found: Option<DraftRow> = sqlx::query_as(&format!(
        "SELECT s.campaign_id, s.organisation_id, c.content, c.slug, c.has_page, t.language \
         FROM campaign_sends s JOIN campaigns c ON c.id = s.campaign_id \
         JOIN campaign_templates t ON t.id = c.template_id \
         WHERE s.id = $2 AND s.status = 'draft' AND c.status = 'live' AND {}",
        tenant_scoped("s.organisation_id", "$1")
    ))
    .bind(viewer.tenant_scope())
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let draft = found.ok_or(AppError::NotFound)?;
    let content = parse_content(&draft.content)?;
    let (brand, partner) = brand_of(&mut tx, &draft.organisation_id, base)
        .await?
        .ok_or(AppError::NotFound)?;
    let link = email_link(&brand, base, &partner, &draft.slug, draft.has_page == 1);
    let locale = Locale::parse(&draft.language).unwrap_or_default();
    let renderer = Renderer {
        content: &content,
        brand: &brand,
        link: &link,
        locale,
    };
    let subject = brand.fill(&content.subject, &link, false);
    let people: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT id, email, position FROM campaign_recipients WHERE send_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    for (recipient, email, position) in &people {
        let token = new_token();
        let own = format!("{base}/e/{token}");
        let unsubscribe = format!("{own}/unsubscribe");
        let html = renderer.render(
            Part::Email,
            &Medium::Email {
                unsubscribe: unsubscribe.clone(),
                pixel: Some(format!("{own}/open.gif")),
                clicks: Some(format!("{own}/")),
            },
        );
        let text = renderer.text_version(Part::Email, &unsubscribe);
        let message = uuid::Uuid::new_v4().to_string();
        enqueue_campaign(
            &mut *tx,
            &CampaignMessage {
                id: &message,
                to: email,
                subject: &subject,
                text: &text,
                html: &html,
                unsubscribe: &unsubscribe,
                at: at + position / SENDS_PER_SECOND,
            },
        )
        .await?;
        sqlx::query("UPDATE campaign_recipients SET token_hash = $1, outbox_id = $2 WHERE id = $3")
            .bind(token_hash(&token))
            .bind(&message)
            .bind(recipient)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("UPDATE campaign_sends SET status = 'queued', send_at = $1 WHERE id = $2")
        .bind(at)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO campaign_daily (campaign_id, day, sends) VALUES ($1, $2, $3) \
         ON CONFLICT (campaign_id, day) DO UPDATE SET sends = campaign_daily.sends + excluded.sends",
    )
    .bind(&draft.campaign_id)
    .bind(day_of(at))
    .bind(people.len() as i64)
    .execute(&mut *tx)
    .await?;
    let detail = format!("{} recipients", people.len());
    tx.audit(Entry {
        organisation_id: Some(&draft.organisation_id),
        action: "campaign.email_queued",
        record_type: "campaign",
        record_id: Some(&draft.campaign_id),
        detail: Some(&detail),
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Drops draft `id` of `viewer`'s organisation; returns its campaign.
pub async fn discard(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    ip: Option<&str>,
) -> Result<String, AppError> {
    authorize_campaign_send(viewer)?;
    let mut tx = db.write(Actor::person(&viewer.person_id, ip)).await?;
    let done = sqlx::query(&format!(
        "UPDATE campaign_sends SET status = 'discarded' WHERE id = $2 AND status = 'draft' AND {}",
        tenant_scoped("organisation_id", "$1")
    ))
    .bind(viewer.tenant_scope())
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    let campaign: String =
        sqlx::query_scalar("SELECT campaign_id FROM campaign_sends WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
    tx.commit().await?;
    Ok(campaign)
}

/// A recipient as found by the token in their links.
#[derive(sqlx::FromRow)]
pub struct Tracked {
    pub id: String,
    pub campaign_id: String,
    pub organisation_id: String,
    pub email_key: String,
    pub partner: String,
    pub language: String,
    pub unsubscribed: i64,
}

impl Tracked {
    pub fn locale(&self) -> Locale {
        Locale::parse(&self.language).unwrap_or_default()
    }
}

/// The recipient whose token is `token`; `None` for a made-up one.
pub async fn tracked(db: &Db, token: &str) -> Result<Option<Tracked>, sqlx::Error> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    sqlx::query_as(
        "SELECT r.id, r.campaign_id, r.organisation_id, r.email_key, o.name AS partner, \
         t.language, CAST(CASE WHEN u.email_key IS NULL THEN 0 ELSE 1 END AS BIGINT) AS unsubscribed \
         FROM campaign_recipients r JOIN organisations o ON o.id = r.organisation_id \
         JOIN campaigns c ON c.id = r.campaign_id \
         JOIN campaign_templates t ON t.id = c.template_id \
         LEFT JOIN campaign_unsubscribes u ON u.organisation_id = r.organisation_id \
         AND u.email_key = r.email_key WHERE r.token_hash = $1",
    )
    .bind(token_hash(token))
    .fetch_optional(&db.pool)
    .await
}

/// Marks `column` (opened_at or clicked_at) of `recipient` the first time,
/// and counts it for the day in `counter`.
async fn first(
    db: &Db,
    recipient: &Tracked,
    column: &str,
    counter: &str,
    now: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = db.write(Actor::system()).await?;
    let changed = sqlx::query(&format!(
        "UPDATE campaign_recipients SET {column} = $1 WHERE id = $2 AND {column} IS NULL"
    ))
    .bind(now)
    .bind(&recipient.id)
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() == 1 {
        sqlx::query(&format!(
            "INSERT INTO campaign_daily (campaign_id, day, {counter}) VALUES ($1, $2, 1) \
             ON CONFLICT (campaign_id, day) DO UPDATE SET {counter} = campaign_daily.{counter} + 1"
        ))
        .bind(&recipient.campaign_id)
        .bind(day_of(now))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
    }
    Ok(())
}

/// The recipient loaded the email's images: an approximate open.
pub async fn record_open(db: &Db, recipient: &Tracked, now: i64) -> Result<(), sqlx::Error> {
    first(db, recipient, "opened_at", "opens", now).await
}

/// Where tracked link `n` of the recipient's email leads (looked up in
/// the campaign as sent, never read from the link), the click counted.
pub async fn click(
    db: &Db,
    base: &str,
    recipient: &Tracked,
    n: usize,
    now: i64,
) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(String, String, i64)> =
        sqlx::query_as("SELECT content, slug, has_page FROM campaigns WHERE id = $1")
            .bind(&recipient.campaign_id)
            .fetch_optional(&db.pool)
            .await?;
    let Some((content, slug, has_page)) = row else {
        return Ok(None);
    };
    let content = parse_content(&content)?;
    let mut conn = db.pool.acquire().await?;
    let Some((brand, partner)) = brand_of(&mut conn, &recipient.organisation_id, base).await?
    else {
        return Ok(None);
    };
    drop(conn);
    let link = email_link(&brand, base, &partner, &slug, has_page == 1);
    let target = Renderer {
        content: &content,
        brand: &brand,
        link: &link,
        locale: recipient.locale(),
    }
    .links(Part::Email)
    .into_iter()
    .nth(n);
    if target.is_some() {
        first(db, recipient, "clicked_at", "clicks", now).await?;
    }
    Ok(target)
}

/// The recipient asked for no more of the partner's email.
pub async fn unsubscribe(db: &Db, recipient: &Tracked, now: i64) -> Result<(), sqlx::Error> {
    db.execute(
        sqlx::query(
            "INSERT INTO campaign_unsubscribes (organisation_id, email_key, campaign_id, at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (organisation_id, email_key) DO NOTHING",
        )
        .bind(&recipient.organisation_id)
        .bind(&recipient.email_key)
        .bind(&recipient.campaign_id)
        .bind(now),
    )
    .await
    .map(|_| ())
}
