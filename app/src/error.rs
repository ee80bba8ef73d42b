//! The one error type every server function returns and every page can show.

use http::StatusCode;
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

/// A message about one form field, shown beside that field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// What went wrong, in words a partner can act on. Internal failures carry
/// only a reference id; their details stay in the server log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AppError {
    Validation(Vec<FieldError>),
    Unauthenticated,
    Forbidden,
    NotFound,
    Conflict(String),
    RateLimited { retry_after_secs: u64 },
    Request(String),
    Internal { reference: String },
}

/// The sentence a person reads, in their language. A conflict's own text
/// was written in it where the conflict was found.
impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AppError::Validation(_) => f.write_str(t!("Please correct the highlighted fields.")),
            AppError::Unauthenticated => f.write_str(t!("Please sign in to continue.")),
            AppError::Forbidden => f.write_str(t!("You do not have access to this.")),
            AppError::NotFound => f.write_str(t!("We could not find that page or record.")),
            AppError::Conflict(message) => f.write_str(message),
            AppError::RateLimited { retry_after_secs } => f.write_str(&t!(
                "Too many attempts. Try again in {seconds} s.",
                seconds = retry_after_secs
            )),
            AppError::Request(_) => f.write_str(t!(
                "The request could not be completed. Check your connection and try again."
            )),
            AppError::Internal { reference } => f.write_str(&t!(
                "Something went wrong on our side (ref: {reference}).",
                reference = reference
            )),
        }
    }
}

impl std::error::Error for AppError {}

impl AppError {
    /// A validation error for a single field.
    pub fn field(field: &str, message: &str) -> Self {
        AppError::fields([(field, message)])
    }

    /// A validation error with a message for each `(field, message)`.
    pub fn fields<'a>(errors: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        AppError::Validation(
            errors
                .into_iter()
                .map(|(field, message)| FieldError {
                    field: field.to_owned(),
                    message: message.to_owned(),
                })
                .collect(),
        )
    }

    /// The HTTP status this error is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Request(_) => StatusCode::BAD_REQUEST,
            AppError::Internal { .. } => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// One sentence for a person: the first field message of a validation
    /// error, or the error itself.
    pub fn summary(&self) -> String {
        match self {
            AppError::Validation(errors) if !errors.is_empty() => errors[0].message.clone(),
            other => other.to_string(),
        }
    }

    /// The message for one field, if this is a validation error that names it.
    pub fn message_for(&self, field: &str) -> Option<&str> {
        match self {
            AppError::Validation(errors) => errors
                .iter()
                .find(|e| e.field == field)
                .map(|e| e.message.as_str()),
            _ => None,
        }
    }

    /// Logs an internal failure with a fresh reference id and returns the
    /// opaque error the browser sees. The cause never leaves the server.
    #[cfg(feature = "ssr")]
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        let reference = reference_id();
        tracing::error!(%reference, %cause, "internal error");
        AppError::Internal { reference }
    }
}

/// A short random id that ties what a person sees to a line in the log.
#[cfg(feature = "ssr")]
pub fn reference_id() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..8].to_owned()
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Request(value.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_match_meaning() {
        assert_eq!(AppError::NotFound.status(), StatusCode::NOT_FOUND);
        assert_eq!(AppError::Forbidden.status(), StatusCode::FORBIDDEN);
        assert_eq!(
            AppError::field("theme", "Unknown").status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(
            AppError::Internal {
                reference: "abc".into()
            }
            .status(),
            StatusCode::INTERNAL_SERVER_ERROR
        );
    }

    #[test]
    fn internal_errors_show_only_a_reference() {
        let err = AppError::Internal {
            reference: "1a2b3c4d".into(),
        };
        assert_eq!(
            err.to_string(),
            "Something went wrong on our side (ref: 1a2b3c4d)."
        );
    }

    #[test]
    fn survives_the_wire() {
        let err = AppError::field("email", "Enter an email address");
        let bytes = err.ser();
        let back = AppError::de(bytes);
        assert_eq!(back, err);
        assert_eq!(back.message_for("email"), Some("Enter an email address"));
        assert_eq!(back.message_for("name"), None);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn database_errors_become_opaque() {
        let err: AppError = sqlx::Error::Protocol("secret table detail".into()).into();
        assert!(matches!(err, AppError::Internal { .. }));
        assert!(!err.to_string().contains("secret"));
    }
}
