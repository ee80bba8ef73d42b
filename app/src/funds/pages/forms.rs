//! The forms of `/funds`: a partner's fund request, and the program
//! admin's new period and allocation. Plain `ActionForm`s: they submit
//! without JavaScript too.

use leptos::prelude::*;

use crate::{
    funds::{
        api::{AllocateFunds, CreateFundPeriod, PayFundClaims, RequestFunds},
        Activity,
    },
    shell::ui::{
        form_error, input_class, options, Button, Field, FormResult, SelectField, TextArea,
    },
    values::Currency,
};

pub(super) fn request_form(
    action: ServerAction<RequestFunds>,
    allocations: Vec<(String, String)>,
    campaigns: Vec<(String, String)>,
    today: &str,
) -> impl IntoView {
    let result = FormResult::of(action);
    let summary = result.summary();
    let message = move |name: &str| result.message(name);
    let today = today.to_owned();
    let campaigns = std::iter::once((String::new(), t!("None").to_owned()))
        .chain(campaigns)
        .collect::<Vec<_>>();
    view! {
        {form_error(summary)}
        <ActionForm action attr:class="grid gap-4 sm:grid-cols-2">
            <div class="sm:col-span-2">
                <SelectField label=t!("Funds to draw on") name="input[allocation]" id="fund-allocation" options=allocations required=true error=message("allocation") />
            </div>
            <SelectField label=t!("Activity") name="input[activity]" id="fund-activity" options=options(Activity::ALL.iter().map(|a| (a.code(), a.label()))) required=true error=message("activity") />
            <Field label=t!("Name of the activity") name="input[title]" id="fund-title" required=true maxlength=120u32 error=message("title") />
            <label class="block text-sm font-medium sm:col-span-2">
                {t!("What you will do, for whom, and how you will measure it")}
                <TextArea name="input[description]" rows=3 maxlength=4000 required=true />
                {message("description").map(|m| view! { <span role="alert" class="mt-1 block text-sm text-rose-800 dark:text-rose-300">{m}</span> })}
            </label>
            <Field label=t!("Planned cost") name="input[planned_cost]" id="fund-cost" inputmode="decimal" required=true placeholder="10,000" error=message("planned_cost") />
            <Field label=t!("Vendor share (%)") name="input[share]" id="fund-share" inputmode="decimal" required=true value="50" hint=t!("The part of the cost the vendor pays.") error=message("share") />
            <Field label=t!("Expected leads") name="input[expected_leads]" id="fund-leads" kind="number" min="0" required=true value="0" error=message("expected_leads") />
            <Field label=t!("Expected pipeline") name="input[expected_pipeline]" id="fund-pipeline" inputmode="decimal" placeholder="120,000" error=message("expected_pipeline") />
            <Field label=t!("Starts on") name="input[starts_on]" id="fund-starts" kind="date" min=today.clone() required=true error=message("starts_on") />
            <Field label=t!("Ends on") name="input[ends_on]" id="fund-ends" kind="date" min=today required=true error=message("ends_on") />
            <div class="sm:col-span-2">
                <SelectField label=t!("Co-branded campaign it pays for") name="input[campaign]" id="fund-campaign" options=campaigns error=message("campaign") />
            </div>
            <div class="sm:col-span-2"><Button>{t!("Send the request")}</Button></div>
        </ActionForm>
    }
}

pub(super) fn period_form(action: ServerAction<CreateFundPeriod>, today: &str) -> impl IntoView {
    let today = today.to_owned();
    let result = FormResult::of(action);
    let summary = result.summary();
    let message = move |name: &str| result.message(name);
    let done = result
        .succeeded
        .then(|| view! { <p role="status" class="mb-3 text-sm">{t!("Period opened.")}</p> });
    view! {
        {done}
        {form_error(summary)}
        <ActionForm action attr:class="grid gap-4 sm:grid-cols-2">
            <Field label=t!("Name") name="name" id="period-name" required=true placeholder="Q1 2027" error=message("name") />
            <SelectField label=t!("Currency") name="currency" id="period-currency" options=options(Currency::ALL.iter().map(|c| (c.code(), c.label()))) selected="USD" error=message("currency") />
            <Field label=t!("Starts on") name="starts_on" id="period-starts" kind="date" value=today required=true error=message("starts_on") />
            <Field label=t!("Ends on") name="ends_on" id="period-ends" kind="date" required=true error=message("ends_on") />
            <Field label=t!("Budget") name="budget" id="period-budget" inputmode="decimal" required=true placeholder="250,000" error=message("budget") />
            <div class="self-end"><Button>{t!("Open the period")}</Button></div>
        </ActionForm>
    }
}

pub(super) fn allocate_form(
    action: ServerAction<AllocateFunds>,
    periods: Vec<(String, String)>,
    partners: Vec<(String, String)>,
    tiers: Vec<(String, String)>,
) -> impl IntoView {
    let result = FormResult::of(action);
    let summary = result.summary();
    let message = move |name: &str| result.message(name);
    let done = result.succeeded.then(|| view! { <p role="status" class="mb-3 text-sm">{t!("Funds allocated; the partners' admins were told.")}</p> });
    let none = || (String::new(), "—".to_owned());
    let partners = std::iter::once(none()).chain(partners).collect::<Vec<_>>();
    let tiers = std::iter::once(none()).chain(tiers).collect::<Vec<_>>();
    view! {
        {done}
        {form_error(summary)}
        <ActionForm action attr:class="grid gap-4 sm:grid-cols-2">
            <div class="sm:col-span-2">
                <SelectField label=t!("Period") name="period" id="allocate-period" options=periods required=true error=message("period") />
            </div>
            <SelectField label=t!("One partner") name="partner" id="allocate-partner" options=partners error=message("partner") />
            <SelectField label=t!("Or every partner of a tier") name="tier" id="allocate-tier" options=tiers error=message("tier") />
            <Field label=t!("Amount each") name="amount" id="allocate-amount" inputmode="decimal" hint=t!("For a tier, leave it empty to give its MDF allotment.") error=message("amount") />
            <Field label=t!("Or a share of won revenue (%)") name="accrual" id="allocate-accrual" inputmode="decimal" hint=t!("Grows as the partner's deals in the period are won.") error=message("accrual") />
            <Field label=t!("To request by") name="expires_on" id="allocate-expires" kind="date" required=true error=message("expires_on") />
            <div class="sm:col-span-2"><Button>{t!("Allocate")}</Button></div>
        </ActionForm>
    }
}

/// A file input for proof, with its label (the kit has no file field).
pub(super) fn proof_input() -> impl IntoView {
    view! {
        <label class="block text-sm font-medium" for="proof-file">
            {t!("Invoice or evidence (PDF, PNG, JPEG or WebP, at most 10 MB)")}
        </label>
        <input id="proof-file" name="file" type="file" accept=".pdf,.png,.jpg,.jpeg,.webp,application/pdf,image/png,image/jpeg,image/webp" required class=input_class() />
    }
}

/// The program admin marks the whole payout file paid (the ERP paid it as
/// one run) with the run's reference.
pub(super) fn pay_all_form(action: ServerAction<PayFundClaims>) -> impl IntoView {
    let result = FormResult::of(action);
    let summary = result.summary();
    let message = move |name: &str| result.message(name);
    view! {
        {form_error(summary)}
        <ActionForm action attr:class="mt-4 flex flex-wrap items-end gap-3">
            <Field label=t!("Payment run reference") name="reference" id="payout-reference" required=true maxlength=80u32 error=message("reference") />
            <Button>{t!("Mark everything in the file paid")}</Button>
        </ActionForm>
    }
}
