mod two_step;

pub use two_step::{SettingsPage, TwoStepPage, VerifySignInPage};

use leptos::prelude::*;
use leptos_meta::Title;

use super::{
    api::{my_sessions, RevokeSession, SignIn},
    Viewer,
};
use crate::shell::ui::{AsyncSection, Badge, Tone};
use crate::{
    format::utc_minute,
    shell::{
        ui::{form_error, Button, Field},
        Card, PageHeader, RequireViewer,
    },
};

/// `/signin`: email and password, "remember this device" off by default.
#[component]
pub fn SignInPage() -> impl IntoView {
    // Created here, inside the router, so that a failed sign-in comes back
    // with its error (carried in the URL of the redirect).
    let sign_in = ServerAction::<SignIn>::new();
    let error = move || {
        sign_in
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.summary())
    };
    view! {
        <Title text=t!("Sign in") />
        <PageHeader
            title=t!("Sign in")
            lead=t!("Partners and Acme Cloud staff sign in with the email address their invitation went to.")
        />
        <div class="max-w-md">
            <Card>
                <ActionForm action=sign_in>
                    <div class="flex flex-col gap-4">
                        {move || form_error(error())}
                        <Field label=t!("Email address") name="email" id="signin-email" kind="email" required=true autocomplete="username" />
                        <Field label=t!("Password") name="password" id="signin-password" kind="password" required=true autocomplete="current-password" />
                        <label class="flex items-center gap-2 text-sm">
                            <input type="checkbox" name="remember" value="on" class="size-4 accent-teal-700" />
                            {t!("Remember this device for 30 days")}
                        </label>
                        <Button extra="w-full" disabled=Signal::derive(move || sign_in.pending().get())>
                            {t!("Sign in")}
                        </Button>
                        <p class="text-sm">
                            <a href="/password-reset" class="font-medium text-teal-800 underline dark:text-teal-300">{t!("Forgot your password?")}</a>
                        </p>
                    </div>
                </ActionForm>
            </Card>
        </div>
    }
}

/// `/home`: where a signed-in person lands.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Title text=t!("Home") />
        <RequireViewer signed_in=|viewer: Viewer| {
            let first = viewer.name.split(' ').next().unwrap_or_default().to_owned();
            let org_href = format!("/organisations/{}", viewer.organisation_id);
            view! {
                <PageHeader
                    title=t!("Welcome, {first}", first = first)
                    lead=format!("{} · {}", viewer.role.label(), viewer.organisation_name)
                />
                {(!viewer.role.is_vendor()).then(|| view! {
                    <div class="mb-6"><crate::onboarding::OnboardingPanel organisation_id=viewer.organisation_id.clone() /></div>
                })}
                <ul class="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
                    {crate::auth::policy::authorize_recruiting(&viewer).is_ok().then(|| view! {
                        <li>
                            <Card>
                                <h2 class="font-semibold">{t!("Partners joining")}</h2>
                                <p class="mt-1 text-sm text-slate-600 dark:text-slate-300">{t!("Applications to review, partners onboarding and who is stuck.")}</p>
                                <p class="mt-3"><a href="/applications" class="font-medium text-teal-800 underline dark:text-teal-300">{t!("Partner applications")}</a></p>
                                <p class="mt-1"><a href="/onboarding" class="font-medium text-teal-800 underline dark:text-teal-300">{t!("Onboarding")}</a></p>
                            </Card>
                        </li>
                    })}
                    <li>
                        <Card>
                            <h2 class="font-semibold">{t!("Your organisation")}</h2>
                            <p class="mt-1 text-sm text-slate-600 dark:text-slate-300">{t!("Profile, contact details and people.")}</p>
                            <p class="mt-3"><a href=org_href class="font-medium text-teal-800 underline dark:text-teal-300">{viewer.organisation_name.clone()}</a></p>
                        </Card>
                    </li>
                    {(viewer.role == crate::organisations::Role::ProgramAdmin).then(|| view! {
                        <li>
                            <Card>
                                <h2 class="font-semibold">{t!("Outbox")}</h2>
                                <p class="mt-1 text-sm text-slate-600 dark:text-slate-300">{t!("Email the portal has sent or is sending.")}</p>
                                <p class="mt-3"><a href="/admin/outbox" class="font-medium text-teal-800 underline dark:text-teal-300">{t!("Open the outbox")}</a></p>
                                <p class="mt-1"><a href="/admin/audit" class="font-medium text-teal-800 underline dark:text-teal-300">{t!("Audit log of every organisation")}</a></p>
                                <p class="mt-1"><a href="/admin/settings" class="font-medium text-teal-800 underline dark:text-teal-300">{t!("Program settings")}</a></p>
                                <p class="mt-1"><a href="/program/tiers" class="font-medium text-teal-800 underline dark:text-teal-300">{t!("Tier rules")}</a></p>
                                <p class="mt-1"><a href="/program/tracks" class="font-medium text-teal-800 underline dark:text-teal-300">{t!("Partner tracks")}</a></p>
                            </Card>
                        </li>
                    })}
                    <li>
                        <Card>
                            <h2 class="font-semibold">{t!("Marketing funds")}</h2>
                            <p class="mt-1 text-sm text-slate-600 dark:text-slate-300">{t!("Funds for marketing activities: request, claim with proof, get paid.")}</p>
                            <p class="mt-3"><a href="/funds" class="font-medium text-teal-800 underline dark:text-teal-300">{t!("Open marketing funds")}</a></p>
                            <p class="mt-1"><a href="/earnings" class="font-medium text-teal-800 underline dark:text-teal-300">{t!("Earnings statement")}</a></p>
                        </Card>
                    </li>
                    <li>
                        <Card>
                            <h2 class="font-semibold">{t!("Learning")}</h2>
                            <p class="mt-1 text-sm text-slate-600 dark:text-slate-300">{t!("Short courses with a quiz each, on your phone or at your desk.")}</p>
                            <p class="mt-3"><a href="/learn" class="font-medium text-teal-800 underline dark:text-teal-300">{t!("Courses")}</a></p>
                        </Card>
                    </li>
                    <li>
                        <Card>
                            <h2 class="font-semibold">{t!("Your sessions")}</h2>
                            <p class="mt-1 text-sm text-slate-600 dark:text-slate-300">{t!("See where you are signed in and sign other devices out.")}</p>
                            <p class="mt-3"><a href="/account/sessions" class="font-medium text-teal-800 underline dark:text-teal-300">{t!("Manage sessions")}</a></p>
                            <p class="mt-1"><a href="/account/two-step" class="font-medium text-teal-800 underline dark:text-teal-300">{t!("Two-step sign-in")}</a></p>
                        </Card>
                    </li>
                </ul>
            }
        } />
    }
}

/// `/account/sessions`: the devices you are signed in on.
#[component]
pub fn SessionsPage() -> impl IntoView {
    let revoke = ServerAction::<RevokeSession>::new();
    let sessions = Resource::new(move || revoke.version().get(), |_| my_sessions());
    view! {
        <Title text=t!("Your sessions") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <PageHeader title=t!("Your sessions") lead=t!("Every device you are signed in on. Sign out any you do not recognise.") />
            <AsyncSection>
                    {move || Suspend::new(async move {
                        sessions.await.map(|list| view! {
                            <ul class="flex max-w-2xl flex-col gap-3">
                                {list.into_iter().map(|s| {
                                    let label = s.user_agent.clone().unwrap_or_else(|| t!("Unknown device").to_owned());
                                    view! {
                                        <li>
                                            <Card>
                                                <div class="flex flex-wrap items-start justify-between gap-3">
                                                    <div class="min-w-0">
                                                        <p class="truncate font-medium">{label}</p>
                                                        <p class="text-sm text-slate-600 dark:text-slate-300">
                                                            {t!("Signed in {signed_in} · last active {last_active}", signed_in = utc_minute(s.created_at), last_active = utc_minute(s.last_seen_at))}
                                                            {s.ip.map(|ip| format!(" · {ip}"))}
                                                            {s.remember.then(|| format!(" · {}", t!("remembered")))}
                                                        </p>
                                                    </div>
                                                    {if s.current {
                                                        view! { <Badge tone=Tone::Success label=t!("This device") /> }.into_any()
                                                    } else {
                                                        view! {
                                                            <ActionForm action=revoke>
                                                                <input type="hidden" name="id" value=s.id />
                                                                <button type="submit" class="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">{t!("Sign out this device")}</button>
                                                            </ActionForm>
                                                        }.into_any()
                                                    }}
                                                </div>
                                            </Card>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        })
                    })}
                </AsyncSection>
        } />
    }
}
