//! `/apply`: the public partner application, and `/apply/thanks`.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;

use crate::{
    error::AppError,
    organisations::{PartnerType, Region},
    recruit::{api::SubmitApplication, Industry, Specialisation},
    shell::{
        ui::{form_error, options, Button, CheckboxGroup, Field, SelectField, TextArea},
        Card, PageHeader,
    },
};

/// `/apply`: a company asks to join the program. No sign-in; works without
/// JavaScript; every field's error is shown beside it.
#[component]
pub fn ApplyPage() -> impl IntoView {
    let submit = ServerAction::<SubmitApplication>::new();
    let error = StoredValue::new(submit.value().get_untracked().and_then(Result::err));
    let message = move |name: &str| {
        error.with_value(|e| {
            e.as_ref()
                .and_then(|e| e.message_for(name))
                .map(str::to_owned)
        })
    };
    // Field errors show beside their fields; anything else (too many
    // attempts) above the form.
    let summary = error.with_value(|e| {
        e.as_ref()
            .filter(|e| !matches!(e, AppError::Validation(_)))
            .map(AppError::summary)
    });
    let field = move |label: &'static str,
                      name: &'static str,
                      kind: &'static str,
                      required: bool,
                      autocomplete: &'static str| {
        view! { <Field label name=format!("application[{name}]") id=name kind required autocomplete error=message(name) /> }
    };
    let choose = || vec![(String::new(), t!("Choose…").to_owned())];
    view! {
        <Title text=t!("Apply to become a partner") />
        <PageHeader
            title=t!("Apply to become a partner")
            lead=t!("Tell us about your company. A channel manager replies within two business days; once approved, you get an invitation to the portal.")
        />
        <form method="post" action=SubmitApplication::PATH class="grid max-w-3xl gap-6">
            {form_error(summary)}
            <Card>
                <h2 class="mb-3 font-semibold">{t!("Your company")}</h2>
                <div class="grid gap-4 sm:grid-cols-2">
                    {field(t!("Company name"), "company", "text", true, "organization")}
                    {field(t!("Website"), "website", "text", true, "url")}
                    {field(t!("Country"), "country", "text", true, "country-name")}
                    <SelectField
                        label=t!("Region you sell in")
                        name="application[region]"
                        id="region"
                        required=true
                        options=choose().into_iter().chain(options(Region::ALL.iter().map(|r| (r.code(), r.label())))).collect()
                        error=message("region")
                    />
                    <SelectField
                        label=t!("How you would partner")
                        name="application[partner_type]"
                        id="partner_type"
                        required=true
                        options=choose().into_iter().chain(options(PartnerType::ALL.iter().map(|t| (t.code(), t.label())))).collect()
                        error=message("partner_type")
                    />
                    <Field label=t!("Employees") name="application[employees]" id="employees" kind="number" min="1" required=true inputmode="numeric" error=message("employees") />
                </div>
            </Card>
            <Card>
                <h2 class="mb-3 font-semibold">{t!("What you do")}</h2>
                <div class="grid gap-4">
                    <CheckboxGroup
                        label=t!("Industries you serve")
                        name="application[industries]"
                        id="industries"
                        options=options(Industry::ALL.iter().map(|i| (i.code(), i.label())))
                        error=message("industries")
                    />
                    <CheckboxGroup
                        label=t!("Specialisations and certifications you hold")
                        name="application[specialisations]"
                        id="specialisations"
                        options=options(Specialisation::ALL.iter().map(|s| (s.code(), s.label())))
                        error=message("specialisations")
                    />
                    <Field label=t!("Products of other vendors you sell") name="application[other_vendors]" id="other_vendors" maxlength=500u32 placeholder=t!("For example Microsoft Azure, Datadog") error=message("other_vendors") />
                    <Field label=t!("Yearly revenue you could bring us (US dollars)") name="application[expected_revenue]" id="expected_revenue" required=true inputmode="decimal" placeholder="250,000" error=message("expected_revenue") />
                </div>
            </Card>
            <Card>
                <h2 class="mb-3 font-semibold">{t!("Contact person")}</h2>
                <p class="mb-3 text-sm text-slate-600 dark:text-slate-300">{t!("Once approved, this person becomes your organisation's partner admin.")}</p>
                <div class="grid gap-4 sm:grid-cols-2">
                    {field(t!("Your name"), "contact_name", "text", true, "name")}
                    {field(t!("Your email"), "contact_email", "email", true, "email")}
                    {field(t!("Your job title"), "contact_title", "text", false, "organization-title")}
                </div>
                <label class="mt-4 block text-sm font-medium">
                    {t!("Anything else we should know")}
                    <TextArea name="application[message]" rows=3 maxlength=2000 />
                </label>
                {message("message").map(|m| view! { <p class="mt-1 text-sm font-medium text-rose-700 dark:text-rose-300">{m}</p> })}
            </Card>
            <div aria-hidden="true" class="absolute -left-[9999px] h-px w-px overflow-hidden">
                <label for="homepage">{t!("Leave this field empty")}</label>
                <input id="homepage" type="text" name="homepage" tabindex="-1" autocomplete="off" />
            </div>
            <Button extra="w-full sm:w-auto">{t!("Send application")}</Button>
        </form>
    }
}

/// `/apply/thanks`: what happens next.
#[component]
pub fn AppliedPage() -> impl IntoView {
    view! {
        <Title text=t!("Application received") />
        <PageHeader
            title=t!("Thank you: your application is on its way")
            lead=t!("We sent a confirmation to the address you gave. A channel manager reviews every application, usually within two business days, and writes to you with the decision or a question.")
        />
        <p><a href="/program" class=super::link_class()>{t!("Read about the partner program while you wait")}</a></p>
    }
}
