//! `/agreement`: the partner agreement in force, and the click-to-sign
//! form; `/agreement/signed/:id`: the signed copy, printable, with the
//! SHA-256 of the text signed.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::{
    auth::Viewer,
    format::{day, utc_minute},
    onboarding::{
        api::{current_agreement, signed_agreement, SignAgreement},
        AgreementView, SignatureView,
    },
    shell::{
        ui::{form_error, AsyncSection, Button, Field, Markdown, Panel},
        Card, PageHeader, RequireViewer,
    },
};

#[component]
pub fn AgreementPage() -> impl IntoView {
    let sign = ServerAction::<SignAgreement>::new();
    let error = StoredValue::new(sign.value().get_untracked().and_then(Result::err));
    let agreement = Resource::new(|| (), |_| current_agreement());
    view! {
        <Title text=t!("Partner agreement") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <AsyncSection>
                {move || Suspend::new(async move {
                    agreement.await.map(|a| agreement_view(a, sign, error))
                })}
            </AsyncSection>
        } />
    }
}

fn agreement_view(
    a: AgreementView,
    sign: ServerAction<SignAgreement>,
    error: StoredValue<Option<crate::error::AppError>>,
) -> impl IntoView {
    let lead = t!(
        "Version {version}, published {date}",
        version = a.version,
        date = day(a.published_at)
    );
    let status = match (&a.signature, a.sign_by) {
        (Some(s), _) => view! {
            <p role="status" class="mb-4 rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
                {t!("Signed by {name} on {date}.", name = s.full_name.clone(), date = day(s.signed_at))}" "
                <a href=format!("/agreement/signed/{}", s.id) class="font-medium underline">{t!("Open the signed copy")}</a>
            </p>
        }.into_any(),
        (None, Some(by)) => view! {
            <p role="note" class="mb-4 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
                {t!("A new version: sign it by {date} to keep registering deals.", date = day(by))}
            </p>
        }.into_any(),
        (None, None) => ().into_any(),
    };
    let form = (a.signature.is_none()).then(|| {
        if a.may_sign {
            let message = move |name: &str| error.with_value(|e| e.as_ref().and_then(|e| e.message_for(name)).map(str::to_owned));
            let general = error.with_value(|e| e.as_ref().filter(|e| !matches!(e, crate::error::AppError::Validation(_))).map(|e| e.summary()));
            view! {
                <Panel id="sign-heading" title=t!("Sign")>
                    {form_error(general.or_else(|| message("agreement")))}
                    <ActionForm action=sign attr:class="grid gap-3 sm:grid-cols-2">
                        <input type="hidden" name="agreement_id" value=a.id.clone() />
                        <Field label=t!("Your full name") name="full_name" id="full_name" required=true autocomplete="name" error=message("full_name") />
                        <Field label=t!("Your job title") name="title" id="title" required=true autocomplete="organization-title" error=message("title") />
                        <label class="flex items-center gap-2 text-sm sm:col-span-2">
                            <input type="checkbox" name="consent" value="yes" required=true class="size-4 accent-teal-700" />
                            {t!("I have read this agreement and sign it for my organisation.")}
                        </label>
                        {message("consent").map(|m| view! { <p class="text-sm font-medium text-rose-700 dark:text-rose-300 sm:col-span-2">{m}</p> })}
                        <div class="sm:col-span-2"><Button>{t!("Sign the agreement")}</Button></div>
                    </ActionForm>
                </Panel>
            }.into_any()
        } else {
            view! { <p class="mt-4">{t!("A partner admin of your organisation signs the agreement.")}</p> }.into_any()
        }
    });
    view! {
        <PageHeader title=a.title.clone() lead />
        {status}
        <div><Card><Markdown text=a.body.clone() /></Card></div>
        <p class="mt-2 break-all text-xs text-slate-600 dark:text-slate-300">{t!("SHA-256 of this text: {hash}", hash = a.sha256.clone())}</p>
        <div class="mt-6">{form}</div>
    }
}

#[component]
pub fn SignedAgreementPage() -> impl IntoView {
    let params = use_params_map();
    let copy = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        signed_agreement,
    );
    view! {
        <Title text=t!("Signed partner agreement") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <AsyncSection>
                {move || Suspend::new(async move { copy.await.map(signed_view) })}
            </AsyncSection>
        } />
    }
}

fn signed_view(s: SignatureView) -> impl IntoView {
    let fact = |term: &'static str, value: String| {
        view! {
            <div><dt class="text-xs text-slate-600 dark:text-slate-400">{term}</dt><dd class="break-all font-medium">{value}</dd></div>
        }
    };
    view! {
        <PageHeader title=s.agreement_title.clone() lead=t!("Signed copy for {organisation}, version {version}", organisation = s.organisation_name.clone(), version = s.version) />
        <div class="mb-6"><Card>
            <dl class="grid gap-3 sm:grid-cols-2">
                {fact(t!("Signed by"), format!("{}, {}", s.full_name, s.title))}
                {fact(t!("Signed at"), utc_minute(s.signed_at))}
                {fact(t!("From address"), s.ip.clone().unwrap_or_else(|| "—".to_owned()))}
                {fact(t!("Browser"), s.user_agent.clone().unwrap_or_else(|| "—".to_owned()))}
                <div class="sm:col-span-2">{fact(t!("SHA-256 of the text signed"), s.sha256.clone())}</div>
            </dl>
        </Card></div>
        <div><Card><Markdown text=s.body.clone() /></Card></div>
        <p class="mt-4 print:hidden text-sm">{t!("Print this page or save it as PDF from your browser's print dialog.")}</p>
    }
}
