//! What the learning pages receive. Nothing here holds a quiz key: a
//! question goes out with its choices, never with which are correct.

use serde::{Deserialize, Serialize};

use super::CertificateStatus;

/// A course in the catalogue, with the viewer's progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseCard {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub minutes: i64,
    pub lessons: i64,
    /// Lessons the viewer has opened.
    pub opened: i64,
    pub passed: bool,
}

/// One lesson in a course's outline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonItem {
    pub position: i64,
    pub title: String,
    pub opened: bool,
}

/// Where the viewer stands with a course's quiz.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizStanding {
    pub pass_mark: i64,
    pub questions: i64,
    pub max_attempts: i64,
    /// Attempts submitted.
    pub used: i64,
    pub passed: bool,
    /// The best mark so far, in percent.
    pub best: Option<i64>,
    /// The viewer's last submitted attempt, to open its result.
    pub last_attempt: Option<String>,
}

impl QuizStanding {
    /// Attempts still open to the person: none once passed.
    pub fn attempts_left(&self) -> i64 {
        if self.passed {
            0
        } else {
            (self.max_attempts - self.used).max(0)
        }
    }

    /// May start (or go on with) an attempt.
    pub fn may_take(&self) -> bool {
        self.attempts_left() > 0
    }
}

/// A course's page: its outline, where to resume, and the quiz.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseView {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub minutes: i64,
    pub lessons: Vec<LessonItem>,
    /// The first lesson not yet opened (`None`: all opened).
    pub resume: Option<i64>,
    pub quiz: QuizStanding,
}

/// One lesson to read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonView {
    pub course_id: String,
    pub course_title: String,
    pub position: i64,
    pub lessons: i64,
    pub title: String,
    /// Markdown, shown as text.
    pub body: String,
    pub video_url: Option<String>,
    /// A document of the library to download with it: (asset id, title),
    /// when the reader may see that asset.
    pub document: Option<(String, String)>,
}

/// A choice as the person sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaperChoice {
    pub id: String,
    pub label: String,
}

/// A question as the person sees it: no key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaperQuestion {
    pub id: String,
    pub prompt: String,
    pub multiple: bool,
    pub choices: Vec<PaperChoice>,
}

/// An open attempt: the questions drawn for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizPaper {
    pub attempt_id: String,
    pub course_id: String,
    pub course_title: String,
    pub pass_mark: i64,
    /// Which attempt this is (1 for the first).
    pub attempt: i64,
    pub max_attempts: i64,
    pub questions: Vec<PaperQuestion>,
}

/// A submitted attempt: the mark, and which questions were right (the
/// correct answers are not shown, so a retake still tests).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptResult {
    pub attempt_id: String,
    pub course_id: String,
    pub course_title: String,
    pub percent: i64,
    pub passed: bool,
    pub pass_mark: i64,
    pub attempts_left: i64,
    /// Each question's prompt and whether it was answered right.
    pub questions: Vec<(String, bool)>,
    /// The certificates this pass completed: (id, path title).
    pub certificates: Vec<(String, String)>,
}

/// A course of a certification path, as its card lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathStep {
    pub course_id: String,
    pub title: String,
    pub passed: bool,
}

/// A certification path the viewer is enrolled in, with their progress
/// and their latest certificate on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathCard {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub validity_months: i64,
    pub counts_toward_tier: bool,
    pub steps: Vec<PathStep>,
    /// The first course still to pass.
    pub next: Option<String>,
    pub certificate: Option<CertificateSummary>,
}

/// A certificate in a list: enough to show where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateSummary {
    pub id: String,
    pub issued_at: i64,
    pub valid_until: i64,
    pub status: CertificateStatus,
}

/// What anyone may read about a certificate: its public verification
/// page shows these and nothing else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicCertificate {
    pub id: String,
    pub holder_name: String,
    pub organisation_name: String,
    pub path_title: String,
    pub issued_at: i64,
    pub valid_until: i64,
    pub status: CertificateStatus,
}

/// The printable certificate: the public facts, the verification link and
/// its QR code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintableCertificate {
    pub certificate: PublicCertificate,
    pub verify_url: String,
    /// An SVG drawn on the server from `verify_url`.
    pub qr_svg: String,
}

/// Where a person stands on one path, as their company's progress shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathStanding {
    pub path_title: String,
    pub done: i64,
    pub total: i64,
    pub certificate: Option<CertificateSummary>,
}

/// A quiz a person can no longer take: every attempt used, not passed.
/// Their partner admin (or the program admin) may give them new attempts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockedQuiz {
    pub course_id: String,
    pub title: String,
    pub used: i64,
}

/// One person of a partner company, with their paths.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonProgress {
    pub person_id: String,
    pub name: String,
    pub job_function: String,
    pub lessons_opened: i64,
    pub courses_passed: i64,
    pub paths: Vec<PathStanding>,
    pub locked: Vec<LockedQuiz>,
}

/// A valid certificate, in the order they lapse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lapsing {
    pub certificate_id: String,
    pub holder_name: String,
    pub path_title: String,
    pub valid_until: i64,
}

/// A partner company's learning: who is certified in what, and what
/// lapses next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyProgress {
    pub organisation_id: String,
    pub organisation_name: String,
    /// Certified people counted toward the tier (as the tier job reads).
    pub certified_people: i64,
    pub people: Vec<PersonProgress>,
    pub lapsing: Vec<Lapsing>,
    /// The viewer may give people new quiz attempts.
    pub may_reset: bool,
}

/// A course's take-up across the program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseRate {
    pub course_id: String,
    pub title: String,
    /// Partner people who opened a lesson or tried the quiz.
    pub started: i64,
    pub passed: i64,
}

/// A path's take-up across the program.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathRate {
    pub title: String,
    pub enrolled: i64,
    /// Enrolled people holding a valid certificate on it.
    pub certified: i64,
}

/// A live partner with no one certified (in Trellis or before it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UncertifiedPartner {
    pub organisation_id: String,
    pub name: String,
    pub people: i64,
    pub enrolled: i64,
}

/// Learning across the program, for vendor staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramProgress {
    pub courses: Vec<CourseRate>,
    pub paths: Vec<PathRate>,
    pub uncertified: Vec<UncertifiedPartner>,
}

/// The course suggested to the viewer next, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextCourse {
    pub course_id: String,
    pub title: String,
    pub reason: super::NextReason,
}

/// A lesson as its author edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditableLesson {
    pub id: String,
    pub position: i64,
    pub title: String,
    pub body: String,
    pub video_url: Option<String>,
    pub asset_id: Option<String>,
}

/// A choice of a quiz question, with whether it is right (the author's
/// view only: learners never receive this).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditableChoice {
    pub id: String,
    pub label: String,
    pub correct: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditableQuestion {
    pub id: String,
    pub prompt: String,
    pub multiple: bool,
    pub choices: Vec<EditableChoice>,
}

/// A course as its author edits it: settings, lessons, question pool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditableCourse {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub minutes: i64,
    pub pass_mark: i64,
    pub max_attempts: i64,
    pub questions_per_attempt: i64,
    pub lessons: Vec<EditableLesson>,
    pub questions: Vec<EditableQuestion>,
}

/// A certification path as its author edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditablePath {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub job_functions: String,
    pub partner_types: String,
    pub validity_months: i64,
    pub counts_toward_tier: bool,
    /// Course ids in order, and whether recertifying asks each again.
    pub courses: Vec<(String, bool)>,
}

/// What the program admin authors: every course (id, title) and path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthoringOverview {
    pub courses: Vec<(String, String)>,
    pub paths: Vec<EditablePath>,
}
