//! Two languages: pages follow the cookie, else the browser's
//! `Accept-Language`; the switch remembers the choice for the person, and
//! emails reach each person in their own language.

use app::{backend_test, db::Db, organisations::demo::DEMO_PASSWORD};
use axum::{
    body::Body,
    http::{header, Request, StatusCode},
    Router,
};
use server::testing::{
    body_text, error_of, form_value, location_of, post_form, seeded_app as app, set_cookie, sign_in,
};
use tower::ServiceExt;

async fn page(app: &Router, path: &str, headers: &[(header::HeaderName, &str)]) -> String {
    let mut request = Request::get(path);
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    let res = app
        .clone()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    body_text(res).await
}

async fn locale_of(db: &Db, email: &str) -> String {
    sqlx::query_scalar("SELECT locale FROM people WHERE email = $1")
        .bind(email)
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

backend_test!(
    pages_follow_the_cookie_then_the_browser,
    |db: Db| async move {
        let app = app(&db).await;
        let english = page(&app, "/", &[]).await;
        assert!(english.contains(r#"<html lang="en""#), "{english}");
        assert!(english.contains("Sell together, without the busywork."));

        let german = page(
            &app,
            "/",
            &[(header::ACCEPT_LANGUAGE, "de-DE,de;q=0.9,en;q=0.5")],
        )
        .await;
        assert!(german.contains(r#"<html lang="de""#));
        assert!(german.contains("Gemeinsam verkaufen, ohne Papierkram."));
        assert!(!german.contains("Sell together"));

        let chosen = page(
            &app,
            "/program",
            &[
                (header::ACCEPT_LANGUAGE, "de-DE"),
                (header::COOKIE, "trellis_lang=en"),
            ],
        )
        .await;
        assert!(chosen.contains(r#"<html lang="en""#));
        // The switch offers the other language, in that language.
        assert!(chosen.contains(">Deutsch<"));
    }
);

backend_test!(
    the_switch_sets_the_cookie_returns_and_remembers_the_person,
    |db: Db| async move {
        let app = app(&db).await;
        let leo = "leo.martinez@northwind.example";
        let session = sign_in(&app, leo, DEMO_PASSWORD, None).await.unwrap();
        assert_eq!(locale_of(&db, leo).await, "en");

        let request = Request::post("/api/set_language")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html")
            .header(header::REFERER, "http://127.0.0.1:3000/deals?q=x")
            .header(header::COOKIE, &session)
            .body(Body::from("lang=de"))
            .unwrap();
        let res = app.clone().oneshot(request).await.unwrap();
        assert!(res.status().is_redirection(), "got {}", res.status());
        assert_eq!(location_of(&res), Some("/deals?q=x"));
        let cookie = set_cookie(&res, "trellis_lang").expect("a language cookie");
        assert!(cookie.starts_with("trellis_lang=de;") && cookie.contains("SameSite=Lax"));
        assert_eq!(locale_of(&db, leo).await, "de");

        // An email to Leo is now German, whoever causes it.
        let res = post_form(
            &app,
            "/api/request_password_reset",
            &format!("email={}", form_value(leo)),
            None,
        )
        .await;
        assert!(res.status().is_success());
        let (subject, body): (String, String) = sqlx::query_as(
            "SELECT subject, body FROM outbox WHERE to_address = $1 AND body LIKE '%/password-reset/%'",
        )
        .bind(leo)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(subject, "Ihr Trellis-Passwort zurücksetzen");
        assert!(body.starts_with("Hallo Leo Martinez"), "{body}");
        assert!(body.contains("/password-reset/"));

        // Signing in from an English browser makes English his language again.
        sign_in(&app, leo, DEMO_PASSWORD, None).await.unwrap();
        assert_eq!(locale_of(&db, leo).await, "en");
    }
);

backend_test!(
    an_unknown_language_is_refused_and_errors_come_in_the_readers_language,
    |db: Db| async move {
        let app = app(&db).await;
        let res = post_form(&app, "/api/set_language", "lang=fr", None).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(set_cookie(&res, "trellis_lang").is_none());
        assert_eq!(
            error_of(res).await.message_for("lang"),
            Some("Choose English or German.")
        );

        let request = Request::post("/api/sign_in")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .header(header::ACCEPT_LANGUAGE, "de")
            .body(Body::from("email=&password="))
            .unwrap();
        let res = app.clone().oneshot(request).await.unwrap();
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            error_of(res).await.message_for("email"),
            Some("Geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein.")
        );
    }
);

backend_test!(
    a_server_function_answers_in_its_own_readers_language_while_other_pages_render,
    |db: Db| async move {
        let app = app(&db).await;
        // English pages keep both workers busy rendering…
        let renders: Vec<_> = (0..4)
            .map(|_| {
                let app = app.clone();
                tokio::spawn(async move {
                    for _ in 0..40 {
                        page(&app, "/program", &[(header::COOKIE, "trellis_lang=en")]).await;
                    }
                })
            })
            .collect();
        // …while German readers make a mistake. Each must be told in German.
        let calls: Vec<_> = (0..4)
            .map(|_| {
                let app = app.clone();
                tokio::spawn(async move {
                    let mut answers = Vec::new();
                    for _ in 0..40 {
                        let res = post_form(
                            &app,
                            "/api/set_language",
                            "lang=fr",
                            Some("trellis_lang=de"),
                        )
                        .await;
                        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
                        answers.push(error_of(res).await.message_for("lang").map(str::to_owned));
                    }
                    answers
                })
            })
            .collect();
        for render in renders {
            render.await.unwrap();
        }
        let mut answers = Vec::new();
        for call in calls {
            answers.extend(call.await.unwrap());
        }
        assert_eq!(answers.len(), 160);
        let foreign: Vec<_> = answers
            .iter()
            .filter(|a| a.as_deref() != Some("Wählen Sie Englisch oder Deutsch."))
            .collect();
        assert!(
            foreign.is_empty(),
            "{} of 160 answers not in German: {:?}",
            foreign.len(),
            foreign.first()
        );
    }
);
