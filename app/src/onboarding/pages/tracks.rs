//! `/program/tracks`: the program admin edits each partner type's track —
//! the agreement it signs (a new version, never an edit), the welcome kit
//! and the onboarding steps. One type per tab, so each has its address.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::{
    auth::Viewer,
    error::AppError,
    format::day,
    onboarding::{
        api::{get_tracks, PublishAgreement, SaveTrack},
        PublishedAgreement, Step, TrackView,
    },
    organisations::PartnerType,
    shell::{
        ui::{
            form_error, AsyncSection, Button, CheckboxGroup, Field, Markdown, Panel, Tabs, TextArea,
        },
        PageHeader, RequireViewer,
    },
};

#[derive(Clone, Copy)]
struct Forms {
    save: ServerAction<SaveTrack>,
    publish: ServerAction<PublishAgreement>,
}

/// `/program/tracks?type=msp`: for the program admin.
#[component]
pub fn TracksPage() -> impl IntoView {
    let forms = Forms {
        save: ServerAction::new(),
        publish: ServerAction::new(),
    };
    let chosen = use_query_map()
        .get_untracked()
        .get("type")
        .and_then(|c| PartnerType::parse(&c))
        .unwrap_or(PartnerType::ALL[0]);
    let tracks = Resource::new(
        move || (forms.save.version().get(), forms.publish.version().get()),
        |_| get_tracks(),
    );
    let tabs: Vec<(String, String, bool)> = PartnerType::ALL
        .iter()
        .map(|&t| {
            (
                format!("/program/tracks?type={}", t.code()),
                t.label().to_owned(),
                t == chosen,
            )
        })
        .collect();
    view! {
        <Title text=t!("Partner tracks") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <PageHeader title=t!("Partner tracks") lead=t!("What each type of partner signs, reads and does between approval and its first deal.") />
            <Tabs label=t!("Partner types") tabs=tabs.clone() />
            <AsyncSection>
                {move || Suspend::new(async move {
                    tracks.await.map(|all| {
                        all.into_iter()
                            .find(|t| t.partner_type == chosen)
                            .map(|t| track_view(t, forms))
                    })
                })}
            </AsyncSection>
        } />
    }
}

fn track_view(track: TrackView, forms: Forms) -> impl IntoView {
    let code = track.partner_type.code();
    let save_error = forms.save.value().get_untracked().and_then(Result::err);
    let publish_error = forms.publish.value().get_untracked().and_then(Result::err);
    view! {
        <div class="grid gap-6 lg:grid-cols-2">
            {agreement_panel(track.agreement.clone(), track.partners, track.signed)}
            {publish_panel(code, track.agreement, publish_error, forms.publish)}
            {steps_panel(code, track.steps, track.welcome, save_error, forms.save)}
            <Panel id="benefits-heading" title=t!("Benefits")>
                <p class="text-sm">{t!("Benefits come with the tier a partner reaches: protection days, discount, funds and the rest.")}</p>
                <p class="mt-2"><a href="/program/tiers" class="font-medium text-teal-800 underline dark:text-teal-300">{t!("Tier rules")}</a></p>
            </Panel>
        </div>
    }
}

fn agreement_panel(
    agreement: Option<PublishedAgreement>,
    partners: i64,
    signed: i64,
) -> impl IntoView {
    let Some(a) = agreement else {
        return view! {
            <Panel id="agreement-heading" title=t!("Agreement in force")>
                <p class="text-sm">{t!("This type signs nothing yet: its partners register deals without an agreement.")}</p>
            </Panel>
        }
        .into_any();
    };
    view! {
        <Panel id="agreement-heading" title=t!("Agreement in force")>
            <p class="font-medium">{a.title}</p>
            <p class="mt-1 text-sm text-slate-600 dark:text-slate-300">
                {t!("Version {version}, published {date}", version = a.version, date = day(a.published_at))}
                " · "
                {t!("{days} days to sign a new version", days = a.grace_days)}
            </p>
            <p class="mt-1 text-sm" role="status">{t!("Signed by {signed} of {partners} partners of this type.", signed = signed, partners = partners)}</p>
            <p class="mt-1 break-all font-mono text-xs text-slate-600 dark:text-slate-300">{format!("SHA-256 {}", a.sha256)}</p>
            <details class="mt-3 text-sm">
                <summary class="cursor-pointer font-medium text-teal-800 dark:text-teal-300">{t!("Read the text")}</summary>
                <div class="mt-2"><Markdown text=a.body /></div>
            </details>
        </Panel>
    }
    .into_any()
}

fn publish_panel(
    code: &'static str,
    current: Option<PublishedAgreement>,
    error: Option<AppError>,
    action: ServerAction<PublishAgreement>,
) -> impl IntoView {
    let next = current.as_ref().map_or(1, |a| a.version + 1);
    let title = current
        .as_ref()
        .map(|a| a.title.clone())
        .unwrap_or_default();
    let body = current.as_ref().map(|a| a.body.clone()).unwrap_or_default();
    let grace = current.as_ref().map_or(30, |a| a.grace_days).to_string();
    let message = |field: &str| {
        error
            .as_ref()
            .and_then(|e| e.message_for(field))
            .map(str::to_owned)
    };
    let (title_error, body_error, grace_error) =
        (message("title"), message("body"), message("grace_days"));
    let summary = error.as_ref().map(AppError::summary);
    view! {
        <Panel id="publish-heading" title=t!("Publish a new version")>
            <p class="mb-3 text-sm text-slate-600 dark:text-slate-300">{t!("A published version never changes. Every partner of this type signs the new one within the days you give, or its deal registration waits.")}</p>
            {form_error(summary)}
            <ActionForm action attr:class="flex flex-col gap-3">
                <input type="hidden" name="partner_type" value=code />
                <Field label=t!("Title") name="title" id="agreement-title" required=true maxlength=200u32 value=title error=title_error />
                <label class="block text-sm font-medium">
                    {t!("Text (Markdown)")}
                    <TextArea name="body" rows=10 required=true value=body />
                </label>
                {body_error.map(|m| view! { <p class="text-sm font-medium text-rose-700 dark:text-rose-300">{m}</p> })}
                <Field label=t!("Days to sign before registration waits") name="grace_days" id="agreement-grace" kind="number" min="0" max="365" required=true value=grace error=grace_error />
                <div><Button>{t!("Publish version {version}", version = next)}</Button></div>
            </ActionForm>
        </Panel>
    }
}

fn steps_panel(
    code: &'static str,
    steps: Vec<Step>,
    welcome: String,
    error: Option<AppError>,
    action: ServerAction<SaveTrack>,
) -> impl IntoView {
    let checked = steps.iter().map(|s| s.code().to_owned()).collect();
    let options = Step::ALL
        .iter()
        .map(|s| (s.code().to_owned(), s.label().to_owned()))
        .collect();
    let message = |field: &str| {
        error
            .as_ref()
            .and_then(|e| e.message_for(field))
            .map(str::to_owned)
    };
    let (steps_error, welcome_error) = (message("steps"), message("welcome"));
    let summary = error.as_ref().map(AppError::summary);
    view! {
        <Panel id="steps-heading" title=t!("Welcome kit and steps") span="lg:col-span-2">
            {form_error(summary)}
            <ActionForm action attr:class="grid gap-4 lg:grid-cols-2">
                <input type="hidden" name="partner_type" value=code />
                <div>
                    <CheckboxGroup
                        label=t!("Onboarding steps, in this order")
                        name="steps"
                        id="steps"
                        options
                        checked
                        hint=t!("Until the training area opens, the training step opens the rules of engagement.")
                        error=steps_error
                    />
                </div>
                <div>
                    <label class="block text-sm font-medium">
                        {t!("Welcome kit (Markdown)")}
                        <TextArea name="welcome" rows=12 value=welcome />
                    </label>
                    {welcome_error.map(|m| view! { <p class="mt-1 text-sm font-medium text-rose-700 dark:text-rose-300">{m}</p> })}
                </div>
                <div class="lg:col-span-2"><Button>{t!("Save the track")}</Button></div>
            </ActionForm>
        </Panel>
    }
}
