//! `/webhooks`: the organisation's endpoints, how to verify what they get,
//! and the delivery log with replay.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    auth::Viewer,
    format::utc_minute,
    shell::{
        ui::{
            cell_class, form_error, last_error, options, AsyncSection, Badge, Button,
            CheckboxGroup, Column, Field, FormResult, Intent, Panel, Table, Tone,
        },
        PageHeader, RequireViewer,
    },
    webhooks::{
        api::{load_webhooks, AddWebhook, ReplayWebhook, SetWebhookActive},
        DeliveryRow, DeliveryStatus, EndpointRow, WebhookEvent, WebhooksView,
    },
};

#[component]
pub fn WebhooksPage() -> impl IntoView {
    let add = ServerAction::<AddWebhook>::new();
    let pause = ServerAction::<SetWebhookActive>::new();
    let replay = ServerAction::<ReplayWebhook>::new();
    let data = Resource::new(
        move || {
            (
                add.version().get(),
                pause.version().get(),
                replay.version().get(),
            )
        },
        |_| load_webhooks(),
    );
    view! {
        <Title text=t!("Webhooks") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <PageHeader
                title=t!("Webhooks")
                lead=t!("Trellis tells your CRM or automation tool about every new or changed lead, signed so it can check the message came from here.")
            />
            {form_error(last_error(pause).or_else(|| last_error(replay)))}
            <AsyncSection>
                {move || Suspend::new(async move {
                    data.await.map(|view| page(view, add, pause, replay))
                })}
            </AsyncSection>
        } />
    }
}

fn page(
    view: WebhooksView,
    add: ServerAction<AddWebhook>,
    pause: ServerAction<SetWebhookActive>,
    replay: ServerAction<ReplayWebhook>,
) -> impl IntoView {
    let scope = if view.vendor {
        t!("Your endpoints hear of every lead. Of a lead a partner's campaign brought they get where it stands (status, partner, campaign, deal), never the person in it: that stays with the partner.")
    } else {
        t!("Your endpoints hear of your own leads, with the person in each.")
    };
    view! {
        <div class="grid gap-6 lg:grid-cols-2">
            <Panel id="webhook-endpoints" title=t!("Endpoints")>
                <p class="mb-4 text-sm text-slate-600 dark:text-slate-300">{scope}</p>
                <ul class="flex flex-col gap-4">
                    {view.endpoints.into_iter().map(|e| endpoint(e, pause)).collect_view()}
                </ul>
            </Panel>
            <Panel id="webhook-add" title=t!("Add an endpoint")>
                {add_form(add)}
            </Panel>
        </div>
        <div class="mt-6">{log(view.deliveries, replay)}</div>
        {verification()}
    }
}

/// What an endpoint address looks like (the same in every language).
const EXAMPLE_ADDRESS: &str = "https://crm.example.com/hooks/trellis";

fn add_form(add: ServerAction<AddWebhook>) -> impl IntoView {
    let result = FormResult::of(add);
    let summary = result.summary();
    let message = move |name: &str| result.message(name);
    let added = result.succeeded.then(|| view! { <p role="status" class="mb-3 text-sm">{t!("Endpoint added. Its signing secret is in the list beside this form.")}</p> });
    view! {
        {added}
        {form_error(summary)}
        <ActionForm action=add attr:class="grid gap-4">
            <Field
                label=t!("Address (https)")
                name="url"
                id="webhook-url"
                kind="url"
                required=true
                literal=true
                placeholder=EXAMPLE_ADDRESS
                error=message("url")
            />
            <CheckboxGroup
                label=t!("Send")
                name="events"
                id="webhook-events"
                options=options(WebhookEvent::ALL.iter().map(|e| (e.code(), e.label())))
                checked=WebhookEvent::ALL.iter().map(|e| e.code().to_owned()).collect()
                error=message("events")
            />
            <div><Button>{t!("Add the endpoint")}</Button></div>
        </ActionForm>
    }
}

fn endpoint(e: EndpointRow, pause: ServerAction<SetWebhookActive>) -> impl IntoView {
    let (state, tone) = if e.active {
        (t!("Active"), Tone::Success)
    } else {
        (t!("Paused"), Tone::Warning)
    };
    let events = e
        .events
        .iter()
        .map(|ev| ev.label())
        .collect::<Vec<_>>()
        .join(" · ");
    let counts = t!(
        "{delivered} delivered · {waiting} waiting · {failed} given up",
        delivered = e.delivered,
        waiting = e.waiting,
        failed = e.failed
    );
    let (verb, intent) = if e.active {
        (t!("Pause"), Intent::Secondary)
    } else {
        (t!("Resume"), Intent::Primary)
    };
    view! {
        <li class="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
            <div class="flex flex-wrap items-center gap-2">
                <code class="break-all text-sm">{e.url}</code>
                <Badge tone label=state />
            </div>
            <p class="mt-1 text-sm text-slate-600 dark:text-slate-300">{events}</p>
            <p class="text-sm text-slate-600 dark:text-slate-300">{counts}</p>
            <details class="mt-2 text-sm">
                <summary class="cursor-pointer">{t!("Show the signing secret")}</summary>
                <code class="mt-1 block break-all">{e.secret}</code>
            </details>
            <ActionForm action=pause attr:class="mt-2">
                <input type="hidden" name="id" value=e.id />
                <input type="hidden" name="active" value=(!e.active).to_string() />
                <Button intent extra="px-3 py-1 text-xs">{verb}</Button>
            </ActionForm>
        </li>
    }
}

/// A delivery status as a badge.
fn status_badge(status: DeliveryStatus) -> impl IntoView {
    let tone = match status {
        DeliveryStatus::Pending => Tone::Warning,
        DeliveryStatus::Delivered => Tone::Success,
        DeliveryStatus::Failed => Tone::Danger,
    };
    view! { <Badge tone label=status.label() /> }
}

fn log(deliveries: Vec<DeliveryRow>, replay: ServerAction<ReplayWebhook>) -> impl IntoView {
    let columns = vec![
        Column::new(t!("Created")),
        Column::new(t!("Event")),
        Column::new(t!("Status")),
        Column::new(t!("Attempts")).numeric(),
        Column::new(t!("Last answer")),
        Column::new(t!("Details")),
    ];
    let count = deliveries.len();
    view! {
        <Table caption=t!("Delivery log") caption_visible=true columns empty=t!("Nothing was sent yet.") row_count=count>
            {deliveries.into_iter().map(|d| delivery(d, replay)).collect_view()}
        </Table>
    }
}

fn delivery(d: DeliveryRow, replay: ServerAction<ReplayWebhook>) -> impl IntoView {
    let answer = match (&d.last_error, d.last_code) {
        (Some(error), _) => error.clone(),
        (None, Some(code)) => format!("HTTP {code}"),
        (None, None) => "–".to_owned(),
    };
    let tries = d
        .tries
        .iter()
        .map(|a| {
            let what = match (&a.error, a.code) {
                (Some(error), _) => error.clone(),
                (None, Some(code)) => format!("HTTP {code}"),
                (None, None) => "–".to_owned(),
            };
            let line = t!(
                "{when}: {what} ({ms} ms)",
                when = utc_minute(a.at),
                what = what,
                ms = a.duration_ms
            );
            let replayed = a.replay.then(|| format!(" · {}", t!("replayed")));
            view! { <li>{line}{replayed}</li> }
        })
        .collect_view();
    let row_id = format!("delivery-{}", d.id);
    view! {
        <tr id=row_id>
            <td class=cell_class(false)>{utc_minute(d.created_at)}</td>
            <td class=cell_class(false)>
                <code class="text-xs">{d.event.code()}</code>
                <span class="block break-all text-xs text-slate-600 dark:text-slate-300">{d.endpoint_url}</span>
            </td>
            <td class=cell_class(false)>{status_badge(d.status)}</td>
            <td class=cell_class(true)>{d.attempts}</td>
            <td class=cell_class(false)>{answer}</td>
            <td class=cell_class(false)>
                <details>
                    <summary class="cursor-pointer">{t!("Message and attempts")}</summary>
                    <p class="mt-1 text-xs">{t!("Message id")}": "<code>{d.id.clone()}</code></p>
                    <pre class="mt-1 max-w-md overflow-x-auto whitespace-pre-wrap break-all text-xs">{d.payload}</pre>
                    <ul class="mt-1 text-xs">{tries}</ul>
                </details>
                <ActionForm action=replay attr:class="mt-2">
                    <input type="hidden" name="id" value=d.id />
                    <Button intent=Intent::Secondary extra="px-3 py-1 text-xs">{t!("Send again")}</Button>
                </ActionForm>
            </td>
        </tr>
    }
}

/// How a receiver checks a delivery: the Standard Webhooks headers.
fn verification() -> impl IntoView {
    view! {
        <section aria-labelledby="webhook-verify" class="mt-6 max-w-3xl text-sm">
            <h2 id="webhook-verify" class="mb-2 font-semibold">{t!("Checking a delivery")}</h2>
            <p>{t!("Each delivery is a JSON POST in the Standard Webhooks format, with the headers webhook-id (the same on every retry, so you can ignore one you already have), webhook-timestamp and webhook-signature. Verify it with any Standard Webhooks library and the endpoint's signing secret; refuse one older than five minutes.")}</p>
            <p class="mt-2">{t!("A delivery that is not answered with a 2xx status is tried again, waiting longer each time, for about a day and a half; you can send any delivery again from the log.")}</p>
        </section>
    }
}
