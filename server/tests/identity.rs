//! Sign-in, sessions, throttling and the audit log, through the real router
//! on both databases.

use app::{
    auth::server::{token_hash, ACCOUNT_LIMIT, COOKIE, IDLE, WINDOW},
    backend_test,
    db::Db,
    error::AppError,
    organisations::demo::{demo_id, DEMO_PASSWORD},
};
use axum::http::header;
use server::testing::{
    body_text, error_of, post_form as post, seeded_app as app, sign_in, signed_in_email as who,
};

const AVA: &str = "ava.thompson@northwind.example";

async fn audit_actions(db: &Db) -> Vec<String> {
    sqlx::query_scalar("SELECT action FROM audit_log ORDER BY at, action")
        .fetch_all(&db.pool)
        .await
        .unwrap()
}

backend_test!(
    sign_in_sets_a_host_cookie_and_rotates_the_token,
    |db: Db| async move {
        let app = app(&db).await;
        let first = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        assert!(first.starts_with(&format!("{COOKIE}=")));
        assert_eq!(who(&app, &first).await.as_deref(), Some(AVA));

        // Signing in again from the same browser gives a new token and ends the old one.
        let second = sign_in(&app, AVA, DEMO_PASSWORD, Some(&first))
            .await
            .unwrap();
        assert_ne!(first, second);
        assert_eq!(who(&app, &first).await, None);
        assert_eq!(who(&app, &second).await.as_deref(), Some(AVA));

        // Only the hash of the token is stored.
        let token = second.split_once('=').unwrap().1;
        let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE token_hash = $1")
            .bind(token_hash(token))
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(stored, 1);
        let plain: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE token_hash = $1")
            .bind(token)
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(plain, 0);
        assert!(
            audit_actions(&db)
                .await
                .iter()
                .filter(|a| *a == "sign_in")
                .count()
                == 2
        );
    }
);

backend_test!(
    wrong_passwords_get_one_message_and_no_session,
    |db: Db| async move {
        let app = app(&db).await;
        let wrong = sign_in(&app, AVA, "not the password", None)
            .await
            .unwrap_err();
        let unknown = sign_in(&app, "nobody@nowhere.example", DEMO_PASSWORD, None)
            .await
            .unwrap_err();
        assert_eq!(
            wrong, unknown,
            "the answer must not tell which emails exist"
        );
        assert_eq!(
            wrong.message_for("email"),
            Some("That email and password do not match an account.")
        );
        let sessions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(sessions, 0);
        assert!(audit_actions(&db)
            .await
            .contains(&"sign_in_failed".to_owned()));
    }
);

backend_test!(
    repeated_failures_are_throttled_then_released,
    |db: Db| async move {
        let app = app(&db).await;
        for _ in 0..ACCOUNT_LIMIT {
            let err = sign_in(&app, AVA, "guess", None).await.unwrap_err();
            assert!(matches!(err, AppError::Validation(_)));
        }
        // Even the right password waits now, with a clear time to wait.
        match sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap_err() {
            AppError::RateLimited { retry_after_secs } => {
                assert!(retry_after_secs > 0 && retry_after_secs <= WINDOW as u64)
            }
            other => panic!("expected a rate limit, got {other:?}"),
        }
        assert!(AppError::RateLimited {
            retry_after_secs: 42
        }
        .to_string()
        .contains("Try again in 42 s"));
        // Another account from the same address is not affected yet.
        sign_in(&app, "leo.martinez@northwind.example", DEMO_PASSWORD, None)
            .await
            .unwrap();
        // When the failures age out of the window, the account is free again.
        sqlx::query("UPDATE sign_in_failures SET at = at - $1")
            .bind(WINDOW)
            .execute(&db.pool)
            .await
            .unwrap();
        sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
    }
);

backend_test!(
    idle_expired_and_revoked_sessions_stop_working,
    |db: Db| async move {
        let app = app(&db).await;
        let idle = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let token = idle.split_once('=').unwrap().1.to_owned();
        sqlx::query("UPDATE sessions SET last_seen_at = last_seen_at - $1 WHERE token_hash = $2")
            .bind(IDLE + 1)
            .bind(token_hash(&token))
            .execute(&db.pool)
            .await
            .unwrap();
        assert_eq!(who(&app, &idle).await, None, "idle too long");

        let old = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let token = old.split_once('=').unwrap().1.to_owned();
        sqlx::query("UPDATE sessions SET expires_at = $1 WHERE token_hash = $2")
            .bind(app::auth::server::now() - 1)
            .bind(token_hash(&token))
            .execute(&db.pool)
            .await
            .unwrap();
        assert_eq!(who(&app, &old).await, None, "past its absolute lifetime");

        let live = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let res = post(&app, "/api/sign_out", "", Some(&live)).await;
        let cleared = res.headers()[header::SET_COOKIE].to_str().unwrap();
        assert!(cleared.contains("Max-Age=0"));
        assert_eq!(who(&app, &live).await, None, "signed out");
        assert!(audit_actions(&db).await.contains(&"sign_out".to_owned()));
    }
);

backend_test!(
    disabled_people_and_offboarded_partners_cannot_sign_in,
    |db: Db| async move {
        let app = app(&db).await;
        let session = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        sqlx::query("UPDATE people SET status = 'disabled' WHERE email = $1")
            .bind(AVA)
            .execute(&db.pool)
            .await
            .unwrap();
        assert_eq!(
            who(&app, &session).await,
            None,
            "a disabled person's sessions end"
        );
        assert!(sign_in(&app, AVA, DEMO_PASSWORD, None).await.is_err());
        // Pinecrest Consulting is offboarded in the demo data.
        assert!(
            sign_in(&app, "henry.walsh@pinecrest.example", DEMO_PASSWORD, None)
                .await
                .is_err()
        );
    }
);

backend_test!(the_audit_log_is_append_only, |db: Db| async move {
    let app = app(&db).await;
    sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
    let entry: (String, String, String) = sqlx::query_as(
        "SELECT actor_id, organisation_id, action FROM audit_log WHERE action = 'sign_in'",
    )
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        entry,
        (
            demo_id("person", "northwind-ava"),
            demo_id("org", "northwind"),
            "sign_in".to_owned()
        )
    );
    let before = audit_actions(&db).await;
    assert!(before.contains(&"sign_in".to_owned()));
    assert!(sqlx::query("UPDATE audit_log SET action = 'nothing'")
        .execute(&db.pool)
        .await
        .is_err());
    assert!(sqlx::query("DELETE FROM audit_log")
        .execute(&db.pool)
        .await
        .is_err());
    assert_eq!(audit_actions(&db).await, before);
});

backend_test!(
    partner_admins_manage_their_people_but_not_themselves,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let leo = sign_in(&app, "leo.martinez@northwind.example", DEMO_PASSWORD, None)
            .await
            .unwrap();
        let update = |person: &str, role: &str, status: &str| {
            format!(
                "person_id={}&role={role}&status={status}",
                demo_id("person", person)
            )
        };
        // Disabling Leo ends his session at once.
        let res = post(
            &app,
            "/api/update_person",
            &update("northwind-leo", "partner_user", "disabled"),
            Some(&ava),
        )
        .await;
        assert!(res.status().is_success());
        assert_eq!(who(&app, &leo).await, None);
        assert!(
            sign_in(&app, "leo.martinez@northwind.example", DEMO_PASSWORD, None)
                .await
                .is_err()
        );
        // Promoting Mia works; a vendor role does not; nor changing oneself.
        let res = post(
            &app,
            "/api/update_person",
            &update("northwind-mia", "partner_admin", "active"),
            Some(&ava),
        )
        .await;
        assert!(res.status().is_success());
        let res = post(
            &app,
            "/api/update_person",
            &update("northwind-mia", "program_admin", "active"),
            Some(&ava),
        )
        .await;
        let err = error_of(res).await;
        assert!(err.message_for("role").is_some(), "{err:?}");
        let res = post(
            &app,
            "/api/update_person",
            &update("northwind-ava", "partner_user", "active"),
            Some(&ava),
        )
        .await;
        let err = error_of(res).await;
        assert!(err.message_for("person_id").is_some(), "{err:?}");
        let roles: Vec<(String, String)> = sqlx::query_as(
        "SELECT email, role || '/' || status FROM people WHERE organisation_id = $1 ORDER BY email",
    )
    .bind(demo_id("org", "northwind"))
    .fetch_all(&db.pool)
    .await
    .unwrap();
        assert_eq!(
            roles,
            [
                (
                    "ava.thompson@northwind.example".to_owned(),
                    "partner_admin/active".to_owned()
                ),
                (
                    "leo.martinez@northwind.example".to_owned(),
                    "partner_user/disabled".to_owned()
                ),
                (
                    "mia.chen@northwind.example".to_owned(),
                    "partner_admin/active".to_owned()
                ),
            ]
        );
        assert!(
            audit_actions(&db)
                .await
                .iter()
                .filter(|a| *a == "person_updated")
                .count()
                == 2
        );
    }
);

backend_test!(
    bad_profile_input_is_refused_field_by_field_and_changes_nothing,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let northwind = demo_id("org", "northwind");
        let contact_of = || async {
            sqlx::query_scalar::<_, Option<String>>(
                "SELECT contact_name FROM organisations WHERE id = $1",
            )
            .bind(&northwind)
            .fetch_one(&db.pool)
            .await
            .unwrap()
        };
        let before = contact_of().await;
        let body = format!(
        "id={northwind}&website=not+a+site&description=&contact_name=Ava&contact_email=nope&contact_phone=call+me"
    );
        let res = post(&app, "/api/update_organisation", &body, Some(&ava)).await;
        let err = error_of(res).await;
        for field in ["website", "contact_email", "contact_phone"] {
            assert!(err.message_for(field).is_some(), "{field}: {err:?}");
        }
        assert!(err.message_for("contact_name").is_none());
        assert_eq!(contact_of().await, before, "nothing was saved");

        let body = format!(
        "id={northwind}&website=Northwind.example&description=Resellers+since+1999&contact_name=Ava+Thompson&contact_email=Partners%40Northwind.example&contact_phone=%2B1+555+0100"
    );
        let res = post(&app, "/api/update_organisation", &body, Some(&ava)).await;
        assert!(res.status().is_success());
        let saved: (String, String, String) = sqlx::query_as(
            "SELECT website, contact_email, contact_phone FROM organisations WHERE id = $1",
        )
        .bind(&northwind)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(
            saved,
            (
                "northwind.example".into(),
                "partners@northwind.example".into(),
                "+1 555 0100".into()
            )
        );
        assert!(audit_actions(&db)
            .await
            .contains(&"profile_updated".to_owned()));
    }
);

backend_test!(
    only_the_program_admin_reads_the_audit_log_of_everyone,
    |db: Db| async move {
        let app = app(&db).await;
        sign_in(&app, "leo.martinez@northwind.example", DEMO_PASSWORD, None)
            .await
            .unwrap();
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let priya = sign_in(&app, "priya.raman@acmecloud.example", DEMO_PASSWORD, None)
            .await
            .unwrap();
        let res = post(&app, "/api/audit_entries", "organisation_id=", Some(&ava)).await;
        assert_eq!(error_of(res).await, AppError::Forbidden);
        let res = post(&app, "/api/audit_entries", "organisation_id=", Some(&priya)).await;
        let entries: serde_json::Value = serde_json::from_str(&body_text(res).await).unwrap();
        let actors: std::collections::BTreeSet<&str> = entries
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["action"] == "sign_in")
            .filter_map(|e| e["actor"].as_str())
            .collect();
        // Everyone's sign-ins, across organisations.
        let expected: std::collections::BTreeSet<&str> =
            ["Ava Thompson", "Leo Martinez", "Priya Raman"]
                .into_iter()
                .collect();
        assert_eq!(actors, expected);
    }
);
