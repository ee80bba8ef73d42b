//! Authoring (the program admin): courses and their settings, lessons in
//! order, the quiz's question pool, and certification paths. Every change
//! is audited; a path's new audience enrols the people it is now for.

use sqlx::AnyConnection;

use crate::{
    audit::server::Entry,
    auth::{policy::authorize_program, Viewer},
    db::{Db, Write},
    error::AppError,
    learning::{
        authoring::{
            validate_course, validate_lesson, validate_path, validate_question, CourseInput,
            LessonInput, PathInput, QuestionInput,
        },
        AuthoringOverview, EditableChoice, EditableCourse, EditableLesson, EditablePath,
        EditableQuestion,
    },
};

async fn audit(
    tx: &mut Write,
    viewer: &Viewer,
    action: &'static str,
    record_type: &'static str,
    id: &str,
    detail: &str,
) -> Result<(), sqlx::Error> {
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action,
        record_type,
        record_id: Some(id),
        detail: Some(detail),
    })
    .await
}

/// Every course and path, to pick one to edit.
pub async fn overview(db: &Db, viewer: &Viewer) -> Result<AuthoringOverview, AppError> {
    authorize_program(viewer)?;
    let mut conn = db.reader().await?;
    let courses: Vec<(String, String)> =
        sqlx::query_as("SELECT id, title FROM courses ORDER BY title")
            .fetch_all(&mut *conn)
            .await?;
    let rows: Vec<(String, String, String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT id, title, summary, job_functions, partner_types, validity_months, \
         counts_toward_tier FROM cert_paths ORDER BY created_at, title",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut paths = Vec::with_capacity(rows.len());
    for (id, title, summary, job_functions, partner_types, validity_months, counts) in rows {
        let steps: Vec<(String, i64)> = sqlx::query_as(
            "SELECT course_id, retake_to_recertify FROM cert_path_courses \
             WHERE path_id = $1 ORDER BY position",
        )
        .bind(&id)
        .fetch_all(&mut *conn)
        .await?;
        paths.push(EditablePath {
            id,
            title,
            summary,
            job_functions,
            partner_types,
            validity_months,
            counts_toward_tier: counts == 1,
            courses: steps.into_iter().map(|(c, r)| (c, r == 1)).collect(),
        });
    }
    Ok(AuthoringOverview { courses, paths })
}

/// Course `id` with its lessons and its question pool, key included (the
/// program admin writes it).
pub async fn course(db: &Db, viewer: &Viewer, id: &str) -> Result<EditableCourse, AppError> {
    authorize_program(viewer)?;
    let mut conn = db.reader().await?;
    let c: Option<(String, String, i64, i64, i64, i64)> = sqlx::query_as(
        "SELECT title, summary, minutes, pass_mark, max_attempts, questions_per_attempt \
         FROM courses WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let (title, summary, minutes, pass_mark, max_attempts, questions_per_attempt) =
        c.ok_or(AppError::NotFound)?;
    #[derive(sqlx::FromRow)]
    struct LessonRow {
        id: String,
        position: i64,
        title: String,
        body: String,
        video_url: Option<String>,
        asset_id: Option<String>,
    }
    let lessons: Vec<LessonRow> = sqlx::query_as(
        "SELECT id, position, title, body, video_url, asset_id FROM lessons \
         WHERE course_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let choices: Vec<(String, String, i64, String, String, i64)> = sqlx::query_as(
        "SELECT q.id, q.prompt, q.multiple, c.id, c.label, c.correct FROM quiz_questions q \
         JOIN quiz_choices c ON c.question_id = q.id WHERE q.course_id = $1 \
         ORDER BY q.id, c.position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let mut questions: Vec<EditableQuestion> = Vec::new();
    for (qid, prompt, multiple, cid, label, correct) in choices {
        if questions.last().is_none_or(|q| q.id != qid) {
            questions.push(EditableQuestion {
                id: qid,
                prompt,
                multiple: multiple == 1,
                choices: Vec::new(),
            });
        }
        if let Some(q) = questions.last_mut() {
            q.choices.push(EditableChoice {
                id: cid,
                label,
                correct: correct == 1,
            });
        }
    }
    Ok(EditableCourse {
        id: id.to_owned(),
        title,
        summary,
        minutes,
        pass_mark,
        max_attempts,
        questions_per_attempt,
        lessons: lessons
            .into_iter()
            .map(|l| EditableLesson {
                id: l.id,
                position: l.position,
                title: l.title,
                body: l.body,
                video_url: l.video_url,
                asset_id: l.asset_id,
            })
            .collect(),
        questions,
    })
}

/// Adds a course (no `id`) or changes course `id`'s settings. Returns its id.
pub async fn save_course(
    db: &Db,
    viewer: &Viewer,
    id: Option<&str>,
    input: &CourseInput,
    now: i64,
    ip: Option<&str>,
) -> Result<String, AppError> {
    authorize_program(viewer)?;
    let c = validate_course(input)?;
    let mut tx = db.write(viewer.actor(ip)).await?;
    let id = match id {
        Some(id) => {
            let done = sqlx::query(
                "UPDATE courses SET title = $1, summary = $2, minutes = $3, pass_mark = $4, \
                 max_attempts = $5, questions_per_attempt = $6 WHERE id = $7",
            )
            .bind(&c.title)
            .bind(&c.summary)
            .bind(c.minutes)
            .bind(c.pass_mark)
            .bind(c.max_attempts)
            .bind(c.questions_per_attempt)
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
                "INSERT INTO courses (id, title, summary, minutes, pass_mark, max_attempts, \
                 questions_per_attempt, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(&id)
            .bind(&c.title)
            .bind(&c.summary)
            .bind(c.minutes)
            .bind(c.pass_mark)
            .bind(c.max_attempts)
            .bind(c.questions_per_attempt)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            id
        }
    };
    audit(&mut tx, viewer, "course_saved", "course", &id, &c.title).await?;
    tx.commit().await?;
    Ok(id)
}

async fn course_exists(conn: &mut AnyConnection, id: &str) -> Result<(), AppError> {
    let found: Option<String> = sqlx::query_scalar("SELECT id FROM courses WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    found.map(|_| ()).ok_or(AppError::NotFound)
}

/// Adds a lesson at the end of course `course_id` (no `id`) or rewrites
/// lesson `id` of it.
pub async fn save_lesson(
    db: &Db,
    viewer: &Viewer,
    course_id: &str,
    id: Option<&str>,
    input: &LessonInput,
    ip: Option<&str>,
) -> Result<(), AppError> {
    authorize_program(viewer)?;
    let l = validate_lesson(input)?;
    let mut tx = db.write(viewer.actor(ip)).await?;
    course_exists(&mut tx, course_id).await?;
    if let Some(asset) = &l.asset_id {
        let found: Option<String> =
            sqlx::query_scalar("SELECT id FROM assets WHERE id = $1 AND archived_at IS NULL")
                .bind(asset)
                .fetch_optional(&mut *tx)
                .await?;
        if found.is_none() {
            return Err(AppError::field(
                "asset_id",
                crate::t!("Choose an asset from the library."),
            ));
        }
    }
    let id = match id {
        Some(id) => {
            let done = sqlx::query(
                "UPDATE lessons SET title = $1, body = $2, video_url = $3, asset_id = $4 \
                 WHERE id = $5 AND course_id = $6",
            )
            .bind(&l.title)
            .bind(&l.body)
            .bind(&l.video_url)
            .bind(&l.asset_id)
            .bind(id)
            .bind(course_id)
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
                "INSERT INTO lessons (id, course_id, position, title, body, video_url, asset_id) \
                 VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM lessons \
                 WHERE course_id = $2), $3, $4, $5, $6)",
            )
            .bind(&id)
            .bind(course_id)
            .bind(&l.title)
            .bind(&l.body)
            .bind(&l.video_url)
            .bind(&l.asset_id)
            .execute(&mut *tx)
            .await?;
            id
        }
    };
    audit(&mut tx, viewer, "lesson_saved", "lesson", &id, &l.title).await?;
    Ok(tx.commit().await?)
}

/// Moves lesson `id` one place earlier in its course (swapping with the
/// one before it).
pub async fn move_lesson_up(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    ip: Option<&str>,
) -> Result<(), AppError> {
    authorize_program(viewer)?;
    let mut tx = db.write(viewer.actor(ip)).await?;
    let lesson: Option<(String, i64, String)> =
        sqlx::query_as("SELECT course_id, position, title FROM lessons WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let (course_id, position, title) = lesson.ok_or(AppError::NotFound)?;
    if position == 1 {
        return Err(AppError::Conflict(
            crate::t!("This lesson comes first already.").to_owned(),
        ));
    }
    // Through a free position past the end, so (course_id, position) stays
    // unique and positive throughout.
    let parked = position + 1_000_000;
    for (from, to) in [
        (position, parked),
        (position - 1, position),
        (parked, position - 1),
    ] {
        sqlx::query("UPDATE lessons SET position = $1 WHERE course_id = $2 AND position = $3")
            .bind(to)
            .bind(&course_id)
            .bind(from)
            .execute(&mut *tx)
            .await?;
    }
    audit(&mut tx, viewer, "lesson_moved", "lesson", id, &title).await?;
    Ok(tx.commit().await?)
}

/// Adds a question to course `course_id`'s pool.
pub async fn add_question(
    db: &Db,
    viewer: &Viewer,
    course_id: &str,
    input: &QuestionInput,
    ip: Option<&str>,
) -> Result<(), AppError> {
    authorize_program(viewer)?;
    let q = validate_question(input)?;
    let mut tx = db.write(viewer.actor(ip)).await?;
    course_exists(&mut tx, course_id).await?;
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO quiz_questions (id, course_id, prompt, multiple) VALUES ($1, $2, $3, $4)",
    )
    .bind(&id)
    .bind(course_id)
    .bind(&q.prompt)
    .bind(i64::from(q.multiple))
    .execute(&mut *tx)
    .await?;
    for (position, (label, correct)) in (1_i64..).zip(&q.choices) {
        sqlx::query(
            "INSERT INTO quiz_choices (id, question_id, position, label, correct) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(&id)
        .bind(position)
        .bind(label)
        .bind(i64::from(*correct))
        .execute(&mut *tx)
        .await?;
    }
    audit(
        &mut tx,
        viewer,
        "question_added",
        "quiz_question",
        &id,
        &q.prompt,
    )
    .await?;
    Ok(tx.commit().await?)
}

/// Takes question `id` out of its pool, unless the pool would then be
/// smaller than the questions one attempt draws. Attempts that drew it
/// keep their marks.
pub async fn remove_question(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    ip: Option<&str>,
) -> Result<(), AppError> {
    authorize_program(viewer)?;
    let mut tx = db.write(viewer.actor(ip)).await?;
    let found: Option<(String, String, i64)> = sqlx::query_as(
        "SELECT q.course_id, q.prompt, c.questions_per_attempt FROM quiz_questions q \
         JOIN courses c ON c.id = q.course_id WHERE q.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let (course_id, prompt, drawn) = found.ok_or(AppError::NotFound)?;
    let pool: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM quiz_questions WHERE course_id = $1")
        .bind(&course_id)
        .fetch_one(&mut *tx)
        .await?;
    if pool <= drawn {
        return Err(AppError::Conflict(crate::t!(
            "Each attempt draws {drawn} questions: add another before removing this one.",
            drawn = drawn
        )));
    }
    sqlx::query("DELETE FROM quiz_choices WHERE question_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM quiz_questions WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    audit(
        &mut tx,
        viewer,
        "question_removed",
        "quiz_question",
        id,
        &prompt,
    )
    .await?;
    Ok(tx.commit().await?)
}

/// Adds a path (no `id`) or rewrites path `id`: its courses, audience and
/// validity. Partner people it is now for are enrolled; certificates
/// already issued stand as issued.
pub async fn save_path(
    db: &Db,
    viewer: &Viewer,
    id: Option<&str>,
    input: &PathInput,
    now: i64,
    ip: Option<&str>,
) -> Result<String, AppError> {
    authorize_program(viewer)?;
    let known: Vec<String> = sqlx::query_scalar("SELECT id FROM courses")
        .fetch_all(&db.pool)
        .await?;
    let p = validate_path(input, &known)?;
    let mut tx = db.write(viewer.actor(ip)).await?;
    let id = match id {
        Some(id) => {
            let done = sqlx::query(
                "UPDATE cert_paths SET title = $1, summary = $2, job_functions = $3, \
                 partner_types = $4, validity_months = $5, counts_toward_tier = $6 WHERE id = $7",
            )
            .bind(&p.title)
            .bind(&p.summary)
            .bind(&p.job_functions)
            .bind(&p.partner_types)
            .bind(p.validity_months)
            .bind(i64::from(p.counts_toward_tier))
            .bind(id)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(AppError::NotFound);
            }
            sqlx::query("DELETE FROM cert_path_courses WHERE path_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            id.to_owned()
        }
        None => {
            let id = uuid::Uuid::new_v4().to_string();
            sqlx::query(
                "INSERT INTO cert_paths (id, title, summary, job_functions, partner_types, \
                 validity_months, counts_toward_tier, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(&id)
            .bind(&p.title)
            .bind(&p.summary)
            .bind(&p.job_functions)
            .bind(&p.partner_types)
            .bind(p.validity_months)
            .bind(i64::from(p.counts_toward_tier))
            .bind(now)
            .execute(&mut *tx)
            .await?;
            id
        }
    };
    for (position, (course, retake)) in (1_i64..).zip(&p.courses) {
        sqlx::query(
            "INSERT INTO cert_path_courses (path_id, course_id, position, retake_to_recertify) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(&id)
        .bind(course)
        .bind(position)
        .bind(i64::from(*retake))
        .execute(&mut *tx)
        .await?;
    }
    // Enrol everyone it is now for (path::aimed_at, said in SQL for all
    // partner people at once).
    let enrolled = sqlx::query(
        "INSERT INTO path_enrolments (path_id, person_id, organisation_id, enrolled_at) \
         SELECT $1, p.id, p.organisation_id, $2 FROM people p \
         JOIN organisations o ON o.id = p.organisation_id \
         WHERE o.kind = 'partner' AND p.status <> 'disabled' \
         AND ($3 = '' OR ',' || $3 || ',' LIKE '%,' || p.job_function || ',%') \
         AND ($4 = '' OR ',' || $4 || ',' LIKE '%,' || o.partner_type || ',%') \
         ON CONFLICT (path_id, person_id) DO NOTHING",
    )
    .bind(&id)
    .bind(now)
    .bind(&p.job_functions)
    .bind(&p.partner_types)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let detail = format!("{}: {enrolled} people newly enrolled", p.title);
    audit(&mut tx, viewer, "path_saved", "cert_path", &id, &detail).await?;
    tx.commit().await?;
    Ok(id)
}
