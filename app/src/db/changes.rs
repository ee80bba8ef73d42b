//! What changed, told to every app server: the pages people have open
//! follow along without a reload (the `/events` stream).
//!
//! A write announces a change ([`Write::announce`]); it is told only once
//! the write commits, and never when it rolls back. On PostgreSQL the
//! announcement is a `NOTIFY` inside the transaction, which the database
//! delivers on commit to every app server's [`listen`]er, this one
//! included. On SQLite there is one app server: the commit hands the change
//! straight to this process's hub.
//!
//! A change names who may care (a person, or the review queue), never what
//! happened: the stream reads what it sends through the viewer's own
//! scoped queries.

use std::time::Duration;

use tokio::sync::{broadcast, watch};

use super::{Backend, Db, Write};

/// The PostgreSQL channel changes travel on.
pub const CHANNEL: &str = "trellis_changes";

/// Something people may be looking at changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Person `0`'s unread notifications.
    Unread(String),
    /// The vendor's review queue.
    Queue,
    /// Changes may have been missed (the database connection dropped):
    /// whoever listens reads everything again. Never sent between servers.
    Resync,
}

impl Change {
    /// As sent on [`CHANNEL`]: ids only.
    fn encode(&self) -> Option<String> {
        match self {
            Change::Unread(person_id) => Some(format!("u:{person_id}")),
            Change::Queue => Some("q".to_owned()),
            Change::Resync => None,
        }
    }

    fn decode(payload: &str) -> Option<Change> {
        match payload.split_once(':') {
            Some(("u", person_id)) if !person_id.is_empty() => {
                Some(Change::Unread(person_id.to_owned()))
            }
            None if payload == "q" => Some(Change::Queue),
            _ => None,
        }
    }
}

/// This app server's hub: every open `/events` stream subscribes here.
#[derive(Debug, Clone)]
pub struct Changes {
    sent: broadcast::Sender<Change>,
    closing: watch::Sender<bool>,
}

impl Default for Changes {
    fn default() -> Self {
        let (sent, _) = broadcast::channel(1024);
        let (closing, _) = watch::channel(false);
        Changes { sent, closing }
    }
}

impl Changes {
    /// Every change from now on, and whether the server is shutting down.
    pub fn subscribe(&self) -> (broadcast::Receiver<Change>, watch::Receiver<bool>) {
        (self.sent.subscribe(), self.closing.subscribe())
    }

    pub(super) fn send(&self, change: Change) {
        // An error only says nobody is listening right now.
        let _ = self.sent.send(change);
    }

    /// Ends every stream (the server is shutting down).
    pub fn close(&self) {
        let _ = self.closing.send(true);
    }
}

/// PostgreSQL's `NOTIFY` of `change` on [`CHANNEL`] (delivered on commit
/// when inside a transaction).
fn notify(
    change: &Change,
) -> sqlx::query::Query<'static, sqlx::Any, sqlx::any::AnyArguments<'static>> {
    sqlx::query("SELECT pg_notify($1, $2)")
        .bind(CHANNEL)
        .bind(change.encode())
}

impl Write {
    /// Tells every app server about `change` once this write commits.
    pub async fn announce(&mut self, change: Change) -> Result<(), sqlx::Error> {
        if self.announced.contains(&change) {
            return Ok(());
        }
        if self.backend == Backend::Postgres {
            notify(&change).execute(&mut **self).await?;
        }
        self.announced.push(change);
        Ok(())
    }
}

impl Db {
    /// Tells every app server about `change` now (after a write made
    /// outside a [`Write`]).
    pub async fn announce(&self, change: Change) -> Result<(), sqlx::Error> {
        match self.backend {
            Backend::Sqlite => {
                self.changes.send(change);
                Ok(())
            }
            Backend::Postgres => self.execute(notify(&change)).await.map(|_| ()),
        }
    }
}

/// While this lives, PostgreSQL's announcements reach this app server's
/// streams; dropping it stops listening.
#[derive(Debug)]
pub struct Listening(Option<tokio::task::JoinHandle<()>>);

impl Drop for Listening {
    fn drop(&mut self) {
        if let Some(task) = self.0.take() {
            task.abort();
        }
    }
}

impl Db {
    /// Listens on PostgreSQL for every app server's changes and hands them
    /// to this server's streams, reconnecting (and telling streams to read
    /// everything again) when the connection drops. Listening has begun
    /// when this returns, so nothing committed afterwards is missed.
    /// Nothing to do on SQLite.
    pub async fn listen(&self) -> Result<Listening, sqlx::Error> {
        use sqlx::postgres::PgListener;

        async fn open(url: &str) -> Result<PgListener, sqlx::Error> {
            let mut listener = PgListener::connect(url).await?;
            listener.listen(CHANNEL).await?;
            Ok(listener)
        }

        if self.backend != Backend::Postgres {
            return Ok(Listening(None));
        }
        let url = self.url.reveal().to_owned();
        let mut listener = open(&url).await?;
        let changes = self.changes.clone();
        Ok(Listening(Some(tokio::spawn(async move {
            let mut backoff = Duration::from_millis(250);
            loop {
                match listener.try_recv().await {
                    Ok(Some(notification)) => {
                        backoff = Duration::from_millis(250);
                        if let Some(change) = Change::decode(notification.payload()) {
                            changes.send(change);
                        }
                    }
                    Ok(None) => {
                        tracing::warn!("the database connection for changes dropped and came back");
                        changes.send(Change::Resync);
                    }
                    Err(err) => {
                        tracing::error!(%err, "listening for changes failed; reconnecting");
                        loop {
                            tokio::time::sleep(backoff).await;
                            backoff = (backoff * 2).min(Duration::from_secs(30));
                            if let Ok(again) = open(&url).await {
                                listener = again;
                                changes.send(Change::Resync);
                                break;
                            }
                        }
                    }
                }
            }
        }))))
    }
}

#[cfg(test)]
mod tests {
    use super::Change;

    #[test]
    fn changes_travel_as_ids_only() {
        for change in [Change::Unread("p-1".into()), Change::Queue] {
            let payload = change.encode().unwrap();
            assert_eq!(Change::decode(&payload), Some(change));
        }
        assert_eq!(Change::Resync.encode(), None);
        for junk in ["", "u:", "x:1", "queue", "q:"] {
            assert_eq!(Change::decode(junk), None, "{junk}");
        }
    }
}
