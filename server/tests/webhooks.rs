//! Signed webhooks through the real router on both databases, to a real
//! HTTP receiver on loopback: a lead from a landing page reaches the
//! partner's endpoint whole and the vendor's without the person; the
//! signature verifies (checked here with HMAC directly, not with Trellis's
//! own signer); a receiver that fails is retried later, and a replay sends
//! the same message id again; each organisation sees only its own
//! endpoints and deliveries.

use std::sync::{Arc, Mutex};

use app::{
    backend_test,
    db::Db,
    error::AppError,
    organisations::demo::{demo_id, DEMO_PASSWORD},
    webhooks::{
        server::{deliver_due, Sender},
        Reach,
    },
};
use axum::{
    body::{Body, Bytes},
    http::{HeaderMap, Response, StatusCode},
    routing::post as route_post,
    Router,
};
use base64::Engine;
use hmac::{Hmac, Mac};
use server::testing::{body_text, error_of, form_value, post_form as post, seeded_state, sign_in};

const AVA: &str = "ava.thompson@northwind.example";
const LEO: &str = "leo.martinez@northwind.example";
const PRIYA: &str = "priya.raman@acmecloud.example";

/// What the receiver got: (path, webhook-id, webhook-timestamp,
/// webhook-signature, body).
type Received = Arc<Mutex<Vec<(String, String, String, String, String)>>>;

/// A receiver on a free loopback port; answers `answer` (shared, so a test
/// can make it fail and recover).
async fn receiver(answer: Arc<Mutex<StatusCode>>) -> (String, Received) {
    let received: Received = Arc::default();
    let record = |path: &'static str| {
        let received = received.clone();
        let answer = answer.clone();
        move |headers: HeaderMap, body: Bytes| {
            let received = received.clone();
            let answer = answer.clone();
            async move {
                let h = |name: &str| {
                    headers
                        .get(name)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or_default()
                        .to_owned()
                };
                received.lock().unwrap().push((
                    path.to_owned(),
                    h("webhook-id"),
                    h("webhook-timestamp"),
                    h("webhook-signature"),
                    String::from_utf8_lossy(&body).into_owned(),
                ));
                *answer.lock().unwrap()
            }
        }
    };
    let app = Router::new()
        .route("/partner", route_post(record("/partner")))
        .route("/vendor", route_post(record("/vendor")))
        .with_state(());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (base, received)
}

async fn json(res: Response<Body>) -> serde_json::Value {
    let status = res.status();
    let text = body_text(res).await;
    assert!(status.is_success(), "{status}: {text}");
    serde_json::from_str(&text).unwrap()
}

/// `sig` is a valid Standard Webhooks signature of (`id`, `ts`, `body`)
/// under `secret` (`whsec_<base64>`).
fn verifies(secret: &str, id: &str, ts: &str, body: &str, sig: &str) -> bool {
    let key = base64::engine::general_purpose::STANDARD
        .decode(secret.strip_prefix("whsec_").unwrap())
        .unwrap();
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(&key).unwrap();
    mac.update(format!("{id}.{ts}.{body}").as_bytes());
    let expected = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    sig.split(' ').any(|s| s == format!("v1,{expected}"))
}

async fn landing_path(db: &Db, campaign: &str, partner: &str) -> String {
    let slug: String = sqlx::query_scalar("SELECT slug FROM campaigns WHERE id = $1")
        .bind(demo_id("campaign", campaign))
        .fetch_one(&db.pool)
        .await
        .unwrap();
    format!("/c/{partner}/{slug}")
}

fn lead_form(name: &str, email: &str) -> String {
    format!(
        "name={}&email={}&company=Orbit+Freight&phone=%2B44+20+7946+0000&message=Call+me&consent=yes&website=",
        form_value(name),
        form_value(email)
    )
}

async fn add_endpoint(app: &Router, cookie: &str, url: &str) -> serde_json::Value {
    json(
        post(
            app,
            "/api/webhooks_add",
            &format!(
                "url={}&events[0]=lead.created&events[1]=lead.updated",
                form_value(url)
            ),
            Some(cookie),
        )
        .await,
    )
    .await
}

backend_test!(
    leads_reach_the_crm_signed_and_only_as_far_as_allowed,
    |db: Db| async move {
        let state = seeded_state(&db)
            .await
            .with_webhook_reach(Reach::PublicAndLoopback);
        let sender: Sender = state.webhooks.clone();
        let app = server::router(state);
        let answer = Arc::new(Mutex::new(StatusCode::OK));
        let (base, received) = receiver(answer.clone()).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let priya = sign_in(&app, PRIYA, DEMO_PASSWORD, None).await.unwrap();
        let partner = add_endpoint(&app, &ava, &format!("{base}/partner")).await;
        let vendor = add_endpoint(&app, &priya, &format!("{base}/vendor")).await;
        // The demo endpoints (addresses that do not exist) are paused, so
        // only the receiver here is sent to.
        for (endpoint, cookie) in [("acme-crm", &priya), ("northwind-crm", &ava)] {
            let res = post(
                &app,
                "/api/webhooks_active",
                &format!("id={}&active=false", demo_id("webhook", endpoint)),
                Some(cookie),
            )
            .await;
            assert!(res.status().is_success(), "{}", res.status());
        }
        let partner_secret = partner["secret"].as_str().unwrap().to_owned();
        let vendor_secret = vendor["secret"].as_str().unwrap().to_owned();
        assert!(partner_secret.starts_with("whsec_"));
        assert_ne!(partner_secret, vendor_secret);

        // A person fills in Northwind's landing page; one sender run later
        // both endpoints have it.
        let path = landing_path(&db, "northwind-migration", "northwind").await;
        let res = post(
            &app,
            &path,
            &lead_form("Kim Hale", "kim@orbit.example"),
            None,
        )
        .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(deliver_due(&db, &sender).await.unwrap(), 2);
        let got = received.lock().unwrap().clone();
        assert_eq!(got.len(), 2);
        let now = app::format::now_secs();
        for (to, id, ts, sig, body) in &got {
            let secret = if to == "/partner" {
                &partner_secret
            } else {
                &vendor_secret
            };
            assert!(id.starts_with("msg_"), "{id}");
            assert!((ts.parse::<i64>().unwrap() - now).abs() < 60);
            assert!(verifies(secret, id, ts, body, sig), "{to}: {sig}");
            let other = if to == "/partner" {
                &vendor_secret
            } else {
                &partner_secret
            };
            assert!(
                !verifies(other, id, ts, body, sig),
                "each endpoint has its own key"
            );
            let tampered = body.replace("lead.created", "lead.updated");
            assert_ne!(&tampered, body);
            assert!(!verifies(secret, id, ts, &tampered, sig));
        }
        let body_to = |to: &str| -> serde_json::Value {
            let (_, _, _, _, body) = got.iter().find(|g| g.0 == to).unwrap();
            serde_json::from_str(body).unwrap()
        };
        let whole = body_to("/partner");
        assert_eq!(whole["type"], "lead.created");
        assert_eq!(whole["data"]["contact"]["email"], "kim@orbit.example");
        assert_eq!(whole["data"]["contact"]["name"], "Kim Hale");
        assert_eq!(whole["data"]["partner"]["name"], "Northwind Solutions");
        assert_eq!(whole["data"]["status"], "new");
        let redacted = body_to("/vendor");
        assert_eq!(redacted["data"]["id"], whole["data"]["id"]);
        assert_eq!(
            redacted["data"]["partner"]["id"],
            demo_id("org", "northwind")
        );
        assert_eq!(redacted["data"]["source"], "partner_campaign");
        assert!(redacted["data"].get("contact").is_none(), "{redacted}");
        let text = redacted.to_string();
        for personal in ["Kim", "kim@orbit", "Orbit Freight", "7946", "Call me"] {
            assert!(!text.contains(personal), "{personal} in {text}");
        }

        // Bluepeak's lead: the vendor hears of it (without the person),
        // Northwind does not.
        let bluepeak = landing_path(&db, "bluepeak-backup", "bluepeak").await;
        post(
            &app,
            &bluepeak,
            &lead_form("Ola Berg", "ola@fjord.example"),
            None,
        )
        .await;
        assert_eq!(deliver_due(&db, &sender).await.unwrap(), 1);
        let last = received.lock().unwrap().last().cloned().unwrap();
        assert_eq!(last.0, "/vendor");
        assert!(!last.4.contains("ola@fjord"));

        // Northwind accepts its lead, then starts working it: two
        // lead.updated for each endpoint. The receiver is down: one try
        // per endpoint (the second waits for the next run), each kept with
        // its reason, and none tried again before its backoff.
        *answer.lock().unwrap() = StatusCode::SERVICE_UNAVAILABLE;
        let lead = whole["data"]["id"].as_str().unwrap().to_owned();
        for status in ["accepted", "working"] {
            let res = post(
                &app,
                "/api/campaigns_lead_status",
                &format!("id={lead}&status={status}"),
                Some(&ava),
            )
            .await;
            assert!(res.status().is_success(), "{}", res.status());
        }
        let before = received.lock().unwrap().len();
        assert_eq!(deliver_due(&db, &sender).await.unwrap(), 0);
        assert_eq!(received.lock().unwrap().len(), before + 2);
        let tried: Vec<(String, String, i64, Option<String>)> = sqlx::query_as(
            "SELECT d.id, d.status, d.attempts, d.last_error FROM webhook_deliveries d              WHERE d.event = 'lead.updated' AND d.subject_id = $1 AND d.endpoint_id = $2              ORDER BY d.id",
        )
        .bind(&lead)
        .bind(partner["id"].as_str().unwrap())
        .fetch_all(&db.pool)
        .await
        .unwrap();
        assert_eq!(tried.len(), 2);
        let failed = tried.iter().find(|t| t.2 == 1).expect("one was tried");
        assert_eq!(
            (failed.1.as_str(), failed.3.as_deref()),
            ("pending", Some("answered HTTP 503"))
        );
        assert!(tried.iter().any(|t| t.2 == 0 && t.1 == "pending"));
        assert_eq!(deliver_due(&db, &sender).await.unwrap(), 0);
        assert_eq!(
            received.lock().unwrap().len(),
            before + 2,
            "an endpoint waiting out a backoff is sent nothing"
        );

        // The receiver is back; Northwind's admin replays the failed one
        // from the log: the same message id arrives, now delivered.
        *answer.lock().unwrap() = StatusCode::NO_CONTENT;
        let failed_id = failed.0.clone();
        let arrived = json(
            post(
                &app,
                "/api/webhooks_replay",
                &format!("id={failed_id}"),
                Some(&ava),
            )
            .await,
        )
        .await;
        assert_eq!(arrived, serde_json::json!(true));
        let again = received.lock().unwrap().last().cloned().unwrap();
        assert_eq!(again.1, failed_id);
        assert!(verifies(
            &partner_secret,
            &again.1,
            &again.2,
            &again.4,
            &again.3
        ));
        let updated: serde_json::Value = serde_json::from_str(&again.4).unwrap();
        assert_eq!(updated["type"], "lead.updated");
        assert_eq!(updated["data"]["status"], "accepted");
        let status: String =
            sqlx::query_scalar("SELECT status FROM webhook_deliveries WHERE id = $1")
                .bind(&failed_id)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert_eq!(status, "delivered");
        // Northwind's endpoint works again, so its second delivery goes;
        // the vendor's still waits out its backoff.
        assert_eq!(deliver_due(&db, &sender).await.unwrap(), 1);
        let last = received.lock().unwrap().last().cloned().unwrap();
        assert_eq!(last.0, "/partner");
        assert!(last.4.contains(r#""status":"working""#), "{}", last.4);
        // The vendor's admin cannot replay Northwind's delivery.
        let res = post(
            &app,
            "/api/webhooks_replay",
            &format!("id={failed_id}"),
            Some(&priya),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::NotFound);

        // Each admin sees only their own organisation's endpoints and
        // deliveries; Northwind's log never holds Bluepeak's lead.
        let northwind = json(post(&app, "/api/webhooks_view", "", Some(&ava)).await).await;
        let urls: Vec<&str> = northwind["endpoints"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["url"].as_str().unwrap())
            .collect();
        assert!(urls.contains(&format!("{base}/partner").as_str()));
        assert!(!urls
            .iter()
            .any(|u| u.ends_with("/vendor") || u.contains("acmecloud")));
        assert!(!northwind.to_string().contains("ola@fjord"));
        assert!(!northwind.to_string().contains(&vendor_secret));
        let vendor_log = json(post(&app, "/api/webhooks_view", "", Some(&priya)).await).await;
        assert!(!vendor_log.to_string().contains(&partner_secret));
        assert!(!vendor_log.to_string().contains("kim@orbit"));
    }
);

backend_test!(
    endpoints_are_checked_and_kept_to_their_organisation,
    |db: Db| async move {
        let app = server::router(seeded_state(&db).await);
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let leo = sign_in(&app, LEO, DEMO_PASSWORD, None).await.unwrap();
        let count = || async {
            sqlx::query_scalar::<_, i64>("SELECT CAST(COUNT(*) AS BIGINT) FROM webhook_endpoints")
                .fetch_one(&db.pool)
                .await
                .unwrap()
        };
        let before = count().await;
        for (url, field) in [
            ("http://crm.example.com/hook", "url"),
            ("https://10.0.0.7/hook", "url"),
            ("https://169.254.169.254/latest", "url"),
            ("http://127.0.0.1:9/hook", "url"),
            ("https://user@crm.example.com/", "url"),
        ] {
            let res = post(
                &app,
                "/api/webhooks_add",
                &format!("url={}&events[0]=lead.created", form_value(url)),
                Some(&ava),
            )
            .await;
            assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{url}");
            assert!(error_of(res).await.message_for(field).is_some(), "{url}");
        }
        let res = post(
            &app,
            "/api/webhooks_add",
            "url=https%3A%2F%2Fcrm.example.com%2Fhook&events[0]=lead.deleted",
            Some(&ava),
        )
        .await;
        assert!(error_of(res).await.message_for("events").is_some());
        let res = post(
            &app,
            "/api/webhooks_add",
            "url=https%3A%2F%2Fcrm.example.com%2Fhook&events[0]=lead.created",
            Some(&leo),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::Forbidden);
        assert_eq!(count().await, before, "nothing refused was kept");

        // Pausing the vendor's endpoint is not Northwind's to do.
        let vendor = demo_id("webhook", "acme-crm");
        let res = post(
            &app,
            "/api/webhooks_active",
            &format!("id={vendor}&active=false"),
            Some(&ava),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::NotFound);
        let active: i64 = sqlx::query_scalar("SELECT active FROM webhook_endpoints WHERE id = $1")
            .bind(&vendor)
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(active, 1);

        // A paused endpoint keeps its deliveries and sends none until it is
        // resumed.
        let own = demo_id("webhook", "northwind-crm");
        let res = post(
            &app,
            "/api/webhooks_active",
            &format!("id={own}&active=false"),
            Some(&ava),
        )
        .await;
        assert!(res.status().is_success());
        let path = landing_path(&db, "northwind-migration", "northwind").await;
        post(&app, &path, &lead_form("Max Roe", "max@roe.example"), None).await;
        let waiting = || async {
            sqlx::query_scalar::<_, i64>(
                "SELECT CAST(COUNT(*) AS BIGINT) FROM webhook_deliveries \
                 WHERE endpoint_id = $1 AND status = 'pending'",
            )
            .bind(&own)
            .fetch_one(&db.pool)
            .await
            .unwrap()
        };
        assert_eq!(waiting().await, 1);
        deliver_due(&db, &Sender::new(Reach::Public)).await.unwrap();
        assert_eq!(waiting().await, 1, "held while paused");
        let attempts: i64 = sqlx::query_scalar(
            "SELECT CAST(COUNT(*) AS BIGINT) FROM webhook_attempts a \
             JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.endpoint_id = $1 AND d.status = 'pending'",
        )
        .bind(&own)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(attempts, 0);
    }
);

backend_test!(
    social_posts_reach_the_partners_automation_or_wait_to_be_shared,
    |db: Db| async move {
        use app::campaigns::server::place_due;
        let state = seeded_state(&db)
            .await
            .with_webhook_reach(Reach::PublicAndLoopback);
        let sender: Sender = state.webhooks.clone();
        let app = server::router(state);
        let answer = Arc::new(Mutex::new(StatusCode::OK));
        let (base, received) = receiver(answer.clone()).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let oliver = sign_in(&app, "oliver.grant@bluepeak.example", DEMO_PASSWORD, None)
            .await
            .unwrap();
        // Northwind's automation listens to social posts (its demo
        // endpoint, an address that does not exist, is paused).
        let res = post(
            &app,
            "/api/webhooks_active",
            &format!("id={}&active=false", demo_id("webhook", "northwind-social")),
            Some(&ava),
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());
        let endpoint = json(
            post(
                &app,
                "/api/webhooks_add",
                &format!(
                    "url={}&events[0]=social.post",
                    form_value(&format!("{base}/partner"))
                ),
                Some(&ava),
            )
            .await,
        )
        .await;
        let secret = endpoint["secret"].as_str().unwrap().to_owned();

        // Ava launches the migration campaign (a LinkedIn post, then an X
        // post a day later).
        let res = post(
            &app,
            "/api/campaigns_launch",
            &format!("id={}", demo_id("template", "migration")),
            Some(&ava),
        )
        .await;
        assert!(res.status().is_redirection() || res.status().is_success());
        let campaign: String = sqlx::query_scalar(
            "SELECT id FROM campaigns WHERE organisation_id = $1 ORDER BY launched_at DESC, id LIMIT 1",
        )
        .bind(demo_id("org", "northwind"))
        .fetch_one(&db.pool)
        .await
        .unwrap();
        let view = |cookie: String| {
            let (app, campaign) = (app.clone(), campaign.clone());
            async move {
                json(
                    post(
                        &app,
                        "/api/campaigns_get",
                        &format!("id={campaign}"),
                        Some(&cookie),
                    )
                    .await,
                )
                .await
            }
        };
        let states = |v: &serde_json::Value| -> Vec<String> {
            v["posts"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["state"].as_str().unwrap().to_owned())
                .collect()
        };
        assert_eq!(
            states(&view(ava.clone()).await),
            vec!["Scheduled", "Scheduled"]
        );

        // Due now: the LinkedIn post goes to the automation, signed.
        let now = app::format::now_secs();
        assert_eq!(place_due(&db, now).await.unwrap(), 1);
        assert_eq!(place_due(&db, now).await.unwrap(), 0, "placed once");
        assert_eq!(deliver_due(&db, &sender).await.unwrap(), 1);
        let (to, id, ts, sig, body) = received.lock().unwrap().last().cloned().unwrap();
        assert_eq!(to, "/partner");
        assert!(verifies(&secret, &id, &ts, &body, &sig));
        let body: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(body["type"], "social.post");
        assert_eq!(body["data"]["network"], "linkedin");
        assert_eq!(body["data"]["campaign"]["id"], campaign.as_str());
        let text = body["data"]["text"].as_str().unwrap();
        assert!(text.contains("Northwind Solutions"), "{text}");
        let link = body["data"]["link"].as_str().unwrap();
        assert!(
            text.contains(link) && link.contains("/c/"),
            "{text} / {link}"
        );
        assert_eq!(
            states(&view(ava.clone()).await),
            vec!["Delivered", "Scheduled"]
        );

        // The receiver is down when the X post is due: retried, shown
        // with the reason; after the last attempt the launcher is told.
        *answer.lock().unwrap() = StatusCode::INTERNAL_SERVER_ERROR;
        assert_eq!(
            place_due(&db, now).await.unwrap(),
            0,
            "not due before its day"
        );
        // A day later (the clock moved by moving the post's time).
        sqlx::query(
            "UPDATE social_posts SET scheduled_at = scheduled_at - 86400 \
             WHERE campaign_id = $1 AND status = 'scheduled'",
        )
        .bind(&campaign)
        .execute(&db.pool)
        .await
        .unwrap();
        assert_eq!(place_due(&db, now).await.unwrap(), 1);
        assert_eq!(deliver_due(&db, &sender).await.unwrap(), 0);
        let v = view(ava.clone()).await;
        assert_eq!(states(&v), vec!["Delivered", "Retrying"]);
        assert_eq!(v["posts"][1]["error"], "answered HTTP 500");
        let delivery = v["posts"][1]["delivery_id"].as_str().unwrap().to_owned();
        sqlx::query(
            "UPDATE webhook_deliveries SET attempts = $1, next_attempt_at = 0 WHERE id = $2",
        )
        .bind(app::webhooks::MAX_ATTEMPTS - 1)
        .bind(&delivery)
        .execute(&db.pool)
        .await
        .unwrap();
        assert_eq!(deliver_due(&db, &sender).await.unwrap(), 0);
        let v = view(ava.clone()).await;
        assert_eq!(states(&v), vec!["Delivered", "Failed"]);
        assert_eq!(v["may_resend"], true);
        let told: Vec<String> = sqlx::query_scalar(
            "SELECT n.subject FROM notifications n JOIN people p ON p.id = n.person_id \
             WHERE p.email = $1 AND n.link = $2",
        )
        .bind(AVA)
        .bind(format!("/campaigns/{campaign}"))
        .fetch_all(&db.pool)
        .await
        .unwrap();
        assert_eq!(
            told,
            vec!["A social post of Cloud migration assessment did not go out".to_owned()]
        );

        // Back up: Ava sends it again, and it is taken.
        *answer.lock().unwrap() = StatusCode::OK;
        let res = post(
            &app,
            "/api/webhooks_replay",
            &format!("id={delivery}"),
            Some(&ava),
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());
        assert_eq!(
            states(&view(ava.clone()).await),
            vec!["Delivered", "Delivered"]
        );
        let x = received.lock().unwrap().last().cloned().unwrap();
        assert_eq!(x.1, delivery, "the same message id");

        // Bluepeak has no automation: its posts wait with share links, and
        // it cannot see Northwind's campaign.
        let res = post(
            &app,
            "/api/campaigns_get",
            &format!("id={campaign}"),
            Some(&oliver),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::NotFound);
        let bluepeak = json(
            post(
                &app,
                "/api/campaigns_get",
                &format!("id={}", demo_id("campaign", "bluepeak-backup")),
                Some(&oliver),
            )
            .await,
        )
        .await;
        assert_eq!(bluepeak["posts"][0]["state"], "Share");
        let share = bluepeak["posts"][0]["share_url"].as_str().unwrap();
        assert!(
            share.starts_with("https://www.linkedin.com/sharing/share-offsite/?url=http"),
            "{share}"
        );
        assert_eq!(bluepeak["posts"][0]["delivery_id"], serde_json::Value::Null);
    }
);
