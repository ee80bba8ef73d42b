//! `/applications/:id`: one application, its fit score explained, and the
//! decision.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{link_class, score_chip, status_chip};
use crate::{
    auth::Viewer,
    format::{count, day, usd_from_cents},
    recruit::{
        api::{get_application, DecideApplication},
        ApplicationDetail, Contribution,
    },
    shell::{
        ui::{form_error, last_error, AsyncSection, Button, ButtonRow, Intent, Panel, TextArea},
        PageHeader, RequireViewer,
    },
};

/// `/applications/:id`: for the program admin and channel managers.
#[component]
pub fn ApplicationPage() -> impl IntoView {
    let params = use_params_map();
    let decide = ServerAction::<DecideApplication>::new();
    let application = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        get_application,
    );
    view! {
        <Title text=t!("Partner application") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <AsyncSection>
                {move || Suspend::new(async move {
                    application.await.map(|a| application_view(a, decide))
                })}
            </AsyncSection>
        } />
    }
}

fn application_view(
    a: ApplicationDetail,
    decide: ServerAction<DecideApplication>,
) -> impl IntoView {
    let s = a.summary.clone();
    let lead = format!(
        "{} · {} · {}",
        s.partner_type.label(),
        s.country,
        s.region.label()
    );
    view! {
        <PageHeader title=s.company.clone() lead=lead />
        <p class="mb-4 flex flex-wrap gap-2">{score_chip(s.fit_score)}{status_chip(s.status)}</p>
        {a.duplicate_of.clone().map(|name| view! {
            <p role="note" class="mb-4 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
                {t!("Possible duplicate: {name} has the same company name or website.", name = name)}
            </p>
        })}
        <div class="grid gap-6 lg:grid-cols-3">
            {fit_panel(a.fit.clone())}
            {company_panel(a.clone())}
            {decision_record(a.clone())}
            {s.status.is_open().then(|| decision_panel(s.id.clone(), decide))}
        </div>
    }
}

/// The score and every factor's part in it, largest first.
fn fit_panel(fit: crate::recruit::Fit) -> impl IntoView {
    view! {
        <Panel id="fit-heading" title=t!("Fit score: {score} of 100", score = fit.score) span="lg:col-span-2">
            <p class="mb-3 text-sm text-slate-600 dark:text-slate-300">{t!("Starts at 50; each factor adds or takes away points by how much this company resembles your top partners.")}</p>
            <ul class="flex flex-col gap-2" aria-label=t!("Why this score")>
                {fit.factors.iter().map(factor_row).collect_view()}
            </ul>
        </Panel>
    }
}

fn factor_row(c: &Contribution) -> impl IntoView {
    let tone = match c.points {
        p if p > 0 => "text-emerald-800 dark:text-emerald-300",
        p if p < 0 => "text-rose-800 dark:text-rose-300",
        _ => "text-slate-600 dark:text-slate-300",
    };
    view! {
        <li class="flex gap-3">
            <span class=format!("w-12 shrink-0 text-right font-semibold tabular-nums {tone}")>{c.signed_points()}</span>
            <span><span class="font-medium">{c.factor.label()}</span>": "{c.explanation()}</span>
        </li>
    }
}

fn fact(term: &'static str, value: String) -> impl IntoView {
    view! {
        <div class="py-1">
            <dt class="text-xs text-slate-600 dark:text-slate-400">{term}</dt>
            <dd class="break-words">{value}</dd>
        </div>
    }
}

fn company_panel(a: ApplicationDetail) -> impl IntoView {
    let list = |items: Vec<&'static str>| {
        if items.is_empty() {
            t!("None named").to_owned()
        } else {
            items.join(", ")
        }
    };
    view! {
        <Panel id="company-heading" title=t!("The company")>
            <dl>
                {fact(t!("Website"), a.summary.website.clone())}
                {fact(t!("Employees"), count(a.summary.employees))}
                {fact(t!("Industries served"), list(a.industries.iter().map(|i| i.label()).collect()))}
                {fact(t!("Specialisations"), list(a.specialisations.iter().map(|s| s.label()).collect()))}
                {fact(t!("Other vendors sold"), a.other_vendors.clone())}
                {fact(t!("Yearly revenue it could bring"), usd_from_cents(a.expected_revenue_cents))}
                {fact(t!("Contact"), format!("{} · {} · {}", a.contact_name, a.contact_title, a.contact_email))}
                {fact(t!("Applied"), day(a.summary.submitted_at))}
                {(!a.message.is_empty()).then(|| fact(t!("Message"), a.message.clone()))}
            </dl>
        </Panel>
    }
}

/// Who decided what, once someone has.
fn decision_record(a: ApplicationDetail) -> Option<impl IntoView> {
    let by = a.decided_by.clone()?;
    let when = a.decided_at.map(day).unwrap_or_default();
    Some(view! {
        <Panel id="decided-heading" title=t!("Decision") span="lg:col-span-3">
            <p>{t!("{status} by {name} on {date}.", status = a.summary.status.label(), name = by, date = when)}</p>
            {a.decision_note.clone().map(|n| view! { <p class="mt-2 whitespace-pre-line">{n}</p> })}
            {a.organisation_id.clone().map(|id| view! {
                <p class="mt-2"><a href=format!("/organisations/{id}") class=link_class()>{t!("Open the partner organisation")}</a></p>
            })}
        </Panel>
    })
}

fn decision_panel(id: String, decide: ServerAction<DecideApplication>) -> impl IntoView {
    view! {
        <Panel id="decide-heading" title=t!("Decide") span="lg:col-span-3">
            <p class="mb-2 text-sm text-slate-600 dark:text-slate-300">{t!("Approving creates the partner organisation in the first tier and invites the contact as its partner admin.")}</p>
            {form_error(last_error(decide))}
            <ActionForm action=decide>
                <input type="hidden" name="id" value=id />
                <label class="block text-sm font-medium">
                    {t!("Reason or question (needed to reject or ask for more; the applicant reads it)")}
                    <TextArea name="note" rows=3 maxlength=1000 />
                </label>
                <ButtonRow>
                    <Button name="decision" value="approve">{t!("Approve and invite")}</Button>
                    <Button intent=Intent::Secondary name="decision" value="more_info">{t!("Ask for more")}</Button>
                    <Button intent=Intent::Danger name="decision" value="reject">{t!("Reject")}</Button>
                </ButtonRow>
            </ActionForm>
        </Panel>
    }
}
