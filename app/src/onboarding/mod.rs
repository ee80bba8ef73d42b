//! Onboarding: a checklist that takes a new partner from approval to its
//! first deal, each step ticked by what really happened (never a manual
//! checkbox), the versioned agreement it signs, and the time it took.

pub mod api;
#[cfg(feature = "ssr")]
pub mod demo;
mod pages;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use pages::{
    AgreementPage, OnboardingPage, OnboardingPanel, SignedAgreementPage, TracksPage, WelcomePage,
};
pub use types::{
    AgreementView, Checklist, OnboardingOverview, PublishedAgreement, SignatureView, StepView,
    TrackView,
};

use crate::{error::AppError, values::text_enum};

text_enum!(
    /// What a new partner does, in order.
    Step {
        Agreement => "agreement", t!("Sign the partner agreement");
        Profile => "profile", t!("Complete your profile and logo");
        Welcome => "welcome", t!("Read the welcome kit");
        Colleague => "colleague", t!("Invite a colleague");
        Training => "training", t!("Start the training path");
        FirstDeal => "first_deal", t!("Register your first deal");
    }
);

text_enum!(
    /// Where a step stands.
    StepState {
        Done => "done", t!("Done");
        ActionRequired => "action_required", t!("Your next step");
        Pending => "pending", t!("Pending");
        Skipped => "skipped", t!("Skipped by your channel manager");
    }
);

impl Step {
    /// Where the partner does it.
    pub fn href(self, organisation_id: &str) -> String {
        match self {
            Step::Agreement => "/agreement".to_owned(),
            Step::Profile | Step::Colleague => format!("/organisations/{organisation_id}"),
            Step::Welcome => "/welcome".to_owned(),
            // Until the training area opens, the path starts with the
            // rules of engagement.
            Step::Training => "/learn".to_owned(),
            Step::FirstDeal => "/deals/new".to_owned(),
        }
    }
}

/// What happened, as the database knows it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Facts {
    pub agreement_signed: bool,
    pub profile_complete: bool,
    pub has_logo: bool,
    pub welcome_read: bool,
    /// People in the organisation besides the first admin.
    pub colleagues: i64,
    pub training_started: bool,
    pub registrations: i64,
}

impl Facts {
    pub fn done(&self, step: Step) -> bool {
        match step {
            Step::Agreement => self.agreement_signed,
            Step::Profile => self.profile_complete && self.has_logo,
            Step::Welcome => self.welcome_read,
            Step::Colleague => self.colleagues > 0,
            Step::Training => self.training_started,
            Step::FirstDeal => self.registrations > 0,
        }
    }
}

/// The state of each of `steps`: done or skipped as it is; the first
/// other one is the next action, the rest wait.
pub fn checklist(facts: &Facts, steps: &[Step], skipped: &[Step]) -> Vec<(Step, StepState)> {
    let mut next_given = false;
    steps
        .iter()
        .map(|&step| {
            let state = if facts.done(step) {
                StepState::Done
            } else if skipped.contains(&step) {
                StepState::Skipped
            } else if !next_given {
                next_given = true;
                StepState::ActionRequired
            } else {
                StepState::Pending
            };
            (step, state)
        })
        .collect()
}

/// Stored step codes ("agreement,profile"), unknown ones dropped.
pub fn split_steps(stored: &str) -> Vec<Step> {
    stored
        .split(',')
        .filter_map(|c| Step::parse(c.trim()))
        .collect()
}

/// The steps a program admin chose (codes from a checkbox group), in the
/// checklist's order; an unknown code or none at all is refused.
pub fn chosen_steps(codes: &[String]) -> Result<Vec<Step>, AppError> {
    let mut chosen = Vec::new();
    for code in codes {
        let step = Step::parse(code.trim())
            .ok_or_else(|| AppError::field("steps", t!("Choose a value from the list.")))?;
        chosen.push(step);
    }
    let steps: Vec<Step> = Step::ALL
        .iter()
        .copied()
        .filter(|s| chosen.contains(s))
        .collect();
    if steps.is_empty() {
        return Err(AppError::field("steps", t!("Choose at least one step.")));
    }
    Ok(steps)
}

/// The longest welcome kit or agreement text, in characters.
pub const MAX_TEXT: usize = 50_000;

/// A new agreement version's title, text and grace period, checked field
/// by field.
pub fn agreement_input(
    title: &str,
    body: &str,
    grace_days: &str,
) -> Result<(String, String, i64), AppError> {
    let (title, body) = (title.trim(), body.trim());
    let mut errors = Vec::new();
    if title.is_empty() || title.chars().count() > 200 {
        errors.push((
            "title",
            t!("Give the agreement a title (up to 200 characters)."),
        ));
    }
    if body.is_empty() || body.chars().count() > MAX_TEXT {
        errors.push(("body", t!("Write the agreement (up to 50,000 characters).")));
    }
    let grace = grace_days
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|d| (0..=365).contains(d));
    if grace.is_none() {
        errors.push(("grace_days", t!("Enter a number of days from 0 to 365.")));
    }
    match grace {
        Some(grace) if errors.is_empty() => Ok((title.to_owned(), body.to_owned(), grace)),
        _ => Err(AppError::fields(errors)),
    }
}

/// Steps finished (done or skipped) of a checklist.
pub fn finished(list: &[(Step, StepState)]) -> i64 {
    list.iter()
        .filter(|(_, s)| matches!(s, StepState::Done | StepState::Skipped))
        .count() as i64
}

/// No progress for this long and the partner is stuck: 14 days.
pub const STUCK_AFTER: i64 = 14 * 86_400;

/// Whether a partner whose checklist last moved at `progress_at` is stuck
/// at `now` (never when the checklist is complete).
pub fn stuck(progress_at: i64, complete: bool, now: i64) -> bool {
    !complete && now - progress_at >= STUCK_AFTER
}

/// Days between two moments, rounded down; `None` when either is unknown
/// or the end is before the start.
pub fn days_between(start: Option<i64>, end: Option<i64>) -> Option<i64> {
    match (start, end) {
        (Some(s), Some(e)) if e >= s => Some((e - s) / 86_400),
        _ => None,
    }
}

/// The median of `values` (the lower middle of an even count).
pub fn median(values: &[i64]) -> Option<i64> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    sorted.get(sorted.len().saturating_sub(1) / 2).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_open_step_is_the_next_action_and_skips_count_as_finished() {
        let facts = Facts {
            agreement_signed: true,
            profile_complete: true,
            has_logo: false,
            colleagues: 1,
            ..Facts::default()
        };
        let list = checklist(&facts, Step::ALL, &[Step::Welcome]);
        let states: Vec<StepState> = list.iter().map(|(_, s)| *s).collect();
        assert_eq!(
            states,
            [
                StepState::Done,
                StepState::ActionRequired,
                StepState::Skipped,
                StepState::Done,
                StepState::Pending,
                StepState::Pending
            ]
        );
        assert_eq!(finished(&list), 3);
        // A profile without a logo is not complete.
        assert!(!facts.done(Step::Profile));
    }

    #[test]
    fn a_done_step_stays_done_even_if_skipped() {
        let facts = Facts {
            registrations: 1,
            ..Facts::default()
        };
        let list = checklist(&facts, &[Step::FirstDeal], &[Step::FirstDeal]);
        assert_eq!(list, [(Step::FirstDeal, StepState::Done)]);
    }

    #[test]
    fn chosen_steps_keep_the_checklist_order_and_refuse_nonsense() {
        let codes = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            chosen_steps(&codes(&["first_deal", "agreement"])).unwrap(),
            [Step::Agreement, Step::FirstDeal]
        );
        assert!(chosen_steps(&codes(&[])).is_err());
        assert!(chosen_steps(&codes(&["agreement", "dance"])).is_err());
    }

    #[test]
    fn a_new_agreement_needs_a_title_a_text_and_a_sane_grace() {
        let (title, body, grace) = agreement_input(" Terms ", "Text.\n", "30").unwrap();
        assert_eq!(
            (title.as_str(), body.as_str(), grace),
            ("Terms", "Text.", 30)
        );
        let Err(AppError::Validation(fields)) = agreement_input("", "", "400") else {
            panic!("an empty agreement was accepted");
        };
        let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(names, ["title", "body", "grace_days"]);
        assert!(agreement_input("T", &"x".repeat(MAX_TEXT + 1), "0").is_err());
        assert!(agreement_input("T", "x", "-1").is_err());
    }

    #[test]
    fn stuck_after_fourteen_days_without_progress() {
        assert!(!stuck(0, false, STUCK_AFTER - 1));
        assert!(stuck(0, false, STUCK_AFTER));
        assert!(!stuck(0, true, STUCK_AFTER * 10));
    }

    #[test]
    fn time_to_first_deal_in_days_and_its_median() {
        assert_eq!(days_between(Some(0), Some(86_400 * 3 + 5)), Some(3));
        assert_eq!(days_between(Some(10), None), None);
        assert_eq!(days_between(Some(10), Some(5)), None);
        assert_eq!(median(&[9, 1, 5]), Some(5));
        assert_eq!(median(&[4, 1, 3, 2]), Some(2));
        assert_eq!(median(&[]), None);
    }
}
