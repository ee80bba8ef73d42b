//! `/deals/review`: the approval queue.

use leptos::prelude::*;
use leptos_meta::Title;

use super::{link_class, list::deal_card};
use crate::shell::ui::{AsyncSection, Button};
use crate::shell::{
    live::{QueueFollower, QUEUE_REGION},
    RequireViewer,
};
use crate::{
    auth::Viewer,
    deals::{api::*, DealStatus},
    shell::PageHeader,
};

/// `/deals/review`: what waits for a decision, the most urgent first;
/// breached SLAs stand out.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let bulk = ServerAction::<crate::deals::api::ApproveCleanDeals>::new();
    let queue = Resource::new(move || bulk.version().get(), |_| review_queue());
    view! {
        <Title text=t!("Approval queue") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <PageHeader title=t!("Approval queue") lead=t!("Registrations waiting for a decision, the most urgent first.") />
            <p class="mb-4 flex gap-4 text-sm">
                <a href="/deals/accounts" class=link_class()>{t!("Direct accounts")}</a>
                <a href="/deals/rules" class=link_class()>{t!("Rules of engagement")}</a>
            </p>
            <QueueFollower />
            <AsyncSection>
                    {move || Suspend::new(async move {
                        queue.await.map(|deals| {
                            let now = crate::format::now_secs();
                            let clean: Vec<String> = deals
                                .iter()
                                .filter(|d| d.status == DealStatus::Submitted && d.conflict.is_none())
                                .map(|d| d.id.clone())
                                .collect();
                            let bulk = (!clean.is_empty()).then(|| view! {
                                <ActionForm action=bulk attr:class="mb-4">
                                    <input type="hidden" name="ids" value=clean.join(",") />
                                    <Button>
                                        {if clean.len() == 1 {
                                            t!("Approve 1 clean registration").to_owned()
                                        } else {
                                            t!("Approve all {count} clean registrations", count = clean.len())
                                        }}
                                    </Button>
                                </ActionForm>
                            });
                            view! {
                                <div id=QUEUE_REGION>
                                {bulk}
                                <ul class="flex flex-col gap-2" aria-label=t!("Waiting for a decision")>
                                    {deals.into_iter().map(|deal| {
                                        let breached = deal.sla_due_at.is_some_and(|due| due < now);
                                        view! {
                                            <li class=if breached { "rounded-xl ring-2 ring-rose-500" } else { "" }>
                                                {deal_card(deal, Some(now))}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                                </div>
                            }
                        })
                    })}
                </AsyncSection>
        } />
    }
}
