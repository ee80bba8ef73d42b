//! `/invitation/:token`: the invited person chooses a password.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;

use super::{password_form, token_param};
use crate::{
    people::api::AcceptInvitation,
    shell::{ui::last_error, PageHeader},
};

/// `/invitation/:token`: the invited person chooses a password.
#[component]
pub fn InvitationPage() -> impl IntoView {
    let accept = ServerAction::<AcceptInvitation>::new();
    let error = last_error(accept);
    view! {
        <Title text=t!("Join the partner portal") />
        <PageHeader title=t!("Join the partner portal") lead=t!("Choose a password to finish setting up your account.") />
        {password_form(AcceptInvitation::PATH, token_param(), error, t!("Set password and continue"))}
    }
}
