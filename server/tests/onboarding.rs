//! Onboarding through the real router and repository on both databases:
//! an approved applicant signs the agreement (append-only, hashed), its
//! checklist ticks itself from what it does, registering waits for the
//! signature, a new agreement version's grace period, the stuck reminder,
//! a manager's skip, and time to first deal.

use app::{
    backend_test,
    db::Db,
    error::AppError,
    onboarding::server::hash,
    organisations::demo::{demo_id, DEMO_PASSWORD},
};
use axum::{http::StatusCode, Router};
use server::testing::{
    body_text, error_of, form_body, location_of, post_form as post, seeded_app as app,
    session_cookie_of, sign_in,
};

const MARCUS: &str = "marcus.webb@acmecloud.example";
const AVA: &str = "ava.thompson@northwind.example";
const PRIYA: &str = "priya.raman@acmecloud.example";

async fn json(res: axum::response::Response) -> serde_json::Value {
    let status = res.status();
    let text = body_text(res).await;
    assert!(status.is_success(), "{status}: {text}");
    serde_json::from_str(&text).unwrap()
}

async fn states(app: &Router, cookie: &str, organisation: &str) -> Vec<(String, String)> {
    let list = json(
        post(
            app,
            "/api/onboarding_checklist",
            &format!("organisation_id={organisation}"),
            Some(cookie),
        )
        .await,
    )
    .await;
    list["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["step"].as_str().unwrap().to_owned(),
                s["state"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn state<'a>(list: &'a [(String, String)], step: &str) -> &'a str {
    &list.iter().find(|(s, _)| s == step).unwrap().1
}

async fn register(
    app: &Router,
    cookie: &str,
    company: &str,
    domain: &str,
) -> axum::response::Response {
    post(
        app,
        "/api/register_deal",
        &form_body(&server::testing::registration(company, domain)),
        Some(cookie),
    )
    .await
}

/// Applies, is approved by Marcus, and accepts the emailed invitation:
/// the new admin's session cookie and the organisation's id.
async fn new_partner(app: &Router, db: &Db) -> (String, String) {
    let body = form_body(&[
        ("application[company]", "Globomantics Cloud"),
        ("application[website]", "globomantics.example"),
        ("application[country]", "Canada"),
        ("application[region]", "north_america"),
        ("application[partner_type]", "var"),
        ("application[employees]", "40"),
        ("application[industries][0]", "retail"),
        ("application[other_vendors]", ""),
        ("application[expected_revenue]", "100000"),
        ("application[contact_name]", "Lena Vogel"),
        ("application[contact_email]", "lena@globomantics.example"),
        ("application[contact_title]", "CEO"),
        ("application[message]", ""),
    ]);
    post(app, "/api/submit_application", &body, None).await;
    let id: String =
        sqlx::query_scalar("SELECT id FROM applications WHERE company = 'Globomantics Cloud'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    let marcus = sign_in(app, MARCUS, DEMO_PASSWORD, None).await.unwrap();
    post(
        app,
        "/api/decide_application",
        &format!("id={id}&decision=approve&note="),
        Some(&marcus),
    )
    .await;
    let invitation: String = sqlx::query_scalar(
        "SELECT body FROM outbox WHERE to_address = 'lena@globomantics.example' AND subject LIKE '%invited%'",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let token = invitation
        .split("/invitation/")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    let res = post(
        app,
        "/api/accept_invitation",
        &format!("token={token}&password=a+long+enough+passphrase"),
        None,
    )
    .await;
    let cookie = session_cookie_of(&res).expect("signed in");
    let organisation: String =
        sqlx::query_scalar("SELECT id FROM organisations WHERE name = 'Globomantics Cloud'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
    (cookie, organisation)
}

backend_test!(
    a_new_partner_signs_and_its_checklist_ticks_itself_to_a_first_deal,
    |db: Db| async move {
        let app = app(&db).await;
        let (lena, org) = new_partner(&app, &db).await;
        let list = states(&app, &lena, &org).await;
        assert_eq!(state(&list, "Agreement"), "ActionRequired");
        assert!(list.iter().skip(1).all(|(_, s)| s == "Pending"), "{list:?}");
        // The welcome kit arrived by email too.
        let kit: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE to_address = 'lena@globomantics.example' AND subject LIKE 'Welcome%'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(kit, 1);
        // No deal before the agreement.
        let res = register(&app, &lena, "Initech Labs", "initech-labs.example").await;
        assert_eq!(res.status(), StatusCode::CONFLICT);
        assert_eq!(
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM deals WHERE organisation_id = $1")
                .bind(&org)
                .fetch_one(&db.pool)
                .await
                .unwrap(),
            0
        );
        // Signing: name, title and consent are required.
        let agreement = json(post(&app, "/api/current_agreement", "", Some(&lena)).await).await;
        let agreement_id = agreement["id"].as_str().unwrap().to_owned();
        assert_eq!(
            agreement["sha256"].as_str().unwrap(),
            hash(agreement["body"].as_str().unwrap())
        );
        let res = post(
            &app,
            "/api/sign_agreement",
            &format!("agreement_id={agreement_id}&full_name=+&title=CEO"),
            Some(&lena),
        )
        .await;
        let err = error_of(res).await;
        assert!(
            err.message_for("full_name").is_some() && err.message_for("consent").is_some(),
            "{err:?}"
        );
        let res = post(
            &app,
            "/api/sign_agreement",
            &format!("agreement_id={agreement_id}&full_name=Lena+Vogel&title=CEO&consent=yes"),
            Some(&lena),
        )
        .await;
        let location = location_of(&res).unwrap().to_owned();
        let signature_id = location
            .strip_prefix("/agreement/signed/")
            .unwrap()
            .to_owned();
        let copy = json(
            post(
                &app,
                "/api/signed_agreement",
                &format!("id={signature_id}"),
                Some(&lena),
            )
            .await,
        )
        .await;
        assert_eq!(copy["full_name"], "Lena Vogel");
        assert_eq!(copy["sha256"], agreement["sha256"]);
        assert_eq!(copy["body"], agreement["body"]);
        // Append-only: the database refuses to change or remove it.
        let changed = db
            .execute(
                sqlx::query(
                    "UPDATE agreement_signatures SET full_name = 'Someone Else' WHERE id = $1",
                )
                .bind(&signature_id),
            )
            .await;
        assert!(changed.is_err());
        let removed = db
            .execute(
                sqlx::query("DELETE FROM agreement_signatures WHERE id = $1").bind(&signature_id),
            )
            .await;
        assert!(removed.is_err());
        // Another partner cannot read it.
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let res = post(
            &app,
            "/api/signed_agreement",
            &format!("id={signature_id}"),
            Some(&ava),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::NotFound);
        let res = post(
            &app,
            "/api/onboarding_checklist",
            &format!("organisation_id={org}"),
            Some(&ava),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::NotFound);
        // Reading the welcome kit and a first lesson ticks their steps; the
        // rules of engagement are reading, not training.
        json(post(&app, "/api/welcome_kit", "", Some(&lena)).await).await;
        json(post(&app, "/api/rules_of_engagement", "", Some(&lena)).await).await;
        assert_ne!(state(&states(&app, &lena, &org).await, "Training"), "Done");
        let fundamentals = demo_id("course", "fundamentals");
        json(
            post(
                &app,
                "/api/learning_lesson",
                &format!("course_id={fundamentals}&position=1"),
                Some(&lena),
            )
            .await,
        )
        .await;
        let list = states(&app, &lena, &org).await;
        for step in ["Agreement", "Welcome", "Training"] {
            assert_eq!(state(&list, step), "Done", "{step}");
        }
        assert_eq!(state(&list, "Profile"), "ActionRequired");
        // The first deal: registered, then approved; time to first deal.
        let res = register(&app, &lena, "Initech Labs", "initech-labs.example").await;
        assert!(
            res.status().is_redirection() || res.status().is_success(),
            "{}",
            res.status()
        );
        assert_eq!(state(&states(&app, &lena, &org).await, "FirstDeal"), "Done");
        let deal: String = sqlx::query_scalar("SELECT id FROM deals WHERE organisation_id = $1")
            .bind(&org)
            .fetch_one(&db.pool)
            .await
            .unwrap();
        let marcus = sign_in(&app, MARCUS, DEMO_PASSWORD, None).await.unwrap();
        post(
            &app,
            "/api/decide_deal",
            &format!("id={deal}&decision=approve&reason="),
            Some(&marcus),
        )
        .await;
        let overview = json(post(&app, "/api/onboarding_overview", "", Some(&marcus)).await).await;
        assert!(
            overview["to_first_approval"]
                .as_array()
                .unwrap()
                .contains(&serde_json::json!(0)),
            "{overview}"
        );
        let ours = overview["partners"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["organisation_id"] == org.as_str())
            .unwrap();
        assert_eq!(ours["finished"], 4);
    }
);

backend_test!(
    a_new_agreement_version_is_signed_again_within_its_grace,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let now = app::auth::server::now();
        let body = "# Acme Cloud partner agreement, 2027\n\nNew terms.";
        db.execute(
            sqlx::query(
                "INSERT INTO agreements (id, partner_type, version, title, body, sha256, grace_days, published_at) \
                 VALUES ('v2', 'var', 2, 'Partner agreement 2027', $1, $2, 30, $3)",
            )
            .bind(body)
            .bind(hash(body))
            .bind(now),
        )
        .await
        .unwrap();
        // In the grace period: still registering, and told by when.
        let current = json(post(&app, "/api/current_agreement", "", Some(&ava)).await).await;
        assert_eq!(current["version"], 2);
        assert_eq!(current["signature"], serde_json::Value::Null);
        assert_eq!(current["sign_by"].as_i64().unwrap(), now + 30 * 86_400);
        let res = register(&app, &ava, "Hooli XYZ", "hooli-xyz.example").await;
        assert!(
            res.status().is_redirection() || res.status().is_success(),
            "{}",
            res.status()
        );
        // Grace over: no registration until it is signed.
        db.execute(
            sqlx::query("UPDATE agreements SET published_at = $1 WHERE id = 'v2'")
                .bind(now - 31 * 86_400),
        )
        .await
        .unwrap();
        let res = register(&app, &ava, "Pied Piper Inc", "piedpiper-inc.example").await;
        assert_eq!(res.status(), StatusCode::CONFLICT);
        let res = post(
            &app,
            "/api/sign_agreement",
            "agreement_id=v2&full_name=Ava+Thompson&title=Alliance+Director&consent=yes",
            Some(&ava),
        )
        .await;
        assert!(
            res.status().is_redirection() || res.status().is_success(),
            "{}",
            res.status()
        );
        let res = register(&app, &ava, "Pied Piper Inc", "piedpiper-inc.example").await;
        assert!(
            res.status().is_redirection() || res.status().is_success(),
            "{}",
            res.status()
        );
        // A partner user may read but not sign.
        let leo = sign_in(&app, "leo.martinez@northwind.example", DEMO_PASSWORD, None)
            .await
            .unwrap();
        let current = json(post(&app, "/api/current_agreement", "", Some(&leo)).await).await;
        assert_eq!(current["may_sign"], false);
    }
);

backend_test!(
    a_stuck_partner_is_reminded_once_and_its_manager_told,
    |db: Db| async move {
        let app = app(&db).await;
        let andes = demo_id("org", "andes");
        let now = app::auth::server::now();
        // First pass: progress noted as of now; nobody is stuck yet.
        assert_eq!(
            app::onboarding::server::check_stuck(&db, now)
                .await
                .unwrap(),
            0
        );
        // Fifteen days later, nothing moved: a reminder for each partner
        // onboarding (Cobalt, Andes and the newly approved Proseware).
        let later = now + 15 * 86_400;
        assert_eq!(
            app::onboarding::server::check_stuck(&db, later)
                .await
                .unwrap(),
            3
        );
        assert_eq!(
            app::onboarding::server::check_stuck(&db, later + 3600)
                .await
                .unwrap(),
            0
        );
        let to_admin: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM outbox o JOIN people p ON p.email = o.to_address \
             WHERE p.organisation_id = $1 AND o.subject = 'Your next step with Acme Cloud'",
        )
        .bind(&andes)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert!(to_admin >= 1);
        let to_manager: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE subject = 'Andes Tech Resellers is stuck in onboarding'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(to_manager, 1);
        let marcus = sign_in(&app, MARCUS, DEMO_PASSWORD, None).await.unwrap();
        let overview = json(post(&app, "/api/onboarding_overview", "", Some(&marcus)).await).await;
        let listed: Vec<&str> = overview["partners"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["organisation_name"].as_str().unwrap())
            .collect();
        assert!(listed.contains(&"Andes Tech Resellers"), "{listed:?}");
        // A manager skips a step: it counts as finished, and moving again
        // restarts the clock.
        let res = post(
            &app,
            "/api/skip_onboarding_step",
            &format!("organisation_id={andes}&step=welcome"),
            Some(&marcus),
        )
        .await;
        assert!(
            res.status().is_redirection() || res.status().is_success(),
            "{}",
            res.status()
        );
        assert_eq!(
            state(&states(&app, &marcus, &andes).await, "Welcome"),
            "Skipped"
        );
        let again = post(
            &app,
            "/api/skip_onboarding_step",
            &format!("organisation_id={andes}&step=welcome"),
            Some(&marcus),
        )
        .await;
        assert!(error_of(again).await.message_for("step").is_some());
        let bad = post(
            &app,
            "/api/skip_onboarding_step",
            &format!("organisation_id={andes}&step=dance"),
            Some(&marcus),
        )
        .await;
        assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            app::onboarding::server::check_stuck(&db, later + 7200)
                .await
                .unwrap(),
            0
        );
        let progress: Option<i64> =
            sqlx::query_scalar("SELECT onboarding_progress_at FROM organisations WHERE id = $1")
                .bind(&andes)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert_eq!(progress, Some(later + 7200));
    }
);

backend_test!(
    the_program_admin_edits_a_track_and_publishes_a_version_every_partner_signs,
    |db: Db| async move {
        let app = app(&db).await;
        let priya = sign_in(&app, PRIYA, DEMO_PASSWORD, None).await.unwrap();
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let marcus = sign_in(&app, MARCUS, DEMO_PASSWORD, None).await.unwrap();
        let northwind = demo_id("org", "northwind");
        let tracks = json(post(&app, "/api/program_tracks", "", Some(&priya)).await).await;
        let var = tracks
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["partner_type"] == "Var")
            .unwrap()
            .clone();
        assert_eq!(tracks.as_array().unwrap().len(), 6);
        assert_eq!(var["agreement"]["version"], 1);
        assert!(var["signed"].as_i64().unwrap() >= 1, "{var}");
        assert!(var["partners"].as_i64().unwrap() >= var["signed"].as_i64().unwrap());
        // Only the program admin edits tracks.
        for cookie in [&ava, &marcus] {
            for (path, body) in [
                ("/api/program_tracks", ""),
                (
                    "/api/save_track",
                    "partner_type=var&welcome=Hi&steps[0]=agreement",
                ),
                (
                    "/api/publish_agreement",
                    "partner_type=var&title=T&body=B&grace_days=3",
                ),
            ] {
                let res = post(&app, path, body, Some(cookie)).await;
                assert_eq!(res.status(), StatusCode::FORBIDDEN, "{path}");
            }
        }
        // Bad input: a clear error per field, nothing stored.
        let versions = || async {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM agreements")
                .fetch_one(&db.pool)
                .await
                .unwrap()
        };
        let before = versions().await;
        let res = post(
            &app,
            "/api/publish_agreement",
            "partner_type=var&title=+&body=&grace_days=400",
            Some(&priya),
        )
        .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let err = error_of(res).await;
        for field in ["title", "body", "grace_days"] {
            assert!(err.message_for(field).is_some(), "{field}: {err:?}");
        }
        let res = post(
            &app,
            "/api/publish_agreement",
            "partner_type=reseller&title=T&body=B&grace_days=3",
            Some(&priya),
        )
        .await;
        assert!(error_of(res).await.message_for("partner_type").is_some());
        assert_eq!(versions().await, before);
        for steps in ["", "&steps[0]=dance"] {
            let res = post(
                &app,
                "/api/save_track",
                &format!("partner_type=var&welcome=Hi{steps}"),
                Some(&priya),
            )
            .await;
            assert!(
                error_of(res).await.message_for("steps").is_some(),
                "{steps}"
            );
        }
        // Two steps, chosen in any order, kept in the checklist's order.
        let res = post(
            &app,
            "/api/save_track",
            "partner_type=var&welcome=%23+Hello+VARs&steps[0]=first_deal&steps[1]=agreement",
            Some(&priya),
        )
        .await;
        assert_eq!(
            location_of(&res),
            Some("/program/tracks?type=var"),
            "{}",
            res.status()
        );
        let steps: Vec<String> = states(&app, &ava, &northwind)
            .await
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        assert_eq!(steps, ["Agreement", "FirstDeal"]);
        assert_eq!(
            json(post(&app, "/api/welcome_kit", "", Some(&ava)).await).await,
            "# Hello VARs"
        );
        // A new version: hashed, never replacing the old one, and every
        // VAR's admins are asked to sign it by the end of its grace.
        let v1_hash: String = sqlx::query_scalar(
            "SELECT sha256 FROM agreements WHERE partner_type = 'var' AND version = 1",
        )
        .fetch_one(&db.pool)
        .await
        .unwrap();
        let body = "# Partner agreement 2027\n\nNew terms for **2027**.";
        let res = post(
            &app,
            "/api/publish_agreement",
            &form_body(&[
                ("partner_type", "var"),
                ("title", "Partner agreement 2027"),
                ("body", body),
                ("grace_days", "10"),
            ]),
            Some(&priya),
        )
        .await;
        assert_eq!(
            location_of(&res),
            Some("/program/tracks?type=var"),
            "{}",
            res.status()
        );
        let (sha256, published_by, published_at): (String, Option<String>, i64) = sqlx::query_as(
            "SELECT sha256, published_by, published_at FROM agreements \
             WHERE partner_type = 'var' AND version = 2",
        )
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(sha256, hash(body));
        assert_eq!(published_by, Some(demo_id("person", "priya-raman")));
        let v1_after: String = sqlx::query_scalar(
            "SELECT sha256 FROM agreements WHERE partner_type = 'var' AND version = 1",
        )
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(v1_after, v1_hash);
        let current = json(post(&app, "/api/current_agreement", "", Some(&ava)).await).await;
        assert_eq!(current["version"], 2);
        assert_eq!(current["body"], body);
        assert_eq!(
            current["sign_by"].as_i64().unwrap(),
            published_at + 10 * 86_400
        );
        let asked = |email: &'static str| {
            let db = db.clone();
            async move {
                sqlx::query_scalar::<_, i64>(
                    "SELECT COUNT(*) FROM outbox WHERE to_address = $1 \
                     AND subject = 'A new partner agreement to sign'",
                )
                .bind(email)
                .fetch_one(&db.pool)
                .await
                .unwrap()
            }
        };
        assert_eq!(asked(AVA).await, 1);
        // Another type's partners are not asked.
        assert_eq!(asked("oliver.grant@bluepeak.example").await, 0);
        let audited: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_log WHERE action IN ('agreement_published', 'track_saved')",
        )
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(audited, 2);
        let tracks = json(post(&app, "/api/program_tracks", "", Some(&priya)).await).await;
        let var = tracks
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["partner_type"] == "Var")
            .unwrap();
        assert_eq!(var["agreement"]["version"], 2);
        assert_eq!(var["signed"], 0);
    }
);

backend_test!(
    a_partner_that_finishes_its_checklist_becomes_active,
    |db: Db| async move {
        let app = app(&db).await;
        let andes = demo_id("org", "andes");
        let marcus = sign_in(&app, MARCUS, DEMO_PASSWORD, None).await.unwrap();
        let now = app::auth::server::now();
        app::onboarding::server::check_stuck(&db, now)
            .await
            .unwrap();
        let status = || async {
            sqlx::query_scalar::<_, String>("SELECT status FROM organisations WHERE id = $1")
                .bind(&andes)
                .fetch_one(&db.pool)
                .await
                .unwrap()
        };
        assert_eq!(status().await, "onboarding");
        // The manager skips what is left; the next check finds it complete.
        for (step, st) in states(&app, &marcus, &andes).await {
            if st != "Done" {
                let code = match step.as_str() {
                    "Agreement" => "agreement",
                    "Profile" => "profile",
                    "Welcome" => "welcome",
                    "Colleague" => "colleague",
                    "Training" => "training",
                    _ => "first_deal",
                };
                let res = post(
                    &app,
                    "/api/skip_onboarding_step",
                    &format!("organisation_id={andes}&step={code}"),
                    Some(&marcus),
                )
                .await;
                assert!(
                    res.status().is_redirection() || res.status().is_success(),
                    "{step}: {}",
                    res.status()
                );
            }
        }
        app::onboarding::server::check_stuck(&db, now + 60)
            .await
            .unwrap();
        assert_eq!(status().await, "active");
        app::onboarding::server::check_stuck(&db, now + 120)
            .await
            .unwrap();
        let (audited, told): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM audit_log WHERE action = 'onboarding_complete' \
             AND organisation_id = $1), \
             (SELECT COUNT(*) FROM outbox WHERE subject = 'Andes Tech Resellers finished onboarding')",
        )
        .bind(&andes)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(audited, 1);
        // Its admins and its channel manager, once each.
        let admins: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM people WHERE organisation_id = $1 AND role = 'partner_admin' \
             AND status = 'active'",
        )
        .bind(&andes)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert!(admins >= 1);
        assert_eq!(told, admins + 1);
        let cobalt: String = sqlx::query_scalar("SELECT status FROM organisations WHERE id = $1")
            .bind(demo_id("org", "cobalt"))
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(cobalt, "onboarding");
    }
);
