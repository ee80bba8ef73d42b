//! Identity: who is signed in, sessions, passwords and the access policy.

pub mod api;
#[cfg(feature = "ssr")]
pub mod mfa;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod password;
pub mod policy;
#[cfg(feature = "ssr")]
pub mod server;
#[cfg(feature = "ssr")]
pub(crate) mod tokens;
pub mod two_step;

pub use pages::{HomePage, SessionsPage, SignInPage};

use serde::{Deserialize, Serialize};

use crate::organisations::Role;

/// The signed-in person, as the browser may know them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub person_id: String,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub organisation_id: String,
    pub organisation_name: String,
}

/// The value of cookie `name` in a `Cookie` request header, if set and not
/// empty.
pub fn cookie_value(header: &str, name: &str) -> Option<String> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// A `Set-Cookie` value that keeps a preference (`name=value`) for a year,
/// readable by the page (theme, language).
pub fn preference_cookie(name: &str, value: &str) -> String {
    format!("{name}={value}; Path=/; Max-Age=31536000; SameSite=Lax")
}

/// The password rules in one sentence, for forms.
pub fn password_rules() -> &'static str {
    t!("At least 8 characters; long passphrases are welcome. Very common passwords are refused.")
}

impl Viewer {
    /// The organisation whose data this person is confined to in SQL:
    /// their own for partner people, none (every partner) for vendor staff.
    pub fn tenant_scope(&self) -> Option<&str> {
        (!self.role.is_vendor()).then_some(self.organisation_id.as_str())
    }

    /// This person as the author of a write, from `ip`.
    #[cfg(feature = "ssr")]
    pub fn actor(&self, ip: Option<&str>) -> crate::db::Actor {
        crate::db::Actor::person(&self.person_id, ip)
    }
}

/// How far a session has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Signed in.
    Full,
    /// The password was right; the second factor is still due.
    SecondFactor,
    /// Signed in only to set up the two-step sign-in the program requires.
    Enrol,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Full => "full",
            Stage::SecondFactor => "second_factor",
            Stage::Enrol => "enrol",
        }
    }

    pub fn parse(value: &str) -> Option<Stage> {
        [Stage::Full, Stage::SecondFactor, Stage::Enrol]
            .into_iter()
            .find(|s| s.as_str() == value)
    }

    /// Where a session at this stage belongs.
    pub fn home(self) -> &'static str {
        match self {
            Stage::Full => "/home",
            Stage::SecondFactor => "/signin/verify",
            Stage::Enrol => "/account/two-step",
        }
    }
}
