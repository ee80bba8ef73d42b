//! The vendor's side of the program around registrations: named direct
//! accounts, the published rules of engagement, and bulk approval.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct DirectAccount {
    pub id: String,
    pub company: String,
    pub domain: Option<String>,
    pub created_at: i64,
}

/// What the rules-of-engagement page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rules {
    pub text: String,
    pub sla_hours: i64,
    pub default_protection_days: i64,
    /// (tier, protection days)
    pub tiers: Vec<(String, i64)>,
    pub can_edit: bool,
}

/// One direct account to add, checked.
pub fn parse_account(company: &str, domain: &str) -> Result<(String, Option<String>), String> {
    let company = company.trim();
    if !super::matching::names_a_company(company) || company.chars().count() > 200 {
        return Err("a company name is needed".to_owned());
    }
    let domain = domain.trim();
    if domain.is_empty() {
        return Ok((company.to_owned(), None));
    }
    match super::matching::domain_key(domain) {
        Some(_) => Ok((company.to_owned(), Some(domain.to_lowercase()))),
        None => Err(format!("“{domain}” is not a web domain")),
    }
}

/// Parses pasted CSV (`company,domain` per line; a header line and blank
/// lines are skipped; quotes allowed). Every bad line is reported, by
/// number; then nothing is imported.
pub fn parse_csv(text: &str) -> Result<Vec<(String, Option<String>)>, Vec<String>> {
    let mut accounts = Vec::new();
    let mut errors = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || (n == 0 && line.to_lowercase().starts_with("company")) {
            continue;
        }
        let fields = split_csv_line(line);
        let company = fields.first().map(String::as_str).unwrap_or_default();
        let domain = fields.get(1).map(String::as_str).unwrap_or_default();
        match parse_account(company, domain) {
            Ok(account) => accounts.push(account),
            Err(why) => errors.push(format!("line {}: {why}", n + 1)),
        }
    }
    if errors.is_empty() && accounts.is_empty() {
        errors.push("no accounts found: one “company,domain” per line".to_owned());
    }
    if errors.is_empty() {
        Ok(accounts)
    } else {
        Err(errors)
    }
}

fn split_csv_line(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    fields.push(field);
    fields
}

/// The vendor's named direct accounts, alphabetically (matching `search`).
///
/// Who may call: vendor staff (partners must not see the vendor's account
/// list). Errors: `Unauthenticated`, `Forbidden`, `Internal`.
#[server(endpoint = "direct_accounts")]
pub async fn direct_accounts(search: String) -> Result<Vec<DirectAccount>, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
    if !viewer.role.is_vendor() {
        return Err(AppError::Forbidden);
    }
    super::check_search(&search)?;
    let pattern = format!("%{}%", search.trim().to_lowercase().replace(['%', '_'], ""));
    Ok(sqlx::query_as::<_, DirectAccount>(
        "SELECT id, company, domain, created_at FROM direct_accounts \
         WHERE LOWER(company) LIKE $1 ORDER BY company LIMIT 500",
    )
    .bind(pattern)
    .fetch_all(&db.pool)
    .await?)
}

/// Adds direct accounts: one (`company`, `domain`) or many (`csv`, pasted
/// "company,domain" lines). All or nothing.
///
/// Who may call: the program admin and channel managers. Errors:
/// `Unauthenticated`, `Forbidden`, `Validation` (every bad line named),
/// `Internal`.
#[server(endpoint = "add_direct_accounts")]
pub async fn add_direct_accounts(
    company: String,
    domain: String,
    csv: String,
) -> Result<usize, AppError> {
    use crate::{
        audit::server::Entry,
        auth::{policy::authorize_deal_review, server as auth},
    };

    let db = crate::db::use_db()?;
    let viewer = auth::require_viewer(&db).await?;
    authorize_deal_review(&viewer)?;
    let accounts = if csv.trim().is_empty() {
        vec![parse_account(&company, &domain)
            .map_err(|why| AppError::field("company", &format!("Cannot add it: {why}.")))?]
    } else {
        parse_csv(&csv).map_err(|errors| {
            AppError::field(
                "csv",
                &format!("Nothing imported. Fix {}.", errors.join("; ")),
            )
        })?
    };
    let now = auth::now();
    let mut tx = db
        .write(viewer.actor(auth::RequestInfo::current().ip.as_deref()))
        .await?;
    for (company, domain) in &accounts {
        let key = super::matching::company_key(company);
        sqlx::query(
            "INSERT INTO direct_accounts (id, company, domain, company_key, domain_key, \
             created_at, reverse_key, short_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(company)
        .bind(domain.as_deref())
        .bind(&key)
        .bind(domain.as_deref().and_then(super::matching::domain_key))
        .bind(now)
        .bind(super::matching::reversed(&key))
        .bind(super::matching::short_key(&key))
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

/// The rules of engagement: matching, protection, SLA and disputes.
///
/// Who may call: any signed-in person. Errors: `Unauthenticated`,
/// `Internal`.
#[server(endpoint = "rules_of_engagement")]
pub async fn rules_of_engagement() -> Result<Rules, AppError> {
    let db = crate::db::use_db()?;
    let viewer = crate::auth::server::require_viewer(&db).await?;
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
        can_edit: crate::auth::policy::authorize_program(&viewer).is_ok(),
    })
}

/// Changes the published rules, the approval SLA and the default
/// protection.
///
/// Who may call: the program admin. Errors: `Unauthenticated`, `Forbidden`,
/// `Validation` (per field), `Internal`.
#[server(endpoint = "update_rules")]
pub async fn update_rules(
    text: String,
    sla_hours: String,
    default_protection_days: String,
) -> Result<(), AppError> {
    use crate::{audit::server::Entry, auth::server as auth};

    let db = crate::db::use_db()?;
    let viewer = auth::require_viewer(&db).await?;
    crate::auth::policy::authorize_program(&viewer)?;
    let mut errors = Vec::new();
    let sla = sla_hours
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|h| (1..=720).contains(h));
    if sla.is_none() {
        errors.push(crate::error::FieldError {
            field: "sla_hours".into(),
            message: "Enter whole hours between 1 and 720.".into(),
        });
    }
    let days = default_protection_days
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|d| (1..=730).contains(d));
    if days.is_none() {
        errors.push(crate::error::FieldError {
            field: "default_protection_days".into(),
            message: "Enter whole days between 1 and 730.".into(),
        });
    }
    if text.chars().count() > 20_000 {
        errors.push(crate::error::FieldError {
            field: "text".into(),
            message: "Keep the rules under 20,000 characters.".into(),
        });
    }
    let (Some(sla), Some(days), true) = (sla, days, errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };
    let mut tx = db
        .write(viewer.actor(auth::RequestInfo::current().ip.as_deref()))
        .await?;
    sqlx::query(
        "UPDATE program_settings SET rules_of_engagement = $1, deal_sla_hours = $2, \
         default_protection_days = $3 WHERE id = 1",
    )
    .bind(text.trim())
    .bind(sla)
    .bind(days)
    .execute(&mut *tx)
    .await?;
    let detail = format!("SLA {sla} h, default protection {days} days");
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
///
/// Who may call: the program admin and channel managers. Errors:
/// `Unauthenticated`, `Forbidden`, `Internal`.
#[server(endpoint = "approve_clean_deals")]
pub async fn approve_clean_deals(ids: String) -> Result<usize, AppError> {
    use super::server::{decide, Decision};
    use crate::auth::{policy::authorize_deal_review, server as auth};

    let db = crate::db::use_db()?;
    let viewer = auth::require_viewer(&db).await?;
    authorize_deal_review(&viewer)?;
    let ip = auth::RequestInfo::current().ip;
    let mut approved = 0;
    for id in ids.split(',').map(str::trim).filter(|id| !id.is_empty()) {
        let clean: Option<String> = sqlx::query_scalar(
            "SELECT id FROM deals WHERE id = $1 AND status = 'submitted' AND conflict IS NULL",
        )
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
        if clean.is_none() {
            continue;
        }
        match decide(&db, &viewer, id, Decision::Approve, None, ip.as_deref()).await {
            Ok(()) => approved += 1,
            // Decided meanwhile, or the customer is held: left for one by one.
            Err(AppError::Validation(_)) => {}
            Err(other) => return Err(other),
        }
    }
    Ok(approved)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_is_all_or_nothing_with_line_numbers() {
        let good = "company,domain\nGlobex Corporation,globex.com\n\n\"Initech, Inc.\",initech.example\nHooli,\n";
        assert_eq!(
            parse_csv(good).unwrap(),
            vec![
                (
                    "Globex Corporation".to_owned(),
                    Some("globex.com".to_owned())
                ),
                (
                    "Initech, Inc.".to_owned(),
                    Some("initech.example".to_owned())
                ),
                ("Hooli".to_owned(), None),
            ]
        );
        let bad = "Globex,globex.com\nInc.,x.com\nAcme,not a domain\n";
        assert_eq!(
            parse_csv(bad).unwrap_err(),
            vec![
                "line 2: a company name is needed".to_owned(),
                "line 3: “not a domain” is not a web domain".to_owned()
            ]
        );
        assert!(parse_csv("company,domain\n").is_err());
    }
}
