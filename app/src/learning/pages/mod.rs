//! The learning pages, one file per page, and the small views they share.

mod catalogue;
mod course;
mod lesson;
mod quiz;

pub use catalogue::LearnPage;
pub use course::CoursePage;
pub use lesson::LessonPage;
pub use quiz::{AttemptPage, QuizPage};

use crate::shell::ui::Intent;

pub(super) fn link_class() -> &'static str {
    "font-medium text-teal-800 underline dark:text-teal-300"
}

/// A link drawn as the page's main button.
pub(super) fn primary_link() -> &'static str {
    Intent::Primary.class()
}
