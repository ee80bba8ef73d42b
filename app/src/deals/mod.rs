//! Deal registration: a partner tells the vendor about a customer it is
//! selling to, is told at once whether the customer is free, and is
//! protected for a while once the channel manager approves.

mod actions;
pub mod api;
pub mod cosell;
#[cfg(feature = "ssr")]
pub mod demo;
pub mod disclosure;
pub mod matching;
mod pages;
pub mod program;
#[cfg(feature = "ssr")]
pub mod server;
mod types;

pub use actions::{DealActions, Onlooker};
pub use pages::{DealPage, DealsPage, DirectAccountsPage, NewDealPage, ReviewPage, RulesPage};
pub use types::{
    CoSeller, ConflictEvidence, DealEvent, DealList, DealSummary, DealView, DirectAccount, Rules,
    Touchpoint,
};

use serde::{Deserialize, Serialize};

use crate::{
    error::AppError,
    i18n::Locale,
    values::{
        parse_minor_units, text_enum, CompanyName, CompanyNameError, Currency, Domain, Email, Money,
    },
};

text_enum!(
    /// Where a registration stands.
    DealStatus {
        Draft => "draft", t!("Draft");
        Submitted => "submitted", t!("Submitted");
        MoreInfo => "more_info", t!("More information requested");
        Approved => "approved", t!("Approved");
        Rejected => "rejected", t!("Rejected");
        Won => "won", t!("Won");
        Lost => "lost", t!("Lost");
        Expired => "expired", t!("Expired");
    }
);

text_enum!(
    /// The partner's part in the deal.
    PartnerRole {
        Sourced => "sourced", t!("Sourced the deal");
        Reseller => "reseller", t!("Reseller");
        Si => "si", t!("Systems integrator");
        Influence => "influence", t!("Influence");
        Referral => "referral", t!("Referral");
    }
);

impl PartnerRole {
    /// The role inside a sentence ("… as reseller"): lower case in
    /// English; German keeps its nouns capitalised.
    pub fn in_sentence(self, l: Locale) -> String {
        match l {
            Locale::En => self.label_in(l).to_lowercase(),
            Locale::De => self.label_in(l).to_owned(),
        }
    }
}

text_enum!(
    /// Why a customer is not free. Never says who holds it.
    ConflictKind {
        OtherPartner => "other_partner", t!("Registered by another partner");
        DirectAccount => "direct_account", t!("Acme Cloud direct account");
        OwnDuplicate => "own_duplicate", t!("Already registered by your organisation");
    }
);

impl DealStatus {
    /// The status inside a sentence ("… marked it won"): its first letter
    /// lower case (German nouns further on keep their capitals).
    pub fn in_sentence(self, l: Locale) -> String {
        let label = self.label_in(l);
        let mut chars = label.chars();
        chars.next().map_or_else(String::new, |first| {
            first.to_lowercase().chain(chars).collect()
        })
    }
}

/// One reason a customer is not free, as the registering partner may learn
/// it: the kind, until when another partner is protected, whether that
/// registration still awaits review, and the partner's *own* reference.
/// Nothing here identifies another partner or its deal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub kind: ConflictKind,
    pub protected_until: Option<i64>,
    pub pending: bool,
    pub own_reference: Option<String>,
}

impl Finding {
    /// The sentence the partner reads.
    pub fn message(&self) -> String {
        match (self.kind, self.protected_until, &self.own_reference) {
            (ConflictKind::OtherPartner, Some(until), _) => t!(
                "Another partner holds a protected registration for this customer until {date}. You may still submit; the channel manager will review it.",
                date = crate::format::day(until)
            ),
            (ConflictKind::OtherPartner, None, _) => t!("Another partner has registered this customer and is waiting for approval. You may still submit; the channel manager will review it.").to_owned(),
            (ConflictKind::DirectAccount, _, _) => t!("This customer is a named Acme Cloud direct account. You may still submit; the channel manager will review it.").to_owned(),
            (ConflictKind::OwnDuplicate, _, Some(reference)) => t!(
                "Your organisation already has an open registration for this customer ({reference}).",
                reference = reference
            ),
            (ConflictKind::OwnDuplicate, _, None) => {
                t!("Your organisation already has an open registration for this customer.").to_owned()
            }
        }
    }
}

impl DealStatus {
    /// Still being worked: holds the customer.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            DealStatus::Submitted | DealStatus::MoreInfo | DealStatus::Approved
        )
    }

    /// Waiting for a vendor decision.
    pub fn awaits_decision(self) -> bool {
        matches!(self, DealStatus::Submitted | DealStatus::MoreInfo)
    }
}

/// The longest search text a list accepts.
pub const MAX_SEARCH: usize = 200;

/// `Ok` for a search text a list can take, else a field error.
pub fn check_search(search: &str) -> Result<(), AppError> {
    if search.chars().count() > MAX_SEARCH {
        return Err(AppError::field(
            "search",
            t!("Search for at most 200 characters."),
        ));
    }
    Ok(())
}

/// A vendor's optional reason: trimmed, `None` when empty, refused over
/// 1,000 characters.
pub fn optional_reason(reason: &str) -> Result<Option<&str>, AppError> {
    let reason = Some(reason.trim()).filter(|r| !r.is_empty());
    if reason.is_some_and(|r| r.chars().count() > 1000) {
        return Err(AppError::field(
            "reason",
            t!("Keep the reason under 1,000 characters."),
        ));
    }
    Ok(reason)
}

/// What the registration form sends, validated the same way wherever it is
/// checked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DealInput {
    pub customer_company: String,
    pub customer_domain: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub country: String,
    pub products: String,
    pub value: String,
    pub currency: String,
    pub expected_close: String,
    pub partner_role: String,
    pub notes: String,
    /// The lead this registration comes from (marked converted), if any.
    #[serde(default)]
    pub lead: String,
}

/// A registration that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidDeal {
    pub customer_company: CompanyName,
    pub customer_domain: Option<Domain>,
    pub company_key: String,
    pub domain_key: Option<String>,
    pub contact_name: String,
    pub contact_email: Email,
    pub contact_phone: Option<String>,
    pub country: String,
    pub products: String,
    pub value: Money,
    pub expected_close: String,
    pub partner_role: PartnerRole,
    pub notes: Option<String>,
    /// The lead converted into this registration.
    pub lead: Option<String>,
}

/// A calendar date written `YYYY-MM-DD` (what `<input type=date>` sends).
pub fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return false,
    };
    text.len() == 10 && (2000..=2100).contains(&y) && (1..=days).contains(&d)
}

impl DealInput {
    /// Every field's problem at once, or the clean registration. `today` is
    /// `YYYY-MM-DD`: the close date may not be in the past.
    pub fn validate(&self, today: &str) -> Result<ValidDeal, AppError> {
        let mut errors = Vec::new();
        let mut fail = |field: &str, message: &str| {
            errors.push(crate::error::FieldError {
                field: field.to_owned(),
                message: message.to_owned(),
            })
        };
        let text = |value: &str| value.trim().to_owned();
        let optional = |value: &str| Some(value.trim().to_owned()).filter(|v| !v.is_empty());

        let company = CompanyName::parse(&self.customer_company);
        match company {
            Err(CompanyNameError::Missing) => {
                fail("customer_company", t!("Enter the customer's company name."))
            }
            Err(CompanyNameError::TooLong) => fail(
                "customer_company",
                t!("Keep the company name under 200 characters."),
            ),
            Ok(_) => {}
        }
        let domain = optional(&self.customer_domain).map(|typed| Domain::parse(&typed));
        if let Some(None) = domain {
            fail(
                "customer_domain",
                t!("Enter the customer's web domain, like example.com."),
            );
        }
        let contact_name = text(&self.contact_name);
        if contact_name.is_empty() {
            fail(
                "contact_name",
                t!("Enter the name of your contact at the customer."),
            );
        } else if contact_name.chars().count() > 120 {
            fail("contact_name", t!("Keep the name under 120 characters."));
        }
        let contact_email = Email::parse(&self.contact_email);
        if contact_email.is_none() {
            fail("contact_email", t!("Enter the contact's email address."));
        }
        let contact_phone = optional(&self.contact_phone);
        if contact_phone.as_deref().is_some_and(|p| {
            p.chars().filter(char::is_ascii_digit).count() < 6
                || !p
                    .chars()
                    .all(|c| c.is_ascii_digit() || " +-().".contains(c))
        }) {
            fail(
                "contact_phone",
                t!("Enter a phone number with digits, or leave it empty."),
            );
        }
        let country = text(&self.country);
        if country.is_empty() {
            fail("country", t!("Choose the customer's country."));
        } else if country.chars().count() > 100 {
            fail("country", t!("Keep the country under 100 characters."));
        }
        let products = text(&self.products);
        if products.is_empty() {
            fail(
                "products",
                t!("Say which Acme Cloud products the customer wants."),
            );
        } else if products.chars().count() > 500 {
            fail("products", t!("Keep the products under 500 characters."));
        }
        let value_cents = parse_minor_units(&self.value).filter(|v| *v > 0);
        if value_cents.is_none() {
            fail(
                "value",
                t!("Enter the estimated value as a number, like 25000."),
            );
        }
        let currency = Currency::parse(&text(&self.currency).to_uppercase());
        if currency.is_none() {
            fail("currency", t!("Choose a currency."));
        }
        let expected_close = text(&self.expected_close);
        if !is_iso_date(&expected_close) {
            fail("expected_close", t!("Enter the expected close date."));
        } else if expected_close.as_str() < today {
            fail(
                "expected_close",
                t!("The expected close date is in the past."),
            );
        }
        let partner_role = PartnerRole::parse(self.partner_role.trim());
        if partner_role.is_none() {
            fail("partner_role", t!("Choose your role in this deal."));
        }
        let notes = optional(&self.notes);
        if notes.as_deref().is_some_and(|n| n.chars().count() > 2000) {
            fail("notes", t!("Keep the notes under 2,000 characters."));
        }
        match (
            errors.is_empty(),
            company,
            domain,
            contact_email,
            value_cents,
            currency,
            partner_role,
        ) {
            (
                true,
                Ok(company),
                domain,
                Some(contact_email),
                Some(minor),
                Some(currency),
                Some(partner_role),
            ) => {
                let domain = domain.flatten();
                Ok(ValidDeal {
                    company_key: company.key(),
                    domain_key: domain.as_ref().map(Domain::key),
                    customer_company: company,
                    customer_domain: domain,
                    contact_name,
                    contact_email,
                    contact_phone,
                    country,
                    products,
                    value: Money { minor, currency },
                    expected_close,
                    partner_role,
                    notes,
                    lead: Some(self.lead.trim())
                        .filter(|l| !l.is_empty())
                        .map(str::to_owned),
                })
            }
            _ => Err(AppError::Validation(errors)),
        }
    }
}

/// A vendor decision on a registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approve,
    Reject,
    MoreInfo,
}

impl Decision {
    pub fn parse(value: &str) -> Option<Decision> {
        match value {
            "approve" => Some(Decision::Approve),
            "reject" => Some(Decision::Reject),
            "more_info" => Some(Decision::MoreInfo),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> DealInput {
        DealInput {
            customer_company: "Globex Corporation".into(),
            customer_domain: "https://www.globex.com".into(),
            contact_name: "Hank Scorpio".into(),
            contact_email: "Hank@Globex.com".into(),
            contact_phone: "+1 (555) 010-2000".into(),
            country: "US".into(),
            products: "Acme Compute".into(),
            value: "125,000".into(),
            currency: "usd".into(),
            expected_close: "2027-03-31".into(),
            partner_role: "reseller".into(),
            notes: String::new(),
            lead: String::new(),
        }
    }

    #[test]
    fn a_good_registration_is_cleaned() {
        let deal = good().validate("2026-11-22").unwrap();
        assert_eq!(deal.company_key, "globex");
        assert_eq!(deal.domain_key.as_deref(), Some("globex"));
        assert_eq!(deal.contact_email.as_str(), "hank@globex.com");
        assert_eq!(deal.value.minor, 12_500_000);
        assert_eq!(deal.value.currency.code(), "USD");
        assert_eq!(deal.partner_role, PartnerRole::Reseller);
        assert_eq!(deal.notes, None);
    }

    #[test]
    fn every_bad_field_is_named() {
        let bad = DealInput {
            customer_company: " Inc. ".into(),
            customer_domain: "not a domain".into(),
            contact_email: "hank".into(),
            contact_phone: "call me".into(),
            value: "-5".into(),
            currency: "XXX".into(),
            expected_close: "2026-02-30".into(),
            partner_role: "boss".into(),
            ..DealInput::default()
        };
        let Err(AppError::Validation(errors)) = bad.validate("2026-11-22") else {
            panic!("expected validation errors");
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "customer_company",
                "customer_domain",
                "contact_name",
                "contact_email",
                "contact_phone",
                "country",
                "products",
                "value",
                "currency",
                "expected_close",
                "partner_role"
            ]
        );
        let past = DealInput {
            expected_close: "2026-01-01".into(),
            ..good()
        };
        let err = past.validate("2026-11-22").unwrap_err();
        assert_eq!(
            err.message_for("expected_close"),
            Some("The expected close date is in the past.")
        );
    }

    #[test]
    fn dates() {
        assert!(is_iso_date("2028-02-29"));
        assert!(!is_iso_date("2027-02-29"));
        assert!(!is_iso_date("2027-13-01"));
        assert!(!is_iso_date("27-01-01"));
    }
}
