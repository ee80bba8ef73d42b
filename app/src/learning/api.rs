//! Server functions for learning: each finds out who calls, parses the
//! input and makes one call into `server/`. Courses are open to every
//! signed-in person; progress and attempts are the caller's own.

use leptos::prelude::*;

use super::{
    AttemptResult, CompanyProgress, CourseCard, CourseView, LessonView, NextCourse, PathCard,
    PrintableCertificate, ProgramProgress, PublicCertificate, QuizPaper,
};
use crate::error::AppError;

/// Every course, with the caller's progress.
///
/// Who may call: anyone signed in. Errors: `Unauthenticated`, `Internal`.
#[server(endpoint = "learning_catalogue")]
pub async fn learning_catalogue() -> Result<Vec<CourseCard>, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    Ok(super::server::catalogue(&db, &viewer).await?)
}

/// Course `id`: its lessons, where the caller resumes, and its quiz.
///
/// Who may call: anyone signed in. Errors: `Unauthenticated`, `NotFound`,
/// `Internal`.
#[server(endpoint = "learning_course")]
pub async fn get_course(id: String) -> Result<CourseView, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::server::course(&db, &viewer, &id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Lesson `position` of course `course_id`; opening it counts as progress.
///
/// Who may call: anyone signed in. Errors: `Unauthenticated`, `NotFound`,
/// `Internal`.
#[server(endpoint = "learning_lesson")]
pub async fn get_lesson(course_id: String, position: i64) -> Result<LessonView, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::server::lesson(&db, &viewer, &course_id, position)
        .await?
        .ok_or(AppError::NotFound)
}

/// The caller's attempt at course `course_id`'s quiz: the open one or a
/// new one drawn from the pool. The questions come without their key.
///
/// Who may call: anyone signed in. Errors: `Unauthenticated`, `NotFound`,
/// `Conflict` (passed already, or no attempt left), `Internal`.
#[server(endpoint = "learning_start_quiz")]
pub async fn start_quiz(course_id: String) -> Result<QuizPaper, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::start_attempt(&db, &viewer, &course_id, ip.as_deref()).await
}

/// Submits the caller's open attempt `attempt_id`: `picked` holds one
/// `question:choice` per choice ticked. Marked on the server; the answer
/// lands on the attempt's result.
///
/// Who may call: the person whose attempt it is. Errors: `Unauthenticated`,
/// `NotFound` (not theirs), `Conflict` (submitted already), `Validation`
/// (a question not in the attempt), `Internal`.
#[server(endpoint = "learning_submit_quiz")]
pub async fn submit_quiz(
    attempt_id: String,
    #[server(default)] picked: Vec<String>,
) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::submit_attempt(&db, &viewer, &attempt_id, &picked, ip.as_deref()).await?;
    leptos_axum::redirect(&format!("/learn/attempts/{attempt_id}"));
    Ok(())
}

/// The caller's submitted attempt `id`: the mark and which questions were
/// right.
///
/// Who may call: the person whose attempt it is. Errors: `Unauthenticated`,
/// `NotFound`, `Internal`.
#[server(endpoint = "learning_attempt")]
pub async fn get_attempt(id: String) -> Result<AttemptResult, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::server::attempt_result(&db, &viewer, &id)
        .await?
        .ok_or(AppError::NotFound)
}

/// The certification paths the caller is enrolled in, with their progress
/// and latest certificate on each.
///
/// Who may call: anyone signed in. Errors: `Unauthenticated`, `Internal`.
#[server(endpoint = "learning_paths")]
pub async fn learning_paths() -> Result<Vec<PathCard>, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    Ok(super::server::paths(&db, &viewer, crate::auth::server::now()).await?)
}

/// Certificate `id` to print, with its verification link as a QR code.
///
/// Who may call: its holder, an admin of the holder's organisation, vendor
/// staff. Errors: `Unauthenticated`, `NotFound` (anyone else too),
/// `Internal`.
#[server(endpoint = "learning_certificate")]
pub async fn get_certificate(id: String) -> Result<PrintableCertificate, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::server::printable(&db, &viewer, &id, crate::auth::server::now())
        .await?
        .ok_or(AppError::NotFound)
}

/// Certificate `id` as anyone may check it: holder, organisation, path,
/// dates and whether it holds.
///
/// Who may call: anyone, signed in or not. Errors: `NotFound`, `Internal`.
#[server(endpoint = "verify_certificate")]
pub async fn verify_certificate(id: String) -> Result<PublicCertificate, AppError> {
    let db = crate::db::use_db()?;
    super::server::verify(&db, &id, crate::auth::server::now())
        .await?
        .ok_or(AppError::NotFound)
}

/// A partner company's learning: each active person's paths, certificates
/// and locked quizzes, and the certificates that lapse next.
///
/// Who may call: that partner's admin, vendor staff. Errors:
/// `Unauthenticated`, `Forbidden` (a partner user), `NotFound` (another
/// partner, or not a partner), `Internal`.
#[server(endpoint = "learning_team")]
pub async fn team_progress(organisation_id: String) -> Result<CompanyProgress, AppError> {
    use crate::auth::policy::{authorize, Permission};
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    authorize(&viewer, Permission::ViewLearning, &organisation_id)?;
    super::server::company(&db, &viewer, &organisation_id, crate::auth::server::now())
        .await?
        .ok_or(AppError::NotFound)
}

/// Learning across the program: take-up of each course and path, and the
/// live partners with no one certified.
///
/// Who may call: vendor staff. Errors: `Unauthenticated`, `Forbidden`,
/// `Internal`.
#[server(endpoint = "learning_program")]
pub async fn learning_program_progress() -> Result<ProgramProgress, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    if !viewer.role.is_vendor() {
        return Err(AppError::Forbidden);
    }
    Ok(super::server::program(&db, crate::auth::server::now()).await?)
}

/// The course suggested to the caller next, with the reason (none for
/// vendor staff, or when nothing speaks for one course).
///
/// Who may call: anyone signed in. Errors: `Unauthenticated`, `Internal`.
#[server(endpoint = "learning_next")]
pub async fn suggested_course() -> Result<Option<NextCourse>, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    Ok(super::server::next_course(&db, &viewer, crate::auth::server::now()).await?)
}

/// Gives person `person_id` new attempts at course `course_id`'s quiz once
/// they used every attempt without passing.
///
/// Who may call: their partner admin, the program admin. Errors:
/// `Unauthenticated`, `Forbidden`, `NotFound` (another partner's person,
/// or no such course), `Conflict` (attempts left, or passed), `Internal`.
#[server(endpoint = "learning_reset_attempts")]
pub async fn reset_quiz_attempts(person_id: String, course_id: String) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::reset_attempts(
        &db,
        &viewer,
        &person_id,
        &course_id,
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await
}

/// Revokes certificate `id`, saying why (`reason`, shown to its holder).
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `NotFound`, `Validation` (no reason), `Conflict` (revoked
/// already), `Internal`.
#[server(endpoint = "learning_revoke_certificate")]
pub async fn revoke_certificate(id: String, reason: String) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::revoke(
        &db,
        &viewer,
        &id,
        &reason,
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await
    .map(|_| ())
}

/// Every course and certification path, to author.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `Internal`.
#[server(endpoint = "learning_authoring")]
pub async fn learning_authoring() -> Result<super::AuthoringOverview, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::server::overview(&db, &viewer).await
}

/// Course `id` to edit: settings, lessons, and its question pool with the
/// key.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `NotFound`, `Internal`.
#[server(endpoint = "learning_course_for_editing")]
pub async fn course_for_editing(id: String) -> Result<super::EditableCourse, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    super::server::editable_course(&db, &viewer, &id).await
}

/// Adds a course (no `id`; then opens it to add lessons) or changes
/// course `id`'s settings.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `Validation`, `NotFound`, `Internal`.
#[server(endpoint = "learning_save_course")]
pub async fn save_course(
    id: Option<String>,
    course: super::authoring::CourseInput,
) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    let existing = id.filter(|id| !id.is_empty());
    let saved = super::server::save_course(
        &db,
        &viewer,
        existing.as_deref(),
        &course,
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await?;
    if existing.is_none() {
        leptos_axum::redirect(&format!("/learn/{saved}/edit"));
    }
    Ok(())
}

/// Adds a lesson at the end of course `course_id` (no `id`) or rewrites
/// lesson `id`.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `Validation`, `NotFound`, `Internal`.
#[server(endpoint = "learning_save_lesson")]
pub async fn save_lesson(
    course_id: String,
    id: Option<String>,
    lesson: super::authoring::LessonInput,
) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    let id = id.filter(|id| !id.is_empty());
    super::server::save_lesson(
        &db,
        &viewer,
        &course_id,
        id.as_deref(),
        &lesson,
        ip.as_deref(),
    )
    .await
}

/// Moves lesson `id` one place earlier.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `NotFound`, `Conflict` (first already), `Internal`.
#[server(endpoint = "learning_move_lesson")]
pub async fn move_lesson_up(id: String) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::move_lesson_up(&db, &viewer, &id, ip.as_deref()).await
}

/// Adds a question to course `course_id`'s quiz pool.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `Validation`, `NotFound`, `Internal`.
#[server(endpoint = "learning_add_question")]
pub async fn add_question(
    course_id: String,
    question: super::authoring::QuestionInput,
) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::add_question(&db, &viewer, &course_id, &question, ip.as_deref()).await
}

/// Takes question `id` out of its quiz pool.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `NotFound`, `Conflict` (the pool would be too small),
/// `Internal`.
#[server(endpoint = "learning_remove_question")]
pub async fn remove_question(id: String) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    super::server::remove_question(&db, &viewer, &id, ip.as_deref()).await
}

/// Adds a certification path (no `id`) or rewrites path `id`; partner
/// people it is for are enrolled.
///
/// Who may call: the program admin. Errors: `Unauthenticated`,
/// `Forbidden`, `Validation`, `NotFound`, `Internal`.
#[server(endpoint = "learning_save_path")]
pub async fn save_path(
    id: Option<String>,
    path: super::authoring::PathInput,
) -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    let ip = crate::auth::server::RequestInfo::current().ip;
    let id = id.filter(|id| !id.is_empty());
    super::server::save_path(
        &db,
        &viewer,
        id.as_deref(),
        &path,
        crate::auth::server::now(),
        ip.as_deref(),
    )
    .await
    .map(|_| ())
}
