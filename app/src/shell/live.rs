//! Pages that follow along: the header's unread count and the review
//! queue change when something happens, without a reload. Both listen on
//! the page's one connection to `/events` (see `server/src/events.rs`).
//! Without JavaScript they are what the server drew.

use leptos::prelude::*;

/// The bell's name and badge: "Notifications, 3 unread", kept current.
#[island]
pub fn UnreadBell(initial: i64) -> impl IntoView {
    let unread = RwSignal::new(initial);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        source::on("unread", move |data| {
            if let Ok(count) = data.parse() {
                unread.set(count);
            }
        })
    });
    let label = move || {
        let count = unread.get();
        if count > 0 {
            t!("Notifications, {unread} unread", unread = count)
        } else {
            t!("Notifications").to_owned()
        }
    };
    view! {
        <span class="sr-only">{label}</span>
        {move || {
            let count = unread.get();
            (count > 0).then(|| view! {
                <span aria-hidden="true" class="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-rose-700 px-1 text-center text-xs font-semibold text-white">
                    {if count > 99 { "99+".to_owned() } else { count.to_string() }}
                </span>
            })
        }}
    }
}

/// The id of the part of the review page that [`QueueFollower`] redraws.
pub const QUEUE_REGION: &str = "review-queue";

/// Redraws the review queue (the element with id [`QUEUE_REGION`]) from
/// the server when it changes, and says so to screen readers. It waits
/// while the reviewer is working inside it (focus there), so nothing moves
/// under their hands.
#[island]
pub fn QueueFollower() -> impl IntoView {
    let updated = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        source::on("queue", move |_| {
            leptos::task::spawn_local(async move {
                if redraw::queue().await.is_ok() {
                    updated.set(true);
                }
            })
        })
    });
    view! {
        <p class="sr-only" aria-live="polite">
            {move || updated.get().then(|| t!("The queue was updated."))}
        </p>
    }
}

/// The page's one connection to `/events`, shared by every listener.
#[cfg(feature = "hydrate")]
mod source {
    use std::cell::RefCell;

    use wasm_bindgen::{closure::Closure, JsCast};

    thread_local! {
        static SOURCE: RefCell<Option<web_sys::EventSource>> = const { RefCell::new(None) };
    }

    /// Calls `handle` with the data of every `event` the server sends.
    pub fn on(event: &str, mut handle: impl FnMut(String) + 'static) {
        SOURCE.with(|source| {
            let mut source = source.borrow_mut();
            if source.is_none() {
                *source = web_sys::EventSource::new("/events").ok();
                if let Some(source) = source.as_ref() {
                    // Tests (and the curious) can see the page is listening.
                    let opened = Closure::<dyn FnMut()>::new(|| {
                        if let Some(root) = leptos::prelude::document().document_element() {
                            let _ = root.set_attribute("data-live", "open");
                        }
                    });
                    source.set_onopen(Some(opened.as_ref().unchecked_ref()));
                    opened.forget();
                }
            }
            let Some(source) = source.as_ref() else {
                return;
            };
            let listener = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
                move |e: web_sys::MessageEvent| {
                    if let Some(data) = e.data().as_string() {
                        handle(data);
                    }
                },
            );
            let _ =
                source.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
            // Listens for as long as the page is open.
            listener.forget();
        });
    }
}

/// Fetches the page again and swaps in its fresh queue.
#[cfg(feature = "hydrate")]
mod redraw {
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    pub async fn queue() -> Result<(), JsValue> {
        let document = leptos::prelude::document();
        let Some(current) = document.get_element_by_id(super::QUEUE_REGION) else {
            return Ok(());
        };
        let focused_inside = document
            .active_element()
            .is_some_and(|active| current.contains(Some(&active)));
        if focused_inside {
            return Err(JsValue::from_str("the reviewer is working in the queue"));
        }
        let window = leptos::prelude::window();
        let location = window.location();
        let url = format!("{}{}", location.pathname()?, location.search()?);
        let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&url))
            .await?
            .dyn_into()?;
        if !response.ok() {
            return Err(JsValue::from_str("the queue could not be read"));
        }
        let html = JsFuture::from(response.text()?).await?;
        let fresh = web_sys::DomParser::new()?
            .parse_from_string(
                &html.as_string().unwrap_or_default(),
                web_sys::SupportedType::TextHtml,
            )?
            .get_element_by_id(super::QUEUE_REGION);
        match fresh {
            Some(fresh) => current.replace_with_with_node_1(&fresh),
            None => Err(JsValue::from_str("the page has no queue")),
        }
    }
}
