//! SQL that differs between the backends at run time, one function per
//! construct. Everything else is the same text on both.

use super::Backend;

/// Full-text search over the asset library (`assets a`): the join onto
/// the index (SQLite's FTS5 table by rowid; PostgreSQL's table of stored
/// tsvectors with a GIN index), the
/// predicate on the bound query `param`, and the ordering best first.
pub struct FullText {
    pub join: &'static str,
    pub predicate: String,
    pub rank: String,
}

pub fn asset_text(backend: Backend, param: &str) -> FullText {
    match backend {
        Backend::Sqlite => FullText {
            join: "JOIN assets_fts f ON f.rowid = a.seq",
            predicate: format!("assets_fts MATCH {param}"),
            rank: "f.rank".to_owned(),
        },
        Backend::Postgres => FullText {
            join: "JOIN assets_fts f ON f.asset_id = a.id",
            predicate: format!("f.document @@ to_tsquery('simple', {param})"),
            rank: format!("ts_rank(f.document, to_tsquery('simple', {param})) DESC"),
        },
    }
}

/// The value to bind as the query of [`asset_text`]: every term must be
/// present, the last as a prefix (so results follow typing). `terms` are
/// letters and digits only (`assets::search_terms`), so they cannot be
/// read as the engines' syntax.
pub fn text_query(backend: Backend, terms: &[String]) -> String {
    let last = terms.len().saturating_sub(1);
    let each = terms.iter().enumerate().map(|(i, t)| match backend {
        Backend::Sqlite if i == last => format!("\"{t}\"*"),
        Backend::Sqlite => format!("\"{t}\""),
        Backend::Postgres if i == last => format!("{t}:*"),
        Backend::Postgres => t.clone(),
    });
    let joiner = match backend {
        Backend::Sqlite => " ",
        Backend::Postgres => " & ",
    };
    each.collect::<Vec<_>>().join(joiner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_must_match_and_the_last_is_a_prefix() {
        let terms = vec!["zero".to_owned(), "tru".to_owned()];
        assert_eq!(text_query(Backend::Sqlite, &terms), "\"zero\" \"tru\"*");
        assert_eq!(text_query(Backend::Postgres, &terms), "zero & tru:*");
    }
}
