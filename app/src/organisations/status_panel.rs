//! The program admin's control of a partner's lifecycle status, on its
//! organisation page: at risk, offboarded (with its open registrations
//! released or transferred) or reinstated.

use leptos::prelude::*;

use super::{
    api::{live_partners, ChangePartnerStatus},
    PartnerStatus,
};
use crate::shell::ui::{
    form_error, last_error, options, AsyncSection, Button, Intent, Panel, SelectField, TextArea,
};

/// The status form for partner `id`, whose status is `current`.
#[component]
pub fn StatusPanel(id: String, current: PartnerStatus) -> impl IntoView {
    let change = ServerAction::<ChangePartnerStatus>::new();
    let partners = Resource::new(|| (), |_| live_partners());
    let choices: Vec<(String, String)> = [
        PartnerStatus::Active,
        PartnerStatus::AtRisk,
        PartnerStatus::Offboarded,
    ]
    .into_iter()
    .filter(|s| *s != current)
    .map(|s| (s.code().to_owned(), s.label().to_owned()))
    .collect();
    view! {
        <Panel id="status-heading" title=t!("Partner status") span="lg:col-span-3">
            <p class="mb-2 text-sm text-slate-600 dark:text-slate-300">{t!("Offboarding ends its people's access at once and releases or transfers its open registrations; its history stays readable to Acme Cloud staff. It can be reinstated.")}</p>
            {form_error(last_error(change))}
            <ActionForm action=change attr:class="grid gap-3 sm:grid-cols-2">
                <input type="hidden" name="id" value=id.clone() />
                <SelectField label=t!("New status") name="status" id="status" options=choices />
                <SelectField
                    label=t!("Open registrations, when offboarding")
                    name="registrations"
                    id="registrations"
                    options=options([("release", t!("Release them: the customers are free again")), ("transfer", t!("Transfer them to another partner"))])
                />
                <AsyncSection>
                    {move || {
                        let own = id.clone();
                        Suspend::new(async move {
                            partners.await.map(|list| {
                                let list: Vec<(String, String)> = std::iter::once((String::new(), t!("No transfer").to_owned()))
                                    .chain(list.into_iter().filter(|(pid, _)| *pid != own))
                                    .collect();
                                view! { <SelectField label=t!("Partner to transfer to") name="transfer_to" id="transfer_to" options=list /> }
                            })
                        })
                    }}
                </AsyncSection>
                <label class="block text-sm font-medium sm:col-span-2">
                    {t!("Reason (recorded in the audit log)")}
                    <TextArea name="reason" rows=2 maxlength=1000 required=true />
                </label>
                <div class="sm:col-span-2"><Button intent=Intent::Danger>{t!("Change status")}</Button></div>
            </ActionForm>
        </Panel>
    }
}
