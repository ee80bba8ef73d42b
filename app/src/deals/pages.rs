use leptos::{prelude::*, server_fn::ServerFn};
use leptos_meta::Title;
use leptos_router::{
    components::A,
    hooks::{use_params_map, use_query_map},
};

use super::{
    api::{
        deal_detail, list_deals, review_queue, CloseDeal, DealSummary, DecideDeal, RegisterDeal,
    },
    DealStatus, PartnerRole, CURRENCIES,
};
use crate::{
    auth::{
        pages::{form_error, input_class, primary_button, RequireViewer},
        Viewer,
    },
    error::AppError,
    format::{amount_from_cents, utc_date, utc_minute},
    shell::{ui::TextArea, Card, ErrorTemplate, PageHeader},
};

fn link_class() -> &'static str {
    "font-medium text-teal-800 underline dark:text-teal-300"
}

fn chip(status: DealStatus) -> impl IntoView {
    view! {
        <span class=format!("rounded-full px-2 py-0.5 text-xs font-semibold {}", status.chip_class())>
            {status.label()}
        </span>
    }
}

/// "in 3 days" / "2 days ago", from the server's clock at render time.
fn relative(at: i64) -> String {
    let now = crate::format::now_secs();
    let days = (at - now) / 86_400;
    let hours = (at - now) / 3600;
    match (days, hours) {
        (d, _) if d >= 2 => format!("in {d} days"),
        (_, h) if h >= 1 => format!("in {h} h"),
        (_, h) if h > -1 => "now".to_owned(),
        (d, h) if d > -2 => format!("{} h ago", -h),
        (d, _) => format!("{} days ago", -d),
    }
}

/// `/deals`: the caller's registrations (a partner's own; every partner's
/// for vendor staff), searchable, filterable, paged. A plain GET form, so
/// it works without JavaScript.
#[component]
pub fn DealsPage() -> impl IntoView {
    let query = use_query_map();
    let search = query.get_untracked().get("q").unwrap_or_default();
    let status = query.get_untracked().get("status").unwrap_or_default();
    let page = query
        .get_untracked()
        .get("page")
        .and_then(|p| p.parse::<i64>().ok())
        .unwrap_or(1);
    let list = Resource::new(
        move || (search.clone(), status.clone(), page),
        |(search, status, page)| list_deals(search, status, page),
    );
    let selected = query.get_untracked().get("status").unwrap_or_default();
    let typed = query.get_untracked().get("q").unwrap_or_default();
    view! {
        <Title text="Deals" />
        <RequireViewer signed_in=move |viewer: Viewer| {
            let selected = selected.clone();
            let typed = typed.clone();
            view! {
                <PageHeader title="Deal registrations" lead="Every registration, its status and its protection." />
                <div class="mb-4 flex flex-wrap items-end gap-3">
                    {(!viewer.role.is_vendor()).then(|| view! {
                        <A href="/deals/new" attr:class="rounded-lg bg-teal-700 px-4 py-2.5 font-semibold text-white hover:bg-teal-800">"Register a deal"</A>
                    })}
                    {(viewer.role.is_vendor()).then(|| view! {
                        <A href="/deals/review" attr:class="rounded-lg bg-teal-700 px-4 py-2.5 font-semibold text-white hover:bg-teal-800">"Approval queue"</A>
                    })}
                    <A href="/deals/rules" attr:class="self-center text-sm font-medium text-teal-800 underline dark:text-teal-300">"Rules of engagement"</A>
                    <form method="get" action="/deals" role="search" class="flex flex-wrap items-end gap-2">
                        <label class="text-sm font-medium">
                            "Search"
                            <input type="search" name="q" value=typed placeholder="Customer or reference" class=input_class() />
                        </label>
                        <label class="text-sm font-medium">
                            "Status"
                            <select name="status" class=input_class()>
                                <option value="" selected=selected.is_empty()>"Any"</option>
                                {DealStatus::ALL.iter().map(|s| view! {
                                    <option value=s.code() selected=selected == s.code()>{s.label()}</option>
                                }).collect_view()}
                            </select>
                        </label>
                        <button type="submit" class="rounded-lg border border-slate-300 px-3 py-2 font-medium dark:border-slate-700">"Filter"</button>
                    </form>
                </div>
                <Transition fallback=|| view! { <p>"Loading…"</p> }>
                    <ErrorBoundary fallback=|errors| view! { <ErrorTemplate errors /> }>
                        {move || Suspend::new(async move {
                            list.await.map(|list| {
                                let pages = (list.total + list.page_size - 1) / list.page_size;
                                let q = query.get_untracked();
                                let link = move |page: i64| {
                                    format!(
                                        "/deals?q={}&status={}&page={page}",
                                        q.get("q").unwrap_or_default().replace(' ', "+"),
                                        q.get("status").unwrap_or_default()
                                    )
                                };
                                view! {
                                    <p class="mb-2 text-sm text-slate-600 dark:text-slate-300">{format!("{} registrations", list.total)}</p>
                                    <ul class="flex flex-col gap-2" aria-label="Registrations">
                                        {list.deals.into_iter().map(deal_row).collect_view()}
                                    </ul>
                                    <nav aria-label="Pages" class="mt-4 flex gap-3">
                                        {(list.page > 1).then(|| view! { <a href=link(list.page - 1) class=link_class()>"Previous"</a> })}
                                        {(list.page < pages).then(|| view! { <a href=link(list.page + 1) class=link_class()>"Next"</a> })}
                                    </nav>
                                }
                            })
                        })}
                    </ErrorBoundary>
                </Transition>
            }
        } />
    }
}

fn deal_row(deal: DealSummary) -> impl IntoView {
    view! { <li>{deal_card(deal, None)}</li> }
}

/// A registration as a card; in the approval queue, with its SLA clock
/// (`now`), breached ones in red.
fn deal_card(deal: DealSummary, sla_now: Option<i64>) -> impl IntoView {
    let sla = sla_now.zip(deal.sla_due_at).map(|(now, due)| {
        if due < now {
            view! { <p class="mt-1 text-sm font-semibold text-rose-800 dark:text-rose-200">{format!("SLA breached: decision was due {}", relative(due))}</p> }.into_any()
        } else {
            view! { <p class="mt-1 text-sm">{format!("Decision due {}", relative(due))}</p> }.into_any()
        }
    });
    view! {
            <Card>
                <div class="flex flex-wrap items-baseline justify-between gap-2">
                    <A href=format!("/deals/{}", deal.id) attr:class="font-semibold text-teal-800 underline dark:text-teal-300">
                        {deal.customer_company.clone()}
                    </A>
                    {chip(deal.status)}
                </div>
                <p class="mt-1 text-sm text-slate-600 dark:text-slate-300">
                    {format!("{} · {} · {} · closes {}", deal.reference, deal.organisation_name, amount_from_cents(deal.value_cents, &deal.currency), deal.expected_close)}
                </p>
                {deal.conflict.map(|c| view! { <p class="mt-1 text-sm font-medium text-amber-800 dark:text-amber-200">{format!("Flagged: {}", c.label())}</p> })}
                {deal.protected_until.filter(|_| deal.status == DealStatus::Approved).map(|until| view! {
                    <p class="mt-1 text-sm">{format!("Protected until {} ({})", utc_date(until), relative(until))}</p>
                })}
                {sla}
            </Card>
    }
}

/// The live conflict check beside the registration form: watches the
/// company and domain fields, asks the server (debounced) and says what
/// stands in the way, never who. Without JavaScript the same check runs at
/// submission and the deal page shows it.
#[island]
fn ConflictCheck() -> impl IntoView {
    let findings = RwSignal::new(None::<Vec<super::Finding>>);
    #[cfg(feature = "hydrate")]
    {
        use std::time::Duration;
        use wasm_bindgen::JsCast;
        let company = RwSignal::new(String::new());
        let domain = RwSignal::new(String::new());
        let pending = StoredValue::new(None::<TimeoutHandle>);
        let handle = window_event_listener(leptos::ev::input, move |event| {
            let Some(target) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            match target.id().as_str() {
                "customer_company" => company.set(target.value()),
                "customer_domain" => domain.set(target.value()),
                _ => return,
            }
            if let Some(timer) = pending.get_value() {
                timer.clear();
            }
            let timer = set_timeout_with_handle(
                move || {
                    let (c, d) = (company.get_untracked(), domain.get_untracked());
                    if c.trim().chars().count() < 2 {
                        findings.set(None);
                        return;
                    }
                    leptos::task::spawn_local(async move {
                        if let Ok(found) = super::api::check_deal_conflict(c, d).await {
                            findings.set(Some(found));
                        }
                    });
                },
                Duration::from_millis(300),
            )
            .ok();
            pending.set_value(timer);
        });
        on_cleanup(move || handle.remove());
    }
    view! {
        <div aria-live="polite" data-testid="conflict-check" class="text-sm">
            {move || findings.get().map(|found| {
                if found.is_empty() {
                    view! { <p class="rounded-lg border border-teal-300 bg-teal-50 px-3 py-2 text-teal-900 dark:border-teal-800 dark:bg-teal-950 dark:text-teal-100">"No conflict found: this customer is free to register."</p> }.into_any()
                } else {
                    view! {
                        <ul class="flex flex-col gap-2">
                            {found.into_iter().map(|f| view! {
                                <li class="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">{f.message()}</li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            })}
        </div>
    }
}

/// `/deals/new`: the registration form.
/// Where a registration being typed is kept on this device.
#[cfg(feature = "hydrate")]
const DRAFT_KEY: &str = "trellis-deal-draft";

/// Keeps the registration being typed on this device (local storage), so
/// it survives a reload, a lost connection or a closed tab; when the phone
/// is offline at "Submit", holds the registration and sends it as soon as
/// the connection is back. The draft is forgotten once the deal page of
/// that customer is shown (see [`ForgetDraft`]).
#[island]
fn DraftKeeper() -> impl IntoView {
    let note = RwSignal::new(None::<&'static str>);
    let restored = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    {
        use draft::{form, restore, save};
        use wasm_bindgen::JsCast;
        // After hydration: the page was rendered without the note.
        Effect::new(move |_| {
            if restore() {
                restored.set(true);
                note.set(Some(
                    "Restored the registration you were typing on this device.",
                ));
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
                note.set(Some("You are offline. The registration is kept on this device and will be sent as soon as you are back online."));
            }
        });
        let online = window_event_listener(leptos::ev::online, move |_| {
            if waiting.get_value() {
                waiting.set_value(false);
                note.set(Some("Back online: sending the registration…"));
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
            if let Some(store) = draft::storage() {
                let _ = store.remove_item(DRAFT_KEY);
            }
            if let Some(form) = draft::form() {
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
                        <button type="button" on:click=discard class="font-medium underline">"Discard draft"</button>
                    })}
                </p>
            })}
        </div>
    }
}

/// Forgets the draft kept on this device once its customer's deal page is
/// shown: the registration has been sent.
#[island]
fn ForgetDraft(customer_company: String) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    draft::forget_if_for(&customer_company);
    #[cfg(not(feature = "hydrate"))]
    let _ = customer_company;
}

/// The registration form's fields in the browser, and the draft of them in
/// local storage (`name␟value` pairs separated by `␞`).
#[cfg(feature = "hydrate")]
mod draft {
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

#[component]
pub fn NewDealPage() -> impl IntoView {
    let register = ServerAction::<RegisterDeal>::new();
    let error = register.value().get_untracked().and_then(Result::err);
    view! {
        <Title text="Register a deal" />
        <RequireViewer signed_in=move |viewer: Viewer| {
            if viewer.role.is_vendor() {
                return view! { <p>"Partners register deals; Acme Cloud staff review them in the approval queue."</p> }.into_any();
            }
            let error = error.clone();
            let message = |name: &str| error.as_ref().and_then(|e| e.message_for(name)).map(str::to_owned);
            let field = move |label: &'static str, name: &'static str, kind: &'static str, required: bool, autocomplete: &'static str| {
                let message = message(name);
                let described = message.as_ref().map(|_| format!("{name}-error"));
                view! {
                    <label class="block text-sm font-medium">
                        {label}
                        <input id=name type=kind name=format!("deal[{name}]") required=required autocomplete=autocomplete aria-invalid=message.is_some().then_some("true") aria-describedby=described.clone() class=input_class() />
                        {message.map(|m| view! { <span id=described.unwrap_or_default() class="mt-1 block text-sm text-rose-700 dark:text-rose-300">{m}</span> })}
                    </label>
                }
            };
            let summary = error.as_ref().map(AppError::summary);
            let top = view! { <div class="sm:col-span-2">{form_error(summary)}<DraftKeeper /></div> }.into_any();
            view! {
                <PageHeader title="Register a deal" lead="Tell Acme Cloud about your customer. You will know at once whether the customer is free." />
                <form id="deal-form" method="post" action=RegisterDeal::PATH class="grid max-w-3xl gap-4 sm:grid-cols-2">
                    {top}
                    {field("Customer company", "customer_company", "text", true, "organization")}
                    {field("Customer website", "customer_domain", "text", false, "url")}
                    <div class="sm:col-span-2"><ConflictCheck /></div>
                    {field("Contact name", "contact_name", "text", true, "off")}
                    {field("Contact email", "contact_email", "email", true, "off")}
                    {field("Contact phone", "contact_phone", "tel", false, "off")}
                    {field("Country", "country", "text", true, "country-name")}
                    {field("Products", "products", "text", true, "off")}
                    {field("Estimated value", "value", "text", true, "off")}
                    <label class="block text-sm font-medium">
                        "Currency"
                        <select name="deal[currency]" class=input_class()>
                            {CURRENCIES.iter().map(|c| view! { <option value=*c>{*c}</option> }).collect_view()}
                        </select>
                    </label>
                    {field("Expected close date", "expected_close", "date", true, "off")}
                    <label class="block text-sm font-medium">
                        "Your role"
                        <select name="deal[partner_role]" class=input_class()>
                            {PartnerRole::ALL.iter().map(|r| view! { <option value=r.code()>{r.label()}</option> }).collect_view()}
                        </select>
                        {message("partner_role").map(|m| view! { <span class="mt-1 block text-sm text-rose-700 dark:text-rose-300">{m}</span> })}
                    </label>
                    <label class="block text-sm font-medium sm:col-span-2">
                        "Notes"
                        <TextArea name="deal[notes]" rows=3 maxlength=2000 />
                    </label>
                    <div class="sm:col-span-2"><button type="submit" class=primary_button()>"Submit registration"</button></div>
                </form>
            }.into_any()
        } />
    }
}

/// `/deals/:id`: one registration, its protection, SLA and timeline.
#[component]
pub fn DealPage() -> impl IntoView {
    let params = use_params_map();
    let decide = ServerAction::<DecideDeal>::new();
    let close = ServerAction::<CloseDeal>::new();
    let respond = ServerAction::<super::api::RespondToDeal>::new();
    let respond_error = respond
        .value()
        .get_untracked()
        .and_then(Result::err)
        .map(|e| e.summary());
    let extend = ServerAction::<super::api::RequestExtension>::new();
    let decide_extension = ServerAction::<super::api::DecideExtension>::new();
    let extension_error = extend
        .value()
        .get_untracked()
        .and_then(Result::err)
        .or_else(|| {
            decide_extension
                .value()
                .get_untracked()
                .and_then(Result::err)
        })
        .map(|e| e.summary());
    let decide_error = decide
        .value()
        .get_untracked()
        .and_then(Result::err)
        .map(|e| e.summary());
    let deal = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        deal_detail,
    );
    view! {
        <Title text="Deal" />
        <RequireViewer signed_in=move |viewer: Viewer| {
            let decide_error = decide_error.clone();
            let extension_error = extension_error.clone();
            let respond_error = respond_error.clone();
            let viewer_is_vendor = viewer.role.is_vendor();
            view! {
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorTemplate errors /> }>
                    {move || {
                        let decide_error = decide_error.clone();
                        let extension_error = extension_error.clone();
                        let respond_error = respond_error.clone();
                        Suspend::new(async move { deal.await.map(|d| {
                        let s = d.summary.clone();
                        let co_sell = (d.can_add_co_seller || d.can_record_touchpoint || !d.co_sellers.is_empty() || !d.touchpoints.is_empty())
                            .then(|| view! { <super::cosell::CoSellSection deal=d.clone() /> });
                        view! {
                            <PageHeader title=s.customer_company.clone() lead=format!("{} · {}", s.reference, s.organisation_name) />
                            {(!d.shared && !viewer_is_vendor).then(|| view! { <ForgetDraft customer_company=s.customer_company.clone() /> })}
                            <div class="grid gap-6 lg:grid-cols-3">
                                <section aria-labelledby="status-heading" class="lg:col-span-1">
                                    <Card>
                                        <h2 id="status-heading" class="mb-2 font-semibold">"Status"</h2>
                                        {chip(s.status)}
                                        {s.conflict.map(|c| view! { <p class="mt-2 text-sm font-medium text-amber-800 dark:text-amber-200">{format!("Flagged: {}", c.label())}</p> })}
                                        {s.protected_until.filter(|_| s.status == DealStatus::Approved).map(|until| view! {
                                            <p class="mt-2">{format!("Protected until {} ({})", utc_date(until), relative(until))}</p>
                                        })}
                                        {s.extension_reason.clone().map(|why| view! {
                                            <p class="mt-2 text-sm font-medium text-amber-800 dark:text-amber-200">{format!("Extension requested: {why}")}</p>
                                        })}
                                        {s.sla_due_at.filter(|_| s.status.awaits_decision()).map(|due| view! {
                                            <p class="mt-2 text-sm">{format!("Decision due {} ({})", utc_minute(due), relative(due))}</p>
                                        })}
                                    </Card>
                                </section>
                                <section aria-labelledby="deal-heading" class="lg:col-span-2">
                                    <Card>
                                        <h2 id="deal-heading" class="mb-2 font-semibold">"Registration"</h2>
                                        <dl class="grid grid-cols-2 gap-x-6 gap-y-2 break-words text-sm">
                                            <dt class="text-slate-600 dark:text-slate-300">"Value"</dt><dd>{amount_from_cents(s.value_cents, &s.currency)}</dd>
                                            <dt class="text-slate-600 dark:text-slate-300">"Expected close"</dt><dd>{s.expected_close.clone()}</dd>
                                            <dt class="text-slate-600 dark:text-slate-300">"Products"</dt><dd>{d.products.clone()}</dd>
                                            <dt class="text-slate-600 dark:text-slate-300">"Website"</dt><dd>{d.customer_domain.clone().unwrap_or_else(|| "—".into())}</dd>
                                            {(!d.shared).then(|| view! { <dt class="text-slate-600 dark:text-slate-300">"Contact"</dt><dd>{format!("{} · {}", d.contact_name, d.contact_email)}</dd> })}
                                            <dt class="text-slate-600 dark:text-slate-300">"Country"</dt><dd>{d.country.clone()}</dd>
                                            <dt class="text-slate-600 dark:text-slate-300">"Partner role"</dt><dd>{d.partner_role.map(|r| r.label()).unwrap_or("—")}</dd>
                                            {(!d.shared).then(|| view! { <dt class="text-slate-600 dark:text-slate-300">"Registered by"</dt><dd>{d.registered_by.clone()}</dd> })}
                                        </dl>
                                        {d.notes.clone().map(|n| view! { <p class="mt-3 text-sm">{n}</p> })}
                                    </Card>
                                </section>
                                {(!d.conflicts.is_empty()).then(|| view! {
                                    <section aria-labelledby="conflicts-heading" class="lg:col-span-3">
                                        <Card>
                                            <h2 id="conflicts-heading" class="mb-2 font-semibold">"Conflicts"</h2>
                                            <p class="mb-2 text-sm text-slate-600 dark:text-slate-300">"What this registration collides with, side by side. Only Acme Cloud staff see this."</p>
                                            <ul class="divide-y divide-slate-200 dark:divide-slate-800">
                                                {d.conflicts.iter().cloned().map(|c| view! {
                                                    <li class="flex flex-wrap justify-between gap-2 py-2 text-sm">
                                                        <span>
                                                            {match c.deal_id.clone() {
                                                                Some(id) => view! { <A href=format!("/deals/{id}") attr:class=link_class()>{c.reference.clone()}</A> }.into_any(),
                                                                None => view! { <span class="font-medium">{c.reference.clone()}</span> }.into_any(),
                                                            }}
                                                            {format!(" · {}", c.holder)}
                                                            <span class="block text-slate-600 dark:text-slate-300">{c.matched.clone()}</span>
                                                        </span>
                                                        <span>
                                                            {c.status.map(chip)}
                                                            {c.protected_until.map(|u| format!(" protected until {}", utc_date(u)))}
                                                        </span>
                                                    </li>
                                                }).collect_view()}
                                            </ul>
                                        </Card>
                                    </section>
                                })}
                                {d.can_respond.then(|| {
                                    let id = s.id.clone();
                                    let question = d.events.iter().rev().find(|e| e.to_status == DealStatus::MoreInfo.code()).and_then(|e| e.note.clone());
                                    view! {
                                    <section aria-labelledby="answer-heading" class="lg:col-span-3">
                                        <Card>
                                            <h2 id="answer-heading" class="mb-2 font-semibold">"The channel manager asks"</h2>
                                            {question.map(|q| view! { <p class="mb-2">{q}</p> })}
                                            {form_error(respond_error.clone())}
                                            <ActionForm action=respond>
                                                <input type="hidden" name="id" value=id />
                                                <label class="block text-sm font-medium">
                                                    "Your answer"
                                                    <TextArea name="answer" rows=3 maxlength=2000 />
                                                </label>
                                                <button type="submit" class="mt-3 rounded-lg bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">"Send answer"</button>
                                            </ActionForm>
                                        </Card>
                                    </section>
                                }})}
                                {(d.can_request_extension || d.can_decide_extension).then(|| {
                                    let id = s.id.clone();
                                    let partner = d.can_request_extension;
                                    view! {
                                    <section aria-labelledby="extension-heading" class="lg:col-span-3">
                                        <Card>
                                            <h2 id="extension-heading" class="mb-2 font-semibold">"Extension"</h2>
                                            {form_error(extension_error.clone())}
                                            {if partner {
                                                view! {
                                                    <ActionForm action=extend>
                                                        <input type="hidden" name="id" value=id.clone() />
                                                        <label class="block text-sm font-medium">
                                                            "Why does the deal need more time?"
                                                            <TextArea name="reason" rows=2 maxlength=1000 />
                                                        </label>
                                                        <button type="submit" class="mt-3 rounded-lg border border-slate-300 px-4 py-2 font-medium dark:border-slate-700">"Ask for an extension"</button>
                                                    </ActionForm>
                                                }.into_any()
                                            } else {
                                                view! {
                                                    <ActionForm action=decide_extension>
                                                        <input type="hidden" name="id" value=id.clone() />
                                                        <label class="block text-sm font-medium">
                                                            "Reason (needed to refuse)"
                                                            <TextArea name="reason" rows=2 maxlength=1000 />
                                                        </label>
                                                        <div class="mt-3 flex flex-wrap gap-2">
                                                            <button type="submit" name="decision" value="grant" class="rounded-lg bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">"Grant extension"</button>
                                                            <button type="submit" name="decision" value="refuse" class="rounded-lg border border-rose-300 px-4 py-2 font-medium text-rose-800 dark:border-rose-800 dark:text-rose-200">"Refuse extension"</button>
                                                        </div>
                                                    </ActionForm>
                                                }.into_any()
                                            }}
                                        </Card>
                                    </section>
                                }})}
                                {d.can_close.then(|| { let id = s.id.clone(); view! {
                                    <section aria-labelledby="close-heading" class="lg:col-span-3">
                                        <Card>
                                            <h2 id="close-heading" class="mb-2 font-semibold">"Outcome"</h2>
                                            <ActionForm action=close>
                                                <input type="hidden" name="id" value=id />
                                                <div class="flex flex-wrap gap-2">
                                                    <button type="submit" name="outcome" value="won" class="rounded-lg bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">"Mark won"</button>
                                                    <button type="submit" name="outcome" value="lost" class="rounded-lg border border-slate-300 px-4 py-2 font-medium dark:border-slate-700">"Mark lost"</button>
                                                </div>
                                            </ActionForm>
                                        </Card>
                                    </section>
                                }})}
                                {d.can_review.then(|| view! {
                                    <section aria-labelledby="decide-heading" class="lg:col-span-3">
                                        <Card>
                                            <h2 id="decide-heading" class="mb-2 font-semibold">"Decision"</h2>
                                            {form_error(decide_error.clone())}
                                            <ActionForm action=decide>
                                                <input type="hidden" name="id" value=s.id.clone() />
                                                <label class="block text-sm font-medium">
                                                    "Reason or question (needed to reject or ask for more)"
                                                    <TextArea name="reason" rows=2 maxlength=1000 />
                                                </label>
                                                <div class="mt-3 flex flex-wrap gap-2">
                                                    <button type="submit" name="decision" value="approve" class="rounded-lg bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">"Approve"</button>
                                                    <button type="submit" name="decision" value="more_info" class="rounded-lg border border-slate-300 px-4 py-2 font-medium dark:border-slate-700">"Ask for more"</button>
                                                    <button type="submit" name="decision" value="reject" class="rounded-lg border border-rose-300 px-4 py-2 font-medium text-rose-800 dark:border-rose-800 dark:text-rose-200">"Reject"</button>
                                                </div>
                                            </ActionForm>
                                        </Card>
                                    </section>
                                })}
                                {co_sell}
                                <section aria-labelledby="timeline-heading" class="lg:col-span-3">
                                    <Card>
                                        <h2 id="timeline-heading" class="mb-2 font-semibold">"Timeline"</h2>
                                        <ol class="flex flex-col gap-2 text-sm">
                                            {d.events.into_iter().map(|e| {
                                                // A note on an unchanged status (an extension) is an update.
                                                let to = if e.from_status.as_deref() == Some(e.to_status.as_str()) {
                                                    "Updated"
                                                } else {
                                                    DealStatus::parse(&e.to_status).map(|s| s.label()).unwrap_or("Changed")
                                                };
                                                view! {
                                                    <li>
                                                        <span class="font-medium">{to}</span>
                                                        {format!(" · {} · {}", utc_minute(e.at), e.actor.unwrap_or_else(|| "Trellis".into()))}
                                                        {e.note.map(|n| view! { <span class="block text-slate-600 dark:text-slate-300">{n}</span> })}
                                                    </li>
                                                }
                                            }).collect_view()}
                                        </ol>
                                    </Card>
                                </section>
                            </div>
                        }
                    }) })}}
                </ErrorBoundary>
            </Transition>
            }
        } />
    }
}

/// `/deals/review`: what waits for a decision, the most urgent first;
/// breached SLAs stand out.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let bulk = ServerAction::<super::program::ApproveCleanDeals>::new();
    let queue = Resource::new(move || bulk.version().get(), |_| review_queue());
    view! {
        <Title text="Approval queue" />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <PageHeader title="Approval queue" lead="Registrations waiting for a decision, the most urgent first." />
            <p class="mb-4 flex gap-4 text-sm">
                <A href="/deals/accounts" attr:class=link_class()>"Direct accounts"</A>
                <A href="/deals/rules" attr:class=link_class()>"Rules of engagement"</A>
            </p>
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorTemplate errors /> }>
                    {move || Suspend::new(async move {
                        queue.await.map(|deals| {
                            let now = crate::format::now_secs();
                            let clean: Vec<String> = deals
                                .iter()
                                .filter(|d| d.status == DealStatus::Submitted && d.conflict.is_none())
                                .map(|d| d.id.clone())
                                .collect();
                            let bulk = (!clean.is_empty()).then(|| view! {
                                <ActionForm action=bulk attr:class="mb-4">
                                    <input type="hidden" name="ids" value=clean.join(",") />
                                    <button type="submit" class="rounded-lg bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">
                                        {format!("Approve all {} clean registrations", clean.len())}
                                    </button>
                                </ActionForm>
                            });
                            view! {
                                {bulk}
                                <ul class="flex flex-col gap-2" aria-label="Waiting for a decision">
                                    {deals.into_iter().map(|deal| {
                                        let breached = deal.sla_due_at.is_some_and(|due| due < now);
                                        view! {
                                            <li class=if breached { "rounded-xl ring-2 ring-rose-500" } else { "" }>
                                                {deal_card(deal, Some(now))}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }
                        })
                    })}
                </ErrorBoundary>
            </Transition>
        } />
    }
}

/// `/deals/accounts`: the vendor's named direct accounts; add one, or
/// paste many as CSV.
#[component]
pub fn DirectAccountsPage() -> impl IntoView {
    use super::program::{direct_accounts, AddDirectAccounts};
    let add = ServerAction::<AddDirectAccounts>::new();
    let outcome = add.value().get_untracked();
    let query = use_query_map();
    let search = query.get_untracked().get("q").unwrap_or_default();
    let typed = search.clone();
    let accounts = Resource::new(move || search.clone(), direct_accounts);
    view! {
        <Title text="Direct accounts" />
        <RequireViewer signed_in=move |_viewer: Viewer| {
            let error = outcome.clone().and_then(Result::err);
            let added = outcome.clone().and_then(Result::ok);
            let typed = typed.clone();
            view! {
            <PageHeader title="Direct accounts" lead="Customers Acme Cloud sells to directly. Registrations for them are flagged for review." />
            <div class="grid gap-6 lg:grid-cols-2">
                <section aria-labelledby="add-heading">
                    <Card>
                        <h2 id="add-heading" class="mb-2 font-semibold">"Add accounts"</h2>
                        {form_error(error.as_ref().map(AppError::summary))}
                        {error.as_ref().and_then(|e| e.message_for("company").or(e.message_for("csv"))).map(|m| view! { <p class="text-sm text-rose-700 dark:text-rose-300">{m.to_owned()}</p> })}
                        {added.map(|n| view! { <p role="status" class="text-sm font-medium text-teal-800 dark:text-teal-300">{format!("{n} added.")}</p> })}
                        <ActionForm action=add>
                            <div class="mt-2 flex flex-col gap-3">
                                <label class="block text-sm font-medium">"Company"<input type="text" name="company" class=input_class() /></label>
                                <label class="block text-sm font-medium">"Web domain"<input type="text" name="domain" class=input_class() /></label>
                                <label class="block text-sm font-medium">
                                    "Or paste CSV: one “company,domain” per line"
                                    <TextArea name="csv" rows=5 />
                                </label>
                                <button type="submit" class=primary_button()>"Add"</button>
                            </div>
                        </ActionForm>
                    </Card>
                </section>
                <section aria-labelledby="accounts-heading">
                    <Card>
                        <h2 id="accounts-heading" class="mb-2 font-semibold">"Accounts"</h2>
                        <form method="get" action="/deals/accounts" role="search" class="mb-3 flex gap-2">
                            <label class="sr-only" for="account-search">"Search accounts"</label>
                            <input id="account-search" type="search" name="q" value=typed class=input_class() />
                            <button type="submit" class="rounded-lg border border-slate-300 px-3 py-2 font-medium dark:border-slate-700">"Search"</button>
                        </form>
                        <Transition fallback=|| view! { <p>"Loading…"</p> }>
                            <ErrorBoundary fallback=|errors| view! { <ErrorTemplate errors /> }>
                                {move || Suspend::new(async move {
                                    accounts.await.map(|list| view! {
                                        <ul class="divide-y divide-slate-200 text-sm dark:divide-slate-800" aria-label="Direct accounts">
                                            {list.into_iter().map(|a| view! {
                                                <li class="flex justify-between gap-2 py-2">
                                                    <span class="font-medium">{a.company}</span>
                                                    <span class="text-slate-600 dark:text-slate-300">{a.domain.unwrap_or_default()}</span>
                                                </li>
                                            }).collect_view()}
                                        </ul>
                                    })
                                })}
                            </ErrorBoundary>
                        </Transition>
                    </Card>
                </section>
            </div>
            }
        } />
    }
}

/// `/deals/rules`: the rules of engagement, readable by everyone signed
/// in, editable by the program admin.
#[component]
pub fn RulesPage() -> impl IntoView {
    use super::program::{rules_of_engagement, UpdateRules};
    let update = ServerAction::<UpdateRules>::new();
    let error = update.value().get_untracked().and_then(Result::err);
    let rules = Resource::new(|| (), |_| rules_of_engagement());
    view! {
        <Title text="Rules of engagement" />
        <RequireViewer signed_in=move |_viewer: Viewer| {
            let error = error.clone();
            view! {
            <PageHeader title="Rules of engagement" lead="How deal registration decides who is protected." />
            <Transition fallback=|| view! { <p>"Loading…"</p> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorTemplate errors /> }>
                    {move || {
                        let error = error.clone();
                        Suspend::new(async move { rules.await.map(|r| {
                        let text = r.text.clone();
                        let edit_text = r.text.clone();
                        view! {
                        <div class="flex max-w-3xl flex-col gap-4">
                            <Card>
                                <h2 class="mb-2 font-semibold">"Matching"</h2>
                                <p class="text-sm">"A customer is the same when its company name or web domain matches once case, accents, punctuation, legal forms (Inc, LLC, Ltd, GmbH, SA, BV…), “www.”, and the address's scheme and path are set aside; names one typo apart (a letter missing, added, changed, or two swapped) and the same words abbreviated to four letters or more match too; sharing a word does not. The first open registration of a customer holds it; later ones are flagged for the channel manager."</p>
                            </Card>
                            <Card>
                                <h2 class="mb-2 font-semibold">"Protection and approval"</h2>
                                <p class="text-sm">{format!("Registrations are decided within {} hours. An approved registration is protected for its partner's tier:", r.sla_hours)}</p>
                                <ul class="mt-2 text-sm">
                                    {r.tiers.iter().map(|(name, days)| view! { <li>{format!("{name}: {days} days")}</li> }).collect_view()}
                                </ul>
                                <p class="mt-2 text-sm">{format!("Partners without a tier: {} days. Warnings go out 14 and 3 days before protection ends.", r.default_protection_days)}</p>
                            </Card>
                            {(!text.is_empty()).then(|| view! {
                                <Card>
                                    <h2 class="mb-2 font-semibold">"Disputes and further rules"</h2>
                                    <p class="whitespace-pre-line text-sm">{text.clone()}</p>
                                </Card>
                            })}
                            {r.can_edit.then(|| view! {
                                <Card>
                                    <h2 class="mb-2 font-semibold">"Edit"</h2>
                                    {form_error(error.as_ref().map(AppError::summary))}
                                    <ActionForm action=update>
                                        <div class="flex flex-col gap-3">
                                            <label class="block text-sm font-medium">"Approval SLA (hours)"<input type="number" name="sla_hours" value=r.sla_hours.to_string() class=input_class() /></label>
                                            <label class="block text-sm font-medium">"Default protection (days)"<input type="number" name="default_protection_days" value=r.default_protection_days.to_string() class=input_class() /></label>
                                            <label class="block text-sm font-medium">"Disputes and further rules"<TextArea name="text" rows=6 maxlength=20000 value=edit_text.clone() /></label>
                                            <button type="submit" class=primary_button()>"Save rules"</button>
                                        </div>
                                    </ActionForm>
                                </Card>
                            })}
                        </div>
                    }}) })}}
                </ErrorBoundary>
            </Transition>
            }
        } />
    }
}
