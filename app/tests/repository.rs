//! Repository tests: every test runs on a fresh SQLite file and a fresh
//! PostgreSQL database (`<name>::sqlite`, `<name>::postgres`).

use app::{
    backend_test,
    db::{Backend, Db},
    organisations::{
        demo::{self, demo_id, SeedOutcome},
        PartnerType,
    },
    program,
};

async fn count(db: &Db, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&db.pool).await.unwrap()
}

backend_test!(migrations_are_all_applied, |db: Db| async move {
    let status = db.migration_status().await.unwrap();
    assert!(status.expected >= 1);
    assert_eq!(status.applied, status.expected);
    assert!(status.is_current());
    // Running them again changes nothing.
    db.migrate().await.unwrap();
    assert_eq!(db.migration_status().await.unwrap(), status);
});

backend_test!(demo_seed_is_complete_and_runs_once, |db: Db| async move {
    let first = demo::seed(&db).await.unwrap();
    let people_expected =
        demo::VENDOR_PEOPLE.len() + demo::PARTNERS.iter().map(|p| p.people.len()).sum::<usize>();
    assert_eq!(
        first,
        SeedOutcome::Seeded {
            organisations: 13,
            people: people_expected
        }
    );
    assert_eq!(demo::seed(&db).await.unwrap(), SeedOutcome::AlreadyPresent);

    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM organisations WHERE kind = 'vendor'"
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM organisations WHERE kind = 'partner'"
        )
        .await,
        12
    );
    assert_eq!(
        count(&db, "SELECT COUNT(*) FROM people").await,
        people_expected as i64
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(DISTINCT partner_type) FROM organisations"
        )
        .await,
        PartnerType::ALL.len() as i64
    );
    assert_eq!(
        count(&db, "SELECT COUNT(DISTINCT region) FROM organisations").await,
        4
    );
    assert_eq!(
        count(&db, "SELECT COUNT(DISTINCT status) FROM organisations").await,
        5
    );
    // Every partner has an admin and a channel manager on the vendor side.
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM organisations o WHERE o.kind = 'partner' AND NOT EXISTS \
             (SELECT 1 FROM people p WHERE p.organisation_id = o.id AND p.role = 'partner_admin')"
        )
        .await,
        0
    );
    assert_eq!(
        count(
            &db,
            "SELECT COUNT(*) FROM organisations o JOIN people m ON m.id = o.channel_manager_id \
             JOIN organisations v ON v.id = m.organisation_id \
             WHERE o.kind = 'partner' AND v.kind = 'vendor' AND m.role = 'channel_manager'"
        )
        .await,
        12
    );
    // Ids are the deterministic ones.
    let name: String = sqlx::query_scalar("SELECT name FROM organisations WHERE id = $1")
        .bind(demo_id("org", "northwind"))
        .fetch_one(&db.pool)
        .await
        .unwrap();
    assert_eq!(name, "Northwind Solutions");
});

backend_test!(
    program_overview_lists_tiers_in_rank_order,
    |db: Db| async move {
        let empty = program::server::overview(&db).await.unwrap();
        assert_eq!(empty.vendor_name, None);
        assert!(empty.tiers.is_empty());

        demo::seed(&db).await.unwrap();
        let overview = program::server::overview(&db).await.unwrap();
        assert_eq!(overview.vendor_name.as_deref(), Some("Acme Cloud"));
        let names: Vec<_> = overview.tiers.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Registered", "Silver", "Gold", "Platinum"]);
        let days: Vec<_> = overview.tiers.iter().map(|t| t.protection_days).collect();
        assert_eq!(days, [60, 90, 120, 180]);
    }
);

backend_test!(
    the_database_allows_exactly_one_vendor,
    |db: Db| async move {
        demo::seed(&db).await.unwrap();
        let second = sqlx::query(
            "INSERT INTO organisations (id, kind, name, status, created_at) \
         VALUES ('v2', 'vendor', 'Other Vendor', 'active', 0)",
        )
        .execute(&db.pool)
        .await;
        assert!(second.is_err(), "a second vendor was accepted");
        assert_eq!(
            count(
                &db,
                "SELECT COUNT(*) FROM organisations WHERE kind = 'vendor'"
            )
            .await,
            1
        );
    }
);

backend_test!(constraints_refuse_bad_rows, |db: Db| async move {
    // A person in an organisation that does not exist (foreign keys are on).
    let orphan = sqlx::query(
        "INSERT INTO people (id, organisation_id, name, email, role, created_at) \
         VALUES ('p1', 'nowhere', 'Nobody', 'nobody@example.com', 'partner_user', 0)",
    )
    .execute(&db.pool)
    .await;
    assert!(orphan.is_err(), "orphan person accepted");
    // A partner type outside the list.
    let bad_type = sqlx::query(
        "INSERT INTO organisations (id, kind, name, partner_type, region, status, created_at) \
         VALUES ('o1', 'partner', 'Bad Type', 'wholesaler', 'emea', 'active', 0)",
    )
    .execute(&db.pool)
    .await;
    assert!(bad_type.is_err(), "unknown partner type accepted");
    // Mixed-case emails would break uniqueness.
    sqlx::query(
        "INSERT INTO organisations (id, kind, name, partner_type, region, status, created_at) \
         VALUES ('o2', 'partner', 'Good', 'var', 'emea', 'active', 0)",
    )
    .execute(&db.pool)
    .await
    .unwrap();
    let upper = sqlx::query(
        "INSERT INTO people (id, organisation_id, name, email, role, created_at) \
         VALUES ('p2', 'o2', 'Upper', 'Upper@Example.com', 'partner_user', 0)",
    )
    .execute(&db.pool)
    .await;
    assert!(upper.is_err(), "mixed-case email accepted");
    assert_eq!(count(&db, "SELECT COUNT(*) FROM people").await, 0);
});

#[tokio::test]
async fn sqlite_runs_in_wal_mode_with_foreign_keys() {
    app::db::testing::run(Backend::Sqlite, |db: Db| async move {
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(fk, 1);
        let busy: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(busy, 5000);
    })
    .await;
}
