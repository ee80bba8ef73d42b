//! Vendor staff's view: every onboarding partner's checklist, who is
//! stuck, and time to first deal across the program.

use super::checklist::load;
use crate::{
    db::Db,
    onboarding::{days_between, OnboardingOverview},
};

/// The overview (vendor staff only; the server function checks).
pub async fn overview(db: &Db) -> Result<OnboardingOverview, sqlx::Error> {
    let mut conn = db.reader().await?;
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM organisations WHERE kind = 'partner' AND status = 'onboarding' ORDER BY name",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut partners = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(list) = load(&mut conn, &id, None).await? {
            partners.push(list);
        }
    }
    let dates: Vec<(Option<i64>, Option<i64>, Option<i64>)> = sqlx::query_as(
        "SELECT joined_at, first_approved_at, first_won_at FROM organisations \
         WHERE kind = 'partner' AND joined_at IS NOT NULL",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(OnboardingOverview {
        partners,
        to_first_approval: dates
            .iter()
            .filter_map(|(j, a, _)| days_between(*j, *a))
            .collect(),
        to_first_win: dates
            .iter()
            .filter_map(|(j, _, w)| days_between(*j, *w))
            .collect(),
        without_deal: dates.iter().filter(|(_, a, _)| a.is_none()).count() as i64,
    })
}
