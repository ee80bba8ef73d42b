//! Learning through the real router and repository on both databases:
//! lessons and where a person resumes, quizzes drawn without their key and
//! marked on the server, attempts that run out, and another person's
//! attempt answering NotFound.

use std::collections::BTreeMap;

use app::{
    backend_test,
    db::Db,
    error::AppError,
    learning::demo::COURSES,
    organisations::demo::{demo_id, DEMO_PASSWORD},
};
use axum::http::StatusCode;
use server::testing::{
    body_text, error_of, form_value, location_of, post_form as post, seeded_app as app, sign_in,
};

const AVA: &str = "ava.thompson@northwind.example";
const LEO: &str = "leo.martinez@northwind.example";
const OLIVER: &str = "oliver.grant@bluepeak.example";

async fn json(res: axum::response::Response) -> serde_json::Value {
    let status = res.status();
    let text = body_text(res).await;
    assert!(status.is_success(), "{status}: {text}");
    serde_json::from_str(&text).unwrap()
}

/// The right choices of every question of demo course `slug`, by id.
fn key(slug: &str) -> BTreeMap<String, Vec<String>> {
    let course = COURSES.iter().find(|c| c.slug == slug).unwrap();
    course
        .questions
        .iter()
        .enumerate()
        .map(|(q, (_, _, choices))| {
            let right = (1..)
                .zip(choices.iter())
                .filter(|(_, (_, correct))| *correct)
                .map(|(p, _)| demo_id("choice", &format!("{slug}-{q}-{p}")))
                .collect();
            (demo_id("question", &format!("{slug}-{q}")), right)
        })
        .collect()
}

/// The form body answering `paper`'s questions: rightly, or with the
/// first choice that is not right.
fn answers(paper: &serde_json::Value, slug: &str, right: bool) -> String {
    let key = key(slug);
    let mut fields = vec![format!(
        "attempt_id={}",
        form_value(paper["attempt_id"].as_str().unwrap())
    )];
    for question in paper["questions"].as_array().unwrap() {
        let id = question["id"].as_str().unwrap();
        let picks: Vec<String> = if right {
            key[id].clone()
        } else {
            let wrong = question["choices"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["id"].as_str().unwrap().to_owned())
                .find(|c| !key[id].contains(c))
                .unwrap();
            vec![wrong]
        };
        for pick in picks {
            let n = fields.len();
            fields.push(format!(
                "picked[{n}]={}",
                form_value(&format!("{id}:{pick}"))
            ));
        }
    }
    fields.join("&")
}

async fn count(db: &Db, sql: &str) -> i64 {
    sqlx::query_scalar(sql).fetch_one(&db.pool).await.unwrap()
}

backend_test!(
    a_person_reads_lessons_and_resumes_where_they_left,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let course = demo_id("course", "fundamentals");
        let catalogue = json(post(&app, "/api/learning_catalogue", "", Some(&ava)).await).await;
        assert_eq!(catalogue.as_array().unwrap().len(), COURSES.len());
        assert!(catalogue
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["opened"] == 0 && c["passed"] == false));
        for n in [1, 2] {
            let lesson = json(
                post(
                    &app,
                    "/api/learning_lesson",
                    &format!("course_id={course}&position={n}"),
                    Some(&ava),
                )
                .await,
            )
            .await;
            assert_eq!(lesson["position"], n);
            assert_eq!(lesson["lessons"], 3);
        }
        // Opening a lesson twice counts once.
        post(
            &app,
            "/api/learning_lesson",
            &format!("course_id={course}&position=1"),
            Some(&ava),
        )
        .await;
        let view = json(
            post(
                &app,
                "/api/learning_course",
                &format!("id={course}"),
                Some(&ava),
            )
            .await,
        )
        .await;
        assert_eq!(view["resume"], 3);
        let opened: Vec<bool> = view["lessons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["opened"].as_bool().unwrap())
            .collect();
        assert_eq!(opened, [true, true, false]);
        // Progress is the person's own: a colleague starts from the top.
        let leo = sign_in(&app, LEO, DEMO_PASSWORD, None).await.unwrap();
        let theirs = json(
            post(
                &app,
                "/api/learning_course",
                &format!("id={course}"),
                Some(&leo),
            )
            .await,
        )
        .await;
        assert_eq!(theirs["resume"], 1);
        // A lesson or course that does not exist.
        let res = post(
            &app,
            "/api/learning_lesson",
            &format!("course_id={course}&position=9"),
            Some(&ava),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::NotFound);
        let res = post(&app, "/api/learning_course", "id=nope", Some(&ava)).await;
        assert_eq!(error_of(res).await, AppError::NotFound);
        let res = post(&app, "/api/learning_catalogue", "", None).await;
        assert_eq!(error_of(res).await, AppError::Unauthenticated);
    }
);

backend_test!(
    a_quiz_is_drawn_without_its_key_failed_retaken_and_passed,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let course = demo_id("course", "selling");
        let start_body = format!("course_id={course}");
        let start = || post(&app, "/api/learning_start_quiz", &start_body, Some(&ava));
        let res = start().await;
        let text = body_text(res).await;
        // The paper never says which choices are right.
        assert!(!text.contains("correct"), "{text}");
        let paper: serde_json::Value = serde_json::from_str(&text).unwrap();
        let questions = paper["questions"].as_array().unwrap();
        assert_eq!(questions.len(), 4);
        assert_eq!(paper["attempt"], 1);
        // Starting again (another tab) gives the same attempt.
        let again = json(start().await).await;
        assert_eq!(again["attempt_id"], paper["attempt_id"]);

        let res = post(
            &app,
            "/api/learning_submit_quiz",
            &answers(&paper, "selling", false),
            Some(&ava),
        )
        .await;
        let attempt = paper["attempt_id"].as_str().unwrap();
        assert_eq!(
            location_of(&res),
            Some(format!("/learn/attempts/{attempt}").as_str())
        );
        let result = json(
            post(
                &app,
                "/api/learning_attempt",
                &format!("id={attempt}"),
                Some(&ava),
            )
            .await,
        )
        .await;
        assert_eq!(result["percent"], 0);
        assert_eq!(result["passed"], false);
        assert_eq!(result["attempts_left"], 2);
        assert!(result["questions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|q| q[1] == false));
        // Submitting the same attempt again is refused.
        let res = post(
            &app,
            "/api/learning_submit_quiz",
            &answers(&paper, "selling", true),
            Some(&ava),
        )
        .await;
        assert!(matches!(error_of(res).await, AppError::Conflict(_)));

        let retake = json(start().await).await;
        assert_ne!(retake["attempt_id"], paper["attempt_id"]);
        assert_eq!(retake["attempt"], 2);
        post(
            &app,
            "/api/learning_submit_quiz",
            &answers(&retake, "selling", true),
            Some(&ava),
        )
        .await;
        let id = retake["attempt_id"].as_str().unwrap();
        let passed = json(
            post(
                &app,
                "/api/learning_attempt",
                &format!("id={id}"),
                Some(&ava),
            )
            .await,
        )
        .await;
        assert_eq!(
            (passed["percent"].as_i64(), passed["passed"].as_bool()),
            (Some(100), Some(true))
        );
        let res = start().await;
        assert!(matches!(error_of(res).await, AppError::Conflict(_)));
        let view = json(
            post(
                &app,
                "/api/learning_course",
                &format!("id={course}"),
                Some(&ava),
            )
            .await,
        )
        .await;
        assert_eq!(view["quiz"]["passed"], true);
        assert_eq!(view["quiz"]["used"], 2);
        assert_eq!(view["quiz"]["best"], 100);
        let audited = count(
            &db,
            "SELECT COUNT(*) FROM audit_log WHERE action IN ('quiz_failed', 'quiz_passed') \
             AND record_type = 'quiz_attempt'",
        )
        .await;
        assert_eq!(audited, 2);
    }
);

backend_test!(
    attempts_run_out_bad_answers_change_nothing_and_another_persons_attempt_is_not_found,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let course = demo_id("course", "security");
        let start_body = format!("course_id={course}");
        let start = || post(&app, "/api/learning_start_quiz", &start_body, Some(&ava));
        let paper = json(start().await).await;
        let attempt = paper["attempt_id"].as_str().unwrap().to_owned();
        let submitted = || {
            count(
                &db,
                "SELECT COUNT(*) FROM quiz_attempts WHERE submitted_at IS NOT NULL",
            )
        };
        let before = submitted().await;
        // No answer at all, a question from another course, a token
        // without a choice: refused on the field, the attempt still open.
        let foreign = demo_id("question", "fundamentals-0");
        for body in [
            format!("attempt_id={attempt}"),
            format!(
                "attempt_id={attempt}&picked[0]={}",
                form_value(&format!("{foreign}:x"))
            ),
            format!("attempt_id={attempt}&picked[0]=nonsense"),
        ] {
            let res = post(&app, "/api/learning_submit_quiz", &body, Some(&ava)).await;
            assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{body}");
            assert!(error_of(res).await.message_for("picked").is_some());
        }
        assert_eq!(submitted().await, before);
        // Another partner's person cannot submit or read Ava's attempt.
        let oliver = sign_in(&app, OLIVER, DEMO_PASSWORD, None).await.unwrap();
        let res = post(
            &app,
            "/api/learning_submit_quiz",
            &answers(&paper, "security", true),
            Some(&oliver),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::NotFound);
        assert_eq!(submitted().await, before);
        // Three failed attempts, then no more.
        let mut paper = paper;
        for _ in 0..3 {
            post(
                &app,
                "/api/learning_submit_quiz",
                &answers(&paper, "security", false),
                Some(&ava),
            )
            .await;
            let res = start().await;
            if res.status().is_success() {
                paper = json(res).await;
            } else {
                assert!(matches!(error_of(res).await, AppError::Conflict(_)));
            }
        }
        assert_eq!(submitted().await, before + 3);
        let res = post(
            &app,
            "/api/learning_attempt",
            &format!("id={attempt}"),
            Some(&oliver),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::NotFound);
        let view = json(
            post(
                &app,
                "/api/learning_course",
                &format!("id={course}"),
                Some(&ava),
            )
            .await,
        )
        .await;
        assert_eq!(view["quiz"]["used"], 3);
        assert_eq!(view["quiz"]["passed"], false);
        let res = start().await;
        assert!(matches!(error_of(res).await, AppError::Conflict(_)));
    }
);

/// Passes demo course `slug` as the person of `cookie`: one attempt, every
/// answer right. Answers the attempt's id.
async fn pass(app: &axum::Router, cookie: &str, slug: &str) -> String {
    let course = demo_id("course", slug);
    let paper = json(
        post(
            app,
            "/api/learning_start_quiz",
            &format!("course_id={course}"),
            Some(cookie),
        )
        .await,
    )
    .await;
    let res = post(
        app,
        "/api/learning_submit_quiz",
        &answers(&paper, slug, true),
        Some(cookie),
    )
    .await;
    assert!(location_of(&res).is_some(), "{slug}: {}", res.status());
    paper["attempt_id"].as_str().unwrap().to_owned()
}

backend_test!(
    completing_a_path_issues_a_certificate_emails_it_and_anyone_can_check_it,
    |db: Db| async move {
        let app = app(&db).await;
        let leo = sign_in(&app, LEO, DEMO_PASSWORD, None).await.unwrap();
        // Leo sells: he is enrolled in Sales Certified, not the technical paths.
        let paths = json(post(&app, "/api/learning_paths", "", Some(&leo)).await).await;
        let titles: Vec<&str> = paths
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["title"].as_str().unwrap())
            .collect();
        assert_eq!(titles, ["Sales Certified"]);
        assert_eq!(paths[0]["next"], demo_id("course", "fundamentals"));
        assert_eq!(paths[0]["certificate"], serde_json::Value::Null);

        pass(&app, &leo, "fundamentals").await;
        pass(&app, &leo, "selling").await;
        let certificates = "SELECT COUNT(*) FROM certificates WHERE person_id = '{leo}'"
            .replace("{leo}", &demo_id("person", "northwind-leo"));
        assert_eq!(count(&db, &certificates).await, 0, "two of three courses");
        let last = pass(&app, &leo, "registration").await;
        assert_eq!(count(&db, &certificates).await, 1);
        // The result of the pass that completed the path names it.
        let result = json(
            post(
                &app,
                "/api/learning_attempt",
                &format!("id={last}"),
                Some(&leo),
            )
            .await,
        )
        .await;
        assert_eq!(result["certificates"][0][1], "Sales Certified");

        let paths = json(post(&app, "/api/learning_paths", "", Some(&leo)).await).await;
        let certificate = &paths[0]["certificate"];
        assert_eq!(certificate["status"], "Valid");
        let id = certificate["id"].as_str().unwrap().to_owned();
        let issued = certificate["issued_at"].as_i64().unwrap();
        assert_eq!(
            certificate["valid_until"].as_i64().unwrap(),
            issued + 365 * 86_400
        );
        assert_eq!(paths[0]["next"], serde_json::Value::Null);

        // The email, in the transaction of the pass, links both pages.
        let (subject, body): (String, String) = sqlx::query_as(
            "SELECT subject, body FROM outbox WHERE to_address = $1 AND subject LIKE 'Certificate%'",
        )
        .bind(LEO)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(subject, "Certificate issued: Sales Certified");
        assert!(body.contains(&format!("/verify/{id}")), "{body}");
        assert!(
            body.contains(&format!("/learn/certificates/{id}")),
            "{body}"
        );
        let audited = format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'certificate_issued' AND record_id = '{id}'"
        );
        assert_eq!(count(&db, &audited).await, 1);

        // Anyone may check it, signed in or not, and reads only the
        // certificate's facts: no address, no person id.
        let public =
            json(post(&app, "/api/verify_certificate", &format!("id={id}"), None).await).await;
        let mut keys: Vec<&str> = public
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "holder_name",
                "id",
                "issued_at",
                "organisation_name",
                "path_title",
                "status",
                "valid_until"
            ]
        );
        assert_eq!(public["holder_name"], "Leo Martinez");
        assert_eq!(public["organisation_name"], "Northwind Solutions");
        assert_eq!(public["path_title"], "Sales Certified");
        assert_eq!(public["status"], "Valid");
        let page = server::testing::get_page(&app, &format!("/verify/{id}"), "").await;
        assert_eq!(page.status(), StatusCode::OK);
        let page = body_text(page).await;
        assert!(page.contains("This certificate is valid."), "{page}");
        assert!(page.contains("Leo Martinez"));
        // A lapsed one says so.
        let lapsed = demo_id("certificate", "bluepeak-amelia:managed");
        let old = json(
            post(
                &app,
                "/api/verify_certificate",
                &format!("id={lapsed}"),
                None,
            )
            .await,
        )
        .await;
        assert_eq!(old["status"], "Expired");
        let res = post(
            &app,
            "/api/verify_certificate",
            "id=no-such-certificate",
            None,
        )
        .await;
        assert_eq!(error_of(res).await, AppError::NotFound);

        // The printable copy: its holder and their admin, not another partner.
        let printable = json(
            post(
                &app,
                "/api/learning_certificate",
                &format!("id={id}"),
                Some(&leo),
            )
            .await,
        )
        .await;
        assert!(printable["qr_svg"].as_str().unwrap().starts_with("<svg"));
        assert!(printable["verify_url"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/verify/{id}")));
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        json(
            post(
                &app,
                "/api/learning_certificate",
                &format!("id={id}"),
                Some(&ava),
            )
            .await,
        )
        .await;
        // Sales Certified counts toward tiers: Northwind has five now.
        assert_eq!(certified_at_northwind(&app, &ava).await, 5);
        let oliver = sign_in(&app, OLIVER, DEMO_PASSWORD, None).await.unwrap();
        let res = post(
            &app,
            "/api/learning_certificate",
            &format!("id={id}"),
            Some(&oliver),
        )
        .await;
        assert_eq!(error_of(res).await, AppError::NotFound);
    }
);

backend_test!(
    an_invited_engineer_is_enrolled_in_the_paths_for_engineers_of_their_partner_type,
    |db: Db| async move {
        let app = app(&db).await;
        let oliver = sign_in(&app, OLIVER, DEMO_PASSWORD, None).await.unwrap();
        let bluepeak = demo_id("org", "bluepeak");
        let res = post(
            &app,
            "/api/invite_person",
            &format!(
                "organisation_id={bluepeak}&name=Kai+Berg&email=kai.berg%40bluepeak.example\
                 &role=partner_user&job_function=technical"
            ),
            Some(&oliver),
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());
        let enrolled: Vec<String> = sqlx::query_scalar(
            "SELECT p.title FROM path_enrolments e JOIN cert_paths p ON p.id = e.path_id \
             JOIN people x ON x.id = e.person_id WHERE x.email = 'kai.berg@bluepeak.example' \
             ORDER BY p.title",
        )
        .fetch_all(&db.pool)
        .await
        .unwrap();
        // Bluepeak is an MSP: both technical paths, not the sales one.
        assert_eq!(
            enrolled,
            ["Managed Services Specialist", "Technical Certified"]
        );
        // Each enrolment is in Bluepeak's audit log.
        let audited: Vec<String> = sqlx::query_scalar(
            "SELECT a.detail FROM audit_log a JOIN people x ON x.id = a.record_id \
             WHERE a.action = 'path_enrolled' AND x.email = 'kai.berg@bluepeak.example' \
             AND a.organisation_id = $1 ORDER BY a.detail",
        )
        .bind(&bluepeak)
        .fetch_all(&db.pool)
        .await
        .unwrap();
        assert_eq!(audited, enrolled);
        // A job function that is not one is refused beside its field.
        let res = post(
            &app,
            "/api/invite_person",
            &format!(
                "organisation_id={bluepeak}&name=Kim+Berg&email=kim.berg%40bluepeak.example\
                 &role=partner_user&job_function=juggling"
            ),
            Some(&oliver),
        )
        .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(error_of(res).await.message_for("job_function").is_some());
        let kim = "SELECT COUNT(*) FROM people WHERE email = 'kim.berg@bluepeak.example'";
        assert_eq!(count(&db, kim).await, 0);
    }
);

/// Northwind's certified people as its tier status counts them.
async fn certified_at_northwind(app: &axum::Router, cookie: &str) -> i64 {
    let body = format!("organisation_id={}", demo_id("org", "northwind"));
    let status = json(post(app, "/api/tier_status", &body, Some(cookie)).await).await;
    let next = status["next"][1].as_array().unwrap();
    next.iter()
        .find(|gap| gap["measure"] == "Certified")
        .map(|gap| gap["actual"].as_i64().unwrap())
        .unwrap()
}

backend_test!(
    a_certificate_reminds_at_60_30_and_7_days_once_each_and_its_expiry_leaves_the_tier_count,
    |db: Db| async move {
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        // Mia's demo certificate: issued 320 days ago, valid a year.
        let mia = demo_id("certificate", "northwind-mia:technical");
        let until: i64 = sqlx::query_scalar("SELECT valid_until FROM certificates WHERE id = $1")
            .bind(&mia)
            .fetch_one(&db.pool)
            .await
            .unwrap();
        // Northwind's four certified people: three from before, and Mia.
        assert_eq!(certified_at_northwind(&app, &ava).await, 4);
        let job = server::jobs::CertificateSweep {
            db: db.clone(),
            public_url: "https://partners.acmecloud.example".into(),
        };
        let day = 86_400;
        let reminders = || async {
            sqlx::query_as::<_, (String, String)>(
                "SELECT subject, body FROM outbox WHERE to_address = 'mia.chen@northwind.example' \
                 ORDER BY created_at, subject",
            )
            .fetch_all(&db.pool)
            .await
            .unwrap()
        };
        // Found 45 days before the end: the 60-day reminder, saying 45;
        // two app servers sweeping at once send it once.
        let (a, b) = tokio::join!(
            job.sweep_at(until - 45 * day),
            job.sweep_at(until - 45 * day)
        );
        assert_eq!(a.unwrap() + b.unwrap(), 1);
        assert_eq!(job.sweep_at(until - 44 * day).await.unwrap(), 0, "once");
        let sent = reminders().await;
        assert_eq!(sent.len(), 1);
        assert_eq!(
            sent[0].0,
            "Your certificate expires in 45 days: Technical Certified"
        );
        assert!(
            sent[0]
                .1
                .contains("https://partners.acmecloud.example/learn"),
            "{}",
            sent[0].1
        );
        let in_app = "SELECT COUNT(*) FROM notifications n JOIN people p ON p.id = n.person_id \
                      WHERE p.email = 'mia.chen@northwind.example' AND n.link = '/learn'";
        assert_eq!(count(&db, in_app).await, 1);
        assert_eq!(job.sweep_at(until - 30 * day).await.unwrap(), 1);
        assert_eq!(job.sweep_at(until - 7 * day).await.unwrap(), 1);
        assert_eq!(job.sweep_at(until - 3 * day).await.unwrap(), 0);
        assert_eq!(count(&db, in_app).await, 3);
        // Still counted the second before it ends…
        assert_eq!(certified_at_northwind(&app, &ava).await, 4);
        // …and not after: told once, audited, recounted.
        assert_eq!(job.sweep_at(until).await.unwrap(), 1);
        assert_eq!(job.sweep_at(until + day).await.unwrap(), 0);
        let sent = reminders().await;
        assert_eq!(sent.len(), 4);
        assert!(sent
            .iter()
            .any(|(s, _)| s == "Your certificate has expired: Technical Certified"));
        let audited = format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'certificate_expired' AND record_id = '{mia}'"
        );
        assert_eq!(count(&db, &audited).await, 1);
        assert_eq!(certified_at_northwind(&app, &ava).await, 3);
    }
);

backend_test!(
    renewing_asks_again_only_for_the_courses_that_change_and_runs_on_from_the_old_end,
    |db: Db| async move {
        let app = app(&db).await;
        let mia = sign_in(&app, "mia.chen@northwind.example", DEMO_PASSWORD, None)
            .await
            .unwrap();
        // Her Technical Certified ends in 45 days: renewal is open. The
        // fundamentals stay passed; security and migration are asked again.
        let paths = json(post(&app, "/api/learning_paths", "", Some(&mia)).await).await;
        let card = &paths[0];
        assert_eq!(card["title"], "Technical Certified");
        let steps: Vec<bool> = card["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["passed"].as_bool().unwrap())
            .collect();
        assert_eq!(steps, [true, false, false]);
        assert_eq!(card["next"], demo_id("course", "security"));
        // The catalogue agrees: security is no longer shown as passed.
        let catalogue = json(post(&app, "/api/learning_catalogue", "", Some(&mia)).await).await;
        let passed = |slug: &str| {
            catalogue
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["id"] == demo_id("course", slug).as_str())
                .unwrap()["passed"]
                .clone()
        };
        assert_eq!(passed("fundamentals"), true);
        assert_eq!(passed("security"), false);
        // The fundamentals' quiz stays passed; security's is open again.
        let res = post(
            &app,
            "/api/learning_start_quiz",
            &format!("course_id={}", demo_id("course", "fundamentals")),
            Some(&mia),
        )
        .await;
        assert!(matches!(error_of(res).await, AppError::Conflict(_)));
        let old = demo_id("certificate", "northwind-mia:technical");
        let old_until: i64 =
            sqlx::query_scalar("SELECT valid_until FROM certificates WHERE id = $1")
                .bind(&old)
                .fetch_one(&db.pool)
                .await
                .unwrap();
        let mine = format!(
            "SELECT COUNT(*) FROM certificates WHERE person_id = '{}'",
            demo_id("person", "northwind-mia")
        );
        pass(&app, &mia, "security").await;
        assert_eq!(count(&db, &mine).await, 1, "migration still to retake");
        let last = pass(&app, &mia, "migration").await;
        assert_eq!(count(&db, &mine).await, 2);
        let result = json(
            post(
                &app,
                "/api/learning_attempt",
                &format!("id={last}"),
                Some(&mia),
            )
            .await,
        )
        .await;
        assert_eq!(result["certificates"][0][1], "Technical Certified");
        // The new one runs a year on from the old one's end: renewing early
        // loses nothing.
        let paths = json(post(&app, "/api/learning_paths", "", Some(&mia)).await).await;
        let renewed = &paths[0]["certificate"];
        assert_ne!(renewed["id"], old.as_str());
        assert_eq!(
            renewed["valid_until"].as_i64().unwrap(),
            old_until + 365 * 86_400
        );
        assert_eq!(renewed["status"], "Valid");
        assert_eq!(paths[0]["next"], serde_json::Value::Null);
        // And the quizzes are closed again: nothing left to renew.
        let res = post(
            &app,
            "/api/learning_start_quiz",
            &format!("course_id={}", demo_id("course", "security")),
            Some(&mia),
        )
        .await;
        assert!(matches!(error_of(res).await, AppError::Conflict(_)));
    }
);

/// Runs `tests/badges_verify.py` (joserfc) on `jwt`: the verified header
/// and claims, or `None` when it refuses the credential.
fn verify_with_joserfc(jwt: &str, profile: &str, issuer: &str) -> Option<serde_json::Value> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/badges_verify.py");
    let out = std::process::Command::new("python3")
        .args([script, jwt, profile, issuer])
        .output()
        .expect("python3 runs");
    out.status
        .success()
        .then(|| serde_json::from_slice(&out.stdout).unwrap())
}

backend_test!(
    a_certificate_downloads_as_an_open_badge_whose_signature_verifies_elsewhere,
    |db: Db| async move {
        let app = app(&db).await;
        let mia = sign_in(&app, "mia.chen@northwind.example", DEMO_PASSWORD, None)
            .await
            .unwrap();
        let id = demo_id("certificate", "northwind-mia:technical");
        let res =
            server::testing::get_page(&app, &format!("/learn/certificates/{id}/badge.jwt"), &mia)
                .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()["content-type"], "application/vc+jwt");
        let jwt = body_text(res).await;
        let issuer = server::testing::get_page(&app, "/badges/issuer", "").await;
        assert_eq!(issuer.status(), StatusCode::OK);
        let profile = body_text(issuer).await;
        let issuer_id = serde_json::from_str::<serde_json::Value>(&profile).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned();

        let verified = verify_with_joserfc(&jwt, &profile, &issuer_id).expect("joserfc accepts it");
        assert_eq!(verified["header"]["alg"], "EdDSA");
        let claims = &verified["claims"];
        assert_eq!(
            claims["type"],
            serde_json::json!(["VerifiableCredential", "OpenBadgeCredential"])
        );
        assert!(claims["jti"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/verify/{id}")));
        assert_eq!(claims["name"], "Technical Certified");
        assert_eq!(
            claims["credentialSubject"]["achievement"]["name"],
            "Technical Certified"
        );
        assert_eq!(claims["credentialStatus"]["type"], "1EdTechRevocationList");
        assert!(claims["validUntil"].as_str().unwrap().ends_with('Z'));
        assert_eq!(
            claims["exp"].as_i64().unwrap() - claims["nbf"].as_i64().unwrap(),
            365 * 86_400
        );
        // The recipient only as a salted hash: her address is nowhere in it.
        assert!(!jwt.contains("mia") && !claims.to_string().contains("mia.chen"));
        assert!(claims["sub"].as_str().unwrap().starts_with("sha256$"));

        // One changed character in the payload and the signature fails.
        let mut parts: Vec<String> = jwt.split('.').map(str::to_owned).collect();
        let middle = parts[1].len() / 2;
        let flipped = if &parts[1][middle..=middle] == "A" {
            "B"
        } else {
            "A"
        };
        parts[1].replace_range(middle..=middle, flipped);
        assert!(verify_with_joserfc(&parts.join("."), &profile, &issuer_id).is_none());

        // Nothing is revoked yet; another partner cannot download hers.
        let list = server::testing::get_page(&app, "/badges/revocations", "").await;
        let list: serde_json::Value = serde_json::from_str(&body_text(list).await).unwrap();
        assert_eq!(list["revokedCredentials"], serde_json::json!([]));
        let oliver = sign_in(&app, OLIVER, DEMO_PASSWORD, None).await.unwrap();
        let res = server::testing::get_page(
            &app,
            &format!("/learn/certificates/{id}/badge.jwt"),
            &oliver,
        )
        .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
        let res =
            server::testing::get_page(&app, &format!("/learn/certificates/{id}/badge.jwt"), "")
                .await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
);
