//! An email address, as Trellis keeps it: trimmed and in lower case.

use serde::{Deserialize, Serialize};

/// A plausible email address: something@something.tld, no spaces, at most
/// 254 characters, in lower case. Plausible is all a form can check: the
/// email sent to it is the real proof.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    /// The address in `text`, trimmed and lower-cased; `None` when it is
    /// not one.
    pub fn parse(text: &str) -> Option<Email> {
        let email = text.trim().to_lowercase();
        let (local, domain) = email.split_once('@')?;
        let plausible = !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && email.len() <= 254
            && !email.chars().any(char::is_whitespace);
        plausible.then_some(Email(email))
    }
}

super::text_value!(Email, Email::parse, "an email address");

#[cfg(test)]
mod tests {
    use super::Email;

    #[test]
    fn plausible_addresses_are_kept_in_lower_case() {
        assert_eq!(
            Email::parse("  Ava@Northwind.Example ").unwrap().as_str(),
            "ava@northwind.example"
        );
        for bad in [
            "ava",
            "ava@local",
            "@northwind.example",
            "a va@northwind.example",
            "ava@.example",
            "ava@example.",
        ] {
            assert_eq!(Email::parse(bad), None, "{bad}");
        }
        assert_eq!(
            Email::parse(&format!("{}@x.example", "a".repeat(250))),
            None
        );
    }

    #[test]
    fn only_addresses_come_back_from_the_wire() {
        let email = Email::try_from("Ava@Northwind.example".to_owned()).unwrap();
        assert_eq!(String::from(email), "ava@northwind.example");
        assert!(Email::try_from("not an address".to_owned()).is_err());
    }
}
