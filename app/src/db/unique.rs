//! Unique indexes a person can run into, and the form field each belongs to.
//!
//! A write that would break one is refused by the database itself, so two
//! requests at once cannot both pass a check read before the insert. The
//! refusal reaches the person as an error on the field they can change, in
//! their language; a unique index missing here stays an internal error.

use sqlx::error::ErrorKind;

use crate::error::AppError;

/// One unique index, as each backend names it in a refusal.
struct UniqueField {
    /// The index name, as PostgreSQL reports it.
    index: &'static str,
    /// `table.column`, as SQLite reports it ("UNIQUE constraint failed: …").
    columns: &'static str,
    /// The form field the person changes to get past it.
    field: &'static str,
    /// What they are told, in their language.
    message: fn() -> &'static str,
}

const UNIQUE_FIELDS: &[UniqueField] = &[
    UniqueField {
        index: "people_email",
        columns: "people.email",
        field: "email",
        message: || t!("That email address already has an account."),
    },
    UniqueField {
        index: "applications_open_domain",
        columns: "applications.domain_key",
        field: "website",
        message: || t!("An application for this company's website is already being reviewed."),
    },
    UniqueField {
        index: "prospects_domain",
        columns: "prospects.domain_key",
        field: "website",
        message: || t!("This company's website is already on the prospect list."),
    },
    UniqueField {
        index: "organisations_name",
        columns: "organisations.name",
        field: "company",
        message: || t!("An organisation with this name already exists."),
    },
];

impl From<sqlx::Error> for AppError {
    /// A refusal by a unique index a person can run into is theirs to fix;
    /// anything else is internal.
    fn from(err: sqlx::Error) -> Self {
        field_error(&err).unwrap_or_else(|| AppError::internal(err))
    }
}

/// The field error for a refusal by one of [`UNIQUE_FIELDS`], if `err` is one.
pub fn field_error(err: &sqlx::Error) -> Option<AppError> {
    let err = err.as_database_error()?;
    if err.kind() != ErrorKind::UniqueViolation {
        return None;
    }
    let sqlite_columns = err.message().strip_prefix("UNIQUE constraint failed: ");
    UNIQUE_FIELDS
        .iter()
        .find(|unique| {
            err.constraint() == Some(unique.index) || sqlite_columns == Some(unique.columns)
        })
        .map(|unique| AppError::field(unique.field, (unique.message)()))
}
