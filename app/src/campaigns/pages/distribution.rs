//! On `/leads`, for vendor staff: entering a lead to distribute, and the
//! routing rules (changed by the program admin).

use leptos::prelude::*;

use crate::{
    campaigns::{
        api::{lead_routing, EnterLead, SaveLeadRouting},
        routing::RuleMode,
        LeadImport, RoutingView,
    },
    format::count,
    organisations::{PartnerType, Region},
    recruit::Specialisation,
    shell::{
        ui::{
            cell_class, form_error, input_class, options, AsyncSection, Button, Column, Field,
            FormResult, Panel, SelectField, Table, TextArea,
        },
        Card,
    },
};

/// The two vendor panels above the leads.
pub fn distribution(
    enter: ServerAction<EnterLead>,
    save: ServerAction<SaveLeadRouting>,
) -> impl IntoView {
    let routing = Resource::new(move || save.version().get(), |_| lead_routing());
    view! {
        <AsyncSection>
            {move || Suspend::new(async move {
                routing.await.map(|r| {
                    let form = enter_form(enter, &r);
                    let rules = rules_form(save, r);
                    view! {
                        <div class="mb-6 grid gap-6 lg:grid-cols-2">
                            <Panel id="enter-lead" title=t!("Enter a lead")>{form}</Panel>
                            <Panel id="routing-rules" title=t!("Routing rules")>{rules}</Panel>
                            <Panel id="import-leads" title=t!("Import leads from a CSV file")>{import_form()}</Panel>
                        </div>
                    }
                })
            })}
        </AsyncSection>
    }
}

fn any() -> (String, String) {
    (String::new(), t!("Any").to_owned())
}

fn enter_form(enter: ServerAction<EnterLead>, r: &RoutingView) -> impl IntoView {
    let result = FormResult::of(enter);
    let summary = result.summary();
    let message = move |name: &str| result.message(name);
    let entered = result.succeeded.then(|| view! { <p role="status" class="mb-3 text-sm">{t!("Lead entered and routed; it is at the top of the list below.")}</p> });
    let regions = options(Region::ALL.iter().map(|r| (r.code(), r.label())));
    let types = std::iter::once(any())
        .chain(options(
            PartnerType::ALL.iter().map(|t| (t.code(), t.label())),
        ))
        .collect();
    let tiers = std::iter::once(any())
        .chain(r.tiers.iter().cloned())
        .collect();
    let specialisations = std::iter::once(any())
        .chain(options(
            Specialisation::ALL.iter().map(|s| (s.code(), s.label())),
        ))
        .collect();
    view! {
        {entered}
        {form_error(summary)}
        <ActionForm action=enter attr:class="grid gap-3">
            <div class="grid gap-3 sm:grid-cols-2">
                <Field label=t!("Name") name="lead[name]" id="lead-name" required=true maxlength=200_u32 error=message("name") />
                <Field label=t!("Email") name="lead[email]" id="lead-email" kind="email" required=true literal=true error=message("email") />
                <Field label=t!("Company") name="lead[company]" id="lead-company" required=true maxlength=200_u32 error=message("company") />
                <Field label=t!("Phone (optional)") name="lead[phone]" id="lead-phone" kind="tel" error=message("phone") />
                <SelectField label=t!("Region") name="lead[region]" id="lead-region" required=true options=regions error=message("region") />
                <SelectField label=t!("Partner type wanted") name="lead[partner_type]" id="lead-partner_type" options=types error=message("partner_type") />
                <SelectField label=t!("Tier wanted") name="lead[tier]" id="lead-tier" options=tiers error=message("tier") />
                <SelectField label=t!("Specialisation needed") name="lead[specialisation]" id="lead-specialisation" options=specialisations error=message("specialisation") />
            </div>
            <label class="block text-sm font-medium" for="lead-message">
                {t!("What they asked for (optional)")}
                <TextArea name="lead[message]" rows=3 maxlength=2000 />
            </label>
            <div><Button>{t!("Enter and route the lead")}</Button></div>
        </ActionForm>
    }
}

fn rules_form(save: ServerAction<SaveLeadRouting>, r: RoutingView) -> impl IntoView {
    let intro = t!("A partner must match each required criterion the lead names; among those, the most preferred matches win; among equals, the partner offered a lead longest ago.");
    if !r.may_edit {
        let lines = r
            .rules
            .iter()
            .map(|(c, m)| view! { <li>{c.label()}": "{m.label()}</li> })
            .collect_view();
        return view! {
            <p class="mb-2 text-sm text-slate-600 dark:text-slate-300">{intro}</p>
            <ul class="text-sm">{lines}</ul>
            <p class="mt-2 text-sm">{t!("Partners answer within {hours} hours.", hours = r.sla_hours)}</p>
        }
        .into_any();
    }
    let modes = || options(RuleMode::ALL.iter().map(|m| (m.code(), m.label())));
    let selects = r
        .rules
        .iter()
        .map(|(c, m)| {
            let (name, id) = (c.code(), format!("rule-{}", c.code()));
            view! { <SelectField label=c.label() name id options=modes() selected=m.code() /> }
        })
        .collect_view();
    let error = FormResult::of(save).summary();
    view! {
        <p class="mb-3 text-sm text-slate-600 dark:text-slate-300">{intro}</p>
        {form_error(error)}
        <ActionForm action=save attr:class="grid gap-3">
            <div class="grid gap-3 sm:grid-cols-2">{selects}</div>
            <Field
                label=t!("Hours a partner has to answer")
                name="sla_hours"
                id="rule-sla_hours"
                kind="number"
                min="1"
                max="720"
                required=true
                value=r.sla_hours.to_string()
            />
            <div><Button intent=crate::shell::ui::Intent::Secondary>{t!("Save the rules")}</Button></div>
        </ActionForm>
    }
    .into_any()
}

/// The CSV upload: a plain multipart form, so it works before the script
/// loads.
fn import_form() -> impl IntoView {
    view! {
        <p class="text-sm text-slate-700 dark:text-slate-300">
            {t!("One lead per row, up to 1,000: a first row naming the columns email (required), name, company, phone, message, region, partner type, tier and specialisation. Each row is checked and routed like a lead entered by hand; refused rows are listed with why.")}
        </p>
        <form method="post" action="/leads/import" enctype="multipart/form-data" class="mt-3 flex flex-wrap items-end gap-3">
            <div class="grow">
                <label for="import-file" class="block text-sm font-medium">{t!("CSV file")}</label>
                <input id="import-file" name="file" type="file" accept=".csv,text/csv" required class=input_class() />
            </div>
            <Button>{t!("Import and route")}</Button>
        </form>
    }
}

/// What an import did: leads kept and offered, rows refused with why.
pub fn import_report(r: LeadImport) -> impl IntoView {
    let rows = r.refused.len();
    let summary = t!(
        "{file}: {kept} leads kept, {offered} offered to a partner at once, {refused} rows refused.",
        file = r.file_name,
        kept = count(r.kept),
        offered = count(r.offered),
        refused = count(rows as i64)
    );
    let refused = r
        .refused
        .into_iter()
        .map(|(line, why)| {
            view! {
                <tr>
                    <td class=cell_class(true)>{count(line)}</td>
                    <td class=cell_class(false)>{why}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="mb-6" aria-labelledby="import-report" data-testid="import-report">
            <Card>
                <h2 id="import-report" class="font-semibold">{t!("Import report")}</h2>
                <p role="status" class="mt-1 text-sm">{summary}</p>
                {(rows > 0).then(|| view! {
                    <div class="mt-3">
                        <Table caption=t!("Rows refused") columns=vec![Column::new(t!("Line")).numeric(), Column::new(t!("Why"))] empty=String::new() row_count=rows>
                            {refused}
                        </Table>
                    </div>
                })}
            </Card>
        </section>
    }
}
