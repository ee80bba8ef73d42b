//! Notifications on the server: written inside the write of the change
//! that causes them, read by their person only.

use super::{Inbox, Notification};
use crate::{
    auth::server::now,
    db::{Change, Db, Write},
    i18n::Locale,
};

impl Write {
    /// Tells the person with address `email` about something: an in-app
    /// notification linking to `link`, and an email through the outbox,
    /// both kept only if the change that causes them is. `message` writes
    /// the subject and body in the recipient's language.
    pub async fn notify(
        &mut self,
        email: &str,
        link: &str,
        message: impl FnOnce(Locale) -> (String, String),
    ) -> Result<(), sqlx::Error> {
        let person: Option<(String, String)> =
            sqlx::query_as("SELECT id, locale FROM people WHERE email = $1")
                .bind(email)
                .fetch_optional(&mut **self)
                .await?;
        let (subject, body) = message(crate::email::server::stored_locale(
            person.as_ref().map(|(_, locale)| locale.as_str()),
        ));
        if let Some((person_id, _)) = person {
            sqlx::query(
                "INSERT INTO notifications (id, person_id, subject, body, link, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(uuid::Uuid::new_v4().to_string())
            .bind(&person_id)
            .bind(&subject)
            .bind(&body)
            .bind(link)
            .bind(now())
            .execute(&mut **self)
            .await?;
            self.announce(Change::Unread(person_id)).await?;
        }
        crate::email::server::enqueue(&mut **self, email, &subject, &body).await
    }

    /// The active admins of partner `organisation`, who are told of what
    /// comes to it: (email, name), by email.
    pub async fn partner_admins(
        &mut self,
        organisation: &str,
    ) -> Result<Vec<(String, String)>, sqlx::Error> {
        sqlx::query_as(
            "SELECT email, name FROM people WHERE organisation_id = $1 \
             AND role = 'partner_admin' AND status = 'active' ORDER BY email",
        )
        .bind(organisation)
        .fetch_all(&mut **self)
        .await
    }
}

/// Person `person_id`'s 50 newest notifications and the unread count.
pub async fn inbox(db: &Db, person_id: &str) -> Result<Inbox, sqlx::Error> {
    let mut conn = db.reader().await?;
    let notifications = sqlx::query_as::<_, Notification>(
        "SELECT id, subject, body, link, created_at, read_at \
         FROM notifications WHERE person_id = $1 ORDER BY created_at DESC, id LIMIT 50",
    )
    .bind(person_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Inbox {
        notifications,
        unread: unread(&mut *conn, person_id).await?,
    })
}

/// How many of person `person_id`'s notifications are unread.
pub async fn unread<'e>(
    executor: impl sqlx::Executor<'e, Database = sqlx::Any>,
    person_id: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM notifications WHERE person_id = $1 AND read_at IS NULL",
    )
    .bind(person_id)
    .fetch_one(executor)
    .await
}

/// Marks all of person `person_id`'s notifications read (their other open
/// pages hear it).
pub async fn mark_read(db: &Db, person_id: &str) -> Result<(), sqlx::Error> {
    db.execute(
        sqlx::query(
            "UPDATE notifications SET read_at = $2 WHERE person_id = $1 AND read_at IS NULL",
        )
        .bind(person_id)
        .bind(now()),
    )
    .await?;
    db.announce(Change::Unread(person_id.to_owned())).await
}
