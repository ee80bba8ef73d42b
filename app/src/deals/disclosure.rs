//! What a partner that co-sells a registration, without having registered
//! it, may see of it: an allow-list. Each function below names every field
//! of the wire type (destructured without `..`), so a field added to
//! [`DealSummary`], [`DealView`] or [`Touchpoint`] does not compile until
//! someone decides here whether a co-seller sees it. Everything about the
//! registering partner's people and its conversation with the channel
//! manager stays with the registrant and the vendor.

use super::types::{DealEvent, DealSummary, DealView, Touchpoint};

/// A registration in a co-seller's list: the customer, the deal and its
/// protection; not the conflict flag, the SLA clock or an extension
/// request's reason.
pub fn shared_summary(summary: DealSummary) -> DealSummary {
    let DealSummary {
        id,
        reference,
        customer_company,
        organisation_name,
        status,
        value_cents,
        currency,
        expected_close,
        conflict: _,
        submitted_at,
        sla_due_at: _,
        protected_until,
        extension_reason: _,
    } = summary;
    DealSummary {
        id,
        reference,
        customer_company,
        organisation_name,
        status,
        value_cents,
        currency,
        expected_close,
        conflict: None,
        submitted_at,
        sla_due_at: None,
        protected_until,
        extension_reason: None,
    }
}

/// A status change as a co-seller sees it: when and what, not who or why.
pub fn shared_event(event: DealEvent) -> DealEvent {
    let DealEvent {
        at,
        actor: _,
        from_status,
        to_status,
        note: _,
    } = event;
    DealEvent {
        at,
        actor: None,
        from_status,
        to_status,
        note: None,
    }
}

/// Another organisation's touchpoint as a co-seller sees it: who (the
/// organisation), what and when; its note and the person who recorded it
/// stay with that organisation, the registrant and the vendor.
/// `own`: the co-seller recorded it.
pub fn shared_touchpoint(touchpoint: Touchpoint, own: bool) -> Touchpoint {
    let Touchpoint {
        organisation_name,
        kind,
        happened_on,
        note,
        recorded_by,
    } = touchpoint;
    Touchpoint {
        organisation_name,
        kind,
        happened_on,
        note: note.filter(|_| own),
        recorded_by: if own { recorded_by } else { String::new() },
    }
}

/// A registration's page for a co-seller: the deal, its customer and
/// co-selling; no contact, notes, registrant or conflict evidence; its
/// actions are the co-seller's own. `own_touchpoints[i]`: the co-seller recorded the
/// view's touchpoint `i`.
pub fn shared_view(view: DealView, own_touchpoints: &[bool]) -> DealView {
    let DealView {
        summary,
        customer_domain,
        contact_name: _,
        contact_email: _,
        contact_phone: _,
        country,
        products,
        partner_role,
        notes: _,
        registered_by: _,
        events,
        actions,
        conflicts: _,
        shared: _,
        co_sellers,
        touchpoints,
        addable: _,
    } = view;
    DealView {
        summary: shared_summary(summary),
        customer_domain,
        contact_name: String::new(),
        contact_email: String::new(),
        contact_phone: None,
        country,
        products,
        partner_role,
        notes: None,
        registered_by: String::new(),
        events: events.into_iter().map(shared_event).collect(),
        // Worked out for the co-seller itself (`DealActions::of`).
        actions,
        conflicts: Vec::new(),
        shared: true,
        co_sellers,
        touchpoints: touchpoints
            .into_iter()
            .zip(own_touchpoints.iter().chain(std::iter::repeat(&false)))
            .map(|(t, own)| shared_touchpoint(t, *own))
            .collect(),
        addable: Vec::new(),
    }
}
