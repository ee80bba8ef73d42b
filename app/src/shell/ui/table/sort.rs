//! Sorting a [`Table`](super::Table): which way, by which column, and
//! the links of its headers.

use std::sync::Arc;

/// Which way a column is sorted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum SortDir {
    #[default]
    Asc,
    Desc,
}

impl SortDir {
    /// The other way.
    pub fn flip(self) -> SortDir {
        match self {
            SortDir::Asc => SortDir::Desc,
            SortDir::Desc => SortDir::Asc,
        }
    }

    /// As written in a query string: `asc`, `desc`.
    pub fn as_str(self) -> &'static str {
        match self {
            SortDir::Asc => "asc",
            SortDir::Desc => "desc",
        }
    }

    /// A query string's `asc` / `desc` (any case); `None` for anything else.
    pub fn parse(text: &str) -> Option<SortDir> {
        match text.trim().to_ascii_lowercase().as_str() {
            "asc" => Some(SortDir::Asc),
            "desc" => Some(SortDir::Desc),
            _ => None,
        }
    }

    /// The value of `aria-sort`.
    pub fn aria(self) -> &'static str {
        match self {
            SortDir::Asc => "ascending",
            SortDir::Desc => "descending",
        }
    }
}

/// A column of a [`Table`](super::Table).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The header's text.
    pub label: String,
    /// The key the column sorts by (in the sort link), if it sorts.
    pub sort: Option<&'static str>,
    /// Numbers: aligned right.
    pub numeric: bool,
}

impl Column {
    /// A plain column headed `label`.
    pub fn new(label: impl Into<String>) -> Column {
        Column {
            label: label.into(),
            sort: None,
            numeric: false,
        }
    }

    /// The same column, sortable by `key`.
    pub fn sortable(self, key: &'static str) -> Column {
        Column {
            sort: Some(key),
            ..self
        }
    }

    /// The same column, holding numbers.
    pub fn numeric(self) -> Column {
        Column {
            numeric: true,
            ..self
        }
    }
}

/// The link a sortable header points to: the page sorted by a key, a way.
pub type SortHref = Arc<dyn Fn(&'static str, SortDir) -> String + Send + Sync>;

/// A [`SortHref`] from a closure (`sort_href(|key, dir| format!(…))`).
pub fn sort_href(f: impl Fn(&'static str, SortDir) -> String + Send + Sync + 'static) -> SortHref {
    Arc::new(f)
}

/// The sort key of `columns` that a query string asked for (`requested`),
/// if one of them sorts by it: only known keys reach a query.
pub fn sort_key(columns: &[Column], requested: &str) -> Option<&'static str> {
    columns
        .iter()
        .filter_map(|c| c.sort)
        .find(|key| *key == requested)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directions_flip_and_read_back() {
        assert_eq!(SortDir::Asc.flip(), SortDir::Desc);
        assert_eq!(SortDir::Desc.flip(), SortDir::Asc);
        for dir in [SortDir::Asc, SortDir::Desc] {
            assert_eq!(SortDir::parse(dir.as_str()), Some(dir));
        }
        assert_eq!(SortDir::parse(" DESC "), Some(SortDir::Desc));
        assert_eq!(SortDir::parse("up"), None);
        assert_eq!(SortDir::parse(""), None);
        assert_eq!(SortDir::Desc.aria(), "descending");
    }

    #[test]
    fn only_known_sort_keys_are_taken() {
        let columns = vec![
            Column::new("Customer").sortable("customer"),
            Column::new("Value").sortable("value").numeric(),
            Column::new("Notes"),
        ];
        assert_eq!(sort_key(&columns, "value"), Some("value"));
        assert_eq!(sort_key(&columns, "notes"), None);
        assert_eq!(sort_key(&columns, "value; drop table"), None);
        assert!(columns[1].numeric && !columns[0].numeric);
    }
}
