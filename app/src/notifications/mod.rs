//! In-app notifications: what the outbox emails a person is also kept for
//! them in the portal, with a link to what it is about, an unread count in
//! the header and a list at `/notifications`. Written in the same
//! transaction as the change that causes it, like the email.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use serde::{Deserialize, Serialize};

use crate::shell::RequireViewer;
use crate::{
    auth::Viewer,
    error::AppError,
    format::utc_minute,
    shell::{Card, ErrorTemplate, PageHeader},
};

/// One notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Notification {
    pub id: String,
    pub subject: String,
    pub body: String,
    pub link: String,
    pub created_at: i64,
    /// When it was marked read; `None` while unread.
    pub read_at: Option<i64>,
}

/// The caller's newest notifications (50) and how many are unread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inbox {
    pub notifications: Vec<Notification>,
    pub unread: i64,
}

/// The caller's own notifications, newest first; nobody else's.
///
/// Who may call: any signed-in person. Errors: `Unauthenticated`, `Internal`.
#[server(endpoint = "notifications")]
pub async fn notifications() -> Result<Inbox, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    Ok(server::inbox(&db, &viewer.person_id).await?)
}

/// Marks all of the caller's notifications read.
///
/// Who may call: any signed-in person. Errors: `Unauthenticated`, `Internal`.
#[server(endpoint = "mark_notifications_read")]
pub async fn mark_notifications_read() -> Result<(), AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    server::mark_read(&db, &viewer.person_id).await?;
    Ok(())
}

/// `/notifications`: the caller's notifications, unread ones marked.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let mark = ServerAction::<MarkNotificationsRead>::new();
    let inbox = Resource::new(move || mark.version().get(), |_| notifications());
    view! {
        <Title text="Notifications" />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <PageHeader title="Notifications" lead="What happened to your deals and account, newest first." />
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorTemplate errors /> }>
                    {move || Suspend::new(async move {
                        inbox.await.map(|inbox| view! {
                            <Card>
                                {(inbox.unread > 0).then(|| view! {
                                    <ActionForm action=mark attr:class="mb-3">
                                        <button type="submit" class="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium dark:border-slate-600">
                                            {format!("Mark all {} as read", inbox.unread)}
                                        </button>
                                    </ActionForm>
                                })}
                                {inbox.notifications.is_empty().then(|| view! { <p>"Nothing yet."</p> })}
                                <ul class="divide-y divide-slate-200 dark:divide-slate-800">
                                    {inbox.notifications.into_iter().map(|n| {
                                        let unread = n.read_at.is_none();
                                        let weight = if unread { "font-semibold" } else { "font-normal" };
                                        view! {
                                            <li class="py-3">
                                                <A href=n.link.clone() attr:class=format!("text-teal-800 underline dark:text-teal-300 {weight}")>
                                                    {n.subject.clone()}
                                                </A>
                                                {unread.then(|| view! {
                                                    <span class="ml-2 rounded bg-rose-100 px-1.5 py-0.5 text-xs font-semibold text-rose-900 dark:bg-rose-900 dark:text-rose-100">"New"</span>
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
                </ErrorBoundary>
            </Transition>
        } />
    }
}

#[cfg(feature = "ssr")]
pub mod server {
    //! SQL for notifications. Server only.

    use super::{Inbox, Notification};
    use crate::{
        auth::server::now,
        db::{Db, Write},
    };

    impl Write {
        /// Tells the person with address `email` about something: an in-app
        /// notification linking to `link`, and an email through the outbox,
        /// both kept only if the change that causes them is.
        pub async fn notify(
            &mut self,
            email: &str,
            subject: &str,
            body: &str,
            link: &str,
        ) -> Result<(), sqlx::Error> {
            sqlx::query(
                "INSERT INTO notifications (id, person_id, subject, body, link, created_at) \
                 SELECT $1, id, $3, $4, $5, $6 FROM people WHERE email = $2",
            )
            .bind(uuid::Uuid::new_v4().to_string())
            .bind(email)
            .bind(subject)
            .bind(body)
            .bind(link)
            .bind(now())
            .execute(&mut **self)
            .await?;
            crate::email::server::enqueue(&mut **self, email, subject, body).await
        }
    }

    /// Person `person_id`'s 50 newest notifications and the unread count.
    pub async fn inbox(db: &Db, person_id: &str) -> Result<Inbox, sqlx::Error> {
        let notifications = sqlx::query_as::<_, Notification>(
            "SELECT id, subject, body, link, created_at, read_at \
             FROM notifications WHERE person_id = $1 ORDER BY created_at DESC, id LIMIT 50",
        )
        .bind(person_id)
        .fetch_all(&db.pool)
        .await?;
        Ok(Inbox {
            notifications,
            unread: unread(db, person_id).await?,
        })
    }

    /// How many of person `person_id`'s notifications are unread.
    pub async fn unread(db: &Db, person_id: &str) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM notifications WHERE person_id = $1 AND read_at IS NULL",
        )
        .bind(person_id)
        .fetch_one(&db.pool)
        .await
    }

    /// Marks all of person `person_id`'s notifications read.
    pub async fn mark_read(db: &Db, person_id: &str) -> Result<(), sqlx::Error> {
        db.execute(
            sqlx::query(
                "UPDATE notifications SET read_at = $2 WHERE person_id = $1 AND read_at IS NULL",
            )
            .bind(person_id)
            .bind(now()),
        )
        .await
        .map(|_| ())
    }
}
