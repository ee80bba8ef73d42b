//! The help search's pure parts: which text matches every term, and the
//! line of context shown for a hit.

/// Whether `text` contains every one of `terms` (already lowercased).
pub fn matches_all(text: &str, terms: &[String]) -> bool {
    let text = text.to_lowercase();
    !terms.is_empty() && terms.iter().all(|t| text.contains(t.as_str()))
}

/// About `width` characters of `text` around the first term found, with
/// Markdown marks taken out and "…" where it was cut.
pub fn snippet(text: &str, terms: &[String], width: usize) -> String {
    let plain: String = text
        .replace("**", "")
        .lines()
        .map(|l| l.trim_start_matches(['#', '-', ' ']).trim())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let chars: Vec<char> = plain.chars().collect();
    let lower: Vec<char> = plain.to_lowercase().chars().collect();
    // Lowercasing may change the length (rare letters); then start at 0.
    let at = if lower.len() == chars.len() {
        terms
            .iter()
            .filter_map(|t| {
                let t: Vec<char> = t.chars().collect();
                lower
                    .windows(t.len().max(1))
                    .position(|w| w == t.as_slice())
            })
            .min()
            .unwrap_or(0)
    } else {
        0
    };
    let start = at.saturating_sub(width / 3);
    let end = (start + width).min(chars.len());
    let mut out: String = chars[start..end].iter().collect();
    if start > 0 {
        out.insert(0, '…');
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn every_term_must_be_there() {
        assert!(matches_all(
            "Deal Protection lasts 90 days",
            &terms(&["protection", "90"])
        ));
        assert!(!matches_all(
            "Deal protection",
            &terms(&["protection", "mdf"])
        ));
        assert!(!matches_all("anything", &[]));
    }

    #[test]
    fn the_snippet_centres_on_the_term_without_markdown() {
        let text = format!(
            "# Rules\n\n{} **Protection** lasts 90 days. {}",
            "a".repeat(100),
            "b".repeat(100)
        );
        let s = snippet(&text, &terms(&["protection"]), 60);
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("Protection lasts 90 days"), "{s}");
        assert_eq!(
            snippet("Short answer.", &terms(&["answer"]), 60),
            "Short answer."
        );
    }
}
