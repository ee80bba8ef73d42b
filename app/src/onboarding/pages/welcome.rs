//! `/welcome`: the welcome kit of the partner's type. Opening it ticks the
//! checklist's step.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    auth::Viewer,
    onboarding::api::welcome_kit,
    shell::{
        ui::{AsyncSection, Markdown},
        Card, PageHeader, RequireViewer,
    },
};

#[component]
pub fn WelcomePage() -> impl IntoView {
    let kit = Resource::new(|| (), |_| welcome_kit());
    view! {
        <Title text=t!("Welcome kit") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <PageHeader title=t!("Welcome to the Acme Cloud partner program") lead=t!("What to do first, who helps you, and where everything is.") />
            <AsyncSection>
                {move || Suspend::new(async move {
                    kit.await.map(|text| view! {
                        <div><Card><Markdown text /></Card></div>
                        <p class="mt-4"><a href="/onboarding" class="font-medium text-teal-800 underline dark:text-teal-300">{t!("Back to your checklist")}</a></p>
                    })
                })}
            </AsyncSection>
        } />
    }
}
