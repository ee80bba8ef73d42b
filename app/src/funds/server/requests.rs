//! Fund requests: a partner admin asks for funds for an activity; the
//! partner's channel manager (or the program admin) approves it as
//! asked, approves a lower amount, asks for more information or denies
//! it with a reason, within the review clock.

use crate::{
    audit::server::Entry,
    auth::{
        policy::{authorize_fund_request, authorize_fund_review},
        Viewer,
    },
    db::{Db, Write},
    error::AppError,
    format::amount_from_cents,
    funds::{add_business_days, parse_amount, Decision, RequestDraft, RequestStatus},
};

use super::ledger::commit_to_allocation;

/// Where a request's reviewers are told to look.
fn link(id: &str) -> String {
    format!("/funds/requests/{id}")
}

/// Who is told of a request that needs review: the partner's channel
/// manager, or the program admin when the partner has none.
pub async fn reviewers(tx: &mut Write, organisation: &str) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT p.email FROM people p WHERE p.status = 'active' AND (p.id = \
         (SELECT channel_manager_id FROM organisations WHERE id = $1) OR (p.role = 'program_admin' \
         AND (SELECT channel_manager_id FROM organisations WHERE id = $1) IS NULL)) ORDER BY p.email",
    )
    .bind(organisation)
    .fetch_all(&mut **tx)
    .await
}

/// Sends request `draft` for `viewer`'s organisation; answers its id.
/// The allocation must be the organisation's own and not expired.
pub async fn submit_request(
    db: &Db,
    viewer: &Viewer,
    draft: &RequestDraft,
    now: i64,
    ip: Option<&str>,
) -> Result<String, AppError> {
    authorize_fund_request(viewer)?;
    let today = crate::format::utc_date(now);
    let allocation: Option<(String, String)> = sqlx::query_as(&format!(
        "SELECT a.expires_on, p.currency FROM fund_allocations a JOIN fund_periods p ON p.id = a.period_id \
         WHERE a.id = $1 AND {}",
        crate::auth::policy::tenant_scoped("a.organisation_id", "$2")
    ))
    .bind(&draft.allocation)
    .bind(viewer.tenant_scope())
    .fetch_optional(&db.pool)
    .await?;
    let Some((expires_on, currency)) = allocation else {
        return Err(AppError::field(
            "allocation",
            crate::t!("Choose the funds to draw on."),
        ));
    };
    if expires_on < today {
        return Err(AppError::field(
            "allocation",
            crate::t!("These funds have expired; choose others."),
        ));
    }
    if let Some(campaign) = &draft.campaign {
        let own: Option<String> = sqlx::query_scalar(&format!(
            "SELECT c.id FROM campaigns c WHERE c.id = $1 AND {}",
            crate::auth::policy::tenant_scoped("c.organisation_id", "$2")
        ))
        .bind(campaign)
        .bind(viewer.tenant_scope())
        .fetch_optional(&db.pool)
        .await?;
        own.ok_or_else(|| AppError::field("campaign", crate::t!("Choose a value from the list.")))?;
    }
    let id = uuid::Uuid::now_v7().to_string();
    let mut tx = db.write(viewer.actor(ip)).await?;
    let days: i64 =
        sqlx::query_scalar("SELECT fund_review_business_days FROM program_settings WHERE id = 1")
            .fetch_one(&mut *tx)
            .await?;
    sqlx::query(
        "INSERT INTO fund_requests (id, allocation_id, organisation_id, requested_by, activity, title, \
         description, campaign_id, planned_cost_minor, share_bp, requested_minor, expected_leads, \
         expected_pipeline_minor, starts_on, ends_on, status, submitted_at, sla_due_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'submitted', $16, $17, $16)",
    )
    .bind(&id)
    .bind(&draft.allocation)
    .bind(&viewer.organisation_id)
    .bind(&viewer.person_id)
    .bind(draft.activity.code())
    .bind(&draft.title)
    .bind(&draft.description)
    .bind(draft.campaign.as_deref())
    .bind(draft.planned_cost_minor)
    .bind(draft.share_bp)
    .bind(draft.requested_minor)
    .bind(draft.expected_leads)
    .bind(draft.expected_pipeline_minor)
    .bind(&draft.starts_on)
    .bind(&draft.ends_on)
    .bind(now)
    .bind(add_business_days(now, days))
    .execute(&mut *tx)
    .await?;
    let amount = amount_from_cents(draft.requested_minor, &currency);
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "fund_request.submitted",
        record_type: "fund_request",
        record_id: Some(&id),
        detail: Some(&format!("{}: {amount}", draft.title)),
    })
    .await?;
    for email in reviewers(&mut tx, &viewer.organisation_id).await? {
        let (partner, title, amount) = (
            viewer.organisation_name.clone(),
            draft.title.clone(),
            amount.clone(),
        );
        tx.notify(&email, &link(&id), |l| {
            (
                crate::t!(in l, "Fund request from {partner}: {title}", partner = partner, title = title),
                crate::t!(in l, "{partner} asks for {amount}. Review it within {days} business days.", partner = partner, amount = amount, days = days),
            )
        })
        .await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// The partner answers a request the reviewer asked more of: the answer
/// is added to its description and the request waits for review again,
/// on a new clock.
pub async fn answer_request(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    answer: &str,
    now: i64,
    ip: Option<&str>,
) -> Result<(), AppError> {
    authorize_fund_request(viewer)?;
    let answer = answer.trim();
    if answer.chars().count() < 2 || answer.chars().count() > 4_000 {
        return Err(AppError::field(
            "answer",
            crate::t!("Answer in 2 to 4,000 characters."),
        ));
    }
    let mut tx = db.write(viewer.actor(ip)).await?;
    let days: i64 =
        sqlx::query_scalar("SELECT fund_review_business_days FROM program_settings WHERE id = 1")
            .fetch_one(&mut *tx)
            .await?;
    let title: Option<String> = sqlx::query_scalar(&format!(
        "SELECT title FROM fund_requests WHERE id = $1 AND {}",
        crate::auth::policy::tenant_scoped("organisation_id", "$2")
    ))
    .bind(id)
    .bind(viewer.tenant_scope())
    .fetch_optional(&mut *tx)
    .await?;
    let title = title.ok_or(AppError::NotFound)?;
    let answered = sqlx::query(
        "UPDATE fund_requests SET status = 'submitted', description = description || $1, \
         submitted_at = $2, sla_due_at = $3, updated_at = $2 \
         WHERE id = $4 AND organisation_id = $5 AND status = 'more_info'",
    )
    .bind(format!("\n\n{answer}"))
    .bind(now)
    .bind(add_business_days(now, days))
    .bind(id)
    .bind(&viewer.organisation_id)
    .execute(&mut *tx)
    .await?;
    if answered.rows_affected() == 0 {
        return Err(AppError::Conflict(
            crate::t!("Nothing was asked of this request.").to_owned(),
        ));
    }
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "fund_request.answered",
        record_type: "fund_request",
        record_id: Some(id),
        detail: Some(answer),
    })
    .await?;
    for email in reviewers(&mut tx, &viewer.organisation_id).await? {
        let (partner, title) = (viewer.organisation_name.clone(), title.clone());
        tx.notify(&email, &link(id), |l| {
            (
                crate::t!(in l, "{partner} answered: {title}", partner = partner, title = title),
                crate::t!(in l, "The request waits for your review again.").to_owned(),
            )
        })
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A reviewer's decision on a request, checked: the amount for an
/// approval of less than asked, a note for everything but a plain
/// approval.
pub struct Review {
    pub decision: Decision,
    pub amount: Option<i64>,
    pub note: String,
}

/// Checks a decision as typed.
pub fn check_review(decision: &str, amount: &str, note: &str) -> Result<Review, AppError> {
    let decision = Decision::parse(decision)
        .ok_or_else(|| AppError::field("decision", crate::t!("Choose a value from the list.")))?;
    let note = note.trim().to_owned();
    let amount = if decision == Decision::Change {
        Some(parse_amount(amount).ok_or_else(|| {
            AppError::field(
                "amount",
                crate::t!("Enter an amount above zero, like 12,500."),
            )
        })?)
    } else {
        None
    };
    if decision != Decision::Approve && note.chars().count() < 2 {
        return Err(AppError::field(
            "note",
            crate::t!("Say why, so the partner knows what to do."),
        ));
    }
    if note.chars().count() > 2_000 {
        return Err(AppError::field(
            "note",
            crate::t!("Keep it under 2,000 characters."),
        ));
    }
    Ok(Review {
        decision,
        amount,
        note,
    })
}

/// Decides request `id`. An approval commits its amount to the partner's
/// allocation (refused when the allocation cannot hold it); the request
/// must be waiting for review. The partner's admins are told.
pub async fn review_request(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    review: &Review,
    now: i64,
    ip: Option<&str>,
) -> Result<RequestStatus, AppError> {
    authorize_fund_review(viewer)?;
    let mut tx = db.write(viewer.actor(ip)).await?;
    let found: Option<(String, String, String, i64, String)> = sqlx::query_as(
        "SELECT r.organisation_id, r.allocation_id, r.title, r.requested_minor, p.currency \
         FROM fund_requests r JOIN fund_allocations a ON a.id = r.allocation_id \
         JOIN fund_periods p ON p.id = a.period_id WHERE r.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let (organisation, allocation, title, requested, currency) = found.ok_or(AppError::NotFound)?;
    let (status, approved) = match review.decision {
        Decision::Approve => (RequestStatus::Approved, requested),
        Decision::Change => {
            let amount = review.amount.unwrap_or(requested);
            if amount >= requested {
                return Err(AppError::field(
                    "amount",
                    crate::t!("Enter less than was asked, or approve as asked."),
                ));
            }
            (RequestStatus::Approved, amount)
        }
        Decision::MoreInfo => (RequestStatus::MoreInfo, 0),
        Decision::Deny => (RequestStatus::Denied, 0),
    };
    // The request moves once: a second reviewer at the same moment finds
    // it decided.
    let moved = sqlx::query(
        "UPDATE fund_requests SET status = $1, approved_minor = $2, review_note = $3, \
         reviewed_by = $4, decided_at = $5, updated_at = $5 WHERE id = $6 AND status = 'submitted'",
    )
    .bind(status.code())
    .bind(approved)
    .bind(Some(review.note.as_str()).filter(|n| !n.is_empty()))
    .bind(&viewer.person_id)
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if moved.rows_affected() == 0 {
        return Err(AppError::Conflict(
            crate::t!("This request is not waiting for review any more.").to_owned(),
        ));
    }
    if approved > 0 {
        commit_to_allocation(&mut tx, &allocation, approved).await?;
    }
    let amount = amount_from_cents(approved, &currency);
    tx.audit(Entry {
        organisation_id: Some(&organisation),
        action: match status {
            RequestStatus::Approved => "fund_request.approved",
            RequestStatus::MoreInfo => "fund_request.more_info",
            _ => "fund_request.denied",
        },
        record_type: "fund_request",
        record_id: Some(id),
        detail: Some(&if approved > 0 {
            format!("{amount} {}", review.note)
        } else {
            review.note.clone()
        }),
    })
    .await?;
    for (email, _) in tx.partner_admins(&organisation).await? {
        let (title, amount, note) = (title.clone(), amount.clone(), review.note.clone());
        tx.notify(&email, &link(id), |l| match status {
            RequestStatus::Approved => (
                crate::t!(in l, "Funds approved: {title}", title = title),
                crate::t!(in l, "{amount} approved. Claim it with proof once the activity has run. {note}", amount = amount, note = note),
            ),
            RequestStatus::MoreInfo => (
                crate::t!(in l, "More information asked: {title}", title = title),
                crate::t!(in l, "The reviewer asks: {note}", note = note),
            ),
            _ => (
                crate::t!(in l, "Fund request denied: {title}", title = title),
                crate::t!(in l, "Why: {note}", note = note),
            ),
        })
        .await?;
    }
    tx.commit().await?;
    Ok(status)
}
