//! The forms of `/earnings`, plain `ActionForm`s that submit without
//! JavaScript too.

use leptos::prelude::*;

use crate::{
    incentives::{
        api::{AnswerEarning, ApproveEarnings, CreateIncentive, PayEarnings, QuestionEarning},
        IncentiveKind,
    },
    shell::ui::{form_error, options, Button, Field, FormResult, Intent, SelectField, TextArea},
    values::Currency,
};

pub(super) fn approve_form(action: ServerAction<ApproveEarnings>, waiting: usize) -> impl IntoView {
    view! {
        <ActionForm action attr:class="flex flex-col items-start gap-2">
            <p class="text-sm">{t!("Accrued, waiting for approval: {n}", n = waiting)}</p>
            <Button>{t!("Approve all accrued earnings")}</Button>
        </ActionForm>
    }
}

pub(super) fn pay_form(action: ServerAction<PayEarnings>, payable: usize) -> impl IntoView {
    let result = FormResult::of(action);
    let summary = result.summary();
    let message = move |name: &str| result.message(name);
    view! {
        {form_error(summary)}
        <ActionForm action attr:class="flex flex-col gap-2">
            <p class="text-sm">{t!("Approved, to pay: {n}", n = payable)}</p>
            <Field label=t!("Payment reference") name="reference" id="earnings-reference" required=true maxlength=80u32 error=message("reference") />
            <div><Button>{t!("Mark approved earnings paid")}</Button></div>
        </ActionForm>
    }
}

pub(super) fn question_form(action: ServerAction<QuestionEarning>, id: &str) -> impl IntoView {
    let id = id.to_owned();
    view! {
        <details class="mt-1 text-sm">
            <summary class="cursor-pointer text-teal-800 underline dark:text-teal-300">{t!("Question this line")}</summary>
            <ActionForm action attr:class="mt-2 flex flex-col gap-2">
                <input type="hidden" name="id" value=id />
                <label class="block text-sm font-medium">
                    {t!("What looks wrong?")}
                    <TextArea name="question" rows=2 maxlength=2000 required=true />
                </label>
                <div><Button intent=Intent::Secondary>{t!("Send the question")}</Button></div>
            </ActionForm>
        </details>
    }
}

pub(super) fn answer_form(action: ServerAction<AnswerEarning>, id: &str) -> impl IntoView {
    let id = id.to_owned();
    view! {
        <ActionForm action attr:class="mt-2 flex flex-col gap-2">
            <input type="hidden" name="id" value=id />
            <label class="block text-sm font-medium">
                {t!("Your answer")}
                <TextArea name="answer" rows=2 maxlength=2000 required=true />
            </label>
            <div><Button>{t!("Answer")}</Button></div>
        </ActionForm>
    }
}

pub(super) fn program_form(
    action: ServerAction<CreateIncentive>,
    tiers: Vec<(String, String)>,
    today: &str,
) -> impl IntoView {
    let today = today.to_owned();
    let result = FormResult::of(action);
    let summary = result.summary();
    let message = move |name: &str| result.message(name);
    let done = result.succeeded.then(|| {
        view! { <p role="status" class="mb-3 text-sm">{t!("Program added; won deals were counted under it.")}</p> }
    });
    let tiers = std::iter::once((String::new(), t!("Every tier").to_owned()))
        .chain(tiers)
        .collect::<Vec<_>>();
    view! {
        {done}
        {form_error(summary)}
        <ActionForm action attr:class="grid gap-4 sm:grid-cols-2">
            <Field label=t!("Name") name="program[name]" id="program-name" required=true error=message("name") />
            <SelectField label=t!("Kind") name="program[kind]" id="program-kind" options=options(IncentiveKind::ALL.iter().map(|k| (k.code(), k.label()))) error=message("kind") />
            <Field label=t!("Share of the deal (%)") name="program[rate]" id="program-rate" inputmode="decimal" hint=t!("Rebates and referral fees.") error=message("rate") />
            <Field label=t!("Amount per deal") name="program[amount]" id="program-amount" inputmode="decimal" hint=t!("SPIFFs.") error=message("amount") />
            <SelectField label=t!("Currency") name="program[currency]" id="program-currency" options=options(Currency::ALL.iter().map(|c| (c.code(), c.label()))) selected="USD" error=message("currency") />
            <SelectField label=t!("Tier") name="program[tier]" id="program-tier" options=tiers error=message("tier") />
            <Field label=t!("Product (optional)") name="program[product]" id="program-product" error=message("product") />
            <div></div>
            <Field label=t!("Starts on") name="program[starts_on]" id="program-starts" kind="date" value=today required=true error=message("starts_on") />
            <Field label=t!("Ends on") name="program[ends_on]" id="program-ends" kind="date" required=true error=message("ends_on") />
            <div class="sm:col-span-2"><Button>{t!("Add the program")}</Button></div>
        </ActionForm>
    }
}
