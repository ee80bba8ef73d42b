//! The database: one pool for SQLite (embedded, the default) or PostgreSQL,
//! chosen by the `DATABASE_URL` scheme, with one migration set per backend.

mod changes;
pub mod dialect;
pub mod testing;
pub mod unique;
mod write;

pub use changes::{Change, Changes, Listening};
pub use write::{Actor, Write};

use std::{str::FromStr, time::Duration};

use sqlx::{
    any::AnyPoolOptions,
    migrate::{MigrateError, Migrator},
    AnyConnection, AnyPool, Executor,
};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/postgres");

/// Which database engine a [`Db`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }

    fn migrator(self) -> &'static Migrator {
        match self {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        }
    }
}

impl FromStr for Backend {
    type Err = String;

    /// Reads the backend from a database URL's scheme.
    fn from_str(url: &str) -> Result<Self, Self::Err> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Backend::Postgres)
        } else {
            Err("DATABASE_URL must start with sqlite: or postgres:".to_owned())
        }
    }
}

/// How far the schema is from what this binary expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationStatus {
    pub applied: usize,
    pub expected: usize,
    pub pending: Vec<i64>,
}

impl MigrationStatus {
    pub fn is_current(&self) -> bool {
        self.pending.is_empty()
    }
}

/// A connection pool plus the backend it speaks to. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
    /// SQLite takes one writer at a time: writers queue here (see
    /// [`Db::write`]). Unused on PostgreSQL.
    writers: std::sync::Arc<tokio::sync::Mutex<()>>,
    /// This app server's open streams hear changes here.
    pub changes: Changes,
    /// Where the database is, for a connection of its own (listening).
    url: DatabaseUrl,
}

/// A database URL, kept out of `Debug` output: it may hold a password.
#[derive(Clone)]
struct DatabaseUrl(std::sync::Arc<str>);

impl DatabaseUrl {
    fn reveal(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DatabaseUrl(…)")
    }
}

impl Db {
    /// Connects to `url`. For SQLite the file and its folder are created when
    /// missing, and every connection gets WAL, foreign keys and a busy timeout.
    pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_str(url).map_err(|e| sqlx::Error::Configuration(e.into()))?;
        let url = match backend {
            Backend::Sqlite => prepare_sqlite_url(url)?,
            Backend::Postgres => url.to_owned(),
        };
        let options = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 8,
                Backend::Postgres => 16,
            })
            .acquire_timeout(Duration::from_secs(10));
        // An embedded database cannot drop its connection, so checking one
        // before each use (a round trip to its worker thread) buys nothing;
        // sqlx still checks it when it goes back to the pool.
        let options = match backend {
            Backend::Sqlite => options
                .test_before_acquire(false)
                .after_connect(|conn, _| Box::pin(sqlite_pragmas(conn))),
            Backend::Postgres => options,
        };
        let pool = options.connect(&url).await?;
        Ok(Db {
            pool,
            backend,
            writers: Default::default(),
            changes: Changes::default(),
            url: DatabaseUrl(url.into()),
        })
    }

    /// Applies every migration this binary carries that the database lacks.
    pub async fn migrate(&self) -> Result<(), MigrateError> {
        self.backend.migrator().run(&self.pool).await
    }

    /// Compares the applied migrations with the ones this binary carries.
    pub async fn migration_status(&self) -> Result<MigrationStatus, sqlx::Error> {
        let table_exists: i64 = sqlx::query_scalar(match self.backend {
            Backend::Sqlite => {
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'"
            }
            Backend::Postgres => {
                "SELECT COUNT(*) FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_name = '_sqlx_migrations'"
            }
        })
        .fetch_one(&self.pool)
        .await?;
        let applied: Vec<i64> = if table_exists > 0 {
            sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success = TRUE")
                .fetch_all(&self.pool)
                .await?
        } else {
            Vec::new()
        };
        let expected: Vec<i64> = self
            .backend
            .migrator()
            .iter()
            .filter(|m| m.migration_type.is_up_migration())
            .map(|m| m.version)
            .collect();
        let pending = expected
            .iter()
            .copied()
            .filter(|v| !applied.contains(v))
            .collect();
        Ok(MigrationStatus {
            applied: applied.len(),
            expected: expected.len(),
            pending,
        })
    }

    /// One connection for a read that takes several queries (a page's
    /// record, its people, its timeline). Every trip through the pool costs
    /// a hand-over to the connection's thread and back, and sqlx checks a
    /// connection each time it goes back; one connection for the lot pays
    /// that once.
    pub async fn reader(&self) -> Result<sqlx::pool::PoolConnection<sqlx::Any>, sqlx::Error> {
        self.pool.acquire().await
    }

    /// Runs a trivial query: is the database answering at all?
    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
    }
}

/// The database of the request being served, provided as context by the server.
pub fn use_db() -> Result<Db, crate::error::AppError> {
    leptos::prelude::use_context::<Db>()
        .ok_or_else(|| crate::error::AppError::internal("no database in the request context"))
}

/// WAL with `synchronous = FULL`: every acknowledged commit is on disk, so a
/// power cut loses nothing that was confirmed (NORMAL could lose the last
/// ones). The busy timeout comes first: switching a new connection to WAL
/// takes a lock, which under load must wait instead of failing at once
/// with "database is locked".
async fn sqlite_pragmas(conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
    conn.execute(
        "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; \
         PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
    )
    .await
    .map(|_| ())
}

/// Makes sure the SQLite file can be created: adds `mode=rwc` and creates
/// the parent folder.
fn prepare_sqlite_url(url: &str) -> Result<String, sqlx::Error> {
    let rest = url.trim_start_matches("sqlite:").trim_start_matches("//");
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if path.is_empty() || path == ":memory:" {
        return Err(sqlx::Error::Configuration(
            "use a file for SQLite (sqlite://data/trellis.db): an in-memory database is lost \
             between connections"
                .into(),
        ));
    }
    if let Some(parent) = std::path::Path::new(path).parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent)?;
        }
    }
    let query = if query.split('&').any(|kv| kv.starts_with("mode=")) {
        query.to_owned()
    } else if query.is_empty() {
        "mode=rwc".to_owned()
    } else {
        format!("{query}&mode=rwc")
    };
    Ok(format!("sqlite://{path}?{query}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backend_follows_the_scheme() {
        assert_eq!(Backend::from_str("sqlite://data/x.db"), Ok(Backend::Sqlite));
        assert_eq!(
            Backend::from_str("postgres://u@h/db"),
            Ok(Backend::Postgres)
        );
        assert_eq!(
            Backend::from_str("postgresql://u@h/db"),
            Ok(Backend::Postgres)
        );
        assert!(Backend::from_str("mysql://u@h/db").is_err());
    }

    #[test]
    fn sqlite_url_gets_create_mode_and_folder() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("nested/trellis.db");
        let url = prepare_sqlite_url(&format!("sqlite://{}", file.display())).unwrap();
        assert_eq!(url, format!("sqlite://{}?mode=rwc", file.display()));
        assert!(dir.path().join("nested").is_dir());
        let kept = prepare_sqlite_url(&format!("sqlite://{}?mode=ro", file.display())).unwrap();
        assert!(kept.ends_with("?mode=ro"));
    }

    #[test]
    fn sqlite_in_memory_is_refused() {
        assert!(prepare_sqlite_url("sqlite::memory:").is_err());
    }
}
