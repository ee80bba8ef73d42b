//! Authoring through the real router on both databases: the program admin
//! writes a course with lessons (one handing out a library document) and a
//! quiz pool, builds a path from it, and a partner person of the path's
//! audience is enrolled, reads the lessons and gets a quiz without its key.

use app::{
    backend_test,
    db::Db,
    error::AppError,
    organisations::demo::{demo_id, DEMO_PASSWORD},
};
use server::testing::{
    body_text, error_of, location_of, post_form as post, seeded_app as app, sign_in,
};

const PRIYA: &str = "priya.raman@acmecloud.example";
const AVA: &str = "ava.thompson@northwind.example";
const LEO: &str = "leo.martinez@northwind.example";

async fn json(res: axum::response::Response) -> serde_json::Value {
    let status = res.status();
    let text = body_text(res).await;
    assert!(status.is_success(), "{status}: {text}");
    serde_json::from_str(&text).unwrap()
}

backend_test!(
    the_program_admin_writes_a_course_and_a_path_and_a_partner_takes_it,
    |db: Db| async move {
        let app = app(&db).await;
        let priya = sign_in(&app, PRIYA, DEMO_PASSWORD, None).await.unwrap();
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let course = "course[title]=Edge+basics&course[summary]=What+the+edge+is+for.&\
                      course[minutes]=20&course[pass_mark]=50&course[max_attempts]=2&\
                      course[questions_per_attempt]=2";
        // Partners do not author.
        let res = post(&app, "/api/learning_save_course", course, Some(&ava)).await;
        assert_eq!(error_of(res).await, AppError::Forbidden);
        let res = post(
            &app,
            "/api/learning_save_course",
            &course.replace("pass_mark]=50", "pass_mark]=150"),
            Some(&priya),
        )
        .await;
        assert!(error_of(res).await.message_for("pass_mark").is_some());
        let res = post(&app, "/api/learning_save_course", course, Some(&priya)).await;
        let id = location_of(&res)
            .expect("to the course's editor")
            .trim_start_matches("/learn/")
            .trim_end_matches("/edit")
            .to_owned();
        // Two lessons, the second moved first; one hands out a document.
        let deck = demo_id("asset", "overview-deck");
        for (title, asset) in [("Why+the+edge", ""), ("Edge+regions", deck.as_str())] {
            let body = format!(
                "course_id={id}&lesson[title]={title}&lesson[body]=%23+Regions%0A%0AFour+**edge**+regions.&lesson[asset_id]={asset}"
            );
            let res = post(&app, "/api/learning_save_lesson", &body, Some(&priya)).await;
            assert!(res.status().is_success(), "{}", res.status());
        }
        let res = post(
            &app,
            "/api/learning_save_lesson",
            &format!("course_id={id}&lesson[title]=X&lesson[body]=Y&lesson[asset_id]=nope"),
            Some(&priya),
        )
        .await;
        assert!(error_of(res).await.message_for("asset_id").is_some());
        let editable = json(
            post(
                &app,
                "/api/learning_course_for_editing",
                &format!("id={id}"),
                Some(&priya),
            )
            .await,
        )
        .await;
        let second = editable["lessons"][1]["id"].as_str().unwrap().to_owned();
        json(
            post(
                &app,
                "/api/learning_move_lesson",
                &format!("id={second}"),
                Some(&priya),
            )
            .await,
        )
        .await;
        // Three questions; a pick-one question with two right is refused.
        let bad = format!("course_id={id}&question[prompt]=Q&question[choices][0]=A&question[choices][1]=B&question[correct][0]=0&question[correct][1]=1");
        let res = post(&app, "/api/learning_add_question", &bad, Some(&priya)).await;
        assert!(error_of(res).await.message_for("correct").is_some());
        for (n, prompt) in [
            "How+many+edge+regions%3F",
            "Is+the+edge+a+region%3F",
            "Which+serve+users+near+them%3F",
        ]
        .iter()
        .enumerate()
        {
            let body = format!("course_id={id}&question[prompt]={prompt}&question[choices][0]=Right+{n}&question[choices][1]=Wrong+{n}&question[correct][0]=0");
            json(post(&app, "/api/learning_add_question", &body, Some(&priya)).await).await;
        }
        let editable = json(
            post(
                &app,
                "/api/learning_course_for_editing",
                &format!("id={id}"),
                Some(&priya),
            )
            .await,
        )
        .await;
        assert_eq!(editable["lessons"][0]["title"], "Edge regions");
        assert_eq!(editable["questions"].as_array().unwrap().len(), 3);
        // The pool may not drop under the two an attempt draws.
        let q0 = editable["questions"][0]["id"].as_str().unwrap().to_owned();
        let q1 = editable["questions"][1]["id"].as_str().unwrap().to_owned();
        json(
            post(
                &app,
                "/api/learning_remove_question",
                &format!("id={q0}"),
                Some(&priya),
            )
            .await,
        )
        .await;
        let res = post(
            &app,
            "/api/learning_remove_question",
            &format!("id={q1}"),
            Some(&priya),
        )
        .await;
        assert!(matches!(error_of(res).await, AppError::Conflict(_)));
        // A path for sales people at resellers: Leo (Northwind, a VAR) is enrolled.
        let path = format!(
            "path[title]=Edge+Sales&path[summary]=Selling+the+edge.&path[job_functions][0]=sales&\
             path[partner_types][0]=var&path[validity_months]=12&path[counts_toward_tier]=yes&\
             path[courses][0]={id}"
        );
        json(post(&app, "/api/learning_save_path", &path, Some(&priya)).await).await;
        let leo = sign_in(&app, LEO, DEMO_PASSWORD, None).await.unwrap();
        let paths = json(post(&app, "/api/learning_paths", "", Some(&leo)).await).await;
        let edge = paths
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["title"] == "Edge Sales")
            .expect("enrolled");
        assert_eq!(edge["next"], id.as_str());
        // He reads the first lesson, with its document, and gets a quiz
        // of two questions without the key.
        let lesson = json(
            post(
                &app,
                "/api/learning_lesson",
                &format!("course_id={id}&position=1"),
                Some(&leo),
            )
            .await,
        )
        .await;
        assert_eq!(lesson["title"], "Edge regions");
        assert_eq!(
            lesson["document"],
            serde_json::json!([deck, "Acme Cloud platform overview"])
        );
        let paper = post(
            &app,
            "/api/learning_start_quiz",
            &format!("course_id={id}"),
            Some(&leo),
        )
        .await;
        let text = body_text(paper).await;
        let paper: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(paper["questions"].as_array().unwrap().len(), 2);
        assert!(!text.contains("correct"), "{text}");
        // Every change is audited.
        let audited: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM audit_log WHERE action IN ('course_saved', 'lesson_saved', \
             'lesson_moved', 'question_added', 'question_removed', 'path_saved')",
        )
        .fetch_one(&db.pool)
        .await
        .unwrap();
        assert_eq!(audited, 1 + 2 + 1 + 3 + 1 + 1);
    }
);
