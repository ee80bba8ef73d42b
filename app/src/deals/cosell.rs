//! Co-selling: besides the partner that registered it, a deal may have
//! other partners the channel manager adds, each with a role, and every
//! partner on the deal records dated touchpoints (a referral, a demo, a
//! proof of concept, an implementation): the input to attribution.
//!
//! A co-selling partner sees the deal (customer, status, protection,
//! partners, touchpoints) but not the registering partner's contact, notes
//! or conversation with the channel manager, and cannot act for it.

use crate::{error::AppError, values::text_enum};

text_enum!(
    /// What a partner did for the deal.
    TouchpointKind {
        Referral => "referral", t!("Referral");
        Demo => "demo", t!("Demo");
        ProofOfConcept => "poc", t!("Proof of concept");
        Implementation => "implementation", t!("Implementation");
    }
);

/// A checked touchpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidTouchpoint {
    pub kind: TouchpointKind,
    pub happened_on: String,
    pub note: Option<String>,
}

/// Touchpoints older than this many days are refused as typing mistakes.
const OLDEST_DAYS: i64 = 730;

/// Checks a touchpoint: a known kind, a real date neither in the future
/// nor more than two years before `now` (Unix seconds), a note of at most
/// 500 characters. Every problem at once.
pub fn validate_touchpoint(
    kind: &str,
    happened_on: &str,
    note: &str,
    now: i64,
) -> Result<ValidTouchpoint, AppError> {
    let today = crate::format::utc_date(now);
    let oldest = crate::format::utc_date(now - OLDEST_DAYS * 86_400);
    let mut errors = Vec::new();
    let kind = TouchpointKind::parse(kind.trim());
    if kind.is_none() {
        errors.push(("kind", t!("Choose what happened.")));
    }
    let happened_on = happened_on.trim().to_owned();
    if !super::is_iso_date(&happened_on) {
        errors.push(("happened_on", t!("Enter the date it happened.")));
    } else if happened_on > today {
        errors.push(("happened_on", t!("The date is in the future.")));
    } else if happened_on < oldest {
        errors.push(("happened_on", t!("The date is more than two years ago.")));
    }
    let note = note.trim();
    if note.chars().count() > 500 {
        errors.push(("note", t!("Keep the note under 500 characters.")));
    }
    match kind {
        Some(kind) if errors.is_empty() => Ok(ValidTouchpoint {
            kind,
            happened_on,
            note: (!note.is_empty()).then(|| note.to_owned()),
        }),
        _ => Err(AppError::fields(errors)),
    }
}
