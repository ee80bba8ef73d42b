//! Public landing pages: `/c/<partner>/<campaign>`, drawn by the shared
//! renderer, and the leads their forms take. Nobody is signed in here;
//! what is shown is the campaign's own content and the partner's public
//! brand, nothing else.

use crate::{
    campaigns::{
        content::Part,
        landing_path,
        lead::validate,
        render::{FormState, LeadFields, Medium, Renderer},
        CampaignStatus,
    },
    db::{Actor, Db},
    error::AppError,
    i18n::Locale,
    webhooks::WebhookEvent,
};

use super::{brand_of, day_of, parse_content};

/// Fills one address may send in an hour, across campaigns.
pub const HOURLY_FILLS: i64 = 20;

#[derive(sqlx::FromRow)]
struct LandingRow {
    id: String,
    organisation_id: String,
    name: String,
    content: String,
    status: String,
    ends_at: Option<i64>,
    language: String,
}

/// A campaign's landing page as found by its public address.
pub struct Landing {
    pub campaign_id: String,
    pub organisation_id: String,
    pub name: String,
    pub locale: Locale,
    ended: bool,
    content: crate::campaigns::content::Content,
    brand: crate::campaigns::render::Brand,
    action: String,
}

impl Landing {
    /// The stylesheet the page carries, for its Content-Security-Policy.
    pub fn style(&self) -> String {
        crate::campaigns::render::style(&self.brand)
    }

    /// The page with the lead form in state `form`.
    pub fn render(&self, form: FormState) -> String {
        Renderer {
            content: &self.content,
            brand: &self.brand,
            link: "#lead",
            locale: self.locale,
        }
        .render(
            Part::Page,
            &Medium::Page {
                action: self.action.clone(),
                ended: self.ended,
                form,
            },
        )
    }
}

/// The live or ended campaign with a landing page at
/// `/c/<partner>/<campaign>`, its logo below the portal's address
/// `base`; `None` for anything else (unknown, waiting
/// for approval, email only).
pub async fn landing(
    db: &Db,
    base: &str,
    partner: &str,
    campaign: &str,
    now: i64,
) -> Result<Option<Landing>, sqlx::Error> {
    let row: Option<LandingRow> = sqlx::query_as(
        "SELECT c.id, c.organisation_id, c.name, c.content, c.status, c.ends_at, t.language \
         FROM campaigns c JOIN organisations o ON o.id = c.organisation_id \
         JOIN campaign_templates t ON t.id = c.template_id \
         WHERE o.slug = $1 AND c.slug = $2 AND c.has_page = 1 AND c.status <> 'pending_approval'",
    )
    .bind(partner)
    .bind(campaign)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let mut conn = db.pool.acquire().await?;
    let Some((brand, slug)) = brand_of(&mut conn, &row.organisation_id, base).await? else {
        return Ok(None);
    };
    let ended = CampaignStatus::parse(&row.status) == Some(CampaignStatus::Ended)
        || row.ends_at.is_some_and(|end| end <= now);
    Ok(Some(Landing {
        action: landing_path(&slug, campaign),
        campaign_id: row.id,
        organisation_id: row.organisation_id,
        name: row.name,
        locale: Locale::parse(&row.language).unwrap_or_default(),
        ended,
        content: parse_content(&row.content)?,
        brand,
    }))
}

/// What became of a lead form.
#[derive(Debug)]
pub enum LeadOutcome {
    /// Kept (or, from a bot, quietly dropped): thank the person.
    Taken,
    /// Problems to show beside the fields; nothing was kept.
    Invalid(Vec<(String, String)>),
}

/// Takes the lead form `fields` posted to `landing` from `ip`: checked,
/// one lead per person and company for the partner (a repeat counts as
/// another fill), the partner's admins and the person who launched the
/// campaign told (with a link below `base`). `honeypot`: the hidden field
/// a person never fills.
pub async fn take_lead(
    db: &Db,
    base: &str,
    landing: &Landing,
    fields: &LeadFields,
    honeypot: bool,
    ip: Option<&str>,
    now: i64,
) -> Result<LeadOutcome, AppError> {
    if honeypot {
        return Ok(LeadOutcome::Taken);
    }
    if let Some(ip) = ip {
        let recent: i64 = sqlx::query_scalar(
            "SELECT CAST(COUNT(*) AS BIGINT) FROM lead_fills WHERE ip = $1 AND at > $2",
        )
        .bind(ip)
        .bind(now - 3600)
        .fetch_one(&db.pool)
        .await?;
        if recent >= HOURLY_FILLS {
            return Err(AppError::RateLimited {
                retry_after_secs: 3600,
            });
        }
    }
    let lead = match validate(fields, landing.locale) {
        Ok(lead) => lead,
        Err(errors) => return Ok(LeadOutcome::Invalid(errors)),
    };
    let mut tx = db.write(Actor::anonymous(ip)).await?;
    sqlx::query(
        "INSERT INTO leads (id, organisation_id, campaign_id, name, email, company, phone, message, \
         email_key, company_key, consent_at, status, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'new', $11, $11) \
         ON CONFLICT (organisation_id, email_key, company_key) DO UPDATE SET \
         fills = leads.fills + 1, updated_at = excluded.updated_at, consent_at = excluded.consent_at, \
         phone = COALESCE(excluded.phone, leads.phone), message = COALESCE(excluded.message, leads.message)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(&landing.organisation_id)
    .bind(&landing.campaign_id)
    .bind(&lead.name)
    .bind(lead.email.as_str())
    .bind(&lead.company)
    .bind(&lead.phone)
    .bind(&lead.message)
    .bind(&lead.email_key)
    .bind(&lead.company_key)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let (lead_id, fills): (String, i64) = sqlx::query_as(
        "SELECT id, fills FROM leads WHERE organisation_id = $1 AND email_key = $2 AND company_key = $3",
    )
    .bind(&landing.organisation_id)
    .bind(&lead.email_key)
    .bind(&lead.company_key)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("INSERT INTO lead_fills (campaign_id, lead_id, ip, at) VALUES ($1, $2, $3, $4)")
        .bind(&landing.campaign_id)
        .bind(&lead_id)
        .bind(ip)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO campaign_daily (campaign_id, day, fills) VALUES ($1, $2, 1) \
         ON CONFLICT (campaign_id, day) DO UPDATE SET fills = campaign_daily.fills + 1",
    )
    .bind(&landing.campaign_id)
    .bind(day_of(now))
    .execute(&mut *tx)
    .await?;
    tx.lead_event(
        &lead_id,
        if fills == 1 {
            WebhookEvent::LeadCreated
        } else {
            WebhookEvent::LeadUpdated
        },
        now,
    )
    .await?;
    if fills == 1 {
        let told: Vec<String> = sqlx::query_scalar(
            "SELECT email FROM people WHERE organisation_id = $1 AND status = 'active' \
             AND (role = 'partner_admin' OR id = (SELECT launched_by FROM campaigns WHERE id = $2)) \
             ORDER BY email",
        )
        .bind(&landing.organisation_id)
        .bind(&landing.campaign_id)
        .fetch_all(&mut *tx)
        .await?;
        let link = format!("/leads#lead-{lead_id}");
        for email in told {
            tx.notify(&email, &link, |l| {
                (
                    crate::t!(in l, "New lead from {campaign}: {name}", campaign = landing.name, name = lead.name),
                    crate::t!(
                        in l,
                        "{name} of {company} asked to be contacted through your campaign {campaign}. Open your leads in Trellis: {url}/leads",
                        name = lead.name,
                        company = lead.company,
                        campaign = landing.name,
                        url = base
                    ),
                )
            })
            .await?;
        }
    }
    tx.commit().await?;
    Ok(LeadOutcome::Taken)
}
