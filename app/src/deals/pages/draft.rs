//! The offline draft of the registration form: kept in the browser while
//! the partner types, restored on return, forgotten once registered.

use leptos::prelude::*;

/// `/deals/new`: the registration form.
/// Where a registration being typed is kept on this device.
#[cfg(feature = "hydrate")]
pub(super) const DRAFT_KEY: &str = "trellis-deal-draft";

/// Keeps the registration being typed on this device (local storage), so
/// it survives a reload, a lost connection or a closed tab; when the phone
/// is offline at "Submit", holds the registration and sends it as soon as
/// the connection is back. The draft is forgotten once the deal page of
/// that customer is shown (see [`ForgetDraft`]).
#[island]
pub(super) fn DraftKeeper() -> impl IntoView {
    let note = RwSignal::new(None::<&'static str>);
    let restored = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    {
        use local::{form, restore, save};
        use wasm_bindgen::JsCast;
        // After hydration: the page was rendered without the note.
        Effect::new(move |_| {
            if restore() {
                restored.set(true);
                note.set(Some(t!(
                    "Restored the registration you were typing on this device."
                )));
            }
        });
        let typed = window_event_listener(leptos::ev::input, |_| save());
        let changed = window_event_listener(leptos::ev::change, |_| save());
        let waiting = StoredValue::new(false);
        let submitted = window_event_listener(leptos::ev::submit, move |event| {
            let ours = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|t| t.id() == "deal-form");
            if ours && !window().navigator().on_line() {
                event.prevent_default();
                save();
                waiting.set_value(true);
                note.set(Some(t!("You are offline. The registration is kept on this device and will be sent as soon as you are back online.")));
            }
        });
        let online = window_event_listener(leptos::ev::online, move |_| {
            if waiting.get_value() {
                waiting.set_value(false);
                note.set(Some(t!("Back online: sending the registration…")));
                if let Some(form) = form() {
                    let _ = form.request_submit();
                }
            }
        });
        on_cleanup(move || {
            typed.remove();
            changed.remove();
            submitted.remove();
            online.remove();
        });
    }
    let discard = move |_| {
        #[cfg(feature = "hydrate")]
        {
            if let Some(store) = local::storage() {
                let _ = store.remove_item(DRAFT_KEY);
            }
            if let Some(form) = local::form() {
                form.reset();
            }
        }
        restored.set(false);
        note.set(None);
    };
    view! {
        <div aria-live="polite" data-testid="draft-status" class="text-sm">
            {move || note.get().map(|n| view! {
                <p class="flex flex-wrap items-center gap-2 rounded-lg border border-sky-300 bg-sky-50 px-3 py-2 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100">
                    {n}
                    {restored.get().then(|| view! {
                        <button type="button" on:click=discard class="font-medium underline">{t!("Discard draft")}</button>
                    })}
                </p>
            })}
        </div>
    }
}

/// Forgets the draft kept on this device once its customer's deal page is
/// shown: the registration has been sent.
#[island]
pub(super) fn ForgetDraft(customer_company: String) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    local::forget_if_for(&customer_company);
    #[cfg(not(feature = "hydrate"))]
    let _ = customer_company;
}

/// The registration form's fields in the browser, and the draft of them in
/// local storage (`name␟value` pairs separated by `␞`).
#[cfg(feature = "hydrate")]
mod local {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    use super::DRAFT_KEY;

    const COMPANY: &str = "deal[customer_company]";

    pub fn form() -> Option<web_sys::HtmlFormElement> {
        document().get_element_by_id("deal-form")?.dyn_into().ok()
    }

    pub fn storage() -> Option<web_sys::Storage> {
        window().local_storage().ok().flatten()
    }

    fn fields(form: &web_sys::HtmlFormElement) -> Vec<(String, web_sys::Element)> {
        let elements = form.elements();
        (0..elements.length())
            .filter_map(|i| elements.item(i))
            .filter_map(|el| {
                let name = el.get_attribute("name")?;
                name.starts_with("deal[").then_some((name, el))
            })
            .collect()
    }

    fn value_of(el: &web_sys::Element) -> String {
        if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            input.value()
        } else if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
            select.value()
        } else if let Some(text) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            text.value()
        } else {
            String::new()
        }
    }

    fn set_value(el: &web_sys::Element, value: &str) {
        if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            input.set_value(value);
        } else if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
            select.set_value(value);
        } else if let Some(text) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            text.set_value(value);
        }
    }

    /// Saves what the form holds, once something is typed.
    pub fn save() {
        let (Some(form), Some(store)) = (form(), storage()) else {
            return;
        };
        let pairs: Vec<(String, String)> = fields(&form)
            .iter()
            .map(|(name, el)| (name.clone(), value_of(el)))
            .collect();
        if pairs
            .iter()
            .all(|(name, v)| v.is_empty() || !is_typed(name))
        {
            return;
        }
        let text: Vec<String> = pairs.iter().map(|(n, v)| format!("{n}\u{1f}{v}")).collect();
        let _ = store.set_item(DRAFT_KEY, &text.join("\u{1e}"));
    }

    /// Selects always hold a value; only typed fields make a draft.
    fn is_typed(name: &str) -> bool {
        !matches!(name, "deal[currency]" | "deal[partner_role]")
    }

    fn saved() -> Vec<(String, String)> {
        storage()
            .and_then(|s| s.get_item(DRAFT_KEY).ok().flatten())
            .map(|text| {
                text.split('\u{1e}')
                    .filter_map(|pair| pair.split_once('\u{1f}'))
                    .map(|(n, v)| (n.to_owned(), v.to_owned()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Puts a kept draft back into an empty form; whether it did.
    pub fn restore() -> bool {
        let Some(form) = form() else { return false };
        let fields = fields(&form);
        let blank = fields
            .iter()
            .filter(|(name, _)| is_typed(name))
            .all(|(_, el)| value_of(el).is_empty());
        let draft = saved();
        if !blank || draft.is_empty() {
            return false;
        }
        for (name, value) in &draft {
            if let Some((_, el)) = fields.iter().find(|(n, _)| n == name) {
                set_value(el, value);
            }
        }
        true
    }

    /// Forgets the draft if it is for `company`.
    pub fn forget_if_for(company: &str) {
        let sent = saved()
            .iter()
            .any(|(name, value)| name == COMPANY && value.trim() == company.trim());
        if let (true, Some(store)) = (sent, storage()) {
            let _ = store.remove_item(DRAFT_KEY);
        }
    }
}
