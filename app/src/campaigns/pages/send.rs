//! Sending a campaign's email: `/campaigns/:id/send` takes the recipients
//! (a CSV upload, or a saved list) and lists the sends so far;
//! `/campaigns/sends/:id` shows a draft to check (who it goes to, who was
//! left out and why) and sends it now or at a time, then how it went.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::{
    auth::Viewer,
    campaigns::{
        api::{get_send, get_send_page, DiscardSend, QueueSend, SendToList},
        recipients::UploadRefused,
        SendPage, SendRow, SendStatus, SendView,
    },
    format::{count, utc_minute},
    shell::{
        ui::{
            cell_class, form_error, input_class, last_error, link_class, AsyncSection, Badge,
            Button, ButtonRow, Column, Field, Intent, SelectField, Stat, Table, Tone,
        },
        Card, PageHeader, RequireViewer,
    },
};

fn send_tone(status: SendStatus) -> Tone {
    match status {
        SendStatus::Draft => Tone::Warning,
        SendStatus::Queued => Tone::Success,
        SendStatus::Discarded => Tone::Neutral,
    }
}

#[component]
pub fn SendEmailPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let from_list = ServerAction::<SendToList>::new();
    let page = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        get_send_page,
    );
    view! {
        <Title text=t!("Send the email") />
        <RequireViewer signed_in=move |_viewer: Viewer| {
            let refused = query
                .read()
                .get("refused")
                .and_then(|code| UploadRefused::parse(&code))
                .map(|r| r.label().to_owned());
            view! {
                {form_error(refused)}
                {form_error(last_error(from_list))}
                <AsyncSection>
                    {move || Suspend::new(async move { page.await.map(|p| send_page(p, from_list)) })}
                </AsyncSection>
            }
        } />
    }
}

fn send_page(p: SendPage, from_list: ServerAction<SendToList>) -> impl IntoView {
    let lead = t!(
        "“{campaign}” goes to people who agreed to hear from you. Upload them as CSV with a header row: email, name, company and consent (yes, true, 1 or x).",
        campaign = p.campaign
    );
    let action = format!("/campaigns/{}/recipients", p.campaign_id);
    let lists = (!p.lists.is_empty()).then(|| {
        let choices: Vec<(String, String)> = p
            .lists
            .iter()
            .map(|l| {
                (
                    l.id.clone(),
                    t!("{name} ({people} people)", name = l.name, people = count(l.people)),
                )
            })
            .collect();
        let campaign = p.campaign_id.clone();
        view! {
            <Card>
                <h2 class="font-semibold">{t!("Or send to a saved list")}</h2>
                <ActionForm action=from_list attr:class="mt-3 flex flex-col gap-3">
                    <input type="hidden" name="campaign" value=campaign />
                    <SelectField label=t!("List") name="list" id="send-list" options=choices required=true />
                    <ButtonRow>
                        <Button intent=Intent::Secondary>{t!("Check the list")}</Button>
                    </ButtonRow>
                </ActionForm>
            </Card>
        }
    });
    view! {
        <PageHeader title=t!("Send the email") lead=lead />
        <div class="mb-8 grid gap-4 lg:grid-cols-2">
            <Card>
                <h2 class="font-semibold">{t!("Upload recipients")}</h2>
                <form method="post" action=action enctype="multipart/form-data" class="mt-3 flex flex-col gap-3">
                    <div>
                        <label for="send-file" class="block text-sm font-medium">{t!("CSV file")}</label>
                        <input id="send-file" name="file" type="file" accept=".csv,text/csv" required class=input_class() />
                    </div>
                    <Field
                        label=t!("Save as a list (optional)")
                        name="list"
                        id="send-save-as"
                        maxlength=100u32
                        hint=t!("Name it to send to the same people again later.")
                    />
                    <ButtonRow>
                        <Button>{t!("Check the recipients")}</Button>
                    </ButtonRow>
                </form>
                <p class="mt-3 text-sm text-slate-600 dark:text-slate-300">
                    {t!("Nothing is sent yet: you see who it goes to first. Anyone who unsubscribed from you before is left out.")}
                </p>
            </Card>
            {lists}
        </div>
        {sends_table(p.sends)}
    }
}

fn sends_table(rows: Vec<SendRow>) -> impl IntoView {
    let columns = vec![
        Column::new(t!("Created")),
        Column::new(t!("Status")),
        Column::new(t!("Leaves")),
        Column::new(t!("Recipients")).numeric(),
        Column::new(t!("Delivered")).numeric(),
        Column::new(t!("Opened (approx.)")).numeric(),
        Column::new(t!("Clicked")).numeric(),
    ];
    let n = rows.len();
    view! {
        <Table caption=t!("Sends of this campaign") caption_visible=true columns empty=t!("Nothing sent yet.") row_count=n>
            {rows.into_iter().map(|s| view! {
                <tr>
                    <td class=cell_class(false)>
                        <a href=format!("/campaigns/sends/{}", s.id) class=link_class()>{utc_minute(s.created_at)}</a>
                    </td>
                    <td class=cell_class(false)><Badge tone=send_tone(s.status) label=s.status.label() /></td>
                    <td class=cell_class(false)>{s.send_at.map(utc_minute).unwrap_or_default()}</td>
                    <td class=cell_class(true)>{count(s.recipients)}</td>
                    <td class=cell_class(true)>{count(s.delivered)}</td>
                    <td class=cell_class(true)>{count(s.opens)}</td>
                    <td class=cell_class(true)>{count(s.clicks)}</td>
                </tr>
            }).collect_view()}
        </Table>
    }
}

#[component]
pub fn SendDraftPage() -> impl IntoView {
    let params = use_params_map();
    let queue = ServerAction::<QueueSend>::new();
    let discard = ServerAction::<DiscardSend>::new();
    let send = Resource::new(
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                queue.version().get(),
            )
        },
        |(id, _)| get_send(id),
    );
    view! {
        <Title text=t!("Email send") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            {form_error(last_error(queue))}
            {form_error(last_error(discard))}
            <AsyncSection>
                {move || Suspend::new(async move { send.await.map(|v| draft(v, queue, discard)) })}
            </AsyncSection>
        } />
    }
}

fn draft(
    v: SendView,
    queue: ServerAction<QueueSend>,
    discard: ServerAction<DiscardSend>,
) -> impl IntoView {
    let s = v.row.clone();
    let lead = t!(
        "“{campaign}” to the people in {source}",
        campaign = v.campaign,
        source = v.source
    );
    let left_out = v.duplicates + v.unsubscribed + v.problems.len() as i64;
    let decide = (s.status == SendStatus::Draft).then(|| {
        let (id, id2) = (s.id.clone(), s.id.clone());
        view! {
            <Card>
                <h2 class="font-semibold">{t!("Send it")}</h2>
                <ActionForm action=queue attr:class="mt-3 flex flex-col gap-3">
                    <input type="hidden" name="id" value=id />
                    <Field
                        label=t!("Send at (UTC, optional)")
                        name="at"
                        id="send-at"
                        kind="datetime-local"
                        hint=t!("Leave it empty to send now. Messages leave a few a second.")
                    />
                    <ButtonRow>
                        <Button>{t!("Send to {n} people", n = count(s.recipients))}</Button>
                    </ButtonRow>
                </ActionForm>
                <ActionForm action=discard attr:class="mt-2">
                    <input type="hidden" name="id" value=id2 />
                    <Button intent=Intent::Link>{t!("Discard this draft")}</Button>
                </ActionForm>
            </Card>
        }
    });
    let problems = (!v.problems.is_empty()).then(|| {
        let items = v
            .problems
            .iter()
            .map(|(line, p)| view! { <li>{t!("Line {line}: {problem}", line = line.to_string(), problem = p.label())}</li> })
            .collect_view();
        view! {
            <Card>
                <h2 class="font-semibold">{t!("Rows left out")}</h2>
                <ul class="mt-2 list-disc pl-5 text-sm" data-testid="send-problems">{items}</ul>
            </Card>
        }
    });
    let shown = v.people.len();
    let people_columns = vec![
        Column::new(t!("Email")),
        Column::new(t!("Name")),
        Column::new(t!("Company")),
    ];
    let more = (s.recipients > shown as i64).then(|| {
        view! {
            <p class="mt-2 text-sm text-slate-600 dark:text-slate-300">
                {t!("The first {shown} of {n} are shown.", shown = shown.to_string(), n = count(s.recipients))}
            </p>
        }
    });
    view! {
        <PageHeader title=t!("Email send") lead=lead />
        <div class="mb-6 flex flex-wrap items-center gap-3">
            <Badge tone=send_tone(s.status) label=s.status.label() />
            {s.send_at.map(|at| view! { <p class="text-sm">{t!("Leaves {at}", at = utc_minute(at))}</p> })}
            <a href=format!("/campaigns/{}/send", v.campaign_id) class=link_class()>{t!("All sends of this campaign")}</a>
        </div>
        <div class="mb-8 grid grid-cols-2 gap-4 lg:grid-cols-5">
            <Stat label=t!("Recipients") value=count(s.recipients) />
            <Stat label=t!("Left out") value=count(left_out) />
            <Stat label=t!("Delivered") value=count(s.delivered) />
            <Stat label=t!("Opened (approx.)") value=count(s.opens) />
            <Stat label=t!("Clicked") value=count(s.clicks) />
        </div>
        <p class="mb-6 text-sm" data-testid="send-left-out">
            {t!(
                "Left out: {duplicates} repeated, {unsubscribed} unsubscribed before, {refused} refused.",
                duplicates = count(v.duplicates),
                unsubscribed = count(v.unsubscribed),
                refused = count(v.problems.len() as i64)
            )}
        </p>
        <div class="mb-8 grid gap-4 lg:grid-cols-2">
            {decide}
            {problems}
        </div>
        <Table caption=t!("Who it goes to") caption_visible=true columns=people_columns empty=t!("Nobody.") row_count=shown>
            {v.people.into_iter().map(|p| view! {
                <tr>
                    <td class=cell_class(false)>{p.email}</td>
                    <td class=cell_class(false)>{p.name}</td>
                    <td class=cell_class(false)>{p.company}</td>
                </tr>
            }).collect_view()}
        </Table>
        {more}
    }
}
