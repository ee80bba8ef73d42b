//! Fresh databases for tests: a temporary SQLite file, or a new PostgreSQL
//! database on the server named by `TRELLIS_TEST_POSTGRES_URL`.
//!
//! The test command starts a throw-away PostgreSQL and sets both that URL and
//! `TRELLIS_REQUIRE_POSTGRES=1`, so the PostgreSQL half of a test can never
//! be silently skipped there. A plain `cargo test` without that URL skips it
//! with a message.

use std::{future::Future, time::Duration};

use super::{Backend, Db};

/// Longest a test body may take. A test that hangs fails here, naming
/// itself, instead of holding the whole run until CI gives up on it.
const TEST_LIMIT: Duration = Duration::from_secs(180);

/// Awaits a test body, failing the test when it outlasts [`TEST_LIMIT`].
async fn within_limit(backend: Backend, body: impl Future<Output = ()>) {
    if tokio::time::timeout(TEST_LIMIT, body).await.is_err() {
        panic!(
            "the test did not finish within {} s on {backend:?}",
            TEST_LIMIT.as_secs()
        );
    }
}

/// Runs `body` against a freshly migrated database of `backend`, then drops it.
pub async fn run<F, Fut>(backend: Backend, body: F)
where
    F: FnOnce(Db) -> Fut,
    Fut: Future<Output = ()>,
{
    let Some((fresh, db)) = Fresh::create(backend).await else {
        return;
    };
    within_limit(backend, body(db.clone())).await;
    db.pool.close().await;
    fresh.drop().await;
}

/// Like [`run`], with two pools on the one database, as two app servers
/// (or two processes on one machine, for SQLite) would have.
pub async fn run_shared<F, Fut>(backend: Backend, body: F)
where
    F: FnOnce(Db, Db) -> Fut,
    Fut: Future<Output = ()>,
{
    let Some((fresh, one)) = Fresh::create(backend).await else {
        return;
    };
    let two = fresh.connect().await;
    within_limit(backend, body(one.clone(), two.clone())).await;
    two.pool.close().await;
    one.pool.close().await;
    fresh.drop().await;
}

/// A new, migrated database, and how to get rid of it.
enum Fresh {
    Sqlite {
        dir: std::path::PathBuf,
        url: String,
    },
    Postgres {
        admin: Db,
        name: String,
        url: String,
    },
}

impl Fresh {
    /// The database and a migrated pool on it; `None` when the backend is
    /// PostgreSQL and no server is configured.
    async fn create(backend: Backend) -> Option<(Fresh, Db)> {
        let fresh = match backend {
            Backend::Sqlite => {
                let dir = tempfile_dir();
                let url = format!("sqlite://{}/test.db", dir.display());
                Fresh::Sqlite { dir, url }
            }
            Backend::Postgres => {
                let admin_url = postgres_url()?;
                let name = format!("trellis_test_{}", uuid::Uuid::new_v4().simple());
                let admin = Db::connect(&admin_url).await.expect("connect PostgreSQL");
                sqlx::query(&format!("CREATE DATABASE \"{name}\""))
                    .execute(&admin.pool)
                    .await
                    .expect("create test database");
                let url = with_database(&admin_url, &name);
                Fresh::Postgres { admin, name, url }
            }
        };
        let db = fresh.connect().await;
        db.migrate().await.expect("migrate the test database");
        Some((fresh, db))
    }

    async fn connect(&self) -> Db {
        let url = match self {
            Fresh::Sqlite { url, .. } | Fresh::Postgres { url, .. } => url,
        };
        Db::connect(url).await.expect("connect the test database")
    }

    async fn drop(self) {
        match self {
            Fresh::Sqlite { dir, .. } => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Fresh::Postgres { admin, name, .. } => {
                sqlx::query(&format!("DROP DATABASE \"{name}\" WITH (FORCE)"))
                    .execute(&admin.pool)
                    .await
                    .expect("drop test database");
            }
        }
    }
}

/// The PostgreSQL server for tests, or `None` (with a note) when there is none
/// and none is required.
pub fn postgres_url() -> Option<String> {
    match std::env::var("TRELLIS_TEST_POSTGRES_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ if std::env::var("TRELLIS_REQUIRE_POSTGRES").is_ok_and(|v| v == "1") => {
            panic!("TRELLIS_REQUIRE_POSTGRES=1 but TRELLIS_TEST_POSTGRES_URL is not set")
        }
        _ => {
            eprintln!(
                "skipping the PostgreSQL half: set TRELLIS_TEST_POSTGRES_URL \
                 (scripts/test starts a server for you)"
            );
            None
        }
    }
}

/// Replaces the database name in a PostgreSQL URL.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let server = match base[scheme_end..].find('/') {
        Some(slash) => &base[..scheme_end + slash],
        None => base,
    };
    match query {
        Some(q) => format!("{server}/{name}?{q}"),
        None => format!("{server}/{name}"),
    }
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("trellis-test-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

/// Declares one test that runs on both backends, as `<name>::sqlite` and
/// `<name>::postgres`. The body is a closure taking a migrated [`Db`].
#[macro_export]
macro_rules! backend_test {
    ($name:ident, $body:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                $crate::db::testing::run($crate::db::Backend::Sqlite, $body).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                $crate::db::testing::run($crate::db::Backend::Postgres, $body).await
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn swaps_the_database_name() {
        assert_eq!(
            with_database("postgres://u@127.0.0.1:55432/postgres", "t1"),
            "postgres://u@127.0.0.1:55432/t1"
        );
        assert_eq!(
            with_database("postgres://u@h:1/postgres?sslmode=disable", "t2"),
            "postgres://u@h:1/t2?sslmode=disable"
        );
        assert_eq!(
            with_database("postgres://u@h:1", "t3"),
            "postgres://u@h:1/t3"
        );
    }
}
