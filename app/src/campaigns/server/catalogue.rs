//! Reading campaigns: the catalogue of templates a partner may launch, a
//! template drawn with the caller's brand, a launched campaign.

use crate::{
    auth::{
        policy::{authorize_content, tenant_scoped},
        Viewer,
    },
    campaigns::{
        content::Content,
        landing_path,
        preflight::{check_launch, Finding},
        render::Brand,
        types::{CampaignCard, CampaignView, Catalogue, LaunchView, ReviewRow, TemplateCard},
        CampaignStatus, TemplateStatus,
    },
    db::Db,
    error::AppError,
    i18n::Locale,
    people::server::public_url,
};

use super::{brand_of, day_of, parse_content};

#[derive(sqlx::FromRow)]
struct TemplateRow {
    id: String,
    name: String,
    summary: String,
    status: String,
    version: i64,
    content: String,
    language: String,
    ends_at: Option<i64>,
}

const TEMPLATE_COLUMNS: &str =
    "t.id, t.name, t.summary, t.status, t.version, t.language, t.ends_at, \
     COALESCE(v.content, t.content) AS content";

impl TemplateRow {
    fn card(&self) -> Result<TemplateCard, sqlx::Error> {
        let content = parse_content(&self.content)?;
        Ok(TemplateCard {
            id: self.id.clone(),
            name: self.name.clone(),
            summary: self.summary.clone(),
            status: TemplateStatus::parse(&self.status).unwrap_or(TemplateStatus::Draft),
            version: self.version,
            has_email: content.has_email(),
            has_page: content.has_page(),
            social_posts: content.social.len(),
            ends_at: self.ends_at,
        })
    }
}

/// The SQL condition "template `t` is open to the partner `$1` now
/// (`$2`)": published, in its dates, for the partner's type, tier and
/// region. Vendor staff (`$1` NULL) see every template.
pub(super) fn open_to(partner: &str, now: &str) -> String {
    let listed = |column: &str, value: &str| {
        format!(
            "(t.{column} = '' OR ',' || t.{column} || ',' LIKE '%,' || \
             (SELECT {value} FROM organisations p WHERE p.id = {partner}) || ',%')"
        )
    };
    format!(
        "(CAST({partner} AS TEXT) IS NULL OR (t.status = 'published' \
         AND (t.starts_at IS NULL OR t.starts_at <= {now}) AND (t.ends_at IS NULL OR t.ends_at > {now}) \
         AND {} AND {} AND {}))",
        listed("partner_types", "p.partner_type"),
        listed("tiers", "p.tier_id"),
        listed("regions", "p.region"),
    )
}

/// The templates `viewer` may launch (every one, for vendor staff) and
/// the newest campaigns in their scope.
pub async fn catalogue(db: &Db, viewer: &Viewer, now: i64) -> Result<Catalogue, AppError> {
    let rows: Vec<TemplateRow> = sqlx::query_as(&format!(
        "SELECT {TEMPLATE_COLUMNS} FROM campaign_templates t \
         LEFT JOIN campaign_template_versions v ON v.template_id = t.id AND v.version = t.version \
         WHERE {} ORDER BY t.updated_at DESC, t.id LIMIT 200",
        open_to("$1", "$2")
    ))
    .bind(viewer.tenant_scope())
    .bind(now)
    .fetch_all(&db.pool)
    .await?;
    let templates = rows
        .iter()
        .map(TemplateRow::card)
        .collect::<Result<_, _>>()?;
    let campaigns = campaign_cards(db, viewer, Which::Newest).await?;
    let rollup = if viewer.role.is_vendor() {
        Some(super::rollup::rollup(db).await?)
    } else {
        None
    };
    let may_author = authorize_content(viewer).is_ok();
    let reviews = if may_author {
        reviews(db, viewer).await?
    } else {
        Vec::new()
    };
    Ok(Catalogue {
        templates,
        campaigns,
        may_launch: !viewer.role.is_vendor(),
        rollup,
        may_author,
        reviews,
    })
}

#[derive(sqlx::FromRow)]
struct CampaignRow {
    id: String,
    name: String,
    organisation_name: String,
    status: String,
    launched_at: i64,
    partner_slug: Option<String>,
    slug: String,
    has_page: i64,
    views: i64,
    leads: i64,
    review_note: Option<String>,
}

impl From<CampaignRow> for CampaignCard {
    fn from(r: CampaignRow) -> CampaignCard {
        CampaignCard {
            landing_path: (r.has_page == 1)
                .then(|| landing_path(r.partner_slug.as_deref().unwrap_or_default(), &r.slug)),
            id: r.id,
            name: r.name,
            organisation_name: r.organisation_name,
            status: CampaignStatus::parse(&r.status).unwrap_or(CampaignStatus::Live),
            launched_at: r.launched_at,
            views: r.views,
            leads: r.leads,
            returned: r.review_note,
        }
    }
}

/// Which of the campaigns in scope to read.
#[derive(Clone, Copy)]
enum Which<'a> {
    /// The newest 100.
    Newest,
    /// Only this one.
    One(&'a str),
    /// Those waiting for a vendor marketer's review.
    Waiting,
}

/// Campaigns in `viewer`'s scope, newest first.
async fn campaign_cards(
    db: &Db,
    viewer: &Viewer,
    which: Which<'_>,
) -> Result<Vec<CampaignCard>, sqlx::Error> {
    let (id, waiting) = match which {
        Which::Newest => ("", 0),
        Which::One(id) => (id, 0),
        Which::Waiting => ("", 1),
    };
    let rows: Vec<CampaignRow> = sqlx::query_as(&format!(
        "SELECT c.id, c.name, o.name AS organisation_name, c.status, c.launched_at, \
         o.slug AS partner_slug, c.slug, \
         c.has_page, c.review_note, \
         CAST(COALESCE((SELECT SUM(d.views) FROM campaign_daily d WHERE d.campaign_id = c.id), 0) AS BIGINT) AS views, \
         CAST((SELECT COUNT(*) FROM leads l WHERE l.campaign_id = c.id) AS BIGINT) AS leads \
         FROM campaigns c JOIN organisations o ON o.id = c.organisation_id \
         WHERE {} AND ($2 = '' OR c.id = $2) \
         AND ($3 = 0 OR (c.status = 'pending_approval' AND c.reviewed_at IS NULL)) \
         ORDER BY c.launched_at DESC, c.id LIMIT 100",
        tenant_scoped("c.organisation_id", "$1")
    ))
    .bind(viewer.tenant_scope())
    .bind(id)
    .bind(waiting)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(CampaignCard::from).collect())
}

/// What each reworded block said in `before` and says in `after`.
fn changes(before: &Content, after: &Content) -> Vec<(String, String)> {
    before
        .editable()
        .into_iter()
        .filter_map(|(part, i)| {
            let was = before.slots(part).get(i)?.block.wording()?;
            let now = after.slots(part).get(i)?.block.wording()?;
            (was != now).then(|| (was.to_owned(), now.to_owned()))
        })
        .collect()
}

/// The reworded launches waiting for review, oldest changes first, with
/// what each partner changed.
async fn reviews(db: &Db, viewer: &Viewer) -> Result<Vec<ReviewRow>, sqlx::Error> {
    let cards = campaign_cards(db, viewer, Which::Waiting).await?;
    // Each waiting campaign's words beside its template version's, in one read.
    let words: Vec<(String, String, String)> = sqlx::query_as(&format!(
        "SELECT c.id, c.content, v.content FROM campaigns c \
         JOIN campaign_template_versions v ON v.template_id = c.template_id \
         AND v.version = c.template_version \
         WHERE c.status = 'pending_approval' AND c.reviewed_at IS NULL AND {}",
        tenant_scoped("c.organisation_id", "$1")
    ))
    .bind(viewer.tenant_scope())
    .fetch_all(&db.pool)
    .await?;
    // A campaign reviewed between the two reads is no longer waiting.
    cards
        .into_iter()
        .filter_map(|campaign| {
            let (_, launched, template) = words.iter().find(|(id, _, _)| *id == campaign.id)?;
            Some(
                parse_content(template)
                    .and_then(|t| Ok(changes(&t, &parse_content(launched)?)))
                    .map(|changes| ReviewRow { campaign, changes }),
            )
        })
        .collect()
}

/// A sample partner for vendor staff's previews.
pub(super) fn sample_brand(locale: Locale) -> Brand {
    Brand {
        name: crate::t!(in locale, "Example Partner Ltd").to_owned(),
        logo_url: None,
        colour: Some("#1d4ed8".into()),
        contact_name: Some("Sam Example".into()),
        contact_email: Some("sam@partner.example".into()),
        phone: Some("+1 555 0100".into()),
        website: Some("partner.example".into()),
    }
}

/// Whose campaign a launch by `viewer` makes: their own organisation's
/// (a partner's people; naming another partner is `NotFound`), or, for a
/// vendor marketer or the program admin naming `partner`, that live
/// partner's (`Forbidden` for other vendor staff). `None`: vendor staff
/// who named no partner, who only look.
pub(super) async fn launching_for(
    db: &Db,
    viewer: &Viewer,
    partner: Option<&str>,
) -> Result<Option<String>, AppError> {
    let partner = partner.filter(|p| !p.is_empty());
    if !viewer.role.is_vendor() {
        return match partner {
            Some(p) if p != viewer.organisation_id => Err(AppError::NotFound),
            _ => Ok(Some(viewer.organisation_id.clone())),
        };
    }
    let Some(partner) = partner else {
        return Ok(None);
    };
    authorize_content(viewer)?;
    let live: Option<String> = sqlx::query_scalar(
        "SELECT id FROM organisations WHERE id = $1 AND kind = 'partner' \
         AND status IN ('active', 'at_risk')",
    )
    .bind(partner)
    .fetch_optional(&db.pool)
    .await?;
    live.map(Some).ok_or(AppError::NotFound)
}

/// The live partners a vendor marketer may launch for, by name.
async fn live_partners(db: &Db) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, name FROM organisations WHERE kind = 'partner' \
         AND status IN ('active', 'at_risk') ORDER BY name, id",
    )
    .fetch_all(&db.pool)
    .await
}

/// Template `id` drawn with the brand of the partner it would launch for
/// (see [`launching_for`]; a sample partner's when vendor staff name
/// none), what the partner may reword and what stops a launch.
/// `NotFound` when the template is not open to that partner.
pub async fn launch_view(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    now: i64,
    partner: Option<&str>,
) -> Result<LaunchView, AppError> {
    let whom = launching_for(db, viewer, partner).await?;
    launch_view_for(db, viewer, id, now, whom).await
}

/// [`launch_view`] for `whom`, as [`launching_for`] answered.
pub(super) async fn launch_view_for(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    now: i64,
    whom: Option<String>,
) -> Result<LaunchView, AppError> {
    let row: TemplateRow = sqlx::query_as(&format!(
        "SELECT {TEMPLATE_COLUMNS} FROM campaign_templates t \
         LEFT JOIN campaign_template_versions v ON v.template_id = t.id AND v.version = t.version \
         WHERE t.id = $3 AND {}",
        open_to("$1", "$2")
    ))
    .bind(whom.as_deref())
    .bind(now)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?
    .ok_or(AppError::NotFound)?;
    let locale = Locale::parse(&row.language).unwrap_or_default();
    let content = parse_content(&row.content)?;
    let (brand, partner_slug) = match &whom {
        None => (sample_brand(locale), "example-partner".to_owned()),
        Some(org) => {
            let mut conn = db.pool.acquire().await?;
            brand_of(&mut conn, org, &public_url())
                .await?
                .ok_or(AppError::NotFound)?
        }
    };
    let mut findings = check_launch(&content, &brand, &preview_unsubscribe(), Locale::current());
    findings.extend(
        super::images::image_findings(db, &content, &public_url(), Locale::current()).await?,
    );
    let mut view = drawn(
        row.card()?,
        content,
        brand,
        &partner_slug,
        locale,
        findings,
        whom.is_some(),
    );
    if viewer.role.is_vendor() {
        view.partner = whom;
        if authorize_content(viewer).is_ok() {
            view.partners = live_partners(db).await?;
        }
    }
    Ok(view)
}

/// The unsubscribe address a preview's email carries.
fn preview_unsubscribe() -> String {
    format!("{}/u/preview", public_url())
}

/// `content` of `template` drawn for the partner `brand` (whose slug is
/// `partner_slug`): the addresses its page and links will have.
pub(super) fn drawn(
    template: TemplateCard,
    content: Content,
    brand: Brand,
    partner_slug: &str,
    locale: Locale,
    findings: Vec<Finding>,
    may_launch: bool,
) -> LaunchView {
    let address = format!(
        "{}{}",
        public_url(),
        landing_path(partner_slug, &crate::organisations::slug_of(&template.name))
    );
    LaunchView {
        template,
        landing_url: address.clone(),
        email_link: address,
        unsubscribe_url: preview_unsubscribe(),
        content,
        brand,
        locale,
        findings,
        may_launch,
        partner: None,
        partners: Vec::new(),
    }
}

/// Campaign `id` in `viewer`'s scope: its counts, the registrations its
/// leads became, its last 30 days, its leads (for its partner).
/// `NotFound` for another partner's.
pub async fn campaign(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    now: i64,
) -> Result<CampaignView, AppError> {
    let card = campaign_cards(db, viewer, Which::One(id))
        .await?
        .into_iter()
        .next()
        .ok_or(AppError::NotFound)?;
    let (template_name, has_email, fills, sends, opens, clicks): (String, i64, i64, i64, i64, i64) =
        sqlx::query_as(
            "SELECT t.name, c.has_email, \
             CAST(COALESCE(SUM(d.fills), 0) AS BIGINT), CAST(COALESCE(SUM(d.sends), 0) AS BIGINT), \
             CAST(COALESCE(SUM(d.opens), 0) AS BIGINT), CAST(COALESCE(SUM(d.clicks), 0) AS BIGINT) \
             FROM campaigns c JOIN campaign_templates t ON t.id = c.template_id \
             LEFT JOIN campaign_daily d ON d.campaign_id = c.id WHERE c.id = $1 \
             GROUP BY t.name, c.has_email",
        )
        .bind(id)
        .fetch_one(&db.pool)
        .await?;
    let leads = super::leads::leads_of(db, viewer, Some(id)).await?;
    let (deals, won): (i64, i64) = sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT), \
         CAST(COALESCE(SUM(CASE WHEN d.status = 'won' THEN 1 ELSE 0 END), 0) AS BIGINT) \
         FROM leads l JOIN deals d ON d.id = l.deal_id WHERE l.campaign_id = $1",
    )
    .bind(id)
    .fetch_one(&db.pool)
    .await?;
    let values: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT d.currency, \
         CAST(COALESCE(SUM(CASE WHEN d.status IN ('submitted', 'more_info', 'approved') \
         THEN d.value_cents ELSE 0 END), 0) AS BIGINT), \
         CAST(COALESCE(SUM(CASE WHEN d.status = 'won' THEN d.value_cents ELSE 0 END), 0) AS BIGINT) \
         FROM leads l JOIN deals d ON d.id = l.deal_id WHERE l.campaign_id = $1 \
         GROUP BY d.currency ORDER BY d.currency",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await?;
    let today = day_of(now);
    let first = today - 29 * 86_400;
    let rows: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT day, views, fills FROM campaign_daily WHERE campaign_id = $1 AND day >= $2 ORDER BY day",
    )
    .bind(id)
    .bind(first)
    .fetch_all(&db.pool)
    .await?;
    let daily = (0..30)
        .map(|n| {
            let day = first + n * 86_400;
            rows.iter()
                .find(|(d, _, _)| *d == day)
                .copied()
                .unwrap_or((day, 0, 0))
        })
        .collect();
    let base = public_url();
    let may_send = has_email == 1
        && card.status == crate::campaigns::CampaignStatus::Live
        && !viewer.role.is_vendor();
    let may_end =
        card.status != crate::campaigns::CampaignStatus::Ended && !viewer.role.is_vendor();
    let posts = super::social::posts_of(db, id, card.status).await?;
    let may_resend =
        !viewer.role.is_vendor() && crate::auth::policy::authorize_webhooks(viewer).is_ok();
    Ok(CampaignView {
        landing_url: card.landing_path.as_ref().map(|p| format!("{base}{p}")),
        sends,
        opens,
        clicks,
        may_send,
        may_end,
        card,
        template_name,
        fills,
        deals,
        won,
        values,
        daily,
        leads,
        posts,
        may_resend,
    })
}
