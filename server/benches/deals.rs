//! Deal-registration benchmark (not a test): generates a realistic large
//! program and measures the as-you-type conflict check and registration
//! throughput (check + insert + claims + timeline + audit + email in one
//! transaction). Run it with `scripts/bench` (both databases) or:
//!
//! ```sh
//! TRELLIS_BENCH_DATABASE_URL=sqlite:///tmp/bench.db cargo bench -p server --bench deals
//! ```
//!
//! `TRELLIS_BENCH_SCALE` (default 1) multiplies the dataset: 10,000
//! partners, 1,000,000 registrations and 20,000 direct accounts at 1.

use std::{
    collections::HashSet,
    time::{Duration, Instant},
};

mod support;

use support::{insert_many, t, Rng, Value};

use app::{
    auth::Viewer,
    db::Db,
    deals::{
        matching::{reversed, short_key},
        server::{findings, register},
        DealInput,
    },
    demo,
    organisations::Role,
    values::{company_key, domain_key},
};

const FIRST: &[&str] = &[
    "alpine", "amber", "apex", "arctic", "atlas", "aurora", "azure", "beacon", "birch", "blue",
    "bright", "canyon", "cedar", "cobalt", "comet", "coral", "crest", "crimson", "crystal",
    "delta", "eagle", "echo", "ember", "emerald", "falcon", "fern", "firefly", "forest",
    "frontier", "galaxy", "garnet", "glacier", "golden", "granite", "harbor", "hawk", "horizon",
    "indigo", "iron", "jade", "juniper", "keystone", "lagoon", "lantern", "lumen", "maple",
    "marble", "meadow", "meridian", "mesa", "monarch", "north", "nova", "oak", "ocean", "onyx",
    "orbit", "orchid", "pacific", "pearl", "pine", "pioneer", "polar", "prairie", "quartz",
    "radiant", "raven", "redwood", "ridge", "river", "sage", "sapphire", "sequoia", "sierra",
    "silver", "solar", "spruce", "summit", "sun", "tidal", "timber", "topaz", "tundra", "twin",
    "union", "valley", "vector", "velvet", "vertex", "vista", "willow", "windward", "winter",
    "zenith", "zephyr", "acorn", "basalt", "cirrus", "dune", "flint",
];
const SECOND: &[&str] = &[
    "analytics",
    "logistics",
    "foods",
    "motors",
    "health",
    "energy",
    "capital",
    "systems",
    "labs",
    "media",
    "retail",
    "pharma",
    "bank",
    "insurance",
    "airlines",
    "textiles",
    "mining",
    "robotics",
    "networks",
    "software",
    "clinics",
    "hotels",
    "farms",
    "marine",
    "steel",
    "studios",
    "telecom",
    "transport",
    "utilities",
    "ventures",
    "water",
    "wireless",
    "aerospace",
    "apparel",
    "biotech",
    "brewing",
    "chemicals",
    "construction",
    "consulting",
    "dental",
    "devices",
    "education",
    "electric",
    "engineering",
    "entertainment",
    "fitness",
    "freight",
    "games",
    "glass",
    "grocers",
    "holdings",
    "imaging",
    "industries",
    "instruments",
    "kitchens",
    "legal",
    "lighting",
    "lumber",
    "machines",
    "materials",
    "medical",
    "metals",
    "mills",
    "optics",
    "paper",
    "partners",
    "payments",
    "plastics",
    "power",
    "printing",
    "properties",
    "publishing",
    "realty",
    "research",
    "resorts",
    "security",
    "semiconductors",
    "shipping",
    "solutions",
    "sports",
    "storage",
    "supply",
    "technologies",
    "therapeutics",
    "tools",
    "trading",
    "travel",
    "vision",
    "wellness",
    "works",
    "yards",
    "zoo",
    "outfitters",
    "bakery",
    "cycles",
    "dairy",
    "fabrics",
    "gardens",
    "harvest",
    "orchards",
];
const THIRD: &[&str] = &[
    "group",
    "international",
    "global",
    "north america",
    "europe",
    "pacific",
    "worldwide",
    "partners",
    "united",
    "co",
    "direct",
    "one",
    "first",
    "prime",
    "plus",
    "pro",
    "central",
    "east",
    "west",
    "south",
];
const SUFFIX: &[&str] = &[
    "", " Inc.", " LLC", " Ltd", " GmbH", " S.A.", " B.V.", " Corp",
];

/// A small deterministic generator (SplitMix64): the same data every run.
fn company(n: usize) -> String {
    let a = FIRST[n % FIRST.len()];
    let b = SECOND[(n / FIRST.len()) % SECOND.len()];
    let c = THIRD[(n / (FIRST.len() * SECOND.len())) % THIRD.len()];
    let title = |w: &str| {
        let mut chars = w.chars();
        chars
            .next()
            .map(|f| f.to_uppercase().chain(chars).collect::<String>())
            .unwrap_or_default()
    };
    format!(
        "{} {} {}{}",
        title(a),
        title(b),
        title(c),
        SUFFIX[n % SUFFIX.len()]
    )
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

struct Scale {
    partners: usize,
    deals: usize,
    accounts: usize,
}

async fn generate(db: &Db, scale: &Scale) {
    let now = app::auth::server::now();
    let gold = demo::demo_id("tier", "gold");
    let started = Instant::now();
    let mut orgs = Vec::new();
    let mut people = Vec::new();
    for i in 0..scale.partners {
        orgs.push(vec![
            t(format!("bench-org-{i}")),
            t(format!("Bench Partner {i}")),
            t(gold.clone()),
            Value::Int(now),
        ]);
        people.push(vec![
            t(format!("bench-person-{i}")),
            t(format!("bench-org-{i}")),
            t(format!("Bench Person {i}")),
            t(format!("person{i}@bench.example")),
            Value::Int(now),
        ]);
    }
    insert_many(
        db,
        "INSERT INTO organisations (id, kind, name, partner_type, region, status, tier_id, created_at)",
        "(?, 'partner', ?, 'var', 'emea', 'active', ?, ?)",
        orgs,
    )
    .await;
    insert_many(
        db,
        "INSERT INTO people (id, organisation_id, name, email, role, created_at)",
        "(?, ?, ?, ?, 'partner_admin', ?)",
        people,
    )
    .await;
    // Every bench partner signed its agreement (registering needs it).
    let agreement = demo::demo_id("agreement", "var");
    let signatures = (0..scale.partners)
        .map(|i| {
            vec![
                t(format!("bench-signature-{i}")),
                t(agreement.clone()),
                t(format!("bench-org-{i}")),
                t(format!("bench-person-{i}")),
                Value::Int(now),
            ]
        })
        .collect();
    insert_many(
        db,
        "INSERT INTO agreement_signatures (id, agreement_id, organisation_id, person_id, \
         full_name, title, sha256, signed_at)",
        "(?, ?, ?, ?, 'Bench Person', 'Partner admin', '', ?)",
        signatures,
    )
    .await;
    let mut rng = Rng(42);
    let mut claimed: HashSet<String> = HashSet::new();
    let mut deals = Vec::new();
    let mut claims = Vec::new();
    for d in 0..scale.deals {
        let name = company(rng.below(FIRST.len() * SECOND.len() * THIRD.len() * 8));
        let key = company_key(&name);
        let domain = format!("{}.example", key.replace(' ', "-"));
        let org = rng.below(scale.partners);
        let roll = rng.below(10);
        let (status, protected) = match roll {
            0..=5 => ("approved", Value::Int(now + 90 * 86_400)),
            6 | 7 => ("submitted", Value::Null),
            8 => ("rejected", Value::Null),
            _ => ("won", Value::Null),
        };
        let id = format!("bench-deal-{d}");
        if roll <= 7 {
            for (claim, reverse, short) in [
                (format!("name:{key}"), t(reversed(&key)), t(short_key(&key))),
                (
                    format!("domain:{}", key.replace(' ', "-")),
                    Value::Null,
                    Value::Null,
                ),
            ] {
                if claimed.insert(claim.clone()) {
                    claims.push(vec![
                        t(claim),
                        t(id.clone()),
                        t(format!("bench-org-{org}")),
                        Value::Int(now),
                        reverse,
                        short,
                    ]);
                }
            }
        }
        deals.push(vec![
            t(id),
            t(format!("BR-{d:08}")),
            t(format!("bench-org-{org}")),
            t(format!("bench-person-{org}")),
            t(name),
            t(domain),
            t(key.clone()),
            t(key.replace(' ', "-")),
            t(status),
            protected,
            Value::Int(now),
        ]);
        if deals.len() == 20_000 {
            flush_deals(db, std::mem::take(&mut deals), std::mem::take(&mut claims)).await;
        }
    }
    flush_deals(db, deals, claims).await;
    let mut accounts = Vec::new();
    for a in 0..scale.accounts {
        // Direct accounts come from the same name space (they do collide).
        let name = company(rng.below(FIRST.len() * SECOND.len() * THIRD.len() * 8));
        let key = company_key(&name);
        accounts.push(vec![
            t(format!("bench-account-{a}")),
            t(name),
            t(key.clone()),
            t(key.replace(' ', "-")),
            Value::Int(now),
            t(reversed(&key)),
            t(short_key(&key)),
        ]);
    }
    insert_many(
        db,
        "INSERT INTO direct_accounts (id, company, company_key, domain_key, created_at, \
         reverse_key, short_key)",
        "(?, ?, ?, ?, ?, ?, ?)",
        accounts,
    )
    .await;
    println!(
        "generated {} partners, {} registrations, {} direct accounts in {:.0} s",
        scale.partners,
        scale.deals,
        scale.accounts,
        started.elapsed().as_secs_f64()
    );
}

async fn flush_deals(db: &Db, deals: Vec<Vec<Value>>, claims: Vec<Vec<Value>>) {
    insert_many(
        db,
        "INSERT INTO deals (id, reference, organisation_id, registered_by, customer_company, \
         customer_domain, company_key, domain_key, status, protected_until, created_at, \
         contact_name, contact_email, country, products, value_cents, currency, expected_close, \
         partner_role, updated_at)",
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Sam Buyer', 'sam@customer.example', 'Germany', \
         'Acme Compute', 1000000, 'EUR', '2027-12-31', 'reseller', 0)",
        deals,
    )
    .await;
    insert_many(
        db,
        "INSERT INTO deal_claims (customer_key, deal_id, organisation_id, claimed_at, reverse_key, \
         short_key)",
        "(?, ?, ?, ?, ?, ?)",
        claims,
    )
    .await;
}

/// The as-you-type check: exact names, names with a typo, and new names.
async fn bench_check(db: &Db, partners: usize, deals: usize, queries: usize) -> Vec<Duration> {
    let mut rng = Rng(7);
    let mut times = Vec::with_capacity(queries);
    let mut found = [0usize; 3];
    for q in 0..queries {
        let kind = q % 3;
        // Exact and misspelt names of registrations that exist.
        let mut name: String =
            sqlx::query_scalar("SELECT customer_company FROM deals WHERE id = $1")
                .bind(format!("bench-deal-{}", rng.below(deals)))
                .fetch_one(&db.pool)
                .await
                .unwrap();
        match kind {
            1 => {
                // Drop one letter after the first three.
                let i = 3 + rng.below(name.len().saturating_sub(4).max(1));
                if name.is_char_boundary(i) && name.is_char_boundary(i + 1) {
                    name.remove(i);
                }
            }
            2 => name = format!("Novel Customer {q} Ltd"),
            _ => {}
        }
        let org = format!("bench-org-{}", rng.below(partners));
        let key = company_key(&name);
        let domain = domain_key(&format!("{}.example", key.replace(' ', "-")));
        let started = Instant::now();
        let mut conn = db.pool.acquire().await.unwrap();
        let result = findings(&mut conn, &org, &key, domain.as_deref(), None)
            .await
            .unwrap();
        times.push(started.elapsed());
        if !result.is_empty() {
            found[kind] += 1;
        }
    }
    println!(
        "conflict check found a holder for {}/{} exact and {}/{} misspelt names of registrations \
         (about 80% are open), and for {}/{} new names",
        found[0],
        queries.div_ceil(3),
        found[1],
        queries / 3,
        found[2],
        queries / 3
    );
    times
}

/// Registrations by `workers` partners at once for `seconds`.
async fn bench_register(
    db: &Db,
    partners: usize,
    workers: usize,
    seconds: u64,
) -> (Vec<Duration>, usize, f64) {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for w in 0..workers {
        let db = db.clone();
        tasks.push(tokio::spawn(async move {
            let mut rng = Rng(1000 + w as u64);
            let mut times = Vec::new();
            let mut errors = 0;
            let mut n = 0;
            while Instant::now() < deadline {
                let org = rng.below(partners);
                let viewer = Viewer {
                    person_id: format!("bench-person-{org}"),
                    name: format!("Bench Person {org}"),
                    email: format!("person{org}@bench.example"),
                    role: Role::PartnerAdmin,
                    organisation_id: format!("bench-org-{org}"),
                    organisation_name: format!("Bench Partner {org}"),
                };
                // Half new customers, half existing ones (conflicts).
                let name = if n % 2 == 0 {
                    format!("Throughput {w} Customer {n}")
                } else {
                    company(rng.below(FIRST.len() * SECOND.len() * THIRD.len() * 8))
                };
                n += 1;
                let deal = DealInput {
                    customer_company: name,
                    customer_domain: String::new(),
                    contact_name: "Sam Buyer".into(),
                    contact_email: "sam@customer.example".into(),
                    country: "Germany".into(),
                    products: "Acme Compute".into(),
                    value: "10000".into(),
                    currency: "EUR".into(),
                    expected_close: "2099-12-31".into(),
                    partner_role: "reseller".into(),
                    ..DealInput::default()
                }
                .validate("2026-01-01")
                .unwrap();
                let t = Instant::now();
                match register(&db, &viewer, &deal, None).await {
                    Ok(_) => times.push(t.elapsed()),
                    Err(err) => {
                        errors += 1;
                        eprintln!("registration failed: {err:?}");
                    }
                }
            }
            (times, errors)
        }));
    }
    let mut times = Vec::new();
    let mut errors = 0;
    for task in tasks {
        let (t, e) = task.await.unwrap();
        times.extend(t);
        errors += e;
    }
    let elapsed = started.elapsed().as_secs_f64();
    (times, errors, elapsed)
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let (db, url, scale) = support::open("/tmp/trellis-bench/bench.db").await;
    let scale = Scale {
        partners: ((10_000.0 * scale) as usize).max(10),
        deals: ((1_000_000.0 * scale) as usize).max(100),
        accounts: ((20_000.0 * scale) as usize).max(10),
    };
    let present: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM organisations WHERE id LIKE 'bench-org-%'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    if present == 0 {
        generate(&db, &scale).await;
    } else {
        println!("reusing the generated data in {url}");
    }
    let backend = db.backend.name();
    let mut check = bench_check(&db, scale.partners, scale.deals, 3000).await;
    check.sort();
    println!(
        "{backend}: conflict check over {} registrations: p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms ({} queries)",
        scale.deals,
        percentile(&check, 0.50),
        percentile(&check, 0.95),
        percentile(&check, 0.99),
        check.len()
    );
    let workers = 8;
    let seconds = std::env::var("TRELLIS_BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let (mut times, errors, elapsed) = bench_register(&db, scale.partners, workers, seconds).await;
    times.sort();
    println!(
        "{backend}: registration (check + insert + claims + timeline + audit + email, one transaction), {workers} at once: {:.0}/s sustained over {elapsed:.0} s, p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, {} done, {errors} errors",
        times.len() as f64 / elapsed,
        percentile(&times, 0.50),
        percentile(&times, 0.95),
        percentile(&times, 0.99),
        times.len()
    );
}
