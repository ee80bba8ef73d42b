//! Cloud-marketplace private offers on a deal: the partner asks, the
//! channel manager records the offer the marketplace extended and where
//! it stands; an accepted offer wins the deal, as revenue through the
//! marketplace.

use crate::{
    audit::server::Entry,
    auth::{
        policy::{authorize_deal_registration, authorize_deal_review, tenant_scoped},
        Viewer,
    },
    db::Db,
    error::AppError,
    format::exact_amount,
    funds::{parse_amount, Marketplace, OfferRow, OfferStatus, OfferView, RouteRevenue},
    values::Currency,
};

fn link(deal: &str) -> String {
    format!("/deals/{deal}")
}

/// The registration `deal` as `viewer` may see it: (organisation,
/// reference, status, currency); `NotFound` for another partner's.
async fn deal_of(
    db: &Db,
    viewer: &Viewer,
    deal: &str,
) -> Result<(String, String, String, String), AppError> {
    let found: Option<(String, String, String, String)> = sqlx::query_as(&format!(
        "SELECT organisation_id, reference, status, currency FROM deals WHERE id = $1 AND {}",
        tenant_scoped("organisation_id", "$2")
    ))
    .bind(deal)
    .bind(viewer.tenant_scope())
    .fetch_optional(&db.pool)
    .await?;
    found.ok_or(AppError::NotFound)
}

/// Deal `deal`'s latest private offer and what the caller may do.
pub async fn offer_of(db: &Db, viewer: &Viewer, deal: &str) -> Result<OfferView, AppError> {
    let (_, _, status, _) = deal_of(db, viewer, deal).await?;
    type Row = (
        String,
        String,
        String,
        Option<String>,
        Option<i64>,
        Option<String>,
        Option<String>,
        String,
        i64,
    );
    let row: Option<Row> = sqlx::query_as(
        "SELECT id, marketplace, status, offer_ref, amount_minor, currency, expires_on, note, requested_at \
         FROM private_offers WHERE deal_id = $1 ORDER BY requested_at DESC, id DESC LIMIT 1",
    )
    .bind(deal)
    .fetch_optional(&db.pool)
    .await?;
    let offer = row.and_then(
        |(id, marketplace, state, reference, amount, currency, expires_on, note, requested_at)| {
            Some(OfferRow {
                id,
                marketplace: Marketplace::parse(&marketplace)?,
                status: OfferStatus::parse(&state)?,
                reference,
                amount,
                currency: currency.as_deref().and_then(Currency::parse),
                expires_on,
                note,
                requested_at,
            })
        },
    );
    let open = matches!(status.as_str(), "submitted" | "more_info" | "approved");
    let settled = offer
        .as_ref()
        .is_some_and(|o| o.status != OfferStatus::Expired);
    Ok(OfferView {
        may_request: authorize_deal_registration(viewer).is_ok() && open && !settled,
        may_record: authorize_deal_review(viewer).is_ok()
            && offer
                .as_ref()
                .is_some_and(|o| o.status != OfferStatus::Accepted),
        offer,
    })
}

/// The partner asks for a private offer on `deal` through `marketplace`;
/// its channel manager (or the program admin) is told.
pub async fn request_offer(
    db: &Db,
    viewer: &Viewer,
    deal: &str,
    marketplace: &str,
    note: &str,
    now: i64,
    ip: Option<&str>,
) -> Result<(), AppError> {
    authorize_deal_registration(viewer)?;
    let marketplace = Marketplace::parse(marketplace).ok_or_else(|| {
        AppError::field("marketplace", crate::t!("Choose a value from the list."))
    })?;
    let note = note.trim();
    if note.chars().count() > 2_000 {
        return Err(AppError::field(
            "note",
            crate::t!("Keep it under 2,000 characters."),
        ));
    }
    let current = offer_of(db, viewer, deal).await?;
    if !current.may_request {
        return Err(AppError::Conflict(
            crate::t!("This deal has a private offer already, or is closed.").to_owned(),
        ));
    }
    let (organisation, reference, _, _) = deal_of(db, viewer, deal).await?;
    let mut tx = db.write(viewer.actor(ip)).await?;
    sqlx::query(
        "INSERT INTO private_offers (id, deal_id, organisation_id, marketplace, status, note, requested_by, \
         requested_at, updated_at) VALUES ($1, $2, $3, $4, 'requested', $5, $6, $7, $7)",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(deal)
    .bind(&organisation)
    .bind(marketplace.code())
    .bind(note)
    .bind(&viewer.person_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&organisation),
        action: "private_offer.requested",
        record_type: "deal",
        record_id: Some(deal),
        detail: Some(marketplace.code()),
    })
    .await?;
    for email in super::reviewers(&mut tx, &organisation).await? {
        let (partner, reference) = (viewer.organisation_name.clone(), reference.clone());
        tx.notify(&email, &link(deal), |l| {
            (
                crate::t!(in l, "Private offer asked for {reference}", reference = reference),
                crate::t!(in l, "{partner} asks for a private offer on {marketplace}.", partner = partner, marketplace = marketplace.label()),
            )
        })
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// What the channel manager records of the marketplace's offer.
pub struct OfferRecord {
    pub status: OfferStatus,
    pub reference: String,
    pub amount: String,
    pub expires_on: String,
}

/// Records the offer on `deal` as the marketplace extended it (its id,
/// amount in the deal's currency and expiry, all needed once extended or
/// accepted) and where it stands. Accepted, the deal is won.
pub async fn record_offer(
    db: &Db,
    viewer: &Viewer,
    deal: &str,
    record: &OfferRecord,
    now: i64,
    ip: Option<&str>,
) -> Result<(), AppError> {
    authorize_deal_review(viewer)?;
    let (organisation, reference, deal_status, currency) = deal_of(db, viewer, deal).await?;
    let mut errors: Vec<(&str, &str)> = Vec::new();
    let offer_ref = record.reference.trim();
    let amount = match record.amount.trim() {
        "" => None,
        text => {
            let parsed = parse_amount(text);
            if parsed.is_none() {
                errors.push((
                    "amount",
                    crate::t!("Enter an amount above zero, like 12,500."),
                ));
            }
            parsed
        }
    };
    let expires_on = record.expires_on.trim();
    if !expires_on.is_empty() && crate::format::epoch_of_date(expires_on).is_none() {
        errors.push(("expires_on", crate::t!("Enter a date.")));
    }
    let extended = matches!(record.status, OfferStatus::Extended | OfferStatus::Accepted);
    if extended && (offer_ref.is_empty() || offer_ref.chars().count() > 120) {
        errors.push(("reference", crate::t!("Enter the marketplace's offer id.")));
    }
    if extended && amount.is_none() && record.amount.trim().is_empty() {
        errors.push((
            "amount",
            crate::t!("Enter an amount above zero, like 12,500."),
        ));
    }
    if extended && expires_on.is_empty() {
        errors.push(("expires_on", crate::t!("Enter a date.")));
    }
    if !errors.is_empty() {
        return Err(AppError::fields(errors));
    }
    let mut tx = db.write(viewer.actor(ip)).await?;
    let moved = sqlx::query(
        "UPDATE private_offers SET status = $1, offer_ref = $2, amount_minor = $3, currency = $4, \
         expires_on = $5, updated_by = $6, updated_at = $7 WHERE id = \
         (SELECT id FROM private_offers WHERE deal_id = $8 ORDER BY requested_at DESC, id DESC LIMIT 1) \
         AND status <> 'accepted'",
    )
    .bind(record.status.code())
    .bind(Some(offer_ref).filter(|r| !r.is_empty()))
    .bind(amount)
    .bind(amount.map(|_| currency.clone()))
    .bind(Some(expires_on).filter(|e| !e.is_empty()))
    .bind(&viewer.person_id)
    .bind(now)
    .bind(deal)
    .execute(&mut *tx)
    .await?;
    if moved.rows_affected() == 0 {
        return Err(AppError::Conflict(
            crate::t!("There is no open private offer on this deal.").to_owned(),
        ));
    }
    let shown = amount
        .map(|a| exact_amount(a, &currency))
        .unwrap_or_default();
    tx.audit(Entry {
        organisation_id: Some(&organisation),
        action: "private_offer.recorded",
        record_type: "deal",
        record_id: Some(deal),
        detail: Some(&format!("{} {offer_ref} {shown}", record.status.code())),
    })
    .await?;
    for (email, _) in tx.partner_admins(&organisation).await? {
        let (reference, status) = (reference.clone(), record.status);
        tx.notify(&email, &link(deal), |l| {
            (
                crate::t!(in l, "Private offer for {reference}: {status}", reference = reference, status = status.label_in(l)),
                crate::t!(in l, "The deal's page has the offer's id, amount and expiry.").to_owned(),
            )
        })
        .await?;
    }
    tx.commit().await?;
    // Accepted through the marketplace: the deal is won, with everything
    // a win sets going (tiers, accrued funds, earnings).
    if record.status == OfferStatus::Accepted && deal_status == "approved" {
        crate::deals::server::close(db, viewer, deal, true, ip).await?;
    }
    Ok(())
}

/// Revenue won this year (from `year_start`), through partners alone and
/// through a cloud marketplace (an accepted private offer), in US cents.
pub async fn revenue_by_route(db: &Db, year_start: i64) -> Result<RouteRevenue, sqlx::Error> {
    let rows: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT d.value_cents, d.currency, CASE WHEN EXISTS (SELECT 1 FROM private_offers o \
         WHERE o.deal_id = d.id AND o.status = 'accepted') THEN 1 ELSE 0 END \
         FROM deals d WHERE d.status = 'won' AND d.closed_at >= $1",
    )
    .bind(year_start)
    .fetch_all(&db.pool)
    .await?;
    let mut revenue = RouteRevenue::default();
    for (value, code, marketplace) in rows {
        let usd = Currency::parse(&code).map_or(0, |c| c.to_usd_cents(value));
        if marketplace == 1 {
            revenue.marketplace += usd;
        } else {
            revenue.partner += usd;
        }
    }
    Ok(revenue)
}
