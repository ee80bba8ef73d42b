//! The asset library and help search through the real router on both
//! databases: full-text search with facets, what each partner may see,
//! publishing with a content-sniffed upload, the download's headers and
//! counts, and the help box over FAQ, rules, courses and assets.

use app::{
    assets::MANY,
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
    body_text, error_of, get_page, location_of, post_form as post, seeded_app as app, sign_in,
};
use tower::ServiceExt;

const AVA: &str = "ava.thompson@northwind.example";
const DANA: &str = "dana.okafor@acmecloud.example";
const BOUNDARY: &str = "trellis-test-boundary";

async fn json(res: Response<Body>) -> serde_json::Value {
    let status = res.status();
    let text = body_text(res).await;
    assert!(status.is_success(), "{status}: {text}");
    serde_json::from_str(&text).unwrap()
}

async fn search(app: &Router, cookie: &str, body: &str) -> serde_json::Value {
    json(post(app, "/api/assets_search", body, Some(cookie)).await).await
}

fn titles(results: &serde_json::Value) -> Vec<String> {
    results["assets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap().to_owned())
        .collect()
}

fn facet(results: &serde_json::Value, field: &str, code: &str) -> Option<i64> {
    results["facets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == field && f["code"] == code)
        .map(|f| f["count"].as_i64().unwrap())
}

async fn upload(app: &Router, id: &str, cookie: &str, name: &str, file: &[u8]) -> Response<Body> {
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
         Content-Type: application/pdf\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    let request = Request::post(format!("/assets/{id}/file"))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .header(header::CONTENT_LENGTH, body.len())
        .header("sec-fetch-site", "same-origin")
        .header(header::COOKIE, cookie)
        .body(Body::from(body))
        .unwrap();
    app.clone().oneshot(request).await.unwrap()
}

async fn count(db: &Db, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&db.pool).await.unwrap()
}

backend_test!(
    a_word_from_a_description_finds_the_asset_and_an_industry_narrows_it,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        // "radiology" is in a clinic's story and a university's.
        let both = search(&app, &ava, "q=Radiology").await;
        let mut found = titles(&both);
        found.sort();
        assert_eq!(
            found,
            [
                "Case study: Northgate University",
                "Case study: Riverside Clinics"
            ]
        );
        assert_eq!(both["total"], 2);
        assert_eq!(facet(&both, "industry", "healthcare"), Some(1));
        assert_eq!(facet(&both, "industry", "education"), Some(1));
        let one = search(&app, &ava, "q=radiology&industry=healthcare").await;
        assert_eq!(titles(&one), ["Case study: Riverside Clinics"]);
        // Facets still count every match, so the other can be chosen.
        assert_eq!(facet(&one, "industry", "education"), Some(1));
        // As typed: the last word is a prefix; punctuation is no syntax.
        let typed = search(&app, &ava, "q=radiol").await;
        assert_eq!(typed["total"], 2);
        let odd = search(&app, &ava, "q=%22radiology%22+OR+*+(%3A").await;
        assert_eq!(odd["total"], 0);
        // No words: the whole library the partner may see, newest first.
        let all = search(&app, &ava, "q=").await;
        assert!(all["total"].as_i64().unwrap() >= 40, "{}", all["total"]);
        assert_eq!(all["assets"].as_array().unwrap().len(), 24);
        // The second page has the rest, none of the first; a page out of
        // range counts as the nearest.
        assert_eq!(all["pages"], 2);
        let second = search(&app, &ava, "q=&page=2").await;
        let rest = titles(&second);
        assert_eq!(rest.len() as i64, all["total"].as_i64().unwrap() - 24);
        assert!(rest.iter().all(|t| !titles(&all).contains(t)));
        assert_eq!(search(&app, &ava, "q=&page=99").await["page"], 2);
        assert_eq!(
            titles(&search(&app, &ava, "q=&page=-3").await),
            titles(&all)
        );
        // Ranked results page too: every demo asset has a word in "a".
        let ranked = search(&app, &ava, "q=a&page=2").await;
        assert_eq!(ranked["broad"], false);
        assert_eq!(ranked["total"], all["total"]);
        assert_eq!((&ranked["page"], &ranked["pages"]), (&2.into(), &2.into()));
        assert_eq!(titles(&ranked).len(), rest.len());
    }
);

backend_test!(
    partners_see_only_what_is_for_their_type_and_tier_and_not_expired,
    |db: Db| async move {
        let app = app(&db).await;
        // Northwind: a reseller (VAR) in Gold.
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let dana = sign_in(&app, DANA, DEMO_PASSWORD, None).await.unwrap();
        let has =
            |results: &serde_json::Value, title: &str| titles(results).iter().any(|t| t == title);
        let msp_only = search(&app, &ava, "q=migration+playbook").await;
        assert!(!has(
            &msp_only,
            "Migration playbook for managed service providers"
        ));
        let vendor = search(&app, &dana, "q=migration+playbook").await;
        assert!(has(
            &vendor,
            "Migration playbook for managed service providers"
        ));
        // Gold and Platinum only: Northwind is Gold.
        let gold = search(&app, &ava, "q=objections").await;
        assert!(has(&gold, "Handling pricing objections"));
        sqlx::query("UPDATE organisations SET tier_id = $1 WHERE id = $2")
            .bind(demo_id("tier", "silver"))
            .bind(demo_id("org", "northwind"))
            .execute(&db.pool)
            .await
            .unwrap();
        let silver = search(&app, &ava, "q=objections").await;
        assert_eq!(silver["total"], 0);
        // Expired: gone for partners, kept for the vendor.
        let expired = search(&app, &ava, "q=greenleaf").await;
        assert_eq!(expired["total"], 0);
        assert_eq!(search(&app, &dana, "q=greenleaf").await["total"], 1);
        // An asset not for them answers NotFound, its file too.
        let hidden = demo_id("asset", "migration-playbook");
        let res = post(&app, "/api/assets_get", &format!("id={hidden}"), Some(&ava)).await;
        assert_eq!(error_of(res).await, AppError::NotFound);
        let res = get_page(&app, &format!("/assets/{hidden}/file"), &ava).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
);

backend_test!(
    a_word_in_too_many_assets_to_rank_lists_them_newest_first_and_a_facet_narrows_them,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        // More assets with "zephyr" than are ranked. Counting back from
        // the newest, in every ten: one for MSPs only, one for Silver, one
        // expired, one archived, one without a file — none for Northwind
        // (a reseller in Gold) — and one for Gold, which is. More than
        // MANY remain for Northwind, and the newest of all is not one.
        let n = MANY * 2 + 500;
        let hidden = |i: i64| matches!((n - 1 - i) % 10, 0 | 3 | 5 | 7 | 8);
        let now = app::auth::server::now();
        let (gold, silver) = (demo_id("tier", "gold"), demo_id("tier", "silver"));
        let dana = sign_in(&app, DANA, DEMO_PASSWORD, None).await.unwrap();
        let library = |cookie: String| {
            let app = app.clone();
            async move { search(&app, &cookie, "q=").await["total"].as_i64().unwrap() }
        };
        let (ava_before, dana_before) = (library(ava.clone()).await, library(dana.clone()).await);
        let mut tx = db.pool.begin().await.unwrap();
        for start in (0..n).step_by(100) {
            let rows: Vec<i64> = (start..(start + 100).min(n)).collect();
            let values = (0..rows.len())
                .map(|r| {
                    let p = r * 9;
                    format!(
                        "(${}, ${}, 'A zephyr story', 'case_study', 'selling', ${}, \
                         'compute', 'en', ${}, ${}, ${}, ${}, ${}, ${})",
                        p + 1,
                        p + 2,
                        p + 3,
                        p + 4,
                        p + 5,
                        p + 6,
                        p + 7,
                        p + 8,
                        p + 9
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!(
                "INSERT INTO assets (id, title, description, kind, use_case, industry, product, \
                 language, partner_types, tiers, expires_at, archived_at, file_name, created_at) \
                 VALUES {values}"
            );
            let mut query = sqlx::query(&sql);
            for i in rows {
                let kind = (n - 1 - i) % 10;
                query = query
                    .bind(format!("zephyr-{i}"))
                    .bind(format!("Zephyr {i}"))
                    .bind(if i % 2 == 0 { "healthcare" } else { "retail" })
                    .bind(if kind == 0 { "msp" } else { "" })
                    .bind(match kind {
                        5 => silver.clone(),
                        2 => gold.clone(),
                        _ => String::new(),
                    })
                    .bind((kind == 7).then_some(now - 60))
                    .bind((kind == 3).then_some(now - 60))
                    .bind((kind != 8).then_some("story.pdf"))
                    .bind(now + i);
            }
            query.execute(&mut *tx).await.unwrap();
        }
        tx.commit().await.unwrap();
        let visible = (0..n).filter(|i| !hidden(*i)).count() as i64;
        assert!(visible > MANY);
        // Browsing with no words counts them all, as each may see them:
        // the vendor all but the archived.
        assert_eq!(library(ava.clone()).await, ava_before + visible);
        let archived = (0..n).filter(|i| (n - 1 - i) % 10 == 3).count() as i64;
        assert_eq!(library(dana.clone()).await, dana_before + n - archived);
        let results = search(&app, &ava, "q=zephyr").await;
        assert_eq!(results["broad"], true);
        assert_eq!(results["more"], true);
        assert_eq!(results["total"], MANY);
        let expected: Vec<String> = (0..n)
            .rev()
            .filter(|i| !hidden(*i))
            .take(24)
            .map(|i| format!("Zephyr {i}"))
            .collect();
        assert_eq!(titles(&results), expected);
        // Paged through, newest first, as far as the first MANY.
        assert_eq!(results["pages"], (MANY + 23) / 24);
        let second = search(&app, &ava, "q=zephyr&page=2").await;
        let next: Vec<String> = (0..n)
            .rev()
            .filter(|i| !hidden(*i))
            .skip(24)
            .take(24)
            .map(|i| format!("Zephyr {i}"))
            .collect();
        assert_eq!(titles(&second), next);
        // Every facet value is offered, uncounted.
        assert_eq!(facet(&results, "industry", "healthcare"), Some(0));
        assert_eq!(facet(&results, "kind", "whitepaper"), Some(0));
        // A facet narrows them below MANY: counted exactly, newest first.
        let narrowed = search(&app, &ava, "q=zephyr&industry=retail").await;
        let retail = (0..n).filter(|i| i % 2 == 1 && !hidden(*i)).count() as i64;
        assert!(retail < MANY);
        assert_eq!(narrowed["total"], retail);
        assert_eq!(narrowed["more"], false);
        assert_eq!(narrowed["broad"], true);
        let newest_retail = (0..n).rev().find(|i| i % 2 == 1 && !hidden(*i)).unwrap();
        assert_eq!(titles(&narrowed)[0], format!("Zephyr {newest_retail}"));
        // A made-up facet value matches nothing and is no syntax.
        let odd = search(&app, &ava, "q=zephyr&industry=%22%29+OR+%28%22").await;
        assert_eq!(odd["total"], 0);
        assert!(titles(&odd).is_empty());
        // A word found in a few is ranked as before.
        let few = search(&app, &ava, "q=radiology").await;
        assert_eq!(few["broad"], false);
        assert_eq!(few["total"], 2);
    }
);

backend_test!(
    a_marketer_publishes_an_asset_whose_file_is_kept_by_its_content_and_served_as_an_attachment,
    |db: Db| async move {
        let app = app(&db).await;
        let dana = sign_in(&app, DANA, DEMO_PASSWORD, None).await.unwrap();
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let add = "asset[title]=Hospital+buyer+guide&asset[description]=Questions+a+\
                   procurement+board+asks+about+telemetry&asset[kind]=playbook&\
                   asset[use_case]=selling&asset[industry]=healthcare&asset[product]=security&\
                   asset[language]=en";
        // A partner may not publish; a bad field is named.
        let res = post(&app, "/api/assets_add", add, Some(&ava)).await;
        assert_eq!(error_of(res).await, AppError::Forbidden);
        let res = post(
            &app,
            "/api/assets_add",
            &add.replace("kind]=playbook", "kind]=memo"),
            Some(&dana),
        )
        .await;
        assert!(error_of(res).await.message_for("kind").is_some());
        let library = |cookie: String| {
            let app = app.clone();
            async move { search(&app, &cookie, "q=").await["total"].as_i64().unwrap() }
        };
        let (ava_before, dana_before) = (library(ava.clone()).await, library(dana.clone()).await);
        let res = post(&app, "/api/assets_add", add, Some(&dana)).await;
        let page = location_of(&res).expect("to the asset's page");
        let id = page.trim_start_matches("/assets/").to_owned();
        // Without a file yet, partners do not see it; its author does.
        assert_eq!(search(&app, &ava, "q=telemetry").await["total"], 0);
        assert_eq!(search(&app, &dana, "q=telemetry").await["total"], 1);
        // An HTML page named .pdf is refused; nothing is kept.
        let res = upload(
            &app,
            &id,
            &dana,
            "guide.pdf",
            b"<html><script>alert(1)</script>",
        )
        .await;
        assert_eq!(
            location_of(&res),
            Some(format!("/assets/{id}?file=unknown-type").as_str())
        );
        let kept = format!("SELECT COUNT(*) FROM asset_blobs WHERE key = '{id}'");
        assert_eq!(count(&db, &kept).await, 0);
        // A real PDF of 3 MB (over the usual body limit) is kept, renamed
        // for what it is.
        let mut pdf = b"%PDF-1.7\n".to_vec();
        pdf.resize(3 * 1024 * 1024, b' ');
        let res = upload(&app, &id, &dana, "Buyer Guide.final.exe", &pdf).await;
        assert_eq!(
            location_of(&res),
            Some(format!("/assets/{id}?file=saved").as_str())
        );
        assert_eq!(count(&db, &kept).await, 1);
        // A partner cannot upload over it.
        let res = upload(&app, &id, &ava, "x.pdf", &pdf).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        // Now partners find it and download it, in a sandbox.
        assert_eq!(search(&app, &ava, "q=telemetry").await["total"], 1);
        assert_eq!(library(ava.clone()).await, ava_before + 1);
        assert_eq!(library(dana.clone()).await, dana_before + 1);
        let res = get_page(&app, &format!("/assets/{id}/file"), &ava).await;
        assert_eq!(res.status(), StatusCode::OK);
        let headers = res.headers().clone();
        assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
        assert_eq!(
            headers[header::CONTENT_DISPOSITION],
            "attachment; filename=\"Buyer-Guide.pdf\""
        );
        assert_eq!(
            headers[header::CONTENT_SECURITY_POLICY],
            "default-src 'none'; sandbox"
        );
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(body_text(res).await.len(), pdf.len());
        // The view and the download are counted, per partner for the vendor.
        json(post(&app, "/api/assets_get", &format!("id={id}"), Some(&ava)).await).await;
        let detail =
            json(post(&app, "/api/assets_get", &format!("id={id}"), Some(&dana)).await).await;
        assert_eq!(detail["downloads"], 1);
        assert_eq!(detail["views"], 2);
        assert_eq!(
            detail["by_partner"][0]["organisation_name"],
            "Northwind Solutions"
        );
        assert_eq!(detail["by_partner"][0]["downloads"], 1);
        assert_eq!(detail["by_partner"][0]["views"], 1);
        let ava_view =
            json(post(&app, "/api/assets_get", &format!("id={id}"), Some(&ava)).await).await;
        assert_eq!(ava_view["by_partner"], serde_json::json!([]));
        // Archived: gone from the library, its counts kept.
        let res = post(
            &app,
            "/api/assets_archive",
            &format!("id={id}"),
            Some(&dana),
        )
        .await;
        assert!(location_of(&res).is_some());
        assert_eq!(search(&app, &ava, "q=telemetry").await["total"], 0);
        assert_eq!(search(&app, &dana, "q=telemetry").await["total"], 0);
        assert_eq!(library(ava.clone()).await, ava_before);
        assert_eq!(library(dana.clone()).await, dana_before);
        let events = format!("SELECT COUNT(*) FROM asset_events WHERE asset_id = '{id}'");
        assert_eq!(count(&db, &events).await, 4);
    }
);

backend_test!(
    the_help_box_finds_faq_answers_rules_courses_lessons_and_assets,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        sqlx::query("UPDATE program_settings SET rules_of_engagement = $1")
            .bind("First to register wins.\n\nA registration is protected while its deal is open and approved.")
            .execute(&db.pool)
            .await
            .unwrap();
        let found = json(post(&app, "/api/help_search", "q=protected", Some(&ava)).await).await;
        let sources: Vec<&str> = found["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["source"].as_str().unwrap())
            .collect();
        assert!(sources.contains(&"Faq"), "{found}");
        assert!(sources.contains(&"Rules"), "{found}");
        let rules = found["hits"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["source"] == "Rules")
            .unwrap();
        assert_eq!(
            rules["snippet"],
            "A registration is protected while its deal is open and approved."
        );
        let logos = json(post(&app, "/api/help_search", "q=logos", Some(&ava)).await).await;
        assert!(logos["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["source"] == "Asset" && h["title"] == "Acme Cloud partner logos"));
        let course = json(post(&app, "/api/help_search", "q=fundamentals", Some(&ava)).await).await;
        assert!(course["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["source"] == "Course"
                && h["href"] == format!("/learn/{}", demo_id("course", "fundamentals"))));
        // The FAQ: read by all, edited by the program admin only.
        let res = post(
            &app,
            "/api/help_faq_save",
            "question=Who+pays+for+demos%3F&answer=We+do.",
            Some(&ava),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::Forbidden);
        let priya = sign_in(&app, "priya.raman@acmecloud.example", DEMO_PASSWORD, None)
            .await
            .unwrap();
        let res = post(
            &app,
            "/api/help_faq_save",
            "question=Who+pays+for+demo+environments%3F&answer=Acme+Cloud+does%2C+for+90+days.",
            Some(&priya),
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());
        let found =
            json(post(&app, "/api/help_search", "q=demo+environments", Some(&ava)).await).await;
        assert_eq!(found["hits"][0]["title"], "Who pays for demo environments?");
        assert_eq!(found["hits"][0]["snippet"], "Acme Cloud does, for 90 days.");
        let empty = json(post(&app, "/api/help_search", "q=+%21%21", Some(&ava)).await).await;
        assert_eq!(empty["hits"], serde_json::json!([]));
    }
);
