//! Marketing funds through the real router on both databases: a period
//! and an allocation, a partner's request, its review, proof, claim,
//! payments and the payout file; bad input refused with nothing kept;
//! another partner's funds out of reach; and the ledger exact under a
//! thousand concurrent allocations, requests and approvals.

use app::{
    auth::Viewer,
    backend_test,
    db::Db,
    error::AppError,
    funds::{
        server::{allocate, check_review, review_request, submit_request, Grant, Recipients},
        RequestInput,
    },
    organisations::demo::{demo_id, DEMO_PASSWORD},
};
use axum::{
    body::Body,
    http::{header, Request, Response, StatusCode},
    Router,
};
use server::testing::{
    body_text, error_of, form_body, location_of, post_file, post_form as post, seeded_app as app,
    sign_in,
};
use tower::ServiceExt;

const AVA: &str = "ava.thompson@northwind.example";
const OLIVER: &str = "oliver.grant@bluepeak.example";
const MARCUS: &str = "marcus.webb@acmecloud.example";
const PRIYA: &str = "priya.raman@acmecloud.example";

/// A one-page PDF, as proof.
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

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

async fn count(db: &Db, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

/// Opens a period of `budget` EUR and gives Northwind `amount` of it, as
/// the program admin; answers the period's and the allocation's ids.
async fn fund_northwind(
    app: &Router,
    db: &Db,
    priya: &str,
    name: &str,
    budget: &str,
    amount: &str,
) -> (String, String) {
    let form = form_body(&[
        ("name", name),
        ("starts_on", "2026-01-01"),
        ("ends_on", "2099-12-31"),
        ("currency", "EUR"),
        ("budget", budget),
    ]);
    json(post(app, "/api/funds_period", &form, Some(priya)).await).await;
    let period: String = sqlx::query_scalar("SELECT id FROM fund_periods WHERE name = $1")
        .bind(name)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    let form = form_body(&[
        ("period", &period),
        ("partner", &demo_id("org", "northwind")),
        ("amount", amount),
        ("expires_on", "2099-12-31"),
    ]);
    json(post(app, "/api/funds_allocate", &form, Some(priya)).await).await;
    let allocation: String = sqlx::query_scalar(
        "SELECT id FROM fund_allocations WHERE period_id = $1 AND organisation_id = $2",
    )
    .bind(&period)
    .bind(demo_id("org", "northwind"))
    .fetch_one(&db.pool)
    .await
    .unwrap();
    (period, allocation)
}

fn request_form(allocation: &str, overrides: &[(&str, &str)]) -> String {
    let mut fields = vec![
        ("input[allocation]", allocation),
        ("input[activity]", "event"),
        ("input[title]", "Security breakfast"),
        (
            "input[description]",
            "Breakfast for twenty IT leads with a live demo.",
        ),
        ("input[planned_cost]", "4,000"),
        ("input[share]", "50"),
        ("input[expected_leads]", "20"),
        ("input[expected_pipeline]", "150,000"),
        ("input[starts_on]", "2098-03-01"),
        ("input[ends_on]", "2098-03-01"),
        ("input[campaign]", ""),
    ];
    for (name, value) in overrides {
        if let Some(field) = fields.iter_mut().find(|(n, _)| n == name) {
            field.1 = value;
        }
    }
    form_body(&fields)
}

backend_test!(
    a_partner_requests_the_manager_approves_the_partner_claims_with_proof_and_is_paid,
    |db: Db| async move {
        let app = app(&db).await;
        let priya = sign_in(&app, PRIYA, DEMO_PASSWORD, None).await.unwrap();
        let marcus = sign_in(&app, MARCUS, DEMO_PASSWORD, None).await.unwrap();
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let oliver = sign_in(&app, OLIVER, DEMO_PASSWORD, None).await.unwrap();
        let (_, allocation) =
            fund_northwind(&app, &db, &priya, "Test quarter", "10,000", "3,000").await;

        // Ava asks for half of 4,000 EUR.
        let res = post(
            &app,
            "/api/funds_submit",
            &request_form(&allocation, &[]),
            Some(&ava),
        )
        .await;
        let location = location_of(&res).expect("sent to the request").to_owned();
        let id = location.trim_start_matches("/funds/requests/").to_owned();
        let request =
            json(post(&app, "/api/funds_request", &format!("id={id}"), Some(&ava)).await).await;
        assert_eq!(request["requested"], 200_000);
        assert_eq!(request["status"], "Submitted");
        assert!(request["sla_due_at"].as_i64().unwrap() > app::auth::server::now());
        // Bluepeak cannot read it, nor add proof to it, nor claim it.
        let res = post(
            &app,
            "/api/funds_request",
            &format!("id={id}"),
            Some(&oliver),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::NotFound);
        // The manager is told, and approves a lower amount.
        let told: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM notifications WHERE person_id = $1 AND link = $2",
        )
        .bind(demo_id("person", "marcus-webb"))
        .bind(&location)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(told, 1);
        let form = form_body(&[
            ("id", &id),
            ("decision", "change"),
            ("amount", "1,500"),
            ("note", "Venue above guideline."),
        ]);
        json(post(&app, "/api/funds_review", &form, Some(&marcus)).await).await;
        let again = post(&app, "/api/funds_review", &form, Some(&marcus)).await;
        assert!(
            matches!(error_of(again).await, AppError::Conflict(_)),
            "decided once"
        );
        let overview = json(post(&app, "/api/funds_overview", "", Some(&ava)).await).await;
        let mine = overview["allocations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == allocation.as_str())
            .unwrap()
            .clone();
        assert_eq!(mine["balance"]["allocated"], 300_000);
        assert_eq!(mine["balance"]["approved"], 150_000);
        assert!(
            overview["allocations"]
                .as_array()
                .unwrap()
                .iter()
                .all(|a| a["organisation_name"] == "Northwind Solutions"),
            "a partner sees its own allocations only"
        );

        // A claim needs proof first.
        let claim = form_body(&[
            ("request", &id),
            ("actual_cost", "3,600"),
            ("note", "Ran as planned."),
        ]);
        let res = post(&app, "/api/funds_claim", &claim, Some(&ava)).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let proofs = format!("/funds/requests/{id}/proofs");
        let res = post_file(&app, &proofs, "invoice.pdf", PDF, &oliver).await;
        assert_eq!(
            res.status(),
            StatusCode::NOT_FOUND,
            "another partner's request"
        );
        let res = post_file(&app, &proofs, "Invoice 42.pdf", PDF, &ava).await;
        assert_eq!(
            location_of(&res),
            Some(format!("{location}#fund-request-proof").as_str())
        );
        json(post(&app, "/api/funds_claim", &claim, Some(&ava)).await).await;
        let request = json(
            post(
                &app,
                "/api/funds_request",
                &format!("id={id}"),
                Some(&marcus),
            )
            .await,
        )
        .await;
        // Half of 3,600 is 1,800: the claim stops at the 1,500 approved.
        assert_eq!(request["claim"]["claimed"], 150_000);
        let proof = request["proofs"][0]["id"].as_str().unwrap().to_owned();
        assert_eq!(request["proofs"][0]["name"], "Invoice-42.pdf");
        let res = get(&app, &format!("/fund-proofs/{proof}"), &marcus).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()[header::CONTENT_TYPE], "application/pdf");
        assert!(res.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .contains("sandbox"));
        assert_eq!(body_text(res).await.as_bytes(), PDF);
        let res = get(&app, &format!("/fund-proofs/{proof}"), &oliver).await;
        assert_eq!(
            res.status(),
            StatusCode::NOT_FOUND,
            "proof is the partner's and the vendor's"
        );

        // The manager approves the claim; it is in the payout file.
        let claim_id = request["claim"]["id"].as_str().unwrap().to_owned();
        let form = form_body(&[("claim", &claim_id), ("decision", "approve")]);
        json(post(&app, "/api/funds_review_claim", &form, Some(&marcus)).await).await;
        let csv = body_text(get(&app, "/funds/payouts.csv", &marcus).await).await;
        let line = csv
            .lines()
            .find(|l| l.starts_with(&claim_id))
            .expect("listed");
        assert!(
            line.contains("Northwind Solutions") && line.ends_with(",1500.00,1500.00,EUR"),
            "{line}"
        );
        assert_eq!(
            get(&app, "/funds/payouts.csv", &ava).await.status(),
            StatusCode::FORBIDDEN
        );

        // Paid in two parts; never more than owed.
        let pay = |amount: &str, reference: &str| {
            form_body(&[
                ("claim", &claim_id),
                ("amount", amount),
                ("reference", reference),
            ])
        };
        let res = post(&app, "/api/funds_pay", &pay("2,000", "ERP-1"), Some(&priya)).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        json(post(&app, "/api/funds_pay", &pay("1,000", "ERP-1"), Some(&priya)).await).await;
        json(post(&app, "/api/funds_pay", &pay("", "ERP-2"), Some(&priya)).await).await;
        let request =
            json(post(&app, "/api/funds_request", &format!("id={id}"), Some(&ava)).await).await;
        assert_eq!(request["claim"]["status"], "Paid");
        assert_eq!(request["claim"]["paid"], 150_000);
        assert_eq!(request["payments"].as_array().unwrap().len(), 2);
        let csv = body_text(get(&app, "/funds/payouts.csv", &marcus).await).await;
        assert!(
            !csv.contains(&claim_id),
            "paid claims leave the payout file"
        );
        // The rest of the file, paid as one run.
        assert!(
            csv.lines().count() > 1,
            "the demo's approved claims are owed"
        );
        let res = post(&app, "/api/funds_pay_all", "reference=", Some(&priya)).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let res = post(
            &app,
            "/api/funds_pay_all",
            "reference=ERP-RUN-7",
            Some(&marcus),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::Forbidden);
        let paid = json(
            post(
                &app,
                "/api/funds_pay_all",
                "reference=ERP-RUN-7",
                Some(&priya),
            )
            .await,
        )
        .await;
        assert_eq!(paid.as_u64().unwrap() as usize, csv.lines().count() - 1);
        let csv = body_text(get(&app, "/funds/payouts.csv", &marcus).await).await;
        assert_eq!(csv.lines().count(), 1, "only the header is left");
        let owed: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM fund_claims WHERE status = 'approved' OR paid_minor > approved_minor",
        )
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(owed, 0);
        // Every step is in the audit log.
        let actions: Vec<String> = sqlx::query_scalar(
            "SELECT action FROM audit_log WHERE record_id = $1 ORDER BY at, action",
        )
        .bind(&id)
        .fetch_all(&db.pool)
        .await
        .unwrap();
        for action in [
            "fund_request.submitted",
            "fund_request.approved",
            "fund_proof.added",
            "fund_claim.submitted",
            "fund_claim.approved",
            "fund_claim.paid",
        ] {
            assert!(
                actions.iter().any(|a| a == action),
                "{action} in {actions:?}"
            );
        }
    }
);

backend_test!(
    bad_input_gets_a_clear_error_and_changes_nothing,
    |db: Db| async move {
        let app = app(&db).await;
        let priya = sign_in(&app, PRIYA, DEMO_PASSWORD, None).await.unwrap();
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let (_, allocation) = fund_northwind(&app, &db, &priya, "Checks", "5,000", "1,000").await;
        let (periods, requests) = (
            count(&db, "fund_periods").await,
            count(&db, "fund_requests").await,
        );
        let bluepeak: String =
            sqlx::query_scalar("SELECT id FROM fund_allocations WHERE organisation_id = $1")
                .bind(demo_id("org", "bluepeak"))
                .fetch_one(&db.pool)
                .await
                .unwrap();
        let cases: [(&[(&str, &str)], &str); 9] = [
            (&[("input[planned_cost]", "-500")], "planned_cost"),
            (
                &[("input[planned_cost]", "99999999999999999999")],
                "planned_cost",
            ),
            (&[("input[planned_cost]", "lots")], "planned_cost"),
            (&[("input[share]", "150")], "share"),
            (&[("input[ends_on]", "2098-02-01")], "ends_on"),
            (&[("input[starts_on]", "2098-02-30")], "starts_on"),
            (&[("input[activity]", "party")], "activity"),
            (&[("input[allocation]", bluepeak.as_str())], "allocation"),
            (&[("input[campaign]", "not-a-campaign")], "campaign"),
        ];
        for (overrides, field) in cases {
            let res = post(
                &app,
                "/api/funds_submit",
                &request_form(&allocation, overrides),
                Some(&ava),
            )
            .await;
            assert_eq!(
                res.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{overrides:?}"
            );
            let AppError::Validation(errors) = error_of(res).await else {
                panic!("validation")
            };
            assert!(
                errors.iter().any(|e| e.field == field),
                "{field}: {errors:?}"
            );
        }
        // More than the allocation holds is asked, and refused at approval.
        let res = post(
            &app,
            "/api/funds_submit",
            &request_form(&allocation, &[("input[planned_cost]", "4,000")]),
            Some(&ava),
        )
        .await;
        let id = location_of(&res)
            .unwrap()
            .trim_start_matches("/funds/requests/")
            .to_owned();
        let form = form_body(&[("id", &id), ("decision", "approve")]);
        let res = post(&app, "/api/funds_review", &form, Some(&priya)).await;
        assert_eq!(res.status(), StatusCode::CONFLICT);
        let status: String = sqlx::query_scalar("SELECT status FROM fund_requests WHERE id = $1")
            .bind(&id)
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(status, "submitted", "a refused approval changes nothing");
        // Periods: a made-up currency, reversed dates, a negative budget.
        for (name, starts, ends, currency, budget, field) in [
            (
                "Bad money",
                "2027-01-01",
                "2027-03-31",
                "XYZ",
                "1,000",
                "currency",
            ),
            (
                "Backwards",
                "2027-03-31",
                "2027-01-01",
                "EUR",
                "1,000",
                "ends_on",
            ),
            (
                "Negative",
                "2027-01-01",
                "2027-03-31",
                "EUR",
                "-1,000",
                "budget",
            ),
        ] {
            let form = form_body(&[
                ("name", name),
                ("starts_on", starts),
                ("ends_on", ends),
                ("currency", currency),
                ("budget", budget),
            ]);
            let res = post(&app, "/api/funds_period", &form, Some(&priya)).await;
            let AppError::Validation(errors) = error_of(res).await else {
                panic!("validation")
            };
            assert!(
                errors.iter().any(|e| e.field == field),
                "{field}: {errors:?}"
            );
        }
        // An allocation past the budget.
        let period: String =
            sqlx::query_scalar("SELECT id FROM fund_periods WHERE name = 'Checks'")
                .fetch_one(&db.pool)
                .await
                .unwrap();
        let form = form_body(&[
            ("period", &period),
            ("partner", &demo_id("org", "lumen")),
            ("amount", "4,001"),
            ("expires_on", "2099-01-01"),
        ]);
        let res = post(&app, "/api/funds_allocate", &form, Some(&priya)).await;
        assert_eq!(res.status(), StatusCode::CONFLICT);
        assert_eq!(count(&db, "fund_periods").await, periods);
        assert_eq!(count(&db, "fund_requests").await, requests + 1);
        let allocated: i64 =
            sqlx::query_scalar("SELECT allocated_minor FROM fund_periods WHERE id = $1")
                .bind(&period)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert_eq!(allocated, 100_000);

        // Proof: disguised, oversize, on a request not approved.
        let form = form_body(&[
            ("id", &id),
            ("decision", "change"),
            ("amount", "900"),
            ("note", "Within the allocation."),
        ]);
        json(post(&app, "/api/funds_review", &form, Some(&priya)).await).await;
        let proofs = format!("/funds/requests/{id}/proofs");
        let proofs_before = count(&db, "fund_proofs").await;
        let res = post_file(
            &app,
            &proofs,
            "invoice.pdf",
            b"<html><script>alert(1)</script></html>",
            &ava,
        )
        .await;
        assert!(location_of(&res).unwrap().contains("?refused=not-proof"));
        let mut huge = PDF.to_vec();
        huge.resize(10 * 1024 * 1024 + 1, b' ');
        let res = post_file(&app, &proofs, "big.pdf", &huge, &ava).await;
        assert!(location_of(&res).unwrap().contains("?refused=too-large"));
        let waiting = post(
            &app,
            "/api/funds_submit",
            &request_form(&allocation, &[]),
            Some(&ava),
        )
        .await;
        let waiting = location_of(&waiting).unwrap().to_owned();
        let res = post_file(&app, &format!("{waiting}/proofs"), "invoice.pdf", PDF, &ava).await;
        assert!(location_of(&res).unwrap().contains("?refused=closed"));
        assert_eq!(
            count(&db, "fund_proofs").await,
            proofs_before,
            "nothing refused was kept"
        );
        // A claim of a non-number.
        post_file(&app, &proofs, "invoice.pdf", PDF, &ava).await;
        let claim = form_body(&[("request", &id), ("actual_cost", "1e6")]);
        let res = post(&app, "/api/funds_claim", &claim, Some(&ava)).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            count(&db, "fund_claims").await,
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM fund_claims WHERE request_id <> $1")
                .bind(&id)
                .fetch_one(&db.pool)
                .await
                .unwrap()
        );
    }
);

/// A partner admin of `email`'s organisation, as the service sees them.
async fn viewer(db: &Db, email: &str) -> Viewer {
    app::deals::demo::viewer(db, email).await.unwrap()
}

backend_test!(
    a_thousand_concurrent_allocations_requests_and_approvals_never_over_commit,
    |db: Db| async move {
        app::demo::seed(&db).await.unwrap();
        let admin = viewer(&db, PRIYA).await;
        let manager = viewer(&db, MARCUS).await;
        let ava = viewer(&db, AVA).await;
        let now = app::auth::server::now();
        let draft =
            app::funds::server::check_period("Race", "2026-01-01", "2099-12-31", "USD", "50,000")
                .unwrap();
        let period = app::funds::server::create_period(&db, &admin, &draft, now, None)
            .await
            .unwrap();
        const RACERS: usize = 1_000;
        // A thousand top-ups of 100 USD against a budget of 50,000: exactly
        // five hundred fit.
        let mut tasks = Vec::new();
        for _ in 0..RACERS {
            let (db, admin, period) = (db.clone(), admin.clone(), period.clone());
            tasks.push(tokio::spawn(async move {
                let grant = Grant {
                    period,
                    to: Recipients::Partner(demo_id("org", "northwind")),
                    amount: Some(10_000),
                    accrual_bp: None,
                    expires_on: "2099-12-31".into(),
                };
                allocate(&db, &admin, &grant, now, None).await
            }));
        }
        let mut granted = 0;
        for task in tasks {
            match task.await.unwrap() {
                Ok(_) => granted += 1,
                Err(AppError::Conflict(_)) => {}
                Err(other) => panic!("{other:?}"),
            }
        }
        assert_eq!(granted, 500);
        let (allocated, budget): (i64, i64) =
            sqlx::query_as("SELECT allocated_minor, budget_minor FROM fund_periods WHERE id = $1")
                .bind(&period)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert_eq!(allocated, budget);
        let (allocation, amount): (String, i64) =
            sqlx::query_as("SELECT id, amount_minor FROM fund_allocations WHERE period_id = $1")
                .bind(&period)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert_eq!(
            amount, budget,
            "the allocation holds every top-up that was granted"
        );

        // A thousand requests of 100 USD (200 at half), sent at once.
        let mut tasks = Vec::new();
        for n in 0..RACERS {
            let (db, ava, allocation) = (db.clone(), ava.clone(), allocation.clone());
            tasks.push(tokio::spawn(async move {
                let draft = RequestInput {
                    allocation,
                    activity: "digital".into(),
                    title: format!("Race {n}"),
                    description: "One of a thousand racing requests.".into(),
                    planned_cost: "200".into(),
                    share: "50".into(),
                    expected_leads: "1".into(),
                    expected_pipeline: String::new(),
                    starts_on: "2098-01-01".into(),
                    ends_on: "2098-01-02".into(),
                    campaign: String::new(),
                }
                .validate()
                .unwrap();
                submit_request(&db, &ava, &draft, now, None)
                    .await
                    .expect("no request is lost")
            }));
        }
        let mut ids = Vec::new();
        for task in tasks {
            ids.push(task.await.unwrap());
        }
        assert_eq!(ids.len(), RACERS);
        // Then every one approved at once, two hundred of them twice: the
        // allocation holds five hundred.
        let mut tasks = Vec::new();
        for id in ids.iter().chain(ids.iter().take(200)) {
            let (db, manager, id) = (db.clone(), manager.clone(), id.clone());
            tasks.push(tokio::spawn(async move {
                let review = check_review("approve", "", "").unwrap();
                review_request(&db, &manager, &id, &review, now, None).await
            }));
        }
        let mut approved = 0;
        for task in tasks {
            match task.await.unwrap() {
                Ok(_) => approved += 1,
                Err(AppError::Conflict(_)) => {}
                Err(other) => panic!("{other:?}"),
            }
        }
        assert_eq!(approved, 500);
        let committed: i64 =
            sqlx::query_scalar("SELECT approved_minor FROM fund_allocations WHERE id = $1")
                .bind(&allocation)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        let (count, sum): (i64, i64) = sqlx::query_as(
            "SELECT COUNT(*), CAST(COALESCE(SUM(approved_minor), 0) AS BIGINT) FROM fund_requests \
             WHERE allocation_id = $1 AND status = 'approved'",
        )
        .bind(&allocation)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(
            (count, sum, committed),
            (500, 5_000_000, 5_000_000),
            "every balance exact"
        );
        let waiting: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM fund_requests WHERE allocation_id = $1 AND status = 'submitted'",
        )
        .bind(&allocation)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(waiting, 500, "refused approvals leave the request waiting");
    }
);

backend_test!(
    accrued_funds_grow_with_won_revenue_and_never_pass_the_budget,
    |db: Db| async move {
        app::demo::seed(&db).await.unwrap();
        let admin = viewer(&db, PRIYA).await;
        let now = app::auth::server::now();
        let northwind = demo_id("org", "northwind");
        let won = |db: Db| async move {
            let deals: Vec<(i64, String)> = sqlx::query_as(
                "SELECT value_cents, currency FROM deals WHERE organisation_id = $1 \
                 AND status = 'won' AND closed_at >= $2",
            )
            .bind(demo_id("org", "northwind"))
            .bind(app::format::epoch_of_date("2020-01-01").unwrap())
            .fetch_all(&db.pool)
            .await
            .unwrap();
            deals
                .iter()
                .map(|(v, c)| {
                    let from = app::values::Currency::parse(c).unwrap();
                    app::funds::convert(*v, from, app::values::Currency::Usd)
                })
                .sum::<i64>()
        };
        let before = won(db.clone()).await;
        assert!(before > 0, "the demo has won deals");
        let open = |name: &'static str, budget: &'static str| {
            let (db, admin) = (db.clone(), admin.clone());
            async move {
                let draft = app::funds::server::check_period(
                    name,
                    "2020-01-01",
                    "2099-12-31",
                    "USD",
                    budget,
                )
                .unwrap();
                app::funds::server::create_period(&db, &admin, &draft, now, None)
                    .await
                    .unwrap()
            }
        };
        let amount = |period: String| {
            let db = db.clone();
            async move {
                sqlx::query_scalar::<_, i64>(
                    "SELECT amount_minor FROM fund_allocations WHERE period_id = $1 AND organisation_id = $2",
                )
                .bind(period)
                .bind(demo_id("org", "northwind"))
                .fetch_one(&db.pool)
                .await
                .unwrap()
            }
        };
        let grant = |period: &str| Grant {
            period: period.to_owned(),
            to: Recipients::Partner(northwind.clone()),
            amount: None,
            accrual_bp: Some(1_000),
            expires_on: "2099-12-31".into(),
        };
        // Ten per cent of what Northwind won, in a roomy budget and in a
        // tight one.
        let roomy = open("Accrual", "100,000,000").await;
        allocate(&db, &admin, &grant(&roomy), now, None)
            .await
            .unwrap();
        assert_eq!(amount(roomy.clone()).await, before / 10);
        let tight = open("Tight", "1,000").await;
        allocate(&db, &admin, &grant(&tight), now, None)
            .await
            .unwrap();
        assert_eq!(amount(tight.clone()).await, 100_000, "capped at the budget");
        // A deal won now raises the roomy one by a tenth of its value.
        let (deal, value): (String, i64) = sqlx::query_as(
            "SELECT id, value_cents FROM deals WHERE organisation_id = $1 AND status = 'approved' \
             AND currency = 'USD' ORDER BY id LIMIT 1",
        )
        .bind(&northwind)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        sqlx::query("UPDATE deals SET status = 'won', closed_at = $1 WHERE id = $2")
            .bind(now)
            .bind(&deal)
            .execute(&db.pool)
            .await
            .unwrap();
        assert!(
            app::funds::server::accrue(&db, Some(&northwind))
                .await
                .unwrap()
                >= 1
        );
        assert_eq!(amount(roomy.clone()).await, (before + value) / 10);
        assert_eq!(amount(tight.clone()).await, 100_000);
        let (allocated, budget): (i64, i64) =
            sqlx::query_as("SELECT allocated_minor, budget_minor FROM fund_periods WHERE id = $1")
                .bind(&tight)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert!(allocated <= budget);
    }
);

backend_test!(
    partners_are_told_once_of_funds_about_to_expire,
    |db: Db| async move {
        app::demo::seed(&db).await.unwrap();
        let admin = viewer(&db, PRIYA).await;
        let now = app::auth::server::now();
        let draft =
            app::funds::server::check_period("Short", "2020-01-01", "2099-12-31", "USD", "5,000")
                .unwrap();
        let period = app::funds::server::create_period(&db, &admin, &draft, now, None)
            .await
            .unwrap();
        let soon = app::format::utc_date(now + 7 * 86_400);
        let grant = Grant {
            period,
            to: Recipients::Partner(demo_id("org", "lumen")),
            amount: Some(200_000),
            accrual_bp: None,
            expires_on: soon,
        };
        allocate(&db, &admin, &grant, now, None).await.unwrap();
        let told = |db: Db| async move {
            sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM notifications n JOIN people p ON p.id = n.person_id \
                 WHERE p.organisation_id = $1 AND n.subject LIKE 'Your marketing funds expire on %'",
            )
            .bind(demo_id("org", "lumen"))
            .fetch_one(&db.pool)
            .await
            .unwrap()
        };
        assert_eq!(told(db.clone()).await, 0);
        let (one, two) = tokio::join!(
            app::funds::server::remind_expiring(&db, now),
            app::funds::server::remind_expiring(&db, now)
        );
        assert!(one.unwrap() + two.unwrap() >= 1);
        let admins: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM people WHERE organisation_id = $1 AND role = 'partner_admin' AND status = 'active'",
        )
        .bind(demo_id("org", "lumen"))
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(told(db.clone()).await, admins, "each admin told once");
        app::funds::server::remind_expiring(&db, now).await.unwrap();
        assert_eq!(told(db.clone()).await, admins, "and never again");
    }
);

backend_test!(
    a_campaign_run_in_trellis_is_its_own_proof_and_measures_the_return,
    |db: Db| async move {
        app::demo::seed(&db).await.unwrap();
        let ava = viewer(&db, AVA).await;
        let manager = viewer(&db, MARCUS).await;
        let now = app::auth::server::now();
        let (campaign, deal_value): (String, i64) = sqlx::query_as(
            "SELECT l.campaign_id, d.value_cents FROM leads l JOIN deals d ON d.id = l.deal_id \
             WHERE l.organisation_id = $1 AND d.currency = 'USD' ORDER BY l.id LIMIT 1",
        )
        .bind(demo_id("org", "northwind"))
        .fetch_one(&db.pool)
        .await
        .unwrap();
        let allocation: String = sqlx::query_scalar(
            "SELECT id FROM fund_allocations WHERE organisation_id = $1 ORDER BY expires_on DESC LIMIT 1",
        )
        .bind(demo_id("org", "northwind"))
        .fetch_one(&db.pool)
        .await
        .unwrap();
        let draft = RequestInput {
            allocation,
            activity: "digital".into(),
            title: "Measured campaign".into(),
            description: "Promotion of our co-branded campaign.".into(),
            planned_cost: "1,000".into(),
            share: "50".into(),
            expected_leads: "5".into(),
            expected_pipeline: String::new(),
            starts_on: "2026-01-01".into(),
            ends_on: app::format::utc_date(now),
            campaign: campaign.clone(),
        }
        .validate()
        .unwrap();
        let id = submit_request(&db, &ava, &draft, now, None).await.unwrap();
        review_request(
            &db,
            &manager,
            &id,
            &check_review("approve", "", "").unwrap(),
            now,
            None,
        )
        .await
        .unwrap();
        // No file uploaded: the campaign's results are the proof.
        app::funds::server::submit_claim(&db, &ava, &id, "1,000", "", now, None)
            .await
            .unwrap();
        let detail = app::funds::server::detail(&db, &ava, &id, now)
            .await
            .unwrap();
        let results = detail.results.expect("results of the linked campaign");
        assert!(results.leads >= 1 && results.deals >= 1);
        assert!(results.pipeline >= deal_value);
        assert_eq!(results.cost, 50_000);
        assert_eq!(
            results.ropi_bp,
            app::funds::ropi_bp(results.won, 50_000),
            "ROPI = (won − cost) / cost"
        );
        // Another partner's campaign cannot be named.
        let bluepeak: String =
            sqlx::query_scalar("SELECT id FROM campaigns WHERE organisation_id = $1 LIMIT 1")
                .bind(demo_id("org", "bluepeak"))
                .fetch_one(&db.pool)
                .await
                .unwrap();
        let theirs = RequestInput {
            campaign: bluepeak,
            ..draft_input(&draft)
        };
        let refused = submit_request(&db, &ava, &theirs.validate().unwrap(), now, None).await;
        let Err(AppError::Validation(errors)) = refused else {
            panic!("refused: {refused:?}")
        };
        assert_eq!(errors[0].field, "campaign");
    }
);

/// The input a checked draft came from, for variations.
fn draft_input(d: &app::funds::RequestDraft) -> RequestInput {
    RequestInput {
        allocation: d.allocation.clone(),
        activity: d.activity.code().into(),
        title: d.title.clone(),
        description: d.description.clone(),
        planned_cost: format!("{}", d.planned_cost_minor / 100),
        share: format!("{}", d.share_bp / 100),
        expected_leads: d.expected_leads.to_string(),
        expected_pipeline: String::new(),
        starts_on: d.starts_on.clone(),
        ends_on: d.ends_on.clone(),
        campaign: d.campaign.clone().unwrap_or_default(),
    }
}

backend_test!(
    a_private_offer_is_asked_recorded_and_when_accepted_wins_the_deal_through_the_marketplace,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let oliver = sign_in(&app, OLIVER, DEMO_PASSWORD, None).await.unwrap();
        let marcus = sign_in(&app, MARCUS, DEMO_PASSWORD, None).await.unwrap();
        // A fresh registration, approved by the channel manager.
        let input = app::deals::DealInput {
            customer_company: "Marketplace Buyer Corp".into(),
            contact_name: "Pat Doe".into(),
            contact_email: "pat@marketplace-buyer.example".into(),
            country: "Canada".into(),
            products: "Acme Compute".into(),
            value: "250000".into(),
            currency: "USD".into(),
            expected_close: "2099-01-01".into(),
            partner_role: "reseller".into(),
            ..app::deals::DealInput::default()
        }
        .validate("2026-01-01")
        .unwrap();
        let deal = app::deals::server::register(&db, &viewer(&db, AVA).await, &input, None)
            .await
            .unwrap()
            .id;
        let manager = viewer(&db, MARCUS).await;
        app::deals::server::decide(
            &db,
            &manager,
            &deal,
            app::deals::Decision::Approve,
            None,
            None,
        )
        .await
        .unwrap();
        let value = 25_000_000;
        let read = |who: String| {
            let (app, deal) = (app.clone(), deal.clone());
            async move {
                post(
                    &app,
                    "/api/funds_offer",
                    &format!("deal={deal}"),
                    Some(&who),
                )
                .await
            }
        };
        assert_eq!(
            error_of(read(oliver.clone()).await).await,
            AppError::NotFound
        );
        let ask = form_body(&[
            ("deal", &deal),
            ("marketplace", "aws"),
            ("note", "Customer has an EDP."),
        ]);
        let res = post(&app, "/api/funds_offer_request", &ask, Some(&oliver)).await;
        assert_eq!(
            error_of(res).await,
            AppError::NotFound,
            "another partner's deal"
        );
        json(post(&app, "/api/funds_offer_request", &ask, Some(&ava)).await).await;
        let res = post(&app, "/api/funds_offer_request", &ask, Some(&ava)).await;
        assert!(
            matches!(error_of(res).await, AppError::Conflict(_)),
            "one open offer"
        );
        let view = json(read(ava.clone()).await).await;
        assert_eq!(view["offer"]["status"], "Requested");
        assert_eq!(view["offer"]["marketplace"], "Aws");
        // Extended without the offer's id is refused; then recorded.
        let record = |status: &str, reference: &str| {
            form_body(&[
                ("deal", &deal),
                ("status", status),
                ("reference", reference),
                ("amount", "250,000"),
                ("expires_on", "2099-01-31"),
            ])
        };
        let res = post(
            &app,
            "/api/funds_offer_record",
            &record("extended", ""),
            Some(&marcus),
        )
        .await;
        let AppError::Validation(errors) = error_of(res).await else {
            panic!("validation")
        };
        assert_eq!(errors[0].field, "reference");
        let res = post(
            &app,
            "/api/funds_offer_record",
            &record("extended", "offer-abc123"),
            Some(&ava),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::Forbidden);
        json(
            post(
                &app,
                "/api/funds_offer_record",
                &record("extended", "offer-abc123"),
                Some(&marcus),
            )
            .await,
        )
        .await;
        let view = json(read(ava.clone()).await).await;
        assert_eq!(view["offer"]["reference"], "offer-abc123");
        assert_eq!(view["offer"]["amount"], 25_000_000);
        // Accepted: the deal is won, through the marketplace.
        let before = app::funds::server::revenue_by_route(&db, 0).await.unwrap();
        json(
            post(
                &app,
                "/api/funds_offer_record",
                &record("accepted", "offer-abc123"),
                Some(&marcus),
            )
            .await,
        )
        .await;
        let status: String = sqlx::query_scalar("SELECT status FROM deals WHERE id = $1")
            .bind(&deal)
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(status, "won");
        let after = app::funds::server::revenue_by_route(&db, 0).await.unwrap();
        assert_eq!(after.marketplace, before.marketplace + value);
        assert_eq!(after.partner, before.partner, "counted once, by its route");
        let res = post(
            &app,
            "/api/funds_offer_record",
            &record("expired", ""),
            Some(&marcus),
        )
        .await;
        assert!(
            matches!(error_of(res).await, AppError::Conflict(_)),
            "an accepted offer stays"
        );
    }
);
