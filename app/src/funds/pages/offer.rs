//! The deal page's cloud-marketplace panel: the partner asks for a
//! private offer; the channel manager records the offer the marketplace
//! extended and where it stands; both see it.

use leptos::prelude::*;

use crate::{
    format::{iso_day, utc_minute},
    funds::{
        api::{private_offer, RecordPrivateOffer, RequestPrivateOffer},
        Marketplace, OfferRow, OfferStatus, OfferView,
    },
    shell::ui::{
        form_error, options, AsyncSection, Badge, Button, Field, FormResult, SelectField, TextArea,
        Tone,
    },
};

/// The panel for deal `deal`, with its own data and forms.
#[component]
pub fn PrivateOfferPanel(deal: String) -> impl IntoView {
    let request = ServerAction::<RequestPrivateOffer>::new();
    let record = ServerAction::<RecordPrivateOffer>::new();
    let id = deal.clone();
    let offer = Resource::new(
        move || (id.clone(), request.version().get() + record.version().get()),
        |(deal, _)| private_offer(deal),
    );
    view! {
        <section aria-labelledby="offer-heading" class="lg:col-span-3">
            <crate::shell::Card>
                <h2 id="offer-heading" class="mb-2 font-semibold">{t!("Cloud marketplace")}</h2>
                <AsyncSection>
                    {move || {
                        let deal = deal.clone();
                        Suspend::new(async move { offer.await.map(|o| body(o, &deal, request, record)) })
                    }}
                </AsyncSection>
            </crate::shell::Card>
        </section>
    }
}

fn body(
    v: OfferView,
    deal: &str,
    request: ServerAction<RequestPrivateOffer>,
    record: ServerAction<RecordPrivateOffer>,
) -> impl IntoView {
    let shown = v.offer.clone().map(offer);
    let empty = (v.offer.is_none() && !v.may_request).then(|| {
        view! { <p class="text-sm">{t!("No private offer on this deal.")}</p> }
    });
    let ask = v.may_request.then(|| request_form(request, deal));
    let recorded = v
        .may_record
        .then(|| record_form(record, deal, v.offer.clone()));
    view! {
        {shown}
        {empty}
        {ask}
        {recorded}
    }
}

fn offer(o: OfferRow) -> impl IntoView {
    let tone = match o.status {
        OfferStatus::Requested => Tone::Info,
        OfferStatus::Extended => Tone::Warning,
        OfferStatus::Accepted => Tone::Success,
        OfferStatus::Expired => Tone::Danger,
    };
    let amount = o
        .amount
        .zip(o.currency)
        .map(|(a, c)| crate::format::exact_amount(a, c.code()));
    view! {
        <div class="mb-3 flex flex-col items-start gap-1 text-sm">
            <div class="flex flex-wrap items-center gap-2">
                <span class="font-medium">{o.marketplace.label()}</span>
                <Badge tone label=o.status.label() />
            </div>
            {o.reference.clone().map(|r| view! { <p>{t!("Offer id: {id}", id = r)}</p> })}
            {amount.map(|a| view! { <p>{t!("Amount: {amount}", amount = a)}</p> })}
            {o.expires_on.clone().map(|e| view! { <p>{t!("Expires on {date}", date = iso_day(&e))}</p> })}
            <p class="text-slate-600 dark:text-slate-300">{t!("Asked {when}", when = utc_minute(o.requested_at))}</p>
            {(!o.note.is_empty()).then(|| view! { <p class="whitespace-pre-line">{o.note.clone()}</p> })}
        </div>
    }
}

fn request_form(action: ServerAction<RequestPrivateOffer>, deal: &str) -> impl IntoView {
    let deal = deal.to_owned();
    let result = FormResult::of(action);
    let summary = result.summary();
    view! {
        {form_error(summary)}
        <p class="mb-2 text-sm">{t!("The customer buys through a cloud marketplace? Ask for a private offer: the channel manager has it extended there.")}</p>
        <ActionForm action attr:class="grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="deal" value=deal />
            <SelectField label=t!("Marketplace") name="marketplace" id="offer-marketplace" options=options(Marketplace::ALL.iter().map(|m| (m.code(), m.label()))) />
            <label class="block text-sm font-medium sm:col-span-2">
                {t!("For the channel manager (optional)")}
                <TextArea name="note" rows=2 maxlength=2000 />
            </label>
            <div><Button>{t!("Ask for a private offer")}</Button></div>
        </ActionForm>
    }
}

fn record_form(
    action: ServerAction<RecordPrivateOffer>,
    deal: &str,
    current: Option<OfferRow>,
) -> impl IntoView {
    let deal = deal.to_owned();
    let result = FormResult::of(action);
    let summary = result.summary();
    let message = move |name: &str| result.message(name);
    let choices = options(
        [
            OfferStatus::Extended,
            OfferStatus::Accepted,
            OfferStatus::Expired,
        ]
        .iter()
        .map(|s| (s.code(), s.label())),
    );
    let reference = current
        .as_ref()
        .and_then(|o| o.reference.clone())
        .unwrap_or_default();
    let expires = current
        .as_ref()
        .and_then(|o| o.expires_on.clone())
        .unwrap_or_default();
    view! {
        {form_error(summary)}
        <ActionForm action attr:class="grid gap-3 sm:grid-cols-2">
            <input type="hidden" name="deal" value=deal />
            <SelectField label=t!("Where it stands") name="status" id="offer-status" options=choices error=message("status") />
            <Field label=t!("Marketplace offer id") name="reference" id="offer-reference" value=reference literal=true error=message("reference") />
            <Field label=t!("Amount (the deal's currency)") name="amount" id="offer-amount" inputmode="decimal" error=message("amount") />
            <Field label=t!("Expires on") name="expires_on" id="offer-expires" kind="date" value=expires error=message("expires_on") />
            <div class="sm:col-span-2"><Button>{t!("Record the offer")}</Button></div>
        </ActionForm>
    }
}
