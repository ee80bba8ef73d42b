use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::api::{organisation_profile, OrganisationDetails};
use crate::{
    auth::{pages::RequireViewer, Viewer},
    shell::{Card, ErrorTemplate, PageHeader},
};

fn detail(label: &'static str, value: Option<String>) -> impl IntoView {
    value.map(|value| {
        view! {
            <div>
                <dt class="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
                <dd class="font-medium">{value}</dd>
            </div>
        }
    })
}

fn profile_view(org: OrganisationDetails) -> impl IntoView {
    let lead = if org.is_vendor {
        "The vendor that runs the partner program.".to_owned()
    } else {
        org.partner_type
            .map(|t| t.label().to_owned())
            .unwrap_or_default()
    };
    view! {
        <Title text=org.name.clone() />
        <PageHeader title=org.name.clone() lead=lead />
        <div class="grid gap-6 lg:grid-cols-3">
            <section aria-labelledby="details-heading" class="lg:col-span-1">
                <Card>
                    <h2 id="details-heading" class="mb-3 font-semibold">"Details"</h2>
                    <dl class="grid grid-cols-2 gap-x-6 gap-y-3 break-words">
                        {detail("Status", org.status.map(|s| s.label().to_owned()))}
                        {detail("Tier", org.tier)}
                        {detail("Region", org.region.map(|r| r.label().to_owned()))}
                        {detail("Country", org.country)}
                        {detail("Website", org.website)}
                        {detail("Channel manager", org.channel_manager)}
                    </dl>
                </Card>
            </section>
            <section aria-labelledby="people-heading" class="lg:col-span-2">
                <Card>
                    <h2 id="people-heading" class="mb-3 font-semibold">"People"</h2>
                    <ul class="divide-y divide-slate-200 dark:divide-slate-800">
                        {org.people.into_iter().map(|p| view! {
                            <li class="flex flex-wrap items-baseline justify-between gap-2 py-2">
                                <span>
                                    <span class="font-medium">{p.name}</span>
                                    <span class="block text-sm text-slate-600 dark:text-slate-300">{p.email}</span>
                                </span>
                                <span class="text-sm text-slate-700 dark:text-slate-200">{p.role.label()}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                </Card>
            </section>
        </div>
    }
}

/// `/organisations/:id`: an organisation's profile and people.
#[component]
pub fn OrganisationPage() -> impl IntoView {
    let params = use_params_map();
    let profile = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        organisation_profile,
    );
    view! {
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorTemplate errors /> }>
                    {move || Suspend::new(async move { profile.await.map(profile_view) })}
                </ErrorBoundary>
            </Transition>
        } />
    }
}
