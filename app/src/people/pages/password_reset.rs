//! `/password-reset` and `/password-reset/:token`: ask for a link, then
//! choose a new password with it.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::{password_form, token_param};
use crate::{
    people::api::{RequestPasswordReset, ResetPassword},
    shell::{
        ui::{form_error, last_error, Button, Field},
        Card, PageHeader,
    },
};

/// `/password-reset`: ask for a reset link.
#[component]
pub fn PasswordResetRequestPage() -> impl IntoView {
    let request = ServerAction::<RequestPasswordReset>::new();
    let error = last_error(request);
    let sent = use_query_map().read_untracked().get("sent").is_some();
    view! {
        <Title text=t!("Reset your password") />
        <PageHeader title=t!("Reset your password") lead=t!("We email you a link that works once, for one hour.") />
        <div class="max-w-md">
            <Card>
                {if sent {
                    view! {
                        <p role="status">{t!("If an account exists for that address, we have sent a link to it. Check your inbox.")}</p>
                    }.into_any()
                } else {
                    view! {
                        <form method="post" action=RequestPasswordReset::PATH class="flex flex-col gap-4">
                            {form_error(error)}
                            <Field label=t!("Email address") name="email" id="reset-email" kind="email" required=true autocomplete="username" />
                            <Button extra="w-full">{t!("Send me a link")}</Button>
                        </form>
                    }.into_any()
                }}
            </Card>
        </div>
    }
}

/// `/password-reset/:token`: choose a new password.
#[component]
pub fn PasswordResetPage() -> impl IntoView {
    let reset = ServerAction::<ResetPassword>::new();
    let error = last_error(reset);
    view! {
        <Title text=t!("Choose a new password") />
        <PageHeader title=t!("Choose a new password") lead=t!("Other devices signed in to your account will be signed out.") />
        {password_form(ResetPassword::PATH, token_param(), error, t!("Save password and sign in"))}
    }
}
