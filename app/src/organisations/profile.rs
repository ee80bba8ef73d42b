//! What an organisation says about itself: its website, description and
//! contact person, checked the same way in the form and on the server.

use crate::{
    error::AppError,
    values::{optional_text, Email},
};

/// The profile form, checked: trimmed, empty fields unset, addresses in
/// lower case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValidProfile {
    pub website: Option<String>,
    pub description: Option<String>,
    pub contact_name: Option<String>,
    pub contact_email: Option<Email>,
    pub contact_phone: Option<String>,
    /// `#rrggbb`, the colour co-branded campaigns carry.
    pub brand_colour: Option<String>,
}

/// Whether `site` reads as a website: a domain, or an http(s) address on
/// one, at most 200 characters, with nothing that could leave a link
/// (quotes, angle brackets, spaces).
fn is_website(site: &str) -> bool {
    let address = if site.contains("://") {
        site.to_owned()
    } else {
        format!("https://{site}")
    };
    let host = address
        .split("://")
        .nth(1)
        .and_then(|rest| rest.split(['/', '?', '#']).next())
        .unwrap_or_default();
    site.len() <= 200
        && crate::campaigns::render::safe_url(&address, false).is_some()
        && host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
        && crate::values::Domain::parse(host).is_some()
}

/// Checks the profile form field by field; every problem at once.
pub fn validate_profile(
    website: &str,
    description: &str,
    contact_name: &str,
    contact_email: &str,
    contact_phone: &str,
    brand_colour: &str,
) -> Result<ValidProfile, AppError> {
    let email = optional_text(contact_email).map(|e| Email::parse(&e));
    let profile = ValidProfile {
        website: optional_text(website).map(|w| w.to_lowercase()),
        description: optional_text(description),
        contact_name: optional_text(contact_name),
        contact_email: email.clone().flatten(),
        contact_phone: optional_text(contact_phone),
        brand_colour: optional_text(brand_colour)
            .map(|c| crate::campaigns::render::safe_colour(&c).unwrap_or(c)),
    };
    let mut errors = Vec::new();
    let mut check = |ok: bool, field, message| {
        if !ok {
            errors.push((field, message));
        }
    };
    check(
        profile.website.as_deref().is_none_or(is_website),
        "website",
        t!("Enter a web address like example.com."),
    );
    check(
        profile
            .description
            .as_deref()
            .is_none_or(|d| d.chars().count() <= 1000),
        "description",
        t!("Keep the description under 1000 characters."),
    );
    check(
        profile
            .contact_name
            .as_deref()
            .is_none_or(|n| n.chars().count() <= 120),
        "contact_name",
        t!("Keep the name under 120 characters."),
    );
    check(
        email.is_none_or(|parsed| parsed.is_some()),
        "contact_email",
        t!("Enter an email address like name@company.com."),
    );
    check(
        profile
            .contact_phone
            .as_deref()
            .is_none_or(crate::values::is_phone_number),
        "contact_phone",
        t!("Enter a phone number: digits, spaces and + - ( ) only."),
    );
    check(
        profile
            .brand_colour
            .as_deref()
            .is_none_or(|c| crate::campaigns::render::safe_colour(c).is_some()),
        "brand_colour",
        t!("Enter a colour like #1d4ed8."),
    );
    if errors.is_empty() {
        Ok(profile)
    } else {
        Err(AppError::fields(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_is_trimmed_and_empty_fields_are_unset() {
        let profile = validate_profile(
            " Northwind.Example ",
            "  ",
            "Ava",
            "AVA@Northwind.example",
            "+1 (555) 010-2000",
            "#1D4ED8",
        )
        .unwrap();
        assert_eq!(
            profile,
            ValidProfile {
                website: Some("northwind.example".into()),
                description: None,
                contact_name: Some("Ava".into()),
                contact_email: Email::parse("ava@northwind.example"),
                contact_phone: Some("+1 (555) 010-2000".into()),
                brand_colour: Some("#1d4ed8".into()),
            }
        );
        assert_eq!(
            validate_profile("", "", "", "", "", "").unwrap(),
            ValidProfile::default()
        );
    }

    #[test]
    fn every_bad_field_is_named() {
        let Err(AppError::Validation(errors)) = validate_profile(
            "not a site",
            &"x".repeat(1001),
            &"n".repeat(121),
            "ava",
            "call me",
            "red;}",
        ) else {
            panic!("a bad profile must be refused");
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "website",
                "description",
                "contact_name",
                "contact_email",
                "contact_phone",
                "brand_colour"
            ]
        );
    }

    #[test]
    fn a_website_is_a_domain_or_a_web_address_on_one() {
        for good in [
            "northwind.example",
            "www.acme.co.uk",
            "https://northwind.example/partners?ref=acme",
            "http://shop.example:8080",
        ] {
            assert!(is_website(good), "{good}");
        }
        for bad in [
            "<b onmouseover=x>bold</b>.example",
            "window.__pwned",
            "javascript:alert(1)//x.example",
            "ftp://files.example",
            "x.example/\"><b>",
            "northwind",
            "https://",
        ] {
            assert!(!is_website(bad), "{bad}");
        }
    }
}
