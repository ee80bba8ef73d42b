//! The two-step sign-in pages: the code step, setting it up, and the
//! program's security settings.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

use crate::shell::ui::{link_class, AsyncSection};
use crate::{
    auth::{
        two_step::{
            security_settings, two_step_status, ConfirmTwoStep, TwoStepSetup,
            UpdateSecuritySettings, VerifySecondFactor,
        },
        Stage,
    },
    format::utc_minute,
    shell::{
        ui::{form_error, Button, Field, QrCode},
        Card, PageHeader, ViewerContext,
    },
};

/// `/signin/verify`: the code step of sign-in.
#[component]
pub fn VerifySignInPage() -> impl IntoView {
    let verify = ServerAction::<VerifySecondFactor>::new();
    let context = ViewerContext::use_context();
    let error = move || {
        verify
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.summary())
    };
    let form = view! {
        <PageHeader
            title=t!("Enter your code")
            lead=t!("Open your authenticator app and enter the 6-digit code it shows for Trellis. Lost your phone? Enter one of your recovery codes instead.")
        />
        <div class="max-w-md">
            <Card>
                <ActionForm action=verify>
                    <div class="flex flex-col gap-4">
                        {move || form_error(error())}
                        <Field label=t!("Code") name="code" id="code" required=true autocomplete="one-time-code" literal=true />
                        <label class="flex items-center gap-2 text-sm">
                            <input type="checkbox" name="trust_device" value="on" class="size-4 accent-teal-700" />
                            {t!("Do not ask for a code on this device for 30 days")}
                        </label>
                        <Button extra="w-full">{t!("Verify")}</Button>
                        <p class="text-sm"><a href="/signin" class=link_class()>{t!("Start again")}</a></p>
                    </div>
                </ActionForm>
            </Card>
        </div>
    };
    view! {
        <Title text=t!("Enter your code") />
        {match (context.viewer.is_some(), context.pending) {
            (true, _) => view! { <Redirect path="/home" /> }.into_any(),
            (false, Some(Stage::SecondFactor)) => form.into_any(),
            (false, Some(stage)) => view! { <Redirect path=stage.home() /> }.into_any(),
            (false, None) => view! { <Redirect path="/signin" /> }.into_any(),
        }}
    }
}

/// `/account/two-step`: two-step sign-in's state, and setting it up.
#[component]
pub fn TwoStepPage() -> impl IntoView {
    let context = ViewerContext::use_context();
    let confirm = ServerAction::<ConfirmTwoStep>::new();
    let status = Resource::new(|| (), |_| two_step_status());
    let enrolling = context.pending == Some(Stage::Enrol);
    let allowed = context.viewer.is_some() || enrolling;
    let error = move || {
        confirm
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.summary())
    };
    let lead = if enrolling {
        t!("Acme Cloud requires two-step sign-in for your account. Set it up now to continue.")
    } else {
        t!("A code from an app on your phone, asked for after your password.")
    };
    let body = move || {
        view! {
            <PageHeader title=t!("Two-step sign-in") lead=lead />
            <AsyncSection>
                    {move || Suspend::new(async move {
                        status.await.map(|status| match (status.enabled_at, status.setup) {
                            (Some(since), _) => view! {
                                <div class="max-w-2xl">
                                    <Card>
                                        <p class="font-semibold">{t!("On since {date}", date = utc_minute(since))}</p>
                                        <p class="mt-1 text-sm text-slate-600 dark:text-slate-300">
                                            {t!("{left} of 10 recovery codes unused.", left = status.recovery_codes_left)}
                                        </p>
                                    </Card>
                                </div>
                            }.into_any(),
                            (None, Some(setup)) => setup_steps(setup, confirm, error).into_any(),
                            (None, None) => view! { <p>{t!("Two-step sign-in is off.")}</p> }.into_any(),
                        })
                    })}
                </AsyncSection>
        }
    };
    view! {
        <Title text=t!("Two-step sign-in") />
        {if allowed {
            body().into_any()
        } else {
            let to = context.pending.map(Stage::home).unwrap_or("/signin");
            view! { <Redirect path=to /> }.into_any()
        }}
    }
}

fn setup_steps(
    setup: TwoStepSetup,
    confirm: ServerAction<ConfirmTwoStep>,
    error: impl Fn() -> Option<String> + Send + Sync + 'static,
) -> impl IntoView {
    let step = "text-lg font-semibold";
    view! {
        <ol class="flex max-w-2xl flex-col gap-4">
            <li>
                <Card>
                    <h2 class=step>{t!("1. Add Trellis to your authenticator app")}</h2>
                    <p class="mt-1 text-sm text-slate-600 dark:text-slate-300">
                        {t!("Scan the code with Google Authenticator, Microsoft Authenticator, 1Password or any TOTP app, or type the key.")}
                    </p>
                    <div class="mt-3 flex flex-wrap items-center gap-4">
                        <QrCode svg=setup.qr_svg label=t!("QR code for your authenticator app") />
                        <div>
                            <p class="text-sm font-medium">{t!("Key")}</p>
                            <p class="font-mono text-base break-all" data-testid="totp-secret">{setup.secret}</p>
                        </div>
                    </div>
                </Card>
            </li>
            <li>
                <Card>
                    <h2 class=step>{t!("2. Save your recovery codes")}</h2>
                    <p class="mt-1 text-sm text-slate-600 dark:text-slate-300">
                        {t!("Each one signs you in once if you lose your phone. Keep them somewhere safe; they are not shown again.")}
                    </p>
                    <ul class="mt-3 grid grid-cols-2 gap-2 font-mono" aria-label=t!("Recovery codes")>
                        {setup.recovery_codes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                    </ul>
                </Card>
            </li>
            <li>
                <Card>
                    <h2 class=step>{t!("3. Enter the code your app shows")}</h2>
                    <ActionForm action=confirm>
                        <div class="mt-3 flex flex-col gap-4">
                            {move || form_error(error())}
                            <Field label=t!("6-digit code") name="code" id="setup-code" required=true inputmode="numeric" autocomplete="one-time-code" />
                            <Button extra="w-full">{t!("Turn on two-step sign-in")}</Button>
                        </div>
                    </ActionForm>
                </Card>
            </li>
        </ol>
    }
}

/// `/admin/settings`: program settings (the program admin's).
#[component]
pub fn SettingsPage() -> impl IntoView {
    let update = ServerAction::<UpdateSecuritySettings>::new();
    let settings = Resource::new(move || update.version().get(), |_| security_settings());
    let saved = move || {
        update
            .value()
            .get()
            .is_some_and(|r| r.is_ok())
            .then(|| view! { <p role="status" class="text-sm font-medium text-teal-800 dark:text-teal-300">{t!("Saved.")}</p> })
    };
    view! {
        <Title text=t!("Program settings") />
        <crate::shell::RequireViewer signed_in=move |_viewer| view! {
            <PageHeader title=t!("Program settings") lead=t!("Rules that apply to everyone in the program.") />
            <AsyncSection>
                    {move || Suspend::new(async move {
                        settings.await.map(|s| view! {
                            <div class="max-w-2xl">
                                <Card>
                                    <h2 class="text-lg font-semibold">{t!("Two-step sign-in")}</h2>
                                    <p class="mt-1 text-sm text-slate-600 dark:text-slate-300">
                                        {t!("Always required for Acme Cloud staff. Partners without it are asked to set it up at their next sign-in.")}
                                    </p>
                                    <ActionForm action=update>
                                        <div class="mt-3 flex flex-col gap-3">
                                            <label class="flex items-center gap-2 text-sm">
                                                <input type="checkbox" name="require_partner_mfa" value="on" checked=s.require_partner_mfa class="size-4 accent-teal-700" />
                                                {t!("Require two-step sign-in for partner people")}
                                            </label>
                                            {saved}
                                            <Button extra="w-full">{t!("Save settings")}</Button>
                                        </div>
                                    </ActionForm>
                                </Card>
                            </div>
                        })
                    })}
                </AsyncSection>
        } />
    }
}
