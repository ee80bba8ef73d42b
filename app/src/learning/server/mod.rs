//! Learning on the server: the catalogue and lessons (`courses`), quiz
//! attempts drawn, marked and read back (`quiz`), paths and certificates
//! (`certification`). Every read and write is the viewer's own: progress,
//! attempts and certificates are scoped to the person in SQL.

mod authoring;
mod certification;
mod courses;
mod progress;
mod quiz;

pub use certification::{
    certify, enrol, held, issued_by, paths, printable, recount, revoked, sweep, verify,
    HeldCertificate, Swept,
};

pub use authoring::{
    add_question, course as editable_course, move_lesson_up, overview, remove_question,
    save_course, save_lesson, save_path,
};
pub use courses::{catalogue, course, lesson};
pub use progress::{company, next_course, program, reset_attempts, revoke};
pub use quiz::{attempt_result, start_attempt, submit_attempt};
