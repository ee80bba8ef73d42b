//! Progress beyond a person's own, through the real router on both
//! databases: a partner admin's view of their company and the quiz they
//! unlock, the program's take-up for vendor staff, the course suggested
//! next and why, and a certificate revoked by the program admin.

use app::{
    backend_test,
    db::Db,
    error::AppError,
    organisations::demo::{demo_id, DEMO_PASSWORD},
};
use server::testing::{body_text, error_of, post_form as post, seeded_app as app, sign_in};

const AVA: &str = "ava.thompson@northwind.example";
const LEO: &str = "leo.martinez@northwind.example";
const PRIYA: &str = "priya.raman@acmecloud.example";
const MARCUS: &str = "marcus.webb@acmecloud.example";

async fn json(res: axum::response::Response) -> serde_json::Value {
    let status = res.status();
    let text = body_text(res).await;
    assert!(status.is_success(), "{status}: {text}");
    serde_json::from_str(&text).unwrap()
}

async fn count(db: &Db, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&db.pool).await.unwrap()
}

/// Fails demo course `slug`'s quiz with every attempt it allows, as the
/// person of `cookie`: each answer is a choice no question has.
async fn use_every_attempt(app: &axum::Router, cookie: &str, slug: &str) {
    let course = demo_id("course", slug);
    for _ in 0..3 {
        let paper = json(
            post(
                app,
                "/api/learning_start_quiz",
                &format!("course_id={course}"),
                Some(cookie),
            )
            .await,
        )
        .await;
        let question = paper["questions"][0]["id"].as_str().unwrap();
        let body = format!(
            "attempt_id={}&picked[0]={question}%3Anone",
            paper["attempt_id"].as_str().unwrap()
        );
        let res = post(app, "/api/learning_submit_quiz", &body, Some(cookie)).await;
        assert!(res.status().is_redirection() || res.status().is_success());
    }
}

fn person<'a>(team: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    team["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .unwrap_or_else(|| panic!("{name} in {team}"))
}

backend_test!(
    a_partner_admin_sees_who_is_certified_and_gives_a_colleague_new_attempts,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let leo = sign_in(&app, LEO, DEMO_PASSWORD, None).await.unwrap();
        use_every_attempt(&app, &leo, "security").await;
        let northwind = format!("organisation_id={}", demo_id("org", "northwind"));
        let team = json(post(&app, "/api/learning_team", &northwind, Some(&ava)).await).await;
        assert_eq!(team["organisation_name"], "Northwind Solutions");
        assert_eq!(team["certified_people"], 4);
        assert_eq!(team["may_reset"], true);
        // Mia holds Technical Certified, the first to lapse.
        let mia = person(&team, "Mia Chen");
        let technical = mia["paths"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["path_title"] == "Technical Certified")
            .unwrap();
        assert_eq!(technical["certificate"]["status"], "Valid");
        assert_eq!(
            team["lapsing"][0]["certificate_id"],
            demo_id("certificate", "northwind-mia:technical")
        );
        // Leo used his three attempts at the security quiz.
        let locked = &person(&team, "Leo Martinez")["locked"];
        assert_eq!(locked[0]["course_id"], demo_id("course", "security"));
        assert_eq!(locked[0]["used"], 3);
        // No other partner's people, and a partner user may not look.
        let text = serde_json::to_string(&team).unwrap();
        assert!(!text.contains("bluepeak"), "{text}");
        let res = post(&app, "/api/learning_team", &northwind, Some(&leo)).await;
        assert_eq!(error_of(res).await, AppError::Forbidden);
        let bluepeak = format!("organisation_id={}", demo_id("org", "bluepeak"));
        let res = post(&app, "/api/learning_team", &bluepeak, Some(&ava)).await;
        assert_eq!(error_of(res).await, AppError::NotFound);
        // Leo cannot unlock himself; Ava can, once.
        let reset = format!(
            "person_id={}&course_id={}",
            demo_id("person", "northwind-leo"),
            demo_id("course", "security")
        );
        let res = post(&app, "/api/learning_reset_attempts", &reset, Some(&leo)).await;
        assert_eq!(error_of(res).await, AppError::Forbidden);
        let res = post(&app, "/api/learning_reset_attempts", &reset, Some(&ava)).await;
        assert!(res.status().is_success(), "{}", res.status());
        let res = post(&app, "/api/learning_reset_attempts", &reset, Some(&ava)).await;
        assert_eq!(
            error_of(res).await,
            AppError::Conflict("Leo Martinez still has attempts at this quiz.".into())
        );
        // Leo starts afresh: his attempts kept, no longer counted.
        let course = format!("id={}", demo_id("course", "security"));
        let view = json(post(&app, "/api/learning_course", &course, Some(&leo)).await).await;
        assert_eq!(view["quiz"]["used"], 0);
        assert_eq!(
            count(&db, "SELECT COUNT(*) FROM quiz_attempts WHERE cleared = 1").await,
            3
        );
        let res = post(
            &app,
            "/api/learning_start_quiz",
            &format!("course_id={}", demo_id("course", "security")),
            Some(&leo),
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());
        // Told in the portal and by email; audited.
        let told = "SELECT COUNT(*) FROM notifications n JOIN people p ON p.id = n.person_id \
                    WHERE p.email = 'leo.martinez@northwind.example' \
                    AND n.subject LIKE 'New attempts at the %'";
        assert_eq!(count(&db, told).await, 1);
        let mailed =
            "SELECT COUNT(*) FROM outbox WHERE to_address = 'leo.martinez@northwind.example' \
                      AND subject LIKE 'New attempts at the %'";
        assert_eq!(count(&db, mailed).await, 1);
        let audited = "SELECT COUNT(*) FROM audit_log WHERE action = 'quiz_attempts_reset'";
        assert_eq!(count(&db, audited).await, 1);
        let team = json(post(&app, "/api/learning_team", &northwind, Some(&ava)).await).await;
        assert_eq!(
            person(&team, "Leo Martinez")["locked"],
            serde_json::json!([])
        );
    }
);

backend_test!(
    vendor_staff_see_take_up_per_course_and_path_and_partners_with_no_one_certified,
    |db: Db| async move {
        let app = app(&db).await;
        let marcus = sign_in(&app, MARCUS, DEMO_PASSWORD, None).await.unwrap();
        let program =
            || async { json(post(&app, "/api/learning_program", "", Some(&marcus)).await).await };
        let before = program().await;
        let row = |p: &serde_json::Value, list: &str, key: &str, value: &str| {
            p[list]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r[key] == value)
                .cloned()
                .unwrap_or_else(|| panic!("{value} in {p}"))
        };
        let security = demo_id("course", "security");
        let first = row(&before, "courses", "course_id", &security);
        // Every partner listed has no one certified; Northwind has four.
        let uncertified = before["uncertified"].as_array().unwrap();
        assert!(!uncertified.is_empty());
        for partner in uncertified {
            let id = partner["organisation_id"].as_str().unwrap();
            let certified: i64 =
                sqlx::query_scalar("SELECT certified_people FROM organisations WHERE id = $1")
                    .bind(id)
                    .fetch_one(&db.pool)
                    .await
                    .unwrap();
            assert_eq!(certified, 0, "{partner}");
        }
        assert!(!uncertified
            .iter()
            .any(|p| p["organisation_id"] == demo_id("org", "northwind")));
        // Leo starts the course and passes it: one more started and passed.
        let leo = sign_in(&app, LEO, DEMO_PASSWORD, None).await.unwrap();
        let paper = json(
            post(
                &app,
                "/api/learning_start_quiz",
                &format!("course_id={security}"),
                Some(&leo),
            )
            .await,
        )
        .await;
        let attempt = paper["attempt_id"].as_str().unwrap();
        sqlx::query(
            "UPDATE quiz_attempts SET submitted_at = 1, percent = 100, passed = 1 WHERE id = $1",
        )
        .bind(attempt)
        .execute(&db.pool)
        .await
        .unwrap();
        let after = program().await;
        let second = row(&after, "courses", "course_id", &security);
        assert_eq!(second["started"], first["started"].as_i64().unwrap() + 1);
        assert_eq!(second["passed"], first["passed"].as_i64().unwrap() + 1);
        // Technical Certified: Mia and Lena hold it today.
        let technical = row(&after, "paths", "title", "Technical Certified");
        assert_eq!(technical["certified"], 2);
        // Partners may not read the program's figures.
        let res = post(&app, "/api/learning_program", "", Some(&leo)).await;
        assert_eq!(error_of(res).await, AppError::Forbidden);
    }
);

backend_test!(
    the_suggested_course_is_a_paths_next_step_else_what_top_partners_peers_passed,
    |db: Db| async move {
        let app = app(&db).await;
        let leo = sign_in(&app, LEO, DEMO_PASSWORD, None).await.unwrap();
        let next = || async { json(post(&app, "/api/learning_next", "", Some(&leo)).await).await };
        // Leo is on Sales Certified: its first course comes first.
        let paths = json(post(&app, "/api/learning_paths", "", Some(&leo)).await).await;
        let sales = &paths[0];
        assert_eq!(sales["title"], "Sales Certified");
        let suggested = next().await;
        assert_eq!(suggested["course_id"], sales["next"]);
        assert_eq!(
            suggested["reason"],
            serde_json::json!({"NextOnPath": {"path": "Sales Certified"}})
        );
        // Off every path, the course most of his peers at the top tier's
        // partners passed: two passed security, one fundamentals.
        sqlx::query("DELETE FROM path_enrolments WHERE person_id = $1")
            .bind(demo_id("person", "northwind-leo"))
            .execute(&db.pool)
            .await
            .unwrap();
        let (tier_id, tier): (String, String) = sqlx::query_as(
            "SELECT t.id, t.name FROM tiers t WHERE t.id IN (SELECT tier_id FROM organisations \
             WHERE kind = 'partner' AND status IN ('onboarding', 'active', 'at_risk')) \
             ORDER BY t.rank DESC LIMIT 1",
        )
        .fetch_one(&db.pool)
        .await
        .unwrap();
        let peers: Vec<(String, String)> = sqlx::query_as(
            "SELECT p.id, p.organisation_id FROM people p \
             JOIN organisations o ON o.id = p.organisation_id \
             WHERE o.tier_id = $1 AND o.kind = 'partner' \
             AND o.status IN ('onboarding', 'active', 'at_risk') AND p.status = 'active' \
             AND p.job_function = 'sales' AND p.id <> $2 ORDER BY p.id",
        )
        .bind(&tier_id)
        .bind(demo_id("person", "northwind-leo"))
        .fetch_all(&db.pool)
        .await
        .unwrap();
        assert!(peers.len() >= 2, "{peers:?}");
        // Only the passes that made certificates stay (engineers', not
        // sales people's).
        sqlx::query(
            "DELETE FROM quiz_attempts WHERE id NOT IN \
             (SELECT attempt_id FROM certificates WHERE attempt_id IS NOT NULL)",
        )
        .execute(&db.pool)
        .await
        .unwrap();
        let passes = [
            (&peers[0], "security"),
            (&peers[1], "security"),
            (&peers[0], "fundamentals"),
        ];
        for (n, ((person, org), slug)) in passes.into_iter().enumerate() {
            sqlx::query(
                "INSERT INTO quiz_attempts (id, course_id, person_id, organisation_id, \
                 question_ids, started_at, submitted_at, percent, passed) \
                 VALUES ($1, $2, $3, $4, '', 1, 2, 100, 1)",
            )
            .bind(format!("peer-pass-{n}"))
            .bind(demo_id("course", slug))
            .bind(person)
            .bind(org)
            .execute(&db.pool)
            .await
            .unwrap();
        }
        let suggested = next().await;
        assert_eq!(suggested["course_id"], demo_id("course", "security"));
        assert_eq!(
            suggested["reason"],
            serde_json::json!({"PeersPassed": {
                "passed": 2,
                "peers": i64::try_from(peers.len()).unwrap(),
                "tier": tier,
            }})
        );
        // Vendor staff get no suggestion.
        let marcus = sign_in(&app, MARCUS, DEMO_PASSWORD, None).await.unwrap();
        let none = json(post(&app, "/api/learning_next", "", Some(&marcus)).await).await;
        assert_eq!(none, serde_json::Value::Null);
    }
);

backend_test!(
    a_revoked_certificate_stops_holding_and_counting_at_once_and_its_holder_is_told,
    |db: Db| async move {
        let app = app(&db).await;
        let priya = sign_in(&app, PRIYA, DEMO_PASSWORD, None).await.unwrap();
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let mia = demo_id("certificate", "northwind-mia:technical");
        let certified = || async {
            let body = format!("organisation_id={}", demo_id("org", "northwind"));
            json(post(&app, "/api/learning_team", &body, Some(&ava)).await).await
                ["certified_people"]
                .as_i64()
                .unwrap()
        };
        assert_eq!(certified().await, 4);
        // A reason is required; a partner admin may not revoke.
        let res = post(
            &app,
            "/api/learning_revoke_certificate",
            &format!("id={mia}&reason=+"),
            Some(&priya),
        )
        .await;
        assert!(error_of(res).await.message_for("reason").is_some());
        let body = format!("id={mia}&reason=Exam+taken+by+someone+else");
        let res = post(&app, "/api/learning_revoke_certificate", &body, Some(&ava)).await;
        assert_eq!(error_of(res).await, AppError::Forbidden);
        let res = post(
            &app,
            "/api/learning_revoke_certificate",
            &body,
            Some(&priya),
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());
        // The check says revoked; the badges' list names it; the tier
        // count drops; Mia is told why.
        let check =
            json(post(&app, "/api/verify_certificate", &format!("id={mia}"), None).await).await;
        assert_eq!(check["status"], "Revoked");
        let list = server::testing::get_page(&app, "/badges/revocations", "").await;
        assert!(body_text(list).await.contains(&mia));
        assert_eq!(certified().await, 3);
        let told = "SELECT COUNT(*) FROM outbox WHERE to_address = 'mia.chen@northwind.example' \
                    AND body LIKE '%Exam taken by someone else%'";
        assert_eq!(count(&db, told).await, 1);
        let res = post(
            &app,
            "/api/learning_revoke_certificate",
            &body,
            Some(&priya),
        )
        .await;
        assert!(matches!(error_of(res).await, AppError::Conflict(_)));
        let audited = "SELECT COUNT(*) FROM audit_log WHERE action = 'certificate_revoked'";
        assert_eq!(count(&db, audited).await, 1);
    }
);
