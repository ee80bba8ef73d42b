use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::api::{AcceptInvitation, RequestPasswordReset, ResetPassword};
use crate::shell::ui::{form_error, input_class, primary_button};
use crate::{
    auth::password_rules,
    shell::{Card, PageHeader},
};

/// A new-password form posting `token` and `password` to `action`.
fn password_form(
    action: &'static str,
    token: String,
    error: Option<String>,
    submit: &'static str,
) -> impl IntoView {
    view! {
        <div class="max-w-md">
            <Card>
                <form method="post" action=action class="flex flex-col gap-4">
                    {form_error(error)}
                    <input type="hidden" name="token" value=token />
                    <label class="block text-sm font-medium">
                        "New password"
                        <input type="password" name="password" required minlength="8" maxlength="128" autocomplete="new-password" aria-describedby="password-rules" class=input_class() />
                    </label>
                    <p id="password-rules" class="text-sm text-slate-600 dark:text-slate-300">{password_rules()}</p>
                    <button type="submit" class=primary_button()>{submit}</button>
                </form>
            </Card>
        </div>
    }
}

fn token_param() -> String {
    use_params_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default()
}

/// `/invitation/:token`: the invited person chooses a password.
#[component]
pub fn InvitationPage() -> impl IntoView {
    let accept = ServerAction::<AcceptInvitation>::new();
    let error = accept
        .value()
        .get_untracked()
        .and_then(Result::err)
        .map(|e| e.summary());
    view! {
        <Title text="Join the partner portal" />
        <PageHeader title="Join the partner portal" lead="Choose a password to finish setting up your account." />
        {password_form(AcceptInvitation::PATH, token_param(), error, "Set password and continue")}
    }
}

/// `/password-reset`: ask for a reset link.
#[component]
pub fn PasswordResetRequestPage() -> impl IntoView {
    let request = ServerAction::<RequestPasswordReset>::new();
    let error = request
        .value()
        .get_untracked()
        .and_then(Result::err)
        .map(|e| e.summary());
    let sent = use_query_map().read_untracked().get("sent").is_some();
    view! {
        <Title text="Reset your password" />
        <PageHeader title="Reset your password" lead="We email you a link that works once, for one hour." />
        <div class="max-w-md">
            <Card>
                {if sent {
                    view! {
                        <p role="status">"If an account exists for that address, we have sent a link to it. Check your inbox."</p>
                    }.into_any()
                } else {
                    view! {
                        <form method="post" action=RequestPasswordReset::PATH class="flex flex-col gap-4">
                            {form_error(error)}
                            <label class="block text-sm font-medium">
                                "Email address"
                                <input type="email" name="email" required autocomplete="username" class=input_class() />
                            </label>
                            <button type="submit" class=primary_button()>"Send me a link"</button>
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
    let error = reset
        .value()
        .get_untracked()
        .and_then(Result::err)
        .map(|e| e.summary());
    view! {
        <Title text="Choose a new password" />
        <PageHeader title="Choose a new password" lead="Other devices signed in to your account will be signed out." />
        {password_form(ResetPassword::PATH, token_param(), error, "Save password and sign in")}
    }
}
