//! `/deals/new`: the registration form, with the live conflict check.

use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::draft::DraftKeeper;
use crate::shell::{
    ui::{form_error, options, Button, Field, SelectField},
    RequireViewer,
};
use crate::{
    auth::Viewer,
    deals::{api::*, PartnerRole},
    error::AppError,
    shell::{ui::TextArea, PageHeader},
    values::Currency,
};

/// The live conflict check beside the registration form: watches the
/// company and domain fields, asks the server (debounced) and says what
/// stands in the way, never who. Without JavaScript the same check runs at
/// submission and the deal page shows it.
#[island]
pub(super) fn ConflictCheck() -> impl IntoView {
    let findings = RwSignal::new(None::<Vec<crate::deals::Finding>>);
    #[cfg(feature = "hydrate")]
    {
        use std::time::Duration;
        use wasm_bindgen::JsCast;
        let company = RwSignal::new(String::new());
        let domain = RwSignal::new(String::new());
        let pending = StoredValue::new(None::<TimeoutHandle>);
        let handle = window_event_listener(leptos::ev::input, move |event| {
            let Some(target) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            match target.id().as_str() {
                "customer_company" => company.set(target.value()),
                "customer_domain" => domain.set(target.value()),
                _ => return,
            }
            if let Some(timer) = pending.get_value() {
                timer.clear();
            }
            let timer = set_timeout_with_handle(
                move || {
                    let (c, d) = (company.get_untracked(), domain.get_untracked());
                    if c.trim().chars().count() < 2 {
                        findings.set(None);
                        return;
                    }
                    leptos::task::spawn_local(async move {
                        if let Ok(found) = crate::deals::api::check_deal_conflict(c, d).await {
                            findings.set(Some(found));
                        }
                    });
                },
                Duration::from_millis(300),
            )
            .ok();
            pending.set_value(timer);
        });
        on_cleanup(move || handle.remove());
    }
    view! {
        <div aria-live="polite" data-testid="conflict-check" class="text-sm">
            {move || findings.get().map(|found| {
                if found.is_empty() {
                    view! { <p class="rounded-lg border border-teal-300 bg-teal-50 px-3 py-2 text-teal-900 dark:border-teal-800 dark:bg-teal-950 dark:text-teal-100">{t!("No conflict found: this customer is free to register.")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="flex flex-col gap-2">
                            {found.into_iter().map(|f| view! {
                                <li class="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">{f.message()}</li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            })}
        </div>
    }
}

#[component]
pub fn NewDealPage() -> impl IntoView {
    let register = ServerAction::<RegisterDeal>::new();
    let error = register.value().get_untracked().and_then(Result::err);
    // From a lead (`?lead=<id>`): its company and contact filled in.
    let lead_id = use_query_map().get_untracked().get("lead");
    let from_lead = Resource::new(
        move || lead_id.clone(),
        |id| async move {
            match id {
                Some(id) => crate::campaigns::api::get_lead(id).await.ok(),
                None => None,
            }
        },
    );
    view! {
        <Title text=t!("Register a deal") />
        <RequireViewer signed_in=move |viewer: Viewer| {
            if viewer.role.is_vendor() {
                return view! { <p>{t!("Partners register deals; Acme Cloud staff review them in the approval queue.")}</p> }.into_any();
            }
            let error = error.clone();
            view! {
                <Suspense>
                    {move || {
                        let error = error.clone();
                        Suspend::new(async move { registration_form(error, from_lead.await) })
                    }}
                </Suspense>
            }.into_any()
        } />
    }
}

/// The registration form, showing `error`, filled from `lead` if given.
fn registration_form(
    error: Option<AppError>,
    lead: Option<crate::campaigns::LeadRow>,
) -> impl IntoView {
    let message = |name: &str| {
        error
            .as_ref()
            .and_then(|e| e.message_for(name))
            .map(str::to_owned)
    };
    let prefill = |name: &str| -> Option<String> {
        let lead = lead.as_ref()?;
        match name {
            "customer_company" => Some(lead.company.clone()),
            "contact_name" => Some(lead.name.clone()),
            "contact_email" => Some(lead.email.clone()),
            "contact_phone" => lead.phone.clone(),
            _ => None,
        }
    };
    let field = move |label: &'static str,
                      name: &'static str,
                      kind: &'static str,
                      required: bool,
                      autocomplete: &'static str| {
        view! { <Field label name=format!("deal[{name}]") id=name kind required autocomplete value=prefill(name) error=message(name) /> }
    };
    let summary = error.as_ref().map(AppError::summary);
    let top =
        view! { <div class="sm:col-span-2">{form_error(summary)}<DraftKeeper /></div> }.into_any();
    view! {
        <PageHeader title=t!("Register a deal") lead=t!("Tell Acme Cloud about your customer. You will know at once whether the customer is free.") />
        <form id="deal-form" method="post" action=RegisterDeal::PATH class="grid max-w-3xl gap-4 sm:grid-cols-2">
            {top}
            {lead.as_ref().map(|l| view! {
                <input type="hidden" name="deal[lead]" value=l.id.clone() />
                <p class="text-sm text-slate-600 sm:col-span-2 dark:text-slate-300">{t!("From the lead {name} of {company}.", name = l.name, company = l.company)}</p>
            })}
            {field(t!("Customer company"), "customer_company", "text", true, "organization")}
            {field(t!("Customer website"), "customer_domain", "text", false, "url")}
            <div class="sm:col-span-2"><ConflictCheck /></div>
            {field(t!("Contact name"), "contact_name", "text", true, "off")}
            {field(t!("Contact email"), "contact_email", "email", true, "off")}
            {field(t!("Contact phone"), "contact_phone", "tel", false, "off")}
            {field(t!("Country"), "country", "text", true, "country-name")}
            {field(t!("Products"), "products", "text", true, "off")}
            {field(t!("Estimated value"), "value", "text", true, "off")}
            <SelectField
                label=t!("Currency")
                name="deal[currency]"
                id="currency"
                options=options(Currency::ALL.iter().map(|c| (c.code(), c.label())))
                error=message("currency")
            />
            {field(t!("Expected close date"), "expected_close", "date", true, "off")}
            <SelectField
                label=t!("Your role")
                name="deal[partner_role]"
                id="partner_role"
                options=options(PartnerRole::ALL.iter().map(|r| (r.code(), r.label())))
                error=message("partner_role")
            />
            <label class="block text-sm font-medium sm:col-span-2">
                {t!("Notes")}
                <TextArea name="deal[notes]" rows=3 maxlength=2000 value=lead.as_ref().and_then(|l| l.message.clone()).unwrap_or_default() />
            </label>
            <div class="sm:col-span-2"><Button extra="w-full">{t!("Submit registration")}</Button></div>
        </form>
    }
}
