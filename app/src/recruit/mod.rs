//! Recruiting partners: the public application, its fit score against the
//! program's best performers (explained factor by factor), the channel
//! managers' review queue and the "recruit next" lookalikes.

pub mod api;
#[cfg(feature = "ssr")]
pub mod demo;
pub mod fit;
mod pages;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use fit::{Contribution, Factor, Fit, Profile, Reason, Weights};
pub use pages::{ApplicationPage, ApplicationsPage, AppliedPage, ApplyPage};
pub use types::{ApplicationDetail, ApplicationSummary, Lookalike, ProspectFacts, ReviewQueue};

use serde::{Deserialize, Serialize};

use crate::{
    error::AppError,
    organisations::{PartnerType, Region},
    values::{parse_minor_units, text_enum, CompanyName, CompanyNameError, Domain, Email},
};

text_enum!(
    /// Industries a partner serves.
    Industry {
        Healthcare => "healthcare", t!("Healthcare");
        Financial => "financial", t!("Financial services");
        Retail => "retail", t!("Retail");
        Manufacturing => "manufacturing", t!("Manufacturing");
        Public => "public", t!("Public sector");
        Education => "education", t!("Education");
        Technology => "technology", t!("Technology");
        Energy => "energy", t!("Energy");
    }
);

text_enum!(
    /// What a partner is specialised and certified in.
    Specialisation {
        Migration => "migration", t!("Cloud migration");
        Security => "security", t!("Security");
        Data => "data", t!("Data and analytics");
        Managed => "managed", t!("Managed operations");
        Devops => "devops", t!("DevOps");
        Networking => "networking", t!("Networking");
        Ai => "ai", t!("AI and machine learning");
    }
);

text_enum!(
    /// Where an application stands.
    ApplicationStatus {
        Received => "received", t!("Received");
        MoreInfo => "more_info", t!("More information requested");
        Approved => "approved", t!("Approved");
        Rejected => "rejected", t!("Rejected");
    }
);

impl ApplicationStatus {
    /// Still waiting for a decision.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            ApplicationStatus::Received | ApplicationStatus::MoreInfo
        )
    }
}

text_enum!(
    /// What a channel manager decides about an application.
    ApplicationDecision {
        Approve => "approve", t!("Approve");
        Reject => "reject", t!("Reject");
        MoreInfo => "more_info", t!("Ask for more information");
    }
);

/// Codes joined for storage: "healthcare,retail".
pub fn join_codes<T: Copy>(values: &[T], code: fn(T) -> &'static str) -> String {
    values
        .iter()
        .map(|v| code(*v))
        .collect::<Vec<_>>()
        .join(",")
}

/// Stored codes split again; unknown ones are dropped.
pub fn split_codes<T>(stored: &str, parse: fn(&str) -> Option<T>) -> Vec<T> {
    stored
        .split(',')
        .filter(|c| !c.is_empty())
        .filter_map(parse)
        .collect()
}

/// The largest company an application may claim: ten million people.
pub const MAX_EMPLOYEES: i64 = 10_000_000;

/// What the public application form sends. Checkbox groups arrive as
/// `application[industries][n]=code`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationInput {
    pub company: String,
    pub website: String,
    pub country: String,
    pub region: String,
    pub partner_type: String,
    pub employees: String,
    #[serde(default)]
    pub industries: Vec<String>,
    #[serde(default)]
    pub specialisations: Vec<String>,
    pub other_vendors: String,
    pub expected_revenue: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_title: String,
    pub message: String,
}

/// An application that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidApplication {
    pub company: CompanyName,
    pub company_key: String,
    pub website: Domain,
    pub domain_key: String,
    pub country: String,
    pub region: Region,
    pub partner_type: PartnerType,
    pub employees: i64,
    pub industries: Vec<Industry>,
    pub specialisations: Vec<Specialisation>,
    pub other_vendors: String,
    pub expected_revenue_cents: i64,
    pub contact_name: String,
    pub contact_email: Email,
    pub contact_title: String,
    pub message: String,
}

impl ValidApplication {
    /// What the fit score compares.
    pub fn profile(&self) -> Profile {
        Profile {
            partner_type: self.partner_type,
            region: self.region,
            employees: self.employees,
            industries: self.industries.clone(),
            specialisations: self.specialisations.clone(),
            revenue_cents: self.expected_revenue_cents,
        }
    }
}

/// `text` trimmed, or the field's error when it is empty or longer than
/// `max` characters.
fn bounded<'a>(
    errors: &mut Vec<(&'static str, &'static str)>,
    field: &'static str,
    text: &'a str,
    required: bool,
    max: usize,
    message: &'static str,
) -> &'a str {
    let text = text.trim();
    if (required && text.is_empty()) || text.chars().count() > max {
        errors.push((field, message));
    }
    text
}

/// Every code in `codes` parsed (each at most once), or the field's error.
fn codes<T: PartialEq>(
    errors: &mut Vec<(&'static str, &'static str)>,
    field: &'static str,
    codes: &[String],
    parse: fn(&str) -> Option<T>,
    message: &'static str,
) -> Vec<T> {
    let mut out = Vec::new();
    for code in codes {
        match parse(code.trim()) {
            Some(value) if !out.contains(&value) => out.push(value),
            Some(_) => {}
            None => {
                errors.push((field, message));
                return Vec::new();
            }
        }
    }
    out
}

/// What the public form and a channel manager's prospect both say about a
/// company, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompanyProfile {
    pub company: CompanyName,
    pub company_key: String,
    pub website: Domain,
    pub domain_key: String,
    pub country: String,
    pub region: Region,
    pub partner_type: PartnerType,
    pub employees: i64,
    pub industries: Vec<Industry>,
    pub specialisations: Vec<Specialisation>,
}

/// A company's fields as typed.
struct CompanyFields<'a> {
    company: &'a str,
    website: &'a str,
    country: &'a str,
    region: &'a str,
    partner_type: &'a str,
    employees: &'a str,
    industries: &'a [String],
    specialisations: &'a [String],
}

/// What each company field's error says: an applicant reads about "your
/// company", a channel manager about "the company".
struct Wording {
    company_missing: &'static str,
    company_invalid: &'static str,
    website: &'static str,
    country: &'static str,
    region: &'static str,
    partner_type: &'static str,
    employees: &'static str,
    industries: &'static str,
}

/// Checks the company's fields, pushing each error onto `errors`.
fn company_profile(
    errors: &mut Vec<(&'static str, &'static str)>,
    input: CompanyFields,
    wording: Wording,
) -> Option<CompanyProfile> {
    let company = CompanyName::parse(input.company);
    match &company {
        Err(CompanyNameError::Missing) if input.company.trim().is_empty() => {
            errors.push(("company", wording.company_missing));
        }
        Err(_) => errors.push(("company", wording.company_invalid)),
        Ok(_) => {}
    }
    let website = Domain::parse(input.website).filter(|_| input.website.len() <= 253);
    if website.is_none() {
        errors.push(("website", wording.website));
    }
    let country = bounded(errors, "country", input.country, true, 80, wording.country);
    let region = Region::parse(input.region.trim());
    if region.is_none() {
        errors.push(("region", wording.region));
    }
    let partner_type = PartnerType::parse(input.partner_type.trim());
    if partner_type.is_none() {
        errors.push(("partner_type", wording.partner_type));
    }
    let employees = input
        .employees
        .trim()
        .replace([',', '.', ' '], "")
        .parse::<i64>()
        .ok()
        .filter(|n| (1..=MAX_EMPLOYEES).contains(n));
    if employees.is_none() {
        errors.push(("employees", wording.employees));
    }
    let industries = codes(
        errors,
        "industries",
        input.industries,
        Industry::parse,
        t!("Choose industries from the list."),
    );
    if industries.is_empty() && !errors.iter().any(|(f, _)| *f == "industries") {
        errors.push(("industries", wording.industries));
    }
    let specialisations = codes(
        errors,
        "specialisations",
        input.specialisations,
        Specialisation::parse,
        t!("Choose specialisations from the list."),
    );
    let (Ok(company), Some(website), Some(region), Some(partner_type), Some(employees)) =
        (company, website, region, partner_type, employees)
    else {
        return None;
    };
    Some(CompanyProfile {
        company_key: company.key(),
        company,
        domain_key: website.key(),
        website,
        country: country.to_owned(),
        region,
        partner_type,
        employees,
        industries,
        specialisations,
    })
}

impl ApplicationInput {
    /// Checks every field; all errors at once, each on its field.
    pub fn validate(&self) -> Result<ValidApplication, AppError> {
        let mut errors: Vec<(&'static str, &'static str)> = Vec::new();
        let profile = company_profile(
            &mut errors,
            CompanyFields {
                company: &self.company,
                website: &self.website,
                country: &self.country,
                region: &self.region,
                partner_type: &self.partner_type,
                employees: &self.employees,
                industries: &self.industries,
                specialisations: &self.specialisations,
            },
            Wording {
                company_missing: t!("Enter your company's name."),
                company_invalid: t!("Enter a real company name (letters, up to 200 characters)."),
                website: t!("Enter your company's website, for example example.com."),
                country: t!("Enter your country (up to 80 characters)."),
                region: t!("Choose the region you sell in."),
                partner_type: t!("Choose how you would partner with us."),
                employees: t!("Enter how many people work at your company (a whole number)."),
                industries: t!("Choose at least one industry you serve."),
            },
        );
        let other_vendors = bounded(
            &mut errors,
            "other_vendors",
            &self.other_vendors,
            false,
            500,
            t!("Keep the list of other vendors under 500 characters."),
        );
        let expected_revenue =
            parse_minor_units(&self.expected_revenue).filter(|cents| *cents <= 1_000_000_000_000);
        if expected_revenue.is_none() {
            errors.push((
                "expected_revenue",
                t!("Enter the yearly revenue you could bring, in US dollars, for example 250,000."),
            ));
        }
        let contact_name = bounded(
            &mut errors,
            "contact_name",
            &self.contact_name,
            true,
            120,
            t!("Enter your name (up to 120 characters)."),
        );
        let contact_email = Email::parse(&self.contact_email);
        if contact_email.is_none() {
            errors.push((
                "contact_email",
                t!("Enter an email address we can reach you at."),
            ));
        }
        let contact_title = bounded(
            &mut errors,
            "contact_title",
            &self.contact_title,
            false,
            120,
            t!("Keep your job title under 120 characters."),
        );
        let message = bounded(
            &mut errors,
            "message",
            &self.message,
            false,
            2000,
            t!("Keep the message under 2,000 characters."),
        );
        match (profile, expected_revenue, contact_email) {
            (Some(profile), Some(expected_revenue_cents), Some(contact_email))
                if errors.is_empty() =>
            {
                let CompanyProfile {
                    company,
                    company_key,
                    website,
                    domain_key,
                    country,
                    region,
                    partner_type,
                    employees,
                    industries,
                    specialisations,
                } = profile;
                Ok(ValidApplication {
                    company,
                    company_key,
                    website,
                    domain_key,
                    country,
                    region,
                    partner_type,
                    employees,
                    industries,
                    specialisations,
                    other_vendors: other_vendors.to_owned(),
                    expected_revenue_cents,
                    contact_name: contact_name.to_owned(),
                    contact_email,
                    contact_title: contact_title.to_owned(),
                    message: message.to_owned(),
                })
            }
            _ => Err(AppError::fields(errors)),
        }
    }
}

/// What a channel manager types about a prospect: a company that has not
/// applied but that the channel team would like as a partner.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProspectInput {
    pub company: String,
    pub website: String,
    pub country: String,
    pub region: String,
    pub partner_type: String,
    pub employees: String,
    #[serde(default)]
    pub industries: Vec<String>,
    #[serde(default)]
    pub specialisations: Vec<String>,
    pub note: String,
}

/// A prospect that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidProspect {
    pub company: CompanyProfile,
    pub note: String,
}

impl ValidProspect {
    /// What the likeness compares (a prospect has claimed no revenue).
    pub fn profile(&self) -> Profile {
        Profile {
            partner_type: self.company.partner_type,
            region: self.company.region,
            employees: self.company.employees,
            industries: self.company.industries.clone(),
            specialisations: self.company.specialisations.clone(),
            revenue_cents: 0,
        }
    }
}

impl ProspectInput {
    /// Checks every field; all errors at once, each on its field.
    pub fn validate(&self) -> Result<ValidProspect, AppError> {
        let mut errors: Vec<(&'static str, &'static str)> = Vec::new();
        let company = company_profile(
            &mut errors,
            CompanyFields {
                company: &self.company,
                website: &self.website,
                country: &self.country,
                region: &self.region,
                partner_type: &self.partner_type,
                employees: &self.employees,
                industries: &self.industries,
                specialisations: &self.specialisations,
            },
            Wording {
                company_missing: t!("Enter the company's name."),
                company_invalid: t!("Enter a real company name (letters, up to 200 characters)."),
                website: t!("Enter the company's website, for example example.com."),
                country: t!("Enter the company's country (up to 80 characters)."),
                region: t!("Choose the region the company sells in."),
                partner_type: t!("Choose how the company would partner with us."),
                employees: t!("Enter how many people work at the company (a whole number)."),
                industries: t!("Choose at least one industry the company serves."),
            },
        );
        let note = bounded(
            &mut errors,
            "note",
            &self.note,
            false,
            500,
            t!("Keep the note under 500 characters."),
        );
        match company {
            Some(company) if errors.is_empty() => Ok(ValidProspect {
                company,
                note: note.to_owned(),
            }),
            _ => Err(AppError::fields(errors)),
        }
    }
}

/// A channel manager's reason or question: required for a rejection and
/// a request for more, at most 1,000 characters.
pub fn decision_note(decision: ApplicationDecision, note: &str) -> Result<Option<&str>, AppError> {
    let note = note.trim();
    if note.chars().count() > 1000 {
        return Err(AppError::field(
            "note",
            t!("Keep the note under 1,000 characters."),
        ));
    }
    match decision {
        ApplicationDecision::Approve => Ok(Some(note).filter(|n| !n.is_empty())),
        _ if note.is_empty() => Err(AppError::field(
            "note",
            t!("Say why, or what you need to know: the applicant reads it."),
        )),
        _ => Ok(Some(note)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ApplicationInput {
        ApplicationInput {
            company: "Contoso Cloud Partners".into(),
            website: "https://www.contoso.example/about".into(),
            country: "Germany".into(),
            region: "emea".into(),
            partner_type: "msp".into(),
            employees: "120".into(),
            industries: vec!["healthcare".into(), "retail".into(), "healthcare".into()],
            specialisations: vec!["security".into()],
            other_vendors: "Microsoft Azure".into(),
            expected_revenue: "250,000".into(),
            contact_name: "Lena Vogel".into(),
            contact_email: "Lena.Vogel@Contoso.example".into(),
            contact_title: "CEO".into(),
            message: String::new(),
        }
    }

    #[test]
    fn a_prospect_is_checked_like_an_application_and_spoken_of_in_the_third_person() {
        let prospect = ProspectInput {
            company: "Trey Research".into(),
            website: "www.trey-research.example".into(),
            country: "United States".into(),
            region: "north_america".into(),
            partner_type: "msp".into(),
            employees: "1,200".into(),
            industries: vec!["healthcare".into()],
            specialisations: Vec::new(),
            note: "  Met at HIMSS  ".into(),
        };
        let valid = prospect.validate().unwrap();
        assert_eq!(valid.company.domain_key, "trey-research");
        assert_eq!(valid.company.employees, 1200);
        assert_eq!(valid.note, "Met at HIMSS");
        // A prospect claims no revenue: the likeness ignores it.
        assert_eq!(valid.profile().revenue_cents, 0);
        let bad = ProspectInput {
            company: String::new(),
            industries: Vec::new(),
            note: "x".repeat(501),
            ..prospect
        };
        let err = bad.validate().unwrap_err();
        assert_eq!(
            err.message_for("company"),
            Some("Enter the company's name.")
        );
        assert_eq!(
            err.message_for("industries"),
            Some("Choose at least one industry the company serves.")
        );
        assert!(err.message_for("note").is_some());
        assert!(err.message_for("website").is_none());
    }

    #[test]
    fn a_complete_application_parses() {
        let valid = input().validate().unwrap();
        assert_eq!(valid.domain_key, "contoso");
        assert_eq!(
            valid.industries,
            vec![Industry::Healthcare, Industry::Retail]
        );
        assert_eq!(valid.expected_revenue_cents, 25_000_000);
        assert_eq!(valid.contact_email.as_str(), "lena.vogel@contoso.example");
        assert_eq!(valid.employees, 120);
    }

    #[test]
    fn every_bad_field_is_named_at_once() {
        let bad = ApplicationInput {
            company: String::new(),
            website: "not a site".into(),
            region: "mars".into(),
            employees: "0".into(),
            industries: vec!["<img src=x>".into()],
            expected_revenue: "lots".into(),
            contact_email: "nobody".into(),
            message: "x".repeat(2001),
            ..input()
        };
        let AppError::Validation(errors) = bad.validate().unwrap_err() else {
            panic!("not a validation error")
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "company",
                "website",
                "region",
                "employees",
                "industries",
                "expected_revenue",
                "contact_email",
                "message"
            ]
        );
    }

    #[test]
    fn an_application_needs_an_industry() {
        let none = ApplicationInput {
            industries: Vec::new(),
            ..input()
        };
        assert!(none
            .validate()
            .unwrap_err()
            .message_for("industries")
            .is_some());
    }

    #[test]
    fn rejections_and_questions_need_a_note() {
        assert_eq!(decision_note(ApplicationDecision::Approve, " "), Ok(None));
        assert!(decision_note(ApplicationDecision::Reject, "").is_err());
        assert!(decision_note(ApplicationDecision::MoreInfo, "  ").is_err());
        assert_eq!(
            decision_note(ApplicationDecision::Reject, " No overlap "),
            Ok(Some("No overlap"))
        );
        assert!(decision_note(ApplicationDecision::Reject, &"x".repeat(1001)).is_err());
    }

    #[test]
    fn codes_round_trip() {
        let stored = join_codes(&[Industry::Retail, Industry::Energy], Industry::code);
        assert_eq!(stored, "retail,energy");
        assert_eq!(
            split_codes(&stored, Industry::parse),
            vec![Industry::Retail, Industry::Energy]
        );
        assert_eq!(split_codes("", Industry::parse), Vec::<Industry>::new());
    }
}
