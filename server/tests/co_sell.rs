//! Co-selling and in-app notifications through the real router and
//! repository on both databases: the channel manager adds a partner to a
//! deal, that partner sees the deal without the registrant's contact and
//! records touchpoints, a third partner reaches nothing, bad input changes
//! nothing, and every notification reaches only its person.

use app::{backend_test, db::Db, error::AppError, organisations::demo::DEMO_PASSWORD};
use axum::Router;
use server::testing::{
    body_text, error_of, form_body, get_page, post_form as post, seeded_app as app, sign_in,
};

const AVA: &str = "ava.thompson@northwind.example";
const PRIYA: &str = "priya.raman@acmecloud.example";
const MARCUS: &str = "marcus.webb@acmecloud.example";
const JONAS: &str = "jonas.weber@lumen-si.example";
const NOAH: &str = "noah.tremblay@quantix.example";

/// Calls server function `path`: its JSON answer, or its error.
async fn call(
    app: &Router,
    cookie: &str,
    path: &str,
    pairs: &[(&str, &str)],
) -> Result<serde_json::Value, AppError> {
    let res = post(app, path, &form_body(pairs), Some(cookie)).await;
    if res.status().is_success() || res.status().is_redirection() {
        let text = body_text(res).await;
        Ok(serde_json::from_str(&text).unwrap_or(serde_json::Value::Null))
    } else {
        Err(error_of(res).await)
    }
}

async fn count(db: &Db, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&db.pool).await.unwrap()
}

async fn cyberdyne(db: &Db) -> String {
    sqlx::query_scalar("SELECT id FROM deals WHERE customer_company = 'Cyberdyne Systems'")
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

fn today() -> String {
    app::format::utc_date(app::auth::server::now())
}

backend_test!(
    a_co_selling_partner_sees_the_deal_without_the_registrants_contact,
    |db: Db| async move {
        let app = app(&db).await;
        let id = cyberdyne(&db).await;
        let priya = sign_in(&app, PRIYA, DEMO_PASSWORD, None).await.unwrap();
        let add = |organisation: &'static str, role: &'static str| {
            let (app, priya, id) = (app.clone(), priya.clone(), id.clone());
            async move {
                call(
                    &app,
                    &priya,
                    "/api/add_co_seller",
                    &[("id", &id), ("organisation", organisation), ("role", role)],
                )
                .await
            }
        };
        // Bad input: a clear reason each time, and nothing added.
        let refused = [
            (
                add("Nobody Ltd", "si").await,
                "organisation",
                "No partner is called",
            ),
            (
                add("Northwind Solutions", "si").await,
                "organisation",
                "registered the deal",
            ),
            (
                add("Lumen Systems Integration", "boss").await,
                "role",
                "Choose the partner's role",
            ),
        ];
        for (result, field, text) in refused {
            let message = result
                .unwrap_err()
                .message_for(field)
                .unwrap_or_default()
                .to_owned();
            assert!(message.contains(text), "{field}: {message}");
        }
        assert_eq!(
            count(
                &db,
                &format!("SELECT COUNT(*) FROM deal_partners WHERE deal_id = '{id}'")
            )
            .await,
            0
        );
        // Any case of the name will do; a second time is refused.
        add("lumen systems integration", "si").await.unwrap();
        let again = add("Lumen Systems Integration", "referral")
            .await
            .unwrap_err();
        assert!(again
            .message_for("organisation")
            .unwrap()
            .contains("already co-sells"));
        assert_eq!(
            count(
                &db,
                &format!("SELECT COUNT(*) FROM deal_partners WHERE deal_id = '{id}'")
            )
            .await,
            1
        );

        // Lumen sees it (in its list too), without Northwind's contact,
        // notes or timeline notes.
        let jonas = sign_in(&app, JONAS, DEMO_PASSWORD, None).await.unwrap();
        let deal = call(&app, &jonas, "/api/deal_detail", &[("id", &id)])
            .await
            .unwrap();
        assert_eq!(deal["shared"], true);
        assert_eq!(
            deal["co_sellers"][0]["organisation_name"],
            "Lumen Systems Integration"
        );
        assert_eq!(deal["co_sellers"][0]["role"], "Si");
        let text = deal.to_string();
        let contact: String = sqlx::query_scalar("SELECT contact_email FROM deals WHERE id = $1")
            .bind(&id)
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert!(!text.contains(&contact), "contact leaked: {text}");
        assert_eq!(deal["notes"], serde_json::Value::Null);
        assert!(deal["events"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["note"].is_null()));
        for action in [
            "can_close",
            "can_request_extension",
            "can_respond",
            "can_review",
        ] {
            assert_eq!(deal[action], false, "{action}");
        }
        assert_eq!(deal["can_record_touchpoint"], true);
        let list = call(
            &app,
            &jonas,
            "/api/list_deals",
            &[("search", "cyberdyne"), ("status", ""), ("page", "1")],
        )
        .await
        .unwrap();
        assert_eq!(list["deals"][0]["id"], id.as_str());

        // It records a touchpoint; bad ones change nothing.
        let touch = |cookie: String, kind: &'static str, on: String| {
            let (app, id) = (app.clone(), id.clone());
            async move {
                call(
                    &app,
                    &cookie,
                    "/api/record_touchpoint",
                    &[
                        ("id", &id),
                        ("kind", kind),
                        ("happened_on", &on),
                        ("note", "Ran the PoC"),
                    ],
                )
                .await
            }
        };
        let tomorrow = app::format::utc_date(app::auth::server::now() + 86_400);
        let future = touch(jonas.clone(), "poc", tomorrow).await.unwrap_err();
        assert_eq!(
            future.message_for("happened_on"),
            Some("The date is in the future.")
        );
        let unknown = touch(jonas.clone(), "lunch", today()).await.unwrap_err();
        assert_eq!(unknown.message_for("kind"), Some("Choose what happened."));
        assert_eq!(
            count(
                &db,
                &format!("SELECT COUNT(*) FROM deal_touchpoints WHERE deal_id = '{id}'")
            )
            .await,
            0
        );
        touch(jonas.clone(), "poc", today()).await.unwrap();
        // Northwind, the registrant, sees whose touchpoint it is.
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        touch(ava.clone(), "demo", today()).await.unwrap();
        let seen = call(&app, &ava, "/api/deal_detail", &[("id", &id)])
            .await
            .unwrap();
        assert_eq!(seen["shared"], false);
        let by: Vec<&str> = seen["touchpoints"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["organisation_name"].as_str().unwrap())
            .collect();
        assert_eq!(by.len(), 2);
        assert!(by.contains(&"Lumen Systems Integration") && by.contains(&"Northwind Solutions"));

        // Lumen cannot act for Northwind's registration.
        let close = call(
            &app,
            &jonas,
            "/api/close_deal",
            &[("id", &id), ("outcome", "won")],
        )
        .await;
        assert_eq!(close.unwrap_err(), AppError::NotFound);
        // A partner not on the deal reaches nothing.
        let noah = sign_in(&app, NOAH, DEMO_PASSWORD, None).await.unwrap();
        let detail = call(&app, &noah, "/api/deal_detail", &[("id", &id)]).await;
        assert_eq!(detail.unwrap_err(), AppError::NotFound);
        assert_eq!(
            touch(noah, "demo", today()).await.unwrap_err(),
            AppError::NotFound
        );
        assert_eq!(
            count(
                &db,
                &format!("SELECT COUNT(*) FROM deal_touchpoints WHERE deal_id = '{id}'")
            )
            .await,
            2
        );
        // Partners may not add partners.
        let by_partner = call(
            &app,
            &ava,
            "/api/add_co_seller",
            &[
                ("id", &id),
                ("organisation", "Quantix Software"),
                ("role", "si"),
            ],
        )
        .await;
        assert_eq!(by_partner.unwrap_err(), AppError::Forbidden);

        // Lumen's partner admin was told, in the portal and by email.
        let inbox = call(&app, &jonas, "/api/notifications", &[]).await.unwrap();
        // (The demo's Stark Industries co-sell, and this one; the demo
        // tells Lumen of other things too: its funds, its earnings.)
        let co_selling = inbox["notifications"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| {
                n["subject"]
                    .as_str()
                    .unwrap()
                    .starts_with("You are co-selling")
                    && n["read_at"].is_null()
            })
            .count();
        assert_eq!(co_selling, 2);
        let told = inbox["notifications"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["subject"] == "You are co-selling Cyberdyne Systems")
            .expect("Jonas is told");
        assert_eq!(told["link"], format!("/deals/{id}"));
        let emailed = count(
            &db,
            "SELECT COUNT(*) FROM outbox WHERE to_address = 'jonas.weber@lumen-si.example' \
             AND subject = 'You are co-selling Cyberdyne Systems'",
        )
        .await;
        assert_eq!(emailed, 1);
    }
);

backend_test!(
    notifications_reach_only_their_person_and_can_be_marked_read,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let marcus = sign_in(&app, MARCUS, DEMO_PASSWORD, None).await.unwrap();
        let before = call(&app, &marcus, "/api/notifications", &[])
            .await
            .unwrap();
        let registration = server::testing::registration("Hooli", "hooli.example");
        call(&app, &ava, "/api/register_deal", &registration)
            .await
            .unwrap();
        // Northwind's channel manager is told; Ava, who did it, is not.
        let after = call(&app, &marcus, "/api/notifications", &[])
            .await
            .unwrap();
        assert_eq!(after["unread"], before["unread"].as_i64().unwrap() + 1);
        // The demo's own notifications may share its second: find it.
        let newest = after["notifications"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| {
                n["subject"]
                    .as_str()
                    .unwrap()
                    .starts_with("New deal registration DR-")
                    && n["body"].as_str().unwrap().contains("Hooli")
            })
            .expect("the registration's notification");
        assert!(newest["link"].as_str().unwrap().starts_with("/deals/"));
        let own = call(&app, &ava, "/api/notifications", &[]).await.unwrap();
        assert!(!own.to_string().contains("New deal registration"));
        // The header counts them; marking read clears the count for Marcus only.
        let unread = after["unread"].as_i64().unwrap();
        let page = body_text(get_page(&app, "/home", &marcus).await).await;
        assert!(
            page.contains(&format!("Notifications, {unread} unread")),
            "no count in the header"
        );
        call(&app, &marcus, "/api/mark_notifications_read", &[])
            .await
            .unwrap();
        let read = call(&app, &marcus, "/api/notifications", &[])
            .await
            .unwrap();
        assert_eq!(read["unread"], 0);
        assert!(read["notifications"][0]["read_at"].as_i64().is_some());
        let page = body_text(get_page(&app, "/notifications", &marcus).await).await;
        assert!(page.contains("New deal registration"));
        assert!(!page.contains("unread"));
    }
);
