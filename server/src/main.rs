//! `trellis [--demo]`: migrates the database, optionally seeds the demo
//! program, and serves the portal.
//!
//! Environment: `DATABASE_URL` (default `sqlite://data/trellis.db`; a
//! `postgres://` URL switches to PostgreSQL), `TRELLIS_LEPTOS_CONFIG` (default
//! `Leptos.toml`), `TRELLIS_DEMO=1` (same as `--demo`), `TRELLIS_PUBLIC_URL`
//! (the https address people use; turns on HSTS), `TRELLIS_SMTP_URL`
//! (`smtp://host:port`; without it mail stays in the outbox),
//! `TRELLIS_WEBHOOKS_LOOPBACK=1` (webhooks may also go to `http://127.0.0.1`,
//! for development and the tests), `LEPTOS_SITE_ADDR` and
//! the other `LEPTOS_*` overrides, `RUST_LOG`.

use std::process::ExitCode;

/// mimalloc instead of the system allocator: rendering a page allocates
/// many small strings on several threads, where glibc's malloc spent a
/// sixth of the time (perf, `scripts/bench pages`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Duration;

use app::{
    db::Db,
    demo::{self, SeedOutcome},
    email::server::Mailer,
    webhooks::Reach,
};
use axum::serve::ListenerExt;
use leptos::prelude::get_configuration;
use server::{
    jobs::{
        ApplicationRescore, CertificateSweep, FundsCheck, Jobs, LeadOfferSweep, OnboardingCheck,
        OutboxSender, ProtectionSweep, SocialPoster, TierRecompute, ViewFlush, WebhookSender,
    },
    router, AppState,
};
use tracing_subscriber::EnvFilter;

const DEFAULT_DATABASE_URL: &str = "sqlite://data/trellis.db";

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            tracing::error!("{message}");
            eprintln!("trellis: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), String> {
    let demo = std::env::args().any(|a| a == "--demo")
        || std::env::var("TRELLIS_DEMO").is_ok_and(|v| v == "1");
    let config_path =
        std::env::var("TRELLIS_LEPTOS_CONFIG").unwrap_or_else(|_| "Leptos.toml".to_owned());
    let conf = get_configuration(Some(&config_path))
        .map_err(|e| format!("cannot read {config_path}: {e}"))?;
    let options = conf.leptos_options;
    let addr = options.site_addr;

    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| DEFAULT_DATABASE_URL.to_owned());
    let db = Db::connect(&url)
        .await
        .map_err(|e| format!("cannot open the {} database: {e}", backend_of(&url)))?;
    db.migrate()
        .await
        .map_err(|e| format!("migrations failed: {e}"))?;
    if demo {
        // The demo's links point where this server answers.
        let base = std::env::var("TRELLIS_PUBLIC_URL")
            .ok()
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| format!("http://{addr}"));
        match demo::seed_at(&db, &base)
            .await
            .map_err(|e| format!("demo seed failed: {e}"))?
        {
            SeedOutcome::Seeded {
                organisations,
                people,
            } => tracing::info!(organisations, people, "demo data seeded"),
            SeedOutcome::AlreadyPresent => tracing::info!("demo data already present"),
        }
    }

    // Open pages hear what changed, on whichever app server it happened.
    let listening = db
        .listen()
        .await
        .map_err(|e| format!("cannot listen for changes: {e}"))?;

    // Every job is safe to run on every app server (see server/src/jobs).
    let mut jobs = Jobs::default();
    jobs.spawn(ProtectionSweep { db: db.clone() }, Duration::from_secs(300));
    jobs.spawn(
        TierRecompute { db: db.clone() },
        Duration::from_secs(24 * 3600),
    );
    jobs.spawn(
        ApplicationRescore { db: db.clone() },
        Duration::from_secs(3600),
    );
    jobs.spawn(
        OnboardingCheck { db: db.clone() },
        Duration::from_secs(3600),
    );
    jobs.spawn(FundsCheck { db: db.clone() }, Duration::from_secs(3600));

    let public_url = std::env::var("TRELLIS_PUBLIC_URL")
        .ok()
        .filter(|u| !u.is_empty());
    jobs.spawn(
        CertificateSweep {
            db: db.clone(),
            public_url: public_url
                .clone()
                .unwrap_or_else(|| format!("http://{addr}")),
        },
        Duration::from_secs(3600),
    );
    match std::env::var("TRELLIS_SMTP_URL")
        .ok()
        .filter(|u| !u.is_empty())
    {
        Some(smtp) => {
            let from = std::env::var("TRELLIS_MAIL_FROM").unwrap_or_else(|_| {
                "Acme Cloud Partner Portal <no-reply@acmecloud.example>".to_owned()
            });
            let mailer = Mailer::from_url(&smtp, &from)?;
            jobs.spawn(
                OutboxSender {
                    db: db.clone(),
                    mailer,
                },
                Duration::from_secs(1),
            );
        }
        None => tracing::info!(
            "no TRELLIS_SMTP_URL: email stays in the outbox (program admin: /admin/outbox)"
        ),
    }
    let reach = if std::env::var("TRELLIS_WEBHOOKS_LOOPBACK").is_ok_and(|v| v == "1") {
        Reach::PublicAndLoopback
    } else {
        Reach::Public
    };
    let state = AppState::new(options, db.clone())
        .with_public_url(public_url)
        .with_webhook_reach(reach);
    jobs.spawn(LeadOfferSweep { db: db.clone() }, Duration::from_secs(60));
    jobs.spawn(SocialPoster { db: db.clone() }, Duration::from_secs(5));
    jobs.spawn(
        WebhookSender {
            db: db.clone(),
            sender: state.webhooks.clone(),
        },
        Duration::from_secs(2),
    );
    let views = state.views.clone();
    jobs.spawn(
        ViewFlush {
            db: db.clone(),
            views: views.clone(),
        },
        Duration::from_secs(1),
    );
    let app = router(state);
    // Pages stream in several writes: without TCP_NODELAY, Nagle's
    // algorithm held each later write until the browser's delayed
    // acknowledgement, some 40 ms, on every page that waits for data.
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?
        .tap_io(|stream| {
            if let Err(err) = stream.set_nodelay(true) {
                tracing::debug!(%err, "TCP_NODELAY not set");
            }
        });
    println!();
    println!(
        "  Trellis is running at http://{addr}  ({} database)",
        db.backend.name()
    );
    if demo {
        print_demo_people();
    }
    println!();
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown({
        // Open event streams end, so the requests in flight can finish.
        let db = db.clone();
        async move {
            shutdown_signal().await;
            db.changes.close();
        }
    })
    .await
    .map_err(|e| format!("server error: {e}"))?;
    drop(listening);
    // Requests are done; let a job run in progress finish too.
    jobs.shutdown().await;
    // The views counted since the last flush.
    if let Err(err) = views.flush(&db).await {
        tracing::warn!(error = %err, "landing page views not written at shutdown");
    }
    Ok(())
}

fn backend_of(url: &str) -> &'static str {
    url.parse::<app::db::Backend>()
        .map(|b| b.name())
        .unwrap_or("unknown")
}

fn print_demo_people() {
    println!();
    println!(
        "  Demo logins, one per role (password for all: {}):",
        demo::DEMO_PASSWORD
    );
    let vendor = demo::VENDOR_PEOPLE.iter().map(|p| (p, demo::VENDOR_NAME));
    let partner = demo::PARTNERS[0]
        .people
        .iter()
        .map(|p| (p, demo::PARTNERS[0].name));
    let mut seen = Vec::new();
    for (person, org) in vendor.chain(partner) {
        if seen.contains(&person.role) {
            continue;
        }
        seen.push(person.role);
        println!(
            "    {:<16} {:<40} {}",
            person.role.label(),
            person.email,
            org
        );
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut sig) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            sig.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
