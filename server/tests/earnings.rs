//! Incentives through the real router on both databases: won deals earn
//! by the programs' rules once, the statement is the partner's own with
//! the rule in a sentence and what the next tier would pay, a question
//! and its answer are kept, approvals and payments move the lines and
//! the payout file lists what is approved; bad programs are refused.

use app::{
    backend_test,
    db::Db,
    error::AppError,
    organisations::demo::{demo_id, DEMO_PASSWORD},
};
use axum::{
    body::Body,
    http::{header, Request, Response, StatusCode},
    Router,
};
use server::testing::{
    body_text, error_of, form_body, post_form as post, seeded_app as app, sign_in,
};
use tower::ServiceExt;

const AVA: &str = "ava.thompson@northwind.example";
const OLIVER: &str = "oliver.grant@bluepeak.example";
const MARCUS: &str = "marcus.webb@acmecloud.example";
const PRIYA: &str = "priya.raman@acmecloud.example";

async fn json(res: Response<Body>) -> serde_json::Value {
    let status = res.status();
    let text = body_text(res).await;
    assert!(status.is_success(), "{status}: {text}");
    serde_json::from_str(&text).unwrap()
}

async fn get(app: &Router, path: &str, cookie: &str) -> Response<Body> {
    let request = Request::get(path)
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .unwrap();
    app.clone().oneshot(request).await.unwrap()
}

backend_test!(
    won_deals_earn_by_the_rules_once_and_the_statement_is_the_partners_own,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let view = json(post(&app, "/api/earnings_view", "", Some(&ava)).await).await;
        let lines = view["lines"].as_array().unwrap();
        assert!(!lines.is_empty());
        assert!(
            lines
                .iter()
                .all(|l| l["organisation_name"] == "Northwind Solutions"),
            "its own lines only"
        );
        // The 420,000 USD deal won in the demo: a 3 % rebate of 12,600 USD.
        let rebate = lines
            .iter()
            .find(|l| l["program"] == "Partner rebate" && l["base"] == 42_000_000)
            .expect("the rebate on the 420,000 USD deal");
        assert_eq!(rebate["amount"], 1_260_000);
        assert_eq!(rebate["rule"], "3% of the revenue of each deal won.");
        let statuses: Vec<&str> = lines
            .iter()
            .map(|l| l["status"].as_str().unwrap())
            .collect();
        for status in ["Accrued", "Approved", "Paid"] {
            assert!(statuses.contains(&status), "{status} in {statuses:?}");
        }
        // Northwind is Gold: the Platinum rebate says what it would add.
        assert_eq!(view["next_tier"]["tier"], "Platinum");
        assert!(view["next_tier"]["more"][0][1].as_i64().unwrap() > 0);
        // Counting again adds nothing.
        let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM earnings")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(
            app::incentives::server::compute(&db, None).await.unwrap(),
            0
        );
        // A deal won now earns at once under every program it qualifies for.
        let (deal, value): (String, i64) = sqlx::query_as(
            "SELECT id, value_cents FROM deals WHERE organisation_id = $1 AND status = 'approved' \
             AND currency = 'USD' ORDER BY id LIMIT 1",
        )
        .bind(demo_id("org", "northwind"))
        .fetch_one(&db.pool)
        .await
        .unwrap();
        sqlx::query("UPDATE deals SET status = 'won', closed_at = $1 WHERE id = $2")
            .bind(app::auth::server::now())
            .bind(&deal)
            .execute(&db.pool)
            .await
            .unwrap();
        let added = app::incentives::server::compute(&db, Some(&demo_id("org", "northwind")))
            .await
            .unwrap();
        assert!(added >= 1);
        let amount: i64 = sqlx::query_scalar(
            "SELECT e.amount_minor FROM earnings e JOIN incentive_programs p ON p.id = e.program_id \
             WHERE e.deal_id = $1 AND p.name = 'Partner rebate'",
        )
        .bind(&deal)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(amount, value * 3 / 100);
        let after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM earnings")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(after, before + added as i64);
    }
);

backend_test!(
    questions_approvals_payments_and_the_payout_file,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let oliver = sign_in(&app, OLIVER, DEMO_PASSWORD, None).await.unwrap();
        let marcus = sign_in(&app, MARCUS, DEMO_PASSWORD, None).await.unwrap();
        let priya = sign_in(&app, PRIYA, DEMO_PASSWORD, None).await.unwrap();
        let line: String = sqlx::query_scalar(
            "SELECT id FROM earnings WHERE organisation_id = $1 ORDER BY id LIMIT 1",
        )
        .bind(demo_id("org", "northwind"))
        .fetch_one(&db.pool)
        .await
        .unwrap();
        // Bluepeak cannot question Northwind's line; Ava can.
        let ask = form_body(&[("id", &line), ("question", "Is the SPIFF missing?")]);
        let res = post(&app, "/api/earnings_question", &ask, Some(&oliver)).await;
        assert_eq!(error_of(res).await, AppError::NotFound);
        json(post(&app, "/api/earnings_question", &ask, Some(&ava)).await).await;
        let reply = form_body(&[("id", &line), ("answer", "The SPIFF started this quarter.")]);
        let res = post(&app, "/api/earnings_answer", &reply, Some(&ava)).await;
        assert_eq!(error_of(res).await, AppError::Forbidden);
        json(post(&app, "/api/earnings_answer", &reply, Some(&marcus)).await).await;
        let kept: Vec<String> = sqlx::query_scalar(
            "SELECT detail FROM audit_log WHERE record_id = $1 ORDER BY at, action",
        )
        .bind(&line)
        .fetch_all(&db.pool)
        .await
        .unwrap();
        assert!(
            kept.contains(&"Is the SPIFF missing?".to_owned())
                && kept.contains(&"The SPIFF started this quarter.".to_owned()),
            "{kept:?}"
        );

        // Approved in bulk, exported, paid.
        let accrued: String = sqlx::query_scalar(
            "SELECT id FROM earnings WHERE status = 'accrued' ORDER BY id LIMIT 1",
        )
        .fetch_one(&db.pool)
        .await
        .unwrap();
        let approved = json(post(&app, "/api/earnings_approve", "", Some(&marcus)).await).await;
        assert!(approved.as_i64().unwrap() >= 1);
        let csv = body_text(get(&app, "/earnings/payouts.csv", &marcus).await).await;
        assert!(
            csv.lines().any(|l| l.starts_with(&accrued)),
            "approved lines are in the file"
        );
        assert_eq!(
            get(&app, "/earnings/payouts.csv", &ava).await.status(),
            StatusCode::FORBIDDEN
        );
        let res = post(&app, "/api/earnings_pay", "reference=", Some(&priya)).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        json(post(&app, "/api/earnings_pay", "reference=ERP-9", Some(&priya)).await).await;
        let (status, reference): (String, Option<String>) =
            sqlx::query_as("SELECT status, paid_reference FROM earnings WHERE id = $1")
                .bind(&accrued)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert_eq!(
            (status.as_str(), reference.as_deref()),
            ("paid", Some("ERP-9"))
        );
        let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM earnings WHERE status <> 'paid'")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(left, 0, "everything accrued was approved, then paid");

        // A program with a share over 100 % or reversed dates: refused.
        let programs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM incentive_programs")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        for (rate, ends, field) in [
            ("150", "2027-12-31", "rate"),
            ("5", "2020-01-01", "ends_on"),
        ] {
            let form = form_body(&[
                ("program[name]", "Bad"),
                ("program[kind]", "rebate"),
                ("program[rate]", rate),
                ("program[currency]", "USD"),
                ("program[starts_on]", "2027-01-01"),
                ("program[ends_on]", ends),
            ]);
            let res = post(&app, "/api/earnings_program", &form, Some(&priya)).await;
            let AppError::Validation(errors) = error_of(res).await else {
                panic!("validation")
            };
            assert!(
                errors.iter().any(|e| e.field == field),
                "{field}: {errors:?}"
            );
        }
        let now: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM incentive_programs")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(now, programs, "nothing stored");
    }
);
