//! Asset search benchmark (not a test): a library of 50,000 assets whose
//! titles and descriptions are drawn from a 3,000-word vocabulary with
//! the frequencies of real text (Zipf: the n-th commonest word is used
//! 1/n as often as the first), the sales words people search for spread
//! through it. Searched as a partner (so the audience filter runs too) the
//! way people search: a word, a word and an industry, two words, browsing
//! by facets with no words, and the worst case, the commonest word (in
//! about a third of the library). Prints p50/p95/p99 of each. Run it with `scripts/bench assets` (both
//! databases) or:
//!
//! ```sh
//! TRELLIS_BENCH_DATABASE_URL=sqlite:///tmp/assets.db cargo bench -p server --bench assets
//! ```
//!
//! `TRELLIS_BENCH_SCALE` (default 1) multiplies the assets.

mod support;

use std::time::{Duration, Instant};

use app::{
    assets::{server::search, SearchFilter, MANY},
    auth::Viewer,
    db::Db,
    organisations::demo::demo_id,
    organisations::Role,
};
use support::{insert_many, t, Rng, Value};

const KINDS: &[&str] = &[
    "sales_deck",
    "case_study",
    "playbook",
    "datasheet",
    "whitepaper",
];
const USES: &[&str] = &[
    "prospecting",
    "selling",
    "closing",
    "onboarding",
    "enablement",
];
const INDUSTRIES: &[&str] = &[
    "any",
    "healthcare",
    "financial",
    "retail",
    "manufacturing",
    "public",
    "education",
    "technology",
    "energy",
];
const PRODUCTS: &[&str] = &["compute", "storage", "databases", "security", "platform"];
const TYPES: &[&str] = &["", "", "", "msp,si", "var"];
/// Words the generated text is made of: common ones, and rarer ones a
/// search would look for.
const WORDS: &[&str] = &[
    "cloud",
    "customer",
    "migration",
    "backup",
    "recovery",
    "database",
    "security",
    "compliance",
    "audit",
    "encryption",
    "region",
    "latency",
    "scaling",
    "pricing",
    "discount",
    "partner",
    "managed",
    "service",
    "hospital",
    "clinic",
    "radiology",
    "bank",
    "insurer",
    "retailer",
    "factory",
    "sensor",
    "school",
    "university",
    "utility",
    "meter",
    "startup",
    "marketplace",
    "kubernetes",
    "container",
    "analytics",
    "warehouse",
    "archive",
    "failover",
    "replica",
    "throughput",
    "identity",
    "firewall",
    "sovereignty",
    "residency",
    "telemetry",
    "invoice",
    "procurement",
    "onboarding",
    "workshop",
    "roadmap",
    "benchmark",
    "uptime",
    "incident",
    "runbook",
    "observability",
    "gateway",
    "serverless",
    "edge",
    "cache",
    "queue",
];

/// Words in the vocabulary; the sales words sit at every 50th rank.
const VOCABULARY: usize = 3_000;

/// The word of rank `rank` (0: the commonest).
fn word(rank: usize) -> String {
    if rank.is_multiple_of(50) && rank / 50 < WORDS.len() {
        WORDS[rank / 50].to_owned()
    } else {
        format!("term{rank}")
    }
}

/// Cumulative Zipf weights of the vocabulary's ranks.
fn zipf() -> Vec<f64> {
    let mut total = 0.0;
    (0..VOCABULARY)
        .map(|r| {
            total += 1.0 / (r + 1) as f64;
            total
        })
        .collect()
}

fn sentence(rng: &mut Rng, cumulative: &[f64], words: usize) -> String {
    let total = cumulative[cumulative.len() - 1];
    (0..words)
        .map(|_| {
            let x = rng.below(1_000_000) as f64 / 1_000_000.0 * total;
            word(cumulative.partition_point(|c| *c < x))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

async fn generate(db: &Db, count: usize) {
    let now = app::auth::server::now();
    let started = Instant::now();
    let mut rng = Rng(23);
    let cumulative = zipf();
    let rows: Vec<Vec<Value>> = (0..count)
        .map(|i| {
            vec![
                t(format!("bench-asset-{i}")),
                t(format!("{} {i}", sentence(&mut rng, &cumulative, 4))),
                t(sentence(&mut rng, &cumulative, 30)),
                t(KINDS[rng.below(KINDS.len())]),
                t(USES[rng.below(USES.len())]),
                t(INDUSTRIES[rng.below(INDUSTRIES.len())]),
                t(PRODUCTS[rng.below(PRODUCTS.len())]),
                t(if rng.below(5) == 0 { "de" } else { "en" }),
                t(TYPES[rng.below(TYPES.len())]),
                t(format!("bench-asset-{i}.pdf")),
                // One in ten has run out (partners no longer see it).
                if rng.below(10) == 0 {
                    Value::Int(now - 86_400)
                } else {
                    Value::Null
                },
                Value::Int(now - i as i64),
            ]
        })
        .collect();
    insert_many(
        db,
        "INSERT INTO assets (id, title, description, kind, use_case, industry, product, \
         language, partner_types, file_name, expires_at, created_at)",
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    .await;
    println!(
        "generated {count} assets in {:.0} s",
        started.elapsed().as_secs_f64()
    );
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i].as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() {
    let (db, url, scale) = support::open("/tmp/trellis-bench/assets.db").await;
    let count = ((50_000.0 * scale) as usize).max(100);
    let present: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM assets WHERE id LIKE 'bench-asset-%'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    if present == 0 {
        generate(&db, count).await;
        // What autovacuum does after a bulk load: PostgreSQL's planner
        // statistics, and the visibility map index-only scans need.
        if db.backend == app::db::Backend::Postgres {
            sqlx::query("VACUUM ANALYZE assets")
                .execute(&db.pool)
                .await
                .unwrap();
        }
    } else {
        println!("reusing the generated library in {url}");
    }
    // Ava, partner admin at Northwind (a reseller in Gold).
    let viewer = Viewer {
        person_id: demo_id("person", "northwind-ava"),
        name: "Ava Thompson".into(),
        email: "ava.thompson@northwind.example".into(),
        role: Role::PartnerAdmin,
        organisation_id: demo_id("org", "northwind"),
        organisation_name: "Northwind Solutions".into(),
    };
    let now = app::auth::server::now();
    let backend = db.backend.name();
    let mut rng = Rng(7);
    type Make = fn(&mut Rng) -> SearchFilter;
    let scenarios: [(&str, Make); 5] = [
        ("one word", |rng| SearchFilter {
            q: WORDS[rng.below(WORDS.len())].to_owned(),
            ..SearchFilter::default()
        }),
        ("a word and an industry", |rng| SearchFilter {
            q: WORDS[rng.below(WORDS.len())].to_owned(),
            industry: Some(INDUSTRIES[1 + rng.below(INDUSTRIES.len() - 1)].to_owned()),
            ..SearchFilter::default()
        }),
        ("two words, the last typed halfway", |rng| {
            let last = WORDS[rng.below(WORDS.len())];
            SearchFilter {
                q: format!(
                    "{} {}",
                    WORDS[rng.below(WORDS.len())],
                    &last[..last.len().div_ceil(2)]
                ),
                ..SearchFilter::default()
            }
        }),
        ("no words, a product and a type", |rng| SearchFilter {
            product: Some(PRODUCTS[rng.below(PRODUCTS.len())].to_owned()),
            kind: Some(KINDS[rng.below(KINDS.len())].to_owned()),
            ..SearchFilter::default()
        }),
        ("worst case: the commonest word", |_| SearchFilter {
            q: WORDS[0].to_owned(),
            ..SearchFilter::default()
        }),
    ];
    for (name, make) in scenarios {
        let mut times = Vec::with_capacity(500);
        let mut found = 0;
        let mut broad = 0;
        for _ in 0..500 {
            let filter = make(&mut rng);
            let started = Instant::now();
            let results = search(&db, &viewer, &filter, now).await.expect("search");
            times.push(started.elapsed());
            found += results.total;
            broad += i64::from(results.broad);
        }
        times.sort();
        println!(
            "{backend}: {count} assets, {name}: p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms \
             ({} matches on average; {broad} of 500 too broad to rank, counted up to {})",
            percentile(&times, 0.50),
            percentile(&times, 0.95),
            percentile(&times, 0.99),
            found / 500,
            MANY
        );
    }
}
