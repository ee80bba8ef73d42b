use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::api::audit_entries;
use crate::shell::ui::AsyncSection;
use crate::shell::RequireViewer;
use crate::{auth::Viewer, format::utc_minute, shell::PageHeader};

/// `/organisations/:id/audit`, and `/admin/audit` (no id: every
/// organisation, program admin only): who changed what, newest first.
#[component]
pub fn AuditLogPage() -> impl IntoView {
    let params = use_params_map();
    let entries = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        audit_entries,
    );
    view! {
        <Title text="Audit log" />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <PageHeader title="Audit log" lead="Every change to this organisation's records: who, what, when and from where." />
            <AsyncSection>
                    {move || Suspend::new(async move {
                        entries.await.map(|list| view! {
                            <div class="overflow-x-auto" tabindex="0" role="region" aria-label="Audit entries">
                                <table class="min-w-full text-left text-sm">
                                    <thead class="border-b border-slate-200 dark:border-slate-800">
                                        <tr>
                                            <th scope="col" class="py-2 pr-4 font-semibold">"When"</th>
                                            <th scope="col" class="py-2 pr-4 font-semibold">"Who"</th>
                                            <th scope="col" class="py-2 pr-4 font-semibold">"What"</th>
                                            <th scope="col" class="py-2 pr-4 font-semibold">"Details"</th>
                                            <th scope="col" class="py-2 pr-4 font-semibold">"Address"</th>
                                        </tr>
                                    </thead>
                                    <tbody class="divide-y divide-slate-200 dark:divide-slate-800">
                                        {list.into_iter().map(|e| view! {
                                            <tr>
                                                <td class="py-2 pr-4 whitespace-nowrap">{utc_minute(e.at)}</td>
                                                <td class="py-2 pr-4">{e.actor.unwrap_or_else(|| "—".to_owned())}</td>
                                                <td class="py-2 pr-4">{e.action.replace('_', " ")}</td>
                                                <td class="py-2 pr-4">{e.detail.unwrap_or_default()}</td>
                                                <td class="py-2 pr-4">{e.ip.unwrap_or_default()}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        })
                    })}
                </AsyncSection>
        } />
    }
}
