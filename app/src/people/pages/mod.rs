//! The pages people reach by an emailed link, and the password form they
//! share.

mod invitation;
mod password_reset;

pub use invitation::InvitationPage;
pub use password_reset::{PasswordResetPage, PasswordResetRequestPage};

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    auth::password_rules,
    shell::{
        ui::{form_error, Button, Field},
        Card,
    },
};

/// A new-password form posting `token` and `password` to `action`.
pub(super) fn password_form(
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
                    <Field label=t!("New password") name="password" id="password" kind="password" required=true minlength=8_u32 maxlength=128_u32 autocomplete="new-password" hint=password_rules() />
                    <Button extra="w-full">{submit}</Button>
                </form>
            </Card>
        </div>
    }
}

pub(super) fn token_param() -> String {
    use_params_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default()
}
