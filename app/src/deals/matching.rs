//! Who is the customer? Company names and web domains written by different
//! people for the same customer ("ACME, Inc." / "Acme Incorporated" /
//! "https://www.acme.com/contact") are reduced to the same keys, and near
//! misses are scored, so that a registration can be checked against others
//! as the partner types. Pure functions, shared by server and browser.

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

/// Second-level labels of country domains (`acme.co.uk` is `acme`'s).
const SECOND_LEVEL: &[&str] = &["co", "com", "net", "org", "ac", "gov", "ltd", "plc"];

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

/// The words of a company name, folded, without punctuation or legal form.
fn words(name: &str) -> Vec<String> {
    let cleaned: String = name
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
    while kept.len() > 1 && LEGAL_SUFFIXES.contains(&kept[kept.len() - 1].as_str()) {
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

/// Character trigrams of a key, padded like pg_trgm (two spaces before,
/// one after each word).
fn trigrams(key: &str) -> std::collections::BTreeSet<[char; 3]> {
    let mut set = std::collections::BTreeSet::new();
    for word in key.split_whitespace() {
        let chars: Vec<char> = format!("  {word} ").chars().collect();
        for w in chars.windows(3) {
            set.insert([w[0], w[1], w[2]]);
        }
    }
    set
}

/// How alike two keys are, 0.0 to 1.0 (shared trigrams over all trigrams,
/// as pg_trgm's `similarity`).
pub fn similarity(a: &str, b: &str) -> f32 {
    let (ta, tb) = (trigrams(a), trigrams(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let shared = ta.intersection(&tb).count();
    shared as f32 / (ta.len() + tb.len() - shared) as f32
}

/// Names at least this alike are treated as the same customer.
pub const SAME_CUSTOMER: f32 = 0.6;

/// Whether two company keys name the same customer: equal, alike enough
/// (typos, plurals), or the same words abbreviated ("umbrella pharma" /
/// "umbrella pharmaceuticals": each word a prefix of the other's, at least
/// four letters, same number of words).
pub fn same_customer(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b || similarity(a, b) >= SAME_CUSTOMER {
        return true;
    }
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    wa.len() == wb.len()
        && wa.iter().zip(&wb).all(|(x, y)| {
            let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
            long.starts_with(short) && (short.len() >= 4 || short == long)
        })
}

/// A key written backwards: the sort key of the second index.
pub fn reversed(key: &str) -> String {
    key.chars().rev().collect()
}

/// The two key prefixes under which a name is looked for despite one typo:
/// its first word and `letters` of the next (the first three letters of a
/// one-word name), and the same of the reversed key. A typo (a letter
/// missing, added or changed) lies in at most one of the two, so one index
/// range scan still reaches the name: the reversed prefix takes no letters
/// of the first word of a two-word name, and three of the word before the
/// last of a longer one (a middle word of six letters or more keeps the
/// two apart). `None` for keys too short to be matched other than exactly.
pub fn probe_prefixes(key: &str) -> Option<[String; 2]> {
    fn head(key: &str, letters: usize) -> String {
        match key.split_once(' ') {
            Some((first, rest)) => {
                format!("{first} {}", rest.chars().take(letters).collect::<String>())
            }
            None => key.chars().take(3).collect(),
        }
    }
    let back_letters = if key.split(' ').count() == 2 { 0 } else { 3 };
    (key.chars().count() >= 4).then(|| [head(key, 3), head(&reversed(key), back_letters)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_leaves_one_probe_prefix_intact() {
        assert_eq!(
            probe_prefixes("umbrella pharma").unwrap(),
            ["umbrella pha", "amrahp "]
        );
        assert_eq!(probe_prefixes("initech").unwrap(), ["ini", "hce"]);
        assert_eq!(probe_prefixes("hp"), None);
        for (typed, name) in [
            ("stark indstries", "stark industries"),
            ("starck industries", "stark industries"),
            ("umbrela pharmaceuticals", "umbrella pharmaceuticals"),
            ("syberdyne systems", "cyberdyne systems"),
            ("globex corporaton", "globex corporation"),
            ("alpha dynamcs holdings", "alpha dynamics holdings"),
            ("alpha dynamics holdngs", "alpha dynamics holdings"),
            ("inittech", "initech"),
            ("initeck", "initech"),
        ] {
            let [forward, backward] = probe_prefixes(typed).unwrap();
            let found =
                name.starts_with(forward.as_str()) || reversed(name).starts_with(backward.as_str());
            assert!(found, "{typed}: {forward:?} / {backward:?}");
            assert!(same_customer(typed, name), "{typed} is {name}");
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
    fn near_duplicates_score_high_and_others_low() {
        let near = [
            ("acme", "acme"),
            ("globex international", "globex internacional"),
            ("northwind traders", "northwind trader"),
            ("initech", "initec"),
            ("umbrella pharmaceuticals", "umbrella pharmaceutical"),
        ];
        for (a, b) in near {
            assert!(
                similarity(a, b) >= SAME_CUSTOMER,
                "{a} / {b}: {}",
                similarity(a, b)
            );
        }
        let far = [
            ("acme", "acme bank of the americas"),
            ("general motors", "general mills"),
            ("initech", "intel"),
            ("globex", "globe telecom"),
        ];
        for (a, b) in far {
            assert!(
                similarity(a, b) < SAME_CUSTOMER,
                "{a} / {b}: {}",
                similarity(a, b)
            );
        }
        assert_eq!(similarity("", "acme"), 0.0);
    }

    #[test]
    fn abbreviations_are_the_same_customer_but_other_companies_are_not() {
        for (a, b) in [
            ("umbrella pharma", "umbrella pharmaceuticals"),
            ("northwind trad", "northwind traders"),
            ("initech", "initec"),
            ("acme", "acme"),
        ] {
            let (a, b) = (company_key(a), company_key(b));
            assert!(same_customer(&a, &b), "{a} / {b}");
        }
        for (a, b) in [
            ("acme", "acme bank"),
            ("general motors", "general mills"),
            ("apple", "applied materials"),
            ("globex intl", "globe telecom"),
            ("ge", "general electric"),
            ("", "acme"),
        ] {
            let (a, b) = (company_key(a), company_key(b));
            assert!(!same_customer(&a, &b), "{a} / {b}");
        }
    }
}
