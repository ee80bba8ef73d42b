//! A customer's company name, and the key it is matched on. Names written
//! by different people for the same customer ("ACME, Inc." / "Acme
//! Incorporated") reduce to one key. Pure functions, shared by the browser
//! (as the partner types) and the server.

use serde::{Deserialize, Serialize};

/// The longest company name kept, in characters.
pub const MAX_COMPANY_NAME: usize = 200;

/// A company's name as written, trimmed: it says who the company is (not
/// only legal forms such as "Inc.") and is at most [`MAX_COMPANY_NAME`]
/// characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CompanyName(String);

/// Why a text is not a company name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompanyNameError {
    /// Empty, or only legal forms.
    Missing,
    TooLong,
}

impl CompanyName {
    pub fn parse(text: &str) -> Result<CompanyName, CompanyNameError> {
        let name = text.trim();
        if !names_a_company(name) {
            Err(CompanyNameError::Missing)
        } else if name.chars().count() > MAX_COMPANY_NAME {
            Err(CompanyNameError::TooLong)
        } else {
            Ok(CompanyName(name.to_owned()))
        }
    }

    /// The key this name is matched on: "ACME, Inc." -> "acme".
    pub fn key(&self) -> String {
        company_key(&self.0)
    }
}

super::text_value!(
    CompanyName,
    |text| CompanyName::parse(text).ok(),
    "a company name"
);

/// Legal-form words that say nothing about who the customer is.
const LEGAL_SUFFIXES: &[&str] = &[
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "llc",
    "llp",
    "lp",
    "ltd",
    "limited",
    "plc",
    "gmbh",
    "ag",
    "kg",
    "sa",
    "sas",
    "sarl",
    "srl",
    "spa",
    "bv",
    "nv",
    "oy",
    "ab",
    "as",
    "aps",
    "pty",
    "pte",
    "kk",
    "sl",
    "se",
    "group",
    "holding",
    "holdings",
    "the",
];

/// Folds accents and case: "Société Générale" -> "societe generale".
fn fold(c: char) -> Option<char> {
    let c = c.to_lowercase().next().unwrap_or(c);
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' | 'ß' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ř' => 'r',
        'ł' => 'l',
        other => other,
    };
    Some(folded)
}

/// Legal forms typed often enough to be mistyped; a letter left out or two
/// swapped ("LC", "Ic.", "GmH", "Limted") still reads as the form.
const MISTYPED_LEGAL_FORMS: &[&str] = &[
    "group",
    "inc",
    "llc",
    "ltd",
    "corp",
    "gmbh",
    "limited",
    "company",
    "corporation",
    "incorporated",
    "holdings",
];

/// Whether the last word of a name is a legal form, or one of the common
/// ones with a letter left out or two neighbours swapped.
fn trailing_legal_form(word: &str) -> bool {
    if LEGAL_SUFFIXES.contains(&word) {
        return true;
    }
    let typed: Vec<char> = word.chars().collect();
    typed.len() >= 2
        && MISTYPED_LEGAL_FORMS.iter().any(|form| {
            let form: Vec<char> = form.chars().collect();
            let swapped = || {
                let (mut a, mut b) = (typed.clone(), form.clone());
                a.sort_unstable();
                b.sort_unstable();
                a == b
            };
            (typed.len() + 1 == form.len() || (typed.len() == form.len() && swapped()))
                && one_typo_apart(&typed, &form)
        })
}

/// Legal forms typed onto the word before them ("Acme EuropeLtd", "Globex
/// GlobalS.A.", "Amber ImagingCo S.A.") are set apart, where the form's
/// capital follows a small letter. The first word is kept: a name of one
/// word ("AcmeCorp") is taken as a brand.
fn unglue_legal_forms(name: &str) -> String {
    let unglue = |word: &str| {
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        chars
            .windows(2)
            .filter(|w| w[0].1.is_lowercase() && w[1].1.is_uppercase())
            .map(|w| w[1].0)
            .find(|&at| {
                let form: String = word[at..]
                    .chars()
                    .filter_map(fold)
                    .filter(|c| c.is_alphanumeric())
                    .collect();
                trailing_legal_form(&form)
            })
            .map_or_else(
                || word.to_owned(),
                |at| format!("{} {}", &word[..at], &word[at..]),
            )
    };
    name.split_whitespace()
        .enumerate()
        .map(|(n, word)| {
            if n == 0 {
                word.to_owned()
            } else {
                unglue(word)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words of a company name, folded, without punctuation or legal form.
fn words(name: &str) -> Vec<String> {
    let cleaned: String = unglue_legal_forms(name)
        .chars()
        .filter_map(fold)
        .map(|c| if c == '&' { ' ' } else { c })
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    // "A.C.M.E." and "a c m e" become one word.
    let raw: Vec<&str> = cleaned.split_whitespace().collect();
    let mut merged: Vec<String> = Vec::new();
    let mut letters = String::new();
    for word in raw {
        if word.chars().count() == 1 {
            letters.push_str(word);
        } else {
            if !letters.is_empty() {
                merged.push(std::mem::take(&mut letters));
            }
            merged.push(word.to_owned());
        }
    }
    if !letters.is_empty() {
        merged.push(letters);
    }
    let mut kept: Vec<String> = merged.into_iter().filter(|w| w != "and").collect();
    // Legal forms only at the ends ("The Limited Company" stays a name if
    // nothing else is left).
    while kept.len() > 1 && trailing_legal_form(&kept[kept.len() - 1]) {
        kept.pop();
    }
    while kept.len() > 1 && LEGAL_SUFFIXES.contains(&kept[0].as_str()) {
        kept.remove(0);
    }
    kept
}

/// Whether a name says who the company is: not empty, and not only legal
/// forms ("Inc.", "The Company").
pub fn names_a_company(name: &str) -> bool {
    words(name)
        .iter()
        .any(|w| !LEGAL_SUFFIXES.contains(&w.as_str()))
}

/// The key a company name is matched on: "ACME, Inc." -> "acme".
pub fn company_key(name: &str) -> String {
    words(name).join(" ")
}

/// Whether `a` becomes `b` by at most one typo: a letter added, left out,
/// changed, or two neighbours swapped.
pub fn one_typo_apart(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let Some(i) = short.iter().zip(long).position(|(x, y)| x != y) else {
        return true;
    };
    if short.len() < long.len() {
        return short[i..] == long[i + 1..];
    }
    short[i + 1..] == long[i + 1..]
        || (i + 1 < short.len()
            && short[i] == long[i + 1]
            && short[i + 1] == long[i]
            && short[i + 2..] == long[i + 2..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mistyped_legal_forms_are_still_legal_forms() {
        for (typed, key) in [
            ("Willow Realty Direct LC", "willow realty direct"),
            ("Aurora Marine In.", "aurora marine"),
            ("Orbit Insurance GmH", "orbit insurance"),
            ("Hawk Construction Crp", "hawk construction"),
            ("Coral Transport td", "coral transport"),
            ("Acme Limted", "acme"),
            (
                "Prairie Instruments EuropeLtd",
                "prairie instruments europe",
            ),
            ("River Storage GlobalS.A.", "river storage global"),
            ("Solar Cycles CoLtd", "solar cycles"),
            ("Horizon Farms PartnersGmbH", "horizon farms partners"),
            ("Müller\u{a0}ÉlectriqueSàrl", "muller electrique"),
            ("Amber ImagingCo S.A.", "amber imaging"),
            ("Coral Lumber Grou Ltd", "coral lumber"),
        ] {
            assert_eq!(company_key(typed), key, "{typed}");
        }
        for (typed, key) in [
            ("Acme PC", "acme pc"),
            ("Acme Ink", "acme ink"),
            ("In", "in"),
            ("McDonald Farms", "mcdonald farms"),
            ("DreamWorks", "dreamworks"),
            ("GlobalSA", "globalsa"),
        ] {
            assert_eq!(company_key(typed), key, "{typed}");
        }
    }

    #[test]
    fn company_names_reduce_to_one_key() {
        let same = [
            ("ACME, Inc.", "Acme Incorporated"),
            ("Acme Corp", "acme corporation"),
            ("Müller GmbH", "Muller"),
            ("Société Générale S.A.", "societe generale"),
            ("Johnson & Johnson", "Johnson and Johnson"),
            ("The Home Depot, Inc.", "Home Depot"),
            ("I.B.M.", "IBM Corp"),
            ("Globex Pty Ltd", "GLOBEX"),
            ("Initech B.V.", "Initech"),
            ("Stark Industries, LLC", "Stark Industries"),
        ];
        for (a, b) in same {
            assert_eq!(company_key(a), company_key(b), "{a} / {b}");
        }
        assert_eq!(company_key("ACME, Inc."), "acme");
    }

    #[test]
    fn different_companies_keep_different_keys() {
        let different = [
            ("Acme", "Acme Bank"),
            ("General Motors", "General Mills"),
            ("Apple", "Applied Materials"),
            ("Delta Air Lines", "Delta Dental"),
        ];
        for (a, b) in different {
            assert_ne!(company_key(a), company_key(b), "{a} / {b}");
        }
    }

    #[test]
    fn a_name_made_only_of_legal_words_is_kept() {
        assert!(!company_key("The Company").is_empty());
        assert!(!names_a_company("The Company"));
        assert!(!names_a_company(" Inc. "));
        assert!(names_a_company("Acme Inc."));
        assert_eq!(company_key("The Company"), company_key("the company, inc."));
    }

    #[test]
    fn a_company_name_is_trimmed_and_says_who() {
        let name = CompanyName::parse("  ACME, Inc. ").unwrap();
        assert_eq!(name.as_str(), "ACME, Inc.");
        assert_eq!(name.key(), "acme");
        assert_eq!(CompanyName::parse("Inc."), Err(CompanyNameError::Missing));
        assert_eq!(CompanyName::parse("  "), Err(CompanyNameError::Missing));
        assert_eq!(
            CompanyName::parse(&"a".repeat(MAX_COMPANY_NAME + 1)),
            Err(CompanyNameError::TooLong)
        );
        assert!(CompanyName::parse(&"a".repeat(MAX_COMPANY_NAME)).is_ok());
        assert!(CompanyName::try_from("Inc".to_owned()).is_err());
    }
}
