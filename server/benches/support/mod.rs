//! What the benchmarks share: a seeded random number generator and
//! multi-row inserts for generating large programs quickly.

use app::{db::Db, demo};

/// Logs warnings only, opens and migrates the database the benchmark was
/// given (`TRELLIS_BENCH_DATABASE_URL`, else SQLite at `default_path`),
/// seeds the demo program and answers it with `TRELLIS_BENCH_SCALE`
/// (default 1).
pub async fn open(default_path: &str) -> (Db, String, f64) {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter("warn")
        .init();
    let url = std::env::var("TRELLIS_BENCH_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{default_path}"));
    let scale: f64 = std::env::var("TRELLIS_BENCH_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1.0);
    let db = Db::connect(&url).await.expect("connect");
    db.migrate().await.expect("migrate");
    demo::seed(&db).await.expect("seed the program");
    (db, url, scale)
}

/// SplitMix64: the same numbers on every machine, no dependency.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Inserts `rows` with multi-row statements: `row` is one row's SQL with
/// `?` for each bound value (constants may be written inline).
pub async fn insert_many(db: &Db, head: &str, row: &str, rows: Vec<Vec<Value>>) {
    let mut tx = db.write(app::db::Actor::system()).await.unwrap();
    for batch in rows.chunks(400) {
        let mut sql = format!("{head} VALUES ");
        let mut n = 0;
        for i in 0..batch.len() {
            if i > 0 {
                sql.push(',');
            }
            for part in row.split_inclusive('?') {
                match part.strip_suffix('?') {
                    Some(text) => {
                        n += 1;
                        sql.push_str(text);
                        sql.push_str(&format!("${n}"));
                    }
                    None => sql.push_str(part),
                }
            }
        }
        let mut query = sqlx::query(&sql);
        for values in batch {
            for value in values {
                query = match value {
                    Value::Text(t) => query.bind(t.clone()),
                    Value::Int(i) => query.bind(*i),
                    Value::Null => query.bind(None::<i64>),
                };
            }
        }
        query.execute(&mut *tx).await.unwrap();
    }
    tx.commit().await.unwrap();
}

#[derive(Clone)]
pub enum Value {
    Text(String),
    Int(i64),
    Null,
}

pub fn t(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}
