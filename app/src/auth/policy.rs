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
        Role::ChannelManager | Role::Marketer => matches!(permission, Permission::ViewOrganisation),
        Role::PartnerAdmin => own,
        Role::PartnerUser => own && matches!(permission, Permission::ViewOrganisation),
    };
    match (allowed, own || viewer.role.is_vendor()) {
        (true, _) => Ok(()),
        (false, true) => Err(AppError::Forbidden),
        (false, false) => Err(AppError::NotFound),
    }
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
        ] {
            assert_eq!(authorize(&admin, permission, "mine"), Ok(()));
        }
        let user = viewer(Role::PartnerUser, "mine");
        assert_eq!(authorize(&user, ViewOrganisation, "mine"), Ok(()));
        for permission in [EditOrganisation, ManagePeople, ViewAuditLog] {
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
    fn vendor_roles() {
        let admin = viewer(Role::ProgramAdmin, "vendor");
        for permission in [
            ViewOrganisation,
            EditOrganisation,
            ManagePeople,
            ViewAuditLog,
        ] {
            assert_eq!(authorize(&admin, permission, "any-partner"), Ok(()));
        }
        for role in [Role::ChannelManager, Role::Marketer] {
            let staff = viewer(role, "vendor");
            assert_eq!(authorize(&staff, ViewOrganisation, "any-partner"), Ok(()));
            for permission in [EditOrganisation, ManagePeople, ViewAuditLog] {
                assert_eq!(
                    authorize(&staff, permission, "any-partner"),
                    Err(AppError::Forbidden)
                );
            }
        }
    }
}
