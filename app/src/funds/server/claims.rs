//! Claims: proof of performance (files whose kind is read from their
//! bytes), the claim of an approved request, its review, payments (in
//! parts if need be) and the payout file for the ERP.

use crate::{
    assets::{
        server::{BlobStore, DbStore},
        sniff::{sniff, stored_name, FileKind},
    },
    audit::server::Entry,
    auth::{
        policy::{authorize_fund_request, authorize_fund_review, authorize_program, tenant_scoped},
        Viewer,
    },
    db::{Db, Write},
    error::AppError,
    format::amount_from_cents,
    funds::{claim_due, claimable, csv_field, parse_amount, ProofRefused, MAX_PROOF},
};

fn blob_key(id: &str) -> String {
    format!("fund-proof:{id}")
}

fn link(request: &str) -> String {
    format!("/funds/requests/{request}")
}

/// Keeps `bytes` (uploaded as `file_name`) as proof for request
/// `request` of `viewer`'s organisation: an approved request whose claim
/// is not approved yet. Answers the proof's id or why it was refused;
/// `NotFound` for another organisation's request.
pub async fn add_proof(
    db: &Db,
    viewer: &Viewer,
    request: &str,
    file_name: &str,
    bytes: &[u8],
    now: i64,
    ip: Option<&str>,
) -> Result<Result<String, ProofRefused>, AppError> {
    authorize_fund_request(viewer)?;
    let found: Option<(String, Option<String>)> = sqlx::query_as(&format!(
        "SELECT r.status, c.status FROM fund_requests r LEFT JOIN fund_claims c ON c.request_id = r.id \
         WHERE r.id = $1 AND {}",
        tenant_scoped("r.organisation_id", "$2")
    ))
    .bind(request)
    .bind(viewer.tenant_scope())
    .fetch_optional(&db.pool)
    .await?;
    let (status, claim) = found.ok_or(AppError::NotFound)?;
    if status != "approved" || matches!(claim.as_deref(), Some("approved" | "paid")) {
        return Ok(Err(ProofRefused::Closed));
    }
    if bytes.is_empty() {
        return Ok(Err(ProofRefused::Missing));
    }
    if bytes.len() > MAX_PROOF {
        return Ok(Err(ProofRefused::TooLarge));
    }
    let kind = match sniff(bytes) {
        Ok(kind @ (FileKind::Pdf | FileKind::Png | FileKind::Jpeg | FileKind::Webp)) => kind,
        _ => return Ok(Err(ProofRefused::NotProof)),
    };
    let id = uuid::Uuid::now_v7().to_string();
    let name = stored_name(file_name, kind);
    let mut tx = db.write(viewer.actor(ip)).await?;
    DbStore(db.clone())
        .put(&mut tx, &blob_key(&id), bytes)
        .await?;
    sqlx::query(
        "INSERT INTO fund_proofs (id, request_id, organisation_id, name, media_type, size, uploaded_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&id)
    .bind(request)
    .bind(&viewer.organisation_id)
    .bind(&name)
    .bind(kind.media_type())
    .bind(bytes.len() as i64)
    .bind(&viewer.person_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "fund_proof.added",
        record_type: "fund_request",
        record_id: Some(request),
        detail: Some(&name),
    })
    .await?;
    tx.commit().await?;
    Ok(Ok(id))
}

/// Proof file `id`: its name, media type and bytes, for its own partner
/// and vendor staff only (`None` for anyone else).
pub async fn proof(
    db: &Db,
    viewer: &Viewer,
    id: &str,
) -> Result<Option<(String, String, Vec<u8>)>, sqlx::Error> {
    let found: Option<(String, String)> = sqlx::query_as(&format!(
        "SELECT name, media_type FROM fund_proofs WHERE id = $1 AND {}",
        tenant_scoped("organisation_id", "$2")
    ))
    .bind(id)
    .bind(viewer.tenant_scope())
    .fetch_optional(&db.pool)
    .await?;
    let Some((name, media_type)) = found else {
        return Ok(None);
    };
    Ok(DbStore(db.clone())
        .get(&blob_key(id))
        .await?
        .map(|bytes| (name, media_type, bytes)))
}

/// Claims request `request` (approved, of `viewer`'s organisation) at an
/// actual cost: the vendor's share of it, never more than approved. The
/// claim needs proof and must come before its due date; a returned claim
/// is sent again this way.
pub async fn submit_claim(
    db: &Db,
    viewer: &Viewer,
    request: &str,
    actual_cost: &str,
    note: &str,
    now: i64,
    ip: Option<&str>,
) -> Result<(), AppError> {
    authorize_fund_request(viewer)?;
    let cost = parse_amount(actual_cost).ok_or_else(|| {
        AppError::field(
            "actual_cost",
            crate::t!("Enter an amount above zero, like 12,500."),
        )
    })?;
    let note = note.trim();
    if note.chars().count() > 2_000 {
        return Err(AppError::field(
            "note",
            crate::t!("Keep it under 2,000 characters."),
        ));
    }
    let found: Option<(String, i64, i64, String, String, Option<String>)> =
        sqlx::query_as(&format!(
            "SELECT r.status, r.share_bp, r.approved_minor, r.ends_on, r.title, r.campaign_id \
         FROM fund_requests r WHERE r.id = $1 AND {}",
            tenant_scoped("r.organisation_id", "$2")
        ))
        .bind(request)
        .bind(viewer.tenant_scope())
        .fetch_optional(&db.pool)
        .await?;
    let (status, share_bp, approved, ends_on, title, campaign) = found.ok_or(AppError::NotFound)?;
    if status != "approved" {
        return Err(AppError::Conflict(
            crate::t!("Only an approved request is claimed.").to_owned(),
        ));
    }
    let mut tx = db.write(viewer.actor(ip)).await?;
    let days: i64 = sqlx::query_scalar("SELECT fund_claim_days FROM program_settings WHERE id = 1")
        .fetch_one(&mut *tx)
        .await?;
    let due = claim_due(&ends_on, days).unwrap_or_default();
    if crate::format::utc_date(now) > due {
        return Err(AppError::Conflict(crate::t!(
            "Claims for this activity were due by {date}.",
            date = crate::format::iso_day(&due)
        )));
    }
    let proofs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM fund_proofs WHERE request_id = $1")
        .bind(request)
        .fetch_one(&mut *tx)
        .await?;
    // A campaign run in Trellis is its own proof: its results are shown
    // with the claim.
    if proofs == 0 && campaign.is_none() {
        return Err(AppError::field(
            "proof",
            crate::t!("Add proof first: the invoice and evidence the activity ran."),
        ));
    }
    let claimed = claimable(cost, share_bp, approved);
    if claimed == 0 {
        return Err(AppError::field(
            "actual_cost",
            crate::t!("The vendor's share of this cost rounds to nothing."),
        ));
    }
    // A first claim is inserted; a returned one is corrected. A claim
    // waiting, approved or paid stays as it is.
    let again = sqlx::query(
        "UPDATE fund_claims SET actual_cost_minor = $1, claimed_minor = $2, note = $3, \
         status = 'submitted', submitted_at = $4, review_note = NULL \
         WHERE request_id = $5 AND status = 'returned'",
    )
    .bind(cost)
    .bind(claimed)
    .bind(note)
    .bind(now)
    .bind(request)
    .execute(&mut *tx)
    .await?;
    if again.rows_affected() == 0 {
        let existing: Option<String> =
            sqlx::query_scalar("SELECT status FROM fund_claims WHERE request_id = $1")
                .bind(request)
                .fetch_optional(&mut *tx)
                .await?;
        if existing.is_some() {
            return Err(AppError::Conflict(
                crate::t!("This request is claimed already.").to_owned(),
            ));
        }
        sqlx::query(
            "INSERT INTO fund_claims (id, request_id, organisation_id, actual_cost_minor, claimed_minor, note, status, submitted_at) \
             VALUES ($1, $2, $3, $4, $5, $6, 'submitted', $7)",
        )
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(request)
        .bind(&viewer.organisation_id)
        .bind(cost)
        .bind(claimed)
        .bind(note)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "fund_claim.submitted",
        record_type: "fund_request",
        record_id: Some(request),
        detail: Some(&claimed.to_string()),
    })
    .await?;
    for email in super::requests::reviewers(&mut tx, &viewer.organisation_id).await? {
        let (partner, title) = (viewer.organisation_name.clone(), title.clone());
        tx.notify(&email, &link(request), |l| {
            (
                crate::t!(in l, "Claim from {partner}: {title}", partner = partner, title = title),
                crate::t!(in l, "Look at the proof and approve the claim, or return it with what is missing.").to_owned(),
            )
        })
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A reviewer's decision on a claim: approve it (at most what it claims;
/// all of it when `amount` is `None`) or return it with `note` saying
/// what is missing.
pub struct ClaimDecision {
    pub approve: bool,
    pub amount: Option<i64>,
    pub note: String,
}

/// Decides claim `claim`; the partner's admins are told.
pub async fn review_claim(
    db: &Db,
    viewer: &Viewer,
    claim: &str,
    decision: &ClaimDecision,
    now: i64,
    ip: Option<&str>,
) -> Result<(), AppError> {
    authorize_fund_review(viewer)?;
    let (approve, amount) = (decision.approve, decision.amount);
    let note = decision.note.trim();
    if !approve && note.chars().count() < 2 {
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
    let mut tx = db.write(viewer.actor(ip)).await?;
    let found: Option<(String, String, i64, String, String)> = sqlx::query_as(
        "SELECT c.organisation_id, c.request_id, c.claimed_minor, r.title, p.currency \
         FROM fund_claims c JOIN fund_requests r ON r.id = c.request_id \
         JOIN fund_allocations a ON a.id = r.allocation_id JOIN fund_periods p ON p.id = a.period_id \
         WHERE c.id = $1",
    )
    .bind(claim)
    .fetch_optional(&mut *tx)
    .await?;
    let (organisation, request, claimed, title, currency) = found.ok_or(AppError::NotFound)?;
    let approved = if approve {
        amount.unwrap_or(claimed)
    } else {
        0
    };
    if approve && approved > claimed {
        return Err(AppError::field(
            "amount",
            crate::t!("Approve at most what is claimed."),
        ));
    }
    let moved = sqlx::query(
        "UPDATE fund_claims SET status = $1, approved_minor = $2, review_note = $3, reviewed_by = $4, \
         decided_at = $5 WHERE id = $6 AND status = 'submitted'",
    )
    .bind(if approve { "approved" } else { "returned" })
    .bind(approved)
    .bind(Some(note).filter(|n| !n.is_empty()))
    .bind(&viewer.person_id)
    .bind(now)
    .bind(claim)
    .execute(&mut *tx)
    .await?;
    if moved.rows_affected() == 0 {
        return Err(AppError::Conflict(
            crate::t!("This claim is not waiting for review any more.").to_owned(),
        ));
    }
    let shown = amount_from_cents(approved, &currency);
    tx.audit(Entry {
        organisation_id: Some(&organisation),
        action: if approve {
            "fund_claim.approved"
        } else {
            "fund_claim.returned"
        },
        record_type: "fund_request",
        record_id: Some(&request),
        detail: Some(&if approve {
            format!("{shown} {note}")
        } else {
            note.to_owned()
        }),
    })
    .await?;
    for (email, _) in tx.partner_admins(&organisation).await? {
        let (title, shown, note) = (title.clone(), shown.clone(), note.to_owned());
        tx.notify(&email, &link(&request), |l| {
            if approve {
                (
                    crate::t!(in l, "Claim approved: {title}", title = title),
                    crate::t!(in l, "{amount} will be paid to you.", amount = shown),
                )
            } else {
                (
                    crate::t!(in l, "Claim returned: {title}", title = title),
                    crate::t!(in l, "What is missing: {note}", note = note),
                )
            }
        })
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// What is owed on an approved claim, as a payment needs it.
struct Owed {
    claim: String,
    organisation: String,
    request: String,
    owed: i64,
    title: String,
    currency: String,
}

const OWED: &str =
    "SELECT c.id, c.organisation_id, c.request_id, c.approved_minor - c.paid_minor, r.title, \
     p.currency FROM fund_claims c JOIN fund_requests r ON r.id = c.request_id \
     JOIN fund_allocations a ON a.id = r.allocation_id JOIN fund_periods p ON p.id = a.period_id \
     WHERE c.status = 'approved'";

fn owed(
    (claim, organisation, request, owed, title, currency): (
        String,
        String,
        String,
        i64,
        String,
        String,
    ),
) -> Owed {
    Owed {
        claim,
        organisation,
        request,
        owed,
        title,
        currency,
    }
}

/// Pays `amount` against `o` with `reference`, inside `tx`: guarded like
/// the ledger, so a payment never takes the claim past what was approved,
/// however many are recorded at once (`false` when it would).
async fn pay_in(
    tx: &mut Write,
    viewer: &Viewer,
    o: &Owed,
    amount: i64,
    reference: &str,
    now: i64,
) -> Result<bool, AppError> {
    let taken = sqlx::query(
        "UPDATE fund_claims SET paid_minor = paid_minor + $1, \
         status = CASE WHEN paid_minor + $1 = approved_minor THEN 'paid' ELSE status END \
         WHERE id = $2 AND status = 'approved' AND paid_minor + $1 <= approved_minor",
    )
    .bind(amount)
    .bind(&o.claim)
    .execute(&mut **tx)
    .await?;
    if taken.rows_affected() == 0 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO fund_payments (id, claim_id, organisation_id, amount_minor, reference, recorded_by, paid_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(&o.claim)
    .bind(&o.organisation)
    .bind(amount)
    .bind(reference)
    .bind(&viewer.person_id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    let shown = amount_from_cents(amount, &o.currency);
    tx.audit(Entry {
        organisation_id: Some(&o.organisation),
        action: "fund_claim.paid",
        record_type: "fund_request",
        record_id: Some(&o.request),
        detail: Some(&format!("{shown} {reference}")),
    })
    .await?;
    for (email, _) in tx.partner_admins(&o.organisation).await? {
        let (title, shown, reference) = (o.title.clone(), shown.clone(), reference.to_owned());
        tx.notify(&email, &link(&o.request), |l| {
            (
                crate::t!(in l, "Paid: {amount} for {title}", amount = shown, title = title),
                crate::t!(in l, "Payment reference {reference}.", reference = reference),
            )
        })
        .await?;
    }
    Ok(true)
}

fn check_reference(reference: &str) -> Result<&str, AppError> {
    let reference = reference.trim();
    if reference.is_empty() || reference.chars().count() > 80 {
        return Err(AppError::field(
            "reference",
            crate::t!("Enter the payment's reference, up to 80 characters."),
        ));
    }
    Ok(reference)
}

/// Records a payment of `amount` (at most what is still owed; all of it
/// when empty) against approved claim `claim`, with the ERP's
/// `reference`; paid in full, the claim is paid.
pub async fn record_payment(
    db: &Db,
    viewer: &Viewer,
    claim: &str,
    amount: &str,
    reference: &str,
    now: i64,
    ip: Option<&str>,
) -> Result<(), AppError> {
    authorize_program(viewer)?;
    let reference = check_reference(reference)?;
    let mut tx = db.write(viewer.actor(ip)).await?;
    let found: Option<(String, String, String, i64, String, String)> =
        sqlx::query_as(&format!("{OWED} AND c.id = $1"))
            .bind(claim)
            .fetch_optional(&mut *tx)
            .await?;
    let o = owed(found.ok_or(AppError::NotFound)?);
    let amount = match amount.trim() {
        "" => o.owed,
        text => parse_amount(text).ok_or_else(|| {
            AppError::field(
                "amount",
                crate::t!("Enter an amount above zero, like 12,500."),
            )
        })?,
    };
    if !pay_in(&mut tx, viewer, &o, amount, reference, now).await? {
        return Err(AppError::field(
            "amount",
            &crate::t!(
                "Pay at most what is owed: {owed}.",
                owed = amount_from_cents(o.owed, &o.currency)
            ),
        ));
    }
    tx.commit().await?;
    Ok(())
}

/// Marks everything the payout file lists paid in full with the ERP's
/// `reference` (the file was paid as one run); answers how many claims.
pub async fn record_payouts(
    db: &Db,
    viewer: &Viewer,
    reference: &str,
    now: i64,
    ip: Option<&str>,
) -> Result<usize, AppError> {
    authorize_program(viewer)?;
    let reference = check_reference(reference)?;
    let mut tx = db.write(viewer.actor(ip)).await?;
    let all: Vec<(String, String, String, i64, String, String)> =
        sqlx::query_as(&format!("{OWED} ORDER BY c.id"))
            .fetch_all(&mut *tx)
            .await?;
    let mut paid = 0;
    for row in all {
        let o = owed(row);
        if o.owed > 0 && pay_in(&mut tx, viewer, &o, o.owed, reference, now).await? {
            paid += 1;
        }
    }
    tx.commit().await?;
    Ok(paid)
}

/// The payout file: every approved claim still owed money, one line
/// each, for the ERP (vendor staff who review or pay).
pub async fn payouts_csv(db: &Db, viewer: &Viewer) -> Result<String, AppError> {
    authorize_fund_review(viewer)?;
    type Payout = (String, String, String, String, String, i64, i64, String);
    let rows: Vec<Payout> = sqlx::query_as(
        "SELECT c.id, o.name, COALESCE(o.website, ''), r.title, r.activity, c.approved_minor, \
         c.approved_minor - c.paid_minor, p.currency \
         FROM fund_claims c JOIN organisations o ON o.id = c.organisation_id \
         JOIN fund_requests r ON r.id = c.request_id JOIN fund_allocations a ON a.id = r.allocation_id \
         JOIN fund_periods p ON p.id = a.period_id \
         WHERE c.status = 'approved' ORDER BY o.name, c.decided_at, c.id",
    )
    .fetch_all(&db.pool)
    .await?;
    let mut out = String::from(
        "claim_id,partner,partner_website,activity,activity_kind,approved,owed,currency\n",
    );
    for (id, partner, website, title, kind, approved, owed, currency) in rows {
        let cells = [
            id,
            partner,
            website,
            title,
            kind,
            minor_as_decimal(approved),
            minor_as_decimal(owed),
            currency,
        ];
        let line: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    Ok(out)
}

/// Minor units as an ERP reads them: "1234.50".
fn minor_as_decimal(minor: i64) -> String {
    format!("{}.{:02}", minor / 100, minor % 100)
}
