//! Who is the customer? Company names and web domains written by different
//! people for the same customer ("ACME, Inc." / "Acme Incorporated" /
//! "https://www.acme.com/contact") are reduced to the same keys, and near
//! misses are scored, so that a registration can be checked against others
//! as the partner types. Pure functions, shared by server and browser.

use crate::values::one_typo_apart;

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

/// Whether two company keys name the same customer: equal, one typo apart
/// (names of five letters or more: "initech" / "initec", "northwind
/// trader" / "northwind traders"), or the same words abbreviated
/// ("umbrella pharma" / "umbrella pharmaceuticals": each word a prefix of
/// the other's, at least four letters, same number of words). Sharing
/// words is not enough: "alpine partners international" and "winter
/// partners international" are two customers.
pub fn same_customer(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b || (ca.len().min(cb.len()) >= 5 && one_typo_apart(&ca, &cb)) {
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

/// A key with each word cut to its first four bytes (at a letter's edge).
/// Names that abbreviate each other ([`same_customer`]: as many words,
/// each a start of the other's of at least four bytes, or equal) have the
/// same one, so one index lookup finds a held name that abbreviates the
/// typed one, or that the typed one abbreviates, whichever came first.
pub fn short_key(key: &str) -> String {
    key.split(' ')
        .map(|word| {
            let mut end = word.len().min(4);
            while !word.is_char_boundary(end) {
                end -= 1;
            }
            &word[..end]
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The locks a registration of `key` takes before it claims the customer.
/// Two names [`same_customer`] calls the same share one of them, so two
/// such registrations at the same moment are made one after the other and
/// the second finds the first's claim:
/// - a typo (a letter changed, missing, added, or two swapped) in a pair
///   whose longer name has `n` letters leaves the first or the last
///   `(n - 1) / 2` letters of both intact. Each name takes, for `n` its own
///   length and its length plus one (it may be the shorter of the pair),
///   its first and its last `(n - 1) / 2` letters with `n`;
/// - abbreviations have the same [`short_key`].
///
/// Names that share no lock never wait for each other: with half the name
/// in each lock, two customers rarely do.
pub fn lock_keys(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    let length = chars.len();
    let mut keys = Vec::with_capacity(5);
    for n in [length, length + 1] {
        let k = (n.saturating_sub(1) / 2).min(length);
        let head: String = chars[..k].iter().collect();
        let tail: String = chars[length - k..].iter().collect();
        keys.push(format!("head:{n}:{head}"));
        keys.push(format!("tail:{n}:{tail}"));
    }
    keys.push(format!("short:{}", short_key(key)));
    keys
}

/// Whether two keys' [`lock_keys`] have one in common.
#[cfg(test)]
fn share_a_lock(a: &str, b: &str) -> bool {
    let theirs = lock_keys(b);
    lock_keys(a).iter().any(|k| theirs.contains(k))
}

/// Where names one typo away from a key are looked for. Cut the key in
/// thirds: a typo (a letter missing, added or changed, two neighbours
/// swapped) in the last third leaves the first two intact, one in the
/// first leaves the last two, and one in the middle leaves the first and
/// the last; each case is one index range scan over names one letter
/// longer, shorter or as long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probes {
    /// The first two thirds: names starting with them.
    pub start: String,
    /// The last two thirds but one letter, written backwards: names whose
    /// reversed key starts with them.
    pub end_reversed: String,
    /// The first third, and the last third but one letter: names starting
    /// with the one and ending with the other.
    pub outer: (String, String),
}

impl Probes {
    /// Whether key `name` lies in one of the probes.
    pub fn reach(&self, name: &str) -> bool {
        name.starts_with(&self.start)
            || reversed(name).starts_with(&self.end_reversed)
            || (name.starts_with(&self.outer.0) && name.ends_with(&self.outer.1))
    }
}

/// The [`Probes`] for `key`; `None` for keys too short to be matched other
/// than exactly.
pub fn probes(key: &str) -> Option<Probes> {
    let chars: Vec<char> = key.chars().collect();
    let (first, second) = (chars.len() / 3, chars.len() * 2 / 3);
    let text = |part: &[char]| part.iter().collect::<String>();
    (chars.len() >= 5).then(|| Probes {
        start: text(&chars[..second]),
        end_reversed: chars[first + 1..].iter().rev().collect(),
        outer: (text(&chars[..first]), text(&chars[second + 1..])),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::company_key;

    #[test]
    fn every_single_typo_is_within_reach_of_a_probe() {
        assert_eq!(
            probes("umbrella pharma").unwrap(),
            Probes {
                start: "umbrella p".into(),
                end_reversed: "amrahp al".into(),
                outer: ("umbre".into(), "arma".into()),
            }
        );
        assert_eq!(probes("acme"), None);
        for name in [
            "stark industries",
            "initech",
            "umbrella pharmaceuticals",
            "alpha dynamics holdings",
            "oak shipping partners",
            "globex",
        ] {
            let letters: Vec<char> = name.chars().collect();
            let mut typos = Vec::new();
            for i in 0..letters.len() {
                let mut dropped = letters.clone();
                dropped.remove(i);
                typos.push(dropped);
                let mut changed = letters.clone();
                changed[i] = 'q';
                typos.push(changed);
                let mut added = letters.clone();
                added.insert(i, 'q');
                typos.push(added);
                if i + 1 < letters.len() {
                    let mut swapped = letters.clone();
                    swapped.swap(i, i + 1);
                    typos.push(swapped);
                }
            }
            for typo in typos {
                let typed: String = typo.into_iter().collect();
                assert!(
                    share_a_lock(&typed, name),
                    "{typed} and {name} share no lock"
                );
                let probes = probes(&typed).unwrap();
                let length = name.chars().count().abs_diff(typed.chars().count());
                assert!(probes.reach(name) && length <= 1, "{typed}: {probes:?}");
                assert!(same_customer(&typed, name), "{typed} is {name}");
            }
        }
    }

    #[test]
    fn near_duplicates_score_high_and_others_low() {
        const SAME_CUSTOMER: f32 = 0.6;
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
    fn short_keys_cut_every_word_at_four_bytes() {
        assert_eq!(short_key("umbrella pharmaceuticals"), "umbr phar");
        assert_eq!(short_key("umbrella pharma"), "umbr phar");
        assert_eq!(short_key("ge x"), "ge x");
        assert_eq!(short_key("zaüber"), "zaü");
        // Four bytes end inside the second character: the cut moves back.
        assert_eq!(short_key("東京電力"), "東");
    }

    #[test]
    fn lock_keys_are_the_ends_with_the_length_and_the_short_key() {
        assert_eq!(
            lock_keys("tolozupi jutevacul"),
            [
                "head:18:tolozupi",
                "tail:18:utevacul",
                "head:19:tolozupi ",
                "tail:19:jutevacul",
                "short:tolo jute"
            ]
        );
        assert_eq!(lock_keys("zürich")[0], "head:6:zü");
        assert_eq!(
            lock_keys("x"),
            ["head:1:", "tail:1:", "head:2:", "tail:2:", "short:x"]
        );
        assert!(!share_a_lock(
            "alpine partners",
            "alpha partners international"
        ));
    }

    #[test]
    fn abbreviations_are_the_same_customer_but_other_companies_are_not() {
        for (a, b) in [
            ("umbrella pharma", "umbrella pharmaceuticals"),
            ("northwind trad", "northwind traders"),
            ("initech", "initec"),
            ("acme", "acme"),
            ("stark indsutries", "stark industries"),
            ("north wind traders", "northwind traders"),
            ("globex international", "globex internacional"),
            ("Northwind Trader Ltd", "northwind traders"),
        ] {
            let (a, b) = (company_key(a), company_key(b));
            assert!(same_customer(&a, &b), "{a} / {b}");
            let abbreviated = a.split(' ').count() == b.split(' ').count()
                && a.chars().count().abs_diff(b.chars().count()) > 1;
            if abbreviated {
                assert_eq!(short_key(&a), short_key(&b), "{a} / {b}");
            }
            assert!(share_a_lock(&a, &b), "{a} / {b}");
        }
        for (a, b) in [
            ("acme", "acme bank"),
            ("general motors", "general mills"),
            ("apple", "applied materials"),
            ("globex intl", "globe telecom"),
            ("ge", "general electric"),
            ("", "acme"),
            (
                "alpine partners international",
                "winter partners international",
            ),
            ("quartz partners", "quartz partners europe"),
            ("alpine partners east", "alpine partners west"),
            ("acme", "acne"),
            ("ibm", "ibn"),
        ] {
            let (a, b) = (company_key(a), company_key(b));
            assert!(!same_customer(&a, &b), "{a} / {b}");
        }
    }
}
