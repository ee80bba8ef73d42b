//! `/campaigns`: the templates a partner may launch, and its campaigns.

use leptos::prelude::*;
use leptos_meta::Title;

use super::campaign_tone;
use crate::{
    auth::Viewer,
    campaigns::{
        api::campaign_catalogue, CampaignCard, Catalogue, Rollup, RollupRow, TemplateCard,
    },
    format::{count, day},
    shell::{
        ui::{cell_class, link_class, AsyncSection, Badge, Column, Table, Tone},
        Card, PageHeader, RequireViewer,
    },
};

#[component]
pub fn CampaignsPage() -> impl IntoView {
    let catalogue = Resource::new(|| (), |_| campaign_catalogue());
    view! {
        <Title text=t!("Campaigns") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <PageHeader
                title=t!("Campaigns")
                lead=t!("Co-branded campaigns ready to launch: pick one, check the preview with your logo and contact, launch.")
            />
            <AsyncSection>
                {move || Suspend::new(async move { catalogue.await.map(page) })}
            </AsyncSection>
        } />
    }
}

fn page(c: Catalogue) -> impl IntoView {
    view! {
        <section aria-labelledby="templates-title">
            <h2 id="templates-title" class="mb-4 text-lg font-semibold">{t!("Templates")}</h2>
            {if c.templates.is_empty() {
                view! { <p class="text-slate-600 dark:text-slate-300">{t!("No campaign is open to your organisation right now.")}</p> }.into_any()
            } else {
                view! {
                    <ul class="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                        {c.templates.into_iter().map(template).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <section aria-labelledby="launched-title" class="mt-10">
            {launched(c.campaigns)}
        </section>
        {c.rollup.map(rollup)}
    }
}

/// The vendor's roll-up: three tables and the partners with no campaign.
fn rollup(r: Rollup) -> impl IntoView {
    let idle = r.idle.len();
    view! {
        <section aria-labelledby="rollup-title" class="mt-10 flex flex-col gap-6">
            <h2 id="rollup-title" class="text-lg font-semibold">{t!("Across the program")}</h2>
            {rollup_table(t!("By template"), t!("Template"), r.by_template)}
            {rollup_table(t!("By partner"), t!("Partner"), r.by_partner)}
            {rollup_table(t!("By region"), t!("Region"), r.by_region)}
            <Card>
                <h3 class="font-semibold">{t!("Partners who launched nothing yet ({n})", n = count(idle as i64))}</h3>
                {if idle == 0 {
                    view! { <p class="mt-2 text-sm">{t!("Every partner has launched a campaign.")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="idle-partners">
                            {r.idle.into_iter().map(|(id, name)| view! {
                                <li><a href=format!("/organisations/{id}") class=link_class()>{name}</a></li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </Card>
        </section>
    }
}

fn rollup_table(caption: &str, first: &str, rows: Vec<RollupRow>) -> impl IntoView {
    let columns = vec![
        Column::new(first),
        Column::new(t!("Campaigns")).numeric(),
        Column::new(t!("Partners")).numeric(),
        Column::new(t!("Page views")).numeric(),
        Column::new(t!("Form fills")).numeric(),
        Column::new(t!("Leads")).numeric(),
        Column::new(t!("Emails sent")).numeric(),
    ];
    let n = rows.len();
    view! {
        <Table caption=caption.to_owned() caption_visible=true columns empty=t!("No campaign launched yet.") row_count=n>
            {rows.into_iter().map(|r| view! {
                <tr>
                    <td class=cell_class(false)>{r.label}</td>
                    <td class=cell_class(true)>{count(r.campaigns)}</td>
                    <td class=cell_class(true)>{count(r.partners)}</td>
                    <td class=cell_class(true)>{count(r.views)}</td>
                    <td class=cell_class(true)>{count(r.fills)}</td>
                    <td class=cell_class(true)>{count(r.leads)}</td>
                    <td class=cell_class(true)>{count(r.sends)}</td>
                </tr>
            }).collect_view()}
        </Table>
    }
}

fn template(t: TemplateCard) -> impl IntoView {
    let parts = [
        t.has_email.then(|| t!("Email").to_owned()),
        t.has_page.then(|| t!("Landing page").to_owned()),
        (t.social_posts > 0).then(|| t!("Social posts: {n}", n = t.social_posts)),
    ];
    view! {
        <li>
            <Card>
                <h3 class="font-semibold">
                    <a href=format!("/campaigns/templates/{}", t.id) class=link_class()>{t.name.clone()}</a>
                </h3>
                <p class="mt-2 text-sm text-slate-700 dark:text-slate-300">{t.summary.clone()}</p>
                <p class="mt-3 flex flex-wrap gap-2">
                    {parts.into_iter().flatten().map(|label| view! { <Badge tone=Tone::Info label=label /> }).collect_view()}
                    {t.ends_at.map(|end| view! { <Badge tone=Tone::Neutral label=t!("Until {day}", day = day(end - 1)) /> })}
                </p>
            </Card>
        </li>
    }
}

fn launched(campaigns: Vec<CampaignCard>) -> impl IntoView {
    let columns = vec![
        Column::new(t!("Campaign")),
        Column::new(t!("Partner")),
        Column::new(t!("Status")),
        Column::new(t!("Launched")),
        Column::new(t!("Page views")).numeric(),
        Column::new(t!("Leads")).numeric(),
    ];
    let rows = campaigns.len();
    view! {
        <Table caption=t!("Launched campaigns") caption_visible=true columns empty=t!("No campaign launched yet.") row_count=rows>
            {campaigns.into_iter().map(|c| view! {
                <tr>
                    <td class=cell_class(false)><a href=format!("/campaigns/{}", c.id) class=link_class()>{c.name}</a></td>
                    <td class=cell_class(false)>{c.organisation_name}</td>
                    <td class=cell_class(false)><Badge tone=campaign_tone(c.status) label=c.status.label() /></td>
                    <td class=cell_class(false)>{day(c.launched_at)}</td>
                    <td class=cell_class(true)>{c.views}</td>
                    <td class=cell_class(true)>{c.leads}</td>
                </tr>
            }).collect_view()}
        </Table>
    }
}
