//! Bad input gets a clear 4xx, never a 5xx, and changes nothing. For every
//! server function with arguments, the valid request of its row in the
//! permission table is spoiled one argument at a time: left out, given the
//! wrong type (a nested value), too long, with NUL or an escape character,
//! sent twice; and the request is sent as JSON (as it is, with numbers for
//! text, with NUL). Each spoiled request must be answered 4xx, and every
//! row of every table must be as it was.

use app::db::{Backend, Db};
use axum::{
    body::Body,
    http::{header, Request},
};
use sqlx::{Column, Row};
use tower::ServiceExt;

use super::table::{attempt, Fixture, Target, Who};

/// Columns that change on every signed-in request (the idle clock), and
/// tables written on first use whatever the request.
const IGNORED_COLUMNS: &[&str] = &["last_seen_at"];
const IGNORED_TABLES: &[&str] = &["signing_keys"];

/// The columns of `table` to read: all but PostgreSQL's tsvectors, which
/// have no Any-driver type (they are derived from columns read anyway).
async fn columns(db: &Db, table: &str) -> String {
    match db.backend {
        Backend::Sqlite => "*".to_owned(),
        Backend::Postgres => {
            let names: Vec<String> = sqlx::query_scalar(
                "SELECT CAST(column_name AS TEXT) FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = $1 \
                 AND data_type <> 'tsvector' ORDER BY ordinal_position",
            )
            .bind(table)
            .fetch_all(&db.pool)
            .await
            .unwrap();
            names.join(", ")
        }
    }
}

/// Every row of every table, as text, sorted.
pub async fn snapshot(db: &Db) -> Vec<String> {
    let sql = match db.backend {
        Backend::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' \
             AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx%' ORDER BY name"
        }
        Backend::Postgres => {
            "SELECT CAST(table_name AS TEXT) FROM information_schema.tables \
             WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx%' \
             ORDER BY table_name"
        }
    };
    let tables: Vec<String> = sqlx::query_scalar(sql).fetch_all(&db.pool).await.unwrap();
    assert!(tables.len() >= 20, "found only {tables:?}");
    let mut out = Vec::new();
    for table in tables
        .iter()
        .filter(|t| !IGNORED_TABLES.contains(&t.as_str()))
    {
        let rows = sqlx::query(&format!("SELECT {} FROM {table}", columns(db, table).await))
            .fetch_all(&db.pool)
            .await
            .unwrap();
        let mut texts: Vec<String> = rows
            .iter()
            .map(|row| {
                let cells: Vec<String> = row
                    .columns()
                    .iter()
                    .filter(|c| !IGNORED_COLUMNS.contains(&c.name()))
                    .map(|c| {
                        let i = c.ordinal();
                        row.try_get::<Option<String>, _>(i)
                            .map(|v| format!("{v:?}"))
                            .or_else(|_| row.try_get::<Option<i64>, _>(i).map(|v| format!("{v:?}")))
                            .or_else(|_| row.try_get::<Option<i32>, _>(i).map(|v| format!("{v:?}")))
                            .or_else(|_| row.try_get::<Option<f64>, _>(i).map(|v| format!("{v:?}")))
                            .or_else(|_| {
                                row.try_get::<Option<bool>, _>(i).map(|v| format!("{v:?}"))
                            })
                            .or_else(|_| {
                                row.try_get::<Option<Vec<u8>>, _>(i)
                                    .map(|v| format!("{} bytes", v.map_or(0, |b| b.len())))
                            })
                            .unwrap_or_else(|e| panic!("{table}.{}: {e}", c.name()))
                    })
                    .collect();
                format!("{table}: {}", cells.join(" | "))
            })
            .collect();
        texts.sort();
        out.extend(texts);
    }
    out
}

fn encode(pairs: &[(String, String)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

fn json(pairs: &[(String, serde_json::Value)]) -> String {
    serde_json::Value::Object(pairs.iter().cloned().collect()).to_string()
}

/// The spoiled versions of a valid request: (what, content type, body).
fn spoiled(pairs: &[(String, String)]) -> Vec<(String, &'static str, String)> {
    const FORM: &str = "application/x-www-form-urlencoded";
    const JSON: &str = "application/json";
    let mut out = Vec::new();
    let with = |i: usize, key: &str, value: &str| {
        let mut changed = pairs.to_vec();
        changed[i] = (key.to_owned(), value.to_owned());
        encode(&changed)
    };
    for (i, (key, value)) in pairs.iter().enumerate() {
        let mut missing = pairs.to_vec();
        missing.remove(i);
        out.push((format!("{key} missing"), FORM, encode(&missing)));
        out.push((
            format!("{key} nested"),
            FORM,
            with(i, &format!("{key}[x]"), value),
        ));
        out.push((
            format!("{key} too long"),
            FORM,
            with(i, key, &"x".repeat(app_max() + 1)),
        ));
        out.push((
            format!("{key} with NUL"),
            FORM,
            with(i, key, &format!("{value}\u{0}")),
        ));
        out.push((
            format!("{key} with ESC"),
            FORM,
            with(i, key, &format!("\u{1b}[31m{value}")),
        ));
        let mut twice = pairs.to_vec();
        twice.push((key.clone(), format!("{value}-again")));
        out.push((format!("{key} twice"), FORM, encode(&twice)));
    }
    let as_json = |f: &dyn Fn(&str) -> serde_json::Value| {
        json(
            &pairs
                .iter()
                .map(|(k, v)| (k.clone(), f(v)))
                .collect::<Vec<_>>(),
        )
    };
    out.push(("as JSON".into(), JSON, as_json(&|v| v.into())));
    out.push((
        "as JSON with numbers".into(),
        JSON,
        as_json(&|_| 12345.into()),
    ));
    out.push((
        "as JSON with NUL".into(),
        JSON,
        as_json(&|v| format!("{v}\u{0}").into()),
    ));
    out
}

fn app_max() -> usize {
    server::guard::MAX_TEXT
}

/// Sends every spoiled request of every server function as `callers`;
/// returns how many were sent.
pub async fn check(fx: &Fixture, paths: &[&str], callers: &[Who]) -> usize {
    let mut sent = 0;
    let mut problems = Vec::new();
    for path in paths {
        for who in callers {
            let (body, _) = attempt(fx, path, *who, Target::Own);
            let pairs: Vec<(String, String)> = form_urlencoded::parse(body.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect();
            if pairs.is_empty() {
                continue;
            }
            let before = snapshot(&fx.db).await;
            let cookie = fx
                .cookies
                .iter()
                .find(|(w, _)| w == who)
                .map(|(_, c)| c.clone())
                .expect("a signed-in caller");
            for (what, content_type, body) in spoiled(&pairs) {
                let request = Request::post(*path)
                    .header(header::CONTENT_TYPE, content_type)
                    .header(header::ACCEPT, "application/json")
                    .header(header::COOKIE, &cookie)
                    .body(Body::from(body))
                    .unwrap();
                let res = fx.app.clone().oneshot(request).await.unwrap();
                sent += 1;
                let status = res.status();
                if !status.is_client_error() {
                    problems.push(format!("{path} as {who:?}, {what}: {status}"));
                }
            }
            let after = snapshot(&fx.db).await;
            if before != after {
                let changed: Vec<&String> = after.iter().filter(|r| !before.contains(r)).collect();
                problems.push(format!("{path} as {who:?} changed {changed:?}"));
            }
        }
    }
    assert_eq!(problems, Vec::<String>::new());
    sent
}
