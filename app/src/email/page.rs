use leptos::prelude::*;
use leptos_meta::Title;

use super::api::outbox_messages;
use crate::shell::ui::{AsyncSection, Badge, Tone};
use crate::shell::RequireViewer;
use crate::{
    auth::Viewer,
    format::utc_minute,
    shell::{Card, PageHeader},
};

/// `/admin/outbox`: recent email, for the program admin.
#[component]
pub fn OutboxPage() -> impl IntoView {
    let messages = Resource::new(|| (), |_| outbox_messages());
    view! {
        <Title text=t!("Outbox") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <PageHeader title=t!("Outbox") lead=t!("Email Trellis has queued, newest first, with its delivery status.") />
            <AsyncSection>
                    {move || Suspend::new(async move {
                        messages.await.map(|list| view! {
                            <ul class="flex max-w-3xl flex-col gap-3">
                                {list.into_iter().map(|m| {
                                    let when = utc_minute(m.created_at);
                                    let (status, tone) = status_of(&m.status);
                                    let line = t!(
                                        "To {to} · {when} · {attempts} attempt(s)",
                                        to = m.to_address,
                                        when = when,
                                        attempts = m.attempts
                                    );
                                    view! {
                                    <li>
                                        <Card>
                                            <div class="flex flex-wrap items-center gap-2">
                                                <p class="font-medium">{m.subject}</p>
                                                <Badge tone label=status />
                                            </div>
                                            <p class="text-sm text-slate-600 dark:text-slate-300">
                                                {line}
                                            </p>
                                            <pre class="mt-3 whitespace-pre-wrap break-all text-sm">{m.body}</pre>
                                        </Card>
                                    </li>
                                    }
                                }).collect_view()}
                            </ul>
                        })
                    })}
                </AsyncSection>
        } />
    }
}

/// A stored delivery status (`pending`, `sent`, `failed`) in words, and
/// the badge tone it is shown in.
fn status_of(status: &str) -> (String, Tone) {
    match status {
        "pending" => (t!("pending").to_owned(), Tone::Warning),
        "sent" => (t!("sent").to_owned(), Tone::Success),
        "failed" => (t!("failed").to_owned(), Tone::Danger),
        other => (other.to_owned(), Tone::Neutral),
    }
}
