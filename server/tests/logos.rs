//! Logo upload and download through the real router on both databases:
//! who may, what is refused, and that another partner's logo is out of
//! reach.

use std::io::Cursor;

use app::{
    backend_test,
    db::Db,
    organisations::demo::{demo_id, DEMO_PASSWORD},
};
use axum::{
    body::Body,
    http::{header, Request, Response, StatusCode},
    Router,
};
use image::{ImageBuffer, ImageFormat, Rgb};
use server::testing::{body_text, get_page, location_of, seeded_app as app, sign_in};
use tower::ServiceExt;

const BOUNDARY: &str = "trellis-test-boundary";

fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let img = ImageBuffer::from_fn(width, height, |x, _| Rgb([x as u8, 120, 200]));
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

async fn upload(
    app: &Router,
    organisation: &str,
    cookie: Option<&str>,
    file: &[u8],
    site: &str,
) -> Response<Body> {
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"logo\"; filename=\"logo.png\"\r\n\
         Content-Type: image/png\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    let mut request = Request::post(format!("/organisations/{organisation}/logo"))
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .header("sec-fetch-site", site);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    app.clone()
        .oneshot(request.body(Body::from(body)).unwrap())
        .await
        .unwrap()
}

/// The app, with the demo's logos (Northwind's and Bluepeak's, for their
/// campaigns) taken away: these tests start from organisations without one.
async fn app_without_logos(db: &Db) -> axum::Router {
    let app = app(db).await;
    sqlx::query("DELETE FROM organisation_logos")
        .execute(&db.pool)
        .await
        .unwrap();
    app
}

async fn stored_logos(db: &Db) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM organisation_logos")
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

backend_test!(
    a_partner_admin_uploads_a_logo_that_is_re_encoded,
    |db: Db| async move {
        let app = app_without_logos(&db).await;
        let northwind = demo_id("org", "northwind");
        let ava = sign_in(&app, "ava.thompson@northwind.example", DEMO_PASSWORD, None)
            .await
            .unwrap();
        let res = upload(&app, &northwind, Some(&ava), &jpeg(800, 400), "same-origin").await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let expected = format!("/organisations/{northwind}?logo=saved");
        assert_eq!(location_of(&res), Some(expected.as_str()));

        let res = get_page(&app, &format!("/organisations/{northwind}/logo"), &ava).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()[header::CONTENT_TYPE], "image/png");
        let etag = res.headers()[header::ETAG].to_str().unwrap().to_owned();
        let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap();
        assert!(
            bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
            "stored as PNG, not the JPEG sent"
        );
        let stored = image::load_from_memory(&bytes).unwrap();
        assert_eq!((stored.width(), stored.height()), (512, 256));

        // Unchanged logos are revalidated, not sent again.
        let again = app
            .clone()
            .oneshot(
                Request::get(format!("/organisations/{northwind}/logo"))
                    .header(header::COOKIE, &ava)
                    .header(header::IF_NONE_MATCH, &etag)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);

        // The profile shows it.
        let page =
            body_text(get_page(&app, &format!("/organisations/{northwind}"), &ava).await).await;
        assert!(page.contains(&format!("/organisations/{northwind}/logo?v=")));
        assert!(page.contains("Northwind Solutions logo"));
        let audit: Vec<String> = sqlx::query_scalar(
            "SELECT detail FROM audit_log WHERE action = 'logo_updated' AND organisation_id = $1",
        )
        .bind(&northwind)
        .fetch_all(&db.pool)
        .await
        .unwrap();
        assert_eq!(audit.len(), 1);
        assert!(audit[0].starts_with("512 × 256 PNG"), "{}", audit[0]);
    }
);

backend_test!(
    bad_files_are_refused_with_a_reason_and_change_nothing,
    |db: Db| async move {
        let app = app_without_logos(&db).await;
        let northwind = demo_id("org", "northwind");
        let ava = sign_in(&app, "ava.thompson@northwind.example", DEMO_PASSWORD, None)
            .await
            .unwrap();
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#;
        let mut too_large = jpeg(16, 16);
        too_large.resize(1024 * 1024 + 1, 0);
        for (file, reason) in [
            (svg.to_vec(), "svg"),
            (too_large, "too-large"),
            (b"MZ\x90\x00 an executable".to_vec(), "not-an-image"),
            (Vec::new(), "missing"),
        ] {
            let res = upload(&app, &northwind, Some(&ava), &file, "same-origin").await;
            let expected = format!("/organisations/{northwind}?logo={reason}");
            assert_eq!(location_of(&res), Some(expected.as_str()));
        }
        assert_eq!(stored_logos(&db).await, 0);
        // The page says why.
        let page = get_page(&app, &format!("/organisations/{northwind}?logo=svg"), &ava).await;
        assert!(body_text(page).await.contains("SVG files are not accepted"));
    }
);

backend_test!(logos_follow_the_access_policy, |db: Db| async move {
    let app = app_without_logos(&db).await;
    let northwind = demo_id("org", "northwind");
    let bluepeak = demo_id("org", "bluepeak");
    let ava = sign_in(&app, "ava.thompson@northwind.example", DEMO_PASSWORD, None)
        .await
        .unwrap();
    let leo = sign_in(&app, "leo.martinez@northwind.example", DEMO_PASSWORD, None)
        .await
        .unwrap();
    let oliver = sign_in(&app, "oliver.grant@bluepeak.example", DEMO_PASSWORD, None)
        .await
        .unwrap();
    let marcus = sign_in(&app, "marcus.webb@acmecloud.example", DEMO_PASSWORD, None)
        .await
        .unwrap();
    let file = jpeg(64, 64);
    assert_eq!(
        upload(&app, &bluepeak, Some(&oliver), &file, "same-origin")
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    // Another partner's logo: neither written nor read, and not even
    // confirmed to exist.
    assert_eq!(
        upload(&app, &bluepeak, Some(&ava), &file, "same-origin")
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let read = get_page(&app, &format!("/organisations/{bluepeak}/logo"), &ava).await;
    assert_eq!(read.status(), StatusCode::NOT_FOUND);
    // A partner user may look but not change; vendor staff may look.
    assert_eq!(
        upload(&app, &northwind, Some(&leo), &file, "same-origin")
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        upload(&app, &northwind, Some(&marcus), &file, "same-origin")
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let read = get_page(&app, &format!("/organisations/{bluepeak}/logo"), &marcus).await;
    assert_eq!(read.status(), StatusCode::OK);
    // Nobody signed in; a cross-site form.
    let anonymous = upload(&app, &northwind, None, &file, "same-origin").await;
    assert_eq!(location_of(&anonymous), Some("/signin"));
    let read = get_page(&app, &format!("/organisations/{bluepeak}/logo"), "x=y").await;
    assert_eq!(read.status(), StatusCode::UNAUTHORIZED);
    let forged = upload(&app, &northwind, Some(&ava), &file, "cross-site").await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let logos: Vec<String> = sqlx::query_scalar("SELECT organisation_id FROM organisation_logos")
        .fetch_all(&db.pool)
        .await
        .unwrap();
    assert_eq!(logos, vec![bluepeak]);
});
