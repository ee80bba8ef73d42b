//! Tier recompute benchmark (not a test): a program of 10,000 partners and
//! 1,000,000 deals (won over two years, approved, open), then the
//! recompute that places every partner, timed twice: the first run moves
//! most partners (history, audit, notifications written), the second finds
//! nothing to change. Run it with `scripts/bench tiers` (both databases) or:
//!
//! ```sh
//! TRELLIS_BENCH_DATABASE_URL=sqlite:///tmp/tiers.db cargo bench -p server --bench tiers
//! ```
//!
//! `TRELLIS_BENCH_SCALE` (default 1) multiplies the partners and deals.

mod support;

use std::time::Instant;

use app::{db::Db, demo, tiers::server::recompute};
use support::{insert_many, t, Rng, Value};

const CURRENCIES: &[&str] = &["USD", "USD", "USD", "EUR", "GBP", "CAD"];
const ROLES: &[&str] = &["sourced", "reseller", "si", "influence", "referral"];

async fn generate(db: &Db, partners: usize, deals: usize) {
    let now = app::auth::server::now();
    let registered = demo::demo_id("tier", "registered");
    let started = Instant::now();
    let mut rng = Rng(11);
    let orgs: Vec<Vec<Value>> = (0..partners)
        .map(|i| {
            vec![
                t(format!("tier-org-{i}")),
                t(format!("Tier Bench Partner {i}")),
                t(registered.clone()),
                Value::Int(rng.below(9) as i64),
                Value::Int(50 + rng.below(50) as i64),
                Value::Int(now),
            ]
        })
        .collect();
    insert_many(
        db,
        "INSERT INTO organisations (id, kind, name, partner_type, region, status, tier_id, \
         certified_people, psat_tenths, created_at)",
        "(?, 'partner', ?, 'msp', 'emea', 'active', ?, ?, ?, ?)",
        orgs,
    )
    .await;
    let people: Vec<Vec<Value>> = (0..partners)
        .map(|i| {
            vec![
                t(format!("tier-person-{i}")),
                t(format!("tier-org-{i}")),
                t(format!("tier{i}@bench.example")),
                Value::Int(now),
            ]
        })
        .collect();
    insert_many(
        db,
        "INSERT INTO people (id, organisation_id, name, email, role, created_at)",
        "(?, ?, 'Bench Admin', ?, 'partner_admin', ?)",
        people,
    )
    .await;
    let mut batch = Vec::new();
    for d in 0..deals {
        // Skewed: a few partners sell a lot, most a little.
        let r = rng.below(1_000_000) as f64 / 1_000_000.0;
        let org = ((r * r) * partners as f64) as usize % partners;
        let roll = rng.below(10);
        let (status, closed, decided) = match roll {
            0..=5 => {
                let closed = now - rng.below(730 * 86_400) as i64;
                ("won", Value::Int(closed), Value::Int(closed - 30 * 86_400))
            }
            6 | 7 => (
                "approved",
                Value::Null,
                Value::Int(now - rng.below(540 * 86_400) as i64),
            ),
            8 => (
                "lost",
                Value::Int(now - rng.below(365 * 86_400) as i64),
                Value::Int(now - 400 * 86_400),
            ),
            _ => ("submitted", Value::Null, Value::Null),
        };
        batch.push(vec![
            t(format!("tier-deal-{d}")),
            t(format!("TB-{d:08}")),
            t(format!("tier-org-{org}")),
            t(format!("tier-person-{org}")),
            t(format!("Customer {d}")),
            t(format!("customer {d}")),
            Value::Int((5_000 + rng.below(195_000) as i64) * 100),
            t(CURRENCIES[rng.below(CURRENCIES.len())]),
            t(ROLES[rng.below(ROLES.len())]),
            t(status),
            decided,
            closed,
            Value::Int(now),
        ]);
        if batch.len() == 20_000 {
            flush(db, std::mem::take(&mut batch)).await;
        }
    }
    flush(db, batch).await;
    println!(
        "generated {partners} partners and {deals} deals in {:.0} s",
        started.elapsed().as_secs_f64()
    );
}

async fn flush(db: &Db, deals: Vec<Vec<Value>>) {
    insert_many(
        db,
        "INSERT INTO deals (id, reference, organisation_id, registered_by, customer_company, \
         company_key, value_cents, currency, partner_role, status, decided_at, closed_at, \
         created_at, contact_name, contact_email, country, products, expected_close, updated_at)",
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Sam Buyer', 'sam@customer.example', 'Germany', \
         'Acme Compute', '2027-12-31', 0)",
        deals,
    )
    .await;
}

#[tokio::main]
async fn main() {
    let (db, url, scale) = support::open("/tmp/trellis-bench/tiers.db").await;
    let partners = ((10_000.0 * scale) as usize).max(10);
    let deals = ((1_000_000.0 * scale) as usize).max(100);
    let present: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM organisations WHERE id LIKE 'tier-org-%'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    if present == 0 {
        generate(&db, partners, deals).await;
    } else {
        println!("reusing the generated data in {url}");
    }
    let backend = db.backend.name();
    for run in ["first (places every partner)", "second (nothing to change)"] {
        let started = Instant::now();
        let done = recompute(&db, None).await.expect("recompute");
        println!(
            "{backend}: tier recompute, {run}: {} partners, {} changed, {:.1} s",
            done.partners,
            done.changed,
            started.elapsed().as_secs_f64()
        );
    }
    let tiers: Vec<(String, i64)> = sqlx::query_as(
        "SELECT t.name, COUNT(*) FROM organisations o JOIN tiers t ON t.id = o.tier_id \
         WHERE o.id LIKE 'tier-org-%' GROUP BY t.name, t.rank ORDER BY t.rank",
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    println!("{backend}: partners per tier: {tiers:?}");
}
