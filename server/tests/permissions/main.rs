//! The permission table: every server function × every role (and nobody)
//! × the caller's own organisation's records and another organisation's.
//! A server function without a row fails the test, so a new one cannot be
//! forgotten. Runs on SQLite and PostgreSQL. The same table drives the
//! disclosure check (`disclosure.rs`: what another party may see is an
//! allow-list) and the malformed-request check (`malformed.rs`).

mod disclosure;
mod funds;
mod malformed;
mod table;

use std::collections::BTreeSet;

use app::{backend_test, db::Db, organisations::demo::demo_id};
use leptos::server_fn::axum::server_fn_paths;
use table::{attempt, Expect, Fixture, Target, Who, EVERYONE};

/// The other partner's people, addresses and customers: none may ever
/// appear in an answer to a Northwind caller (beside the markers of
/// `disclosure.rs`). Its name may: Northwind co-sells one of its deals.
const OTHER_PARTNER_MARKERS: &[&str] = &[
    "bluepeak.example",
    "Oliver Grant",
    "Wayne Enterprises",
    "Stark Industries",
];

backend_test!(
    every_server_function_every_role_both_tenants,
    |db: Db| async move {
        let fx = Fixture::new(db).await;
        let marked = disclosure::plant(&fx.db).await;
        // Before the sweep, which ends every caller's session.
        disclosure::check_reads_and_pages(&fx, &marked).await;
        let registered: BTreeSet<&str> = server_fn_paths().map(|(path, _)| path).collect();
        assert!(registered.len() >= 36, "found only {registered:?}");
        let mut attempts = 0;
        let mut cross_tenant_leaks = Vec::new();
        // sign_out ends the caller's session, so it goes last.
        let mut order: Vec<&str> = registered.iter().copied().collect();
        order.sort_by_key(|p| *p == "/api/sign_out");
        for path in order {
            for who in EVERYONE {
                for target in [Target::Own, Target::Other] {
                    let (body, expect) = attempt(&fx, path, who, target);
                    if path == "/api/sign_in" {
                        // Throttling has tests of its own; here every attempt must
                        // meet the password check, not the rate limit.
                        sqlx::query("DELETE FROM sign_in_failures")
                            .execute(&fx.db.pool)
                            .await
                            .unwrap();
                    }
                    let outcome = fx.call(who, path, body).await;
                    attempts += 1;
                    match (&expect, &outcome) {
                        (Expect::Allowed, Ok((_, text))) => {
                            if !who.is_vendor() {
                                let leaks = OTHER_PARTNER_MARKERS
                                    .iter()
                                    .map(|m| m.to_string())
                                    .filter(|m| text.contains(m.as_str()))
                                    .chain(marked.leaks(text));
                                for marker in leaks {
                                    cross_tenant_leaks
                                        .push(format!("{path} {who:?} {target:?}: {marker}"));
                                }
                            }
                        }
                        (Expect::Denied(want), Err(got)) => {
                            assert_eq!(got, want, "{path} as {who:?} on {target:?}")
                        }
                        _ => panic!(
                            "{path} as {who:?} on {target:?}: expected {expect:?}, got {outcome:?}"
                        ),
                    }
                }
            }
        }
        assert_eq!(cross_tenant_leaks, Vec::<String>::new());
        // The other partner's session survived every attempt on it.
        let revoked: Option<i64> =
            sqlx::query_scalar("SELECT revoked_at FROM sessions WHERE id = $1")
                .bind(&fx.other_session_id)
                .fetch_one(&fx.db.pool)
                .await
                .unwrap();
        assert_eq!(revoked, None, "another partner's session was revoked");
        let bluepeak_site: Option<String> =
            sqlx::query_scalar("SELECT website FROM organisations WHERE id = $1")
                .bind(demo_id("org", "bluepeak"))
                .fetch_one(&fx.db.pool)
                .await
                .unwrap();
        assert_eq!(
            bluepeak_site.as_deref(),
            Some("bluepeak.example"),
            "another partner's profile changed"
        );
        // Only the allowed invitations created anyone (beside the demo's
        // approved applicant), and none in another partner's organisation
        // by a partner.
        let invited: Vec<String> = sqlx::query_scalar(
            "SELECT email FROM people WHERE status = 'invited' AND email NOT IN \
                 (SELECT contact_email FROM applications WHERE status = 'approved') ORDER BY email",
        )
        .fetch_all(&fx.db.pool)
        .await
        .unwrap();
        assert_eq!(
            invited,
            [
                "invitee-partneradmin-own@example.com",
                "invitee-programadmin-other@example.com",
                "invitee-programadmin-own@example.com"
            ]
        );
        println!(
            "permission table: {attempts} attempts over {} server functions",
            registered.len()
        );
        assert_eq!(attempts, registered.len() * EVERYONE.len() * 2);
    }
);

backend_test!(
    malformed_requests_are_refused_and_change_nothing,
    |db: Db| async move {
        let fx = Fixture::new(db).await;
        let paths: Vec<&str> = server_fn_paths()
            .map(|(path, _)| path)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let sent = malformed::check(&fx, &paths, &[Who::ProgramAdmin, Who::PartnerAdmin]).await;
        println!(
            "malformed requests: {sent} over {} server functions, none answered 5xx or 2xx, \
             none changed a row",
            paths.len()
        );
        assert!(sent > 500, "only {sent} malformed requests");
    }
);
