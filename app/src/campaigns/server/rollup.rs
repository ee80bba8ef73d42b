//! The vendor's roll-up of every partner's campaigns: by template, by
//! partner, by region (counts only, never who the leads are), and the
//! partners in the program that launched nothing yet. Vendor staff only:
//! the caller checks the role before asking.

use std::collections::{BTreeMap, BTreeSet};

use crate::{
    campaigns::types::{Rollup, RollupRow},
    db::Db,
    organisations::Region,
};

#[derive(sqlx::FromRow)]
struct CampaignFigures {
    id: String,
    template: String,
    organisation_id: String,
    partner: String,
    region: Option<String>,
    views: i64,
    fills: i64,
    sends: i64,
    leads: i64,
}

#[derive(Default)]
struct Sum {
    campaigns: i64,
    partners: BTreeSet<String>,
    views: i64,
    fills: i64,
    leads: i64,
    sends: i64,
    /// Per currency: (open pipeline, won), in cents.
    values: BTreeMap<String, (i64, i64)>,
}

impl Sum {
    fn add(&mut self, c: &CampaignFigures, values: &[(String, String, i64, i64)]) {
        for (_, currency, open, won) in values.iter().filter(|v| v.0 == c.id) {
            let sum = self.values.entry(currency.clone()).or_default();
            sum.0 += open;
            sum.1 += won;
        }
        self.campaigns += 1;
        self.partners.insert(c.organisation_id.clone());
        self.views += c.views;
        self.fills += c.fills;
        self.leads += c.leads;
        self.sends += c.sends;
    }
}

/// Rows by `key`, the most leads first (then by name).
fn rows(
    figures: &[CampaignFigures],
    values: &[(String, String, i64, i64)],
    key: impl Fn(&CampaignFigures) -> String,
) -> Vec<RollupRow> {
    let mut sums: BTreeMap<String, Sum> = BTreeMap::new();
    for c in figures {
        sums.entry(key(c)).or_default().add(c, values);
    }
    let mut out: Vec<RollupRow> = sums
        .into_iter()
        .map(|(label, s)| RollupRow {
            label,
            campaigns: s.campaigns,
            partners: s.partners.len() as i64,
            views: s.views,
            fills: s.fills,
            leads: s.leads,
            sends: s.sends,
            values: s
                .values
                .into_iter()
                .map(|(currency, (open, won))| (currency, open, won))
                .collect(),
        })
        .collect();
    out.sort_by(|a, b| b.leads.cmp(&a.leads).then_with(|| a.label.cmp(&b.label)));
    out
}

/// Every partner campaign's figures, added up three ways.
pub(super) async fn rollup(db: &Db) -> Result<Rollup, sqlx::Error> {
    let mut conn = db.reader().await?;
    let figures: Vec<CampaignFigures> = sqlx::query_as(
        "SELECT c.id, t.name AS template, c.organisation_id, o.name AS partner, o.region, \
         CAST(COALESCE((SELECT SUM(d.views) FROM campaign_daily d WHERE d.campaign_id = c.id), 0) AS BIGINT) AS views, \
         CAST(COALESCE((SELECT SUM(d.fills) FROM campaign_daily d WHERE d.campaign_id = c.id), 0) AS BIGINT) AS fills, \
         CAST(COALESCE((SELECT SUM(d.sends) FROM campaign_daily d WHERE d.campaign_id = c.id), 0) AS BIGINT) AS sends, \
         CAST((SELECT COUNT(*) FROM leads l WHERE l.campaign_id = c.id) AS BIGINT) AS leads \
         FROM campaigns c JOIN campaign_templates t ON t.id = c.template_id \
         JOIN organisations o ON o.id = c.organisation_id \
         WHERE o.kind = 'partner' AND c.status <> 'pending_approval'",
    )
    .fetch_all(&mut *conn)
    .await?;
    // What the partner campaigns' leads became, per campaign and currency.
    let values: Vec<(String, String, i64, i64)> = sqlx::query_as(
        "SELECT l.campaign_id, d.currency, \
         CAST(COALESCE(SUM(CASE WHEN d.status IN ('submitted', 'more_info', 'approved') \
         THEN d.value_cents ELSE 0 END), 0) AS BIGINT), \
         CAST(COALESCE(SUM(CASE WHEN d.status = 'won' THEN d.value_cents ELSE 0 END), 0) AS BIGINT) \
         FROM leads l JOIN deals d ON d.id = l.deal_id WHERE l.campaign_id IS NOT NULL \
         GROUP BY l.campaign_id, d.currency ORDER BY l.campaign_id, d.currency",
    )
    .fetch_all(&mut *conn)
    .await?;
    let idle: Vec<(String, String)> = sqlx::query_as(
        "SELECT o.id, o.name FROM organisations o WHERE o.kind = 'partner' \
         AND o.status IN ('onboarding', 'active', 'at_risk') \
         AND NOT EXISTS (SELECT 1 FROM campaigns c WHERE c.organisation_id = o.id) \
         ORDER BY o.name, o.id",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(Rollup {
        by_template: rows(&figures, &values, |c| c.template.clone()),
        by_partner: rows(&figures, &values, |c| c.partner.clone()),
        by_region: rows(&figures, &values, |c| {
            c.region
                .as_deref()
                .and_then(Region::parse)
                .map(|r| r.label().to_owned())
                .unwrap_or_default()
        }),
        idle,
    })
}
