//! Quiz attempts: drawn from the course's pool when started, marked on the
//! server against the key (which never leaves it), read back as a result.
//! An attempt is its person's alone: every query names them.

use std::collections::{BTreeMap, BTreeSet};

use sqlx::AnyConnection;

use super::courses::{course_row, standing};
use crate::{
    audit::server::Entry,
    auth::{server::now, Viewer},
    db::Db,
    error::AppError,
    learning::{draw, mark, AttemptResult, KeyedQuestion, PaperChoice, PaperQuestion, QuizPaper},
};

/// The viewer's open attempt at `course_id`, if any.
async fn open_attempt(
    conn: &mut AnyConnection,
    course_id: &str,
    person_id: &str,
) -> Result<Option<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, question_ids FROM quiz_attempts \
         WHERE course_id = $1 AND person_id = $2 AND submitted_at IS NULL",
    )
    .bind(course_id)
    .bind(person_id)
    .fetch_optional(&mut *conn)
    .await
}

/// A number fixed for attempt `attempt_id`: its choices' order.
fn seed_of(attempt_id: &str) -> u64 {
    uuid::Uuid::parse_str(attempt_id).map_or(1, |u| u.as_u64_pair().1)
}

/// The questions with ids `ids`, in that order, without their key; each
/// question's choices in an order fixed by `seed`, so the right answer is
/// not always where the author wrote it.
async fn paper_questions(
    conn: &mut AnyConnection,
    course_id: &str,
    ids: &[String],
    seed: u64,
) -> Result<Vec<PaperQuestion>, sqlx::Error> {
    let rows: Vec<(String, String, i64, String, String)> = sqlx::query_as(
        "SELECT q.id, q.prompt, q.multiple, c.id, c.label FROM quiz_questions q \
         JOIN quiz_choices c ON c.question_id = q.id WHERE q.course_id = $1 \
         ORDER BY q.id, c.position",
    )
    .bind(course_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut by_id: BTreeMap<String, PaperQuestion> = BTreeMap::new();
    for (id, prompt, multiple, choice, label) in rows {
        by_id
            .entry(id.clone())
            .or_insert_with(|| PaperQuestion {
                id,
                prompt,
                multiple: multiple == 1,
                choices: Vec::new(),
            })
            .choices
            .push(PaperChoice { id: choice, label });
    }
    Ok(ids
        .iter()
        .filter_map(|id| by_id.remove(id))
        .zip(0_u64..)
        .map(|(mut q, i)| {
            let order: Vec<String> = q.choices.iter().map(|c| c.id.clone()).collect();
            let order = draw(&order, order.len(), seed.wrapping_add(i));
            q.choices
                .sort_by_key(|c| order.iter().position(|id| *id == c.id));
            q
        })
        .collect())
}

/// The key of every question of `course_id`.
async fn key(
    conn: &mut AnyConnection,
    course_id: &str,
) -> Result<BTreeMap<String, KeyedQuestion>, sqlx::Error> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT q.id, c.id, c.correct FROM quiz_questions q \
         JOIN quiz_choices c ON c.question_id = q.id WHERE q.course_id = $1 \
         ORDER BY q.id, c.position",
    )
    .bind(course_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut key: BTreeMap<String, KeyedQuestion> = BTreeMap::new();
    for (question, choice, correct) in rows {
        let q = key
            .entry(question.clone())
            .or_insert_with(|| KeyedQuestion {
                id: question,
                choices: Vec::new(),
                correct: BTreeSet::new(),
            });
        if correct == 1 {
            q.correct.insert(choice.clone());
        }
        q.choices.push(choice);
    }
    Ok(key)
}

fn split_ids(stored: &str) -> Vec<String> {
    stored
        .split(',')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The viewer's attempt at course `course_id`: the open one, or a new one
/// drawn from the pool. Refused once the quiz is passed or every attempt
/// is used.
pub async fn start_attempt(
    db: &Db,
    viewer: &Viewer,
    course_id: &str,
    ip: Option<&str>,
) -> Result<QuizPaper, AppError> {
    let mut tx = db.write(viewer.actor(ip)).await?;
    let course = course_row(&mut tx, course_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let standing = standing(&mut tx, &course, &viewer.person_id).await?;
    let (attempt_id, ids) = match open_attempt(&mut tx, course_id, &viewer.person_id).await? {
        Some((id, ids)) => (id, split_ids(&ids)),
        None if standing.passed => {
            return Err(AppError::Conflict(
                t!("You passed this quiz already.").to_owned(),
            ))
        }
        None if !standing.may_take() => {
            return Err(AppError::Conflict(
                t!("You have used every attempt at this quiz.").to_owned(),
            ))
        }
        None => {
            let pool: Vec<String> = sqlx::query_scalar(
                "SELECT id FROM quiz_questions WHERE course_id = $1 ORDER BY id",
            )
            .bind(course_id)
            .fetch_all(&mut *tx)
            .await?;
            let seed = uuid::Uuid::new_v4().as_u64_pair().0;
            let count = usize::try_from(standing.questions).unwrap_or(0);
            let ids = draw(&pool, count, seed);
            // Two tabs starting at once: the second finds the first's.
            sqlx::query(
                "INSERT INTO quiz_attempts (id, course_id, person_id, organisation_id, \
                 question_ids, started_at) VALUES ($1, $2, $3, $4, $5, $6) \
                 ON CONFLICT (person_id, course_id) WHERE submitted_at IS NULL DO NOTHING",
            )
            .bind(uuid::Uuid::new_v4().to_string())
            .bind(course_id)
            .bind(&viewer.person_id)
            .bind(&viewer.organisation_id)
            .bind(ids.join(","))
            .bind(now())
            .execute(&mut *tx)
            .await?;
            let (id, ids) = open_attempt(&mut tx, course_id, &viewer.person_id)
                .await?
                .ok_or(AppError::NotFound)?;
            (id, split_ids(&ids))
        }
    };
    let questions = paper_questions(&mut tx, course_id, &ids, seed_of(&attempt_id)).await?;
    tx.commit().await?;
    Ok(QuizPaper {
        attempt_id,
        course_id: course.id,
        course_title: course.title,
        pass_mark: course.pass_mark,
        attempt: standing.used + 1,
        max_attempts: course.max_attempts,
        questions,
    })
}

/// Marks the viewer's open attempt `attempt_id` with `picked` (tokens
/// `question:choice`) and returns the course's id. A token naming a
/// question not in the attempt is refused; a choice that is not the
/// question's counts as wrong.
pub async fn submit_attempt(
    db: &Db,
    viewer: &Viewer,
    attempt_id: &str,
    picked: &[String],
    ip: Option<&str>,
) -> Result<String, AppError> {
    if picked.is_empty() {
        return Err(AppError::field(
            "picked",
            t!("Answer at least one question before you submit."),
        ));
    }
    let mut tx = db.write(viewer.actor(ip)).await?;
    let attempt: Option<(String, String, Option<i64>)> = sqlx::query_as(
        "SELECT course_id, question_ids, submitted_at FROM quiz_attempts \
         WHERE id = $1 AND person_id = $2",
    )
    .bind(attempt_id)
    .bind(&viewer.person_id)
    .fetch_optional(&mut *tx)
    .await?;
    let (course_id, ids, submitted) = attempt.ok_or(AppError::NotFound)?;
    if submitted.is_some() {
        return Err(AppError::Conflict(
            t!("This attempt was submitted already.").to_owned(),
        ));
    }
    let ids = split_ids(&ids);
    let mut answers: Vec<BTreeSet<String>> = vec![BTreeSet::new(); ids.len()];
    for token in picked {
        let index = token
            .split_once(':')
            .and_then(|(q, c)| ids.iter().position(|id| id == q).map(|i| (i, c)));
        match index {
            Some((i, choice)) => {
                answers[i].insert(choice.to_owned());
            }
            None => {
                return Err(AppError::field(
                    "picked",
                    t!("Answer the questions of this attempt."),
                ))
            }
        }
    }
    let course = course_row(&mut tx, &course_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut key = key(&mut tx, &course_id).await?;
    // A question taken out of the pool since the attempt was drawn is not
    // marked; the others keep their answers beside them.
    let (questions, answers): (Vec<KeyedQuestion>, Vec<BTreeSet<String>>) = ids
        .iter()
        .zip(answers)
        .filter_map(|(id, picked)| key.remove(id).map(|q| (q, picked)))
        .unzip();
    let marked = mark(&questions, &answers, course.pass_mark);
    let stored_answers = answers
        .iter()
        .map(|a| a.iter().cloned().collect::<Vec<_>>().join(","))
        .collect::<Vec<_>>()
        .join(" ");
    let marks: String = marked
        .right
        .iter()
        .map(|r| if *r { '1' } else { '0' })
        .collect();
    let done = sqlx::query(
        "UPDATE quiz_attempts SET submitted_at = $1, percent = $2, passed = $3, answers = $4, \
         marks = $5 WHERE id = $6 AND person_id = $7 AND submitted_at IS NULL",
    )
    .bind(now())
    .bind(marked.percent)
    .bind(i64::from(marked.passed))
    .bind(&stored_answers)
    .bind(&marks)
    .bind(attempt_id)
    .bind(&viewer.person_id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::Conflict(
            t!("This attempt was submitted already.").to_owned(),
        ));
    }
    let detail = format!("{}: {}%", course.title, marked.percent);
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: if marked.passed {
            "quiz_passed"
        } else {
            "quiz_failed"
        },
        record_type: "quiz_attempt",
        record_id: Some(attempt_id),
        detail: Some(&detail),
    })
    .await?;
    let certified = if marked.passed {
        super::certify(&mut tx, &viewer.person_id, attempt_id, now()).await?
    } else {
        0
    };
    tx.commit().await?;
    if certified > 0 {
        // One more certified person may move the organisation up a tier.
        crate::tiers::server::recompute(db, Some(&viewer.organisation_id)).await?;
    }
    Ok(course_id)
}

/// The viewer's submitted attempt `attempt_id`, if it is theirs.
pub async fn attempt_result(
    db: &Db,
    viewer: &Viewer,
    attempt_id: &str,
) -> Result<Option<AttemptResult>, sqlx::Error> {
    let mut conn = db.reader().await?;
    let row: Option<(String, String, i64, i64, String)> = sqlx::query_as(
        "SELECT course_id, question_ids, percent, passed, marks FROM quiz_attempts \
         WHERE id = $1 AND person_id = $2 AND submitted_at IS NOT NULL",
    )
    .bind(attempt_id)
    .bind(&viewer.person_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((course_id, ids, percent, passed, marks)) = row else {
        return Ok(None);
    };
    let Some(course) = course_row(&mut conn, &course_id).await? else {
        return Ok(None);
    };
    let standing = standing(&mut conn, &course, &viewer.person_id).await?;
    let questions =
        paper_questions(&mut conn, &course_id, &split_ids(&ids), seed_of(attempt_id)).await?;
    Ok(Some(AttemptResult {
        attempt_id: attempt_id.to_owned(),
        course_id,
        course_title: course.title,
        percent,
        passed: passed == 1,
        pass_mark: course.pass_mark,
        attempts_left: standing.attempts_left(),
        questions: questions
            .into_iter()
            .zip(marks.chars())
            .map(|(q, m)| (q.prompt, m == '1'))
            .collect(),
        certificates: super::issued_by(&mut conn, &viewer.person_id, attempt_id).await?,
    }))
}
