//! `/campaigns/:id`: a launched campaign, where its page lives, how it
//! does and the leads it brought.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::leads::{lead_table, Acts};
use crate::{
    auth::Viewer,
    campaigns::{
        api::{get_campaign, AnswerLead, EndCampaign, SetLeadStatus},
        CampaignStatus, CampaignView,
    },
    format::{amount_from_cents, count, day},
    shell::{
        ui::{form_error, last_error, link_class, AsyncSection, Button, Intent, LineChart, Stat},
        Card, PageHeader, RequireViewer,
    },
};

#[component]
pub fn CampaignPage() -> impl IntoView {
    let params = use_params_map();
    let act = ServerAction::<SetLeadStatus>::new();
    let answer = ServerAction::<AnswerLead>::new();
    let end = ServerAction::<EndCampaign>::new();
    let campaign = Resource::new(
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                act.version().get() + end.version().get(),
            )
        },
        |(id, _)| get_campaign(id),
    );
    view! {
        <Title text=t!("Campaign") />
        <RequireViewer signed_in=move |viewer: Viewer| {
            let act = (!viewer.role.is_vendor()).then_some(Acts {
                status: act,
                answer,
            });
            view! {
                {form_error(act.and_then(|a| last_error(a.status)))}
                {form_error(last_error(end))}
                <AsyncSection>
                    {move || Suspend::new(async move { campaign.await.map(|c| page(c, act, end)) })}
                </AsyncSection>
            }
        } />
    }
}

/// Amounts per currency, side by side ("120,000 USD · 40,000 EUR"); zero
/// when there are none.
fn amounts(values: &[(String, i64, i64)], pick: impl Fn(&(String, i64, i64)) -> i64) -> String {
    let shown: Vec<String> = values
        .iter()
        .filter(|v| pick(v) != 0)
        .map(|v| amount_from_cents(pick(v), &v.0))
        .collect();
    if shown.is_empty() {
        count(0)
    } else {
        shown.join(" · ")
    }
}

fn page(v: CampaignView, act: Option<Acts>, end: ServerAction<EndCampaign>) -> impl IntoView {
    let c = v.card.clone();
    let lead = t!(
        "{partner} · launched {day} from “{template}”",
        partner = c.organisation_name,
        day = day(c.launched_at),
        template = v.template_name
    );
    let view_trend: Vec<i64> = v.daily.iter().map(|d| d.1).collect();
    let fill_trend: Vec<i64> = v.daily.iter().map(|d| d.2).collect();
    let chart: Vec<(String, i64)> = v
        .daily
        .iter()
        .map(|&(d, views, _)| (day(d), views))
        .collect();
    view! {
        <PageHeader title=c.name.clone() lead=lead />
        <div class="mb-6 flex flex-wrap items-center gap-3">
            {super::status_cell(c.status, c.returned.clone())}
            {(c.status == CampaignStatus::PendingApproval && c.returned.is_none()).then(|| view! {
                <p class="text-sm">{t!("The vendor reviews your wording before the campaign goes live.")}</p>
            })}
            {v.landing_url.clone().map(|url| view! {
                <p class="text-sm">
                    {t!("Landing page:")} " "
                    <a href=url.clone() class=link_class() data-testid="landing-link">{url.clone()}</a>
                </p>
            })}
        </div>
        <div class="mb-6 flex flex-wrap items-center gap-3">
            {v.may_send.then(|| view! {
                <a href=format!("/campaigns/{}/send", c.id) class=Intent::Primary.class() data-testid="send-email">{t!("Send the email")}</a>
            })}
            {v.may_end.then(|| {
                let id = c.id.clone();
                view! {
                    <ActionForm action=end>
                        <input type="hidden" name="id" value=id />
                        <Button intent=Intent::Danger>{t!("End the campaign")}</Button>
                    </ActionForm>
                }
            })}
        </div>
        <div class="mb-8 grid grid-cols-2 gap-4 lg:grid-cols-5">
            <Stat label=t!("Emails sent") value=count(v.sends) />
            <Stat label=t!("Opened (approx.)") value=count(v.opens) />
            <Stat label=t!("Clicked") value=count(v.clicks) />
            <Stat label=t!("Page views") value=count(c.views) trend=view_trend />
            <Stat label=t!("Form fills") value=count(v.fills) trend=fill_trend />
            <Stat label=t!("Leads") value=count(c.leads) />
            <Stat label=t!("Registrations") value=count(v.deals) />
            <Stat label=t!("Won") value=count(v.won) />
            <Stat label=t!("Open pipeline") value=amounts(&v.values, |(_, open, _)| *open) detail=t!("Registrations from its leads") />
            <Stat label=t!("Won value") value=amounts(&v.values, |(_, _, won)| *won) detail=t!("Each currency on its own") />
        </div>
        <div class="mb-8">
            <Card>
                <LineChart title=t!("Page views, last 30 days") points=chart />
            </Card>
        </div>
        {lead_table(v.leads, t!("Leads from this campaign"), act)}
    }
}
