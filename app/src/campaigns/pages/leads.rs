//! `/leads`: the leads of the partner's campaigns, newest first.

use leptos::prelude::*;
use leptos_meta::Title;

use super::lead_tone;
use crate::{
    auth::Viewer,
    campaigns::{
        api::{list_leads, SetLeadStatus},
        LeadRow, LeadStatus,
    },
    format::day,
    shell::{
        ui::{
            cell_class, form_error, last_error, link_class, AsyncSection, Badge, Button, Column,
            Intent, Table,
        },
        PageHeader, RequireViewer,
    },
};

#[component]
pub fn LeadsPage() -> impl IntoView {
    let act = ServerAction::<SetLeadStatus>::new();
    let leads = Resource::new(move || act.version().get(), |_| list_leads());
    view! {
        <Title text=t!("Leads") />
        <RequireViewer signed_in=move |viewer: Viewer| {
            let may_act = !viewer.role.is_vendor();
            view! {
                <PageHeader
                    title=t!("Leads")
                    lead=t!("People who asked to be contacted through your campaigns' landing pages.")
                />
                {form_error(last_error(act))}
                <AsyncSection>
                    {move || Suspend::new(async move {
                        leads.await.map(|rows| lead_table(rows, t!("Your leads"), may_act.then_some(act)))
                    })}
                </AsyncSection>
            }
        } />
    }
}

/// The button that moves a lead to `status`.
fn verb(from: LeadStatus, to: LeadStatus) -> &'static str {
    match (from, to) {
        (_, LeadStatus::Accepted) => t!("Accept"),
        (LeadStatus::Disqualified, _) => t!("Reopen"),
        (_, LeadStatus::Working) => t!("Start working"),
        _ => t!("Disqualify"),
    }
}

fn actions(l: &LeadRow, act: ServerAction<SetLeadStatus>) -> impl IntoView {
    let from = l.status;
    let buttons = from
        .next()
        .iter()
        .map(|&to| {
            let id = l.id.clone();
            let intent = if to == LeadStatus::Disqualified {
                Intent::Secondary
            } else {
                Intent::Primary
            };
            view! {
                <ActionForm action=act>
                    <input type="hidden" name="id" value=id />
                    <input type="hidden" name="status" value=to.code() />
                    <Button intent=intent extra="px-3 py-1 text-xs">{verb(from, to)}</Button>
                </ActionForm>
            }
        })
        .collect_view();
    let register = l.status.workable().then(|| {
        view! {
            <a href=format!("/deals/new?lead={}", l.id) class=link_class()>{t!("Register a deal")}</a>
        }
    });
    view! { <div class="flex flex-wrap items-center gap-2">{buttons}{register}</div> }
}

/// A table of leads, captioned `caption`; with `act`, each row's next
/// steps (the partner's own leads).
pub(super) fn lead_table(
    rows: Vec<LeadRow>,
    caption: &str,
    act: Option<ServerAction<SetLeadStatus>>,
) -> impl IntoView {
    let mut columns = vec![
        Column::new(t!("Name")),
        Column::new(t!("Company")),
        Column::new(t!("Email")),
        Column::new(t!("Campaign")),
        Column::new(t!("Status")),
        Column::new(t!("Last activity")),
    ];
    if act.is_some() {
        columns.push(Column::new(t!("Next step")));
    }
    let count = rows.len();
    view! {
        <Table caption=caption.to_owned() caption_visible=true columns empty=t!("No leads yet.") row_count=count>
            {rows.into_iter().map(|l| {
                let next = act.map(|act| view! { <td class=cell_class(false)>{actions(&l, act)}</td> });
                view! {
                    <tr id=format!("lead-{}", l.id)>
                        <td class=cell_class(false)>
                            <span class="font-medium">{l.name}</span>
                            {l.message.map(|m| view! { <p class="mt-1 max-w-xs text-sm text-slate-600 dark:text-slate-300">{m}</p> })}
                        </td>
                        <td class=cell_class(false)>{l.company}</td>
                        <td class=cell_class(false)><a href=format!("mailto:{}", l.email) class="underline">{l.email.clone()}</a></td>
                        <td class=cell_class(false)>{l.campaign.unwrap_or_default()}</td>
                        <td class=cell_class(false)><Badge tone=lead_tone(l.status) label=l.status.label() /></td>
                        <td class=cell_class(false)>{day(l.updated_at)}</td>
                        {next}
                    </tr>
                }
            }).collect_view()}
        </Table>
    }
}
