//! A landing page's lead form, checked: the same rules wherever a lead is
//! taken.

use super::render::LeadFields;
use crate::{
    i18n::Locale,
    values::{company_key, optional_text, Email},
};

/// A lead form that passed its checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidLead {
    pub name: String,
    pub email: Email,
    pub company: String,
    pub phone: Option<String>,
    pub message: Option<String>,
    /// Lower-case address and normalised company: one lead per pair.
    pub email_key: String,
    pub company_key: String,
}

/// Checks `fields`; every problem at once, as (field, message) in the
/// page's language.
pub fn validate(fields: &LeadFields, locale: Locale) -> Result<ValidLead, Vec<(String, String)>> {
    let mut errors: Vec<(String, String)> = Vec::new();
    let mut check = |ok: bool, field: &str, message: &str| {
        if !ok {
            errors.push((field.to_owned(), message.to_owned()));
        }
    };
    let name = fields.name.trim();
    check(
        !name.is_empty() && name.chars().count() <= 200,
        "name",
        crate::t!(in locale, "Enter your name."),
    );
    let email = Email::parse(fields.email.trim());
    check(
        email.is_some(),
        "email",
        crate::t!(in locale, "Enter an email address like name@company.com."),
    );
    let company = fields.company.trim();
    let key = company_key(company);
    check(
        !company.is_empty() && company.chars().count() <= 200 && !key.is_empty(),
        "company",
        crate::t!(in locale, "Enter your company's name."),
    );
    let phone = optional_text(&fields.phone);
    check(
        phone.as_deref().is_none_or(crate::values::is_phone_number),
        "phone",
        crate::t!(in locale, "Enter a phone number with digits, spaces and + - ( ) only."),
    );
    let message = optional_text(&fields.message);
    check(
        message
            .as_deref()
            .is_none_or(|m| m.chars().count() <= 2_000),
        "message",
        crate::t!(in locale, "Keep the message under 2000 characters."),
    );
    check(
        fields.consent,
        "consent",
        crate::t!(in locale, "Tick the box so they may contact you."),
    );
    match (errors.is_empty(), email) {
        (true, Some(email)) => Ok(ValidLead {
            name: name.to_owned(),
            email_key: email.as_str().to_owned(),
            email,
            company: company.to_owned(),
            company_key: key,
            phone,
            message,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> LeadFields {
        LeadFields {
            name: " Jo Park ".into(),
            email: "Jo@Fernway.Example".into(),
            company: "Fernway Outfitters Inc.".into(),
            phone: "".into(),
            message: "".into(),
            consent: true,
        }
    }

    #[test]
    fn a_good_form_is_normalised() {
        let lead = validate(&fields(), Locale::En).unwrap();
        assert_eq!(lead.name, "Jo Park");
        assert_eq!(lead.email_key, "jo@fernway.example");
        assert_eq!(lead.company_key, company_key("fernway outfitters"));
        assert_eq!(lead.phone, None);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let bad = LeadFields {
            name: "".into(),
            email: "nope".into(),
            company: " ".into(),
            phone: "call me".into(),
            message: "x".repeat(2001),
            consent: false,
        };
        let fields: Vec<String> = validate(&bad, Locale::En)
            .unwrap_err()
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(
            fields,
            ["name", "email", "company", "phone", "message", "consent"]
        );
    }
}
