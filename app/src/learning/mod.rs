//! Learning: courses of lessons closed by a quiz, certification paths by
//! role and partner type, and certificates that expire (and stop counting
//! toward tiers) when their time is up.
//!
//! This module holds the pure rules, tested beside them: quiz drawing and
//! marking (run only on the server, which alone reads the key), path
//! progress and recertification, certificate validity and reminders.

pub mod api;
pub mod authoring;
pub mod certificate;
#[cfg(feature = "ssr")]
pub mod demo;
pub mod next;
mod pages;
pub mod path;
pub mod quiz;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use certificate::{
    days_left, reminder_due, renewal_open, status, valid_until, verify_path, CertificateStatus,
    DAY, REMINDER_DAYS,
};
pub use next::{suggest, Candidate, NextReason, Peers};
pub use pages::{
    AttemptPage, AuthoringPage, CertificatePage, CourseEditPage, CoursePage, LearnPage,
    LearningProgramPage, LessonPage, QuizPage, TeamPage, VerifyPage,
};
pub use path::{aimed_at, counts, progress, JobFunction, PathCourse, PathProgress};
pub use quiz::{draw, mark, KeyedQuestion, Marked};
pub use types::{
    AttemptResult, AuthoringOverview, CertificateSummary, CompanyProgress, CourseCard, CourseRate,
    CourseView, EditableChoice, EditableCourse, EditableLesson, EditablePath, EditableQuestion,
    Lapsing, LessonItem, LessonView, LockedQuiz, NextCourse, PaperChoice, PaperQuestion, PathCard,
    PathRate, PathStanding, PathStep, PersonProgress, PrintableCertificate, ProgramProgress,
    PublicCertificate, QuizPaper, QuizStanding, UncertifiedPartner,
};
