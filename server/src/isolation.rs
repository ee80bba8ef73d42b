//! Every request starts from no reactive owner.
//!
//! Leptos keeps the "current owner" (whose contexts `use_context` reads) in
//! a thread-local. A server function's handler makes its owner with
//! `Owner::new()`, which becomes a *child* of whatever owner that
//! thread-local still holds, and under load it can still hold the owner of
//! a page another request is rendering on the same worker thread. The
//! server function then read that page's contexts for anything it did not
//! provide itself: in CI a German partner's form was checked in the
//! language of someone else's page (about 7 % of server-function calls
//! while pages render alongside). This layer clears the thread-local before
//! each poll of a request, so each request's owner is a root and sees only
//! its own contexts.

use std::{
    future::Future,
    pin::Pin,
    task::{Context, Poll},
};

use axum::{extract::Request, middleware::Next, response::Response};
use leptos::prelude::Owner;

/// Runs the rest of the stack with no reactive owner left over from another
/// request.
pub async fn without_foreign_owner(req: Request, next: Next) -> Response {
    isolated(next.run(req)).await
}

/// `fut`, polled each time with the thread's current owner cleared first.
pub fn isolated<F: Future>(fut: F) -> Isolated<F> {
    Isolated(Box::pin(fut))
}

/// A future polled with the thread's current owner cleared first.
pub struct Isolated<F>(Pin<Box<F>>);

impl<F: Future> Future for Isolated<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if let Some(owner) = Owner::current() {
            owner.unset();
        }
        self.0.as_mut().poll(cx)
    }
}
