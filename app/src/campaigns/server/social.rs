//! Social posts.
//!
//! A launched campaign's social posts are scheduled at launch (the first
//! at once, the next a day apart each) and placed when due by the first
//! [`Connector`] that takes them for the partner: the partner's own
//! automation through a signed webhook (`social.post`, through the
//! webhook outbox, so it is retried and logged), else share links the
//! partner follows by hand. A post whose delivery fails is shown as
//! failing on its campaign, and its launcher is told when Trellis stops
//! trying; the partner's admins can send it again.

use std::future::Future;

use serde_json::json;

use crate::{
    campaigns::{
        content::{Content, Network},
        render::Brand,
        types::PostRow,
        PostState,
    },
    db::{Actor, Db, Write},
    format::rfc3339,
    webhooks::{DeliveryStatus, WebhookEvent},
};

/// A post that is due, as a connector needs it.
#[derive(sqlx::FromRow)]
pub struct DuePost {
    pub id: String,
    pub organisation_id: String,
    pub campaign_id: String,
    pub campaign_name: String,
    pub network: String,
    pub text: String,
    pub link: String,
    pub scheduled_at: i64,
}

/// Where a connector put a post.
pub struct Placed {
    /// The connector's name, kept with the post.
    pub connector: &'static str,
    /// The webhook delivery that carries it, when one does.
    pub delivery_id: Option<String>,
}

/// Somewhere a partner's social posts go. `place` answers `None` when the
/// connector is not set up for the post's partner; it writes inside the
/// transaction that marks the post placed, so a post is placed once.
pub trait Connector {
    fn place(
        &self,
        tx: &mut Write,
        post: &DuePost,
        now: i64,
    ) -> impl Future<Output = Result<Option<Placed>, sqlx::Error>> + Send;
}

/// The partner's own automation (Zapier, Make, its own service): every
/// active endpoint of the partner's that listens to `social.post` gets
/// the post, signed, through the webhook outbox.
pub struct WebhookConnector;

impl Connector for WebhookConnector {
    async fn place(
        &self,
        tx: &mut Write,
        post: &DuePost,
        now: i64,
    ) -> Result<Option<Placed>, sqlx::Error> {
        let endpoints = tx
            .listening(&post.organisation_id, WebhookEvent::SocialPost)
            .await?;
        if endpoints.is_empty() {
            return Ok(None);
        }
        let network = Network::parse(&post.network).unwrap_or(Network::LinkedIn);
        let body = json!({
            "type": WebhookEvent::SocialPost.code(),
            "timestamp": rfc3339(now),
            "data": {
                "id": post.id,
                "network": network.code(),
                "text": post.text,
                "link": post.link,
                "share_url": network.share_url(&post.text, &post.link),
                "scheduled_at": rfc3339(post.scheduled_at),
                "campaign": { "id": post.campaign_id, "name": post.campaign_name },
            },
        })
        .to_string();
        let mut first = None;
        for endpoint in endpoints {
            let id = tx
                .enqueue(&endpoint, WebhookEvent::SocialPost, &post.id, &body, now)
                .await?;
            first.get_or_insert(id);
        }
        Ok(Some(Placed {
            connector: "webhook",
            delivery_id: first,
        }))
    }
}

/// Share links: the post waits on its campaign's page with a link to the
/// network's own share form. Takes every post.
pub struct ShareLinks;

impl Connector for ShareLinks {
    async fn place(
        &self,
        _tx: &mut Write,
        _post: &DuePost,
        _now: i64,
    ) -> Result<Option<Placed>, sqlx::Error> {
        Ok(Some(Placed {
            connector: "share",
            delivery_id: None,
        }))
    }
}

impl Write {
    /// Schedules the social posts of campaign `campaign` (of organisation
    /// `organisation`) from `content`, filled with `brand` and linking to
    /// `link`: the first at `now`, each next one a day later.
    pub async fn schedule_posts(
        &mut self,
        campaign: &str,
        organisation: &str,
        content: &Content,
        brand: &Brand,
        link: &str,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        for (position, post) in content.social.iter().enumerate() {
            sqlx::query(
                "INSERT INTO social_posts (id, organisation_id, campaign_id, position, network, \
                 text, link, status, scheduled_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'scheduled', $8)",
            )
            .bind(uuid::Uuid::now_v7().to_string())
            .bind(organisation)
            .bind(campaign)
            .bind(position as i64)
            .bind(post.network.code())
            .bind(brand.fill(&post.text, link, false))
            .bind(link)
            .bind(now + position as i64 * 86_400)
            .execute(&mut **self)
            .await?;
        }
        Ok(())
    }
}

/// Places every social post that is due on a live campaign; answers how
/// many. Each is claimed by a guarded update in the transaction that
/// places it, so several app servers place each post once.
pub async fn place_due(db: &Db, now: i64) -> Result<usize, sqlx::Error> {
    let due: Vec<DuePost> = sqlx::query_as(
        "SELECT p.id, p.organisation_id, p.campaign_id, c.name AS campaign_name, p.network, \
         p.text, p.link, p.scheduled_at FROM social_posts p JOIN campaigns c ON c.id = p.campaign_id \
         WHERE p.status = 'scheduled' AND p.scheduled_at <= $1 AND c.status = 'live' \
         ORDER BY p.scheduled_at, p.id LIMIT 100",
    )
    .bind(now)
    .fetch_all(&db.pool)
    .await?;
    let mut placed = 0;
    for post in due {
        let mut tx = db.write(Actor::system()).await?;
        let claimed = sqlx::query(
            "UPDATE social_posts SET status = 'placed', placed_at = $2 \
             WHERE id = $1 AND status = 'scheduled'",
        )
        .bind(&post.id)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if claimed != 1 {
            continue;
        }
        let taken = match WebhookConnector.place(&mut tx, &post, now).await? {
            Some(taken) => Some(taken),
            None => ShareLinks.place(&mut tx, &post, now).await?,
        };
        if let Some(taken) = taken {
            sqlx::query("UPDATE social_posts SET connector = $2, delivery_id = $3 WHERE id = $1")
                .bind(&post.id)
                .bind(taken.connector)
                .bind(&taken.delivery_id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        placed += 1;
    }
    Ok(placed)
}

#[derive(sqlx::FromRow)]
struct PostLine {
    id: String,
    network: String,
    text: String,
    link: String,
    status: String,
    scheduled_at: i64,
    delivery_id: Option<String>,
    delivery_status: Option<String>,
    attempts: Option<i64>,
    last_error: Option<String>,
}

/// The social posts of campaign `campaign` (whose status is
/// `campaign_status`), in order. The caller has checked the campaign is
/// in the viewer's scope.
pub(super) async fn posts_of(
    db: &Db,
    campaign: &str,
    campaign_status: crate::campaigns::CampaignStatus,
) -> Result<Vec<PostRow>, sqlx::Error> {
    use crate::campaigns::CampaignStatus;
    let lines: Vec<PostLine> = sqlx::query_as(
        "SELECT p.id, p.network, p.text, p.link, p.status, p.scheduled_at, p.delivery_id, \
         d.status AS delivery_status, d.attempts, d.last_error \
         FROM social_posts p LEFT JOIN webhook_deliveries d ON d.id = p.delivery_id \
         WHERE p.campaign_id = $1 ORDER BY p.position",
    )
    .bind(campaign)
    .fetch_all(&db.pool)
    .await?;
    Ok(lines
        .into_iter()
        .map(|l| {
            let network = Network::parse(&l.network).unwrap_or(Network::LinkedIn);
            let delivery = l.delivery_status.as_deref().and_then(DeliveryStatus::parse);
            let state = match (l.status.as_str(), delivery) {
                ("scheduled", _) => match campaign_status {
                    CampaignStatus::Live => PostState::Scheduled,
                    CampaignStatus::PendingApproval => PostState::Waiting,
                    CampaignStatus::Ended => PostState::NotPosted,
                },
                (_, Some(DeliveryStatus::Delivered)) => PostState::Delivered,
                (_, Some(DeliveryStatus::Failed)) => PostState::Failed,
                (_, Some(DeliveryStatus::Pending)) if l.attempts.unwrap_or(0) > 0 => {
                    PostState::Retrying
                }
                (_, Some(DeliveryStatus::Pending)) => PostState::Sending,
                (_, None) => PostState::Share,
            };
            PostRow {
                share_url: network.share_url(&l.text, &l.link),
                id: l.id,
                network,
                text: l.text,
                state,
                scheduled_at: l.scheduled_at,
                error: l
                    .last_error
                    .filter(|_| matches!(state, PostState::Retrying | PostState::Failed)),
                delivery_id: l.delivery_id,
            }
        })
        .collect())
}

impl Write {
    /// Tells whoever launched the campaign of the social post that
    /// delivery `delivery` carries that Trellis stopped trying to hand it
    /// to the partner's automation (nothing when it carries none).
    pub async fn social_post_failed(&mut self, delivery: &str) -> Result<(), sqlx::Error> {
        let found: Option<(String, String, String)> = sqlx::query_as(
            "SELECT c.id, c.name, p.email FROM social_posts s JOIN campaigns c ON c.id = s.campaign_id \
             JOIN people p ON p.id = c.launched_by WHERE s.delivery_id = $1",
        )
        .bind(delivery)
        .fetch_optional(&mut **self)
        .await?;
        if let Some((campaign, name, email)) = found {
            self.notify(&email, &format!("/campaigns/{campaign}"), |l| {
                (
                    crate::t!(in l, "A social post of {name} did not go out", name = name),
                    crate::t!(in l, "Your automation did not take a social post of the campaign {name}, and Trellis stopped trying. Share it by hand or send it again from the campaign's page.", name = name),
                )
            })
            .await?;
        }
        Ok(())
    }
}
