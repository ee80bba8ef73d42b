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
        CampaignStatus, CampaignView, PostRow, PostState,
    },
    format::{count, day, utc_minute},
    shell::{
        ui::{
            form_error, last_error, link_class, AsyncSection, Badge, Button, Intent, LineChart,
            Stat, Tone,
        },
        Card, PageHeader, RequireViewer,
    },
    webhooks::api::ReplayWebhook,
};

#[component]
pub fn CampaignPage() -> impl IntoView {
    let params = use_params_map();
    let act = ServerAction::<SetLeadStatus>::new();
    let answer = ServerAction::<AnswerLead>::new();
    let end = ServerAction::<EndCampaign>::new();
    let resend = ServerAction::<ReplayWebhook>::new();
    let campaign = Resource::new(
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                act.version().get() + end.version().get() + resend.version().get(),
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
                {form_error(last_error(resend))}
                <AsyncSection>
                    {move || Suspend::new(async move { campaign.await.map(|c| page(c, act, end, resend)) })}
                </AsyncSection>
            }
        } />
    }
}

fn page(
    v: CampaignView,
    act: Option<Acts>,
    end: ServerAction<EndCampaign>,
    resend: ServerAction<ReplayWebhook>,
) -> impl IntoView {
    let posts = posts(v.posts.clone(), v.may_resend, resend);
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
            <Stat label=t!("Open pipeline") value=super::amounts(&v.values, |(_, open, _)| *open) detail=t!("Registrations from its leads") />
            <Stat label=t!("Won value") value=super::amounts(&v.values, |(_, _, won)| *won) detail=t!("Each currency on its own") />
        </div>
        <div class="mb-8">
            <Card>
                <LineChart title=t!("Page views, last 30 days") points=chart />
            </Card>
        </div>
        {posts}
        {lead_table(v.leads, t!("Leads from this campaign"), act)}
    }
}

/// The campaign's social posts: where each stands, a link to share it by
/// hand, and why a failing one failed (with "Send again" for those who
/// may).
fn posts(
    posts: Vec<PostRow>,
    may_resend: bool,
    resend: ServerAction<ReplayWebhook>,
) -> Option<impl IntoView> {
    if posts.is_empty() {
        return None;
    }
    let items = posts
        .into_iter()
        .map(|p| {
            let tone = match p.state {
                PostState::Delivered => Tone::Success,
                PostState::Failed => Tone::Danger,
                PostState::Retrying | PostState::Waiting => Tone::Warning,
                PostState::Scheduled | PostState::Sending | PostState::Share => Tone::Info,
                PostState::NotPosted => Tone::Neutral,
            };
            let when = (p.state == PostState::Scheduled)
                .then(|| t!("Goes out {at} (UTC)", at = utc_minute(p.scheduled_at)));
            let again = (may_resend && p.state == PostState::Failed)
                .then_some(p.delivery_id.clone())
                .flatten()
                .map(|id| view! {
                    <ActionForm action=resend>
                        <input type="hidden" name="id" value=id />
                        <Button intent=Intent::Secondary>{t!("Send again")}</Button>
                    </ActionForm>
                });
            view! {
                <li class="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-700" data-testid="social-post">
                    <div class="flex flex-wrap items-center gap-2">
                        <span class="font-semibold">{p.network.label()}</span>
                        <Badge tone label=p.state.label() />
                        {when.map(|w| view! { <span class="text-xs text-slate-600 dark:text-slate-300">{w}</span> })}
                    </div>
                    <p class="mt-2 whitespace-pre-line break-words">{p.text.clone()}</p>
                    {p.error.clone().map(|e| view! { <p class="mt-1 text-xs text-rose-700 dark:text-rose-300">{t!("Last answer: {error}", error = e)}</p> })}
                    <div class="mt-2 flex flex-wrap items-center gap-3">
                        <a class=link_class() href=p.share_url.clone() target="_blank" rel="noopener noreferrer">
                            {t!("Share on {network}", network = p.network.label())}
                        </a>
                        {again}
                    </div>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <section class="mb-8" aria-labelledby="social-posts">
            <Card>
                <h2 id="social-posts" class="font-semibold">{t!("Social posts")}</h2>
                <p class="mt-1 text-sm text-slate-700 dark:text-slate-300">
                    {t!("Each goes to your automation when one of your webhooks listens to social posts; otherwise share it by hand with its link.")}
                </p>
                <ul class="mt-3 flex flex-col gap-3">{items}</ul>
            </Card>
        </section>
    })
}
