//! Authoring (the program admin): what the forms for courses, lessons,
//! quiz questions and certification paths send, checked field by field
//! the same in the form and on the server.

use serde::{Deserialize, Serialize};

use super::JobFunction;
use crate::{
    error::AppError,
    organisations::PartnerType,
    values::{required_text, video_link, FieldErrors},
};

/// A course's settings as typed (`course[title]` and so on).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseInput {
    pub title: String,
    pub summary: String,
    pub minutes: String,
    pub pass_mark: String,
    pub max_attempts: String,
    pub questions_per_attempt: String,
}

/// A course's settings, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCourse {
    pub title: String,
    pub summary: String,
    pub minutes: i64,
    pub pass_mark: i64,
    pub max_attempts: i64,
    pub questions_per_attempt: i64,
}

/// A lesson as typed (`lesson[title]` and so on).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonInput {
    pub title: String,
    pub body: String,
    #[serde(default)]
    pub video_url: String,
    /// An asset of the library to download with the lesson.
    #[serde(default)]
    pub asset_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidLesson {
    pub title: String,
    pub body: String,
    pub video_url: Option<String>,
    pub asset_id: Option<String>,
}

/// A quiz question as typed: up to six choices, the right ones ticked by
/// their number.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionInput {
    pub prompt: String,
    /// "multiple": tick every right choice; anything else: pick one.
    #[serde(default)]
    pub answer: String,
    #[serde(default)]
    pub choices: Vec<String>,
    #[serde(default)]
    pub correct: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidQuestion {
    pub prompt: String,
    pub multiple: bool,
    pub choices: Vec<(String, bool)>,
}

/// A certification path as typed: its courses in order (the chosen ones
/// of the list), and which of them recertifying asks again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathInput {
    pub title: String,
    pub summary: String,
    #[serde(default)]
    pub job_functions: Vec<String>,
    #[serde(default)]
    pub partner_types: Vec<String>,
    pub validity_months: String,
    #[serde(default)]
    pub counts_toward_tier: String,
    #[serde(default)]
    pub courses: Vec<String>,
    #[serde(default)]
    pub retake: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPath {
    pub title: String,
    pub summary: String,
    pub job_functions: String,
    pub partner_types: String,
    pub validity_months: i64,
    pub counts_toward_tier: bool,
    /// Course ids in order, and whether each is retaken to recertify.
    pub courses: Vec<(String, bool)>,
}

fn number(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    range: std::ops::RangeInclusive<i64>,
    message: &'static str,
) -> i64 {
    match value.trim().parse::<i64>() {
        Ok(n) if range.contains(&n) => n,
        _ => {
            errors.push((field, message));
            0
        }
    }
}

fn done<T>(errors: FieldErrors, value: T) -> Result<T, AppError> {
    if errors.is_empty() {
        Ok(value)
    } else {
        Err(AppError::fields(errors))
    }
}

pub fn validate_course(input: &CourseInput) -> Result<ValidCourse, AppError> {
    let mut e = FieldErrors::new();
    let course = ValidCourse {
        title: required_text(
            &mut e,
            "title",
            &input.title,
            200,
            t!("Give the course a title of at most 200 characters."),
        )
        .to_owned(),
        summary: required_text(
            &mut e,
            "summary",
            &input.summary,
            500,
            t!("Sum it up in at most 500 characters."),
        )
        .to_owned(),
        minutes: number(
            &mut e,
            "minutes",
            &input.minutes,
            1..=600,
            t!("Minutes: a whole number from 1 to 600."),
        ),
        pass_mark: number(
            &mut e,
            "pass_mark",
            &input.pass_mark,
            1..=100,
            t!("Pass mark: a percentage from 1 to 100."),
        ),
        max_attempts: number(
            &mut e,
            "max_attempts",
            &input.max_attempts,
            1..=10,
            t!("Attempts: from 1 to 10."),
        ),
        questions_per_attempt: number(
            &mut e,
            "questions_per_attempt",
            &input.questions_per_attempt,
            1..=50,
            t!("Questions per attempt: from 1 to 50."),
        ),
    };
    done(e, course)
}

pub fn validate_lesson(input: &LessonInput) -> Result<ValidLesson, AppError> {
    let mut e = FieldErrors::new();
    let title = required_text(
        &mut e,
        "title",
        &input.title,
        200,
        t!("Give the lesson a title of at most 200 characters."),
    )
    .to_owned();
    let body = required_text(
        &mut e,
        "body",
        &input.body,
        20_000,
        t!("Write the lesson in at most 20,000 characters."),
    )
    .to_owned();
    let video_url = video_link(&mut e, &input.video_url);
    let asset_id = Some(input.asset_id.trim().to_owned()).filter(|a| !a.is_empty());
    done(
        e,
        ValidLesson {
            title,
            body,
            video_url,
            asset_id,
        },
    )
}

pub fn validate_question(input: &QuestionInput) -> Result<ValidQuestion, AppError> {
    let mut e = FieldErrors::new();
    let prompt = required_text(
        &mut e,
        "prompt",
        &input.prompt,
        500,
        t!("Ask the question in at most 500 characters."),
    )
    .to_owned();
    let multiple = input.answer == "multiple";
    let mut choices = Vec::new();
    for (i, label) in input.choices.iter().enumerate().take(6) {
        let label = label.trim();
        if !label.is_empty() {
            choices.push((
                label.chars().take(300).collect::<String>(),
                input.correct.contains(&i.to_string()),
            ));
        }
    }
    let right = choices.iter().filter(|(_, c)| *c).count();
    if choices.len() < 2 {
        e.push(("choices", t!("Give at least two choices.")));
    } else if right == 0 {
        e.push(("correct", t!("Tick the right choice.")));
    } else if !multiple && right > 1 {
        e.push((
            "correct",
            t!("A pick-one question has one right choice: tick one, or let people tick several."),
        ));
    }
    done(
        e,
        ValidQuestion {
            prompt,
            multiple,
            choices,
        },
    )
}

pub fn validate_path(input: &PathInput, known_courses: &[String]) -> Result<ValidPath, AppError> {
    let mut e = FieldErrors::new();
    let title = required_text(
        &mut e,
        "title",
        &input.title,
        200,
        t!("Give the path a title of at most 200 characters."),
    )
    .to_owned();
    let summary = required_text(
        &mut e,
        "summary",
        &input.summary,
        500,
        t!("Sum it up in at most 500 characters."),
    )
    .to_owned();
    if input
        .job_functions
        .iter()
        .any(|f| JobFunction::parse(f).is_none())
    {
        e.push(("job_functions", t!("Choose job functions from the list.")));
    }
    if input
        .partner_types
        .iter()
        .any(|t| PartnerType::parse(t).is_none())
    {
        e.push(("partner_types", t!("Choose partner types from the list.")));
    }
    let validity_months = number(
        &mut e,
        "validity_months",
        &input.validity_months,
        1..=60,
        t!("Valid for: from 1 to 60 months."),
    );
    let mut courses: Vec<(String, bool)> = Vec::new();
    for id in input.courses.iter().filter(|c| !c.is_empty()) {
        if !known_courses.contains(id) {
            e.push(("courses", t!("Choose courses from the list.")));
            break;
        }
        if !courses.iter().any(|(c, _)| c == id) {
            courses.push((id.clone(), input.retake.contains(id)));
        }
    }
    if courses.is_empty() {
        e.push(("courses", t!("A path needs at least one course.")));
    }
    done(
        e,
        ValidPath {
            title,
            summary,
            job_functions: crate::values::comma_list(&input.job_functions),
            partner_types: crate::values::comma_list(&input.partner_types),
            validity_months,
            counts_toward_tier: input.counts_toward_tier == "yes",
            courses,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_course_is_numbers_in_range() {
        let ok = CourseInput {
            title: " Edge basics ".into(),
            summary: "What the edge is for.".into(),
            minutes: "20".into(),
            pass_mark: "80".into(),
            max_attempts: "3".into(),
            questions_per_attempt: "4".into(),
        };
        assert_eq!(validate_course(&ok).unwrap().title, "Edge basics");
        let bad = CourseInput {
            pass_mark: "120".into(),
            minutes: "ten".into(),
            ..ok
        };
        let err = validate_course(&bad).unwrap_err();
        assert!(err.message_for("pass_mark").is_some() && err.message_for("minutes").is_some());
        assert!(err.message_for("title").is_none());
    }

    #[test]
    fn a_question_has_two_choices_and_its_right_ones() {
        let q = |answer: &str, correct: &[&str]| QuestionInput {
            prompt: "Which regions?".into(),
            answer: answer.into(),
            choices: vec!["EU".into(), "US".into(), "".into(), "Mars".into()],
            correct: correct.iter().map(|c| (*c).to_owned()).collect(),
        };
        let one = validate_question(&q("one", &["1"])).unwrap();
        assert_eq!(
            one.choices,
            vec![
                ("EU".into(), false),
                ("US".into(), true),
                ("Mars".into(), false)
            ]
        );
        assert!(validate_question(&q("one", &["0", "1"]))
            .unwrap_err()
            .message_for("correct")
            .is_some());
        assert!(
            validate_question(&q("multiple", &["0", "1"]))
                .unwrap()
                .multiple
        );
        assert!(validate_question(&q("one", &[]))
            .unwrap_err()
            .message_for("correct")
            .is_some());
        let lonely = QuestionInput {
            choices: vec!["Only".into()],
            correct: vec!["0".into()],
            ..q("one", &[])
        };
        assert!(validate_question(&lonely)
            .unwrap_err()
            .message_for("choices")
            .is_some());
    }

    #[test]
    fn a_path_keeps_its_courses_in_order_once_each() {
        let known = vec!["a".to_owned(), "b".to_owned()];
        let input = PathInput {
            title: "Edge Certified".into(),
            summary: "For edge engineers.".into(),
            job_functions: vec!["technical".into()],
            partner_types: vec!["si".into(), "msp".into()],
            validity_months: "12".into(),
            counts_toward_tier: "yes".into(),
            courses: vec!["b".into(), "".into(), "a".into(), "b".into()],
            retake: vec!["a".into()],
        };
        let p = validate_path(&input, &known).unwrap();
        assert_eq!(p.courses, vec![("b".into(), false), ("a".into(), true)]);
        assert_eq!(p.partner_types, "msp,si");
        assert!(p.counts_toward_tier);
        let unknown = PathInput {
            courses: vec!["z".into()],
            ..input.clone()
        };
        assert!(validate_path(&unknown, &known)
            .unwrap_err()
            .message_for("courses")
            .is_some());
        let none = PathInput {
            courses: vec![],
            ..input
        };
        assert!(validate_path(&none, &known)
            .unwrap_err()
            .message_for("courses")
            .is_some());
    }
}
