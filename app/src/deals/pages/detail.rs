//! `/deals/:id`: one registration, its timeline and what the viewer may do.
//! The page is a column of panels, each a small view of the registration;
//! a panel for an action appears only when the viewer may take it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::{chip, cosell::CoSellSection, draft::ForgetDraft, link_class, relative};
use crate::{
    auth::Viewer,
    deals::{
        api::{
            deal_detail, CloseDeal, DecideDeal, DecideExtension, RequestExtension, RespondToDeal,
        },
        ConflictEvidence, DealEvent, DealStatus, DealSummary, DealView,
    },
    format::{amount_from_cents, day, utc_minute},
    shell::{
        ui::{form_error, last_error, AsyncSection, Button, ButtonRow, Intent, Panel, TextArea},
        PageHeader, RequireViewer,
    },
};

/// The forms a registration page may show, created once for the page.
#[derive(Clone, Copy)]
struct Actions {
    decide: ServerAction<DecideDeal>,
    close: ServerAction<CloseDeal>,
    respond: ServerAction<RespondToDeal>,
    extend: ServerAction<RequestExtension>,
    decide_extension: ServerAction<DecideExtension>,
}

/// `/deals/:id`: one registration, its protection, SLA and timeline.
#[component]
pub fn DealPage() -> impl IntoView {
    let params = use_params_map();
    let actions = Actions {
        decide: ServerAction::new(),
        close: ServerAction::new(),
        respond: ServerAction::new(),
        extend: ServerAction::new(),
        decide_extension: ServerAction::new(),
    };
    let deal = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        deal_detail,
    );
    view! {
        <Title text=t!("Deal") />
        <RequireViewer signed_in=move |viewer: Viewer| {
            let vendor = viewer.role.is_vendor();
            view! {
                <AsyncSection>
                    {move || Suspend::new(async move {
                        deal.await.map(|d| deal_view(d, vendor, actions))
                    })}
                </AsyncSection>
            }
        } />
    }
}

/// The whole page for registration `d`, seen by vendor staff or not.
fn deal_view(d: DealView, vendor: bool, actions: Actions) -> impl IntoView {
    let s = d.summary.clone();
    let co_sell = (d.actions.can_add_co_seller
        || d.actions.can_record_touchpoint
        || !d.co_sellers.is_empty()
        || !d.touchpoints.is_empty())
    .then(|| view! { <CoSellSection deal=d.clone() /> });
    let question = d
        .events
        .iter()
        .rev()
        .find(|e| e.to_status == DealStatus::MoreInfo.code())
        .and_then(|e| e.note.clone());
    view! {
        <PageHeader title=s.customer_company.clone() lead=format!("{} · {}", s.reference, s.organisation_name) />
        {(!d.shared && !vendor).then(|| view! { <ForgetDraft customer_company=s.customer_company.clone() /> })}
        <div class="grid gap-6 lg:grid-cols-3">
            {status_panel(s.clone())}
            {registration_panel(&d)}
            {(!d.conflicts.is_empty()).then(|| conflicts_panel(d.conflicts.clone()))}
            {d.actions.can_respond.then(|| answer_panel(s.id.clone(), question, actions.respond))}
            {d.actions.can_request_extension.then(|| extension_request_panel(s.id.clone(), actions.extend))}
            {d.actions.can_decide_extension.then(|| extension_decision_panel(s.id.clone(), actions.decide_extension))}
            {d.actions.can_close.then(|| outcome_panel(s.id.clone(), actions.close))}
            {d.actions.can_review.then(|| decision_panel(s.id.clone(), actions.decide))}
            {co_sell}
            {(!d.shared).then(|| view! { <crate::funds::PrivateOfferPanel deal=s.id.clone() /> })}
            {timeline_panel(d.events)}
        </div>
    }
}

/// Where the registration stands: status, flag, protection, the SLA clock.
fn status_panel(s: DealSummary) -> impl IntoView {
    let warning = "mt-2 text-sm font-medium text-amber-800 dark:text-amber-200";
    view! {
        <Panel id="status-heading" title=t!("Status") span="lg:col-span-1">
            {chip(s.status)}
            {s.conflict.map(|c| view! { <p class=warning>{t!("Flagged: {reason}", reason = c.label())}</p> })}
            {s.protected_until.filter(|_| s.status == DealStatus::Approved).map(|until| view! {
                <p class="mt-2">{t!("Protected until {date} ({when})", date = day(until), when = relative(until))}</p>
            })}
            {s.extension_reason.clone().map(|why| view! {
                <p class=warning>{t!("Extension requested: {reason}", reason = why)}</p>
            })}
            {s.sla_due_at.filter(|_| s.status.awaits_decision()).map(|due| view! {
                <p class="mt-2 text-sm">{t!("Decision due {date} ({when})", date = utc_minute(due), when = relative(due))}</p>
            })}
        </Panel>
    }
}

/// One row of a description list.
fn fact(term: &'static str, value: String) -> impl IntoView {
    view! {
        <dt class="text-slate-600 dark:text-slate-300">{term}</dt>
        <dd>{value}</dd>
    }
}

/// What was registered. A co-seller sees no contact and no registrant (the
/// rows are left out, not blanked).
fn registration_panel(d: &DealView) -> impl IntoView {
    let s = &d.summary;
    let own = !d.shared;
    let facts = view! {
        {fact(t!("Value"), amount_from_cents(s.value_cents, &s.currency))}
        {fact(t!("Expected close"), crate::format::iso_day(&s.expected_close))}
        {fact(t!("Products"), d.products.clone())}
        {fact(t!("Website"), d.customer_domain.clone().unwrap_or_else(|| "—".into()))}
        {own.then(|| fact(t!("Contact"), format!("{} · {}", d.contact_name, d.contact_email)))}
        {fact(t!("Country"), d.country.clone())}
        {fact(t!("Partner role"), d.partner_role.map(|r| r.label()).unwrap_or("—").to_owned())}
        {own.then(|| fact(t!("Registered by"), d.registered_by.clone()))}
    };
    let notes = d.notes.clone();
    view! {
        <Panel id="deal-heading" title=t!("Registration") span="lg:col-span-2">
            <dl class="grid grid-cols-2 gap-x-6 gap-y-2 break-words text-sm">{facts}</dl>
            {notes.map(|n| view! { <p class="mt-3 text-sm">{n}</p> })}
        </Panel>
    }
}

/// For vendor staff: what the registration collides with, side by side.
fn conflicts_panel(conflicts: Vec<ConflictEvidence>) -> impl IntoView {
    view! {
        <Panel id="conflicts-heading" title=t!("Conflicts") span="lg:col-span-3">
            <p class="mb-2 text-sm text-slate-600 dark:text-slate-300">
                {t!("What this registration collides with, side by side. Only Acme Cloud staff see this.")}
            </p>
            <ul class="divide-y divide-slate-200 dark:divide-slate-800">
                {conflicts.into_iter().map(conflict_row).collect_view()}
            </ul>
        </Panel>
    }
}

fn conflict_row(c: ConflictEvidence) -> impl IntoView {
    let reference = match c.deal_id {
        Some(id) => {
            view! { <a href=format!("/deals/{id}") class=link_class()>{c.reference}</a> }.into_any()
        }
        None => view! { <span class="font-medium">{c.reference}</span> }.into_any(),
    };
    view! {
        <li class="flex flex-wrap justify-between gap-2 py-2 text-sm">
            <span>
                {reference}
                {format!(" · {}", c.holder)}
                <span class="block text-slate-600 dark:text-slate-300">{c.matched}</span>
            </span>
            <span>
                {c.status.map(chip)}
                {c.protected_until.map(|u| format!(" {}", t!("protected until {date}", date = day(u))))}
            </span>
        </li>
    }
}

/// For the registrant: the channel manager's question and the answer form.
fn answer_panel(
    id: String,
    question: Option<String>,
    respond: ServerAction<RespondToDeal>,
) -> impl IntoView {
    view! {
        <Panel id="answer-heading" title=t!("The channel manager asks") span="lg:col-span-3">
            {question.map(|q| view! { <p class="mb-2">{q}</p> })}
            {form_error(last_error(respond))}
            <ActionForm action=respond>
                <input type="hidden" name="id" value=id />
                <label class="block text-sm font-medium">
                    {t!("Your answer")}
                    <TextArea name="answer" rows=3 maxlength=2000 />
                </label>
                <Button extra="mt-3">{t!("Send answer")}</Button>
            </ActionForm>
        </Panel>
    }
}

/// For the registrant of an approved registration: ask for more time.
fn extension_request_panel(id: String, extend: ServerAction<RequestExtension>) -> impl IntoView {
    view! {
        <Panel id="extension-heading" title=t!("Extension") span="lg:col-span-3">
            {form_error(last_error(extend))}
            <ActionForm action=extend>
                <input type="hidden" name="id" value=id />
                <label class="block text-sm font-medium">
                    {t!("Why does the deal need more time?")}
                    <TextArea name="reason" rows=2 maxlength=1000 />
                </label>
                <Button intent=Intent::Secondary extra="mt-3">{t!("Ask for an extension")}</Button>
            </ActionForm>
        </Panel>
    }
}

/// For reviewers: grant or refuse a pending extension request.
fn extension_decision_panel(
    id: String,
    decide_extension: ServerAction<DecideExtension>,
) -> impl IntoView {
    view! {
        <Panel id="extension-heading" title=t!("Extension") span="lg:col-span-3">
            {form_error(last_error(decide_extension))}
            <ActionForm action=decide_extension>
                <input type="hidden" name="id" value=id />
                <label class="block text-sm font-medium">
                    {t!("Reason (needed to refuse)")}
                    <TextArea name="reason" rows=2 maxlength=1000 />
                </label>
                <ButtonRow>
                    <Button name="decision" value="grant">{t!("Grant extension")}</Button>
                    <Button intent=Intent::Danger name="decision" value="refuse">{t!("Refuse extension")}</Button>
                </ButtonRow>
            </ActionForm>
        </Panel>
    }
}

/// Mark an approved registration won or lost.
fn outcome_panel(id: String, close: ServerAction<CloseDeal>) -> impl IntoView {
    view! {
        <Panel id="close-heading" title=t!("Outcome") span="lg:col-span-3">
            <ActionForm action=close>
                <input type="hidden" name="id" value=id />
                <div class="flex flex-wrap gap-2">
                    <Button name="outcome" value="won">{t!("Mark won")}</Button>
                    <Button intent=Intent::Secondary name="outcome" value="lost">{t!("Mark lost")}</Button>
                </div>
            </ActionForm>
        </Panel>
    }
}

/// For reviewers: approve, ask for more, or reject.
fn decision_panel(id: String, decide: ServerAction<DecideDeal>) -> impl IntoView {
    view! {
        <Panel id="decide-heading" title=t!("Decision") span="lg:col-span-3">
            {form_error(last_error(decide))}
            <ActionForm action=decide>
                <input type="hidden" name="id" value=id />
                <label class="block text-sm font-medium">
                    {t!("Reason or question (needed to reject or ask for more)")}
                    <TextArea name="reason" rows=2 maxlength=1000 />
                </label>
                <ButtonRow>
                    <Button name="decision" value="approve">{t!("Approve")}</Button>
                    <Button intent=Intent::Secondary name="decision" value="more_info">{t!("Ask for more")}</Button>
                    <Button intent=Intent::Danger name="decision" value="reject">{t!("Reject")}</Button>
                </ButtonRow>
            </ActionForm>
        </Panel>
    }
}

/// Every step of the registration, oldest first.
fn timeline_panel(events: Vec<DealEvent>) -> impl IntoView {
    view! {
        <Panel id="timeline-heading" title=t!("Timeline") span="lg:col-span-3">
            <ol class="flex flex-col gap-2 text-sm">
                {events.into_iter().map(timeline_step).collect_view()}
            </ol>
        </Panel>
    }
}

fn timeline_step(e: DealEvent) -> impl IntoView {
    // A note on an unchanged status (an extension) is an update.
    let to = if e.from_status.as_deref() == Some(e.to_status.as_str()) {
        t!("Updated")
    } else {
        DealStatus::parse(&e.to_status)
            .map(|s| s.label())
            .unwrap_or(t!("Changed"))
    };
    view! {
        <li>
            <span class="font-medium">{to}</span>
            {format!(" · {} · {}", utc_minute(e.at), e.actor.unwrap_or_else(|| "Trellis".into()))}
            {e.note.map(|n| view! { <span class="block text-slate-600 dark:text-slate-300">{n}</span> })}
        </li>
    }
}
