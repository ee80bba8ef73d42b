//! Certificate rules: how long one is valid, where it stands, and which
//! expiry reminder is due.

use crate::values::text_enum;

text_enum!(
    /// Where a certificate stands, as its public verification page says.
    CertificateStatus {
        Valid => "valid", t!("Valid");
        Expired => "expired", t!("Expired");
        Revoked => "revoked", t!("Revoked");
    }
);

/// Reminders before a certificate expires, in days, earliest first.
pub const REMINDER_DAYS: [i64; 3] = [60, 30, 7];

/// A day in seconds: validity and reminders count whole days.
pub const DAY: i64 = 86_400;

/// Where anyone checks certificate `id` (append to the portal's address):
/// the QR code, the email and the Open Badge's id all name this.
pub fn verify_path(id: &str) -> String {
    format!("/verify/{id}")
}

/// Whole days left, rounded up, until `valid_until` (a certificate ending
/// later today has 1 day left).
pub fn days_left(now: i64, valid_until: i64) -> i64 {
    (valid_until - now + DAY - 1).div_euclid(DAY)
}

/// Where a certificate valid until `valid_until` (a Unix time; the first
/// second it no longer holds) stands at `now`. Revocation wins.
pub fn status(now: i64, valid_until: i64, revoked: bool) -> CertificateStatus {
    match (revoked, now < valid_until) {
        (true, _) => CertificateStatus::Revoked,
        (false, true) => CertificateStatus::Valid,
        (false, false) => CertificateStatus::Expired,
    }
}

/// The end of validity for a certificate issued at `issued_at` for
/// `months` months: a twelfth of 365 days a month, rounded to whole days
/// (365 days for 12 months, 183 for 6).
pub fn valid_until(issued_at: i64, months: i64) -> i64 {
    issued_at + (months * 365 + 6) / 12 * DAY
}

/// Whether a certificate valid until `valid_until` may be renewed at
/// `now`: from its first reminder on, and after it ended.
pub fn renewal_open(now: i64, valid_until: i64) -> bool {
    valid_until - now <= REMINDER_DAYS[0] * DAY
}

/// The reminder due at `now` for a certificate valid until `valid_until`,
/// given the reminders already sent: the latest threshold crossed that
/// has not been sent. A certificate found late gets only the nearest
/// reminder, not all three at once.
pub fn reminder_due(now: i64, valid_until: i64, sent: &[i64]) -> Option<i64> {
    if now >= valid_until {
        return None;
    }
    let left = valid_until - now;
    let crossed = REMINDER_DAYS
        .iter()
        .copied()
        .filter(|days| left <= days * DAY)
        .min()?;
    (!sent.iter().any(|s| *s <= crossed)).then_some(crossed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ISSUED: i64 = 1_767_225_600; // 2026-01-01 00:00 UTC

    #[test]
    fn validity_is_counted_in_whole_days() {
        assert_eq!(valid_until(ISSUED, 12), ISSUED + 365 * DAY);
        assert_eq!(valid_until(ISSUED, 6), ISSUED + 183 * DAY);
        assert_eq!(valid_until(ISSUED, 24), ISSUED + 730 * DAY);
    }

    #[test]
    fn a_certificate_expires_at_its_end_and_revocation_wins() {
        let until = valid_until(ISSUED, 12);
        assert_eq!(status(until - 1, until, false), CertificateStatus::Valid);
        assert_eq!(status(until, until, false), CertificateStatus::Expired);
        assert_eq!(status(ISSUED, until, true), CertificateStatus::Revoked);
    }

    #[test]
    fn days_left_are_rounded_up() {
        let until = ISSUED + 365 * DAY;
        assert_eq!(days_left(until - 45 * DAY, until), 45);
        assert_eq!(days_left(until - 45 * DAY + 1, until), 45);
        assert_eq!(days_left(until - 1, until), 1);
        assert_eq!(days_left(until, until), 0);
    }

    #[test]
    fn renewal_opens_with_the_first_reminder_and_stays_open_after_the_end() {
        let until = ISSUED + 365 * DAY;
        assert!(!renewal_open(until - 61 * DAY, until));
        assert!(renewal_open(until - 60 * DAY, until));
        assert!(renewal_open(until + 100 * DAY, until));
    }

    #[test]
    fn each_reminder_is_sent_once_and_a_late_one_does_not_bring_the_earlier() {
        let until = ISSUED + 365 * DAY;
        // More than 60 days left: nothing.
        assert_eq!(reminder_due(until - 61 * DAY, until, &[]), None);
        // 60 days left exactly: the first reminder, once.
        assert_eq!(reminder_due(until - 60 * DAY, until, &[]), Some(60));
        assert_eq!(reminder_due(until - 59 * DAY, until, &[60]), None);
        assert_eq!(reminder_due(until - 30 * DAY, until, &[60]), Some(30));
        assert_eq!(reminder_due(until - 7 * DAY, until, &[60, 30]), Some(7));
        assert_eq!(reminder_due(until - DAY, until, &[60, 30, 7]), None);
        // Found with 5 days left and nothing sent: only the 7-day one.
        assert_eq!(reminder_due(until - 5 * DAY, until, &[]), Some(7));
        assert_eq!(reminder_due(until - 4 * DAY, until, &[7]), None);
        // Expired: no reminder (the expiry notice is another message).
        assert_eq!(reminder_due(until, until, &[]), None);
    }
}
