//! A customer's web domain, and the key it is matched on: the registrable
//! name ("https://www.Acme.co.uk/contact" -> "acme").

use serde::{Deserialize, Serialize};

/// A web domain as written, trimmed and in lower case; it has a
/// registrable name ([`domain_key`] finds one).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Domain(String);

impl Domain {
    /// The domain in `text`; `None` when it names none.
    pub fn parse(text: &str) -> Option<Domain> {
        let domain = text.trim().to_lowercase();
        domain_key(&domain).map(|_| Domain(domain))
    }

    /// The key this domain is matched on.
    pub fn key(&self) -> String {
        domain_key(&self.0).unwrap_or_default()
    }
}

super::text_value!(Domain, Domain::parse, "a web domain");

/// Second-level labels of country domains (`acme.co.uk` is `acme`'s).
const SECOND_LEVEL: &[&str] = &["co", "com", "net", "org", "ac", "gov", "ltd", "plc"];

/// The key a web address is matched on: the registrable name, without
/// scheme, "www.", path, port or top-level domain:
/// "https://www.Acme.co.uk/contact" -> "acme". `None` if it is not a domain.
pub fn domain_key(input: &str) -> Option<String> {
    let mut s = input.trim().to_lowercase();
    if let Some(at) = s.rfind('@') {
        s = s[at + 1..].to_owned();
    }
    if let Some(pos) = s.find("://") {
        s = s[pos + 3..].to_owned();
    }
    let host = s
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default()
        .split(':')
        .next()
        .unwrap_or_default()
        .trim_end_matches('.');
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    if labels.len() < 2
        || !labels
            .iter()
            .all(|l| l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
    {
        return None;
    }
    let mut end = labels.len() - 1; // drop the top-level domain
    if end >= 2 && labels[end].len() == 2 && SECOND_LEVEL.contains(&labels[end - 1]) {
        end -= 1; // acme.co.uk
    }
    let name = labels[end - 1];
    Some(name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_reduce_to_the_registrable_name() {
        for (input, key) in [
            ("acme.com", "acme"),
            ("https://www.acme.com/about?x=1", "acme"),
            ("HTTP://WWW.ACME.COM:8080/", "acme"),
            ("shop.acme.co.uk", "acme"),
            ("acme.de.", "acme"),
            ("jane@acme.com", "acme"),
            ("globex-corp.io", "globex-corp"),
        ] {
            assert_eq!(domain_key(input).as_deref(), Some(key), "{input}");
        }
        for input in ["", "acme", "not a domain.com", "http://"] {
            assert_eq!(domain_key(input), None, "{input}");
        }
    }

    #[test]
    fn a_domain_is_kept_as_written_in_lower_case() {
        let domain = Domain::parse(" Shop.Acme.co.UK ").unwrap();
        assert_eq!(domain.as_str(), "shop.acme.co.uk");
        assert_eq!(domain.key(), "acme");
        assert_eq!(Domain::parse("acme"), None);
        assert!(Domain::try_from("not a domain".to_owned()).is_err());
    }
}
