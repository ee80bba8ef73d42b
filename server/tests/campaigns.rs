//! Campaigns through the real router on both databases: launching from a
//! template (preflight first), the public landing page and its lead form
//! without JavaScript, one lead per person and company, the partner told,
//! and each partner's campaigns and leads kept to itself.

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
    body_text, error_of, form_value, location_of, post_file, post_form as post, seeded_app as app,
    seeded_state, sign_in,
};
use tower::ServiceExt;

const AVA: &str = "ava.thompson@northwind.example";
const DANA: &str = "dana.okafor@acmecloud.example";

async fn json(res: Response<Body>) -> serde_json::Value {
    let status = res.status();
    let text = body_text(res).await;
    assert!(status.is_success(), "{status}: {text}");
    serde_json::from_str(&text).unwrap()
}

async fn get(app: &Router, path: &str, agent: &str) -> Response<Body> {
    let request = Request::get(path)
        .header(header::USER_AGENT, agent)
        .body(Body::empty())
        .unwrap();
    app.clone().oneshot(request).await.unwrap()
}

const BROWSER: &str = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36";

async fn views(db: &Db, campaign: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(views), 0) AS BIGINT) FROM campaign_daily WHERE campaign_id = $1",
    )
    .bind(campaign)
    .fetch_one(&db.pool)
    .await
    .unwrap()
}

async fn leads_of(db: &Db, email: &str) -> Vec<(String, i64)> {
    sqlx::query_as("SELECT organisation_id, fills FROM leads WHERE email = $1")
        .bind(email)
        .fetch_all(&db.pool)
        .await
        .unwrap()
}

fn lead_form(email: &str, extra: &str) -> String {
    format!(
        "name=Jo+Park&email={}&company=Fernway+Outfitters&phone=&message=Call+me&consent=yes&website={extra}",
        email.replace('@', "%40")
    )
}

backend_test!(
    a_partner_launches_and_its_landing_page_takes_leads,
    |db: Db| async move {
        let state = seeded_state(&db).await;
        let views_counted = state.views.clone();
        let app = server::router(state);
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let template = demo_id("template", "migration");
        let view = json(
            post(
                &app,
                "/api/campaigns_template",
                &format!("id={template}"),
                Some(&ava),
            )
            .await,
        )
        .await;
        assert_eq!(
            view["findings"],
            serde_json::json!([]),
            "Northwind's profile is complete"
        );
        assert_eq!(view["brand"]["name"], "Northwind Solutions");
        // The partner rewords the first email heading.
        let res = post(
            &app,
            "/api/campaigns_launch",
            &format!("id={template}&wording[0]=Your+assessment,+on+us"),
            Some(&ava),
        )
        .await;
        assert!(
            res.status().is_success() || res.status().is_redirection(),
            "{}",
            res.status()
        );
        let (id, slug, content): (String, String, String) = sqlx::query_as(
        "SELECT id, slug, content FROM campaigns WHERE organisation_id = $1 ORDER BY launched_at DESC, id LIMIT 1",
    )
    .bind(demo_id("org", "northwind"))
    .fetch_one(&db.pool)
    .await
    .unwrap();
        assert!(content.contains("Your assessment, on us"));
        assert_eq!(
            slug, "cloud-migration-assessment-2",
            "the demo launch took the first slug"
        );

        // The public page: no sign-in, no script, its own policy; a person's
        // view is counted, a crawler's is not.
        let path = format!("/c/northwind/{slug}");
        let res = get(&app, &path, BROWSER).await;
        assert_eq!(res.status(), StatusCode::OK);
        let policy = res.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            policy.starts_with("default-src 'none'; style-src 'sha256-"),
            "{policy}"
        );
        let page = body_text(res).await;
        assert!(page.contains("Move to the cloud in 90 days"));
        assert!(page.contains("/c/northwind/logo.png"));
        assert!(page.contains("+1 415 555 0142"));
        assert!(!page.contains("<script"));
        get(&app, &path, "Googlebot/2.1").await;
        assert_eq!(views_counted.pending(), 1, "counted in memory");
        assert_eq!(views(&db, &id).await, 0, "not yet written");
        views_counted.flush(&db).await.unwrap();
        assert_eq!(views(&db, &id).await, 1);
        let logo = get(&app, "/c/northwind/logo.png", BROWSER).await;
        assert_eq!(logo.status(), StatusCode::OK);

        // A lead: kept, the partner told; the same person again is the same
        // lead, filled twice.
        let res = post(&app, &path, &lead_form("jo@fernway.example", ""), None).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            location_of(&res),
            Some(format!("{path}?sent=1#lead").as_str())
        );
        let thanks = body_text(get(&app, &format!("{path}?sent=1"), BROWSER).await).await;
        assert!(thanks.contains("Thank you. Northwind Solutions will be in touch soon."));
        post(&app, &path, &lead_form("JO@fernway.example", ""), None).await;
        assert_eq!(
            leads_of(&db, "jo@fernway.example").await,
            vec![(demo_id("org", "northwind"), 2)]
        );
        let told: i64 = sqlx::query_scalar(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM outbox WHERE to_address = $1 AND subject LIKE 'New lead%'",
    )
    .bind(AVA)
    .fetch_one(&db.pool)
    .await
    .unwrap();
        assert_eq!(told, 1, "one email for one new lead");
        let leads = json(post(&app, "/api/campaigns_leads", "", Some(&ava)).await).await;
        let names: Vec<&str> = leads
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["email"].as_str().unwrap())
            .collect();
        assert!(names.contains(&"jo@fernway.example"));
        assert!(
            !names.contains(&"noah@fjordlog.example"),
            "Bluepeak's lead stays Bluepeak's"
        );
    }
);

backend_test!(bad_lead_forms_change_nothing, |db: Db| async move {
    let app = app(&db).await;
    let path = "/c/northwind/cloud-migration-assessment";
    let before: i64 = sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM leads")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    // Missing consent and a bad address: the page again, marked, 422.
    let res = post(
        &app,
        path,
        "name=%3Cscript%3Ealert(1)%3C%2Fscript%3E&email=nope&company=X",
        None,
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = body_text(res).await;
    assert!(page.contains("aria-describedby=\"lead-email-err\""));
    assert!(page.contains("lead-consent-err"));
    assert!(page.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""));
    assert!(!page.contains("<script>alert"));
    // The honeypot filled: thanked, nothing kept.
    let res = post(
        &app,
        path,
        &lead_form("bot@spam.example", "http%3A%2F%2Fspam"),
        None,
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // No such campaign or partner: 404.
    assert_eq!(
        post(
            &app,
            "/c/northwind/nope",
            &lead_form("a@b.example", ""),
            None
        )
        .await
        .status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&app, "/c/nobody/cloud-migration-assessment", BROWSER)
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let after: i64 = sqlx::query_scalar("SELECT CAST(COUNT(*) AS BIGINT) FROM leads")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(before, after);
});

backend_test!(
    preflight_stops_a_launch_that_would_break,
    |db: Db| async move {
        let app = app(&db).await;
        // Lumen has no logo and no phone: the launch is refused and says why.
        let erik: String = sqlx::query_scalar(
        "SELECT email FROM people WHERE organisation_id = $1 AND role = 'partner_admin' ORDER BY email LIMIT 1",
    )
    .bind(demo_id("org", "lumen"))
    .fetch_one(&db.pool)
    .await
    .unwrap();
        let cookie = sign_in(&app, &erik, DEMO_PASSWORD, None).await.unwrap();
        let template = demo_id("template", "migration");
        let view = json(
            post(
                &app,
                "/api/campaigns_template",
                &format!("id={template}"),
                Some(&cookie),
            )
            .await,
        )
        .await;
        let findings = view["findings"].as_array().unwrap();
        assert!(findings
            .iter()
            .any(|f| f["message"].as_str().unwrap().contains("no logo")));
        let res = post(
            &app,
            "/api/campaigns_launch",
            &format!("id={template}"),
            Some(&cookie),
        )
        .await;
        match error_of(res).await {
            AppError::Conflict(message) => assert!(message.contains("no logo"), "{message}"),
            other => panic!("expected a conflict, got {other:?}"),
        }
        let launched: i64 = sqlx::query_scalar(
            "SELECT CAST(COUNT(*) AS BIGINT) FROM campaigns WHERE organisation_id = $1",
        )
        .bind(demo_id("org", "lumen"))
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(launched, 0);
        // Lumen's logo is not public: it launched nothing.
        assert_eq!(
            get(&app, "/c/lumen/logo.png", BROWSER).await.status(),
            StatusCode::NOT_FOUND
        );
    }
);

backend_test!(vendor_staff_see_no_partner_leads, |db: Db| async move {
    let app = app(&db).await;
    let dana = sign_in(&app, DANA, DEMO_PASSWORD, None).await.unwrap();
    // Vendor staff see only the vendor's own (distributed) leads: none a
    // partner's campaign brought.
    let leads = json(post(&app, "/api/campaigns_leads", "", Some(&dana)).await).await;
    let leads = leads.as_array().unwrap();
    assert!(!leads.is_empty(), "the demo's distributed leads");
    assert!(leads.iter().all(|l| l["campaign"].is_null()), "{leads:?}");
    let text = serde_json::to_string(leads).unwrap();
    for partners_lead in [
        "jo.park@fernway.example",
        "noah@fjordlog.example",
        "Fernway",
    ] {
        assert!(!text.contains(partners_lead), "{partners_lead}");
    }
    let campaign = json(
        post(
            &app,
            "/api/campaigns_get",
            &format!("id={}", demo_id("campaign", "northwind-migration")),
            Some(&dana),
        )
        .await,
    )
    .await;
    assert_eq!(campaign["card"]["leads"], 5, "the count, not the people");
    assert_eq!(campaign["leads"], serde_json::json!([]));
    // Its last 30 days, one entry a day, the demo's fortnight of views in them.
    let daily = campaign["daily"].as_array().unwrap();
    assert_eq!(daily.len(), 30);
    let views: i64 = daily.iter().map(|d| d[1].as_i64().unwrap()).sum();
    assert_eq!(views, campaign["card"]["views"].as_i64().unwrap());

    // The roll-up: every partner's campaigns added up by template, partner
    // and region, and who launched nothing; partners get none of it.
    let catalogue = json(post(&app, "/api/campaigns_catalogue", "", Some(&dana)).await).await;
    let rollup = &catalogue["rollup"];
    let row = |group: &str, label: &str| {
        rollup[group]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["label"] == label)
            .cloned()
            .unwrap_or_else(|| panic!("no {label} in {group}: {rollup}"))
    };
    let migration = row("by_template", "Cloud migration assessment");
    assert_eq!(
        (migration["campaigns"].as_i64(), migration["leads"].as_i64()),
        (Some(1), Some(5))
    );
    assert_eq!(
        migration["sends"], 4,
        "the demo's send to its customers list"
    );
    // Its registrations' value, per currency, as its own page adds it up
    // (the demo's Umbrella registration, open).
    assert_eq!(migration["values"], campaign["values"]);
    assert!(
        migration["values"][0][1].as_i64().unwrap() > 0,
        "{migration}"
    );
    let values = |group: &str| -> i64 {
        rollup[group]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r["values"].as_array().unwrap().clone())
            .map(|v| v[1].as_i64().unwrap())
            .sum()
    };
    assert_eq!(values("by_template"), values("by_partner"));
    assert_eq!(values("by_template"), values("by_region"));
    let northwind = row("by_partner", "Northwind Solutions");
    assert_eq!(
        (
            northwind["campaigns"].as_i64(),
            northwind["partners"].as_i64()
        ),
        (Some(2), Some(1))
    );
    let regions: i64 = rollup["by_region"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["campaigns"].as_i64().unwrap())
        .sum();
    assert_eq!(regions, 3, "each demo campaign counted in its region once");
    let idle: Vec<&str> = rollup["idle"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p[1].as_str().unwrap())
        .collect();
    assert!(idle.contains(&"Lumen Systems Integration"), "{idle:?}");
    assert!(!idle.contains(&"Northwind Solutions"));
    let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
    let own = json(post(&app, "/api/campaigns_catalogue", "", Some(&ava)).await).await;
    assert_eq!(own["rollup"], serde_json::Value::Null);
});

backend_test!(
    a_lead_is_worked_and_converted_into_a_registration,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let jo = demo_id("lead", "jo-park");
        let status = |id: &str| {
            let db = db.clone();
            let id = id.to_owned();
            async move {
                sqlx::query_as::<_, (String, Option<String>)>(
                    "SELECT status, deal_id FROM leads WHERE id = $1",
                )
                .bind(&id)
                .fetch_one(&db.pool)
                .await
                .unwrap()
            }
        };
        let res = post(
            &app,
            "/api/campaigns_lead_status",
            &format!("id={jo}&status=accepted"),
            Some(&ava),
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());
        assert_eq!(status(&jo).await.0, "accepted");
        // Only accepted, working and disqualified can be set by hand.
        let res = post(
            &app,
            "/api/campaigns_lead_status",
            &format!("id={jo}&status=converted"),
            Some(&ava),
        )
        .await;
        assert!(matches!(error_of(res).await, AppError::Validation(_)));
        // Bluepeak's lead is not Northwind's to touch.
        let noah = demo_id("lead", "noah-berg");
        let res = post(
            &app,
            "/api/campaigns_lead_status",
            &format!("id={noah}&status=disqualified"),
            Some(&ava),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::NotFound);
        assert_eq!(status(&noah).await.0, "new");
        // The lead prefills a registration, which converts it.
        let lead =
            json(post(&app, "/api/campaigns_lead", &format!("id={jo}"), Some(&ava)).await).await;
        assert_eq!(lead["company"], "Fernway Outfitters");
        let mut form: Vec<(&str, &str)> =
            server::testing::registration("Fernway Outfitters", "fernway.example").to_vec();
        form.push(("deal[lead]", &jo));
        let res = post(
            &app,
            "/api/register_deal",
            &server::testing::form_body(&form),
            Some(&ava),
        )
        .await;
        assert!(
            res.status().is_success() || res.status().is_redirection(),
            "{}",
            body_text(res).await
        );
        let (now, deal) = status(&jo).await;
        assert_eq!(now, "converted");
        let deal = deal.expect("the registration is linked");
        let company: String =
            sqlx::query_scalar("SELECT customer_company FROM deals WHERE id = $1")
                .bind(&deal)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert_eq!(company, "Fernway Outfitters");
        let campaign = demo_id("campaign", "northwind-migration");
        let view = json(
            post(
                &app,
                "/api/campaigns_get",
                &format!("id={campaign}"),
                Some(&ava),
            )
            .await,
        )
        .await;
        // The demo's converted lead (Umbrella, approved) and this one.
        assert_eq!(
            (view["deals"].as_i64(), view["won"].as_i64()),
            (Some(2), Some(0))
        );
        let usd = &view["values"][0];
        assert_eq!(usd[0], "USD");
        assert!(usd[1].as_i64().unwrap() >= 9_600_000, "{usd}");
        assert_eq!(usd[2], 0);
        // Another partner's lead named in a registration stays as it was.
        form.pop();
        form.push(("deal[lead]", &noah));
        form[0] = ("deal[customer_company]", "Globex Fjord");
        form[1] = ("deal[customer_domain]", "globexfjord.example");
        post(
            &app,
            "/api/register_deal",
            &server::testing::form_body(&form),
            Some(&ava),
        )
        .await;
        assert_eq!(status(&noah).await, ("new".to_owned(), None));
    }
);

backend_test!(
    a_partner_sets_its_brand_colour_and_its_page_carries_it,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let northwind = demo_id("org", "northwind");
        let profile = |colour: &str| {
            format!(
            "id={northwind}&website=northwind.example&description=&contact_name=Ava+Thompson\
             &contact_email=ava.thompson%40northwind.example&contact_phone=%2B1+415+555+0142&brand_colour={colour}"
        )
        };
        let res = post(
            &app,
            "/api/update_organisation",
            &profile("red%3B%7D"),
            Some(&ava),
        )
        .await;
        let err = error_of(res).await;
        assert!(err.message_for("brand_colour").is_some(), "{err:?}");
        let res = post(
            &app,
            "/api/update_organisation",
            &profile("%23B91C1C"),
            Some(&ava),
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());
        let page =
            body_text(get(&app, "/c/northwind/cloud-migration-assessment", BROWSER).await).await;
        assert!(
            page.contains(":root{--brand:#b91c1c;--on-brand:#ffffff}"),
            "the checked colour, lower case"
        );
    }
);

/// Posts a CSV file (and a list name) as the send page's upload form does.
async fn upload(
    app: &Router,
    campaign: &str,
    csv: &str,
    list: &str,
    cookie: &str,
) -> Response<Body> {
    let boundary = "trellis-test-boundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\n\
         Content-Type: text/csv\r\n\r\n{csv}\r\n--{boundary}\r\n\
         Content-Disposition: form-data; name=\"list\"\r\n\r\n{list}\r\n--{boundary}--\r\n"
    );
    let request = Request::post(format!("/campaigns/{campaign}/recipients"))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::COOKIE, cookie)
        .body(Body::from(body))
        .unwrap();
    app.clone().oneshot(request).await.unwrap()
}

/// Send `id` as its page reads it, for `cookie`.
async fn send_view(app: &Router, id: &str, cookie: &str) -> serde_json::Value {
    json(
        post(
            app,
            "/api/campaigns_send_get",
            &format!("id={id}"),
            Some(cookie),
        )
        .await,
    )
    .await
}

/// The recipient token in the queued email to `to`.
async fn token_of(db: &Db, to: &str) -> String {
    let url: String =
        sqlx::query_scalar("SELECT unsubscribe_url FROM outbox WHERE to_address = $1")
            .bind(to)
            .fetch_one(&db.pool)
            .await
            .unwrap();
    url.trim_start_matches("https://partners.acme.example/e/")
        .trim_end_matches("/unsubscribe")
        .to_owned()
}

backend_test!(
    a_partner_sends_its_campaign_email_and_recipients_unsubscribe,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let campaign = demo_id("campaign", "northwind-migration");
        let csv = "name,email,company,consent\n\
                   Kim Lee,kim@fernway.example,Fernway,yes\n\
                   Al Ray,al@kestrel.example,Kestrel,1\n\
                   Bad Row,not-an-address,X,yes\n\
                   No Consent,quiet@x.example,X,no\n\
                   Kim Again,KIM@fernway.example,Fernway,yes\n";

        // A file without a consent column is refused whole, nothing kept.
        let res = upload(
            &app,
            &campaign,
            "email,name\nkim@fernway.example,Kim\n",
            "",
            &ava,
        )
        .await;
        assert_eq!(
            location_of(&res),
            Some(format!("/campaigns/{campaign}/send?refused=no-consent-column").as_str())
        );
        let drafts = || async {
            sqlx::query_scalar::<_, i64>(
                "SELECT CAST(COUNT(*) AS BIGINT) FROM campaign_sends WHERE campaign_id = $1",
            )
            .bind(&campaign)
            .fetch_one(&db.pool)
            .await
            .unwrap()
        };
        assert_eq!(drafts().await, 1, "the demo's send only");

        // The upload becomes a draft: two people, a bad row and one without
        // consent reported by line, the repeat left out; saved as a list.
        let res = upload(&app, &campaign, csv, "Fernway event", &ava).await;
        let draft_path = location_of(&res).unwrap().to_owned();
        let send = draft_path
            .trim_start_matches("/campaigns/sends/")
            .to_owned();
        let view = send_view(&app, &send, &ava).await;
        assert_eq!(view["row"]["status"], "Draft");
        assert_eq!(view["row"]["recipients"], 2);
        assert_eq!(view["duplicates"], 1);
        assert_eq!(
            view["problems"],
            serde_json::json!([[4, "BadEmail"], [5, "NoConsent"]])
        );
        let outbox = || async {
            sqlx::query_scalar::<_, i64>(
                "SELECT CAST(COUNT(*) AS BIGINT) FROM outbox WHERE unsubscribe_url IS NOT NULL",
            )
            .fetch_one(&db.pool)
            .await
            .unwrap()
        };
        assert_eq!(outbox().await, 0, "a draft sends nothing");
        let page = json(
            post(
                &app,
                "/api/campaigns_sends",
                &format!("id={campaign}"),
                Some(&ava),
            )
            .await,
        )
        .await;
        assert!(page["lists"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["name"] == "Fernway event" && l["people"] == 2));

        // Other partners and vendor staff cannot see or send it.
        let oliver = sign_in(&app, "oliver.grant@bluepeak.example", DEMO_PASSWORD, None)
            .await
            .unwrap();
        let res = post(
            &app,
            "/api/campaigns_send_get",
            &format!("id={send}"),
            Some(&oliver),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::NotFound);
        let res = post(
            &app,
            "/api/campaigns_send_queue",
            &format!("id={send}"),
            Some(&oliver),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::NotFound);
        let dana = sign_in(&app, DANA, DEMO_PASSWORD, None).await.unwrap();
        let res = post(
            &app,
            "/api/campaigns_send_get",
            &format!("id={send}"),
            Some(&dana),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::Forbidden);
        let res = upload(&app, &campaign, csv, "", &oliver).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);

        // A time that is no time is refused; then sent now.
        let res = post(
            &app,
            "/api/campaigns_send_queue",
            &format!("id={send}&at=tomorrow"),
            Some(&ava),
        )
        .await;
        assert!(matches!(error_of(res).await, AppError::Validation(_)));
        assert_eq!(outbox().await, 0);
        let res = post(
            &app,
            "/api/campaigns_send_queue",
            &format!("id={send}"),
            Some(&ava),
        )
        .await;
        assert!(
            res.status().is_success() || res.status().is_redirection(),
            "{}",
            res.status()
        );
        assert_eq!(outbox().await, 2);
        let (html, body, first, second): (String, String, i64, i64) = sqlx::query_as(
            "SELECT k.html, k.body, k.next_attempt_at, \
             (SELECT a.next_attempt_at FROM outbox a WHERE a.to_address = 'al@kestrel.example') \
             FROM outbox k WHERE k.to_address = 'kim@fernway.example'",
        )
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert!(html.contains("Move to the cloud in 90 days"));
        assert!(body.contains("Unsubscribe: https://partners.acme.example/e/"));
        assert!(
            second >= first,
            "later recipients leave later, never earlier"
        );
        let res = post(
            &app,
            "/api/campaigns_send_queue",
            &format!("id={send}"),
            Some(&ava),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::NotFound, "queued once only");
        assert_eq!(outbox().await, 2);

        // The recipient's links: the pixel counts one open however often it
        // loads; a tracked link leads where the campaign says; made-up
        // tokens and numbers find nothing.
        let token = token_of(&db, "kim@fernway.example").await;
        assert!(html.contains(&format!("https://partners.acme.example/e/{token}/0")));
        for _ in 0..2 {
            let res = get(&app, &format!("/e/{token}/open.gif"), BROWSER).await;
            assert_eq!(res.status(), StatusCode::OK);
            assert_eq!(res.headers()[header::CONTENT_TYPE], "image/gif");
        }
        let res = get(&app, &format!("/e/{token}/0"), BROWSER).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let landing = location_of(&res).unwrap().to_owned();
        assert!(
            landing.starts_with("https://partners.acme.example/c/northwind/"),
            "{landing}"
        );
        assert_eq!(
            get(&app, &format!("/e/{token}/99"), BROWSER).await.status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            get(&app, &format!("/e/{token}/x"), BROWSER).await.status(),
            StatusCode::NOT_FOUND
        );
        let fake = "0".repeat(64);
        assert_eq!(
            get(&app, &format!("/e/{fake}/open.gif"), BROWSER)
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
        let view = send_view(&app, &send, &ava).await;
        assert_eq!(
            (
                view["row"]["opens"].as_i64(),
                view["row"]["clicks"].as_i64()
            ),
            (Some(1), Some(1))
        );

        // Unsubscribing: the page asks first (a link checker's GET changes
        // nothing); the one-click POST, even from another site, does it.
        let unsubscribed = || async {
            sqlx::query_scalar::<_, i64>(
                "SELECT CAST(COUNT(*) AS BIGINT) FROM campaign_unsubscribes WHERE email_key = 'kim@fernway.example'",
            )
            .fetch_one(&db.pool)
            .await
            .unwrap()
        };
        let res = get(&app, &format!("/e/{token}/unsubscribe"), BROWSER).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(body_text(res).await.contains("<form method=\"post\">"));
        assert_eq!(unsubscribed().await, 0);
        let request = Request::post(format!("/e/{token}/unsubscribe"))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("sec-fetch-site", "cross-site")
            .body(Body::from("List-Unsubscribe=One-Click"))
            .unwrap();
        let res = app.clone().oneshot(request).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        assert!(body_text(res).await.contains("no more campaign email"));
        assert_eq!(unsubscribed().await, 1);

        // The next upload leaves them out, and says so.
        let res = upload(&app, &campaign, csv, "", &ava).await;
        let next = location_of(&res)
            .unwrap()
            .trim_start_matches("/campaigns/sends/")
            .to_owned();
        let view = send_view(&app, &next, &ava).await;
        assert_eq!(view["row"]["recipients"], 1);
        assert_eq!(view["unsubscribed"], 1);
        assert_eq!(view["people"][0]["email"], "al@kestrel.example");
        // A list name already taken is refused.
        let res = upload(&app, &campaign, csv, "Fernway event", &ava).await;
        assert_eq!(
            location_of(&res),
            Some(format!("/campaigns/{campaign}/send?refused=list-taken").as_str())
        );
    }
);

backend_test!(a_partner_ends_a_campaign, |db: Db| async move {
    let app = app(&db).await;
    let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
    let oliver = sign_in(&app, "oliver.grant@bluepeak.example", DEMO_PASSWORD, None)
        .await
        .unwrap();
    let id = demo_id("campaign", "northwind-migration");
    let status = || async {
        sqlx::query_scalar::<_, String>("SELECT status FROM campaigns WHERE id = $1")
            .bind(&id)
            .fetch_one(&db.pool)
            .await
            .unwrap()
    };
    // Another partner cannot end it.
    let res = post(
        &app,
        "/api/campaigns_end",
        &format!("id={id}"),
        Some(&oliver),
    )
    .await;
    assert_eq!(error_of(res).await, AppError::NotFound);
    assert_eq!(status().await, "live");

    let view = json(post(&app, "/api/campaigns_get", &format!("id={id}"), Some(&ava)).await).await;
    assert_eq!(
        (view["may_send"].as_bool(), view["may_end"].as_bool()),
        (Some(true), Some(true))
    );
    for _ in 0..2 {
        let res = post(&app, "/api/campaigns_end", &format!("id={id}"), Some(&ava)).await;
        assert!(res.status().is_success(), "{}", res.status());
    }
    assert_eq!(status().await, "ended");
    let view = json(post(&app, "/api/campaigns_get", &format!("id={id}"), Some(&ava)).await).await;
    assert_eq!(
        (view["may_send"].as_bool(), view["may_end"].as_bool()),
        (Some(false), Some(false))
    );
    // No more email; the page stays, saying it ended, and still takes leads.
    let res = post(
        &app,
        "/api/campaigns_sends",
        &format!("id={id}"),
        Some(&ava),
    )
    .await;
    assert_eq!(error_of(res).await, AppError::NotFound);
    let res = get(&app, "/c/northwind/cloud-migration-assessment", BROWSER).await;
    assert_eq!(res.status(), StatusCode::OK);
    let page = body_text(res).await;
    assert!(page.contains("This campaign has ended."));
    assert!(page.contains("<form"));
});

backend_test!(
    a_scheduled_email_never_reaches_who_unsubscribed_meanwhile,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let campaign = demo_id("campaign", "northwind-migration");
        let csv = "email,name,company,consent\n\
                   kim@fernway.example,Kim Lee,Fernway,yes\n\
                   al@kestrel.example,Al Ray,Kestrel,yes\n";
        let res = upload(&app, &campaign, csv, "", &ava).await;
        let send = location_of(&res)
            .unwrap()
            .trim_start_matches("/campaigns/sends/")
            .to_owned();
        let res = post(
            &app,
            "/api/campaigns_send_queue",
            &format!("id={send}&at=2099-01-01T09:00"),
            Some(&ava),
        )
        .await;
        assert!(res.status().is_success() || res.status().is_redirection());
        // Kim unsubscribes (an earlier campaign email's link) before it leaves.
        let token = token_of(&db, "kim@fernway.example").await;
        let res = post(&app, &format!("/e/{token}/unsubscribe"), "", None).await;
        assert_eq!(res.status(), StatusCode::OK);
        // The time comes; nothing listens on port 1, so a message that is
        // tried fails its first attempt and stays pending.
        db.execute(sqlx::query(
            "UPDATE outbox SET next_attempt_at = 0 WHERE unsubscribe_url IS NOT NULL",
        ))
        .await
        .unwrap();
        let mailer = app::email::server::Mailer::from_url(
            "smtp://127.0.0.1:1",
            "Trellis <no-reply@acmecloud.example>",
        )
        .unwrap();
        app::email::server::deliver_due(&db, &mailer).await.unwrap();
        let state = |to: &'static str| {
            let db = db.clone();
            async move {
                sqlx::query_as::<_, (String, i64, Option<String>)>(
                    "SELECT status, attempts, last_error FROM outbox \
                     WHERE to_address = $1 AND unsubscribe_url IS NOT NULL",
                )
                .bind(to)
                .fetch_one(&db.pool)
                .await
                .unwrap()
            }
        };
        let (status, attempts, error) = state("kim@fernway.example").await;
        assert_eq!((status.as_str(), attempts), ("failed", 0), "never tried");
        assert!(error.unwrap().contains("unsubscribed"));
        let (status, attempts, _) = state("al@kestrel.example").await;
        assert_eq!(
            (status.as_str(), attempts),
            ("pending", 1),
            "tried, to be retried"
        );
    }
);

/// Server function `path` called with `id` as `cookie`: its JSON answer.
async fn by_id(app: &Router, path: &str, id: &str, cookie: &str) -> serde_json::Value {
    json(post(app, path, &format!("id={id}"), Some(cookie)).await).await
}

/// Saves a template's settings form as `cookie`.
async fn save(app: &Router, cookie: &str, form: &str) -> Response<Body> {
    post(app, "/api/campaigns_template_save", form, Some(cookie)).await
}

/// A settings form for template `id` with `content` (JSON) and extra
/// fields, fully encoded.
fn template_form(
    id: &str,
    name: &str,
    content: &serde_json::Value,
    extra: &[(&str, &str)],
) -> String {
    let mut form = form_urlencoded::Serializer::new(String::new());
    form.append_pair("id", id)
        .append_pair("template[name]", name)
        .append_pair("template[language]", "en")
        .append_pair("template[content]", &content.to_string());
    for (k, v) in extra {
        form.append_pair(k, v);
    }
    form.finish()
}

async fn template_ids(app: &Router, cookie: &str) -> Vec<String> {
    let catalogue = json(post(app, "/api/campaigns_catalogue", "", Some(cookie)).await).await;
    catalogue["templates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_owned())
        .collect()
}

async fn template_row(db: &Db, id: &str) -> (String, String, i64, String) {
    sqlx::query_as("SELECT name, status, version, content FROM campaign_templates WHERE id = $1")
        .bind(id)
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

/// Starts a template as `cookie` and returns its id.
async fn start_template(app: &Router, db: &Db, cookie: &str, name: &str) -> String {
    let res = post(
        app,
        "/api/campaigns_template_new",
        &format!("name={}&language=en", form_value(name)),
        Some(cookie),
    )
    .await;
    assert!(
        res.status().is_success() || res.status().is_redirection(),
        "{}",
        res.status()
    );
    let id: String = sqlx::query_scalar("SELECT id FROM campaign_templates WHERE name = $1")
        .bind(name)
        .fetch_one(&db.pool)
        .await
        .unwrap();
    if let Some(location) = location_of(&res) {
        assert_eq!(location, format!("/campaigns/templates/{id}/edit"));
    }
    id
}

backend_test!(
    a_marketer_writes_publishes_and_unpublishes_a_template,
    |db: Db| async move {
        let app = app(&db).await;
        let dana = sign_in(&app, DANA, DEMO_PASSWORD, None).await.unwrap();
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let id = start_template(&app, &db, &dana, "Edge launch").await;

        // A draft starts with an email and a page in the partner's brand,
        // which preflight finds nothing wrong with; partners do not see it.
        let draft = by_id(&app, "/api/campaigns_template_draft", &id, &dana).await;
        assert_eq!(draft["preview"]["template"]["status"], "Draft");
        assert_eq!(draft["preview"]["findings"], serde_json::json!([]));
        assert_eq!(draft["preview"]["brand"]["name"], "Example Partner Ltd");
        let mut content = draft["preview"]["content"].clone();
        assert!(!content["email"].as_array().unwrap().is_empty());
        assert!(!template_ids(&app, &ava).await.contains(&id));
        let res = post(
            &app,
            "/api/campaigns_template",
            &format!("id={id}"),
            Some(&ava),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::NotFound);
        // Partners can neither read the draft nor write it.
        for path in [
            "/api/campaigns_template_draft",
            "/api/campaigns_template_publish",
        ] {
            let res = post(&app, path, &format!("id={id}"), Some(&ava)).await;
            assert_eq!(error_of(res).await, AppError::Forbidden, "{path}");
        }

        // Unreadable blocks or an end before the start: a field error, and
        // nothing changes.
        let before = template_row(&db, &id).await;
        let mut broken = template_form(&id, "Renamed", &content, &[]);
        broken = broken.replace("template%5Bcontent%5D=%7B", "template%5Bcontent%5D=%5B");
        let res = post(&app, "/api/campaigns_template_save", &broken, Some(&dana)).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let AppError::Validation(errors) = error_of(res).await else {
            panic!("field errors expected");
        };
        assert_eq!(errors[0].field, "content");
        let dates = template_form(
            &id,
            "Renamed",
            &content,
            &[
                ("template[starts_on]", "2027-05-01"),
                ("template[ends_on]", "2027-04-01"),
            ],
        );
        let res = post(&app, "/api/campaigns_template_save", &dates, Some(&dana)).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(template_row(&db, &id).await, before);

        // A long template travels whole (its blocks are one value, longer
        // than the 20,000 characters any other field may have).
        let mut long = content.clone();
        long["page"] = serde_json::json!((0..8)
            .map(|_| serde_json::json!({"block": {"kind": "text", "text": "x".repeat(3_900)}, "editable": false}))
            .collect::<Vec<_>>());
        let res = save(&app, &dana, &template_form(&id, "Edge launch", &long, &[])).await;
        assert!(res.status().is_success(), "{}", res.status());
        assert!(template_row(&db, &id).await.3.len() > 31_000);

        // A draft may hold what would break a launch; publishing it may not.
        content["subject"] = "Faxed to {partner.fax}".into();
        let res = save(
            &app,
            &dana,
            &template_form(&id, "Edge launch", &content, &[]),
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());
        let res = post(
            &app,
            "/api/campaigns_template_publish",
            &format!("id={id}"),
            Some(&dana),
        )
        .await;
        assert_eq!(res.status(), StatusCode::CONFLICT);
        let AppError::Conflict(message) = error_of(res).await else {
            panic!("a conflict expected");
        };
        assert!(message.contains("{partner.fax}"), "{message}");
        assert_eq!(template_row(&db, &id).await.2, 0, "not published");

        // Fixed, published as version 1: Northwind (a reseller) launches it.
        content["subject"] = "Edge news from {partner.name}".into();
        content["email"][1]["block"]["text"] = "Edge for {partner.name}".into();
        let res = save(
            &app,
            &dana,
            &template_form(
                &id,
                "Edge launch",
                &content,
                &[("template[summary]", "For edge deals.")],
            ),
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());
        let version = by_id(&app, "/api/campaigns_template_publish", &id, &dana).await;
        assert_eq!(version, 1);
        assert!(template_ids(&app, &ava).await.contains(&id));
        let seen = by_id(&app, "/api/campaigns_template", &id, &ava).await;
        assert_eq!(
            seen["content"]["email"][1]["block"]["text"],
            "Edge for {partner.name}"
        );
        assert_eq!(seen["template"]["summary"], "For edge deals.");

        // A saved change waits for the next publish; partners keep v1.
        content["email"][1]["block"]["text"] = "Second draft".into();
        let res = save(
            &app,
            &dana,
            &template_form(&id, "Edge launch", &content, &[]),
        )
        .await;
        assert!(res.status().is_success());
        let seen = by_id(&app, "/api/campaigns_template", &id, &ava).await;
        assert_eq!(
            seen["content"]["email"][1]["block"]["text"],
            "Edge for {partner.name}"
        );
        let draft = by_id(&app, "/api/campaigns_template_draft", &id, &dana).await;
        assert_eq!(draft["unpublished_changes"], true);
        assert_eq!(
            draft["preview"]["content"]["email"][1]["block"]["text"],
            "Second draft"
        );

        // The audience narrows to MSPs: Northwind no longer sees it.
        let res = save(
            &app,
            &dana,
            &template_form(
                &id,
                "Edge launch",
                &content,
                &[("template[partner_types][0]", "msp")],
            ),
        )
        .await;
        assert!(res.status().is_success());
        assert!(!template_ids(&app, &ava).await.contains(&id));
        let res = save(
            &app,
            &dana,
            &template_form(&id, "Edge launch", &content, &[]),
        )
        .await;
        assert!(res.status().is_success());
        let version = by_id(&app, "/api/campaigns_template_publish", &id, &dana).await;
        assert_eq!(version, 2);
        let draft = by_id(&app, "/api/campaigns_template_draft", &id, &dana).await;
        let versions: Vec<i64> = draft["versions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["version"].as_i64().unwrap())
            .collect();
        assert_eq!(versions, vec![2, 1]);
        assert_eq!(draft["versions"][0]["published_by"], "Dana Okafor");

        // Unpublished: no new launches (twice changes nothing more).
        for _ in 0..2 {
            let res = post(
                &app,
                "/api/campaigns_template_unpublish",
                &format!("id={id}"),
                Some(&dana),
            )
            .await;
            assert!(res.status().is_success(), "{}", res.status());
        }
        assert!(!template_ids(&app, &ava).await.contains(&id));
        let res = post(
            &app,
            "/api/campaigns_launch",
            &format!("id={id}"),
            Some(&ava),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::NotFound);
        let audit: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_log WHERE record_id = $1 AND action LIKE 'campaign_template.%'",
        )
        .bind(&id)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert!(
            audit >= 8,
            "created, saved, published, unpublished: {audit}"
        );
    }
);

backend_test!(
    reworded_launches_wait_for_a_vendor_review,
    |db: Db| async move {
        let app = app(&db).await;
        let dana = sign_in(&app, DANA, DEMO_PASSWORD, None).await.unwrap();
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let id = start_template(&app, &db, &dana, "Reviewed offer").await;
        let draft = by_id(&app, "/api/campaigns_template_draft", &id, &dana).await;
        let content = draft["preview"]["content"].clone();
        let res = save(
            &app,
            &dana,
            &template_form(
                &id,
                "Reviewed offer",
                &content,
                &[("template[requires_approval]", "on")],
            ),
        )
        .await;
        assert!(res.status().is_success());
        by_id(&app, "/api/campaigns_template_publish", &id, &dana).await;

        // Northwind rewords the heading: the campaign waits, off the web.
        let launch = |wording: &'static str| {
            let app = app.clone();
            let ava = ava.clone();
            let id = id.clone();
            async move {
                let seen = by_id(&app, "/api/campaigns_template", &id, &ava).await;
                let mut body = format!("id={id}");
                // The first rewordable block (the email's heading) gets
                // `wording`; the others keep the template's words.
                let kept: Vec<String> = seen["content"]["email"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .chain(seen["content"]["page"].as_array().unwrap())
                    .filter(|s| s["editable"] == true)
                    .map(|s| {
                        let block = &s["block"];
                        block["text"]
                            .as_str()
                            .or(block["label"].as_str())
                            .unwrap()
                            .to_owned()
                    })
                    .collect();
                for (k, text) in kept.iter().enumerate() {
                    let text = if k == 0 { wording } else { text.as_str() };
                    body.push_str(&format!("&wording[{k}]={}", form_value(text)));
                }
                let res = post(&app, "/api/campaigns_launch", &body, Some(&ava)).await;
                assert!(
                    res.status().is_success() || res.status().is_redirection(),
                    "{}",
                    res.status()
                );
            }
        };
        let campaigns = || {
            let db = db.clone();
            async move {
                sqlx::query_as::<_, (String, String, String)>(
                    "SELECT id, slug, status FROM campaigns WHERE organisation_id = $1",
                )
                .bind(demo_id("org", "northwind"))
                .fetch_all(&db.pool)
                .await
                .unwrap()
            }
        };
        // The campaign a launch made (ids are random, launches share a second).
        let launched = |before: Vec<(String, String, String)>| async move {
            let mut new: Vec<_> = campaigns()
                .await
                .into_iter()
                .filter(|c| !before.iter().any(|b| b.0 == c.0))
                .collect();
            assert_eq!(new.len(), 1);
            new.remove(0)
        };
        let before = campaigns().await;
        launch("Northwind's own heading").await;
        let (campaign, slug, status) = launched(before).await;
        assert_eq!(status, "pending_approval");
        let page = format!("/c/northwind/{slug}");
        assert_eq!(
            get(&app, &page, BROWSER).await.status(),
            StatusCode::NOT_FOUND
        );

        // The marketer sees what changed; partners cannot review.
        let catalogue = json(post(&app, "/api/campaigns_catalogue", "", Some(&dana)).await).await;
        let review = catalogue["reviews"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["campaign"]["id"] == campaign.as_str())
            .cloned()
            .expect("waiting for review");
        assert_eq!(
            review["changes"][0],
            serde_json::json!(["A heading", "Northwind's own heading"])
        );
        let partner = json(post(&app, "/api/campaigns_catalogue", "", Some(&ava)).await).await;
        assert_eq!(partner["reviews"], serde_json::json!([]));
        assert_eq!(partner["may_author"], false);
        let res = post(
            &app,
            "/api/campaigns_review",
            &format!("id={campaign}&approve=true"),
            Some(&ava),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::Forbidden);

        // Returned without a reason: refused. With one: the partner reads it.
        let res = post(
            &app,
            "/api/campaigns_review",
            &format!("id={campaign}&approve=false"),
            Some(&dana),
        )
        .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let res = post(
            &app,
            "/api/campaigns_review",
            &format!(
                "id={campaign}&approve=false&note={}",
                form_value("Keep our product name.")
            ),
            Some(&dana),
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());
        let seen = by_id(&app, "/api/campaigns_get", &campaign, &ava).await;
        assert_eq!(seen["card"]["returned"], "Keep our product name.");
        assert_eq!(
            get(&app, &page, BROWSER).await.status(),
            StatusCode::NOT_FOUND
        );
        let told: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM notifications WHERE person_id = $1 AND subject LIKE '%needs new wording%'",
        )
        .bind(demo_id("person", "northwind-ava"))
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(told, 1);
        // Reviewed once: a second review is refused.
        let res = post(
            &app,
            "/api/campaigns_review",
            &format!("id={campaign}&approve=true"),
            Some(&dana),
        )
        .await;
        assert_eq!(res.status(), StatusCode::CONFLICT);

        // Launched again with new wording and approved: live on the web.
        let before = campaigns().await;
        launch("Acme Cloud, from Northwind").await;
        let (campaign, slug, status) = launched(before).await;
        assert_eq!(status, "pending_approval");
        let res = post(
            &app,
            "/api/campaigns_review",
            &format!("id={campaign}&approve=true"),
            Some(&dana),
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());
        let status: String = sqlx::query_scalar("SELECT status FROM campaigns WHERE id = $1")
            .bind(&campaign)
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(status, "live");
        let res = get(&app, &format!("/c/northwind/{slug}"), BROWSER).await;
        assert_eq!(res.status(), StatusCode::OK);
        let content: String = sqlx::query_scalar("SELECT content FROM campaigns WHERE id = $1")
            .bind(&campaign)
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert!(content.contains("Acme Cloud, from Northwind"));
        // Unchanged wording needs no review.
        let before = campaigns().await;
        launch("A heading").await;
        assert_eq!(launched(before).await.2, "live");
    }
);

backend_test!(
    a_marketer_launches_on_a_partners_behalf,
    |db: Db| async move {
        let app = app(&db).await;
        let dana = sign_in(&app, DANA, DEMO_PASSWORD, None).await.unwrap();
        let marcus = sign_in(&app, "marcus.webb@acmecloud.example", DEMO_PASSWORD, None)
            .await
            .unwrap();
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let template = demo_id("template", "migration");
        let northwind = demo_id("org", "northwind");
        // Drawn with Northwind's brand, with the live partners to choose from.
        let view = json(
            post(
                &app,
                "/api/campaigns_template",
                &format!("id={template}&partner={northwind}"),
                Some(&dana),
            )
            .await,
        )
        .await;
        assert_eq!(view["brand"]["name"], "Northwind Solutions");
        assert_eq!(view["may_launch"], true);
        assert_eq!(view["partner"], northwind.as_str());
        let names: Vec<&str> = view["partners"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p[1].as_str().unwrap())
            .collect();
        assert!(
            names.contains(&"Northwind Solutions") && names.contains(&"Bluepeak Managed Services")
        );
        assert!(!names.contains(&"Acme Cloud"), "the vendor is no partner");
        // Only template authors launch for a partner; the vendor itself, or
        // a template the partner may not launch, is not found.
        let res = post(
            &app,
            "/api/campaigns_template",
            &format!("id={template}&partner={northwind}"),
            Some(&marcus),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::Forbidden);
        for (id, partner) in [
            (template.clone(), demo_id("org", "acme-cloud")),
            (demo_id("template", "databases"), northwind.clone()),
        ] {
            let res = post(
                &app,
                "/api/campaigns_launch",
                &format!("id={id}&partner={partner}"),
                Some(&dana),
            )
            .await;
            assert_eq!(
                error_of(res).await,
                AppError::NotFound,
                "{id} for {partner}"
            );
        }
        // A partner names only itself.
        let res = post(
            &app,
            "/api/campaigns_template",
            &format!("id={template}&partner={}", demo_id("org", "bluepeak")),
            Some(&ava),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::NotFound);

        let before: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM campaigns WHERE organisation_id = $1")
                .bind(&northwind)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        let res = post(
            &app,
            "/api/campaigns_launch",
            &format!("id={template}&partner={northwind}"),
            Some(&dana),
        )
        .await;
        assert!(
            res.status().is_success() || res.status().is_redirection(),
            "{}",
            res.status()
        );
        let (id, launched_by, status): (String, String, String) = sqlx::query_as(
            "SELECT id, launched_by, status FROM campaigns WHERE organisation_id = $1 \
             AND launched_by = $2",
        )
        .bind(&northwind)
        .bind(demo_id("person", "dana-okafor"))
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(
            (launched_by.as_str(), status.as_str()),
            (demo_id("person", "dana-okafor").as_str(), "live")
        );
        let after: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM campaigns WHERE organisation_id = $1")
                .bind(&northwind)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert_eq!(after, before + 1);
        // It is Northwind's: its admin is told and works it like its own.
        let told: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM notifications WHERE person_id = $1 AND link = $2",
        )
        .bind(demo_id("person", "northwind-ava"))
        .bind(format!("/campaigns/{id}"))
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(told, 1);
        let seen = by_id(&app, "/api/campaigns_get", &id, &ava).await;
        assert_eq!(seen["card"]["organisation_name"], "Northwind Solutions");
        assert_eq!(seen["may_send"], true);
    }
);

/// Template content for a stream test: the starter blocks and one post.
fn stream_content() -> serde_json::Value {
    use app::campaigns::content::{Network, SocialPost};
    let mut content = app::campaigns::authoring::starter(app::i18n::Locale::En);
    content.social.push(SocialPost {
        network: Network::LinkedIn,
        text: "News from {partner.name}: {link}".into(),
    });
    serde_json::to_value(&content).unwrap()
}

async fn subscribe(app: &Router, cookie: &str, stream: &str, mode: &str) -> Response<Body> {
    post(
        app,
        "/api/campaigns_subscribe",
        &format!("stream={}&mode={mode}", form_value(stream)),
        Some(cookie),
    )
    .await
}

backend_test!(
    streams_launch_new_templates_for_partners_who_take_them,
    |db: Db| async move {
        let app = app(&db).await;
        let dana = sign_in(&app, DANA, DEMO_PASSWORD, None).await.unwrap();
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let oliver = sign_in(&app, "oliver.grant@bluepeak.example", DEMO_PASSWORD, None)
            .await
            .unwrap();
        let subscriptions = || async {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM stream_subscriptions")
                .fetch_one(&db.pool)
                .await
                .unwrap()
        };
        let before = subscriptions().await;
        // Vendor staff take no stream; a bad name or mode changes nothing.
        assert_eq!(
            error_of(subscribe(&app, &dana, "partner news", "auto").await).await,
            AppError::Forbidden
        );
        for (stream, mode) in [("x", "auto"), ("a,b", "auto"), ("partner news", "always")] {
            let res = subscribe(&app, &ava, stream, mode).await;
            assert_eq!(
                res.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{stream} {mode}"
            );
        }
        assert_eq!(subscriptions().await, before);
        // Bluepeak takes "Partner news" by itself; Northwind asks first.
        for (cookie, mode) in [(&oliver, "auto"), (&ava, "approval")] {
            let res = subscribe(&app, cookie, "Partner News", mode).await;
            assert!(res.status().is_success(), "{}", res.status());
        }
        assert_eq!(subscriptions().await, before + 2);

        // Dana writes a template in that stream and publishes it.
        let template = start_template(&app, &db, &dana, "Quarterly partner news").await;
        let res = save(
            &app,
            &dana,
            &template_form(
                &template,
                "Quarterly partner news",
                &stream_content(),
                &[("template[streams]", "partner news, Cloud")],
            ),
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());
        let draft = by_id(&app, "/api/campaigns_template_draft", &template, &dana).await;
        assert_eq!(draft["streams"], "partner news, cloud");
        let res = post(
            &app,
            "/api/campaigns_template_publish",
            &format!("id={template}"),
            Some(&dana),
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());

        let launched = |org: &'static str| {
            let (db, template) = (db.clone(), template.clone());
            async move {
                sqlx::query_as::<_, (String, String, String)>(
                    "SELECT id, status, launched_by FROM campaigns \
                     WHERE template_id = $1 AND organisation_id = $2",
                )
                .bind(&template)
                .bind(demo_id("org", org))
                .fetch_all(&db.pool)
                .await
                .unwrap()
            }
        };
        // Bluepeak's campaign launched by itself, live, with its post
        // filled in with Bluepeak's name and scheduled.
        let bluepeak = launched("bluepeak").await;
        assert_eq!(bluepeak.len(), 1);
        assert_eq!(bluepeak[0].1, "live");
        assert_eq!(bluepeak[0].2, demo_id("person", "dana-okafor"));
        let view = by_id(&app, "/api/campaigns_get", &bluepeak[0].0, &oliver).await;
        let post_text = view["posts"][0]["text"].as_str().unwrap();
        assert!(
            post_text.starts_with("News from Bluepeak Managed Services: http"),
            "{post_text}"
        );
        assert!(post_text.contains("/c/"), "{post_text}");
        assert_eq!(view["posts"][0]["state"], "Scheduled");
        // Northwind asks first for "partner news" but takes "cloud" by
        // itself (demo): the automatic stream wins.
        let northwind = launched("northwind").await;
        assert_eq!(northwind.len(), 1, "cloud is automatic for Northwind");

        // Publishing again launches nothing twice.
        let res = post(
            &app,
            "/api/campaigns_template_publish",
            &format!("id={template}"),
            Some(&dana),
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());
        assert_eq!(launched("bluepeak").await.len(), 1);
        assert_eq!(launched("northwind").await.len(), 1);

        // Each partner reads its own subscriptions only; the vendor reads
        // how many partners take each stream.
        let streams = |cookie: String| {
            let app = app.clone();
            async move { json(post(&app, "/api/campaigns_streams", "", Some(&cookie)).await).await }
        };
        let mine = streams(oliver.clone()).await;
        let row = |v: &serde_json::Value, name: &str| {
            v["streams"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["name"] == name)
                .cloned()
                .unwrap_or_else(|| panic!("{name} in {v}"))
        };
        assert_eq!(row(&mine, "partner news")["mode"], "Auto");
        assert_eq!(
            row(&mine, "cloud")["mode"],
            serde_json::Value::Null,
            "Northwind's, not Bluepeak's"
        );
        assert_eq!(row(&mine, "partner news")["automatic"], 0);
        let vendor = streams(dana.clone()).await;
        assert_eq!(row(&vendor, "partner news")["automatic"], 1);
        assert_eq!(row(&vendor, "partner news")["asking"], 1);
        assert_eq!(row(&vendor, "partner news")["templates"], 1);
        assert_eq!(vendor["may_subscribe"], false);

        // Taking a stream no more removes it; another partner's stays.
        let res = subscribe(&app, &oliver, "partner news", "").await;
        assert!(res.status().is_success(), "{}", res.status());
        assert_eq!(
            row(&streams(oliver.clone()).await, "partner news")["mode"],
            serde_json::Value::Null
        );
        assert_eq!(
            row(&streams(ava.clone()).await, "partner news")["mode"],
            "Approval"
        );
    }
);

backend_test!(
    a_partner_asking_first_is_told_and_finds_the_template_waiting,
    |db: Db| async move {
        let app = app(&db).await;
        let dana = sign_in(&app, DANA, DEMO_PASSWORD, None).await.unwrap();
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        // Northwind asks first for security (demo); Dana publishes a new
        // security template.
        let template = start_template(&app, &db, &dana, "Phishing drill kit").await;
        let res = save(
            &app,
            &dana,
            &template_form(
                &template,
                "Phishing drill kit",
                &stream_content(),
                &[("template[streams]", "security")],
            ),
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());
        let res = post(
            &app,
            "/api/campaigns_template_publish",
            &format!("id={template}"),
            Some(&dana),
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());
        let campaigns: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM campaigns WHERE template_id = $1")
                .bind(&template)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert_eq!(campaigns, 0, "nobody takes security by itself");
        let told: Vec<String> = sqlx::query_scalar(
            "SELECT n.subject FROM notifications n JOIN people p ON p.id = n.person_id \
             WHERE p.email = $1 AND n.link = '/campaigns/streams'",
        )
        .bind(AVA)
        .fetch_all(&db.pool)
        .await
        .unwrap();
        assert_eq!(
            told,
            vec!["New in your stream security: Phishing drill kit".to_owned()]
        );
        let view = json(post(&app, "/api/campaigns_streams", "", Some(&ava)).await).await;
        let security = view["streams"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == "security")
            .cloned()
            .unwrap();
        assert_eq!(security["mode"], "Approval");
        let waiting: Vec<&str> = security["waiting"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w[1].as_str().unwrap())
            .collect();
        assert!(waiting.contains(&"Phishing drill kit"), "{waiting:?}");
    }
);

backend_test!(
    template_images_are_sniffed_kept_served_and_weighed,
    |db: Db| async move {
        let app = app(&db).await;
        let dana = sign_in(&app, DANA, DEMO_PASSWORD, None).await.unwrap();
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let template = start_template(&app, &db, &dana, "Image test").await;
        let path = format!("/campaigns/templates/{template}/images");
        let images = || async {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM campaign_images")
                .fetch_one(&db.pool)
                .await
                .unwrap()
        };
        let before = images().await;
        // A PNG (read from its bytes, whatever its name) of 1.2 MB.
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.resize(1_200_000, 7);
        let res = post_file(&app, &path, "Hero shot!.jpeg", &png, &dana).await;
        assert_eq!(
            location_of(&res),
            Some(
                format!("/campaigns/templates/{template}/edit?uploaded=1#template-images").as_str()
            )
        );
        assert_eq!(images().await, before + 1);
        let draft = by_id(&app, "/api/campaigns_template_draft", &template, &dana).await;
        let image = &draft["images"][0];
        assert_eq!(image["name"], "Hero-shot.png");
        assert_eq!(image["size"], 1_200_000);
        let url = image["url"].as_str().unwrap().to_owned();
        let address = url
            .find("/campaign-images/")
            .map(|at| &url[at..])
            .unwrap()
            .to_owned();
        // Served to anyone, as the image it is, never as a page.
        let res = get(&app, &address, BROWSER).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()[header::CONTENT_TYPE], "image/png");
        assert!(res.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .contains("sandbox"));
        let served = axum::body::to_bytes(res.into_body(), 2_000_000)
            .await
            .unwrap();
        assert_eq!(served.as_ref(), png.as_slice());
        assert_eq!(
            get(&app, "/campaign-images/no-such-image", BROWSER)
                .await
                .status(),
            StatusCode::NOT_FOUND
        );

        // Refused: not an image, too large; a partner; a made-up template.
        let res = post_file(
            &app,
            &path,
            "page.png",
            b"<html><body>hi</body></html>",
            &dana,
        )
        .await;
        assert!(location_of(&res).unwrap().ends_with("?refused=not-image"));
        let mut huge = b"\x89PNG\r\n\x1a\n".to_vec();
        huge.resize(5 * 1024 * 1024 + 1, 0);
        let res = post_file(&app, &path, "huge.png", &huge, &dana).await;
        assert!(location_of(&res).unwrap().ends_with("?refused=too-large"));
        let res = post_file(&app, &path, "logo.png", &png, &ava).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let res = post_file(
            &app,
            "/campaigns/templates/nope/images",
            "logo.png",
            &png,
            &dana,
        )
        .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        assert_eq!(images().await, before + 1, "nothing refused was kept");

        // An image block showing it: preflight warns of its weight, and
        // publishing goes ahead (a warning, not a stop).
        let mut content: serde_json::Value =
            serde_json::from_str(&template_row(&db, &template).await.3).unwrap();
        content["page"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({
                "block": { "kind": "image", "src": url, "alt": "Our team" },
                "editable": false
            }));
        let res = save(
            &app,
            &dana,
            &template_form(&template, "Image test", &content, &[]),
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());
        let draft = by_id(&app, "/api/campaigns_template_draft", &template, &dana).await;
        let findings: Vec<(String, bool)> = draft["preview"]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["message"].as_str().unwrap().to_owned(),
                    f["blocking"].as_bool().unwrap(),
                )
            })
            .collect();
        assert!(
            findings.contains(&(
                "The image Hero-shot.png weighs 1.2 MB: keep images under 1 MB, or phones load the email slowly.".to_owned(),
                false
            )),
            "{findings:?}"
        );
        let res = post(
            &app,
            "/api/campaigns_template_publish",
            &format!("id={template}"),
            Some(&dana),
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());
    }
);
