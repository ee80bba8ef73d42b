//! Helpers for the router tests in `server/tests/`: a seeded app, form
//! posts the way a browser's server-function call makes them, sign-in.
//! (Shared here rather than copied into each test file.)

use app::{db::Db, demo, error::AppError};
use axum::{
    body::Body,
    http::{header, Request, Response},
    Router,
};
use http_body_util::BodyExt;
use leptos::{prelude::LeptosOptions, server_fn::error::FromServerFnError};
use tower::ServiceExt;

use crate::{router, AppState};

/// The repository's `public/` folder, which holds the manifest and icons.
pub const PUBLIC_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../public");
/// The public URL test apps believe they are served at.
pub const PUBLIC_URL: &str = "https://partners.acme.example";

pub fn test_options(site_root: &str) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("trellis")
        .site_root(site_root)
        .site_pkg_dir("pkg")
        .build()
}

/// The whole router on `db`, with the demo program seeded. Errors the
/// server logs (an internal error's cause) go to the test's output, shown
/// when it fails.
pub async fn seeded_app(db: &Db) -> Router {
    router(seeded_state(db).await)
}

/// The state [`seeded_app`] builds its router on, with the demo program
/// seeded: for a test that reaches into it (e.g. to flush counted views).
pub async fn seeded_state(db: &Db) -> AppState {
    // Only the first test of a binary installs it; the others find it there.
    let _ = tracing_subscriber::fmt()
        .with_test_writer()
        .with_env_filter(tracing_subscriber::EnvFilter::new("error"))
        .try_init();
    demo::seed(db).await.expect("demo seed");
    AppState::new(test_options(PUBLIC_DIR), db.clone()).with_public_url(Some(PUBLIC_URL.into()))
}

/// A form value as a browser would encode it (enough for emails and spaces).
pub fn form_value(value: &str) -> String {
    value
        .replace('%', "%25")
        .replace('@', "%40")
        .replace(' ', "+")
        .replace('&', "%26")
}

/// POSTs a urlencoded form, as the server-function client does.
pub async fn post_form(
    app: &Router,
    path: &str,
    body: &str,
    cookie: Option<&str>,
) -> Response<Body> {
    let mut request = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    app.clone()
        .oneshot(
            request
                .body(Body::from(body.to_owned()))
                .expect("valid request"),
        )
        .await
        .expect("the router never fails")
}

/// Posts `bytes` as the file `name` of a multipart form to `path`, as a
/// browser without JavaScript does.
pub async fn post_file(
    app: &Router,
    path: &str,
    name: &str,
    bytes: &[u8],
    cookie: &str,
) -> Response<Body> {
    let boundary = "trellis-test-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
         Content-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let request = Request::post(path)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::COOKIE, cookie)
        .body(Body::from(body))
        .expect("valid request");
    app.clone()
        .oneshot(request)
        .await
        .expect("the router never fails")
}

/// GETs a page with a session cookie, as a browser navigating would.
pub async fn get_page(app: &Router, path: &str, cookie: &str) -> Response<Body> {
    let request = Request::get(path)
        .header(header::COOKIE, cookie)
        .body(Body::empty())
        .expect("valid request");
    app.clone()
        .oneshot(request)
        .await
        .expect("the router never fails")
}

pub async fn body_text(res: Response<Body>) -> String {
    let bytes = res.into_body().collect().await.expect("a body").to_bytes();
    String::from_utf8(bytes.to_vec()).expect("utf-8 body")
}

/// The `AppError` a failed server-function call answered with.
pub async fn error_of(res: Response<Body>) -> AppError {
    AppError::de(res.into_body().collect().await.expect("a body").to_bytes())
}

/// The whole `Set-Cookie` header a response sets for cookie `name`.
pub fn set_cookie<'a>(res: &'a Response<Body>, name: &str) -> Option<&'a str> {
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
}

/// The session cookie (`name=value`) a response sets, checking its
/// protections on the way.
pub fn session_cookie_of(res: &Response<Body>) -> Option<String> {
    let set = set_cookie(res, app::auth::server::COOKIE)?;
    assert!(set.contains("HttpOnly") && set.contains("Secure") && set.contains("SameSite=Lax"));
    Some(set.split(';').next().unwrap_or_default().to_owned())
}

/// Where a server function sent the browser next.
pub fn location_of(res: &Response<Body>) -> Option<&str> {
    res.headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
}

/// Signs in with the password only and returns the session cookie, which
/// may still wait for the second factor (see [`sign_in`]).
pub async fn sign_in_password(
    app: &Router,
    email: &str,
    password: &str,
    cookie: Option<&str>,
) -> Result<(String, String), AppError> {
    let body = format!(
        "email={}&password={}",
        form_value(email),
        form_value(password)
    );
    let res = post_form(app, "/api/sign_in", &body, cookie).await;
    if !res.status().is_success() {
        return Err(error_of(res).await);
    }
    let next = location_of(&res).unwrap_or_default().to_owned();
    Ok((session_cookie_of(&res).expect("a session cookie"), next))
}

/// Signs in and returns the session cookie. Vendor demo staff have
/// two-step sign-in on: their code comes from the demo's published secret,
/// as an authenticator app would make it.
pub async fn sign_in(
    app: &Router,
    email: &str,
    password: &str,
    cookie: Option<&str>,
) -> Result<String, AppError> {
    let (session, next) = sign_in_password(app, email, password, cookie).await?;
    if next != "/signin/verify" {
        return Ok(session);
    }
    // A code is accepted once; a second sign-in within the same 30 s uses
    // the next step's code, which the one step of allowed skew accepts.
    let now = app::auth::server::now() as u64;
    let mut last = None;
    for at in [now, now + 30] {
        let code = app::auth::mfa::code_at(app::auth::mfa::DEMO_SECRET, at).expect("demo secret");
        let res = post_form(
            app,
            "/api/verify_second_factor",
            &format!("code={code}"),
            Some(&session),
        )
        .await;
        if res.status().is_success() {
            return Ok(session_cookie_of(&res).expect("a full session cookie"));
        }
        last = Some(error_of(res).await);
    }
    Err(last.expect("tried at least once"))
}

/// The signed-in person's email for a session cookie, or `None`.
pub async fn signed_in_email(app: &Router, cookie: &str) -> Option<String> {
    let res = post_form(app, "/api/current_viewer", "", Some(cookie)).await;
    let value: serde_json::Value =
        serde_json::from_str(&body_text(res).await).expect("a JSON answer");
    value["email"].as_str().map(str::to_owned)
}

/// A complete deal registration for `company` at `domain` (may be empty),
/// as the form's (name, value) pairs.
pub fn registration<'a>(company: &'a str, domain: &'a str) -> [(&'static str, &'a str); 12] {
    [
        ("deal[customer_company]", company),
        ("deal[customer_domain]", domain),
        ("deal[contact_name]", "Gavin Belson"),
        ("deal[contact_email]", "gavin@hooli.example"),
        ("deal[contact_phone]", ""),
        ("deal[country]", "United States"),
        ("deal[products]", "Acme Compute"),
        ("deal[value]", "250000"),
        ("deal[currency]", "USD"),
        ("deal[expected_close]", "2099-06-30"),
        ("deal[partner_role]", "sourced"),
        ("deal[notes]", ""),
    ]
}

/// (name, value) pairs as a urlencoded form body.
pub fn form_body(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(name, value)| format!("{name}={}", form_value(value)))
        .collect::<Vec<_>>()
        .join("&")
}
