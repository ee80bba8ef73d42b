//! `/notifications`: the caller's notifications.

use leptos::prelude::*;
use leptos_meta::Title;

use super::api::{notifications, MarkNotificationsRead};
use crate::{
    auth::Viewer,
    format::utc_minute,
    shell::{
        ui::{AsyncSection, Button, Intent},
        Card, PageHeader, RequireViewer,
    },
};

/// `/notifications`: the caller's notifications, unread ones marked.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let mark = ServerAction::<MarkNotificationsRead>::new();
    let inbox = Resource::new(move || mark.version().get(), |_| notifications());
    view! {
        <Title text=t!("Notifications") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <PageHeader title=t!("Notifications") lead=t!("What happened to your deals and account, newest first.") />
            <AsyncSection>
                    {move || Suspend::new(async move {
                        inbox.await.map(|inbox| view! {
                            <Card>
                                {(inbox.unread > 0).then(|| view! {
                                    <ActionForm action=mark attr:class="mb-3">
                                        <Button intent=Intent::Secondary>
                                            {t!("Mark all {count} as read", count = inbox.unread)}
                                        </Button>
                                    </ActionForm>
                                })}
                                {inbox.notifications.is_empty().then(|| view! { <p>{t!("Nothing yet.")}</p> })}
                                <ul class="divide-y divide-slate-200 dark:divide-slate-800">
                                    {inbox.notifications.into_iter().map(|n| {
                                        let unread = n.read_at.is_none();
                                        let weight = if unread { "font-semibold" } else { "font-normal" };
                                        view! {
                                            <li class="py-3">
                                                <a href=n.link.clone() class=format!("text-teal-800 underline dark:text-teal-300 {weight}")>
                                                    {n.subject.clone()}
                                                </a>
                                                {unread.then(|| view! {
                                                    <span class="ml-2 rounded bg-rose-100 px-1.5 py-0.5 text-xs font-semibold text-rose-900 dark:bg-rose-900 dark:text-rose-100">{t!("New")}</span>
                                                })}
                                                <span class="block text-xs text-slate-600 dark:text-slate-300">{utc_minute(n.created_at)}</span>
                                                <p class="mt-1 whitespace-pre-line text-sm">{n.body.clone()}</p>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            </Card>
                        })
                    })}
            </AsyncSection>
        } />
    }
}
