//! The help search: one box that finds FAQ answers, the rules of
//! engagement, courses, lessons and assets, in that order, all inside the
//! portal (nothing is sent to an outside service). And the FAQ itself.

use super::library::search;
use crate::{
    assets::{
        help::{matches_all, snippet},
        search_terms, FaqEntry, HelpHit, HelpResults, HelpSource, SearchFilter,
    },
    audit::server::Entry,
    auth::{policy::authorize_program, Viewer},
    db::Db,
    error::AppError,
};

/// Hits of each kind shown at most.
const EACH: usize = 5;
const WIDTH: usize = 160;

/// A `WHERE` clause that every term (bound from `$1`) appears in the
/// lowercased `column_text`.
fn all_terms(column_text: &str, count: usize) -> String {
    (1..=count)
        .map(|i| format!("LOWER({column_text}) LIKE '%' || ${i} || '%'"))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// Binds each of `terms` in order (to the placeholders of [`all_terms`]).
fn bind_terms<'q, O>(
    mut query: sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>>,
    terms: &[String],
) -> sqlx::query::QueryAs<'q, sqlx::Any, O, sqlx::any::AnyArguments<'q>> {
    for t in terms {
        query = query.bind(t.clone());
    }
    query
}

/// Everything the help search finds for `query`.
pub async fn help(
    db: &Db,
    viewer: &Viewer,
    query: &str,
    now: i64,
) -> Result<HelpResults, sqlx::Error> {
    let terms = search_terms(query);
    let mut hits = Vec::new();
    if terms.is_empty() {
        return Ok(HelpResults {
            query: query.to_owned(),
            hits,
        });
    }
    let mut conn = db.reader().await?;
    let faq_sql = format!(
        "SELECT id, question, answer FROM faq_entries WHERE {} ORDER BY position LIMIT {EACH}",
        all_terms("question || ' ' || answer", terms.len())
    );
    let faq: Vec<(String, String, String)> = bind_terms(sqlx::query_as(&faq_sql), &terms)
        .fetch_all(&mut *conn)
        .await?;
    hits.extend(faq.into_iter().map(|(id, question, answer)| HelpHit {
        source: HelpSource::Faq,
        title: question,
        snippet: snippet(&answer, &terms, WIDTH),
        href: format!("/help/faq#faq-{id}"),
    }));
    let rules: Option<String> =
        sqlx::query_scalar("SELECT rules_of_engagement FROM program_settings LIMIT 1")
            .fetch_optional(&mut *conn)
            .await?;
    let rules = rules.unwrap_or_default();
    hits.extend(
        rules
            .split("\n\n")
            .filter(|p| matches_all(p, &terms))
            .take(EACH)
            .map(|p| HelpHit {
                source: HelpSource::Rules,
                title: crate::t!("Rules of engagement").to_owned(),
                snippet: snippet(p, &terms, WIDTH),
                href: "/deals/rules".to_owned(),
            }),
    );
    let courses_sql = format!(
        "SELECT id, title, summary FROM courses WHERE {} ORDER BY title LIMIT {EACH}",
        all_terms("title || ' ' || summary", terms.len())
    );
    let courses: Vec<(String, String, String)> = bind_terms(sqlx::query_as(&courses_sql), &terms)
        .fetch_all(&mut *conn)
        .await?;
    hits.extend(courses.into_iter().map(|(id, title, summary)| HelpHit {
        source: HelpSource::Course,
        title,
        snippet: snippet(&summary, &terms, WIDTH),
        href: format!("/learn/{id}"),
    }));
    let lessons_sql = format!(
        "SELECT course_id, position, title, body FROM lessons WHERE {} \
         ORDER BY course_id, position LIMIT {EACH}",
        all_terms("title || ' ' || body", terms.len())
    );
    let lessons: Vec<(String, i64, String, String)> =
        bind_terms(sqlx::query_as(&lessons_sql), &terms)
            .fetch_all(&mut *conn)
            .await?;
    hits.extend(lessons.into_iter().map(|(course, n, title, body)| HelpHit {
        source: HelpSource::Lesson,
        title,
        snippet: snippet(&body, &terms, WIDTH),
        href: format!("/learn/{course}/lessons/{n}"),
    }));
    drop(conn);
    let filter = SearchFilter {
        q: query.to_owned(),
        ..SearchFilter::default()
    };
    let assets = search(db, viewer, &filter, now).await?;
    hits.extend(assets.assets.into_iter().take(EACH).map(|a| HelpHit {
        source: HelpSource::Asset,
        snippet: snippet(&a.description, &terms, WIDTH),
        title: a.title,
        href: format!("/assets/{}", a.id),
    }));
    Ok(HelpResults {
        query: query.to_owned(),
        hits,
    })
}

/// The FAQ in its order.
pub async fn faq(db: &Db) -> Result<Vec<FaqEntry>, sqlx::Error> {
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT id, question, answer FROM faq_entries ORDER BY position, id")
            .fetch_all(&db.pool)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, question, answer)| FaqEntry {
            id,
            question,
            answer,
        })
        .collect())
}

/// Adds a FAQ entry (no `id`) or rewrites one (the program admin only).
pub async fn save_faq(
    db: &Db,
    viewer: &Viewer,
    id: Option<&str>,
    question: &str,
    answer: &str,
    now: i64,
    ip: Option<&str>,
) -> Result<(), AppError> {
    authorize_program(viewer)?;
    let (question, answer) = (question.trim(), answer.trim());
    let mut errors = Vec::new();
    if question.is_empty() || question.chars().count() > 300 {
        errors.push((
            "question",
            crate::t!("Ask the question in at most 300 characters."),
        ));
    }
    if answer.is_empty() || answer.chars().count() > 5000 {
        errors.push((
            "answer",
            crate::t!("Answer it in at most 5,000 characters."),
        ));
    }
    if !errors.is_empty() {
        return Err(AppError::fields(errors));
    }
    let mut tx = db.write(viewer.actor(ip)).await?;
    let id = match id {
        Some(id) => {
            let done = sqlx::query(
                "UPDATE faq_entries SET question = $1, answer = $2, updated_at = $3 WHERE id = $4",
            )
            .bind(question)
            .bind(answer)
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(AppError::NotFound);
            }
            id.to_owned()
        }
        None => {
            let id = uuid::Uuid::new_v4().to_string();
            sqlx::query(
                "INSERT INTO faq_entries (id, question, answer, position, updated_at) \
                 VALUES ($1, $2, $3, (SELECT COALESCE(MAX(position), 0) + 1 FROM faq_entries), $4)",
            )
            .bind(&id)
            .bind(question)
            .bind(answer)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            id
        }
    };
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "faq_saved",
        record_type: "faq_entry",
        record_id: Some(&id),
        detail: Some(question),
    })
    .await?;
    Ok(tx.commit().await?)
}

/// Removes FAQ entry `id` (the program admin only).
pub async fn delete_faq(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    ip: Option<&str>,
) -> Result<(), AppError> {
    authorize_program(viewer)?;
    let mut tx = db.write(viewer.actor(ip)).await?;
    let question: Option<String> =
        sqlx::query_scalar("SELECT question FROM faq_entries WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let question = question.ok_or(AppError::NotFound)?;
    sqlx::query("DELETE FROM faq_entries WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "faq_deleted",
        record_type: "faq_entry",
        record_id: Some(id),
        detail: Some(&question),
    })
    .await?;
    Ok(tx.commit().await?)
}
