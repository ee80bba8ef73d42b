//! The outbox and the SMTP sender (lettre). Server only.

use std::time::Duration;

use lettre::{
    message::{
        header::{ContentType, HeaderName, HeaderValue},
        Mailbox, MultiPart,
    },
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
};

use crate::{auth::server::now, db::Db, i18n::Locale};

/// Attempts before a message is marked failed (about a day of backoff).
pub const MAX_ATTEMPTS: i64 = 10;
/// How long a sender holds a message it is working on, so two app servers
/// never send the same one.
const LEASE: i64 = 120;

/// Queues a message. Use inside the transaction of the change that causes
/// it, so the message exists exactly when the change does.
pub async fn enqueue<'e, E>(
    executor: E,
    to: &str,
    subject: &str,
    body: &str,
) -> Result<(), sqlx::Error>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let now = now();
    sqlx::query(
        "INSERT INTO outbox (id, created_at, to_address, subject, body, next_attempt_at) \
         VALUES ($1, $2, $3, $4, $5, $2)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(now)
    .bind(to)
    .bind(subject)
    .bind(body)
    .execute(executor)
    .await
    .map(|_| ())
}

/// A campaign email to one recipient, queued to leave at `at`: the plain
/// text and its HTML, with `unsubscribe` as the one-click unsubscribe
/// address (RFC 8058) in its headers.
pub struct CampaignMessage<'a> {
    pub id: &'a str,
    pub to: &'a str,
    pub subject: &'a str,
    pub text: &'a str,
    pub html: &'a str,
    pub unsubscribe: &'a str,
    pub at: i64,
}

/// Queues `message`, inside the transaction that decides to send it.
pub async fn enqueue_campaign<'e, E>(
    executor: E,
    message: &CampaignMessage<'_>,
) -> Result<(), sqlx::Error>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query(
        "INSERT INTO outbox (id, created_at, to_address, subject, body, html, unsubscribe_url, \
         next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(message.id)
    .bind(now())
    .bind(message.to)
    .bind(message.subject)
    .bind(message.text)
    .bind(message.html)
    .bind(message.unsubscribe)
    .bind(message.at)
    .execute(executor)
    .await
    .map(|_| ())
}

/// The language the person with address `email` reads Trellis in;
/// English for an address that is nobody's yet.
pub async fn recipient_locale<'e, E>(executor: E, email: &str) -> Result<Locale, sqlx::Error>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let stored: Option<String> = sqlx::query_scalar("SELECT locale FROM people WHERE email = $1")
        .bind(email)
        .fetch_optional(executor)
        .await?;
    Ok(stored_locale(stored.as_deref()))
}

/// The language a person's stored `people.locale` names; English for
/// someone without one (no account, or an unknown code).
pub fn stored_locale(stored: Option<&str>) -> Locale {
    stored.and_then(Locale::parse).unwrap_or_default()
}

/// Where mail goes: `TRELLIS_SMTP_URL=smtp://host:port` (plain SMTP to a
/// relay on a trusted network, e.g. a local MTA).
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// Parses `smtp://host:port`.
    pub fn from_url(url: &str, from: &str) -> Result<Mailer, String> {
        let rest = url
            .strip_prefix("smtp://")
            .ok_or_else(|| "TRELLIS_SMTP_URL must look like smtp://host:port".to_owned())?;
        let (host, port) = rest.rsplit_once(':').unwrap_or((rest, "25"));
        let port: u16 = port
            .trim_end_matches('/')
            .parse()
            .map_err(|_| "TRELLIS_SMTP_URL has a bad port".to_owned())?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            .port(port)
            .timeout(Some(Duration::from_secs(10)))
            .build();
        let from = from
            .parse::<Mailbox>()
            .map_err(|e| format!("bad sender address: {e}"))?;
        Ok(Mailer { transport, from })
    }

    async fn send(&self, message: &Due) -> Result<(), String> {
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(message
                .to_address
                .parse::<Mailbox>()
                .map_err(|e| e.to_string())?)
            .subject(&message.subject);
        if let Some(url) = &message.unsubscribe_url {
            builder = builder
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{url}>"),
                ))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_owned(),
                ));
        }
        let message = match &message.html {
            Some(html) => builder.multipart(MultiPart::alternative_plain_html(
                message.body.clone(),
                html.clone(),
            )),
            None => builder
                .header(ContentType::TEXT_PLAIN)
                .body(message.body.clone()),
        }
        .map_err(|e| e.to_string())?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

#[derive(sqlx::FromRow)]
struct Due {
    id: String,
    to_address: String,
    subject: String,
    body: String,
    html: Option<String>,
    unsubscribe_url: Option<String>,
    attempts: i64,
    /// A campaign email whose recipient unsubscribed after it was queued
    /// (a scheduled send): it must not leave.
    withdrawn: i64,
}

/// Sends every message that is due; returns how many were sent. Failures
/// are retried with exponential backoff, then marked failed.
pub async fn deliver_due(db: &Db, mailer: &Mailer) -> Result<usize, sqlx::Error> {
    let now = now();
    let due = sqlx::query_as::<_, Due>(
        "SELECT m.id, m.to_address, m.subject, m.body, m.html, m.unsubscribe_url, m.attempts, \
         CAST(CASE WHEN EXISTS (SELECT 1 FROM campaign_recipients r \
         JOIN campaign_unsubscribes u ON u.organisation_id = r.organisation_id \
         AND u.email_key = r.email_key WHERE r.outbox_id = m.id) THEN 1 ELSE 0 END AS BIGINT) \
         AS withdrawn FROM outbox m \
         WHERE m.status = 'pending' AND m.next_attempt_at <= $1 ORDER BY m.created_at LIMIT 50",
    )
    .bind(now)
    .fetch_all(&db.pool)
    .await?;
    let mut sent = 0;
    for message in due {
        // Claim it: only one sender wins the update.
        let claimed = db
            .execute(
                sqlx::query(
                    "UPDATE outbox SET next_attempt_at = $1 WHERE id = $2 AND status = 'pending' \
                     AND next_attempt_at <= $3",
                )
                .bind(now + LEASE)
                .bind(&message.id)
                .bind(now),
            )
            .await?;
        if claimed.rows_affected() != 1 {
            continue;
        }
        if message.withdrawn == 1 {
            db.execute(
                sqlx::query("UPDATE outbox SET status = 'failed', last_error = $1 WHERE id = $2")
                    .bind("not sent: the recipient unsubscribed after it was queued")
                    .bind(&message.id),
            )
            .await?;
            continue;
        }
        match mailer.send(&message).await {
            Ok(()) => {
                db.execute(
                    sqlx::query(
                        "UPDATE outbox SET status = 'sent', sent_at = $1, attempts = attempts + 1 \
                         WHERE id = $2",
                    )
                    .bind(now)
                    .bind(&message.id),
                )
                .await?;
                sent += 1;
            }
            Err(error) => {
                let attempts = message.attempts + 1;
                let status = if attempts >= MAX_ATTEMPTS {
                    "failed"
                } else {
                    "pending"
                };
                let backoff = 30 * (1_i64 << attempts.min(11));
                tracing::warn!(id = %message.id, attempts, %error, "email not delivered");
                db.execute(
                    sqlx::query(
                        "UPDATE outbox SET status = $1, attempts = $2, next_attempt_at = $3, \
                         last_error = $4 WHERE id = $5",
                    )
                    .bind(status)
                    .bind(attempts)
                    .bind(now + backoff)
                    .bind(&error)
                    .bind(&message.id),
                )
                .await?;
            }
        }
    }
    Ok(sent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_urls() {
        assert!(Mailer::from_url(
            "smtp://127.0.0.1:1025",
            "Trellis <no-reply@trellis.example>"
        )
        .is_ok());
        assert!(Mailer::from_url("smtp://mail.internal", "no-reply@trellis.example").is_ok());
        assert!(Mailer::from_url("http://x", "no-reply@trellis.example").is_err());
        assert!(Mailer::from_url("smtp://h:notaport", "no-reply@trellis.example").is_err());
        assert!(Mailer::from_url("smtp://h:25", "not an address").is_err());
    }
}
