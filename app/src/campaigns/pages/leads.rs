//! `/leads`: the leads of the partner's campaigns, newest first.

use leptos::prelude::*;
use leptos_meta::Title;

use leptos_router::hooks::use_query_map;

use super::{
    distribution::{distribution, import_report},
    lead_tone,
};
use crate::{
    auth::Viewer,
    campaigns::{
        api::{
            lead_import_report, list_leads, AnswerLead, EnterLead, SaveLeadRouting, SetLeadStatus,
        },
        recipients::UploadRefused,
        LeadRow, LeadStatus,
    },
    format::{day, utc_minute},
    shell::{
        ui::{
            cell_class, form_error, input_class, last_error, link_class, AsyncSection, Badge,
            Button, Column, Intent, Table,
        },
        PageHeader, RequireViewer,
    },
};

#[component]
pub fn LeadsPage() -> impl IntoView {
    let act = ServerAction::<SetLeadStatus>::new();
    let answer = ServerAction::<AnswerLead>::new();
    let enter = ServerAction::<EnterLead>::new();
    let save = ServerAction::<SaveLeadRouting>::new();
    let leads = Resource::new(
        move || {
            (
                act.version().get(),
                answer.version().get(),
                enter.version().get(),
            )
        },
        |_| list_leads(),
    );
    let query = use_query_map();
    let report = Resource::new(
        move || query.read().get("import"),
        |id| async move {
            match id {
                Some(id) => lead_import_report(id).await.map(Some),
                None => Ok(None),
            }
        },
    );
    view! {
        <Title text=t!("Leads") />
        <RequireViewer signed_in=move |viewer: Viewer| {
            let vendor = viewer.role.is_vendor();
            let lead = if vendor {
                t!("Leads the vendor distributes: each goes to the partner the routing rules pick, who accepts it or declines it with a reason; unanswered, it moves on to the next partner.")
            } else {
                t!("People who asked to be contacted through your campaigns' landing pages, and leads the vendor offers you.")
            };
            let refused = query
                .read()
                .get("refused")
                .and_then(|code| UploadRefused::parse(&code))
                .map(|r| r.label().to_owned());
            view! {
                <PageHeader title=t!("Leads") lead />
                {form_error(last_error(act).or_else(|| last_error(answer)))}
                {form_error(refused)}
                {vendor.then(|| view! {
                    <AsyncSection>
                        {move || Suspend::new(async move {
                            report.await.map(|r| r.map(import_report))
                        })}
                    </AsyncSection>
                })}
                {vendor.then(|| distribution(enter, save))}
                <AsyncSection>
                    {move || Suspend::new(async move {
                        leads.await.map(|rows| {
                            let acts = (!vendor).then_some(Acts { status: act, answer });
                            lead_table(rows, t!("Your leads"), acts)
                        })
                    })}
                </AsyncSection>
            }
        } />
    }
}

/// What a partner can do to its leads from a table.
#[derive(Clone, Copy)]
pub(super) struct Acts {
    pub status: ServerAction<SetLeadStatus>,
    pub answer: ServerAction<AnswerLead>,
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

/// Accept or decline (with a reason) a lead the vendor offers, and by
/// when.
fn offer_actions(l: &LeadRow, answer: ServerAction<AnswerLead>) -> impl IntoView {
    let now = crate::format::now_secs();
    let due = l.offer_expires_at.map(|at| {
        if at <= now {
            view! { <p class="text-xs font-medium text-rose-700 dark:text-rose-300">{t!("Overdue: answer now")}</p> }.into_any()
        } else {
            let hours = (at - now + 3599) / 3600;
            view! { <p class="text-xs text-slate-600 dark:text-slate-300">{t!("Answer within {hours} h ({when})", hours = hours, when = utc_minute(at))}</p> }.into_any()
        }
    });
    let (id, decline_id) = (l.id.clone(), l.id.clone());
    let reason_id = format!("reason-{}", l.id);
    let label_for = reason_id.clone();
    view! {
        <div class="flex flex-col gap-2">
            {due}
            <ActionForm action=answer>
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="accept" value="true" />
                <Button extra="px-3 py-1 text-xs">{t!("Accept the lead")}</Button>
            </ActionForm>
            <details>
                <summary class="cursor-pointer text-sm">{t!("Decline…")}</summary>
                <ActionForm action=answer attr:class="mt-2 flex flex-col gap-2">
                    <input type="hidden" name="id" value=decline_id />
                    <input type="hidden" name="accept" value="false" />
                    <label for=label_for class="text-sm">{t!("Why not?")}</label>
                    <input id=reason_id name="reason" required minlength="3" maxlength="500" class=input_class() />
                    <Button intent=Intent::Secondary extra="px-3 py-1 text-xs">{t!("Decline the lead")}</Button>
                </ActionForm>
            </details>
        </div>
    }
}

fn actions(l: &LeadRow, acts: Acts) -> impl IntoView {
    if l.status == LeadStatus::Offered {
        return offer_actions(l, acts.answer).into_any();
    }
    let act = acts.status;
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
    view! { <div class="flex flex-wrap items-center gap-2">{buttons}{register}</div> }.into_any()
}

/// Where a distributed lead went, offer by offer (vendor staff).
fn history(l: &LeadRow) -> impl IntoView {
    (!l.history.is_empty()).then(|| {
        let lines = l
            .history
            .iter()
            .map(|o| {
                let answered = o.decided_at.map(|at| {
                    let hours = (at - o.offered_at) as f64 / 3600.0;
                    t!(" after {hours} h", hours = format!("{hours:.1}"))
                });
                let reason = o.reason.clone().map(|r| format!(": {r}"));
                view! {
                    <li>
                        {utc_minute(o.offered_at)}" · "{o.partner.clone()}" · "{o.outcome.label()}
                        {answered}{reason}
                    </li>
                }
            })
            .collect_view();
        view! {
            <details class="mt-1 text-xs">
                <summary class="cursor-pointer">{t!("Routing history")}</summary>
                <ul class="mt-1 flex flex-col gap-1">{lines}</ul>
            </details>
        }
    })
}

/// A table of leads, captioned `caption`; with `act`, each row's next
/// steps (the partner's own leads).
pub(super) fn lead_table(rows: Vec<LeadRow>, caption: &str, acts: Option<Acts>) -> impl IntoView {
    let mut columns = vec![
        Column::new(t!("Name")),
        Column::new(t!("Company")),
        Column::new(t!("Email")),
        Column::new(t!("Campaign")),
        Column::new(t!("Status")),
        Column::new(t!("Last activity")),
    ];
    if acts.is_some() {
        columns.push(Column::new(t!("Next step")));
    }
    let count = rows.len();
    view! {
        <Table caption=caption.to_owned() caption_visible=true columns empty=t!("No leads yet.") row_count=count>
            {rows.into_iter().map(|l| {
                let next = acts.map(|acts| view! { <td class=cell_class(false)>{actions(&l, acts)}</td> });
                let hidden = l.status == LeadStatus::Offered && l.email.is_empty();
                let name = if hidden { t!("Shown once you accept").to_owned() } else { l.name.clone() };
                let partner = (!l.history.is_empty()).then(|| l.organisation_name.clone()).flatten();
                let trail = history(&l);
                let overdue = l.status == LeadStatus::Offered
                    && l.offer_expires_at.is_some_and(|at| at <= crate::format::now_secs());
                view! {
                    <tr id=format!("lead-{}", l.id)>
                        <td class=cell_class(false)>
                            <span class="font-medium">{name}</span>
                            {l.message.map(|m| view! { <p class="mt-1 max-w-xs text-sm text-slate-600 dark:text-slate-300">{m}</p> })}
                        </td>
                        <td class=cell_class(false)>{l.company}</td>
                        <td class=cell_class(false)>
                            {(!hidden).then(|| view! { <a href=format!("mailto:{}", l.email) class="underline">{l.email.clone()}</a> })}
                        </td>
                        <td class=cell_class(false)>{l.campaign.unwrap_or_else(|| t!("From the vendor").to_owned())}</td>
                        <td class=cell_class(false)>
                            <Badge tone=lead_tone(l.status) label=l.status.label() />
                            {partner.map(|p| view! { <p class="mt-1 text-xs">{p}</p> })}
                            {overdue.then(|| view! { <p class="text-xs font-medium text-rose-700 dark:text-rose-300">{t!("Overdue")}</p> })}
                            {trail}
                        </td>
                        <td class=cell_class(false)>{day(l.updated_at)}</td>
                        {next}
                    </tr>
                }
            }).collect_view()}
        </Table>
    }
}
