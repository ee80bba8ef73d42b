//! Background jobs on several app servers: two runners against one database
//! (two pools, as two app servers have), on SQLite and PostgreSQL, expire
//! each deal once and deliver each email once, through a real SMTP server
//! (aiosmtpd) of the test's own.

use std::{
    collections::BTreeMap,
    process::{Child, Command},
    time::Duration,
};

use app::{
    auth::server::now,
    db::{Backend, Db},
    email::server::Mailer,
};
use server::jobs::{Jobs, OutboxSender, ProtectionSweep};

/// An aiosmtpd server writing to a maildir of its own; stopped on drop.
struct Smtp {
    child: Child,
    address: String,
    maildir: tempfile::TempDir,
}

impl Drop for Smtp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the SMTP server, or `None` (with a note) when aiosmtpd is not
/// installed and the test command did not require it.
async fn smtp() -> Option<Smtp> {
    let maildir = tempfile::tempdir().unwrap();
    for dir in ["tmp", "new", "cur"] {
        std::fs::create_dir(maildir.path().join(dir)).unwrap();
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let address = format!("127.0.0.1:{port}");
    let started = Command::new("python3")
        .args(["-m", "aiosmtpd", "-n", "-l", &address, "-c"])
        .arg("aiosmtpd.handlers.Mailbox")
        .arg(maildir.path())
        .spawn();
    let Ok(child) = started else {
        assert!(
            std::env::var("TRELLIS_REQUIRE_SMTP").is_err(),
            "TRELLIS_REQUIRE_SMTP=1 but python3 cannot be started"
        );
        eprintln!("skipping: no python3 for aiosmtpd (scripts/test installs it)");
        return None;
    };
    let smtp = Smtp {
        child,
        address,
        maildir,
    };
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(&smtp.address).await.is_ok() {
            return Some(smtp);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        std::env::var("TRELLIS_REQUIRE_SMTP").is_err(),
        "TRELLIS_REQUIRE_SMTP=1 but aiosmtpd did not start (pip install aiosmtpd)"
    );
    eprintln!("skipping: aiosmtpd did not start (scripts/test installs it)");
    None
}

/// (recipient, subject) of every message the server received, counted.
fn received(maildir: &std::path::Path) -> BTreeMap<(String, String), usize> {
    let mut found = BTreeMap::new();
    for dir in ["new", "cur"] {
        for entry in std::fs::read_dir(maildir.join(dir)).unwrap().flatten() {
            let raw = std::fs::read_to_string(entry.path()).unwrap();
            // Headers end at the first blank line; folded lines continue.
            let head = raw.replace("\r\n", "\n");
            let head = head.split("\n\n").next().unwrap_or("").replace("\n ", " ");
            let header = |name: &str| {
                head.lines()
                    .find_map(|l| l.strip_prefix(name))
                    .unwrap_or_default()
                    .trim()
                    .to_owned()
            };
            *found
                .entry((header("To: "), header("Subject: ")))
                .or_default() += 1;
        }
    }
    found
}

async fn count(db: &Db, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&db.pool).await.unwrap()
}

async fn two_runners_do_each_piece_of_work_once(backend: Backend) {
    let Some(smtp) = smtp().await else { return };
    app::db::testing::run_shared(backend, |a: Db, b: Db| async move {
        app::demo::seed(&a).await.unwrap();
        // Every approved registration's protection has just ended.
        a.execute(
            sqlx::query("UPDATE deals SET protected_until = $1 WHERE status = 'approved'")
                .bind(now() - 60),
        )
        .await
        .unwrap();
        let approved: Vec<(String, String)> =
            sqlx::query_as("SELECT id, reference FROM deals WHERE status = 'approved'")
                .fetch_all(&a.pool)
                .await
                .unwrap();
        assert!(approved.len() >= 2, "the demo has approved registrations");

        // The demo's history (a campaign send delivered days ago) is no
        // work of this run.
        let delivered_before: Vec<String> =
            sqlx::query_scalar("SELECT id FROM outbox WHERE status = 'sent'")
                .fetch_all(&a.pool)
                .await
                .unwrap();
        let mut servers = Vec::new();
        for db in [a.clone(), b.clone()] {
            let mailer = Mailer::from_url(
                &format!("smtp://{}", smtp.address),
                "Trellis <no-reply@acmecloud.example>",
            )
            .unwrap();
            let mut jobs = Jobs::default();
            let every = Duration::from_millis(25);
            jobs.spawn(ProtectionSweep { db: db.clone() }, every);
            jobs.spawn(OutboxSender { db, mailer }, every);
            servers.push(jobs);
        }
        let mut waited = 0;
        while count(&a, "SELECT COUNT(*) FROM deals WHERE status = 'approved'").await > 0
            || count(&a, "SELECT COUNT(*) FROM outbox WHERE status = 'pending'").await > 0
        {
            if waited >= 600 {
                let left: Vec<(String, i64, Option<String>, i64)> = sqlx::query_as(
                    "SELECT status, attempts, last_error, next_attempt_at FROM outbox \
                     WHERE status <> 'sent'",
                )
                .fetch_all(&a.pool)
                .await
                .unwrap();
                let approved =
                    count(&a, "SELECT COUNT(*) FROM deals WHERE status = 'approved'").await;
                panic!(
                    "the jobs did not finish within 30 s: {approved} still approved; \
                     emails left (status, attempts, error, next attempt in s): {:?}",
                    left.into_iter()
                        .map(|(s, a, e, at)| (s, a, e, at - now()))
                        .collect::<Vec<_>>()
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
            waited += 1;
        }
        for jobs in servers {
            jobs.shutdown().await;
        }

        for (id, reference) in &approved {
            let expiries: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM deal_events WHERE deal_id = $1 AND to_status = 'expired'",
            )
            .bind(id)
            .fetch_one(&a.pool)
            .await
            .unwrap();
            assert_eq!(expiries, 1, "{reference} expired once");
        }
        let outbox: Vec<(String, String, String, String, i64)> =
            sqlx::query_as("SELECT id, to_address, subject, status, attempts FROM outbox")
                .fetch_all(&a.pool)
                .await
                .unwrap();
        let mut expected: BTreeMap<(String, String), usize> = BTreeMap::new();
        for (_, to, subject, status, attempts) in outbox
            .into_iter()
            .filter(|(id, ..)| !delivered_before.contains(id))
        {
            assert_eq!(
                (status.as_str(), attempts),
                ("sent", 1),
                "{subject} to {to}"
            );
            *expected.entry((to, subject)).or_default() += 1;
        }
        for (_, reference) in &approved {
            assert!(
                expected
                    .keys()
                    .any(|(_, s)| *s == format!("Deal registration {reference}: Expired")),
                "the partner is told {reference} expired"
            );
        }
        // aiosmtpd writes each message before it answers the sender.
        assert_eq!(
            received(smtp.maildir.path()),
            expected,
            "each email arrived once"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_runners_do_each_piece_of_work_once_on_sqlite() {
    two_runners_do_each_piece_of_work_once(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_runners_do_each_piece_of_work_once_on_postgres() {
    two_runners_do_each_piece_of_work_once(Backend::Postgres).await;
}
