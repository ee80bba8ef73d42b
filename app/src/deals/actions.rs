//! Who may do what with a registration: one rule the read model applies
//! and the page follows.

use serde::{Deserialize, Serialize};

use super::DealStatus;

/// What a viewer may do with a registration, from its state and who they
/// are: the page offers exactly these, and the server functions refuse the
/// rest on their own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DealActions {
    /// Approve, reject or ask for more.
    pub can_review: bool,
    /// Mark it won or lost.
    pub can_close: bool,
    /// Ask for longer protection.
    pub can_request_extension: bool,
    /// Grant or refuse the pending extension request.
    pub can_decide_extension: bool,
    /// Answer the channel manager's question.
    pub can_respond: bool,
    /// Add a co-selling partner.
    pub can_add_co_seller: bool,
    /// Record a touchpoint of their organisation.
    pub can_record_touchpoint: bool,
}

/// Who is looking at a registration, as far as [`DealActions`] care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Onlooker {
    /// Vendor staff who review registrations.
    Reviewer,
    /// Vendor staff who do not (read only).
    Vendor,
    /// People of the partner that registered it.
    Registrant,
    /// People of a partner that co-sells it.
    CoSeller,
}

impl DealActions {
    /// What `who` may do with a registration in `status`, with an extension
    /// request pending or not. Only the registering partner acts for the
    /// registration; reviewers decide.
    pub fn of(who: Onlooker, status: DealStatus, extension_pending: bool) -> DealActions {
        let reviewer = who == Onlooker::Reviewer;
        let registrant = who == Onlooker::Registrant;
        let partner = matches!(who, Onlooker::Registrant | Onlooker::CoSeller);
        let approved = status == DealStatus::Approved;
        let worked = status.is_open() || status == DealStatus::Won;
        DealActions {
            can_review: reviewer && status.awaits_decision(),
            can_close: approved && (registrant || reviewer),
            can_request_extension: approved && !extension_pending && registrant,
            can_decide_extension: approved && extension_pending && reviewer,
            can_respond: status == DealStatus::MoreInfo && registrant,
            can_add_co_seller: worked && reviewer,
            can_record_touchpoint: worked && partner,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_registrant_acts_for_a_registration_and_only_reviewers_decide() {
        use DealStatus::*;
        use Onlooker::*;
        let approved = |who, pending| DealActions::of(who, Approved, pending);
        assert!(approved(Registrant, false).can_request_extension);
        assert!(!approved(Registrant, true).can_request_extension);
        assert!(!approved(CoSeller, false).can_request_extension);
        assert!(!approved(Reviewer, false).can_request_extension);
        assert!(approved(Reviewer, true).can_decide_extension);
        assert!(!approved(Vendor, true).can_decide_extension);
        assert!(!approved(Registrant, true).can_decide_extension);
        assert!(approved(Registrant, false).can_close && approved(Reviewer, false).can_close);
        assert!(!approved(CoSeller, false).can_close && !approved(Vendor, false).can_close);
        for status in [Submitted, MoreInfo] {
            assert!(DealActions::of(Reviewer, status, false).can_review);
            assert!(!DealActions::of(Vendor, status, false).can_review);
            assert!(!DealActions::of(Registrant, status, false).can_review);
        }
        assert!(DealActions::of(Registrant, MoreInfo, false).can_respond);
        assert!(!DealActions::of(CoSeller, MoreInfo, false).can_respond);
    }

    #[test]
    fn closed_registrations_offer_nothing_but_touchpoints_on_a_win() {
        use DealStatus::*;
        use Onlooker::*;
        for who in [Reviewer, Vendor, Registrant, CoSeller] {
            for status in [Rejected, Lost, Expired] {
                assert_eq!(DealActions::of(who, status, true), DealActions::default());
            }
            let won = DealActions::of(who, Won, false);
            assert_eq!(
                won.can_record_touchpoint,
                matches!(who, Registrant | CoSeller)
            );
            assert_eq!(won.can_add_co_seller, who == Reviewer);
            assert!(!won.can_close && !won.can_review && !won.can_respond);
        }
    }
}
