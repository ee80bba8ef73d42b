//! The live co-branded preview: the shared renderer run in the browser on
//! the partner's own data, redrawn as they reword what the template
//! allows, at phone or desktop width, light or dark. The wording fields
//! belong to the launch form around it, so they post without JavaScript.

use leptos::prelude::*;

use crate::{
    campaigns::{
        content::{Block, Content, Part},
        render::{in_dark, FormState, Medium, Renderer},
        LaunchView,
    },
    shell::ui::TextArea,
};

/// The label of rewordable block `block`, numbered `n` within its part.
fn wording_label(part: Part, block: &Block, n: usize) -> String {
    let kind = super::kind_name(block.kind());
    match part {
        Part::Email => t!("Email: {kind} {n}", kind = kind, n = n + 1),
        Part::Page => t!("Landing page: {kind} {n}", kind = kind, n = n + 1),
    }
}

#[island]
pub fn CampaignPreview(view: LaunchView) -> impl IntoView {
    let parts: Vec<Part> = [
        view.content.has_email().then_some(Part::Email),
        view.content.has_page().then_some(Part::Page),
    ]
    .into_iter()
    .flatten()
    .collect();
    let part = RwSignal::new(parts.first().copied().unwrap_or(Part::Page));
    let phone = RwSignal::new(false);
    let dark = RwSignal::new(false);
    let editable = view.content.editable();
    let wording = RwSignal::new(
        editable
            .iter()
            .map(|&(p, i)| {
                view.content.slots(p)[i]
                    .block
                    .wording()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect::<Vec<String>>(),
    );
    let view = StoredValue::new(view);
    let html = Signal::derive(move || {
        view.with_value(|v| {
            let content = v
                .content
                .with_wording(&wording.get())
                .unwrap_or_else(|_| v.content.clone());
            document(v, &content, part.get(), dark.get())
        })
    });
    let pane = preview_pane(parts, part, phone, dark, html);
    let fields = editable
        .iter()
        .enumerate()
        .map(|(k, &(p, i))| {
            let (block, text) = view.with_value(|v| {
                let block = v.content.slots(p)[i].block.clone();
                let text = block.wording().unwrap_or_default().to_owned();
                (block, text)
            });
            let rows = match block {
                Block::Text { .. } | Block::Quote { .. } => 5,
                Block::Heading { .. } => 2,
                _ => 1,
            };
            view! {
                <label class="flex flex-col gap-1 text-sm font-medium">
                    {wording_label(p, &block, i)}
                    <TextArea name=format!("wording[{k}]") rows=rows maxlength=block.wording_limit() as u32 value=text required=true />
                </label>
            }
        })
        .collect_view();
    let on_input = move |event: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let Some(area) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            else {
                return;
            };
            let index = area
                .name()
                .strip_prefix("wording[")
                .and_then(|rest| rest.strip_suffix(']'))
                .and_then(|n| n.parse::<usize>().ok());
            if let Some(index) = index {
                wording.update(|w| {
                    if let Some(slot) = w.get_mut(index) {
                        *slot = area.value();
                    }
                });
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = event;
    };
    view! {
        <div class="grid gap-6 lg:grid-cols-[20rem_1fr]">
            <div class="flex flex-col gap-4" on:input=on_input>
                {(!editable.is_empty()).then(|| view! {
                    <h2 class="font-semibold">{t!("Your wording")}</h2>
                })}
                {fields}
            </div>
            {pane}
        </div>
    }
}

/// `content` drawn as `part` with the brand and addresses of `v`, light
/// or dark: exactly what goes out, by the renderer the server uses.
pub(super) fn document(v: &LaunchView, content: &Content, part: Part, dark: bool) -> String {
    let (medium, link) = match part {
        Part::Email => (
            Medium::Email {
                unsubscribe: v.unsubscribe_url.clone(),
                pixel: None,
                clicks: None,
            },
            v.email_link.clone(),
        ),
        Part::Page => (
            Medium::Page {
                action: v.landing_url.clone(),
                ended: false,
                form: FormState::default(),
            },
            "#lead".to_owned(),
        ),
    };
    let document = Renderer {
        content,
        brand: &v.brand,
        link: &link,
        locale: v.locale,
    }
    .render(part, &medium);
    if dark {
        in_dark(&document)
    } else {
        document
    }
}

/// The preview's option buttons (which part, when there are several;
/// phone or desktop; light or dark) above its sandboxed frame.
pub(super) fn preview_pane(
    parts: Vec<Part>,
    part: RwSignal<Part>,
    phone: RwSignal<bool>,
    dark: RwSignal<bool>,
    html: Signal<String>,
) -> impl IntoView {
    let toggle = move |label: String, pressed: Signal<bool>, set: Callback<()>| {
        view! {
            <button
                type="button"
                aria-pressed=move || pressed.get().to_string()
                on:click=move |_| set.run(())
                class="rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-inset ring-slate-300 aria-pressed:bg-teal-700 aria-pressed:text-white aria-pressed:ring-teal-700 dark:ring-slate-600"
            >
                {label}
            </button>
        }
    };
    let part_buttons = (parts.len() > 1).then(|| {
        parts
            .iter()
            .map(|&p| {
                let label = match p {
                    Part::Email => t!("Email"),
                    Part::Page => t!("Landing page"),
                };
                toggle(
                    label.to_owned(),
                    Signal::derive(move || part.get() == p),
                    Callback::new(move |_| part.set(p)),
                )
            })
            .collect_view()
    });
    view! {
        <div>
            <div class="mb-3 flex flex-wrap gap-2" role="group" aria-label=t!("Preview options")>
                {part_buttons}
                {toggle(t!("Phone").to_owned(), Signal::derive(move || phone.get()), Callback::new(move |_| phone.set(true)))}
                {toggle(t!("Desktop").to_owned(), Signal::derive(move || !phone.get()), Callback::new(move |_| phone.set(false)))}
                {toggle(t!("Light").to_owned(), Signal::derive(move || !dark.get()), Callback::new(move |_| dark.set(false)))}
                {toggle(t!("Dark").to_owned(), Signal::derive(move || dark.get()), Callback::new(move |_| dark.set(true)))}
            </div>
            <iframe
                title=t!("Preview")
                sandbox=""
                srcdoc=move || html.get()
                data-testid="campaign-preview"
                class=move || format!(
                    "h-[40rem] max-w-full rounded-lg border border-slate-300 bg-white dark:border-slate-700 {}",
                    if phone.get() { "w-[375px]" } else { "w-full" },
                )
            ></iframe>
        </div>
    }
}
