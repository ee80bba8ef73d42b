//! What the benchmarks share: a seeded random number generator and
//! multi-row inserts for generating large programs quickly.

use app::db::Db;

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
