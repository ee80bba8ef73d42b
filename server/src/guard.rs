//! What every request passes before any page or server function sees it,
//! and the status every server-function error is answered with.
//!
//! - Form fields sent twice are refused (422).
//! - Text values: control characters (other than tab and line breaks) are
//!   refused, and no value may be longer than [`MAX_TEXT`] characters
//!   ([`LONG_FIELDS`] name the few that may), for every server function
//!   argument, present and future, as a field error (422) naming the
//!   field. Areas check their own, shorter, limits with their own words.
//! - Page addresses with control characters are refused (400), overlong
//!   ones too (414).
//! - A server function's error is answered with the status it means
//!   (400/401/403/404/409/422/429); only an internal fault is a 500.

use app::{
    error::{AppError, FieldError},
    i18n::Locale,
};
use axum::{
    body::{to_bytes, Body},
    extract::Request,
    http::{header, HeaderValue, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use leptos::server_fn::error::{FromServerFnError, SERVER_FN_ERROR_HEADER};

use crate::security::refuse;

/// The most characters any one text value may have.
pub const MAX_TEXT: usize = 20_000;
/// Fields that may be longer, and how long.
/// (A template's blocks travel as one JSON value: up to 40 blocks in each
/// part, each text up to 4,000 characters.)
pub const LONG_FIELDS: &[(&str, usize)] = &[("csv", 1_000_000), ("content", 500_000)];
/// The longest page address (path and query) answered.
pub const MAX_URI: usize = 4_096;

/// The name a person knows a form field by: `deal[notes]` is `notes`.
fn field_name(key: &str) -> &str {
    key.rsplit_once('[')
        .map(|(_, inner)| inner.trim_end_matches(']'))
        .filter(|inner| !inner.is_empty())
        .unwrap_or(key)
}

fn is_refused_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// What is wrong with one submitted value, if anything.
pub fn check_value(locale: Locale, key: &str, value: &str) -> Option<FieldError> {
    let field = field_name(key);
    let message = if key.chars().any(char::is_control) || value.chars().any(is_refused_control) {
        app::t!(in locale, "Remove the control characters (such as NUL) from this field.")
            .to_owned()
    } else {
        let max = LONG_FIELDS
            .iter()
            .find(|(name, _)| *name == field)
            .map_or(MAX_TEXT, |(_, max)| *max);
        if value.chars().count() <= max {
            return None;
        }
        app::t!(
            in locale,
            "Keep this under {max} characters.",
            max = app::format::count_in(locale, max as i64)
        )
    };
    Some(FieldError {
        field: field.to_owned(),
        message,
    })
}

/// Every problem with the text values of a JSON body.
fn check_json(locale: Locale, key: &str, value: &serde_json::Value, errors: &mut Vec<FieldError>) {
    match value {
        serde_json::Value::String(text) => errors.extend(check_value(locale, key, text)),
        serde_json::Value::Array(items) => items
            .iter()
            .for_each(|v| check_json(locale, key, v, errors)),
        serde_json::Value::Object(fields) => {
            for (name, v) in fields {
                errors.extend(check_value(locale, name, ""));
                check_json(locale, name, v, errors);
            }
        }
        _ => {}
    }
}

/// A server-function error answered before the server function ran.
fn refuse_fields(path: &str, error: AppError) -> Response {
    let path = HeaderValue::from_str(path).unwrap_or(HeaderValue::from_static("/api"));
    (
        error.status(),
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            (SERVER_FN_ERROR_HEADER.parse().expect("a header name"), path),
        ],
        error.ser(),
    )
        .into_response()
}

/// The checks above, for one request.
pub async fn guard(req: Request, next: Next) -> Response {
    let uri = req.uri();
    let locale = Locale::of_request(req.headers());
    let path_and_query = uri.path_and_query().map_or("", |p| p.as_str());
    if path_and_query.len() > MAX_URI {
        return refuse(
            StatusCode::URI_TOO_LONG,
            app::t!(in locale, "This address is too long."),
        );
    }
    let decoded = percent_decoded(path_and_query);
    if decoded.chars().any(char::is_control) {
        return refuse(
            StatusCode::BAD_REQUEST,
            app::t!(in locale, "This address has control characters in it."),
        );
    }
    if !uri.path().starts_with("/api/") {
        return next.run(req).await;
    }
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let (parts, body) = req.into_parts();
    let Ok(bytes) = to_bytes(body, crate::BODY_LIMIT).await else {
        return refuse(
            StatusCode::PAYLOAD_TOO_LARGE,
            app::t!(in locale, "This request is too large."),
        );
    };
    let mut errors = Vec::new();
    if content_type.starts_with("application/x-www-form-urlencoded") {
        let mut seen = std::collections::BTreeSet::new();
        for (key, value) in form_urlencoded::parse(&bytes) {
            errors.extend(check_value(locale, &key, &value));
            if !seen.insert(key.clone()) {
                // Which of two values would count is a guess: none does.
                errors.push(FieldError {
                    field: field_name(&key).to_owned(),
                    message: app::t!(in locale, "This field was sent twice.").to_owned(),
                });
            }
        }
    } else if content_type.starts_with("application/json") {
        if let Ok(value) = serde_json::from_slice::<serde_json::Value>(&bytes) {
            check_json(locale, "", &value, &mut errors);
        }
    }
    if !errors.is_empty() {
        errors.dedup_by(|a, b| a.field == b.field);
        return refuse_fields(parts.uri.path(), AppError::Validation(errors));
    }
    let res = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    with_error_status(res).await
}

/// A server function's error response with the status its error means.
async fn with_error_status(res: Response) -> Response {
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !res.headers().contains_key(SERVER_FN_ERROR_HEADER)
    {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = to_bytes(body, crate::BODY_LIMIT).await else {
        return refuse(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong.");
    };
    parts.status = AppError::de(bytes.clone()).status();
    Response::from_parts(parts, Body::from(bytes))
}

/// `text` with `%XX` escapes undone, bytes that are not UTF-8 replaced.
fn percent_decoded(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_lose_their_form_prefix() {
        assert_eq!(field_name("deal[notes]"), "notes");
        assert_eq!(field_name("reason"), "reason");
    }

    #[test]
    fn control_characters_and_overlong_values_are_refused_with_the_field() {
        assert_eq!(
            check_value(Locale::En, "deal[notes]", "fine\r\n\tline"),
            None
        );
        let nul = check_value(Locale::En, "deal[notes]", "a\0b").unwrap();
        assert_eq!(nul.field, "notes");
        assert!(nul.message.contains("control characters"));
        assert!(check_value(Locale::En, "reason", "bell\u{7}").is_some());
        assert!(check_value(Locale::En, "reason", "next line\u{85}").is_some());
        assert!(check_value(Locale::En, "reason", &"x".repeat(MAX_TEXT)).is_none());
        let long = check_value(Locale::En, "reason", &"x".repeat(MAX_TEXT + 1)).unwrap();
        assert_eq!(long.message, "Keep this under 20,000 characters.");
        assert!(check_value(Locale::En, "csv", &"x".repeat(MAX_TEXT + 1)).is_none());
    }

    #[test]
    fn json_bodies_are_checked_field_by_field() {
        let mut errors = Vec::new();
        let body =
            serde_json::json!({ "id": "ok", "deal": { "notes": "a\u{0}b" }, "list": ["x\u{1b}"] });
        check_json(Locale::En, "", &body, &mut errors);
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["notes", "list"]);
    }

    #[test]
    fn addresses_are_decoded_before_the_check() {
        assert_eq!(percent_decoded("/deals?q=a%00b"), "/deals?q=a\0b");
        assert_eq!(percent_decoded("/deals?q=100%"), "/deals?q=100%");
        assert_eq!(percent_decoded("/a%C3%A9b"), "/aéb");
        assert_eq!(percent_decoded("/deals?q=%zz"), "/deals?q=%zz");
    }
}
