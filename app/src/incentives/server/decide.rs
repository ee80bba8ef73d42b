//! What happens to earnings after they accrue: approved in bulk by a
//! channel manager (or the program admin), paid with the ERP's reference,
//! exported for the ERP; a partner's question on a line and the answer,
//! both kept in the audit log.

use crate::{
    audit::server::Entry,
    auth::{
        policy::{
            authorize_deal_registration, authorize_fund_review, authorize_program, tenant_scoped,
        },
        Viewer,
    },
    db::{Db, Write},
    error::AppError,
    funds::csv_field,
};

/// Per partner, how many lines moved and to whom to say so.
async fn tell(
    tx: &mut Write,
    moved: &[(String, i64)],
    title: &(dyn Fn(crate::i18n::Locale, i64) -> (String, String) + Sync),
) -> Result<(), AppError> {
    for (organisation, n) in moved {
        for (email, _) in tx.partner_admins(organisation).await? {
            let n = *n;
            tx.notify(&email, "/earnings", |l| title(l, n)).await?;
        }
    }
    Ok(())
}

/// Moves every earning in `from` earned before `up_to` to `to` (with
/// `reference` when paid); answers per partner how many moved.
async fn move_all(
    tx: &mut Write,
    viewer: &Viewer,
    (from, to): (&str, &str),
    up_to: i64,
    reference: Option<&str>,
    now: i64,
) -> Result<Vec<(String, i64)>, AppError> {
    let counts: Vec<(String, i64)> = sqlx::query_as(
        "SELECT organisation_id, COUNT(*) FROM earnings WHERE status = $1 AND earned_at < $2 \
         GROUP BY organisation_id ORDER BY organisation_id",
    )
    .bind(from)
    .bind(up_to)
    .fetch_all(&mut **tx)
    .await?;
    let sql = if to == "paid" {
        "UPDATE earnings SET status = 'paid', paid_reference = $1, paid_at = $2 \
         WHERE status = $3 AND earned_at < $4"
    } else {
        "UPDATE earnings SET status = 'approved', approved_by = $1, approved_at = $2 \
         WHERE status = $3 AND earned_at < $4"
    };
    sqlx::query(sql)
        .bind(reference.unwrap_or(&viewer.person_id))
        .bind(now)
        .bind(from)
        .bind(up_to)
        .execute(&mut **tx)
        .await?;
    for (organisation, n) in &counts {
        tx.audit(Entry {
            organisation_id: Some(organisation),
            action: if to == "paid" {
                "earnings.paid"
            } else {
                "earnings.approved"
            },
            record_type: "earning",
            record_id: None,
            detail: Some(&format!("{n} {}", reference.unwrap_or_default())),
        })
        .await?;
    }
    Ok(counts)
}

/// Approves every earning accrued from deals won before `up_to`;
/// answers how many.
pub async fn approve_all(
    db: &Db,
    viewer: &Viewer,
    up_to: i64,
    now: i64,
    ip: Option<&str>,
) -> Result<i64, AppError> {
    authorize_fund_review(viewer)?;
    let mut tx = db.write(viewer.actor(ip)).await?;
    let moved = move_all(&mut tx, viewer, ("accrued", "approved"), up_to, None, now).await?;
    tell(&mut tx, &moved, &|l, n| {
        (
            crate::t!(in l, "Earnings approved for payment").to_owned(),
            crate::t!(in l, "{n} lines of your earnings statement are approved and will be paid.", n = n),
        )
    })
    .await?;
    tx.commit().await?;
    Ok(moved.iter().map(|(_, n)| n).sum())
}

/// Marks every approved earning paid with the ERP's `reference`; answers
/// how many.
pub async fn pay_all(
    db: &Db,
    viewer: &Viewer,
    reference: &str,
    now: i64,
    ip: Option<&str>,
) -> Result<i64, AppError> {
    authorize_program(viewer)?;
    let reference = reference.trim();
    if reference.is_empty() || reference.chars().count() > 80 {
        return Err(AppError::field(
            "reference",
            crate::t!("Enter the payment's reference, up to 80 characters."),
        ));
    }
    let mut tx = db.write(viewer.actor(ip)).await?;
    let moved = move_all(
        &mut tx,
        viewer,
        ("approved", "paid"),
        now + 1,
        Some(reference),
        now,
    )
    .await?;
    let reference = reference.to_owned();
    tell(&mut tx, &moved, &|l, n| {
        (
            crate::t!(in l, "Earnings paid").to_owned(),
            crate::t!(in l, "{n} lines of your earnings statement were paid, reference {reference}.", n = n, reference = reference.clone()),
        )
    })
    .await?;
    tx.commit().await?;
    Ok(moved.iter().map(|(_, n)| n).sum())
}

/// The payout file: every approved earning, one line each.
pub async fn payouts_csv(db: &Db, viewer: &Viewer) -> Result<String, AppError> {
    authorize_fund_review(viewer)?;
    type Payout = (String, String, String, String, i64, String);
    let rows: Vec<Payout> = sqlx::query_as(
        "SELECT e.id, o.name, d.reference, p.name, e.amount_minor, p.currency FROM earnings e \
         JOIN organisations o ON o.id = e.organisation_id JOIN deals d ON d.id = e.deal_id \
         JOIN incentive_programs p ON p.id = e.program_id WHERE e.status = 'approved' \
         ORDER BY o.name, e.earned_at, e.id",
    )
    .fetch_all(&db.pool)
    .await?;
    let mut out = String::from("earning_id,partner,deal,program,amount,currency\n");
    for (id, partner, deal, program, amount, currency) in rows {
        let amount = format!("{}.{:02}", amount / 100, amount % 100);
        let cells = [id, partner, deal, program, amount, currency];
        let line: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    Ok(out)
}

fn check_text(field: &str, text: &str) -> Result<String, AppError> {
    let text = text.trim();
    if text.chars().count() < 2 || text.chars().count() > 2_000 {
        return Err(AppError::field(
            field,
            crate::t!("Write 2 to 2,000 characters."),
        ));
    }
    Ok(text.to_owned())
}

/// A partner questions its own earning `id`; its channel manager (or the
/// program admin) is told.
pub async fn question(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    text: &str,
    ip: Option<&str>,
) -> Result<(), AppError> {
    authorize_deal_registration(viewer)?;
    let text = check_text("question", text)?;
    let mut tx = db.write(viewer.actor(ip)).await?;
    let asked = sqlx::query(&format!(
        "UPDATE earnings SET question = $1, answer = NULL WHERE id = $2 AND {}",
        tenant_scoped("organisation_id", "$3")
    ))
    .bind(&text)
    .bind(id)
    .bind(viewer.tenant_scope())
    .execute(&mut *tx)
    .await?;
    if asked.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "earning.questioned",
        record_type: "earning",
        record_id: Some(id),
        detail: Some(&text),
    })
    .await?;
    for email in crate::funds::server::reviewers(&mut tx, &viewer.organisation_id).await? {
        let (partner, text) = (viewer.organisation_name.clone(), text.clone());
        tx.notify(&email, "/earnings", |l| {
            (
                crate::t!(in l, "{partner} questions an earning", partner = partner),
                text,
            )
        })
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Answers the question on earning `id`; the partner's admins are told.
pub async fn answer(
    db: &Db,
    viewer: &Viewer,
    id: &str,
    text: &str,
    ip: Option<&str>,
) -> Result<(), AppError> {
    authorize_fund_review(viewer)?;
    let text = check_text("answer", text)?;
    let mut tx = db.write(viewer.actor(ip)).await?;
    let organisation: Option<String> = sqlx::query_scalar(
        "SELECT organisation_id FROM earnings WHERE id = $1 AND question IS NOT NULL",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let organisation = organisation.ok_or(AppError::NotFound)?;
    sqlx::query("UPDATE earnings SET answer = $1 WHERE id = $2")
        .bind(&text)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.audit(Entry {
        organisation_id: Some(&organisation),
        action: "earning.answered",
        record_type: "earning",
        record_id: Some(id),
        detail: Some(&text),
    })
    .await?;
    for (email, _) in tx.partner_admins(&organisation).await? {
        let text = text.clone();
        tx.notify(&email, "/earnings", |l| {
            (
                crate::t!(in l, "Your question on an earning was answered").to_owned(),
                text,
            )
        })
        .await?;
    }
    tx.commit().await?;
    Ok(())
}
