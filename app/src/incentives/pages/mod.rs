//! `/earnings`: a partner's plain earnings statement (per deal, the rule
//! in one sentence, the amount and where it stands; totals; what the next
//! tier would pay), or for vendor staff every partner's lines with the
//! approvals, payments, questions and programs.

mod forms;

use leptos::prelude::*;
use leptos_meta::Title;

use super::{
    api::{
        earnings_statement, AnswerEarning, ApproveEarnings, CreateIncentive, PayEarnings,
        QuestionEarning,
    },
    EarningLine, EarningStatus, EarningsView, ProgramRow,
};
use crate::{
    auth::Viewer,
    format::{exact_amount, iso_day, utc_minute},
    shell::{
        ui::{
            cell_class, form_error, last_error, link_class, AsyncSection, Badge, Column, Panel,
            Table, Tone,
        },
        Card, PageHeader, RequireViewer,
    },
};
use forms::{answer_form, approve_form, pay_form, program_form, question_form};

/// The page's forms.
#[derive(Clone, Copy)]
pub(super) struct Acts {
    pub program: ServerAction<CreateIncentive>,
    pub approve: ServerAction<ApproveEarnings>,
    pub pay: ServerAction<PayEarnings>,
    pub question: ServerAction<QuestionEarning>,
    pub answer: ServerAction<AnswerEarning>,
}

#[component]
pub fn EarningsPage() -> impl IntoView {
    let acts = Acts {
        program: ServerAction::new(),
        approve: ServerAction::new(),
        pay: ServerAction::new(),
        question: ServerAction::new(),
        answer: ServerAction::new(),
    };
    let view = Resource::new(
        move || {
            acts.program.version().get()
                + acts.approve.version().get()
                + acts.pay.version().get()
                + acts.question.version().get()
                + acts.answer.version().get()
        },
        |_| earnings_statement(),
    );
    view! {
        <Title text=t!("Earnings") />
        <RequireViewer signed_in=move |viewer: Viewer| {
            let lead = if viewer.role.is_vendor() {
                t!("What partners earned under the incentive programs: approve it, pay it, answer their questions.")
            } else {
                t!("What you earned from won deals: per deal, the rule, the amount and where it stands.")
            };
            view! {
                <PageHeader title=t!("Earnings") lead />
                {form_error(last_error(acts.question))}
                {form_error(last_error(acts.answer))}
                <AsyncSection>
                    {move || Suspend::new(async move { view.await.map(|v| page(v, acts)) })}
                </AsyncSection>
            }
        } />
    }
}

fn page(v: EarningsView, acts: Acts) -> impl IntoView {
    let vendor = v.vendor;
    let actions = (v.may_approve || v.may_manage).then(|| {
        let waiting = v.lines.iter().filter(|l| l.status == EarningStatus::Accrued).count();
        let payable = v.lines.iter().filter(|l| l.status == EarningStatus::Approved).count();
        view! {
            <div class="mb-6">
                <Panel id="earnings-actions" title=t!("Approve and pay")>
                    <div class="grid gap-4 sm:grid-cols-2">
                        {v.may_approve.then(|| approve_form(acts.approve, waiting))}
                        {v.may_manage.then(|| pay_form(acts.pay, payable))}
                    </div>
                    <p class="mt-3 text-sm">
                        <a class=link_class() href="/earnings/payouts.csv" download="earnings.csv">{t!("Download the payout file (CSV) for the ERP")}</a>
                    </p>
                </Panel>
            </div>
        }
    });
    let next = v.next_tier.clone().map(|n| {
        let more = n
            .more
            .iter()
            .map(|(c, amount)| exact_amount(*amount, c.code()))
            .collect::<Vec<_>>()
            .join(" · ");
        view! {
            <Card>
                <h2 class="font-semibold">{t!("At {tier}", tier = n.tier.clone())}</h2>
                <p class="mt-1 text-sm">{t!("This year's won deals would earn {amount} more under the {tier} programs.", amount = more, tier = n.tier.clone())}</p>
            </Card>
        }
    });
    let route = v.route.map(|r| {
        view! {
            <Card>
                <h2 class="font-semibold">{t!("Won revenue this year, by route")}</h2>
                <dl class="mt-2 grid grid-cols-2 gap-3 text-sm">
                    <div><dt class="text-slate-600 dark:text-slate-300">{t!("Through partners")}</dt><dd class="text-xl font-bold tabular-nums">{crate::format::usd_from_cents(r.partner)}</dd></div>
                    <div><dt class="text-slate-600 dark:text-slate-300">{t!("Through cloud marketplaces")}</dt><dd class="text-xl font-bold tabular-nums">{crate::format::usd_from_cents(r.marketplace)}</dd></div>
                </dl>
            </Card>
        }
    });
    let totals = v
        .totals
        .clone()
        .into_iter()
        .map(|t| {
            let c = t.currency.code();
            view! {
                <Card>
                    <dl class="grid grid-cols-3 gap-3 text-sm">
                        <div><dt class="text-slate-600 dark:text-slate-300">{t!("This quarter")}</dt><dd class="text-xl font-bold tabular-nums">{exact_amount(t.quarter, c)}</dd></div>
                        <div><dt class="text-slate-600 dark:text-slate-300">{t!("This year")}</dt><dd class="text-xl font-bold tabular-nums">{exact_amount(t.year, c)}</dd></div>
                        <div><dt class="text-slate-600 dark:text-slate-300">{t!("Paid this year")}</dt><dd class="text-xl font-bold tabular-nums">{exact_amount(t.paid, c)}</dd></div>
                    </dl>
                </Card>
            }
        })
        .collect_view();
    let questions = vendor.then(|| {
        let open: Vec<EarningLine> = v
            .lines
            .iter()
            .filter(|l| l.question.is_some() && l.answer.is_none())
            .cloned()
            .collect();
        (!open.is_empty()).then(|| {
            view! {
                <div class="mt-6">
                    <Panel id="earnings-questions" title=t!("Questions to answer")>
                        <ul class="flex flex-col gap-4">
                            {open.into_iter().map(|l| view! {
                                <li>
                                    <p class="text-sm font-medium">{format!("{} · {} · {}", l.organisation_name, l.deal_reference, l.program)}</p>
                                    <p class="mt-1 whitespace-pre-line text-sm">{l.question.clone()}</p>
                                    {answer_form(acts.answer, &l.id)}
                                </li>
                            }).collect_view()}
                        </ul>
                    </Panel>
                </div>
            }
        })
    });
    let program_panel = v.may_manage.then(|| {
        view! {
            <Panel id="earnings-new-program" title=t!("Add an incentive program")>
                {program_form(acts.program, v.tiers.clone(), &v.today)}
            </Panel>
        }
    });
    view! {
        {actions}
        <section aria-labelledby="earnings-totals" class="grid gap-4 lg:grid-cols-2">
            <h2 id="earnings-totals" class="sr-only">{t!("Totals")}</h2>
            {route}
            {totals}
            {next}
        </section>
        {questions}
        <div class="mt-6">
            <Panel id="earnings-statement" title=t!("Earnings statement")>
                {statement(v.lines, vendor, v.may_question, acts.question)}
            </Panel>
        </div>
        <div class="mt-6 grid gap-6 lg:grid-cols-2">
            <Panel id="earnings-programs" title=t!("How you earn")>{programs(v.programs)}</Panel>
            {program_panel}
        </div>
    }
}

fn status_badge(status: EarningStatus) -> impl IntoView {
    let tone = match status {
        EarningStatus::Accrued => Tone::Info,
        EarningStatus::Approved => Tone::Warning,
        EarningStatus::Paid => Tone::Success,
    };
    view! { <Badge tone label=status.label() /> }
}

fn statement(
    lines: Vec<EarningLine>,
    vendor: bool,
    may_question: bool,
    question: ServerAction<QuestionEarning>,
) -> impl IntoView {
    let mut columns = vec![Column::new(t!("Deal"))];
    if vendor {
        columns.push(Column::new(t!("Partner")));
    }
    columns.extend([
        Column::new(t!("Program and rule")),
        Column::new(t!("Amount")).numeric(),
        Column::new(t!("Status")),
    ]);
    let count = lines.len();
    view! {
        <Table caption=t!("Earnings statement") columns empty=t!("No earnings yet: they appear here when a deal is won.") row_count=count>
            {lines.into_iter().map(|l| {
                let partner = vendor.then(|| view! { <td class=cell_class(false)>{l.organisation_name.clone()}</td> });
                let thread = l.question.clone().map(|q| view! {
                    <p class="mt-1 text-xs"><span class="font-medium">{t!("Question:")}</span>" "{q}</p>
                    {l.answer.clone().map(|a| view! { <p class="mt-1 text-xs"><span class="font-medium">{t!("Answer:")}</span>" "{a}</p> })}
                });
                let ask = may_question.then(|| question_form(question, &l.id));
                view! {
                    <tr>
                        <td class=cell_class(false)>
                            <a class=link_class() href=format!("/deals/{}", l.deal_id)>{l.deal_reference.clone()}</a>
                            <span class="block text-xs text-slate-600 dark:text-slate-300">{l.customer.clone()}" · "{utc_minute(l.earned_at)}</span>
                        </td>
                        {partner}
                        <td class=cell_class(false)>
                            <span class="font-medium">{l.program.clone()}</span>
                            <span class="block max-w-prose whitespace-normal text-xs text-slate-600 dark:text-slate-300">{l.rule.clone()}</span>
                            {thread}
                            {ask}
                        </td>
                        <td class=cell_class(true)>{exact_amount(l.amount, l.currency.code())}</td>
                        <td class=cell_class(false)>{status_badge(l.status)}</td>
                    </tr>
                }
            }).collect_view()}
        </Table>
    }
}

fn programs(rows: Vec<ProgramRow>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p class="text-sm">{t!("No incentive program yet.")}</p> }.into_any();
    }
    view! {
        <ul class="flex flex-col gap-3">
            {rows.into_iter().map(|p| view! {
                <li>
                    <p class="font-medium">{p.name.clone()}" "<span class="text-xs text-slate-600 dark:text-slate-300">{p.kind.label()}</span></p>
                    <p class="text-sm">{p.rule.clone()}</p>
                    <p class="text-xs text-slate-600 dark:text-slate-300">{format!("{} – {}", iso_day(&p.starts_on), iso_day(&p.ends_on))}</p>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}
