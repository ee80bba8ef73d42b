//! People on the server: invitations, links and passwords, and changes to
//! a person's role and status. Each function takes the database, the
//! acting [`Viewer`](crate::auth::Viewer) where there is one, and parsed
//! input; the server functions in `api.rs` only find out who calls and
//! parse.

mod access;
mod invite;
mod links;
mod manage;

pub use access::{link_dead, request_password_reset, set_password_with_link};
pub use invite::{invite, invite_in, organisation_kind};
pub use links::{
    create_link, link_holder, public_url, use_link, LinkHolder, PublicUrl, INVITATION_LIFETIME,
    RESET_LIFETIME,
};
pub use manage::{person_in_reach, update_person, PersonInReach};
