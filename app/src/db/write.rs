//! The one way to write. Every change to the database starts here, so the
//! SQLite write turn cannot be forgotten: [`Db::write`] takes it and opens
//! the transaction, [`Db::execute`] does both for one statement alone.
//!
//! A [`Write`] knows who is acting, so what it records carries the actor
//! without the caller repeating it. The areas add what a write may record,
//! as methods on [`Write`] beside their tables: `audit` (audit/server.rs),
//! `notify` (notifications/server.rs), `deal_event` (deals/server/tx.rs).
//! A source test keeps transactions, the write turn and writes on the pool
//! out of every other file.

use std::{
    ops::{Deref, DerefMut},
    time::Duration,
};

use sqlx::{any::AnyQueryResult, AnyConnection};
use tokio::sync::OwnedMutexGuard;

use super::{changes::Change, Backend, Db};

/// A writer waiting longer than this for SQLite's turn gets an error
/// instead of hanging: a write that would wait for one its own task holds
/// fails loudly here.
const TURN_TIMEOUT: Duration = Duration::from_secs(15);

/// Who makes a change: a person (with the address they came from) or the
/// system itself (background jobs, demo data).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Actor {
    pub person_id: Option<String>,
    pub ip: Option<String>,
}

impl Actor {
    /// Trellis itself: a job, the demo data.
    pub fn system() -> Actor {
        Actor::default()
    }

    /// Person `person_id`, from `ip` when known.
    pub fn person(person_id: &str, ip: Option<&str>) -> Actor {
        Actor {
            person_id: Some(person_id.to_owned()),
            ip: ip.map(str::to_owned),
        }
    }

    /// Someone not (yet) known, from `ip`: a failed sign-in, a public form.
    pub fn anonymous(ip: Option<&str>) -> Actor {
        Actor {
            person_id: None,
            ip: ip.map(str::to_owned),
        }
    }
}

/// An open write transaction holding the SQLite write turn. Use it as a
/// connection (`&mut *write` or `&mut **write`); nothing is kept unless
/// [`Write::commit`] is called.
pub struct Write {
    // Declared before the turn, so a write dropped without commit rolls
    // back before the next writer gets its turn.
    tx: sqlx::Transaction<'static, sqlx::Any>,
    actor: Actor,
    _turn: Option<OwnedMutexGuard<()>>,
    pub(super) backend: Backend,
    /// What this write will tell the app servers once committed.
    pub(super) announced: Vec<Change>,
    changes: super::Changes,
}

impl Write {
    /// Who makes this change.
    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    /// Keeps every change made through this write, then tells this
    /// process's streams what it announced (SQLite; on PostgreSQL the
    /// database delivers the announcements to every server's listener).
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        let Write {
            tx,
            _turn,
            backend,
            announced,
            changes,
            ..
        } = self;
        tx.commit().await?;
        drop(_turn);
        if backend == Backend::Sqlite {
            for change in announced {
                changes.send(change);
            }
        }
        Ok(())
    }
}

impl Deref for Write {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        &self.tx
    }
}

impl DerefMut for Write {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }
}

impl Db {
    /// Waits for this process's turn to write, on SQLite (first come, first
    /// served, instead of SQLite's busy-wait retries, which made latency
    /// spike under load). PostgreSQL has row locks: no turn.
    async fn turn(&self) -> Result<Option<OwnedMutexGuard<()>>, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => {
                tokio::time::timeout(TURN_TIMEOUT, self.writers.clone().lock_owned())
                    .await
                    .map(Some)
                    .map_err(|_| sqlx::Error::PoolTimedOut)
            }
            Backend::Postgres => Ok(None),
        }
    }

    /// Begins a write by `actor`: its turn on SQLite, then the transaction.
    ///
    /// On SQLite the transaction takes the write lock as it begins
    /// (`BEGIN IMMEDIATE`): a write dropped without commit (an error
    /// answered half-way) is rolled back by the pool a moment after its
    /// turn ends, and the next writer must wait for that under the busy
    /// timeout. A deferred transaction that read first would instead be
    /// refused at once ("database is locked") when it came to write.
    pub async fn write(&self, actor: Actor) -> Result<Write, sqlx::Error> {
        let turn = self.turn().await?;
        let tx = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        };
        Ok(Write {
            tx,
            actor,
            _turn: turn,
            backend: self.backend,
            announced: Vec::new(),
            changes: self.changes.clone(),
        })
    }

    /// Runs one statement that changes something, alone (no transaction
    /// round trips), in its turn on SQLite.
    pub async fn execute<'q>(
        &self,
        query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    ) -> Result<AnyQueryResult, sqlx::Error> {
        let _turn = self.turn().await?;
        query.execute(&self.pool).await
    }
}

#[cfg(test)]
mod tests {
    use crate::source_scan::{crate_sources, server_sources};

    /// Where a transaction may begin and the pool may be written to: here,
    /// and the database module's own ping and test set-up.
    const ALLOWED: [&str; 3] = ["db/write.rs", "db/mod.rs", "db/testing.rs"];

    #[test]
    fn every_write_goes_through_the_write_helper() {
        let forbidden = [
            ".begin()",
            ".begin_with(",
            "write_turn",
            "writers.",
            "execute(&db.pool",
            "execute(&self.pool",
            "execute(&pool",
            "execute(pool",
        ];
        let mut found = Vec::new();
        for (file, text) in crate_sources().into_iter().chain(server_sources()) {
            if ALLOWED.contains(&file.as_str()) {
                continue;
            }
            for (n, line) in text.lines().enumerate() {
                for pattern in forbidden {
                    if line.contains(pattern) {
                        found.push(format!("{file}:{}: {}", n + 1, line.trim()));
                    }
                }
            }
        }
        assert!(
            found.is_empty(),
            "writes must go through Db::write or Db::execute:\n{}",
            found.join("\n")
        );
    }
}
