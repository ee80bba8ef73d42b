//! Invitations and password resets by emailed link: single use, expiring,
//! tamper-proof; and delivery through a real SMTP server.

use std::time::Duration;

use app::{
    auth::server::{token_hash, COOKIE},
    backend_test,
    db::Db,
    email::server::{deliver_due, Mailer},
    error::AppError,
    organisations::demo::{demo_id, DEMO_PASSWORD},
};
use axum::{http::header, Router};
use server::testing::{
    body_text, error_of, form_value as encode, post_form as post, seeded_app as app,
};

async fn sign_in(app: &Router, email: &str, password: &str) -> Result<String, AppError> {
    server::testing::sign_in(app, email, password, None).await
}

const DEAD: &str = "This link has expired or was already used. Ask for a new one.";

/// The cookie a successful call set, or the error it answered.
async fn call(
    app: &Router,
    path: &str,
    body: &str,
    cookie: Option<&str>,
) -> Result<Option<String>, AppError> {
    let res = post(app, path, body, cookie).await;
    if res.status().is_success() {
        Ok(res
            .headers()
            .get(header::SET_COOKIE)
            .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned()))
    } else {
        Err(error_of(res).await)
    }
}

/// The token of the last link emailed to `to`, read from the outbox.
async fn last_link(db: &Db, to: &str, path: &str) -> String {
    let body: String = sqlx::query_scalar(
        "SELECT body FROM outbox WHERE to_address = $1 AND body LIKE $2 \
         ORDER BY created_at DESC, id LIMIT 1",
    )
    .bind(to)
    .bind(format!("%/{path}/%"))
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let prefix = format!("{}/{path}/", server::testing::PUBLIC_URL);
    let line = body
        .lines()
        .find(|l| l.starts_with(&prefix))
        .expect("a link in the email");
    line[prefix.len()..].to_owned()
}

async fn invite(
    app: &Router,
    cookie: &str,
    email: &str,
    role: &str,
) -> Result<Option<String>, AppError> {
    let body = format!(
        "organisation_id={}&name=Nia+Patel&email={}&role={role}&job_function=technical",
        demo_id("org", "northwind"),
        encode(email)
    );
    call(app, "/api/invite_person", &body, Some(cookie)).await
}

backend_test!(
    an_invitation_link_works_once_and_sets_a_password,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, "ava.thompson@northwind.example", DEMO_PASSWORD)
            .await
            .unwrap();
        invite(&app, &ava, "nia.patel@northwind.example", "partner_user")
            .await
            .unwrap();
        // Invited, not yet able to sign in.
        assert!(
            sign_in(&app, "nia.patel@northwind.example", "anything at all")
                .await
                .is_err()
        );
        let token = last_link(&db, "nia.patel@northwind.example", "invitation").await;

        let weak = format!("token={token}&password=password1");
        let err = call(&app, "/api/accept_invitation", &weak, None)
            .await
            .unwrap_err();
        assert!(err.message_for("password").is_some(), "{err:?}");

        let good = format!("token={token}&password={}", encode("a garden of trellises"));
        let cookie = call(&app, "/api/accept_invitation", &good, None)
            .await
            .unwrap();
        assert!(cookie.unwrap().starts_with(COOKIE));
        sign_in(&app, "nia.patel@northwind.example", "a garden of trellises")
            .await
            .unwrap();

        // Used once: dead now.
        let again = call(&app, "/api/accept_invitation", &good, None)
            .await
            .unwrap_err();
        assert_eq!(again.message_for("token"), Some(DEAD));
    }
);

backend_test!(
    tampered_and_expired_links_open_nothing,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, "ava.thompson@northwind.example", DEMO_PASSWORD)
            .await
            .unwrap();
        invite(&app, &ava, "omar.haddad@northwind.example", "partner_user")
            .await
            .unwrap();
        let token = last_link(&db, "omar.haddad@northwind.example", "invitation").await;
        let mut tampered = token.clone();
        let last = tampered.pop().unwrap();
        tampered.push(if last == '0' { '1' } else { '0' });
        let body = format!(
            "token={tampered}&password={}",
            encode("a garden of trellises")
        );
        let err = call(&app, "/api/accept_invitation", &body, None)
            .await
            .unwrap_err();
        assert_eq!(err.message_for("token"), Some(DEAD));

        sqlx::query("UPDATE person_links SET expires_at = $1 WHERE token_hash = $2")
            .bind(app::auth::server::now() - 1)
            .bind(token_hash(&token))
            .execute(&db.pool)
            .await
            .unwrap();
        let body = format!("token={token}&password={}", encode("a garden of trellises"));
        let err = call(&app, "/api/accept_invitation", &body, None)
            .await
            .unwrap_err();
        assert_eq!(err.message_for("token"), Some(DEAD));
        let status: String = sqlx::query_scalar(
            "SELECT status FROM people WHERE email = 'omar.haddad@northwind.example'",
        )
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(status, "invited", "nothing changed");
    }
);

backend_test!(
    partner_admins_invite_partner_roles_only,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, "ava.thompson@northwind.example", DEMO_PASSWORD)
            .await
            .unwrap();
        let outbox = || async {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM outbox")
                .fetch_one(&db.pool)
                .await
                .unwrap()
        };
        let before = outbox().await;
        let err = invite(&app, &ava, "sneaky@northwind.example", "program_admin")
            .await
            .unwrap_err();
        assert!(err.message_for("role").is_some());
        let err = invite(&app, &ava, "ava.thompson@northwind.example", "partner_user")
            .await
            .unwrap_err();
        assert!(err.message_for("email").is_some(), "{err:?}");
        let err = invite(&app, &ava, "not-an-email", "partner_user")
            .await
            .unwrap_err();
        assert!(err.message_for("email").is_some());
        assert_eq!(outbox().await, before, "refused invitations send nothing");
    }
);

backend_test!(
    a_password_reset_replaces_the_password_and_ends_other_sessions,
    |db: Db| async move {
        let app = app(&db).await;
        let leo = "leo.martinez@northwind.example";
        let old_session = sign_in(&app, leo, DEMO_PASSWORD).await.unwrap();
        call(
            &app,
            "/api/request_password_reset",
            &format!("email={}", encode(leo)),
            None,
        )
        .await
        .unwrap();
        // Unknown addresses get the same answer and no email.
        call(
            &app,
            "/api/request_password_reset",
            "email=nobody%40nowhere.example",
            None,
        )
        .await
        .unwrap();
        let sent: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE to_address = $1 AND subject NOT LIKE 'Deal registration%'")
            .bind(leo)
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(sent, 1);

        let token = last_link(&db, leo, "password-reset").await;
        let body = format!("token={token}&password={}", encode("new and much longer"));
        call(&app, "/api/reset_password", &body, None)
            .await
            .unwrap();
        assert!(
            sign_in(&app, leo, DEMO_PASSWORD).await.is_err(),
            "old password gone"
        );
        sign_in(&app, leo, "new and much longer").await.unwrap();
        let subjects: Vec<String> = sqlx::query_scalar(
            "SELECT subject FROM outbox WHERE to_address = $1 \
             AND subject NOT LIKE 'Deal registration%' ORDER BY created_at, subject",
        )
        .bind(leo)
        .fetch_all(&db.pool)
        .await
        .unwrap();
        assert_eq!(
            subjects,
            [
                "Reset your Trellis password",
                "Your Trellis password was changed"
            ]
        );
        let viewer = post(&app, "/api/current_viewer", "", Some(&old_session)).await;
        assert_eq!(body_text(viewer).await, "null", "the old session ended");
        let again = call(&app, "/api/reset_password", &body, None)
            .await
            .unwrap_err();
        assert_eq!(again.message_for("token"), Some(DEAD));
    }
);

/// Delivers the outbox through the SMTP server the test command starts
/// (aiosmtpd, writing a maildir) and reads the link out of the message.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invitation_email_is_delivered_over_smtp() {
    let (Ok(smtp), Ok(maildir)) = (
        std::env::var("TRELLIS_TEST_SMTP"),
        std::env::var("TRELLIS_TEST_MAILDIR"),
    ) else {
        assert!(
            std::env::var("TRELLIS_REQUIRE_SMTP").is_err(),
            "TRELLIS_REQUIRE_SMTP=1 but no TRELLIS_TEST_SMTP/TRELLIS_TEST_MAILDIR"
        );
        eprintln!("skipping: no SMTP server (scripts/test starts one)");
        return;
    };
    app::db::testing::run(app::db::Backend::Sqlite, |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, "ava.thompson@northwind.example", DEMO_PASSWORD)
            .await
            .unwrap();
        let to = format!("smtp-test-{}@northwind.example", uuid_suffix());
        invite(&app, &ava, &to, "partner_user").await.unwrap();
        let mailer = Mailer::from_url(
            &format!("smtp://{smtp}"),
            "Trellis <no-reply@acmecloud.example>",
        )
        .unwrap();
        let pending: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE status = 'pending'")
                .fetch_one(&db.pool)
                .await
                .unwrap();
        // The sender takes the outbox in batches: run it until it is empty.
        let mut delivered = 0;
        loop {
            let sent = deliver_due(&db, &mailer).await.unwrap();
            if sent == 0 {
                break;
            }
            delivered += sent;
        }
        assert_eq!(
            delivered, pending as usize,
            "the invitation and the demo's notifications"
        );
        let status: String = sqlx::query_scalar("SELECT status FROM outbox WHERE to_address = $1")
            .bind(&to)
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(status, "sent");

        let message = decoded_body(&wait_for_message(&maildir, &to).await);
        assert!(message.contains("Subject: You are invited to the Acme Cloud partner portal"));
        let token = last_link(&db, &to, "invitation").await;
        assert!(
            message.contains(&format!("https://partners.acme.example/invitation/{token}")),
            "the delivered email carries the link"
        );
    })
    .await;
}

/// The message as a mail client shows it: headers, then the body with any
/// quoted-printable encoding undone (soft line breaks, `=XX` bytes).
fn decoded_body(raw: &str) -> String {
    let raw = raw.replace("\r\n", "\n");
    let (headers, body) = raw.split_once("\n\n").unwrap_or((&raw, ""));
    if !headers
        .to_ascii_lowercase()
        .contains("content-transfer-encoding: quoted-printable")
    {
        return raw.clone();
    }
    let joined = body.replace("=\n", "");
    let mut out = Vec::new();
    let bytes = joined.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            if let Ok(byte) = u8::from_str_radix(&joined[i + 1..i + 3], 16) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    format!("{headers}\n\n{}", String::from_utf8_lossy(&out))
}

fn uuid_suffix() -> String {
    app::auth::server::new_token()[..8].to_owned()
}

async fn wait_for_message(maildir: &str, to: &str) -> String {
    for _ in 0..50 {
        for dir in ["new", "cur"] {
            if let Ok(entries) = std::fs::read_dir(format!("{maildir}/{dir}")) {
                for entry in entries.flatten() {
                    let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                    if text.contains(&format!("To: {to}")) {
                        return text;
                    }
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no message to {to} arrived in {maildir}");
}

// An address that already has an account is refused by the unique index,
// as an error on the email field; nothing is written and nothing is sent.
backend_test!(
    inviting_an_address_that_has_an_account_is_a_field_error,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, "ava.thompson@northwind.example", DEMO_PASSWORD)
            .await
            .unwrap();
        let count = |sql: &'static str| {
            let db = db.clone();
            async move {
                sqlx::query_scalar::<_, i64>(sql)
                    .fetch_one(&db.pool)
                    .await
                    .unwrap()
            }
        };
        let people = count("SELECT COUNT(*) FROM people").await;
        let emails = count("SELECT COUNT(*) FROM outbox").await;
        let audited = count("SELECT COUNT(*) FROM audit_log").await;
        // Leo has an account; the address is matched whatever its case.
        let err = invite(&app, &ava, "Leo.Martinez@Northwind.example", "partner_user")
            .await
            .unwrap_err();
        assert_eq!(
            err.message_for("email"),
            Some("That email address already has an account."),
            "{err:?}"
        );
        assert_eq!(count("SELECT COUNT(*) FROM people").await, people);
        assert_eq!(count("SELECT COUNT(*) FROM outbox").await, emails);
        assert_eq!(count("SELECT COUNT(*) FROM audit_log").await, audited);
    }
);
