//! `/funds`: for a partner, its allocations as balances, the request form
//! and its requests; for vendor staff, the periods and their budgets, the
//! review queues, what is owed (with the payout file) and every
//! allocation.

use leptos::prelude::*;
use leptos_meta::Title;

use super::{
    claim_badge,
    forms::{allocate_form, pay_all_form, period_form, request_form},
    money, request_badge, review_clock,
};
use crate::{
    auth::Viewer,
    format::{iso_day, now_secs},
    funds::{
        api::{funds_overview, AllocateFunds, CreateFundPeriod, PayFundClaims, RequestFunds},
        AllocationRow, ClaimRow, FundsView, PeriodRow, RequestRow,
    },
    shell::{
        ui::{
            cell_class, link_class, AsyncSection, Badge, Column, Panel, ProgressBar, Table, Tone,
        },
        Card, PageHeader, RequireViewer,
    },
};

#[component]
pub fn FundsPage() -> impl IntoView {
    let request = ServerAction::<RequestFunds>::new();
    let period = ServerAction::<CreateFundPeriod>::new();
    let allocate = ServerAction::<AllocateFunds>::new();
    let pay_all = ServerAction::<PayFundClaims>::new();
    let view = Resource::new(
        move || {
            (
                period.version().get(),
                allocate.version().get() + pay_all.version().get(),
            )
        },
        |_| funds_overview(),
    );
    view! {
        <Title text=t!("Marketing funds") />
        <RequireViewer signed_in=move |viewer: Viewer| {
            let lead = if viewer.role.is_vendor() {
                t!("Budgets per period, what each partner was given, the requests and claims waiting for you and what is owed.")
            } else {
                t!("What you were given to spend on marketing, what you asked for and what is on its way to you.")
            };
            view! {
                <PageHeader title=t!("Marketing funds") lead />
                <AsyncSection>
                    {move || Suspend::new(async move {
                        view.await.map(|v| {
                            if v.vendor {
                                vendor_view(v, period, allocate, pay_all).into_any()
                            } else {
                                partner_view(v, request).into_any()
                            }
                        })
                    })}
                </AsyncSection>
            }
        } />
    }
}

fn partner_view(v: FundsView, request: ServerAction<RequestFunds>) -> impl IntoView {
    let today = v.today.clone();
    let open: Vec<(String, String)> = v
        .allocations
        .iter()
        .filter(|a| a.expires_on >= today && a.balance.available() > 0)
        .map(|a| {
            (
                a.id.clone(),
                format!(
                    "{} · {} {}",
                    a.period_name,
                    money(a.balance.available(), a.currency),
                    t!("available")
                ),
            )
        })
        .collect();
    let form = (v.may_request && !open.is_empty()).then(|| {
        let today = today.clone();
        view! {
            <Panel id="funds-request" title=t!("Request funds")>
                {request_form(request, open, v.campaigns.clone(), &today)}
            </Panel>
        }
    });
    let balances = if v.allocations.is_empty() {
        view! { <Card><p>{t!("No marketing funds have been allocated to you yet. Your channel manager will tell you when they are.")}</p></Card> }.into_any()
    } else {
        v.allocations
            .into_iter()
            .map(|a| balance_card(a, &today))
            .collect_view()
            .into_any()
    };
    view! {
        <section aria-labelledby="funds-balances" class="mb-6">
            <h2 id="funds-balances" class="sr-only">{t!("Your balances")}</h2>
            <div class="grid gap-4 lg:grid-cols-2">{balances}</div>
        </section>
        <div class="grid gap-6">
            <Panel id="funds-requests" title=t!("Your requests") span="min-w-0">
                {requests_table(v.requests, false)}
            </Panel>
            {form}
        </div>
    }
}

fn balance_card(a: AllocationRow, today: &str) -> impl IntoView {
    let b = a.balance;
    let c = a.currency;
    let expired = a.expires_on.as_str() < today;
    let expiring = a.expiring.then(|| {
        view! { <Badge tone=Tone::Warning label=t!("Expires soon: use or claim it") /> }
    });
    let (headline, until) = if expired {
        (
            t!("Unused"),
            t!("Expired on {date}", date = iso_day(&a.expires_on)),
        )
    } else {
        (
            t!("Available to request"),
            t!("Request by {date}", date = iso_day(&a.expires_on)),
        )
    };
    let figure = move |label: &'static str, value: i64| {
        view! {
            <div>
                <dt class="text-slate-600 dark:text-slate-300">{label}</dt>
                <dd class="font-medium tabular-nums">{money(value, c)}</dd>
            </div>
        }
    };
    let used = t!(
        "{approved} of {allocated} approved",
        approved = money(b.approved, c),
        allocated = money(b.allocated, c)
    );
    view! {
        <Card>
            <div class="flex flex-wrap items-center justify-between gap-2">
                <h3 class="font-semibold">{a.period_name.clone()}</h3>
                {expiring}
            </div>
            <div class="mt-2 flex flex-wrap items-baseline justify-between gap-x-4">
                <p>
                    <span class="block text-sm text-slate-600 dark:text-slate-300">{headline}</span>
                    <span class="text-2xl font-bold tabular-nums">{money(b.available(), c)}</span>
                </p>
                <span class="text-sm">{until}</span>
            </div>
            <div class="mt-3">
                <ProgressBar label=t!("Approved") value=b.approved max=b.allocated.max(1) detail=used />
            </div>
            <dl class="mt-3 grid grid-cols-3 gap-3 text-sm sm:grid-cols-5">
                {figure(t!("Allocated"), b.allocated)}
                {figure(t!("Pending"), b.pending)}
                {figure(t!("Approved"), b.approved)}
                {figure(t!("Claimed"), b.claimed)}
                {figure(t!("Paid"), b.paid)}
            </dl>
        </Card>
    }
}

fn requests_table(rows: Vec<RequestRow>, vendor: bool) -> impl IntoView {
    let now = now_secs();
    let mut columns = vec![Column::new(t!("Activity"))];
    if vendor {
        columns.push(Column::new(t!("Partner")));
    }
    columns.extend([
        Column::new(t!("Asked")).numeric(),
        Column::new(t!("Approved")).numeric(),
        Column::new(t!("Status")),
    ]);
    let count = rows.len();
    view! {
        <Table caption=t!("Fund requests") columns empty=t!("No fund requests yet.") row_count=count>
            {rows.into_iter().map(|r| {
                let partner = vendor.then(|| view! { <td class=cell_class(false)>{r.organisation_name.clone()}</td> });
                let clock = (r.status == crate::funds::RequestStatus::Submitted).then(|| review_clock(r.sla_due_at, now));
                view! {
                    <tr>
                        <td class=cell_class(false)>
                            <a class=link_class() href=format!("/funds/requests/{}", r.id)>{r.title.clone()}</a>
                            <span class="block text-xs text-slate-600 dark:text-slate-300">{r.activity.label()}</span>
                        </td>
                        {partner}
                        <td class=cell_class(true)>{money(r.requested, r.currency)}</td>
                        <td class=cell_class(true)>{money(r.approved, r.currency)}</td>
                        <td class=cell_class(false)>
                            <div class="flex flex-col items-start gap-1">
                                {request_badge(r.status)}
                                {r.claim.map(claim_badge)}
                                {clock}
                            </div>
                        </td>
                    </tr>
                }
            }).collect_view()}
        </Table>
    }
}

fn vendor_view(
    v: FundsView,
    period: ServerAction<CreateFundPeriod>,
    allocate: ServerAction<AllocateFunds>,
    pay_all: ServerAction<PayFundClaims>,
) -> impl IntoView {
    let manage = v.may_manage.then(|| {
        let periods: Vec<(String, String)> = v
            .periods
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect();
        view! {
            <div class="mt-6 grid gap-6 lg:grid-cols-2">
                <Panel id="funds-allocate" title=t!("Allocate funds")>
                    {allocate_form(allocate, periods, v.partners.clone(), v.tiers.clone())}
                </Panel>
                <Panel id="funds-period" title=t!("Open a fund period")>
                    {period_form(period, &v.today)}
                </Panel>
            </div>
        }
    });
    let waiting: Vec<RequestRow> = v
        .requests
        .into_iter()
        .filter(|r| {
            matches!(
                r.status,
                crate::funds::RequestStatus::Submitted | crate::funds::RequestStatus::MoreInfo
            )
        })
        .collect();
    view! {
        <Panel id="funds-periods" title=t!("Fund periods")>{periods_table(v.periods)}</Panel>
        {manage}
        <div class="mt-6 grid gap-6 lg:grid-cols-2">
            <Panel id="funds-queue" title=t!("Requests to review") span="min-w-0">{requests_table(waiting, true)}</Panel>
            <Panel id="funds-claims" title=t!("Claims to review") span="min-w-0">{claims_table(v.claims, t!("Claims waiting for review"), t!("No claims are waiting."))}</Panel>
        </div>
        <div class="mt-6">
            <Panel id="funds-payable" title=t!("Owed to partners")>
                <p class="mb-3 text-sm">
                    <a class=link_class() href="/funds/payouts.csv" download="payouts.csv">{t!("Download the payout file (CSV) for the ERP")}</a>
                </p>
                {claims_table(v.payable, t!("Approved claims not paid in full"), t!("Nothing is owed."))}
                {v.may_manage.then(|| pay_all_form(pay_all))}
            </Panel>
        </div>
        <div class="mt-6">
            <Panel id="funds-allocations" title=t!("Allocations")>{allocations_table(v.allocations)}</Panel>
        </div>
    }
}

fn periods_table(rows: Vec<PeriodRow>) -> impl IntoView {
    let columns = vec![
        Column::new(t!("Period")),
        Column::new(t!("Budget")).numeric(),
        Column::new(t!("Allocated")).numeric(),
        Column::new(t!("Approved")).numeric(),
        Column::new(t!("Paid")).numeric(),
    ];
    let count = rows.len();
    view! {
        <Table caption=t!("Fund periods") columns empty=t!("No fund period yet.") row_count=count>
            {rows.into_iter().map(|p| view! {
                <tr>
                    <td class=cell_class(false)>
                        <span class="font-medium">{p.name.clone()}</span>
                        <span class="block text-xs text-slate-600 dark:text-slate-300">{format!("{} – {}", iso_day(&p.starts_on), iso_day(&p.ends_on))}</span>
                    </td>
                    <td class=cell_class(true)>{money(p.budget, p.currency)}</td>
                    <td class=cell_class(true)>{money(p.allocated, p.currency)}</td>
                    <td class=cell_class(true)>{money(p.approved, p.currency)}</td>
                    <td class=cell_class(true)>{money(p.paid, p.currency)}</td>
                </tr>
            }).collect_view()}
        </Table>
    }
}

fn claims_table(rows: Vec<ClaimRow>, caption: &'static str, empty: &'static str) -> impl IntoView {
    let columns = vec![
        Column::new(t!("Activity")),
        Column::new(t!("Partner")),
        Column::new(t!("Claimed")).numeric(),
        Column::new(t!("Owed")).numeric(),
        Column::new(t!("Status")),
    ];
    let count = rows.len();
    view! {
        <Table caption=caption columns empty=empty row_count=count>
            {rows.into_iter().map(|c| view! {
                <tr>
                    <td class=cell_class(false)>
                        <a class=link_class() href=format!("/funds/requests/{}", c.request_id)>{c.title.clone()}</a>
                    </td>
                    <td class=cell_class(false)>{c.organisation_name.clone()}</td>
                    <td class=cell_class(true)>{money(c.claimed, c.currency)}</td>
                    <td class=cell_class(true)>{money(c.approved - c.paid, c.currency)}</td>
                    <td class=cell_class(false)>{claim_badge(c.status)}</td>
                </tr>
            }).collect_view()}
        </Table>
    }
}

fn allocations_table(rows: Vec<AllocationRow>) -> impl IntoView {
    let columns = vec![
        Column::new(t!("Partner")),
        Column::new(t!("Allocated")).numeric(),
        Column::new(t!("Approved")).numeric(),
        Column::new(t!("Claimed")).numeric(),
        Column::new(t!("Paid")).numeric(),
        Column::new(t!("Available")).numeric(),
    ];
    let count = rows.len();
    view! {
        <Table caption=t!("Allocations") columns empty=t!("Nothing allocated yet.") row_count=count>
            {rows.into_iter().map(|a| {
                let (b, c) = (a.balance, a.currency);
                let expiring = a.expiring.then(|| view! { <Badge tone=Tone::Warning label=t!("Expires soon") /> });
                view! {
                    <tr>
                        <td class=cell_class(false)>
                            <span class="font-medium">{a.organisation_name.clone()}</span>
                            <span class="block text-xs text-slate-600 dark:text-slate-300">{format!("{} · {}", a.period_name, iso_day(&a.expires_on))}</span>
                            {expiring}
                        </td>
                        <td class=cell_class(true)>{money(b.allocated, c)}</td>
                        <td class=cell_class(true)>{money(b.approved, c)}</td>
                        <td class=cell_class(true)>{money(b.claimed, c)}</td>
                        <td class=cell_class(true)>{money(b.paid, c)}</td>
                        <td class=cell_class(true)>{money(b.available(), c)}</td>
                    </tr>
                }
            }).collect_view()}
        </Table>
    }
}
