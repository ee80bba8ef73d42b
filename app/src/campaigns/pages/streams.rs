//! `/campaigns/streams`: the content streams. A partner picks per stream
//! whether the vendor's new templates in it launch by themselves or wait
//! to be launched, and sees the ones waiting; vendor staff see how many
//! partners take each stream.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    auth::Viewer,
    campaigns::{
        api::{content_streams, SubscribeStream},
        StreamMode, StreamRow, StreamsView,
    },
    format::count,
    shell::{
        ui::{form_error, last_error, link_class, AsyncSection, Badge, Button, SelectField, Tone},
        Card, PageHeader, RequireViewer,
    },
};

#[component]
pub fn StreamsPage() -> impl IntoView {
    let subscribe = ServerAction::<SubscribeStream>::new();
    let streams = Resource::new(move || subscribe.version().get(), |_| content_streams());
    view! {
        <Title text=t!("Content streams") />
        <RequireViewer signed_in=move |viewer: Viewer| {
            let lead = if viewer.role.is_vendor() {
                t!("Templates carry streams (set in each template's settings). Partners take a stream by itself (new templates launch for them when you publish) or ask to be asked first.")
            } else {
                t!("Take a stream, and the vendor's new templates in it launch for you with your brand when they are published, their social posts included, or wait here for you to launch them.")
            };
            view! {
                <PageHeader title=t!("Content streams") lead />
                {form_error(last_error(subscribe))}
                <AsyncSection>
                    {move || Suspend::new(async move {
                        streams.await.map(|v| stream_list(v, subscribe))
                    })}
                </AsyncSection>
            }
        } />
    }
}

fn stream_list(v: StreamsView, subscribe: ServerAction<SubscribeStream>) -> impl IntoView {
    if v.streams.is_empty() {
        return view! { <Card><p>{t!("No template carries a stream yet.")}</p></Card> }.into_any();
    }
    let may = v.may_subscribe;
    let rows = v
        .streams
        .into_iter()
        .map(|s| view! { <li>{stream_card(s, may, subscribe)}</li> })
        .collect_view();
    view! { <ul class="grid gap-4 md:grid-cols-2" data-testid="streams">{rows}</ul> }.into_any()
}

fn stream_card(s: StreamRow, may: bool, subscribe: ServerAction<SubscribeStream>) -> impl IntoView {
    let id = format!("stream-{}", crate::organisations::slug_of(&s.name));
    let figures = if may {
        t!("Templates in it: {n}", n = count(s.templates))
    } else {
        t!(
            "Templates in it: {n} · partners taking it by itself: {auto} · asking first: {asking}",
            n = count(s.templates),
            auto = count(s.automatic),
            asking = count(s.asking)
        )
    };
    let badge = s.mode.map(|m| {
        let tone = if m == StreamMode::Auto {
            Tone::Success
        } else {
            Tone::Info
        };
        view! { <Badge tone label=m.label() /> }
    });
    let (stream, select_id) = (s.name.clone(), format!("{id}-mode"));
    let choose = may.then(move || {
        let choices = std::iter::once((String::new(), t!("Not taken").to_owned()))
            .chain(StreamMode::ALL.iter().map(|m| (m.code().to_owned(), m.label().to_owned())))
            .collect();
        let selected = s.mode.map(|m| m.code().to_owned()).unwrap_or_default();
        view! {
            <ActionForm action=subscribe attr:class="mt-3 flex flex-wrap items-end gap-2">
                <input type="hidden" name="stream" value=stream />
                <SelectField label=t!("How you take it") name="mode" id=select_id options=choices selected />
                <Button>{t!("Save")}</Button>
            </ActionForm>
        }
    });
    let waiting = (!s.waiting.is_empty()).then(|| {
        let items = s
            .waiting
            .into_iter()
            .map(|(template, name)| {
                view! {
                    <li>
                        <a class=link_class() href=format!("/campaigns/templates/{template}")>{name}</a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="mt-3">
                <h3 class="text-sm font-semibold">{t!("Waiting for you to launch")}</h3>
                <ul class="mt-1 flex flex-col gap-1 text-sm">{items}</ul>
            </div>
        }
    });
    let heading = id.clone();
    view! {
        <Card>
            <section aria-labelledby=heading>
                <div class="flex flex-wrap items-center justify-between gap-2">
                    <h2 id=id class="font-semibold">{s.name.clone()}</h2>
                    {badge}
                </div>
                <p class="mt-1 text-sm text-slate-700 dark:text-slate-300">{figures}</p>
                {choose}
                {waiting}
            </section>
        </Card>
    }
}
