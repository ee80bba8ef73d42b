//! Who is looking: the signed-in person and the header's state (unread
//! notifications), resolved by the server before a page renders and
//! provided to every page and the navigation.

use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::auth::{api::SignOut, Viewer};

/// How many notifications the viewer has not read, counted when a page is
/// requested (a request extension the header reads).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Unread(pub i64);

/// Who is signed in, provided by `App` to every page and the navigation.
/// The server resolves it before rendering starts (see `ResolvedViewer`),
/// so pages read it synchronously and can redirect before anything is sent.
#[derive(Clone)]
pub struct ViewerContext {
    pub viewer: Option<Viewer>,
    /// A session half-way through two-step sign-in (no viewer yet).
    pub pending: Option<crate::auth::Stage>,
    /// The viewer's unread notifications.
    pub unread: i64,
    pub sign_out: ServerAction<SignOut>,
}

impl ViewerContext {
    pub fn provide() {
        #[cfg(feature = "ssr")]
        let (viewer, pending) =
            crate::auth::server::request_extension::<crate::auth::server::ResolvedViewer>()
                .map(|resolved| (resolved.0, resolved.1))
                .unwrap_or_default();
        #[cfg(feature = "ssr")]
        let unread = crate::auth::server::request_extension::<Unread>()
            .unwrap_or_default()
            .0;
        // Pages are rendered on the server only; islands never ask.
        #[cfg(not(feature = "ssr"))]
        let (viewer, pending, unread) = (None, None, 0);
        let context = ViewerContext {
            viewer,
            pending,
            unread,
            sign_out: ServerAction::<SignOut>::new(),
        };
        provide_context(context);
    }

    pub fn use_context() -> ViewerContext {
        expect_context::<ViewerContext>()
    }
}

/// Renders `signed_in` with the viewer, or sends the visitor to `/signin`
/// (or on to the two-step step their session is waiting for).
#[component]
pub fn RequireViewer<F, V>(signed_in: F) -> impl IntoView
where
    F: Fn(Viewer) -> V + Send + Sync + Clone + 'static,
    V: IntoView + 'static,
{
    let context = ViewerContext::use_context();
    match (context.viewer, context.pending) {
        (Some(viewer), _) => signed_in(viewer).into_any(),
        (None, Some(stage)) => view! { <Redirect path=stage.home() /> }.into_any(),
        (None, None) => view! { <Redirect path="/signin" /> }.into_any(),
    }
}
