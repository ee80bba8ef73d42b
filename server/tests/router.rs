//! Router tests: the real router, a real database, requests via `oneshot`.

use app::{backend_test, db::Db, demo};
use axum::{
    body::Body,
    http::{header, Request, StatusCode},
    response::Response,
    Router,
};
use server::{router, AppState};
use tower::ServiceExt;

use server::testing::{body_text as text, test_options as options, PUBLIC_DIR as PUBLIC};

fn app(db: &Db) -> Router {
    router(AppState::new(options(PUBLIC), db.clone()))
}

async fn send(app: Router, request: Request<Body>) -> Response {
    app.oneshot(request).await.expect("router never fails")
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

fn header_of(res: &Response, name: header::HeaderName) -> &str {
    res.headers()
        .get(name)
        .map(|v| v.to_str().unwrap())
        .unwrap_or("")
}

async fn on_sqlite<F, Fut>(body: F)
where
    F: FnOnce(Db) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    app::db::testing::run(app::db::Backend::Sqlite, body).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn landing_page_is_server_rendered_with_safe_headers() {
    on_sqlite(|db| async move {
        let res = send(app(&db), get("/")).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(header_of(&res, header::CONTENT_TYPE).starts_with("text/html"));
        assert_eq!(header_of(&res, header::X_CONTENT_TYPE_OPTIONS), "nosniff");
        assert_eq!(
            header_of(
                &res,
                header::HeaderName::from_static("cross-origin-opener-policy")
            ),
            "same-origin"
        );
        assert_eq!(
            header_of(&res, header::REFERRER_POLICY),
            "strict-origin-when-cross-origin"
        );
        assert_eq!(header_of(&res, header::CACHE_CONTROL), "no-cache");
        let html = text(res).await;
        assert!(html.contains("Sell together, without the busywork."));
        assert!(html.contains(r#"data-theme="system""#));
        assert!(html.contains("<title>The partner portal partners pick · Trellis</title>"));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_paths_answer_404_with_the_not_found_page() {
    on_sqlite(|db| async move {
        let res = send(app(&db), get("/no/such/page")).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        assert_eq!(header_of(&res, header::CACHE_CONTROL), "no-store");
        assert!(text(res).await.contains("Page not found"));
    })
    .await;
}

backend_test!(health_reports_ok_when_migrated, |db: Db| async move {
    let res = send(app(&db), get("/healthz")).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(header_of(&res, header::CACHE_CONTROL), "no-store");
    let body: serde_json::Value = serde_json::from_str(&text(res).await).unwrap();
    assert_eq!(body["status"], "ok");
    assert_eq!(body["database"], db.backend.name());
    assert_eq!(body["migrations"]["pending"], serde_json::json!([]));
    assert!(body["migrations"]["applied"].as_u64().unwrap() >= 1);
});

backend_test!(
    health_fails_when_a_migration_is_missing,
    |db: Db| async move {
        sqlx::query("DELETE FROM _sqlx_migrations")
            .execute(&db.pool)
            .await
            .unwrap();
        let res = send(app(&db), get("/healthz")).await;
        assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
        let body: serde_json::Value = serde_json::from_str(&text(res).await).unwrap();
        assert_eq!(body["status"], "migrations pending");
        assert_eq!(body["migrations"]["applied"], 0);
    }
);

backend_test!(
    program_server_function_returns_the_tiers,
    |db: Db| async move {
        demo::seed(&db).await.unwrap();
        let request = Request::post("/api/program_overview")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .body(Body::empty())
            .unwrap();
        let res = send(app(&db), request).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(header_of(&res, header::CACHE_CONTROL), "no-store");
        let body: serde_json::Value = serde_json::from_str(&text(res).await).unwrap();
        assert_eq!(body["vendor_name"], "Acme Cloud");
        let names: Vec<&str> = body["tiers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["Registered", "Silver", "Gold", "Platinum"]);
    }
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn theme_form_without_javascript_sets_the_cookie_and_returns() {
    on_sqlite(|db| async move {
        let request = Request::post("/api/set_theme")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html")
            .header(header::REFERER, "http://127.0.0.1:3000/program")
            .body(Body::from("theme=dark"))
            .unwrap();
        let res = send(app(&db), request).await;
        assert!(res.status().is_redirection(), "got {}", res.status());
        // Back to the page the form was on, as a path on this site.
        assert_eq!(header_of(&res, header::LOCATION), "/program");
        let cookie = header_of(&res, header::SET_COOKIE);
        assert!(cookie.starts_with("trellis_theme=dark;"), "{cookie}");
        assert!(cookie.contains("SameSite=Lax"));

        let request = Request::get("/program")
            .header(header::COOKIE, "trellis_theme=dark")
            .body(Body::empty())
            .unwrap();
        let html = text(send(app(&db), request).await).await;
        assert!(html.contains(r#"data-theme="dark""#));
        assert!(html.contains("Colour theme: Dark. Switch to System"));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_theme_is_refused_and_sets_nothing() {
    on_sqlite(|db| async move {
        let request = Request::post("/api/set_theme")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .body(Body::from("theme=purple"))
            .unwrap();
        let res = send(app(&db), request).await;
        assert!(!res.status().is_success(), "got {}", res.status());
        assert!(res.headers().get(header::SET_COOKIE).is_none());
        assert!(text(res).await.contains("Choose system, light or dark."));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_are_gzipped_when_asked() {
    on_sqlite(|db| async move {
        let request = Request::get("/program")
            .header(header::ACCEPT_ENCODING, "br, gzip")
            .body(Body::empty())
            .unwrap();
        let res = send(app(&db), request).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(header_of(&res, header::CONTENT_ENCODING), "gzip");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hashed_assets_are_served_precompressed_and_immutable() {
    on_sqlite(|db| async move {
        let site = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(site.path().join("pkg")).unwrap();
        std::fs::write(site.path().join("pkg/trellis.abc.js"), "console.log(1)").unwrap();
        std::fs::write(site.path().join("pkg/trellis.abc.js.br"), b"BROTLI-BYTES").unwrap();
        let app = router(AppState::new(
            options(site.path().to_str().unwrap()),
            db.clone(),
        ));
        let request = Request::get("/pkg/trellis.abc.js")
            .header(header::ACCEPT_ENCODING, "br")
            .body(Body::empty())
            .unwrap();
        let res = send(app, request).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(header_of(&res, header::CONTENT_ENCODING), "br");
        assert_eq!(
            header_of(&res, header::CACHE_CONTROL),
            "public, max-age=31536000, immutable"
        );
        assert_eq!(text(res).await, "BROTLI-BYTES");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn service_worker_and_manifest_are_served() {
    on_sqlite(|db| async move {
        let res = send(app(&db), get("/sw.js")).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(header_of(&res, header::CONTENT_TYPE).starts_with("text/javascript"));
        assert_eq!(header_of(&res, header::CACHE_CONTROL), "no-cache");
        let script = text(res).await;
        assert!(script.contains(r#""/offline.html""#));
        assert!(script.contains(r#"addEventListener("fetch""#));

        let res = send(app(&db), get("/manifest.webmanifest")).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(
            header_of(&res, header::CONTENT_TYPE),
            "application/manifest+json"
        );
        assert_eq!(
            header_of(&res, header::CACHE_CONTROL),
            "public, max-age=3600"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_carry_a_nonce_based_content_security_policy() {
    on_sqlite(|db| async move {
        let first = send(app(&db), get("/")).await;
        let policy = header_of(&first, header::CONTENT_SECURITY_POLICY).to_owned();
        for directive in [
            "'wasm-unsafe-eval'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        ] {
            assert!(
                policy.contains(directive),
                "{directive} missing from {policy}"
            );
        }
        let nonce = policy
            .split("'nonce-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .expect("a nonce in the policy")
            .to_owned();
        let html = text(first).await;
        assert!(
            html.contains(&format!(r#"nonce="{nonce}""#)),
            "scripts carry the nonce"
        );
        assert!(!policy.contains("unsafe-inline"));

        let second = send(app(&db), get("/")).await;
        let other = header_of(&second, header::CONTENT_SECURITY_POLICY);
        assert!(!other.contains(&nonce), "a nonce is never reused");
        let missing = send(app(&db), get("/no-such-page")).await;
        assert!(header_of(&missing, header::CONTENT_SECURITY_POLICY).contains("'nonce-"));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hsts_is_sent_only_when_served_over_https() {
    on_sqlite(|db| async move {
        let plain = send(app(&db), get("/")).await;
        assert!(plain
            .headers()
            .get(header::STRICT_TRANSPORT_SECURITY)
            .is_none());
        let https = router(
            AppState::new(options(PUBLIC), db.clone())
                .with_public_url(Some("https://partners.acme.example".into())),
        );
        let res = send(https, get("/")).await;
        assert_eq!(
            header_of(&res, header::STRICT_TRANSPORT_SECURITY),
            "max-age=63072000; includeSubDomains"
        );
    })
    .await;
}

fn theme_post(headers: &[(&str, &str)]) -> Request<Body> {
    let mut builder = Request::post("/api/set_theme")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::HOST, "127.0.0.1:3000");
    for (k, v) in headers {
        builder = builder.header(*k, *v);
    }
    builder.body(Body::from("theme=dark")).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cross_site_posts_are_refused_and_change_nothing() {
    on_sqlite(|db| async move {
        for headers in [
            vec![("sec-fetch-site", "cross-site")],
            vec![("sec-fetch-site", "same-site")],
            vec![("origin", "https://evil.example")],
            vec![("origin", "null")],
        ] {
            let res = send(app(&db), theme_post(&headers)).await;
            assert_eq!(res.status(), StatusCode::FORBIDDEN, "{headers:?}");
            assert!(res.headers().get(header::SET_COOKIE).is_none());
        }
        let same = send(
            app(&db),
            theme_post(&[
                ("sec-fetch-site", "same-origin"),
                ("origin", "http://127.0.0.1:3000"),
            ]),
        )
        .await;
        assert!(same.status().is_redirection() || same.status().is_success());
        assert!(header_of(&same, header::SET_COOKIE).starts_with("trellis_theme=dark"));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_functions_refuse_get() {
    on_sqlite(|db| async move {
        let res = send(app(&db), get("/api/set_theme?theme=dark")).await;
        assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
        assert!(res.headers().get(header::SET_COOKIE).is_none());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_bodies_are_refused() {
    on_sqlite(|db| async move {
        let body = format!("theme={}", "x".repeat(server::BODY_LIMIT + 1));
        let request = Request::post("/api/set_theme")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::CONTENT_LENGTH, body.len())
            .body(Body::from(body))
            .unwrap();
        let res = send(app(&db), request).await;
        assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    })
    .await;
}

// An error carried in a link shows only when this server signed it, for
// this session, lately. A forged one (any page, any text) is dropped by a
// redirect to the same address without it; a real one, from a form posted
// without JavaScript, shows.
backend_test!(errors_in_links_show_only_when_signed, |db: Db| async move {
    demo::seed(&db).await.unwrap();
    let app = app(&db);
    // {"Conflict":"Call +1 555 0100 to keep your account"}, base64url.
    let forged = "eyJDb25mbGljdCI6IkNhbGwgKzEgNTU1IDAxMDAgdG8ga2VlcCB5b3VyIGFjY291bnQifQ==";
    let mut pages = 0;
    for listing in server::route_list() {
        let path: String = listing
            .path()
            .split('/')
            .map(|part| {
                if part.starts_with(':') || part.starts_with('{') {
                    "x"
                } else {
                    part
                }
            })
            .collect::<Vec<_>>()
            .join("/");
        let res = send(
            app.clone(),
            get(&format!("{path}?q=kept&__path=/api/sign_in&__err={forged}")),
        )
        .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{path}");
        assert_eq!(header_of(&res, header::LOCATION), format!("{path}?q=kept"));
        pages += 1;
    }
    assert!(pages >= 20, "only {pages} pages");

    // A wrong password, posted by a browser without JavaScript.
    let post = Request::post("/api/sign_in")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, "http://127.0.0.1:3000/signin")
        .body(Body::from(
            "email=ava.thompson%40northwind.example&password=not+the+password",
        ))
        .unwrap();
    let res = send(app.clone(), post).await;
    assert_eq!(res.status(), StatusCode::FOUND);
    let location = header_of(&res, header::LOCATION).to_owned();
    assert!(
        location.contains("__err=") && location.contains("__sig="),
        "{location}"
    );
    let signed = location.trim_start_matches("http://127.0.0.1:3000");
    let res = send(app.clone(), get(signed)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(text(res)
        .await
        .contains("That email and password do not match an account."));
    // The same link for someone else, or with its error changed, is dropped.
    let mut other = get(signed);
    other.headers_mut().insert(
        header::COOKIE,
        "__Host-trellis_session=someone-else".parse().unwrap(),
    );
    assert_eq!(
        send(app.clone(), other).await.status(),
        StatusCode::SEE_OTHER
    );
    let altered = signed.replacen("__err=", "__err=A", 1);
    assert_eq!(
        send(app.clone(), get(&altered)).await.status(),
        StatusCode::SEE_OTHER
    );
});

// Pages name their speculation rules (a file of this site, so the content
// security policy needs no inline script); the rules never prefetch an
// action or a sign-in step.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_name_speculation_rules_that_skip_actions() {
    on_sqlite(|db| async move {
        let request = Request::get("/program").body(Body::empty()).unwrap();
        let res = send(app(&db), request).await;
        assert_eq!(
            header_of(&res, header::HeaderName::from_static("speculation-rules")),
            r#""/speculation-rules.json""#
        );
        let request = Request::get("/speculation-rules.json")
            .body(Body::empty())
            .unwrap();
        let res = send(app(&db), request).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(
            header_of(&res, header::CONTENT_TYPE),
            "application/speculationrules+json"
        );
        let rules: serde_json::Value = serde_json::from_str(&text(res).await).unwrap();
        let prefetch = rules["prefetch"].as_array().unwrap();
        assert!(!prefetch.is_empty());
        assert!(rules.get("prerender").is_none());
        let everything = prefetch.last().unwrap().to_string();
        for never in ["/api/*", "/events", "/signin*", "/invitation/*"] {
            assert!(everything.contains(never), "{never} may be prefetched");
        }
    })
    .await;
}
