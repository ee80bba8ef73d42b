//! The vendor's side of the program around registrations: named direct
//! accounts, the published rules of engagement, and bulk approval.

use crate::{
    audit::server::Entry,
    auth::{policy::authorize_program, Viewer},
    db::Db,
    deals::{matching, program::ValidRules, DirectAccount, Rules},
    error::AppError,
};

/// Direct accounts whose name contains `search` (any case), by name.
pub async fn direct_accounts(db: &Db, search: &str) -> Result<Vec<DirectAccount>, sqlx::Error> {
    let Some(pattern) = super::read::contains_pattern(search.trim()) else {
        return sqlx::query_as::<_, DirectAccount>(
            "SELECT id, company, domain, created_at FROM direct_accounts \
             ORDER BY company LIMIT 500",
        )
        .fetch_all(&db.pool)
        .await;
    };
    sqlx::query_as::<_, DirectAccount>(
        "SELECT id, company, domain, created_at FROM direct_accounts \
         WHERE LOWER(company) LIKE $1 ORDER BY company LIMIT 500",
    )
    .bind(pattern)
    .fetch_all(&db.pool)
    .await
}

/// Adds checked direct accounts (company, domain), all or nothing, with
/// their matching keys.
pub async fn add_direct_accounts(
    db: &Db,
    viewer: &Viewer,
    accounts: &[(String, Option<String>)],
    ip: Option<&str>,
) -> Result<usize, AppError> {
    let now = crate::auth::server::now();
    let mut tx = db.write(viewer.actor(ip)).await?;
    for (company, domain) in accounts {
        let key = crate::values::company_key(company);
        sqlx::query(
            "INSERT INTO direct_accounts (id, company, domain, company_key, domain_key, \
             created_at, reverse_key, short_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(company)
        .bind(domain.as_deref())
        .bind(&key)
        .bind(domain.as_deref().and_then(crate::values::domain_key))
        .bind(now)
        .bind(matching::reversed(&key))
        .bind(matching::short_key(&key))
        .execute(&mut *tx)
        .await?;
    }
    let detail = format!("{} direct account(s)", accounts.len());
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "direct_accounts_added",
        record_type: "direct_account",
        record_id: None,
        detail: Some(&detail),
    })
    .await?;
    tx.commit().await?;
    Ok(accounts.len())
}

/// The rules of engagement as the viewer sees them.
pub async fn rules(db: &Db, viewer: &Viewer) -> Result<Rules, sqlx::Error> {
    let (text, sla_hours, default_protection_days): (String, i64, i64) = sqlx::query_as(
        "SELECT rules_of_engagement, deal_sla_hours, default_protection_days \
         FROM program_settings WHERE id = 1",
    )
    .fetch_one(&db.pool)
    .await?;
    let tiers = sqlx::query_as("SELECT name, protection_days FROM tiers ORDER BY rank")
        .fetch_all(&db.pool)
        .await?;
    Ok(Rules {
        text,
        sla_hours,
        default_protection_days,
        tiers,
        can_edit: authorize_program(viewer).is_ok(),
    })
}

/// Publishes new rules, SLA and default protection.
pub async fn update_rules(
    db: &Db,
    viewer: &Viewer,
    rules: &ValidRules,
    ip: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = db.write(viewer.actor(ip)).await?;
    sqlx::query(
        "UPDATE program_settings SET rules_of_engagement = $1, deal_sla_hours = $2, \
         default_protection_days = $3 WHERE id = 1",
    )
    .bind(&rules.text)
    .bind(rules.sla_hours)
    .bind(rules.default_protection_days)
    .execute(&mut *tx)
    .await?;
    let detail = format!(
        "SLA {} h, default protection {} days",
        rules.sla_hours, rules.default_protection_days
    );
    tx.audit(Entry {
        organisation_id: Some(&viewer.organisation_id),
        action: "rules_updated",
        record_type: "program",
        record_id: None,
        detail: Some(&detail),
    })
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Approves every listed registration that is clean: submitted, with no
/// conflict flag. Others are left for a decision one by one. Answers how
/// many were approved.
pub async fn approve_clean(
    db: &Db,
    viewer: &Viewer,
    ids: &[&str],
    ip: Option<&str>,
) -> Result<usize, AppError> {
    let mut approved = 0;
    for id in ids {
        let clean: Option<String> = sqlx::query_scalar(
            "SELECT id FROM deals WHERE id = $1 AND status = 'submitted' AND conflict IS NULL",
        )
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
        if clean.is_none() {
            continue;
        }
        match super::decide(db, viewer, id, crate::deals::Decision::Approve, None, ip).await {
            Ok(()) => approved += 1,
            // Decided meanwhile, or the customer is held: left for one by one.
            Err(AppError::Validation(_)) => {}
            Err(other) => return Err(other),
        }
    }
    Ok(approved)
}
