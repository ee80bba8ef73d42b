//! The learning pages, one file per page, and the small views they share.

mod authoring;
mod catalogue;
mod certificate;
mod course;
mod course_edit;
mod lesson;
mod program;
mod quiz;
mod team;

pub use authoring::AuthoringPage;
pub use catalogue::LearnPage;
pub use certificate::{CertificatePage, VerifyPage};
pub use course::CoursePage;
pub use course_edit::CourseEditPage;
pub use lesson::LessonPage;
pub use program::LearningProgramPage;
pub use quiz::{AttemptPage, QuizPage};
pub use team::TeamPage;

pub(super) use crate::shell::ui::link_class;
use crate::shell::ui::Intent;

/// A link drawn as the page's main button.
pub(super) fn primary_link() -> &'static str {
    Intent::Primary.class()
}
