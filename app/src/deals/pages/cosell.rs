//! The co-selling section of a deal page.

use leptos::prelude::*;

use crate::deals::{api::*, PartnerRole};
use crate::shell::ui::{form_error, options, Button, Field, SelectField};

/// The co-selling part of a deal page: who sells it, what each partner
/// did and when, and the forms to add a partner (vendor) or record a
/// touchpoint (partners on the deal).
#[component]
pub fn CoSellSection(deal: crate::deals::DealView) -> impl IntoView {
    use crate::shell::{ui::TextArea, Card};

    let add = ServerAction::<AddCoSeller>::new();
    let touch = ServerAction::<RecordTouchpoint>::new();
    let add_error = crate::shell::ui::last_error(add);
    let touch_error = crate::shell::ui::last_error(touch);
    let today = crate::format::utc_date(crate::format::now_secs());
    let (id, add_id) = (deal.summary.id.clone(), deal.summary.id.clone());
    view! {
        <section aria-labelledby="cosell-heading" class="lg:col-span-3">
            <Card>
                <h2 id="cosell-heading" class="mb-2 font-semibold">{t!("Co-selling")}</h2>
                {deal.shared.then(|| view! {
                    <p class="mb-2 text-sm text-slate-600 dark:text-slate-300">
                        {t!("Your organisation co-sells this deal. The registering partner's contact and notes stay with them.")}
                    </p>
                })}
                <ul class="mb-3 text-sm">
                    <li>
                        <span class="font-medium">{deal.summary.organisation_name.clone()}</span>
                        {format!(
                            " · {}",
                            t!("{role} · registered it", role = deal.partner_role.map(|r| r.label()).unwrap_or("—"))
                        )}
                    </li>
                    {deal.co_sellers.iter().map(|c| view! {
                        <li>
                            <span class="font-medium">{c.organisation_name.clone()}</span>
                            {format!(
                                " · {}",
                                t!(
                                    "{role} · since {date}",
                                    role = c.role.map(|r| r.label()).unwrap_or("—"),
                                    date = crate::format::day(c.added_at),
                                )
                            )}
                        </li>
                    }).collect_view()}
                </ul>
                <h3 class="mb-1 text-sm font-semibold">{t!("Touchpoints")}</h3>
                {deal.touchpoints.is_empty().then(|| view! {
                    <p class="text-sm text-slate-600 dark:text-slate-300">{t!("None recorded yet.")}</p>
                })}
                <ol class="flex flex-col gap-1 text-sm">
                    {deal.touchpoints.iter().map(|t| view! {
                        <li>
                            <span class="font-medium">{format!("{} · {}", t.happened_on, t.kind.map(|k| k.label()).unwrap_or("—"))}</span>
                            {format!(" · {} · {}", t.organisation_name, t.recorded_by)}
                            {t.note.clone().map(|n| view! { <span class="block text-slate-600 dark:text-slate-300">{n}</span> })}
                        </li>
                    }).collect_view()}
                </ol>
                {deal.actions.can_record_touchpoint.then(|| view! {
                    <div class="mt-4 border-t border-slate-200 pt-3 dark:border-slate-800">
                        {form_error(touch_error.clone())}
                        <ActionForm action=touch>
                            <input type="hidden" name="id" value=id.clone() />
                            <div class="grid gap-3 sm:grid-cols-2">
                                <SelectField
                                    label=t!("What happened")
                                    name="kind"
                                    id="touchpoint-kind"
                                    options=options(crate::deals::cosell::TouchpointKind::ALL.iter().map(|k| (k.code(), k.label())))
                                />
                                <Field label=t!("On") name="happened_on" id="touchpoint-on" kind="date" required=true value=today.clone() max=today.clone() />
                            </div>
                            <label class="mt-3 block text-sm font-medium">
                                {t!("Note (optional)")}
                                <TextArea name="note" rows=2 maxlength=500 />
                            </label>
                            <Button extra="mt-3">{t!("Record touchpoint")}</Button>
                        </ActionForm>
                    </div>
                })}
                {deal.actions.can_add_co_seller.then(|| view! {
                    <div class="mt-4 border-t border-slate-200 pt-3 dark:border-slate-800">
                        {form_error(add_error.clone())}
                        <ActionForm action=add>
                            <input type="hidden" name="id" value=add_id.clone() />
                            <div class="grid gap-3 sm:grid-cols-2">
                                <Field label=t!("Add a partner") name="organisation" id="co-seller" list="co-sell-partners" autocomplete="off" required=true />
                                <datalist id="co-sell-partners">
                                    {deal.addable.iter().map(|name| view! { <option value=name.clone()></option> }).collect_view()}
                                </datalist>
                                <SelectField
                                    label=t!("Role")
                                    name="role"
                                    id="co-seller-role"
                                    options=options(PartnerRole::ALL.iter().map(|r| (r.code(), r.label())))
                                />
                            </div>
                            <Button extra="mt-3">{t!("Add co-selling partner")}</Button>
                        </ActionForm>
                    </div>
                })}
            </Card>
        </section>
    }
}
