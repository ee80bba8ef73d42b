//! Deal registration through the real router and repository on both
//! databases: the live conflict check (kind and date, never who), the
//! approval flow, bad input, tenant isolation, and the race for a customer.

use app::{
    auth::Viewer,
    backend_test,
    db::Db,
    deals::{
        server::{register, sweep},
        ConflictKind, DealInput,
    },
    error::AppError,
    organisations::{demo::DEMO_PASSWORD, Role},
};
use axum::Router;
use server::testing::{
    body_text, error_of, form_value, location_of, post_form as post, seeded_app as app, sign_in,
};

const AVA: &str = "ava.thompson@northwind.example";
const MARCUS: &str = "marcus.webb@acmecloud.example";

async fn check(app: &Router, cookie: &str, company: &str, domain: &str) -> serde_json::Value {
    let body = format!(
        "customer_company={}&customer_domain={}",
        form_value(company),
        form_value(domain)
    );
    let res = post(app, "/api/check_deal_conflict", &body, Some(cookie)).await;
    serde_json::from_str(&body_text(res).await).unwrap()
}

fn registration(company: &str) -> String {
    [
        ("customer_company", company),
        ("customer_domain", "https://www.hooli.example/"),
        ("contact_name", "Gavin Belson"),
        ("contact_email", "gavin@hooli.example"),
        ("contact_phone", "+1 555 0100"),
        ("country", "United States"),
        ("products", "Acme Compute"),
        ("value", "250,000"),
        ("currency", "USD"),
        ("expected_close", "2099-06-30"),
        ("partner_role", "sourced"),
        ("notes", "Met at re:Invent"),
    ]
    .iter()
    .map(|(k, v)| format!("deal[{k}]={}", form_value(v)))
    .collect::<Vec<_>>()
    .join("&")
}

async fn count(db: &Db, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&db.pool).await.unwrap()
}

backend_test!(
    the_live_check_says_what_and_until_when_but_never_who,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        // Bluepeak's approved registration, typed differently.
        let stark = check(&app, &ava, "STARK INDUSTRIES LLC", "").await;
        assert_eq!(stark[0]["kind"], "OtherPartner");
        assert!(stark[0]["protected_until"].as_i64().unwrap() > app::auth::server::now());
        assert_eq!(stark[0]["own_reference"], serde_json::Value::Null);
        let text = stark.to_string();
        for secret in ["Bluepeak", "bluepeak", "Oliver", "480000", "stark.example"] {
            assert!(!text.contains(secret), "{secret} leaked: {text}");
        }
        // A named direct account, by domain alone.
        let globex = check(
            &app,
            &ava,
            "GX Holdings",
            "https://www.globex.example/about",
        )
        .await;
        let kinds: Vec<&str> = globex
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["kind"].as_str().unwrap())
            .collect();
        // Lumen registered Globex too (by the same domain).
        assert_eq!(kinds, ["OtherPartner", "DirectAccount"]);
        // Her organisation's own open registration, with its reference.
        let own = check(&app, &ava, "Cyberdyne Systems Inc", "").await;
        assert_eq!(own[0]["kind"], "OwnDuplicate");
        assert!(own[0]["own_reference"].as_str().unwrap().starts_with("DR-"));
        // A near miss still matches; a different customer does not.
        let typo = check(&app, &ava, "Umbrela Pharmaceuticals", "").await;
        assert_eq!(typo[0]["kind"], "OwnDuplicate");
        // Also with the typo in the first letters (found through the
        // reversed keys, not a prefix), and for a direct account.
        let first_letters = check(&app, &ava, "Syberdyne Systems", "").await;
        assert_eq!(first_letters[0]["kind"], "OwnDuplicate");
        let account = check(&app, &ava, "Inittech", "").await;
        assert_eq!(account[0]["kind"], "DirectAccount");
        // A mistyped legal form is still a legal form.
        let suffix = check(&app, &ava, "Stark Industries LC", "").await;
        assert_eq!(suffix[0]["kind"], "OtherPartner");
        // Sharing a word is not being the same customer.
        assert_eq!(
            check(&app, &ava, "Umbrella Logistics", "").await,
            serde_json::json!([])
        );
        let free = check(&app, &ava, "Pied Piper", "piedpiper.example").await;
        assert_eq!(free, serde_json::json!([]));
        // Rejected registrations hold nothing.
        assert_eq!(
            check(&app, &ava, "Soylent", "").await,
            serde_json::json!([])
        );
    }
);

backend_test!(
    a_partner_registers_and_the_channel_manager_approves,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let before = count(&db, "SELECT COUNT(*) FROM deals").await;
        let res = post(
            &app,
            "/api/register_deal",
            &registration("Hooli, Inc."),
            Some(&ava),
        )
        .await;
        assert!(res.status().is_success(), "{}", body_text(res).await);
        let location = location_of(&res).unwrap().to_owned();
        let id = location.strip_prefix("/deals/").unwrap().to_owned();
        assert_eq!(count(&db, "SELECT COUNT(*) FROM deals").await, before + 1);
        let (status, key, value, conflict): (String, String, i64, Option<String>) = sqlx::query_as(
            "SELECT status, company_key, value_cents, conflict FROM deals WHERE id = $1",
        )
        .bind(&id)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(
            (status.as_str(), key.as_str(), value),
            ("submitted", "hooli", 25_000_000)
        );
        assert_eq!(conflict, None);
        // The partner cannot decide; the channel manager can.
        let denied = post(
            &app,
            "/api/decide_deal",
            &format!("id={id}&decision=approve&reason="),
            Some(&ava),
        )
        .await;
        assert_eq!(error_of(denied).await, AppError::Forbidden);
        let marcus = sign_in(&app, MARCUS, DEMO_PASSWORD, None).await.unwrap();
        let no_reason = post(
            &app,
            "/api/decide_deal",
            &format!("id={id}&decision=reject&reason="),
            Some(&marcus),
        )
        .await;
        assert_eq!(
            error_of(no_reason).await,
            AppError::field("reason", "Say why, so the partner knows what to do next.")
        );
        let res = post(
            &app,
            "/api/decide_deal",
            &format!("id={id}&decision=approve&reason="),
            Some(&marcus),
        )
        .await;
        assert!(res.status().is_success(), "{}", body_text(res).await);
        let again = post(
            &app,
            "/api/decide_deal",
            &format!("id={id}&decision=reject&reason=late"),
            Some(&marcus),
        )
        .await;
        assert_eq!(
            error_of(again).await,
            AppError::field("decision", "This registration was already decided.")
        );

        let detail = post(&app, "/api/deal_detail", &format!("id={id}"), Some(&ava)).await;
        let detail: serde_json::Value = serde_json::from_str(&body_text(detail).await).unwrap();
        assert_eq!(detail["summary"]["status"], "Approved");
        let until = detail["summary"]["protected_until"].as_i64().unwrap();
        // Northwind is Gold: 120 days of protection.
        let days = (until - app::auth::server::now()) / 86_400;
        assert!((119..=120).contains(&days), "{days}");
        let events = detail["events"].as_array().unwrap();
        assert_eq!(events.len(), 2);
        assert_eq!(events[1]["actor"], "Marcus Webb");
        assert_eq!(detail["can_review"], false);
        let mails = count(
            &db,
            "SELECT COUNT(*) FROM outbox WHERE subject LIKE '%Hooli%' OR body LIKE '%Hooli%'",
        )
        .await;
        assert_eq!(
            mails, 2,
            "the channel manager on submission, Ava on approval"
        );
        let audit = count(&db, "SELECT COUNT(*) FROM audit_log WHERE record_type = 'deal' AND action IN ('deal_submitted', 'deal_decided')").await;
        assert!(audit >= 2);
    }
);

backend_test!(
    bad_input_is_explained_and_changes_nothing,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let before = count(&db, "SELECT COUNT(*) FROM deals").await;
        let body = registration("Hooli")
            .replace("2099-06-30", "2020-01-01")
            .replace("250,000", "lots");
        let res = post(&app, "/api/register_deal", &body, Some(&ava)).await;
        let AppError::Validation(errors) = error_of(res).await else {
            panic!("expected validation errors");
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["value", "expected_close"]);
        assert_eq!(count(&db, "SELECT COUNT(*) FROM deals").await, before);
        // Vendor staff do not register.
        let marcus = sign_in(&app, MARCUS, DEMO_PASSWORD, None).await.unwrap();
        let res = post(
            &app,
            "/api/register_deal",
            &registration("Hooli"),
            Some(&marcus),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::Forbidden);
    }
);

backend_test!(
    partners_only_see_their_own_registrations,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let list = post(
            &app,
            "/api/list_deals",
            "search=&status=&page=1",
            Some(&ava),
        )
        .await;
        let list: serde_json::Value = serde_json::from_str(&body_text(list).await).unwrap();
        let names: Vec<&str> = list["deals"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["organisation_name"].as_str().unwrap())
            .collect();
        let own: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM deals d JOIN organisations o ON o.id = d.organisation_id \
             WHERE o.name = 'Northwind Solutions'",
        )
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert!(own > 4, "the demo's registrations and won business");
        assert_eq!(list["total"], own);
        assert!(
            names.iter().all(|n| *n == "Northwind Solutions"),
            "{names:?}"
        );
        let wayne: String =
            sqlx::query_scalar("SELECT id FROM deals WHERE customer_company = 'Wayne Enterprises'")
                .fetch_one(&db.pool)
                .await
                .unwrap();
        let res = post(&app, "/api/deal_detail", &format!("id={wayne}"), Some(&ava)).await;
        assert_eq!(error_of(res).await, AppError::NotFound);
        let page = server::testing::get_page(&app, &format!("/deals/{wayne}"), &ava).await;
        let html = body_text(page).await;
        assert!(!html.contains("Wayne Enterprises"));
        // Search and status filter.
        let found = post(
            &app,
            "/api/list_deals",
            "search=tyrell&status=more_info&page=1",
            Some(&ava),
        )
        .await;
        let found: serde_json::Value = serde_json::from_str(&body_text(found).await).unwrap();
        assert_eq!(found["total"], 1);
        assert_eq!(found["deals"][0]["customer_company"], "Tyrell Corporation");
        // Past the last page: no rows, and still the count of them all.
        for (form, total) in [
            ("search=&status=&page=3", own),
            ("search=tyrell&status=&page=2", 1),
            ("search=nobody&status=&page=1", 0),
        ] {
            let res = post(&app, "/api/list_deals", form, Some(&ava)).await;
            let beyond: serde_json::Value = serde_json::from_str(&body_text(res).await).unwrap();
            assert_eq!(beyond["deals"].as_array().map(Vec::len), Some(0), "{form}");
            assert_eq!(beyond["total"], total, "{form}");
        }
    }
);

backend_test!(
    many_partners_racing_for_one_customer_leave_exactly_one_holder,
    |db: Db| async move {
        // The seeded demo, without going through the router.
        app::demo::seed(&db).await.unwrap();
        let partners: Vec<(String, String)> = sqlx::query_as(
            "SELECT p.id, o.id FROM people p JOIN organisations o ON o.id = p.organisation_id \
             WHERE o.kind = 'partner' AND o.status <> 'offboarded' AND p.status = 'active' \
             AND p.role = 'partner_admin'",
        )
        .fetch_all(&db.pool)
        .await
        .unwrap();
        assert!(partners.len() >= 8, "{}", partners.len());
        let deal = DealInput {
            customer_company: "Pied Piper".into(),
            customer_domain: "piedpiper.example".into(),
            contact_name: "Richard Hendricks".into(),
            contact_email: "richard@piedpiper.example".into(),
            country: "United States".into(),
            products: "Acme Storage".into(),
            value: "99000".into(),
            currency: "USD".into(),
            expected_close: "2099-01-01".into(),
            partner_role: "sourced".into(),
            ..DealInput::default()
        }
        .validate("2026-01-01")
        .unwrap();
        let mut tasks = Vec::new();
        for round in 0..3 {
            for (person, organisation) in &partners {
                let (db, deal) = (db.clone(), deal.clone());
                let viewer = Viewer {
                    person_id: person.clone(),
                    name: format!("Racer {round}"),
                    email: "racer@example.com".into(),
                    role: Role::PartnerAdmin,
                    organisation_id: organisation.clone(),
                    organisation_name: "Racer".into(),
                };
                tasks.push(tokio::spawn(async move {
                    register(&db, &viewer, &deal, None).await
                }));
            }
        }
        let mut holders = 0;
        let mut flagged = 0;
        for task in tasks {
            match task.await.unwrap().expect("no registration is lost") {
                r if r.conflict.is_none() => holders += 1,
                r => {
                    assert!(matches!(
                        r.conflict,
                        Some(ConflictKind::OtherPartner | ConflictKind::OwnDuplicate)
                    ));
                    flagged += 1;
                }
            }
        }
        assert_eq!(holders, 1, "exactly one registration holds the customer");
        assert_eq!(flagged, partners.len() * 3 - 1);
        assert_eq!(
            count(
                &db,
                "SELECT COUNT(*) FROM deals WHERE company_key = 'pied piper'"
            )
            .await,
            (partners.len() * 3) as i64
        );
        let claims: Vec<String> = sqlx::query_scalar(
            "SELECT DISTINCT deal_id FROM deal_claims WHERE customer_key IN ('name:pied piper', 'domain:piedpiper')",
        )
        .fetch_all(&db.pool)
        .await
        .unwrap();
        assert_eq!(claims.len(), 1, "both keys belong to the one holder");
    }
);

/// A made-up two-word company name from `seed`: letters only, so no legal
/// form or abbreviation rule applies by accident.
fn made_up_name(seed: u64) -> String {
    let mut state = seed
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    let mut letter = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        char::from(b'a' + ((state >> 33) % 26) as u8)
    };
    let mut word = |len: usize| {
        let mut w: String = (0..len).map(|_| letter()).collect();
        w[..1].make_ascii_uppercase();
        w
    };
    format!("{} {}", word(8), word(9))
}

/// The other spelling of the same customer in each kind of race.
fn spellings(kind: &str, name: &str, race: usize) -> (String, String) {
    let letters: Vec<char> = name.chars().collect();
    match kind {
        "exact" => (name.to_owned(), name.to_owned()),
        "normalised" => (
            format!("{name}, Inc."),
            format!("{} LLC", name.to_uppercase()),
        ),
        "typo" => {
            // A letter changed, dropped or two swapped, anywhere but the space.
            let mut typo = letters.clone();
            let at = (race * 7) % letters.len();
            let at = if letters[at] == ' ' { at + 1 } else { at };
            match race % 3 {
                0 => typo[at] = if letters[at] == 'q' { 'z' } else { 'q' },
                1 => {
                    typo.remove(at);
                }
                _ => {
                    let j = if at + 1 < typo.len() && typo[at + 1] != ' ' {
                        at + 1
                    } else {
                        at - 1
                    };
                    typo.swap(at, j);
                }
            }
            (name.to_owned(), typo.into_iter().collect())
        }
        _ => {
            // The second word cut short (four letters or more).
            let (first, second) = name.split_once(' ').unwrap();
            let cut = 4 + race % 4;
            (name.to_owned(), format!("{first} {}", &second[..cut]))
        }
    }
}

backend_test!(
    two_partners_registering_one_customer_at_once_leave_one_clean_holder,
    |db: Db| async move {
        app::demo::seed(&db).await.unwrap();
        let partner = |email: &'static str| {
            let db = db.clone();
            async move {
                let (person_id, organisation_id): (String, String) =
                    sqlx::query_as("SELECT id, organisation_id FROM people WHERE email = $1")
                        .bind(email)
                        .fetch_one(&db.pool)
                        .await
                        .unwrap();
                Viewer {
                    person_id,
                    name: email.into(),
                    email: email.into(),
                    role: Role::PartnerAdmin,
                    organisation_id,
                    organisation_name: email.into(),
                }
            }
        };
        let racers = [
            partner(AVA).await,
            partner("oliver.grant@bluepeak.example").await,
        ];
        const RACES: usize = 100;
        let mut seed = 0;
        for kind in ["exact", "normalised", "typo", "abbreviation"] {
            let mut outcomes = Vec::new();
            // Ten races at a time, both sides of each started together.
            for batch in 0..RACES / 10 {
                let mut tasks = Vec::new();
                for race in batch * 10..batch * 10 + 10 {
                    seed += 1;
                    let (one, other) = spellings(kind, &made_up_name(seed), race);
                    let start = std::sync::Arc::new(tokio::sync::Barrier::new(2));
                    let mut pair = Vec::new();
                    for (viewer, company) in
                        racers.iter().cloned().zip([one.clone(), other.clone()])
                    {
                        let deal = DealInput {
                            customer_company: company,
                            contact_name: "Pat Doe".into(),
                            contact_email: "pat@customer.example".into(),
                            country: "Canada".into(),
                            products: "Acme Compute".into(),
                            value: "1000".into(),
                            currency: "USD".into(),
                            expected_close: "2099-01-01".into(),
                            partner_role: "reseller".into(),
                            ..DealInput::default()
                        }
                        .validate("2026-01-01")
                        .unwrap();
                        let (db, start) = (db.clone(), start.clone());
                        pair.push(tokio::spawn(async move {
                            start.wait().await;
                            register(&db, &viewer, &deal, None).await
                        }));
                    }
                    tasks.push(((one, other), pair));
                }
                for (names, pair) in tasks {
                    let mut clean = 0;
                    for task in pair {
                        let registered = task.await.unwrap().expect("no registration is lost");
                        match registered.conflict {
                            None => clean += 1,
                            Some(kind) => assert_eq!(kind, ConflictKind::OtherPartner),
                        }
                    }
                    outcomes.push((names, clean));
                }
            }
            let wrong: Vec<_> = outcomes.iter().filter(|(_, clean)| *clean != 1).collect();
            assert!(
                wrong.is_empty(),
                "{kind}: {} of {RACES} races without exactly one clean holder: {wrong:?}",
                wrong.len()
            );
            assert_eq!(outcomes.len(), RACES);
        }
    }
);

backend_test!(
    the_channel_manager_sees_the_collision_side_by_side,
    |db: Db| async move {
        let app = app(&db).await;
        let quantix_stark: String = sqlx::query_scalar(
            "SELECT id FROM deals WHERE customer_company = 'Stark Industries, Inc.'",
        )
        .fetch_one(&db.pool)
        .await
        .unwrap();
        let marcus = sign_in(&app, MARCUS, DEMO_PASSWORD, None).await.unwrap();
        let res = post(
            &app,
            "/api/deal_detail",
            &format!("id={quantix_stark}"),
            Some(&marcus),
        )
        .await;
        let detail: serde_json::Value = serde_json::from_str(&body_text(res).await).unwrap();
        assert_eq!(detail["summary"]["conflict"], "OtherPartner");
        let conflicts = detail["conflicts"].as_array().unwrap();
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        assert_eq!(conflicts[0]["holder"], "Bluepeak Managed Services");
        assert_eq!(conflicts[0]["status"], "Approved");
        assert_eq!(
            conflicts[0]["matched"],
            "same company name “stark industries”"
        );
        // The partner who registered it sees the flag, not the evidence.
        let noah = sign_in(&app, "noah.tremblay@quantix.example", DEMO_PASSWORD, None)
            .await
            .unwrap();
        let res = post(
            &app,
            "/api/deal_detail",
            &format!("id={quantix_stark}"),
            Some(&noah),
        )
        .await;
        let text = body_text(res).await;
        let detail: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(detail["conflicts"], serde_json::json!([]));
        assert!(!text.contains("Bluepeak"));
        // The queue puts the breached SLA (Wayne, three days old) first.
        let queue = post(&app, "/api/review_queue", "", Some(&marcus)).await;
        let queue: serde_json::Value = serde_json::from_str(&body_text(queue).await).unwrap();
        assert_eq!(queue[0]["customer_company"], "Wayne Enterprises");
        assert!(queue[0]["sla_due_at"].as_i64().unwrap() < app::auth::server::now());
    }
);

async fn umbrella(db: &Db) -> String {
    sqlx::query_scalar("SELECT id FROM deals WHERE customer_company = 'Umbrella Pharmaceuticals'")
        .fetch_one(&db.pool)
        .await
        .unwrap()
}

backend_test!(
    protection_warns_twice_then_expires_and_frees_the_customer,
    |db: Db| async move {
        let app = app(&db).await;
        let id = umbrella(&db).await;
        let now = app::auth::server::now();
        let set_until = |until: i64| {
            let (db, id) = (db.clone(), id.clone());
            async move {
                sqlx::query("UPDATE deals SET protected_until = $1 WHERE id = $2")
                    .bind(until)
                    .bind(&id)
                    .execute(&db.pool)
                    .await
                    .unwrap();
            }
        };
        set_until(now + 10 * 86_400).await;
        assert_eq!(sweep(&db, now).await.unwrap(), (1, 0), "the 14-day warning");
        assert_eq!(sweep(&db, now).await.unwrap(), (0, 0), "sent once");
        set_until(now + 2 * 86_400).await;
        assert_eq!(sweep(&db, now).await.unwrap(), (1, 0), "the 3-day warning");
        set_until(now - 1).await;
        assert_eq!(sweep(&db, now).await.unwrap(), (0, 1));
        let subjects: Vec<String> = sqlx::query_scalar(
            "SELECT subject FROM outbox WHERE to_address = $1 AND (subject LIKE 'Protection%' \
             OR subject LIKE '%Expired') ORDER BY subject",
        )
        .bind(AVA)
        .fetch_all(&db.pool)
        .await
        .unwrap();
        assert_eq!(subjects.len(), 3, "{subjects:?}");
        assert!(subjects.iter().any(|s| s.ends_with("ends in 14 days")));
        assert!(subjects.iter().any(|s| s.ends_with("ends in 3 days")));
        assert!(subjects.iter().any(|s| s.ends_with(": Expired")));
        let status: String = sqlx::query_scalar("SELECT status FROM deals WHERE id = $1")
            .bind(&id)
            .fetch_one(&db.pool)
            .await
            .unwrap();
        assert_eq!(status, "expired");
        // The customer is free again, for anyone.
        let oliver = sign_in(&app, "oliver.grant@bluepeak.example", DEMO_PASSWORD, None)
            .await
            .unwrap();
        assert_eq!(
            check(&app, &oliver, "Umbrella Pharmaceuticals", "").await,
            serde_json::json!([])
        );
    }
);

backend_test!(
    a_partner_marks_its_own_deal_won_but_never_another_partners,
    |db: Db| async move {
        let app = app(&db).await;
        let id = umbrella(&db).await;
        let oliver = sign_in(&app, "oliver.grant@bluepeak.example", DEMO_PASSWORD, None)
            .await
            .unwrap();
        let res = post(
            &app,
            "/api/close_deal",
            &format!("id={id}&outcome=won"),
            Some(&oliver),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::NotFound);
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let res = post(
            &app,
            "/api/close_deal",
            &format!("id={id}&outcome=won"),
            Some(&ava),
        )
        .await;
        assert!(res.status().is_success(), "{}", body_text(res).await);
        let (status, claims): (String, i64) = sqlx::query_as(
            "SELECT d.status, (SELECT COUNT(*) FROM deal_claims c WHERE c.deal_id = d.id) \
             FROM deals d WHERE d.id = $1",
        )
        .bind(&id)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!((status.as_str(), claims), ("won", 0));
        let again = post(
            &app,
            "/api/close_deal",
            &format!("id={id}&outcome=lost"),
            Some(&ava),
        )
        .await;
        assert_eq!(
            error_of(again).await,
            AppError::field("outcome", "Only an approved registration can be closed.")
        );
    }
);

backend_test!(
    direct_accounts_import_all_or_nothing_and_stay_vendor_only,
    |db: Db| async move {
        let app = app(&db).await;
        let marcus = sign_in(&app, MARCUS, DEMO_PASSWORD, None).await.unwrap();
        let before = count(&db, "SELECT COUNT(*) FROM direct_accounts").await;
        let bad = format!(
            "company=&domain=&csv={}",
            form_value("company,domain\nHooli,hooli.example\nInc.,x.example\n")
        );
        let res = post(&app, "/api/add_direct_accounts", &bad, Some(&marcus)).await;
        assert_eq!(
            error_of(res).await,
            AppError::field(
                "csv",
                "Nothing imported. Fix line 3: a company name is needed."
            )
        );
        assert_eq!(
            count(&db, "SELECT COUNT(*) FROM direct_accounts").await,
            before
        );
        let good = format!(
            "company=&domain=&csv={}",
            form_value("Hooli,hooli.example\nPied Piper,\n")
        );
        let res = post(&app, "/api/add_direct_accounts", &good, Some(&marcus)).await;
        assert_eq!(body_text(res).await, "2");
        // Registering one of them is now flagged.
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let found = check(&app, &ava, "Hooli Inc", "").await;
        assert_eq!(found[0]["kind"], "DirectAccount");
        // Partners never read the list.
        let res = post(&app, "/api/direct_accounts", "search=", Some(&ava)).await;
        assert_eq!(error_of(res).await, AppError::Forbidden);
    }
);

backend_test!(
    bulk_approval_takes_only_clean_registrations,
    |db: Db| async move {
        let app = app(&db).await;
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT id FROM deals WHERE status IN ('submitted', 'more_info') ORDER BY id",
        )
        .fetch_all(&db.pool)
        .await
        .unwrap();
        let clean = count(
            &db,
            "SELECT COUNT(*) FROM deals WHERE status = 'submitted' AND conflict IS NULL",
        )
        .await;
        assert!(clean >= 2 && (clean as usize) < ids.len());
        let marcus = sign_in(&app, MARCUS, DEMO_PASSWORD, None).await.unwrap();
        let res = post(
            &app,
            "/api/approve_clean_deals",
            &format!("ids={}", ids.join(",")),
            Some(&marcus),
        )
        .await;
        assert_eq!(body_text(res).await, clean.to_string());
        assert_eq!(
            count(
                &db,
                "SELECT COUNT(*) FROM deals WHERE status = 'submitted' AND conflict IS NULL"
            )
            .await,
            0
        );
        // Flagged ones still wait for a decision one by one.
        assert!(
            count(
                &db,
                "SELECT COUNT(*) FROM deals WHERE status = 'submitted' AND conflict IS NOT NULL"
            )
            .await
                >= 2
        );
        // The rules: only the program admin edits, and bad values change nothing.
        let res = post(
            &app,
            "/api/update_rules",
            "text=x&sla_hours=0&default_protection_days=90",
            Some(&marcus),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::Forbidden);
        let priya = sign_in(&app, "priya.raman@acmecloud.example", DEMO_PASSWORD, None)
            .await
            .unwrap();
        let res = post(
            &app,
            "/api/update_rules",
            "text=x&sla_hours=0&default_protection_days=90",
            Some(&priya),
        )
        .await;
        assert_eq!(
            error_of(res).await.message_for("sla_hours"),
            Some("Enter whole hours between 1 and 720.")
        );
        assert_eq!(
            count(&db, "SELECT deal_sla_hours FROM program_settings").await,
            48
        );
        let res = post(
            &app,
            "/api/update_rules",
            "text=Disputes+go+to+Priya.&sla_hours=24&default_protection_days=60",
            Some(&priya),
        )
        .await;
        assert!(res.status().is_success());
        assert_eq!(
            count(&db, "SELECT deal_sla_hours FROM program_settings").await,
            24
        );
    }
);

backend_test!(
    an_extension_is_requested_by_the_partner_and_granted_by_the_channel_manager,
    |db: Db| async move {
        let app = app(&db).await;
        let id = umbrella(&db).await;
        let until_before: i64 =
            sqlx::query_scalar("SELECT protected_until FROM deals WHERE id = $1")
                .bind(&id)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        let oliver = sign_in(&app, "oliver.grant@bluepeak.example", DEMO_PASSWORD, None)
            .await
            .unwrap();
        let res = post(
            &app,
            "/api/request_extension",
            &format!("id={id}&reason=mine+now"),
            Some(&oliver),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::NotFound);
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let res = post(
            &app,
            "/api/request_extension",
            &format!("id={id}&reason="),
            Some(&ava),
        )
        .await;
        assert!(error_of(res).await.message_for("reason").is_some());
        let res = post(
            &app,
            "/api/request_extension",
            &format!("id={id}&reason=Board+meets+in+June"),
            Some(&ava),
        )
        .await;
        assert!(res.status().is_success(), "{}", body_text(res).await);
        let marcus = sign_in(&app, MARCUS, DEMO_PASSWORD, None).await.unwrap();
        let queue = post(&app, "/api/review_queue", "", Some(&marcus)).await;
        assert!(body_text(queue).await.contains("Board meets in June"));
        let res = post(
            &app,
            "/api/decide_extension",
            &format!("id={id}&decision=refuse&reason="),
            Some(&marcus),
        )
        .await;
        assert!(error_of(res).await.message_for("reason").is_some());
        let res = post(
            &app,
            "/api/decide_extension",
            &format!("id={id}&decision=grant&reason="),
            Some(&marcus),
        )
        .await;
        assert!(res.status().is_success(), "{}", body_text(res).await);
        let (until, pending): (i64, Option<String>) =
            sqlx::query_as("SELECT protected_until, extension_reason FROM deals WHERE id = $1")
                .bind(&id)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        // Gold: another 120 days from the old end.
        assert_eq!(until, until_before + 120 * 86_400);
        assert_eq!(pending, None);
        let again = post(
            &app,
            "/api/decide_extension",
            &format!("id={id}&decision=grant&reason="),
            Some(&marcus),
        )
        .await;
        assert_eq!(
            error_of(again).await,
            AppError::field("decision", "No extension request is waiting.")
        );
    }
);

backend_test!(
    the_partner_answers_a_question_and_the_registration_returns_to_the_queue,
    |db: Db| async move {
        let app = app(&db).await;
        let tyrell: String = sqlx::query_scalar(
            "SELECT id FROM deals WHERE customer_company = 'Tyrell Corporation'",
        )
        .fetch_one(&db.pool)
        .await
        .unwrap();
        let oliver = sign_in(&app, "oliver.grant@bluepeak.example", DEMO_PASSWORD, None)
            .await
            .unwrap();
        let res = post(
            &app,
            "/api/respond_to_deal",
            &format!("id={tyrell}&answer=x"),
            Some(&oliver),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::NotFound);
        let leo = sign_in(&app, "leo.martinez@northwind.example", DEMO_PASSWORD, None)
            .await
            .unwrap();
        let res = post(
            &app,
            "/api/respond_to_deal",
            &format!("id={tyrell}&answer=North+America+and+EMEA"),
            Some(&leo),
        )
        .await;
        assert!(res.status().is_success(), "{}", body_text(res).await);
        let (status, due): (String, i64) =
            sqlx::query_as("SELECT status, sla_due_at FROM deals WHERE id = $1")
                .bind(&tyrell)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        assert_eq!(status, "submitted");
        assert!(
            due > app::auth::server::now() + 47 * 3600,
            "a fresh 48 h clock"
        );
        let detail = post(
            &app,
            "/api/deal_detail",
            &format!("id={tyrell}"),
            Some(&leo),
        )
        .await;
        let detail: serde_json::Value = serde_json::from_str(&body_text(detail).await).unwrap();
        let last = detail["events"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(last["note"], "North America and EMEA");
        assert_eq!(last["actor"], "Leo Martinez");
    }
);
