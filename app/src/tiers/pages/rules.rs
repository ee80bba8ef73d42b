//! `/program/tiers`: the program admin's tier thresholds, benefits and
//! policy, and the changes waiting for approval.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::{
    auth::Viewer,
    i18n::Locale,
    shell::{
        ui::{
            form_error, last_error, AsyncSection, Button, ButtonRow, Field, Intent, Panel, TextArea,
        },
        PageHeader, RequireViewer,
    },
    tiers::{
        api::{get_tier_settings, DecideTierChange, UpdateTier, UpdateTierPolicy},
        Measure, TierRule, TierSettings,
    },
};

#[derive(Clone, Copy)]
struct Forms {
    tier: ServerAction<UpdateTier>,
    policy: ServerAction<UpdateTierPolicy>,
    decide: ServerAction<DecideTierChange>,
}

/// `/program/tiers`: for the program admin.
#[component]
pub fn TiersPage() -> impl IntoView {
    let forms = Forms {
        tier: ServerAction::new(),
        policy: ServerAction::new(),
        decide: ServerAction::new(),
    };
    let settings = Resource::new(
        move || {
            (
                forms.tier.version().get(),
                forms.policy.version().get(),
                forms.decide.version().get(),
            )
        },
        |_| get_tier_settings(),
    );
    view! {
        <Title text=t!("Tier rules") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <PageHeader title=t!("Tier rules") lead=t!("What each tier takes over the last twelve months. Every partner is placed again when you save, and nightly.") />
            <AsyncSection>
                {move || Suspend::new(async move { settings.await.map(|s| settings_view(s, forms)) })}
            </AsyncSection>
        } />
    }
}

fn settings_view(s: TierSettings, forms: Forms) -> impl IntoView {
    let floor = s.rules.first().map(|r| r.name.clone()).unwrap_or_default();
    let tiers = s
        .rules
        .iter()
        .zip(s.benefits.iter())
        .skip(1)
        .map(|(rule, benefits)| tier_form(rule.clone(), benefits.clone(), forms.tier))
        .collect_view();
    view! {
        <div class="grid gap-6 lg:grid-cols-2">
            <p class="lg:col-span-2 text-sm text-slate-600 dark:text-slate-300">
                {t!("{tier} is where every partner starts; it takes nothing. Empty thresholds are not required.", tier = floor)}
            </p>
            {form_error(last_error(forms.tier))}
            {tiers}
            {policy_form(s.grace_days, s.needs_approval, forms.policy)}
            {proposed_view(s.proposed, forms.decide)}
        </div>
    }
}

fn tier_form(rule: TierRule, benefits: String, action: ServerAction<UpdateTier>) -> impl IntoView {
    let rank = rule.rank;
    let fields = [
        (Measure::Sourced, "min_sourced"),
        (Measure::Influenced, "min_influenced"),
        (Measure::Certified, "min_certified"),
        (Measure::Registrations, "min_registrations"),
        (Measure::Psat, "min_psat"),
    ]
    .into_iter()
    .map(|(m, name)| {
        let value = rule.threshold(m).map(|v| match m {
            Measure::Sourced | Measure::Influenced => (v / 100).to_string(),
            Measure::Psat => m.show_in(Locale::current(), v),
            Measure::Certified | Measure::Registrations => v.to_string(),
        });
        let counted = matches!(m, Measure::Certified | Measure::Registrations);
        let hint = matches!(m, Measure::Sourced | Measure::Influenced)
            .then(|| t!("US dollars").to_owned());
        view! {
            <Field
                label=m.label()
                name=format!("tier[{name}]")
                id=format!("{rank}-{name}")
                kind=if counted { "number" } else { "text" }
                inputmode=if counted { "numeric" } else { "decimal" }
                hint
                value
            />
        }
    })
    .collect_view();
    let (heading, labelled) = (format!("tier-{rank}"), format!("tier-{rank}"));
    let save = t!("Save {tier}", tier = rule.name.clone());
    view! {
        <section aria-labelledby=labelled>
            <crate::shell::Card>
                <h2 id=heading class="mb-3 font-semibold">{rule.name}</h2>
                <ActionForm action attr:class="grid gap-3 sm:grid-cols-2">
                    <input type="hidden" name="id" value=rule.id />
                    {fields}
                    <label class="block text-sm font-medium sm:col-span-2">
                        {t!("Other benefits, one per line")}
                        <TextArea name="tier[benefits]" rows=3 value=benefits />
                    </label>
                    <div class="sm:col-span-2"><Button>{save}</Button></div>
                </ActionForm>
            </crate::shell::Card>
        </section>
    }
}

fn policy_form(
    grace_days: i64,
    needs_approval: bool,
    action: ServerAction<UpdateTierPolicy>,
) -> impl IntoView {
    view! {
        <Panel id="policy-heading" title=t!("Changes")>
            {form_error(last_error(action))}
            <ActionForm action attr:class="flex flex-col gap-3">
                <Field label=t!("Grace period before a downgrade (days)") name="grace_days" id="grace_days" kind="number" min="0" max="365" required=true value=grace_days.to_string() />
                <label class="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="needs_approval" value="on" checked=needs_approval class="size-4 accent-teal-700" />
                    {t!("Every change waits for my approval")}
                </label>
                <div><Button>{t!("Save")}</Button></div>
            </ActionForm>
        </Panel>
    }
}

fn proposed_view(
    proposed: Vec<(String, String, String, String)>,
    action: ServerAction<DecideTierChange>,
) -> impl IntoView {
    view! {
        <Panel id="proposed-heading" title=t!("Waiting for approval")>
            {form_error(last_error(action))}
            {if proposed.is_empty() {
                view! { <p class="text-sm">{t!("No change is waiting.")}</p> }.into_any()
            } else {
                view! {
                    <ul class="flex flex-col gap-3">
                        {proposed.into_iter().map(|(id, name, from, to)| view! {
                            <li>
                                <p><a href=format!("/organisations/{id}") class="font-medium text-teal-800 underline dark:text-teal-300">{name}</a>{format!(": {from} → {to}")}</p>
                                <ActionForm action>
                                    <input type="hidden" name="organisation_id" value=id />
                                    <ButtonRow>
                                        <Button name="decision" value="approve">{t!("Approve")}</Button>
                                        <Button intent=Intent::Secondary name="decision" value="decline">{t!("Decline")}</Button>
                                    </ButtonRow>
                                </ActionForm>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </Panel>
    }
}
