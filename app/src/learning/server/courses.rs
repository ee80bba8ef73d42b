//! The catalogue, a course's outline with the viewer's progress, and a
//! lesson (opening it is what progress counts).

use sqlx::AnyConnection;

use crate::{
    auth::{server::now, Viewer},
    db::Db,
    learning::{CourseCard, CourseView, LessonItem, LessonView, QuizStanding},
};

#[derive(sqlx::FromRow)]
struct CardRow {
    id: String,
    title: String,
    summary: String,
    minutes: i64,
    lessons: i64,
    opened: i64,
    /// When the viewer last passed the course's quiz.
    last_pass: Option<i64>,
}

/// Every course, with how far the viewer is in each. A course whose quiz
/// is open again to renew a certificate does not show as passed.
pub async fn catalogue(db: &Db, viewer: &Viewer) -> Result<Vec<CourseCard>, sqlx::Error> {
    let mut conn = db.reader().await?;
    let rows: Vec<CardRow> = sqlx::query_as(
        "SELECT c.id, c.title, c.summary, c.minutes, \
         (SELECT COUNT(*) FROM lessons l WHERE l.course_id = c.id) AS lessons, \
         (SELECT COUNT(*) FROM lesson_progress p JOIN lessons l ON l.id = p.lesson_id \
          WHERE l.course_id = c.id AND p.person_id = $1) AS opened, \
         (SELECT CAST(MAX(a.submitted_at) AS BIGINT) FROM quiz_attempts a \
          WHERE a.course_id = c.id AND a.person_id = $1 AND a.passed = 1) AS last_pass \
         FROM courses c ORDER BY c.title",
    )
    .bind(&viewer.person_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut cards = Vec::with_capacity(rows.len());
    for r in rows {
        let passed = match r.last_pass {
            None => false,
            Some(at) => {
                let since =
                    super::certification::renewal_since(&mut conn, &viewer.person_id, &r.id, now())
                        .await?;
                since.is_none_or(|since| at > since)
            }
        };
        cards.push(CourseCard {
            id: r.id,
            title: r.title,
            summary: r.summary,
            minutes: r.minutes,
            lessons: r.lessons,
            opened: r.opened,
            passed,
        });
    }
    Ok(cards)
}

#[derive(sqlx::FromRow)]
pub(super) struct CourseRow {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub minutes: i64,
    pub pass_mark: i64,
    pub max_attempts: i64,
    pub questions_per_attempt: i64,
}

pub(super) async fn course_row(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<CourseRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, title, summary, minutes, pass_mark, max_attempts, questions_per_attempt \
         FROM courses WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await
}

/// Where `person_id` stands with the quiz of `course`. While a certificate
/// that asks the course again is up for renewal, only the attempts since
/// it was issued count: the quiz is open again, with its attempts.
pub(super) async fn standing(
    conn: &mut AnyConnection,
    course: &CourseRow,
    person_id: &str,
) -> Result<QuizStanding, sqlx::Error> {
    let since = super::certification::renewal_since(conn, person_id, &course.id, now())
        .await?
        .unwrap_or(i64::MIN);
    let (used, passed, best): (i64, Option<i64>, Option<i64>) = sqlx::query_as(
        "SELECT COUNT(*), MAX(passed), MAX(percent) FROM quiz_attempts \
         WHERE course_id = $1 AND person_id = $2 AND submitted_at IS NOT NULL \
         AND submitted_at > $3 AND cleared = 0",
    )
    .bind(&course.id)
    .bind(person_id)
    .bind(since)
    .fetch_one(&mut *conn)
    .await?;
    let last_attempt: Option<String> = sqlx::query_scalar(
        "SELECT id FROM quiz_attempts WHERE course_id = $1 AND person_id = $2 \
         AND submitted_at IS NOT NULL ORDER BY submitted_at DESC, id LIMIT 1",
    )
    .bind(&course.id)
    .bind(person_id)
    .fetch_optional(&mut *conn)
    .await?;
    let pool: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM quiz_questions WHERE course_id = $1")
        .bind(&course.id)
        .fetch_one(&mut *conn)
        .await?;
    Ok(QuizStanding {
        pass_mark: course.pass_mark,
        questions: course.questions_per_attempt.min(pool),
        max_attempts: course.max_attempts,
        used,
        passed: passed == Some(1),
        best,
        last_attempt,
    })
}

/// Course `id` with the viewer's progress, if it exists.
pub async fn course(db: &Db, viewer: &Viewer, id: &str) -> Result<Option<CourseView>, sqlx::Error> {
    let mut conn = db.reader().await?;
    let Some(c) = course_row(&mut conn, id).await? else {
        return Ok(None);
    };
    let lessons: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT l.position, l.title, COUNT(p.lesson_id) FROM lessons l \
         LEFT JOIN lesson_progress p ON p.lesson_id = l.id AND p.person_id = $2 \
         WHERE l.course_id = $1 GROUP BY l.position, l.title ORDER BY l.position",
    )
    .bind(id)
    .bind(&viewer.person_id)
    .fetch_all(&mut *conn)
    .await?;
    let lessons: Vec<LessonItem> = lessons
        .into_iter()
        .map(|(position, title, opened)| LessonItem {
            position,
            title,
            opened: opened > 0,
        })
        .collect();
    let quiz = standing(&mut conn, &c, &viewer.person_id).await?;
    Ok(Some(CourseView {
        resume: lessons.iter().find(|l| !l.opened).map(|l| l.position),
        id: c.id,
        title: c.title,
        summary: c.summary,
        minutes: c.minutes,
        lessons,
        quiz,
    }))
}

#[derive(sqlx::FromRow)]
struct LessonRow {
    id: String,
    course_title: String,
    title: String,
    body: String,
    video_url: Option<String>,
    asset_id: Option<String>,
    lessons: i64,
}

/// Lesson `position` of course `course_id`, if it exists; the viewer's
/// opening it is recorded (the first time counts), and ticks their
/// organisation's onboarding training step.
pub async fn lesson(
    db: &Db,
    viewer: &Viewer,
    course_id: &str,
    position: i64,
) -> Result<Option<LessonView>, sqlx::Error> {
    let row: Option<LessonRow> = sqlx::query_as(
        "SELECT l.id, c.title AS course_title, l.title, l.body, l.video_url, l.asset_id, \
         (SELECT COUNT(*) FROM lessons n WHERE n.course_id = c.id) AS lessons \
         FROM lessons l JOIN courses c ON c.id = l.course_id \
         WHERE l.course_id = $1 AND l.position = $2",
    )
    .bind(course_id)
    .bind(position)
    .fetch_optional(&db.pool)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    db.execute(
        sqlx::query(
            "INSERT INTO lesson_progress (person_id, lesson_id, organisation_id, opened_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (person_id, lesson_id) DO NOTHING",
        )
        .bind(&viewer.person_id)
        .bind(&row.id)
        .bind(&viewer.organisation_id)
        .bind(now()),
    )
    .await?;
    // A partner's first lesson ticks its onboarding "training" step.
    crate::onboarding::server::record_event(db, viewer, "training").await?;
    let document = match &row.asset_id {
        Some(id) => crate::assets::server::visible_title(db, viewer, id, now())
            .await?
            .map(|title| (id.clone(), title)),
        None => None,
    };
    Ok(Some(LessonView {
        document,
        course_id: course_id.to_owned(),
        course_title: row.course_title,
        position,
        lessons: row.lessons,
        title: row.title,
        body: row.body,
        video_url: row.video_url,
    }))
}
