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
        ui::{form_error, input_class, Button},
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
                    <label class="block text-sm font-medium">
                        {t!("New password")}
                        <input type="password" name="password" required minlength="8" maxlength="128" autocomplete="new-password" aria-describedby="password-rules" class=input_class() />
                    </label>
                    <p id="password-rules" class="text-sm text-slate-600 dark:text-slate-300">{password_rules()}</p>
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
