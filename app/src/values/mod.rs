//! Domain values shared by the browser and the server: newtypes that parse
//! once, so a value that exists is valid (an `Email` is an address, a
//! `Money` has a known currency), and the form and the server agree.

mod company;
mod domain;
mod email;
mod money;

pub use company::{
    company_key, names_a_company, one_typo_apart, CompanyName, CompanyNameError, MAX_COMPANY_NAME,
};
pub use domain::{domain_key, Domain};
pub use email::Email;
pub use money::{parse_minor_units, Currency, Money};

/// The plumbing of a text newtype `$name(String)` that only `$parse`
/// (text -> `Option<$name>`) makes: `as_str`, `Display`, and the
/// conversions serde uses on the wire (`$what` names it in the refusal).
macro_rules! text_value {
    ($name:ident, $parse:expr, $what:literal) => {
        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;

            fn try_from(text: String) -> Result<$name, String> {
                let parse: fn(&str) -> Option<$name> = $parse;
                parse(&text).ok_or_else(|| format!(concat!("not ", $what, ": {}"), text))
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }
    };
}
pub(crate) use text_value;

/// Field errors gathered while checking a form: (field, message).
pub type FieldErrors = Vec<(&'static str, &'static str)>;

/// Whether `phone` reads as a phone number: digits, with spaces and
/// `+ - ( ) .` between them, at most 40 characters.
pub fn is_phone_number(phone: &str) -> bool {
    phone.len() <= 40
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c))
        && phone.chars().any(|c| c.is_ascii_digit())
}

/// `value` trimmed; `message` is noted against `field` when it is empty or
/// longer than `max` characters.
pub fn required_text<'a>(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &'a str,
    max: usize,
    message: &'static str,
) -> &'a str {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > max {
        errors.push((field, message));
    }
    value
}

/// A form value trimmed; empty means "not given".
pub fn optional_text(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

/// An optional video link as typed (field `video_url`): none when blank,
/// else an https address of at most 500 characters without spaces.
pub fn video_link(errors: &mut FieldErrors, value: &str) -> Option<String> {
    match value.trim() {
        "" => None,
        url if url.starts_with("https://")
            && url.len() <= 500
            && !url.contains(char::is_whitespace) =>
        {
            Some(url.to_owned())
        }
        _ => {
            errors.push((
                "video_url",
                t!("A video link starts with https:// and has no spaces."),
            ));
            None
        }
    }
}

/// Codes as stored in a comma list column (partner types, tiers, job
/// functions an item is for): sorted, each once.
pub fn comma_list(codes: &[String]) -> String {
    let mut codes = codes.to_vec();
    codes.sort();
    codes.dedup();
    codes.join(",")
}

/// The codes of a comma list column, as [`comma_list`] stored them.
pub fn comma_items(stored: &str) -> Vec<String> {
    stored
        .split(',')
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Declares a closed set of values stored as text, with its database code,
/// a label for people, and a parser that refuses anything else. Labels are
/// either `t!("English")` (in the reader's language) or a literal that
/// reads the same in every language (a currency code).
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $code:literal, t!($label:literal);)+ }) => {
        $crate::values::text_enum!(@common $(#[$meta])* $name { $($variant => $code;)+ });

        impl $name {
            /// The name shown to people, in the reader's language.
            pub fn label(self) -> &'static str {
                self.label_in($crate::i18n::Locale::current())
            }

            /// The name shown to people, in `locale`.
            pub fn label_in(self, locale: $crate::i18n::Locale) -> &'static str {
                match self { $($name::$variant => $crate::t!(in locale, $label)),+ }
            }
        }
    };
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $code:literal, $label:literal;)+ }) => {
        $crate::values::text_enum!(@common $(#[$meta])* $name { $($variant => $code;)+ });

        impl $name {
            /// The name shown to people, the same in every language.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
        }
    };
    (@common $(#[$meta:meta])* $name:ident { $($variant:ident => $code:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The code stored in the database.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// Parses a stored code; anything unknown is `None`.
            pub fn parse(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }
    };
}
pub(crate) use text_enum;
