//! The form on `/applications` where a channel manager notes a prospect: a
//! company the program would like as a partner that has not applied.

use leptos::prelude::*;

use crate::{
    organisations::{PartnerType, Region},
    recruit::{api::AddProspect, Industry, Specialisation},
    shell::ui::{form_error, options, Button, CheckboxGroup, Field, SelectField},
};

/// "Add a prospect", folded until opened (open again when the last try
/// was refused, with each field's error beside it).
pub(super) fn prospect_form(action: ServerAction<AddProspect>) -> impl IntoView {
    let error = action.value().get_untracked().and_then(Result::err);
    let open = error.is_some();
    let summary = error.as_ref().map(crate::error::AppError::summary);
    let error = StoredValue::new(error);
    let message = move |name: &str| {
        error.with_value(|e| {
            e.as_ref()
                .and_then(|e| e.message_for(name))
                .map(str::to_owned)
        })
    };
    let choose = || vec![(String::new(), t!("Choose…").to_owned())];
    let text = move |label: &'static str, name: &'static str, required: bool| {
        view! { <Field label name=format!("prospect[{name}]") id=format!("prospect-{name}") required error=message(name) /> }
    };
    view! {
        <details open=open class="mt-6 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
            <summary class="cursor-pointer font-semibold">{t!("Add a prospect")}</summary>
            <p class="mt-2 text-sm text-slate-600 dark:text-slate-300">{t!("A company you would like as a partner that has not applied. It is ranked here with the applicants.")}</p>
            {form_error(summary)}
            <ActionForm action attr:class="mt-3 grid gap-3">
                {text(t!("Company name"), "company", true)}
                {text(t!("Website"), "website", true)}
                {text(t!("Country"), "country", true)}
                <SelectField
                    label=t!("Region")
                    name="prospect[region]"
                    id="prospect-region"
                    required=true
                    options=choose().into_iter().chain(options(Region::ALL.iter().map(|r| (r.code(), r.label())))).collect()
                    error=message("region")
                />
                <SelectField
                    label=t!("Partner type")
                    name="prospect[partner_type]"
                    id="prospect-partner_type"
                    required=true
                    options=choose().into_iter().chain(options(PartnerType::ALL.iter().map(|t| (t.code(), t.label())))).collect()
                    error=message("partner_type")
                />
                <Field label=t!("Employees") name="prospect[employees]" id="prospect-employees" kind="number" min="1" required=true inputmode="numeric" error=message("employees") />
                <CheckboxGroup
                    label=t!("Industries served")
                    name="prospect[industries]"
                    id="prospect-industries"
                    options=options(Industry::ALL.iter().map(|i| (i.code(), i.label())))
                    error=message("industries")
                />
                <CheckboxGroup
                    label=t!("Specialisations")
                    name="prospect[specialisations]"
                    id="prospect-specialisations"
                    options=options(Specialisation::ALL.iter().map(|s| (s.code(), s.label())))
                    error=message("specialisations")
                />
                {text(t!("Where you came across it"), "note", false)}
                <div><Button>{t!("Add the prospect")}</Button></div>
            </ActionForm>
        </details>
    }
}
