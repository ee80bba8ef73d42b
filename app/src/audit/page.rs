use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::api::audit_entries;
use crate::shell::ui::{cell_class, AsyncSection, Column, Table};
use crate::shell::RequireViewer;
use crate::{auth::Viewer, format::utc_minute, shell::PageHeader};

/// `/organisations/:id/audit`, and `/admin/audit` (no id: every
/// organisation, program admin only): who changed what, newest first.
#[component]
pub fn AuditLogPage() -> impl IntoView {
    let params = use_params_map();
    let entries = Resource::new(
        move || params.read().get("id").unwrap_or_default(),
        audit_entries,
    );
    view! {
        <Title text=t!("Audit log") />
        <RequireViewer signed_in=move |_viewer: Viewer| view! {
            <PageHeader title=t!("Audit log") lead=t!("Every change to this organisation's records: who, what, when and from where.") />
            <AsyncSection>
                    {move || Suspend::new(async move {
                        entries.await.map(|list| {
                            let columns = [t!("When"), t!("Who"), t!("What"), t!("Details"), t!("Address")]
                                .map(Column::new)
                                .to_vec();
                            view! {
                                <Table caption=t!("Audit entries") columns empty=t!("Nothing yet.") row_count=list.len()>
                                    {list.into_iter().map(|e| view! {
                                        <tr>
                                            <td class=format!("{} whitespace-nowrap", cell_class(false))>{utc_minute(e.at)}</td>
                                            <td class=cell_class(false)>{e.actor.unwrap_or_else(|| "—".to_owned())}</td>
                                            <td class=cell_class(false)>{action_label(&e.action)}</td>
                                            <td class=cell_class(false)>{e.detail.unwrap_or_default()}</td>
                                            <td class=cell_class(false)>{e.ip.unwrap_or_default()}</td>
                                        </tr>
                                    }).collect_view()}
                                </Table>
                            }
                        })
                    })}
                </AsyncSection>
        } />
    }
}

/// An action code (`person_updated`) as people read it: "person updated".
/// An unknown code is shown with spaces for its underscores.
fn action_label(code: &str) -> String {
    let label = match code {
        "sign_in" => t!("sign in"),
        "sign_in_failed" => t!("sign in failed"),
        "sign_in_password_accepted" => t!("sign in password accepted"),
        "sign_in_two_step_setup_required" => t!("sign in two step setup required"),
        "sign_out" => t!("sign out"),
        "second_factor_failed" => t!("second factor failed"),
        "session_revoked" => t!("session revoked"),
        "two_step_enabled" => t!("two step enabled"),
        "security_settings_updated" => t!("security settings updated"),
        "person_invited" => t!("person invited"),
        "invitation_accepted" => t!("invitation accepted"),
        "password_reset" => t!("password reset"),
        "person_updated" => t!("person updated"),
        "profile_updated" => t!("profile updated"),
        "deal_submitted" => t!("deal submitted"),
        "deal_decided" => t!("deal decided"),
        "deal_information_given" => t!("deal information given"),
        "deal_won" => t!("deal won"),
        "deal_lost" => t!("deal lost"),
        "deal_expired" => t!("deal expired"),
        "deal_extension_requested" => t!("deal extension requested"),
        "deal_extension_granted" => t!("deal extension granted"),
        "deal_extension_refused" => t!("deal extension refused"),
        "deal_co_seller_added" => t!("deal co seller added"),
        "deal_touchpoint_recorded" => t!("deal touchpoint recorded"),
        "direct_accounts_added" => t!("direct accounts added"),
        "rules_updated" => t!("rules updated"),
        other => return other.replace('_', " "),
    };
    label.to_owned()
}
