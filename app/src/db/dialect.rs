//! SQL that differs between the backends at run time, one function per
//! construct. Everything else is the same text on both.

use super::Backend;

/// Full-text search over the asset library: `assets a` reached through
/// its index, for the query built by [`asset_query`] bound at `param`.
/// The index holds each asset's words and, as terms, its facets and
/// audience (migration 0023), so one intersection finds what matches and
/// who may see it, however many assets share a word.
pub struct AssetText {
    /// `assets a`, joined onto the index where it is a separate table.
    pub from: &'static str,
    /// The index alone, for counting matches.
    pub index: &'static str,
    /// The match of the query.
    pub matches: String,
    /// Best first (for queries of words alone: terms shared by most
    /// assets make ranking slow and tell nothing).
    pub rank: String,
    /// Newest first, in an order the index yields without sorting.
    pub newest: &'static str,
}

pub fn asset_text(backend: Backend, param: &str) -> AssetText {
    match backend {
        Backend::Sqlite => AssetText {
            from: "assets_fts f JOIN assets a ON a.seq = f.rowid",
            index: "assets_fts",
            matches: format!("assets_fts MATCH {param}"),
            rank: "f.rank, a.created_at DESC, a.id".to_owned(),
            // Keys are given in the order assets are added.
            newest: "f.rowid DESC",
        },
        Backend::Postgres => AssetText {
            from: "assets a",
            index: "assets a",
            matches: format!("a.document @@ CAST({param} AS tsquery)"),
            rank: format!(
                "ts_rank(a.document, CAST({param} AS tsquery)) DESC, a.created_at DESC, a.id"
            ),
            newest: "a.created_at DESC, a.id",
        },
    }
}

/// The query of [`asset_text`]: every word in an asset's text (the last
/// as a prefix, so results follow typing), every term of `all_of`, and a
/// term of each group of `any_of`. Words are letters and digits only
/// (`assets::search_terms`) and terms `=` and letters, digits and `_`
/// (`assets::server` builds them), so neither can be read as the engines'
/// syntax, nor a word as a term.
pub fn asset_query(
    backend: Backend,
    words: &[String],
    all_of: &[String],
    any_of: &[Vec<String>],
) -> String {
    let (quote, prefix, and, or): (fn(&str) -> String, &str, &str, &str) = match backend {
        Backend::Sqlite => (|t| format!("\"{t}\""), "*", " AND ", " OR "),
        Backend::Postgres => (|t| format!("'{t}'"), ":*", " & ", " | "),
    };
    let last = words.len().saturating_sub(1);
    let words: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i == last {
                format!("{}{prefix}", quote(w))
            } else {
                quote(w)
            }
        })
        .collect();
    let terms: Vec<String> = all_of
        .iter()
        .map(|t| quote(t))
        .chain(any_of.iter().map(|group| {
            let one: Vec<String> = group.iter().map(|t| quote(t)).collect();
            format!("({})", one.join(or))
        }))
        .collect();
    match backend {
        // FTS5: the words in the text columns, the terms in `terms`.
        Backend::Sqlite => match (words.is_empty(), terms.is_empty()) {
            (true, _) => format!("{{terms}}: ({})", terms.join(and)),
            (false, true) => format!(
                "{{title description extracted_text}}: ({})",
                words.join(" ")
            ),
            (false, false) => format!(
                "{{title description extracted_text}}: ({}) AND {{terms}}: ({})",
                words.join(" "),
                terms.join(and)
            ),
        },
        Backend::Postgres => words.into_iter().chain(terms).collect::<Vec<_>>().join(and),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_and_term_must_match_and_the_last_word_is_a_prefix() {
        let words = vec!["zero".to_owned(), "tru".to_owned()];
        let all = vec!["=live".to_owned()];
        let any = vec![vec!["=type=all".to_owned(), "=type=var".to_owned()]];
        assert_eq!(
            asset_query(Backend::Sqlite, &words, &all, &any),
            "{title description extracted_text}: (\"zero\" \"tru\"*) \
             AND {terms}: (\"=live\" AND (\"=type=all\" OR \"=type=var\"))"
        );
        assert_eq!(
            asset_query(Backend::Postgres, &words, &all, &any),
            "'zero' & 'tru':* & '=live' & ('=type=all' | '=type=var')"
        );
        assert_eq!(
            asset_query(Backend::Sqlite, &[], &all, &[]),
            "{terms}: (\"=live\")"
        );
        assert_eq!(
            asset_query(Backend::Sqlite, &words, &[], &[]),
            "{title description extracted_text}: (\"zero\" \"tru\"*)"
        );
        assert_eq!(
            asset_query(Backend::Postgres, &words, &[], &[]),
            "'zero' & 'tru':*"
        );
    }
}
