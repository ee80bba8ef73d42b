//! Live updates: `/events` tells each signed-in person their own unread
//! count and, for vendor reviewers only, that the review queue changed;
//! a change made on one app server reaches the streams of another.

use std::time::Duration;

use app::{
    backend_test,
    db::{testing::run_shared, Actor, Backend, Change, Db},
    organisations::demo::DEMO_PASSWORD,
};
use axum::{
    body::Body,
    http::{header, Request, StatusCode},
    Router,
};
use http_body_util::BodyExt;
use server::testing::{form_body, post_form, registration, seeded_app as app, sign_in};
use tower::ServiceExt;

const AVA: &str = "ava.thompson@northwind.example";
const MARCUS: &str = "marcus.webb@acmecloud.example";
const JONAS: &str = "jonas.weber@lumen-si.example";

/// An open `/events` response, read event by event.
struct Events {
    body: Body,
    pending: String,
}

impl Events {
    async fn open(app: &Router, cookie: Option<&str>) -> Result<Events, StatusCode> {
        let mut request = Request::get("/events");
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        let res = app
            .clone()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        if res.status() != StatusCode::OK {
            return Err(res.status());
        }
        assert_eq!(res.headers()[header::CONTENT_TYPE], "text/event-stream");
        Ok(Events {
            body: res.into_body(),
            pending: String::new(),
        })
    }

    /// The next event as (name, data), or `None` if none comes within
    /// `wait` (keep-alive comments are skipped).
    async fn next_within(&mut self, wait: Duration) -> Option<(String, String)> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            if let Some(end) = self.pending.find("\n\n") {
                let block: String = self.pending.drain(..end + 2).collect();
                let field = |name: &str| {
                    block
                        .lines()
                        .find_map(|l| l.strip_prefix(name))
                        .map(|v| v.trim_start().to_owned())
                };
                if let (Some(event), Some(data)) = (field("event:"), field("data:")) {
                    return Some((event, data));
                }
                continue;
            }
            let frame = tokio::time::timeout_at(deadline, self.body.frame())
                .await
                .ok()??
                .expect("a readable stream");
            if let Ok(data) = frame.into_data() {
                self.pending.push_str(std::str::from_utf8(&data).unwrap());
            }
        }
    }

    async fn next(&mut self) -> (String, String) {
        self.next_within(Duration::from_secs(2))
            .await
            .expect("an event within 2 s")
    }

    /// Asserts that nothing arrives for a moment.
    async fn quiet(&mut self, who: &str) {
        let event = self.next_within(Duration::from_millis(500)).await;
        assert_eq!(event, None, "{who} heard something not theirs");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nobody_signed_in_gets_no_stream() {
    app::db::testing::run(Backend::Sqlite, |db: Db| async move {
        let app = app(&db).await;
        assert_eq!(
            Events::open(&app, None).await.err(),
            Some(StatusCode::UNAUTHORIZED)
        );
        assert_eq!(
            Events::open(&app, Some("__Host-trellis_session=forged"))
                .await
                .err(),
            Some(StatusCode::UNAUTHORIZED)
        );
    })
    .await;
}

backend_test!(
    each_stream_hears_only_its_own_count_and_reviewers_the_queue,
    |db: Db| async move {
        let _listening = db.listen().await.unwrap();
        let app = app(&db).await;
        let ava = sign_in(&app, AVA, DEMO_PASSWORD, None).await.unwrap();
        let marcus = sign_in(&app, MARCUS, DEMO_PASSWORD, None).await.unwrap();
        let jonas = sign_in(&app, JONAS, DEMO_PASSWORD, None).await.unwrap();

        let mut to_marcus = Events::open(&app, Some(&marcus)).await.unwrap();
        let mut to_ava = Events::open(&app, Some(&ava)).await.unwrap();
        let mut to_jonas = Events::open(&app, Some(&jonas)).await.unwrap();
        // Each stream opens with its reader's count.
        let (event, before) = to_marcus.next().await;
        assert_eq!(event, "unread");
        let before: i64 = before.parse().unwrap();
        assert_eq!(to_ava.next().await.0, "unread");
        assert_eq!(to_jonas.next().await.0, "unread");

        // Ava registers a deal: Northwind's channel manager is told, and
        // his review queue changed.
        let res = post_form(
            &app,
            "/api/register_deal",
            &form_body(&registration("Hooli", "")),
            Some(&ava),
        )
        .await;
        assert!(res.status().is_success(), "{}", res.status());
        let mut heard = vec![to_marcus.next().await, to_marcus.next().await];
        heard.sort();
        assert_eq!(
            heard,
            vec![
                ("queue".to_owned(), "changed".to_owned()),
                ("unread".to_owned(), (before + 1).to_string()),
            ]
        );
        // A partner hears neither the queue nor anyone else's count.
        to_ava.quiet("Ava").await;
        to_jonas.quiet("Jonas").await;

        // Reading his notifications drops Marcus's count, on every page he
        // has open.
        let res = post_form(&app, "/api/mark_notifications_read", "", Some(&marcus)).await;
        assert!(res.status().is_success());
        assert_eq!(
            to_marcus.next().await,
            ("unread".to_owned(), "0".to_owned())
        );
        to_ava.quiet("Ava").await;
    }
);

/// Two app servers on one database: what one commits reaches the other's
/// streams; what one rolls back reaches nobody.
async fn crosses_servers(backend: Backend) {
    run_shared(backend, |one: Db, two: Db| async move {
        let _one_listening = one.listen().await.unwrap();
        let _two_listening = two.listen().await.unwrap();
        let (mut heard_by_one, _) = one.changes.subscribe();
        let (mut heard_by_two, _) = two.changes.subscribe();

        let mut rolled_back = one.write(Actor::system()).await.unwrap();
        rolled_back
            .announce(Change::Unread("nobody".into()))
            .await
            .unwrap();
        drop(rolled_back);

        let mut write = one.write(Actor::system()).await.unwrap();
        write.announce(Change::Queue).await.unwrap();
        write.announce(Change::Queue).await.unwrap();
        write.commit().await.unwrap();

        let wait = Duration::from_secs(2);
        let first = tokio::time::timeout(wait, heard_by_one.recv()).await;
        assert_eq!(first.unwrap().unwrap(), Change::Queue);
        if backend == Backend::Postgres {
            let other = tokio::time::timeout(wait, heard_by_two.recv()).await;
            assert_eq!(other.unwrap().unwrap(), Change::Queue);
        }
        // Announced twice, told once; the rolled-back change never.
        let more = tokio::time::timeout(Duration::from_millis(300), heard_by_one.recv()).await;
        assert!(more.is_err(), "{more:?}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_cross_app_servers_on_postgres() {
    crosses_servers(Backend::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_reach_this_process_on_sqlite() {
    crosses_servers(Backend::Sqlite).await;
}
