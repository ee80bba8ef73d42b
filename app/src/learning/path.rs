//! Certification path rules: who a path is for, how far a person is, and
//! what recertification asks again.

use std::collections::BTreeMap;

use crate::values::text_enum;

text_enum!(
    /// What a person does at their company; certification paths are aimed
    /// at job functions.
    JobFunction {
        Sales => "sales", t!("Sales");
        Technical => "technical", t!("Technical");
        Marketing => "marketing", t!("Marketing");
    }
);

/// Whether a path for `functions` and `partner_types` (comma lists of
/// codes; an empty list means everyone) is meant for a person doing
/// `function` at a partner of type `partner_type`.
pub fn aimed_at(functions: &str, partner_types: &str, function: &str, partner_type: &str) -> bool {
    let includes = |list: &str, code: &str| {
        list.trim().is_empty() || list.split(',').any(|item| item.trim() == code)
    };
    includes(functions, function) && includes(partner_types, partner_type)
}

/// One course of a path, and whether recertifying takes it again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathCourse {
    pub course_id: String,
    /// Retaken to recertify (product knowledge that changes); the others
    /// (fundamentals) stay passed.
    pub retake_to_recertify: bool,
}

/// How far a person is along a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathProgress {
    pub done: usize,
    pub total: usize,
    /// The first course still to pass, in the path's order.
    pub next: Option<String>,
}

impl PathProgress {
    pub fn complete(&self) -> bool {
        self.total > 0 && self.done == self.total
    }
}

/// Progress along `courses` given when each course was last passed
/// (`passed`: course id → Unix time). With `since` (the issue time of the
/// certificate being renewed), a course to retake counts only if passed
/// after it; the others count once passed at all.
pub fn progress(
    courses: &[PathCourse],
    passed: &BTreeMap<String, i64>,
    since: Option<i64>,
) -> PathProgress {
    let counts = |c: &PathCourse| counts(c, passed, since);
    PathProgress {
        done: courses.iter().filter(|c| counts(c)).count(),
        total: courses.len(),
        next: courses
            .iter()
            .find(|c| !counts(c))
            .map(|c| c.course_id.clone()),
    }
}

/// Whether `course` counts as passed on the path: passed at all, or, when
/// renewing a certificate issued at `since`, passed after it if it is one
/// to retake.
pub fn counts(course: &PathCourse, passed: &BTreeMap<String, i64>, since: Option<i64>) -> bool {
    match (passed.get(&course.course_id), since) {
        (None, _) => false,
        (Some(at), Some(since)) if course.retake_to_recertify => *at > since,
        (Some(_), _) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path() -> Vec<PathCourse> {
        [("basics", false), ("product", true), ("selling", false)]
            .iter()
            .map(|(id, retake)| PathCourse {
                course_id: (*id).into(),
                retake_to_recertify: *retake,
            })
            .collect()
    }

    fn passed(list: &[(&str, i64)]) -> BTreeMap<String, i64> {
        list.iter().map(|(c, at)| ((*c).to_owned(), *at)).collect()
    }

    #[test]
    fn a_path_is_aimed_at_its_functions_and_types_and_an_empty_list_means_all() {
        assert!(aimed_at("", "", "marketing", "referral"));
        assert!(aimed_at("sales", "", "sales", "msp"));
        assert!(!aimed_at("sales", "", "technical", "msp"));
        assert!(aimed_at("technical", "msp,si", "technical", "si"));
        assert!(!aimed_at("technical", "msp,si", "technical", "var"));
        assert!(!aimed_at("technical", "msp,si", "sales", "msp"));
        // A code is matched whole, never as part of another.
        assert!(!aimed_at("", "msp", "sales", "ms"));
    }

    #[test]
    fn a_path_is_complete_when_every_course_is_passed_in_any_order() {
        let none = progress(&path(), &passed(&[]), None);
        assert_eq!((none.done, none.total), (0, 3));
        assert_eq!(none.next.as_deref(), Some("basics"));
        let two = progress(&path(), &passed(&[("selling", 5), ("basics", 9)]), None);
        assert_eq!((two.done, two.next.as_deref()), (2, Some("product")));
        assert!(!two.complete());
        let all = progress(
            &path(),
            &passed(&[("selling", 5), ("basics", 9), ("product", 7)]),
            None,
        );
        assert!(all.complete());
        assert_eq!(all.next, None);
        assert!(!progress(&[], &passed(&[]), None).complete());
    }

    #[test]
    fn recertifying_asks_again_only_for_the_courses_that_change() {
        let before = passed(&[("basics", 10), ("product", 20), ("selling", 30)]);
        // Renewing a certificate issued at 40: the product course again.
        let renewing = progress(&path(), &before, Some(40));
        assert_eq!(
            (renewing.done, renewing.next.as_deref()),
            (2, Some("product"))
        );
        let mut after = before.clone();
        after.insert("product".into(), 50);
        assert!(progress(&path(), &after, Some(40)).complete());
    }
}
