//! `GET /events`: what changed for the signed-in person, as server-sent
//! events, so open pages follow along without a reload.
//!
//! - `unread`: the viewer's unread notification count (sent at once, then
//!   whenever it changes);
//! - `queue`: the review queue changed (vendor reviewers only; no data: the
//!   page reads the queue again through its own authorised request).
//!
//! Who is listening comes from the session cookie alone; the stream ends
//! when the session does (checked every minute, without counting as
//! activity), and when the server shuts down.

use std::{collections::VecDeque, convert::Infallible, time::Duration};

use app::{
    auth::{policy::authorize_deal_review, server as auth},
    db::{Change, Db},
};
use axum::{
    extract::{Request, State},
    http::{header, HeaderValue, StatusCode},
    response::{
        sse::{Event, KeepAlive, Sse},
        IntoResponse, Response,
    },
};
use tokio::sync::{broadcast, watch};

/// How often a stream checks that its session is still live.
const SESSION_CHECK: Duration = Duration::from_secs(60);

/// One open stream.
struct Listener {
    db: Db,
    changes: broadcast::Receiver<Change>,
    closing: watch::Receiver<bool>,
    person_id: String,
    token: String,
    reviewer: bool,
    ready: VecDeque<Event>,
    check: tokio::time::Interval,
}

impl Listener {
    /// The next event to send; `None` ends the stream.
    async fn next(&mut self) -> Option<Event> {
        loop {
            if let Some(event) = self.ready.pop_front() {
                return Some(event);
            }
            tokio::select! {
                _ = self.closing.changed() => return None,
                _ = self.check.tick() => {
                    if !auth::session_is_live(&self.db, &self.token).await.unwrap_or(false) {
                        return None;
                    }
                }
                change = self.changes.recv() => {
                    let (unread, queue) = match change {
                        // Only the viewer's own count, only reviewers' queue.
                        Ok(Change::Unread(person_id)) => (person_id == self.person_id, false),
                        Ok(Change::Queue) => (false, self.reviewer),
                        Ok(Change::Resync) | Err(broadcast::error::RecvError::Lagged(_)) => {
                            (true, self.reviewer)
                        }
                        Err(broadcast::error::RecvError::Closed) => return None,
                    };
                    if unread {
                        let count = app::notifications::server::unread(&self.db.pool, &self.person_id)
                            .await
                            .ok()?;
                        self.ready.push_back(unread_event(count));
                    }
                    if queue {
                        self.ready.push_back(Event::default().event("queue").data("changed"));
                    }
                }
            }
        }
    }
}

fn unread_event(count: i64) -> Event {
    Event::default().event("unread").data(count.to_string())
}

/// `GET /events` (see the module docs). 401 when nobody is signed in: the
/// browser then stops trying.
pub async fn stream(State(db): State<Db>, req: Request) -> Response {
    let Some(auth::ResolvedViewer(Some(viewer), _)) =
        req.extensions().get::<auth::ResolvedViewer>().cloned()
    else {
        return (StatusCode::UNAUTHORIZED, "").into_response();
    };
    let Some(token) = auth::session_token(req.headers()) else {
        return (StatusCode::UNAUTHORIZED, "").into_response();
    };
    let unread = req
        .extensions()
        .get::<app::shell::Unread>()
        .map_or(0, |u| u.0);
    let (changes, closing) = db.changes.subscribe();
    let start = tokio::time::Instant::now() + SESSION_CHECK;
    let listener = Listener {
        db,
        changes,
        closing,
        person_id: viewer.person_id.clone(),
        token,
        reviewer: authorize_deal_review(&viewer).is_ok(),
        ready: VecDeque::from([unread_event(unread).retry(Duration::from_secs(3))]),
        check: tokio::time::interval_at(start, SESSION_CHECK),
    };
    let events = futures_util::stream::unfold(listener, |mut listener| async move {
        let event = listener.next().await?;
        Some((Ok::<_, Infallible>(event), listener))
    });
    let mut res = Sse::new(events)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(20)))
        .into_response();
    // A proxy in front must pass events on at once.
    res.headers_mut().insert(
        header::HeaderName::from_static("x-accel-buffering"),
        HeaderValue::from_static("no"),
    );
    res
}
