//! `/campaigns/templates/:id`: the live co-branded preview and the launch
//! button, which says what is missing instead of failing later.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::preview::CampaignPreview;
use crate::{
    auth::Viewer,
    campaigns::{
        api::{campaign_template, LaunchCampaign},
        preflight::Finding,
        LaunchView,
    },
    shell::{
        ui::{form_error, last_error, AsyncSection, Button, Intent, SelectField},
        PageHeader, RequireViewer,
    },
};

#[component]
pub fn LaunchPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let launch = ServerAction::<LaunchCampaign>::new();
    let view = Resource::new(
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                query.read().get("partner"),
            )
        },
        |(id, partner)| campaign_template(id, partner),
    );
    view! {
        <Title text=t!("Launch a campaign") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <AsyncSection>
                {move || Suspend::new(async move { view.await.map(|v| page(v, launch)) })}
            </AsyncSection>
        } />
    }
}

fn page(v: LaunchView, launch: ServerAction<LaunchCampaign>) -> impl IntoView {
    let blocking = v.findings.iter().any(|f| f.blocking);
    let id = v.template.id.clone();
    let may_launch = v.may_launch;
    let address = v.content.has_page().then(|| v.landing_url.clone());
    let chooser = partner_chooser(&v);
    let partner = v
        .partner
        .clone()
        .map(|p| view! { <input type="hidden" name="partner" value=p /> });
    view! {
        <PageHeader title=v.template.name.clone() lead=v.template.summary.clone() />
        {chooser}
        {findings(&v.findings)}
        {form_error(last_error(launch))}
        <ActionForm action=launch attr:class="flex flex-col gap-6">
            <input type="hidden" name="id" value=id />
            {partner}
            <CampaignPreview view=v />
            {may_launch.then(|| view! {
                <div class="flex flex-col gap-2 sm:flex-row sm:items-center sm:gap-4">
                    <Button intent=Intent::Primary disabled=blocking>{t!("Launch campaign")}</Button>
                    <p class="text-sm text-slate-600 dark:text-slate-300">
                        {if blocking {
                            t!("Fix what is listed above to launch.").to_owned()
                        } else {
                            match address {
                                Some(url) => t!("Your landing page goes live at {url}", url = url),
                                None => t!("The campaign is ready to send.").to_owned(),
                            }
                        }}
                    </p>
                </div>
            })}
        </ActionForm>
    }
}

/// For vendor marketers: the partner to launch for (a plain GET form, so
/// it works before the page's script has loaded).
fn partner_chooser(v: &LaunchView) -> impl IntoView {
    (!v.partners.is_empty()).then(|| {
        let chosen = v.partner.clone().unwrap_or_default();
        let options = std::iter::once((String::new(), t!("Choose a partner…").to_owned()))
            .chain(v.partners.iter().cloned())
            .collect();
        view! {
            <form method="get" class="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end">
                <SelectField
                    label=t!("Launch on a partner's behalf")
                    name="partner"
                    id="launch-partner"
                    options
                    selected=chosen
                    hint=t!("The preview shows that partner's brand; the campaign is theirs, and their admins are told.")
                />
                <div><Button intent=Intent::Secondary>{t!("Show it for this partner")}</Button></div>
            </form>
        }
    })
}

fn findings(findings: &[Finding]) -> impl IntoView {
    (!findings.is_empty()).then(|| {
        view! {
            <section aria-labelledby="preflight-title" class="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
                <h2 id="preflight-title" class="font-semibold">{t!("Before you launch")}</h2>
                <ul class="mt-2 list-disc pl-5 text-sm">
                    {findings.iter().map(|f| view! { <li>{f.message.clone()}</li> }).collect_view()}
                </ul>
            </section>
        }
    })
}
