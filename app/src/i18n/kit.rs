//! German for the texts the UI kit shows itself (app/src/shell/ui): table
//! sorting, paging, dialogs and figure tiles. Texts the kit shares with
//! pages ("Previous", "Next", "Pages", "Nothing yet.") are listed where
//! they were first used.

pub(super) const TEXT: super::Pairs = &[
    // Table
    ("sorted ascending", "aufsteigend sortiert"),
    ("sorted descending", "absteigend sortiert"),
    // Pagination
    ("Page {page} of {pages}", "Seite {page} von {pages}"),
    // Dialog
    ("Close", "Schließen"),
    // Stat
    ("{label}, trend", "{label}, Verlauf"),
];
