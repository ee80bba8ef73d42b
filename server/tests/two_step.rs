//! Two-step sign-in through the real router on both databases: the code
//! step, replay, recovery codes, trusted devices, setting it up, and the
//! program setting that requires it of partners.

use app::{
    auth::{
        mfa::{code_at, DEMO_SECRET, DEVICE_COOKIE},
        server::{now, ACCOUNT_LIMIT},
    },
    backend_test,
    db::Db,
    error::AppError,
    organisations::demo::DEMO_PASSWORD,
};
use axum::{body::Body, http::Response, Router};
use server::testing::{
    body_text, error_of, get_page, location_of, post_form as post, seeded_app as app,
    session_cookie_of, set_cookie, sign_in, sign_in_password, signed_in_email as who,
};

const PRIYA: &str = "priya.raman@acmecloud.example";
const AVA: &str = "ava.thompson@northwind.example";

fn demo_code() -> String {
    code_at(DEMO_SECRET, now() as u64).unwrap()
}

async fn verify(app: &Router, session: &str, body: &str) -> Response<Body> {
    post(app, "/api/verify_second_factor", body, Some(session)).await
}

fn device_cookie_of(res: &Response<Body>) -> Option<String> {
    set_cookie(res, DEVICE_COOKIE).map(|v| v.split(';').next().unwrap_or_default().to_owned())
}

async fn audit_details(db: &Db, action: &str) -> Vec<Option<String>> {
    sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = $1 ORDER BY at")
        .bind(action)
        .fetch_all(&db.pool)
        .await
        .unwrap()
}

fn wrong_code() -> AppError {
    AppError::field(
        "code",
        "That code is not right or was already used. Enter the code your app shows now.",
    )
}

backend_test!(
    vendor_staff_need_a_code_after_the_password,
    |db: Db| async move {
        let app = app(&db).await;
        let (pending, next) = sign_in_password(&app, PRIYA, DEMO_PASSWORD, None)
            .await
            .unwrap();
        assert_eq!(next, "/signin/verify");
        // The password alone signs nobody in: no viewer, no server functions.
        assert_eq!(who(&app, &pending).await, None);
        let sessions = post(&app, "/api/my_sessions", "", Some(&pending)).await;
        assert_eq!(error_of(sessions).await, AppError::Unauthenticated);
        let home = get_page(&app, "/home", &pending).await;
        assert_eq!(location_of(&home), Some("/signin/verify"));

        let res = verify(&app, &pending, &format!("code={}", demo_code())).await;
        assert!(res.status().is_success(), "{}", body_text(res).await);
        assert_eq!(location_of(&res), Some("/home"));
        let full = session_cookie_of(&res).unwrap();
        assert_ne!(full, pending, "a new token once both factors are given");
        assert_eq!(who(&app, &full).await.as_deref(), Some(PRIYA));
        assert_eq!(who(&app, &pending).await, None, "the half session is gone");
        assert_eq!(
            audit_details(&db, "sign_in").await,
            vec![Some("authenticator code".to_owned())]
        );
    }
);

backend_test!(
    a_code_works_once_and_wrong_codes_are_throttled,
    |db: Db| async move {
        let app = app(&db).await;
        let code = demo_code();
        let (first, _) = sign_in_password(&app, PRIYA, DEMO_PASSWORD, None)
            .await
            .unwrap();
        assert!(verify(&app, &first, &format!("code={code}"))
            .await
            .status()
            .is_success());
        // The same code again (a replay) is refused.
        let (second, _) = sign_in_password(&app, PRIYA, DEMO_PASSWORD, None)
            .await
            .unwrap();
        let replay = verify(&app, &second, &format!("code={code}")).await;
        assert_eq!(error_of(replay).await, wrong_code());

        // Wrong codes count like wrong passwords: the account is throttled,
        // and entering the password again does not reset the count.
        for attempt in 1..ACCOUNT_LIMIT {
            let res = verify(&app, &second, "code=000000").await;
            assert_eq!(error_of(res).await, wrong_code());
            if attempt == 2 {
                sign_in_password(&app, PRIYA, DEMO_PASSWORD, None)
                    .await
                    .unwrap();
            }
        }
        match error_of(verify(&app, &second, "code=000000").await).await {
            AppError::RateLimited { retry_after_secs } => assert!(retry_after_secs > 0),
            other => panic!("expected throttling, got {other:?}"),
        }
        assert_eq!(audit_details(&db, "second_factor_failed").await.len(), 5);
        match sign_in_password(&app, PRIYA, DEMO_PASSWORD, None).await {
            Err(AppError::RateLimited { .. }) => {}
            other => panic!("the password must be throttled too, got {other:?}"),
        }
        assert_eq!(who(&app, &second).await, None);
    }
);

backend_test!(
    setting_up_gives_recovery_codes_that_work_once,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let status = post(&app, "/api/two_step_status", "", Some(&ava)).await;
        let status: serde_json::Value = serde_json::from_str(&body_text(status).await).unwrap();
        assert_eq!(status["enabled_at"], serde_json::Value::Null);
        assert_eq!(
            status["required"], false,
            "optional for partners by default"
        );
        let setup = &status["setup"];
        assert!(setup["qr_svg"].as_str().unwrap().starts_with("<svg"));
        let secret: String = setup["secret"].as_str().unwrap().replace(' ', "");
        let codes: Vec<String> = setup["recovery_codes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap().to_owned())
            .collect();
        assert_eq!(codes.len(), 10);
        // Reloading the page shows the same set-up.
        let again = post(&app, "/api/two_step_status", "", Some(&ava)).await;
        let again: serde_json::Value = serde_json::from_str(&body_text(again).await).unwrap();
        assert_eq!(&again["setup"], setup);

        let wrong = post(&app, "/api/confirm_two_step", "code=000000", Some(&ava)).await;
        assert_eq!(
            error_of(wrong).await,
            AppError::field(
                "code",
                "That code is not right. Enter the 6-digit code your app shows now."
            )
        );
        let code = code_at(&secret, now() as u64).unwrap();
        let res = post(
            &app,
            "/api/confirm_two_step",
            &format!("code={code}"),
            Some(&ava),
        )
        .await;
        assert!(res.status().is_success(), "{}", body_text(res).await);
        let rotated = session_cookie_of(&res).unwrap();
        assert_eq!(who(&app, &rotated).await.as_deref(), Some(AVA));
        assert_eq!(
            who(&app, &ava).await,
            None,
            "other sessions end when it is turned on"
        );
        let notices: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM outbox WHERE to_address = $1 AND subject LIKE 'Two-step%'",
        )
        .bind(AVA)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(notices, 1);

        // Now her sign-in asks for a code; a recovery code does, once.
        let (pending, next) = sign_in_password(&app, AVA, DEMO_PASSWORD, None)
            .await
            .unwrap();
        assert_eq!(next, "/signin/verify");
        let typed = codes[3].to_uppercase().replace('-', " ");
        let res = verify(&app, &pending, &format!("code={}", typed.replace(' ', "+"))).await;
        assert!(res.status().is_success(), "{}", body_text(res).await);
        // Several sign-ins fall in the same second: count, don't order.
        assert_eq!(
            audit_details(&db, "sign_in")
                .await
                .iter()
                .filter(|d| d.as_deref() == Some("recovery code"))
                .count(),
            1,
            "the sign-in by recovery code is recorded as such"
        );
        let (pending, _) = sign_in_password(&app, AVA, DEMO_PASSWORD, None)
            .await
            .unwrap();
        let reused = verify(&app, &pending, &format!("code={}", codes[3])).await;
        assert_eq!(error_of(reused).await, wrong_code());
        let left: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM recovery_codes WHERE used_at IS NULL")
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert_eq!(left, 9);
        let warned: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM outbox WHERE to_address = $1 AND subject LIKE 'A recovery code%'",
        )
        .bind(AVA)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(warned, 1);
    }
);

backend_test!(
    a_trusted_device_skips_the_code_until_the_password_changes,
    |db: Db| async move {
        let app = app(&db).await;
        let (pending, _) = sign_in_password(&app, PRIYA, DEMO_PASSWORD, None)
            .await
            .unwrap();
        let res = verify(
            &app,
            &pending,
            &format!("code={}&trust_device=on", demo_code()),
        )
        .await;
        assert!(res.status().is_success());
        let device = device_cookie_of(&res).expect("a device cookie");
        let set = set_cookie(&res, DEVICE_COOKIE).unwrap().to_owned();
        assert!(
            set.contains("HttpOnly") && set.contains("Secure") && set.contains("Max-Age=2592000")
        );

        let (session, next) = sign_in_password(&app, PRIYA, DEMO_PASSWORD, Some(&device))
            .await
            .unwrap();
        assert_eq!(next, "/home", "the trusted device needs no code");
        assert_eq!(who(&app, &session).await.as_deref(), Some(PRIYA));

        // Another person on the same browser still needs their own code.
        let (marcus, next) = sign_in_password(
            &app,
            "marcus.webb@acmecloud.example",
            DEMO_PASSWORD,
            Some(&device),
        )
        .await
        .unwrap();
        assert_eq!(next, "/signin/verify");
        assert_eq!(who(&app, &marcus).await, None);

        // A password change forgets every trusted device.
        sqlx::query("UPDATE trusted_devices SET revoked_at = NULL")
            .execute(&db.pool)
            .await
            .unwrap();
        app::auth::mfa::revoke_trusted_devices(
            &db.pool,
            &app::organisations::demo::demo_id("person", "priya-raman"),
        )
        .await
        .unwrap();
        let (_, next) = sign_in_password(&app, PRIYA, DEMO_PASSWORD, Some(&device))
            .await
            .unwrap();
        assert_eq!(next, "/signin/verify");
    }
);

backend_test!(
    the_program_can_require_it_of_partners,
    |db: Db| async move {
        let app = app(&db).await;
        let priya = sign_in(&app, PRIYA, DEMO_PASSWORD, None).await.unwrap();
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        // Only the program admin changes it.
        let denied = post(
            &app,
            "/api/update_security_settings",
            "require_partner_mfa=on",
            Some(&ava),
        )
        .await;
        assert_eq!(error_of(denied).await, AppError::Forbidden);
        let res = post(
            &app,
            "/api/update_security_settings",
            "require_partner_mfa=on",
            Some(&priya),
        )
        .await;
        assert!(res.status().is_success());
        let settings = post(&app, "/api/security_settings", "", Some(&priya)).await;
        assert!(body_text(settings)
            .await
            .contains("\"require_partner_mfa\":true"));

        // Ava's next sign-in may only set it up.
        let (enrolling, next) = sign_in_password(&app, AVA, DEMO_PASSWORD, None)
            .await
            .unwrap();
        assert_eq!(next, "/account/two-step");
        assert_eq!(who(&app, &enrolling).await, None);
        let sessions = post(&app, "/api/my_sessions", "", Some(&enrolling)).await;
        assert_eq!(error_of(sessions).await, AppError::Unauthenticated);
        let status = post(&app, "/api/two_step_status", "", Some(&enrolling)).await;
        let status: serde_json::Value = serde_json::from_str(&body_text(status).await).unwrap();
        assert_eq!(status["required"], true);
        let secret = status["setup"]["secret"].as_str().unwrap().replace(' ', "");
        let code = code_at(&secret, now() as u64).unwrap();
        let res = post(
            &app,
            "/api/confirm_two_step",
            &format!("code={code}"),
            Some(&enrolling),
        )
        .await;
        assert!(res.status().is_success(), "{}", body_text(res).await);
        let full = session_cookie_of(&res).unwrap();
        assert_eq!(who(&app, &full).await.as_deref(), Some(AVA));
        // Her session from before the requirement ended with the set-up.
        assert_eq!(who(&app, &ava).await, None);
        assert_eq!(
            audit_details(&db, "security_settings_updated").await,
            vec![Some("two-step sign-in required for partners".to_owned())]
        );
    }
);
