//! `/applications`: the review queue, "recruit next" and the fit weights.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::{link_class, prospect::prospect_form, score_chip, status_chip};
use crate::{
    auth::Viewer,
    organisations::{PartnerType, Region},
    recruit::{
        api::{application_queue, recruit_lookalikes, AddProspect, UpdateFitWeights},
        ApplicationStatus, ApplicationSummary, Factor, Lookalike, Weights,
    },
    shell::{
        ui::{
            form_error, last_error, options, AsyncSection, Badge, Button, Field, Intent, Panel,
            SelectField, Tone,
        },
        Card, PageHeader, RequireViewer,
    },
};

/// `/applications`: open applications, best fit first, filtered by a plain
/// GET form (works without JavaScript).
#[component]
pub fn ApplicationsPage() -> impl IntoView {
    let query = use_query_map().get_untracked();
    let param = |name: &str| query.get(name).unwrap_or_default();
    let (status, partner_type, region, order) = (
        param("status"),
        param("type"),
        param("region"),
        param("order"),
    );
    let weigh = ServerAction::<UpdateFitWeights>::new();
    let queue = Resource::new(
        move || {
            (
                status.clone(),
                partner_type.clone(),
                region.clone(),
                order.clone(),
                weigh.version().get(),
            )
        },
        |(s, t, r, o, _)| application_queue(s, t, r, o),
    );
    let add = ServerAction::<AddProspect>::new();
    let lookalikes = Resource::new(
        move || (weigh.version().get(), add.version().get()),
        |_| recruit_lookalikes(),
    );
    let filters = (
        param("status"),
        param("type"),
        param("region"),
        param("order"),
    );
    view! {
        <Title text=t!("Partner applications") />
        <RequireViewer signed_in=move |_viewer: Viewer| {
            let filters = filters.clone();
            view! {
                <PageHeader title=t!("Partner applications") lead=t!("Companies that applied to join, scored by how much they resemble your best partners.") />
                {filter_form(filters)}
                <div class="grid gap-6 lg:grid-cols-3">
                    <div class="lg:col-span-2">
                        <AsyncSection>
                            {move || Suspend::new(async move {
                                queue.await.map(|q| {
                                    let compared = q.compared_with.clone();
                                    let weights = q.may_weigh.then_some(q.weights);
                                    view! {
                                        {application_list(q.applications)}
                                        {compared_panel(compared)}
                                        {weights.map(|w| weights_panel(w, weigh))}
                                    }
                                })
                            })}
                        </AsyncSection>
                    </div>
                    <div>
                        <AsyncSection>
                            {move || Suspend::new(async move { lookalikes.await.map(lookalike_panel) })}
                        </AsyncSection>
                        {move || {
                            add.version().track();
                            prospect_form(add)
                        }}
                    </div>
                </div>
            }
        } />
    }
}

fn filter_form(
    (status, partner_type, region, order): (String, String, String, String),
) -> impl IntoView {
    let any = || (String::new(), t!("Any").to_owned());
    view! {
        <form method="get" action="/applications" class="mb-6 flex flex-wrap items-end gap-3" aria-label=t!("Filter applications")>
            <SelectField
                label=t!("Status")
                name="status"
                id="filter-status"
                options=std::iter::once((String::new(), t!("Open").to_owned())).chain(options(ApplicationStatus::ALL.iter().map(|s| (s.code(), s.label())))).collect()
                selected=status
            />
            <SelectField
                label=t!("Partner type")
                name="type"
                id="filter-type"
                options=std::iter::once(any()).chain(options(PartnerType::ALL.iter().map(|t| (t.code(), t.label())))).collect()
                selected=partner_type
            />
            <SelectField
                label=t!("Region")
                name="region"
                id="filter-region"
                options=std::iter::once(any()).chain(options(Region::ALL.iter().map(|r| (r.code(), r.label())))).collect()
                selected=region
            />
            <SelectField
                label=t!("Sort by")
                name="order"
                id="filter-order"
                options=options([("score", t!("Best fit first")), ("oldest", t!("Waiting longest first"))])
                selected=order
            />
            <Button intent=Intent::Secondary>{t!("Filter")}</Button>
        </form>
    }
}

fn application_list(applications: Vec<ApplicationSummary>) -> impl IntoView {
    if applications.is_empty() {
        return view! { <p>{t!("No application matches.")}</p> }.into_any();
    }
    view! {
        <ul class="flex flex-col gap-2" aria-label=t!("Applications")>
            {applications.into_iter().map(application_card).collect_view()}
        </ul>
    }
    .into_any()
}

fn application_card(a: ApplicationSummary) -> impl IntoView {
    view! {
        <li>
            <Card>
                <div class="flex flex-wrap items-baseline justify-between gap-2">
                    <a href=format!("/applications/{}", a.id) class=link_class()>{a.company.clone()}</a>
                    <span class="flex gap-2">{score_chip(a.fit_score)}{status_chip(a.status)}</span>
                </div>
                <p class="mt-1 text-sm text-slate-600 dark:text-slate-300">
                    {t!(
                        "{partner_type} · {country} · {employees} employees · applied {date}",
                        partner_type = a.partner_type.label(),
                        country = a.country,
                        employees = crate::format::count(a.employees),
                        date = crate::format::day(a.submitted_at)
                    )}
                </p>
            </Card>
        </li>
    }
}

fn compared_panel(names: Vec<String>) -> impl IntoView {
    let text = if names.is_empty() {
        t!("No live partner to compare with yet: every score is 50.").to_owned()
    } else {
        t!("Scores compare with your top partners by won revenue over 12 months, then certified people, then PSAT: {names}.", names = names.join(", "))
    };
    view! { <p class="mt-4 text-sm text-slate-600 dark:text-slate-300">{text}</p> }
}

fn weights_panel(weights: Weights, weigh: ServerAction<UpdateFitWeights>) -> impl IntoView {
    view! {
        <details class="mt-6 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
            <summary class="cursor-pointer font-semibold">{t!("Fit score weights")}</summary>
            <p class="mt-2 text-sm text-slate-600 dark:text-slate-300">{t!("How much each factor counts, relative to the others. Open applications are rescored when you save.")}</p>
            {form_error(last_error(weigh))}
            <ActionForm action=weigh attr:class="mt-3 grid gap-3 sm:grid-cols-3">
                {Factor::ALL.iter().enumerate().map(|(i, f)| view! {
                    <Field
                        label=f.label()
                        name=format!("weights[{i}]")
                        id=format!("weights_{}", f.code())
                        kind="number"
                        min="0"
                        max="100"
                        required=true
                        value=weights.of(*f).to_string()
                    />
                }).collect_view()}
                <div class="sm:col-span-3"><Button>{t!("Save weights")}</Button></div>
            </ActionForm>
        </details>
    }
}

fn lookalike_panel(lookalikes: Vec<Lookalike>) -> impl IntoView {
    view! {
        <Panel id="recruit-next" title=t!("Recruit next")>
            <p class="mb-3 text-sm text-slate-600 dark:text-slate-300">{t!("Applicants, open or turned away, and prospects that most resemble your best partners in what they are, whatever revenue they claim.")}</p>
            {if lookalikes.is_empty() {
                view! { <p class="text-sm">{t!("No company to suggest yet.")}</p> }.into_any()
            } else {
                view! {
                    <ol class="flex flex-col gap-3" aria-label=t!("Recruit next")>
                        {lookalikes.into_iter().map(lookalike_item).collect_view()}
                    </ol>
                }.into_any()
            }}
        </Panel>
    }
}

fn lookalike_item(l: Lookalike) -> impl IntoView {
    let (name, facts) = match l.prospect {
        None => (
            view! { <a href=format!("/applications/{}", l.id) class=link_class()>{l.company}</a> }.into_any(),
            None,
        ),
        Some(p) => (
            view! { <span class="flex flex-wrap items-baseline gap-2"><span class="font-medium">{l.company}</span><Badge tone=Tone::Info label=t!("Prospect") /></span> }.into_any(),
            Some(view! {
                <p class="mt-1 text-sm text-slate-600 dark:text-slate-300">
                    <span class="break-all">{p.website}</span>
                    {(!p.note.is_empty()).then(|| view! { " · "{p.note} })}
                </p>
            }),
        ),
    };
    view! {
        <li>
            <div class="flex items-baseline justify-between gap-2">
                {name}
                {score_chip(l.fit_score)}
            </div>
            {facts}
            <ul class="mt-1 list-disc pl-5 text-sm text-slate-600 dark:text-slate-300">
                {l.because.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}
            </ul>
        </li>
    }
}
