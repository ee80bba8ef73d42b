//! `/funds/requests/:id`: one fund request as its partner and vendor
//! staff see it: what was asked, who reviews it and by when, then the
//! proof, the claim and the payments, each with the form the reader may
//! use now.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::{claim_badge, forms::proof_input, money, request_badge, review_clock};
use crate::{
    auth::Viewer,
    format::{count, file_size, iso_day, now_secs, percent_from_bp, utc_minute},
    funds::{
        api::{
            fund_request, AnswerFundRequest, ClaimFunds, PayFundClaim, ReviewFundClaim,
            ReviewFundRequest,
        },
        CampaignResults, Decision, ProofRefused, RequestDetail, RequestStatus,
    },
    shell::{
        ui::{
            form_error, link_class, options, AsyncSection, Button, Field, FormResult, Panel,
            SelectField, TextArea,
        },
        PageHeader, RequireViewer,
    },
};

/// The page's forms.
#[derive(Clone, Copy)]
struct Acts {
    review: ServerAction<ReviewFundRequest>,
    answer: ServerAction<AnswerFundRequest>,
    claim: ServerAction<ClaimFunds>,
    review_claim: ServerAction<ReviewFundClaim>,
    pay: ServerAction<PayFundClaim>,
}

#[component]
pub fn FundRequestPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let acts = Acts {
        review: ServerAction::new(),
        answer: ServerAction::new(),
        claim: ServerAction::new(),
        review_claim: ServerAction::new(),
        pay: ServerAction::new(),
    };
    let request = Resource::new(
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                acts.review.version().get()
                    + acts.answer.version().get()
                    + acts.claim.version().get()
                    + acts.review_claim.version().get()
                    + acts.pay.version().get(),
            )
        },
        |(id, _)| fund_request(id),
    );
    let refused = query
        .read_untracked()
        .get("refused")
        .and_then(|code| ProofRefused::parse(&code));
    view! {
        <Title text=t!("Fund request") />
        <RequireViewer signed_in=move |_viewer: Viewer| {
            view! {
                <AsyncSection>
                    {move || Suspend::new(async move { request.await.map(|r| page(r, acts, refused)) })}
                </AsyncSection>
            }
        } />
    }
}

fn page(r: RequestDetail, acts: Acts, refused: Option<ProofRefused>) -> impl IntoView {
    let lead = t!(
        "{partner} · {period}",
        partner = r.organisation_name.clone(),
        period = r.period_name.clone()
    );
    view! {
        <PageHeader title=r.title.clone() lead />
        <div class="grid gap-6 lg:grid-cols-3">
            {facts(&r)}
            {review_panel(&r, acts)}
        </div>
        {r.results.clone().map(|results| results_panel(results, r.currency))}
        <div class="mt-6 grid gap-6 lg:grid-cols-2">
            {(r.status == RequestStatus::Approved).then(|| view! {
                {proof_panel(&r, refused)}
                {claim_panel(&r, acts)}
            })}
        </div>
    }
}

/// What the linked campaign brought, and the return on what the vendor
/// paid: the activity's own proof of performance.
fn results_panel(r: CampaignResults, c: crate::values::Currency) -> impl IntoView {
    let ropi = r.ropi_bp.map_or_else(|| "—".to_owned(), percent_from_bp);
    view! {
        <div class="mt-6">
            <Panel id="fund-request-results" title=t!("Results of the campaign")>
                <p class="mb-3 text-sm text-slate-600 dark:text-slate-300">
                    {t!("Counted from the campaign's page, emails, leads and the registrations made from them; attached to the claim as proof.")}
                </p>
                <dl class="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3 lg:grid-cols-5">
                    {figure(t!("Page views"), count(r.views))}
                    {figure(t!("Form fills"), count(r.fills))}
                    {figure(t!("Emails sent"), count(r.sends))}
                    {figure(t!("Leads"), count(r.leads))}
                    {figure(t!("Registrations"), count(r.deals))}
                    {figure(t!("Pipeline"), money(r.pipeline, c))}
                    {figure(t!("Won revenue"), money(r.won, c))}
                    {figure(t!("Vendor's cost"), money(r.cost, c))}
                    {figure(t!("Return on the funds (ROPI)"), ropi)}
                </dl>
            </Panel>
        </div>
    }
}

fn figure(term: &'static str, value: String) -> impl IntoView {
    view! {
        <div>
            <dt class="text-slate-600 dark:text-slate-300">{term}</dt>
            <dd class="font-medium tabular-nums">{value}</dd>
        </div>
    }
}

fn fact(term: &'static str, value: String) -> impl IntoView {
    view! {
        <dt class="text-slate-600 dark:text-slate-300">{term}</dt>
        <dd>{value}</dd>
    }
}

fn facts(r: &RequestDetail) -> impl IntoView {
    let r = r.clone();
    let c = r.currency;
    let campaign = r.campaign.clone().map(|(id, name)| {
        view! {
            <dt class="text-slate-600 dark:text-slate-300">{t!("Campaign")}</dt>
            <dd><a class=link_class() href=format!("/campaigns/{id}")>{name}</a></dd>
        }
    });
    view! {
        <Panel id="fund-request-facts" title=t!("The activity") span="min-w-0 lg:col-span-2">
            <dl class="grid grid-cols-2 gap-x-6 gap-y-2 break-words text-sm">
                {fact(t!("Activity"), r.activity.label().to_owned())}
                {fact(t!("Dates"), format!("{} – {}", iso_day(&r.starts_on), iso_day(&r.ends_on)))}
                {fact(t!("Planned cost"), money(r.planned_cost, c))}
                {fact(t!("Vendor share"), percent_from_bp(r.share_bp))}
                {fact(t!("Asked"), money(r.requested, c))}
                {fact(t!("Approved"), money(r.approved, c))}
                {fact(t!("Expected leads"), crate::format::count(r.expected_leads))}
                {fact(t!("Expected pipeline"), money(r.expected_pipeline, c))}
                {campaign}
            </dl>
            <p class="mt-3 whitespace-pre-line text-sm">{r.description.clone()}</p>
        </Panel>
    }
}

fn review_panel(r: &RequestDetail, acts: Acts) -> impl IntoView {
    let status = r.status;
    let submitted_at = r.submitted_at;
    let reviewer = r
        .reviewer
        .clone()
        .unwrap_or_else(|| t!("The program team").to_owned());
    let clock =
        (r.status == RequestStatus::Submitted).then(|| review_clock(r.sla_due_at, now_secs()));
    let note = r.review_note.clone().map(|n| {
        view! { <p class="mt-2 whitespace-pre-line text-sm"><span class="font-medium">{t!("Reviewer's note:")}</span>" "{n}</p> }
    });
    let form = if r.may_review {
        Some(review_form(r, acts.review).into_any())
    } else if r.may_answer {
        Some(answer_form(&r.id, acts.answer).into_any())
    } else {
        None
    };
    view! {
        <Panel id="fund-request-review" title=t!("Review")>
            <div class="flex flex-col items-start gap-2">
                {request_badge(status)}
                <p class="text-sm">{t!("Reviewed by {name}", name = reviewer)}</p>
                <p class="text-sm">{t!("Sent {when}", when = utc_minute(submitted_at))}</p>
                {clock}
            </div>
            {note}
            <div class="mt-4">{form}</div>
        </Panel>
    }
}

fn review_form(r: &RequestDetail, action: ServerAction<ReviewFundRequest>) -> impl IntoView {
    let id = r.id.clone();
    let result = FormResult::of(action);
    let summary = result.summary();
    let message = move |name: &str| result.message(name);
    view! {
        {form_error(summary)}
        <ActionForm action attr:class="grid gap-3">
            <input type="hidden" name="id" value=id />
            <SelectField label=t!("Decision") name="decision" id="fund-decision" options=options(Decision::ALL.iter().map(|d| (d.code(), d.label()))) error=message("decision") />
            <Field label=t!("Amount, when approving less") name="amount" id="fund-decision-amount" inputmode="decimal" error=message("amount") />
            <label class="block text-sm font-medium">
                {t!("Note to the partner (why, or what is missing)")}
                <TextArea name="note" rows=2 maxlength=2000 />
                {message("note").map(|m| view! { <span role="alert" class="mt-1 block text-sm text-rose-800 dark:text-rose-300">{m}</span> })}
            </label>
            <div><Button>{t!("Decide")}</Button></div>
        </ActionForm>
    }
}

fn answer_form(id: &str, action: ServerAction<AnswerFundRequest>) -> impl IntoView {
    let id = id.to_owned();
    let result = FormResult::of(action);
    let summary = result.summary();
    view! {
        {form_error(summary)}
        <ActionForm action attr:class="grid gap-3">
            <input type="hidden" name="id" value=id />
            <label class="block text-sm font-medium">
                {t!("Your answer")}
                <TextArea name="answer" rows=3 maxlength=4000 required=true />
            </label>
            <div><Button>{t!("Answer and send again")}</Button></div>
        </ActionForm>
    }
}

fn proof_panel(r: &RequestDetail, refused: Option<ProofRefused>) -> impl IntoView {
    let items = r
        .proofs
        .iter()
        .map(|p| {
            view! {
                <li>
                    <a class=link_class() href=format!("/fund-proofs/{}", p.id)>{p.name.clone()}</a>
                    " · "{file_size(p.size)}" · "{utc_minute(p.uploaded_at)}
                </li>
            }
        })
        .collect_view();
    let upload = r.may_add_proof.then(|| {
        view! {
            {form_error(refused.map(|why| why.label().to_owned()))}
            <form method="post" enctype="multipart/form-data" action=format!("/funds/requests/{}/proofs", r.id) class="mt-3 grid gap-3">
                {proof_input()}
                <div><Button>{t!("Add the proof")}</Button></div>
            </form>
        }
    });
    let empty = match (r.proofs.is_empty(), r.campaign.is_some()) {
        (true, true) => Some(view! { <p class="text-sm">{t!("The campaign's results are its proof; add invoices for what it cost.")}</p> }.into_any()),
        (true, false) => Some(view! { <p class="text-sm">{t!("No proof yet.")}</p> }.into_any()),
        _ => None,
    };
    view! {
        <Panel id="fund-request-proof" title=t!("Proof of performance")>
            {empty}
            <ul class="flex flex-col gap-1 text-sm">{items}</ul>
            {upload}
        </Panel>
    }
}

fn claim_panel(r: &RequestDetail, acts: Acts) -> impl IntoView {
    let c = r.currency;
    let due =
        view! { <p class="text-sm">{t!("Claim by {date}", date = iso_day(&r.claim_due_on))}</p> };
    let claim = r.claim.clone().map(|claim| {
        let owed = claim.approved - claim.paid;
        view! {
            <div class="flex flex-col items-start gap-2">
                {claim_badge(claim.status)}
                <dl class="grid grid-cols-2 gap-x-6 gap-y-1 text-sm">
                    {fact(t!("Actual cost"), money(claim.actual_cost, c))}
                    {fact(t!("Claimed"), money(claim.claimed, c))}
                    {fact(t!("Approved"), money(claim.approved, c))}
                    {fact(t!("Paid"), money(claim.paid, c))}
                    {fact(t!("Owed"), money(owed, c))}
                </dl>
                {(!claim.note.is_empty()).then(|| view! { <p class="whitespace-pre-line text-sm">{claim.note.clone()}</p> })}
                {claim.review_note.clone().map(|n| view! { <p class="whitespace-pre-line text-sm"><span class="font-medium">{t!("Reviewer's note:")}</span>" "{n}</p> })}
            </div>
        }
    });
    let payments = (!r.payments.is_empty()).then(|| {
        let items = r
            .payments
            .iter()
            .map(|p| view! { <li>{money(p.amount, c)}" · "{p.reference.clone()}" · "{utc_minute(p.paid_at)}</li> })
            .collect_view();
        view! {
            <h3 class="mt-4 text-sm font-semibold">{t!("Payments")}</h3>
            <ul class="mt-1 flex flex-col gap-1 text-sm">{items}</ul>
        }
    });
    let form = if r.may_claim {
        Some(claim_form(r, acts.claim).into_any())
    } else if r.may_review_claim {
        r.claim
            .as_ref()
            .map(|claim| claim_review_form(&claim.id, acts.review_claim).into_any())
    } else if r.may_pay {
        r.claim
            .as_ref()
            .map(|claim| pay_form(&claim.id, acts.pay).into_any())
    } else {
        None
    };
    view! {
        <Panel id="fund-request-claim" title=t!("Claim")>
            {due}
            {claim}
            {payments}
            <div class="mt-4">{form}</div>
        </Panel>
    }
}

fn claim_form(r: &RequestDetail, action: ServerAction<ClaimFunds>) -> impl IntoView {
    let result = FormResult::of(action);
    let summary = result.summary();
    let message = move |name: &str| result.message(name);
    let share = percent_from_bp(r.share_bp);
    let id = r.id.clone();
    view! {
        {form_error(summary)}
        {message("proof").map(|m| view! { <p role="alert" class="mb-2 text-sm text-rose-800 dark:text-rose-300">{m}</p> })}
        <ActionForm action attr:class="grid gap-3">
            <input type="hidden" name="request" value=id />
            <Field label=t!("Actual cost") name="actual_cost" id="claim-cost" inputmode="decimal" required=true hint=t!("The vendor pays {share} of it, at most what was approved.", share = share) error=message("actual_cost") />
            <label class="block text-sm font-medium">
                {t!("What ran and what it brought (optional)")}
                <TextArea name="note" rows=2 maxlength=2000 />
            </label>
            <div><Button>{t!("Send the claim")}</Button></div>
        </ActionForm>
    }
}

fn claim_review_form(claim: &str, action: ServerAction<ReviewFundClaim>) -> impl IntoView {
    let result = FormResult::of(action);
    let summary = result.summary();
    let message = move |name: &str| result.message(name);
    let claim = claim.to_owned();
    let choices = vec![
        ("approve".to_owned(), t!("Approve the claim").to_owned()),
        (
            "return".to_owned(),
            t!("Return it: something is missing").to_owned(),
        ),
    ];
    view! {
        {form_error(summary)}
        <ActionForm action attr:class="grid gap-3">
            <input type="hidden" name="claim" value=claim.clone() />
            <SelectField label=t!("Decision") name="decision" id="claim-decision" options=choices error=message("decision") />
            <Field label=t!("Amount, when approving less") name="amount" id="claim-amount" inputmode="decimal" error=message("amount") />
            <label class="block text-sm font-medium">
                {t!("Note to the partner (why, or what is missing)")}
                <TextArea name="note" rows=2 maxlength=2000 />
                {message("note").map(|m| view! { <span role="alert" class="mt-1 block text-sm text-rose-800 dark:text-rose-300">{m}</span> })}
            </label>
            <div><Button>{t!("Decide")}</Button></div>
        </ActionForm>
    }
}

fn pay_form(claim: &str, action: ServerAction<PayFundClaim>) -> impl IntoView {
    let claim = claim.to_owned();
    let result = FormResult::of(action);
    let summary = result.summary();
    let message = move |name: &str| result.message(name);
    view! {
        {form_error(summary)}
        <ActionForm action attr:class="grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="claim" value=claim.clone() />
            <Field label=t!("Amount paid") name="amount" id="pay-amount" inputmode="decimal" hint=t!("Empty: all that is owed.") error=message("amount") />
            <Field label=t!("Payment reference") name="reference" id="pay-reference" required=true maxlength=80u32 error=message("reference") />
            <div class="sm:col-span-2"><Button>{t!("Record the payment")}</Button></div>
        </ActionForm>
    }
}
