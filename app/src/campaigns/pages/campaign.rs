//! `/campaigns/:id`: a launched campaign, where its page lives, how it
//! does and the leads it brought.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{campaign_tone, leads::lead_table};
use crate::{
    auth::Viewer,
    campaigns::{
        api::{get_campaign, SetLeadStatus},
        CampaignView,
    },
    format::day,
    shell::{
        ui::{form_error, last_error, link_class, AsyncSection, Badge, Stat},
        Card, PageHeader, RequireViewer,
    },
};

#[component]
pub fn CampaignPage() -> impl IntoView {
    let params = use_params_map();
    let act = ServerAction::<SetLeadStatus>::new();
    let campaign = Resource::new(
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                act.version().get(),
            )
        },
        |(id, _)| get_campaign(id),
    );
    view! {
        <Title text=t!("Campaign") />
        <RequireViewer signed_in=move |viewer: Viewer| {
            let act = (!viewer.role.is_vendor()).then_some(act);
            view! {
                {form_error(act.and_then(last_error))}
                <AsyncSection>
                    {move || Suspend::new(async move { campaign.await.map(|c| page(c, act)) })}
                </AsyncSection>
            }
        } />
    }
}

fn page(v: CampaignView, act: Option<ServerAction<SetLeadStatus>>) -> impl IntoView {
    let c = v.card.clone();
    let lead = t!(
        "{partner} · launched {day} from “{template}”",
        partner = c.organisation_name,
        day = day(c.launched_at),
        template = v.template_name
    );
    view! {
        <PageHeader title=c.name.clone() lead=lead />
        <div class="mb-6 flex flex-wrap items-center gap-3">
            <Badge tone=campaign_tone(c.status) label=c.status.label() />
            {v.landing_url.clone().map(|url| view! {
                <p class="text-sm">
                    {t!("Landing page:")} " "
                    <a href=url.clone() class=link_class() data-testid="landing-link">{url.clone()}</a>
                </p>
            })}
        </div>
        <div class="mb-8 grid gap-4 sm:grid-cols-3">
            <Card><Stat label=t!("Page views") value=c.views.to_string() /></Card>
            <Card><Stat label=t!("Form fills") value=v.fills.to_string() /></Card>
            <Card><Stat label=t!("Leads") value=c.leads.to_string() /></Card>
        </div>
        {lead_table(v.leads, t!("Leads from this campaign"), act)}
    }
}
