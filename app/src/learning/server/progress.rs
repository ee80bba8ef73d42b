//! Progress beyond the viewer's own: a partner company's people (for its
//! partner admin and vendor staff), the program's take-up (vendor staff),
//! the next course suggested to a person, and the two acts that change
//! someone else's learning: new quiz attempts and revoking a certificate.

use std::collections::BTreeMap;

use sqlx::AnyConnection;

use super::{
    catalogue,
    certification::{on_path, passes, plain, recount, OnPath},
    courses::{course_row, standing},
    paths,
};
use crate::{
    audit::server::Entry,
    auth::{
        policy::{authorize, authorize_program, tenant_scoped, Permission},
        Viewer,
    },
    db::Db,
    error::AppError,
    learning::{
        progress as path_progress, suggest, Candidate, CompanyProgress, CourseRate, Lapsing,
        LockedQuiz, NextCourse, PathRate, PathStanding, Peers, PersonProgress, ProgramProgress,
        UncertifiedPartner,
    },
};

/// Partners that take part in the program (not applicants, not gone).
const LIVE: &str = "('onboarding', 'active', 'at_risk')";

/// Organisation `organisation_id`'s learning, if the viewer may see that
/// partner's people (the caller authorised it; the SQL is scoped too).
pub async fn company(
    db: &Db,
    viewer: &Viewer,
    organisation_id: &str,
    now: i64,
) -> Result<Option<CompanyProgress>, sqlx::Error> {
    let mut conn = db.reader().await?;
    let org: Option<(String, i64)> = sqlx::query_as(&format!(
        "SELECT name, certified_people FROM organisations \
         WHERE id = $1 AND kind = 'partner' AND {}",
        tenant_scoped("id", "$2")
    ))
    .bind(organisation_id)
    .bind(viewer.tenant_scope())
    .fetch_optional(&mut *conn)
    .await?;
    let Some((organisation_name, certified_people)) = org else {
        return Ok(None);
    };
    let people: Vec<(String, String, String)> = sqlx::query_as(&format!(
        "SELECT id, name, job_function FROM people \
         WHERE organisation_id = $1 AND status = 'active' AND {} ORDER BY name",
        tenant_scoped("organisation_id", "$2")
    ))
    .bind(organisation_id)
    .bind(viewer.tenant_scope())
    .fetch_all(&mut *conn)
    .await?;
    let mut rows = Vec::with_capacity(people.len());
    for (person_id, name, job_function) in people {
        rows.push(person(&mut conn, person_id, name, job_function, now).await?);
    }
    let lapsing: Vec<(String, String, String, i64)> = sqlx::query_as(&format!(
        "SELECT c.id, c.holder_name, c.path_title, c.valid_until FROM certificates c \
         JOIN people p ON p.id = c.person_id \
         WHERE c.organisation_id = $1 AND {} AND p.status = 'active' \
         AND c.revoked_at IS NULL AND c.valid_until > $3 \
         AND NOT EXISTS (SELECT 1 FROM certificates n WHERE n.path_id = c.path_id \
         AND n.person_id = c.person_id AND n.issued_at > c.issued_at) \
         ORDER BY c.valid_until, c.holder_name LIMIT 5",
        tenant_scoped("c.organisation_id", "$2")
    ))
    .bind(organisation_id)
    .bind(viewer.tenant_scope())
    .bind(now)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Some(CompanyProgress {
        organisation_id: organisation_id.to_owned(),
        organisation_name,
        certified_people,
        people: rows,
        lapsing: lapsing
            .into_iter()
            .map(
                |(certificate_id, holder_name, path_title, valid_until)| Lapsing {
                    certificate_id,
                    holder_name,
                    path_title,
                    valid_until,
                },
            )
            .collect(),
        may_reset: authorize(viewer, Permission::ResetAttempts, organisation_id).is_ok(),
    }))
}

/// One person's paths, counts and locked quizzes.
async fn person(
    conn: &mut AnyConnection,
    person_id: String,
    name: String,
    job_function: String,
    now: i64,
) -> Result<PersonProgress, sqlx::Error> {
    let passed = passes(conn, &person_id).await?;
    let lessons_opened: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM lesson_progress WHERE person_id = $1")
            .bind(&person_id)
            .fetch_one(&mut *conn)
            .await?;
    let enrolled: Vec<(String, String)> = sqlx::query_as(
        "SELECT p.id, p.title FROM path_enrolments e JOIN cert_paths p ON p.id = e.path_id \
         WHERE e.person_id = $1 ORDER BY p.created_at, p.title",
    )
    .bind(&person_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut paths = Vec::with_capacity(enrolled.len());
    for (path_id, path_title) in enrolled {
        let OnPath {
            courses,
            since,
            certificate,
        } = on_path(conn, &path_id, &person_id, now).await?;
        let p = path_progress(&plain(&courses), &passed, since);
        paths.push(PathStanding {
            path_title,
            done: i64::try_from(p.done).unwrap_or(0),
            total: i64::try_from(p.total).unwrap_or(0),
            certificate,
        });
    }
    Ok(PersonProgress {
        locked: locked(conn, &person_id).await?,
        courses_passed: i64::try_from(passed.len()).unwrap_or(0),
        person_id,
        name,
        job_function,
        lessons_opened,
        paths,
    })
}

/// The quizzes `person_id` failed every counted attempt at.
async fn locked(conn: &mut AnyConnection, person_id: &str) -> Result<Vec<LockedQuiz>, sqlx::Error> {
    let tried: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT course_id FROM quiz_attempts \
         WHERE person_id = $1 AND submitted_at IS NOT NULL AND passed = 0 AND cleared = 0 \
         ORDER BY course_id",
    )
    .bind(person_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut locked = Vec::new();
    for course_id in tried {
        let Some(course) = course_row(conn, &course_id).await? else {
            continue;
        };
        let standing = standing(conn, &course, person_id).await?;
        if !standing.passed && !standing.may_take() {
            locked.push(LockedQuiz {
                course_id,
                title: course.title,
                used: standing.used,
            });
        }
    }
    Ok(locked)
}

/// Take-up of every course and path across partner people, and the live
/// partners with no one certified.
pub async fn program(db: &Db, now: i64) -> Result<ProgramProgress, sqlx::Error> {
    let mut conn = db.reader().await?;
    let courses: Vec<(String, String, i64, i64)> = sqlx::query_as(
        "SELECT c.id, c.title, \
         (SELECT COUNT(*) FROM (SELECT lp.person_id FROM lesson_progress lp \
           JOIN lessons l ON l.id = lp.lesson_id \
           JOIN organisations o ON o.id = lp.organisation_id \
           WHERE l.course_id = c.id AND o.kind = 'partner' \
          UNION SELECT a.person_id FROM quiz_attempts a \
           JOIN organisations o ON o.id = a.organisation_id \
           WHERE a.course_id = c.id AND o.kind = 'partner') started), \
         (SELECT COUNT(DISTINCT a.person_id) FROM quiz_attempts a \
          JOIN organisations o ON o.id = a.organisation_id \
          WHERE a.course_id = c.id AND a.passed = 1 AND o.kind = 'partner') \
         FROM courses c ORDER BY c.title",
    )
    .fetch_all(&mut *conn)
    .await?;
    let paths: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT p.title, \
         (SELECT COUNT(*) FROM path_enrolments e WHERE e.path_id = p.id), \
         (SELECT COUNT(DISTINCT c.person_id) FROM certificates c \
          JOIN path_enrolments e ON e.path_id = c.path_id AND e.person_id = c.person_id \
          WHERE c.path_id = p.id AND c.revoked_at IS NULL AND c.valid_until > $1) \
         FROM cert_paths p ORDER BY p.created_at, p.title",
    )
    .bind(now)
    .fetch_all(&mut *conn)
    .await?;
    let uncertified: Vec<(String, String, i64, i64)> = sqlx::query_as(&format!(
        "SELECT o.id, o.name, \
         (SELECT COUNT(*) FROM people p WHERE p.organisation_id = o.id AND p.status = 'active'), \
         (SELECT COUNT(DISTINCT e.person_id) FROM path_enrolments e \
          WHERE e.organisation_id = o.id) \
         FROM organisations o WHERE o.kind = 'partner' AND o.status IN {LIVE} \
         AND o.certified_people = 0 ORDER BY o.name"
    ))
    .fetch_all(&mut *conn)
    .await?;
    Ok(ProgramProgress {
        courses: courses
            .into_iter()
            .map(|(course_id, title, started, passed)| CourseRate {
                course_id,
                title,
                started,
                passed,
            })
            .collect(),
        paths: paths
            .into_iter()
            .map(|(title, enrolled, certified)| PathRate {
                title,
                enrolled,
                certified,
            })
            .collect(),
        uncertified: uncertified
            .into_iter()
            .map(
                |(organisation_id, name, people, enrolled)| UncertifiedPartner {
                    organisation_id,
                    name,
                    people,
                    enrolled,
                },
            )
            .collect(),
    })
}

/// The course suggested to the viewer next (partner people only): the
/// next step of one of their paths, else what most people of their job
/// function at the top tier's partners passed.
pub async fn next_course(
    db: &Db,
    viewer: &Viewer,
    now: i64,
) -> Result<Option<NextCourse>, sqlx::Error> {
    if viewer.role.is_vendor() {
        return Ok(None);
    }
    let cards = catalogue(db, viewer).await?;
    let path_cards = paths(db, viewer, now).await?;
    let mut conn = db.reader().await?;
    let top: Option<(String, String)> = sqlx::query_as(&format!(
        "SELECT t.id, t.name FROM tiers t WHERE t.id IN (SELECT o.tier_id FROM organisations o \
         WHERE o.kind = 'partner' AND o.status IN {LIVE}) ORDER BY t.rank DESC LIMIT 1"
    ))
    .fetch_optional(&mut *conn)
    .await?;
    let (peers, peer_passes) = match top {
        Some((tier_id, tier)) => {
            let peer_filter = format!(
                "FROM people p JOIN organisations o ON o.id = p.organisation_id \
                 WHERE o.tier_id = $1 AND o.kind = 'partner' AND o.status IN {LIVE} \
                 AND p.status = 'active' AND p.id <> $2 \
                 AND p.job_function = (SELECT job_function FROM people WHERE id = $2)"
            );
            let count: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) {peer_filter}"))
                .bind(&tier_id)
                .bind(&viewer.person_id)
                .fetch_one(&mut *conn)
                .await?;
            let passes: Vec<(String, i64)> = sqlx::query_as(&format!(
                "SELECT a.course_id, COUNT(DISTINCT a.person_id) FROM quiz_attempts a \
                 WHERE a.passed = 1 AND a.person_id IN (SELECT p.id {peer_filter}) \
                 GROUP BY a.course_id"
            ))
            .bind(&tier_id)
            .bind(&viewer.person_id)
            .fetch_all(&mut *conn)
            .await?;
            (Peers { count, tier }, passes.into_iter().collect())
        }
        None => (
            Peers {
                count: 0,
                tier: String::new(),
            },
            BTreeMap::new(),
        ),
    };
    let candidates: Vec<Candidate> = cards
        .iter()
        .filter(|c| !c.passed)
        .map(|c| Candidate {
            course_id: c.id.clone(),
            next_on_path: path_cards
                .iter()
                .find(|p| p.next.as_deref() == Some(c.id.as_str()))
                .map(|p| p.title.clone()),
            peers_passed: peer_passes.get(&c.id).copied().unwrap_or(0),
        })
        .collect();
    Ok(
        suggest(&candidates, &peers).and_then(|(course_id, reason)| {
            cards
                .into_iter()
                .find(|c| c.id == course_id)
                .map(|c| NextCourse {
                    course_id,
                    title: c.title,
                    reason,
                })
        }),
    )
}

/// Gives `person_id` new attempts at course `course_id`'s quiz: their
/// failed attempts stop counting. Only when every attempt is used and the
/// quiz is not passed; the person is told.
pub async fn reset_attempts(
    db: &Db,
    viewer: &Viewer,
    person_id: &str,
    course_id: &str,
    now: i64,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = db.write(viewer.actor(ip)).await?;
    let person: Option<(String, String, String)> = sqlx::query_as(&format!(
        "SELECT organisation_id, name, email FROM people WHERE id = $1 AND {}",
        tenant_scoped("organisation_id", "$2")
    ))
    .bind(person_id)
    .bind(viewer.tenant_scope())
    .fetch_optional(&mut *tx)
    .await?;
    let (organisation_id, name, email) = person.ok_or(AppError::NotFound)?;
    authorize(viewer, Permission::ResetAttempts, &organisation_id)?;
    let course = course_row(&mut tx, course_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let standing = standing(&mut tx, &course, person_id).await?;
    if standing.passed || standing.may_take() {
        return Err(AppError::Conflict(t!(
            "{name} still has attempts at this quiz.",
            name = name
        )));
    }
    let cleared = sqlx::query(
        "UPDATE quiz_attempts SET cleared = 1 WHERE person_id = $1 AND course_id = $2 \
         AND submitted_at IS NOT NULL AND passed = 0 AND cleared = 0",
    )
    .bind(person_id)
    .bind(course_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    sqlx::query(
        "INSERT INTO quiz_resets (person_id, course_id, organisation_id, reset_at, reset_by, \
         cleared) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(person_id)
    .bind(course_id)
    .bind(&organisation_id)
    .bind(now)
    .bind(&viewer.person_id)
    .bind(i64::try_from(cleared).unwrap_or(i64::MAX))
    .execute(&mut *tx)
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&organisation_id),
        action: "quiz_attempts_reset",
        record_type: "person",
        record_id: Some(person_id),
        detail: Some(&format!("{}: {name}", course.title)),
    })
    .await?;
    let link = format!("/learn/{course_id}");
    tx.notify(&email, &link, |l| {
        (
            t!(in l, "New attempts at the {course} quiz", course = course.title),
            t!(
                in l,
                "You may take the {course} quiz again: {attempts} new attempts.",
                course = course.title,
                attempts = course.max_attempts,
            ),
        )
    })
    .await?;
    Ok(tx.commit().await?)
}

/// Revokes certificate `certificate_id` for `reason` (the program admin
/// only): it stops counting toward the tier at once, its verification
/// page and the badges' revocation list say so, and its holder is told.
pub async fn revoke(
    db: &Db,
    viewer: &Viewer,
    certificate_id: &str,
    reason: &str,
    now: i64,
    ip: Option<&str>,
) -> Result<String, AppError> {
    authorize_program(viewer)?;
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(AppError::field(
            "reason",
            t!("Say why, in at most 500 characters: the holder reads it."),
        ));
    }
    let mut tx = db.write(viewer.actor(ip)).await?;
    let found: Option<(String, String, String, Option<i64>)> = sqlx::query_as(
        "SELECT c.organisation_id, c.path_title, p.email, c.revoked_at FROM certificates c \
         JOIN people p ON p.id = c.person_id WHERE c.id = $1",
    )
    .bind(certificate_id)
    .fetch_optional(&mut *tx)
    .await?;
    let (organisation_id, path_title, email, revoked_at) = found.ok_or(AppError::NotFound)?;
    if revoked_at.is_some() {
        return Err(AppError::Conflict(
            t!("This certificate was revoked already.").to_owned(),
        ));
    }
    sqlx::query(
        "UPDATE certificates SET revoked_at = $1, revoked_reason = $2 \
         WHERE id = $3 AND revoked_at IS NULL",
    )
    .bind(now)
    .bind(reason)
    .bind(certificate_id)
    .execute(&mut *tx)
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&organisation_id),
        action: "certificate_revoked",
        record_type: "certificate",
        record_id: Some(certificate_id),
        detail: Some(&format!("{path_title}: {reason}")),
    })
    .await?;
    tx.notify(&email, "/learn", |l| {
        (
            t!(in l, "Your certificate was revoked: {path}", path = path_title),
            t!(
                in l,
                "Your {path} certificate no longer holds and no longer counts toward your organisation's tier. The reason given: {reason}",
                path = path_title,
                reason = reason,
            ),
        )
    })
    .await?;
    recount(&mut tx, &organisation_id, now).await?;
    tx.commit().await?;
    crate::tiers::server::recompute(db, Some(&organisation_id)).await?;
    Ok(organisation_id)
}
