//! People joining and getting back in: invitations by emailed link, and
//! password reset by emailed link. Both links are single use and expire.

pub mod api;
mod pages;
#[cfg(feature = "ssr")]
pub mod server;

pub use pages::{InvitationPage, PasswordResetPage, PasswordResetRequestPage};
