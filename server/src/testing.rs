//! Helpers for the router tests in `server/tests/`: a seeded app, form
//! posts the way a browser's server-function call makes them, sign-in.
//! (Shared here rather than copied into each test file.)

use app::{db::Db, error::AppError, organisations::demo};
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

/// The whole router on `db`, with the demo program seeded.
pub async fn seeded_app(db: &Db) -> Router {
    demo::seed(db).await.expect("demo seed");
    router(
        AppState::new(test_options(PUBLIC_DIR), db.clone())
            .with_public_url(Some(PUBLIC_URL.into())),
    )
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

pub async fn body_text(res: Response<Body>) -> String {
    let bytes = res.into_body().collect().await.expect("a body").to_bytes();
    String::from_utf8(bytes.to_vec()).expect("utf-8 body")
}

/// The `AppError` a failed server-function call answered with.
pub async fn error_of(res: Response<Body>) -> AppError {
    AppError::de(res.into_body().collect().await.expect("a body").to_bytes())
}

/// Signs in and returns the session cookie (`name=value`), checking the
/// cookie's protections on the way.
pub async fn sign_in(
    app: &Router,
    email: &str,
    password: &str,
    cookie: Option<&str>,
) -> Result<String, AppError> {
    let body = format!(
        "email={}&password={}",
        form_value(email),
        form_value(password)
    );
    let res = post_form(app, "/api/sign_in", &body, cookie).await;
    if !res.status().is_success() {
        return Err(error_of(res).await);
    }
    let set = res.headers()[header::SET_COOKIE]
        .to_str()
        .expect("ascii cookie")
        .to_owned();
    assert!(set.contains("HttpOnly") && set.contains("Secure") && set.contains("SameSite=Lax"));
    Ok(set.split(';').next().unwrap_or_default().to_owned())
}
