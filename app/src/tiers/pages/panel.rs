//! A partner's tier: where it stands, what the next tier takes, a fall
//! ahead, and every change with its numbers.

use leptos::prelude::*;

use crate::{
    format::day,
    i18n::Locale,
    shell::ui::{AsyncSection, Badge, Panel, ProgressBar, Tone},
    tiers::{api::get_tier_status, explain_all, ChangeKind, Criterion, TierChange, TierStatus},
};

/// The tier panel of organisation `organisation_id` (a partner).
#[component]
pub fn TierPanel(organisation_id: String) -> impl IntoView {
    let status = Resource::new(move || organisation_id.clone(), get_tier_status);
    view! {
        <AsyncSection>
            {move || Suspend::new(async move { status.await.map(tier_view) })}
        </AsyncSection>
    }
}

fn tier_view(s: TierStatus) -> impl IntoView {
    view! {
        <Panel id="tier-heading" title=t!("Tier: {tier}", tier = s.tier.clone()) span="lg:col-span-3">
            <div class="grid gap-6 md:grid-cols-2">
                <div>
                    {s.pending.clone().map(pending_view)}
                    {next_view(s.next.clone())}
                </div>
                {history_view(s.history)}
            </div>
        </Panel>
    }
}

fn pending_view(p: crate::tiers::PendingChange) -> impl IntoView {
    let text = match p.due_at {
        Some(due) => t!(
            "Falls to {tier} on {date} unless these are met again:",
            tier = p.to,
            date = day(due)
        ),
        None => t!(
            "A change to {tier} waits for the program admin's approval.",
            tier = p.to
        ),
    };
    view! {
        <div role="note" class="mb-4 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
            <p class="font-medium">{text}</p>
            <ul class="mt-1 list-disc pl-5">
                {p.unmet.into_iter().map(|c| view! { <li>{c.explain_in(Locale::current())}</li> }).collect_view()}
            </ul>
        </div>
    }
}

fn next_view(next: Option<(String, Vec<Criterion>)>) -> impl IntoView {
    let Some((name, criteria)) = next else {
        return view! { <p class="text-sm">{t!("This is the highest tier.")}</p> }.into_any();
    };
    let missing: Vec<String> = criteria
        .iter()
        .filter(|c| !c.met())
        .map(Criterion::missing)
        .collect();
    let summary = match missing.split_last() {
        None => t!(
            "Every threshold of {tier} is met: the next recompute moves up.",
            tier = name
        ),
        Some((last, [])) => t!("{missing} to {tier}", missing = last, tier = name),
        Some((last, rest)) => t!(
            "{missing} and {last} to {tier}",
            missing = rest.join(", "),
            last = last,
            tier = name
        ),
    };
    view! {
        <h3 class="mb-2 text-sm font-semibold">{summary}</h3>
        <div class="flex flex-col gap-3">
            {criteria.into_iter().map(|c| {
                let l = Locale::current();
                let detail = format!("{} / {}", c.measure.show_in(l, c.actual), c.measure.show_in(l, c.threshold));
                view! { <ProgressBar label=c.measure.label() value=c.actual max=c.threshold detail /> }
            }).collect_view()}
        </div>
    }
    .into_any()
}

fn history_view(history: Vec<TierChange>) -> impl IntoView {
    view! {
        <div>
            <h3 class="mb-2 text-sm font-semibold">{t!("Tier history")}</h3>
            {if history.is_empty() {
                view! { <p class="text-sm">{t!("No change yet.")}</p> }.into_any()
            } else {
                view! {
                    <ol class="flex flex-col gap-3" aria-label=t!("Tier history")>
                        {history.into_iter().map(change_view).collect_view()}
                    </ol>
                }.into_any()
            }}
        </div>
    }
}

fn change_view(c: TierChange) -> impl IntoView {
    let (from, to) = (
        c.from.clone().unwrap_or_default(),
        c.to.clone().unwrap_or_default(),
    );
    let headline = match c.kind {
        ChangeKind::Moved | ChangeKind::Approved => format!("{from} → {to}"),
        ChangeKind::Warned => t!("{from}: at risk of {to}", from = from, to = to),
        ChangeKind::Recovered => t!("{from}: safe again", from = from),
        ChangeKind::Proposed => t!("{from} → {to} proposed", from = from, to = to),
        ChangeKind::Declined => t!("{from} → {to} declined", from = from, to = to),
    };
    let tone = match c.kind {
        ChangeKind::Moved | ChangeKind::Approved | ChangeKind::Recovered => Tone::Success,
        ChangeKind::Warned | ChangeKind::Proposed => Tone::Warning,
        ChangeKind::Declined => Tone::Neutral,
    };
    let why = explain_all(Locale::current(), &c.criteria);
    view! {
        <li class="text-sm">
            <p class="flex flex-wrap items-baseline gap-2">
                <span class="font-semibold">{headline}</span>
                <Badge tone label=c.kind.label() />
                <span class="text-slate-600 dark:text-slate-300">{day(c.at)}</span>
            </p>
            {(!why.is_empty()).then(|| view! { <p class="mt-1">{why}</p> })}
            {c.by.map(|by| view! { <p class="mt-1 text-slate-600 dark:text-slate-300">{t!("By {name}", name = by)}</p> })}
        </li>
    }
}
