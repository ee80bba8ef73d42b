//! The rules of the vendor's side of the program: direct accounts as typed
//! or pasted, and the rules-of-engagement form.

use crate::{
    error::AppError,
    values::{CompanyName, Domain},
};

/// One direct account to add, checked.
pub fn parse_account(company: &str, domain: &str) -> Result<(String, Option<String>), String> {
    let Ok(company) = CompanyName::parse(company) else {
        return Err(t!("a company name is needed").to_owned());
    };
    let domain = domain.trim();
    if domain.is_empty() {
        return Ok((company.into(), None));
    }
    match Domain::parse(domain) {
        Some(domain) => Ok((company.into(), Some(domain.into()))),
        None => Err(t!("“{domain}” is not a web domain", domain = domain)),
    }
}

/// Parses pasted CSV (`company,domain` per line; a header line and blank
/// lines are skipped; quotes allowed). Every bad line is reported, by
/// number; then nothing is imported.
pub fn parse_csv(text: &str) -> Result<Vec<(String, Option<String>)>, Vec<String>> {
    let mut accounts = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || (n == 0 && line.to_lowercase().starts_with("company")) {
            continue;
        }
        let fields = split_csv_line(line);
        let company = fields.first().map(String::as_str).unwrap_or_default();
        let domain = fields.get(1).map(String::as_str).unwrap_or_default();
        match parse_account(company, domain) {
            Ok(account) => accounts.push(account),
            Err(why) => errors.push(t!("line {number}: {why}", number = n + 1, why = why)),
        }
    }
    if errors.is_empty() && accounts.is_empty() {
        errors.push(t!("no accounts found: one “company,domain” per line").to_owned());
    }
    if errors.is_empty() {
        Ok(accounts)
    } else {
        Err(errors)
    }
}

fn split_csv_line(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    fields.push(field);
    fields
}

/// Rules of engagement as the program admin publishes them, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRules {
    pub text: String,
    pub sla_hours: i64,
    pub default_protection_days: i64,
}

/// Checks the rules form: whole hours 1 to 720 for the approval SLA, whole
/// days 1 to 730 for the default protection, at most 20,000 characters of
/// text. Every problem at once.
pub fn validate_rules(
    text: &str,
    sla_hours: &str,
    default_protection_days: &str,
) -> Result<ValidRules, AppError> {
    let mut errors = Vec::new();
    let sla = sla_hours
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|h| (1..=720).contains(h));
    if sla.is_none() {
        errors.push(("sla_hours", t!("Enter whole hours between 1 and 720.")));
    }
    let days = default_protection_days
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|d| (1..=730).contains(d));
    if days.is_none() {
        errors.push((
            "default_protection_days",
            t!("Enter whole days between 1 and 730."),
        ));
    }
    if text.chars().count() > 20_000 {
        errors.push(("text", t!("Keep the rules under 20,000 characters.")));
    }
    match (sla, days) {
        (Some(sla_hours), Some(default_protection_days)) if errors.is_empty() => Ok(ValidRules {
            text: text.trim().to_owned(),
            sla_hours,
            default_protection_days,
        }),
        _ => Err(AppError::fields(errors)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_is_all_or_nothing_with_line_numbers() {
        let good = "company,domain\nGlobex Corporation,globex.com\n\n\"Initech, Inc.\",initech.example\nHooli,\n";
        assert_eq!(
            parse_csv(good).unwrap(),
            vec![
                (
                    "Globex Corporation".to_owned(),
                    Some("globex.com".to_owned())
                ),
                (
                    "Initech, Inc.".to_owned(),
                    Some("initech.example".to_owned())
                ),
                ("Hooli".to_owned(), None),
            ]
        );
        let bad = "Globex,globex.com\nInc.,x.com\nAcme,not a domain\n";
        assert_eq!(
            parse_csv(bad).unwrap_err(),
            vec![
                "line 2: a company name is needed".to_owned(),
                "line 3: “not a domain” is not a web domain".to_owned()
            ]
        );
        assert!(parse_csv("company,domain\n").is_err());
    }

    #[test]
    fn rules_are_checked_field_by_field() {
        let ok = validate_rules("  Be fair.  ", "48", "90").unwrap();
        assert_eq!(
            ok,
            ValidRules {
                text: "Be fair.".into(),
                sla_hours: 48,
                default_protection_days: 90
            }
        );
        let Err(AppError::Validation(errors)) = validate_rules(&"x".repeat(20_001), "0", "731")
        else {
            panic!("out-of-range values must be refused");
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["sla_hours", "default_protection_days", "text"]);
        assert!(validate_rules("", "1.5", "90").is_err());
        assert!(validate_rules("", "720", "730").is_ok());
    }
}
