//! Landing-page views, counted in memory and written in batches.
//!
//! A view is the hottest write in the portal (every visitor of every
//! partner's page) and the least precious: one database write per view
//! would cost each visitor an fsync on SQLite. The tally adds in memory;
//! [`ViewTally::flush`] writes what gathered in one transaction, one
//! upsert per campaign and day, every second or so and when the server
//! stops. A flush that fails puts its counts back for the next one.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex, MutexGuard, PoisonError},
};

use super::day_of;
use crate::db::{Actor, Db};

type Counts = HashMap<(String, i64), i64>;

/// Views not yet written, per campaign and UTC day. Clones share it.
#[derive(Clone, Default)]
pub struct ViewTally(Arc<Mutex<Counts>>);

impl ViewTally {
    fn counts(&self) -> MutexGuard<'_, Counts> {
        // Counting is plain additions: a panic mid-way leaves nothing torn.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Counts one view of `campaign` at `at`.
    pub fn add(&self, campaign: &str, at: i64) {
        *self
            .counts()
            .entry((campaign.to_owned(), day_of(at)))
            .or_default() += 1;
    }

    /// Views counted and not yet written.
    pub fn pending(&self) -> i64 {
        self.counts().values().sum()
    }

    /// Writes the views counted so far; returns how many. On failure they
    /// stay counted for the next flush.
    pub async fn flush(&self, db: &Db) -> Result<usize, sqlx::Error> {
        let taken = std::mem::take(&mut *self.counts());
        if taken.is_empty() {
            return Ok(0);
        }
        match write(db, &taken).await {
            Ok(()) => Ok(taken.values().sum::<i64>() as usize),
            Err(err) => {
                let mut counts = self.counts();
                for (key, views) in taken {
                    *counts.entry(key).or_default() += views;
                }
                Err(err)
            }
        }
    }
}

async fn write(db: &Db, counts: &Counts) -> Result<(), sqlx::Error> {
    let mut tx = db.write(Actor::system()).await?;
    for ((campaign, day), views) in counts {
        sqlx::query(
            "INSERT INTO campaign_daily (campaign_id, day, views) \
             SELECT id, $2, $3 FROM campaigns WHERE id = $1 \
             ON CONFLICT (campaign_id, day) \
             DO UPDATE SET views = campaign_daily.views + excluded.views",
        )
        .bind(campaign)
        .bind(day)
        .bind(views)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{testing::run, Backend};

    async fn views(db: &Db, campaign: &str) -> i64 {
        sqlx::query_scalar::<_, i64>(
            "SELECT CAST(COALESCE(SUM(views), 0) AS BIGINT) FROM campaign_daily \
             WHERE campaign_id = $1",
        )
        .bind(campaign)
        .fetch_one(&db.pool)
        .await
        .unwrap()
    }

    async fn batches(backend: Backend) {
        run(backend, |db| async move {
            crate::demo::seed(&db).await.unwrap();
            let campaign = crate::demo::demo_id("campaign", "northwind-webinar");
            let before = views(&db, &campaign).await;
            let tally = ViewTally::default();
            let day = 1_500_000_000;
            for n in 0..250 {
                tally.add(&campaign, day + n);
            }
            tally.add(&campaign, day + 86_400);
            tally.add("no-such-campaign", day);
            assert_eq!(tally.pending(), 252);
            assert_eq!(views(&db, &campaign).await, before, "nothing written yet");

            assert_eq!(tally.flush(&db).await.unwrap(), 252);
            assert_eq!(tally.pending(), 0);
            assert_eq!(views(&db, &campaign).await, before + 251);
            let days: i64 = sqlx::query_scalar(
                "SELECT CAST(COUNT(*) AS BIGINT) FROM campaign_daily \
                 WHERE campaign_id = $1 AND day IN ($2, $3)",
            )
            .bind(&campaign)
            .bind(day_of(day))
            .bind(day_of(day) + 86_400)
            .fetch_one(&db.pool)
            .await
            .unwrap();
            assert_eq!(days, 2, "one row per day");

            // Counted again onto the same rows; an empty flush writes nothing.
            tally.add(&campaign, day);
            assert_eq!(tally.flush(&db).await.unwrap(), 1);
            assert_eq!(views(&db, &campaign).await, before + 252);
            assert_eq!(tally.flush(&db).await.unwrap(), 0);
        })
        .await;
    }

    #[tokio::test]
    async fn views_are_written_in_batches_sqlite() {
        batches(Backend::Sqlite).await;
    }

    #[tokio::test]
    async fn views_are_written_in_batches_postgres() {
        batches(Backend::Postgres).await;
    }

    #[tokio::test]
    async fn a_failed_flush_keeps_its_counts() {
        run(Backend::Sqlite, |db| async move {
            crate::demo::seed(&db).await.unwrap();
            let campaign = crate::demo::demo_id("campaign", "northwind-webinar");
            let before = views(&db, &campaign).await;
            let tally = ViewTally::default();
            tally.add(&campaign, 1_500_000_000);
            tally.add(&campaign, 1_500_000_001);
            db.execute(sqlx::query(
                "ALTER TABLE campaign_daily RENAME TO campaign_daily_away",
            ))
            .await
            .unwrap();
            assert!(tally.flush(&db).await.is_err());
            assert_eq!(tally.pending(), 2, "kept for the next flush");
            db.execute(sqlx::query(
                "ALTER TABLE campaign_daily_away RENAME TO campaign_daily",
            ))
            .await
            .unwrap();
            assert_eq!(tally.flush(&db).await.unwrap(), 2);
            assert_eq!(views(&db, &campaign).await, before + 2);
        })
        .await;
    }
}
