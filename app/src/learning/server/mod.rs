//! Learning on the server: the catalogue and lessons (`courses`), quiz
//! attempts drawn, marked and read back (`quiz`). Every read and write is
//! the viewer's own: progress and attempts are scoped to the person in SQL.

mod courses;
mod quiz;

pub use courses::{catalogue, course, lesson};
pub use quiz::{attempt_result, start_attempt, submit_attempt};
