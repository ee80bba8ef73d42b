//! The vendor's program pages: direct accounts and the rules of engagement.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::shell::ui::{AsyncSection, Button, Intent};
use crate::shell::{
    ui::{form_error, Field},
    RequireViewer,
};
use crate::{
    auth::Viewer,
    error::AppError,
    shell::{ui::TextArea, Card, PageHeader},
};

/// `/deals/accounts`: the vendor's named direct accounts; add one, or
/// paste many as CSV.
#[component]
pub fn DirectAccountsPage() -> impl IntoView {
    use crate::deals::api::{direct_accounts, AddDirectAccounts};
    let add = ServerAction::<AddDirectAccounts>::new();
    let outcome = add.value().get_untracked();
    let query = use_query_map();
    let search = query.get_untracked().get("q").unwrap_or_default();
    let typed = search.clone();
    let accounts = Resource::new(move || search.clone(), direct_accounts);
    view! {
        <Title text=t!("Direct accounts") />
        <RequireViewer signed_in=move |_viewer: Viewer| {
            let error = outcome.clone().and_then(Result::err);
            let added = outcome.clone().and_then(Result::ok);
            let typed = typed.clone();
            view! {
            <PageHeader title=t!("Direct accounts") lead=t!("Customers Acme Cloud sells to directly. Registrations for them are flagged for review.") />
            <div class="grid gap-6 lg:grid-cols-2">
                <section aria-labelledby="add-heading">
                    <Card>
                        <h2 id="add-heading" class="mb-2 font-semibold">{t!("Add accounts")}</h2>
                        {form_error(error.as_ref().map(AppError::summary))}
                        {error.as_ref().and_then(|e| e.message_for("csv")).map(|m| view! { <p class="text-sm text-rose-700 dark:text-rose-300">{m.to_owned()}</p> })}
                        {added.map(|n| view! { <p role="status" class="text-sm font-medium text-teal-800 dark:text-teal-300">{t!("{count} added.", count = n)}</p> })}
                        <ActionForm action=add>
                            <div class="mt-2 flex flex-col gap-3">
                                <Field label=t!("Company") name="company" id="account-company" autocomplete="off" error=error.as_ref().and_then(|e| e.message_for("company")) />
                                <Field label=t!("Web domain") name="domain" id="account-domain" autocomplete="off" error=error.as_ref().and_then(|e| e.message_for("domain")) />
                                <label class="block text-sm font-medium">
                                    {t!("Or paste CSV: one “company,domain” per line")}
                                    <TextArea name="csv" rows=5 />
                                </label>
                                <Button extra="w-full">{t!("Add")}</Button>
                            </div>
                        </ActionForm>
                    </Card>
                </section>
                <section aria-labelledby="accounts-heading">
                    <Card>
                        <h2 id="accounts-heading" class="mb-2 font-semibold">{t!("Accounts")}</h2>
                        <form method="get" action="/deals/accounts" role="search" aria-label=t!("Search direct accounts") class="mb-3 flex gap-2">
                            <Field label=t!("Search accounts") label_hidden=true name="q" id="account-search" kind="search" value=typed />
                            <Button intent=Intent::Secondary>{t!("Search")}</Button>
                        </form>
                        <AsyncSection>
                                {move || Suspend::new(async move {
                                    accounts.await.map(|list| view! {
                                        <ul class="divide-y divide-slate-200 text-sm dark:divide-slate-800" aria-label=t!("Direct accounts")>
                                            {list.into_iter().map(|a| view! {
                                                <li class="flex justify-between gap-2 py-2">
                                                    <span class="font-medium">{a.company}</span>
                                                    <span class="text-slate-600 dark:text-slate-300">{a.domain.unwrap_or_default()}</span>
                                                </li>
                                            }).collect_view()}
                                        </ul>
                                    })
                                })}
                            </AsyncSection>
                    </Card>
                </section>
            </div>
            }
        } />
    }
}

/// `/deals/rules`: the rules of engagement, readable by everyone signed
/// in, editable by the program admin.
#[component]
pub fn RulesPage() -> impl IntoView {
    use crate::deals::api::{rules_of_engagement, UpdateRules};
    let update = ServerAction::<UpdateRules>::new();
    let error = update.value().get_untracked().and_then(Result::err);
    let rules = Resource::new(|| (), |_| rules_of_engagement());
    view! {
        <Title text=t!("Rules of engagement") />
        <RequireViewer signed_in=move |_viewer: Viewer| {
            let error = error.clone();
            view! {
            <PageHeader title=t!("Rules of engagement") lead=t!("How deal registration decides who is protected.") />
            <AsyncSection>
                    {move || {
                        let error = error.clone();
                        Suspend::new(async move { rules.await.map(|r| {
                        let text = r.text.clone();
                        let edit_text = r.text.clone();
                        view! {
                        <div class="flex max-w-3xl flex-col gap-4">
                            <Card>
                                <h2 class="mb-2 font-semibold">{t!("Matching")}</h2>
                                <p class="text-sm">{t!("A customer is the same when its company name or web domain matches once case, accents, punctuation, legal forms (Inc, LLC, Ltd, GmbH, SA, BV…), “www.”, and the address's scheme and path are set aside; names one typo apart (a letter missing, added, changed, or two swapped) and the same words abbreviated to four letters or more match too; sharing a word does not. The first open registration of a customer holds it; later ones are flagged for the channel manager.")}</p>
                            </Card>
                            <Card>
                                <h2 class="mb-2 font-semibold">{t!("Protection and approval")}</h2>
                                <p class="text-sm">{if r.sla_hours == 1 {
                                    t!("Registrations are decided within 1 hour. An approved registration is protected for its partner's tier:").to_owned()
                                } else {
                                    t!("Registrations are decided within {hours} hours. An approved registration is protected for its partner's tier:", hours = r.sla_hours)
                                }}</p>
                                <ul class="mt-2 text-sm">
                                    {r.tiers.iter().map(|(name, days)| view! { <li>{if *days == 1 {
                                        t!("{name}: 1 day", name = name)
                                    } else {
                                        t!("{name}: {days} days", name = name, days = days)
                                    }}</li> }).collect_view()}
                                </ul>
                                <p class="mt-2 text-sm">{if r.default_protection_days == 1 {
                                    t!("Partners without a tier: 1 day. Warnings go out 14 and 3 days before protection ends.").to_owned()
                                } else {
                                    t!("Partners without a tier: {days} days. Warnings go out 14 and 3 days before protection ends.", days = r.default_protection_days)
                                }}</p>
                            </Card>
                            {(!text.is_empty()).then(|| view! {
                                <Card>
                                    <h2 class="mb-2 font-semibold">{t!("Disputes and further rules")}</h2>
                                    <p class="whitespace-pre-line text-sm">{text.clone()}</p>
                                </Card>
                            })}
                            {r.can_edit.then(|| view! {
                                <Card>
                                    <h2 class="mb-2 font-semibold">{t!("Edit")}</h2>
                                    {form_error(error.as_ref().map(AppError::summary))}
                                    <ActionForm action=update>
                                        <div class="flex flex-col gap-3">
                                            <Field label=t!("Approval SLA (hours)") name="sla_hours" id="sla-hours" kind="number" min="1" max="720" required=true value=r.sla_hours.to_string() error=error.as_ref().and_then(|e| e.message_for("sla_hours")) />
                                            <Field label=t!("Default protection (days)") name="default_protection_days" id="protection-days" kind="number" min="1" max="730" required=true value=r.default_protection_days.to_string() error=error.as_ref().and_then(|e| e.message_for("default_protection_days")) />
                                            <label class="block text-sm font-medium">{t!("Disputes and further rules")}<TextArea name="text" rows=6 maxlength=20000 value=edit_text.clone() /></label>
                                            <Button extra="w-full">{t!("Save rules")}</Button>
                                        </div>
                                    </ActionForm>
                                </Card>
                            })}
                        </div>
                    }}) })}}
                </AsyncSection>
            }
        } />
    }
}
