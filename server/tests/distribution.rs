//! Vendor-to-partner lead distribution through the real router on both
//! databases: vendor staff enter a lead, the rules pick the partner, the
//! partner sees who it is only after accepting; a decline needs a reason
//! and moves the lead on; an unanswered offer is pulled back when its time
//! runs out (or stays, overdue, when no partner is left); the history and
//! the time to answer are kept; another partner's offer cannot be touched.

use app::{
    backend_test,
    campaigns::server::expire_offers,
    db::Db,
    error::AppError,
    organisations::demo::{demo_id, DEMO_PASSWORD},
};
use axum::{body::Body, http::Response};
use server::testing::{
    body_text, error_of, form_value, post_form as post, seeded_app as app, sign_in,
};

const AVA: &str = "ava.thompson@northwind.example";
const MARCUS: &str = "marcus.webb@acmecloud.example";
const JONAS: &str = "jonas.weber@lumen-si.example";
const OLIVER: &str = "oliver.grant@bluepeak.example";

async fn json(res: Response<Body>) -> serde_json::Value {
    let status = res.status();
    let text = body_text(res).await;
    assert!(status.is_success(), "{status}: {text}");
    serde_json::from_str(&text).unwrap()
}

/// (organisation, status, offer_expires_at) of lead `email`.
async fn lead_of(db: &Db, email: &str) -> (String, Option<String>, String, Option<i64>) {
    sqlx::query_as(
        "SELECT id, organisation_id, status, offer_expires_at FROM leads WHERE email = $1",
    )
    .bind(email)
    .fetch_one(&db.pool)
    .await
    .unwrap()
}

fn entry(email: &str, region: &str, kind: &str) -> String {
    format!(
        "lead[name]=Iris+Vale&lead[email]={}&lead[company]=Vale+Mills&lead[region]={region}&lead[partner_type]={kind}&lead[message]=Wants+a+migration",
        form_value(email)
    )
}

fn row<'a>(list: &'a serde_json::Value, id: &str) -> Option<&'a serde_json::Value> {
    list.as_array().unwrap().iter().find(|l| l["id"] == id)
}

backend_test!(
    a_vendor_lead_is_routed_accepted_and_kept_to_its_partner,
    |db: Db| async move {
        let app = app(&db).await;
        let marcus = sign_in(&app, MARCUS, DEMO_PASSWORD, None).await;
        let marcus = match marcus {
            Ok(cookie) => cookie,
            Err(_) => panic!("the channel manager signs in"),
        };
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let oliver = sign_in(&app, OLIVER, DEMO_PASSWORD, None).await.unwrap();

        // A value-added reseller wanted, in North America: Northwind (VAR)
        // outranks Quantix (ISV).
        let email = "iris@valemills.example";
        let res = post(
            &app,
            "/api/campaigns_lead_enter",
            &entry(email, "north_america", "var"),
            Some(&marcus),
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());
        let (id, org, status, expires) = lead_of(&db, email).await;
        assert_eq!(org.as_deref(), Some(demo_id("org", "northwind").as_str()));
        assert_eq!(status, "offered");
        let now = app::format::now_secs();
        assert!(
            (expires.unwrap() - (now + 48 * 3600)).abs() < 60,
            "48 hours to answer"
        );
        let told: i64 = sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM notifications n JOIN people p ON p.id = n.person_id \
         WHERE p.email = $1 AND n.link = $2",
    )
    .bind(AVA)
    .bind(format!("/leads#lead-{id}"))
    .fetch_one(&db.pool)
    .await
    .unwrap();
        assert_eq!(told, 1, "Northwind's admin is told");

        // Offered, Northwind sees the company and the need, not who to call;
        // Bluepeak does not see it at all.
        let leads = json(post(&app, "/api/campaigns_leads", "", Some(&ava)).await).await;
        let offered = row(&leads, &id).expect("Northwind sees the offer");
        assert_eq!(offered["company"], "Vale Mills");
        assert_eq!(offered["name"], "");
        assert_eq!(offered["email"], "");
        assert!(!leads.to_string().contains(email));
        assert_eq!(
            offered["history"],
            serde_json::json!([]),
            "no routing history for partners"
        );
        let theirs = json(post(&app, "/api/campaigns_leads", "", Some(&oliver)).await).await;
        assert!(row(&theirs, &id).is_none());
        let res = post(
            &app,
            "/api/campaigns_lead_answer",
            &format!("id={id}&accept=true"),
            Some(&oliver),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::NotFound);

        // Northwind accepts: the lead is theirs, whole.
        let res = post(
            &app,
            "/api/campaigns_lead_answer",
            &format!("id={id}&accept=true"),
            Some(&ava),
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());
        let leads = json(post(&app, "/api/campaigns_leads", "", Some(&ava)).await).await;
        let accepted = row(&leads, &id).unwrap();
        assert_eq!(accepted["status"], "Accepted");
        assert_eq!(accepted["email"], email);
        let res = post(
            &app,
            "/api/campaigns_lead_answer",
            &format!("id={id}&accept=true"),
            Some(&ava),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::NotFound, "answered once");

        // The vendor sees the history and how fast Northwind answered.
        let vendor = json(post(&app, "/api/campaigns_leads", "", Some(&marcus)).await).await;
        let history = &row(&vendor, &id).unwrap()["history"];
        assert_eq!(history.as_array().unwrap().len(), 1);
        assert_eq!(history[0]["partner"], "Northwind Solutions");
        assert_eq!(history[0]["outcome"], "Accepted");
        assert!(
            history[0]["decided_at"].as_i64().unwrap()
                >= history[0]["offered_at"].as_i64().unwrap()
        );

        // The same person again is refused, and nothing is added.
        let res = post(
            &app,
            "/api/campaigns_lead_enter",
            &entry(email, "north_america", "var"),
            Some(&marcus),
        )
        .await;
        assert!(error_of(res).await.message_for("email").is_some());
        // A partner cannot enter one.
        let res = post(
            &app,
            "/api/campaigns_lead_enter",
            &entry("x@y.example", "north_america", ""),
            Some(&ava),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::Forbidden);
        // A region is required, and must be one.
        let res = post(
            &app,
            "/api/campaigns_lead_enter",
            &entry("z@y.example", "mars", ""),
            Some(&marcus),
        )
        .await;
        assert!(error_of(res).await.message_for("region").is_some());
        let count: i64 = sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM leads WHERE email IN ('x@y.example', 'z@y.example')")
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(count, 0);
    }
);

backend_test!(a_declined_or_lapsed_offer_moves_on, |db: Db| async move {
    let app = app(&db).await;
    let marcus = sign_in(&app, MARCUS, DEMO_PASSWORD, None).await.unwrap();
    let jonas = sign_in(&app, JONAS, DEMO_PASSWORD, None).await.unwrap();

    // An EMEA lead for a systems integrator: Lumen.
    let email = "ana@portmoor.example";
    post(
        &app,
        "/api/campaigns_lead_enter",
        &entry(email, "emea", "si"),
        Some(&marcus),
    )
    .await;
    let (id, org, ..) = lead_of(&db, email).await;
    assert_eq!(org.as_deref(), Some(demo_id("org", "lumen").as_str()));

    // Declining needs a reason; with one, the lead goes to the next EMEA
    // partner and Lumen no longer sees it.
    let res = post(
        &app,
        "/api/campaigns_lead_answer",
        &format!("id={id}&accept=false&reason="),
        Some(&jonas),
    )
    .await;
    assert!(error_of(res).await.message_for("reason").is_some());
    assert_eq!(lead_of(&db, email).await.1, org, "unchanged");
    let res = post(
        &app,
        "/api/campaigns_lead_answer",
        &format!("id={id}&accept=false&reason=Not+our+industry"),
        Some(&jonas),
    )
    .await;
    assert!(res.status().is_success(), "{}", res.status());
    let (_, next, status, _) = lead_of(&db, email).await;
    assert_eq!(status, "offered");
    let next = next.unwrap();
    assert_ne!(next, demo_id("org", "lumen"));
    assert!([demo_id("org", "bluepeak"), demo_id("org", "keystone")].contains(&next));
    let lumen = json(post(&app, "/api/campaigns_leads", "", Some(&jonas)).await).await;
    assert!(row(&lumen, &id).is_none());

    // Its time runs out: pulled back and offered to the last EMEA partner;
    // when that one lets it lapse too, nobody is left: it stays, overdue.
    let later = app::format::now_secs() + 49 * 3600;
    // (The demo's own offers lapse too.)
    assert!(expire_offers(&db, later).await.unwrap() >= 1);
    let (_, third, _, expires) = lead_of(&db, email).await;
    let third = third.unwrap();
    assert!(![next.clone(), demo_id("org", "lumen")].contains(&third));
    assert!(expires.unwrap() > later);
    expire_offers(&db, later + 49 * 3600).await.unwrap();
    let (_, still, status, _) = lead_of(&db, email).await;
    assert_eq!(
        (still.as_deref(), status.as_str()),
        (Some(third.as_str()), "offered")
    );

    let vendor = json(post(&app, "/api/campaigns_leads", "", Some(&marcus)).await).await;
    let outcomes: Vec<&str> = row(&vendor, &id).unwrap()["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(outcomes, ["Rejected", "Expired", "Pending"]);
    assert_eq!(
        row(&vendor, &id).unwrap()["history"][0]["reason"],
        "Not our industry"
    );
});

/// Posts `csv` to `/leads/import` as the leads page's form does.
async fn import_csv(app: &axum::Router, csv: &str, cookie: &str) -> Response<Body> {
    use tower::ServiceExt;
    let boundary = "trellis-test-boundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"leads.csv\"\r\n\
         Content-Type: text/csv\r\n\r\n{csv}\r\n--{boundary}--\r\n"
    );
    let request = axum::http::Request::post("/leads/import")
        .header(
            axum::http::header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(axum::http::header::COOKIE, cookie)
        .body(Body::from(body))
        .unwrap();
    app.clone().oneshot(request).await.unwrap()
}

fn location(res: &Response<Body>) -> String {
    res.headers()
        .get(axum::http::header::LOCATION)
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

backend_test!(
    vendor_staff_import_leads_from_csv_each_row_checked_and_routed,
    |db: Db| async move {
        let app = app(&db).await;
        let marcus = sign_in(&app, MARCUS, DEMO_PASSWORD, None).await.unwrap();
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let leads = || async {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM leads")
                .fetch_one(&db.pool)
                .await
                .unwrap()
        };
        let before = leads().await;
        // A partner may not import; a file without an email column, or
        // not text, is refused whole; nothing is kept.
        let res = import_csv(&app, "email,region\nx@y.example,emea\n", &ava).await;
        assert_eq!(res.status(), axum::http::StatusCode::FORBIDDEN);
        let res = import_csv(&app, "name,company\nKim,Orbit\n", &marcus).await;
        assert_eq!(location(&res), "/leads?refused=no-email-column");
        assert_eq!(leads().await, before);

        let csv = "Email;Name;Company;Region;Partner type\n\
                   kim@orbit.example;Kim Hale;Orbit Freight;North America;\n\
                   noor@delta.example;Noor Aziz;Delta Labs;emea;msp\n\
                   not-an-address;Bad Row;Nowhere;emea;\n\
                   lee@x.example;Lee;X Corp;mars;\n\
                   kim@orbit.example;Kim Again;Orbit Freight;north_america;\n";
        let res = import_csv(&app, csv, &marcus).await;
        let to = location(&res);
        let id = to
            .strip_prefix("/leads?import=")
            .unwrap_or_else(|| panic!("{} {to}", res.status()))
            .to_owned();
        assert_eq!(leads().await, before + 2, "two good rows kept");
        let report = json(
            post(
                &app,
                "/api/campaigns_lead_import",
                &format!("id={id}"),
                Some(&marcus),
            )
            .await,
        )
        .await;
        assert_eq!(report["file_name"], "leads.csv");
        assert_eq!(report["kept"], 2);
        let refused: Vec<i64> = report["refused"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r[0].as_i64().unwrap())
            .collect();
        assert_eq!(
            refused,
            vec![4, 5, 6],
            "the bad address, the bad region, the repeat"
        );
        let why = report["refused"][2][1].as_str().unwrap();
        assert!(why.contains("already a lead"), "{why}");
        // Each kept row was routed like a lead typed in by hand.
        for email in ["kim@orbit.example", "noor@delta.example"] {
            let (_, org, status, _) = lead_of(&db, email).await;
            assert!(
                (status == "offered" && org.is_some()) || (status == "unassigned" && org.is_none()),
                "{email}: {status}"
            );
        }
        let offered = report["offered"].as_i64().unwrap();
        let counted: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM leads WHERE email IN ('kim@orbit.example', 'noor@delta.example') \
             AND status = 'offered'",
        )
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(offered, counted);
        // The report is the vendor's: a partner reads none.
        let res = post(
            &app,
            "/api/campaigns_lead_import",
            &format!("id={id}"),
            Some(&ava),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::Forbidden);
    }
);
