//! `/deals`: the list of registrations.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::{chip, relative};
use crate::shell::ui::{
    options, page_href, AsyncSection, Button, Field, Intent, Pagination, SelectField,
};
use crate::shell::RequireViewer;
use crate::{
    auth::Viewer,
    deals::{api::*, DealStatus, DealSummary},
    format::{amount_from_cents, day},
    shell::{Card, PageHeader},
};

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
        <Title text=t!("Deals") />
        <RequireViewer signed_in=move |viewer: Viewer| {
            let selected = selected.clone();
            let typed = typed.clone();
            view! {
                <PageHeader title=t!("Deal registrations") lead=t!("Every registration, its status and its protection.") />
                <div class="mb-4 flex flex-wrap items-end gap-3">
                    {(!viewer.role.is_vendor()).then(|| view! {
                        <a href="/deals/new" class=Intent::Primary.class()>{t!("Register a deal")}</a>
                    })}
                    {(viewer.role.is_vendor()).then(|| view! {
                        <a href="/deals/review" class=Intent::Primary.class()>{t!("Approval queue")}</a>
                    })}
                    <a href="/deals/rules" class="self-center text-sm font-medium text-teal-800 underline dark:text-teal-300">{t!("Rules of engagement")}</a>
                    <form method="get" action="/deals" role="search" aria-label=t!("Search registrations") class="flex flex-wrap items-end gap-2">
                        <Field label=t!("Search") name="q" id="deal-search" kind="search" value=typed placeholder=t!("Customer or reference") />
                        <SelectField
                            label=t!("Status")
                            name="status"
                            id="deal-status"
                            options=options([("", t!("Any"))].into_iter().chain(DealStatus::ALL.iter().map(|s| (s.code(), s.label()))))
                            selected=selected
                        />
                        <Button intent=Intent::Secondary>{t!("Filter")}</Button>
                    </form>
                </div>
                <AsyncSection>
                        {move || Suspend::new(async move {
                            list.await.map(|list| {
                                let pages = (list.total + list.page_size - 1) / list.page_size;
                                let count = if list.total == 1 {
                                    t!("1 registration").to_owned()
                                } else {
                                    t!("{count} registrations", count = list.total)
                                };
                                let q = query.get_untracked();
                                let (search, status) = (q.get("q").unwrap_or_default(), q.get("status").unwrap_or_default());
                                let href = page_href(move |page| deals_href(&search, &status, page));
                                view! {
                                    <p class="mb-2 text-sm text-slate-600 dark:text-slate-300">{count}</p>
                                    <ul class="flex flex-col gap-2" aria-label=t!("Registrations")>
                                        {list.deals.into_iter().map(deal_row).collect_view()}
                                    </ul>
                                    <Pagination page=u32::try_from(list.page).unwrap_or(1) pages=u32::try_from(pages).unwrap_or(1) href />
                                }
                            })
                        })}
                    </AsyncSection>
            }
        } />
    }
}

/// The address of page `page` of the list filtered by `search` and `status`.
fn deals_href(search: &str, status: &str, page: u32) -> String {
    let query: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("q", search)
        .append_pair("status", status)
        .append_pair("page", &page.to_string())
        .finish();
    format!("/deals?{query}")
}

pub(super) fn deal_row(deal: DealSummary) -> impl IntoView {
    view! { <li>{deal_card(deal, None)}</li> }
}

/// A registration as a card; in the approval queue, with its SLA clock
/// (`now`), breached ones in red.
pub(super) fn deal_card(deal: DealSummary, sla_now: Option<i64>) -> impl IntoView {
    let sla = sla_now.zip(deal.sla_due_at).map(|(now, due)| {
        if due < now {
            view! { <p class="mt-1 text-sm font-semibold text-rose-800 dark:text-rose-200">{t!("SLA breached: decision was due {when}", when = relative(due))}</p> }.into_any()
        } else {
            view! { <p class="mt-1 text-sm">{t!("Decision due {when}", when = relative(due))}</p> }.into_any()
        }
    });
    view! {
            <Card>
                <div class="flex flex-wrap items-baseline justify-between gap-2">
                    <a href=format!("/deals/{}", deal.id) class="font-semibold text-teal-800 underline dark:text-teal-300">
                        {deal.customer_company.clone()}
                    </a>
                    {chip(deal.status)}
                </div>
                <p class="mt-1 text-sm text-slate-600 dark:text-slate-300">
                    {t!(
                        "{reference} · {organisation} · {amount} · closes {date}",
                        reference = deal.reference,
                        organisation = deal.organisation_name,
                        amount = amount_from_cents(deal.value_cents, &deal.currency),
                        date = crate::format::iso_day(&deal.expected_close),
                    )}
                </p>
                {deal.conflict.map(|c| view! { <p class="mt-1 text-sm font-medium text-amber-800 dark:text-amber-200">{t!("Flagged: {reason}", reason = c.label())}</p> })}
                {deal.protected_until.filter(|_| deal.status == DealStatus::Approved).map(|until| view! {
                    <p class="mt-1 text-sm">{t!("Protected until {date} ({when})", date = day(until), when = relative(until))}</p>
                })}
                {sla}
            </Card>
    }
}
