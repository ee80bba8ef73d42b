//! The onboarding checklist: a partner's own (a panel on its home and the
//! `/onboarding` page), and vendor staff's overview of every onboarding
//! partner with time to first deal.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    auth::Viewer,
    onboarding::{
        api::{get_checklist, get_overview, SkipOnboardingStep},
        median, Checklist, OnboardingOverview, Step, StepState,
    },
    shell::{
        ui::{
            form_error, last_error, options, AsyncSection, Badge, BarChart, Button, Intent, Panel,
            ProgressBar, SelectField, Tone,
        },
        Card, PageHeader, RequireViewer,
    },
};

fn state_badge(state: StepState) -> impl IntoView {
    let tone = match state {
        StepState::Done => Tone::Success,
        StepState::ActionRequired => Tone::Warning,
        StepState::Pending => Tone::Neutral,
        StepState::Skipped => Tone::Info,
    };
    view! { <Badge tone label=state.label() /> }
}

/// The steps of a checklist with their states and links.
fn steps_view(list: &Checklist) -> impl IntoView {
    let total = list.steps.len() as i64;
    let detail = t!(
        "{done} of {total} steps",
        done = list.finished,
        total = total
    );
    view! {
        <ProgressBar label=t!("Onboarding") value=list.finished max=total detail />
        <ol class="mt-4 flex flex-col gap-2" aria-label=t!("Onboarding steps")>
            {list.steps.iter().map(|s| {
                let label = s.step.label();
                let link = matches!(s.state, StepState::ActionRequired | StepState::Pending);
                view! {
                    <li class="flex flex-wrap items-center justify-between gap-2">
                        {if link {
                            view! { <a href=s.href.clone() class="font-medium text-teal-800 underline dark:text-teal-300">{label}</a> }.into_any()
                        } else {
                            view! { <span>{label}</span> }.into_any()
                        }}
                        {state_badge(s.state)}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}

/// The checklist on a partner's home while it onboards.
#[component]
pub fn OnboardingPanel(organisation_id: String) -> impl IntoView {
    let list = Resource::new(move || organisation_id.clone(), get_checklist);
    view! {
        <AsyncSection>
            {move || Suspend::new(async move {
                list.await.map(|list| list.onboarding.then(|| view! {
                    <Panel id="onboarding-heading" title=t!("Getting started") span="sm:col-span-2">
                        {steps_view(&list)}
                        <p class="mt-3 text-sm"><a href="/onboarding" class="font-medium text-teal-800 underline dark:text-teal-300">{t!("Open your checklist")}</a></p>
                    </Panel>
                }))
            })}
        </AsyncSection>
    }
}

/// `/onboarding`: a partner's own checklist; for vendor staff every
/// onboarding partner, who is stuck, and time to first deal.
#[component]
pub fn OnboardingPage() -> impl IntoView {
    let skip = ServerAction::<SkipOnboardingStep>::new();
    view! {
        <Title text=t!("Onboarding") />
        <RequireViewer signed_in=move |viewer: Viewer| {
            if viewer.role.is_vendor() {
                let overview = Resource::new(move || skip.version().get(), |_| get_overview());
                view! {
                    <PageHeader title=t!("Onboarding") lead=t!("Every partner still onboarding, who is stuck, and how long partners take to their first deal.") />
                    {form_error(last_error(skip))}
                    <AsyncSection>
                        {move || Suspend::new(async move { overview.await.map(|o| overview_view(o, skip)) })}
                    </AsyncSection>
                }.into_any()
            } else {
                let list = Resource::new(move || viewer.organisation_id.clone(), get_checklist);
                view! {
                    <PageHeader title=t!("Getting started") lead=t!("Each step ticks itself when it is done.") />
                    <AsyncSection>
                        {move || Suspend::new(async move { list.await.map(|list| view! { <Card>{steps_view(&list)}</Card> }) })}
                    </AsyncSection>
                }.into_any()
            }
        } />
    }
}

fn overview_view(o: OnboardingOverview, skip: ServerAction<SkipOnboardingStep>) -> impl IntoView {
    view! {
        <div class="grid gap-6 lg:grid-cols-2">
            <section aria-labelledby="onboarding-partners" class="lg:col-span-2">
                <h2 id="onboarding-partners" class="mb-3 font-semibold">{t!("Partners onboarding")}</h2>
                {if o.partners.is_empty() {
                    view! { <p>{t!("No partner is onboarding.")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="grid gap-4 md:grid-cols-2" aria-label=t!("Partners onboarding")>
                            {o.partners.into_iter().map(|list| partner_card(list, skip)).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            {time_to_first_deal(t!("Days to the first approved registration"), "ttfd-approved", o.to_first_approval)}
            {time_to_first_deal(t!("Days to the first won deal"), "ttfd-won", o.to_first_win)}
            <p class="lg:col-span-2 text-sm">
                {if o.without_deal == 1 {
                    t!("1 partner has no approved registration yet.").to_owned()
                } else {
                    t!("{n} partners have no approved registration yet.", n = o.without_deal)
                }}
            </p>
        </div>
    }
}

fn partner_card(list: Checklist, skip: ServerAction<SkipOnboardingStep>) -> impl IntoView {
    let open: Vec<Step> = list
        .steps
        .iter()
        .filter(|s| matches!(s.state, StepState::ActionRequired | StepState::Pending))
        .map(|s| s.step)
        .collect();
    let id = list.organisation_id.clone();
    view! {
        <li>
            <Card>
                <div class="mb-2 flex flex-wrap items-baseline justify-between gap-2">
                    <a href=format!("/organisations/{id}") class="font-semibold text-teal-800 underline dark:text-teal-300">{list.organisation_name.clone()}</a>
                    {list.stuck.then(|| view! { <Badge tone=Tone::Danger label=t!("Stuck: no progress in 14 days") /> })}
                </div>
                {steps_view(&list)}
                {(!open.is_empty()).then(|| view! {
                    <ActionForm action=skip attr:class="mt-4 flex flex-wrap items-end gap-2">
                        <input type="hidden" name="organisation_id" value=id.clone() />
                        <SelectField
                            label=t!("Step to skip")
                            name="step"
                            id=format!("skip-{id}")
                            options=options(open.iter().map(|s| (s.code(), s.label())))
                        />
                        <Button intent=Intent::Secondary>{t!("Skip step")}</Button>
                    </ActionForm>
                })}
            </Card>
        </li>
    }
}

/// A histogram of days (30-day buckets) and the median.
fn time_to_first_deal(title: &'static str, id: &'static str, days: Vec<i64>) -> impl IntoView {
    let buckets = ["0–29", "30–59", "60–89", "90–179", "180+"];
    let bucket = |d: i64| match d {
        0..=29 => 0,
        30..=59 => 1,
        60..=89 => 2,
        90..=179 => 3,
        _ => 4,
    };
    let mut counts = [0i64; 5];
    for d in &days {
        counts[bucket(*d)] += 1;
    }
    let data: Vec<(String, i64)> = buckets
        .iter()
        .zip(counts)
        .map(|(b, c)| ((*b).to_owned(), c))
        .collect();
    let summary = match median(&days) {
        Some(m) => t!(
            "Median {days} days over {n} partners",
            days = m,
            n = days.len()
        ),
        None => t!("No partner yet.").to_owned(),
    };
    view! {
        <Panel id=id title=title>
            <p class="mb-2 text-sm">{summary}</p>
            <BarChart title=t!("Partners by days taken") points=data />
        </Panel>
    }
}
