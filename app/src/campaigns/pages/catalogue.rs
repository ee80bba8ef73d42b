//! `/campaigns`: the templates a partner may launch, and its campaigns.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    auth::Viewer,
    campaigns::{
        api::{campaign_catalogue, NewTemplate, ReviewCampaign},
        CampaignCard, Catalogue, ReviewRow, Rollup, RollupRow, TemplateCard, TemplateStatus,
    },
    format::{count, day},
    shell::{
        ui::{
            cell_class, form_error, input_class, last_error, link_class, options, AsyncSection,
            Badge, Button, Column, Field, FormResult, Intent, SelectField, Table, Tone,
        },
        Card, PageHeader, RequireViewer,
    },
};

#[component]
pub fn CampaignsPage() -> impl IntoView {
    let create = ServerAction::<NewTemplate>::new();
    let review = ServerAction::<ReviewCampaign>::new();
    let catalogue = Resource::new(move || review.version().get(), |_| campaign_catalogue());
    view! {
        <Title text=t!("Campaigns") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <PageHeader
                title=t!("Campaigns")
                lead=t!("Co-branded campaigns ready to launch: pick one, check the preview with your logo and contact, launch.")
            />
            <AsyncSection>
                {move || Suspend::new(async move { catalogue.await.map(|c| page(c, create, review)) })}
            </AsyncSection>
        } />
    }
}

fn page(
    c: Catalogue,
    create: ServerAction<NewTemplate>,
    review: ServerAction<ReviewCampaign>,
) -> impl IntoView {
    let author = c.may_author;
    view! {
        {author.then(|| reviews(c.reviews, review))}
        <section aria-labelledby="templates-title">
            <div class="mb-4 flex flex-wrap items-baseline justify-between gap-2">
                <h2 id="templates-title" class="text-lg font-semibold">{t!("Templates")}</h2>
                <a href="/campaigns/streams" class=link_class()>{t!("Content streams")}</a>
            </div>
            {author.then(|| new_template(create))}
            {if c.templates.is_empty() {
                view! { <p class="text-slate-600 dark:text-slate-300">{t!("No campaign is open to your organisation right now.")}</p> }.into_any()
            } else {
                view! {
                    <ul class="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                        {c.templates.into_iter().map(|t| template(t, author)).collect_view()}
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
        Column::new(t!("Open pipeline")).numeric(),
        Column::new(t!("Won value")).numeric(),
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
                    <td class=cell_class(true)>{super::amounts(&r.values, |(_, open, _)| *open)}</td>
                    <td class=cell_class(true)>{super::amounts(&r.values, |(_, _, won)| *won)}</td>
                </tr>
            }).collect_view()}
        </Table>
    }
}

/// The form that starts a template (authors only).
fn new_template(create: ServerAction<NewTemplate>) -> impl IntoView {
    let result = FormResult::of(create);
    let summary = result.summary();
    let message = move |name: &str| result.message(name);
    view! {
        <div class="mb-6">
            <Card>
                <h3 class="font-semibold">{t!("Start a template")}</h3>
                {form_error(summary)}
                <ActionForm action=create attr:class="mt-3 grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
                    <Field label=t!("Name") name="name" id="new-template-name" required=true maxlength=200_u32 error=message("name") />
                    <SelectField
                        label=t!("Language")
                        name="language"
                        id="new-template-language"
                        options=options([("en", "English"), ("de", "Deutsch")])
                        selected=crate::i18n::Locale::current().as_str().to_owned()
                        error=message("language")
                    />
                    <div><Button>{t!("Start writing")}</Button></div>
                </ActionForm>
            </Card>
        </div>
    }
}

/// Reworded launches waiting for a vendor marketer: what changed, approve
/// or return with a reason.
fn reviews(rows: Vec<ReviewRow>, review: ServerAction<ReviewCampaign>) -> impl IntoView {
    (!rows.is_empty()).then(|| {
        let n = rows.len();
        view! {
            <section aria-labelledby="reviews-title" class="mb-10">
                <h2 id="reviews-title" class="mb-4 text-lg font-semibold">{t!("Waiting for your review ({n})", n = n)}</h2>
                {form_error(last_error(review))}
                <ul class="flex flex-col gap-4">
                    {rows.into_iter().map(|r| review_row(r, review)).collect_view()}
                </ul>
            </section>
        }
    })
}

fn review_row(r: ReviewRow, review: ServerAction<ReviewCampaign>) -> impl IntoView {
    let (id, return_id) = (r.campaign.id.clone(), r.campaign.id.clone());
    let note_id = format!("note-{}", r.campaign.id);
    let label_for = note_id.clone();
    view! {
        <li data-testid="review">
            <Card>
                <h3 class="font-semibold">
                    {t!("{partner}: {campaign}", partner = r.campaign.organisation_name.clone(), campaign = r.campaign.name.clone())}
                </h3>
                <div class="mt-3 flex flex-col gap-3 text-sm">
                    {r.changes.into_iter().map(|(before, after)| view! {
                        <dl class="grid gap-1 sm:grid-cols-2 sm:gap-4">
                            <div>
                                <dt class="font-medium text-slate-600 dark:text-slate-300">{t!("The template says")}</dt>
                                <dd class="whitespace-pre-line">{before}</dd>
                            </div>
                            <div>
                                <dt class="font-medium text-slate-600 dark:text-slate-300">{t!("The partner wants")}</dt>
                                <dd class="whitespace-pre-line">{after}</dd>
                            </div>
                        </dl>
                    }).collect_view()}
                </div>
                <div class="mt-4 flex flex-col gap-2 sm:flex-row sm:items-start sm:gap-4">
                    <ActionForm action=review>
                        <input type="hidden" name="id" value=id />
                        <input type="hidden" name="approve" value="true" />
                        <Button>{t!("Approve and make it live")}</Button>
                    </ActionForm>
                    <details>
                        <summary class="cursor-pointer py-2 text-sm">{t!("Return it…")}</summary>
                        <ActionForm action=review attr:class="mt-2 flex flex-col gap-2">
                            <input type="hidden" name="id" value=return_id />
                            <input type="hidden" name="approve" value="false" />
                            <label for=label_for class="text-sm">{t!("What should the partner change?")}</label>
                            <input id=note_id name="note" required minlength="3" maxlength="500" class=input_class() />
                            <Button intent=Intent::Secondary>{t!("Return to the partner")}</Button>
                        </ActionForm>
                    </details>
                </div>
            </Card>
        </li>
    }
}

fn template(t: TemplateCard, author: bool) -> impl IntoView {
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
                    {author.then(|| view! { <Badge tone=template_tone(t.status) label=t.status.label() /> })}
                </p>
                {author.then(|| view! {
                    <p class="mt-3 text-sm">
                        <a href=format!("/campaigns/templates/{}/edit", t.id) class=link_class()>{t!("Edit the template")}</a>
                    </p>
                })}
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
                    <td class=cell_class(false)>{super::status_cell(c.status, c.returned)}</td>
                    <td class=cell_class(false)>{day(c.launched_at)}</td>
                    <td class=cell_class(true)>{c.views}</td>
                    <td class=cell_class(true)>{c.leads}</td>
                </tr>
            }).collect_view()}
        </Table>
    }
}

pub(super) fn template_tone(status: TemplateStatus) -> Tone {
    match status {
        TemplateStatus::Published => Tone::Success,
        TemplateStatus::Draft => Tone::Info,
        TemplateStatus::Unpublished => Tone::Neutral,
    }
}
