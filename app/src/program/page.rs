use leptos::prelude::*;
use leptos_meta::Title;

use super::{api::get_program, TierSummary};
use crate::shell::ui::AsyncSection;
use crate::{
    format::{percent_from_bp, usd_from_cents},
    organisations::PartnerType,
    shell::{Card, PageHeader},
};

/// `/program`: the published partner program, readable before signing in.
#[component]
pub fn ProgramPage() -> impl IntoView {
    let program = Resource::new(|| (), |_| get_program());
    view! {
        <Title text=t!("Partner program") />
        <AsyncSection>
                {move || Suspend::new(async move {
                    program.await.map(|program| {
                        let title = match program.vendor_name {
                            Some(vendor) => t!("{vendor} partner program", vendor = vendor),
                            None => t!("Our partner program").to_owned(),
                        };
                        view! {
                            <PageHeader
                                title=title
                                lead=t!("Four tiers, six ways to partner. Every tier protects the deals you register.")
                            />
                            <section aria-labelledby="tiers-heading" class="mb-10">
                                <h2 id="tiers-heading" class="text-lg font-semibold mb-4">{t!("Tiers and benefits")}</h2>
                                {if program.tiers.is_empty() {
                                    view! { <p>{t!("The program has no tiers yet.")}</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
                                            {program.tiers.into_iter().map(tier_card).collect_view()}
                                        </ul>
                                    }.into_any()
                                }}
                            </section>
                            <section aria-labelledby="types-heading">
                                <h2 id="types-heading" class="text-lg font-semibold mb-4">{t!("Ways to partner")}</h2>
                                <ul class="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                                    {PartnerType::ALL.iter().map(|t| view! {
                                        <li>
                                            <Card>
                                                <h3 class="font-medium">{t.label()}</h3>
                                                <p class="text-sm text-slate-600 dark:text-slate-300 mt-1">{t.description()}</p>
                                            </Card>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            </section>
                        }
                    })
                })}
            </AsyncSection>
    }
}

fn tier_card(tier: TierSummary) -> impl IntoView {
    let days = tier.protection_days;
    let protection = if days == 1 {
        t!("{days} day", days = days)
    } else {
        t!("{days} days", days = days)
    };
    view! {
        <li>
            <Card>
                <h3 class="text-base font-semibold text-teal-800 dark:text-teal-300">{tier.name}</h3>
                <p class="text-sm text-slate-600 dark:text-slate-300 mt-1 sm:min-h-10">{tier.description}</p>
                <dl class="mt-4 grid grid-cols-3 gap-2 text-center">
                    <div>
                        <dt class="text-xs text-slate-600 dark:text-slate-400">{t!("Deal protection")}</dt>
                        <dd class="font-semibold">{protection}</dd>
                    </div>
                    <div>
                        <dt class="text-xs text-slate-600 dark:text-slate-400">{t!("Discount")}</dt>
                        <dd class="font-semibold">{percent_from_bp(tier.discount_bp)}</dd>
                    </div>
                    <div>
                        <dt class="text-xs text-slate-600 dark:text-slate-400">{t!("Marketing fund")}</dt>
                        <dd class="font-semibold">{usd_from_cents(tier.mdf_allotment_cents)}</dd>
                    </div>
                </dl>
            </Card>
        </li>
    }
}
