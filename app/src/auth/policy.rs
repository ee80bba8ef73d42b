//! The one place that decides whether the signed-in person may do something
//! to an organisation's records. Every server function calls [`authorize`]
//! first; the SQL it then runs is scoped to the same organisation.

use crate::{auth::Viewer, error::AppError, organisations::Role};

/// What someone wants to do, to one organisation's records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Read the organisation's profile and people.
    ViewOrganisation,
    /// Change the profile, contact and logo.
    EditOrganisation,
    /// Invite, disable and change the role of its people.
    ManagePeople,
    /// Read its audit log.
    ViewAuditLog,
    /// Read its people's learning: paths, certificates, locked quizzes.
    ViewLearning,
    /// Give its people new quiz attempts.
    ResetAttempts,
}

/// `Ok` when `viewer` may do `permission` to organisation `organisation_id`.
///
/// Vendor staff work across partners: everyone on the vendor side may view,
/// only the program admin may change. Partner people act on their own
/// organisation only; another partner's records answer `NotFound`, so ids of
/// other partners cannot even be probed.
pub fn authorize(
    viewer: &Viewer,
    permission: Permission,
    organisation_id: &str,
) -> Result<(), AppError> {
    let own = viewer.organisation_id == organisation_id;
    let allowed = match viewer.role {
        Role::ProgramAdmin => true,
        Role::ChannelManager | Role::Marketer => {
            matches!(
                permission,
                Permission::ViewOrganisation | Permission::ViewLearning
            )
        }
        Role::PartnerAdmin => own,
        Role::PartnerUser => own && matches!(permission, Permission::ViewOrganisation),
    };
    match (allowed, own || viewer.role.is_vendor()) {
        (true, _) => Ok(()),
        (false, true) => Err(AppError::Forbidden),
        (false, false) => Err(AppError::NotFound),
    }
}

/// The SQL predicate that keeps a query inside a tenant: `column` (an
/// organisation id) must equal the bound parameter `param`, unless that
/// parameter is NULL ([`Viewer::tenant_scope`] of vendor staff, who work
/// across partners). Bind `viewer.tenant_scope()` to `param`. Every query
/// on partner data is scoped through this, never by a pasted condition.
///
/// [`Viewer::tenant_scope`]: crate::auth::Viewer::tenant_scope
pub fn tenant_scoped(column: &str, param: &str) -> String {
    format!("(CAST({param} AS TEXT) IS NULL OR {column} = {param})")
}

/// `Ok` when `viewer` may change program-wide things (settings, the
/// outbox, every organisation's audit log): the program admin only.
pub fn authorize_program(viewer: &Viewer) -> Result<(), AppError> {
    if viewer.role == Role::ProgramAdmin {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// `Ok` when `viewer` may register deals (for their own organisation):
/// partner people only.
pub fn authorize_deal_registration(viewer: &Viewer) -> Result<(), AppError> {
    if viewer.role.is_vendor() {
        Err(AppError::Forbidden)
    } else {
        Ok(())
    }
}

/// `Ok` when `viewer` may review registrations (approve, reject, ask for
/// more): the program admin and channel managers.
pub fn authorize_deal_review(viewer: &Viewer) -> Result<(), AppError> {
    if matches!(viewer.role, Role::ProgramAdmin | Role::ChannelManager) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// `Ok` when `viewer` may read and decide partner applications: the
/// program admin and channel managers.
pub fn authorize_recruiting(viewer: &Viewer) -> Result<(), AppError> {
    authorize_deal_review(viewer)
}

/// `Ok` when `viewer` may publish content for partners (the asset
/// library, the FAQ): the program admin and vendor marketers.
pub fn authorize_content(viewer: &Viewer) -> Result<(), AppError> {
    if matches!(viewer.role, Role::ProgramAdmin | Role::Marketer) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// `Ok` when `viewer` may launch co-branded campaigns for their own
/// organisation: partner people (admins and users alike: at a small
/// partner whoever does marketing launches).
pub fn authorize_campaign_launch(viewer: &Viewer) -> Result<(), AppError> {
    authorize_deal_registration(viewer)
}

/// `Ok` when `viewer` may send a campaign's email and keep recipient
/// lists: partner people, for their own organisation. Vendor staff never
/// see who a partner writes to.
pub fn authorize_campaign_send(viewer: &Viewer) -> Result<(), AppError> {
    authorize_deal_registration(viewer)
}

/// `Ok` when `viewer` may enter leads for partners and see where they
/// went: vendor staff.
pub fn authorize_lead_distribution(viewer: &Viewer) -> Result<(), AppError> {
    if viewer.role.is_vendor() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// `Ok` when `viewer` may keep their own organisation's webhook endpoints
/// and read and replay their deliveries: the program admin (the vendor's
/// endpoints) and partner admins (their partner's own). Nobody sees
/// another organisation's endpoints, the program admin included.
pub fn authorize_webhooks(viewer: &Viewer) -> Result<(), AppError> {
    if matches!(viewer.role, Role::ProgramAdmin | Role::PartnerAdmin) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// `Ok` when `viewer` may work leads (accept, disqualify, convert):
/// partner people, on their own organisation's leads.
pub fn authorize_lead_work(viewer: &Viewer) -> Result<(), AppError> {
    authorize_deal_registration(viewer)
}

/// `Ok` when `viewer` may request and claim marketing funds for their own
/// organisation: partner admins (the people who answer for its money).
pub fn authorize_fund_request(viewer: &Viewer) -> Result<(), AppError> {
    if viewer.role == Role::PartnerAdmin {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// `Ok` when `viewer` may review fund requests and claims: the program
/// admin and channel managers.
pub fn authorize_fund_review(viewer: &Viewer) -> Result<(), AppError> {
    authorize_deal_review(viewer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Permission::*;

    fn viewer(role: Role, organisation_id: &str) -> Viewer {
        Viewer {
            person_id: "p".into(),
            name: "P".into(),
            email: "p@x.example".into(),
            role,
            organisation_id: organisation_id.into(),
            organisation_name: "X".into(),
        }
    }

    #[test]
    fn partners_never_reach_another_partner() {
        for role in [Role::PartnerAdmin, Role::PartnerUser] {
            for permission in [
                ViewOrganisation,
                EditOrganisation,
                ManagePeople,
                ViewAuditLog,
                ViewLearning,
                ResetAttempts,
            ] {
                assert_eq!(
                    authorize(&viewer(role, "mine"), permission, "theirs"),
                    Err(AppError::NotFound),
                    "{role:?} {permission:?}"
                );
            }
        }
    }

    #[test]
    fn partner_roles_on_their_own_organisation() {
        let admin = viewer(Role::PartnerAdmin, "mine");
        for permission in [
            ViewOrganisation,
            EditOrganisation,
            ManagePeople,
            ViewAuditLog,
            ViewLearning,
            ResetAttempts,
        ] {
            assert_eq!(authorize(&admin, permission, "mine"), Ok(()));
        }
        let user = viewer(Role::PartnerUser, "mine");
        assert_eq!(authorize(&user, ViewOrganisation, "mine"), Ok(()));
        for permission in [
            EditOrganisation,
            ManagePeople,
            ViewAuditLog,
            ViewLearning,
            ResetAttempts,
        ] {
            assert_eq!(
                authorize(&user, permission, "mine"),
                Err(AppError::Forbidden)
            );
        }
    }

    #[test]
    fn only_the_program_admin_runs_the_program() {
        assert_eq!(
            authorize_program(&viewer(Role::ProgramAdmin, "vendor")),
            Ok(())
        );
        for role in [
            Role::ChannelManager,
            Role::Marketer,
            Role::PartnerAdmin,
            Role::PartnerUser,
        ] {
            assert_eq!(
                authorize_program(&viewer(role, "x")),
                Err(AppError::Forbidden)
            );
        }
    }

    #[test]
    fn partners_register_deals_and_vendor_managers_review_them() {
        for role in Role::ALL.iter().copied() {
            let v = viewer(role, "x");
            assert_eq!(
                authorize_deal_registration(&v).is_ok(),
                !role.is_vendor(),
                "{role:?}"
            );
            assert_eq!(
                authorize_deal_review(&v).is_ok(),
                matches!(role, Role::ProgramAdmin | Role::ChannelManager),
                "{role:?}"
            );
        }
    }

    #[test]
    fn the_program_admin_and_marketers_publish_content() {
        for role in Role::ALL.iter().copied() {
            assert_eq!(
                authorize_content(&viewer(role, "x")).is_ok(),
                matches!(role, Role::ProgramAdmin | Role::Marketer),
                "{role:?}"
            );
        }
    }

    #[test]
    fn vendor_roles() {
        let admin = viewer(Role::ProgramAdmin, "vendor");
        for permission in [
            ViewOrganisation,
            EditOrganisation,
            ManagePeople,
            ViewAuditLog,
            ViewLearning,
            ResetAttempts,
        ] {
            assert_eq!(authorize(&admin, permission, "any-partner"), Ok(()));
        }
        for role in [Role::ChannelManager, Role::Marketer] {
            let staff = viewer(role, "vendor");
            assert_eq!(authorize(&staff, ViewOrganisation, "any-partner"), Ok(()));
            assert_eq!(authorize(&staff, ViewLearning, "any-partner"), Ok(()));
            for permission in [EditOrganisation, ManagePeople, ViewAuditLog, ResetAttempts] {
                assert_eq!(
                    authorize(&staff, permission, "any-partner"),
                    Err(AppError::Forbidden)
                );
            }
        }
    }

    #[test]
    fn the_tenant_predicate_is_built_here_and_pasted_nowhere() {
        assert_eq!(
            tenant_scoped("d.organisation_id", "$2"),
            "(CAST($2 AS TEXT) IS NULL OR d.organisation_id = $2)"
        );
        let pasted: Vec<String> = crate::source_scan::crate_sources()
            .into_iter()
            .filter(|(name, _)| name != "auth/policy.rs")
            .flat_map(|(name, text)| {
                text.lines()
                    .filter(|l| l.contains("AS TEXT) IS NULL OR") && l.contains("id ="))
                    .map(|l| format!("{name}: {}", l.trim()))
                    .collect::<Vec<_>>()
            })
            .collect();
        assert_eq!(pasted, Vec::<String>::new());
    }
}
