//! People joining and getting back in: invitations by emailed link, and
//! password reset by emailed link. Both links are single use and expire.
//! Admins change a person's role and status.

pub mod api;
mod pages;
#[cfg(feature = "ssr")]
pub mod server;

pub use pages::{InvitationPage, PasswordResetPage, PasswordResetRequestPage};

use crate::{error::AppError, learning::JobFunction, organisations::Role, values::Email};

/// An invitation as typed, checked: trimmed name, lower-case address, a
/// role that fits the organisation (vendor staff roles for the vendor,
/// partner roles for a partner), and what they do (certification paths
/// are aimed at it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidInvitation {
    pub name: String,
    pub email: Email,
    pub role: Role,
    pub job_function: JobFunction,
}

/// Checks an invitation into an organisation that is the vendor or not;
/// every problem at once.
pub fn validate_invitation(
    name: &str,
    email: &str,
    role: &str,
    job_function: &str,
    vendor: bool,
) -> Result<ValidInvitation, AppError> {
    let name = name.trim().to_owned();
    let email = Email::parse(email);
    let mut errors = Vec::new();
    if name.is_empty() || name.chars().count() > 120 {
        errors.push((
            "name",
            t!("Enter the person's name (up to 120 characters)."),
        ));
    }
    if email.is_none() {
        errors.push(("email", t!("Enter an email address like name@company.com.")));
    }
    let role = Role::parse(role).filter(|r| r.fits(vendor));
    if role.is_none() {
        errors.push(("role", t!("Choose a role this organisation can have.")));
    }
    let job_function = JobFunction::parse(job_function);
    if job_function.is_none() {
        errors.push(("job_function", t!("Choose what the person does.")));
    }
    match (email, role, job_function) {
        (Some(email), Some(role), Some(job_function)) if errors.is_empty() => Ok(ValidInvitation {
            name,
            email,
            role,
            job_function,
        }),
        _ => Err(AppError::fields(errors)),
    }
}

/// The status a person gets when an admin asks for `requested` (`active`
/// or `disabled`) while they are `current`: someone still invited stays
/// invited until they accept.
pub fn next_status(requested: &str, current: &str) -> Result<&'static str, AppError> {
    match (requested, current) {
        ("active" | "disabled", "invited") => Ok("invited"),
        ("active", _) => Ok("active"),
        ("disabled", _) => Ok("disabled"),
        _ => Err(AppError::field("status", t!("Choose active or disabled."))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invitations_are_checked_field_by_field() {
        let ok = validate_invitation(
            "  Ana Silva ",
            " Ana@Northwind.Example ",
            "partner_user",
            "technical",
            false,
        )
        .unwrap();
        assert_eq!(
            ok,
            ValidInvitation {
                name: "Ana Silva".into(),
                email: Email::parse("ana@northwind.example").unwrap(),
                role: Role::PartnerUser,
                job_function: JobFunction::Technical,
            }
        );
        let Err(AppError::Validation(errors)) =
            validate_invitation("", "ana", "program_admin", "juggling", false)
        else {
            panic!("a bad invitation must be refused");
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "email", "role", "job_function"]);
        assert!(
            validate_invitation("Ana", "ana@acme.example", "program_admin", "sales", true).is_ok()
        );
        assert!(
            validate_invitation("Ana", "ana@acme.example", "partner_admin", "sales", true).is_err()
        );
    }

    #[test]
    fn an_invited_person_stays_invited_until_they_accept() {
        assert_eq!(next_status("active", "invited").unwrap(), "invited");
        assert_eq!(next_status("disabled", "invited").unwrap(), "invited");
        assert_eq!(next_status("active", "disabled").unwrap(), "active");
        assert_eq!(next_status("disabled", "active").unwrap(), "disabled");
        assert!(next_status("deleted", "active").is_err());
    }
}
