//! Automatic tiers through the real router and repository on both
//! databases: the demo's first recompute, explanations, the grace period,
//! an event that moves a partner at once, approval, bad input and tenant
//! isolation.

use app::{
    backend_test,
    db::Db,
    error::AppError,
    organisations::demo::{demo_id, DEMO_PASSWORD},
};
use axum::{http::StatusCode, Router};
use server::testing::{
    body_text, error_of, form_body, post_form as post, seeded_app as app, sign_in,
};

const PRIYA: &str = "priya.raman@acmecloud.example";
const MARCUS: &str = "marcus.webb@acmecloud.example";
const AVA: &str = "ava.thompson@northwind.example";
const NOAH: &str = "noah.tremblay@quantix.example";

async fn json(res: axum::response::Response) -> serde_json::Value {
    let status = res.status();
    let text = body_text(res).await;
    assert!(status.is_success(), "{status}: {text}");
    serde_json::from_str(&text).unwrap()
}

async fn status_of(app: &Router, cookie: &str, slug: &str) -> serde_json::Value {
    let body = format!("organisation_id={}", demo_id("org", slug));
    json(post(app, "/api/tier_status", &body, Some(cookie)).await).await
}

async fn tier_of(db: &Db, slug: &str) -> String {
    sqlx::query_scalar(
        "SELECT t.name FROM organisations o JOIN tiers t ON t.id = o.tier_id WHERE o.id = $1",
    )
    .bind(demo_id("org", slug))
    .fetch_one(&db.pool)
    .await
    .unwrap()
}

fn tier_form(tier: &str, fields: &[(&str, &str)]) -> String {
    let mut pairs = vec![("id".to_owned(), demo_id("tier", tier))];
    for name in [
        "min_sourced",
        "min_influenced",
        "min_certified",
        "min_registrations",
        "min_psat",
        "benefits",
    ] {
        let value = fields
            .iter()
            .find(|(k, _)| *k == name)
            .map_or("", |(_, v)| v);
        pairs.push((format!("tier[{name}]"), value.to_owned()));
    }
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    form_body(&borrowed)
}

backend_test!(
    the_first_recompute_places_every_partner_and_explains_it,
    |db: Db| async move {
        let app = app(&db).await;
        let priya = sign_in(&app, PRIYA, DEMO_PASSWORD, None).await.unwrap();
        // Keystone joined as Silver and earns Gold: moved, with its numbers.
        assert_eq!(tier_of(&db, "keystone").await, "Gold");
        let keystone = status_of(&app, &priya, "keystone").await;
        let moved = &keystone["history"][0];
        assert_eq!(moved["kind"], "Moved");
        assert_eq!(
            (moved["from"].as_str(), moved["to"].as_str()),
            (Some("Silver"), Some("Gold"))
        );
        let criteria = moved["criteria"].as_array().unwrap();
        assert_eq!(criteria.len(), 3);
        assert!(criteria
            .iter()
            .all(|c| c["actual"].as_i64() >= c["threshold"].as_i64()));
        assert_eq!(criteria[0]["measure"], "Sourced");
        assert_eq!(criteria[0]["actual"], 85_000_000);
        assert_eq!(criteria[0]["threshold"], 80_000_000);
        // The page says it in words.
        let page = server::testing::get_page(
            &app,
            &format!("/organisations/{}", demo_id("org", "keystone")),
            &priya,
        )
        .await;
        let html = body_text(page).await;
        assert!(
            html.contains("sourced revenue $850,000 ≥ $800,000"),
            "{html}"
        );
        // Sakura fell below Silver: warned, 90 days to recover.
        assert_eq!(tier_of(&db, "sakura").await, "Silver");
        let sakura = status_of(&app, &priya, "sakura").await;
        assert_eq!(sakura["pending"]["to"], "Registered");
        let due = sakura["pending"]["due_at"].as_i64().unwrap();
        let in_90_days = app::auth::server::now() + 90 * 86_400;
        assert!((in_90_days - due).abs() < 600, "{due}");
        assert!(!sakura["pending"]["unmet"].as_array().unwrap().is_empty());
        // The partners whose numbers hold their tier keep it, untouched.
        for (slug, tier) in [
            ("northwind", "Gold"),
            ("bluepeak", "Platinum"),
            ("meridian", "Platinum"),
            ("quantix", "Silver"),
        ] {
            assert_eq!(tier_of(&db, slug).await, tier, "{slug}");
        }
        let changes: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM tier_changes WHERE organisation_id = $1")
                .bind(demo_id("org", "northwind"))
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert_eq!(changes, 0);
        // Keystone's admin was told, by email, why.
        let mail: String = sqlx::query_scalar(
            "SELECT body FROM outbox WHERE subject = 'Your tier is now Gold' AND to_address LIKE '%keystone%'",
        )
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert!(
            mail.contains("moved from Silver to Gold") && mail.contains("≥ $800,000"),
            "{mail}"
        );
    }
);

backend_test!(
    a_partner_sees_its_own_tier_and_progress_and_no_one_elses,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let own = status_of(&app, &ava, "northwind").await;
        assert_eq!(own["tier"], "Gold");
        assert_eq!(own["next"][0], "Platinum");
        // $1,260,000 of $2,500,000 sourced; 4 of 5 certified.
        let next = own["next"][1].as_array().unwrap();
        assert_eq!(next[0]["actual"], 126_000_000);
        assert_eq!(next[1]["actual"], 4);
        let body = format!("organisation_id={}", demo_id("org", "sakura"));
        let res = post(&app, "/api/tier_status", &body, Some(&ava)).await;
        assert_eq!(error_of(res).await, AppError::NotFound);
        let page = server::testing::get_page(
            &app,
            &format!("/organisations/{}", demo_id("org", "northwind")),
            &ava,
        )
        .await;
        let html = body_text(page).await;
        assert!(html.contains("Tier: Gold"), "{html}");
        assert!(
            html.contains(
                "$1,240,000 more sourced revenue and 1 more certified person to Platinum"
            ),
            "{html}"
        );
        assert!(
            !html.contains("Sakura"),
            "another partner's name on the page"
        );
    }
);

backend_test!(
    a_fall_waits_out_its_grace_period_and_a_recovery_lifts_it,
    |db: Db| async move {
        let app = app(&db).await;
        let priya = sign_in(&app, PRIYA, DEMO_PASSWORD, None).await.unwrap();
        // Within the grace period, recomputing changes nothing.
        let before = app::tiers::server::recompute(&db, None).await.unwrap();
        assert_eq!(before.changed, 0);
        assert_eq!(tier_of(&db, "sakura").await, "Silver");
        // Silver made easier: Sakura meets it again and is safe.
        let easier = tier_form(
            "silver",
            &[("min_sourced", "50,000"), ("min_certified", "1")],
        );
        let res = post(&app, "/api/update_tier", &easier, Some(&priya)).await;
        assert!(
            res.status().is_redirection() || res.status().is_success(),
            "{}",
            res.status()
        );
        let sakura = status_of(&app, &priya, "sakura").await;
        assert_eq!(sakura["pending"], serde_json::Value::Null);
        assert_eq!(sakura["history"][0]["kind"], "Recovered");
        // Back to the demo's rule: warned again; the grace period then ends.
        let demo = tier_form(
            "silver",
            &[
                ("min_sourced", "200,000"),
                ("min_certified", "1"),
                ("min_registrations", "1"),
            ],
        );
        post(&app, "/api/update_tier", &demo, Some(&priya)).await;
        assert_eq!(
            status_of(&app, &priya, "sakura").await["history"][0]["kind"],
            "Warned"
        );
        db.execute(
            sqlx::query("UPDATE organisations SET tier_due_at = $1 WHERE id = $2")
                .bind(app::auth::server::now() - 1)
                .bind(demo_id("org", "sakura")),
        )
        .await
        .unwrap();
        let after = app::tiers::server::recompute(&db, None).await.unwrap();
        assert_eq!(after.changed, 1);
        assert_eq!(tier_of(&db, "sakura").await, "Registered");
        let fell = &status_of(&app, &priya, "sakura").await["history"][0];
        assert_eq!(
            (fell["from"].as_str(), fell["to"].as_str()),
            (Some("Silver"), Some("Registered"))
        );
        // Explained by the Silver thresholds it no longer met.
        assert!(fell["criteria"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["actual"].as_i64() < c["threshold"].as_i64()));
        // A second run (another app server) finds nothing more to do.
        assert_eq!(
            app::tiers::server::recompute(&db, None)
                .await
                .unwrap()
                .changed,
            0
        );
    }
);

backend_test!(a_won_deal_moves_its_partner_at_once, |db: Db| async move {
    let app = app(&db).await;
    let noah = sign_in(&app, NOAH, DEMO_PASSWORD, None).await.unwrap();
    let marcus = sign_in(&app, MARCUS, DEMO_PASSWORD, None).await.unwrap();
    assert_eq!(tier_of(&db, "quantix").await, "Silver");
    let mut deal = server::testing::registration("Oceanic Airlines", "oceanic.example");
    for (k, v) in deal.iter_mut() {
        if *k == "deal[value]" {
            *v = "600000";
        }
    }
    post(&app, "/api/register_deal", &form_body(&deal), Some(&noah)).await;
    let id: String =
        sqlx::query_scalar("SELECT id FROM deals WHERE customer_company = 'Oceanic Airlines'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    post(
        &app,
        "/api/decide_deal",
        &format!("id={id}&decision=approve&reason="),
        Some(&marcus),
    )
    .await;
    let res = post(
        &app,
        "/api/close_deal",
        &format!("id={id}&outcome=won"),
        Some(&noah),
    )
    .await;
    assert!(
        res.status().is_redirection() || res.status().is_success(),
        "{}",
        res.status()
    );
    // $240,000 + $600,000 sourced, 2 certified, 3 approved: Gold, now.
    assert_eq!(tier_of(&db, "quantix").await, "Gold");
    let status = status_of(&app, &noah, "quantix").await;
    assert_eq!(status["history"][0]["to"], "Gold");
    assert_eq!(status["history"][0]["criteria"][0]["actual"], 84_000_000);
});

backend_test!(
    with_approval_on_changes_wait_for_the_program_admin,
    |db: Db| async move {
        let app = app(&db).await;
        let priya = sign_in(&app, PRIYA, DEMO_PASSWORD, None).await.unwrap();
        let res = post(
            &app,
            "/api/update_tier_policy",
            "grace_days=30&needs_approval=on",
            Some(&priya),
        )
        .await;
        assert!(
            res.status().is_redirection() || res.status().is_success(),
            "{}",
            res.status()
        );
        // Gold made reachable for Quantix: proposed, not made.
        let easier = tier_form(
            "gold",
            &[
                ("min_sourced", "200,000"),
                ("min_certified", "2"),
                ("min_registrations", "2"),
            ],
        );
        post(&app, "/api/update_tier", &easier, Some(&priya)).await;
        assert_eq!(tier_of(&db, "quantix").await, "Silver");
        let settings = json(post(&app, "/api/tier_settings", "", Some(&priya)).await).await;
        assert_eq!(settings["needs_approval"], true);
        assert_eq!(settings["grace_days"], 30);
        let proposed: Vec<&str> = settings["proposed"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p[1].as_str().unwrap())
            .collect();
        assert!(proposed.contains(&"Quantix Software"), "{proposed:?}");
        let body = format!(
            "organisation_id={}&decision=approve",
            demo_id("org", "quantix")
        );
        post(&app, "/api/decide_tier_change", &body, Some(&priya)).await;
        assert_eq!(tier_of(&db, "quantix").await, "Gold");
        let history = status_of(&app, &priya, "quantix").await["history"].clone();
        assert_eq!(history[0]["kind"], "Approved");
        assert_eq!(history[0]["by"], "Priya Raman");
        assert_eq!(history[1]["kind"], "Proposed");
        // Nothing left to decide.
        let again = post(&app, "/api/decide_tier_change", &body, Some(&priya)).await;
        assert!(error_of(again).await.message_for("decision").is_some());
    }
);

backend_test!(
    bad_tier_rules_are_refused_and_change_nothing,
    |db: Db| async move {
        let app = app(&db).await;
        let priya = sign_in(&app, PRIYA, DEMO_PASSWORD, None).await.unwrap();
        let before = json(post(&app, "/api/tier_settings", "", Some(&priya)).await).await;
        for (fields, field) in [
            (vec![("min_sourced", "a million")], "min_sourced"),
            (vec![("min_certified", "-2")], "min_certified"),
            (vec![("min_psat", "10.5")], "min_psat"),
            (vec![("min_registrations", "<script>")], "min_registrations"),
        ] {
            let res = post(
                &app,
                "/api/update_tier",
                &tier_form("gold", &fields),
                Some(&priya),
            )
            .await;
            assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
            assert!(error_of(res).await.message_for(field).is_some(), "{field}");
        }
        let huge = "x".repeat(300);
        let res = post(
            &app,
            "/api/update_tier",
            &tier_form("gold", &[("benefits", &huge)]),
            Some(&priya),
        )
        .await;
        assert!(error_of(res).await.message_for("benefits").is_some());
        let res = post(
            &app,
            "/api/update_tier_policy",
            "grace_days=400",
            Some(&priya),
        )
        .await;
        assert!(error_of(res).await.message_for("grace_days").is_some());
        let res = post(
            &app,
            "/api/update_tier",
            &tier_form("no-such-tier", &[]),
            Some(&priya),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::NotFound);
        let after = json(post(&app, "/api/tier_settings", "", Some(&priya)).await).await;
        assert_eq!(before, after);
    }
);
