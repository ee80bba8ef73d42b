//! Offboarding through the real router on both databases: the partner's
//! people lose access at once, its open registrations are released or
//! transferred, its history stays readable to vendor staff, and it can be
//! reinstated; bad input changes nothing.

use app::{
    backend_test,
    db::Db,
    error::AppError,
    organisations::demo::{demo_id, DEMO_PASSWORD},
};
use server::testing::{error_of, post_form as post, seeded_app as app, sign_in};

const PRIYA: &str = "priya.raman@acmecloud.example";
const NOAH: &str = "noah.tremblay@quantix.example";

async fn open_deals(db: &Db, org: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM deals WHERE organisation_id = $1 AND status IN ('submitted', 'more_info', 'approved')",
    )
    .bind(org)
    .fetch_one(&db.pool)
    .await
    .unwrap()
}

backend_test!(
    offboarding_ends_access_releases_registrations_and_can_be_undone,
    |db: Db| async move {
        let app = app(&db).await;
        let priya = sign_in(&app, PRIYA, DEMO_PASSWORD, None).await.unwrap();
        let noah = sign_in(&app, NOAH, DEMO_PASSWORD, None).await.unwrap();
        let quantix = demo_id("org", "quantix");
        let before = open_deals(&db, &quantix).await;
        assert!(before > 0);
        let body =
            format!("id={quantix}&status=offboarded&reason=Contract+ended&registrations=release");
        let res = post(&app, "/api/change_partner_status", &body, Some(&priya)).await;
        assert!(
            res.status().is_redirection() || res.status().is_success(),
            "{}",
            res.status()
        );
        // Its people are out at once, and cannot sign in again.
        let res = post(
            &app,
            "/api/list_deals",
            "search=&status=&page=1",
            Some(&noah),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::Unauthenticated);
        assert!(sign_in(&app, NOAH, DEMO_PASSWORD, None).await.is_err());
        // Its open registrations are released, with the reason on their timeline.
        assert_eq!(open_deals(&db, &quantix).await, 0);
        let claims: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM deal_claims WHERE organisation_id = $1")
                .bind(&quantix)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert_eq!(claims, 0);
        let note: String = sqlx::query_scalar(
            "SELECT e.note FROM deal_events e JOIN deals d ON d.id = e.deal_id \
             WHERE d.organisation_id = $1 AND e.to_status = 'expired' LIMIT 1",
        )
        .bind(&quantix)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert!(note.contains("Contract ended"), "{note}");
        // Vendor staff still read its history.
        let deal: String =
            sqlx::query_scalar("SELECT id FROM deals WHERE organisation_id = $1 LIMIT 1")
                .bind(&quantix)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        let res = post(
            &app,
            "/api/deal_detail",
            &format!("id={deal}"),
            Some(&priya),
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());
        // Reinstated: its people sign in again.
        let body = format!("id={quantix}&status=active&reason=New+contract");
        post(&app, "/api/change_partner_status", &body, Some(&priya)).await;
        assert!(sign_in(&app, NOAH, DEMO_PASSWORD, None).await.is_ok());
        let audit: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'partner_status_changed' AND organisation_id = $1",
        )
        .bind(&quantix)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(audit, 2);
    }
);

backend_test!(
    an_offboarded_partners_registrations_can_go_to_another_partner,
    |db: Db| async move {
        let app = app(&db).await;
        let priya = sign_in(&app, PRIYA, DEMO_PASSWORD, None).await.unwrap();
        let (quantix, lumen) = (demo_id("org", "quantix"), demo_id("org", "lumen"));
        let moving = open_deals(&db, &quantix).await;
        let lumen_before = open_deals(&db, &lumen).await;
        // No partner named, or one that is not live: refused, nothing changes.
        for extra in [
            "registrations=transfer",
            &format!(
                "registrations=transfer&transfer_to={}",
                demo_id("org", "pinecrest")
            ),
        ] {
            let body = format!("id={quantix}&status=offboarded&reason=Merged&{extra}");
            let res = post(&app, "/api/change_partner_status", &body, Some(&priya)).await;
            assert!(
                error_of(res).await.message_for("transfer_to").is_some(),
                "{extra}"
            );
            assert_eq!(open_deals(&db, &quantix).await, moving);
        }
        let body = format!("id={quantix}&status=offboarded&reason=Merged+into+Lumen&registrations=transfer&transfer_to={lumen}");
        post(&app, "/api/change_partner_status", &body, Some(&priya)).await;
        assert_eq!(open_deals(&db, &quantix).await, 0);
        assert_eq!(open_deals(&db, &lumen).await, lumen_before + moving);
        let stale: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM deal_claims c JOIN deals d ON d.id = c.deal_id WHERE c.organisation_id <> d.organisation_id",
        )
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(stale, 0, "claims follow their registrations");
        // Bad input: no reason, an unknown status.
        for body in [
            format!("id={lumen}&status=at_risk&reason=+"),
            format!("id={lumen}&status=applicant&reason=x"),
        ] {
            let res = post(&app, "/api/change_partner_status", &body, Some(&priya)).await;
            assert!(res.status().is_client_error(), "{body}");
        }
    }
);

backend_test!(
    an_offboarded_partners_campaigns_end_and_their_pages_still_take_leads,
    |db: Db| async move {
        let app = app(&db).await;
        let priya = sign_in(&app, PRIYA, DEMO_PASSWORD, None).await.unwrap();
        let bluepeak = demo_id("org", "bluepeak");
        let campaign = demo_id("campaign", "bluepeak-backup");
        let (partner_slug, slug): (String, String) = sqlx::query_as(
            "SELECT o.slug, c.slug FROM campaigns c JOIN organisations o ON o.id = c.organisation_id \
             WHERE c.id = $1",
        )
        .bind(&campaign)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        let page = format!("/c/{partner_slug}/{slug}");
        let res = post(
            &app,
            "/api/change_partner_status",
            &format!("id={bluepeak}&status=offboarded&reason=Contract+ended&registrations=release"),
            Some(&priya),
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());
        let live: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM campaigns WHERE organisation_id = $1 AND status <> 'ended'",
        )
        .bind(&bluepeak)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(live, 0);
        // The page says the campaign has ended, with whom to call, and its
        // form still takes a lead.
        let res = server::testing::get_page(&app, &page, "").await;
        assert_eq!(res.status(), axum::http::StatusCode::OK);
        let html = server::testing::body_text(res).await;
        assert!(
            html.contains(
                "This campaign has ended. Bluepeak Managed Services is still glad to hear from you"
            ),
            "{html}"
        );
        let res = post(
            &app,
            &page,
            "name=Ola+Berg&email=ola%40fjord.example&company=Fjord&consent=yes&website=",
            None,
        )
        .await;
        assert_eq!(res.status(), axum::http::StatusCode::SEE_OTHER);
        let kept: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM leads WHERE email = 'ola@fjord.example'")
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert_eq!(kept, 1);
    }
);
